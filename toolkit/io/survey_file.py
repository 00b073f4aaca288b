"""Read a survey file, check it against the data dictionary, and report every problem.

:func:`read_survey` is the one entry point for survey data: CSV saved by Excel or a
survey tool, XLSX, SPSS ``.sav`` and Qualtrics CSV/XLSX exports.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.dictionary import Dictionary, load_dictionary
from toolkit.errors import ColumnNotFoundError, DataValidationError, check_choice
from toolkit.io.convert import BLANK, FactorizedCells, convert_column, is_blank
from toolkit.io.multiselect import combine_spread, expand_packed, packed_missing
from toolkit.io.sources import RawTable, read_cells
from toolkit.io.validation_report import ValidationReport

__all__ = ["read_survey", "SurveyData"]

log = logging.getLogger("toolkit.io")

#: Columns of :attr:`SurveyData.excluded`.
EXCLUDED_COLUMNS = ["row", "id", "reason"]
#: Columns of :attr:`SurveyData.missing`.
MISSING_COLUMNS = ["variable", "code", "label", "n"]


@dataclass
class SurveyData:
    """A survey file read and checked against its data dictionary.

    Attributes
    ----------
    data : pandas.DataFrame
        One row per kept respondent, index = row number in the file (named
        ``row``), one column per dictionary variable found in the file, in
        dictionary order, typed as follows:

        ==============  ===========================================================
        type            dtype
        ==============  ===========================================================
        id, text        ``str`` (pandas string), blank = missing
        likert, ordinal ordered ``category``, categories = the valid codes (ints)
        categorical     unordered ``category``, categories = the valid codes
        binary          ``Int64`` holding the code (0/1 for a 0=No; 1=Yes item)
        integer         ``Int64``
        numeric         ``Float64``
        date            ``datetime64[ns]``
        multiselect     one ``Int64`` column per option, ``<variable>_<code>``:
                        1 ticked, 0 not ticked, ``<NA>`` not answered
        ==============  ===========================================================

        Missing codes (e.g. 9 = Don't know), blanks and invalid values are
        ``<NA>``. Use ``data[var].astype("Float64")`` for the numeric codes of a
        Likert item, :meth:`labels` for its labels and :meth:`labelled` for a copy
        with labels in place of codes.
    report : ValidationReport
        Every problem found (see :class:`toolkit.io.validation_report.ValidationReport`).
    missing : pandas.DataFrame
        Missing codes turned into ``<NA>``, counted over the kept rows: columns
        ``variable, code, label, n``.
    excluded : pandas.DataFrame
        Rows not in :attr:`data`, columns ``row, id, reason``. Rows in the file =
        ``len(data) + len(excluded)``.
    dictionary : Dictionary
    source : pathlib.Path
    details : dict
        What was detected: file kind, encoding, separator, sheet, Qualtrics header
        rows, multiselect layouts, number of rows in the file; for CSV the parser that
        read it (``parser``: ``"pyarrow"``, or ``"pandas"`` with ``parser_fallback``
        saying why pyarrow could not; the result is the same either way).
    """

    data: pd.DataFrame
    report: ValidationReport
    missing: pd.DataFrame
    excluded: pd.DataFrame
    dictionary: Dictionary
    source: Path
    details: dict = field(default_factory=dict)

    @property
    def n_rows_in(self) -> int:
        """Rows below the header(s) in the file, blank ones included."""
        return int(self.details.get("rows_in", len(self.data) + len(self.excluded)))

    def labels(self, var) -> dict:
        """Code -> label of a coded variable (or of the multiselect an option column belongs to)."""
        d = self.dictionary
        if var not in d:
            for ms in d.of_type("multiselect"):
                if var in d.option_columns(ms):
                    return {0: "Not selected", 1: d.codes(ms)[_option_code(d, ms, var)]}
        return d.codes(var)

    def label(self, var) -> str:
        """Question text of a variable (option label for a multiselect option column)."""
        d = self.dictionary
        if var not in d:
            for ms in d.of_type("multiselect"):
                if var in d.option_columns(ms):
                    return f"{d.label(ms)}: {d.codes(ms)[_option_code(d, ms, var)]}"
        return d.label(var)

    def labelled(self, columns=None) -> pd.DataFrame:
        """Copy of :attr:`data` with labels in place of codes for coded variables.

        Likert and ordinal items stay ordered categoricals (categories = labels,
        in code order); binary and categorical items become categoricals of labels.
        """
        d = self.dictionary
        out = self.data.copy() if columns is None else self.data[list(columns)].copy()
        for var in out.columns:
            if var in d and d.type(var) in ("likert", "ordinal", "categorical", "binary"):
                codes = d.codes(var)
                s = out[var]
                cat = pd.Categorical(
                    s.astype(object).where(s.notna(), None),
                    categories=list(codes),
                    ordered=d.type(var) in ("likert", "ordinal"),
                )
                out[var] = pd.Series(cat, index=out.index).cat.rename_categories(list(codes.values()))
        return out


def _option_code(d, ms, column):
    return list(d.codes(ms))[d.option_columns(ms).index(column)]


def _column_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def read_survey(
    path,
    dictionary,
    *,
    sheet=None,
    id_column=None,
    qualtrics=None,
    multiselect="auto",
    on_error="raise",
    date_order="day_first",
    exclude_previews=True,
    exclude_unfinished=True,
) -> SurveyData:
    """Read a survey file and check every cell against the data dictionary.

    Parameters
    ----------
    path : str or pathlib.Path
        ``.csv`` (UTF-8, UTF-8 with BOM or Windows-1252; comma, semicolon or tab
        separated, semicolon files with decimal commas), ``.xlsx``, ``.sav`` or a
        Qualtrics CSV / XLSX export.
    dictionary : Dictionary, str, pathlib.Path or pandas.DataFrame
        The data dictionary (see :func:`toolkit.dictionary.load_dictionary`).
    sheet : str, optional
        XLSX sheet name (default: the first sheet).
    id_column : str, optional
        Column holding the respondent id (default: the dictionary's ``id``
        variable). Ids must not be blank and must be unique (within a wave when
        the file has the dictionary's wave column: role ``wave``, or a variable named
        ``wave`` in a dictionary without roles).
    qualtrics : bool, optional
        ``None`` detects a Qualtrics export from its third header row
        (``{"ImportId": ...}``) and drops header rows 2 and 3.
    multiselect : {"auto", "spread", "packed"}
        Layout of multi-select answers: one column per option
        (``harm_platform_1``, ...) or one cell with the ticked codes / labels
        (``1;3``). ``"auto"`` uses the packed column when the file has one.
    date_order : {"day_first", "month_first"}
        How dates such as ``03/04/2024`` are read (``survey.date_order`` in
        ``study.yml``): day first (UK, the default) or month first (US). ISO dates and
        Excel serial day numbers are read either way.
    exclude_previews, exclude_unfinished : bool, default True
        In a Qualtrics export (or any file with Qualtrics' ``Status`` and ``Finished``
        columns), exclude survey previews (``Status`` = Survey Preview, or 1 in a
        numeric export) and unfinished responses (``Finished`` = 0 / False). Excluded
        rows are listed in ``excluded`` with the reason, counted and logged.
    on_error : {"raise", "report"}
        ``"raise"``: any error raises one :class:`~toolkit.errors.DataValidationError`
        listing them all. ``"report"``: return the data anyway; invalid cells are
        set to missing and rows with a blank or duplicated id are excluded, all
        listed in ``report`` and ``excluded``.

    Returns
    -------
    SurveyData
        ``data``, ``report``, ``missing``, ``excluded``, ``dictionary``, ``source``
        (see :class:`SurveyData`).

    Raises
    ------
    DataValidationError
        ``on_error="raise"`` and the data broke a rule of the dictionary.
    FileFormatError, FileNotFoundError
        The file cannot be read (both modes).
    DictionaryError
        The dictionary is invalid.

    Notes
    -----
    Checks, each reported with the row number as the user sees it in the file
    (header = row 1; Qualtrics: first answers on row 4; SPSS: case number):

    - unknown column (warning; the column is dropped), column name differing from
      the dictionary only in case or spaces (warning; used), column without a
      name holding data (warning; dropped), duplicate column name (error; first
      kept), missing required column (error);
    - blank value in a required column; value outside the codes; number outside
      ``min``/``max``; text in a numeric item; decimal in an integer item;
      invalid date; multiselect cell naming no option;
    - blank id and duplicate id (every row sharing the id is reported). With
      ``on_error="report"`` a row with a blank id is excluded; of rows repeating
      an id, exact copies after the first are excluded, and when the answers
      differ all of them are excluded (the file cannot say which is right).

    Blank rows (every cell empty, as Excel leaves below the data) are excluded
    with reason ``"blank row"`` and noted once in the report as a warning.

    Examples
    --------
    >>> from toolkit.io import read_survey
    >>> from toolkit.dictionary import default_dictionary
    >>> from toolkit.paths import template
    >>> s = read_survey(template("survey", "example.csv"), default_dictionary())
    >>> s.report.ok, len(s.data) + len(s.excluded) == s.n_rows_in
    (True, True)
    >>> s.data["trn_report"].dtype
    CategoricalDtype(categories=[1, 2, 3, 4, 5], ordered=True, categories_dtype=int64)
    """
    check_choice(on_error, ("raise", "report"), argument="on_error", function="read_survey")
    check_choice(date_order, ("day_first", "month_first"), argument="date_order", function="read_survey")
    check_choice(multiselect, ("auto", "spread", "packed"), argument="multiselect", function="read_survey")
    d = dictionary if isinstance(dictionary, Dictionary) else load_dictionary(dictionary)
    path = Path(path)
    ctx = _parse_file(path, d, read_cells(path, sheet=sheet, qualtrics=qualtrics))
    rows = _Rows(ctx)
    _exclude_blank_rows(ctx, rows)
    id_var = _id_variable(ctx, id_column)
    _exclude_qualtrics(ctx, rows, previews=exclude_previews, unfinished=exclude_unfinished)
    conv = _convert_variables(ctx, rows, id_var, multiselect=multiselect, date_order=date_order)
    _report_unknown_columns(ctx)
    _check_ids(ctx, rows, conv, id_var)
    survey = _assemble(ctx, rows, conv)
    if len(survey.excluded) - int(rows.blank.sum()):
        n_out = len(survey.excluded) - int(rows.blank.sum())
        log.warning("%s: %d row(s) excluded (see .excluded)", path.name, n_out)
    if on_error == "raise" and not ctx.report.ok:
        raise DataValidationError(ctx.report)
    return survey


# ------------------------------------------------------------------------- steps
@dataclass(frozen=True)
class _Parsed:
    """A survey file read and its columns matched to the dictionary: what every step needs.

    ``columns`` maps a file column name to its position in ``cells``; ``resolved`` maps
    a dictionary variable (or multiselect option column) to the file column it is read
    from; ``factorized`` holds each column hashed once (shared by the blank checks, the
    conversions and the missing-code counts).
    """

    path: Path
    d: Dictionary
    raw: RawTable
    report: ValidationReport
    rows: np.ndarray  # row number in the file, per cell row
    factorized: dict  # position -> FactorizedCells
    blank_cols: _BlankColumns  # position -> bool array
    columns: dict  # file name -> position
    resolved: dict  # dictionary / option name -> file name

    @property
    def cells(self) -> pd.DataFrame:
        return self.raw.cells

    @property
    def n_in(self) -> int:
        return len(self.rows)

    def position(self, name) -> int:
        """Position of the column a dictionary / option name is read from."""
        return self.columns[self.resolved[name]]

    def column(self, name) -> pd.Series:
        return self.cells[self.position(name)]

    def values_at(self, position: int, mask: np.ndarray) -> np.ndarray:
        """The raw cells of one column on the rows of ``mask`` (for the report)."""
        rows = np.flatnonzero(mask)
        f = self.factorized[position]
        if f.arrow is not None:  # read by pyarrow: from the distinct values, else the cells
            if f.factorized:
                return f.uniques[f.codes[rows]]
            return f.arrow.take(pa.array(rows)).to_numpy(zero_copy_only=False)
        return self.cells[position].iloc[rows].to_numpy(dtype=object)


class _BlankColumns(dict):
    """Position -> :func:`is_blank` of the column, computed on first look-up."""

    def __init__(self, cells: pd.DataFrame, factorized: dict):
        super().__init__()
        self.cells, self.factorized = cells, factorized

    def __missing__(self, j: int) -> np.ndarray:
        blank = self[j] = is_blank(self.cells[j], factorized=self.factorized[j])
        return blank


class _Rows:
    """Rows kept and excluded, as the steps decide: ``live`` rows are still candidates;
    ``excluded`` lists (row, id, reason); ``mask`` marks every excluded row."""

    def __init__(self, ctx: _Parsed):
        blank = np.ones(ctx.n_in, dtype=bool)
        for j in range(ctx.cells.shape[1]):
            if not blank.any():  # no candidate left: the other columns need not be looked at
                break
            blank &= ctx.blank_cols[j]
        self.blank = blank
        self.live = ~blank
        self.mask = blank.copy()
        self.excluded: list = []

    def exclude(self, positions, rows, reason, ids=None) -> None:
        for k, (p, r) in enumerate(zip(positions, rows)):
            self.excluded.append((int(r), None if ids is None else ids[k], reason))
            self.mask[p] = True


@dataclass(frozen=True)
class _Conversions:
    """Typed columns of the data, in output order, and what the missing-code table needs."""

    columns: dict  # output column -> Series
    converted: dict  # variable -> Converted
    multiselect: dict  # variable -> "packed" / "spread"


def _parse_file(path: Path, d: Dictionary, raw: RawTable) -> _Parsed:
    """Hash every column once; check the header; match file columns to the dictionary."""
    report = ValidationReport(file=path.name)
    cells = raw.cells
    factorized = raw.factorized or {j: FactorizedCells(cells[j]) for j in range(cells.shape[1])}
    blank_cols = _BlankColumns(cells, factorized)
    columns = _header_columns(raw.header, blank_cols, report)
    resolved = _match_columns(d, columns, report)
    return _Parsed(
        path=path,
        d=d,
        raw=raw,
        report=report,
        rows=cells.index.to_numpy(),
        factorized=factorized,
        blank_cols=blank_cols,
        columns=columns,
        resolved=resolved,
    )


def _header_columns(header, blank_cols, report) -> dict:
    """File column name -> position; unnamed columns holding data and repeated names reported."""
    columns: dict = {}
    for j, name in enumerate(header):
        if name == "":
            if not blank_cols[j].all():
                report.add(
                    [None],
                    f"(column {_column_letter(j)})",
                    [""],
                    "column without a name (dropped)",
                    "a column name from the dictionary",
                    severity="warning",
                )
            continue
        if name in columns:
            report.add(
                [None],
                name,
                [name],
                f"column name appears more than once (columns {_column_letter(columns[name])} "
                f"and {_column_letter(j)}; the first is used)",
                "each column once",
            )
            continue
        columns[name] = j
    return columns


def _known_names(d: Dictionary) -> set:
    known = set(d.variables)
    for ms in d.of_type("multiselect"):
        known.update(d.option_columns(ms))
    return known


def _match_columns(d: Dictionary, columns: dict, report) -> dict:
    """Dictionary variables (and multiselect option columns) matched to file columns,
    exactly or differing only in case / spaces (a warning)."""
    known = _known_names(d)
    folded: dict = {}
    for name in columns:
        folded.setdefault(name.strip().lower().replace(" ", "_"), name)
    resolved: dict = {}  # dictionary/option name -> file name
    for target in sorted(known):
        if target in columns:
            resolved[target] = target
    for target in sorted(known):
        if target not in resolved:
            cand = folded.get(target.lower())
            if cand is not None and cand not in resolved.values():
                resolved[target] = cand
                report.add(
                    [None],
                    cand,
                    [cand],
                    f"column name differs from dictionary variable {target!r} in case or spacing (used as {target!r})",
                    f"{target!r}",
                    severity="warning",
                )
    return resolved


def _exclude_blank_rows(ctx: _Parsed, rows: _Rows) -> None:
    if not rows.blank.any():
        return
    br = ctx.rows[rows.blank]
    for r in br:
        rows.excluded.append((int(r), None, "blank row"))
    ctx.report.add(
        [None],
        "",
        [f"{len(br)} row(s)"],
        f"blank rows ignored ({_ranges(br)})",
        "no blank rows (usually left below the data by Excel; harmless)",
        severity="warning",
    )
    log.info("%s: %d blank row(s) ignored (%s)", ctx.path.name, len(br), _ranges(br))


def _id_variable(ctx: _Parsed, id_column):
    """The respondent id: ``id_column`` (a file column, checked) or the dictionary's id."""
    if id_column is not None and id_column not in ctx.resolved and id_column not in ctx.columns:
        raise ColumnNotFoundError(
            f"The 'id_column' parameter names column {id_column!r}, not found in {ctx.path.name}. "
            f"Columns: {list(ctx.columns)[:30]}."
        )
    if id_column is not None and id_column not in ctx.resolved:
        ctx.resolved[id_column] = id_column
    return id_column or ctx.d.id_variable


#: Qualtrics columns marking rows to exclude: column, values (stripped, lower case), reason
_QUALTRICS_EXCLUSIONS = (
    ("Status", ("survey preview", "1", "1.0"), "Qualtrics survey preview (Status = Survey Preview)"),
    ("Finished", ("0", "0.0", "false"), "unfinished response (Finished = 0)"),
)


def _exclude_qualtrics(ctx: _Parsed, rows: _Rows, *, previews: bool, unfinished: bool) -> None:
    """Survey previews and unfinished responses of a Qualtrics export (or a file with its
    ``Status`` and ``Finished`` columns), decided once per distinct cell value."""
    known = _known_names(ctx.d)
    qualtrics_like = ctx.raw.qualtrics or {"Status", "Finished"} <= set(ctx.columns)
    for (column, values, reason), wanted in zip(_QUALTRICS_EXCLUSIONS, (previews, unfinished)):
        if not wanted or not qualtrics_like or column in known or column not in ctx.columns:
            continue
        f = ctx.factorized[ctx.columns[column]]
        out_u = np.fromiter((str(v).strip().lower() in values for v in f.uniques), dtype=bool, count=len(f.uniques))
        out = np.append(out_u, False)[f.codes] & rows.live  # NA cells ("nan") are never excluded
        if out.any():
            for r in ctx.rows[out]:
                rows.excluded.append((int(r), None, reason))
            rows.mask |= out
            rows.live = rows.live & ~out
            log.info("%s: %d row(s) excluded: %s", ctx.path.name, int(out.sum()), reason)


def _convert_variables(ctx: _Parsed, rows: _Rows, id_var, *, multiselect: str, date_order: str) -> _Conversions:
    """Convert every dictionary variable found in the file, column by column, reporting
    each problem; then the id column when it is not a dictionary variable."""
    d, report = ctx.d, ctx.report
    converted: dict = {}
    out_cols: dict = {}
    layouts: dict = {}
    typed = _convert_columns(ctx, date_order, id_var, multiselect)
    for var in d.variables:
        if d.type(var) == "multiselect":
            _convert_multiselect(ctx, rows, var, multiselect, out_cols, layouts, typed.get(var))
            continue
        if var not in ctx.resolved:
            if d.is_required(var):
                report.add([None], var, [""], "missing required column", f"a column {var!r}")
            continue
        name = ctx.resolved[var]
        j = ctx.columns[name]
        conv = typed[var]
        converted[var] = conv
        out_cols[var] = conv.values
        for mask, problem, expected in conv.problems:
            m = mask & rows.live
            report.add(ctx.rows[m], name, ctx.values_at(j, m), problem, expected)
        if d.is_required(var) or var == id_var:
            _report_required(
                report,
                ctx.rows,
                (conv.status == BLANK) & rows.live,
                var,
                name,
                problem="blank id" if var == id_var else None,
            )
        sav_only = _undeclared(conv, d, var)
        if sav_only:
            report.add(
                [None],
                name,
                [", ".join(map(str, sav_only))],
                "value(s) declared missing in the file but not in the dictionary (treated as missing)",
                "the same missing codes in the dictionary",
                severity="warning",
            )
    if id_var is not None and id_var not in d and id_var in ctx.resolved:
        out_cols = {id_var: _id_as_text(ctx, rows, id_var), **out_cols}
    return _Conversions(columns=out_cols, converted=converted, multiselect=layouts)


#: Cells (rows x columns) from which the columns of a CSV file read by pyarrow are converted
#: in threads (measured on 2 cores, 80 columns: slower below about 75,000 rows, 20% faster
#: at 250,000; an SPSS file 2% slower)
_THREADS_MIN_CELLS = 5_000_000


def _convert_columns(ctx: _Parsed, date_order: str, id_var=None, multiselect="auto") -> dict:
    """:func:`convert_column` of every dictionary variable found in the file (variable ->
    Converted), and :func:`expand_packed` of each multiselect read from its packed column
    (variable -> its result). Large files are converted in threads, one column at a time
    each: most of the work is in numpy and pyarrow, which release the GIL. Nothing is
    reported here, so the report is in the same order either way."""
    d = ctx.d
    todo = [
        var for var in d.variables if var in ctx.resolved and (d.type(var) != "multiselect" or multiselect != "spread")
    ]

    def one(var):
        name = ctx.resolved[var]
        j = ctx.columns[name]
        if d.type(var) == "multiselect":
            return expand_packed(ctx.cells[j], d, var, factorized=ctx.factorized[j])
        conv = convert_column(
            ctx.cells[j],
            d,
            var,
            decimal=ctx.raw.decimal,
            date_order=date_order,
            declared_missing=ctx.raw.declared_missing.get(name),
            factorized=ctx.factorized[j],
        )
        if var == id_var:  # hashed here, in a thread, for the repeated-id check
            conv.key = _key_codes(conv.values)
        return conv

    workers = min(4, os.cpu_count() or 1)
    # threads pay for pyarrow's cells only (converted in C); an SPSS file's numbers or the
    # pandas parser's strings keep the GIL most of the time
    arrow = any(f.arrow is not None for f in ctx.factorized.values())
    if workers < 2 or len(todo) < 2 or not arrow or ctx.n_in * len(todo) < _THREADS_MIN_CELLS:
        return {var: one(var) for var in todo}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(todo, pool.map(one, todo)))


def _convert_multiselect(ctx: _Parsed, rows: _Rows, var, mode, out_cols: dict, layouts: dict, packed=None) -> None:
    d = ctx.d
    res = _multiselect(ctx, rows, var, mode, packed)
    if res is not None:
        frame, layout, blank_all = res
        layouts[var] = layout
        for c in frame.columns:
            out_cols[c] = frame[c]
        if d.is_required(var):
            _report_required(ctx.report, ctx.rows, blank_all & rows.live, var, ctx.resolved.get(var, var))
    elif d.is_required(var):
        ctx.report.add(
            [None],
            var,
            [""],
            "missing required column",
            f"a column {var!r} (or {d.option_columns(var)[0]!r}, ...)",
        )


def _id_as_text(ctx: _Parsed, rows: _Rows, id_var) -> pd.Series:
    """An id column that is not a dictionary variable, as text (whole numbers without
    ``.0``), decided once per distinct value; blank ids reported."""
    j = ctx.position(id_var)
    f = ctx.factorized[j]
    blank_id = ctx.blank_cols[j]
    text_u = np.array(
        [str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip() for v in f.uniques] + [None],
        dtype=object,
    )
    values = text_u[f.codes]
    values[blank_id] = None
    ids = pd.Series(values, index=ctx.cells.index, dtype="str")
    _report_required(ctx.report, ctx.rows, blank_id & rows.live, id_var, id_var, problem="blank id")
    return ids


def _report_unknown_columns(ctx: _Parsed) -> None:
    used = set(ctx.resolved.values())
    for name in ctx.columns:
        if name not in used:
            ctx.report.add(
                [None],
                name,
                [""],
                "unknown column (not in the dictionary; dropped)",
                "a variable of the dictionary",
                severity="warning",
            )


def _check_ids(ctx: _Parsed, rows: _Rows, conv: _Conversions, id_var) -> None:
    """Rows with a blank id are excluded; repeated ids (within a wave) reported and resolved."""
    d, out_cols = ctx.d, conv.columns
    if id_var is None or id_var not in out_cols:
        return
    ids = out_cols[id_var]
    id_file_col = ctx.resolved.get(id_var, id_var)
    blank_id = ids.isna().to_numpy() & rows.live
    for r in ctx.rows[blank_id]:
        rows.excluded.append((int(r), None, f"blank id in column '{id_file_col}'"))
    rows.mask |= blank_id
    # the wave is the variable with role 'wave' (a dictionary without roles: one named wave)
    waves = d.by_role("wave") or ([] if any(d.role(v) for v in d.variables) else ["wave"])
    wave_var = waves[0] if waves else None
    key_cols = [id_var] + ([wave_var] if wave_var in out_cols and id_var != wave_var else [])
    ok = rows.live & ~blank_id
    dup = np.zeros(ctx.n_in, dtype=bool)
    known = {k: conv.converted[k].key for k in key_cols if k in conv.converted}
    dup[ok] = _repeated([out_cols[k] for k in key_cols], ok, known)
    if dup.any():
        keyframe = pd.DataFrame({k: out_cols[k] for k in key_cols}).astype(object)
        _duplicates(
            ctx, rows, _DuplicateIds(dup=dup, keyframe=keyframe, key_cols=key_cols, id_col=id_file_col, ids=ids)
        )


def _key_codes(column: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of a column's values (-1 = missing) and how many distinct values:
    text in C (pyarrow's hash table), without a Python string per cell."""
    if isinstance(column.array, pd.arrays.ArrowStringArray):
        cells = column.array.__arrow_array__()
        enc = pc.dictionary_encode(cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else cells)
        return pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False), len(enc.dictionary)
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    return codes, len(uniques)


def _repeated(columns: list, ok: np.ndarray, known: dict | None = None) -> np.ndarray:
    """``DataFrame(columns)[ok].duplicated(keep=False)``: rows whose values in ``columns``
    (missing equal to missing) are on another row of ``ok``, from one integer key per row
    (``known``: column name -> its :func:`_key_codes`, when already worked out)."""
    key = np.zeros(len(ok), dtype=np.int64)
    for k, column in enumerate(columns):
        codes, n = (known or {}).get(column.name) or _key_codes(column)
        if k == 0 and n == np.count_nonzero(codes >= 0):  # no value twice: no row repeated
            return np.zeros(np.count_nonzero(ok), dtype=bool)
        key = key * (n + 1) + (codes.astype(np.int64) + 1)
    return pd.Series(key[ok]).duplicated(keep=False).to_numpy()


def _assemble(ctx: _Parsed, rows: _Rows, conv: _Conversions) -> SurveyData:
    """The kept rows, the missing-code table, the exclusions and what was detected."""
    keep = ~rows.mask
    index = pd.Index(ctx.rows, name="row")
    if conv.columns:
        # the columns share the cells' index: built on it (no alignment), then renamed
        # new columns, all on the cells' index: their arrays, without a copy or an alignment
        data = pd.DataFrame({k: s.array for k, s in conv.columns.items()}, index=ctx.cells.index, copy=False)
        data.index = index
        if not keep.all():
            data = data[keep]
    else:
        data = pd.DataFrame(index=index[keep])
    missing = _missing_table(ctx, conv, keep)
    excl = pd.DataFrame(rows.excluded, columns=EXCLUDED_COLUMNS).sort_values("row", kind="stable")
    excl = excl.reset_index(drop=True).astype({"row": "int64", "id": "str"})
    raw = ctx.raw
    details = dict(
        raw.details,
        kind=raw.kind,
        qualtrics=raw.qualtrics,
        rows_in=ctx.n_in,
        multiselect=conv.multiselect,
        decimal=raw.decimal,
    )
    details.pop("value_labels", None)
    if len(data) + len(excl) != ctx.n_in:  # pragma: no cover - guards the invariant
        raise RuntimeError("row accounting failed: please report this bug")
    return SurveyData(
        data=data,
        report=ctx.report,
        missing=missing,
        excluded=excl,
        dictionary=ctx.d,
        source=ctx.path,
        details=details,
    )


def _ranges(rows) -> str:
    """'rows 5-7, 10' for a sorted array of row numbers."""
    rows = [int(r) for r in rows]
    parts, start, prev = [], rows[0], rows[0]
    for r in rows[1:] + [None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        parts.append(f"{start}" if start == prev else f"{start}-{prev}")
        if r is not None:
            start = prev = r
    return "row " + parts[0] if len(rows) == 1 else "rows " + ", ".join(parts)


def _report_required(report, rows, mask, var, name, problem=None):
    if mask.any():
        report.add(
            rows[mask],
            name,
            [""] * int(mask.sum()),
            problem or "missing value in required column",
            "an id for every respondent" if problem else "a value (this item is required)",
        )


def _undeclared(conv, d, var):
    missing = set(d.missing_codes(var))
    return sorted((m for m in conv.missing if m not in missing), key=str)


@dataclass(frozen=True)
class _DuplicateIds:
    """Rows sharing an id (within a wave): ``dup`` marks them, ``keyframe`` holds the key."""

    dup: np.ndarray
    keyframe: pd.DataFrame
    key_cols: list
    id_col: str
    ids: pd.Series


def _duplicates(ctx: _Parsed, rows: _Rows, dups: _DuplicateIds) -> None:
    report = ctx.report
    ids = dups.ids
    groups = dups.keyframe[dups.dup].groupby(dups.key_cols, sort=False, dropna=False).indices
    pos_of = np.flatnonzero(dups.dup)
    for _key, members in groups.items():
        positions = pos_of[members]
        rnums = ctx.rows[positions]
        for p, r in zip(positions, rnums):
            others = ", ".join(str(int(x)) for x in rnums if x != r)
            report.add(
                [r],
                dups.id_col,
                [ids.iloc[p]],
                "duplicate respondent id",
                "a different id on every row"
                + (" of a wave" if len(dups.key_cols) > 1 else "")
                + f" (this id is also on row {others})",
            )
        block = ctx.cells.iloc[positions].astype(object)
        if len(block.drop_duplicates()) == 1:
            reason = f"exact copy of row {int(rnums[0])} (same id, same answers)"
            rows.exclude(positions[1:], rnums[1:], reason, ids=[ids.iloc[p] for p in positions[1:]])
        else:
            listed = ", ".join(str(int(x)) for x in rnums)
            for p, r in zip(positions, rnums):
                rows.exclude(
                    [p], [r], f"id {ids.iloc[p]} used by rows {listed} with different answers", ids=[ids.iloc[p]]
                )


def _multiselect(ctx: _Parsed, rows: _Rows, var, mode, packed=None):
    """Expand one multiselect variable (``packed``: :func:`expand_packed` of its packed
    column, when already done). Returns (frame, layout, all_blank) or None."""
    d, report, resolved = ctx.d, ctx.report, ctx.resolved
    option_cols = {c: resolved[f"{var}_{c}"] for c in d.codes(var) if f"{var}_{c}" in resolved}
    packed_here = var in resolved
    if mode == "packed" or (mode == "auto" and packed_here):
        if not packed_here:
            return None
        name = resolved[var]
        j = ctx.columns[name]
        if packed is None:
            packed = expand_packed(ctx.cells[j], d, var, factorized=ctx.factorized[j])
        frame, bad, miss, blank = packed
        m = bad & rows.live
        report.add(
            ctx.rows[m],
            name,
            ctx.values_at(j, m),
            "value outside codes",
            "ticked options as codes or labels separated by ';' or ',': "
            + "; ".join(f"{c}={lab}" for c, lab in d.codes(var).items()),
        )
        if mode == "auto" and option_cols:
            for c, fname in option_cols.items():
                report.add(
                    [None],
                    fname,
                    [""],
                    f"option column ignored: {var!r} is also in the file packed in one column (used)",
                    "one layout per question",
                    severity="warning",
                )
                resolved.pop(f"{var}_{c}")
                resolved[f"__ignored_{fname}"] = fname
        return frame, "packed", blank
    if not option_cols:
        return None
    series = {c: ctx.cells[ctx.columns[f]] for c, f in option_cols.items()}
    frame, problems, miss, blank = combine_spread(series, d, var, ctx.cells.index)
    for code, mask in problems:
        m = mask & rows.live
        fname = option_cols[code]
        report.add(
            ctx.rows[m],
            fname,
            ctx.values_at(ctx.columns[fname], m),
            "value outside codes",
            f"1 or the label {d.codes(var)[code]!r} when ticked, 0 or blank when not",
        )
    absent = [c for c in d.codes(var) if c not in option_cols]
    if absent:
        report.add(
            [None],
            f"{var}_{absent[0]}",
            [""],
            f"option column(s) of {var!r} absent: " + ", ".join(f"{var}_{c}" for c in absent) + " (set to missing)",
            "one column per option",
            severity="warning",
        )
    return frame, "spread", blank


def _missing_table(ctx: _Parsed, conv: _Conversions, keep) -> pd.DataFrame:
    d, resolved = ctx.d, ctx.resolved
    recs = []
    for var, c in conv.converted.items():
        labels = d.value_labels(var)
        for code, n in c.count_missing(keep).items():
            recs.append((var, code, labels.get(code, ""), n))
    for var, layout in conv.multiselect.items():
        labels = d.value_labels(var)
        if layout == "packed":
            j = ctx.position(var)
            miss = packed_missing(ctx.cells[j], d, var, keep=keep, factorized=ctx.factorized[j])
        else:
            series = {c: ctx.column(f"{var}_{c}") for c in d.codes(var) if f"{var}_{c}" in resolved}
            _, _, miss, _ = combine_spread(series, d, var, ctx.cells.index, keep=keep)
        for code, n in miss.items():
            recs.append((var, code, labels.get(code, ""), n))
    order = {v: i for i, v in enumerate(d.variables)}
    recs.sort(key=lambda r: (order.get(r[0], 1e9), str(r[1])))
    out = pd.DataFrame(recs, columns=MISSING_COLUMNS).astype({"n": "int64"})
    out["code"] = out["code"].astype(object)
    return out
