"""Reported online-harm incidents: read and validate the template, count trends.

Recommendation 3.02 of the national policy recommendations asks for harms-based
recording of crime and non-crime incidents, monitored for trends locally and nationally.
``read_incidents`` checks a force's file against ``data-templates/evaluate/incidents.csv``;
``incident_trends`` turns it into counts, rates per 1,000 staff and time to outcome.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.errors import (
    DataValidationError,
    DataWarning,
    ParameterError,
    check_choice,
    check_columns,
    check_threshold,
)
from toolkit.io.csvfile import read_csv_text

__all__ = ["ALLOWED", "COLUMNS", "REQUIRED", "incident_trends", "launch_series", "launched_forces", "read_incidents"]

COLUMNS = [
    "incident_id",
    "date",
    "force",
    "victim_type",
    "harm_type",
    "platform",
    "crime_status",
    "triage",
    "outcome",
    "days_to_outcome",
]
REQUIRED = ["date", "force", "victim_type", "harm_type", "crime_status"]
#: allowed values; a value outside a "strict" list is an error, outside the others a warning
ALLOWED = {
    "victim_type": (["officer", "staff", "family"], True),
    "crime_status": (["crime", "non-crime"], True),
    "harm_type": (
        [
            "abuse",
            "threats",
            "doxxing",
            "impersonation",
            "sexual",
            "hate",
            "filming",
            "family_targeted",
            "stalking",
            "other",
        ],
        False,
    ),
    "triage": (["routine", "priority", "urgent"], False),
    "outcome": (
        [
            "support and advice",
            "platform takedown",
            "no further action",
            "investigation - no further action",
            "investigation - charge/summons",
            "open",
        ],
        False,
    ),
}
REPORT_COLUMNS = ["file", "row", "column", "value", "problem", "expected", "severity"]
BY_CHOICES = {"force", "victim_type", "harm_type", "crime_status", "platform", "triage", "outcome"}


def _parse_dates(text: pd.Series) -> pd.Series:
    """ISO ``2024-03-31`` or UK ``31/03/2024``; anything else becomes NaT."""
    iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    uk = pd.to_datetime(text, format="%d/%m/%Y", errors="coerce")
    return iso.fillna(uk)


def read_incidents(path, *, return_report: bool = False):
    """Read and validate an incidents file (one row per reported incident).

    Parameters
    ----------
    path : str or pathlib.Path
        CSV saved from Excel (UTF-8, UTF-8 with BOM or Windows cp1252; comma, semicolon
        or tab separated) in the layout of ``data-templates/evaluate/incidents.csv``.
    return_report : bool
        Also return the report of warnings (rows kept).

    Returns
    -------
    pandas.DataFrame, or (pandas.DataFrame, pandas.DataFrame) with ``return_report``
        The template columns typed: ``date`` as datetime, ``days_to_outcome`` as
        nullable integer, the rest as text with category values in lower case. The index
        (named ``row``) is the row number in the file, header = row 1.
        ``attrs`` (scalars only): ``source`` (the file read), ``n_warnings`` (problems
        that did not stop the read). With ``return_report``, the report of those
        warnings (possibly empty), columns ``file, row, column, value, problem, expected,
        severity``.

    Raises
    ------
    toolkit.errors.DataValidationError
        Listing every problem (``.report``): missing required columns or values,
        unreadable dates, values outside the allowed lists of ``victim_type`` and
        ``crime_status``, negative or non-numeric ``days_to_outcome``, repeated
        ``incident_id``. Nothing is dropped: fix the file and read it again.

    Warns
    -----
    UserWarning
        For values outside the suggested lists of ``harm_type``, ``triage`` and
        ``outcome``, unknown extra columns, closed incidents without
        ``days_to_outcome``, dates in the future.

    Notes
    -----
    Rules are listed in ``data-templates/evaluate/README.md``.

    Examples
    --------
    >>> from toolkit.paths import template
    >>> inc = read_incidents(template("evaluate", "incidents.csv"))
    >>> inc.index[0], inc["victim_type"].iloc[0]
    (2, 'officer')
    """
    path = Path(path)
    csv = read_csv_text(path)
    header = [h.strip().lower() for h in csv.header]
    problems: list[dict] = []

    def add(row, column, value, problem, expected, severity="error"):
        problems.append(
            {
                "file": path.name,
                "row": row,
                "column": column,
                "value": value,
                "problem": problem,
                "expected": expected,
                "severity": severity,
            }
        )

    rows = csv.rows.copy()
    rows.columns = header[: rows.shape[1]] + [f"unnamed_{i}" for i in range(len(header), rows.shape[1])]
    rows = rows.loc[:, ~pd.Index(rows.columns).duplicated()]
    blank = rows.apply(lambda r: all(str(v).strip() == "" for v in r), axis=1)
    for r in rows.index[blank]:
        add(int(r), None, "", "blank row", "one incident per row (delete the empty row)", "warning")
    rows = rows.loc[~blank]
    for col in REQUIRED:
        if col not in rows.columns:
            add(None, col, None, "required column missing", f"a column named '{col}' (see the template)")
    for col in rows.columns:
        if col not in COLUMNS:
            add(None, col, None, "unknown column (kept, not checked)", f"one of {COLUMNS}", "warning")
    for col in COLUMNS:
        if col not in rows.columns:
            rows[col] = ""
    cells = rows[COLUMNS].apply(lambda s: s.astype(str).str.strip())
    for col in REQUIRED:
        for r in cells.index[cells[col] == ""]:
            if col in csv.header or col in header:
                add(int(r), col, "", "required value missing", f"a value in every row for '{col}'")
    # dates
    dates = _parse_dates(cells["date"])
    for r in cells.index[(cells["date"] != "") & dates.isna()]:
        add(int(r), "date", cells.at[r, "date"], "not a date", "a date as 2024-03-31 or 31/03/2024")
    future = dates > pd.Timestamp.today().normalize()
    for r in cells.index[future.fillna(False)]:
        add(int(r), "date", cells.at[r, "date"], "date in the future", "the date the incident was reported", "warning")
    # categories
    out = cells.copy()
    for col, (allowed, strict) in ALLOWED.items():
        low = cells[col].str.lower()
        out[col] = low
        bad = (low != "") & ~low.isin(allowed)
        for r in cells.index[bad]:
            add(
                int(r),
                col,
                cells.at[r, col],
                "value not in the list" + ("" if strict else " (kept)"),
                f"one of {allowed}",
                "error" if strict else "warning",
            )
    # days to outcome
    raw_days = cells["days_to_outcome"]
    days = pd.to_numeric(raw_days.replace("", np.nan), errors="coerce")
    for r in cells.index[(raw_days != "") & days.isna()]:
        add(int(r), "days_to_outcome", raw_days.at[r], "not a number", "whole days (0 or more), empty while open")
    bad = days.notna() & ((days < 0) | (np.mod(days, 1) != 0))
    for r in cells.index[bad]:
        add(int(r), "days_to_outcome", raw_days.at[r], "not a whole number of days >= 0", "whole days (0 or more)")
    closed_no_days = (out["outcome"] != "") & (out["outcome"] != "open") & (raw_days == "")
    for r in cells.index[closed_no_days]:
        add(
            int(r),
            "days_to_outcome",
            "",
            "outcome recorded but no days to outcome",
            "days from report to outcome",
            "warning",
        )
    open_days = (out["outcome"] == "open") & days.notna()
    for r in cells.index[open_days]:
        add(
            int(r),
            "days_to_outcome",
            raw_days.at[r],
            "incident is open but has days to outcome",
            "empty while the outcome is 'open'",
            "warning",
        )
    # ids
    ids = cells["incident_id"]
    dup = (ids != "") & ids.duplicated(keep=False)
    for r in cells.index[dup]:
        add(int(r), "incident_id", ids.at[r], "incident_id repeated", "a unique id per incident")

    report = pd.DataFrame(problems, columns=REPORT_COLUMNS)
    report["row"] = report["row"].astype("Int64")
    if (report["severity"] == "error").any():
        raise DataValidationError(report)
    if len(report):
        warnings.warn(
            f"read_incidents: {len(report)} warning(s) in {path.name} (rows kept); read_incidents(..., return_report=True) lists them, "
            f"e.g. row {report['row'].iloc[0]}: {report['problem'].iloc[0]}.",
            UserWarning,
            stacklevel=2,
        )
    out["date"] = dates
    out["days_to_outcome"] = pd.array(days.round(), dtype="Int64")
    extra = [c for c in rows.columns if c not in COLUMNS]
    for c in extra:
        out[c] = rows[c]
    out.index.name = "row"
    out.attrs = {"source": str(path), "n_warnings": len(report)}
    return (out, report) if return_report else out


def _denominator_table(denominators, by):
    if denominators is None:
        return None, []
    if isinstance(denominators, dict):
        denominators = pd.DataFrame({"force": list(denominators), "headcount": list(denominators.values())})
    if not isinstance(denominators, pd.DataFrame) or "headcount" not in denominators.columns:
        raise ParameterError(
            "The 'denominators' parameter of incident_trends must be a DataFrame with a 'headcount' "
            "column and key column(s) such as 'force' (or a dict force -> headcount)."
        )
    keys = [c for c in denominators.columns if c != "headcount"]
    missing = [k for k in keys if k not in by]
    if missing:
        raise ParameterError(
            f"The denominators are given per {keys}, so 'by' must include {missing} "
            f"(got by={by}). Add them to 'by' or sum the denominators first."
        )
    return denominators, keys


def incident_trends(
    data: pd.DataFrame,
    *,
    by=None,
    freq: str | None = "M",
    denominators=None,
    per: float = 1000.0,
    threshold: int | None = None,
) -> pd.DataFrame:
    """Counts, rates and time to outcome of reported incidents, per period and group.

    Parameters
    ----------
    data : pandas.DataFrame
        Incidents: the output of :func:`read_incidents` (or any frame with its columns).
    by : str or list of str, optional
        Grouping columns: among ``force, victim_type, harm_type, crime_status,
        platform, triage, outcome``, or any column added to ``incidents`` (e.g. a
        region, or whether the force had launched a reporting route). Group values
        are returned as text.
    freq : {"M", "Q", "Y", None}
        Period of the trend (calendar month, quarter, year), or None for the whole span.
    denominators : pandas.DataFrame or dict, optional
        ``headcount`` per key (e.g. columns ``force, headcount``, or a dict force ->
        headcount); its key columns must be in ``by``. Without keys (one row with
        ``headcount`` only) it is the total.
    per : float
        Rates are per ``per`` staff (default 1,000).
    threshold : int, optional
        Withhold (set missing) the time-to-outcome quartiles of a row with fewer than
        ``threshold`` closed incidents, or fewer than ``threshold`` still open: the rule the
        evidence pack's gate applies to them. Counts are not suppressed (use
        :func:`toolkit.disclosure.suppress`). Default None: nothing withheld.

    Returns
    -------
    pandas.DataFrame
        One row per period and group, every combination included (zero counts are
        rows, so series have no gaps): ``period`` (pandas Period, or missing with
        ``freq=None``), the ``by`` columns, ``n`` (incidents), ``denominator``,
        ``rate`` (n / denominator * per; missing without denominators), ``n_closed``
        (incidents with days to outcome), ``median_days``, ``p25_days``, ``p75_days``
        (time to outcome quartiles; missing with no closed incidents).
        These are raw counts: pass them through :func:`toolkit.disclosure.suppress`
        before publishing. ``attrs`` (scalars only): ``per``.

    Notes
    -----
    Rate :math:`r = 1000 \\times n / \\text{headcount}`. Time to outcome quartiles use
    closed incidents only (open ones have no days yet), so recent periods are biased
    towards quick outcomes.

    Examples
    --------
    >>> from toolkit.synth.evaluate import make_incidents
    >>> tr = incident_trends(make_incidents(seed=1), by="crime_status", freq="Y")
    >>> tr[["period", "crime_status"]].astype(str).iloc[0].tolist()
    ['2021', 'crime']
    """
    incidents = data
    if not isinstance(incidents, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of incident_trends must be a DataFrame of incidents. Got {type(incidents).__name__} instead."
        )
    if by is None:
        by = []
    elif isinstance(by, str):
        by = [by]
    elif isinstance(by, (list, tuple)) and all(isinstance(b, str) for b in by):
        by = list(by)
    else:
        raise ParameterError(
            "The 'by' parameter of incident_trends must be a column name or a list of column "
            f"names, e.g. 'force' or ['force', 'harm_type']. Got {by!r} instead."
        )
    for b in by:
        if b not in incidents.columns:  # a template category, or a grouping column the user added
            check_choice(b, BY_CHOICES, argument="by", function="incident_trends")
    check_columns(incidents, ["date", *by], argument="by", where="incidents")
    if len(incidents) == 0:
        raise ParameterError(
            "The 'data' parameter of incident_trends is an empty table (0 rows): there "
            "are no incidents to count. Check the file read with read_incidents() or the "
            "filter that produced the table."
        )
    if freq is not None:
        check_choice(freq, {"M", "Q", "Y"}, argument="freq", function="incident_trends")
    if threshold is not None:
        threshold = check_threshold(threshold, function="incident_trends")
    dates = incidents["date"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(dates, errors="coerce")
    if dates.isna().any():
        raise ParameterError(
            f"incident_trends: {int(dates.isna().sum())} incident(s) have no readable date; "
            "read the file with read_incidents() to see which rows."
        )
    df = incidents[by].copy() if by else pd.DataFrame(index=incidents.index)
    for b in by:
        if df[b].isna().any() or (df[b].astype(str) == "").any():
            df[b] = df[b].astype(object).where(df[b].notna() & (df[b].astype(str) != ""), "(not recorded)")
    df["period"] = dates.dt.to_period(freq) if freq else pd.NA
    days = incidents["days_to_outcome"] if "days_to_outcome" in incidents else pd.Series(pd.NA, index=incidents.index)
    df["days"] = pd.to_numeric(days, errors="coerce").astype(float)
    keys = (["period"] if freq else []) + by
    # full grid so that zero counts appear
    levels = []
    if freq:
        levels.append(pd.period_range(df["period"].min(), df["period"].max(), freq=freq))
    for b in by:
        levels.append(sorted(pd.unique(df[b].astype(str))))
        df[b] = df[b].astype(str)
    if keys:
        grid = pd.MultiIndex.from_product(levels, names=keys).to_frame(index=False)
        g = df.groupby(keys, sort=True, observed=True)
        agg = g.size().rename("n").reset_index()
        q = g["days"].quantile([0.25, 0.5, 0.75]).unstack()
        q.columns = ["p25_days", "median_days", "p75_days"]
        closed = g["days"].count().rename("n_closed")
        stats_ = pd.concat([closed, q], axis=1).reset_index()
        out = grid.merge(agg, on=keys, how="left").merge(stats_, on=keys, how="left")
    else:
        d = df["days"]
        out = pd.DataFrame(
            {
                "n": [len(df)],
                "n_closed": [d.count()],
                "p25_days": [d.quantile(0.25)],
                "median_days": [d.median()],
                "p75_days": [d.quantile(0.75)],
            }
        )
    if not freq:
        out.insert(0, "period", pd.NA)
    out["n"] = out["n"].fillna(0).astype("int64")
    out["n_closed"] = out["n_closed"].fillna(0).astype("int64")
    den, den_keys = _denominator_table(denominators, by)
    if den is None:
        out["denominator"] = np.nan
    elif den_keys:
        den = den.assign(**{k: den[k].astype(str) for k in den_keys})
        m = den.groupby(den_keys)["headcount"].sum().rename("denominator").reset_index()
        out = out.merge(m, on=den_keys, how="left")
        if out["denominator"].isna().any():
            lost = out.loc[out["denominator"].isna(), den_keys].drop_duplicates().head(5).values.tolist()
            warnings.warn(
                DataWarning(
                    f"incident_trends: no headcount for {lost}; their rates are missing.",
                    n_excluded=0,
                    reason="no headcount",
                ),
                stacklevel=2,
            )
    else:
        out["denominator"] = float(den["headcount"].sum())
    out["denominator"] = out["denominator"].astype(float)
    out["rate"] = out["n"] / out["denominator"] * per
    cols = ["period", *by, "n", "denominator", "rate", "n_closed", "median_days", "p25_days", "p75_days"]
    out = out[cols]
    if threshold is not None:
        few = (out["n_closed"] < threshold) | (out["n"] - out["n_closed"] < threshold)
        out.loc[few, ["median_days", "p25_days", "p75_days"]] = np.nan
    out.attrs["per"] = per
    return out


#: the two series of :func:`launch_series`
WITH_ROUTE, WITHOUT_ROUTE = "with route", "without route"


def launched_forces(data: pd.DataFrame) -> list[str]:
    """The forces that launched the reporting route: a non-blank ``route_launched``.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per force, as ``data-templates/evaluate/forces.csv``: columns ``force``,
        ``headcount`` and ``route_launched`` (the month the force launched the route, blank
        or missing if it has not).

    Returns
    -------
    list of str
        The launching forces, sorted.

    Examples
    --------
    >>> import pandas as pd
    >>> launched_forces(pd.DataFrame({"force": ["A", "B", "C"], "route_launched": ["2023-01", "", None]}))
    ['A']
    """
    _check_forces(data, "data", "launched_forces", ["force", "route_launched"])
    given = data["route_launched"].fillna("").astype(str).str.strip() != ""
    return sorted(set(data.loc[given, "force"].astype(str)))


def _check_forces(table, argument: str, function: str, columns: list[str]) -> None:
    """The forces table is a DataFrame with rows and ``columns``."""
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(
            f"The '{argument}' parameter of {function} must be a pandas DataFrame of forces "
            f"(forces.csv: force, headcount, route_launched). Got {type(table).__name__} instead."
        )
    check_columns(table, columns, argument=argument)
    if len(table) == 0:
        raise ParameterError(
            f"The '{argument}' parameter of {function} is an empty table (0 rows): expected one row per force."
        )


def launch_series(data: pd.DataFrame, *, denominators: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """Incidents per period in the forces that launched the reporting route and in the others.

    The two series an interrupted time series of the route's launch compares (:func:`its`
    with ``offset="headcount"``, and ``comparison="comparison"`` for the controlled design).

    Parameters
    ----------
    data : pandas.DataFrame
        Incidents (:func:`read_incidents`), with columns ``date`` and ``force``. Incidents
        of a force missing from ``denominators`` are left out with a ``DataWarning``.
    denominators : pandas.DataFrame
        One row per force: ``force``, ``headcount``, ``route_launched``
        (``data-templates/evaluate/forces.csv``); launching forces as :func:`launched_forces`.
    freq : {"M", "Q", "Y"}
        Period of the series.

    Returns
    -------
    pandas.DataFrame
        One row per period (every period from the first incident to the last, zero counts
        included) and series, the launching forces' series first: ``period`` (pandas
        Period), ``group`` (``"with route"``, ``"without route"``), ``comparison`` (True for
        the forces without the route), ``n`` (incidents), ``headcount`` (staff of the
        group's forces), ``n_forces``. Raw counts: pass them through the disclosure gate
        before publishing.

    Examples
    --------
    >>> import pandas as pd
    >>> inc = pd.DataFrame({"date": pd.to_datetime(["2023-01-05", "2023-03-02", "2023-03-09"]),
    ...                     "force": ["A", "B", "A"]})
    >>> forces = pd.DataFrame({"force": ["A", "B"], "headcount": [100, 300], "route_launched": ["2023-02", ""]})
    >>> launch_series(inc, denominators=forces)[["period", "group", "n", "headcount"]]
        period          group  n  headcount
    0  2023-01     with route  1        100
    1  2023-02     with route  0        100
    2  2023-03     with route  1        100
    3  2023-01  without route  0        300
    4  2023-02  without route  0        300
    5  2023-03  without route  1        300
    """
    fn = "launch_series"
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"The 'data' parameter of {fn} must be a pandas DataFrame of incidents. Got {type(data).__name__} instead."
        )
    check_columns(data, ["date", "force"], argument="data")
    if len(data) == 0:
        raise ParameterError(f"The 'data' parameter of {fn} is an empty table (0 rows): there are no incidents.")
    check_choice(freq, {"M", "Q", "Y"}, argument="freq", function=fn)
    _check_forces(denominators, "denominators", fn, ["force", "headcount", "route_launched"])
    launched = set(launched_forces(denominators))
    known = data["force"].astype(str).isin(set(denominators["force"].astype(str)))
    if not known.all():
        lost = sorted(set(data.loc[~known, "force"].astype(str)))
        warnings.warn(
            DataWarning(
                f"{fn}: {int((~known).sum())} incident(s) of force(s) without a headcount in "
                f"'denominators' left out (e.g. {lost[:5]}): their staff are not in either series' rate.",
                n_excluded=int((~known).sum()),
                reason="force without a headcount",
            ),
            stacklevel=2,
        )
        data = data.loc[known]
    col = "_route"
    while col in data.columns:
        col = "_" + col
    flag = data["force"].astype(str).isin(launched)
    counts = incident_trends(
        data.assign(**{col: flag.map({True: WITH_ROUTE, False: WITHOUT_ROUTE})}), by=col, freq=freq
    )
    forces = denominators["force"].astype(str)
    parts = []
    for group, members in ((WITH_ROUTE, forces.isin(launched)), (WITHOUT_ROUTE, ~forces.isin(launched))):
        series = counts.loc[counts[col] == group, ["period", "n"]].reset_index(drop=True)
        if series.empty:  # no incident in this group's forces: a series of zeros
            series = counts.drop_duplicates("period")[["period"]].assign(n=0).reset_index(drop=True)
        parts.append(
            series.assign(
                group=group,
                comparison=group == WITHOUT_ROUTE,
                headcount=denominators.loc[members, "headcount"].sum(),
                n_forces=int(members.sum()),
            )
        )
    out = pd.concat(parts, ignore_index=True)
    return out[["period", "group", "comparison", "n", "headcount", "n_forces"]]
