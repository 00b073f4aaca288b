"""Regression models for survey outcomes: logistic (binary) and proportional-odds (ordinal)."""

from __future__ import annotations

import ast
import builtins
import itertools
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.miscmodels.ordinal_model import OrderedModel

from toolkit.errors import (
    ConvergenceError,
    DataValidationError,
    ParameterError,
    check_ci,
    check_columns,
)
from toolkit.survey._inputs import _problem, binary_values, warn_excluded, weight_values

__all__ = ["logit", "ordinal"]

COLUMNS = ["term", "kind", "estimate", "se", "odds_ratio", "ci_low", "ci_high", "statistic", "p", "n", "method"]

_SE_NOTES = """
    Standard errors (``attrs["cov_type"]``):

    - no ``weight``, no ``cluster``: model-based (inverse information), as R ``glm`` /
      ``MASS::polr``;
    - ``weight`` only: design-based sandwich for a design with weights only,
      :math:`\\frac{n}{n-1} A^{-1} \\big(\\sum_i U_i U_i^\\top\\big) A^{-1}` with
      :math:`A` the weighted information and :math:`U_i` the weighted scores, as R
      ``svyglm`` / ``svyolr`` on ``svydesign(ids = ~1, weights = ~w)``;
    - ``cluster`` (with or without ``weight``): cluster-robust CR1,
      :math:`\\frac{G}{G-1}\\frac{n-1}{n-k} A^{-1} \\big(\\sum_g U_g U_g^\\top\\big) A^{-1}`
      with :math:`G` clusters and :math:`k` parameters, as R
      ``sandwich::vcovCL(type = "HC1")`` and statsmodels' ``cov_type="cluster"``.
      With few clusters (under about 30 forces) these are too small; say so when
      reporting.

    Intervals and p-values use the normal distribution (``statistic`` is :math:`z`).
"""


def logit(
    data: pd.DataFrame,
    formula: str,
    *,
    weight: str | None = None,
    cluster: str | None = None,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Logistic regression of a binary outcome, as a tidy table of odds ratios.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent. Rows missing any model variable are excluded (warning).
    formula : str
        Model formula, e.g. ``"harm_abuse ~ C(role) + public_facing"``; the left-hand
        side must be a column of ``data`` holding 0/1 (nullable integers, booleans and
        0/1 Categoricals are accepted; text raises a clear error).
    weight : str, optional
        Column of survey weights.
    cluster : str, optional
        Column identifying clusters (e.g. ``"force"``) for cluster-robust errors.
    ci : float, default 0.95
        Confidence level (``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row per term: ``term`` (statsmodels' name, e.g. ``C(role)[T.2]``),
        ``kind`` (``"intercept"`` or ``"coefficient"``), ``estimate`` (log-odds),
        ``se`` (its standard error), ``odds_ratio`` (``exp(estimate)``), ``ci_low``,
        ``ci_high`` (interval of the **odds ratio**), ``statistic`` (z), ``p``, ``n``
        (respondents used), ``method``. ``attrs`` also holds ``cov_type``,
        ``n_clusters``, ``formula`` and ``loglik``.

    Notes
    -----
    :math:`\\mathrm{logit}\\,P(y_i = 1) = x_i^\\top \\beta`, fitted by (weighted)
    maximum likelihood with statsmodels ``GLM(family=Binomial())``; odds ratio
    :math:`e^{\\beta_j}` with interval :math:`e^{\\beta_j \\pm z\\,\\mathrm{se}_j}`.
    {SE_NOTES}
    References
    ----------
    Zeileis, A., Koll, S. & Graham, N. (2020). Various versatile variances: an
    object-oriented implementation of clustered covariances in R. *Journal of
    Statistical Software*, 95(1).

    Lumley, T. & Scott, A. (2017). Fitting regression models to survey data.
    *Statistical Science*, 32, 265-278.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from toolkit.survey import logit
    >>> rng = np.random.default_rng(0)
    >>> df = pd.DataFrame({"public_facing": rng.integers(0, 2, 400)})
    >>> df["harm_abuse"] = rng.binomial(1, np.where(df["public_facing"] == 1, 0.5, 0.2))
    >>> res = logit(df, "harm_abuse ~ public_facing")
    >>> res[["term", "odds_ratio", "ci_low", "ci_high"]].round(2)
                term  odds_ratio  ci_low  ci_high
    0      Intercept        0.31    0.22     0.43
    1  public_facing        4.33    2.80     6.69
    """
    level = _check_ci(ci, "logit")
    outcome = _outcome_name(formula, data, function="logit")
    d = _prepare(data, outcome, weight, cluster)
    d[outcome] = binary_values(d, outcome, role="outcome")
    if d[outcome].dropna().nunique() < 2:
        raise _problem(outcome, sorted(d[outcome].dropna().unique()), "takes a single value",
                       "both 0 and 1", "A model needs respondents with and without the outcome.")
    try:
        m0 = smf.glm(formula, d, family=sm.families.Binomial())
    except Exception as exc:  # patsy / formulaic errors: name the formula
        raise ParameterError(f"The formula {formula!r} cannot be built from the data: {exc}") from exc
    rows = np.asarray(m0.data.row_labels)
    warn_excluded(len(d) - len(rows), "missing value in a model variable", function="logit", stacklevel=3)
    w = None if weight is None else d.loc[rows, weight].to_numpy(float)
    model = sm.GLM(m0.endog, m0.exog, family=sm.families.Binomial(), var_weights=w)
    with warnings.catch_warnings():
        warnings.simplefilter("error", category=RuntimeWarning)
        try:
            res = model.fit(tol=1e-12, maxiter=200)
        except (RuntimeWarning, np.linalg.LinAlgError) as exc:
            raise ConvergenceError(
                f"logit: the model {formula!r} could not be fitted ({exc}). Often a predictor "
                "level where everyone (or no one) has the outcome (separation): merge levels."
            ) from exc
    if not res.converged:
        raise ConvergenceError(f"logit: the model {formula!r} did not converge; simplify it or merge rare levels.")
    X, y, beta = m0.exog, m0.endog, res.params
    mu = 1 / (1 + np.exp(-(X @ beta)))
    ww = np.ones(len(y)) if w is None else w
    A = X.T @ (X * (ww * mu * (1 - mu))[:, None])
    U = X * (ww * (y - mu))[:, None]
    cl = None if cluster is None else d.loc[rows, cluster].to_numpy()
    V, cov_type, n_cl = _covariance(A, U, weighted=w is not None, clusters=cl)
    names = list(m0.exog_names)
    kinds = ["intercept" if t == "Intercept" else "coefficient" for t in names]
    out = _tidy(names, kinds, beta, np.sqrt(np.diag(V)), level, len(y),
                "logistic regression (statsmodels GLM Binomial)")
    out.attrs.update(ci=level, cov_type=cov_type, n_clusters=n_cl, formula=formula,
                     loglik=float(res.llf), outcome=outcome)
    return out


def ordinal(
    data: pd.DataFrame,
    formula: str,
    *,
    weight: str | None = None,
    cluster: str | None = None,
    ci: float = 0.95,
    link: str = "logit",
) -> pd.DataFrame:
    """Proportional-odds (ordered logit) model for a Likert or ordinal outcome.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent. Rows missing any model variable are excluded (warning).
    formula : str
        Model formula without intercept handling, e.g. ``"rec_serious ~ C(role) + wave"``;
        the left-hand side is an ordered Categorical (as read through the dictionary) or
        integer codes, with at least 3 observed levels. Unobserved levels are ignored.
    weight, cluster, ci
        As in :func:`logit`.
    link : {"logit", "probit"}, default "logit"
        ``"probit"`` gives an ordered probit (then ``odds_ratio`` is ``exp(estimate)``
        without an odds interpretation).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`logit`. Rows of ``kind == "coefficient"`` are log
        cumulative odds ratios of a *higher* response; rows of ``kind == "threshold"``
        (terms ``"1|2"``, ``"2|3"``, ...) are the cut-points :math:`\\zeta_j` on the
        latent scale, not increments: for them ``odds_ratio`` is
        :math:`e^{\\zeta_j}`, the odds of answering at or below level j when every
        predictor is 0.

    Notes
    -----
    :math:`\\mathrm{logit}\\,P(y_i \\le j) = \\zeta_j - x_i^\\top\\beta` (the sign
    convention of R ``MASS::polr``), fitted by statsmodels ``OrderedModel`` with
    Newton-Raphson (``method="newton"``), which agrees with ``polr`` to about 6 digits.
    statsmodels stores thresholds as :math:`\\zeta_1` and log increments
    :math:`\\log(\\zeta_j - \\zeta_{j-1})`; they are transformed back and their standard
    errors obtained by the delta method. Survey weights multiply each respondent's
    log-likelihood (R ``svyolr``).
    {SE_NOTES}
    References
    ----------
    McCullagh, P. (1980). Regression models for ordinal data. *JRSS B*, 42, 109-142.

    Venables, W. N. & Ripley, B. D. (2002). *Modern Applied Statistics with S*, 4th ed.
    Springer (``polr``).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from toolkit.survey import ordinal
    >>> rng = np.random.default_rng(1)
    >>> x = rng.integers(0, 2, 300)
    >>> latent = 0.8 * x + rng.logistic(size=300)
    >>> df = pd.DataFrame({"trained": x, "trn_confident": pd.Categorical(
    ...     np.digitize(latent, [-1, 0, 1, 2]) + 1, categories=[1, 2, 3, 4, 5], ordered=True)})
    >>> ordinal(df, "trn_confident ~ trained")[["term", "kind", "estimate"]].round(2)
          term         kind  estimate
    0  trained  coefficient      0.90
    1      1|2    threshold     -0.87
    2      2|3    threshold      0.22
    3      3|4    threshold      1.15
    4      4|5    threshold      2.21
    """
    level = _check_ci(ci, "ordinal")
    if link not in ("logit", "probit"):
        raise ParameterError(f"The 'link' parameter of ordinal must be one of ['logit', 'probit']. Got {link!r} instead.")
    outcome = _outcome_name(formula, data, function="ordinal")
    d = _prepare(data, outcome, weight, cluster)
    d[outcome] = _ordered_outcome(d, outcome)
    miss = d[outcome].isna().to_numpy()
    d = d[~miss]
    try:
        m0 = OrderedModel.from_formula(formula, d, distr=link)
    except Exception as exc:
        raise ParameterError(f"The formula {formula!r} cannot be built from the data: {exc}") from exc
    rows = np.asarray(m0.data.row_labels)
    warn_excluded(int(miss.sum()) + len(d) - len(rows), "missing value in a model variable",
                  function="ordinal", stacklevel=3)
    k_x = m0.k_vars
    names_x = list(m0.exog_names[:k_x])
    labels = list(m0.labels)
    w = None if weight is None else d.loc[rows, weight].to_numpy(float)
    if w is None:
        model = m0
    else:
        model = _WeightedOrderedModel(
            pd.Series(pd.Categorical.from_codes(np.asarray(m0.endog, dtype=int), categories=labels, ordered=True)),
            pd.DataFrame(m0.exog, columns=names_x), case_weights=w, distr=link,
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = model.fit(method="newton", disp=False, maxiter=200)
    if not res.mle_retvals.get("converged", False) or not np.all(np.isfinite(res.params)):
        raise ConvergenceError(
            f"ordinal: the model {formula!r} did not converge. Merge rare response levels or "
            "predictor levels, or simplify the model."
        )
    theta = np.asarray(res.params, dtype=float)
    H = -model.hessian(theta)  # information
    if w is None and cluster is None:
        V_raw, cov_type, n_cl = np.linalg.inv(H), "model", None
    else:
        U = model.score_obs(theta)
        cl = None if cluster is None else d.loc[rows, cluster].to_numpy()
        V_raw, cov_type, n_cl = _covariance(H, U, weighted=w is not None, clusters=cl)
    # thresholds: zeta_1 = a_1, zeta_j = zeta_{j-1} + exp(a_j); delta method
    a = theta[k_x:]
    J = np.eye(len(theta))
    J_thr = np.tril(np.ones((len(a), len(a)))) * np.concatenate([[1.0], np.exp(a[1:])])[None, :]
    J[k_x:, k_x:] = J_thr
    est = theta.copy()
    est[k_x:] = np.concatenate([[a[0]], a[0] + np.cumsum(np.exp(a[1:]))])
    V = J @ V_raw @ J.T
    thr_names = [f"{_label(lo)}|{_label(hi)}" for lo, hi in itertools.pairwise(labels)]
    kinds = ["coefficient"] * k_x + ["threshold"] * len(a)
    out = _tidy(names_x + thr_names, kinds, est, np.sqrt(np.diag(V)), level, len(rows),
                f"proportional-odds model, {link} link (statsmodels OrderedModel, Newton)")
    out.attrs.update(ci=level, cov_type=cov_type, n_clusters=n_cl, formula=formula,
                     loglik=float(res.llf), outcome=outcome, levels=labels)
    return out


logit.__doc__ = logit.__doc__.replace("    {SE_NOTES}\n", _SE_NOTES)
ordinal.__doc__ = ordinal.__doc__.replace("    {SE_NOTES}\n", _SE_NOTES)


class _WeightedOrderedModel(OrderedModel):
    """OrderedModel whose log-likelihood terms are multiplied by case weights."""

    def __init__(self, endog, exog, *, case_weights, **kwargs):
        super().__init__(endog, exog, **kwargs)
        self.case_weights = np.asarray(case_weights, dtype=float)

    def loglikeobs(self, params):
        return self.case_weights * super().loglikeobs(params)


def _label(v) -> str:
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _check_ci(ci, function) -> float:
    return check_ci(ci, function=function)


def _outcome_name(formula, data, *, function: str) -> str:
    """The outcome's column name, after checking ``data`` and every formula variable."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame with one row per "
            f"respondent. Got {type(data).__name__} instead."
        )
    if not isinstance(formula, str) or "~" not in formula:
        raise ParameterError(f"The 'formula' parameter must be a string like 'outcome ~ x1 + x2'. Got {formula!r} instead.")
    outcome = formula.split("~", 1)[0].strip()
    if outcome not in data.columns:
        check_columns(data, [outcome], argument="formula (left-hand side)")
    missing = [v for v in _formula_variables(formula) if v not in data.columns and v not in _KNOWN_NAMES]
    if missing:
        check_columns(data, missing, argument="formula")
    return outcome


# names a formula may use that are not columns: patsy's functions and contrasts, the
# modules and builtins visible where the model is built (np.log(x), abs(x), ...)
_KNOWN_NAMES = frozenset(dir(builtins)) | frozenset(globals()) | {
    "C", "I", "Q", "center", "standardize", "scale", "bs", "cr", "cc", "te",
    "Treatment", "Sum", "Poly", "Diff", "Helmert",
}


def _formula_variables(formula: str) -> list[str]:
    """Names a formula reads from the data, in order (``[]`` if patsy cannot parse it).

    Function names (``C``, ``np.log``) are skipped; ``Q("a b")`` gives ``"a b"``.

    >>> _formula_variables('y ~ C(role, Treatment(1)) * np.log(age) + Q("a b") - 1')
    ['y', 'role', 'age', 'a b']
    """
    try:
        from patsy import ModelDesc, PatsyError
    except ImportError:  # statsmodels with formulaic only: the builder reports bad names
        return []
    try:
        desc = ModelDesc.from_formula(formula)
    except PatsyError:  # the model builder reports syntax errors with the formula
        return []
    names: dict[str, None] = {}
    for term in desc.lhs_termlist + desc.rhs_termlist:
        for factor in term.factors:
            try:
                tree = ast.parse(getattr(factor, "code", factor.name()).strip(), mode="eval")
            except SyntaxError:
                continue
            skip = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    skip.add(id(node.func))
                    if isinstance(node.func, ast.Name) and node.func.id == "Q":
                        for arg in node.args:
                            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                                names.setdefault(arg.value)
                elif isinstance(node, ast.Attribute):
                    skip.add(id(node.value))
            for node in ast.walk(tree):
                if isinstance(node, ast.Name) and id(node) not in skip:
                    names.setdefault(node.id)
    return list(names)


def _prepare(data, outcome, weight, cluster) -> pd.DataFrame:
    """Copy with a unique index, nullable numeric columns as float64, weight/cluster checked."""
    if len(data) == 0:
        raise ParameterError("The model was given an empty data set (0 rows).")
    d = data.copy()
    if not d.index.is_unique:
        raise ParameterError("The data's index has duplicate labels; call data.reset_index(drop=True) first.")
    for col in d.columns:
        dt = d[col].dtype
        if isinstance(dt, pd.api.extensions.ExtensionDtype) and not isinstance(dt, pd.CategoricalDtype) \
                and (pd.api.types.is_numeric_dtype(dt) or pd.api.types.is_bool_dtype(dt)):
            d[col] = d[col].to_numpy(dtype="float64", na_value=np.nan)
    weight_values(d, weight)
    if cluster is not None:
        if not isinstance(cluster, str):
            raise ParameterError(f"The 'cluster' parameter must be a column name. Got {cluster!r} instead.")
        check_columns(d, [cluster], argument="cluster")
        if d[cluster].isna().any():
            bad = [str(i) for i in d.index[d[cluster].isna().to_numpy()][:5]]
            raise _problem(cluster, "missing", f"has missing cluster ids (rows {', '.join(bad)})",
                           "a cluster for every respondent", "Fill in the cluster (e.g. the force) or drop those rows.")
    return d


def _ordered_outcome(d, outcome) -> pd.Series:
    s = d[outcome]
    if isinstance(s.dtype, pd.CategoricalDtype):
        if not s.cat.ordered:
            raise _problem(outcome, list(s.cat.categories[:6]), "is an unordered Categorical",
                           "an ordered Categorical or integer codes",
                           "Read it through the dictionary (type likert/ordinal) or use s.cat.as_ordered().")
        s = s.cat.remove_unused_categories()
    elif pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        vals = s.dropna()
        if not np.all(np.asarray(vals, float) == np.round(np.asarray(vals, float))):
            raise _problem(outcome, sorted(vals[vals != np.round(vals)].unique())[:5], "has non-integer values",
                           "integer response codes", "An ordinal outcome takes whole-number codes (e.g. 1-5).")
        s = pd.Series(pd.Categorical(s, categories=sorted(vals.unique()), ordered=True), index=s.index)
    else:
        raise _problem(outcome, list(pd.unique(s.dropna()))[:6], f"holds text (dtype {s.dtype})",
                       "an ordered Categorical or integer codes",
                       "Convert it, e.g. pd.Categorical(col, categories=[...in order...], ordered=True).")
    n_levels = s.dropna().nunique()
    if n_levels < 3:
        raise _problem(outcome, list(s.cat.categories), f"has {n_levels} observed level(s)",
                       "at least 3 ordered levels", "With two levels use toolkit.survey.logit.")
    return s


def _covariance(A, U, *, weighted, clusters):
    """Sandwich covariance from information A and per-row scores U (see module notes)."""
    n, k = U.shape
    Ainv = np.linalg.inv(A)
    if clusters is None:
        if not weighted:
            return Ainv, "model", None
        B = U.T @ U * n / (n - 1)
        return Ainv @ B @ Ainv, "design-based (weights only, as svyglm)", None
    codes, uniq = pd.factorize(clusters)
    G = len(uniq)
    if G < 2:
        raise DataValidationError(
            pd.DataFrame({"file": [""], "row": [None], "column": ["cluster"], "value": [repr(list(uniq))],
                          "problem": ["a single cluster"], "expected": ["two or more clusters"],
                          "severity": ["error"]}),
            "Cluster-robust errors need at least two clusters; found one. Drop 'cluster'.",
        )
    Ug = np.zeros((G, k))
    np.add.at(Ug, codes, U)
    B = Ug.T @ Ug * G / (G - 1) * (n - 1) / (n - k)
    return Ainv @ B @ Ainv, "cluster-robust CR1 (vcovCL HC1)", G


def _tidy(names, kinds, est, se, level, n, method) -> pd.DataFrame:
    z = stats.norm.ppf(0.5 + level / 2)
    est = np.asarray(est, float)
    se = np.asarray(se, float)
    stat = est / se
    out = pd.DataFrame(
        {
            "term": names,
            "kind": kinds,
            "estimate": est,
            "se": se,
            "odds_ratio": np.exp(est),
            "ci_low": np.exp(est - z * se),
            "ci_high": np.exp(est + z * se),
            "statistic": stat,
            "p": 2 * stats.norm.sf(np.abs(stat)),
            "n": n,
            "method": method,
        },
        columns=COLUMNS,
    )
    return out
