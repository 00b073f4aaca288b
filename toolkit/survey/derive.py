"""Derived variables: "any of these" indicators."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.errors import ParameterError, check_columns

__all__ = ["any_of"]


def any_of(data: pd.DataFrame, items: list[str], *, value=1) -> pd.Series:
    """Indicator that a respondent answered ``value`` to at least one of ``items``.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent.
    items : list of str
        Binary items, e.g. every ``harm_*`` item of the item bank.
    value : default 1
        The answer that counts (1 = Yes).

    Returns
    -------
    pandas.Series
        ``Float64`` aligned to ``data.index``: 1 if any item equals ``value``; 0 if at
        least one item was answered and none equals ``value``; missing if no item was
        answered (so "don't know" to every item stays missing, not "no").

    Notes
    -----
    :math:`y_i = \\max_j 1[x_{ij} = v]` over the answered items :math:`j`; missing when
    every :math:`x_{ij}` is missing. A respondent who answered some items "no" and left
    the rest blank counts as 0: if that is not acceptable for your survey, require all
    items answered before calling this.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"a": [1, 0, None, 0], "b": [0, 0, None, None]})
    >>> any_of(df, ["a", "b"]).tolist()
    [1.0, 0.0, <NA>, 0.0]
    """
    if isinstance(items, str):
        items = [items]
    if not items:
        raise ParameterError("The 'items' parameter of any_of must name at least one column.")
    check_columns(data, items, argument="items")
    if len(data) == 0:
        raise ParameterError(
            "The 'data' parameter of any_of is an empty table (0 rows): there are no "
            "respondents to derive an indicator for. Check the filter or file that produced it."
        )
    block = pd.DataFrame({c: pd.to_numeric(data[c].astype("object"), errors="coerce") for c in items})
    hit = (block == value).any(axis=1)
    answered = block.notna().any(axis=1)
    out = np.where(answered, hit.astype(float), np.nan)
    return pd.Series(out, index=data.index, name="any_of").astype("Float64")
