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
    DesignError,
    ParameterError,
    check_ci,
    check_columns,
    warn_excluded,
)
from toolkit.survey._design import DesignColumns
from toolkit.survey._inputs import _problem, binary_values

__all__ = ["logit", "ordinal"]

COLUMNS = ["term", "kind", "estimate", "se", "odds_ratio", "ci_low", "ci_high", "statistic", "df", "p", "n", "method"]

_SE_NOTES = """
    Standard errors (``attrs["cov_type"]``):

    - no design column: model-based (inverse information), as R ``glm`` /
      ``MASS::polr``; intervals and p-values from the normal distribution
      (``statistic`` is :math:`z`, ``df`` is infinite);
    - any of ``weight``, ``strata``, ``cluster``, ``fpc``: design-based sandwich
      :math:`A^{-1} \\widehat V\\big(\\sum_i U_i\\big) A^{-1}`, :math:`A` the weighted
      information, :math:`U_i` the weighted scores (zero for rows left out of the
      model, which stay in the design) and :math:`\\widehat V` the Taylor-linearised
      variance of a total of :func:`toolkit.survey.prevalence` (strata, PSUs, fpc), as R
      ``svyglm`` / ``svyolr`` on ``svydesign(ids = ~cluster, strata = ~strata, fpc = ~fpc,
      weights = ~weight)``. ``statistic`` is :math:`t` on ``df`` degrees of freedom,
      R's ``df.residual``: ``degf(design) + 1 - p`` for ``logit`` (``svyglm``, p
      coefficients with the intercept) and ``degf(design) - p`` for ``ordinal``
      (``svyolr``, p coefficients without thresholds), ``degf`` counted on the rows used.
      With few PSUs (e.g. 15 forces as clusters) this matters: the t interval is much
      wider than the normal one.
"""


def logit(
    data: pd.DataFrame,
    formula: str,
    *,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
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
    weight, strata, cluster, fpc, lonely_psu, calibration
        The survey design, as in :func:`toolkit.survey.prevalence` (e.g.
        ``cluster="force"`` for respondents clustered in forces, as
        ``svydesign(ids = ~force)``).
    ci : float, default 0.95
        Confidence level (``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row per term: ``term`` (statsmodels' name, e.g. ``C(role)[T.2]``),
        ``kind`` (``"intercept"`` or ``"coefficient"``), ``estimate`` (log-odds),
        ``se`` (its standard error), ``odds_ratio`` (``exp(estimate)``), ``ci_low``,
        ``ci_high`` (interval of the **odds ratio**), ``statistic`` (z or t), ``df``
        (its degrees of freedom; ``inf`` for z), ``p``, ``n`` (respondents used),
        ``method``. ``attrs`` also holds ``ci``, ``cov_type``, ``design``,
        ``n_clusters`` (PSUs of the design), ``formula`` and ``loglik``.

    Notes
    -----
    :math:`\\mathrm{logit}\\,P(y_i = 1) = x_i^\\top \\beta`, fitted by (weighted)
    maximum likelihood with statsmodels ``GLM(family=Binomial())``; odds ratio
    :math:`e^{\\beta_j}` with interval :math:`e^{\\beta_j \\pm q\\,\\mathrm{se}_j}`, :math:`q`
    the normal or t quantile. Separation (a predictor level where everyone, or no one,
    has the outcome: fitted probabilities of 0 or 1 and diverging coefficients) raises
    :class:`~toolkit.errors.ConvergenceError` naming the terms; a predictor that is
    constant (e.g. a category with no respondents in the rows used) or collinear with
    others raises :class:`~toolkit.errors.DesignError` naming it.
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
    level = check_ci(ci, function="logit")
    outcome = _outcome_name(formula, data, function="logit")
    d = _prepare(data)
    design = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    ).build(d, function="logit")
    d[outcome] = binary_values(d, outcome, role="outcome")
    if d[outcome].dropna().nunique() < 2:
        raise _problem(
            outcome,
            sorted(d[outcome].dropna().unique()),
            "takes a single value",
            "both 0 and 1",
            "A model needs respondents with and without the outcome.",
        )
    try:
        m0 = smf.glm(formula, d, family=sm.families.Binomial())
    except Exception as exc:  # patsy / formulaic errors: name the formula
        raise ParameterError(f"The formula {formula!r} cannot be built from the data: {exc}") from exc
    rows = np.asarray(m0.data.row_labels)
    pos = d.index.get_indexer(rows)
    warn_excluded(
        len(d) - len(rows),
        "missing value in a model variable"
        + (" (kept in the design with zero contribution)" if design is not None else ""),
        function="logit",
        stacklevel=3,
    )
    X, y = np.asarray(m0.exog, dtype=float), np.asarray(m0.endog, dtype=float)
    names = list(m0.exog_names)
    w = None if design is None else design.weight[pos]
    used = np.ones(len(y), dtype=bool) if w is None else w > 0
    _check_rank(X[used], names, formula, function="logit")
    model = sm.GLM(y, X, family=sm.families.Binomial(), var_weights=w)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = model.fit(tol=1e-12, maxiter=200)
        except (RuntimeWarning, np.linalg.LinAlgError, ValueError) as exc:
            raise ConvergenceError(
                f"logit: the model {formula!r} could not be fitted ({exc}). Often a predictor "
                "level where everyone (or no one) has the outcome (separation): merge levels."
            ) from exc
    beta = np.asarray(res.params, dtype=float)
    mu = 1 / (1 + np.exp(-(X @ beta)))
    _check_separation(beta, mu[used], names, formula)
    if not res.converged:
        raise ConvergenceError(f"logit: the model {formula!r} did not converge; simplify it or merge rare levels.")
    ww = np.ones(len(y)) if w is None else w
    A = X.T @ (X * (ww * mu * (1 - mu))[:, None])
    U = X * (ww * (y - mu))[:, None]
    if design is None:
        V, cov_type, df, n_cl = np.linalg.inv(A), "model", np.inf, None
    else:
        V, df = _design_covariance(A, U, pos, design), _model_df(design, pos, used) + 1 - len(beta)
        cov_type, n_cl = f"design-based ({design.describe()}, as svyglm)", _n_psu(design)
    kinds = ["intercept" if t == "Intercept" else "coefficient" for t in names]
    out = _tidy(
        names,
        kinds,
        beta,
        np.sqrt(np.diag(V)),
        level,
        df,
        int(used.sum()),
        "logistic regression (statsmodels GLM Binomial)",
    )
    out.attrs.update(
        ci=level,
        cov_type=cov_type,
        n_clusters=n_cl,
        formula=formula,
        loglik=float(res.llf),
        outcome=outcome,
        design=design.describe() if design is not None else "simple random sample",
    )
    return out


def ordinal(
    data: pd.DataFrame,
    formula: str,
    *,
    weight: str | None = None,
    strata: str | None = None,
    cluster: str | tuple[str, str] | None = None,
    fpc: str | tuple[str, str] | None = None,
    lonely_psu: str = "fail",
    calibration: str | list[str] | None = None,
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
    weight, strata, cluster, fpc, lonely_psu, calibration, ci
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
    level = check_ci(ci, function="ordinal")
    if link not in ("logit", "probit"):
        raise ParameterError(
            f"The 'link' parameter of ordinal must be one of ['logit', 'probit']. Got {link!r} instead."
        )
    outcome = _outcome_name(formula, data, function="ordinal")
    d_all = _prepare(data)
    design = DesignColumns(
        weight=weight, strata=strata, cluster=cluster, fpc=fpc, lonely_psu=lonely_psu, calibration=calibration
    ).build(d_all, function="ordinal")
    d_all[outcome] = _ordered_outcome(d_all, outcome)
    miss = d_all[outcome].isna().to_numpy()
    d = d_all[~miss]
    try:
        m0 = OrderedModel.from_formula(formula, d, distr=link)
    except Exception as exc:
        raise ParameterError(f"The formula {formula!r} cannot be built from the data: {exc}") from exc
    rows = np.asarray(m0.data.row_labels)
    pos = d_all.index.get_indexer(rows)
    warn_excluded(
        int(miss.sum()) + len(d) - len(rows),
        "missing value in a model variable"
        + (" (kept in the design with zero contribution)" if design is not None else ""),
        function="ordinal",
        stacklevel=3,
    )
    k_x = m0.k_vars
    names_x = list(m0.exog_names[:k_x])
    labels = list(m0.labels)
    w = None if design is None else design.weight[pos]
    used = np.ones(len(rows), dtype=bool) if w is None else w > 0
    _check_rank(
        np.column_stack([np.ones(len(rows)), np.asarray(m0.exog, float)])[used],
        ["(thresholds)"] + names_x,
        formula,
        function="ordinal",
    )
    if w is None:
        model = m0
    else:
        model = _WeightedOrderedModel(
            pd.Series(pd.Categorical.from_codes(np.asarray(m0.endog, dtype=int), categories=labels, ordered=True)),
            pd.DataFrame(m0.exog, columns=names_x),
            case_weights=w,
            distr=link,
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
    if design is None:
        V_raw, cov_type, n_cl, df = np.linalg.inv(H), "model", None, np.inf
    else:
        U = model.score_obs(theta)
        V_raw = _design_covariance(H, U, pos, design)
        df = _model_df(design, pos, used) - k_x
        cov_type, n_cl = f"design-based ({design.describe()}, as svyolr)", _n_psu(design)
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
    out = _tidy(
        names_x + thr_names,
        kinds,
        est,
        np.sqrt(np.diag(V)),
        level,
        df,
        int(used.sum()),
        f"proportional-odds model, {link} link (statsmodels OrderedModel, Newton)",
    )
    out.attrs.update(
        ci=level,
        cov_type=cov_type,
        n_clusters=n_cl,
        formula=formula,
        loglik=float(res.llf),
        outcome=outcome,
        levels=[_label(v) for v in labels],
        design=design.describe() if design is not None else "simple random sample",
    )
    return out


logit.__doc__ = (logit.__doc__ or "").replace("    {SE_NOTES}\n", _SE_NOTES)
ordinal.__doc__ = (ordinal.__doc__ or "").replace("    {SE_NOTES}\n", _SE_NOTES)


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


def _outcome_name(formula, data, *, function: str) -> str:
    """The outcome's column name, after checking ``data`` and every formula variable."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {function} must be a pandas DataFrame with one row per "
            f"respondent. Got {type(data).__name__} instead."
        )
    if not isinstance(formula, str) or "~" not in formula:
        raise ParameterError(
            f"The 'formula' parameter must be a string like 'outcome ~ x1 + x2'. Got {formula!r} instead."
        )
    outcome = formula.split("~", 1)[0].strip()
    if outcome not in data.columns:
        check_columns(data, [outcome], argument="formula (left-hand side)")
    missing = [v for v in _formula_variables(formula) if v not in data.columns and v not in _KNOWN_NAMES]
    if missing:
        check_columns(data, missing, argument="formula")
    return outcome


# names a formula may use that are not columns: patsy's functions and contrasts, the
# modules and builtins visible where the model is built (np.log(x), abs(x), ...)
_KNOWN_NAMES = (
    frozenset(dir(builtins))
    | frozenset(globals())
    | {
        "C",
        "I",
        "Q",
        "center",
        "standardize",
        "scale",
        "bs",
        "cr",
        "cc",
        "te",
        "Treatment",
        "Sum",
        "Poly",
        "Diff",
        "Helmert",
    }
)


def _formula_variables(formula: str) -> list[str]:
    """Names a formula reads from the data, in order (``[]`` if patsy cannot parse it).

    Function names (``C``, ``np.log``) are skipped; ``Q("a b")`` gives ``"a b"``.

    >>> _formula_variables('y ~ C(role, Treatment(1)) * np.log(age) + Q("a b") - 1')
    ['y', 'role', 'age', 'a b']
    """
    try:
        from patsy import ModelDesc, PatsyError  # lazy: optional (statsmodels may build formulas without it)
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


def _prepare(data) -> pd.DataFrame:
    """Copy with a unique index and nullable numeric columns as float64."""
    if len(data) == 0:
        raise ParameterError("The model was given an empty data set (0 rows).")
    d = data.copy()
    if not d.index.is_unique:
        raise ParameterError("The data's index has duplicate labels; call data.reset_index(drop=True) first.")
    for col in d.columns:
        dt = d[col].dtype
        if (
            isinstance(dt, pd.api.extensions.ExtensionDtype)
            and not isinstance(dt, pd.CategoricalDtype)
            and (pd.api.types.is_numeric_dtype(dt) or pd.api.types.is_bool_dtype(dt))
        ):
            d[col] = d[col].to_numpy(dtype="float64", na_value=np.nan)
    return d


def _ordered_outcome(d, outcome) -> pd.Series:
    s = d[outcome]
    if isinstance(s.dtype, pd.CategoricalDtype):
        if not s.cat.ordered:
            raise _problem(
                outcome,
                list(s.cat.categories[:6]),
                "is an unordered Categorical",
                "an ordered Categorical or integer codes",
                "Read it through the dictionary (type likert/ordinal) or use s.cat.as_ordered().",
            )
        s = s.cat.remove_unused_categories()
    elif pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        vals = s.dropna()
        if not np.all(np.asarray(vals, float) == np.round(np.asarray(vals, float))):
            raise _problem(
                outcome,
                sorted(vals[vals != np.round(vals)].unique())[:5],
                "has non-integer values",
                "integer response codes",
                "An ordinal outcome takes whole-number codes (e.g. 1-5).",
            )
        s = pd.Series(pd.Categorical(s, categories=sorted(vals.unique()), ordered=True), index=s.index)
    else:
        raise _problem(
            outcome,
            list(pd.unique(s.dropna()))[:6],
            f"holds text (dtype {s.dtype})",
            "an ordered Categorical or integer codes",
            "Convert it, e.g. pd.Categorical(col, categories=[...in order...], ordered=True).",
        )
    n_levels = s.dropna().nunique()
    if n_levels < 3:
        raise _problem(
            outcome,
            list(s.cat.categories),
            f"has {n_levels} observed level(s)",
            "at least 3 ordered levels",
            "With two levels use toolkit.survey.logit.",
        )
    return s


def _design_covariance(A, U, pos, design) -> np.ndarray:
    """A^-1 V(sum U) A^-1 with the scores of the rows used placed among every row of the design."""
    Ainv = np.linalg.inv(A)
    full = np.zeros((design.n, U.shape[1]))
    full[pos] = U
    return Ainv @ design.variance(full) @ Ainv


def _model_df(design, pos, used) -> float:
    rows = np.zeros(design.n, dtype=bool)
    rows[pos[used]] = True
    return design.degf(rows)


def _n_psu(design) -> int:
    return int(len(np.unique(design.psu)))


def _check_rank(X, names, formula, *, function) -> None:
    """A constant (empty-category) or collinear predictor: a DesignError naming it."""
    if X.shape[0] == 0:
        raise DesignError(f"{function}: no row has every variable of {formula!r}.")
    const = (
        [names[j] for j in range(1, X.shape[1]) if np.ptp(X[:, j]) == 0]
        if names[0] in ("Intercept", "(thresholds)")
        else []
    )
    if const:
        raise DesignError(
            f"{function}: the term(s) {const} of {formula!r} take a single value in the rows used "
            "(a category with no respondents, or a constant predictor), so their effect cannot be "
            "estimated. Drop the term, merge the empty category with another, or remove unused "
            "categories (data[col].cat.remove_unused_categories())."
        )
    rank = np.linalg.matrix_rank(X)
    if rank < X.shape[1]:
        q, r = np.linalg.qr(X)
        tol = np.abs(np.diag(r)).max() * 1e-10 * max(X.shape)
        bad = [names[j] for j in np.flatnonzero(np.abs(np.diag(r)) <= tol)]
        raise DesignError(
            f"{function}: the predictors of {formula!r} are collinear: {bad or names[-1:]} "
            "is an exact combination of the other terms (e.g. two columns that say the same "
            "thing, or categories that add up to another column). Drop one of them."
        )


def _check_separation(beta, mu, names, formula) -> None:
    """Quasi-complete separation: fitted probabilities of 0 or 1 and diverging log-odds."""
    edge = (mu < 1e-8) | (mu > 1 - 1e-8)
    big = [names[j] for j in np.flatnonzero(np.abs(beta) > 15)]
    if edge.any() and big:
        raise ConvergenceError(
            f"logit: the model {formula!r} shows separation: {int(edge.sum())} respondent(s) have "
            f"a fitted probability of 0 or 1 and the log-odds of {big} diverge (odds ratios "
            "beyond 1e6 are not estimates). A predictor level has everyone (or no one) with the "
            "outcome: merge that level with another, drop the term, or use a penalised "
            "(Firth) model."
        )


def _tidy(names, kinds, est, se, level, df, n, method) -> pd.DataFrame:
    est = np.asarray(est, float)
    se = np.asarray(se, float)
    stat = est / se
    if np.isinf(df):
        z = stats.norm.ppf(0.5 + level / 2)
        p = 2 * stats.norm.sf(np.abs(stat))
    else:
        if not df >= 1:
            raise DesignError(
                f"The design leaves {df:g} degrees of freedom for {len(est)} parameters (PSUs minus "
                "strata, minus the parameters): too few to estimate standard errors. Simplify "
                "the model or use a design with more PSUs."
            )
        z = stats.t.ppf(0.5 + level / 2, df)
        p = 2 * stats.t.sf(np.abs(stat), df)
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
            "df": float(df),
            "p": p,
            "n": n,
            "method": method,
        },
        columns=COLUMNS,
    )
    return out
