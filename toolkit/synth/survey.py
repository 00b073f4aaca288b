"""Synthetic staff survey with known truth (demo study, part ``survey``).

Design
------
* Eight forces ``F01`` .. ``F08`` with workforces of different sizes; the
  population (officers ~58%, staff ~33%, PCSOs, special constables, volunteers)
  is generated person by person and written as ``workforce.csv`` (counts by
  force and role, gender, age band: the margins for raking).
* Two waves a year apart (March 2023, March 2024), about ``n_per_wave``
  respondents each. Response propensity differs by role, gender and age
  (staff, PCSOs, volunteers and women over-respond), so unweighted estimates are
  biased and raking to the workforce matters.
* Training on online harms is rolled out between the waves in forces
  ``F01, F03, F05, F07`` and not in the others: a difference-in-differences
  design with known effects on the ``training_confidence`` scale and on
  ``reported`` (reporting the most serious incident).
* About a third of wave 1 respondents answer again at wave 2 under the same
  pseudonymous ``resp_id`` (a linked panel).
* Any online harm in the last 12 months follows a logistic model in role,
  public-facing work and gender whose coefficients are recorded in
  ``truth.json``; the nine harm items are consistent with it
  (``harm_any = any item == 1``).
* Likert items come from latent factors (one per scale) through loadings and
  thresholds, reverse-keyed items load negatively, so reliability is meaningful.
* Realistic gaps: item non-response, break-off, "Don't know" (9) and "Prefer not
  to say" (98) codes, skip logic (impact, platform, frequency and reporting
  items only for those harmed; reporting follow-ups by answer), multiselect
  answers packed as ``1;3``.

Everything is drawn from one seeded generator: the same seed gives the same bytes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.dictionary import default_dictionary
from toolkit.errors import ParameterError
from toolkit.paths import template

__all__ = ["make_survey", "write", "FORCES", "ROLLOUT_FORCES"]

FORCES = [f"F{i:02d}" for i in range(1, 9)]
#: forces that rolled out the training between wave 1 and wave 2
ROLLOUT_FORCES = ["F01", "F03", "F05", "F07"]
#: workforce headcount of each force
HEADCOUNT = [3200, 5400, 2100, 7800, 2900, 4600, 1800, 3900]
WAVE_START = {1: "2023-03-01", 2: "2024-03-01"}

ROLE_SHARES = {1: 0.58, 2: 0.33, 3: 0.04, 4: 0.03, 5: 0.02}
#: P(woman), P(man), P(non-binary or other) by role
GENDER_BY_ROLE = {
    1: (0.35, 0.645, 0.005),
    2: (0.62, 0.37, 0.01),
    3: (0.48, 0.51, 0.01),
    4: (0.30, 0.69, 0.01),
    5: (0.52, 0.47, 0.01),
}
AGE_BY_ROLE = {
    1: (0.08, 0.32, 0.30, 0.22, 0.08),
    2: (0.06, 0.18, 0.22, 0.28, 0.26),
    3: (0.15, 0.30, 0.22, 0.20, 0.13),
    4: (0.25, 0.35, 0.20, 0.12, 0.08),
    5: (0.10, 0.10, 0.15, 0.20, 0.45),
}
RANK_BY_ROLE = {
    1: (0.75, 0.15, 0.07, 0.025, 0.005),
    2: (0.70, 0.18, 0.09, 0.03, 0.0),
    3: (0.95, 0.05, 0, 0, 0),
    4: (0.90, 0.10, 0, 0, 0),
    5: (1, 0, 0, 0, 0),
}
TEAM_BY_ROLE = {  # team_type codes 1..10
    1: (0.40, 0.20, 0.12, 0.08, 0.05, 0.03, 0.01, 0.04, 0.03, 0.04),
    2: (0.04, 0.12, 0.06, 0.02, 0.08, 0.22, 0.06, 0.03, 0.32, 0.05),
    3: (0.92, 0, 0, 0, 0, 0.03, 0, 0, 0, 0.05),
    4: (0.70, 0.05, 0, 0.15, 0.05, 0, 0, 0, 0, 0.05),
    5: (0.15, 0.05, 0.05, 0, 0, 0.05, 0.05, 0, 0.45, 0.20),
}
#: P(public-facing) by team_type
PUBLIC_BY_TEAM = (0.95, 0.60, 0.70, 0.90, 0.85, 0.80, 0.90, 0.10, 0.10, 0.40)
ETHNICITY = (0.90, 0.025, 0.045, 0.015, 0.015)

#: response propensity multipliers (over-sampling)
PROPENSITY_ROLE = {1: 1.0, 2: 1.6, 3: 2.0, 4: 0.7, 5: 2.5}
PROPENSITY_WOMAN = 1.25
PROPENSITY_AGE = (0.7, 0.9, 1.0, 1.1, 1.2)
PANEL_RETURN = 0.35

#: logit P(any online harm) = sum of these terms (reference: officer, not public-facing, man)
HARM_LOGIT = {
    "intercept": -0.9,
    "role_staff": -1.2,
    "role_pcso": 0.2,
    "role_special": -0.4,
    "role_volunteer": -1.6,
    "public_facing": 1.1,
    "woman": 0.25,
}
ROLE_TERM = {1: None, 2: "role_staff", 3: "role_pcso", 4: "role_special", 5: "role_volunteer"}
#: P(item = 1 | harmed) for the nine harm items (one of them is always 1)
HARM_ITEMS = {
    "harm_abuse": 0.85,
    "harm_threats": 0.35,
    "harm_doxxing": 0.15,
    "harm_impersonation": 0.12,
    "harm_sexual": 0.10,
    "harm_hate": 0.20,
    "harm_filming": 0.30,
    "harm_family": 0.12,
    "harm_stalking": 0.10,
}
#: P(Don't know) for a harm item whose true answer is No
HARM_DONT_KNOW = {"harm_doxxing": 0.05, "harm_impersonation": 0.06, "harm_family": 0.03, "harm_stalking": 0.05}
PLATFORMS = (0.45, 0.35, 0.20, 0.15, 0.08, 0.25, 0.10, 0.12, 0.05)
REPORTED_TO = (0.70, 0.15, 0.20, 0.12, 0.25, 0.10, 0.05)

#: Likert measurement model: item -> loading on its scale's factor (negative = reverse-keyed)
LOADINGS = {
    "impact_safety": 0.75,
    "impact_sleep": 0.80,
    "impact_work": 0.70,
    "impact_leave": 0.65,
    "impact_shrug": -0.60,
    "trn_report": 0.80,
    "trn_protect": 0.75,
    "trn_confident": 0.70,
    "trn_unsure": -0.65,
    "rec_serious": 0.80,
    "rec_leaders": 0.75,
    "rec_family": 0.65,
    "rec_partjob": -0.60,
    "rep_easy": 0.75,
    "rep_action": 0.80,
    "rep_informed": 0.70,
    "rep_against": -0.60,
    "sup_manager": 0.70,
    "sup_welfare": 0.75,
    "sup_family": 0.65,
    "sup_misconduct": -0.55,
}
#: cut points of the latent item response into codes 1..5
THRESHOLDS = (-1.5, -0.6, 0.3, 1.2)
#: latent difference-in-differences effect of the rollout on training confidence (SD units)
DID_CONFIDENCE = 0.45
#: effect of the rollout on reporting the most serious incident (log-odds)
DID_REPORTING_LOGIT = 0.6
#: common change between waves in every force (latent confidence, reporting log-odds)
WAVE_TREND = {"confidence": 0.10, "reporting": 0.15}

P_ITEM_BLANK = 0.02
P_BREAKOFF = 0.04
P_PREFER_NOT = {"gender": 0.03, "age_band": 0.03, "ethnicity": 0.04, "disability": 0.06}
P_LIKERT_DONT_KNOW = 0.03
COMMENTS = (
    "More training for supervisors please.",
    "The reporting form is hard to find on the intranet.",
    "My family were targeted after a court case and nobody followed up.",
    "Welfare support was good once I found it.",
    "Abuse online is treated as part of the job.",
    "I closed my accounts after being filmed at a protest.",
    "Guidance reads as if we are the problem, not the people abusing us.",
    "Not sure who to tell when it happens out of hours.",
)


def _categorical(rng, probs, size, codes=None):
    p = np.asarray(probs, float)
    codes = np.arange(1, len(p) + 1) if codes is None else np.asarray(codes)
    return codes[rng.choice(len(p), size=size, p=p / p.sum())]


def _by_group(rng, groups, table, n_codes):
    out = np.zeros(len(groups), dtype=np.int64)
    for g, probs in table.items():
        idx = np.flatnonzero(groups == g)
        out[idx] = _categorical(rng, probs, len(idx))
    return out


def _expit(x):
    return 1.0 / (1.0 + np.exp(-x))


def make_population(rng) -> pd.DataFrame:
    """Every person in the eight forces with stable attributes and latent traits."""
    force = np.repeat(FORCES, HEADCOUNT)
    n = len(force)
    role = _categorical(rng, list(ROLE_SHARES.values()), n)
    gender = _by_group(rng, role, GENDER_BY_ROLE, 3)
    age = _by_group(rng, role, AGE_BY_ROLE, 5)
    rank = _by_group(rng, role, RANK_BY_ROLE, 5)
    team = _by_group(rng, role, TEAM_BY_ROLE, 10)
    public = (rng.random(n) < np.asarray(PUBLIC_BY_TEAM)[team - 1]).astype(np.int64)
    # years of service grow with age
    years = np.clip(age + rng.integers(-1, 2, n), 1, 5)
    return pd.DataFrame(
        {
            "person": np.arange(n),
            "force": force,
            "role": role,
            "rank_band": rank,
            "years_service": years,
            "team_type": team,
            "public_facing": public,
            "gender": gender,
            "age_band": age,
            "ethnicity": _categorical(rng, ETHNICITY, n),
            "disability": (rng.random(n) < 0.09).astype(np.int64),
            "trait_confidence": rng.normal(0, 0.7, n),
            "trait_trust": rng.normal(0, 0.7, n),
            "trait_resilience": rng.normal(0, 0.7, n),
        }
    )


def _propensity(pop):
    p = np.array(pop["role"].map(PROPENSITY_ROLE), dtype=float)
    p *= np.where(pop["gender"].to_numpy() == 1, PROPENSITY_WOMAN, 1.0)
    p *= np.asarray(PROPENSITY_AGE)[pop["age_band"].to_numpy() - 1]
    return p


def _sample_waves(rng, pop, n_per_wave):
    """Persons answering each wave: (person, wave) rows; some answer both waves."""
    prop = _propensity(pop)
    size = np.sqrt(np.asarray(HEADCOUNT, float))
    n_force = np.round(n_per_wave * size / size.sum()).astype(int)
    rows = []
    for f, n_f in zip(FORCES, n_force):
        members = np.flatnonzero(pop["force"].to_numpy() == f)
        p = prop[members] / prop[members].sum()
        w1 = rng.choice(members, size=n_f, replace=False, p=p)
        back = w1[rng.random(n_f) < PANEL_RETURN * prop[w1] / prop[w1].mean()]
        rest = np.setdiff1d(members, w1)
        p2 = prop[rest] / prop[rest].sum()
        fresh = rng.choice(rest, size=max(n_f - len(back), 0), replace=False, p=p2)
        rows += [(int(i), 1) for i in w1] + [(int(i), 2) for i in np.sort(np.concatenate([back, fresh]))]
    return pd.DataFrame(rows, columns=["person", "wave"])


def _likert(latent, loading, noise):
    """Codes 1..5 from a latent score through the item's loading and THRESHOLDS."""
    ystar = loading * latent + noise * np.sqrt(1 - loading**2)
    return 1 + np.searchsorted(np.asarray(THRESHOLDS), ystar)


def _pack(matrix):
    """Rows of a 0/1 matrix as packed codes: [1, 0, 1] -> '1;3'."""
    return np.array([";".join(str(j + 1) for j in np.flatnonzero(row)) for row in matrix], dtype=object)


def _ensure_one(rng, matrix, probs):
    none = ~matrix.any(axis=1)
    pick = _categorical(rng, probs, int(none.sum())) - 1
    matrix[np.flatnonzero(none), pick] = True
    return matrix


def _harm_logit(d):
    eta = np.full(len(d), HARM_LOGIT["intercept"])
    for code, term in ROLE_TERM.items():
        if term:
            eta += HARM_LOGIT[term] * (d["role"].to_numpy() == code)
    eta += HARM_LOGIT["public_facing"] * d["public_facing"].to_numpy()
    eta += HARM_LOGIT["woman"] * (d["gender"].to_numpy() == 1)
    return eta


def _scale_mean(items: dict, names) -> np.ndarray:
    cols = [6 - items[v] if LOADINGS[v] < 0 else items[v] for v in names]
    return np.mean(np.column_stack(cols), axis=1)


def make_survey(seed: int = 20240301, *, n_per_wave: int = 3000) -> tuple[pd.DataFrame, dict]:
    """The demo staff survey (coded as in the item bank) and the truth it was drawn from.

    Parameters
    ----------
    seed : int
        Seed of the single random generator; the same seed gives the same data.
    n_per_wave : int, default 3000
        Approximate number of respondents per wave, across the eight forces.

    Raises
    ------
    ParameterError
        ``n_per_wave`` is not a whole number, or too small or too large for the
        synthetic workforce.

    Returns
    -------
    survey : pandas.DataFrame
        One row per respondent and wave, the columns of
        ``data-templates/survey/dictionary.csv`` in order, coded values
        (nullable integers; multiselect answers packed ``"1;3"``; blanks missing).
    truth : dict
        Parameters and true effects (see ``truth.json`` written by :func:`write`).

    Examples
    --------
    >>> survey, truth = make_survey(n_per_wave=400)
    >>> survey.shape[1], sorted(survey["wave"].unique().tolist())
    (61, [1, 2])
    >>> truth["did"]["rollout_forces"]
    ['F01', 'F03', 'F05', 'F07']
    """
    limit = min(HEADCOUNT) // 2
    size = np.sqrt(np.asarray(HEADCOUNT, float))
    largest = n_per_wave * size.max() / size.sum() if isinstance(n_per_wave, (int, np.integer)) else 0
    if (
        isinstance(n_per_wave, bool)
        or not isinstance(n_per_wave, (int, np.integer))
        or n_per_wave < 80
        or largest > limit
    ):
        raise ParameterError(
            f"The 'n_per_wave' parameter of make_survey must be a whole number from 80 to "
            f"{int(limit * size.sum() / size.max())} (respondents per wave across the eight forces). "
            f"Got {n_per_wave!r} instead."
        )
    survey, truth, _ = _generate(seed, int(n_per_wave))
    return survey, truth


def _generate(seed, n_per_wave):
    rng = np.random.default_rng(seed)
    dictionary = default_dictionary()
    pop = make_population(rng)
    ids = rng.permutation(len(pop)) + 100000
    sample = _sample_waves(rng, pop, n_per_wave)
    d = sample.merge(pop, on="person", how="left", validate="many_to_one")
    n = len(d)
    wave2 = (d["wave"].to_numpy() == 2).astype(float)
    rollout = d["force"].isin(ROLLOUT_FORCES).to_numpy().astype(float)
    treated = wave2 * rollout
    force_idx = d["force"].map({f: i for i, f in enumerate(FORCES)}).to_numpy()
    force_climate = rng.normal(0, 0.3, (len(FORCES), 3))
    force_confidence = rng.normal(0, 0.25, len(FORCES))

    out = pd.DataFrame({"resp_id": [f"R{ids[p]}" for p in d["person"]], "force": d["force"], "wave": d["wave"]})
    day = rng.integers(0, 42, n)
    start = pd.to_datetime(d["wave"].map(WAVE_START))
    out["survey_date"] = (start + pd.to_timedelta(day, unit="D")).dt.strftime("%Y-%m-%d")
    for v in (
        "role",
        "rank_band",
        "years_service",
        "team_type",
        "public_facing",
        "gender",
        "age_band",
        "ethnicity",
        "disability",
    ):
        out[v] = d[v].to_numpy()

    # --- harms ------------------------------------------------------------------------
    p_harm = _expit(_harm_logit(d))
    harmed = rng.random(n) < p_harm
    names = list(HARM_ITEMS)
    probs = np.array(list(HARM_ITEMS.values()))
    items = (rng.random((n, len(names))) < probs) & harmed[:, None]
    items[harmed] = _ensure_one(rng, items[harmed], probs)
    for k, v in enumerate(names):
        col = items[:, k].astype(np.int64)
        if v in HARM_DONT_KNOW:
            col[(col == 0) & (rng.random(n) < HARM_DONT_KNOW[v])] = 9
        out[v] = col
    nh = int(harmed.sum())
    platforms = _ensure_one(rng, rng.random((nh, len(PLATFORMS))) < PLATFORMS, PLATFORMS)
    out["harm_platform"] = pd.Series(pd.NA, index=out.index, dtype=object)
    out.loc[harmed, "harm_platform"] = _pack(platforms)
    pf = d["public_facing"].to_numpy()[harmed]
    freq = np.where(
        rng.random(nh) < 0.15 * pf,
        _categorical(rng, (0.1, 0.3, 0.3, 0.3), nh),
        _categorical(rng, (0.35, 0.35, 0.18, 0.12), nh),
    )
    out["harm_frequency"] = pd.array(np.full(n, pd.NA), dtype="Int64")
    out.loc[harmed, "harm_frequency"] = freq
    low, high = np.array([1, 2, 6, 16]), np.array([1, 5, 15, 120])
    incidents = rng.integers(low[freq - 1], high[freq - 1] + 1)
    out["harm_incidents"] = pd.array(np.full(n, pd.NA), dtype="Int64")
    out.loc[harmed, "harm_incidents"] = incidents
    frequency_z = np.zeros(n)
    frequency_z[harmed] = (freq - 2.0) / 1.0

    # --- latent factors -----------------------------------------------------------------
    woman = (d["gender"].to_numpy() == 1).astype(float)
    trust = d["trait_trust"].to_numpy()
    latent = {
        "impact": 0.35 * frequency_z + 0.25 * woman - d["trait_resilience"].to_numpy() + rng.normal(0, 0.5, n),
        "recognition_climate": force_climate[force_idx, 0] + trust + rng.normal(0, 0.5, n),
        "reporting_climate": force_climate[force_idx, 1] + 0.8 * trust + 0.25 * treated + rng.normal(0, 0.5, n),
        "support_climate": force_climate[force_idx, 2] + 0.8 * trust + rng.normal(0, 0.5, n),
    }
    confidence_base = (
        force_confidence[force_idx]
        + WAVE_TREND["confidence"] * wave2
        + d["trait_confidence"].to_numpy()
        + rng.normal(0, 0.5, n)
    )
    latent["training_confidence"] = confidence_base + DID_CONFIDENCE * treated
    true_items, counterfactual = {}, {}
    for scale, vars_ in dictionary.scales().items():
        for v in vars_:
            noise = rng.normal(0, 1, n)
            true_items[v] = _likert(latent[scale], LOADINGS[v], noise)
            if scale == "training_confidence":
                counterfactual[v] = _likert(confidence_base, LOADINGS[v], noise)
    for v, codes in true_items.items():
        col = codes.astype(np.int64).astype(object)
        if v.startswith("impact_"):
            col[~harmed] = pd.NA
        out[v] = col

    # --- behaviour, reporting, support, training ----------------------------------------
    h = harmed.astype(float)
    for v, (base, extra) in {
        "behav_privacy": (0.50, 0.20),
        "behav_closed": (0.08, 0.12),
        "behav_family": (0.18, 0.22),
        "behav_avoid": (0.35, 0.15),
    }.items():
        out[v] = (rng.random(n) < base + extra * h).astype(np.int64)
    rep_z = (latent["reporting_climate"] - latent["reporting_climate"].mean()) / latent["reporting_climate"].std()
    eta0 = -0.3 + 0.4 * rep_z + WAVE_TREND["reporting"] * wave2
    u = rng.random(n)
    p_rep1, p_rep0 = _expit(eta0 + DID_REPORTING_LOGIT * treated), _expit(eta0)
    reported = (u < p_rep1) & harmed
    out["reported"] = pd.array(reported.astype(int), dtype="Int64")
    out.loc[~harmed, "reported"] = pd.NA
    nr = int(reported.sum())
    out["reported_to"] = pd.Series(pd.NA, index=out.index, dtype=object)
    out.loc[reported, "reported_to"] = _pack(
        _ensure_one(rng, rng.random((nr, len(REPORTED_TO))) < REPORTED_TO, REPORTED_TO)
    )
    out["report_satisfied"] = pd.array(np.full(n, pd.NA), dtype="Int64")
    out.loc[reported, "report_satisfied"] = _categorical(rng, (0.15, 0.25, 0.25, 0.25, 0.10), nr)
    not_rep = harmed & ~reported
    out["not_reported_reason"] = pd.array(np.full(n, pd.NA), dtype="Int64")
    out.loc[not_rep, "not_reported_reason"] = _categorical(
        rng, (0.38, 0.12, 0.10, 0.22, 0.13, 0.05), int(not_rep.sum())
    )
    aware = rng.random(n) < _expit(-0.2 + 0.9 * treated + 0.3 * trust)
    out["support_aware"] = aware.astype(np.int64)
    used = harmed & aware & (rng.random(n) < 0.3)
    out["support_used"] = pd.array(np.where(harmed & aware, used.astype(int), 0), dtype="Int64")
    out.loc[~(harmed & aware), "support_used"] = pd.NA
    out["support_helpful"] = pd.array(np.full(n, pd.NA), dtype="Int64")
    out.loc[used, "support_helpful"] = _categorical(rng, (0.15, 0.30, 0.35, 0.20), int(used.sum()))
    rank = d["rank_band"].to_numpy()
    out["train_induction"] = (rng.random(n) < 0.15 + 0.55 * treated).astype(np.int64)
    manager = rng.random(n) < 0.10 + 0.60 * treated
    out["train_manager"] = pd.array(manager.astype(int), dtype="Int64")
    out.loc[rank < 2, "train_manager"] = pd.NA
    leader = rng.random(n) < 0.05 + 0.30 * treated
    out["train_leadership"] = pd.array(leader.astype(int), dtype="Int64")
    out.loc[rank < 3, "train_leadership"] = pd.NA
    comment = rng.random(n) < 0.06
    out["comments"] = pd.Series(pd.NA, index=out.index, dtype=object)
    out.loc[comment, "comments"] = np.asarray(COMMENTS, dtype=object)[
        rng.integers(0, len(COMMENTS), int(comment.sum()))
    ]

    truth = _truth(d, p_harm, harmed, treated, true_items, counterfactual, p_rep0, p_rep1, dictionary, seed, n_per_wave)
    truth["population_prevalence"] = _population_prevalence(pop)
    out = _missingness(rng, out, dictionary)
    return out[dictionary.variables].reset_index(drop=True), truth, pop


def _missingness(rng, out, dictionary):
    """Prefer-not-to-say, Don't know, item non-response and break-off."""
    n = len(out)
    for v, p in P_PREFER_NOT.items():
        col = out[v].astype(object)
        col[rng.random(n) < p] = 98
        out[v] = col
    for v in LOADINGS:
        col = out[v].astype(object)
        col[(rng.random(n) < P_LIKERT_DONT_KNOW) & col.notna().to_numpy()] = 9
        out[v] = col
    required = set(dictionary.required())
    optional = [v for v in dictionary.variables if v not in required and v != "comments" and v not in HARM_ITEMS]
    for v in optional:
        col = out[v].astype(object)
        col[rng.random(n) < P_ITEM_BLANK] = pd.NA
        out[v] = col
    # the harm grid is skipped as a block (so 'any harm' stays missing completely at random)
    skip = rng.random(n) < P_ITEM_BLANK
    for v in HARM_ITEMS:
        col = out[v].astype(object)
        col[skip] = pd.NA
        out[v] = col
    # break-off: everything after the harm section left blank
    stop = rng.random(n) < P_BREAKOFF
    after = dictionary.variables[dictionary.variables.index("behav_privacy") :]
    for v in after:
        col = out[v].astype(object)
        col[stop] = pd.NA
        out[v] = col
    # display logic: follow-up questions are not shown when their filter was skipped
    follow_ups = {
        "harm_abuse": [
            "harm_platform",
            "harm_frequency",
            "harm_incidents",
            "impact_safety",
            "impact_sleep",
            "impact_work",
            "impact_leave",
            "impact_shrug",
            "reported",
            "reported_to",
            "report_satisfied",
            "not_reported_reason",
        ],
        "reported": ["reported_to", "report_satisfied", "not_reported_reason"],
        "support_aware": ["support_used", "support_helpful"],
        "support_used": ["support_helpful"],
    }
    for filt, later in follow_ups.items():
        skipped = out[filt].isna().to_numpy()
        for v in later:
            col = out[v].astype(object)
            col[skipped] = pd.NA
            out[v] = col
    for v in dictionary.variables:
        if dictionary.type(v) not in ("id", "text", "date", "multiselect"):
            out[v] = pd.array(out[v].tolist(), dtype="Int64")
    return out


def _truth(d, p_harm, harmed, treated, true_items, counterfactual, p_rep0, p_rep1, dictionary, seed, n_per_wave):
    scale = dictionary.scales()["training_confidence"]
    t = treated.astype(bool)
    att_scale = float(np.mean(_scale_mean(true_items, scale)[t] - _scale_mean(counterfactual, scale)[t]))
    th = t & harmed
    return {
        "seed": seed,
        "n_per_wave": n_per_wave,
        "forces": FORCES,
        "headcount": dict(zip(FORCES, HEADCOUNT)),
        "sampling": {
            "propensity_role": {str(k): v for k, v in PROPENSITY_ROLE.items()},
            "propensity_woman": PROPENSITY_WOMAN,
            "propensity_age_band": list(PROPENSITY_AGE),
            "panel_return_rate": PANEL_RETURN,
            "note": "respondents over-represent staff, PCSOs, volunteers, women and older staff; rake to workforce.csv",
        },
        "harm_any": {
            "model": "logit P(harm_any) = intercept + role terms (reference officer) + "
            "public_facing + woman (gender == 1); harm_any = any harm_* item == 1",
            "coefficients": HARM_LOGIT,
            "sample_prevalence_true": float(harmed.mean()),
            "expected_prevalence_in_sample": float(p_harm.mean()),
            "item_probability_given_harmed": HARM_ITEMS,
            "dont_know_given_not_harmed": HARM_DONT_KNOW,
        },
        "measurement": {
            "loadings": LOADINGS,
            "thresholds": list(THRESHOLDS),
            "model": "code = 1 + number of thresholds below loading * factor + "
            "sqrt(1 - loading^2) * N(0, 1); negative loading = reverse-keyed item",
        },
        "did": {
            "rollout_forces": ROLLOUT_FORCES,
            "control_forces": [f for f in FORCES if f not in ROLLOUT_FORCES],
            "treated": "wave 2 in rollout forces",
            "training_confidence": {
                "latent_effect_sd": DID_CONFIDENCE,
                "wave_trend_latent": WAVE_TREND["confidence"],
                "att_scale_mean": att_scale,
                "att_definition": "mean over treated respondents of (scale mean of the 4 items, "
                "trn_unsure reversed, before missingness) minus the same "
                "with the effect removed (same noise draws)",
            },
            "reporting": {
                "logit_effect": DID_REPORTING_LOGIT,
                "wave_trend_logit": WAVE_TREND["reporting"],
                "att_probability": float(np.mean(p_rep1[th] - p_rep0[th])),
                "population": "respondents reporting any harm",
            },
            "reporting_climate_latent_effect": 0.25,
            "support_aware_logit_effect": 0.9,
        },
    }


def population_margins(pop: pd.DataFrame) -> pd.DataFrame:
    """Workforce counts by force for role, gender and age band (long: the raking margins)."""
    d = default_dictionary()
    rows = []
    for var in ("role", "gender", "age_band"):
        labels = d.codes(var)
        counts = pop.groupby(["force", var]).size()
        for (force, code), count in counts.items():
            rows.append((force, var, int(code), labels[int(code)], int(count)))
    return pd.DataFrame(rows, columns=["force", "variable", "code", "label", "count"])


def write(outdir: Path, seed: int = 20240301) -> list[Path]:
    """Write the survey part of the demo study into ``outdir / "survey"``.

    Files (the names :data:`toolkit.study.DEMO_FILES` expects): ``survey.csv``
    (valid against ``dictionary.csv``), ``dictionary.csv`` (copy of the item
    bank), ``workforce.csv`` (population margins per force for raking:
    ``force, variable, code, label, count``) and ``truth.json`` (the parameters
    and true effects; never part of an analysis).
    """
    folder = Path(outdir) / "survey"
    folder.mkdir(parents=True, exist_ok=True)
    survey, truth, pop = _generate(seed, 3000)
    paths = [folder / "survey.csv", folder / "dictionary.csv", folder / "workforce.csv", folder / "truth.json"]
    survey.to_csv(paths[0], index=False, lineterminator="\n")
    shutil.copyfile(template("survey", "dictionary.csv"), paths[1])
    population_margins(pop).to_csv(paths[2], index=False, lineterminator="\n")
    paths[3].write_text(json.dumps(truth, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return paths


def _population_prevalence(pop) -> dict:
    """Expected prevalence of any harm in the workforce, overall and by role and force."""
    p = pd.Series(_expit(_harm_logit(pop)), index=pop.index)
    return {
        "harm_any": float(p.mean()),
        "harm_any_by_role": {str(k): float(v) for k, v in p.groupby(pop["role"]).mean().items()},
        "harm_any_by_force": {str(k): float(v) for k, v in p.groupby(pop["force"]).mean().items()},
    }
