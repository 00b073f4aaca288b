"""Helpers shared by the qualitative analyses (not public)."""

from __future__ import annotations

import pandas as pd

from toolkit.errors import ColumnNotFoundError, ParameterError
from toolkit.qual.project import QualProject


def check_project(project, function: str) -> None:
    if not isinstance(project, QualProject):
        raise ParameterError(
            f"The 'project' parameter of {function} must be a QualProject "
            f"(see toolkit.qual.QualProject, read_qdpx or QualProject.from_csv). "
            f"Got {type(project).__name__} instead."
        )


def coder_segments(project, coder, function: str) -> pd.DataFrame:
    """Segments of one coder (``coder=None``: every coder pooled)."""
    seg = project.segments
    if coder is None:
        return seg
    coders = sorted(seg["coder"].dropna().unique().tolist())
    if coder not in coders:
        raise ParameterError(
            f"The 'coder' parameter of {function} must be one of {coders} or None. Got {coder!r} instead."
        )
    return seg[seg["coder"] == coder]


def resolve_codes(project, codes, function: str, argument: str = "codes") -> list[str]:
    """The codes to report: as given (checked), or every code in the codebook order."""
    known = project.codebook["id"].tolist()
    if codes is None:
        return known
    if isinstance(codes, str):
        codes = [codes]
    if not isinstance(codes, (list, tuple, pd.Index, pd.Series)):
        raise ParameterError(
            f"The '{argument}' parameter of {function} must be a code id or a list of code ids. Got {codes!r} instead."
        )
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ParameterError(
            f"The '{argument}' parameter of {function} names code(s) {unknown} not in the codebook. "
            f"Known codes: {known[:30] + (['...'] if len(known) > 30 else [])}."
        )
    return list(codes)


def leaf_codes(project) -> list[str]:
    parents = set(project.codebook["parent"].dropna())
    return [c for c in project.codebook["id"] if c not in parents]


def rollup_map(project) -> dict[str, list[str]]:
    """code -> the code itself plus every descendant (so a parent counts its children)."""
    return project.rollup()


def case_groups(project, by, function: str) -> pd.Series:
    """Group label of each case (index: case id); missing attribute -> '(missing)'."""
    cases = project.cases.set_index("id")
    if by is None:
        return pd.Series("all", index=cases.index, dtype=object)
    if by == "case":
        return pd.Series(cases.index, index=cases.index, dtype=object)
    if by not in cases.columns or by == "pseudonym":
        raise ColumnNotFoundError(
            f"The 'by' parameter of {function} names column {by!r}, which is not a case "
            f"attribute. Available attributes: {project.case_attributes()}."
        )
    return cases[by].astype(object).where(cases[by].notna(), "(missing)")


def check_table(
    table, *, argument: str, function: str, columns=(), producer: str | None = None, allow_empty: bool = False
) -> None:
    """Raise unless ``table`` is a DataFrame holding ``columns`` (and, by default, rows).

    >>> check_table(pd.DataFrame({"a": [1]}), argument="table", function="f", columns=["a"])
    >>> check_table([1], argument="table", function="f", producer="g")
    Traceback (most recent call last):
    ...
    toolkit.errors.ParameterError: The 'table' parameter of f must be a pandas DataFrame (the table returned by g). Got list instead.
    """
    from_ = f" (the table returned by {producer})" if producer else ""
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(
            f"The '{argument}' parameter of {function} must be a pandas DataFrame{from_}. "
            f"Got {type(table).__name__} instead."
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ColumnNotFoundError(
            f"The '{argument}' table given to {function} lacks column(s) {missing}; "
            f"it has {list(map(str, table.columns))[:30]}. Expected{from_ or ' columns'} "
            f"{list(columns)}."
        )
    if not allow_empty and len(table) == 0:
        raise ParameterError(
            f"The '{argument}' parameter of {function} is an empty table (0 rows); "
            f"there is nothing to analyse. Check the filter or file that produced it."
        )
