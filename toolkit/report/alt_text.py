"""Alternative text of the pack's figures: what each figure shows, from its published data.

A screen-reader user gets from the alt text what a sighted reader gets from the figure:
its kind, what it measures, for whom and when, and the values that stand out (highest,
lowest, the change). Each function here takes the same published (gated) table(s) the
figure is drawn from (``EvidenceContext.figure(..., alt=...)``) and quotes only their
values, so a value the publication gate withheld cannot appear: withheld cells are
blank in the tables and are counted ("2 groups withheld"), never shown.

Percentages are whole numbers ("39%"), as in the presentation tables; other estimates
have two decimals.

>>> import pandas as pd
>>> t = pd.DataFrame({"group": ["Officer", "Staff", "PCSO"], "estimate": [0.39, 0.06, None],
...                   "ci_low": [0.37, 0.05, None], "ci_high": [0.41, 0.08, None]})
>>> groups_alt(t, measure="share of respondents with any online harm", by="role", period="wave 2 (June 2024)")
'Dot chart with 95% intervals: share of respondents with any online harm, by role, wave 2 (June 2024); highest Officer 39% (37% to 41%), lowest Staff 6% (5% to 8%); 1 group withheld by disclosure control.'
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = [
    "cooccurrence_alt",
    "event_study_alt",
    "framing_alt",
    "groups_alt",
    "heatmap_alt",
    "its_alt",
    "likert_alt",
    "saturation_alt",
]


def _num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def pct(v) -> str:
    """A share as a whole percentage: ``pct(0.386) == '39%'``."""
    return f"{100 * float(v):.0f}%"


def dec(v, digits: int = 2) -> str:
    """An estimate with ``digits`` decimals: ``dec(-0.0925) == '-0.09'``."""
    return f"{float(v):.{digits}f}"


def _label(v) -> str:
    """A group label as written: a year or code stored as 2020.0 reads 2020."""
    f = _num(v)
    return f"{f:.0f}" if f is not None and f.is_integer() else str(v)


def _withheld(n: int, what: str, plural: str | None = None) -> str:
    if not n:
        return ""
    word = what if n == 1 else (plural or what + "s")
    return f"; {n} {word} withheld by disclosure control"


def _interval(row, fmt, lo="ci_low", hi="ci_high") -> str:
    a, b = _num(row.get(lo)), _num(row.get(hi))
    return f" ({fmt(a)} to {fmt(b)})" if a is not None and b is not None else ""


def _where(by: str | None, period: str) -> str:
    return (f", by {by}" if by else "") + (f", {period}" if period else "")


def groups_alt(
    table: pd.DataFrame,
    *,
    measure: str,
    by: str | None = None,
    period: str = "",
    label: str = "group",
    value: str = "estimate",
    percent: bool = True,
    chart: str = "Dot chart with 95% intervals",
) -> str:
    """One estimate (with its interval) per group: the highest and the lowest group.

    ``table`` has a ``label`` column naming the groups and ``value`` (with ``ci_low`` /
    ``ci_high`` when given); rows whose value is blank were withheld and are counted.
    """
    fmt = pct if percent else dec
    vals = table[value].map(_num)
    shown = table.loc[vals.notna()].assign(_v=vals[vals.notna()]).sort_values("_v", ascending=False, kind="stable")
    text = f"{chart}: {measure}{_where(by, period)}"
    rows = [r for _, r in shown.iterrows()]
    if not rows:
        text += "; every group withheld by disclosure control"
        return text + "."
    first = rows[0]
    if len(rows) == 1:
        text += f"; {_label(first[label])} {fmt(first['_v'])}{_interval(first, fmt)}"
    else:
        last = rows[-1]
        text += (
            f"; highest {_label(first[label])} {fmt(first['_v'])}{_interval(first, fmt)}, "
            f"lowest {_label(last[label])} {fmt(last['_v'])}{_interval(last, fmt)}"
        )
    return text + _withheld(int(vals.isna().sum()), "group") + "."


def heatmap_alt(
    table: pd.DataFrame,
    *,
    rows: str,
    columns: str,
    row_labels=None,
    measure: str,
    period: str = "",
    value: str = "estimate",
    row: str = "outcome",
    column: str = "group",
) -> str:
    """A heat table of shares (one cell per ``row`` and ``column``): its highest and lowest
    cells and the highest row overall, and how many cells were withheld."""
    row_labels = row_labels or {}
    name = lambda r: str(row_labels.get(r, r))  # noqa: E731
    vals = table[value].map(_num)
    ok = table.loc[vals.notna()].assign(_v=vals[vals.notna()])
    n_rows, n_cols = table[row].nunique(), table[column].nunique()
    text = f"Heat map: {measure}, {n_rows} {rows} (rows) by {n_cols} {columns} (columns){_where(None, period)}"
    if ok.empty:
        return text + "; every cell withheld by disclosure control."
    top = ok.sort_values("_v", ascending=False, kind="stable").iloc[0]
    low = ok.sort_values("_v", ascending=True, kind="stable").iloc[0]
    text += (
        f"; highest {name(top[row])} among {top[column]}, {pct(top['_v'])}; "
        f"lowest {name(low[row])} among {low[column]}, {pct(low['_v'])}"
    )
    return text + _withheld(int(vals.isna().sum()), f"of {len(table)} cells", f"of {len(table)} cells") + "."


def likert_alt(
    table: pd.DataFrame, *, topic: str, item_labels=None, level_labels=None, period: str = "", weighted: bool = True
) -> str:
    """Diverging bars of the answers to each statement: the statements with the most and the
    least agreement, as the published share agreeing (the levels above the middle of the
    scale, summed; an item with one of them withheld is counted as withheld)."""
    item_labels = item_labels or {}
    levels = sorted({float(v) for v in table["level"].map(_num).dropna()})
    mid = (levels[0] + levels[-1]) / 2 if levels else 0
    agree_levels = [lv for lv in levels if lv > mid]
    if level_labels:
        words = " or ".join(str(level_labels.get(lv, lv)).lower() for lv in reversed(agree_levels))
    else:
        words = "agreeing"
    items = list(dict.fromkeys(table["item"]))
    shares, withheld = {}, 0
    for item in items:
        rows = table[(table["item"] == item) & table["level"].map(_num).isin(agree_levels)]
        vals = rows["share"].map(_num)
        if len(rows) == len(agree_levels) and vals.notna().all():
            shares[item] = float(vals.sum())
        else:
            withheld += 1
    w = "weighted " if weighted else ""
    text = (
        (
            f"Diverging bar chart: {w}share of answers from {_level_word(level_labels, levels[0])} to "
            f"{_level_word(level_labels, levels[-1])} for each of {len(items)} statements on {topic}"
            f"{_where(None, period)}"
        )
        if levels
        else f"Diverging bar chart: answers on {topic}"
    )
    if shares:
        order = sorted(shares, key=lambda i: -shares[i])
        top, low = order[0], order[-1]
        lab = lambda i: str(item_labels.get(i, i))  # noqa: E731
        text += f"; most agreement: “{lab(top)}” ({pct(shares[top])} {words})"
        if low != top:
            text += f"; least: “{lab(low)}” ({pct(shares[low])})"
    return text + _withheld(withheld, "statement") + "."


def _level_word(level_labels, level) -> str:
    if level_labels and level in level_labels:
        return str(level_labels[level]).lower()
    return f"{level:g}"


def cooccurrence_alt(table: pd.DataFrame, *, names=None, threshold: int | None = None) -> str:
    """A heat map of theme pairs raised in the same interview: the pairs raised together most
    often (published counts) and how many pairs were withheld."""
    names = names or {}
    n = table["n_both"].map(_num)
    ok = table.loc[n.notna()].assign(_n=n[n.notna()]).sort_values("_n", ascending=False, kind="stable")
    themes = len(set(table["code_a"]) | set(table["code_b"]))
    text = f"Heat map: number of interviews raising both themes of each pair of {themes} themes"
    name = lambda c: str(names.get(c, c))  # noqa: E731
    top = [r for _, r in ok.head(2).iterrows() if r["_n"] > 0]
    if top:
        text += "; most often together: " + ", then ".join(
            f"“{name(r['code_a'])}” and “{name(r['code_b'])}” ({r['_n']:.0f} interviews)" for r in top
        )
    below = f" (raised together in fewer than {threshold} interviews, or giving such a pair back)" if threshold else ""
    k = int(n.isna().sum())
    if k:
        text += f"; {k} of {len(table)} pairs withheld by disclosure control{below}"
    return text + "."


def saturation_alt(table: pd.DataFrame) -> str:
    """Bars of new themes per interview and the share of all themes found so far."""
    prop = table["proportion"].map(_num)
    pos = table["position"].map(_num)
    text = (
        "Bar and line chart: new themes found in each interview, in the order analysed (bars), and the "
        f"share of all themes found so far (line), over {len(table)} interviews"
    )
    if prop.notna().any():
        text += f"; {pct(prop.iloc[0])} of themes found in the first interview"
        full = table.loc[prop >= prop.max() - 1e-12]
        if len(full):
            at = pos.loc[full.index[0]]
            text += f", {pct(prop.max())} by interview {at:.0f}"
    return text + "."


def framing_alt(scores: pd.DataFrame, groups: pd.DataFrame, *, by: str) -> str:
    """Documents' care-minus-misconduct balance by ``by`` with the group means: the groups
    with the highest and the lowest mean (and how many groups have no mean)."""
    est = groups["estimate"].map(_num)
    ok = groups.loc[est.notna()].assign(_v=est[est.notna()]).sort_values("_v", ascending=False, kind="stable")
    word = by.replace("_", " ")
    text = (
        f"Strip chart: care-minus-misconduct balance of each of {len(scores)} policy documents "
        f"(from minus one, misconduct terms only, to plus one, care terms only), by {word}, with the mean "
        f"and 95% interval of each {word}"
    )
    if len(ok) >= 2:
        a, b = ok.iloc[0], ok.iloc[-1]
        text += f"; highest mean {_label(a[by])} {dec(a['_v'])}, lowest {_label(b[by])} {dec(b['_v'])}"
    elif len(ok) == 1:
        text += f"; mean {_label(ok.iloc[0][by])} {dec(ok.iloc[0]['_v'])}"
    missing = int(est.isna().sum())
    if missing:
        text += f"; {missing} {word} group(s) without a mean"
    return text + "."


def event_study_alt(table: pd.DataFrame, *, effect: str, unit: str = "periods") -> str:
    """Event-study estimates by time since the intervention: the range before it (a check of
    parallel trends) and the estimate at the start and at the last period after it."""
    t = table.assign(_e=table["event_time"].map(_num), _v=table["estimate"].map(_num))
    t = t[t["_e"].notna() & t["_v"].notna()].sort_values("_e", kind="stable")
    text = f"Event-study chart with 95% intervals: {effect} by {unit} since it started"
    pre, post = t[t["_e"] < 0], t[t["_e"] >= 0]
    if len(pre):
        text += f"; before it started, estimates between {dec(pre['_v'].min())} and {dec(pre['_v'].max())}"
    if len(post):
        first, last = post.iloc[0], post.iloc[-1]
        text += f"; at the start {dec(first['_v'])}{_interval(first, dec)}"
        if last["_e"] != first["_e"]:
            text += f", {last['_e']:.0f} {unit} after {dec(last['_v'])}{_interval(last, dec)}"
    return text + "."


def its_alt(series: pd.DataFrame, *, what: str, launch: str = "", count: str = "incidents") -> str:
    """An interrupted time series: the months shown, the range of the published monthly
    counts, the launch, and how many months were withheld."""
    n = series[count].map(_num)
    months = series.loc[n.notna(), "month"].astype(str)
    text = f"Line chart: {what}, with the fitted trend and the trend expected without the change"
    if len(months):
        first, last = pd.Period(months.iloc[0], "M"), pd.Period(months.iloc[-1], "M")
        text += f", {first:%B %Y} to {last:%B %Y}"
        text += f"; published monthly {count} ranged from {n.min():.0f} to {n.max():.0f}"
    if launch:
        text += f"; {launch}"
    return text + _withheld(int(n.isna().sum()), "month") + "."


def funnel_alt(table: pd.DataFrame, *, measure: str, label: str = "group") -> str:
    """A funnel plot: each group's proportion against its number of respondents, with the
    national proportion (``target``) and control limits; the highest and lowest groups,
    and how many lie outside the 99.8% limits (of those published)."""
    vals = table["estimate"].map(_num)
    shown = table.loc[vals.notna()]
    target = _num(table["target"].dropna().iloc[0]) if table["target"].notna().any() else None
    text = f"Funnel plot: {measure}, each force against its number of respondents"
    if target is not None:
        text += f"; national proportion {pct(target)}"
    if shown.empty:
        return text + "; every force withheld by disclosure control."
    est = vals[vals.notna()]
    hi, lo = shown.loc[est.idxmax()], shown.loc[est.idxmin()]
    text += f"; highest {_label(hi[label])} {pct(est.max())}, lowest {_label(lo[label])} {pct(est.min())}"
    ll, ul = shown["ll998"].map(_num), shown["ul998"].map(_num)
    outside = int(((est > ul) | (est < ll)).sum())
    text += (
        "; no force outside the outer control limits"
        if outside == 0
        else f"; {outside} force{'s' if outside > 1 else ''} outside the outer control limits"
    )
    return text + _withheld(int(vals.isna().sum()), "force") + "."
