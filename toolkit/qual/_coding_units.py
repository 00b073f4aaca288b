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
            weights = [1.0]
        else:
            bounds = np.unique(np.concatenate([g["start"].to_numpy(int), g["end"].to_numpy(int)]))
            starts, ends = bounds[:-1], bounds[1:]
            s_arr, e_arr = g["start"].to_numpy(int), g["end"].to_numpy(int)
            # coded by anyone: some segment with start <= unit start and end >= unit end
            covered = ((s_arr[None, :] <= starts[:, None]) & (e_arr[None, :] >= ends[:, None]))
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
                    rows.append((source, ui, s, e, float(weights[ui]), code, coder,
                                 float(ui in cover.get((coder, code), ()))))
    return pd.DataFrame(rows, columns=["source", "unit", "start", "end", "weight", "code",
                                       "coder", "present"]), codes, list(shared)
