"""Presentation tables: what a reader sees, built from a published (gated) table.

The analysis tables stay as they are (CSV, and the annex of ``tables.xlsx``). A
presentation table is their display form:

- labels from the data dictionary (``C(role)[T.2]`` becomes
  "Role: Police staff (vs police officer)");
- an estimate and its interval in one cell ("39% (37 to 41)");
- counts as whole numbers, years plain, p-values as "<0.001";
- the method once, as a table note, not in every row;
- suppressed cells marked :data:`toolkit.disclosure.MARKER` (``[c]``, as the Office for
  National Statistics marks confidential cells), with a legend.

Every cell is read from the published table's values; nothing is re-estimated here.

>>> import pandas as pd
>>> t = pd.DataFrame({"group": ["Police officer", "PCSO"], "estimate": [0.392, None],
...                   "ci_low": [0.371, None], "ci_high": [0.413, None],
...                   "n": [1183.0, None], "n_events": [464.0, None],
...                   "method": ["Taylor linearisation", "Taylor linearisation"]})
>>> p = present_table(t, suppressed=[[False] * 7, [False, True, True, True, True, True, False]])
>>> p.columns
['Group', 'Percentage (95% CI)', 'n', 'With the outcome']
>>> p.rows[0]
['Police officer', '39% (37 to 41)', '1,183', '464']
>>> p.rows[1]
['PCSO', '[c]', '[c]', '[c]']
>>> p.note
'Method: Taylor linearisation. [c] = confidential: withheld by disclosure control.'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from toolkit.disclosure import MARKER

__all__ = [
    "LEGEND",
    "MARKER",
    "PresentationTable",
    "estimate_with_ci",
    "gate_mask",
    "present_published",
    "present_table",
    "published_mask",
    "suppressed_mask",
    "term_label",
]

#: the legend printed under every table with a suppressed cell
LEGEND = f"{MARKER} = confidential: withheld by disclosure control."

#: a table column's cell: row position -> (text shown, whether it is withheld)
_Cell = Callable[[int], tuple[str, bool]]

#: columns the reader does not need in the body (they stay in the analysis tables)
_DROP = {
    "se",
    "n_weighted",
    "kind",
    "df",
    "df2",
    "n_groups",
    "n_scored",
    "alpha_std",
    "suppress",
    "effect_size_type",
    "statistic",
    "event_time",
    "time",
}

_HEADERS = {
    "n": "n",
    "n_events": "With the outcome",
    "n_cases": "Interviews",
    "n_closed": "Closed",
    "n_level": "Gave this answer",
    "n_words": "Words",
    "n_units": "Units",
    "n_sources": "Interviews",
    "p": "p",
    "p_adj": "p (adjusted)",
    "k": "Items",
    "omega_total": "Omega total",
    "share_care": "Care framing",
    "share_misconduct": "Misconduct framing",
    "care_per_1000": "Care terms per 1,000 words",
    "misconduct_per_1000": "Misconduct terms per 1,000 words",
    "effect_size": "Effect size",
    "dv": "Outcome",
    "outcome": "Outcome",
    "label": "Measure",
    "term": "Term",
    "name": "Theme",
    "theme": "Theme",
    "victim_type": "Victim",
    "crime_status": "Recorded as",
    "estimator": "Estimator",
    "measure": "Measure",
    "id": "Document",
}

_MEASURES = {
    "rao_scott_f": "Rao-Scott F",
    "wald_f": "Wald F",
    "percent_agreement": "Percent agreement",
    "cohen_kappa": "Cohen's kappa",
    "krippendorff_alpha": "Krippendorff's alpha",
}


@dataclass
class PresentationTable:
    """A table ready to print: every cell is text, with its suppression flag.

    Attributes
    ----------
    name, title : str
        The published table's name and title.
    columns : list of str
        Column headers.
    rows : list of list of str
        Cell texts (suppressed cells are :data:`MARKER`).
    suppressed : list of list of bool
        True where a cell was withheld by disclosure control.
    numeric : list of bool
        True for a column of numbers (right-aligned).
    note : str or None
        The table note: caption, method (once) and the suppression legend when needed.
    pillar : str or None
        The pillar the table belongs to.
    """

    name: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    suppressed: list[list[bool]]
    numeric: list[bool]
    note: str | None = None
    pillar: str | None = None
    extra: dict = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The table as a DataFrame of strings."""
        return pd.DataFrame(self.rows, columns=self.columns)


def _missing(x) -> bool:
    if x is None or x is pd.NA:
        return True
    try:
        return bool(isinstance(x, float) and math.isnan(x))
    except TypeError:
        return False


def _pct(x) -> str:
    return f"{100 * float(x):.0f}%"


def _pct_bare(x) -> str:
    return f"{100 * float(x):.0f}"


def _num(x, digits: int = 2) -> str:
    x = float(x)
    if x != 0 and abs(x) < 0.5 * 10**-digits:
        out = f"{x:.2g}"  # a small rate: two significant digits rather than 0.00
        return "−" + out[1:] if out.startswith("-") else out
    out = f"{x:,.{digits}f}"
    return "−" + out[1:] if out.startswith("-") else out  # typographic minus


def _count(x) -> str:
    return f"{round(float(x)):,}"


def estimate_with_ci(estimate, low, high, *, kind: str = "number", digits: int = 2) -> str:
    """An estimate with its interval in one cell: ``39% (37 to 41)``, ``1.97 (1.56 to 2.50)``.

    >>> estimate_with_ci(0.392, 0.373, 0.413, kind="pct")
    '39% (37 to 41)'
    >>> estimate_with_ci(-0.05, -0.26, 0.16)
    '−0.05 (−0.26 to 0.16)'
    >>> estimate_with_ci(0.5, None, None, kind="pct")
    '50%'
    """
    if _missing(estimate):
        return "–"
    if kind == "pct":
        head = _pct(estimate)
        if _missing(low) or _missing(high):
            return head
        return f"{head} ({_pct_bare(low)} to {_pct_bare(high)})"
    head = _num(estimate, digits)
    if _missing(low) or _missing(high):
        return head
    return f"{head} ({_num(low, digits)} to {_num(high, digits)})"


_TERM = re.compile(r"^C\((?P<var>[A-Za-z_][A-Za-z0-9_]*)(?:,[^\]]*)?\)\[T\.(?P<level>.+)\]$")


def _short_name(var: str) -> str:
    return var.replace("_", " ").capitalize()


def _code_key(level: str, codes: dict):
    for key in codes:
        if str(key) == level:
            return key
    try:
        number = float(level)
    except ValueError:
        return level
    for key in codes:
        try:
            if float(key) == number:
                return key
        except (TypeError, ValueError):
            continue
    return level


def term_label(term: str, dictionary=None, *, terms=()) -> str:
    """A readable label of a patsy / statsmodels model term.

    ``terms`` (all terms of the model) lets the reference level be found: the code of the
    variable that has no term of its own.

    >>> from toolkit.dictionary import default_dictionary
    >>> d = default_dictionary()
    >>> term_label("Intercept")
    'Intercept (reference groups)'
    >>> term_label("C(role)[T.2]", d, terms=["Intercept", "C(role)[T.2]", "C(role)[T.3]"])
    'Role: Police staff (vs police officer)'
    >>> term_label("public_facing", d)
    'Public facing: Yes (vs no)'
    >>> term_label("C(x)[T.b]")
    'X: b'
    """
    if term == "Intercept":
        return "Intercept (reference groups)"
    m = _TERM.match(term)
    var, level = (m.group("var"), m.group("level")) if m else (term, None)
    codes = {}
    if dictionary is not None and var in dictionary:
        try:
            codes = dictionary.codes(var)
        except (KeyError, ValueError, TypeError):  # a dictionary variable without codes
            codes = {}
    name = _short_name(var)
    if level is None:
        if codes and len(codes) == 2:
            (_, lo_label), (_, hi_label) = sorted(codes.items(), key=lambda kv: str(kv[0]))
            return f"{name}: {hi_label} (vs {lo_label.lower()})"
        return name
    if not codes:
        return f"{name}: {level}"
    key = _code_key(level, codes)
    label = codes.get(key, level)
    used = set()
    for other in terms:
        mo = _TERM.match(str(other))
        if mo and mo.group("var") == var:
            used.add(str(_code_key(mo.group("level"), codes)))
    reference = [lab for c, lab in codes.items() if str(c) not in used and str(c) != str(key)]
    if terms and len(reference) >= 1:
        return f"{name}: {label} (vs {reference[0][:1].lower() + reference[0][1:]})"
    return f"{name}: {label}"


def _row_keys(data: pd.DataFrame, i: int) -> set[str]:
    keys = set()
    for col in data.columns:
        v = data[col].iloc[i]
        if isinstance(v, str):
            keys.add(v)
    return keys


def suppressed_mask(data: pd.DataFrame, records=(), *, name: str | None = None) -> pd.DataFrame:
    """Which cells of a published table were withheld by disclosure control.

    Uses, in order: a boolean frame in ``data.attrs["suppressed"]`` (set by the
    publication gate), else the disclosure records of the table (``ctx.disclosure``):
    a missing cell in a row with a primary or secondary suppression is a withheld cell
    (an estimate resting on a withheld count is withheld with it).

    Returns
    -------
    pandas.DataFrame
        Booleans, same shape, index and columns as ``data``.
    """
    gated = data.attrs.get("suppressed") if hasattr(data, "attrs") else None
    if isinstance(gated, pd.DataFrame) and gated.shape == data.shape:
        return gated.astype(bool).set_axis(data.index, axis=0).set_axis(data.columns, axis=1)
    mask = pd.DataFrame(False, index=data.index, columns=data.columns)
    withheld = ("primary", "secondary", "zero", "events", "complement", "linked", "estimate")
    rows = {
        str(r.get("row"))
        for r in records
        if (name is None or str(r.get("table", name)).split(":")[0] == name)
        and (r.get("action") in withheld or r.get("rule") in withheld)
    }
    if not rows:
        return mask
    na = data.isna()
    for i in range(len(data)):
        if _row_keys(data, i) & rows:
            mask.iloc[i] = na.iloc[i].to_numpy()
    return mask


def _is_numeric(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)


def _is_count(col: str, s: pd.Series) -> bool:
    if not _is_numeric(s):
        return False
    if col == "n" or col.startswith("n_") or col == "Total" or pd.api.types.is_integer_dtype(s):
        return True
    vals = pd.to_numeric(s, errors="coerce").dropna()
    return len(vals) > 0 and bool(((vals % 1) == 0).all()) and col not in ("estimate", "ci_low", "ci_high")


def _is_year(col: str, s: pd.Series) -> bool:
    if col.lower() not in ("year", "wave", "cohort", "first_treated"):
        return False
    vals = pd.to_numeric(s, errors="coerce").dropna()
    return len(vals) > 0 and bool(((vals % 1) == 0).all())


def _header(col: str, by: str | None = None) -> str:
    if col == "group" and by:
        return _short_name(by)
    if col in _HEADERS:
        return _HEADERS[col]
    if col != col.lower() or any(ch.isdigit() for ch in col):
        return col  # already a label (a group such as "Chief Inspector", a period "2021Q1")
    return _short_name(col)


def _labeller(dictionary):
    def label(value) -> str:
        if not isinstance(value, str):
            return str(value)
        if value in _MEASURES:
            return _MEASURES[value]
        if dictionary is not None and value in dictionary:
            text = dictionary.label(value)
            return text.split(": ", 1)[-1] if ": " in text else text
        if value == "harm_any":
            return "Any online harm"
        if re.fullmatch(r"[a-z0-9_]+", value):
            return _short_name(value)
        if value and value == value.lower() and value[0].isalpha():
            return value[0].upper() + value[1:]
        return value

    return label


def present_table(
    data: pd.DataFrame,
    *,
    suppressed=None,
    name: str = "",
    title: str = "",
    caption: str | None = None,
    pillar: str | None = None,
    dictionary=None,
    percent: bool | None = None,
    max_rows: int | None = None,
) -> PresentationTable:
    """Build the presentation form of one published table.

    Parameters
    ----------
    data : pandas.DataFrame
        The published table (after the publication gate).
    suppressed : pandas.DataFrame or list of lists of bool, optional
        Cells withheld by disclosure control (see :func:`suppressed_mask`).
    name, title, caption, pillar : str
        Carried over from the published table; ``caption`` opens the note.
    dictionary : toolkit.dictionary.Dictionary, optional
        Labels of variables and codes.
    percent : bool, optional
        Show ``estimate`` / ``ci_low`` / ``ci_high`` as percentages. By default, when the
        table counts events (``n_events``) or cases (``n_cases``): a proportion.
    max_rows : int, optional
        Keep the first rows only (the note says how many are shown).

    Returns
    -------
    PresentationTable
    """
    data = data.reset_index(drop=True)
    if suppressed is None:
        mask = pd.DataFrame(False, index=data.index, columns=data.columns)
    elif isinstance(suppressed, pd.DataFrame):
        mask = suppressed.reset_index(drop=True).reindex(columns=data.columns, fill_value=False).fillna(False)
    else:
        mask = pd.DataFrame(suppressed, columns=data.columns)
    mask = mask.astype(bool)
    label = _labeller(dictionary)
    cols = list(data.columns)
    notes: list[str] = []
    if caption:
        notes.append(caption.rstrip(".") + ".")
    if "method" in cols:
        methods = [m for m in pd.unique(data["method"].dropna().astype(str)) if m]
        if methods:
            notes.append("Method: " + "; ".join(methods).rstrip(".") + ".")
    if percent is None:
        percent = ("n_events" in cols and data["n_events"].notna().any()) or "n_cases" in cols
    by = None
    if "by" in cols and data["by"].nunique(dropna=True) == 1:
        by = str(data["by"].dropna().iloc[0])
    if "between" in cols and data["between"].nunique(dropna=True) == 1:
        notes.append(f"Compared by {str(data['between'].dropna().iloc[0]).replace('_', ' ')}.")

    # columns shown, each as (header, numeric, cell function(i) -> (text, suppressed))
    spec: list[tuple[str, bool, _Cell]] = []
    used: set[str] = {"method", "by", "between"}

    def cell_of(col, fmt):
        def f(i):
            if mask[col].iloc[i]:
                return MARKER, True
            v = data[col].iloc[i]
            return ("–" if _missing(v) else fmt(v)), False

        return f

    def combined(est, lo, hi, kind, digits=2):
        def f(i):
            if mask[est].iloc[i] or (lo in mask and mask[lo].iloc[i]):
                return MARKER, True
            return estimate_with_ci(
                data[est].iloc[i], data[lo].iloc[i], data[hi].iloc[i], kind=kind, digits=digits
            ), False

        return f

    # identifying text columns first
    if "label" in cols and "term" in cols:
        used.add("label")  # a model's terms are labelled from the dictionary here, with their reference group
    elif "label" in cols:
        used.add("outcome")
    if "code" in cols and "name" in cols:
        used.add("code")
    if "outcome" in cols and "label" not in cols and data["outcome"].nunique(dropna=True) == 1 and len(data) > 1:
        notes.insert(0, f"Outcome: {label(str(data['outcome'].dropna().iloc[0]))}.")
        used.add("outcome")
    terms = list(data["term"].astype(str)) if "term" in cols else []
    for col in cols:
        if len(data) and data[col].isna().all() and not mask[col].any():
            used.add(col)  # nothing to show (e.g. no events column for means)
    for col in cols:
        if col in used or col in _DROP or _is_numeric(data[col]):
            continue
        if (
            col not in ("term", "group", "label", "name", "theme", "outcome")
            and len(data) > 1
            and data[col].nunique(dropna=True) == 1
            and len(spec) > 0
        ):
            notes.append(f"{_header(col, by)}: {label(str(data[col].dropna().iloc[0]))}.")
            used.add(col)
            continue
        if col == "term":
            spec.append(
                ("Term", False, lambda i: (term_label(str(data["term"].iloc[i]), dictionary, terms=terms), False))
            )
        elif col == "pillar" and data[col].nunique(dropna=True) <= 4:
            continue
        else:
            spec.append((_header(col, by), False, cell_of(col, lambda v: label(v) if isinstance(v, str) else str(v))))
        used.add(col)

    # estimates with their interval in one cell
    triples = []
    if "odds_ratio" in cols and "ci_low" in cols:
        triples.append(("Odds ratio (95% CI)", "odds_ratio", "ci_low", "ci_high", "number"))
        used.add("estimate")
    if "ratio" in cols and "ratio_ci_low" in cols:
        triples.append(("Rate ratio (95% CI)", "ratio", "ratio_ci_low", "ratio_ci_high", "number"))
        used.update({"estimate", "ci_low", "ci_high"})
    if "alpha" in cols and "ci_low" in cols:
        triples.append(("Cronbach's alpha (95% CI)", "alpha", "ci_low", "ci_high", "number"))
        used.add("estimate")
    if "median_days" in cols and "p25_days" in cols:
        triples.append(("Median days (quartiles)", "median_days", "p25_days", "p75_days", "count"))
    if "estimate" in cols and "estimate" not in used and "ci_low" in cols:
        head = "Estimate (95% CI)" if not percent else "Percentage (95% CI)"
        if "scale" in cols or (percent is False and "mean" in (title or "").lower()):
            head = "Mean (95% CI)"
        triples.append((head, "estimate", "ci_low", "ci_high", "pct" if percent else "number"))
    numeric_specs: list[tuple[str, bool, _Cell]] = []
    for head, est, lo, hi, kind in triples:
        if kind == "count":

            def f(i: int, est: str = est, lo: str = lo, hi: str = hi) -> tuple[str, bool]:
                if mask[est].iloc[i]:
                    return MARKER, True
                v, a, b = data[est].iloc[i], data[lo].iloc[i], data[hi].iloc[i]
                if _missing(v):
                    return "–", False
                return (_count(v) if _missing(a) else f"{_count(v)} ({_count(a)} to {_count(b)})"), False

            numeric_specs.append((head, True, f))
        else:
            numeric_specs.append((head, True, combined(est, lo, hi, kind)))
        used.update({est, lo, hi})
    for col in cols:
        if col in used or col in _DROP:
            continue
        s = data[col]
        if not _is_numeric(s):
            continue
        if col == "level" and dictionary is not None and "item" in cols:
            spec.append(("Answer", False, _level_cell(data, mask, dictionary)))
            used.add(col)
            continue
        if col in ("p", "p_adj") or col.startswith("p_"):
            fmt = lambda v: "<0.001" if float(v) < 0.001 else f"{float(v):.3f}"
        elif _is_year(col, s):
            fmt = lambda v: str(int(float(v)))
        elif col == "share" or col.startswith("share_") or col == "proportion" or (col == "estimate" and percent):
            fmt = _pct
        elif _is_count(col, s):
            fmt = _count
        else:
            fmt = _num
        numeric_specs.append((_header(col, by), not _is_year(col, s), cell_of(col, fmt)))
        used.add(col)
    # years first among the identifiers (a table by year reads from its year column)
    year_specs = [s for s in numeric_specs if not s[1]]
    numeric_specs = [s for s in numeric_specs if s[1]]
    spec = year_specs + spec + numeric_specs

    n_total = len(data)
    index = range(n_total if max_rows is None else min(n_total, max_rows))
    rows, flags = [], []
    for i in index:
        cells = [f(i) for _, _, f in spec]
        rows.append([c[0] for c in cells])
        flags.append([c[1] for c in cells])
    if max_rows is not None and n_total > max_rows:
        notes.append(f"Showing {max_rows} of {n_total} rows; the full table is in the annex and tables.xlsx.")
    if any(any(r) for r in flags):
        notes.append(LEGEND)
    return PresentationTable(
        name=name,
        title=title or name,
        columns=[s[0] for s in spec],
        rows=rows,
        suppressed=flags,
        numeric=[s[1] for s in spec],
        note=" ".join(notes) or None,
        pillar=pillar,
    )


def gate_mask(gate, name: str, data: pd.DataFrame) -> pd.DataFrame | None:
    """Cells of published table ``name`` withheld by the publication gate
    (:class:`toolkit.disclosure.gate.Gate`): its withheld counts, and every estimate
    blanked because it rests on a withheld count of the same row. None when the gate
    did not publish the table."""
    tables = getattr(gate, "tables", None) or {}
    g = tables.get(name)
    if g is None or len(g.rowkeys) != len(data):
        return None
    data = data.reset_index(drop=True)
    mask = pd.DataFrame(False, index=data.index, columns=data.columns)
    by_row: dict[str, set[str]] = {}
    for ce in g.suppressed:
        by_row.setdefault(str(ce.row), set()).add(str(ce.column))
    original = None
    if not g.pub.wide:
        original = g.pub.data.reset_index(drop=True)
        if g.dropped_terms and "term" in original.columns:
            original = original[~original["term"].astype(str).isin(g.dropped_terms)].reset_index(drop=True)
    na = data.isna()
    for i, rk in enumerate(g.rowkeys):
        cols = by_row.get(str(rk))
        if not cols:
            continue
        for j, col in enumerate(data.columns):
            if not na.iat[i, j]:
                continue
            if str(col) in cols:
                mask.iat[i, j] = True
            elif (
                original is not None
                and col in original.columns
                and i < len(original)
                and not pd.isna(original[col].iloc[i])
            ):
                mask.iat[i, j] = True  # an estimate blanked with the count it rests on
    return mask


def published_mask(ctx, name: str) -> pd.DataFrame:
    """Withheld cells of ``ctx.tables[name]``: from the publication gate when the context
    has one, else from the disclosure records."""
    data = ctx.tables[name].data
    gate = getattr(ctx, "_gate", None)
    mask = gate_mask(gate, name, data) if gate is not None else None
    if mask is None:
        mask = suppressed_mask(data, getattr(ctx, "disclosure", ()), name=name)
    return mask


def _level_cell(data, mask, dictionary):
    """The answer label of a coded level (``level`` of ``item``), from the dictionary."""

    def f(i):
        if mask["level"].iloc[i]:
            return MARKER, True
        v, item = data["level"].iloc[i], data["item"].iloc[i]
        if _missing(v):
            return "–", False
        codes = {}
        if isinstance(item, str) and item in dictionary:
            try:
                codes = dictionary.codes(item)
            except (KeyError, ValueError, TypeError):
                codes = {}
        label = codes.get(_code_key(str(int(v)) if float(v).is_integer() else str(v), codes))
        return (label if isinstance(label, str) else str(int(v)) if float(v).is_integer() else str(v)), False

    return f


def _dictionary_of(ctx):
    checked = ctx.shared.checked if hasattr(ctx, "shared") else None
    return checked.survey.dictionary if checked is not None else None


def present_published(ctx, table, *, max_rows: int | None = None) -> PresentationTable:
    """The presentation form of a table of ``ctx.tables`` (a published table)."""
    mask = published_mask(ctx, table.name)
    return present_table(
        table.data,
        suppressed=mask,
        name=table.name,
        title=table.title,
        caption=table.caption,
        pillar=table.pillar,
        dictionary=_dictionary_of(ctx),
        max_rows=max_rows,
    )
