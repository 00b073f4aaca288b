"""study.yml keys honoured or refused, exports as they come, and the command line's
edges a newcomer meets (issue 10, items 6-8)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from toolkit.config import ConfigError, load_study
from toolkit.dictionary import default_dictionary
from toolkit.paths import REPO_DIR, template


def _dictionary(tmp_path, rows):
    t = pd.DataFrame(rows)
    for c in ("label", "values", "missing", "scale", "reverse", "min", "max", "required", "pillar", "role"):
        if c not in t:
            t[c] = ""
    t = t.fillna("")
    path = tmp_path / "dictionary.csv"
    t.to_csv(path, index=False)
    return path


def test_yaml_aliases_are_refused(tmp_path):
    """A 758-byte study.yml of nested aliases once ran the manifest writer out of memory."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 9)
    ]
    (tmp_path / "study.yml").write_text("\n".join(lines))
    with pytest.raises(ConfigError, match=r"line 1, column 5: YAML anchors and aliases"):
        load_study(tmp_path / "study.yml")


def test_config_folder_is_a_one_line_error(tmp_path):
    (tmp_path / "study.yml").write_text("study: {name: x}\n")
    with pytest.raises(ConfigError, match=r"is a folder; expected the study.yml file itself \(the folder holds"):
        load_study(tmp_path)


def test_unknown_keys_are_refused_with_the_valid_ones(tmp_path):
    (tmp_path / "study.yml").write_text("survey:\n  sheeet: answers\n")
    with pytest.raises(ConfigError, match=r"unknown key 'survey.sheeet'; expected one of \[.*'sheet'"):
        load_study(tmp_path / "study.yml")


def test_survey_settings_are_checked_against_the_dictionary(tmp_path):
    import shutil

    shutil.copyfile(template("survey", "dictionary.csv"), tmp_path / "dictionary.csv")
    shutil.copyfile(template("survey", "example.csv"), tmp_path / "survey.csv")
    (tmp_path / "study.yml").write_text(
        "survey:\n  data: survey.csv\n  dictionary: dictionary.csv\n  by: [resp_id, comments, rolee]\n"
        "  reference: {gender: 7}\n"
    )
    with pytest.raises(ConfigError) as err:
        load_study(tmp_path / "study.yml")
    text = str(err.value)
    assert "'resp_id', classed identifier" in text and "'comments', classed restricted" in text
    assert "'rolee', which is not in the data dictionary" in text and "not a code of gender" in text


def test_survey_sheet_selects_the_excel_sheet(tmp_path):
    from toolkit.study import read_study_survey

    example = pd.read_csv(template("survey", "example.csv"), dtype=str, keep_default_na=False)
    with pd.ExcelWriter(tmp_path / "survey.xlsx", engine="openpyxl") as w:
        pd.DataFrame({"note": ["read me first"]}).to_excel(w, sheet_name="About", index=False)
        example.to_excel(w, sheet_name="Responses", index=False)
    import shutil

    shutil.copyfile(template("survey", "dictionary.csv"), tmp_path / "dictionary.csv")
    (tmp_path / "study.yml").write_text(
        "survey:\n  data: survey.xlsx\n  dictionary: dictionary.csv\n  sheet: Responses\n"
    )
    survey = read_study_survey(load_study(tmp_path / "study.yml"))
    assert len(survey.data) == len(example) and survey.report.ok


def _qualtrics_file(tmp_path):
    header = "ResponseId,Status,Finished,q1,when"
    labels = "Response ID,Response Type,Finished,Question 1,Date"
    ids = (
        '{"ImportId":"_recordId"},{"ImportId":"status"},{"ImportId":"finished"},{"ImportId":"QID1"},{"ImportId":"QID2"}'
    )
    ids = ",".join(f'"{x}"' for x in ids.replace('"', '""').split(","))
    rows = [
        "R1,IP Address,1,1,03/04/2024",
        "R2,Survey Preview,1,2,45352",
        "R3,IP Address,0,1,2024-03-01",
        "R4,IP Address,True,2,45352",
    ]
    path = tmp_path / "export.csv"
    path.write_text("\n".join([header, labels, ids, *rows]) + "\n")
    return _dictionary(
        tmp_path,
        [
            {"variable": "ResponseId", "type": "id", "disclosure": "identifier"},
            {"variable": "q1", "type": "binary", "values": "1=Yes; 2=No", "disclosure": "public"},
            {"variable": "when", "type": "date", "disclosure": "public"},
        ],
    ), path


def test_qualtrics_previews_and_unfinished_are_excluded_and_counted(tmp_path):
    from toolkit.io import read_survey

    d, path = _qualtrics_file(tmp_path)
    s = read_survey(path, d, on_error="report")
    assert list(s.data["ResponseId"]) == ["R1", "R4"]
    reasons = s.excluded.set_index("row")["reason"]
    assert reasons.loc[5] == "Qualtrics survey preview (Status = Survey Preview)"
    assert reasons.loc[6] == "unfinished response (Finished = 0)"
    kept = read_survey(path, d, on_error="report", exclude_previews=False, exclude_unfinished=False)
    assert len(kept.data) == 4 and len(kept.excluded) == 0


def test_dates_day_or_month_first_and_excel_serials(tmp_path):
    from toolkit.io import read_survey

    d, path = _qualtrics_file(tmp_path)
    uk = read_survey(path, d, on_error="report", exclude_previews=False, exclude_unfinished=False)
    us = read_survey(
        path, d, on_error="report", exclude_previews=False, exclude_unfinished=False, date_order="month_first"
    )
    assert uk.report.ok and us.report.ok
    assert uk.data["when"].dt.strftime("%Y-%m-%d").tolist() == ["2024-04-03", "2024-03-01", "2024-03-01", "2024-03-01"]
    assert us.data["when"].iloc[0] == pd.Timestamp("2024-03-04")
    # 45352 is Excel's serial day number of 1 March 2024 (day 1 = 1900-01-01, with Excel's 1900 leap day)
    assert uk.data["when"].iloc[1] == pd.Timestamp("2024-03-01")


def _cli(*args, **kw):
    return subprocess.run(
        [sys.executable, "-m", "toolkit.cli", *args], capture_output=True, text=True, cwd=REPO_DIR, **kw
    )


def test_cli_version_and_one_line_errors(tmp_path):
    import toolkit

    assert _cli("--version").stdout.strip() == f"toolkit {toolkit.__version__}"
    f = tmp_path / "afile"
    f.write_text("x")
    r = _cli("demo-data", str(f))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "is a file, not a folder" in r.stderr
    r = _cli("evidence-pack", "--config", str(tmp_path))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "is a folder" in r.stderr


@pytest.mark.slow
def test_cli_demo_data_summary_is_short(tmp_path):
    r = _cli("demo-data", str(tmp_path / "demo"))
    assert r.returncode == 0 and len(r.stdout.splitlines()) <= 6, r.stdout
    assert "files written" in r.stdout and "toolkit validate" in r.stdout


def test_cli_closed_pipe_is_not_a_traceback(tmp_path):
    """``toolkit validate ... | head``: the reader closes the pipe early."""
    example = pd.read_csv(template("survey", "example.csv"), dtype=str, keep_default_na=False)
    bad = pd.concat([example] * 200, ignore_index=True)
    bad["gender"] = "7"
    bad["resp_id"] = [f"X{i}" for i in range(len(bad))]
    bad.to_csv(tmp_path / "bad.csv", index=False)
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "toolkit.cli",
            "validate",
            str(tmp_path / "bad.csv"),
            "--dictionary",
            str(template("survey", "dictionary.csv")),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_DIR,
    )
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_default_dictionary_declares_roles():
    d = default_dictionary()
    assert d.by_role("identifier") == ["resp_id"] and d.by_role("free_text") == ["comments"]
    assert len(d.by_role("harm")) == 12 and set(d.by_role("training")) == {
        "train_induction",
        "train_manager",
        "train_leadership",
    }


def test_pyproject_licence_is_an_spdx_string():
    """setuptools >= 77 deprecates `license = {text = ...}` (a BuildBackendWarning on every
    clean install); an SPDX expression needs setuptools >= 77 in the build requirements."""
    import tomllib

    data = tomllib.loads((REPO_DIR / "pyproject.toml").read_text())
    assert data["project"]["license"] == "MIT"
    assert any(r.replace(" ", "").startswith("setuptools>=77") for r in data["build-system"]["requires"])


def _fake_make_project(tmp_path):
    import shutil

    shutil.copyfile(REPO_DIR / "Makefile", tmp_path / "Makefile")
    shutil.copyfile(REPO_DIR / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text('#!/bin/sh\necho "FAKE-PIP $*" >> "$(dirname "$0")/../calls"\n')
    (bin_dir / "toolkit").write_text("#!/bin/sh\necho toolkit 0\n")
    for f in bin_dir.iterdir():
        f.chmod(0o755)
    return tmp_path / ".venv" / "calls"


@pytest.mark.slow
@pytest.mark.skipif(__import__("shutil").which("make") is None, reason="needs make")
def test_make_reinstalls_only_when_dependencies_change(tmp_path):
    import time

    calls = _fake_make_project(tmp_path)

    def install():
        r = subprocess.run(
            ["make", "install", f"PYTHON={sys.executable}"], cwd=tmp_path, capture_output=True, text=True
        )
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    first = install()
    assert "Installing the toolkit" in first and calls.read_text().count("install") == 2
    time.sleep(1.1)
    text = (tmp_path / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(text.replace('description = "', 'description = "Edited: '))
    install()
    assert calls.read_text().count("install") == 2  # description only: no reinstall
    time.sleep(1.1)
    (tmp_path / "pyproject.toml").write_text(text.replace('"pyyaml>=6.0"', '"pyyaml>=6.0.1"'))
    assert "Installing the toolkit" in install()
    assert calls.read_text().count("install") == 4


@pytest.mark.skipif(__import__("shutil").which("make") is None, reason="needs make")
def test_make_installs_from_a_wheelhouse_without_the_index(tmp_path):
    calls = _fake_make_project(tmp_path)
    (tmp_path / "wheelhouse").mkdir()
    (tmp_path / "wheelhouse" / "pip-99-py3-none-any.whl").write_bytes(b"")
    r = subprocess.run(["make", "install", f"PYTHON={sys.executable}"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "offline" in r.stdout
    assert all("--no-index --find-links wheelhouse" in line for line in calls.read_text().splitlines())


def test_readme_example_dictionary_declares_what_it_says():
    """The example of data-templates/survey/README.md (a force keeping its own names) loads, and
    the contract finds what the README says the pack publishes."""
    import io

    from toolkit.dictionary import load_dictionary
    from toolkit.study import Contract

    text = (REPO_DIR / "data-templates" / "survey" / "README.md").read_text(encoding="utf-8")
    start = text.index(
        "variable,label,type,values,missing,scale,reverse,min,max,required,pillar,disclosure,role\nstaff_no"
    )
    block = text[start : text.index("```", start)]
    c = Contract.from_study(None, load_dictionary(pd.read_csv(io.StringIO(block), dtype=str, keep_default_na=False)))
    assert c.harm_items == ["q7a", "q7b"] and c.by == ("job",) and c.wave == "sweep"
    assert c.identifier == "staff_no" and c.climate_scales == ["climate"]
    assert c.items("reporting", types=("binary",)) == ["q9"] and c.items("support", "training") == []
    assert not c.may_publish("q20") and not c.may_publish("staff_no")
