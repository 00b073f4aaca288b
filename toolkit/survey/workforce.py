"""Raking margins from a workforce profile (the ``workforce.csv`` template)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.errors import DataValidationError, ParameterError, check_columns
from toolkit.survey._inputs import as_list

__all__ = ["workforce_margins"]

COLUMNS = ["force", "variable", "code", "count"]


def workforce_margins(workforce, variables: list[str]) -> dict:
    """Population margins for :func:`toolkit.survey.rake` from a workforce profile.

    Parameters
    ----------
    workforce : pandas.DataFrame or path
        Long table ``force, variable, code, label, count``: headcount of each force by
        each variable's code (the format of ``data-templates/survey/README.md``).
    variables : list of str
        Margins to build, e.g. ``["force", "role"]``; ``"force"`` gives headcount per force.

    Returns
    -------
    dict
        ``{variable: {code: count}}``, summed over forces, ready for ``rake``.

    Examples
    --------
    >>> import pandas as pd
    >>> wf = pd.DataFrame({"force": ["F1", "F1", "F2", "F2"], "variable": "role",
    ...                    "code": [1, 2, 1, 2], "count": [60, 40, 30, 20]})
    >>> workforce_margins(wf, ["force", "role"])
    {'force': {'F1': 100, 'F2': 50}, 'role': {1: 90, 2: 60}}
    """
    source = "workforce profile"
    if isinstance(workforce, (str, Path)):
        source = str(workforce)
        workforce = pd.read_csv(workforce, encoding="utf-8-sig")
    variables = as_list(variables, argument="variables")
    if not variables:
        raise ParameterError(
            "The 'variables' parameter of workforce_margins must name at least one margin, e.g. ['force', 'role']."
        )
    check_columns(workforce, COLUMNS, argument="workforce", where=source)
    if len(workforce) == 0:
        raise ParameterError(
            f"The 'workforce' parameter of workforce_margins is an empty table (0 rows) "
            f"({source}): expected one row per force, variable and code with its headcount. "
            "Fill in the workforce.csv template (data-templates/survey/README.md)."
        )
    counts = pd.to_numeric(workforce["count"], errors="coerce")
    bad = workforce[counts.isna() | (counts < 0)]
    if len(bad):
        report = pd.DataFrame(
            {
                "file": source,
                "row": bad.index + 2,
                "column": "count",
                "value": bad["count"].astype(str),
                "problem": "not a headcount",
                "expected": "a whole number >= 0",
                "severity": "error",
            }
        )
        raise DataValidationError(report)
    workforce = workforce.assign(count=counts.astype(int))
    margins = {}
    for var in variables:
        if var == "force":
            first = workforce["variable"].iloc[0]
            margins["force"] = workforce[workforce["variable"] == first].groupby("force")["count"].sum().to_dict()
            continue
        sub = workforce[workforce["variable"] == var]
        if sub.empty:
            raise ParameterError(
                f"The workforce profile {source} has no rows for variable {var!r}; "
                f"it has {sorted(workforce['variable'].unique())}."
            )
        margins[var] = {
            int(c) if str(c).lstrip("-").isdigit() else c: int(n) for c, n in sub.groupby("code")["count"].sum().items()
        }
    return margins
