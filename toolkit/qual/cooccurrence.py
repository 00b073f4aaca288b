"""Which codes are applied together: overlapping passages or the same source."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import colormaps

from toolkit.errors import check_choice
from toolkit.qual._common import (
    check_project,
    check_table,
    coder_segments,
    leaf_codes,
    resolve_codes,
    rollup_map,
)

__all__ = ["cooccurrence", "cooccurrence_heatmap"]

COLUMNS = ["code_a", "code_b", "n_a", "n_b", "n_both", "estimate", "unit", "measure"]


def cooccurrence(project, *, unit="segment", measure="count", codes=None, coder=None) -> pd.DataFrame:
    """Co-occurrence of every pair of codes.

    Parameters
    ----------
    project : QualProject
    unit : {"segment", "source"}
        ``"segment"``: two codes co-occur when a passage coded with one overlaps a passage
        coded with the other in the same source, by the same coder. ``"source"``: when both
        codes are applied somewhere in the same source.
    measure : {"count", "jaccard"}
        ``estimate`` is ``n_both`` or the Jaccard coefficient.
    codes : list of str, optional
        Codes to pair (default: codes without children). A parent code stands for itself
        and its descendants.
    coder : str, optional
        Only this coder's segments (default: every coder, each coder's passages paired only
        with the same coder's).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair (``code_a`` before ``code_b`` in the order of ``codes``):
        ``code_a, code_b, n_a, n_b`` (segments or sources with each code), ``n_both``
        (overlapping segment pairs, or sources with both), ``estimate``, ``unit``,
        ``measure``.

    Notes
    -----
    Jaccard: :math:`J = n_{ab} / (n_a + n_b - n_{ab})`. At the segment level this is the
    code co-occurrence coefficient of ATLAS.ti (:math:`c = n_{12}/(n_1 + n_2 - n_{12})`),
    where :math:`n_{12}` counts overlapping pairs of passages. Passages overlap when
    :math:`s_1 < e_2` and :math:`s_2 < e_1` (end exclusive).

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone. *New
    Phytologist*, 11(2), 37-50.

    Friese, S. (2019). *Qualitative Data Analysis with ATLAS.ti* (3rd ed.). Sage. (Code
    co-occurrence table and c-coefficient.)

    Examples
    --------
    >>> from toolkit.synth.qual import make_interviews
    >>> from toolkit.qual.cooccurrence import cooccurrence
    >>> co = cooccurrence(make_interviews(1), coder="A")
    >>> top = co.sort_values("estimate", ascending=False).iloc[0]
    >>> top["code_a"], top["code_b"]
    ('REC.NORM', 'REP.BARRIER')
    """
    check_project(project, "cooccurrence")
    check_choice(unit, {"segment", "source"}, argument="unit", function="cooccurrence")
    check_choice(measure, {"count", "jaccard"}, argument="measure", function="cooccurrence")
    seg = coder_segments(project, coder, "cooccurrence")
    codes = leaf_codes(project) if codes is None else resolve_codes(project, codes, "cooccurrence")
    rollup = rollup_map(project)
    # one row per (code in `codes`, segment) after roll-up
    parts = []
    for c in codes:
        s = seg[seg["code"].isin(rollup[c])].drop_duplicates(["source", "start", "end", "coder"])
        parts.append(s[["source", "start", "end", "coder"]].assign(key=c))
    seg_k = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["source", "start", "end", "coder", "key"])
    )
    n_units = {}
    both: dict[tuple, int] = {}
    if unit == "source":
        sets = {c: set(seg_k.loc[seg_k["key"] == c, "source"]) for c in codes}
        n_units = {c: len(v) for c, v in sets.items()}
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                both[(a, b)] = len(sets[a] & sets[b])
    else:
        n_units = seg_k["key"].value_counts().to_dict()
        pos = {c: i for i, c in enumerate(codes)}
        for _, g in seg_k.groupby(["source", "coder"], sort=False):
            s = g["start"].to_numpy()
            e = g["end"].to_numpy()
            k = g["key"].map(pos).to_numpy()
            over = (s[:, None] < e[None, :]) & (s[None, :] < e[:, None])
            ii, jj = np.nonzero(np.triu(over, 1))
            for x, y in zip(ii, jj):
                if k[x] == k[y]:
                    continue
                a, b = sorted((k[x], k[y]))
                both[(codes[a], codes[b])] = both.get((codes[a], codes[b]), 0) + 1
    rows = []
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            na, nb, nab = int(n_units.get(a, 0)), int(n_units.get(b, 0)), int(both.get((a, b), 0))
            union = na + nb - nab
            est = float(nab) if measure == "count" else (nab / union if union > 0 else np.nan)
            rows.append(
                {
                    "code_a": a,
                    "code_b": b,
                    "n_a": na,
                    "n_b": nb,
                    "n_both": nab,
                    "estimate": est,
                    "unit": unit,
                    "measure": measure,
                }
            )
    out = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("n_a", "n_b", "n_both"):
        out[col] = out[col].astype("int64")
    out["estimate"] = out["estimate"].astype(float)
    return out


def cooccurrence_heatmap(table: pd.DataFrame, *, labels=None, ax=None):
    """Heat map of a :func:`cooccurrence` table: each pair once (lower triangle).

    Rows are named ("3 Impact on family"), columns numbered with the same numbers, so
    that twenty themes fit a page at a readable size. A pair whose value is blank (e.g.
    withheld by disclosure control) is drawn light grey, apart from the white of the
    upper triangle.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of :func:`cooccurrence`.
    labels : dict, optional
        Code id -> label shown on the axes (e.g. the codebook names).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    # lazy: pyplot starts a plotting backend; only drawing needs it
    import matplotlib.pyplot as plt

    check_table(
        table,
        argument="table",
        function="cooccurrence_heatmap",
        producer="cooccurrence",
        columns=("code_a", "code_b", "estimate"),
    )
    codes = list(dict.fromkeys(list(table["code_a"]) + list(table["code_b"])))
    idx = {c: i for i, c in enumerate(codes)}
    k = len(codes)
    m = np.full((k, k), np.nan)
    pair = np.zeros((k, k), dtype=bool)
    for a, b, v in zip(table["code_a"], table["code_b"], table["estimate"]):
        i, j = sorted((idx[a], idx[b]), reverse=True)  # lower triangle: row after column
        m[i, j] = v
        pair[i, j] = True
    if ax is None:
        fig, ax = plt.subplots(figsize=(0.16 * k + 3.6, 0.16 * k + 0.9))
    else:
        fig = ax.figure
    ax.imshow(np.where(pair & np.isnan(m), 1.0, np.nan), cmap="Greys", vmin=0, vmax=5)  # blank pairs: grey
    cmap = colormaps["viridis"].copy()
    cmap.set_bad((0, 0, 0, 0))
    im = ax.imshow(np.ma.masked_invalid(m), cmap=cmap)
    names = [str(labels.get(c, c)) if labels else str(c) for c in codes]
    short = [n if len(n) <= 42 else n[:41] + "…" for n in names]
    ax.set_yticks(range(k), [f"{i + 1}  {n}" for i, n in enumerate(short)], fontsize=8)
    ax.set_xticks(range(k), [str(i + 1) for i in range(k)], fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    measure = table["measure"].iloc[0] if "measure" in table and len(table) else "count"
    unit = table["unit"].iloc[0] if "unit" in table and len(table) else ""
    fig.colorbar(im, ax=ax, label=f"{measure} ({unit} level)" if unit else measure, shrink=0.8)
    if (pair & np.isnan(m)).any():
        ax.set_xlabel("Columns numbered as the rows; grey: no value (withheld)", fontsize=8)
    ax.set_title("Code co-occurrence", fontsize=10)
    fig.tight_layout()
    return fig
