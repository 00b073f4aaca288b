"""Which rows are the 'before' wave and which the 'after' wave (shared by pre_post and attrition)."""

from __future__ import annotations

import warnings

import pandas as pd

from toolkit.errors import DataWarning, DesignError, ParameterError, check_columns

#: level pairs understood without ``pre=``/``post=`` (compared case-insensitively)
KNOWN_PAIRS = [
    ("pre", "post"),
    ("before", "after"),
    ("baseline", "follow-up"),
    ("baseline", "followup"),
    ("baseline", "endline"),
]


def _orderable(series: pd.Series) -> bool:
    if isinstance(series.dtype, pd.CategoricalDtype):
        return bool(series.cat.ordered)
    return (
        pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series)
    ) and not pd.api.types.is_bool_dtype(series)


def resolve_waves(data: pd.DataFrame, time: str, pre, post, *, function: str):
    """Return ``(pre_value, post_value)`` for the two waves to compare.

    Rules: with ``pre`` and ``post`` given they must both be values of ``time``; with
    exactly two levels, one may be left out; with neither, two numeric / dated /
    ordered levels are taken in order, two named levels only if they are a known pair
    (pre/post, before/after, baseline/follow-up). Otherwise a clear error.
    """
    check_columns(data, [time], argument="time")
    col = data[time]
    if isinstance(col.dtype, pd.CategoricalDtype):
        levels = [c for c in col.cat.categories if (col == c).any()]
    else:
        levels = list(pd.unique(col.dropna()))
        # numpy scalars as Python ones: messages then read "wave=1", not "wave=np.int64(1)"
        levels = [v.item() if hasattr(v, "item") and not isinstance(v, pd.Timestamp) else v for v in levels]
        if _orderable(col):
            levels = sorted(levels)
    shown = [str(v) for v in levels[:10]]
    if len(levels) < 2:
        raise DesignError(
            f"{function} needs two waves, but column '{time}' has {len(levels)} distinct "
            f"value(s): {shown}. A before-and-after comparison needs rows from both waves; "
            f"check that the second wave was appended to the data."
        )
    for name, value in (("pre", pre), ("post", post)):
        if value is not None and value not in levels:
            raise DesignError(
                f"The '{name}' parameter of {function} is {value!r}, which is not a value of "
                f"column '{time}'. Values found: {shown}."
            )
    if pre is not None and post is not None:
        if pre == post:
            raise ParameterError(f"The 'pre' and 'post' parameters of {function} must differ. Got {pre!r} for both.")
        return pre, post
    if len(levels) > 2:
        raise DesignError(
            f"Column '{time}' has {len(levels)} waves ({shown}); say which two to compare "
            f"with pre= and post=, e.g. pre={levels[0]!r}, post={levels[-1]!r}."
        )
    if pre is not None:
        return pre, next(v for v in levels if v != pre)
    if post is not None:
        return next(v for v in levels if v != post), post
    if _orderable(col):
        return levels[0], levels[1]
    lower = {str(v).strip().lower(): v for v in levels}
    for a, b in KNOWN_PAIRS:
        if a in lower and b in lower:
            return lower[a], lower[b]
    raise ParameterError(
        f"The order of the waves in column '{time}' ({shown}) cannot be inferred from their "
        f"names. Give pre= and post= to {function}, e.g. pre={levels[0]!r}, post={levels[1]!r}."
    )


def wave_rows(data: pd.DataFrame, time: str, pre, post) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of the pre wave and of the post wave (other waves are not used)."""
    return data[data[time] == pre], data[data[time] == post]


def check_unique_ids(rows: pd.DataFrame, subject: str, wave, time: str, *, function: str) -> None:
    """Raise :class:`DesignError` if a subject id occurs more than once in a wave."""
    ids = rows[subject]
    if ids.isna().any():
        where = rows.index[ids.isna()].tolist()[:10]
        raise DesignError(
            f"Column '{subject}' is empty in wave {time}={wave!r} at data index {where}. "
            f"Every row needs the respondent's pseudonymous id to link the waves; fill the ids "
            f"or leave 'subject' out for an independent-samples comparison."
        )
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        first = dup.iloc[0]
        where = rows.index[ids == first].tolist()
        raise DesignError(
            f"{function}: subject id {first!r} occurs {len(where)} times in wave "
            f"{time}={wave!r} (data index {where}); {dup.nunique()} id(s) are duplicated in "
            f"that wave. Each respondent must appear once per wave: remove duplicate "
            f"submissions or fix the id column '{subject}'."
        )


def drop_missing(rows: pd.DataFrame, column: str, wave, time: str, notes: list[str]) -> pd.DataFrame:
    """Drop rows with a missing value in ``column``, with a logged reason."""
    missing = rows[column].isna()
    if missing.any():
        msg = (
            f"{int(missing.sum())} row(s) of wave {time}={wave!r} excluded: '{column}' is missing "
            f"(data index {rows.index[missing].tolist()[:10]}{' ...' if missing.sum() > 10 else ''})."
        )
        warnings.warn(DataWarning(msg, n_excluded=int(missing.sum()), reason=f"missing '{column}'"), stacklevel=3)
        notes.append(msg)
    return rows[~missing]
