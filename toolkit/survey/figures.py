"""Figures for survey results: Likert bars, prevalence by group, harm-by-role heat table.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot (no
global state, no display needed), labelled from the data dictionary, in colour-blind-safe
colours (ColorBrewer PuOr for agreement scales, viridis for the heat table, the Okabe-Ito
palette for groups).
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure

from toolkit.errors import ParameterError, check_columns
from toolkit.survey._inputs import as_list, numeric_values, require_rows, weight_values
from toolkit.survey._labels import load_labels
from toolkit.survey.prevalence import prevalence as _prevalence

__all__ = ["harm_heatmap", "likert_bars", "prevalence_plot"]

#: ColorBrewer PuOr (5 classes, colour-blind safe), centre made light grey
LIKERT_COLOURS = ["#e66101", "#fdb863", "#d9d9d9", "#b2abd2", "#5e3c99"]
#: Okabe & Ito (2008) colour-blind-safe qualitative palette
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def _wrap(text: str, width: int = 45) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _likert_colours(k: int) -> list[str]:
    if k == 5:
        return LIKERT_COLOURS

    cmap = colormaps["PuOr"]
    return [cmap(x) for x in np.linspace(0.1, 0.9, k)]


def likert_bars(
    data: pd.DataFrame,
    items: list[str],
    *,
    levels: list | None = None,
    weight: str | None = None,
    dictionary=None,
    title: str | None = None,
) -> Figure:
    """Diverging stacked bars of Likert items: disagreement left of zero, agreement right.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent; items are ordered Categoricals or numeric codes.
        Missing answers (including "don't know" once read as missing) are left out.
    items : list of str
        Likert columns, one bar each (top to bottom in the order given).
    levels : list, optional
        Response codes in order; default: the dictionary's codes of the first item
        without its missing codes, else the codes observed (e.g. 1-5).
    weight : str, optional
        Column of survey weights (percentages are weighted).
    dictionary : None, path or DataFrame
        Labels of items and responses; None = the bundled item bank.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        One horizontal bar segment per item and response level (``len(items) *
        len(levels)`` patches); y tick labels are the items' labels. The middle level of
        an odd scale is split evenly around zero.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import likert_bars
    >>> df = pd.DataFrame({"rec_serious": [1, 2, 4, 5, 5, 3], "rec_leaders": [2, 2, 3, 4, 1, 5]})
    >>> fig = likert_bars(df, ["rec_serious", "rec_leaders"])
    >>> len(fig.axes[0].patches)
    10
    """
    items = as_list(items, argument="items")
    if not items:
        raise ParameterError("The 'items' parameter of likert_bars must name at least one column.")
    check_columns(data, items, argument="items")
    labels = load_labels(dictionary)
    w = weight_values(data, weight, function="likert_bars")
    values = {c: numeric_values(data, c, role="item").to_numpy() for c in items}
    if levels is None:
        codes = labels.codes(items[0])
        try:
            levels = [float(c) for c in codes]
        except ValueError:
            levels = []
        if not levels:
            levels = sorted({v for c in items for v in values[c][~np.isnan(values[c])]})
    levels = [float(v) for v in levels]
    k = len(levels)
    if k < 2:
        raise ParameterError(f"likert_bars needs at least two response levels; got {levels}.")
    share = np.zeros((len(items), k))
    for i, c in enumerate(items):
        y = values[c]
        ok = ~np.isnan(y)
        bad = ok & ~np.isin(y, levels)
        if bad.any():
            raise ParameterError(
                f"Column '{c}' has value(s) {sorted(set(y[bad].tolist()))[:5]} outside the levels "
                f"{levels}; declare them missing (e.g. 9 = don't know) or pass 'levels'."
            )
        ww = np.ones(len(y)) if w is None else w
        tot = ww[ok].sum()
        for j, lv in enumerate(levels):
            share[i, j] = 100 * ww[ok & (y == lv)].sum() / tot if tot > 0 else 0.0
    mid = (k - 1) / 2
    left = -share[:, : int(np.ceil(mid))].sum(axis=1)
    if k % 2 == 1:
        left = left - share[:, int(mid)] / 2
    fig = Figure(figsize=(8, 0.6 * len(items) + 1.8))
    ax = fig.add_subplot()
    colours = _likert_colours(k)
    ypos = np.arange(len(items))[::-1]
    start = left.copy()
    first = items[0]
    for j, lv in enumerate(levels):
        ax.barh(
            ypos,
            share[:, j],
            left=start,
            color=colours[j],
            edgecolor="white",
            height=0.7,
            label=_wrap(labels.value(first, lv), 20),
        )
        start = start + share[:, j]
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(ypos, [_wrap(labels.variable(c)) for c in items])
    lim = max(np.abs(left).max(), (left + share.sum(axis=1)).max(), 1) * 1.05
    ax.set_xlim(-lim, lim)
    ax.set_xlabel("Percentage of respondents (disagree left, agree right)" + (" (weighted)" if w is not None else ""))
    ax.legend(ncol=k, loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False, fontsize="small")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def prevalence_plot(
    table: pd.DataFrame,
    *,
    dictionary=None,
    drop_suppressed: bool = True,
    title: str | None = None,
) -> Figure:
    """Prevalence by group with confidence intervals, from a :func:`prevalence` table.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of :func:`toolkit.survey.prevalence` (columns ``outcome, by, group,
        estimate, ci_low, ci_high, suppress``).
    dictionary : None, path or DataFrame
        Labels of outcomes and group codes; None = the bundled item bank.
    drop_suppressed : bool, default True
        Leave out groups flagged ``suppress`` (below the disclosure threshold) and say
        so in a footnote.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        One point with an interval (error bar) per outcome and group, estimates in
        percent. With one outcome the y tick labels name the groups; with several they
        are the outcomes' labels and a legend names the groups.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import prevalence, prevalence_plot
    >>> df = pd.DataFrame({"harm_abuse": [1, 0] * 12, "role": [1, 1, 2, 2] * 6})
    >>> fig = prevalence_plot(prevalence(df, "harm_abuse", by="role", threshold=5))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Police officer', 'Police staff']
    """
    need = ["outcome", "by", "group", "estimate", "ci_low", "ci_high"]
    check_columns(table, need, argument="table", where="the prevalence table")
    labels = load_labels(dictionary)
    t = table.copy()
    note = ""
    if drop_suppressed and "suppress" in t.columns and t["suppress"].any():
        dropped = int(t["suppress"].sum())
        t = t[~t["suppress"].astype(bool)]
        note = f"{dropped} group estimate(s) based on fewer respondents than the disclosure threshold are not shown."
    if t.empty:
        raise ParameterError("prevalence_plot: nothing to draw (every group is suppressed or the table is empty).")
    outcomes = list(dict.fromkeys(t["outcome"]))
    groups = list(dict.fromkeys(t["group"]))
    by = t["by"].iloc[0]
    by_name = by if isinstance(by, str) and " / " not in by else None
    level = table.attrs.get("ci", 0.95)

    def group_name(g):
        return "All respondents" if g == "All" and by_name is None else labels.value(by_name, g)

    if len(outcomes) == 1:
        # one outcome: one row per group, labelled on the axis
        fig = Figure(figsize=(8, 0.45 * len(groups) + 1.6))
        ax = fig.add_subplot()
        sub = t.set_index("group").loc[groups]
        y = np.arange(len(groups))[::-1].astype(float)
        est = 100 * sub["estimate"].to_numpy(float)
        lo, hi = 100 * sub["ci_low"].to_numpy(float), 100 * sub["ci_high"].to_numpy(float)
        ax.errorbar(
            est, y, xerr=[np.maximum(est - lo, 0), np.maximum(hi - est, 0)], fmt="o", color=OKABE_ITO[0], capsize=3
        )
        ax.set_yticks(y, [_wrap(group_name(g), 30) for g in groups])
        ax.set_ylabel(labels.variable(by_name) if by_name else (by or ""))
        ax.set_xlabel(f"{_wrap(labels.variable(outcomes[0]), 70)}: % with {100 * level:g}% confidence interval")
    else:
        fig = Figure(figsize=(8, 0.5 * len(outcomes) * max(1, len(groups)) ** 0.5 + 1.8))
        ax = fig.add_subplot()
        ypos = np.arange(len(outcomes))[::-1].astype(float)
        step = 0.7 / max(len(groups), 1)
        for gi, g in enumerate(groups):
            sub = t[t["group"] == g].set_index("outcome")
            present = [o for o in outcomes if o in sub.index]
            y = np.array([ypos[outcomes.index(o)] for o in present]) + 0.35 - step * (gi + 0.5)
            est = 100 * sub.loc[present, "estimate"].to_numpy(float)
            lo = 100 * sub.loc[present, "ci_low"].to_numpy(float)
            hi = 100 * sub.loc[present, "ci_high"].to_numpy(float)
            ax.errorbar(
                est,
                y,
                xerr=[np.maximum(est - lo, 0), np.maximum(hi - est, 0)],
                fmt="o",
                color=OKABE_ITO[gi % len(OKABE_ITO)],
                capsize=3,
                label=_wrap(group_name(g), 30),
            )
        ax.set_yticks(ypos, [_wrap(labels.variable(o).split(": ")[-1], 40) for o in outcomes])
        ax.set_xlabel(f"Prevalence (%), with {100 * level:g}% confidence intervals")
        ax.legend(
            title=labels.variable(by_name) if by_name else by,
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
            fontsize="small",
        )
    ax.set_xlim(0, 100)
    if title:
        ax.set_title(title)
    if note:
        fig.text(0.01, 0.01, note, fontsize="small", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.04 if note else 0, 1, 1))
    return fig


def heat_cells(ax, shown: np.ndarray, *, missing: str):
    """Draw a heat table of percentages (rows x columns, NaN = not shown) on ``ax``: viridis
    cells, each labelled with its whole percentage, or ``missing`` where it is NaN.
    Returns the image (for a colour bar)."""
    vmax = np.nanmax(shown) if np.isfinite(shown).any() else 100.0
    im = ax.imshow(np.ma.masked_invalid(shown), cmap="viridis", vmin=0, vmax=max(vmax, 1e-9), aspect="auto")
    for i in range(shown.shape[0]):
        for j in range(shown.shape[1]):
            v = shown[i, j]
            ax.text(
                j,
                i,
                missing if np.isnan(v) else f"{v:.0f}%",
                ha="center",
                va="center",
                fontsize="small",
                color="black" if np.isnan(v) or v >= 0.6 * vmax else "white",
            )
    return im


def harm_heatmap(
    data: pd.DataFrame,
    harms: list[str],
    *,
    by: str = "role",
    weight: str | None = None,
    dictionary=None,
    threshold: int = 10,
    title: str | None = None,
) -> Figure:
    """Heat table of the prevalence (%) of each harm type (rows) by group (columns).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    harms : list of str
        Binary harm columns (e.g. ``harm_abuse``, ``harm_threats``...).
    by : str, default "role"
        Grouping column.
    weight : str, optional
        Column of survey weights.
    dictionary : None, path or DataFrame
        Labels; None = the bundled item bank.
    threshold : int, default 10
        Disclosure: cells of groups with fewer respondents, and cells where fewer than
        ``threshold`` (but more than zero) respondents experienced the harm, are blanked
        and marked "n<10"-style (a percentage of a published group size reveals its count).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        An image of ``len(harms)`` rows by one column per group, each cell annotated
        with its percentage (or the suppression mark); colour map viridis.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import harm_heatmap
    >>> df = pd.DataFrame({"harm_abuse": [1, 0, 1, 0] * 5, "harm_threats": [0, 0, 1, 0] * 5,
    ...                    "role": [1, 1, 2, 2] * 5})
    >>> fig = harm_heatmap(df, ["harm_abuse", "harm_threats"])
    >>> fig.axes[0].images[0].get_array().shape
    (2, 2)
    """
    harms = as_list(harms, argument="harms")
    if not harms:
        raise ParameterError("The 'harms' parameter of harm_heatmap must name at least one column.")
    check_columns(data, harms, argument="harms")
    require_rows(data, function="harm_heatmap")
    labels = load_labels(dictionary)
    table = _prevalence(data, harms, by=by, weight=weight, threshold=threshold)
    groups = list(dict.fromkeys(table["group"]))
    est = table.pivot(index="outcome", columns="group", values="estimate").reindex(index=harms, columns=groups)
    sup = table.pivot(index="outcome", columns="group", values="suppress").reindex(index=harms, columns=groups)
    events = table.pivot(index="outcome", columns="group", values="n_events").reindex(index=harms, columns=groups)
    # disclosure: a percentage of a published group size reveals its numerator, so cells
    # with fewer than ``threshold`` respondents harmed (but not zero) are blanked too
    few = events.apply(lambda c: c.between(1, threshold - 1)).fillna(False).astype(bool)
    sup = sup.fillna(True).astype(bool) | few
    shown = np.where(sup.to_numpy(), np.nan, 100 * est.to_numpy(float))
    fig = Figure(figsize=(1.3 * len(groups) + 4, 0.5 * len(harms) + 1.8))
    ax = fig.add_subplot()
    im = heat_cells(ax, shown, missing=f"n<{threshold}")
    ax.set_xticks(range(len(groups)), [_wrap(labels.value(by, g), 14) for g in groups])
    ax.set_yticks(range(len(harms)), [_wrap(labels.variable(h).split(": ")[-1], 40) for h in harms])
    ax.set_xlabel(labels.variable(by))
    cbar = fig.colorbar(im, ax=ax)
    cbar.set_label("Prevalence (%)" + (", weighted" if weight else ""))
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig
