"""Simulation: omega total and alpha recover known population values; the 95% CI for
alpha covers the population alpha about 95% of the time (tau-equivalent items).

Data are drawn from a one-factor model x_j = lambda_j f + e_j, f ~ N(0, 1),
e_j ~ N(0, theta_j), so Sigma = lambda lambda' + diag(theta) and

    omega = (sum lambda)^2 / ((sum lambda)^2 + sum theta)           (McDonald 1999)
    alpha = k / (k - 1) * (1 - tr Sigma / 1' Sigma 1)               (Cronbach 1951)

For tau-equivalent items (equal lambda) alpha = omega (Novick & Lewis 1967).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.survey.reliability import reliability

pytestmark = pytest.mark.slow  # simulations

ITEMS = [f"x{j}" for j in range(5)]


def _population(lam, theta):
    lam, theta = np.asarray(lam, float), np.asarray(theta, float)
    sigma = np.outer(lam, lam) + np.diag(theta)
    k = len(lam)
    alpha = k / (k - 1) * (1 - np.trace(sigma) / sigma.sum())
    omega = lam.sum() ** 2 / (lam.sum() ** 2 + theta.sum())
    return alpha, omega


def _draw(rng, n, lam, theta):
    f = rng.normal(size=(n, 1))
    e = rng.normal(size=(n, len(lam))) * np.sqrt(theta)
    return pd.DataFrame(f * np.asarray(lam) + e, columns=ITEMS)


def test_congeneric_omega_and_alpha_recovered():
    """Congeneric loadings 0.4..0.8 (standardised items): omega > alpha in the population,
    and the estimates average to the population values over 200 samples of n = 400."""
    lam = np.array([0.4, 0.5, 0.6, 0.7, 0.8])
    theta = 1 - lam**2
    alpha_pop, omega_pop = _population(lam, theta)
    assert omega_pop > alpha_pop + 0.005
    rng = np.random.default_rng(20240301)
    est = np.array(
        [reliability(_draw(rng, 400, lam, theta), ITEMS)[["alpha", "omega_total"]].iloc[0] for _ in range(200)]
    )
    mean_alpha, mean_omega = est.mean(axis=0)
    se_alpha, se_omega = est.std(axis=0, ddof=1) / np.sqrt(len(est))
    assert abs(mean_omega - omega_pop) < max(0.004, 4 * se_omega)
    assert abs(mean_alpha - alpha_pop) < max(0.004, 4 * se_alpha)
    # omega estimates the model-based reliability, not alpha: it must sit above alpha here
    assert (est[:, 1] > est[:, 0]).mean() > 0.9


@pytest.mark.parametrize("ci_method, band", [("feldt", (0.925, 0.975)), ("duhachek", (0.915, 0.975))])
def test_alpha_ci_covers_population_alpha(ci_method, band):
    """Tau-equivalent items (loading 0.7, unequal error variances), n = 100, 400
    replications: the 95% interval covers the population alpha in about 95% of samples
    (band about +/- 2.5 binomial standard errors)."""
    lam = np.full(5, 0.7)
    theta = np.array([0.3, 0.4, 0.5, 0.6, 0.7])
    alpha_pop, omega_pop = _population(lam, theta)
    assert abs(alpha_pop - omega_pop) < 1e-12
    rng = np.random.default_rng(7)
    hits = 0
    reps = 400
    for _ in range(reps):
        r = reliability(_draw(rng, 100, lam, theta), ITEMS, ci_method=ci_method).iloc[0]
        hits += r["ci_low"] <= alpha_pop <= r["ci_high"]
    coverage = hits / reps
    assert band[0] <= coverage <= band[1], coverage
