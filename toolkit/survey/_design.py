"""The survey design shared by every design-based estimator of :mod:`toolkit.survey`.

One :class:`Design` is built once from the data (``weight``, ``strata``, ``cluster``,
``fpc`` columns) and holds every row of the data: rows whose answer is missing, rows
outside the group estimated and rows of zero weight stay in the design and contribute
zero to the estimating equations, as in R's ``survey`` package (a domain / subset of a
``svydesign``). Variances are Taylor-linearised: the variance of a total of influence
values, with-replacement between PSUs within each stratum, with the finite population
correction, as ``survey:::svyrecvar`` (``onestage`` / ``multistage``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit.errors import DesignError, ParameterError, check_choice, check_columns
from toolkit.survey._inputs import _problem, _rows, weight_values

__all__ = ["Design", "DesignColumns", "LONELY_PSU", "build_design", "has_design"]

LONELY_PSU = ("fail", "remove", "certainty", "adjust", "average")


@dataclass(frozen=True, eq=False)
class Design:
    """A survey design, as ``svydesign(ids = ~cluster, strata = ~strata, fpc = ~fpc,
    weights = ~weight)``, one entry per row of the data.

    Attributes
    ----------
    weight : (n,) float, >= 0 (zero weights are kept in the design).
    strata : (n,) int codes of the first-stage strata (all 0 without strata).
    psu : (n,) int codes of the primary sampling units, unique across strata (clusters
        nested in strata, as ``nest = TRUE``); each row its own PSU without clusters.
    psu_stratum : (P,) stratum code of each PSU.
    n_psu : (H,) PSUs per stratum (every row of the data counts).
    popsize : (H,) population size of each stratum in PSUs (``inf`` without fpc).
    ssu, ssu_psu, n_ssu, popsize2 : second stage (``cluster=(psu, ssu)`` and
        ``fpc=(fpc1, fpc2)``), or ``None``.
    lonely_psu : what a stratum with a single PSU contributes (R's ``survey.lonely.psu``).
    labels : dict of the column names, for messages.
    """

    weight: np.ndarray
    strata: np.ndarray
    psu: np.ndarray
    psu_stratum: np.ndarray
    n_psu: np.ndarray
    popsize: np.ndarray
    strata_labels: np.ndarray
    ssu: np.ndarray | None = None
    ssu_psu: np.ndarray | None = None
    n_ssu: np.ndarray | None = None
    popsize2: np.ndarray | None = None
    lonely_psu: str = "fail"
    labels: tuple = ()
    calibration: tuple = ()  # (codes, n_cells) of each raking margin

    @property
    def n(self) -> int:
        return len(self.weight)

    def describe(self) -> str:
        """The design in R's words, e.g. ``svydesign(ids = ~team, strata = ~force, ...)``."""
        d = dict(self.labels)
        ids = "+".join(d["cluster"]) if d.get("cluster") else "1"
        parts = [f"ids = ~{ids}"]
        if d.get("strata"):
            parts.append(f"strata = ~{d['strata']}")
        if d.get("fpc"):
            parts.append(f"fpc = ~{'+'.join(d['fpc'])}")
        if d.get("weight"):
            parts.append(f"weights = ~{d['weight']}")
        text = f"svydesign({', '.join(parts)})"
        if d.get("calibration"):
            text = f"rake({text}, ~{' + ~'.join(d['calibration'])})"
        return text

    def degf(self, rows: np.ndarray | None = None) -> float:
        """Design degrees of freedom, as R ``degf()``: PSUs minus strata among the rows
        (of ``rows``, a boolean mask; all rows by default) with a positive weight."""
        inset = self.weight > 0
        if rows is not None:
            inset = inset & rows
        if not inset.any():
            return np.nan
        return float(len(np.unique(self.psu[inset])) - len(np.unique(self.strata[inset])))

    def degf_by(self, codes: np.ndarray, k: int) -> np.ndarray:
        """``degf(subset(design, group == g))`` for each of ``k`` groups (``codes`` -1 = none)."""
        inset = (self.weight > 0) & (codes >= 0)
        c = codes[inset].astype(np.int64)
        n_p = _distinct_by(c, self.psu[inset], k)
        n_s = _distinct_by(c, self.strata[inset], k)
        out = (n_p - n_s).astype(float)
        out[n_p == 0] = np.nan
        return out

    def variance(self, scores: np.ndarray, present: np.ndarray | None = None, *, diagonal: bool = False) -> np.ndarray:
        """Variance (matrix) of the total of ``scores``: (n,) or (n, k) weighted influence
        values, zero for rows outside the estimate. ``present`` marks the rows of the
        subset estimated (used only to count strata for ``lonely_psu="average"``).
        Returns a (k, k) matrix (1 x 1 for a vector), or with ``diagonal=True`` only its
        diagonal (k,): the per-column variances, without forming the k x k products."""
        x = np.asarray(scores, dtype=float)
        if x.ndim == 1:
            x = x[:, None]
        x = self._calibrate(x)
        P = len(self.psu_stratum)
        T = _sum_by(self.psu, x, P)
        present_strata = None
        if present is not None:
            present_strata = np.zeros(len(self.n_psu), dtype=bool)
            present_strata[self.strata[present]] = True
        V = _onestage(
            T,
            self.psu_stratum,
            self.n_psu,
            self.popsize,
            self.lonely_psu,
            present_strata,
            self.strata_labels,
            self._strata_name(),
            stage=1,
            diagonal=diagonal,
        )
        if self.ssu is not None and self.ssu_psu is not None:
            T2 = _sum_by(self.ssu, x, len(self.ssu_psu))
            # each PSU is a stratum of the second stage; its contribution is scaled by
            # the first-stage sampling fraction n_h / N_h (R multistage)
            f1 = (self.n_psu / self.popsize)[self.psu_stratum]
            V = V + _onestage(
                T2,
                self.ssu_psu,
                self.n_ssu,
                self.popsize2,
                self.lonely_psu,
                None,
                np.arange(P),
                dict(self.labels)["cluster"][0],
                stage=2,
                multiplier=f1,
                per_stratum_average=True,
                diagonal=diagonal,
            )
        return V

    def variance_by(
        self, scores: np.ndarray, codes: np.ndarray, k: int, present: np.ndarray | None = None
    ) -> np.ndarray:
        """Variance of the total of ``scores`` within each of ``k`` domains (``codes``, -1
        = in none), one per domain: the diagonal of :meth:`variance` on the columns
        ``scores * (codes == g)``, computed in O(n). ``present`` marks the rows of the
        subsets estimated (which strata they reach, for ``lonely_psu``)."""
        s = np.asarray(scores, dtype=float)
        m = codes >= 0
        if self.calibration:  # calibrated scores leave their domain: one dense column each
            out = np.empty(k)
            for start in range(0, k, 64):
                cols = np.arange(start, min(start + 64, k))
                X = np.zeros((self.n, len(cols)))
                sel = m & (codes >= cols[0]) & (codes <= cols[-1])
                X[np.flatnonzero(sel), codes[sel] - cols[0]] = s[sel]
                out[cols] = self.variance(X, present=present, diagonal=True)
            return out
        pres = m if present is None else (present & m)
        v = _stage_by(
            self.psu[m],
            self.psu_stratum,
            self.n_psu,
            self.popsize,
            s[m],
            codes[m],
            k,
            _present(self.strata[pres], codes[pres], len(self.n_psu), k),
            self.lonely_psu,
            self.strata_labels,
            self._strata_name(),
            stage=1,
        )
        if self.ssu is not None:
            P = len(self.psu_stratum)
            f1 = (self.n_psu / self.popsize)[self.psu_stratum]
            v = v + _stage_by(
                self.ssu[m],
                self.ssu_psu,
                self.n_ssu,
                self.popsize2,
                s[m],
                codes[m],
                k,
                _present(self.psu[pres], codes[pres], P, k),
                self.lonely_psu,
                np.arange(P),
                dict(self.labels)["cluster"][0],
                stage=2,
                multiplier=f1,
                per_stratum_average=True,
            )
        return v

    def _calibrate(self, x: np.ndarray) -> np.ndarray:
        """Residuals of raking, as R ``svyrecvar`` for a ``rake()``d design: ten sweeps of
        :math:`x \\leftarrow x - w \\cdot \\overline{(x/w)}_{c}` over the margins' cells c."""
        if not self.calibration:
            return x
        w = self.weight[:, None]
        x = x.copy()
        for _ in range(10):
            for codes, m in self.calibration:
                cnt = np.bincount(codes, minlength=m).astype(float)
                mean = _sum_by(codes, x / w, m) / cnt[:, None]
                x -= w * mean[codes]
        return x

    def _strata_name(self) -> str:
        return dict(self.labels).get("strata") or "(one stratum)"


def _distinct_by(group: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    """Number of distinct ``key`` values within each of ``k`` groups (a sort, no hashing)."""
    m = int(key.max()) + 1 if len(key) else 1
    s = np.sort(group * m + key)
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    return np.bincount(s[first] // m, minlength=k)


def _sum_by(codes: np.ndarray, x: np.ndarray, m: int) -> np.ndarray:
    out = np.empty((m, x.shape[1]))
    for j in range(x.shape[1]):
        out[:, j] = np.bincount(codes, weights=x[:, j], minlength=m)
    return out


def _present(strata, codes, H, k) -> np.ndarray:
    out = np.zeros((H, k), dtype=bool)
    out[strata, codes] = True
    return out


def _stage_by(
    unit_of_row,
    unit_stratum,
    n_h,
    popsize,
    s,
    g,
    k,
    present_hg,
    lonely,
    strata_labels,
    strata_name,
    *,
    stage,
    multiplier=None,
    per_stratum_average=False,
):
    """Per-domain variance of one stage from sparse unit totals (R ``onestrat`` per domain)."""
    H = len(n_h)
    key = unit_of_row.astype(np.int64) * k + g
    uk, inv = np.unique(key, return_inverse=True)
    T = np.bincount(inv, weights=s)
    unit = uk // k
    hk = unit_stratum[unit] * k + uk % k
    S1 = np.bincount(hk, weights=T, minlength=H * k).reshape(H, k)
    S2 = np.bincount(hk, weights=T**2, minlength=H * k).reshape(H, k)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(np.isinf(popsize), 1.0, (popsize - n_h) / popsize)
        scale = np.where(n_h > 1, f * n_h / np.maximum(n_h - 1, 1), f)
    scale = np.where(f < 1e-7, 0.0, scale)
    if multiplier is not None:
        scale = scale * multiplier
    lone = (n_h == 1) & (f >= 1e-7)
    lone_hg = lone[:, None] & present_hg
    if lonely == "fail" and lone_hg.any():
        _lonely_error(strata_labels[np.flatnonzero(lone_hg.any(1))], strata_name, stage)
    cen = np.maximum(S2 - S1**2 / np.maximum(n_h, 1)[:, None], 0.0)
    contrib = scale[:, None] * np.where(lone[:, None], S2 if lonely == "adjust" else 0.0, cen)
    V = contrib.sum(0)
    if lonely == "average" and lone_hg.any():
        if per_stratum_average:
            return np.where(lone_hg.any(0), np.nan, V)
        nstrat = present_hg.sum(0)
        nok = nstrat - lone_hg.sum(0)
        with np.errstate(divide="ignore", invalid="ignore"):
            V = np.where(nok > 0, V * nstrat / np.maximum(nok, 1), np.nan)
    return V


def _lonely_error(bad_labels, strata_name, stage):
    bad = [str(x) for x in bad_labels[:5]]
    what = "stratum" if stage == 1 else "first-stage unit (cluster)"
    raise DesignError(
        f"The design has a {what} with a single sampled unit at stage {stage} "
        f"('{strata_name}' = {', '.join(bad)}): its variance cannot be estimated. Merge it with "
        "a similar stratum, or choose lonely_psu='adjust' (centre it at the overall mean), "
        "'average' (give it the average variance of the other strata), 'remove' or "
        "'certainty' (it contributes nothing), as R's options(survey.lonely.psu = ...)."
    )


def _onestage(
    T,
    unit_stratum,
    n_h,
    popsize,
    lonely,
    present_strata,
    strata_labels,
    strata_name,
    *,
    stage,
    multiplier=None,
    per_stratum_average=False,
    diagonal=False,
):
    """R ``onestrat`` summed over strata: T holds the unit totals (units x k); with
    ``diagonal`` only the k variances (no k x k cross-products)."""

    def gram(A):
        return np.einsum("ij,ij->j", A, A) if diagonal else A.T @ A

    H = len(n_h)
    k = T.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(np.isinf(popsize), 1.0, (popsize - n_h) / popsize)
        scale = np.where(n_h > 1, f * n_h / np.maximum(n_h - 1, 1), f)
    if multiplier is not None:
        scale = scale * multiplier
    sums = np.empty((H, k))
    for j in range(k):
        sums[:, j] = np.bincount(unit_stratum, weights=T[:, j], minlength=H)
    means = sums / np.maximum(n_h, 1)[:, None]
    lone = (n_h == 1) & (f >= 1e-7)
    if present_strata is not None:
        lone_relevant = lone & present_strata
    else:
        lone_relevant = lone
    if lone_relevant.any() and lonely == "fail":
        _lonely_error(strata_labels[np.flatnonzero(lone_relevant)], strata_name, stage)
    D = T - means[unit_stratum]
    if lonely == "adjust":
        D = np.where(lone[unit_stratum][:, None], T, D)
    else:
        D = np.where(lone[unit_stratum][:, None], 0.0, D)
    s = np.sqrt(np.where(f < 1e-7, 0.0, scale))[unit_stratum]
    Ds = D * s[:, None]
    if lonely == "average" and lone_relevant.any():
        keep = ~lone[unit_stratum]
        V = gram(Ds[keep])
        if per_stratum_average:  # each second-stage stratum is its own R call: 0/0
            return V + np.nan
        nstrat = int(present_strata.sum()) if present_strata is not None else H
        nok = nstrat - int(lone_relevant.sum())
        return V * nstrat / nok if nok else V + np.nan
    return gram(Ds)


@dataclass(frozen=True, kw_only=True)
class DesignColumns:
    """The design arguments of a survey estimator, as the caller gave them (column names).

    Every design-based estimator takes the same six arguments; it passes them on as one
    value and builds its :class:`Design` with :meth:`build`.
    """

    weight: str | None = None
    strata: str | None = None
    cluster: str | tuple[str, str] | None = None
    fpc: str | tuple[str, str] | None = None
    lonely_psu: str = "fail"
    calibration: str | list[str] | None = None

    def build(self, data: pd.DataFrame, *, function: str) -> Design | None:
        """The :class:`Design` of ``data`` (:func:`build_design`); ``None`` when no design
        column is given."""
        return build_design(
            data,
            weight=self.weight,
            strata=self.strata,
            cluster=self.cluster,
            fpc=self.fpc,
            lonely_psu=self.lonely_psu,
            calibration=self.calibration,
            function=function,
        )

    def build_or_srs(self, data: pd.DataFrame, *, function: str) -> Design:
        """As :meth:`build`, but a simple random sample (weights 1, each row its own PSU:
        ``svydesign(ids = ~1, data = data)``) when no design column is given."""
        design = self.build(data, function=function)
        if design is None:
            ones = pd.DataFrame({"_one": np.ones(len(data))}, index=data.index)
            design = build_design(ones, weight="_one", function=function)
        if design is None:  # unreachable: a weight column always gives a design
            raise DesignError(f"{function}: no survey design could be built")
        return design


def has_design(*columns) -> bool:
    return any(c is not None for c in columns)


def _as_names(value, *, argument: str, max_len: int) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and 1 <= len(value) <= max_len and all(isinstance(v, str) for v in value):
        return list(value)
    more = f" or a list of {max_len} (one per stage)" if max_len > 1 else ""
    raise ParameterError(f"The '{argument}' parameter must be a column name{more}. Got {value!r} instead.")


def _codes(data: pd.DataFrame, column: str, argument: str) -> tuple[np.ndarray, np.ndarray]:
    s = data[column]
    miss = s.isna().to_numpy()
    if miss.any():
        raise _problem(
            column,
            "missing",
            f"has missing values (rows {_rows(data.index, miss)})",
            f"a {argument} for every respondent",
            f"Fill in the {argument} column (the design needs it for every row) or drop those rows first.",
        )
    codes, uniques = pd.factorize(s, sort=True)
    return codes.astype(np.intp), np.asarray(uniques, dtype=object)


def build_design(
    data: pd.DataFrame,
    *,
    weight: str | None,
    strata: str | None = None,
    cluster=None,
    fpc=None,
    lonely_psu: str = "fail",
    calibration=None,
    function: str,
) -> Design | None:
    """The :class:`Design` of ``data``, or ``None`` when no design column is given.

    ``fpc`` is the population size of each stratum (in PSUs) or the sampling fraction
    (all values at most 1), constant within strata, as ``svydesign(fpc = )``. Without
    ``weight`` the weights follow from ``fpc`` (:math:`N_h / n_h`), else they are 1.
    Two stages: ``cluster=("district", "school")`` with ``fpc=("fpc1", "fpc2")``.
    """
    if not has_design(weight, strata, cluster, fpc, calibration):
        return None
    cal_cols = _as_names(calibration, argument="calibration", max_len=50)
    if cal_cols and weight is None:
        raise ParameterError(
            f"{function}: 'calibration' names the margins the weights were raked to; give the "
            "raked weights too (weight=, e.g. the column made by toolkit.survey.rake)."
        )
    check_choice(lonely_psu, LONELY_PSU, argument="lonely_psu", function=function)
    if strata is not None and not isinstance(strata, str):
        raise ParameterError(f"The 'strata' parameter of {function} must be a column name. Got {strata!r} instead.")
    clusters = _as_names(cluster, argument="cluster", max_len=2)
    fpcs = _as_names(fpc, argument="fpc", max_len=2)
    if len(fpcs) == 2 and len(clusters) != 2:
        raise ParameterError(
            f"{function}: 'fpc' names two stages {fpcs} but 'cluster' names {len(clusters)} column(s); "
            "a two-stage design needs cluster=(first-stage unit, second-stage unit)."
        )
    if len(clusters) == 2 and len(fpcs) != 2:
        raise ParameterError(
            f"{function}: a two-stage 'cluster' {clusters} needs fpc=(first-stage, second-stage) "
            "population sizes (without them only the first stage matters, as R's ultimate cluster)."
        )
    check_columns(data, ([strata] if strata else []) + clusters + fpcs, argument="strata/cluster/fpc")
    n = len(data)
    if n == 0:
        raise DesignError(f"{function} was given an empty data set (0 rows).")
    w = weight_values(data, weight, function=function)
    if strata is not None:
        s_codes, s_labels = _codes(data, strata, "stratum")
    else:
        s_codes, s_labels = np.zeros(n, dtype=np.intp), np.array(["(all)"], dtype=object)
    H = len(s_labels)
    if clusters:
        c_codes, _ = _codes(data, clusters[0], "cluster")
        psu_key = s_codes.astype(np.int64) * (int(c_codes.max()) + 1) + c_codes
        psu = np.unique(psu_key, return_inverse=True)[1].astype(np.intp)
    else:
        psu = np.arange(n, dtype=np.intp)
    P = int(psu.max()) + 1
    psu_stratum = np.zeros(P, dtype=np.intp)
    psu_stratum[psu] = s_codes
    n_psu = np.bincount(psu_stratum, minlength=H).astype(float)
    labels = {"weight": weight, "strata": strata, "cluster": clusters, "fpc": fpcs}
    popsize = np.full(H, np.inf)
    ssu = ssu_psu = n_ssu = popsize2 = None
    if fpcs:
        popsize = _popsize(data, fpcs[0], s_codes, n_psu, H, group_name=strata or "the sample", group_labels=s_labels)
    if len(clusters) == 2:
        c2, _ = _codes(data, clusters[1], "cluster")
        ssu = np.unique(psu.astype(np.int64) * (int(c2.max()) + 1) + c2, return_inverse=True)[1].astype(np.intp)
        S = int(ssu.max()) + 1
        ssu_psu = np.zeros(S, dtype=np.intp)
        ssu_psu[ssu] = psu
        n_ssu = np.bincount(ssu_psu, minlength=P).astype(float)
        popsize2 = _popsize(data, fpcs[1], psu, n_ssu, P, group_name=clusters[0], group_labels=np.arange(P))
    if w is None:
        with np.errstate(divide="ignore"):
            prob = (n_psu / popsize)[s_codes]
            if popsize2 is not None:
                prob = prob * (n_ssu / popsize2)[psu]
            w = np.where(np.isinf(popsize[s_codes]), 1.0, 1.0 / prob)
    cal = []
    if cal_cols:
        check_columns(data, cal_cols, argument="calibration")
        if not (w > 0).all():
            raise _problem(
                weight or "the design weights",
                0.0,
                "has zero weights",
                "positive raked weights",
                "Raked weights are positive; drop the rows of zero weight before estimating with calibration=.",
            )
        for col in cal_cols:
            codes, uniq = _codes(data, col, "raking margin")
            cal.append((codes, len(uniq)))
        labels["calibration"] = cal_cols
    return Design(
        weight=w,
        strata=s_codes,
        psu=psu,
        psu_stratum=psu_stratum,
        n_psu=n_psu,
        popsize=popsize,
        strata_labels=s_labels,
        ssu=ssu,
        ssu_psu=ssu_psu,
        n_ssu=n_ssu,
        popsize2=popsize2,
        lonely_psu=lonely_psu,
        labels=tuple(labels.items()),
        calibration=tuple(cal),
    )


def _popsize(data, column, group, n_units, m, *, group_name, group_labels) -> np.ndarray:
    """Population size (in units) per group from a fpc column (size or fraction)."""
    s = data[column]
    if not (pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)):
        raise _problem(
            column,
            list(pd.unique(s.dropna()))[:5],
            f"is not numeric (dtype {s.dtype})",
            "population sizes (or sampling fractions)",
            "Give the population size of each stratum.",
        )
    v = s.to_numpy(dtype="float64", na_value=np.nan)
    bad = ~np.isfinite(v) | (v <= 0)
    if bad.any():
        raise _problem(
            column,
            sorted(set(v[bad].tolist()), key=str)[:5],
            f"has missing, zero or negative values (rows {_rows(data.index, bad)})",
            "a positive population size (or sampling fraction) for every row",
            "Fill in the finite population correction for every respondent.",
        )
    # as R's svydesign: all values <= 1 are fractions, else all must be sizes (>= 1)
    frac = v <= 1
    if not frac.all() and (v < 1).any():
        small = v < 1
        raise _problem(
            column,
            [float(v[small][0]), float(v[~frac][0])],
            "mixes sampling fractions (< 1) and population sizes (> 1)",
            "all population sizes or all fractions",
            "Use one kind for every row, as R's svydesign(fpc = ) requires.",
        )
    lo = np.full(m, np.inf)
    hi = np.full(m, -np.inf)
    np.minimum.at(lo, group, v)
    np.maximum.at(hi, group, v)
    varying = np.flatnonzero(np.isfinite(lo) & (hi - lo > 1e-9 * np.maximum(1, hi)))
    if len(varying):
        raise _problem(
            column,
            [str(group_labels[g]) for g in varying[:5]],
            f"is not constant within '{group_name}'",
            "one population size per stratum",
            "The finite population correction describes a whole stratum: give each "
            "respondent of a stratum the same value.",
        )
    with np.errstate(divide="ignore"):
        pop = n_units / lo if frac.all() else lo
    over = np.flatnonzero(pop < n_units - 1e-9)
    if len(over):
        raise _problem(
            column,
            [str(group_labels[g]) for g in over[:5]],
            "is smaller than the number of sampled units in some strata",
            "a population size at least the sample size",
            "Check the population sizes: the sample cannot exceed the population "
            "(with clusters, the fpc counts clusters, not people).",
        )
    return pop
