"""``toolkit evidence-pack --by force`` and the recognition / resourcing section (issue 14).

The slow test builds the demo's national pack and its eight force packs in parallel, then
reads every force pack back from disk: each exists, passes ``audit-pack`` run from outside,
shows its own force's rows and the national rows only (no other force's breakdowns), and
its survey tables rest on its own respondents."""

from __future__ import annotations

import types

import pandas as pd
import pytest

from toolkit.synth.survey import FORCES


def test_study_without_force_variable_says_so_in_one_line():
    from toolkit.dictionary import default_dictionary, load_dictionary
    from toolkit.report.sections import resourcing
    from toolkit.report.shared import Shared, SurveyResults
    from toolkit.study import Contract

    table = default_dictionary().table.copy()
    table.loc[table["variable"] == "force", "role"] = ""
    c = Contract.from_study(None, load_dictionary(table))
    assert c.force is None
    notes = []
    survey = SurveyResults(
        data=pd.DataFrame({"force": ["F01"]}), contract=c, weight=None, raked_on=None, harms=(), any_harm=None
    )
    ctx = types.SimpleNamespace(shared=Shared(survey=survey), note=notes.append, tables={})
    resourcing.build(ctx)
    assert len(notes) == 1 and "no force variable" in notes[0] and "role 'force'" in notes[0]


def test_force_found_by_role_not_name():
    """The force variable is whatever the dictionary gives role 'force'."""
    from toolkit.dictionary import default_dictionary, load_dictionary
    from toolkit.study import Contract

    table = default_dictionary().table.copy()
    table.loc[table["variable"] == "force", "variable"] = "organisation"
    c = Contract.from_study(None, load_dictionary(table))
    assert c.force == "organisation"


def test_cli_refuses_other_by():
    from toolkit.cli import main

    assert main(["evidence-pack", "--demo", "--by", "role", "--out", "/nonexistent/x"]) == 1


@pytest.fixture(scope="module")
def by_force(tmp_path_factory):
    from toolkit.report.by_force import build_by_force

    out = tmp_path_factory.mktemp("byforce")
    table = build_by_force(out, demo=True, notebooks=False, workers=2)
    return out, table


@pytest.mark.slow
def test_by_force_builds_one_safe_pack_per_force(by_force):
    from toolkit.disclosure.audit_pack import audit_pack

    out, table = by_force
    assert sorted(table["force"]) == FORCES
    assert (table["status"] == "built").all(), table.to_string()
    assert (out / "evidence-pack" / "index.html").exists()  # the national pack
    national = pd.read_csv(out / "evidence-pack" / "tables" / "resourcing_by_force.csv", encoding="utf-8-sig")
    assert set(national["group"]) == {*FORCES, "All"}
    study = out / "demo-data" / "study.yml"
    for force in FORCES:
        pack = out / "forces" / force / "evidence-pack"
        assert (pack / "index.html").exists() and (pack / "manifest.json").exists()
        assert not (pack / "notebooks").exists() and not (out / "forces" / force / "private" / "notebooks").exists()
        verdict = audit_pack(pack, study=study)
        assert verdict.attrs["safe"], verdict[verdict["status"] == "FAIL"].to_string()
        others = [f for f in FORCES if f != force]
        for path in (pack / "tables").glob("*.csv"):
            cells = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
            text = set(cells.to_numpy().ravel()) | set(cells.columns)
            assert not text & set(others), (force, path.name, sorted(text & set(others)))
        res = pd.read_csv(pack / "tables" / "resourcing_by_force.csv", encoding="utf-8-sig")
        assert set(res["group"]) == {force, "All"}
        # the force's own rows are the national pack's
        mine = res[res["group"] == force].reset_index(drop=True)
        theirs = national[national["group"] == force].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)
        # the survey tables rest on the force's respondents only
        prev = pd.read_csv(pack / "tables" / "survey_harm_prevalence.csv", encoding="utf-8-sig")
        harmed = mine.set_index("measure").loc["harmed"]
        assert prev["n"].max() == harmed["n"]
        assert "Synthetic demo study (not real data): " + force in (pack / "index.html").read_text()


def test_force_funnel_keeps_every_force_unnamed_but_its_own():
    from toolkit.report.sections.resourcing import FUNNEL, OTHER, force_funnel, national_row

    fun = pd.DataFrame({"group": ["F01", "F02", "F03"], "n": [40, 50, 60], "estimate": [0.3, 0.4, 0.5]})
    mine = force_funnel(fun, "F02")
    assert mine["group"].tolist() == [OTHER, "F02", OTHER]
    assert mine[["n", "estimate"]].equals(fun[["n", "estimate"]])
    # the gate keys duplicated labels by position: each maps back to the national row
    tables = {FUNNEL: fun}
    assert [national_row(FUNNEL, f"{g} #{i + 1}", tables) for i, g in enumerate(mine["group"])] == ["F01", "F02", "F03"]
    assert national_row("resourcing_by_force", "F02 | harmed", tables) == "F02 | harmed"


def test_funnel_plot_highlights_one_force_and_labels_only_it():
    from toolkit.survey import funnel_plot

    t = pd.DataFrame(
        {"group": ["F01", "Other force", "Other force"], "n": [40, 50, 60], "estimate": [0.3, 0.4, 0.5]}
    ).assign(ll95=0.1, small=False)
    t.attrs["target"] = 0.4
    ax = funnel_plot(t, highlight="F01").axes[0]
    assert [a.get_text() for a in ax.texts] == ["F01"]
    legend = ax.get_legend_handles_labels()[1]
    assert "F01" in legend and "Other forces" in legend
    everyone = funnel_plot(t).axes[0]
    assert len(everyone.texts) == 3


@pytest.mark.slow
def test_force_pack_funnel_shows_every_force(by_force):
    """A force pack's funnel table (and so its figure) has every force of the national one,
    with the same numbers; only its own force is named."""
    out, table = by_force
    national = pd.read_csv(out / "evidence-pack" / "tables" / "resourcing_funnel.csv", encoding="utf-8-sig")
    for force in table.loc[table["status"] == "built", "force"]:
        pack = out / "forces" / force / "evidence-pack"
        fun = pd.read_csv(pack / "tables" / "resourcing_funnel.csv", encoding="utf-8-sig")
        assert len(fun) == len(national)
        assert fun["group"].tolist() == [g if g == force else "Other force" for g in national["group"]]
        pd.testing.assert_frame_equal(fun.drop(columns="group"), national.drop(columns="group"), check_dtype=False)
        assert (pack / "figures" / "resourcing_funnel.svg").exists()
