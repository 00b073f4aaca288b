"""Multi-select ("select all that apply") answers, in either layout survey tools use.

- **spread**: one column per option, ``harm_platform_1``, ``harm_platform_2``, ...
  holding ``1`` / ``0`` / blank, ``Yes`` / ``No``, the option code, or the option
  label (Qualtrics writes ``1`` or the label when ticked, blank when not);
- **packed**: one column ``harm_platform`` holding the ticked options, codes or labels,
  separated by ``;`` or ``,`` (``1;3``, ``1,3``, ``Facebook,TikTok``).

Both are returned as one ``Int64`` column per option, ``<variable>_<code>``:
1 = ticked, 0 = not ticked, ``<NA>`` = question not answered (every option blank
in the spread layout, a blank cell in the packed layout, or a missing code).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.dictionary import Dictionary, parse_code
from toolkit.io.convert import int64_array, normalise

__all__ = ["expand_packed", "packed_missing", "combine_spread"]

_TICKED = {"1", "yes", "y", "true", "x", "checked", "selected"}
_UNTICKED = {"0", "no", "n", "false"}


def _lookup(d: Dictionary, var: str):
    table = {}
    for c, lab in d.value_labels(var).items():
        table[str(c).lower()] = c
        table.setdefault(lab.strip().lower(), c)
    return table


def _split(cell: str, table: dict):
    """Split a packed cell into codes; labels may contain the separators."""
    whole = table.get(cell.strip().lower())
    if whole is not None:
        return [whole], []
    sep = ";" if ";" in cell else ","
    tokens = [t.strip() for t in cell.split(sep)]
    found, bad, i = [], [], 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):  # longest run of tokens that names an option
            key = sep.join(tokens[i:j]).strip().lower()
            key = str(parse_code(key)).lower() if key else key
            if key in table:
                found.append(table[key])
                i = j
                break
        else:
            if tokens[i]:
                bad.append(tokens[i])
            i += 1
    return found, bad


def expand_packed(raw: pd.Series, d: Dictionary, var: str, keep=None, factorized=None):
    """Expand a packed multiselect column (``factorized``: ``raw`` as
    :class:`~toolkit.io.convert.FactorizedCells`, saves hashing it again).

    Returns
    -------
    frame : pandas.DataFrame
        ``<var>_<code>`` Int64 columns.
    bad_mask : numpy.ndarray of bool
        Rows with a token that is no option (the row's options become missing).
    missing : dict
        Missing code -> count.
    status_blank : numpy.ndarray of bool
        Rows left blank.
    """
    options = list(d.codes(var))
    codes, mat_u, bad_u, blank_u, miss_u = _packed_values(raw, d, var, factorized)
    idx = np.where(codes < 0, len(miss_u), codes.astype(np.intp))
    frame = pd.DataFrame(
        {f"{var}_{c}": int64_array(mat_u[:, j][idx]) for j, c in enumerate(options)},
        index=raw.index,
        copy=False,
    )
    return frame, bad_u[idx], _packed_missing(codes, miss_u, keep), blank_u[idx]


def packed_missing(raw: pd.Series, d: Dictionary, var: str, keep=None, factorized=None) -> dict:
    """The ``missing`` of :func:`expand_packed` alone (missing code -> count over the rows
    where ``keep`` is True)."""
    codes, _, _, _, miss_u = _packed_values(raw, d, var, factorized)
    return _packed_missing(codes, miss_u, keep)


def _packed_missing(codes, miss_u, keep) -> dict:
    missing: dict = {}
    kept = codes if keep is None else codes[np.asarray(keep, dtype=bool)]
    counts = np.bincount(kept[kept >= 0], minlength=len(miss_u))
    for m, n in zip(miss_u, counts):
        if m is not None and n:
            missing[m] = missing.get(m, 0) + int(n)
    return missing


def _packed_values(raw, d, var, factorized):
    """Per distinct cell of a packed column: codes per row, then the ticks (one row per
    distinct value, one column per option; an extra last row for NA), bad, blank, missing."""
    options = list(d.codes(var))
    missing_set = set(d.missing_codes(var))
    table = _lookup(d, var)
    if factorized is not None:
        codes, uniq = factorized.codes, factorized.uniques
    else:
        codes, uniq = pd.factorize(raw, use_na_sentinel=True)
    k = len(options)
    mat_u = np.zeros((len(uniq) + 1, k), dtype=float)
    bad_u = np.zeros(len(uniq) + 1, dtype=bool)
    blank_u = np.zeros(len(uniq) + 1, dtype=bool)
    miss_u = [None] * len(uniq)
    pos = {c: i for i, c in enumerate(options)}
    for i, v in enumerate(uniq):
        v = normalise(v)
        if v is None:
            mat_u[i] = np.nan
            blank_u[i] = True
            continue
        found, bad = _split(str(parse_code(v)) if not isinstance(v, str) else v, table)
        miss = [c for c in found if c in missing_set]
        if miss and len(miss) == len(found) and not bad:
            mat_u[i] = np.nan
            miss_u[i] = miss[0]
            continue
        if bad or miss:
            mat_u[i] = np.nan
            bad_u[i] = True
            continue
        for c in found:
            mat_u[i, pos[c]] = 1.0
    mat_u[-1] = np.nan
    blank_u[-1] = True
    return codes, mat_u, bad_u, blank_u, miss_u


def combine_spread(columns: dict, d: Dictionary, var: str, index, keep=None):
    """Combine spread option columns ``{code: raw Series}``.

    Returns
    -------
    frame : pandas.DataFrame
        ``<var>_<code>`` Int64 columns (options without a column in the file are
        missing for every row).
    problems : list of (code, bad_mask)
        Cells that are neither ticked, unticked nor blank.
    missing : dict
        Missing code -> number of rows with no tick and a missing code of ``var``
        in an option column (e.g. Qualtrics' -99 "seen but not answered").
    status_blank : numpy.ndarray of bool
        Rows where every option column is blank.
    """
    options = list(d.codes(var))
    labels = d.value_labels(var)
    missing_strs = {str(m).lower(): m for m in d.missing_codes(var)}
    missing_strs.update({lab.strip().lower(): m for m, lab in labels.items() if m in missing_strs.values()})
    n = len(index)
    ticked = {}
    problems = []
    any_answer = np.zeros(n, dtype=bool)
    miss_codes = list(d.missing_codes(var))
    row_miss = np.full(n, -1, dtype=np.int64)  # index into miss_codes, per row
    for code, raw in columns.items():
        ucodes, uniq = pd.factorize(raw, use_na_sentinel=True)
        val_u = np.full(len(uniq) + 1, np.nan)
        bad_u = np.zeros(len(uniq) + 1, dtype=bool)
        miss_u = np.full(len(uniq) + 1, -1, dtype=np.int64)
        ticks = _TICKED | {str(code).lower(), labels[code].strip().lower()}
        for i, v in enumerate(uniq):
            v = normalise(v)
            if v is None:
                continue
            key = str(parse_code(v)).lower() if not isinstance(v, str) else v.lower()
            key = str(parse_code(key)).lower()
            if key in ticks:
                val_u[i] = 1.0
            elif key in _UNTICKED:
                val_u[i] = 0.0
            elif key in missing_strs:
                miss_u[i] = miss_codes.index(missing_strs[key])
            else:
                bad_u[i] = True
        idx = np.where(ucodes < 0, len(uniq), ucodes)
        vals = val_u[idx]
        ticked[code] = vals
        any_answer |= ~np.isnan(vals)
        bad = bad_u[idx]
        if bad.any():
            problems.append((code, bad))
        m = miss_u[idx]
        row_miss = np.where(row_miss < 0, m, row_miss)
    row_missing = (row_miss >= 0) & ~any_answer
    counted = row_missing if keep is None else row_missing & np.asarray(keep, dtype=bool)
    missing = {}
    for k, code in enumerate(miss_codes):
        c = int((counted & (row_miss == k)).sum())
        if c:
            missing[code] = c
    frame = {}
    for code in options:
        if code in ticked:
            vals = ticked[code].copy()
            vals[np.isnan(vals) & any_answer] = 0.0  # blank beside a tick: not ticked
        else:
            vals = np.full(n, np.nan)
        vals[row_missing] = np.nan
        frame[f"{var}_{code}"] = int64_array(vals)
    return pd.DataFrame(frame, index=index), problems, missing, ~any_answer
