"""Figures of policy-document framing (care versus misconduct), colour-blind safe.

Colours are from the Okabe-Ito palette and each frame also has its own marker shape, so
the figure reads in greyscale and for readers with colour-vision deficiency.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import check_columns
from toolkit.qual._common import check_table

__all__ = ["FRAME_STYLE", "framing_balance_plot"]

#: frame -> (colour, marker, label); Okabe & Ito (2008) palette.
FRAME_STYLE = {
    "care": ("#0072B2", "o", "care / wellbeing"),
    "misconduct": ("#D55E00", "^", "misconduct / reputation"),
    "balanced": ("#999999", "s", "balanced"),
    "none": ("#999999", "x", "no framing terms"),
}


def framing_balance_plot(scores: pd.DataFrame, *, comparison: pd.DataFrame, by: str, ax=None):
    """Care-minus-misconduct balance of each document, and the group means, by ``by``.

    Parameters
    ----------
    scores : pandas.DataFrame
        Output of :func:`toolkit.qual.frame_documents` (``estimate``, ``frame``, ``by``).
    comparison : pandas.DataFrame
        Output of :func:`toolkit.qual.compare_frames` with the same ``by``.
    by : str
        Grouping column (``"year"``, ``"force"``): the x axis, in the order of
        ``comparison``.

    Returns
    -------
    matplotlib.figure.Figure
        Documents as points (colour and marker by frame), group means as black bars with
        their t interval (drawn within the possible range -1 to +1).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from toolkit.qual import frame_documents, compare_frames
    >>> from toolkit.synth.qual import make_documents
    >>> s = frame_documents(make_documents(1))
    >>> fig = framing_balance_plot(s, comparison=compare_frames(s, by="year"), by="year")
    >>> fig.axes[0].get_ylabel()
    'balance: care (+1) to misconduct (-1)'
    """
    check_table(
        scores, argument="scores", function="framing_balance_plot", producer="frame_documents", allow_empty=True
    )
    check_columns(scores, [by], argument="by", where="scores")
    check_table(
        scores,
        argument="scores",
        function="framing_balance_plot",
        producer="frame_documents",
        columns=("estimate", "frame"),
    )
    check_table(
        comparison,
        argument="comparison",
        function="framing_balance_plot",
        producer="compare_frames",
        columns=(by, "estimate", "ci_low", "ci_high"),
    )
    # lazy: pyplot starts a plotting backend; only drawing needs it
    import matplotlib.pyplot as plt

    if ax is None:
        width = max(6.0, 0.45 * len(comparison) + 2)
        fig, ax = plt.subplots(figsize=(width, 3.4))
    else:
        fig = ax.figure
    groups = list(comparison[by])
    pos = {g: i for i, g in enumerate(groups)}
    x = scores[by].map(pos)
    # deterministic spread of documents sharing a group, so points do not hide each other
    rank = scores.groupby(by).cumcount()
    size = scores.groupby(by)[by].transform("size")
    offset = np.where(size > 1, (rank / (size - 1).clip(lower=1) - 0.5) * 0.5, 0.0)
    for frame, (colour, marker, label) in FRAME_STYLE.items():
        m = (scores["frame"] == frame) & x.notna() & scores["estimate"].notna()
        if m.any():
            ax.scatter(
                x[m] + offset[m.to_numpy()],
                scores.loc[m, "estimate"],
                color=colour,
                marker=marker,
                s=28,
                alpha=0.85,
                label=label,
                zorder=3,
            )
    xs = np.arange(len(groups))
    lo = comparison["ci_low"].clip(-1, 1)
    hi = comparison["ci_high"].clip(-1, 1)
    est = comparison["estimate"]
    ax.errorbar(
        xs,
        est,
        yerr=[(est - lo).fillna(0), (hi - est).fillna(0)],
        fmt="none",
        ecolor="black",
        elinewidth=1.2,
        capsize=3,
        zorder=4,
    )
    ax.scatter(xs, est, color="black", marker="_", s=250, linewidths=2.5, zorder=5, label="mean (95% CI)")
    ax.axhline(0, color="grey", linewidth=0.8, linestyle="--")
    ax.set_xticks(xs)
    ax.set_xticklabels(
        [str(g) for g in groups], rotation=45 if len(groups) > 8 else 0, ha="right" if len(groups) > 8 else "center"
    )
    ax.set_ylim(-1.08, 1.08)
    ax.set_xlabel(by.replace("_", " "))
    ax.set_ylabel("balance: care (+1) to misconduct (-1)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
