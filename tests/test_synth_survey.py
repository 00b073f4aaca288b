"""The synthetic staff survey: valid against the item bank, deterministic, and the
true parameters it was drawn from are recoverable with standard estimators."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from toolkit.dictionary import default_dictionary, load_dictionary
from toolkit.errors import ParameterError
from toolkit.io.survey_file import read_survey
from toolkit.survey.weighting import rake
from toolkit.synth import survey as synth


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    paths = synth.write(out, seed=20240301)
    data = pd.read_csv(out / "survey" / "survey.csv", dtype=str, keep_default_na=False)
    truth = json.loads((out / "survey" / "truth.json").read_text())
    return out, paths, data, truth


def _num(data, v):
    return pd.to_numeric(data[v].replace("", np.nan))


def _harm_any(data):
    items = pd.DataFrame({v: _num(data, v) for v in synth.HARM_ITEMS})
    out = (items == 1).any(axis=1).astype(float)
    out[items.isna().all(axis=1)] = np.nan
    return out


def test_files_written(demo):
    out, paths, data, truth = demo
    assert [p.name for p in paths] == ["survey.csv", "dictionary.csv", "workforce.csv", "truth.json"]
    assert all(p.exists() for p in paths)
    d = load_dictionary(out / "survey" / "dictionary.csv")
    assert list(data.columns) == d.variables
    wf = pd.read_csv(out / "survey" / "workforce.csv")
    assert list(wf.columns) == ["force", "variable", "code", "label", "count"]
    # each variable's margin sums to the force's headcount
    sums = wf.groupby(["force", "variable"])["count"].sum().unstack()
    for f, n in truth["headcount"].items():
        assert (sums.loc[f] == n).all()


def test_valid_against_dictionary(demo):
    """Every value is a valid or missing code, in range, and required variables are filled."""
    out, _, data, _ = demo
    d = default_dictionary()
    for v in d.variables:
        col = data[v]
        filled = col[col != ""]
        if d.is_required(v):
            assert len(filled) == len(col), v
        t = d.type(v)
        if t in ("categorical", "ordinal", "likert", "binary"):
            allowed = {str(c) for c in d.value_labels(v)}
            assert set(filled) <= allowed, (v, set(filled) - allowed)
        elif t == "multiselect":
            tokens = {tok for cell in filled for tok in cell.split(";")}
            assert tokens <= {str(c) for c in d.codes(v)}, v
        elif t == "integer":
            lo, hi = d.range(v)
            x = filled.astype(int)
            assert x.between(lo, hi).all(), v
        elif t == "date":
            assert pd.to_datetime(filled, format="%Y-%m-%d").notna().all()
    # the dictionary's missing codes are used
    assert (data["gender"] == "98").any() and (data["trn_report"] == "9").any()
    assert (data["harm_doxxing"] == "9").any()


def test_read_survey_accepts_the_demo(demo):
    out, *_ = demo
    sd = read_survey(out / "survey" / "survey.csv", out / "survey" / "dictionary.csv")
    table = getattr(sd.report, "table", sd.report)
    errors = table[table["severity"] == "error"] if len(table) else table
    assert len(errors) == 0, errors.head()
    assert len(sd.data) == 6000


def test_skip_logic(demo):
    _, _, data, _ = demo
    harm = _harm_any(data)
    for v in ("impact_safety", "harm_frequency", "harm_platform", "reported"):
        answered = data[v] != ""
        assert (harm[answered] != 0).all(), v  # never asked of those reporting no harm
    # a follow-up is shown only when its filter question was answered accordingly
    assert (data.loc[data["harm_abuse"] == "", "impact_sleep"] == "").all()
    rep = data["reported"]
    assert (data.loc[rep != "1", "reported_to"] == "").all()
    assert (data.loc[rep != "1", "report_satisfied"] == "").all()
    assert (data.loc[rep != "0", "not_reported_reason"] == "").all()
    assert (data.loc[data["support_used"] != "1", "support_helpful"] == "").all()


@pytest.mark.slow
def test_deterministic(tmp_path):
    a = synth.write(tmp_path / "a", seed=7)
    b = synth.write(tmp_path / "b", seed=7)
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    c = synth.write(tmp_path / "c", seed=8)
    assert a[0].read_bytes() != c[0].read_bytes()


def test_linked_panel(demo):
    _, _, data, _ = demo
    w1 = data[data["wave"] == "1"].set_index("resp_id")
    w2 = data[data["wave"] == "2"].set_index("resp_id")
    both = w1.index.intersection(w2.index)
    assert 0.2 < len(both) / len(w2) < 0.5
    assert (w1.loc[both, "force"] == w2.loc[both, "force"]).all()
    assert (w1.loc[both, "role"] == w2.loc[both, "role"]).all()
    assert not w1.index.duplicated().any()


def test_harm_model_recovered(demo):
    """Logit of any harm on role, public-facing and gender recovers the true coefficients."""
    _, _, data, truth = demo
    df = pd.DataFrame(
        {
            "harm": _harm_any(data),
            "role": _num(data, "role"),
            "pf": _num(data, "public_facing"),
            "gender": _num(data, "gender"),
        }
    )
    df = df.dropna()
    df = df[df["gender"] != 98]
    df["woman"] = (df["gender"] == 1).astype(float)
    df["role"] = df["role"].astype(int).astype(str)
    fit = smf.logit("harm ~ C(role) + pf + woman", data=df).fit(disp=0)
    coef = truth["harm_any"]["coefficients"]
    expected = {
        "Intercept": coef["intercept"],
        "C(role)[T.2]": coef["role_staff"],
        "C(role)[T.3]": coef["role_pcso"],
        "C(role)[T.4]": coef["role_special"],
        "C(role)[T.5]": coef["role_volunteer"],
        "pf": coef["public_facing"],
        "woman": coef["woman"],
    }
    z = {k: (fit.params[k] - v) / fit.bse[k] for k, v in expected.items()}
    assert all(abs(x) < 3.5 for x in z.values()), z


def test_raking_recovers_population_prevalence(demo):
    """Weighted to the workforce by role and gender, prevalence matches the population;
    unweighted, it does not (the design over-samples staff)."""
    out, _, data, truth = demo
    wf = pd.read_csv(out / "survey" / "workforce.csv")
    df = pd.DataFrame({"harm": _harm_any(data), "role": _num(data, "role"), "gender": _num(data, "gender")}).dropna()
    df = df[df["gender"] != 98]
    margins = {v: wf[wf["variable"] == v].groupby("code")["count"].sum().to_dict() for v in ("role", "gender")}
    w = rake(df, margins)
    est = float(np.average(df["harm"], weights=w))
    n_eff = w.sum() ** 2 / (w**2).sum()
    se = np.sqrt(est * (1 - est) / n_eff)
    target = truth["population_prevalence"]["harm_any"]
    assert abs(est - target) < 3 * se, (est, target, se)
    assert abs(df["harm"].mean() - target) > 3 * se


@pytest.mark.slow
def test_did_effects_recovered(demo):
    """Two-way fixed-effects DiD recovers the true effects on training confidence and reporting."""
    _, _, data, truth = demo
    d = default_dictionary()
    items = d.scales()["training_confidence"]
    scores = pd.DataFrame({v: _num(data, v).where(lambda x: x <= 5) for v in items})
    for v in d.reverse_items("training_confidence"):
        scores[v] = 6 - scores[v]
    df = pd.DataFrame(
        {
            "y": scores.mean(axis=1),
            "force": data["force"],
            "wave": _num(data, "wave"),
            "reported": _num(data, "reported"),
        }
    )
    df["treated"] = (df["force"].isin(truth["did"]["rollout_forces"]) & (df["wave"] == 2)).astype(float)
    fit = smf.ols("y ~ treated + C(force) + C(wave)", data=df.dropna(subset=["y"])).fit(cov_type="HC1")
    target = truth["did"]["training_confidence"]["att_scale_mean"]
    assert abs(fit.params["treated"] - target) < 3.5 * fit.bse["treated"]
    assert target > 0.2
    rep = df.dropna(subset=["reported"])
    fit = smf.ols("reported ~ treated + C(force) + C(wave)", data=rep).fit(cov_type="HC1")
    target = truth["did"]["reporting"]["att_probability"]
    assert abs(fit.params["treated"] - target) < 3.5 * fit.bse["treated"]


def test_scales_are_reliable_and_reverse_keyed(demo):
    _, _, data, truth = demo
    d = default_dictionary()
    for scale, items in d.scales().items():
        x = pd.DataFrame({v: _num(data, v).where(lambda s: s <= 5) for v in items}).dropna()
        corr = x.corr()
        for v in items:
            sign = np.sign(truth["measurement"]["loadings"][v])
            first = items[0]
            if v != first:
                assert np.sign(corr.loc[first, v]) == sign, (scale, v)
        for v in d.reverse_items(scale):
            x[v] = 6 - x[v]
        k = len(items)
        alpha = k / (k - 1) * (1 - x.var().sum() / x.sum(axis=1).var())
        assert alpha > 0.6, (scale, alpha)


@pytest.mark.parametrize("n", [0, 79, 2.5, True, 10**6])
def test_make_survey_errors(n):
    with pytest.raises(ParameterError, match="'n_per_wave' parameter of make_survey"):
        synth.make_survey(n_per_wave=n)
