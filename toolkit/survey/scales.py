"""Scale scores: each respondent's mean (or prorated sum) over a scale's items, with
reverse-keying and a minimum-items-answered rule taken from the data dictionary.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from toolkit.errors import DataWarning, ParameterError, check_choice
from toolkit.survey._items import (
    check_range,
    columns_for_specs,
    item_matrix_and_range,
    reverse_key,
    scale_specs,
)

__all__ = ["score_scales", "min_items_required"]

ANSWERED_SUFFIX = "_n_answered"


def min_items_required(min_items, k: int) -> int:
    """Number of answered items needed for a score under the ``min_items`` rule.

    >>> [min_items_required(0.5, k) for k in (2, 3, 4, 5)]
    [1, 2, 2, 3]
    >>> min_items_required(4, 5)
    4
    """
    if isinstance(min_items, bool) or not isinstance(min_items, (int, float, np.number)):
        raise ParameterError(
            "The 'min_items' parameter of score_scales must be a proportion in (0, 1] "
            f"(e.g. 0.5) or a whole number of items >= 1. Got {min_items!r} instead."
        )
    if isinstance(min_items, (int, np.integer)) and min_items >= 1:
        return int(min(min_items, k))
    if isinstance(min_items, (float, np.floating)) and 0 < min_items <= 1:
        return max(1, math.ceil(min_items * k - 1e-9))
    raise ParameterError(
        "The 'min_items' parameter of score_scales must be a proportion in (0, 1] "
        f"(e.g. 0.5) or a whole number of items >= 1. Got {min_items!r} instead."
    )


def score_scales(
    data: pd.DataFrame,
    dictionary=None,
    *,
    scales=None,
    min_items=0.5,
    method: str = "mean",
) -> pd.DataFrame:
    """Score every multi-item scale the data dictionary defines.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent. Item columns are numeric, or ordered categoricals whose
        categories are the numeric codes (as ``toolkit.io.read_survey`` returns them,
        missing codes already NA). A categorical of text labels is an error.
    dictionary : Dictionary, path, DataFrame or None
        The data dictionary (``toolkit.dictionary``): its ``scale`` column groups items,
        ``reverse`` marks reverse-keyed items, ``min`` / ``max`` give each item's range.
        ``None`` uses the bundled item bank.
    scales : list of str, optional
        Score only these scales (default: every scale the dictionary defines).
    min_items : float in (0, 1] or int >= 1
        Minimum-items-answered rule. A proportion ``p`` requires at least
        ``ceil(p * k)`` of the ``k`` items to be answered; a whole number requires that
        many (at most ``k``). Respondents below it get a missing score. The default 0.5
        is the "half rule": at least half the items (3 of 5, 2 of 4). Use ``1.0`` to
        require every item, ``1`` to score anyone who answered at least one item.
    method : {"mean", "sum"}
        ``"mean"``: mean of the answered items (on the items' own scale, e.g. 1-5).
        ``"sum"``: prorated sum, ``k`` times that mean, so that respondents who skipped an
        item are on the same footing as those who answered all.

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; for each scale, in dictionary order, two columns:

        - ``<scale>``: the scale score (float, NaN when too few items were answered)
        - ``<scale>_n_answered``: the number of the scale's items answered (int)

        ``attrs["min_items"]`` maps each scale to the number of items required and
        ``attrs["not_scored"]`` to the number of respondents without a score.

    Warns
    -----
    toolkit.errors.DataWarning
        For each scale where some respondents answered at least one item but fewer than
        required: how many (``n_excluded``), and that their score is missing. (Respondents who answered no
        item of a scale are counted in ``attrs["not_scored"]`` without a warning, unless
        nobody answered any item of the scale, which is warned about.)

    Raises
    ------
    toolkit.errors.ColumnNotFoundError
        An item of a scale is not a column of ``data``.
    toolkit.errors.DataValidationError
        A value outside the item's ``min`` / ``max`` (reverse-keying would be wrong).
    toolkit.errors.ParameterError
        Text item columns, unknown scale names, bad ``min_items`` or ``method``.

    Notes
    -----
    Reverse-keyed items are recoded ``x' = min + max - x`` (so 1..5 becomes 5..1). With
    ``A_i`` the answered items of respondent ``i`` and ``m`` the required number:

    .. math::

        \\text{score}_i = \\frac{1}{|A_i|} \\sum_{j \\in A_i} x'_{ij}
        \\quad \\text{if } |A_i| \\ge m, \\text{ else missing};
        \\qquad \\text{sum}_i = k \\cdot \\text{score}_i .

    With ``min_items=1`` the mean equals ``psych::scoreItems(..., impute = "none")``.

    References
    ----------
    .. [1] Revelle, W. (2022). psych (version 2.2.9), function ``scoreItems``.
    .. [2] Newman, D. A. (2014). Missing data: Five practical guidelines. Organizational
       Research Methods, 17, 372-411 (prorated scale scores, the half rule).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.survey import score_scales
    >>> dictionary = pd.DataFrame({
    ...     "variable": ["q1", "q2", "q3", "q4"], "label": ["Q1", "Q2", "Q3", "Q4"],
    ...     "type": "likert", "values": "1=No; 2=Rather no; 3=Unsure; 4=Rather yes; 5=Yes",
    ...     "missing": "",
    ...     "scale": "trust", "reverse": ["", "", "", "yes"], "min": 1, "max": 5,
    ...     "required": "", "pillar": "", "disclosure": "public"})
    >>> data = pd.DataFrame({"q1": [5, 4, None], "q2": [4, None, None],
    ...                      "q3": [5, 4, 2], "q4": [1, 2, None]})
    >>> score_scales(data, dictionary)
          trust  trust_n_answered
    0  4.750000                 4
    1  4.000000                 3
    2       NaN                 1
    """
    function = "score_scales"
    check_choice(method, ("mean", "sum"), argument="method", function=function)
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    specs = scale_specs(dictionary, scales, function=function)
    if not specs:
        raise ParameterError(
            f"{function}: the dictionary defines no scales (its 'scale' column is empty). "
            "Fill the 'scale' column for the items of each multi-item scale."
        )
    columns_for_specs(data, specs, function=function)
    if len(data) == 0:
        raise ParameterError(
            f"The 'data' parameter of {function} is an empty table (0 rows): there are no "
            "respondents to score. Check the filter or file that produced it."
        )
    min_items_required(min_items, 1)  # validate once, before any work
    out = {}
    required, not_scored = {}, {}
    for spec in specs:
        X, col_min, col_max = item_matrix_and_range(data, spec.items)
        check_range(data, X, spec.items, spec.ranges, observed=(col_min, col_max))
        X = reverse_key(X, spec.items, spec.reverse, spec.ranges, copy=False)
        k = len(spec.items)
        need = min_items_required(min_items, k)
        missing = np.isnan(X)
        answered = k - missing.sum(axis=1)
        np.copyto(X, 0.0, where=missing)  # X is this function's own copy
        with np.errstate(invalid="ignore", divide="ignore"):
            score = X.sum(axis=1) / answered
        score[answered < need] = np.nan
        if method == "sum":
            score = score * k
        partial = int(((answered > 0) & (answered < need)).sum())
        if len(answered) and not answered.any():
            warnings.warn(
                DataWarning(
                    f"Scale '{spec.name}': no respondent answered any of its items "
                    f"{spec.items}; every score is missing. Check that the right data were "
                    "read and that its missing codes are not hiding every answer.",
                    n_excluded=len(answered),
                    reason="no item answered",
                ),
                stacklevel=2,
            )
        elif partial:
            warnings.warn(
                DataWarning(
                    f"Scale '{spec.name}': {partial} respondent(s) answered fewer than {need} of "
                    f"its {k} items; their score is missing (min_items={min_items!r}).",
                    n_excluded=partial,
                    reason="too few items answered",
                ),
                stacklevel=2,
            )
        out[spec.name] = score
        out[spec.name + ANSWERED_SUFFIX] = answered.astype(int)
        required[spec.name] = need
        not_scored[spec.name] = int((answered < need).sum())
    result = pd.DataFrame(out, index=data.index)
    result.attrs.update(min_items=required, not_scored=not_scored, method=method)
    return result
