"""Synthetic evaluation data with known true effects (demo study, part ``evaluate``).

* ``panel.csv``: 43 forces x 8 survey waves (quarterly); training rolled out in three
  cohorts of forces (waves 4, 6 and 8) with effects that differ by cohort and grow with
  exposure; 13 forces never trained.
* ``incidents.csv``: one row per reported online-harm incident, January 2021 to December
  2024, valid against ``data-templates/evaluate/incidents.csv``; a new reporting route
  launched in 8 forces in January 2023 raised the reporting rate by a known factor and
  changed its monthly trend.
* ``forces.csv``: headcount per force (denominator for rates per 1,000 staff).
* ``truth.json``: the effects the data were generated from.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

N_FORCES = 43
N_WAVES = 8
#: adoption wave -> (number of forces, effect at adoption); effect grows by SLOPE per wave
COHORTS = {4: (10, 0.40), 6: (10, 0.25), 8: (10, 0.15)}
EFFECT_GROWTH = 0.05
SIMPLE_EFFECT = 0.30  # non-staggered design: every trained force starts at wave 5

LAUNCH = "2023-01"
LAUNCH_FORCES = 8
INCIDENT_BASE_RATE = 0.9  # incidents per 1,000 staff per month before launch
PRE_TREND = 1.004  # monthly rate ratio before launch
LEVEL_RR = 1.6  # rate ratio at launch
SLOPE_RR = 1.015  # additional monthly rate ratio after launch
OVERDISPERSION = 30.0  # gamma shape of month-to-month extra variation (NB theta per force-month)

VICTIM_TYPES = {"officer": 0.55, "staff": 0.30, "family": 0.15}
HARM_TYPES = {
    "abuse": 0.30,
    "threats": 0.15,
    "doxxing": 0.10,
    "impersonation": 0.08,
    "sexual": 0.07,
    "hate": 0.10,
    "filming": 0.08,
    "family_targeted": 0.05,
    "stalking": 0.07,
}
PLATFORMS = {
    "X/Twitter": 0.22,
    "Facebook": 0.25,
    "Instagram": 0.12,
    "TikTok": 0.12,
    "WhatsApp": 0.08,
    "Snapchat": 0.06,
    "YouTube": 0.05,
    "Other": 0.06,
    "Unknown": 0.04,
}
TRIAGE = {"routine": 0.6, "priority": 0.3, "urgent": 0.1}
OUTCOMES_CRIME = {
    "investigation - charge/summons": 0.15,
    "investigation - no further action": 0.45,
    "support and advice": 0.25,
    "open": 0.15,
}
OUTCOMES_NONCRIME = {"support and advice": 0.55, "platform takedown": 0.25, "no further action": 0.12, "open": 0.08}


def force_names(n: int = N_FORCES) -> list[str]:
    return [f"Force {i:02d}" for i in range(1, n + 1)]


def true_effect(cohort: int, wave: int) -> float:
    """True training effect on wellbeing for a cohort at a wave (0 before adoption)."""
    if wave < cohort:
        return 0.0
    return COHORTS[cohort][1] + EFFECT_GROWTH * (wave - cohort)


def make_panel(
    seed: int = 20240301,
    *,
    staggered: bool = True,
    n_forces: int = N_FORCES,
    n_waves: int = N_WAVES,
    noise: float = 0.15,
    effect: float = SIMPLE_EFFECT,
) -> pd.DataFrame:
    """Force-by-wave panel of mean wellbeing scores (one row per force and wave).

    ``staggered=True``: the cohorts of ``COHORTS``; ``staggered=False``: the first
    ``n_forces // 2`` forces are trained from wave ``n_waves // 2 + 1`` with a constant
    effect ``effect``.

    >>> make_panel(seed=1).shape
    (344, 7)
    """
    rng = np.random.default_rng(seed)
    forces = force_names(n_forces)
    cohort = np.full(n_forces, np.inf)
    if staggered:
        start = 0
        for g, (k, _) in COHORTS.items():
            k = min(k, n_forces - start - 1)
            cohort[start : start + k] = g
            start += k
    else:
        cohort[: n_forces // 2] = n_waves // 2 + 1
    order = rng.permutation(n_forces)
    cohort = cohort[order]
    alpha = rng.normal(3.0, 0.4, n_forces)
    waves = np.arange(1, n_waves + 1)
    lam = 0.03 * (waves - 1) + rng.normal(0, 0.05, n_waves)
    rows = []
    for i, f in enumerate(forces):
        for j, w in enumerate(waves):
            trained = int(np.isfinite(cohort[i]) and w >= cohort[i])
            if not trained:
                tau = 0.0
            elif staggered:
                tau = true_effect(int(cohort[i]), int(w))
            else:
                tau = effect
            y = alpha[i] + lam[j] + tau + rng.normal(0, noise)
            rows.append(
                (
                    f,
                    int(w),
                    str(pd.Period("2023Q1", "Q") + j),
                    int(cohort[i]) if np.isfinite(cohort[i]) else pd.NA,
                    trained,
                    round(float(y), 4),
                    int(rng.integers(30, 120)),
                )
            )
    out = pd.DataFrame(rows, columns=["force", "wave", "quarter", "cohort", "trained", "wellbeing", "respondents"])
    out["cohort"] = out["cohort"].astype("Int64")
    return out


def panel_truth(panel: pd.DataFrame) -> dict:
    """True ATT(g,t) of a staggered panel and their cohort-size-weighted average."""
    cells = []
    sizes = panel.drop_duplicates("force")["cohort"].value_counts()
    for g in sorted(COHORTS):
        for w in range(g, int(panel["wave"].max()) + 1):
            cells.append({"cohort": g, "wave": w, "att": true_effect(g, w), "forces": int(sizes.get(g, 0))})
    weights = np.array([c["forces"] for c in cells], float)
    simple = float(np.sum(weights * [c["att"] for c in cells]) / weights.sum())
    dynamic = {}
    for e in range(0, int(panel["wave"].max()) - min(COHORTS) + 1):
        cs = [c for c in cells if c["wave"] - c["cohort"] == e]
        wts = np.array([c["forces"] for c in cs], float)
        dynamic[e] = float(np.sum(wts * [c["att"] for c in cs]) / wts.sum())
    return {"att_gt": cells, "att_simple": simple, "att_dynamic": dynamic}


def _choice(rng, table: dict, size: int) -> np.ndarray:
    keys = list(table)
    p = np.array([table[k] for k in keys], float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=p / p.sum())]


def make_forces(seed: int = 20240301, n_forces: int = N_FORCES) -> pd.DataFrame:
    """Headcount (officers and staff) of each force; the first ``LAUNCH_FORCES`` (after a
    seeded shuffle) launched the reporting route."""
    rng = np.random.default_rng(seed + 1)
    names = force_names(n_forces)
    headcount = np.round(rng.lognormal(np.log(4000), 0.6, n_forces)).astype(int)
    launch = np.zeros(n_forces, bool)
    launch[rng.permutation(n_forces)[:LAUNCH_FORCES]] = True
    return pd.DataFrame({"force": names, "headcount": headcount, "route_launched": np.where(launch, LAUNCH, "")})


def make_incidents(
    seed: int = 20240301, *, start: str = "2021-01", end: str = "2024-12", forces: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per reported incident, in the column layout of the incidents template.

    >>> inc = make_incidents(seed=1)
    >>> list(inc.columns)[:4]
    ['incident_id', 'date', 'force', 'victim_type']
    """
    rng = np.random.default_rng(seed + 2)
    forces = make_forces(seed) if forces is None else forces
    months = pd.period_range(start, end, freq="M")
    launch = pd.Period(LAUNCH, "M")
    frames = []
    for f, head, launched in forces[["force", "headcount", "route_launched"]].itertuples(index=False):
        for k, m in enumerate(months):
            season = 1 + 0.15 * np.cos(2 * np.pi * (m.month - 1) / 12)
            rate = INCIDENT_BASE_RATE * PRE_TREND**k * season
            if launched and m >= launch:
                rate *= LEVEL_RR * SLOPE_RR ** (m - launch).n
            n = rng.poisson(rate * head / 1000 * rng.gamma(OVERDISPERSION, 1 / OVERDISPERSION))
            if n == 0:
                continue
            days = rng.integers(1, m.days_in_month + 1, n)
            frames.append(
                pd.DataFrame({"force": f, "date": [m.start_time + pd.Timedelta(days=int(d) - 1) for d in days]})
            )
    inc = pd.concat(frames, ignore_index=True).sort_values(["date", "force"], ignore_index=True)[["date", "force"]]
    n = len(inc)
    inc.insert(0, "incident_id", [f"INC{i:06d}" for i in range(1, n + 1)])
    inc["date"] = inc["date"].dt.strftime("%Y-%m-%d")
    inc["victim_type"] = _choice(rng, VICTIM_TYPES, n)
    inc["harm_type"] = _choice(rng, HARM_TYPES, n)
    inc["platform"] = _choice(rng, PLATFORMS, n)
    crime = rng.random(n) < np.where(np.isin(inc["harm_type"], ["threats", "stalking", "hate", "sexual"]), 0.7, 0.25)
    inc["crime_status"] = np.where(crime, "crime", "non-crime")
    inc["triage"] = _choice(rng, TRIAGE, n)
    outcome = np.where(crime, _choice(rng, OUTCOMES_CRIME, n), _choice(rng, OUTCOMES_NONCRIME, n))
    inc["outcome"] = outcome
    days = np.round(rng.lognormal(np.where(crime, np.log(45), np.log(12)), 0.8)).astype(int) + 1
    inc["days_to_outcome"] = pd.array(np.where(outcome == "open", -1, days), dtype="Int64")
    inc.loc[inc["outcome"] == "open", "days_to_outcome"] = pd.NA
    return inc


def write(outdir: Path, seed: int = 20240301) -> list[Path]:
    """Write the evaluation part of the demo study under ``outdir/evaluate/``."""
    folder = Path(outdir) / "evaluate"
    folder.mkdir(parents=True, exist_ok=True)
    panel = make_panel(seed)
    forces = make_forces(seed)
    incidents = make_incidents(seed, forces=forces)
    paths = []
    for name, df in (("panel.csv", panel), ("incidents.csv", incidents), ("forces.csv", forces)):
        path = folder / name
        df.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    truth = {
        "seed": seed,
        "panel": {
            "design": "staggered training rollout; effect(g, wave) = tau_g + growth * (wave - g)",
            "cohorts": {str(g): {"forces": k, "tau": tau} for g, (k, tau) in COHORTS.items()},
            "growth_per_wave": EFFECT_GROWTH,
            **{k: v for k, v in panel_truth(panel).items()},
        },
        "config_dates": {
            "study_start": "2021-01-01",
            "study_end": "2024-12-31",
            "rollout_start": str((pd.Period("2023Q1", "Q") + min(COHORTS) - 1).start_time.date()),
            "reporting_launch": f"{LAUNCH}-01",
        },
        "incidents": {
            "launch": LAUNCH,
            "launch_forces": sorted(forces.loc[forces["route_launched"] != "", "force"]),
            "base_rate_per_1000_per_month": INCIDENT_BASE_RATE,
            "pre_trend_rr_per_month": PRE_TREND,
            "level_change_rr": LEVEL_RR,
            "slope_change_rr_per_month": SLOPE_RR,
            "seasonality": "rate x (1 + 0.15 cos(2 pi (month - 1) / 12))",
        },
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, indent=2, default=str) + "\n", encoding="utf-8")
    paths.append(path)
    return paths
