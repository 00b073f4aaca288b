"""Data dictionaries: what each survey variable is, its codes, missing codes and scale.

A data dictionary is a table (CSV or XLSX, edited in Excel) with one row per
variable and these 12 columns (the format is explained for analysts in
``data-templates/survey/README.md``):

``variable, label, type, values, missing, scale, reverse, min, max, required, pillar, disclosure``

and an optional 13th, ``role``: what the variable is to the evidence pack (one of
:data:`ROLES`: a harm type, an impact item, a breakdown, the force, the wave...). The
pack finds every variable through these roles (:class:`toolkit.study.Contract`),
never by its name.

It drives validation (:func:`toolkit.io.read_survey`), recoding of missing
codes, scale scoring and the labels used in tables and figures.

Examples
--------
>>> from toolkit.dictionary import default_dictionary
>>> d = default_dictionary()
>>> d.type("trn_report"), d.label("trn_report")
('likert', 'I know how to report online abuse directed at me')
>>> d.codes("trn_report")
{1: 'Strongly disagree', 2: 'Disagree', 3: 'Neither agree nor disagree', 4: 'Agree', 5: 'Strongly agree'}
>>> d.missing_codes("trn_report"), d.range("trn_report")
([9], (1.0, 5.0))
>>> d.scales()["training_confidence"]
['trn_report', 'trn_protect', 'trn_confident', 'trn_unsure']
>>> d.reverse_items("training_confidence")
['trn_unsure']
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from toolkit.errors import DictionaryError, FileFormatError, ParameterError
from toolkit.paths import template

__all__ = [
    "TYPES",
    "COLUMNS",
    "PILLARS",
    "DISCLOSURE",
    "ROLES",
    "CODED_TYPES",
    "Dictionary",
    "load_dictionary",
    "default_dictionary",
    "parse_code",
]

#: Variable types a dictionary may use.
TYPES = (
    "id",
    "text",
    "categorical",
    "ordinal",
    "likert",
    "binary",
    "multiselect",
    "integer",
    "numeric",
    "date",
)
#: The 12 columns every dictionary has, in this order.
COLUMNS = (
    "variable",
    "label",
    "type",
    "values",
    "missing",
    "scale",
    "reverse",
    "min",
    "max",
    "required",
    "pillar",
    "disclosure",
)
#: The four pillars of the national recommendations.
PILLARS = ("recognition", "training", "reporting", "support")
#: Disclosure classes (used by small-cell suppression and de-identification).
DISCLOSURE = ("public", "quasi-identifier", "identifier", "restricted")
#: Roles a variable may play in the evidence pack (the optional ``role`` column; blank = none).
#: identifier: the respondent id; force: the organisation a respondent belongs to; wave: the
#: survey wave; date: completion date; breakdown: a characteristic results may be broken
#: down by (role, gender, age band...); weight: a weight supplied with the data; harm: a
#: 0/1 harm-type item (together they make "any harm") or a follow-up about the harm; impact:
#: an item on the impact of harm (asked of those harmed); behaviour: a change of online
#: behaviour; reporting, support, training: items of those pillars (0/1 items are published
#: as proportions; reporting items are asked of those harmed); free_text: an open answer
#: (never published). Items of a climate scale need no role: the ``scale`` column says it.
ROLES = (
    "identifier",
    "force",
    "wave",
    "date",
    "breakdown",
    "weight",
    "harm",
    "impact",
    "behaviour",
    "reporting",
    "support",
    "training",
    "free_text",
)
#: Roles at most one variable may have.
SINGLE_ROLES = ("identifier", "force", "wave", "date", "weight")
#: Types whose answers are codes listed in ``values``.
CODED_TYPES = ("categorical", "ordinal", "likert", "binary", "multiselect")
#: Types that may have a ``min``/``max`` range.
RANGED_TYPES = ("ordinal", "likert", "integer", "numeric")
#: Types that may belong to a ``scale``.
SCALE_TYPES = ("ordinal", "likert", "binary", "integer", "numeric")

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}
_CODE_RE = re.compile(r"^[A-Za-z0-9_.+\-]+$")


def parse_code(text):
    """A code as written in a dictionary or a data cell: ``int`` when whole, else ``float`` or ``str``.

    >>> parse_code("3"), parse_code(" 9.0 "), parse_code("-99"), parse_code("2.5"), parse_code("A")
    (3, 9, -99, 2.5, 'A')
    """
    if isinstance(text, bool):
        return int(text)
    if isinstance(text, int):
        return text
    if isinstance(text, float):
        return int(text) if text.is_integer() else text
    s = str(text).strip()
    try:
        return int(s)
    except ValueError:
        pass
    try:
        f = float(s)
    except ValueError:
        return s
    if math.isfinite(f) and f.is_integer():
        return int(f)
    return f


def _cell(value) -> str:
    """A dictionary cell as stripped text ('' when empty; 9.0 from Excel becomes '9')."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _parse_values(text: str):
    """Parse ``code=label; code=label``. Returns (dict, list of problems)."""
    out: dict = {}
    problems: list[tuple[str, str]] = []
    if not text:
        return out, problems
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            problems.append((f"malformed entry {part!r} in values", "'code=label' entries separated by ';'"))
            continue
        code_text, label = (s.strip() for s in part.split("=", 1))
        if not code_text or not _CODE_RE.match(code_text):
            problems.append(
                (
                    f"malformed code {code_text!r} in values",
                    "a code made of letters, digits, '-', '_' or '.' before '='",
                )
            )
            continue
        if not label:
            problems.append((f"code {code_text} has no label", "'code=label'"))
            continue
        code = parse_code(code_text)
        if code in out:
            problems.append((f"duplicate code {code_text} in values", "each code listed once"))
            continue
        out[code] = label
    return out, problems


def _parse_missing(text: str):
    out: list = []
    problems: list[tuple[str, str]] = []
    if not text:
        return out, problems
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if not _CODE_RE.match(part):
            problems.append((f"malformed missing code {part!r}", "codes separated by ';', e.g. '98; 99'"))
            continue
        code = parse_code(part)
        if code in out:
            problems.append((f"duplicate missing code {part}", "each missing code listed once"))
            continue
        out.append(code)
    return out, problems


def _parse_number(text: str):
    if not text:
        return None
    try:
        return float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        return "bad"


class Dictionary:
    """A validated data dictionary. Build one with :func:`load_dictionary`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per variable with the 12 columns (``variable, label, type, values,
        missing, scale, reverse, min, max, required, pillar, disclosure``) plus any
        extra columns of the file, and ``role`` (None when blank or when the file has no
        ``role`` column). ``type``, ``pillar``, ``role`` and ``disclosure`` are lower
        case; ``reverse`` and ``required`` are ``bool``; ``min``/``max`` are floats
        (NaN when blank); ``scale`` and ``pillar`` are missing (NaN) when blank.
    source : str
        File the dictionary was read from (``"<DataFrame>"`` when built from a table).
    """

    def __init__(self, table: pd.DataFrame, parsed: dict, source: str = ""):
        self.table = table
        self.source = source
        self._p = parsed  # variable -> dict(values=..., missing=[...])
        self._row = {v: i for i, v in enumerate(table["variable"])}
        # plain lists for fast look-ups (the table is treated as read-only; use copy() to edit)
        self._cols = {c: table[c].tolist() for c in table.columns}

    def copy(self) -> Dictionary:
        """An independent copy (editing its table does not change this one)."""
        parsed = {
            v: {"values": dict(p["values"]), "missing": list(p["missing"]), "row": p["row"]} for v, p in self._p.items()
        }
        return Dictionary(self.table.copy(), parsed, self.source)

    # ------------------------------------------------------------------ basics
    @property
    def variables(self) -> list:
        """Variable names in dictionary order."""
        return list(self.table["variable"])

    def __contains__(self, var) -> bool:
        return var in self._row

    def __len__(self) -> int:
        return len(self.table)

    def __iter__(self):
        return iter(self.variables)

    def __repr__(self) -> str:
        return f"<Dictionary {self.source or ''}: {len(self)} variables, {len(self.scales())} scales>"

    def _get(self, var, column):
        if var not in self._row:
            shown = self.variables if len(self) <= 30 else self.variables[:30] + ["..."]
            raise DictionaryError(f"Variable {var!r} is not in the data dictionary {self.source}. Variables: {shown}.")
        return self._cols[column][self._row[var]]

    @staticmethod
    def _opt(value):
        return None if value is None or (isinstance(value, float) and math.isnan(value)) or value == "" else value

    def type(self, var) -> str:
        """Type of ``var`` (one of :data:`TYPES`)."""
        return self._get(var, "type")

    def label(self, var) -> str:
        """Question text / label of ``var`` (the variable name when the label is blank)."""
        return self._opt(self._get(var, "label")) or var

    def value_labels(self, var) -> dict:
        """Every code of ``var`` with its label, missing codes included, in dictionary order."""
        self._get(var, "variable")
        return dict(self._p[var]["values"])

    def missing_codes(self, var) -> list:
        """Codes of ``var`` that mean a missing answer (e.g. 9 = Don't know)."""
        self._get(var, "variable")
        return list(self._p[var]["missing"])

    def codes(self, var) -> dict:
        """Valid (non-missing) codes of ``var`` with their labels, in dictionary order."""
        miss = set(self.missing_codes(var))
        return {c: lab for c, lab in self.value_labels(var).items() if c not in miss}

    def range(self, var):
        """``(min, max)`` of ``var`` as floats, or ``None`` when it has no range.

        Likert and ordinal items take ``min``/``max`` when given, else the smallest
        and largest numeric valid code. Integer and numeric items take ``min``/``max``;
        a blank bound is ``-inf`` / ``inf``.
        """
        lo, hi = self._get(var, "min"), self._get(var, "max")
        lo = None if pd.isna(lo) else float(lo)
        hi = None if pd.isna(hi) else float(hi)
        if self.type(var) in ("likert", "ordinal") and (lo is None or hi is None):
            nums = [c for c in self.codes(var) if isinstance(c, (int, float))]
            if nums:
                lo = float(min(nums)) if lo is None else lo
                hi = float(max(nums)) if hi is None else hi
        if lo is None and hi is None:
            return None
        return (-math.inf if lo is None else lo, math.inf if hi is None else hi)

    def scale(self, var):
        """Scale ``var`` belongs to, or ``None``."""
        return self._opt(self._get(var, "scale"))

    def scales(self) -> dict:
        """Scale name -> list of its items, in dictionary order."""
        out: dict = {}
        for var, sc in zip(self.table["variable"], self.table["scale"]):
            sc = self._opt(sc)
            if sc:
                out.setdefault(sc, []).append(var)
        return out

    def is_reverse(self, var) -> bool:
        """True when ``var`` is reverse-worded (scored ``min + max - x``)."""
        return bool(self._get(var, "reverse"))

    def reverse_items(self, scale=None) -> list:
        """Reverse-worded items, of one ``scale`` or of all scales."""
        if scale is not None and scale not in self.scales():
            raise DictionaryError(
                f"Scale {scale!r} is not in the data dictionary {self.source}. Scales: {sorted(self.scales())}."
            )
        t = self.table
        mask = t["reverse"].astype(bool)
        if scale is not None:
            mask &= t["scale"] == scale
        return list(t.loc[mask, "variable"])

    def is_required(self, var) -> bool:
        """True when every respondent must answer ``var``."""
        return bool(self._get(var, "required"))

    def required(self) -> list:
        """Variables every row must have a value for."""
        return list(self.table.loc[self.table["required"].astype(bool), "variable"])

    def pillar(self, var):
        """Pillar of ``var`` (recognition, training, reporting, support) or ``None``."""
        return self._opt(self._get(var, "pillar"))

    def by_pillar(self, pillar) -> list:
        """Variables of one pillar, in dictionary order."""
        if pillar not in PILLARS:
            raise DictionaryError(f"The 'pillar' parameter must be one of {list(PILLARS)}. Got {pillar!r} instead.")
        return list(self.table.loc[self.table["pillar"] == pillar, "variable"])

    def disclosure(self, var) -> str:
        """Disclosure class of ``var``: public, quasi-identifier, identifier or restricted."""
        return self._get(var, "disclosure")

    def role(self, var):
        """Role of ``var`` in the evidence pack (one of :data:`ROLES`) or ``None``."""
        return self._opt(self._get(var, "role"))

    def by_role(self, *roles) -> list:
        """Variables having one of ``roles``, in dictionary order.

        >>> d = default_dictionary()
        >>> d.by_role("wave"), d.by_role("reporting")[:2]
        (['wave'], ['reported', 'reported_to'])
        """
        unknown = [r for r in roles if r not in ROLES]
        if unknown:
            raise DictionaryError(
                f"The 'role' parameter of by_role must be one of {list(ROLES)}. Got {unknown[0]!r} instead."
            )
        return [v for v, r in zip(self._cols["variable"], self._cols["role"]) if r in roles]

    def of_type(self, *types) -> list:
        """Variables whose type is one of ``types``, in dictionary order."""
        return list(self.table.loc[self.table["type"].isin(types), "variable"])

    @property
    def id_variable(self):
        """The variable of type ``id``, or ``None``."""
        ids = self.of_type("id")
        return ids[0] if ids else None

    def option_columns(self, var) -> list:
        """Columns a multiselect ``var`` expands into: ``var_<code>`` for each valid code."""
        return [f"{var}_{c}" for c in self.codes(var)]


# ---------------------------------------------------------------------- loading
def _read_table(source) -> tuple[pd.DataFrame, str, int]:
    """Read a dictionary file as text cells. Returns table, source name and first row number."""
    if isinstance(source, pd.DataFrame):
        return source.copy(), "<DataFrame>", 2
    if not isinstance(source, (str, os.PathLike)):
        raise ParameterError(
            "The 'source' parameter of load_dictionary must be a path to a .csv / .xlsx file "
            f"or a pandas DataFrame. Got {type(source).__name__} instead."
        )
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"Data dictionary {path} not found.")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        # lazy: import cycle toolkit.dictionary -> toolkit.io (its __init__ imports survey_file) -> toolkit.dictionary
        from toolkit.io.csvfile import read_csv_text

        csvt = read_csv_text(path)
        table = csvt.rows.astype(object)  # plain text cells (pyarrow gives categoricals)
        table.columns = csvt.header
        return table, str(path), 2
    if suffix in (".xlsx", ".xlsm"):
        try:
            table = pd.read_excel(path, sheet_name=0, dtype=object, engine="calamine")
        except Exception as exc:  # corrupt zip, not an xlsx, ...
            raise FileFormatError(f"Cannot read data dictionary {path} as XLSX: {exc}") from None
        return table, str(path), 2
    raise FileFormatError(f"Data dictionary {path} has extension {path.suffix!r}; expected .csv or .xlsx.")


def load_dictionary(source) -> Dictionary:
    """Read and check a data dictionary.

    Parameters
    ----------
    source : str, pathlib.Path or pandas.DataFrame
        A CSV file (UTF-8, UTF-8 with BOM or Windows-1252; comma or semicolon
        separated), an XLSX file (first sheet), or a table with the 12 columns.

    Returns
    -------
    Dictionary
        The checked dictionary (see :class:`Dictionary` for its methods).

    Raises
    ------
    DictionaryError
        Listing every problem found, each with the row as numbered in the file
        (header = row 1), the column, the value and what was expected. For a
        DataFrame, row numbers are as if it were saved to CSV (first row = 2).
        Checked: missing header columns, blank or duplicate variable names, unknown
        type, malformed ``values`` / ``missing``, duplicate codes, coded types without
        codes (or binary without exactly 2 valid codes), codes on a type that cannot
        have them, ``min``/``max`` not numbers or on a type that cannot have them,
        ``min > max``, Likert/ordinal codes outside ``min``/``max``, scales with fewer
        than 2 items or with items of a non-scorable type, ``reverse`` on an item
        without a scale or range, bad yes/no cells, unknown pillar or disclosure,
        more than one ``id`` variable, multiselect option columns clashing with
        another variable.
    FileFormatError, FileNotFoundError
        The file cannot be read.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.dictionary import load_dictionary
    >>> t = pd.DataFrame({"variable": ["id", "q1"], "label": ["", "Q1"], "type": ["id", "likert"],
    ...     "values": ["", "1=No; 2=Maybe; 3=Yes; 9=Don't know"], "missing": ["", "9"],
    ...     "scale": ["", ""], "reverse": ["", ""], "min": ["", ""], "max": ["", ""],
    ...     "required": ["yes", ""], "pillar": ["", "support"], "disclosure": ["identifier", "public"]})
    >>> d = load_dictionary(t)
    >>> d.codes("q1"), d.range("q1"), d.required()
    ({1: 'No', 2: 'Maybe', 3: 'Yes'}, (1.0, 3.0), ['id'])
    >>> t.loc[1, "type"] = "likret"
    >>> load_dictionary(t)
    Traceback (most recent call last):
    ...
    toolkit.errors.DictionaryError: Data dictionary <DataFrame> has 1 problem(s):
      - row 3, column 'type': unknown type; found 'likret', expected one of id, text, ...
    """
    raw, name, first_row = _read_table(source)
    cells, rownum = _text_cells(raw, name, first_row)
    checks = _RowChecks()
    names = list(cells.columns)  # may repeat "" (unnamed columns, ignored)
    for row, values in zip(rownum.tolist(), cells.itertuples(index=False, name=None)):
        checks.check(int(row), dict(zip(names, values)))
    checks.across_rows()
    if checks.problems:
        checks.problems.sort(key=lambda p: (p[0], COLUMNS.index(p[1]) if p[1] in COLUMNS else 99))
        _raise(name, checks.problems)
    return _build(checks, list(raw.columns), name)


# ---------------------------------------------------------------- loading steps
def _text_cells(raw: pd.DataFrame, name: str, first_row: int) -> tuple[pd.DataFrame, pd.Series]:
    """Header checked, every cell as stripped text, blank rows dropped; with the row numbers."""
    raw.columns = [_cell(c).lower() for c in raw.columns]
    missing_cols = [c for c in COLUMNS if c not in raw.columns]
    if missing_cols:
        _raise(
            name, [(1, c, "", "missing header column", "the 12 columns " + ", ".join(COLUMNS)) for c in missing_cols]
        )
    dup_cols = sorted({c for c in raw.columns if list(raw.columns).count(c) > 1 and c})
    if dup_cols:
        _raise(name, [(1, c, c, "header column appears more than once", "each column once") for c in dup_cols])
    cells = raw.map(_cell) if len(raw) else raw.astype(str)
    rownum = pd.Series(range(first_row, first_row + len(cells)), index=cells.index)
    blank = (cells == "").all(axis=1)
    cells, rownum = cells[~blank], rownum[~blank]
    if cells.empty:
        _raise(
            name,
            [(first_row, "variable", "", "the dictionary has no variables (no rows)", "one row per survey variable")],
        )
    return cells, rownum


@dataclass(frozen=True)
class _DictRow:
    """One dictionary row as read: its cells (stripped text) and what parsing them gave."""

    row: int  # as numbered in the file
    cells: dict
    var: str
    vtype: str
    values: dict
    values_ok: bool  # ``values`` parsed without a problem
    missing: list
    valid: list  # codes in ``values`` that are not missing codes
    lo: float | None
    hi: float | None


class _RowChecks:
    """Checks each dictionary row, then across rows; collects problems and the parsed rows."""

    def __init__(self):
        self.problems: list = []  # (row, column, value, problem, expected)
        self.records: list[dict] = []
        self.parsed: dict = {}
        self.seen: dict = {}  # variable -> row

    def add(self, row, column, value, problem, expected) -> None:
        self.problems.append((row, column, value, problem, expected))

    # ------------------------------------------------------------- one row
    def check(self, row: int, r: dict) -> None:
        var = r["variable"]
        if not var:
            self.add(row, "variable", "", "blank variable name", "a name such as 'q1'")
            return
        if re.search(r"\s", var):
            self.add(row, "variable", var, "variable name contains spaces", "a name without spaces, e.g. 'harm_abuse'")
        if var in self.seen:
            self.add(row, "variable", var, f"duplicate variable (also row {self.seen[var]})", "each variable once")
            return
        self.seen[var] = row
        vtype = r["type"].lower()
        if vtype not in TYPES:
            self.add(row, "type", r["type"], "unknown type", "one of " + ", ".join(TYPES))
        values, vprobs = _parse_values(r["values"])
        for prob, exp in vprobs:
            self.add(row, "values", r["values"], prob, exp)
        missing, probs = _parse_missing(r["missing"])
        for prob, exp in probs:
            self.add(row, "missing", r["missing"], prob, exp)
        lo, hi = _parse_number(r["min"]), _parse_number(r["max"])
        d = _DictRow(
            row=row,
            cells=r,
            var=var,
            vtype=vtype,
            values=values,
            values_ok=not vprobs,
            missing=missing,
            valid=[c for c in values if c not in set(missing)],
            lo=None if lo == "bad" else lo,
            hi=None if hi == "bad" else hi,
        )
        self._codes(d)
        self._missing_codes(d)
        self._range(d, lo, hi)
        flags = self._flags(d)
        pillar, disclosure, role = self._classes(d)
        self._scale(d, flags)
        self.parsed[var] = {"values": values, "missing": missing, "row": row}
        rec = dict(r)
        rec.update(
            variable=var,
            type=vtype,
            pillar=pillar or None,
            disclosure=disclosure,
            role=role or None,
            scale=r["scale"] or None,
            reverse=flags["reverse"],
            required=flags["required"],
            label=r["label"],
            min=d.lo if d.lo is not None else math.nan,
            max=d.hi if d.hi is not None else math.nan,
        )
        self.records.append(rec)

    def _codes(self, d: _DictRow) -> None:
        """Codes fit the type: coded types have them (binary exactly 2), others have none."""
        row, vtype, text = d.row, d.vtype, d.cells["values"]
        if vtype in CODED_TYPES:
            if d.values_ok and not d.valid:
                self.add(row, "values", text, f"a {vtype} item needs codes", "'code=label; code=label'")
            elif vtype == "binary" and len(d.valid) != 2:
                self.add(
                    row,
                    "values",
                    text,
                    f"a binary item needs exactly 2 valid codes, found {len(d.valid)}",
                    "e.g. '0=No; 1=Yes' (missing codes listed in 'missing')",
                )
            elif vtype in ("likert", "ordinal") and len(d.valid) < 2:
                self.add(row, "values", text, f"a {vtype} item needs at least 2 valid codes", "'1=...; 2=...'")
        elif vtype in ("id", "text", "date") and d.values:
            self.add(row, "values", text, f"codes on a {vtype} item", "blank 'values' for id, text and date items")
        elif vtype in ("integer", "numeric") and d.valid:
            self.add(
                row,
                "values",
                text,
                f"codes on a {vtype} item that are not missing codes",
                "only labels of missing codes (listed in 'missing') for integer and numeric items",
            )

    def _missing_codes(self, d: _DictRow) -> None:
        row, vtype, text = d.row, d.vtype, d.cells["missing"]
        if vtype == "id" and d.missing:
            self.add(row, "missing", text, "missing codes on an id item", "blank")
        if vtype in ("integer", "numeric", "likert", "ordinal"):
            bad = [c for c in d.missing if not isinstance(c, (int, float))]
            if bad:
                self.add(
                    row,
                    "missing",
                    text,
                    f"non-numeric missing code {bad[0]!r} on a {vtype} item",
                    "numeric codes such as 9 or -99",
                )

    def _range(self, d: _DictRow, lo, hi) -> None:
        """``min`` / ``max`` are numbers, on a type that has a range, in order; Likert and
        ordinal codes are numeric and within them."""
        row, vtype, r = d.row, d.vtype, d.cells
        for col, val in (("min", lo), ("max", hi)):
            if val == "bad":
                self.add(row, col, r[col], f"{col} is not a number", "a number or blank")
            elif val is not None and vtype in TYPES and vtype not in RANGED_TYPES:
                self.add(
                    row,
                    col,
                    r[col],
                    f"{col} on a {vtype} item",
                    "blank (min/max apply to likert, ordinal, integer, numeric)",
                )
        lo, hi = d.lo, d.hi
        if lo is not None and hi is not None and lo > hi:
            self.add(row, "min", r["min"], f"min {lo:g} is greater than max {hi:g}", "min <= max")
        if vtype in ("likert", "ordinal"):
            out = [
                c
                for c in d.valid
                if isinstance(c, (int, float)) and ((lo is not None and c < lo) or (hi is not None and c > hi))
            ]
            if out:
                self.add(
                    row,
                    "values",
                    r["values"],
                    f"valid code(s) {out} outside min/max",
                    "valid codes within [min, max]; list codes such as 9 = Don't know in 'missing'",
                )
            if any(not isinstance(c, (int, float)) for c in d.valid):
                self.add(
                    row,
                    "values",
                    r["values"],
                    f"non-numeric codes on a {vtype} item",
                    "numeric codes such as 1=Strongly disagree",
                )

    def _flags(self, d: _DictRow) -> dict:
        flags = {}
        for col in ("reverse", "required"):
            v = d.cells[col].lower()
            if v in _YES:
                flags[col] = True
            elif v in _NO:
                flags[col] = False
            else:
                self.add(d.row, col, d.cells[col], f"{col} must be yes, no or blank", "yes, no or blank")
                flags[col] = False
        return flags

    def _classes(self, d: _DictRow) -> tuple[str, str, str]:
        """Pillar, disclosure class and role, lower case, each checked against its list."""
        row, vtype, r = d.row, d.vtype, d.cells
        pillar = r["pillar"].lower()
        if pillar and pillar not in PILLARS:
            self.add(row, "pillar", r["pillar"], "unknown pillar", "one of " + ", ".join(PILLARS) + " or blank")
        disclosure = r["disclosure"].lower()
        if disclosure not in DISCLOSURE:
            self.add(
                row,
                "disclosure",
                r["disclosure"],
                "unknown disclosure class" if disclosure else "blank disclosure class",
                "one of " + ", ".join(DISCLOSURE),
            )
        role = r["role"].lower().replace("-", "_").replace(" ", "_") if "role" in r else ""
        if role and role not in ROLES:
            self.add(row, "role", r["role"], "unknown role", "one of " + ", ".join(ROLES) + " or blank")
            role = ""
        elif role == "weight" and vtype not in ("numeric", "integer"):
            self.add(row, "role", r["role"], f"a weight of type {vtype}", "type numeric for a weight variable")
        elif role == "harm" and vtype in ("id", "text"):
            self.add(
                row, "role", r["role"], f"a harm item of type {vtype}", "a binary item (0=No; 1=Yes) for a harm type"
            )
        elif role == "identifier" and disclosure and disclosure != "identifier":
            self.add(
                row,
                "disclosure",
                r["disclosure"],
                "an identifier not classed as one",
                "disclosure 'identifier' for the variable with role identifier",
            )
        return pillar, disclosure, role

    def _scale(self, d: _DictRow, flags: dict) -> None:
        """A scale item has a scorable type; a reverse item has a scale and a range."""
        row, vtype, r = d.row, d.vtype, d.cells
        scale = r["scale"]
        if scale and vtype in TYPES and vtype not in SCALE_TYPES:
            self.add(
                row,
                "scale",
                scale,
                f"a {vtype} item cannot belong to a scale",
                "blank, or type " + "/".join(SCALE_TYPES),
            )
        if not flags["reverse"]:
            return
        if not scale:
            self.add(
                row, "reverse", r["reverse"], "reverse on an item with no scale", "blank, or give the item a scale"
            )
        elif vtype in SCALE_TYPES and vtype != "binary":
            numeric = [c for c in d.valid if isinstance(c, (int, float))]
            has_range = (d.lo is not None and d.hi is not None) or (
                vtype in ("likert", "ordinal") and len(numeric) >= 2
            )
            if not has_range:
                self.add(
                    row,
                    "reverse",
                    r["reverse"],
                    "reverse item without min and max",
                    "min and max, needed to score min + max - x",
                )

    # ------------------------------------------------------------- across rows
    def across_rows(self) -> None:
        """Scales of one item, single roles used twice, several id variables, multiselect
        option columns clashing with another variable."""
        records, parsed = self.records, self.parsed
        scales: dict = {}
        for rec in records:
            if rec["scale"]:
                scales.setdefault(rec["scale"], []).append(rec["variable"])
        for sc, items in scales.items():
            if len(items) < 2:
                self.add(
                    parsed[items[0]]["row"],
                    "scale",
                    sc,
                    f"scale {sc!r} has only 1 item",
                    "at least 2 items per scale (or leave 'scale' blank)",
                )
        for single in SINGLE_ROLES:
            having = [rec["variable"] for rec in records if rec["role"] == single]
            for extra in having[1:]:
                self.add(
                    parsed[extra]["row"],
                    "role",
                    single,
                    f"more than one variable with role {single} ({', '.join(having)})",
                    f"role {single} on one variable only",
                )
        ids = [rec["variable"] for rec in records if rec["type"] == "id"]
        for extra in ids[1:]:
            self.add(
                parsed[extra]["row"],
                "type",
                "id",
                f"more than one id variable ({', '.join(ids)})",
                "one variable of type id",
            )
        for rec in records:
            if rec["type"] == "multiselect":
                var = rec["variable"]
                for code in parsed[var]["values"]:
                    col = f"{var}_{code}"
                    if col in self.seen:
                        self.add(
                            self.seen[col],
                            "variable",
                            col,
                            f"clashes with option {code} of multiselect {var!r}",
                            "another variable name",
                        )


def _build(checks: _RowChecks, file_columns: list, name: str) -> Dictionary:
    extra_cols = [c for c in file_columns if c not in COLUMNS and c and c != "role"]
    table = pd.DataFrame.from_records(checks.records, columns=list(COLUMNS) + ["role"] + extra_cols)
    table["min"] = table["min"].astype(float)
    table["max"] = table["max"].astype(float)
    table["reverse"] = table["reverse"].astype(bool)
    table["required"] = table["required"].astype(bool)
    return Dictionary(table, checks.parsed, name)


def _raise(name, problems):
    lines = [f"Data dictionary {name} has {len(problems)} problem(s):"]
    for row, column, value, problem, expected in problems:
        lines.append(f"  - row {row}, column '{column}': {problem}; found {value!r}, expected {expected}")
    lines.append("Fix these cells (see data-templates/survey/README.md for the format) and load it again.")
    err = DictionaryError("\n".join(lines))
    err.problems = pd.DataFrame(problems, columns=["row", "column", "value", "problem", "expected"])
    raise err


_DEFAULT = None


def default_dictionary() -> Dictionary:
    """The bundled item bank ``data-templates/survey/dictionary.csv``.

    >>> d = default_dictionary()
    >>> d.id_variable, d.by_pillar("training")[:2]
    ('resp_id', ['train_induction', 'train_manager'])
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_dictionary(template("survey", "dictionary.csv"))
    return _DEFAULT.copy()
