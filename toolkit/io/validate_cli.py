"""``toolkit validate DATA --dictionary DICT``: check a survey file, print the report."""

from __future__ import annotations

import sys
from pathlib import Path

from toolkit.dictionary import load_dictionary
from toolkit.errors import ToolkitError
from toolkit.io.survey_file import read_survey
from toolkit.io.validation_report import format_table

__all__ = ["run_validate"]


def run_validate(data, *, dictionary, sheet=None, out=None, stream=None) -> int:
    """Validate a survey file against a data dictionary and print the report.

    Parameters
    ----------
    data : str or pathlib.Path
        Survey file (.csv, .xlsx, .sav or a Qualtrics export).
    dictionary : str or pathlib.Path
        Data dictionary (.csv or .xlsx).
    sheet : str, optional
        Sheet of an .xlsx survey file (default: the first).
    out : str or pathlib.Path, optional
        Also write the full report to this CSV file.
    stream : file-like, optional
        Where to print (default: standard output; problems reading the files go to
        standard error).

    Returns
    -------
    int
        Exit status: 1 when the data or the dictionary has errors or cannot be read,
        0 otherwise (warnings allowed).

    Examples
    --------
    >>> from toolkit.paths import template
    >>> run_validate(template("survey", "example.csv"),
    ...              dictionary=template("survey", "dictionary.csv"))  # doctest: +ELLIPSIS
    Validation of example.csv: no problems found.
    8 row(s) in the file: 8 kept, 0 excluded.
    0
    """
    stream = stream or sys.stdout
    try:
        d = load_dictionary(dictionary)
    except (ToolkitError, FileNotFoundError, PermissionError, OSError) as exc:
        print(f"toolkit validate: cannot use the data dictionary {dictionary}:\n{exc}", file=sys.stderr)
        return 1
    try:
        result = read_survey(data, d, sheet=sheet, on_error="report")
    except (ToolkitError, FileNotFoundError, PermissionError, OSError) as exc:
        print(f"toolkit validate: cannot read {data}:\n{exc}", file=sys.stderr)
        return 1
    report = result.report
    if len(report):
        print(f"Validation of {report.file}: {report.n_errors} error(s), {report.n_warnings} warning(s).", file=stream)
        print(format_table(report.table.drop(columns="file"), width=70), file=stream)
    else:
        print(str(report), file=stream)
    kept, excl = len(result.data), len(result.excluded)
    print(f"{result.n_rows_in} row(s) in the file: {kept} kept, {excl} excluded.", file=stream)
    if excl:
        print("Excluded rows:", file=stream)
        print(format_table(result.excluded, width=70), file=stream)
    if report.n_errors:
        print(f"\nSummary:\n{format_table(report.summary(), width=70)}", file=stream)
    if out is not None:
        try:
            report.to_csv(Path(out))
        except OSError as exc:
            print(f"toolkit validate: cannot write the report to {out}: {exc}", file=sys.stderr)
            return 1
        print(f"Report written to {out}", file=stream)
    return 1 if report.n_errors else 0
