"""Evaluation section of the evidence pack: did training work (staggered rollout across
forces), and did a new reporting route change the recording of online-harm incidents
(recommendations 2.03 and 3.02). Every table goes through the publication gate, with the
links between them (force-by-quarter, victim-by-crime, closed cases, the launch forces'
monthly series) declared so that the gate protects them jointly."""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from toolkit.disclosure.gate import Link, cell
from toolkit.evaluate.did import StaggeredAdoptionWarning, did, event_study_plot, staggered_did
from toolkit.evaluate.incidents import incident_trends, launch_series, launched_forces, read_incidents
from toolkit.evaluate.its import its, its_plot
from toolkit.report import alt_text
from toolkit.report.sections.survey import part


def _training(ctx, path) -> None:
    cfg = ctx.config
    panel = pd.read_csv(path)
    declared = {key: cfg.get("evaluate", key) for key in ("unit", "time", "treated")}
    outcomes = cfg.get("evaluate", "outcomes") or []
    if not all(declared.values()) or not outcomes:
        ctx.note(
            f"evaluate: the columns of {path.name} are not declared (evaluate.unit, time, treated and "
            "outcomes in study.yml); the intervention's effect is not included"
        )
        return
    absent = [c for c in [*declared.values(), *outcomes] if c not in panel.columns]
    if absent:
        ctx.note(
            f"evaluate: {path.name} has no column {', '.join(map(repr, absent))} named in study.yml "
            f"(it has {list(panel.columns)}); the intervention's effect is not included"
        )
        return
    outcome = outcomes[0]
    intervention = cfg.get("evaluate", "intervention") or "the intervention"
    unit = declared["unit"]
    args = dict(declared)
    simple = staggered_did(panel, outcome=outcome, **args)
    dynamic = staggered_did(panel, outcome=outcome, **args, aggregate="dynamic")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StaggeredAdoptionWarning)
        twfe = did(panel, outcome=outcome, **args)
    if caught:
        ctx.note("evaluate: plain TWFE shown for comparison only: " + str(caught[0].message))
    table = pd.concat(
        [
            simple.assign(estimator="Callaway & Sant'Anna (2021)"),
            twfe.assign(estimator="two-way fixed effects (biased under staggered rollout)", aggregation="simple"),
        ],
        ignore_index=True,
    )[["estimator", "aggregation", "estimate", "se", "ci_low", "ci_high", "p", "method"]]
    # effects on mean scores of forces (no counts of people): nothing to suppress
    ctx.table(
        "evaluate_training_effect",
        table,
        key=["estimator", "aggregation"],
        pillar="training",
        title=f"Effect of {intervention} on {outcome} (staggered rollout)",
    )
    ctx.table(
        "evaluate_training_dynamic",
        dynamic,
        key=["term"],
        not_people={"n": f"units ({unit})"},
        pillar="training",
        title=f"Effect of {intervention} by periods since the {unit} started",
    )
    ctx.figure(
        "evaluate_training_event",
        lambda t: event_study_plot(t, title=f"Effect of {intervention} by periods since rollout"),
        source="evaluate_training_dynamic",
        pillar="training",
        title=f"Effect of {intervention} by periods since rollout",
        alt=lambda t: alt_text.event_study_alt(t, effect=f"effect of {intervention} on mean {outcome}"),
    )
    row = simple.iloc[0]
    n_units = int(panel[unit].nunique())
    ctx.finding(
        "training",
        "{what} {verb} the mean {outcome} by {size:.2f} points (95% CI {lo:.2f} to "
        "{hi:.2f}) where it was rolled out, compared with units never treated "
        "({n} units, one per {unit}; staggered rollout).",
        recommendation="2.03",
        what=intervention[0].upper() + intervention[1:],
        verb="raised" if row["estimate"] >= 0 else "lowered",
        outcome=outcome,
        unit=unit,
        size=abs(float(row["estimate"])),
        lo=float(row["ci_low"]),
        hi=float(row["ci_high"]),
        n=n_units,
    )
    ctx.method(
        "Evaluation",
        f"Effect of {intervention} on {outcome} (panel {path.name}: {unit} by "
        f"{declared['time']}, treated = {declared['treated']}): Callaway & Sant'Anna (2021) group-time "
        f"effects with never-treated units as controls, aggregated by cohort size, analytic "
        f"(influence-function) standard errors clustered by {unit}; plain two-way fixed effects shown "
        f"for comparison only (CR1 by {unit}).",
    )
    ctx.limitation(
        f"The effect of {intervention} assumes that treated and untreated units would have followed "
        "parallel trends; the pre-rollout estimates of the event-study figure are the check."
    )
    ctx.limitation(
        f"Standard errors of the effect of {intervention} come from the influence function, which "
        f"assumes many units: with {n_units} they are {'adequate but ' if n_units >= 30 else ''}"
        "optimistic, and with fewer than about 30 units the intervals are too narrow (a wild "
        "cluster bootstrap, as did() uses, is safer there)."
    )


def _incidents(ctx, path, denominators_path) -> None:
    inc = read_incidents(path)
    k = ctx.threshold
    forces = pd.read_csv(denominators_path) if denominators_path is not None and denominators_path.exists() else None
    # the force column labels the force-by-quarter table: only the forces of the denominators
    # file (or, without one, forces with at least k incidents) may label it
    declared = set(forces["force"].dropna().astype(str)) if forces is not None and "force" in forces.columns else None
    inc = inc[
        ctx.undeclared(
            inc["force"], declared, what="force", where=f"evaluate: {getattr(path, 'name', path)}", unit="incident(s)"
        ).to_numpy()
    ]
    # force x quarter counts, small cells suppressed (with secondary suppression)
    tr = incident_trends(inc, by="force", freq="Q")
    counts = tr.assign(period=tr["period"].astype(str)).pivot(index="force", columns="period", values="n")
    counts = counts.fillna(0).astype("int64")
    counts.index = counts.index.astype(str)
    counts_q_cols = [str(c) for c in counts.columns]
    ctx.table(
        "evaluate_incidents_force_quarter",
        counts,
        wide=True,
        index_name="force",
        pillar="reporting",
        title="Reported online-harm incidents by force and quarter",
    )
    grand = int(counts.to_numpy().sum())
    # victim type x crime status
    vt = incident_trends(inc, by=["victim_type", "crime_status"], freq=None)
    counts = vt.pivot(index="victim_type", columns="crime_status", values="n").fillna(0).astype("int64")

    same = (cell("evaluate_incidents_force_quarter", "Total", "Total"),)
    ctx.table(
        "evaluate_incidents_victim_crime",
        counts,
        wide=True,
        index_name="victim_type",
        links=(
            Link(
                cell("evaluate_incidents_victim_crime", "Total", "Total"),
                same,
                exact=int(counts.to_numpy().sum()) == grand,
            ),
        ),
        pillar="reporting",
        title="Incidents by victim type and crime / non-crime recording",
    )
    days = vt[["victim_type", "crime_status", "n", "n_closed", "median_days", "p25_days", "p75_days"]].copy()
    # the closed cases are some of the incidents of the victim-by-crime table: same cells
    links = tuple(
        Link(
            cell("evaluate_incidents_victim_crime", v, c),
            (cell("evaluate_incidents_days_to_outcome", f"{v} | {c}", "n"),),
        )
        for v, c in zip(days["victim_type"], days["crime_status"])
    )
    ctx.table(
        "evaluate_incidents_days_to_outcome",
        days,
        key=["victim_type", "crime_status"],
        counts=["n", "n_closed"],
        events=[("n_closed", "n")],
        derived={c: ("n_closed",) for c in ("median_days", "p25_days", "p75_days")},
        links=links,
        pillar="reporting",
        title="Days from report to outcome (closed incidents)",
        caption=f"Withheld where fewer than {k} incidents were closed, or fewer than {k} were still open.",
    )

    launch = ctx.config.get("evaluate", "reporting_launch") if ctx.config is not None else None
    if launch is None or forces is None or "route_launched" not in forces.columns:
        ctx.note("evaluate: no reporting_launch date or launching forces given; interrupted time series skipped")
        return
    launched = set(launched_forces(forces))
    both_series = launch_series(inc, denominators=forces, freq="M").rename(
        columns={"period": "month", "n": "incidents"}
    )
    series = [
        both_series.loc[
            both_series["comparison"] == flag, ["month", "incidents", "comparison", "headcount"]
        ].reset_index(drop=True)
        for flag in (False, True)
    ]
    one = series[0]
    model: dict[str, Any] = {  # what both fits share
        "outcome": "incidents",
        "time": "month",
        "intervention": str(pd.Period(str(launch), "M")),
        "seasonality": "fourier",
        "offset": "headcount",
    }
    res, fitted = its(one, family="negbin", return_fitted=True, **model)
    both = its(pd.concat(series, ignore_index=True), family="poisson", comparison="comparison", **model)
    table = pd.concat(
        [res.assign(design="launch forces"), both.assign(design="launch vs other forces")], ignore_index=True
    )
    ctx.table(
        "evaluate_reporting_its",
        table,
        key=["design", "term"],
        not_people={"n": "months in the series"},
        pillar="reporting",
        title="Reporting route launch: interrupted time series (rate ratios per 1,000 staff)",
    )
    # the observed series of the launch forces is published through the gate (each quarter of
    # it is the sum of the launch forces' cells of the force-by-quarter table) and the figure
    # shows only its published months
    monthly = one[["month", "incidents"]].assign(month=one["month"].astype(str))
    qlinks = []
    quarters = pd.PeriodIndex(one["month"]).asfreq("Q").astype(str)
    for q in sorted(set(quarters)):
        months = tuple(
            cell("evaluate_reporting_series", m, "incidents") for m, qq in zip(monthly["month"], quarters) if qq == q
        )
        forces_q = tuple(cell("evaluate_incidents_force_quarter", f, q) for f in sorted(map(str, launched)))
        if all(f.column in set(counts_q_cols) for f in forces_q):
            qlinks.append(Link(forces_q, months))
    ctx.table(
        "evaluate_reporting_series",
        monthly,
        key=["month"],
        counts=["incidents"],
        links=tuple(qlinks),
        pillar="reporting",
        title="Monthly incidents recorded in the forces with the new route",
        caption=f"Months with fewer than {k} incidents, and months that would give them back, are withheld.",
    )
    # observed rate per 1,000 staff = incidents x (1,000 / headcount): one factor for the series
    scale = float((fitted["observed"] / one["incidents"].replace(0, float("nan")).to_numpy()).median())

    def draw(series):
        f = fitted.copy()
        f["observed"] = pd.to_numeric(series["incidents"]).astype("float64").to_numpy() * scale
        return its_plot(f, title="Incidents per 1,000 staff, forces with the new route (published months)")

    ctx.figure(
        "evaluate_reporting_its",
        draw,
        source="evaluate_reporting_series",
        pillar="reporting",
        title="Reported incidents around the reporting-route launch",
        alt=lambda t: alt_text.its_alt(
            t,
            what="incidents per 1,000 staff each month in the forces with the new reporting route (published months)",
            launch=f"the route opened in {pd.Period(str(launch), 'M'):%B %Y}",
        ),
    )
    lvl = res.set_index("term").loc["level_change"]
    d = res.attrs
    ctx.finding(
        "reporting",
        "Recorded online-harm incidents per member of staff changed by a factor of {rr:.2f} "
        "(95% CI {lo:.2f} to {hi:.2f}) when the new reporting route opened in {n} {forces}, beyond the "
        "pre-launch trend and season.",
        recommendation="3.02",
        rr=float(lvl["ratio"]),
        lo=float(lvl["ratio_ci_low"]),
        hi=float(lvl["ratio_ci_high"]),
        n=len(launched),
        forces="force" if len(launched) == 1 else "forces",
    )
    rel = both.set_index("term").loc["level_change"]
    ctx.finding(
        "reporting",
        "Relative to the {m} {forces} without the route, the change at launch was a factor of "
        "{rr:.2f} (95% CI {lo:.2f} to {hi:.2f}).",
        recommendation="3.02",
        m=len(set(forces["force"]) - launched),
        forces="force" if len(set(forces["force"]) - launched) == 1 else "forces",
        rr=float(rel["ratio"]),
        lo=float(rel["ratio_ci_low"]),
        hi=float(rel["ratio_ci_high"]),
    )
    rho = d.get("ar1_rho")
    errors = (
        f"AR(1) errors estimated by REML (rho = {rho:.2f}) and t intervals"
        if rho is not None
        else f"Newey-West errors ({d['hac_lags']:.0f} lags) with the small-sample factor n/(n-k) and t intervals"
    )
    ctx.method(
        "Evaluation",
        "Reporting route: negative binomial segmented regression of monthly incidents with "
        f"headcount offset and Fourier seasonality, {errors}; Durbin-Watson {d['durbin_watson']:.2f}, "
        f"Ljung-Box p = {d['ljung_box_p']:.2f}. Controlled version: Poisson against the other forces with "
        "Driscoll-Kraay (Newey-West across the paired series) errors.",
    )
    ctx.limitation(
        f"Interrupted time series on {len(one)} monthly counts: in simulations of series of this "
        "length the 95% intervals with AR(1) errors (launch forces) cover the true change in about "
        "92-96% of series, close to nominal (less when autocorrelation is strong); Newey-West intervals, "
        "as used for the controlled comparison, covered only about 84-90% of single series, so the "
        "controlled intervals are probably somewhat too narrow."
    )
    ctx.limitation(
        "More recorded incidents after the reporting route opened may mean more reporting rather "
        "than more harm: the series measures recording, as recommendation 3.02 intends."
    )
    if d["ljung_box_p"] < 0.05:
        ctx.limitation(
            "Residual autocorrelation remains in the incident series (Ljung-Box p < 0.05): the "
            "reporting-route intervals are approximate."
        )


def build(ctx) -> None:
    cfg = ctx.config
    if cfg is None:
        ctx.note("evaluate: no study configuration; no evaluation results")
        return
    panel = cfg.path("evaluate", "panel")
    if panel is not None and panel.exists():
        with part(ctx, "the effect of the intervention", "evaluate"):
            _training(ctx, panel)
    else:
        ctx.note("evaluate: the study has no panel file (evaluate.panel); no intervention effect")
    incidents = cfg.path("evaluate", "incidents")
    if incidents is not None and incidents.exists():
        with part(ctx, "the incident trends", "evaluate"):
            _incidents(ctx, incidents, cfg.path("evaluate", "denominators"))
    else:
        ctx.note("evaluate: the study has no incidents file (evaluate.incidents); no reporting trends")
