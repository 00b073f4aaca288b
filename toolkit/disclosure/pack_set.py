"""Disclosure control over a *set* of packs published together: a national pack and one
pack per part (force) of the same respondents.

Each pack passes its own gate, but a set gives an intruder relations no single pack has:

* **partition**: a table computed on every respondent (the national pack's) counts the
  people its copies in the part packs count, plus those of the parts without a pack (and
  respondents of no part); the national cell minus the parts' published cells gives back a
  cell a part withheld, or the count of a part that has no pack;
* **copies**: a part pack repeats cells of the national pack (its own rows of the national
  by-part tables);
* **equal cells**: a part's cell counts the same people as a national by-part cell (its row
  of the national resourcing table, say).

:func:`set_relations` writes these as linear constraints over the cells of every pack
(namespaced ``pack/table``), each checked on the true values (a relation is used only when
it holds; the people of the parts without a pack are one *remainder* cell per national
cell, never published). :func:`attack_set` is the intruder's linear programme
(:func:`toolkit.disclosure.gate.lp_attack`) over the union; :func:`secure_set` withholds
further cells of the part packs (never of the national pack, which is published as it is
with or without the set) until no withheld cell, complement or remainder can be bounded
below the threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from toolkit.disclosure.audit_pack import _number, _read_tables, _row_keys
from toolkit.disclosure.gate import Cell, DisclosureError, _groups_of, _max_expression, lp_attack

__all__ = [
    "PackState",
    "SetRelations",
    "attack_set",
    "namespaced",
    "pack_state",
    "secure_set",
    "set_relations",
]

#: the remainder of a national cell: people counted nationally in no published part pack
REMAINDER = "(remainder)"
#: the rule naming a cell withheld by :func:`secure_set`
RULE = "set"


@dataclass
class PackState:
    """What the gate of one pack knows (picklable): every count cell's true value, the
    withheld cells (with their rule), the pack's constraints and ``(events, base)`` pairs."""

    values: dict[Cell, float]
    suppressed: dict[Cell, str]
    constraints: list[tuple[dict[Cell, float], str]] = field(default_factory=list)
    pairs: list[tuple[Cell, Cell]] = field(default_factory=list)

    def published(self, rounding: int | None = None) -> dict[Cell, float]:
        """Published cells and the value the pack shows (rounded as the gate rounds)."""
        return {c: _round(v, rounding) for c, v in self.values.items() if c not in self.suppressed}


def _round(v: float, b: int | None) -> float:
    return float(v) if b is None else float(b * np.floor(v / b + 0.5))


def pack_state(gate) -> PackState:
    """The :class:`PackState` of a finalised :class:`toolkit.disclosure.gate.Gate`."""
    values = gate.values()
    cons = [(dict(c), s) for c, s in gate._all_constraints(gate._links()) if all(x in values for x in c)]
    pairs = [p for g in gate.tables.values() for p in g.pairs]
    return PackState(dict(values), dict(gate.suppressed()), cons, pairs)


def _ns(pack: str, c: Cell) -> Cell:
    return Cell(f"{pack}/{c.table}", c.row, c.column)


def namespaced(state: PackState, pack: str) -> PackState:
    """``state`` with every cell's table named ``pack/table`` (cells of several packs apart)."""
    return PackState(
        {_ns(pack, c): v for c, v in state.values.items()},
        {_ns(pack, c): r for c, r in state.suppressed.items()},
        [({_ns(pack, c): a for c, a in co.items()}, s) for co, s in state.constraints],
        [(_ns(pack, e), _ns(pack, b)) for e, b in state.pairs],
    )


@dataclass
class SetRelations:
    """The relations between the packs of a set (cells namespaced ``pack/table``).

    ``constraints`` and ``pairs`` as :func:`toolkit.disclosure.gate.lp_attack` takes them;
    ``remainders``: the true value of each remainder cell (never published)."""

    constraints: list[tuple[dict[Cell, float], str]] = field(default_factory=list)
    pairs: list[tuple[Cell, Cell]] = field(default_factory=list)
    remainders: dict[Cell, float] = field(default_factory=dict)


def set_relations(
    national: PackState,
    parts: dict[str, PackState],
    *,
    national_name: str = "national",
    copies: dict[str, dict[Cell, Cell]] | None = None,
    equal: list[tuple[Cell, Cell]] | tuple = (),
    tol: float = 1e-9,
) -> SetRelations:
    """The relations an intruder holding every pack of the set can use.

    Parameters
    ----------
    national : PackState
        The pack on every respondent (cells not namespaced).
    parts : dict
        ``{part: PackState}`` of the part packs published (cells not namespaced).
    copies : dict, optional
        ``{part: {cell of the part's pack: national cell}}``: cells a part pack repeats from
        the national pack (equal by construction). Tables of these cells are not partitions.
    equal : list of (Cell, Cell)
        Namespaced cells (``pack/table``) said to count the same people; kept when their
        true values are equal.

    Returns
    -------
    SetRelations
        For each national cell of a table the part packs also publish (same table, row and
        column) and not a copy: ``national = sum of the parts' cells + remainder`` when the
        parts' true values do not exceed it (the remainder, when positive, counts the people
        of the parts without a pack, or of no part); the copies and equal cells as equalities.

    Examples
    --------
    A national count of 43, two parts with a pack (30 and 9 withheld), one part without:

    >>> from toolkit.disclosure.gate import cell
    >>> nat = PackState({cell("t", "x", "n"): 43.0}, {})
    >>> parts = {"A": PackState({cell("t", "x", "n"): 30.0}, {}),
    ...          "B": PackState({cell("t", "x", "n"): 9.0}, {cell("t", "x", "n"): "primary"})}
    >>> rel = set_relations(nat, parts)
    >>> [(str(c), v) for c, v in rel.remainders.items()]
    [("(remainder)/t['x', 'n']", 4.0)]
    """
    copies = copies or {}
    copied_tables = {(p, c.table) for p, m in copies.items() for c in m}
    out = SetRelations()
    values = {_ns(national_name, c): v for c, v in national.values.items()}
    for p, s in parts.items():
        values.update({_ns(p, c): v for c, v in s.values.items()})
    events = {e: b for e, b in national.pairs}
    for nc, total in national.values.items():
        present = [_ns(p, nc) for p, s in parts.items() if nc in s.values and (p, nc.table) not in copied_tables]
        if not present:
            continue
        residual = total - sum(values[c] for c in present)
        if residual < -tol:
            continue  # not a partition of the national cell
        coeffs = {c: 1.0 for c in present}
        coeffs[_ns(national_name, nc)] = -1.0
        if residual > tol:
            rem = _ns(REMAINDER, nc)
            coeffs[rem] = 1.0
            out.remainders[rem] = float(residual)
        out.constraints.append((coeffs, "="))
    for e, b in events.items():
        re, rb = _ns(REMAINDER, e), _ns(REMAINDER, b)
        if re in out.remainders and rb in out.remainders:
            out.pairs.append((re, rb))
            out.constraints.append(({re: 1.0, rb: -1.0}, "<="))
    for p, mapping in copies.items():
        for pc, nc in mapping.items():
            a, b = _ns(p, pc), _ns(national_name, nc)
            if a in values and b in values and abs(values[a] - values[b]) <= tol:
                out.constraints.append(({a: 1.0, b: -1.0}, "="))
    for a, b in equal:
        if a in values and b in values and abs(values[a] - values[b]) <= tol:
            out.constraints.append(({a: 1.0, b: -1.0}, "="))
    return out


def _union(states: dict[str, PackState], rel: SetRelations, rounding):
    published: dict[Cell, float] = {}
    unknown: list[Cell] = []
    cons = list(rel.constraints)
    pairs = list(rel.pairs)
    for p, s in states.items():
        n = namespaced(s, p)
        published.update(n.published(rounding))
        unknown += list(n.suppressed)
        cons += n.constraints
        pairs += n.pairs
    unknown += list(rel.remainders)
    return published, unknown, cons, pairs


def attack_set(states: dict[str, PackState], rel: SetRelations, *, threshold: int, rounding: int | None = None) -> list:
    """The intruder's linear programme over every published cell of every pack of the set
    (``states``: ``{pack: PackState}``, cells not namespaced) and the relations ``rel``.

    Returns :func:`toolkit.disclosure.gate.lp_attack`'s findings (namespaced cells): withheld
    cells, complements and remainders that can be bounded below ``threshold``."""
    published, unknown, cons, pairs = _union(states, rel, rounding)
    half = 0.0 if rounding is None else rounding / 2.0
    return lp_attack(
        published=published, unknown=unknown, constraints=cons, pairs=pairs, threshold=threshold, half=half
    )


def _repair(expr, cons, values, held, frozen, half, k, *, tries=12, steps=80):
    """Published cells (none of a ``frozen`` pack) to withhold so that ``expr`` is no longer
    bounded below ``k`` (as :meth:`toolkit.disclosure.gate.Gate._repair`)."""
    chosen: list[Cell] = []
    held = set(held)
    unknown = [c for c in held if any(c in co for co, _ in cons)]

    def pack(c):
        return c.table.split("/", 1)[0]

    # a cell equal to a published cell of a frozen pack (a copy of a national cell) hides nothing
    twinned = {
        a
        for co, sense in cons
        if sense == "=" and len(co) == 2 and sorted(co.values()) == [-1.0, 1.0]
        for a in co
        if any(pack(b) in frozen and b in values and b not in held for b in co if b != a)
    }

    def movable(c):
        return c not in held and c not in twinned and pack(c) not in frozen and values.get(c, 0) > 0

    for _ in range(steps):
        published = {c: v for c, v in values.items() if c not in held}
        res = _max_expression(
            expr, published=published, unknown=unknown + chosen, constraints=cons, half=half, explain=True
        )
        if res is None or res[0] is None:
            return chosen
        hi, binding = res
        if not 1e-6 < hi < k - 1e-6:
            return chosen
        candidates = sorted({c for cells in binding for c in cells if movable(c)}, key=lambda c: (values[c], str(c)))
        if not candidates:  # the bound rests on frozen cells only: open any movable cell it touches
            touching = {c for co, _ in cons for c in co if movable(c)}
            candidates = sorted(touching, key=lambda c: (values[c], str(c)))
            if not candidates:
                return None
        best, best_hi = None, hi
        for cand in candidates[:tries]:
            pub = {c: v for c, v in published.items() if c != cand}
            high = _max_expression(expr, published=pub, unknown=unknown + chosen + [cand], constraints=cons, half=half)
            if high is None:
                continue
            if high >= k - 1e-6:
                return chosen + [cand]
            if high > best_hi + 1e-6:
                best, best_hi = cand, high
        new = [best] if best is not None else [candidates[0]]
        chosen += new
        held.update(new)
    return None


def secure_set(
    national: PackState,
    parts: dict[str, PackState],
    rel: SetRelations,
    *,
    threshold: int,
    rounding: int | None = None,
    national_name: str = "national",
    max_rounds: int = 200,
) -> dict[str, dict[Cell, str]]:
    """Withhold further cells of the part packs until the set is safe.

    Returns ``{part: {cell: "set"}}``: the cells (not namespaced) each part's gate must
    withhold besides its own. The national pack is never changed. Raises
    :class:`toolkit.disclosure.gate.DisclosureError` when no choice of part cells helps.
    """
    parts = {p: PackState(s.values, dict(s.suppressed), s.constraints, s.pairs) for p, s in parts.items()}
    states = {national_name: national, **parts}
    extra: dict[str, dict[Cell, str]] = {p: {} for p in parts}
    half = 0.0 if rounding is None else rounding / 2.0
    k = threshold
    for _ in range(max_rounds):
        published, unknown, cons, pairs = _union(states, rel, rounding)
        findings = lp_attack(
            published=published, unknown=unknown, constraints=cons, pairs=pairs, threshold=k, half=half
        )
        if not findings:
            return extra
        group = _groups_of(cons)
        by_group: dict = {}
        for con in cons:
            by_group.setdefault(group(next(iter(con[0]))), []).append(con)
        values = {**published}
        held = set(unknown)
        added = False
        repaired: set = set()
        for expr, _lo, _hi in findings:
            first = expr[0] if isinstance(expr, tuple) else expr
            where = group(first)
            group_cons = by_group.get(where, [])
            if where in repaired:
                hi = _max_expression(
                    expr,
                    published={c: v for c, v in values.items() if c not in held},
                    unknown=[c for c in held if group(c) == where],
                    constraints=group_cons,
                    half=half,
                )
                if hi is None or not 1e-6 < hi < k - 1e-6:
                    continue
            picks = _repair(expr, group_cons, values, held, {national_name}, half, k)
            if picks is None:
                raise DisclosureError(
                    f"The set of packs cannot be made safe by withholding cells of the part packs: "
                    f"{expr} stays bounded below {k}. Publish the packs one by one, not as a set."
                )
            for c in picks:
                pack, table = c.table.split("/", 1)
                own = Cell(table, c.row, c.column)
                if own not in parts[pack].suppressed:
                    parts[pack].suppressed[own] = RULE
                    extra[pack][own] = RULE
                    held.add(c)
                    added = True
            repaired.add(where)
        if not added:
            break
    findings = attack_set(states, rel, threshold=k, rounding=rounding)
    if findings:
        raise DisclosureError(
            f"The set of packs could not be made safe: {len(findings)} cell(s) stay bounded below {k} "
            f"(e.g. {findings[0][0]}). Publish the packs one by one, not as a set."
        )
    return extra


def pack_cells(pack) -> dict[Cell, float | None]:
    """Every count cell a written pack declares (its manifest's ``disclosure_structure``),
    with the value its CSV shows (None: withheld), read from the files alone."""
    pack = Path(pack)
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    structure = manifest.get("disclosure_structure") or {}
    meta = structure.get("tables", {})
    tables = _read_tables(pack)
    keyed = {
        name: {k: i for i, k in enumerate(_row_keys(df, (meta.get(name) or {}).get("key")))}
        for name, df in tables.items()
    }
    out: dict[Cell, float | None] = {}
    for entry in structure.get("counts", []):
        t, r, c = entry.split("\t")
        df = tables.get(t)
        i = keyed.get(t, {}).get(r)
        out[Cell(t, r, c)] = None if df is None or i is None or c not in df.columns else _number(df[c].iloc[i])
    return out


def audit_set(
    packs: dict,
    states: dict[str, PackState],
    rel: SetRelations,
    *,
    threshold: int,
    rounding: int | None = None,
) -> list[str]:
    """The joint attack on the written set, as an intruder holding every pack would run it.

    ``packs``: ``{pack: folder}`` of the packs published; ``states``: every pack of the set
    (published or not) as its gate saw it (the relations and the cells to attack). A cell is
    known when a published pack's CSV shows it, else it is an unknown (every cell of a pack
    not published). Returns the problems: a published value differing from the gate's, and
    every withheld cell, complement or remainder bounded below ``threshold``."""
    problems: list[str] = []
    shown: dict[str, PackState] = {}
    for p, s in states.items():
        cells = pack_cells(packs[p]) if p in packs else {}
        sup = {}
        for c, v in s.values.items():
            x = cells.get(c)
            if x is None:
                sup[c] = s.suppressed.get(c, "unpublished")
            elif abs(x - _round(v, rounding)) > 1e-6:
                problems.append(f"{p}: {c} shows {x:g}, not the value the gate checked")
        shown[p] = PackState(s.values, sup, s.constraints, s.pairs)
    for expr, lo, hi in attack_set(shown, rel, threshold=threshold, rounding=rounding):
        what = f"{expr[1]} - {expr[0]}" if isinstance(expr, tuple) else str(expr)
        problems.append(f"{what} can be derived to lie in [{lo:g}, {hi:g}], below {threshold}")
    return problems
