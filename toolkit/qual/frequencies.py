"""How often each code was applied: segments, sources, and the share of cases coded."""

from __future__ import annotations

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from toolkit.errors import check_ci
from toolkit.qual._common import case_groups, check_project, coder_segments, resolve_codes, rollup_map

__all__ = ["code_frequencies"]

COLUMNS = [
    "group",
    "code",
    "name",
    "parent",
    "pillar",
    "n_segments",
    "n_sources",
    "n_cases",
    "n",
    "estimate",
    "ci_low",
    "ci_high",
    "method",
]


def code_frequencies(project, *, by=None, codes=None, coder=None, ci=0.95) -> pd.DataFrame:
    """Frequency of each code: segments, sources, and the proportion of cases coded.

    A parent code counts every segment coded at it or at any code below it, and a case
    coded at a child counts once for the parent (however many children it has).

    Parameters
    ----------
    project : QualProject
    by : str, optional
        A case attribute (e.g. ``"role"``, ``"personal_experience"``): one row per code per
        group. Cases with the attribute missing form the group ``"(missing)"``.
    codes : list of str, optional
        Code ids to report (default every code in the codebook, in its order).
    coder : str, optional
        Count only this coder's segments (default: all coders pooled; a case then counts as
        coded if any coder coded it).
    ci : float
        Level of the Wilson interval for the proportion of cases.

    Returns
    -------
    pandas.DataFrame
        ``group`` (``"all"`` without ``by``), ``code``, ``name``, ``parent``, ``pillar``,
        ``n_segments`` (coded segments, distinct by source, start, end and coder),
        ``n_sources`` (sources with the code), ``n_cases`` (cases with the code),
        ``n`` (cases in the group: every case in the cases table),
        ``estimate`` (``n_cases / n``), ``ci_low``, ``ci_high`` (Wilson score interval),
        ``method``. ``attrs["ci"]`` holds the level.

    Notes
    -----
    With :math:`x` cases coded among :math:`n`, :math:`\\hat p = x / n` and the Wilson
    interval is

    .. math:: \\frac{\\hat p + z^2/2n \\pm z \\sqrt{\\hat p(1-\\hat p)/n + z^2/4n^2}}{1 + z^2/n}

    (``statsmodels.stats.proportion.proportion_confint(method="wilson")``; R
    ``prop.test(x, n, correct = FALSE)``). The interval treats the interviewed cases as a
    sample; for a purposive sample read it as a description of precision only.

    References
    ----------
    Gale, N. K., Heath, G., Cameron, E., Rashid, S., & Redwood, S. (2013). Using the
    framework method for the analysis of qualitative data in multi-disciplinary health
    research. *BMC Medical Research Methodology*, 13, 117.

    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
    inference. *JASA*, 22(158), 209-212.

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> from toolkit.qual import code_frequencies
    >>> freq = code_frequencies(make_interviews(1), coder="A")
    >>> freq.loc[freq["code"] == "REC.PERSONAL", ["n_cases", "n"]].iloc[0].tolist()
    [17, 50]
    >>> int(freq.loc[freq["code"] == "REC", "n_cases"].iloc[0])  # parent rolls up
    50
    """
    check_project(project, "code_frequencies")
    ci = check_ci(ci, function="code_frequencies")
    seg = coder_segments(project, coder, "code_frequencies")
    codes = resolve_codes(project, codes, "code_frequencies")
    groups = case_groups(project, by, "code_frequencies")
    rollup = rollup_map(project)
    book = project.codebook.set_index("id")
    names, parents, pillars = (dict(zip(book.index, book[c])) for c in ("name", "parent", "pillar"))
    seg = seg.assign(group="all" if by is None else seg["case"].map(groups))
    stats = _rolled_up_counts(seg, list(dict.fromkeys(codes)), rollup)
    rows = []
    for group in sorted(groups.unique(), key=str):
        n = int((groups == group).sum())
        for code in codes:
            n_seg, n_src, n_case = stats.get((group, code), (0, 0, 0))
            rows.append(
                {
                    "group": group,
                    "code": code,
                    "name": names[code],
                    "parent": parents[code],
                    "pillar": pillars[code],
                    "n_segments": n_seg,
                    "n_sources": n_src,
                    "n_cases": n_case,
                    "n": n,
                }
            )
    out = pd.DataFrame(rows)
    est = out["n_cases"] / out["n"].where(out["n"] > 0)
    low, high = proportion_confint(
        out["n_cases"].to_numpy(), np.maximum(out["n"], 1).to_numpy(), alpha=1 - ci, method="wilson"
    )
    out["estimate"] = est.astype(float)
    out["ci_low"] = np.where(out["n"] > 0, low, np.nan)
    out["ci_high"] = np.where(out["n"] > 0, high, np.nan)
    out["method"] = "wilson"
    for col in ("n_segments", "n_sources", "n_cases", "n"):
        out[col] = out[col].astype("int64")
    out = out[COLUMNS]
    out.attrs["ci"] = ci
    out.attrs["by"] = by
    return out


def _rolled_up_counts(seg: pd.DataFrame, codes: list, rollup: dict) -> dict:
    """``(group, code) -> (segments, sources, cases)`` with each code gathering the
    segments coded at it or below it: one merge with the roll-up table (code -> every
    code it gathers) and three group-bys, not one filter per code."""
    gathers = pd.DataFrame(
        {"_code": [c for c in codes for _ in rollup[c]], "code": [m for c in codes for m in rollup[c]]}
    )
    x = seg[["group", "source", "start", "end", "coder", "case", "code"]].merge(gathers, on="code", how="inner")
    x = x[x["group"].notna()]
    keys = ["group", "_code"]
    n_seg = x.drop_duplicates([*keys, "source", "start", "end", "coder"]).groupby(keys, sort=False).size()
    by = x.groupby(keys, sort=False)
    n_src = by["source"].nunique()
    n_case = by["case"].nunique()  # missing cases not counted
    return {
        k: (int(a), int(b), int(c))
        for k, a, b, c in zip(
            n_seg.index, n_seg.to_numpy(), n_src.reindex(n_seg.index).to_numpy(), n_case.reindex(n_seg.index).to_numpy()
        )
    }
