"""Difference-in-differences against R (lm + sandwich) and published values, plus simulations."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataWarning, DesignError, ParameterError
from toolkit.evaluate import did, event_study, staggered_did
from toolkit.evaluate.did import StaggeredAdoptionWarning, event_study_plot
from toolkit.synth.evaluate import make_panel

REF = Path(__file__).parent / "reference"


@pytest.fixture(scope="module")
def organ():
    return pd.read_csv(REF / "data" / "evaluate_organ_donations.csv")


@pytest.fixture(scope="module")
def castle():
    return pd.read_csv(REF / "data" / "evaluate_castle.csv")


def test_organ_donation_published_and_r(organ):
    """The Effect (Huntington-Klein 2021, ch. 18.2.3): TWFE estimate of California's
    active-choice question on organ donation rates = -0.0225.
    R: lm(Rate ~ Treated + factor(State) + factor(Quarter_Num)); sandwich::vcovCL(fit,
    cluster = ~State, type = "HC1") for ssc="all", HC0 * G/(G-1) * (n-1)/(n-K), K = 1 + 6, for
    ssc="nested" (tests/reference/evaluate_did.R)."""
    ref = pd.read_csv(REF / "evaluate_did_twfe.csv").set_index("data").loc["organ"]
    for ssc, col in (("nested", "se_nested"), ("all", "se_all")):
        res = did(organ, outcome="Rate", unit="State", time="Quarter_Num", treated="Treated", ssc=ssc, bootstrap=False)
        assert_allclose(res["estimate"].item(), ref["estimate"], rtol=0, atol=1e-8)
        assert_allclose(res["se"].item(), ref[col], rtol=0, atol=1e-8)
    assert round(res["estimate"].item(), 4) == -0.0225
    assert res["df"].item() == 26 and res["n_clusters"].item() == 27


def test_castle_twfe_r(castle):
    """R: lm(l_homicide ~ post + factor(sid) + factor(year)) with vcovCL by state (50 clusters)."""
    ref = pd.read_csv(REF / "evaluate_did_twfe.csv").set_index("data").loc["castle"]
    with pytest.warns(StaggeredAdoptionWarning, match="staggered_did"):
        res = did(castle, outcome="l_homicide", unit="sid", time="year", treated="post")
    assert_allclose(res["estimate"].item(), ref["estimate"], rtol=0, atol=1e-8)
    assert_allclose(res["se"].item(), ref["se_nested"], rtol=0, atol=1e-8)
    assert "CR1" in res["method"].item() and "bootstrap" not in res["method"].item()


def test_wild_cluster_bootstrap_matches_r_enumeration(organ):
    """R brute force: every one of the 2^10 Rademacher sign patterns, WCR, lm() refits
    (tests/reference/evaluate_did.R). p(beta0) agrees exactly at five null values."""
    from toolkit.evaluate._did_core import bootstrap_first, fit_twfe
    from toolkit.evaluate._did_validate import prepare_panel

    ref = pd.read_csv(REF / "evaluate_did_wcr.csv")
    states = ["California"] + sorted(set(organ["State"]) - {"California"})[:9]
    sub = organ[organ["State"].isin(states)]
    with pytest.warns(DataWarning, match="MacKinnon & Webb"):  # one treated state
        res = did(
            sub,
            outcome="Rate",
            unit="State",
            time="Quarter_Num",
            treated="Treated",
            boot_weights="rademacher",
            n_boot=1024,
        )
    assert "all 1024 sign patterns" in res["method"].item()
    assert_allclose(res["p"].item(), ref.loc[ref["beta0"] == 0, "p"].item(), rtol=0, atol=1e-12)
    panel = prepare_panel(sub, "Rate", unit="State", time="Quarter_Num", treated="Treated")
    fit = fit_twfe(panel, panel.d[:, None], ssc="nested")
    wb = bootstrap_first(panel, fit, weights="rademacher", n_boot=1024, seed=1)
    for b0, p in zip(ref["beta0"], ref["p"]):
        assert_allclose(wb.pvalue(b0), p, rtol=0, atol=1e-12)
        assert_allclose((wb.beta - b0) / wb.se, ref.loc[ref["beta0"] == b0, "t"].item(), rtol=1e-8)


def test_event_study_r(castle):
    """R: lm(l_homicide ~ ev_-5..ev_4 (no -1) + factor(sid) + factor(year)), vcovCL HC1 by state;
    F = b' V^-1 b / q for the leads, pf(F, q, G - 1)."""
    ref = pd.read_csv(REF / "evaluate_did_event.csv")
    pre = pd.read_csv(REF / "evaluate_did_event_pretrend.csv").iloc[0]
    with pytest.warns(StaggeredAdoptionWarning):
        es = event_study(
            castle, outcome="l_homicide", unit="sid", time="year", treated="post", leads=5, lags=4, ssc="all"
        )
    got = es.set_index("event_time").loc[ref["event_time"]]
    assert_allclose(got["estimate"], ref["estimate"], rtol=0, atol=1e-8)
    assert_allclose(got["se"], ref["se"], rtol=0, atol=1e-8)
    for key in ("statistic", "df1", "df2", "p"):
        assert_allclose(es.attrs[f"pretrend_{key}"], pre[key], rtol=0, atol=1e-8)
    fig = event_study_plot(es)
    assert fig.axes[0].get_xlabel() == "Periods since adoption"


def test_callaway_santanna_group_time_r(castle):
    """R: per (g, t) the 2x2 regression lm(dY ~ D) on cohort g and never-treated states with
    sandwich::vcovHC(type = "HC0") (= the analytic se of R did::att_gt without covariates)."""
    ref = pd.read_csv(REF / "evaluate_did_cs_gt.csv")
    res = staggered_did(castle, outcome="l_homicide", unit="sid", time="year", treated="post", aggregate="none")
    got = res.set_index(["group", "time"]).loc[list(zip(ref["group"], ref["time"]))]
    assert_allclose(got["estimate"], ref["estimate"], rtol=0, atol=1e-10)
    assert_allclose(got["se"], ref["se"], rtol=0, atol=1e-10)


def test_callaway_santanna_aggregations_r(castle):
    """R (tests/reference/evaluate_did.R): cohort-size weighted means of the ATT(g,t) cells,
    ``post <- cs[cs$time >= cs$group, ]; sum(post$estimate * post$n_g) / sum(post$n_g)``
    (simple; the weights of ``did::aggte(type = "simple")``) and the same mean within each
    event time ``e = time - group`` (dynamic)."""
    ref = pd.read_csv(REF / "evaluate_did_cs_agg.csv")
    simple = staggered_did(castle, outcome="l_homicide", unit="sid", time="year", treated="post")
    assert_allclose(
        simple["estimate"].item(), ref.loc[ref["aggregation"] == "simple", "estimate"].item(), atol=1e-10, rtol=0
    )
    dyn = staggered_did(castle, outcome="l_homicide", unit="sid", time="year", treated="post", aggregate="dynamic")
    r = ref[ref["aggregation"] == "dynamic"].set_index("event_time")["estimate"]
    got = dyn.dropna(subset=["event_time"]).set_index("event_time")["estimate"]
    assert_allclose(got.loc[r.index], r, rtol=0, atol=1e-10)


def test_callaway_santanna_not_yet_treated_r(castle):
    """R (tests/reference/evaluate_did.R): per (g, t) ``lm(dY ~ D)`` on cohort g and the
    states not yet treated at t (never-treated or adopting after t, cohort g excluded; the
    controls of ``did::att_gt(control_group = "notyettreated")``), se from
    ``sandwich::vcovHC(type = "HC0")``."""
    ref = pd.read_csv(REF / "evaluate_did_cs_notyet.csv")
    res = staggered_did(
        castle, outcome="l_homicide", unit="sid", time="year", treated="post", control="notyet", aggregate="none"
    )
    assert len(res) == len(ref)
    got = res.set_index(["group", "time"]).loc[list(zip(ref["group"], ref["time"]))]
    assert_allclose(got["estimate"], ref["estimate"], rtol=0, atol=1e-10)
    assert_allclose(got["se"], ref["se"], rtol=0, atol=1e-10)


def test_callaway_santanna_group_and_dynamic_overall_r(castle):
    """R (tests/reference/evaluate_did.R): ``theta(g) = mean(ATT(g, t), t >= g)`` per cohort and
    ``sum(theta * n_g) / sum(n_g)`` overall (``did::aggte(type = "group")``); the dynamic overall
    is ``mean(dynamic effects for e >= 0)`` (``did::aggte(type = "dynamic")$overall.att``)."""
    ref = pd.read_csv(REF / "evaluate_did_cs_group.csv")
    grp = staggered_did(castle, outcome="l_homicide", unit="sid", time="year", treated="post", aggregate="group")
    by_g = ref[(ref["aggregation"] == "group") & ref["group"].notna()]
    got = grp.dropna(subset=["group"]).set_index("group")["estimate"]
    assert_allclose(got.loc[by_g["group"].astype(int)].to_numpy(), by_g["estimate"].to_numpy(), rtol=0, atol=1e-10)
    overall = ref[(ref["aggregation"] == "group") & ref["group"].isna()]["estimate"].item()
    assert_allclose(grp.loc[grp["group"].isna(), "estimate"].item(), overall, rtol=0, atol=1e-10)
    dyn = staggered_did(castle, outcome="l_homicide", unit="sid", time="year", treated="post", aggregate="dynamic")
    want = ref.loc[ref["aggregation"] == "dynamic_overall", "estimate"].item()
    assert_allclose(dyn.loc[dyn["event_time"].isna(), "estimate"].item(), want, rtol=0, atol=1e-10)


def _as_reference_terms(res: pd.DataFrame) -> pd.Series:
    """staggered_did rows keyed like the csdid reference: overall, e=K, g=YYYY."""

    def key(row):
        if row["aggregation"] == "dynamic" and np.isfinite(row["event_time"]):
            return f"e={int(row['event_time'])}"
        if row["aggregation"] == "group" and row["group"] is not None and not pd.isna(row["group"]):
            return f"g={int(row['group'])}"
        return "overall"

    return res.set_index(res.apply(key, axis=1))


@pytest.mark.parametrize("data", ["castle", "castle_unbalanced"])
@pytest.mark.parametrize("control", ["never", "notyet"])
@pytest.mark.parametrize("aggregation", ["simple", "dynamic", "group"])
def test_callaway_santanna_aggregation_se_csdid(castle, data, control, aggregation):
    """Aggregated effects AND their analytic standard errors (influence function including the
    estimated cohort weights) against csdid 0.4.3, the Python port of R ``did``
    (tests/reference/evaluate_did_cs_aggregates.py)::

        ATTgt(yname="l_homicide", tname="year", idname="sid", gname="first_treat", data=d,
              control_group="nevertreated" | "notyettreated", xformla=None, panel=True,
              allow_unbalanced_panel=False, anticipation=0, cband=False
              ).fit(est_method="dr", base_period="varying", bstrap=False
              ).aggte(typec="simple" | "dynamic" | "group", bstrap=False, cband=False)

    (= R ``did::aggte(att_gt(..., bstrap = FALSE), type = ..., bstrap = FALSE)``; without
    covariates "dr", "reg" and "ipw" coincide, checked by the script). ``castle_unbalanced``
    lacks three state-years; both csdid and staggered_did drop those three states. On the
    balanced data also against the ``differences`` package 0.3.0::

        ATTgt(data=d.set_index(["sid", "year"]), cohort_column="cohort", base_period="varying"
              ).fit(formula="l_homicide", est_method="reg",
                    control_group="never_treated" | "not_yet_treated", boot_iterations=0)
        .aggregate("simple" | "event" | "cohort", overall=True | False, boot_iterations=0)"""
    ref = pd.read_csv(REF / "evaluate_did_cs_aggregates.csv")
    ref = ref[(ref["data"] == data) & (ref["control"] == control) & (ref["aggregation"] == aggregation)]
    ref = ref.set_index("term")
    d = castle
    if data == "castle_unbalanced":
        gaps = pd.MultiIndex.from_frame(castle[["sid", "year"]]).isin([(4, 2003), (1, 2000), (26, 2010)])
        d = castle.loc[~gaps]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = staggered_did(
            d, outcome="l_homicide", unit="sid", time="year", treated="post", control=control, aggregate=aggregation
        )
    dropped = [w for w in caught if "not observed in every period" in str(w.message)]
    assert len(dropped) == (data == "castle_unbalanced")
    got = _as_reference_terms(res)
    assert sorted(got.index) == sorted(ref.index)
    assert (res["n"] == (47 if data == "castle_unbalanced" else 50)).all()
    assert_allclose(got.loc[ref.index, "estimate"], ref["estimate"], rtol=0, atol=1e-8)
    assert_allclose(got.loc[ref.index, "se"], ref["se"], rtol=0, atol=1e-8)
    if data == "castle":  # second, independent implementation
        assert_allclose(got.loc[ref.index, "estimate"], ref["estimate_differences"], rtol=0, atol=1e-8)
        assert_allclose(got.loc[ref.index, "se"], ref["se_differences"], rtol=0, atol=1e-8)


def test_aggregation_se_needs_weight_influence(castle, monkeypatch):
    """The csdid reference tells the published se (Callaway & Sant'Anna 2021, sec. 4; R did's
    ``wif``) from the naive one that treats the cohort weights P(G = g) as known: without the
    weights' influence function the estimate is unchanged but the se misses by more than 1e-3."""
    from toolkit.evaluate import _did_cs

    def known_weights(cells, weights_p, adopt, N):
        w = np.array([weights_p[c.g] for c in cells])
        w = w / w.sum()
        return float(w @ [c.att for c in cells]), sum(wk * c.inf for wk, c in zip(w, cells))

    ref = pd.read_csv(REF / "evaluate_did_cs_aggregates.csv")
    ref = ref.query("data == 'castle' and control == 'never' and term == 'overall'").set_index("aggregation")
    monkeypatch.setattr(_did_cs, "_aggregate", known_weights)
    for aggregation, term in [("simple", "ATT"), ("group", "ATT (cohort-weighted)")]:
        res = staggered_did(
            castle, outcome="l_homicide", unit="sid", time="year", treated="post", aggregate=aggregation
        )
        row = res.set_index("term").loc[term]
        assert_allclose(row["estimate"], ref.loc[aggregation, "estimate"], rtol=0, atol=1e-8)
        assert abs(row["se"] - ref.loc[aggregation, "se"]) > 1e-3


def _coverage(estimator, truth, reps, **kw):
    hits, ests = 0, []
    for seed in range(reps):
        res = estimator(seed)
        row = res.iloc[0]
        ests.append(row["estimate"])
        hits += row["ci_low"] <= truth <= row["ci_high"]
    return hits / reps, float(np.mean(ests))


@pytest.mark.slow
def test_twfe_recovers_effect_and_covers():
    """200 simulated 40-force x 4-wave panels, one adoption date, true effect 0.3:
    the CR1 95% CI covered the truth in 95.0% of replications (band 0.90-0.99)."""

    def est(seed):
        p = make_panel(seed, staggered=False, n_forces=40, n_waves=4)
        return did(p, outcome="wellbeing", unit="force", time="wave", treated="trained", bootstrap=False)

    cover, mean = _coverage(est, 0.30, 200)
    assert abs(mean - 0.30) < 0.01
    assert 0.90 <= cover <= 0.99, cover


@pytest.mark.slow
def test_wild_bootstrap_covers_with_few_clusters():
    """100 panels of 10 forces (5 trained): WCR bootstrap 95% CI (Webb weights, 399 draws)
    covered the truth in 94% of replications. Band 0.88-0.99: an interval that always
    covers (e.g. one that never excludes anything) fails as surely as one that undercovers."""

    def est(seed):
        p = make_panel(seed, staggered=False, n_forces=10, n_waves=4)
        return did(p, outcome="wellbeing", unit="force", time="wave", treated="trained", n_boot=399)

    cover, mean = _coverage(est, 0.30, 100)
    assert abs(mean - 0.30) < 0.02
    assert 0.88 <= cover <= 0.99, cover


@pytest.mark.slow
def test_staggered_recovers_truth_and_covers():
    """200 staggered demo panels (cohorts at waves 4, 6, 8, effects growing with exposure):
    Callaway-Sant'Anna simple ATT is unbiased (mean error -0.001) and its 95% CI covered the
    truth in 97% of replications; plain TWFE is biased."""
    from toolkit.synth.evaluate import panel_truth

    truth = panel_truth(make_panel(0))["att_simple"]
    hits, cs_est, tw_est = 0, [], []
    for seed in range(200):
        p = make_panel(seed)
        r = staggered_did(p, outcome="wellbeing", unit="force", time="wave", treated="trained").iloc[0]
        cs_est.append(r["estimate"])
        hits += r["ci_low"] <= truth <= r["ci_high"]
        if seed < 30:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", StaggeredAdoptionWarning)
                tw_est.append(
                    did(p, outcome="wellbeing", unit="force", time="wave", treated="trained")["estimate"].item()
                )
    assert abs(np.mean(cs_est) - truth) < 0.01
    assert 0.90 <= hits / 200 <= 0.99, hits / 200
    assert abs(np.mean(tw_est) - truth) > 0.03  # TWFE weights the cells differently


def _panel():
    return make_panel(3, staggered=False, n_forces=6, n_waves=4)


@pytest.mark.parametrize(
    "change, kwargs, error, match",
    [
        (lambda d: d[d["wave"] == 1], {}, DesignError, "one value only"),
        (lambda d: d.assign(trained=(d["wave"] >= 3).astype(int)), {}, DesignError, "no untreated units"),
        (
            lambda d: d.assign(trained=np.where((d["force"] == "Force 01") & (d["wave"] == 4), 0, d["trained"])),
            {},
            DesignError,
            "switches off and on",
        ),
        (lambda d: d.assign(wave="wave " + d["wave"].astype(str)), {}, DesignError, "must hold whole numbers"),
        (lambda d: d.assign(trained=d["trained"] * 2), {}, DesignError, "0/1"),
        (lambda d: d.assign(wellbeing="high"), {}, DesignError, "must be numeric"),
        (
            lambda d: d.assign(trained=np.where(d["force"] == "Force 01", 1, d["trained"])),
            {},
            DesignError,
            "treated already in the first period",
        ),
        (lambda d: d, {"unit": "forze"}, ColumnNotFoundError, "forze"),
        (lambda d: d, {"ssc": "stata"}, ParameterError, "ssc"),
        (lambda d: d, {"boot_weights": "normal"}, ParameterError, "boot_weights"),
        (lambda d: d.iloc[0:0], {}, DesignError, r"empty table \(0 rows\)"),
        (lambda d: d.assign(wellbeing=np.nan), {}, DesignError, "no rows are left"),
    ],
)
def test_did_errors(change, kwargs, error, match):
    args = {"unit": "force", "time": "wave", "treated": "trained"} | kwargs
    with pytest.raises(error, match=match):
        did(change(_panel()), outcome="wellbeing", **args)


def test_staggered_did_errors():
    with pytest.raises(DesignError, match="never-treated"):
        p = make_panel(1)
        p = p[p["cohort"].notna()]
        staggered_did(p, outcome="wellbeing", unit="force", time="wave", treated="trained", control="never")
    with pytest.raises(ParameterError, match="aggregate"):
        staggered_did(_panel(), outcome="wellbeing", unit="force", time="wave", treated="trained", aggregate="calendar")


@pytest.mark.parametrize(
    "change, error, match",
    [
        (lambda r: None, ParameterError, "must be a pandas DataFrame"),
        (lambda r: r.drop(columns="estimate"), ColumnNotFoundError, r"lacks column\(s\) \['estimate'\]"),
        (lambda r: r.iloc[0:0], ParameterError, "no rows"),
    ],
)
def test_event_study_plot_errors(change, error, match):
    res = event_study(_panel(), outcome="wellbeing", unit="force", time="wave", treated="trained")
    with pytest.raises(error, match=match):
        event_study_plot(change(res))


def _time_variants(panel):
    """The same periods stored as researchers store them: an ordered Categorical whose category
    order is not alphabetical, and quarter labels in two spellings ('Q4 2010' and '2023 Q4')."""
    q = pd.PeriodIndex(panel["quarter"].astype(str), freq="Q")
    labels = [f"Q{p.quarter} {p.year}" for p in q]
    order = [f"Q{p.quarter} {p.year}" for p in sorted(set(q))]
    return {
        "ordered categorical": panel.assign(t=pd.Categorical(labels, categories=order, ordered=True)),
        "quarter labels Q4 2010": panel.assign(t=labels),
        "quarter labels 2023 Q4": panel.assign(t=[f"{p.year} Q{p.quarter}" for p in q]),
    }


@pytest.mark.parametrize("variant", ["ordered categorical", "quarter labels Q4 2010", "quarter labels 2023 Q4"])
def test_time_as_ordered_categorical_or_quarter_labels(variant):
    """Issue 11: did, event_study and staggered_did accept an ordered Categorical time column (its
    order is the time order) and quarter labels; the results equal those on the wave numbers."""
    panel = make_panel(seed=1, n_forces=12)
    data = _time_variants(panel)[variant]
    labels = list(pd.unique(data["t"].astype(str)))
    if variant != "quarter labels 2023 Q4":
        assert sorted(labels) != labels  # alphabetical order is not time order: the test can fail
    args = {"outcome": "wellbeing", "unit": "force", "treated": "trained"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaggeredAdoptionWarning)
        ref = did(panel, time="wave", **args, n_boot=999)
        got = did(data, time="t", **args, n_boot=999)
        assert_allclose(
            got[["estimate", "se", "p", "ci_low", "ci_high"]].to_numpy(float),
            ref[["estimate", "se", "p", "ci_low", "ci_high"]].to_numpy(float),
            rtol=1e-10,
        )
        es_ref = event_study(panel, time="wave", **args)
        es_got = event_study(data, time="t", **args)
        assert_allclose(es_got["estimate"].to_numpy(float), es_ref["estimate"].to_numpy(float), rtol=1e-10)
    cs_ref = staggered_did(panel, time="wave", **args, aggregate="group")
    cs_got = staggered_did(data, time="t", **args, aggregate="group")
    assert_allclose(cs_got["estimate"].to_numpy(float), cs_ref["estimate"].to_numpy(float), rtol=1e-10)
    # cohorts are labelled as the data label them
    first = panel.loc[panel["trained"] == 1].groupby("force")["wave"].min().min()
    label = data.loc[panel["wave"] == first, "t"].astype(str).iloc[0]
    assert str(cs_got["group"].dropna().iloc[0]) == label


@pytest.mark.parametrize(
    "values, match",
    [
        (lambda p: pd.Categorical(p["wave"].map(lambda w: f"wave {w}")), "ordered categorical"),
        (lambda p: "spring " + p["wave"].astype(str), "quarter labels such as 'Q4 2010'"),
        (lambda p: p["wave"].map(lambda w: f"Q{w} 2023"), "quarter labels such as 'Q4 2010'"),
    ],
)
def test_time_text_without_an_order_is_refused(values, match):
    """An unordered categorical or free text has no time order; Q5-Q8 are not quarters."""
    panel = make_panel(seed=1, n_forces=12, staggered=False)
    with pytest.raises(DesignError, match=match):
        did(panel.assign(t=values(panel)), outcome="wellbeing", unit="force", time="t", treated="trained")


def _few_forces(n_control):
    panel = make_panel(seed=1, staggered=False, n_forces=10)
    ever = panel.groupby("force")["trained"].max()
    keep = [ever[ever == 1].index[0], *ever[ever == 0].index[:n_control]]
    return panel[panel["force"].isin(keep)]


@pytest.mark.parametrize("n_control", [1, 2])
def test_did_with_too_few_clusters_blanks_inference(n_control):
    """Issue 11: with 2 clusters did tabled se = 1.7e-16 (or divided by zero). With fewer than 5
    clusters the estimate is kept, se / CI / p are blank and a DataWarning says why."""
    data = _few_forces(n_control)
    args = {"outcome": "wellbeing", "unit": "force", "time": "wave", "treated": "trained"}
    with pytest.warns(DataWarning, match=f"only {n_control + 1} cluster"):
        res = did(data, **args, bootstrap=False)
    row = res.iloc[0]
    assert np.isfinite(row["estimate"]) and row["n_clusters"] == n_control + 1
    assert res[["se", "ci_low", "ci_high", "statistic", "p"]].isna().all().all()
    assert "no inference" in row["method"]
    # the point estimate is the plain difference in differences of the cell means
    m = data.assign(post=data["wave"] >= data.loc[data["trained"] == 1, "wave"].min())
    cell = m.groupby([m.groupby("force")["trained"].transform("max"), "post"])["wellbeing"].mean()
    if n_control == 1:
        assert_allclose(row["estimate"], (cell[1, True] - cell[1, False]) - (cell[0, True] - cell[0, False]), rtol=1e-9)
    with pytest.warns(DataWarning, match="cluster"):
        es = event_study(data, **args)
    assert es["se"].isna().all() and np.isnan(es.attrs["pretrend_p"])


def test_did_five_clusters_still_infers():
    data = _few_forces(4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        res = did(data, outcome="wellbeing", unit="force", time="wave", treated="trained", n_boot=999)
    assert np.isfinite(res["p"].iloc[0]) and res["se"].iloc[0] > 1e-8


@pytest.mark.parametrize("ssc", ["nested", "all"])
def test_event_study_cell_fit_equals_row_fit(ssc):
    """event_study fits its event-time dummies on the (unit, period) cells (no n x events
    matrix, issue 16); on an unbalanced respondent-level panel (1-6 respondents per cell, some
    cells empty) the coefficients and CR1 covariance equal the row-level dummy regression."""
    from toolkit.evaluate._did_core import cell_index, fit_twfe, fit_twfe_cells
    from toolkit.evaluate._did_validate import prepare_panel
    from toolkit.evaluate.did import EventGrid, _event_time_dummies

    rng = np.random.default_rng(3)
    cells = make_panel(seed=2, n_forces=12)
    reps = rng.integers(0, 7, len(cells))
    reps[cells["wave"].to_numpy() == 1] = np.maximum(reps[cells["wave"].to_numpy() == 1], 1)
    rows = cells.loc[cells.index.repeat(reps)].reset_index(drop=True)
    rows["wellbeing"] = rows["wellbeing"] + rng.normal(0, 0.5, len(rows))
    panel = prepare_panel(rows, "wellbeing", unit="force", time="wave", treated="trained")
    cidx = cell_index(panel)
    assert cidx[3] is not None and len(cidx[1]) < len(rows)
    events, _, cols, _, _ = _event_time_dummies(panel, None, None, -1)
    dense = fit_twfe(panel, cols, ssc=ssc)
    grid = EventGrid(adopt=panel.adopt, unit=cidx[1], time=cidx[2])
    events_c, _, cols_c, _, _ = _event_time_dummies(grid, None, None, -1)
    fast = fit_twfe_cells(panel, cols_c, cidx, ssc=ssc)
    assert events == events_c
    assert_allclose(fast.beta, dense.beta, rtol=1e-9, atol=1e-12)
    assert_allclose(fast.V, dense.V, rtol=1e-8, atol=1e-14)


def test_did_one_cluster_blanks_inference():
    """A cluster column with one value: no ZeroDivisionError, the estimate with blank inference."""
    data = _few_forces(3).assign(region="all")
    with pytest.warns(DataWarning, match="only 1 cluster"):
        res = did(data, outcome="wellbeing", unit="force", time="wave", treated="trained", cluster="region")
    assert np.isfinite(res["estimate"].iloc[0]) and np.isnan(res["p"].iloc[0])


@pytest.mark.parametrize("aggregate", ["simple", "dynamic", "group", "none"])
def test_staggered_did_first_treated_equals_treated(aggregate):
    """first_treated= (the first treated period, missing = never; did::att_gt's gname) gives
    the same results as the 0/1 treated= column it implies."""
    panel = make_panel(seed=1)
    a = staggered_did(panel, outcome="wellbeing", unit="force", time="wave", treated="trained", aggregate=aggregate)
    b = staggered_did(
        panel, outcome="wellbeing", unit="force", time="wave", first_treated="cohort", aggregate=aggregate
    )
    pd.testing.assert_frame_equal(a, b)
    zero = panel.assign(cohort=panel["cohort"].fillna(0).astype(int))
    c = staggered_did(zero, outcome="wellbeing", unit="force", time="wave", first_treated="cohort", aggregate=aggregate)
    pd.testing.assert_frame_equal(a, c)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({}, ParameterError, "exactly one of treated="),
        ({"treated": "trained", "first_treated": "cohort"}, ParameterError, "exactly one of treated="),
        ({"first_treated": "cohorts"}, ColumnNotFoundError, "cohorts"),
        ({"first_treated": "force"}, DesignError, "must both hold numbers"),
    ],
)
def test_staggered_did_first_treated_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        staggered_did(make_panel(seed=1), outcome="wellbeing", unit="force", time="wave", **kwargs)


def test_staggered_did_first_treated_must_be_constant_within_unit():
    panel = make_panel(seed=1)
    panel.loc[0, "cohort"] = 3
    with pytest.raises(DesignError, match="more than one value within unit"):
        staggered_did(panel, outcome="wellbeing", unit="force", time="wave", first_treated="cohort")
