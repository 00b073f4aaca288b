"""Coverage of design-based intervals on the synthetic study's workforce (toolkit.synth).

A census-like force survey: the synthetic workforce of eight forces (31,700 people, harm
drawn once from the study's harm model, so the population is fixed and its prevalence and
number harmed are known exactly); each replicate samples 70% of every force without
replacement (stratified by force). With ``strata="force", fpc=<force headcount>`` the 95%
intervals of the prevalence and of the number harmed cover the truth in about 95% of
replicates; without the finite population correction they are far too wide (they cover
almost always), which is why the correction matters for a survey that is close to a census.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.survey import prevalence, total
from toolkit.synth.survey import _expit, _harm_logit, make_population

REPS = 200
FRACTION = 0.7


@pytest.fixture(scope="module")
def workforce():
    rng = np.random.default_rng(20251201)
    pop = make_population(rng)
    pop["harm"] = rng.binomial(1, _expit(_harm_logit(pop))).astype(float)
    pop["headcount"] = pop.groupby("force")["person"].transform("size").astype(float)
    return pop


def _sample(rng, pop):
    keys = rng.random(len(pop))
    rank = pd.Series(keys).groupby(pop["force"].to_numpy()).rank(method="first").to_numpy()
    return pop[rank <= np.floor(FRACTION * pop["headcount"].to_numpy())].reset_index(drop=True)


@pytest.mark.slow
def test_stratified_fpc_intervals_cover_about_95_percent(workforce):
    rng = np.random.default_rng(7)
    truth_p = workforce["harm"].mean()
    truth_t = workforce["harm"].sum()
    truth_force = workforce.groupby("force")["harm"].sum()
    hit_p = hit_t = hit_naive = 0
    hit_force = []
    for _ in range(REPS):
        s = _sample(rng, workforce)
        p = prevalence(s, "harm", strata="force", fpc="headcount").iloc[0]
        hit_p += p["ci_low"] <= truth_p <= p["ci_high"]
        naive = prevalence(s, "harm", weight=None, strata="force").iloc[0]  # no fpc
        hit_naive += naive["ci_low"] <= truth_p <= naive["ci_high"]
        t = total(s, "harm", strata="force", fpc="headcount").iloc[0]
        hit_t += t["ci_low"] <= truth_t <= t["ci_high"]
        by = total(s, "harm", by="force", strata="force", fpc="headcount").set_index("group")
        tf = truth_force.loc[by.index]
        hit_force.append(((by["ci_low"] <= tf) & (tf <= by["ci_high"])).to_numpy())
    # 200 replicates: a 95% rate gives 0.91-0.99 with 99% probability
    assert 0.91 <= hit_p / REPS <= 0.99, hit_p / REPS
    assert 0.91 <= hit_t / REPS <= 0.99, hit_t / REPS
    assert 0.93 <= np.mean(hit_force) <= 0.97, np.mean(hit_force)  # 8 forces x 200
    # without the finite population correction the interval is sqrt(1 / 0.3) = 1.8 times
    # too wide and covers nearly always
    assert hit_naive / REPS > 0.995
