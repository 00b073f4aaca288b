"""toolkit.survey.forces against R's survey package (tests/reference/survey_forces.R).

The R script reads the api data (``survey::api``) and the synthetic study
(``tests/reference/data/survey_forces_synth.csv``) and writes
``tests/reference/survey_forces.csv``; CI has no R, the CSV is committed.
"""

from __future__ import annotations

import pathlib
import warnings

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import (
    ColumnNotFoundError,
    DataValidationError,
    DataWarning,
    DesignError,
    ParameterError,
)
from toolkit.survey import change_by, compare_forces, resourcing, total

REF = pathlib.Path(__file__).parent / "reference"
COLS = ["estimate", "se", "ci_low", "ci_high", "df"]


def _ref(dataset, func):
    r = pd.read_csv(REF / "survey_forces.csv", keep_default_na=True)
    return r[(r["dataset"] == dataset) & (r["func"] == func)].reset_index(drop=True)


def _api(name):
    """The derivation of tests/reference/survey_forces.R's ``api()``."""
    d = pd.read_csv(REF / "data" / f"survey_{name}.csv")
    d["h1"] = d["awards01"].astype(float)
    d["h2"] = (d["comp_imp"] == "Yes").astype(float)
    d.loc[d["snum"] % 11 == 0, "h2"] = np.nan
    d["rep"] = d["sch_wide01"].astype(float)
    d.loc[d["snum"] % 7 == 0, "rep"] = np.nan
    d["sup"] = (d["yr_rnd"] == "No").astype(float)
    d["trn"] = d["both01"].astype(float)
    d.loc[d["snum"] % 5 == 0, "trn"] = np.nan
    d["force"] = "F" + (d["dnum"] % 5).astype(str)
    return d


def _synth():
    return pd.read_csv(REF / "data" / "survey_forces_synth.csv")


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return func(*args, **kwargs)


def _match(res, ref, keys):
    merged = ref.merge(res, left_on=keys[0], right_on=keys[1], suffixes=("_r", ""), validate="one_to_one")
    assert len(merged) == len(ref) == len(res), (len(merged), len(ref), len(res))
    return merged


# ------------------------------------------------------------------------------ resourcing


@pytest.mark.parametrize("dataset", ["apistrat", "apiclus1"])
def test_resourcing_matches_svytotal_api(dataset):
    """R: ``svyby(~I(harmed == 1 & sup == 0), ~force, design, svytotal, na.rm = TRUE)`` (and each
    measure likewise, plus ``svytotal`` nationally), ``confint(df = degf(subset(design, force == g)))``,
    on ``svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, data = apistrat)`` by a "force" crossing
    the strata, and ``svydesign(ids = ~dnum, fpc = ~fpc, weights = ~pw, data = apiclus1)`` by stype."""
    d = _api(dataset)
    if dataset == "apistrat":
        res = _quiet(
            resourcing,
            d,
            harms=["h1", "h2"],
            by="force",
            strata="stype",
            fpc="fpc",
            support="sup",
            reported="rep",
            trained="trn",
            threshold=1,
        )
    else:
        res = _quiet(
            resourcing,
            d,
            harms=["h1", "h2"],
            by="stype",
            cluster="dnum",
            fpc="fpc",
            weight="pw",
            support="sup",
            reported="rep",
            trained="trn",
            threshold=1,
        )
    ref = _ref(dataset, "resourcing")
    m = _match(res, ref, (["group", "measure"], ["group", "measure"]))
    for c in COLS:
        assert_allclose(m[c], m[c + "_r"], rtol=1e-6, atol=1e-8, err_msg=c)
    assert (m["n"] == m["n_r"]).all() and (m["n_events"] == m["n_events_r"]).all()
    assert set(res["measure"]) == {"harmed", "h1", "h2", "harmed, not sup", "harmed, not reported", "untrained"}


def test_resourcing_matches_svytotal_synthetic():
    """R: ``svyby(~I(harmed == 1 & support_used == 0), ~force, svydesign(ids = ~1, strata = ~force,
    fpc = ~headcount, data = wave2), svytotal, na.rm = TRUE)`` and the other measures."""
    w2 = _synth().query("wave == 2")
    res = _quiet(
        resourcing,
        w2,
        harms=["harm_abuse", "harm_threats", "harm_doxxing", "harm_family"],
        strata="force",
        fpc="headcount",
        support=["support_aware", "support_used"],
        reported="reported",
        trained=["train_induction", "train_manager", "train_leadership"],
    )
    ref = _ref("synth", "resourcing")
    m = _match(res, ref, (["group", "measure"], ["group", "measure"]))
    for c in COLS:
        assert_allclose(m[c], m[c + "_r"], rtol=1e-6, atol=1e-8, err_msg=c)
    assert (m["n"] == m["n_r"]).all() and (m["n_events"] == m["n_events_r"]).all()
    # the national harmed total is a number of people, at most the workforce
    nat = res[(res["group"] == "All") & (res["measure"] == "harmed")].iloc[0]
    assert 0 < nat["estimate"] < w2.groupby("force")["headcount"].first().sum()
    assert list(res.columns) == [
        "by",
        "group",
        "measure",
        "estimate",
        "se",
        "ci_low",
        "ci_high",
        "df",
        "n",
        "n_events",
        "method",
    ]
    assert res.attrs["ci"] == 0.95 and res.attrs["threshold"] == 10


def test_resourcing_by_role_is_total_of_derived_column():
    """Training need by role is ``total`` of the derived column by (force, role)."""
    w2 = _synth().query("wave == 2")
    res = _quiet(
        resourcing,
        w2,
        harms="harm_abuse",
        by=["force", "role"],
        strata="force",
        fpc="headcount",
        trained=["train_induction", "train_manager"],
    )
    block = w2[["train_induction", "train_manager"]].to_numpy(float)
    hit = (block == 1).any(axis=1)
    answered = (~np.isnan(block)).any(axis=1)
    frame = w2.assign(untrained=np.where(hit, 0.0, np.where(answered, 1.0, np.nan)))
    direct = _quiet(total, frame, "untrained", by=["force", "role"], strata="force", fpc="headcount")
    got = res[(res["measure"] == "untrained") & (res["group"] != "All")]
    assert_allclose(got["estimate"].to_numpy(), direct["estimate"].to_numpy(), rtol=1e-12)
    assert_allclose(got["se"].to_numpy(), direct["se"].to_numpy(), rtol=1e-12)
    assert got["group"].tolist() == direct["group"].tolist()


def test_resourcing_three_valued_logic():
    """Not harmed counts 0 whatever the follow-up; harmed with a missing follow-up is missing."""
    df = pd.DataFrame({"h": [0, 0, 1, 1, 1, np.nan], "rep": [np.nan, 1, 0, 1, np.nan, 0], "force": ["A"] * 6})
    with pytest.warns(DataWarning):
        res = resourcing(df, harms="h", reported="rep", threshold=1)
    row = res[(res["group"] == "A") & (res["measure"] == "harmed, not reported")].iloc[0]
    # rows: 0, 0, 1, 0, NA, NA -> 4 valid, 1 event
    assert (row["n"], row["n_events"], row["estimate"]) == (4, 1, 1.0)


def test_resourcing_errors_name_the_column():
    w2 = _synth().query("wave == 2")
    with pytest.raises(ColumnNotFoundError, match="support_typo"):
        resourcing(w2, harms="harm_abuse", support="support_typo")
    with pytest.raises(DataValidationError, match="role"):
        resourcing(w2, harms="harm_abuse", trained="role")  # not 0/1
    with pytest.raises(ParameterError, match="harms"):
        resourcing(w2, harms=[])
    with pytest.raises(ParameterError, match="reported"):
        resourcing(w2, harms="harm_abuse", reported=["reported"])
    with pytest.raises(ParameterError, match="DataFrame"):
        resourcing(None, harms="harm_abuse")


# ------------------------------------------------------------------------------ force vs rest


@pytest.mark.parametrize("dataset", ["apistrat", "apiclus1", "synth"])
def test_compare_forces_matches_svyglm(dataset):
    """R: ``svyglm(y ~ I(force == g), design)`` for each force g: coefficient, SE, t test on
    ``df.residual`` (= degf - 1), ``p.adjust(p, "holm")``. On apiclus1 the districts (PSUs)
    hold several school types, so the force-rest covariance is not 0."""
    if dataset == "synth":
        d = _synth().query("wave == 2")
        res = _quiet(compare_forces, d, outcome="harm_threats", strata="force", fpc="headcount")
    elif dataset == "apistrat":
        d = _api(dataset)
        res = _quiet(compare_forces, d, outcome="rep", by="force", strata="stype", fpc="fpc")
    else:
        d = _api(dataset)
        res = _quiet(compare_forces, d, outcome="rep", by="stype", cluster="dnum", fpc="fpc", weight="pw")
    ref = _ref(dataset, "compare_forces")
    m = _match(res, ref, ("group", "group"))
    for c in COLS + ["p", "p_adj"]:
        assert_allclose(m[c], m[c + "_r"], rtol=1e-6, atol=1e-10, err_msg=c)
    assert (m["n"] == m["n_r"]).all() and (m["n_events"] == m["n_events_r"]).all()
    assert_allclose(res["estimate"], res["prevalence"] - res["prevalence_rest"], rtol=1e-12)


def test_compare_forces_covariance_matters_with_shared_psus():
    """Ignoring the covariance (V_g + V_rest) gives a different SE when PSUs cross forces."""
    d = _api("apiclus1")
    res = _quiet(compare_forces, d, outcome="rep", by="stype", cluster="dnum", fpc="fpc", weight="pw")
    from toolkit.survey import prevalence

    p = _quiet(
        prevalence,
        d.assign(rest_E=np.where(d["stype"] == "E", "E", "rest")),
        "rep",
        by="rest_E",
        cluster="dnum",
        fpc="fpc",
        weight="pw",
    )
    naive = np.sqrt((p["se"] ** 2).sum())
    assert abs(res.loc[res["group"] == "E", "se"].iloc[0] - naive) > 1e-3


def test_compare_forces_corrections_and_errors():
    d = _synth().query("wave == 2")
    none = _quiet(compare_forces, d, outcome="harm_threats", correction="none")
    assert_allclose(none["p_adj"], none["p"])
    bonf = _quiet(compare_forces, d, outcome="harm_threats", correction="bonferroni")
    assert_allclose(bonf["p_adj"], np.minimum(bonf["p"] * len(bonf), 1))
    with pytest.raises(ParameterError, match="correction"):
        compare_forces(d, outcome="harm_threats", correction="sidak_typo")
    with pytest.raises(ColumnNotFoundError, match="force_typo"):
        compare_forces(d, outcome="harm_threats", by="force_typo")
    with pytest.raises(DataValidationError, match="role"):
        compare_forces(d, outcome="role")
    with pytest.raises(DesignError, match="2 forces"):
        _quiet(compare_forces, d.assign(force="F01"), outcome="harm_threats")


# ------------------------------------------------------------------------------ change


@pytest.mark.parametrize("dataset", ["apiclus1", "synth_independent", "synth_panel"])
def test_change_by_matches_svycontrast(dataset):
    """R: ``svycontrast(svyglm(y ~ 0 + interaction(force, wave), design), later - earlier)``
    (the cell means with their full covariance, as ``svyby(..., covmat = TRUE)``), interval on
    ``degf(subset(design, force == g & wave in the pair))``. synth_independent:
    ``svydesign(ids = ~1, strata = ~force_wave, fpc = ~headcount)``; synth_panel:
    ``svydesign(ids = ~resp_id, strata = ~force, weights = ~w)`` (people answering both waves
    are one cluster)."""
    if dataset == "apiclus1":
        d = _api(dataset)
        d["year"] = np.where(d["snum"] % 2 == 0, 1, 2)
        res = _quiet(change_by, d, outcome="rep", by="stype", time="year", cluster="dnum", fpc="fpc", weight="pw")
    elif dataset == "synth_independent":
        res = _quiet(change_by, _synth(), outcome="reported", strata="stratum", fpc="headcount")
    else:
        res = _quiet(change_by, _synth(), outcome="reported", subject="resp_id", strata="force", weight="w")
    ref = _ref(dataset, "change_by")
    m = _match(res, ref, ("group", "group"))
    for c in COLS + ["p"]:
        assert_allclose(m[c], m[c + "_r"], rtol=1e-6, atol=1e-10, err_msg=c)
    assert_allclose(res["estimate"], res["estimate_to"] - res["estimate_from"], rtol=1e-12)


def test_change_by_panel_link_changes_se_and_errors():
    sy = _synth()
    ind = _quiet(change_by, sy, outcome="reported", strata="force", weight="w")
    pan = _quiet(change_by, sy, outcome="reported", subject="resp_id", strata="force", weight="w")
    assert_allclose(ind["estimate"], pan["estimate"])
    assert not np.allclose(ind["se"], pan["se"])
    with pytest.raises(ParameterError, match="subject"):
        change_by(sy, outcome="reported", subject="resp_id", cluster="force")
    with pytest.raises(DesignError, match="two waves"):
        change_by(sy.query("wave == 1"), outcome="reported")
    with pytest.raises(ColumnNotFoundError, match="wave_typo"):
        change_by(sy, outcome="reported", time="wave_typo")


# ------------------------------------------------------------------------------ coverage


@pytest.mark.slow
def test_resourcing_intervals_cover_the_workforce_totals():
    """Stratified samples (150 per force, without replacement) from the synthetic workforce of
    toolkit.synth.survey.make_population, harms drawn from the study's harm model: the 95%
    intervals of the resourcing totals (per force and national) cover the true numbers of
    people about 95% of the time."""
    from toolkit.synth.survey import HARM_ITEMS, _harm_logit, make_population

    rng = np.random.default_rng(11)
    pop = make_population(rng)
    N = len(pop)
    harmed = rng.random(N) < 1 / (1 + np.exp(-_harm_logit(pop)))
    abuse = harmed & (rng.random(N) < HARM_ITEMS["harm_abuse"])
    threats = harmed & (rng.random(N) < HARM_ITEMS["harm_threats"])
    abuse |= harmed & ~threats
    pop["harm_abuse"], pop["harm_threats"] = abuse.astype(float), threats.astype(float)
    pop["reported"] = np.where(harmed, (rng.random(N) < 0.45).astype(float), np.nan)
    pop["support_used"] = np.where(harmed, (rng.random(N) < 0.3).astype(float), np.nan)
    pop["trained"] = (rng.random(N) < 0.35).astype(float)
    pop["headcount"] = pop.groupby("force")["force"].transform("size")
    truth = {}
    for g, sub in list(pop.groupby("force")) + [("All", pop)]:
        h = sub["harm_abuse"].to_numpy() + sub["harm_threats"].to_numpy() > 0
        truth[(g, "harmed")] = h.sum()
        truth[(g, "harm_abuse")] = sub["harm_abuse"].sum()
        truth[(g, "harm_threats")] = sub["harm_threats"].sum()
        truth[(g, "harmed, not reported")] = (h & (sub["reported"] == 0)).sum()
        truth[(g, "harmed, not support_used")] = (h & (sub["support_used"] == 0)).sum()
        truth[(g, "untrained")] = (sub["trained"] == 0).sum()
    members = [np.flatnonzero(pop["force"].to_numpy() == f) for f in sorted(pop["force"].unique())]
    hits = total_n = 0
    for _ in range(150):
        idx = np.concatenate([rng.choice(m, 150, replace=False) for m in members])
        res = resourcing(
            pop.iloc[idx],
            harms=["harm_abuse", "harm_threats"],
            strata="force",
            fpc="headcount",
            reported="reported",
            support="support_used",
            trained="trained",
        )
        t = np.array([truth[(g, m)] for g, m in zip(res["group"], res["measure"])])
        hits += int(((res["ci_low"] <= t) & (t <= res["ci_high"])).sum())
        total_n += len(res)
    coverage = hits / total_n
    assert 0.93 <= coverage <= 0.97, coverage


# ------------------------------------------------------------------------------ shrinkage


def _expand(groups, r, n):
    rows = [(g, 1.0) for g, a, b in zip(groups, r, n) for _ in range(int(a))]
    rows += [(g, 0.0) for g, a, b in zip(groups, r, n) for _ in range(int(b - a))]
    return pd.DataFrame(rows, columns=["force", "y"])


@pytest.mark.parametrize("dataset", ["funnel_forces", "funnel_43", "synth_reported"])
def test_shrink_forces_matches_metafor_blup(dataset):
    """R: ``blup(rma(measure = "PLO", xi = r, ni = n, method = "REML"))`` (metafor), its
    ``pred``, ``se``, ``pi.lb``, ``pi.ub`` on the logit scale, and ``tau2``, ``coef``."""
    from toolkit.survey import shrink_forces

    ref = pd.read_csv(REF / "survey_forces_shrink.csv").query("dataset == @dataset").reset_index(drop=True)
    if dataset == "synth_reported":
        d = _synth().query("wave == 2")
        res = _quiet(shrink_forces, d, outcome="reported")
    else:
        res = shrink_forces(_expand(ref["group"], ref["n_events"], ref["n"]), outcome="y")
    assert res["group"].tolist() == ref["group"].tolist()
    assert (res["n"] == ref["n"]).all() and (res["n_events"] == ref["n_events"]).all()
    logit = lambda p: np.log(p / (1 - p))
    assert_allclose(res.attrs["tau2"], ref["tau2"][0], rtol=1e-6, atol=1e-10)
    assert_allclose(res.attrs["mu"], ref["mu"][0], rtol=1e-6)
    assert_allclose(logit(res["estimate"]), ref["pred"], rtol=1e-6)
    assert_allclose(res["se_logit"], ref["se"], rtol=1e-6)
    assert_allclose(logit(res["ci_low"]), ref["pi.lb"], rtol=1e-6)
    assert_allclose(logit(res["ci_high"]), ref["pi.ub"], rtol=1e-6)
    assert res["method"].str.startswith("empirical Bayes (model-based)").all()
    # shrunken towards the pooled value: never further from it than the direct estimate
    pooled = 1 / (1 + np.exp(-res.attrs["mu"]))
    assert (np.abs(res["estimate"] - pooled) <= np.abs(res["direct"] - pooled) + 1e-12).all()


def test_shrink_forces_errors():
    from toolkit.survey import shrink_forces

    d = _synth().query("wave == 2")
    with pytest.raises(ColumnNotFoundError, match="force_typo"):
        shrink_forces(d, outcome="reported", by="force_typo")
    with pytest.raises(DesignError, match="at least 3 forces"):
        _quiet(shrink_forces, d[d["force"].isin(["F01", "F02"])], outcome="reported")
    with pytest.raises(DataValidationError, match="role"):
        shrink_forces(d, outcome="role")


@pytest.mark.parametrize("lonely", ["adjust", "average"])
def test_design_variance_diagonal_path_equals_dense(lonely):
    """The diagonal-only variance (per-domain standard errors) equals the diagonal of the
    dense k x k matrix to 1e-12, with strata, clusters, fpc, calibration and lonely PSUs."""
    from toolkit.survey._design import build_design

    rng = np.random.default_rng(3)
    n = 600
    d = pd.DataFrame(
        {"s": rng.integers(0, 6, n), "c": rng.integers(0, 40, n), "w": rng.uniform(1, 5, n), "m": rng.integers(0, 3, n)}
    )
    d.loc[d.index[:1], "s"] = 9  # a stratum with one PSU
    d["N"] = d.groupby("s")["c"].transform("nunique") * 3
    for cal in (None, ["m"]):
        design = build_design(
            d, weight="w", strata="s", cluster="c", fpc="N", lonely_psu=lonely, calibration=cal, function="test"
        )
        Z = rng.normal(size=(n, 7))
        dense = np.diag(design.variance(Z))
        assert_allclose(design.variance(Z, diagonal=True), dense, rtol=1e-12, atol=0)
