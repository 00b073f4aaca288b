"""Internal consistency of multi-item scales: Cronbach's alpha, its CI, omega total,
and item analysis, matching R's ``psych::alpha`` and ``psych::omega``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit.errors import ParameterError, check_choice, check_ci
from toolkit.survey._alpha import reliability_core
from toolkit.survey._items import (
    check_item_list,
    check_range,
    columns_for_specs,
    item_matrix_and_range,
    reverse_key,
    scale_specs,
)

__all__ = ["reliability", "item_analysis", "reliability_table", "ReliabilityTable"]

_MISSING = ("pairwise", "listwise")
_CI_METHODS = ("feldt", "duhachek")
SCALE_COLUMNS = ["n", "k", "alpha", "alpha_std", "ci_low", "ci_high", "omega_total", "method"]
ITEM_COLUMNS = [
    "item",
    "n",
    "mean",
    "sd",
    "corrected_item_total_r",
    "alpha_if_dropped",
    "alpha_std_if_dropped",
]


def _check_options(missing, ci, ci_method, function) -> float:
    check_choice(missing, _MISSING, argument="missing", function=function)
    check_choice(ci_method, _CI_METHODS, argument="ci_method", function=function)
    return check_ci(ci, function=function)


def _method(missing, ci_method):
    ci = "Feldt F" if ci_method == "feldt" else "Duhachek-Iacobucci normal"
    return f"Cronbach's alpha ({missing} deletion), {ci} CI; omega total (one-factor minres)"


def _keyed_items(data, items, reverse, item_range, function):
    """Item matrix with ``reverse`` items recoded; ``item_range`` checked if given."""
    items = check_item_list(data, items, function=function)
    if len(items) < 2:
        raise ParameterError(
            f"The 'items' parameter of {function} names {len(items)} item(s) ({items}); "
            "internal consistency needs at least 2 items. A single-item measure has no "
            "alpha: report it as an item, not a scale."
        )
    X, col_min, col_max = item_matrix_and_range(data, items)
    reverse = [] if reverse is None else ([reverse] if isinstance(reverse, str) else list(reverse))
    not_items = [v for v in reverse if v not in items]
    if not_items:
        raise ParameterError(
            f"The 'reverse' parameter of {function} names {not_items}, which are not among "
            f"the items {items}. List only items of this scale."
        )
    if item_range is None:
        if reverse:
            lo, hi = np.nanmin(col_min), np.nanmax(col_max)  # psych::alpha's rule: observed range
        else:
            lo = hi = None
        ranges = {v: (lo, hi) for v in items}
    elif isinstance(item_range, dict):
        absent = [v for v in reverse if v not in item_range]
        if absent:
            raise ParameterError(
                f"The 'item_range' parameter of {function} gives no (min, max) for reversed "
                f"item(s) {absent}. Add them, or give one (min, max) tuple for all items."
            )
        ranges = {v: tuple(item_range.get(v, (None, None))) for v in items}
    else:
        try:
            lo, hi = (float(x) for x in item_range)
        except (TypeError, ValueError):
            raise ParameterError(
                f"The 'item_range' parameter of {function} must be a (min, max) pair such as "
                f"(1, 5), a dict of such pairs by item, or None. Got {item_range!r} instead."
            ) from None
        ranges = {v: (lo, hi) for v in items}
    if item_range is not None:
        check_range(data, X, items, ranges, observed=(col_min, col_max))
    return items, reverse_key(X, items, reverse, ranges, copy=False)


def reliability(
    data: pd.DataFrame,
    items,
    *,
    missing: str = "pairwise",
    reverse=None,
    item_range=None,
    ci: float = 0.95,
    ci_method: str = "feldt",
) -> pd.DataFrame:
    """Cronbach's alpha (raw and standardised) with a CI, and omega total, for one scale.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent. Item columns are numeric, or ordered categoricals whose
        categories are the numeric codes (as ``toolkit.io.read_survey`` returns them).
    items : list of str
        The scale's item columns (at least 2; omega needs at least 3).
    missing : {"pairwise", "listwise"}
        ``"pairwise"`` (the default of ``psych::alpha``): each covariance uses every
        respondent who answered both items; respondents who answered none of the items are
        left out with a warning. ``"listwise"``: only respondents who answered every item
        (the others are left out with a warning).
    reverse : list of str, optional
        Items to reverse-key as ``min + max - x`` before the analysis.
    item_range : tuple (min, max) or dict of item -> (min, max), optional
        The items' possible range, used for reversing and checked against the data. If
        omitted, reversing uses the observed minimum and maximum over all items (as
        ``psych::alpha`` does); alpha and omega do not depend on it, only item means do.
    ci : float
        Confidence level of the interval for alpha (stored in ``attrs["ci"]``).
    ci_method : {"feldt", "duhachek"}
        ``"feldt"`` (default): Feldt, Woodruff & Salih's F interval, the one
        ``psych::alpha`` reports as its Feldt bounds (``alpha.ci``) and pingouin reports.
        ``"duhachek"``: ``alpha +/- z * ase`` with psych's asymptotic standard error
        (Duhachek & Iacobucci 2004; van Zyl, Neudecker & Nel 2000).

    Returns
    -------
    pandas.DataFrame
        One row with columns:

        - ``n``: respondents used (see ``missing``)
        - ``k``: number of items
        - ``alpha``: Cronbach's alpha from the covariance matrix
        - ``alpha_std``: standardised alpha, from the covariance matrix rescaled to
          correlations by its own diagonal (psych's ``cov2cor``)
        - ``ci_low``, ``ci_high``: confidence interval for ``alpha``
        - ``omega_total``: McDonald's omega total from a one-factor minres fit
          (``psych::omega(x, nfactors = 1)``); NaN with a warning for 2 items
        - ``method``: text naming the estimators

        ``attrs`` holds ``ci``, ``ci_method`` and ``missing``.

    Raises
    ------
    toolkit.errors.ColumnNotFoundError
        An item is not a column of ``data``.
    toolkit.errors.ParameterError
        Fewer than 2 items, text (non-numeric) item columns, a bad option.
    toolkit.errors.DataValidationError
        Fewer than 3 usable respondents, zero-variance items, item pairs nobody answered
        together, values outside ``item_range``.

    Notes
    -----
    With ``C`` the k x k item covariance matrix (pairwise or listwise) and
    ``R = D^{-1/2} C D^{-1/2}``, ``D = diag(C)``:

    .. math::

        \\alpha = \\frac{k}{k-1}\\Big(1 - \\frac{\\operatorname{tr} C}{\\mathbf 1' C \\mathbf 1}\\Big),
        \\qquad
        \\alpha_{std} = \\frac{k}{k-1}\\Big(1 - \\frac{k}{\\mathbf 1' R \\mathbf 1}\\Big).

    Feldt interval: ``1 - (1 - alpha) F_{1-a/2}(n-1, (n-1)(k-1))`` to
    ``1 - (1 - alpha) F_{a/2}(n-1, (n-1)(k-1))``, with ``n`` the respondents used.
    Duhachek interval: ``alpha +/- z sqrt(Q / n)`` with
    ``Q = 2k^2 / ((k-1)^2 S^3) [S (tr C^2 + (tr C)^2) - 2 tr C 1'C^2 1]``, ``S = 1'C1``.

    Omega total: fit one factor by minimum residuals to the correlation matrix ``P``
    (pairwise Pearson correlations, ``cor(x, use = "pairwise")``), giving loadings
    ``l`` and uniquenesses ``u2 = 1 - l^2``; after flipping items with negative loadings,
    ``omega_t = (1'P1 - sum u2) / 1'P1`` (psych's ``omega.tot``).

    References
    ----------
    .. [1] Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
       Psychometrika, 16, 297-334.
    .. [2] Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference for
       coefficient alpha. Applied Psychological Measurement, 11, 93-103.
    .. [3] Duhachek, A., & Iacobucci, D. (2004). Alpha's standard error (ASE). Journal of
       Applied Psychology, 89, 792-808.
    .. [4] McDonald, R. P. (1999). Test theory: A unified treatment. Erlbaum.
    .. [5] Revelle, W. (2022). psych: Procedures for psychological, psychometric, and
       personality research (version 2.2.9), functions ``alpha`` and ``omega``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from toolkit.survey import reliability
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=300)
    >>> data = pd.DataFrame({f"q{i}": np.clip(np.round(3 + f + rng.normal(size=300)), 1, 5)
    ...                      for i in range(1, 5)})
    >>> res = reliability(data, ["q1", "q2", "q3", "q4"])
    >>> res[["n", "k", "alpha", "ci_low", "ci_high", "omega_total"]].round(3)
         n  k  alpha  ci_low  ci_high  omega_total
    0  300  4  0.699   0.639    0.751        0.702
    >>> res.attrs["ci"]
    0.95
    """
    function = "reliability"
    ci = _check_options(missing, ci, ci_method, function)
    items, X = _keyed_items(data, items, reverse, item_range, function)
    scale, _ = reliability_core(
        X,
        data.index,
        items,
        missing=missing,
        ci_level=ci,
        ci_method=ci_method,
        label=f"reliability of {items}",
    )
    out = pd.DataFrame([{**scale, "method": _method(missing, ci_method)}], columns=SCALE_COLUMNS)
    out.attrs.update(ci=ci, ci_method=ci_method, missing=missing)
    return out


def item_analysis(
    data: pd.DataFrame,
    items,
    *,
    missing: str = "pairwise",
    reverse=None,
    item_range=None,
) -> pd.DataFrame:
    """Item statistics of one scale: mean, SD, corrected item-total r, alpha if dropped.

    Parameters
    ----------
    data, items, missing, reverse, item_range
        As in :func:`reliability`.

    Returns
    -------
    pandas.DataFrame
        One row per item with columns:

        - ``item``: column name
        - ``n``: respondents who answered the item (among those used)
        - ``mean``, ``sd``: item mean and standard deviation (after reverse-keying)
        - ``corrected_item_total_r``: correlation of the item with the sum of the other
          items (psych's ``r.drop``)
        - ``alpha_if_dropped``: raw alpha of the scale without this item
        - ``alpha_std_if_dropped``: standardised alpha without this item

    Notes
    -----
    From the covariance matrix ``C`` used by :func:`reliability`:
    ``r_drop_i = (sum_j C_ij - C_ii) / sqrt(C_ii * 1'C_{-i}1)`` where ``C_{-i}`` omits item
    ``i``; alpha if dropped is alpha of ``C_{-i}``. For a two-item scale psych's
    convention is kept: "alpha if dropped" is ``C_12 / C_jj`` (raw) and ``r_12`` (std).

    References
    ----------
    .. [1] Revelle, W. (2022). psych (version 2.2.9), function ``alpha``: columns
       ``r.drop``, ``raw_alpha`` of ``alpha.drop``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from toolkit.survey import item_analysis
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=300)
    >>> data = pd.DataFrame({f"q{i}": np.clip(np.round(3 + f + rng.normal(size=300)), 1, 5)
    ...                      for i in range(1, 5)})
    >>> print(item_analysis(data, ["q1", "q2", "q3", "q4"]).round(3).to_string())
      item    n   mean     sd  corrected_item_total_r  alpha_if_dropped  alpha_std_if_dropped
    0   q1  300  2.927  1.227                   0.555             0.590                 0.590
    1   q2  300  2.853  1.218                   0.438             0.663                 0.664
    2   q3  300  2.837  1.263                   0.482             0.636                 0.636
    3   q4  300  2.897  1.267                   0.462             0.649                 0.649
    """
    function = "item_analysis"
    check_choice(missing, _MISSING, argument="missing", function=function)
    items, X = _keyed_items(data, items, reverse, item_range, function)
    _, item = reliability_core(
        X,
        data.index,
        items,
        missing=missing,
        ci_level=0.95,
        ci_method="feldt",
        label=f"item analysis of {items}",
    )
    out = pd.DataFrame({"item": items, **item}, columns=ITEM_COLUMNS)
    out["n"] = out["n"].astype(int)
    out.attrs.update(missing=missing)
    return out


@dataclass(frozen=True)
class ReliabilityTable:
    """Result of :func:`reliability_table`: two tidy tables.

    Attributes
    ----------
    scales : pandas.DataFrame
        One row per scale: ``scale`` then the columns of :func:`reliability`.
    items : pandas.DataFrame
        One row per item: ``scale`` then the columns of :func:`item_analysis`.
    """

    scales: pd.DataFrame
    items: pd.DataFrame


def reliability_table(
    data: pd.DataFrame,
    dictionary=None,
    *,
    scales=None,
    missing: str = "pairwise",
    ci: float = 0.95,
    ci_method: str = "feldt",
) -> ReliabilityTable:
    """:func:`reliability` and :func:`item_analysis` for every scale of a dictionary.

    Items are reverse-keyed as the dictionary says (``reverse`` column, ``x' = min + max
    - x``) and checked against the dictionary's ``min`` / ``max``.

    Parameters
    ----------
    data : pandas.DataFrame
        Survey data holding every item of the scales analysed.
    dictionary : Dictionary, path, DataFrame or None
        The data dictionary (``toolkit.dictionary``); ``None`` uses the bundled item bank.
    scales : list of str, optional
        Only these scales (default: every scale the dictionary defines).
    missing, ci, ci_method
        As in :func:`reliability`.

    Returns
    -------
    ReliabilityTable
        ``.scales``: one row per scale with columns ``scale, n, k, alpha, alpha_std,
        ci_low, ci_high, omega_total, method`` (``attrs["ci"]`` as in
        :func:`reliability`); ``.items``: one row per item with columns ``scale, item, n,
        mean, sd, corrected_item_total_r, alpha_if_dropped, alpha_std_if_dropped``.

    Notes
    -----
    Formulas as in :func:`reliability` and :func:`item_analysis`. A scale whose data
    cannot support the analysis raises the same error as :func:`reliability` would,
    naming the scale.

    References
    ----------
    .. [1] Revelle, W. (2022). psych (version 2.2.9), functions ``alpha`` and ``omega``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from toolkit.survey import reliability_table
    >>> dictionary = pd.DataFrame({
    ...     "variable": ["q1", "q2", "q3", "q4"], "label": ["Q1", "Q2", "Q3", "Q4"],
    ...     "type": "likert", "values": "1=No; 2=Rather no; 3=Unsure; 4=Rather yes; 5=Yes",
    ...     "missing": "",
    ...     "scale": "trust", "reverse": ["", "", "", "yes"], "min": 1, "max": 5,
    ...     "required": "", "pillar": "", "disclosure": "public"})
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=300)
    >>> data = pd.DataFrame({f"q{i}": np.clip(np.round(3 + f + rng.normal(size=300)), 1, 5)
    ...                      for i in range(1, 5)})
    >>> data["q4"] = 6 - data["q4"]
    >>> table = reliability_table(data, dictionary)
    >>> table.scales[["scale", "n", "k", "alpha", "omega_total"]].round(3)
       scale    n  k  alpha  omega_total
    0  trust  300  4  0.699        0.702
    """
    function = "reliability_table"
    ci = _check_options(missing, ci, ci_method, function)
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    specs = [s for s in scale_specs(dictionary, scales, function=function)]
    columns_for_specs(data, specs, function=function)
    scale_rows, item_tables = [], []
    for spec in specs:
        if len(spec.items) < 2:
            raise ParameterError(
                f"Scale '{spec.name}' has {len(spec.items)} item(s) in the dictionary "
                f"({spec.items}); internal consistency needs at least 2. Fix: leave it out "
                f"with scales=[...] or give it more items."
            )
        X, col_min, col_max = item_matrix_and_range(data, spec.items)
        check_range(data, X, spec.items, spec.ranges, observed=(col_min, col_max))
        X = reverse_key(X, spec.items, spec.reverse, spec.ranges, copy=False)
        scale, item = reliability_core(
            X,
            data.index,
            spec.items,
            missing=missing,
            ci_level=ci,
            ci_method=ci_method,
            label=f"scale '{spec.name}'",
        )
        scale_rows.append({"scale": spec.name, **scale, "method": _method(missing, ci_method)})
        item_tables.append({"scale": [spec.name] * len(spec.items), "item": spec.items, **item})
    scales_df = pd.DataFrame(scale_rows, columns=["scale", *SCALE_COLUMNS])
    items_df = (
        pd.DataFrame(
            {
                c: np.concatenate([t[c] for t in item_tables])  # one frame, not one per scale
                for c in ["scale", *ITEM_COLUMNS]
            }
        )
        if item_tables
        else pd.DataFrame(columns=["scale", *ITEM_COLUMNS])
    )
    items_df = items_df[["scale", *ITEM_COLUMNS]]
    scales_df.attrs.update(ci=ci, ci_method=ci_method, missing=missing)
    items_df.attrs.update(missing=missing)
    return ReliabilityTable(scales=scales_df, items=items_df)
