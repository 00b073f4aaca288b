"""Any force's study: the evidence pack is driven by the data dictionary's roles and by
study.yml, never by the demo's variable names (issue 10).

One pack is built per study (module-scoped fixtures), each in one call with default
build settings:

* the demo study with every variable, scale and panel column renamed: every published
  number equals the demo pack's;
* a survey-only subset of the demo without training or family items and without
  margins: unweighted, and the pack says so;
* psych::bfi (a real public survey, 2,800 people, 25 Likert items) with its own
  dictionary, notebooks on;
* an interviews-only study and an evaluation-only study.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from toolkit.report.evidence import build_evidence_pack

pytestmark = pytest.mark.slow  # each builds an evidence pack

REFERENCE = Path(__file__).parent / "reference"


def _write_yml(path: Path, raw: dict) -> Path:
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    ctx = build_evidence_pack(out, demo=True, notebooks=False)
    return ctx, out / "demo-data"


# ---------------------------------------------------------------- renamed demo
def _renamed_study(src: Path, dst: Path) -> tuple[Path, dict]:
    shutil.copytree(src, dst)
    d = pd.read_csv(dst / "survey" / "dictionary.csv", dtype=str, keep_default_na=False)
    names = {v: f"q{i:02d}x" for i, v in enumerate(d["variable"])}
    scales = {s: f"sc{i}" for i, s in enumerate(sorted(set(d["scale"]) - {""}))}
    d["variable"] = d["variable"].map(names)
    d["scale"] = d["scale"].map(lambda s: scales.get(s, s))
    d.to_csv(dst / "survey" / "dictionary.csv", index=False)
    survey = pd.read_csv(dst / "survey" / "survey.csv", dtype=str, keep_default_na=False)
    survey.rename(columns=names).to_csv(dst / "survey" / "survey.csv", index=False)
    margins = pd.read_csv(dst / "survey" / "workforce.csv", dtype=str, keep_default_na=False)
    margins["variable"] = margins["variable"].map(lambda v: names.get(v, v))
    margins.to_csv(dst / "survey" / "workforce.csv", index=False)
    panel_names = {"force": "org_unit", "wave": "period_no", "trained": "had_it", "wellbeing": "outcome_a"}
    panel = pd.read_csv(dst / "evaluate" / "panel.csv")
    panel.rename(columns=panel_names).to_csv(dst / "evaluate" / "panel.csv", index=False)
    raw = yaml.safe_load((dst / "study.yml").read_text())
    s = raw["survey"]
    for key in ("weight_by", "by", "compare_by", "model"):
        s[key] = [names[v] for v in s[key]]
    s["reference"] = {names[k]: v for k, v in s["reference"].items()}
    e = raw["evaluate"]
    for key in ("unit", "time", "treated"):
        e[key] = panel_names[e[key]]
    e["outcomes"] = [panel_names[v] for v in e["outcomes"]]
    e["survey_outcome"] = scales[e["survey_outcome"]]
    raw["study"].pop("demo", None)
    return _write_yml(dst / "study.yml", raw), {**names, **scales}


@pytest.fixture(scope="module")
def renamed(demo, tmp_path_factory):
    _, data = demo
    root = tmp_path_factory.mktemp("renamed")
    yml, names = _renamed_study(data, root / "study")
    ctx = build_evidence_pack(root / "out", config=yml, notebooks=False)
    return ctx, names


def _renamed_table_name(name: str, names: dict) -> str:
    if not name.startswith("survey_"):
        return name  # qual / evaluate / data tables are not named after survey variables
    for old in sorted(names, key=len, reverse=True):
        if name.endswith("_" + old):
            return name[: -len(old)] + names[old]
    return name


def test_renamed_study_publishes_the_same_numbers(demo, renamed):
    ctx0, _ = demo
    ctx1, names = renamed
    expected = {_renamed_table_name(n, names): n for n in ctx0.tables}
    assert set(ctx1.tables) == set(expected), set(ctx1.tables) ^ set(expected)
    for new, old in expected.items():
        a = pd.read_csv(ctx0.tables[old].path)
        b = pd.read_csv(ctx1.tables[new].path)
        assert a.shape == b.shape, new
        numeric = a.select_dtypes("number").columns
        assert list(numeric) == list(b.select_dtypes("number").columns), new
        np.testing.assert_array_equal(a[numeric].to_numpy(), b[numeric].to_numpy(), err_msg=new)
    assert len(ctx1.findings) == len(ctx0.findings)
    for f0, f1 in zip(ctx0.findings, ctx1.findings):
        numbers = {k: v for k, v in f0["values"].items() if isinstance(v, (int, float))}
        assert numbers == {k: v for k, v in f1["values"].items() if isinstance(v, (int, float))}


def test_renamed_study_methods_name_no_demo_variable(renamed):
    ctx, names = renamed
    text = " ".join(t for _, t in ctx.methods)
    assert "raked to the workforce profile" in text
    assert "wave 2, fielded 01 March 2024" in text


# ---------------------------------------------------------------- survey-only subset
@pytest.fixture(scope="module")
def subset(demo, tmp_path_factory):
    _, data = demo
    root = tmp_path_factory.mktemp("subset")
    (root / "data").mkdir()
    d = pd.read_csv(data / "survey" / "dictionary.csv", dtype=str, keep_default_na=False)
    drop = (d["role"] == "training") | (d["scale"] == "training_confidence") | d["variable"].str.contains("family")
    dropped = list(d.loc[drop, "variable"])
    d[~drop].to_csv(root / "data" / "dictionary.csv", index=False)
    survey = pd.read_csv(data / "survey" / "survey.csv", dtype=str, keep_default_na=False)
    survey.drop(columns=dropped).to_csv(root / "data" / "survey.csv", index=False)
    yml = _write_yml(
        root / "study.yml",
        {"study": {"name": "Subset"}, "survey": {"data": "data/survey.csv", "dictionary": "data/dictionary.csv"}},
    )
    ctx = build_evidence_pack(root / "out", config=yml, notebooks=False)
    return ctx, dropped


def test_subset_builds_unweighted_and_says_so(subset):
    ctx, dropped = subset
    assert "train_induction" in dropped and "harm_family" in dropped
    assert "survey_training" not in ctx.tables and "survey_harm_prevalence" in ctx.tables
    assert any("no 0/1 training items" in m for m in ctx.log)
    weighting = dict(ctx.methods)["Weighting"]
    assert weighting.startswith("Unweighted")
    assert any("unweighted" in lim for lim in ctx.limitations)
    assert "(unweighted" in ctx.tables["survey_harm_prevalence"].title
    assert not any("weighted to the workforce" in lim for lim in ctx.limitations)
    # default breakdowns: every breakdown the dictionary declares
    assert {"survey_harm_by_role", "survey_harm_by_gender", "survey_harm_by_age_band"} <= set(ctx.tables)
    assert (ctx.pack_dir / "index.html").exists()


def test_subset_harm_items_follow_the_dictionary(subset):
    ctx, _ = subset
    table = ctx.tables["survey_harm_prevalence"].data
    assert "harm_family" not in set(table["outcome"])
    assert len(table) == 1 + 8  # any harm + the 8 harm items left


# ---------------------------------------------------------------- psych::bfi
@pytest.fixture(scope="module")
def bfi(tmp_path_factory):
    """psych::bfi (Revelle, psych package, GPL-2 | GPL-3; data from the SAPA project), as
    written by tests/reference/reliability.R. Gender 1 = male, 2 = female; education 1-5."""
    from tests._reliability_bfi import bfi_dictionary_table

    root = tmp_path_factory.mktemp("bfi")
    (root / "data").mkdir()
    shutil.copyfile(REFERENCE / "data" / "bfi.csv", root / "data" / "bfi.csv")
    d = bfi_dictionary_table()
    d["label"] = d["variable"]
    d["role"] = ""
    extra = pd.DataFrame(
        [
            {
                "variable": "gender",
                "label": "Gender",
                "type": "categorical",
                "values": "1=Male; 2=Female",
                "disclosure": "quasi-identifier",
                "role": "breakdown",
            },
            {
                "variable": "education",
                "label": "Education",
                "type": "ordinal",
                "values": "1=HS; 2=Finished HS; 3=Some college; 4=College graduate; 5=Graduate degree",
                "disclosure": "quasi-identifier",
                "role": "breakdown",
            },
            {
                "variable": "age",
                "label": "Age in years",
                "type": "integer",
                "min": "3",
                "max": "90",
                "disclosure": "quasi-identifier",
            },
        ]
    ).fillna("")
    pd.concat([d, extra], ignore_index=True).fillna("").to_csv(root / "data" / "dictionary.csv", index=False)
    yml = _write_yml(
        root / "study.yml",
        {"study": {"name": "psych::bfi"}, "survey": {"data": "data/bfi.csv", "dictionary": "data/dictionary.csv"}},
    )
    ctx = build_evidence_pack(root / "out", config=yml, notebooks=True)
    return ctx


def test_bfi_builds_with_notebooks(bfi):
    ctx = bfi
    assert (ctx.pack_dir / "index.html").exists()
    # the published reliabilities are R's: psych::alpha(x, keys = keys) per scale, pairwise
    # (tests/reference/reliability.R -> reliability_alpha.csv)
    rel = pd.read_csv(ctx.tables["survey_scale_reliability"].path).set_index("scale")
    ref = pd.read_csv(REFERENCE / "reliability_alpha.csv").query("missing == 'pairwise'").set_index("scale")
    np.testing.assert_allclose(rel.loc[list("ACENO"), "alpha"], ref.loc[list("ACENO"), "alpha"], rtol=1e-9)
    np.testing.assert_allclose(rel.loc[list("ACENO"), "omega_total"], ref.loc[list("ACENO"), "omega_total"], rtol=1e-6)
    assert {"survey_scale_means_by_gender", "survey_scale_means_by_education", "survey_compare_by_gender"} <= set(
        ctx.tables
    )
    assert "survey_harm_prevalence" not in ctx.tables
    assert any("no harm items" in m for m in ctx.log)
    means = ctx.tables["survey_scale_means_by_gender"]
    assert "1 (Very inaccurate) to 6 (Very accurate)" in means.title
    assert set(means.data["group"]) == {"Male", "Female"}
    # every notebook ran or said in one line why it could not
    notes = [m for m in ctx.log if m.startswith("notebook")]
    assert len(notes) >= 5 and all("\n" not in m for m in notes)
    assert any("01-survey-prevalence" in m and "executed" in m for m in notes)


# ---------------------------------------------------------------- one pillar only
@pytest.fixture(scope="module")
def interviews_only(demo, tmp_path_factory):
    _, data = demo
    root = tmp_path_factory.mktemp("interviews")
    shutil.copyfile(data / "qual" / "interviews.qdpx", root / "interviews.qdpx")
    yml = _write_yml(root / "study.yml", {"study": {"name": "Interviews"}, "qual": {"interviews": "interviews.qdpx"}})
    return build_evidence_pack(root / "out", config=yml, notebooks=False)


@pytest.fixture(scope="module")
def evaluation_only(demo, tmp_path_factory):
    _, data = demo
    root = tmp_path_factory.mktemp("evaluation")
    for f in ("panel.csv", "incidents.csv", "forces.csv"):
        shutil.copyfile(data / "evaluate" / f, root / f)
    raw = yaml.safe_load((data / "study.yml").read_text())["evaluate"]
    raw.update(panel="panel.csv", incidents="incidents.csv", denominators="forces.csv")
    yml = _write_yml(root / "study.yml", {"study": {"name": "Evaluation"}, "evaluate": raw})
    return build_evidence_pack(root / "out", config=yml, notebooks=False)


def test_interviews_only(interviews_only):
    ctx = interviews_only
    assert (ctx.pack_dir / "index.html").exists()
    assert "qual_theme_prevalence" in ctx.tables
    assert not any(n.startswith(("survey_", "evaluate_", "data_")) for n in ctx.tables)
    assert any("no survey" in m for m in ctx.log)
    assert any("qual.documents" in m for m in ctx.log)
    # default: themes by every case attribute
    assert any(n.startswith("qual_themes_by_") for n in ctx.tables)


def test_evaluation_only(evaluation_only):
    ctx = evaluation_only
    assert (ctx.pack_dir / "index.html").exists()
    assert {"evaluate_training_effect", "evaluate_reporting_its"} <= set(ctx.tables)
    assert not any(n.startswith(("survey_", "qual_")) for n in ctx.tables)
    assert "online-harms training" in ctx.tables["evaluate_training_effect"].title


def test_documents_only(demo, tmp_path):
    _, data = demo
    shutil.copyfile(data / "qual" / "documents.csv", tmp_path / "documents.csv")
    yml = _write_yml(tmp_path / "study.yml", {"qual": {"documents": "documents.csv"}})
    ctx = build_evidence_pack(tmp_path / "out", config=yml, notebooks=False)
    assert "qual_document_framing" in ctx.tables
    assert not any(n.startswith(("survey_", "evaluate_", "qual_theme")) for n in ctx.tables)
    assert any("qual.interviews" in m for m in ctx.log) and any("survey.data" in m for m in ctx.log)


def test_undeclared_panel_columns_say_so_in_one_line(demo, tmp_path):
    _, data = demo
    shutil.copyfile(data / "evaluate" / "panel.csv", tmp_path / "panel.csv")
    yml = _write_yml(tmp_path / "study.yml", {"evaluate": {"panel": "panel.csv"}})
    ctx = build_evidence_pack(tmp_path / "out", config=yml, notebooks=False)
    assert any("evaluate.unit, time, treated and outcomes" in m for m in ctx.log)
    assert not ctx.tables


# ---------------------------------------------------------------- real-shaped data
@pytest.mark.parametrize("n", [45, 150])
def test_tiny_sample_without_a_group_notes_instead_of_failing(demo, tmp_path, n):
    """45 or 150 respondents and no special constables (once a numpy LinAlgError): the model
    drops the empty level, and a part the data cannot support is one line of the log."""
    _, data = demo
    (tmp_path / "data").mkdir()
    survey = pd.read_csv(data / "survey" / "survey.csv", dtype=str, keep_default_na=False)
    survey = survey[(survey["wave"] == "2") & (survey["role"] != "4")].head(n)
    survey.to_csv(tmp_path / "data" / "survey.csv", index=False)
    shutil.copyfile(data / "survey" / "dictionary.csv", tmp_path / "data" / "dictionary.csv")
    raw = {
        "survey": {
            "data": "data/survey.csv",
            "dictionary": "data/dictionary.csv",
            "model": ["role", "public_facing", "gender"],
        }
    }
    ctx = build_evidence_pack(tmp_path / "out", config=_write_yml(tmp_path / "study.yml", raw), notebooks=False)
    assert "survey_harm_prevalence" in ctx.tables
    notes = [m for m in ctx.log if m.startswith("survey:")]
    assert all("\n" not in m for m in notes)
    assert any("Special constable" in m for m in notes) or "survey_harm_model" not in ctx.tables


# ---------------------------------------------------------------- the contract itself
def test_contract_refuses_identifiers_and_unknown_variables(tmp_path):
    from toolkit.config import ConfigError
    from toolkit.dictionary import default_dictionary
    from toolkit.study import Contract

    class Cfg:
        source = "study.yml"

        def __init__(self, survey):
            self.survey = survey

        def get(self, section, key, default=None):
            return self.survey.get(key, default)

    d = default_dictionary()
    with pytest.raises(ConfigError, match=r"'survey.by' names 'resp_id', classed identifier"):
        Contract.from_study(Cfg({"by": ["resp_id"]}), d)
    with pytest.raises(ConfigError, match=r"'survey.by' names 'rolee', which is not in the data dictionary"):
        Contract.from_study(Cfg({"by": ["rolee"]}), d)
    with pytest.raises(ConfigError, match=r"not a code of role"):
        Contract.from_study(Cfg({"reference": {"role": 7}}), d)
    c = Contract.from_study(Cfg({"by": ["role"]}), d)
    assert c.may_publish("role") and not c.may_publish("comments") and not c.may_publish("resp_id")
    assert "resp_id" in c.identifiers and "force" in c.quasi_identifiers


def test_deleting_item_bank_rows_keeps_the_contract(tmp_path):
    from toolkit.dictionary import default_dictionary, load_dictionary
    from toolkit.study import Contract

    t = default_dictionary().table
    t = t[~t["variable"].str.match(r"^(harm_|reported|wave$|force$)")]
    c = Contract.from_study(
        None, load_dictionary(t.astype(str).replace({"nan": "", "None": "", "False": "", "True": "yes"}))
    )
    assert c.harm_items == [] and c.wave is None and c.force is None
    assert c.before_after() is None


def test_dictionary_role_column_is_checked():
    from toolkit.dictionary import default_dictionary, load_dictionary
    from toolkit.errors import DictionaryError

    t = default_dictionary().table.astype(str).replace({"nan": "", "None": "", "False": "", "True": "yes"})
    t.loc[t["variable"] == "gender", "role"] = "breakdwn"
    with pytest.raises(DictionaryError, match=r"column 'role': unknown role; found 'breakdwn'"):
        load_dictionary(t)
    t.loc[t["variable"] == "gender", "role"] = "wave"
    with pytest.raises(DictionaryError, match=r"more than one variable with role wave"):
        load_dictionary(t)
    # a dictionary without the role column still loads (roles blank)
    d = load_dictionary(t.drop(columns="role"))
    assert d.by_role("harm") == []
