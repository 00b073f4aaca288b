"""Evidence-pack part of the qual section: inter-coder agreement on double-coded interviews.

Published as a methods table (overall percentage agreement, Cohen's kappa and
Krippendorff's alpha with bootstrap intervals). The numbers describe the coders, not the
managers interviewed; no text is published.
"""

from __future__ import annotations

import pandas as pd

from toolkit.qual.agreement import agreement

__all__ = ["build_agreement"]

N_BOOT = 1000


def build_agreement(ctx, project) -> None:
    """Overall agreement between the first two coders of ``project`` (skipped with one)."""
    coders = list(pd.unique(project.segments["coder"].dropna()))
    if len(coders) < 2:
        ctx.note("qual: interviews coded by one coder only; inter-coder agreement skipped")
        return
    res = agreement(project, coders=coders[:2], n_boot=N_BOOT, seed=ctx.seed)
    overall = res[res["code"] == "(overall)"]
    table = overall[["measure", "estimate", "se", "ci_low", "ci_high", "n", "n_sources"]].copy()
    table = table.rename(columns={"n": "n_units"}).reset_index(drop=True)
    level = res.attrs["ci"]
    ctx.table(
        "qual_intercoder_agreement",
        table,
        key=["measure"],
        counts=["n_sources"],
        not_people={"n_units": "stretches of coded text"},
        title="Inter-coder agreement on the double-coded interviews (all themes pooled)",
        caption=f"Coders {coders[0]!r} and {coders[1]!r} on {int(table['n_sources'].iloc[0])} "
        f"interviews coded by both; units = stretches of text between coding boundaries, "
        f"weighted by length; {level:.0%} percentile bootstrap intervals over units "
        f"({N_BOOT} replicates, seed {ctx.seed}).",
    )
    kappa = table.set_index("measure").loc["cohen_kappa"]
    alpha = table.set_index("measure").loc["krippendorff_alpha"]
    ctx.method(
        "Inter-coder agreement",
        "A subset of interviews was coded independently by two coders. Agreement was computed "
        "per theme on the presence or absence of each theme in each stretch of coded text "
        "(weighted by its length), pooled over themes: Cohen's kappa {:.2f} (95% CI {:.2f} to "
        "{:.2f}) and Krippendorff's alpha {:.2f} (95% CI {:.2f} to {:.2f}), on {} interviews. "
        "Values above 0.80 are conventionally taken as reliable coding (Krippendorff 2004).".format(
            kappa["estimate"],
            kappa["ci_low"],
            kappa["ci_high"],
            alpha["estimate"],
            alpha["ci_low"],
            alpha["ci_high"],
            int(table["n_sources"].iloc[0]),
        ),
    )
