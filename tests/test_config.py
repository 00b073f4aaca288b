"""study.yml is checked completely before any analysis runs."""

import textwrap

import pytest

from toolkit.config import ConfigError, load_study


def _write(tmp_path, text):
    (tmp_path / "survey.csv").write_text("resp_id\n1\n")
    (tmp_path / "dictionary.csv").write_text("variable\n")
    p = tmp_path / "study.yml"
    p.write_text(textwrap.dedent(text))
    return p


def test_valid_config_resolves_relative_paths(tmp_path):
    p = _write(
        tmp_path,
        """
        study: {name: Test, seed: 7}
        disclosure: {threshold: 5}
        survey: {data: survey.csv, dictionary: dictionary.csv}
        evaluate: {study_start: 2022-01-01, reporting_launch: 2023-01-01, study_end: 2024-01-01}
        analyses: [survey]
        """,
    )
    cfg = load_study(p)
    assert cfg.seed == 7 and cfg.threshold == 5 and cfg.name == "Test"
    assert cfg.path("survey", "data") == tmp_path.resolve() / "survey.csv"
    assert cfg.analyses == ("survey",)
    assert set(cfg.input_files()) == {tmp_path.resolve() / "survey.csv", tmp_path.resolve() / "dictionary.csv"}


@pytest.mark.parametrize(
    "text, fragments",
    [
        ("survey: {data: nothere.csv}\n", ["'survey.data' names a file that does not exist: nothere.csv"]),
        ("survey: {datta: survey.csv}\n", ["unknown key 'survey.datta'", "'data'"]),
        ("surveys: {}\n", ["unknown section 'surveys'"]),
        ("analyses: [survey, magic]\n", ["unknown analyses ['magic']"]),
        ("disclosure: {threshold: ten}\n", ["'disclosure.threshold' should be a whole number; found 'ten'"]),
        ("disclosure: {threshold: 0}\n", ["at least 5"]),
        ("disclosure: {threshold: 3}\n", ["allow_low_threshold"]),
        ("disclosure: {zeros: banana}\n", ["'publish' or 'suppress'"]),
        ("disclosure: {rounding: 1}\n", ["at least 2"]),
        ("evaluate: {study_start: 2024-01-01, study_end: 2023-01-01}\n", ["must be before 'evaluate.study_end'"]),
        (
            "evaluate: {study_start: 2022-01-01, study_end: 2023-01-01, reporting_launch: 2023-06-01}\n",
            ["'evaluate.reporting_launch' (2023-06-01) must be before 'evaluate.study_end'"],
        ),
        ("evaluate: {rollout_start: 31/01/2023}\n", ["a date written YYYY-MM-DD", "31/01/2023"]),
        ("survey: [a, b\n", ["not valid YAML", "line"]),
    ],
)
def test_bad_config_lists_every_problem(tmp_path, text, fragments):
    p = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_study(p)
    message = str(info.value)
    assert str(p) in message
    for fragment in fragments:
        assert fragment in message


def test_all_problems_reported_together(tmp_path):
    p = _write(tmp_path, "survey: {data: a.csv, dictionary: b.csv, colour: red}\n")
    with pytest.raises(ConfigError) as info:
        load_study(p)
    assert len(info.value.problems) == 3


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_study(tmp_path / "study.yml")


def test_cli_reports_config_error_without_traceback(tmp_path, capsys):
    from toolkit.cli import main

    p = _write(tmp_path, "survey: {data: nothere.csv}\n")
    assert main(["evidence-pack", "--config", str(p), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "nothere.csv" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "evidence-pack").exists()
