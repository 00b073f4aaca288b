"""Interrupted time series: segmented regression with autocorrelation-robust errors.

One series (for example monthly reported incidents in the forces that launched a
reporting route), or a controlled ITS with a comparison series (forces that did not).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats
from scipy.optimize import minimize_scalar
from scipy.special import gammaln
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.stats.stattools import durbin_watson

from toolkit.errors import (
    ColumnNotFoundError,
    DesignError,
    ParameterError,
    check_choice,
    check_ci,
    check_columns,
)
from toolkit.evaluate._its_ar1 import ar1_glm_cov, ar1_reml

__all__ = ["its", "its_plot"]

FAMILIES = {"gaussian", "poisson", "negbin"}
SE_TYPES = {"ar1", "hac"}
SEASON_LENGTH = {"M": 12, "Q": 4, "W": 52.1775, "D": 365.25, "Y": 1}
TERMS = ["baseline", "pre_trend", "level_change", "slope_change"]
COLUMNS = [
    "term",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "statistic",
    "p",
    "ratio",
    "ratio_ci_low",
    "ratio_ci_high",
    "n",
    "method",
]


def _periods(values: pd.Series, column: str) -> pd.PeriodIndex:
    """Equally spaced periods from a date or period column, or a clear error."""
    if isinstance(values.dtype, pd.PeriodDtype):
        per = pd.PeriodIndex(values)
    elif pd.api.types.is_datetime64_any_dtype(values):
        per = None
        for freq in ("Y", "Q", "M", "W", "D"):
            cand = pd.PeriodIndex(values.dt.to_period(freq))
            if cand.is_unique:
                per = cand
                break
        if per is None:
            raise DesignError(
                f"The time column '{column}' repeats a date; expected one row per period "
                "(aggregate the series first, e.g. counts per month)."
            )
    else:
        example = values.dropna().iloc[0] if values.notna().any() else None
        raise DesignError(
            f"The time column '{column}' must hold dates or periods; found {values.dtype} values "
            f"such as {example!r}. Convert it, e.g. pd.to_datetime(data['{column}']) or "
            f"pd.PeriodIndex(data['{column}'], freq='M')."
        )
    if per.isna().any():
        raise DesignError(f"The time column '{column}' has missing values; every row needs a period.")
    if not per.is_unique:
        dup = per[per.duplicated()][0]
        raise DesignError(f"The time column '{column}' has period {dup} more than once; expected one row per period.")
    order = np.argsort(per.asi8)
    ords = per.asi8[order]
    gaps = np.flatnonzero(np.diff(ords) != 1)
    if len(gaps):
        a, b = per[order[gaps[0]]], per[order[gaps[0] + 1]]
        raise DesignError(
            f"Unequal spacing in the time column '{column}': {a} is followed by {b} "
            f"({len(gaps)} gap(s) in the {per.freqstr} series). Segmented regression needs "
            "every period: add the missing periods (with a count of 0 if none were reported)."
        )
    return per


def _design(per: pd.PeriodIndex, t0: pd.Period, seasonality, k):
    t = (per.asi8 - per.asi8.min()).astype(float)
    t_int = float(t0.ordinal - per.asi8.min())
    post = (t >= t_int).astype(float)
    cols = {"baseline": np.ones_like(t), "pre_trend": t, "level_change": post, "slope_change": post * (t - t_int)}
    base = per.freqstr.split("-")[0][0] if per.freqstr else "M"
    s = SEASON_LENGTH.get(base, 12)
    if seasonality == "fourier":
        for j in range(1, k + 1):
            cols[f"sin{j}"] = np.sin(2 * np.pi * j * per.asi8 / s)
            cols[f"cos{j}"] = np.cos(2 * np.pi * j * per.asi8 / s)
    elif seasonality == "month":
        if base not in ("M", "Q"):
            raise DesignError(
                f"seasonality='month' needs a monthly or quarterly series; this one is {per.freqstr}. "
                "Use seasonality='fourier'."
            )
        season = np.mod(per.asi8, int(s))
        for m in range(1, int(s)):
            cols[f"season{m + 1}"] = (season == m).astype(float)
    return pd.DataFrame(cols), t_int, s


def _newey_west(scores_by_time: np.ndarray, lags: int) -> np.ndarray:
    """Bartlett-kernel long-run covariance of time-ordered score sums (Newey-West)."""
    S = scores_by_time
    omega = S.T @ S
    for lag in range(1, lags + 1):
        w = 1 - lag / (lags + 1)
        gam = S[lag:].T @ S[:-lag]
        omega += w * (gam + gam.T)
    return omega


def _theta_ml(y, mu) -> float:
    """Maximum-likelihood NB2 shape theta given the means (as MASS::theta.ml)."""
    const = np.sum(gammaln(y + 1))

    def nll(log_theta):
        th = np.exp(log_theta)
        return -(
            np.sum(gammaln(th + y) + th * np.log(th / (th + mu)) + y * np.log(mu / (th + mu)))
            - len(y) * gammaln(th)
            - const
        )

    res = minimize_scalar(nll, bounds=(-10, 20), method="bounded", options={"xatol": 1e-12})
    return float(np.exp(res.x))


def _deviance(y, mu, alpha) -> float:
    """GLM deviance of a log-linear count model: Poisson (alpha 0) or NB2 with dispersion alpha."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ylogy = np.where(y > 0, y * np.log(y / mu), 0.0)
    if alpha == 0:
        return float(2 * np.sum(ylogy - (y - mu)))
    return float(2 * np.sum(ylogy - (y + 1 / alpha) * np.log((1 + alpha * y) / (1 + alpha * mu))))


def _glm_log(y, X, log_off, alpha: float = 0.0, start=None, *, tol: float = 1e-12, maxiter: int = 200):
    """Maximum likelihood of a log-link Poisson (alpha 0) or NB2 GLM by IRLS.

    The same iterations and stopping rule as statsmodels ``GLM.fit(tol=1e-12)`` (relative and
    absolute change of the deviance), without its per-iteration bookkeeping: a series of a few
    hundred periods costs microseconds per step. Returns ``(beta, mu)``.
    """
    off = 0.0 if log_off is None else log_off
    if start is None:
        mu = (y + y.mean()) / 2  # statsmodels' starting values
        eta = np.log(mu)
    else:
        eta = X @ start + off
        mu = np.exp(eta)
    dev = _deviance(y, mu, alpha) if start is not None else np.inf
    beta = start
    for _ in range(maxiter):
        w = mu / (1 + alpha * mu)
        z = eta - off + (y - mu) / mu
        xtw = X.T * w
        beta = np.linalg.solve(xtw @ X, xtw @ z)
        eta = X @ beta + off
        mu = np.exp(eta)
        new = _deviance(y, mu, alpha)
        if abs(new - dev) <= tol + tol * abs(new):
            break
        dev = new
    return beta, mu


def _negbin_alpha(y, X, log_off):
    """Alternate GLM fits and the ML dispersion until both settle (MASS::glm.nb's scheme).

    Returns the dispersion alpha = 1 / theta and the last coefficients (a warm start)."""
    params, mu = _glm_log(y, X, log_off)
    theta = _theta_ml(y, mu)
    for _ in range(100):
        if theta > np.exp(19):  # no overdispersion: theta runs off to its bound, alpha -> 0
            break
        # warm start from the previous fit: a few IRLS steps instead of a fresh fit
        previous = params
        params, mu = _glm_log(y, X, log_off, 1 / theta, start=previous)
        new = _theta_ml(y, mu)
        # settled when theta stops moving, or (large theta, flat likelihood: theta then jitters
        # in its last digits) when the coefficients no longer change
        converged = (
            abs(new - theta) <= 1e-10 * max(1.0, theta)
            or np.max(np.abs(params - previous) / np.maximum(1.0, np.abs(previous))) <= 1e-8
        )
        theta = new
        if converged:
            break
    if theta > np.exp(19):
        warnings.warn(
            "its(family='negbin'): no overdispersion found (theta at its bound); the Poisson model fits as well.",
            UserWarning,
            stacklevel=4,  # the line of its() that fits
        )
    return 1 / theta, params


def _fit(y, X, family, offset):
    """Maximum-likelihood fit; returns coefficients, mean, bread and score weights."""
    log_off = np.log(offset) if offset is not None else None
    alpha = np.nan
    if family == "gaussian":
        beta, *_ = np.linalg.lstsq(X, y, rcond=None)
        mu = X @ beta
        w_info, w_score = np.ones_like(y), np.ones_like(y)
    else:
        if family == "negbin":
            alpha, start = _negbin_alpha(y, X, log_off)
            beta, mu = _glm_log(y, X, log_off, alpha, start=start)
            w_info = mu / (1 + alpha * mu)
            w_score = 1 / (1 + alpha * mu)
        else:
            beta, mu = _glm_log(y, X, log_off)
            w_info, w_score = mu, np.ones_like(mu)
    bread = np.linalg.inv((X * w_info[:, None]).T @ X)
    return beta, mu, bread, w_score, alpha


@dataclass(frozen=True)
class _Model:
    """What :func:`its` fits, as the caller asked (checked): the model's half of the method."""

    family: str
    seasonality: str | None
    k: int
    offset: str | None
    comparison: bool
    se_type: str
    small_sample: bool


@dataclass(frozen=True)
class _Inference:
    """What the fit found that the method sentence reports."""

    rho: float  # REML AR(1) coefficient (NaN with se="hac")
    dispersion: float  # REML AR(1) error variance (NaN with se="hac")
    df: int  # residual degrees of freedom, n - k
    lags: int  # Newey-West lags


@dataclass(frozen=True)
class _Series:
    """The series stacked for one fit: intervention series first, then the comparison."""

    rows: list[np.ndarray]  # boolean row masks of ``data``, one per series
    periods: list[pd.PeriodIndex]  # the periods of each series, in row order
    t0: pd.Period  # the first period after the intervention


@dataclass(frozen=True)
class _Design:
    """The stacked regression: design matrix, outcome, offset and period codes."""

    columns: list[str]
    X: np.ndarray
    y: np.ndarray
    offset: np.ndarray | None
    tcode: np.ndarray  # period of each row, 0 = the first period
    ys: list[np.ndarray]  # outcome of each series
    offsets: list[np.ndarray]  # offset of each series (empty without an offset)
    tcodes: list[np.ndarray]  # period codes of each series
    season: float  # periods per year
    n_periods: int


@dataclass(frozen=True)
class _Estimates:
    """Coefficients, fitted means, their covariance and the reference distribution."""

    beta: np.ndarray
    mu: np.ndarray
    V: np.ndarray
    dist: object  # scipy frozen distribution: t(n - k) or the normal
    alpha: float  # NB dispersion (NaN for the other families)
    inference: _Inference


def _method_text(model: _Model, inference: _Inference) -> str:
    """The ``method`` column of :func:`its`: model, then errors and reference distribution."""
    names = {"gaussian": "linear", "poisson": "Poisson log-linear", "negbin": "negative binomial (NB2) log-linear"}
    text = ("controlled " if model.comparison else "") + f"ITS, {names[model.family]} segmented regression"
    if model.offset:
        text += f", offset log({model.offset})"
    if model.seasonality == "fourier":
        text += f", seasonality fourier (k={model.k})"
    elif model.seasonality:
        text += f", seasonality {model.seasonality}"
    df = inference.df
    if model.se_type == "ar1":
        if model.family == "gaussian":
            fit = "), GLS"
        else:
            fit = f", dispersion {inference.dispersion:.2f}) on the working regression"
        return text + f"; AR(1) errors by REML (rho = {inference.rho:.2f}{fit}, t({df})"
    text += f"; Newey-West se, {inference.lags} lag(s)"
    if model.comparison:
        text += " (Driscoll-Kraay over series)"
    return text + (f", n/(n-k) factor and t({df})" if model.small_sample else ", normal quantiles")


def _check_arguments(data, *, family, seasonality, k, se, ci, comparison, lags, outcome, time, offset):
    """Check the arguments of :func:`its`; return the confidence level and the error model."""
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of its must be a pandas DataFrame. Got {type(data).__name__} instead."
        )
    check_choice(family, FAMILIES, argument="family", function="its")
    if seasonality is not None:
        check_choice(seasonality, {"fourier", "month"}, argument="seasonality", function="its")
    if not (isinstance(k, (int, np.integer)) and k >= 1):
        raise ParameterError(f"The 'k' parameter of its must be a whole number >= 1. Got {k!r} instead.")
    if se is not None:
        check_choice(se, SE_TYPES, argument="se", function="its")
    level = check_ci(ci, function="its")
    se_type = se if se is not None else ("hac" if comparison is not None else "ar1")
    if se_type == "ar1" and comparison is not None:
        raise ParameterError(
            "The 'se' parameter of its: se='ar1' models one series; with a comparison series use "
            "se='hac' (Driscoll-Kraay errors over both series) or analyse each series alone."
        )
    if lags is not None and not (isinstance(lags, (int, np.integer)) and lags >= 0):
        raise ParameterError(f"The 'lags' parameter of its must be a whole number >= 0 or None. Got {lags!r} instead.")
    check_columns(data, [outcome], argument="outcome")
    check_columns(data, [time], argument="time")
    if offset is not None:
        check_columns(data, [offset], argument="offset")
        if family == "gaussian":
            raise ParameterError(
                "The 'offset' parameter of its applies to count families ('poisson', 'negbin'); "
                "for a gaussian model divide the outcome by the denominator first."
            )
    if comparison is not None:
        check_columns(data, [comparison], argument="comparison")
    return level, se_type


def _check_outcome(data: pd.DataFrame, outcome: str, family: str, offset: str | None) -> None:
    """The outcome is numeric and complete (whole counts for count families); the offset positive."""
    y_all = data[outcome]
    if not pd.api.types.is_numeric_dtype(y_all) or pd.api.types.is_bool_dtype(y_all):
        raise DesignError(f"The outcome column '{outcome}' must be numeric; found {y_all.dtype}.")
    if y_all.isna().any():
        raise DesignError(
            f"The outcome column '{outcome}' has {int(y_all.isna().sum())} missing value(s); a time "
            "series needs a value for every period (0 if nothing was reported)."
        )
    if family != "gaussian" and ((y_all < 0).any() or (np.mod(y_all, 1) != 0).any()):
        raise DesignError(f"family='{family}' needs counts (whole numbers >= 0) in '{outcome}'.")
    if offset is not None and not (data[offset] > 0).all():
        raise DesignError(f"The offset column '{offset}' must be > 0 in every row (it is a denominator).")


def _series(data: pd.DataFrame, *, time: str, intervention, comparison: str | None) -> _Series:
    """The rows and periods of each series and the intervention period, with at least 3
    periods on each side."""
    if comparison is None:
        rows = [np.ones(len(data), bool)]
    else:
        flag = data[comparison]
        if not (pd.api.types.is_bool_dtype(flag) or set(pd.unique(flag)) <= {0, 1}):
            raise DesignError(f"The comparison column '{comparison}' must be True/False (or 1/0).")
        flag = flag.astype(bool).to_numpy()
        if flag.all() or not flag.any():
            raise DesignError(f"The comparison column '{comparison}' must mark some rows, not all or none.")
        rows = [~flag, flag]
    periods = [_periods(data.loc[g, time], time) for g in rows]
    if len(periods) == 2 and not periods[0].sort_values().equals(periods[1].sort_values()):
        raise DesignError("The intervention and comparison series must cover the same periods.")
    per_all = periods[0]
    try:
        t0 = pd.Period(intervention, freq=per_all.freq)
    except (ValueError, TypeError) as exc:
        raise ParameterError(
            f"The 'intervention' parameter of its must be a date or period. Got {intervention!r} ({exc})."
        ) from None
    n_pre = int((per_all < t0).sum())
    n_post = int((per_all >= t0).sum())
    if n_pre < 3 or n_post < 3:
        raise DesignError(
            f"The intervention {t0} leaves {n_pre} period(s) before and {n_post} after in '{time}'; "
            "segmented regression needs at least 3 on each side (ideally 8 or more)."
        )
    return _Series(rows=rows, periods=periods, t0=t0)


def _check_change(data: pd.DataFrame, series: _Series, *, outcome: str, family: str) -> None:
    """Every series varies, and (count families) has a report before and from the intervention."""
    t0, n_series = series.t0, len(series.rows)
    for gi, (g, p_idx) in enumerate(zip(series.rows, series.periods)):
        name = "the comparison series" if gi == 1 else ("the intervention series" if n_series == 2 else "the series")
        y_g = data.loc[g, outcome].to_numpy(float)
        if np.ptp(y_g) == 0:
            raise DesignError(
                f"The outcome '{outcome}' is {y_g[0]:g} in every period of {name} ({len(y_g)} periods): "
                "there is no change to model. Check that the right column is named and that the "
                "counts were aggregated correctly."
            )
        if family != "gaussian":
            before = np.asarray(p_idx < t0)
            for side, mask in (("before", before), ("from", ~before)):
                if not y_g[mask].any():
                    raise DesignError(
                        f"The outcome '{outcome}' is 0 in every period {side} the intervention {t0} in "
                        f"{name}: a log-linear ({family}) model then has an infinite level change. "
                        "Check the series, or widen the window to periods with reports."
                    )


def _stacked_design(data: pd.DataFrame, series: _Series, *, outcome, offset, seasonality, k) -> _Design:
    """Segmented-regression design of each series, stacked; with a comparison series the
    intervention series' terms get interactions (``x_<term>``)."""
    blocks, ys, tcodes = [], [], []
    offs: list[np.ndarray] = []  # the offset column of each series, when there is one
    start = series.periods[0].asi8.min()
    two = len(series.rows) == 2
    s = 12.0
    for gi, (g, p_idx) in enumerate(zip(series.rows, series.periods)):
        Xg, _t_int, s = _design(p_idx, series.t0, seasonality, k)
        if two:
            treated = float(gi == 0)
            for term in TERMS:
                Xg[f"x_{term}"] = Xg[term] * treated
        blocks.append(Xg)
        ys.append(data.loc[g, outcome].to_numpy(float))
        if offset:
            offs.append(data.loc[g, offset].to_numpy(float))
        tcodes.append(p_idx.asi8 - start)
    Xdf = pd.concat(blocks, ignore_index=True)
    return _Design(
        columns=list(Xdf.columns),
        X=Xdf.to_numpy(float),
        y=np.concatenate(ys),
        offset=np.concatenate(offs) if offset else None,
        tcode=np.concatenate(tcodes),
        ys=ys,
        offsets=offs,
        tcodes=tcodes,
        season=s,
        n_periods=len(series.periods[0]),
    )


def _estimate(design: _Design, *, family: str, se_type: str, lags: int, small_sample: bool) -> _Estimates:
    """Maximum-likelihood (or GLS) coefficients with AR(1) or Newey-West covariance."""
    X, y = design.X, design.y
    beta, mu, bread, w_score, alpha = _fit(y, X, family, design.offset)
    n_obs, n_par = X.shape
    rho = dispersion = np.nan
    if se_type == "ar1":
        order0 = np.argsort(design.tcode)
        if family == "gaussian":
            ar = ar1_reml(y[order0], X[order0])
            beta = ar.beta
            mu = X @ beta
        else:
            w_info = (mu / (1 + alpha * mu)) if family == "negbin" else mu
            ar = ar1_glm_cov(y[order0], X[order0], beta, mu[order0], w_info[order0])
        V, rho, dispersion = ar.cov, ar.rho, ar.sigma2
        dist = stats.t(n_obs - n_par)
    else:
        scores = X * ((y - mu) * w_score)[:, None]
        S = np.zeros((design.n_periods, X.shape[1]))
        np.add.at(S, design.tcode, scores)
        V = bread @ _newey_west(S, lags) @ bread
        if small_sample:
            V = V * n_obs / (n_obs - n_par)
            dist = stats.t(n_obs - n_par)
        else:
            dist = stats.norm()
    inference = _Inference(rho=rho, dispersion=dispersion, df=n_obs - n_par, lags=lags)
    return _Estimates(beta=beta, mu=mu, V=V, dist=dist, alpha=alpha, inference=inference)


def _coefficients(design: _Design, fit: _Estimates, *, family: str, level: float, method: str) -> pd.DataFrame:
    """The coefficient table: the four segmented-regression terms (and, with a comparison
    series, the comparison's own level and slope changes) on the link and ratio scales."""
    if len(design.ys) == 2:
        report = {f"x_{t}": t for t in TERMS}
        report.update({"level_change": "comparison_level_change", "slope_change": "comparison_slope_change"})
    else:
        report = {t: t for t in TERMS}
    se_beta = np.sqrt(np.diag(fit.V))  # not `se`: that is the argument naming the error model
    dist = fit.dist
    q = dist.ppf(0.5 + level / 2)  # type: ignore[attr-defined]
    rows = []
    for col, term in report.items():
        j = design.columns.index(col)
        est, s_ = float(fit.beta[j]), float(se_beta[j])
        z = est / s_ if s_ > 0 else np.nan
        lo, hi = est - q * s_, est + q * s_
        ratio = (np.exp(est), np.exp(lo), np.exp(hi)) if family != "gaussian" else (np.nan,) * 3
        p = float(2 * dist.sf(abs(z)))  # type: ignore[attr-defined]
        rows.append([term, est, s_, lo, hi, z, p, *ratio, design.n_periods, method])
    return pd.DataFrame(rows, columns=COLUMNS)


def _diagnostics(design: _Design, fit: _Estimates, *, family: str) -> dict[str, float]:
    """Durbin-Watson and Ljung-Box Q (one seasonal cycle, at most n/4 lags) on the (Pearson)
    residuals of the intervention series, in time order."""
    mu, alpha, s = fit.mu, fit.alpha, design.season
    var = {"gaussian": np.ones_like(mu), "poisson": mu, "negbin": mu + alpha * mu**2}[family]
    resid = (design.y - mu) / np.sqrt(var)
    r0 = resid[: len(design.ys[0])][np.argsort(design.tcodes[0])]
    lb_lag = int(min(s if s > 1 else 4, max(1, design.n_periods // 4)))
    lb = acorr_ljungbox(r0, lags=[lb_lag])
    return {
        "durbin_watson": float(durbin_watson(r0)),
        "ljung_box_stat": float(lb["lb_stat"].iloc[0]),
        "ljung_box_lag": float(lb_lag),
        "ljung_box_p": float(lb["lb_pvalue"].iloc[0]),
    }


def _fitted_table(design: _Design, fit: _Estimates, series: _Series, *, family, outcome, offset, per) -> pd.DataFrame:
    """Observed, fitted and counterfactual (no intervention) values per period of the
    intervention series (rates per ``per`` with an offset), and the comparison series."""
    order = np.argsort(design.tcodes[0])
    X0 = design.X[: len(design.ys[0])][order]
    Xcf = X0.copy()
    for col in ("level_change", "slope_change") if len(design.ys) == 1 else ("x_level_change", "x_slope_change"):
        Xcf[:, design.columns.index(col)] = 0.0
    lin, lin_cf = X0 @ fit.beta, Xcf @ fit.beta
    if family != "gaussian":
        lin, lin_cf = np.exp(lin), np.exp(lin_cf)
    observed = design.ys[0][order]
    if offset:
        observed = observed / design.offsets[0][order] * per
        lin, lin_cf = lin * per, lin_cf * per  # offset excluded above, so these are rates
    periods = series.periods[0][order]
    fitted = pd.DataFrame(
        {"time": periods, "observed": observed, "fitted": lin, "counterfactual": lin_cf, "post": (periods >= series.t0)}
    )
    if len(design.ys) == 2:
        order1 = np.argsort(design.tcodes[1])
        comp = design.ys[1][order1]
        if offset:
            comp = comp / design.offsets[1][order1] * per
        fitted["comparison"] = comp
    fitted.attrs = {"outcome": outcome + (f" per {per:g} ({offset})" if offset else "")}
    return fitted


def its(
    data: pd.DataFrame,
    *,
    outcome: str,
    time: str,
    intervention,
    family: str = "gaussian",
    seasonality: str | None = None,
    k: int = 2,
    offset: str | None = None,
    comparison: str | None = None,
    lags: int | None = None,
    per: float = 1000.0,
    small_sample: bool = True,
    se: str | None = None,
    ci: float = 0.95,
    return_fitted: bool = False,
):
    """Interrupted time series by segmented regression with AR(1) or Newey-West errors.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per period (and per series with ``comparison``).
    outcome : str
        Numeric outcome: a mean or rate (``family="gaussian"``) or a count.
    time : str
        Column of dates or pandas Periods, equally spaced with no gaps (monthly,
        quarterly, weekly or daily). Dates are read at the coarsest frequency at which
        they are distinct.
    intervention : str, date or Period
        First period after the intervention (e.g. ``"2023-01"``).
    family : {"gaussian", "poisson", "negbin"}
        Linear model, Poisson or negative binomial (NB2) log-linear model for counts.
    seasonality : {None, "fourier", "month"}
        ``"fourier"``: ``k`` sine-cosine pairs with the yearly period; ``"month"``:
        month (or quarter) dummies.
    k : int
        Number of Fourier pairs.
    offset : str, optional
        Exposure column for counts (e.g. headcount): the model is then for the rate
        ``outcome / offset``; the fitted table reports it per ``per`` (1,000).
    comparison : str, optional
        Boolean column, True on rows of a comparison series (controlled ITS). Both
        series need the same periods; level and slope changes are then relative to the
        comparison series.
    lags : int, optional
        Newey-West lags (``se="hac"``). Default ``floor(4 (n / 100) ** (2/9))`` (Newey & West 1994
        rule of thumb), n the number of periods.
    per : float
        Rate multiplier of the fitted table when ``offset`` is given.
    small_sample : bool
        With ``se="hac"``: multiply the variance by n / (n - k) and use t with n - k
        degrees of freedom (as Stata ``newey``; R ``NeweyWest(adjust = TRUE)``); ``False``
        gives the asymptotic version with normal quantiles.
    se : {None, "ar1", "hac"}
        ``"ar1"``: errors follow a first-order autoregression fitted by REML (see Notes);
        ``"hac"``: Newey-West (Driscoll-Kraay with a comparison series). Default ``None``:
        ``"ar1"`` for one series, ``"hac"`` with ``comparison`` (``"ar1"`` is not available
        there). Newey-West intervals are too narrow in series of a few years (Notes).
    ci : float
        Confidence level (``attrs["ci"]``).
    return_fitted : bool
        Also return the table of observed, fitted and counterfactual values per period
        (for :func:`its_plot`).

    Returns
    -------
    pandas.DataFrame, or (pandas.DataFrame, pandas.DataFrame) with ``return_fitted``
        Rows ``baseline`` (level at the first period), ``pre_trend`` (change per period
        before), ``level_change`` (step at the intervention), ``slope_change`` (change of
        the trend after); with ``comparison`` these are differences intervention minus
        comparison and two rows ``comparison_level_change``, ``comparison_slope_change``
        follow. Columns ``term``, ``estimate`` (link scale: identity or log; the GLS
        estimate for gaussian with ``se="ar1"``), ``se`` (AR(1) or Newey-West),
        ``ci_low``, ``ci_high``, ``statistic`` (t with n - k df, or z with ``se="hac"`` and
        ``small_sample=False``), ``p``,
        ``ratio``, ``ratio_ci_low``, ``ratio_ci_high`` (exp of the estimate and CI: rate
        ratios for counts; missing for gaussian), ``n`` (periods), ``method``.
        ``attrs`` (scalars only): ``ci``, ``intervention`` (the first period after, as
        text), ``durbin_watson``, ``ljung_box_stat``, ``ljung_box_lag``, ``ljung_box_p``
        (Ljung-Box Q, its lag and p), ``hac_lags`` (the rule's value; used by
        ``se="hac"``), ``nb_alpha`` (NB dispersion), ``ar1_rho`` and ``ar1_dispersion``
        (REML AR(1) coefficient and error variance, missing with ``se="hac"``).

        With ``return_fitted`` a second table, one row per period of the intervention
        series: ``time`` (Period), ``observed``, ``fitted``, ``counterfactual`` (no
        intervention; rates per ``per`` with an offset), ``post`` (bool), and
        ``comparison`` (the comparison series' observed values) with ``comparison``;
        its ``attrs["outcome"]`` is the axis label used by :func:`its_plot`.

    Raises
    ------
    toolkit.errors.DesignError
        Time column not dates / periods, gaps or repeated periods (unequal spacing),
        fewer than 3 periods before or after the intervention.

    Notes
    -----
    :math:`g(E[y_t]) = \\beta_0 + \\beta_1 t + \\beta_2 P_t + \\beta_3 (t - t_0) P_t + s(t)
    [+ \\log(\\text{offset}_t)]`, :math:`P_t = 1\\{t \\ge t_0\\}`.

    ``se="ar1"``, gaussian: :math:`y = X\\beta + u`, :math:`u_t = \\rho u_{t-1} + e_t`,
    :math:`\\operatorname{Var}(u) = \\sigma^2 R`, :math:`R_{st} = \\rho^{|s-t|}`; :math:`\\rho`
    maximises the restricted likelihood
    :math:`-\\tfrac12[(n-k)\\log \\mathrm{RSS}_\\rho + \\log|R| + \\log|X'R^{-1}X|]`,
    :math:`\\hat\\beta = (X'R^{-1}X)^{-1}X'R^{-1}y`, :math:`\\hat\\sigma^2 = \\mathrm{RSS}/(n-k)`,
    :math:`V = \\hat\\sigma^2 (X'R^{-1}X)^{-1}` (equals R ``nlme::gls(y ~ ...,
    correlation = corAR1(), method = "REML")``). Counts keep their maximum-likelihood
    :math:`\\hat\\beta`; their working regression at convergence,
    :math:`W^{1/2}z = W^{1/2}X\\beta + e`, :math:`z = X\\hat\\beta + (y - \\mu)/\\mu`, :math:`W` the
    IRLS weights (:math:`\\mu`, or :math:`\\mu/(1+\\alpha\\mu)` for NB2), gets AR(1) errors
    :math:`\\phi R` fitted by the same REML, and
    :math:`V = B X'W^{1/2}(\\hat\\phi R)W^{1/2}X B`, :math:`B = (X'WX)^{-1}`: the variance of
    the GLM estimating equations under a latent autocorrelated process (Zeger 1988), with a
    free dispersion :math:`\\phi` (quasi-likelihood; 1 if the model's variance is right).
    Intervals use t with n - k df. A GEE with an AR(1) working correlation is not used: its
    robust variance needs many independent series.

    ``se="hac"``: variance
    :math:`B \\hat\\Omega B` with :math:`B` the inverse expected information and
    :math:`\\hat\\Omega = \\sum_{|l| \\le L} (1 - |l|/(L+1)) \\Gamma_l` the Bartlett-kernel
    sum of score autocovariances, times n / (n - k) with ``small_sample`` (no prewhitening;
    equals R ``sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = small_sample)``). With a
    comparison series the scores are summed per period first (Driscoll & Kraay 1998;
    R ``sandwich::vcovPL``). Residual autocorrelation is checked on the (Pearson)
    residuals with the Durbin-Watson statistic and the Ljung-Box Q test at one seasonal
    cycle (12 months, 4 quarters; at most n/4 lags).

    Coverage of nominal 95% intervals for the level / slope change, 48 monthly periods,
    change at month 25, 400 simulated series each (``tests/reference/evaluate_its_coverage.py``):

    ============================================  =============  ============
    series                                        ``se="ar1"``   ``se="hac"``
    ============================================  =============  ============
    gaussian, independent errors                  0.94 / 0.93    0.88 / 0.88
    gaussian, AR(1) errors, rho = 0.4             0.94 / 0.93    0.80 / 0.78
    gaussian, AR(1) errors, rho = 0.7             0.93 / 0.87    0.72 / 0.62
    Poisson, independent                          0.96 / 0.94    0.90 / 0.84
    Poisson, log-normal AR(1) latent, rho = 0.4   0.93 / 0.93    0.86 / 0.83
    negative binomial, demo-study generator       0.94 / 0.92    0.87 / 0.84
    ============================================  =============  ============

    Newey-West with 3 lags in 48 periods is too narrow even with no autocorrelation: the
    HAC variance of the level and slope terms is biased down (residuals fitted with
    high-leverage step and trend regressors, truncated and down-weighted autocovariances)
    and noisy, and t quantiles do not allow for that noise (Kiefer & Vogelsang 2005). The
    AR(1) model estimates one correlation parameter by REML instead (REML, as recommended
    by Turner et al. 2021). Strong autocorrelation (rho near 0.7 or above) still narrows
    its interval for the slope change: rho is estimated with downward bias in short series.

    References
    ----------
    Turner, S. L., Forbes, A. B., Karahalios, A., Taljaard, M., & McKenzie, J. E. (2021).
    Evaluation of statistical methods used in the analysis of interrupted time series
    studies: a simulation study. BMC Medical Research Methodology, 21, 181.
    Kiefer, N. M., & Vogelsang, T. J. (2005). A new asymptotic theory for
    heteroskedasticity-autocorrelation robust tests. Econometric Theory, 21(6), 1130-1164.
    Zeger, S. L. (1988). A regression model for time series of counts. Biometrika, 75(4),
    621-629.
    Pinheiro, J. C., & Bates, D. M. (2000). Mixed-Effects Models in S and S-PLUS
    (section 5.3, corAR1). Springer.
    Bernal, J. L., Cummins, S., & Gasparrini, A. (2017). Interrupted time series
    regression for the evaluation of public health interventions: a tutorial.
    International Journal of Epidemiology, 46(1), 348-355.
    Newey, W. K., & West, K. D. (1987). A simple, positive semi-definite,
    heteroskedasticity and autocorrelation consistent covariance matrix. Econometrica,
    55(3), 703-708.
    Linden, A. (2015). Conducting interrupted time-series analysis for single- and
    multiple-group comparisons. Stata Journal, 15(2), 480-500.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.synth.evaluate import make_incidents
    >>> inc = make_incidents(seed=1)
    >>> monthly = (inc.assign(month=pd.PeriodIndex(inc["date"], freq="M"))
    ...            .groupby("month").size().rename("incidents").reset_index())
    >>> res = its(monthly, outcome="incidents", time="month", intervention="2023-01", family="poisson")
    >>> res["term"].tolist()
    ['baseline', 'pre_trend', 'level_change', 'slope_change']
    >>> res["method"].str.contains("AR(1) errors by REML", regex=False).all()  # se="ar1", the default
    np.True_
    >>> round(res.attrs["hac_lags"])
    3
    """
    level, se_type = _check_arguments(
        data,
        family=family,
        seasonality=seasonality,
        k=k,
        se=se,
        ci=ci,
        comparison=comparison,
        lags=lags,
        outcome=outcome,
        time=time,
        offset=offset,
    )
    _check_outcome(data, outcome, family, offset)
    series = _series(data, time=time, intervention=intervention, comparison=comparison)
    _check_change(data, series, outcome=outcome, family=family)
    design = _stacked_design(data, series, outcome=outcome, offset=offset, seasonality=seasonality, k=k)
    n_lags = int(np.floor(4 * (design.n_periods / 100) ** (2 / 9))) if lags is None else int(lags)
    fit = _estimate(design, family=family, se_type=se_type, lags=n_lags, small_sample=small_sample)
    model = _Model(
        family=family,
        seasonality=seasonality,
        k=k,
        offset=offset,
        comparison=comparison is not None,
        se_type=se_type,
        small_sample=small_sample,
    )
    out = _coefficients(design, fit, family=family, level=level, method=_method_text(model, fit.inference))
    out.attrs = {
        "ci": level,
        "intervention": str(series.t0),
        **_diagnostics(design, fit, family=family),
        "hac_lags": float(n_lags),
        "nb_alpha": float(fit.alpha),
        "ar1_rho": float(fit.inference.rho),
        "ar1_dispersion": float(fit.inference.dispersion),
    }
    if not return_fitted:
        return out
    return out, _fitted_table(design, fit, series, family=family, outcome=outcome, offset=offset, per=per)


def its_plot(fitted: pd.DataFrame, *, ax=None, title: str | None = None):
    """Observed series, fitted segments and the counterfactual trend without intervention.

    Parameters
    ----------
    fitted : pandas.DataFrame
        The fitted table of :func:`its` (``its(..., return_fitted=True)[1]``): columns
        ``time``, ``observed``, ``fitted``, ``counterfactual``, ``post`` and optionally
        ``comparison``.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.synth.evaluate import make_incidents
    >>> inc = make_incidents(seed=1)
    >>> monthly = (inc.assign(month=pd.PeriodIndex(inc["date"], freq="M"))
    ...            .groupby("month").size().rename("incidents").reset_index())
    >>> res, fitted = its(monthly, outcome="incidents", time="month", intervention="2023-01",
    ...                   family="poisson", return_fitted=True)
    >>> len(its_plot(fitted).axes)
    1
    """
    # lazy: pyplot starts a plotting backend; only drawing needs it
    import matplotlib.pyplot as plt

    needs = "the fitted table of its() (call its(..., return_fitted=True) and pass its second item)"
    if not isinstance(fitted, pd.DataFrame):
        raise ParameterError(
            f"The 'fitted' parameter of its_plot must be {needs}. Got {type(fitted).__name__} instead."
        )
    lacks = [c for c in ("time", "observed", "fitted", "counterfactual", "post") if c not in fitted.columns]
    if lacks:
        hint = (
            (" This looks like the coefficient table: call its(..., return_fitted=True) and pass the second table.")
            if "term" in fitted.columns
            else " Pass that table unchanged."
        )
        raise ColumnNotFoundError(
            f"The 'fitted' table given to its_plot lacks column(s) {lacks}; it has "
            f"{list(map(str, fitted.columns))[:30]}. Expected {needs}.{hint}"
        )
    if len(fitted) == 0:
        raise ParameterError(
            f"The 'fitted' table given to its_plot is empty (0 rows): expected {needs}, one row "
            "per period. Pass the table its() returned, unfiltered."
        )
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 3.8))
    else:
        fig = ax.figure
    x = fitted["time"].dt.to_timestamp()
    post = fitted["post"].to_numpy()
    ax.plot(x, fitted["observed"], "o", ms=3, color="0.4", label="observed")
    if "comparison" in fitted:
        ax.plot(x, fitted["comparison"], "s", ms=2.5, color="C2", alpha=0.6, label="comparison series")
    ax.plot(x[~post], fitted["fitted"][~post], color="C0", lw=2, label="fitted")
    ax.plot(x[post], fitted["fitted"][post], color="C0", lw=2)
    ax.plot(
        x[post], fitted["counterfactual"][post], color="C3", lw=1.5, ls="--", label="counterfactual (no intervention)"
    )
    ax.axvline(x[post].iloc[0] if hasattr(x[post], "iloc") else x[post][0], color="0.5", lw=0.8, ls=":")
    ax.set_xlabel("Period")
    ax.set_ylabel(fitted.attrs.get("outcome", "outcome"))
    if title:
        ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
