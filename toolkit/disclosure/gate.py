"""The publication gate: the one place where a table leaves the toolkit for the pack.

A section does not suppress anything itself. It declares what its table's cells *mean*
with a :class:`Publishable` (which columns count people, which counts are events of which
base, which estimates rest on which counts, which cells of other tables describe the same
people) and the gate applies disclosure control:

1. **Primary suppression**: counts of people in ``1 .. k-1`` (and zeros when
   ``zeros="suppress"``); events (``n_events``) and their complements
   (``n - n_events``) under ``k``.
2. **Secondary suppression**: inside a two-way table, cycles of suppressed cells so that
   totals do not give a cell back (:mod:`toolkit.disclosure.secondary`); across tables,
   the joint linear-programming attack of :func:`attack` (step 4).
3. **Estimates** (percentages, means, intervals, p values, model terms...) resting on a
   suppressed count are blanked; a model term for a category with fewer than ``k``
   respondents, or where fewer than ``k`` had (or had not) the outcome, is dropped.
4. **Joint attack**: one linear programme over every count cell of every published table
   (and the tables every figure is drawn from), with each table's additivity, events not
   above their base, and the declared links between tables. A suppressed cell whose upper
   bound is below ``k`` (pinned inside ``1..k-1``, or known to be small) makes the gate
   suppress more and try again; if that does not succeed it stops with
   :class:`DisclosureError` naming the cells (it fails closed).
5. **Rounding** (``rounding=5`` as ONS) of every published count; the attack then treats
   a published count ``v`` as anything in ``[v - b/2, v + b/2]``.

The gate keeps the true values of withheld cells in its private record
(:attr:`Gate.private_record`), never in the published output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from toolkit.disclosure import secondary as _secondary
from toolkit.disclosure.extended import extend
from toolkit.disclosure.tables import _check_counts
from toolkit.errors import ParameterError, ToolkitError, check_choice, check_threshold

__all__ = ["Cell", "DisclosureError", "Gate", "Link", "Publishable", "cell"]

#: the rules the public manifest names (never values)
RULES = {
    "primary": "count of people below the threshold",
    "zero": "zero count suppressed (disclosure.zeros: suppress)",
    "events": "events (people with the outcome) below the threshold",
    "complement": "people without the outcome (n - n_events) below the threshold",
    "secondary": "complementary suppression: would let a suppressed cell be recovered from totals",
    "linked": "complementary suppression: would let a suppressed cell be recovered from another "
    "published table or figure (joint linear-programming attack)",
    "set": "complementary suppression: would let a cell withheld by another pack of the set (the national "
    "pack and the force packs) be recovered by differencing",
    "estimate": "estimate resting on a suppressed count",
    "term": "model term for a category with fewer than the threshold respondents, or with or without the outcome",
}


class DisclosureError(ToolkitError):
    """The gate could not make the pack safe; nothing was published."""


@dataclass(frozen=True)
class Cell:
    """A count cell of a published table: ``table``, ``row`` key, ``column``."""

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}[{self.row!r}, {self.column!r}]"


def cell(table: str, row, column: str) -> Cell:
    """Shorthand for :class:`Cell` (row keys are compared as text)."""
    return Cell(table, str(row), str(column))


@dataclass(frozen=True)
class Link:
    """``total`` counts the same people as ``parts`` together (``exact``), or at least as
    many (``exact=False``: parts <= total, e.g. when some rows lack the breakdown).
    ``total`` may be a tuple of cells (their sum)."""

    total: Cell | tuple
    parts: tuple[Cell, ...]
    exact: bool = True


@dataclass(frozen=True)
class Publishable:
    """A table offered for publication, with the meaning of its cells.

    Parameters
    ----------
    name : str
        Table name (the CSV is ``tables/<name>.csv``).
    data : pandas.DataFrame
        Long form: one row per estimate (``key`` columns identify the row).
        Wide form (``wide=True``): interior counts of people, rows by columns, without
        totals; the gate adds the ``Total`` row and column.
    counts : tuple of str
        Columns counting people (long form). Every cell is checked against ``k``.
    events : tuple of (str, str)
        ``(events_column, base_column)`` pairs: people with the outcome, of ``base``.
        Both the events and the complement ``base - events`` must reach ``k``.
    derived : dict, optional
        ``{estimate_column: (count_column, ...)}``: which counts of the same row an
        estimate rests on. By default every other numeric column rests on every count
        column of its row.
    key : tuple of str, optional
        Columns identifying a row (default: the non-numeric columns).
    links : tuple of Link
        Cells of this or other tables counting the same people.
    terms : pandas.DataFrame, optional
        For model tables: ``term, n, n_events`` per term (category of a predictor);
        rows of ``data`` whose ``term`` has ``n < k``, ``n_events < k`` or
        ``n - n_events < k`` are dropped with a note.
    not_people : dict, optional
        ``{column: what it counts}`` for count-looking columns that do not count people
        (policy documents, coders' text units); shown in the manifest.
    wide : bool
        See ``data``. ``index_name`` names the label column of the published table.
    """

    name: str
    data: pd.DataFrame
    counts: tuple[str, ...] = ()
    events: tuple[tuple[str, str], ...] = ()
    derived: dict | None = None
    key: tuple[str, ...] | None = None
    links: tuple[Link, ...] = ()
    terms: pd.DataFrame | None = None
    not_people: dict | None = None
    wide: bool = False
    index_name: str | None = None
    margins: bool = True


_COUNTLIKE = ("n", "count", "counts", "cases", "respondents", "n_weighted")


def _looks_like_count(col) -> bool:
    c = str(col)
    return (c in _COUNTLIKE or c.startswith("n_")) and c != "n_weighted"


@dataclass
class _Gated:
    pub: Publishable
    out: pd.DataFrame
    rowkeys: list[str]
    values: dict  # Cell -> true value (float)
    suppressed: dict  # Cell -> rule
    constraints: list  # (dict Cell->coef, sense "=" / "<=")
    pairs: list  # (events Cell, base Cell)
    dropped_terms: list = field(default_factory=list)

    def values_withheld(self) -> list:
        """True values of the fractions (estimates, intervals, shares) of the analysis table
        that the published table does not show: blanked because they rest on a withheld count,
        or in dropped model terms."""
        raw = self.pub.data.select_dtypes("number").to_numpy(dtype=float, na_value=np.nan).ravel()
        out = self.out.select_dtypes("number").to_numpy(dtype=float, na_value=np.nan).ravel()
        published = {float(f"{v:.12g}") for v in out if np.isfinite(v)}
        return [v for v in raw if np.isfinite(v) and not float(v).is_integer() and float(f"{v:.12g}") not in published]


class Gate:
    """Disclosure control for a whole pack (see the module docstring).

    Parameters
    ----------
    threshold : int
        The smallest count of people that may be published (``k``).
    zeros : {"publish", "suppress"}
    rounding : int, optional
        Round every published count to this base (e.g. 5).
    allow_low_threshold : bool
        Accept ``threshold`` under 5 (:func:`toolkit.errors.check_threshold`).
    """

    def __init__(
        self,
        threshold: int = 10,
        *,
        zeros: str = "publish",
        rounding: int | None = None,
        allow_low_threshold: bool = False,
    ):
        self.threshold = check_threshold(threshold, function="Gate", allow_low=allow_low_threshold)
        check_choice(zeros, {"publish", "suppress"}, argument="zeros", function="Gate")
        if rounding is not None and (
            isinstance(rounding, bool) or not isinstance(rounding, (int, np.integer)) or rounding < 2
        ):
            raise ParameterError(
                "The 'rounding' parameter of Gate must be None or a whole-number base of at least 2 "
                f"(for example 5). Got {rounding!r} instead."
            )
        self.zeros = zeros
        self.rounding = None if rounding is None else int(rounding)
        self.tables: dict[str, _Gated] = {}
        self.notes: list[str] = []

    # ----------------------------------------------------------------- one table
    def add(self, pub: Publishable) -> pd.DataFrame:
        """Gate one table (primary, within-table secondary, estimates); return the safe table.

        The joint attack over every table (:meth:`finalise`) may withhold more later.
        """
        if not isinstance(pub, Publishable):
            raise ParameterError(f"The gate publishes Publishable tables only. Got {type(pub).__name__}.")
        g = self._wide(pub) if pub.wide else self._long(pub)
        self.tables[pub.name] = g
        self._render(g)
        return g.out

    def _primary_rule(self, v: float) -> str | None:
        k = self.threshold
        if 0 < v < k:
            return "primary"
        if v == 0 and self.zeros == "suppress":
            return "zero"
        return None

    def _wide(self, pub: Publishable) -> _Gated:
        data = pub.data
        counts = _check_counts(data, pub.name)
        ext = extend(counts)
        r, c = counts.shape
        rows = [str(x) for x in data.index] + (["Total"] if pub.margins else [])
        cols = [str(x) for x in data.columns] + (["Total"] if pub.margins else [])
        if not pub.margins:
            ext = ext[:r, :c]
        values, suppressed = {}, {}
        primary = np.zeros(ext.shape, bool)
        for i in range(ext.shape[0]):
            for j in range(ext.shape[1]):
                ce = Cell(pub.name, rows[i], cols[j])
                values[ce] = float(ext[i, j])
                rule = self._primary_rule(ext[i, j])
                if rule:
                    primary[i, j] = True
                    suppressed[ce] = rule
        if pub.margins and primary.any():
            sup, _, _ = _secondary.complete(ext, primary, self.threshold)
            for i, j in zip(*np.nonzero(sup & ~primary)):
                suppressed[Cell(pub.name, rows[i], cols[j])] = "secondary"
        constraints = []
        if pub.margins:
            for i in range(ext.shape[0]):
                constraints.append(
                    (
                        {
                            **{Cell(pub.name, rows[i], cols[j]): 1.0 for j in range(c)},
                            Cell(pub.name, rows[i], "Total"): -1.0,
                        },
                        "=",
                    )
                )
            for j in range(ext.shape[1]):
                constraints.append(
                    (
                        {
                            **{Cell(pub.name, rows[i], cols[j]): 1.0 for i in range(r)},
                            Cell(pub.name, "Total", cols[j]): -1.0,
                        },
                        "=",
                    )
                )
        return _Gated(pub, pd.DataFrame(), rows, values, suppressed, constraints, [])

    def _long(self, pub: Publishable) -> _Gated:
        data = pub.data.reset_index(drop=True)
        undeclared = [
            c
            for c in data.columns
            if _looks_like_count(c)
            and c not in pub.counts
            and c not in (pub.not_people or {})
            and pd.api.types.is_numeric_dtype(data[c])
        ]
        if undeclared:
            raise ParameterError(
                f"Table {pub.name!r}: column(s) {undeclared} look like counts but are declared neither "
                "as counts of people (counts=...) nor as counting something else (not_people=...). "
                "Declare them so the gate knows what to protect."
            )
        missing = [c for c in (*pub.counts, *(x for p in pub.events for x in p)) if c not in data.columns]
        if missing:
            raise ParameterError(
                f"Table {pub.name!r}: declared count column(s) {missing} are not in the table "
                f"(columns: {list(data.columns)})."
            )
        dropped = []
        if pub.terms is not None and "term" in data.columns:
            k = self.threshold
            t = pub.terms.set_index("term")
            bad = []
            for term in data["term"]:
                if term not in t.index:
                    continue
                n, e = float(t.loc[term, "n"]), float(t.loc[term, "n_events"])
                if n < k or e < k or n - e < k:
                    bad.append(term)
            if bad:
                dropped = sorted(set(map(str, bad)))
                data = data[~data["term"].isin(bad)].reset_index(drop=True)
                self.notes.append(
                    f"{pub.name}: model term(s) {dropped} dropped (a category with fewer than "
                    f"{k} respondents, or fewer than {k} with or without the outcome); "
                    "merge the category to estimate it"
                )
        key = (
            list(pub.key)
            if pub.key is not None
            else [c for c in data.columns if not pd.api.types.is_numeric_dtype(data[c])]
        )
        if key:
            rowkeys = [" | ".join(str(v) for v in rec) for rec in data[key].itertuples(index=False)]
        else:
            rowkeys = [f"#{i + 1}" for i in range(len(data))]
        if len(set(rowkeys)) != len(rowkeys):
            rowkeys = [f"{rk} #{i + 1}" for i, rk in enumerate(rowkeys)]
        values, suppressed, pairs, constraints = {}, {}, [], []
        for col in pub.counts:
            for rk, v in zip(rowkeys, pd.to_numeric(data[col], errors="coerce")):
                if pd.isna(v):
                    continue
                ce = Cell(pub.name, rk, col)
                values[ce] = float(v)
                rule = self._primary_rule(float(v))
                if rule:
                    is_event = any(col == ev for ev, _ in pub.events)
                    suppressed[ce] = "events" if is_event and rule == "primary" else rule
        k = self.threshold
        for ev, base in pub.events:
            for rk in rowkeys:
                ce, cb = Cell(pub.name, rk, ev), Cell(pub.name, rk, base)
                if ce not in values or cb not in values:
                    continue
                pairs.append((ce, cb))
                constraints.append(({ce: 1.0, cb: -1.0}, "<="))
                e, n = values[ce], values[cb]
                if 0 < e < k:
                    suppressed.setdefault(ce, "events")
                if 0 < n - e < k:
                    suppressed.setdefault(ce, "complement")
                if e == n and 0 < e < k:
                    suppressed.setdefault(cb, "primary")
        g = _Gated(pub, data, rowkeys, values, suppressed, constraints, pairs, dropped)
        return g

    # ----------------------------------------------------------------- rendering
    def _round(self, v):
        b = self.rounding
        return v if b is None else float(b * np.floor(v / b + 0.5))

    def _render(self, g: _Gated) -> None:
        pub = g.pub
        if pub.wide:
            rows, cols = g.rowkeys, [str(c) for c in pub.data.columns] + (["Total"] if pub.margins else [])
            frame = {}
            for col in cols:
                vals = []
                for rk in rows:
                    ce = Cell(pub.name, rk, col)
                    vals.append(pd.NA if ce in g.suppressed else int(self._round(g.values[ce])))
                frame[col] = pd.array(vals, dtype="Int64")
            name = pub.index_name or pub.data.index.name or "row"
            out = pd.DataFrame({name: rows, **frame})
            g.out = out
            return
        base = g.pub.data.reset_index(drop=True)
        if g.dropped_terms:
            base = base[~base["term"].astype(str).isin(g.dropped_terms)].reset_index(drop=True)
        out = base.copy()
        counts = set(pub.counts)
        numeric = [
            c
            for c in out.columns
            if pd.api.types.is_numeric_dtype(out[c])
            and not pd.api.types.is_bool_dtype(out[c])
            and c not in counts
            and c not in (pub.not_people or {})
        ]
        derived = pub.derived if pub.derived is not None else {c: tuple(pub.counts) for c in numeric}
        for col in pub.counts:
            vals = []
            for rk, v in zip(g.rowkeys, out[col]):
                ce = Cell(pub.name, rk, col)
                if ce in g.suppressed:
                    vals.append(pd.NA)
                elif pd.isna(v):
                    vals.append(pd.NA)
                else:
                    vals.append(int(self._round(float(v))))
            out[col] = pd.array(vals, dtype="Int64")
        for col, rests in derived.items():
            if col not in out.columns:
                continue
            blank = [any(Cell(pub.name, rk, c) in g.suppressed for c in rests) for rk in g.rowkeys]
            if any(blank):
                s = out[col]
                if pd.api.types.is_integer_dtype(s) or pd.api.types.is_bool_dtype(s):
                    s = s.astype("Float64")
                elif not pd.api.types.is_numeric_dtype(s):
                    s = s.astype(object)
                out[col] = s.mask(pd.Series(blank, index=out.index))
        g.out = out

    # ----------------------------------------------------------------- joint attack
    def _all_constraints(self, links):
        cons = []
        for g in self.tables.values():
            cons.extend(g.constraints)
        for link in links:
            totals = link.total if isinstance(link.total, tuple) else (link.total,)
            if any(t.table not in self.tables for t in totals) or any(p.table not in self.tables for p in link.parts):
                continue
            coeffs = {p: 1.0 for p in link.parts}
            for t in totals:
                coeffs[t] = coeffs.get(t, 0.0) - 1.0
            cons.append((coeffs, "=" if link.exact else "<="))
        return cons

    def _links(self):
        return [l for g in self.tables.values() for l in g.pub.links]

    def values(self) -> dict:
        return {c: v for g in self.tables.values() for c, v in g.values.items()}

    def suppressed(self) -> dict:
        return {c: r for g in self.tables.values() for c, r in g.suppressed.items()}

    def attack(self, *, groups=None, group=None):
        """Run the joint attack; return (findings, constraints).

        A finding is ``(expression, lower, upper)`` where expression is a Cell or a
        ``(events, base)`` complement pair. With ``groups`` (representatives given by the
        function ``group``, see :func:`_groups_of`), only the withheld cells of those groups
        of linked cells are attacked (the others are independent of them); the constraints
        returned are all of them.
        """
        values, sup = self.values(), self.suppressed()
        links = self._links()
        for link in links:  # every linked cell must exist
            totals = link.total if isinstance(link.total, tuple) else (link.total,)
            for ce in (*totals, *link.parts):
                if ce.table in self.tables and ce not in values:
                    raise ParameterError(f"Link names a cell that is not a count of the pack: {ce}")
        cons = [(c, s) for c, s in self._all_constraints(links) if all(x in values for x in c)]
        pairs = [p for g in self.tables.values() for p in g.pairs]
        half = 0.0 if self.rounding is None else self.rounding / 2.0
        published = {c: self._round(v) for c, v in values.items() if c not in sup}
        unknown, use, use_pairs = list(sup), cons, pairs
        if groups is not None:
            unknown = [c for c in unknown if group(c) in groups]
            use = [con for con in cons if group(next(iter(con[0]))) in groups]
            use_pairs = [p for p in pairs if group(p[0]) in groups]
        return lp_attack(
            published=published, unknown=unknown, constraints=use, pairs=use_pairs, threshold=self.threshold, half=half
        ), cons

    def finalise(self, *, max_rounds: int = 400) -> list[str]:
        """Joint attack over every table; withhold more until nothing is disclosed.

        Returns the names of the tables changed. Raises :class:`DisclosureError` when it
        cannot make the pack safe.
        """
        changed: set[str] = set()
        values = self.values()
        group: Callable[[Cell], Cell] | None = None
        by_group: dict[Cell, list[tuple[dict, str]]] = {}  # constraints by group of linked cells
        half = 0.0 if self.rounding is None else self.rounding / 2.0
        k = self.threshold
        self.rounds = 0
        dirty = None  # groups of linked cells changed in the last round (None: all)
        for _ in range(max_rounds):
            findings, cons = self.attack(groups=dirty, group=group)
            self.rounds += 1
            if not findings:
                changed |= self._publish_twins(cons)
                for name in changed:
                    self._render(self.tables[name])
                return sorted(changed)
            if group is None:
                group = _groups_of(cons)
                for con in cons:
                    by_group.setdefault(group(next(iter(con[0]))), []).append(con)
            sup = self.suppressed()
            added = False
            # a cell withheld for one finding often protects the other findings of its group
            # too: each later finding of a group already repaired this round is attacked again
            # first (one linear programme) and repaired only if still exposed (repairing every
            # finding blindly withholds far more than needed)
            repaired: set = set()
            for expr, _lo, hi in findings:
                targets = list(expr) if isinstance(expr, tuple) else [expr]
                where = group(targets[0])
                if where in repaired:
                    published = {c: self._round(v) for c, v in values.items() if c not in sup}
                    hi = _max_expression(
                        expr,
                        published=published,
                        unknown=[c for c in sup if group(c) == where],
                        constraints=by_group.get(where, []),
                        half=half,
                    )
                    if hi is None or not 1e-6 < hi < k - 1e-6:
                        continue
                picks = self._repair(expr, hi, by_group.get(where, []), values, sup, half, k)
                for best in picks:
                    if best in sup:
                        continue
                    self.tables[best.table].suppressed[best] = "linked"
                    sup[best] = "linked"
                    changed.add(best.table)
                    added = True
                    repaired.add(where)
            if not added:
                break
            dirty = repaired  # only the groups repaired can have changed
        findings, _ = self.attack()
        names = "; ".join(f"{_expr(e)} in [{lo:g}, {hi:g}]" for e, lo, hi in findings[:20])
        raise DisclosureError(
            f"The publication gate could not protect {len(findings)} suppressed cell(s): an intruder can "
            f"derive them from the published tables and figures ({names}). Merge small categories or drop "
            "the linked table, then build again. Nothing was published."
        )

    def _repair(self, expr, hi, cons, values, sup, half, k, *, tries: int = 12, steps: int = 60) -> list:
        """Cells to withhold so that ``expr`` (a withheld cell or a complement) is no longer
        bounded below ``k``, losing as little as possible.

        The intruder's linear programme says which published cells hold the bound: those of
        its binding constraints (non-zero dual values). Those cells, smallest count first,
        are each tried with one linear programme over the cell's group: the first that lifts
        the bound to ``k`` is withheld; else the one that lifts it most is taken and the
        search goes on from there (a bound resting on several published cells, such as the
        pairs of themes raised together that each bound a theme's count from below, needs
        several); when no single cell lifts it (several constraints pin it at once), the
        smallest published cell of each binding constraint is taken.
        """
        chosen: list = []
        held = set(sup)
        unknown = [c for c in sup if any(c in co for co, _ in cons)]
        for _ in range(steps):
            published = {c: self._round(v) for c, v in values.items() if c not in held}
            res = _max_expression(
                expr, published=published, unknown=unknown + chosen, constraints=cons, half=half, explain=True
            )
            if res is None or res[0] is None:
                break
            hi, binding = res
            if not 1e-6 < hi < k - 1e-6:
                return chosen
            candidates = sorted(
                {c for cells in binding for c in cells if values[c] > 0}, key=lambda c: (values[c], str(c))
            )
            if not candidates:
                break
            best, best_hi = None, hi
            for cand in candidates[:tries]:
                pub = {c: v for c, v in published.items() if c != cand}
                high = _max_expression(
                    expr, published=pub, unknown=unknown + chosen + [cand], constraints=cons, half=half
                )
                if high is None:
                    continue
                if high >= k - 1e-6:
                    return chosen + [cand]
                if high > best_hi + 1e-6:
                    best, best_hi = cand, high
            if best is not None:
                new = [best]
            else:
                new = list(
                    dict.fromkeys(
                        min((c for c in cells if values[c] > 0 and c not in held), key=lambda c: (values[c], str(c)))
                        for cells in binding
                        if any(values[c] > 0 and c not in held for c in cells)
                    )
                )
            if not new:
                break
            chosen += new
            held.update(new)
        return chosen

    def _publish_twins(self, cons) -> set[str]:
        """Publish again a cell withheld only to protect others (secondary or linked) when a
        published cell of the pack is declared equal to it: withholding it hides nothing
        (the reader has its twin) and costs the estimates resting on it."""
        twins: dict = {}
        for coeffs, sense in cons:
            if sense == "=" and len(coeffs) == 2 and sorted(coeffs.values()) == [-1.0, 1.0]:
                a, b = coeffs
                twins.setdefault(a, set()).add(b)
                twins.setdefault(b, set()).add(a)
        changed: set[str] = set()
        if not twins:
            return changed
        sup = self.suppressed()
        restored = []
        for ce, rule in sorted(sup.items(), key=lambda kv: str(kv[0])):
            if rule not in ("secondary", "linked") or ce not in twins:
                continue
            # the cell's whole class of equal cells: published anywhere means known
            seen, stack = {ce}, [ce]
            while stack:
                for other in twins.get(stack.pop(), ()):
                    if other not in seen:
                        seen.add(other)
                        stack.append(other)
            if any(c not in sup for c in seen):
                restored.append((ce, rule))
        for ce, rule in restored:
            del self.tables[ce.table].suppressed[ce]
        if restored:
            findings, _ = self.attack()
            if findings:  # cannot happen (the value was known); fail closed all the same
                for ce, rule in restored:
                    self.tables[ce.table].suppressed[ce] = rule
                return changed
            changed = {ce.table for ce, _ in restored}
            self.notes.append(
                f"{len(restored)} cell(s) withheld to protect others were published again: a "
                "published cell of another table is the same number"
            )
        return changed

    # ----------------------------------------------------------------- records
    def record(self) -> list[dict]:
        """Public record: which cells were withheld and by which rule (no values)."""
        out = []
        for g in self.tables.values():
            for ce, rule in g.suppressed.items():
                out.append({"table": ce.table, "row": ce.row, "column": ce.column, "rule": rule, "reason": RULES[rule]})
            for term in g.dropped_terms:
                out.append(
                    {"table": g.pub.name, "row": term, "column": "(all)", "rule": "term", "reason": RULES["term"]}
                )
        return sorted(out, key=lambda d: (d["table"], d["row"], d["column"]))

    def private_record(self) -> pd.DataFrame:
        """Every withheld cell with its true value (keep private)."""
        rows = []
        for g in self.tables.values():
            for ce, rule in g.suppressed.items():
                rows.append(
                    {"table": ce.table, "row": ce.row, "column": ce.column, "value": g.values[ce], "rule": rule}
                )
        return pd.DataFrame(rows, columns=["table", "row", "column", "value", "rule"])

    def structure(self) -> dict:
        """The additivity the attack uses (cells and relations, no values), for the manifest:
        ``toolkit audit-pack`` reruns the attack from the published files with it."""
        links = self._links()
        cons = self._all_constraints(links)
        return {
            "tables": {
                name: {
                    "key": [g.pub.index_name or g.pub.data.index.name or "row"]
                    if g.pub.wide
                    else list(
                        g.pub.key or [c for c in g.pub.data.columns if not pd.api.types.is_numeric_dtype(g.pub.data[c])]
                    ),
                    "wide": g.pub.wide,
                }
                for name, g in self.tables.items()
            },
            "counts": sorted({f"{c.table}\t{c.row}\t{c.column}" for g in self.tables.values() for c in g.values}),
            "constraints": [
                {
                    "cells": [
                        [c.table, c.row, c.column, coef]
                        for c, coef in sorted(coeffs.items(), key=lambda kv: str(kv[0]))
                    ],
                    "sense": sense,
                }
                for coeffs, sense in cons
            ],
            "pairs": [
                [[e.table, e.row, e.column], [b.table, b.row, b.column]]
                for g in self.tables.values()
                for e, b in g.pairs
            ],
        }


def _groups_of(constraints):
    """A function giving each cell the representative of its group of cells linked by
    ``constraints`` (union-find); a cell in no constraint is its own group."""
    parent: dict = {}

    def find(c):
        parent.setdefault(c, c)
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for coeffs, _ in constraints:
        cells = list(coeffs)
        for other in cells[1:]:
            a, b = find(cells[0]), find(other)
            if a != b:
                parent[a] = b
    return find


def _component_matrix(rows, bs, pos):
    """Dense constraint matrix of the rows touching one group of cells (``pos``: index map)."""
    sel = [(r, b) for r, b in zip(rows, bs) if pos.keys() & r.keys()]
    if not sel:
        return None, None
    A = np.zeros((len(sel), len(pos)))
    for q, (r, _) in enumerate(sel):
        for m, a in r.items():
            A[q, pos[m]] = a
    return A, np.array([b for _, b in sel])


def _expr(e) -> str:
    if isinstance(e, tuple):
        return f"{e[1]} - {e[0]}"
    return str(e)


def _max_expression(
    expr, *, published: dict, unknown: list, constraints: list, half: float = 0.0, explain: bool = False
):
    """The largest value an intruder's linear programme allows ``expr`` (a Cell, or an
    ``(events, base)`` pair meaning ``base - events``), given the published values and the
    ``constraints`` (only those of the cell's group are needed). None when infeasible.

    With ``explain``, also the published cells of each binding constraint (non-zero dual
    value): the cells whose withholding can lift the bound, as ``(value, [[cells], ...])``."""
    free = list(dict.fromkeys(unknown))
    if half > 0:
        free += [c for c in published if c not in set(free)]
    idx = {c: i for i, c in enumerate(free)}
    n = len(free)
    lb, ub = np.zeros(n), np.full(n, np.inf)
    for c, v in published.items():
        if c in idx:
            lb[idx[c]], ub[idx[c]] = max(v - half, 0), v + half
    A_eq: list[np.ndarray] = []
    A_ub: list[np.ndarray] = []
    b_eq: list[float] = []
    b_ub: list[float] = []
    shown_eq: list[list] = []  # published cells of each row
    shown_ub: list[list] = []
    for coeffs, sense in constraints:
        row, rhs, ok, shown = np.zeros(n), 0.0, True, []
        for c, a in coeffs.items():
            if c in idx:
                row[idx[c]] += a
            elif c in published:
                rhs -= a * published[c]
                shown.append(c)
            else:
                ok = False
                break
        if not ok or not row.any():
            continue
        (A_eq if sense == "=" else A_ub).append(row)
        (b_eq if sense == "=" else b_ub).append(rhs)
        (shown_eq if sense == "=" else shown_ub).append(shown)
    cvec, const = np.zeros(n), 0.0
    for c, a in ((expr[1], 1.0), (expr[0], -1.0)) if isinstance(expr, tuple) else ((expr, 1.0),):
        if c in idx:
            cvec[idx[c]] += a
        elif c in published:
            const += a * published[c]
        else:
            return None
    cap = 10.0 * (sum(abs(v) for v in published.values()) + 1)
    bounds = [(lo, cap if np.isinf(hi) else hi) for lo, hi in zip(lb, ub)]
    r = linprog(
        -cvec,
        A_ub=np.array(A_ub) if A_ub else None,
        b_ub=b_ub or None,
        A_eq=np.array(A_eq) if A_eq else None,
        b_eq=b_eq or None,
        bounds=bounds,
        method="highs",
    )
    value = float(-r.fun + const) if r.status == 0 else None
    if not explain:
        return value
    binding = []
    if value is not None:
        for shown, marg in ((shown_eq, getattr(r, "eqlin", None)), (shown_ub, getattr(r, "ineqlin", None))):
            if marg is None or not shown:
                continue
            for cells, m in zip(shown, marg.marginals):
                if abs(m) > 1e-9 and cells:
                    binding.append(cells)
    return value, binding


def _push_up_together(solve, P, vecs, level):
    """Feasible points that lift many expressions to ``level`` at once.

    Maximises the sum of every expression not yet seen at ``level`` in a feasible point,
    drops those the optimum lifts there, and repeats until a round lifts none. Each point is
    feasible, so a cell it shows at ``level`` or more is certainly not bounded below it: the
    attack's findings are unchanged, but most cells of a safe pack need no programme of their
    own (on small studies the cell-by-cell maximisations were nine in ten of the programmes).
    """
    pending = [(c, const) for _, c, const in vecs if (P @ c + const).max() < level]
    while pending:
        x = solve(-np.sum([c for c, _ in pending], axis=0))
        if x is None:
            break
        P = np.vstack([P, x])
        still = [(c, const) for c, const in pending if c @ x + const < level]
        if len(still) == len(pending):
            break
        pending = still
    return P


def lp_attack(
    *, published: dict, unknown: list, constraints: list, pairs: list, threshold: int, half: float = 0.0
) -> list:
    """The intruder's linear programme over many tables at once.

    Parameters
    ----------
    published : dict
        Published count cells and their (possibly rounded) values.
    unknown : list
        Withheld cells (non-negative unknowns).
    constraints : list of (dict, str)
        ``({cell: coefficient}, "=" or "<=")``: sum of coefficient * cell (sense) 0.
    pairs : list of (events, base)
        Complements ``base - events`` are checked too when either cell is withheld.
    threshold : int
    half : float
        Half the rounding base (published values are then known to within ``half``).

    Returns
    -------
    list of (expression, lower, upper)
        Expressions an intruder can bound below ``threshold`` (``0 < upper < k``: pinned
        inside ``1 .. k-1`` or known to be small). Empty when the pack is safe.

    Notes
    -----
    For each withheld cell (and each complement ``n - n_events``) the attack maximises it
    subject to every published value and every relation; the cell is safe when the
    maximum reaches ``k``. Feasible points found on the way (two extreme and four random
    objectives per connected group of cells, then each maximisation) certify most cells
    without a linear programme of their own; the result is the same.

    Examples
    --------
    Two tables: a breakdown with a withheld 3, and its total published elsewhere.

    >>> a, b, t = cell("by", "x", "n"), cell("by", "y", "n"), cell("all", "all", "n")
    >>> lp_attack(published={b: 40, t: 43}, unknown=[a],
    ...           constraints=[({a: 1, b: 1, t: -1}, "=")], pairs=[], threshold=10)
    [(Cell(table='by', row='x', column='n'), 3.0, 3.0)]
    """
    unknown = list(dict.fromkeys(unknown))
    free = list(unknown)
    if half > 0:  # rounded published values are unknowns within +- half
        free += [c for c in published]
    idx = {c: i for i, c in enumerate(free)}
    n = len(free)
    if not unknown:
        return []
    lb = np.zeros(n)
    ub = np.full(n, np.inf)
    for c, v in published.items():
        if c in idx:
            lb[idx[c]], ub[idx[c]] = max(v - half, 0), v + half
    rows_eq: list[dict[int, float]] = []
    rows_ub: list[dict[int, float]] = []
    b_eq: list[float] = []
    b_ub: list[float] = []
    for coeffs, sense in constraints:
        row: dict[int, float] = {}
        rhs, ok = 0.0, True
        for c, a in coeffs.items():
            if c in idx:
                row[idx[c]] = row.get(idx[c], 0.0) + a
            elif c in published:
                rhs -= a * published[c]
            else:
                ok = False  # a cell neither free nor published: the row says nothing
                break
        if not ok or not row:
            continue
        (rows_eq if sense == "=" else rows_ub).append(row)
        (b_eq if sense == "=" else b_ub).append(rhs)
    # components: unknowns linked by constraints
    ii, jj = [], []
    for row in rows_eq + rows_ub:
        ks = list(row)
        for a in ks[1:]:
            ii.append(ks[0])
            jj.append(a)
    for e, b in pairs:  # a complement spans its two cells: keep them in one group
        if e in idx and b in idx:
            ii.append(idx[e])
            jj.append(idx[b])
    graph = coo_matrix((np.ones(len(ii)), (ii, jj)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    expressions = [(c, {idx[c]: 1.0}, 0.0) for c in unknown]
    unknown_set = set(unknown)
    for e, b in pairs:
        if e in unknown_set or b in unknown_set:
            coef: dict[int, float] = {}
            const = 0.0
            for c, a in ((b, 1.0), (e, -1.0)):
                if c in idx:
                    coef[idx[c]] = coef.get(idx[c], 0.0) + a
                else:
                    const += a * published[c]
            expressions.append(((e, b), coef, const))
    findings = []
    k = threshold
    tol = 1e-6
    by_comp: dict = {}
    for item in expressions:
        by_comp.setdefault(label[next(iter(item[1]))], []).append(item)
    for comp, items in by_comp.items():
        members = np.flatnonzero(label == comp)
        pos = {int(m): p for p, m in enumerate(members)}
        A_eq, beq = _component_matrix(rows_eq, b_eq, pos)
        A_ub, bub = _component_matrix(rows_ub, b_ub, pos)
        # an unbounded cell is capped far above any count (keeps every LP bounded)
        cap = 10.0 * (sum(abs(v) for v in published.values()) + 1)
        bounds = list(zip(lb[members], [cap if np.isinf(u) else u for u in ub[members]]))

        def solve(cvec, A_ub=A_ub, bub=bub, A_eq=A_eq, beq=beq, bounds=bounds):
            if A_ub is None and A_eq is None:  # bounds alone: each cell at the end its cost prefers
                return np.array([lo if c > 0 else hi for c, (lo, hi) in zip(cvec, bounds)])
            r = linprog(cvec, A_ub=A_ub, b_ub=bub, A_eq=A_eq, b_eq=beq, bounds=bounds, method="highs")
            return r.x if r.status == 0 else None

        vecs = []
        for expr, coef, const in items:
            cvec = np.zeros(len(members))
            for m, a in coef.items():
                cvec[pos[m]] = a
            vecs.append((expr, cvec, const))
        # feasible points found so far: an expression seen at k or more in one of them is
        # certainly not bounded below k. The first maximises every cell of the group at once.
        first = solve(-np.ones(len(members)))
        if first is None:
            continue  # infeasible: the published values contradict each other; nothing derivable
        P = _push_up_together(solve, first[None, :], vecs, k - tol)
        for expr, cvec, const in vecs:
            vals = P @ cvec + const
            if vals.max() >= k - tol:
                continue
            hi_x = solve(-cvec)
            if hi_x is None:
                continue
            P = np.vstack([P, hi_x])
            high = float(cvec @ hi_x + const)
            if not tol < high < k - tol:  # a known zero is not a disclosure
                continue
            lo_x = solve(cvec)
            low = float(cvec @ lo_x + const) if lo_x is not None else 0.0
            findings.append((expr, float(round(low, 6)), float(round(high, 6))))
    return findings
