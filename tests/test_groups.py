"""Tests of toolkit.evaluate.groups (mixed_anova, mixed_model, balance_table).

References: ``tests/reference/evaluate_groups.R`` (R 4.2, MASS, lme4 1.1-31) on
``MASS::anorexia`` (weight before/after in three treatment groups) and ``MASS::birthwt``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataWarning, DesignError, ParameterError
from toolkit.evaluate import balance_table, mixed_anova
from toolkit.evaluate.groups import mixed_model

REF = Path(__file__).parent / "reference"


@pytest.fixture(scope="module")
def anorexia():
    an = pd.read_csv(REF / "data" / "evaluate_anorexia.csv")
    long = an.melt(id_vars=["subject", "Treat"], value_vars=["Prewt", "Postwt"], var_name="time", value_name="weight")
    long["time"] = long["time"].map({"Prewt": "pre", "Postwt": "post"})
    return long


def test_mixed_anova_matches_r_aov(anorexia):
    """R: summary(aov(weight ~ Treat * time + Error(subject / time), data = long)): aov's sequential
    sums of squares equal type II in a one-between, one-within design."""
    res = mixed_anova(anorexia, outcome="weight", within="time", between="Treat", subject="subject", ss_type=2)
    ref = pd.read_csv(REF / "evaluate_groups_aov.csv")
    assert list(res["term"]) == ["Treat", "time", "Treat:time"]
    assert list(ref["term"]) == ["Treat", "time", "Treat:time"]
    for col in ["ss", "df", "df_resid", "ms", "statistic", "p"]:
        assert_allclose(res[col].to_numpy(float), ref[col].to_numpy(float), rtol=1e-8, atol=1e-8, err_msg=col)


@pytest.mark.filterwarnings("ignore")
def test_mixed_anova_agrees_with_pingouin(anorexia):
    """Second reference: pingouin.mixed_anova (F, p, partial eta squared; sequential sums of squares)."""
    res = mixed_anova(anorexia, outcome="weight", within="time", between="Treat", subject="subject", ss_type=1)
    pgr = pg.mixed_anova(data=anorexia, dv="weight", within="time", between="Treat", subject="subject")
    pgr = pgr.set_index("Source")
    fcol = next(c for c in pgr.columns if c.upper() == "F")
    pcol = next(c for c in pgr.columns if c.lower().startswith("p"))
    for term, src in (("Treat", "Treat"), ("time", "time"), ("Treat:time", "Interaction")):
        row = res.set_index("term").loc[term]
        assert_allclose(row["statistic"], pgr.loc[src, fcol], rtol=1e-6)
        assert_allclose(row["p"], pgr.loc[src, pcol], rtol=1e-5)
        assert_allclose(row["eta2_partial"], pgr.loc[src, "np2"], rtol=1e-6)


def test_mixed_model_matches_lmer(anorexia):
    """R: lmer(weight ~ Treat * time + (1 | subject), REML = TRUE): fixef, SEs, VarCorr."""
    res = mixed_model(anorexia, outcome="weight", within="time", between="Treat", subject="subject")
    ref = pd.read_csv(REF / "evaluate_groups_lmer.csv")
    names = {
        "(Intercept)": "Intercept",
        "TreatCont": "Treat[T.Cont]",
        "TreatFT": "Treat[T.FT]",
        "timepost": "time[T.post]",
        "TreatCont:timepost": "Treat[T.Cont]:time[T.post]",
        "TreatFT:timepost": "Treat[T.FT]:time[T.post]",
        "var(subject)": "var(subject)",
        "var(residual)": "var(residual)",
    }
    got = res.set_index("term").loc[[names[t] for t in ref["term"]]]
    assert_allclose(got["estimate"].to_numpy(float), ref["estimate"].to_numpy(float), atol=1e-4)
    fixed = ref["se"].notna().to_numpy()
    assert_allclose(got["se"].to_numpy(float)[fixed], ref["se"].to_numpy(float)[fixed], atol=1e-4)
    assert_allclose(got["p"].to_numpy(float)[fixed], ref["p_normal"].to_numpy(float)[fixed], atol=1e-4)
    assert res.attrs["ci"] == 0.95


def test_mixed_model_uses_incomplete_subjects_and_anova_warns(anorexia):
    part = anorexia.drop(index=anorexia.index[(anorexia["time"] == "post")][:5])
    with pytest.warns(DataWarning, match="5 subject"):
        res = mixed_anova(part, outcome="weight", within="time", between="Treat", subject="subject")
    assert res["n"].iloc[0] == 67
    assert mixed_model(part, outcome="weight", within="time", between="Treat", subject="subject")["n"].iloc[0] == 139


@pytest.mark.slow
def test_simulation_interaction_recovered():
    """Group x time data with a true difference-in-differences of 0.5: the LMM interaction
    recovers it and the 95% Wald interval covers it about 95% of the time."""
    rng = np.random.default_rng(7)
    reps, n = 100, 30
    hits, est = 0, []
    ids = np.arange(2 * n)
    grp = np.repeat(["comparison", "rollout"], n)
    for _ in range(reps):
        u = rng.normal(0, 1, 2 * n)
        pre = 3 + u + rng.normal(0, 0.7, 2 * n)
        post = 3.2 + u + 0.5 * (grp == "rollout") + rng.normal(0, 0.7, 2 * n)
        df = pd.DataFrame(
            {
                "id": np.tile(ids, 2),
                "g": np.tile(grp, 2),
                "t": np.repeat(["pre", "post"], 2 * n),
                "y": np.concatenate([pre, post]),
            }
        )
        r = mixed_model(df, outcome="y", within="t", between="g", subject="id").set_index("term")
        row = r.loc["g[T.rollout]:t[T.post]"]
        est.append(row["estimate"])
        hits += row["ci_low"] <= 0.5 <= row["ci_high"]
    # sd of one estimate ~0.18, so of the mean of 100 ~0.018: band of ~3.3 sd
    assert abs(np.mean(est) - 0.5) < 0.06
    assert 0.88 <= hits / reps <= 0.995


def test_balance_table_matches_r_birthwt():
    """R (tests/reference/evaluate_groups.R): Austin (2009) SMDs, smokers vs non-smokers in MASS::birthwt."""
    bw = pd.read_csv(REF / "data" / "evaluate_birthwt.csv")
    ref = pd.read_csv(REF / "evaluate_groups_balance.csv")
    res = balance_table(
        bw.assign(race=bw["race"].astype(str), ht=bw["ht"].astype(str)),
        by="smoke",
        covariates=["age", "lwt", "race", "ht"],
    )
    assert res.attrs["treated"] == 1
    assert list(res["covariate"]) == list(ref["covariate"])
    for col in ["mean_treated", "mean_control", "sd_treated", "sd_control", "smd", "variance_ratio"]:
        assert_allclose(res[col].to_numpy(float), ref[col].to_numpy(float), rtol=1e-8, atol=1e-10, err_msg=col)
    # numeric 0/1 column: one 'binary' row equal to R's level-1 row
    binary = balance_table(bw, by="smoke", covariates=["ht"])
    assert list(binary["kind"]) == ["binary"]
    want = ref[(ref["covariate"] == "ht") & (ref["level"] == 1)]["smd"].iloc[0]
    assert_allclose(binary["smd"].iloc[0], want, atol=1e-10)
    assert list(res["imbalanced"]) == list(ref["smd"].abs() > 0.1)


def _panel():
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4] * 2,
            "t": ["pre"] * 4 + ["post"] * 4,
            "g": ["a", "a", "b", "b"] * 2,
            "y": [1.0, 2, 3, 4, 2, 3, 3, 5],
            "txt": list("abcdefgh"),
        }
    )


@pytest.mark.parametrize(
    "call,error,match",
    [
        (
            lambda d: mixed_anova(d[d.t == "pre"], outcome="y", within="t", between="g", subject="id"),
            DesignError,
            "at least two times",
        ),
        (
            lambda d: mixed_anova(d.assign(g="a"), outcome="y", within="t", between="g", subject="id"),
            DesignError,
            "at least two groups",
        ),
        (
            lambda d: mixed_anova(pd.concat([d, d.iloc[[0]]]), outcome="y", within="t", between="g", subject="id"),
            DesignError,
            "one row per time",
        ),
        (
            lambda d: mixed_anova(
                d.assign(g=["a", "a", "b", "b", "b", "a", "b", "b"]), outcome="y", within="t", between="g", subject="id"
            ),
            DesignError,
            "more than one group",
        ),
        (
            lambda d: mixed_anova(d, outcome="txt", within="t", between="g", subject="id"),
            DesignError,
            "must be numeric",
        ),
        (lambda d: mixed_anova(d, outcome="y", within="wave", between="g", subject="id"), ColumnNotFoundError, "wave"),
        (
            lambda d: mixed_model(d, outcome="y", within="t", between="g", subject="id", ci=2),
            ParameterError,
            "between 0 and 1",
        ),
        (lambda d: balance_table(d, by="t", covariates=["y"]), ParameterError, "'treated' parameter"),
        (lambda d: balance_table(d, by="g", covariates=["y"], treated="c"), ParameterError, "not a value"),
        (
            lambda d: balance_table(d.assign(g=list("abcabcab")), by="g", covariates=["y"]),
            DesignError,
            "exactly two values",
        ),
        (lambda d: balance_table(d, by="g", covariates=["age"]), ColumnNotFoundError, "age"),
    ],
)
def test_bad_input(call, error, match):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(error, match=match):
            call(_panel())


def test_mixed_anova_three_times_matches_r():
    """R: summary(aov(weight ~ Diet * Time + Error(Chick / Time))) on the ChickWeight chicks weighed
    on days 0, 10 and 21 (45 complete chicks, 4 diets); the 5 incomplete chicks are excluded with a warning."""
    chick = pd.read_csv(REF / "data" / "evaluate_chickweight.csv")
    cw3 = chick[chick["Time"].isin([0, 10, 21])]
    with pytest.warns(DataWarning, match="5 subject"):
        res = mixed_anova(cw3, outcome="weight", within="Time", between="Diet", subject="Chick", ss_type=2)
    ref = pd.read_csv(REF / "evaluate_groups_aov_chick3.csv")
    for col in ["ss", "df", "df_resid", "ms", "statistic", "p"]:
        assert_allclose(res[col].to_numpy(float), ref[col].to_numpy(float), rtol=1e-8, atol=1e-12, err_msg=col)


def _anova_data(dataset):
    if dataset == "obrienkaiser":
        data = pd.read_csv(REF / "data" / "evaluate_obrienkaiser.csv")
        return data, {"outcome": "score", "within": "phase", "between": "treatment", "subject": "id"}
    chick = pd.read_csv(REF / "data" / "evaluate_chickweight.csv")
    days = [0, 4, 8, 12, 16, 21]
    cw = chick[chick["Time"].isin(days)]
    full = cw.groupby("Chick")["Time"].transform("nunique") == len(days)
    return cw[full], {"outcome": "weight", "within": "Time", "between": "Diet", "subject": "Chick"}


@pytest.mark.parametrize("dataset", ["obrienkaiser", "chickweight6"])
@pytest.mark.parametrize("ss_type", [2, 3])
def test_mixed_anova_type_ii_iii_sphericity_match_car(dataset, ss_type):
    """R (tests/reference/evaluate_groups_anova.R): summary(car::Anova(lm(cbind(...) ~ group,
    contrasts = list(group = contr.sum)), idata = idata, idesign = ~time, type = ss_type),
    multivariate = FALSE): univariate tests, Mauchly, GG and HF. O'Brien-Kaiser (groups of 5, 4
    and 7): time F 23.63 with type II (= aov's sequential) but 19.29 with type III; ChickWeight on
    six days violates sphericity badly (GG epsilon 0.26)."""
    data, args = _anova_data(dataset)
    res = mixed_anova(data, **args, ss_type=ss_type).set_index("term")
    ref = pd.read_csv(REF / "evaluate_groups_anova.csv")
    ref = ref[(ref["dataset"] == dataset) & (ref["ss_type"] == ss_type)].set_index("term")
    assert list(res.index) == list(ref.index)
    assert res.attrs["ss_type"] == ss_type
    for col in ["ss", "df", "df_resid", "statistic", "p", "eps_gg", "p_gg", "eps_hf", "p_hf", "mauchly_w", "mauchly_p"]:
        assert_allclose(res[col].to_numpy(float), ref[col].to_numpy(float), rtol=1e-6, atol=0, err_msg=col)
    assert_allclose(res["ms"] * res["df"], ref["ss"], rtol=1e-9)
    assert_allclose(
        (res["ss"] / res["statistic"] * res["df_resid"] / res["df"]).to_numpy(float),
        ref["ss_resid"].to_numpy(float),
        rtol=1e-6,
    )


def test_mixed_anova_type_iii_is_the_default_and_differs_when_unbalanced():
    data, args = _anova_data("obrienkaiser")
    default = mixed_anova(data, **args).set_index("term")
    assert default.attrs["ss_type"] == 3
    assert round(default.loc["phase", "statistic"], 2) == 19.29
    assert round(mixed_anova(data, **args, ss_type=2).set_index("term").loc["phase", "statistic"], 2) == 23.63
    assert "type III" in default["method"].iloc[0]


def test_mixed_anova_two_times_sphericity_trivial(anorexia):
    res = mixed_anova(anorexia, outcome="weight", within="time", between="Treat", subject="subject")
    within = res[res["stratum"] == "within"]
    assert (within["eps_gg"] == 1).all() and (within["mauchly_w"] == 1).all() and within["mauchly_p"].isna().all()
    assert_allclose(within["p_gg"], within["p"], rtol=1e-12)
    assert res.loc[res["stratum"] == "between", ["eps_gg", "mauchly_w"]].isna().all().all()


@pytest.mark.parametrize("bad", [4, 0, "III", True])
def test_mixed_anova_ss_type_checked(anorexia, bad):
    with pytest.raises(ParameterError, match="ss_type"):
        mixed_anova(anorexia, outcome="weight", within="time", between="Treat", subject="subject", ss_type=bad)


def test_mixed_anova_constant_outcome_is_a_clear_error(anorexia):
    """Issue 11: a constant outcome raised ZeroDivisionError."""
    with pytest.raises(DesignError, match="'weight' takes one value only"):
        mixed_anova(anorexia.assign(weight=80.0), outcome="weight", within="time", between="Treat", subject="subject")
