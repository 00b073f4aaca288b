"""Wilcoxon signed-rank and Mann-Whitney tests as R's ``wilcox.test`` computes them,
with rank-biserial effect sizes (private helpers of :mod:`toolkit.evaluate.prepost`)."""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from toolkit.evaluate._effects import fisher_z_limits


def _tie_sum(ranks: np.ndarray) -> float:
    _, counts = np.unique(ranks, return_counts=True)
    return float(np.sum(counts.astype(float) ** 3 - counts))


def signed_rank(diff: np.ndarray, level: float) -> dict:
    """Wilcoxon signed-rank test of ``diff`` (post - pre) and the matched-pairs rank-biserial.

    Zero differences are dropped (Wilcoxon's method, as R). Exact p when fewer than 50
    non-zero differences and no ties, otherwise the normal approximation with tie and
    continuity corrections (R ``wilcox.test(post, pre, paired = TRUE)``).
    """
    d = diff[diff != 0]
    n = len(d)
    walsh = ((diff[:, None] + diff[None, :]) / 2)[np.triu_indices(len(diff))]
    hl = float(np.median(walsh)) if len(diff) else float("nan")
    if n == 0:
        return {
            "statistic": 0.0,
            "p": 1.0,
            "r": float("nan"),
            "lo": float("nan"),
            "hi": float("nan"),
            "hl": hl,
            "exact": False,
        }
    ranks = stats.rankdata(np.abs(d))
    v_plus = float(ranks[d > 0].sum())
    ties = _tie_sum(ranks)
    exact = n < 50 and ties == 0
    if exact:
        p = float(stats.wilcoxon(d, zero_method="wilcox", method="exact").pvalue)
    else:
        z = v_plus - n * (n + 1) / 4
        sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - ties / 48)
        z = (z - math.copysign(0.5, z) * (z != 0)) / sigma
        p = float(min(1.0, 2 * min(stats.norm.cdf(z), stats.norm.sf(z))))
    total = n * (n + 1) / 2
    r = (2 * v_plus - total) / total
    se = math.sqrt((n * (n + 1) * (2 * n + 1) / 6) / total**2)
    lo, hi = fisher_z_limits(r, se, level)
    return {"statistic": v_plus, "p": p, "r": r, "lo": lo, "hi": hi, "hl": hl, "exact": exact}


def rank_sum(x_pre: np.ndarray, x_post: np.ndarray, level: float) -> dict:
    """Mann-Whitney test (R ``wilcox.test(post, pre)``: W is the U of the post wave)
    and the rank-biserial r = 2W / (n1 n2) - 1, which equals Cliff's delta."""
    n_post, n_pre = len(x_post), len(x_pre)
    ranks = stats.rankdata(np.concatenate([x_post, x_pre]))
    w = float(ranks[:n_post].sum() - n_post * (n_post + 1) / 2)
    ties = _tie_sum(ranks)
    exact = n_post < 50 and n_pre < 50 and ties == 0
    if exact:
        p = float(stats.mannwhitneyu(x_post, x_pre, method="exact").pvalue)
    else:
        z = w - n_post * n_pre / 2
        N = n_post + n_pre
        sigma = math.sqrt((n_post * n_pre / 12) * ((N + 1) - ties / (N * (N - 1))))
        z = (z - math.copysign(0.5, z) * (z != 0)) / sigma
        p = float(min(1.0, 2 * min(stats.norm.cdf(z), stats.norm.sf(z))))
    r = 2 * w / (n_post * n_pre) - 1
    se = math.sqrt((n_post + n_pre + 1) / (3 * n_post * n_pre))
    lo, hi = fisher_z_limits(r, se, level)
    hl = float(np.median(np.subtract.outer(x_post, x_pre)))
    return {"statistic": w, "p": p, "r": r, "lo": lo, "hi": hi, "hl": hl, "exact": exact}
