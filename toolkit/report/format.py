"""Display formatting: the only place numbers become text.

>>> pct(0.1234)
'12.3%'
>>> ci(0.1, 0.2, kind="pct")
'10.0% to 20.0%'
>>> pvalue(0.00001)
'p < 0.001'
>>> pvalue(0.0456)
'p = 0.046'
>>> number(1234.5)
'1,234.5'
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["pct", "ci", "pvalue", "number", "format_table", "round_people"]


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def pct(x, digits: int = 1) -> str:
    """A proportion as a percentage: 0.1234 -> '12.3%'."""
    return "–" if _missing(x) else f"{100 * float(x):.{digits}f}%"


def number(x, digits: int = 2) -> str:
    """A number with thousands separators, trailing zeros trimmed."""
    if _missing(x):
        return "–"
    x = float(x)
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.{digits}f}".rstrip("0").rstrip(".")


def ci(low, high, *, kind: str = "number", digits: int = 2) -> str:
    """A confidence interval: '10.0% to 20.0%'."""
    f = pct if kind == "pct" else (lambda v, d=digits: number(v, d))
    return f"{f(low)} to {f(high)}"


def pvalue(p) -> str:
    """APA-style p-value."""
    if _missing(p):
        return "–"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def round_people(values, base: int = 10):
    """Estimated numbers of people rounded for publication to the nearest ``base``
    (halves away from zero), never below zero; missing values stay missing. Numbers stay
    numbers (floats).

    >>> round_people(pd.Series([4.9, 5.0, 1234.4, -3.0, None])).tolist()
    [0.0, 10.0, 1230.0, 0.0, nan]
    """
    x = pd.to_numeric(pd.Series(values), errors="coerce").astype(float)
    r = np.sign(x) * np.floor(np.abs(x) / base + 0.5) * base
    return r.clip(lower=0.0) + 0.0  # no negative zero


def format_table(table: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """A copy of ``table`` with floats rounded for display (strings, for HTML/DOCX only)."""
    out = table.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_bool_dtype(s):
            out[col] = s.map(lambda v: "" if _missing(v) else ("yes" if v else "no"))
        elif pd.api.types.is_integer_dtype(s):
            out[col] = s.map(lambda v: "–" if _missing(v) else f"{int(v):,}")
        elif pd.api.types.is_float_dtype(s):
            if col == "p" or str(col).startswith("p_"):
                out[col] = s.map(lambda v: "–" if _missing(v) else ("<0.001" if v < 0.001 else f"{v:.3f}"))
            else:
                out[col] = s.map(lambda v: "–" if _missing(v) else f"{v:,.{digits}f}")
        else:
            out[col] = s.map(lambda v: "–" if _missing(v) else str(v))
    return out
