"""Units for inter-coder agreement on a coded project (used by ``agreement``).

Construction (documented in :func:`toolkit.qual.agreement.agreement`):

- Only sources coded by at least two of the chosen coders take part; a coder with no
  segment in a source is taken not to have coded it (missing, not "absent").
- ``unit="segment"``: in each source, every start and end offset of any segment of the
  participating coders is a boundary; the stretches between consecutive boundaries that
  at least one coder coded (with any code) are the units. Uncoded text is left out, so it
  cannot swamp the measures with agreement on absence. A unit's weight is its length in
  characters (``weight="characters"``) or 1 (``weight="units"``).
- ``unit="source"``: each source is one unit; a code is present for a coder if the coder
  applied it anywhere in the source.
- For each unit, code and coder: 1 if the coder applied the code to the whole unit (by
  construction a segment covers a unit entirely or not at all), else 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def presence_table(segments: pd.DataFrame, coders, unit: str, weight: str):
    """Long table ``source, unit, start, end, weight, code, coder, present``.

    ``segments`` must have ``source, start, end, code, coder``.
    """
    seg = segments[segments["coder"].isin(coders)]
    coded_by = seg.groupby("source")["coder"].nunique()
    shared = coded_by.index[coded_by >= 2]
    seg = seg[seg["source"].isin(shared)]
    codes = sorted(seg["code"].unique())
    rows = []
    for source, g in seg.groupby("source", sort=True):
        src_coders = [c for c in coders if c in set(g["coder"])]
        if unit == "source":
            units = [(0, 0)]
            cover = {(c, k): {0} for (c, k), _ in g.groupby(["coder", "code"])}
            weights: list[float] | np.ndarray = [1.0]
        else:
            bounds = np.unique(np.concatenate([g["start"].to_numpy(int), g["end"].to_numpy(int)]))
            starts, ends = bounds[:-1], bounds[1:]
            s_arr, e_arr = g["start"].to_numpy(int), g["end"].to_numpy(int)
            # coded by anyone: some segment with start <= unit start and end >= unit end
            covered = (s_arr[None, :] <= starts[:, None]) & (e_arr[None, :] >= ends[:, None])
            keep = covered.any(axis=1)
            starts, ends, covered = starts[keep], ends[keep], covered[keep]
            units = list(zip(starts.tolist(), ends.tolist()))
            weights = (ends - starts).astype(float) if weight == "characters" else np.ones(len(units))
            cover = {}
            keys = list(zip(g["coder"], g["code"]))
            for j, key in enumerate(keys):
                cover.setdefault(key, set()).update(np.flatnonzero(covered[:, j]).tolist())
        for ui, (s, e) in enumerate(units):
            for code in codes:
                for coder in src_coders:
                    rows.append(
                        (source, ui, s, e, float(weights[ui]), code, coder, float(ui in cover.get((coder, code), ())))
                    )
    return (
        pd.DataFrame(rows, columns=["source", "unit", "start", "end", "weight", "code", "coder", "present"]),
        codes,
        list(shared),
    )


def sparse_presence(segments: pd.DataFrame, coders, unit: str, weight: str):
    """The units of :func:`presence_table` without its units x codes x coders rows.

    Returns ``(units, pairs, codes, shared)``: ``units`` has one row per unit (``source,
    start, end, weight`` and ``coded_by``, a units x coders boolean array in
    ``units.attrs["coded_by"]``: whether the coder coded the unit's source); ``pairs`` is
    an integer array of ``(unit, code, coder)`` triples where the code is present (each
    once); ``codes`` the sorted codes; ``shared`` the sources coded by two or more
    coders. A (unit, code, coder) not in ``pairs`` is absent (0) when the coder coded the
    source and missing otherwise, exactly as in :func:`presence_table`.
    """
    seg = segments[segments["coder"].isin(coders)]
    coded_by = seg.groupby("source", sort=True)["coder"].nunique()
    shared = list(coded_by.index[coded_by >= 2])
    seg = seg[seg["source"].isin(shared)]
    codes = sorted(seg["code"].unique())
    src_idx = pd.Categorical(seg["source"], categories=shared).codes.astype(np.int64)
    code_idx = pd.Categorical(seg["code"], categories=codes).codes.astype(np.int64)
    coder_idx = pd.Categorical(seg["coder"], categories=list(coders)).codes.astype(np.int64)
    source_coders = np.zeros((len(shared), len(coders)), bool)
    source_coders[src_idx, coder_idx] = True
    if unit == "source":
        u_source = np.arange(len(shared))
        starts = ends = np.zeros(len(shared), np.int64)
        weights = np.ones(len(shared))
        seg_unit_lo, seg_unit_hi = src_idx, src_idx + 1
        n_units_all = len(shared)
        keep = np.ones(n_units_all, bool)
    else:
        s = seg["start"].to_numpy(np.int64)
        e = seg["end"].to_numpy(np.int64)
        shift = np.int64(max(int(e.max()) if len(e) else 0, 0) + 1)
        bounds = np.unique(np.concatenate([src_idx * shift + s, src_idx * shift + e]))
        seg_unit_lo = np.searchsorted(bounds, src_idx * shift + s)
        seg_unit_hi = np.searchsorted(bounds, src_idx * shift + e)
        # unit k lies between bounds[k] and bounds[k + 1]; it is coded if a segment covers it
        n_units_all = max(len(bounds) - 1, 0)
        diff = np.zeros(n_units_all + 1, np.int64)
        np.add.at(diff, seg_unit_lo, 1)
        np.add.at(diff, seg_unit_hi, -1)
        keep = np.cumsum(diff)[:n_units_all] > 0
        u_source = bounds[:-1][keep] // shift
        starts = bounds[:-1][keep] - u_source * shift
        ends = bounds[1:][keep] - u_source * shift
        weights = (ends - starts).astype(float) if weight == "characters" else np.ones(len(starts))
    new_index = np.cumsum(keep) - 1
    # expand each segment to the units it covers
    lengths = seg_unit_hi - seg_unit_lo
    rep = np.repeat(np.arange(len(seg)), lengths)
    offsets = np.arange(len(rep)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    units_all = seg_unit_lo[rep] + offsets
    n_codes, n_coders = max(len(codes), 1), len(coders)
    key = np.unique((new_index[units_all] * n_codes + code_idx[rep]) * n_coders + coder_idx[rep])
    pairs = np.column_stack([key // (n_codes * n_coders), (key // n_coders) % n_codes, key % n_coders])
    units = pd.DataFrame(
        {"source": np.asarray(shared, dtype=object)[u_source], "start": starts, "end": ends, "weight": weights}
    )
    units.attrs["coded_by"] = source_coders[u_source]
    return units, pairs, codes, shared
