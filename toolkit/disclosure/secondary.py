"""Secondary (complementary) suppression by closing cycles of suppressed cells.

Why cycles: in a two-way table with published totals, write the extended table
(interior cells bordered by totals) as a bipartite graph whose nodes are its
rows and columns and whose edges are its cells. Changing the suppressed cells
while every published value stays fixed is possible exactly along cycles of
suppressed cells (alternately adding and subtracting). A suppressed cell that
lies on no cycle of suppressed cells (a *bridge*) is therefore determined by the
published values, and one that lies on a cycle of positive cells can move both
up and down. This is the network view of cell suppression (Carvalho, Dellaert &
Osório 1994; Castro 2006; Hundepool et al. 2012, section 4.2.4).

The heuristic: for every suppressed cell not yet on a cycle of suppressed
positive cells, find the cheapest path of further cells that closes such a
cycle (cost = the counts withheld, so the smallest complementary cells are
chosen) and suppress it. Every added cell lies on the new cycle, so the
procedure reaches a fixpoint; it loops until no cell changes, to be safe.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse.csgraph import dijkstra

#: weight of an already suppressed cell in the path search (free, but clearly positive so
#: that scipy's dense graph format, which masks values within 1e-8 of 0, keeps the edge)
_FREE = 1e-6
#: added to each newly suppressed cell's count: among paths withholding the same
#: total, prefer the one with fewer cells
_PER_CELL = 1e-3


def _graph(extended, suppressed, usable, skip):
    """Dense weighted adjacency matrix over row nodes 0..R-1 and column nodes R..R+C-1."""
    R, C = extended.shape
    w = np.where(suppressed, _FREE, extended.astype(float) + _PER_CELL)
    w = np.where(usable, w, np.inf)
    w[skip] = np.inf
    G = np.full((R + C, R + C), np.inf)
    G[:R, R:] = w
    G[R:, :R] = w.T
    return G


def _path_cells(pred, start, end, R):
    cells = []
    node = end
    while node != start:
        prev = pred[node]
        if prev < 0:
            return None
        i, j = (prev, node - R) if prev < R else (node, prev - R)
        cells.append((int(i), int(j)))
        node = prev
    return cells


def _cycle_path(extended, suppressed, cell, *, allow_zero, capacity=1):
    """Cheapest set of cells closing a cycle through ``cell`` (suppressed ones cost nothing),
    using only cells holding at least ``capacity``."""
    R, _ = extended.shape
    usable = extended >= max(capacity, 1)
    if allow_zero:
        usable = usable | suppressed
    G = _graph(extended, suppressed, usable, cell)
    i, j = cell
    dist, pred = dijkstra(G, directed=False, indices=i, return_predecessors=True)
    if not np.isfinite(dist[R + j]):
        return None
    return _path_cells(pred, i, R + j, R)


def on_cycle(extended, suppressed, cell, capacity=1) -> bool:
    """Whether ``cell`` lies on a cycle of suppressed cells each holding at least ``capacity``."""
    R, _ = extended.shape
    mask = suppressed & (extended >= max(capacity, 1))
    G = _graph(extended, mask, mask, cell)
    i, j = cell
    dist = dijkstra(G, directed=False, indices=i)
    return bool(np.isfinite(dist[R + j]))


def complete(extended: np.ndarray, primary: np.ndarray, threshold: int | None = None):
    """Add complementary cells until every suppressed cell lies on a cycle.

    With ``threshold``, each primary cell :math:`x` is put on a cycle whose other
    cells all hold at least :math:`k - x`, so that it can rise to the threshold
    :math:`k` without changing any published value (an *upper protection level*
    of :math:`k - x`, Hundepool et al. 2012, section 4.2.2). Where no such cycle
    exists the cell falls back to any cycle of positive cells.

    Parameters
    ----------
    extended : ndarray of int, shape (R, C)
        Counts bordered by totals (see :func:`toolkit.disclosure.extended.extend`).
    primary : ndarray of bool
        Cells suppressed by the primary rule.
    threshold : int, optional
        Upper protection level for primary cells (see above).

    Returns
    -------
    suppressed : ndarray of bool
        Primary and secondary cells.
    protects : dict
        ``{(i, j): (i0, j0)}``: for each secondary cell, the cell whose cycle it closes.
    unprotected : list of tuple
        Suppressed cells for which no cycle exists (only possible when zero
        counts are suppressed and the cell's lines hold nothing but zeros).

    Examples
    --------
    >>> from toolkit.disclosure.extended import extend
    >>> ext = extend(np.array([[3, 30], [40, 35], [25, 28]]))
    >>> sup, protects, _ = complete(ext, (ext > 0) & (ext < 10))
    >>> sup.astype(int)
    array([[1, 1, 0],
           [0, 0, 0],
           [1, 1, 0],
           [0, 0, 0]])
    """
    extended = np.asarray(extended)
    suppressed = np.asarray(primary, dtype=bool).copy()
    protects: dict[tuple[int, int], tuple[int, int]] = {}
    unprotected: list[tuple[int, int]] = []
    fallback: set[tuple[int, int]] = set()
    changed = True
    while changed:
        changed = False
        cells = sorted(zip(*np.nonzero(suppressed)), key=lambda ij: (extended[ij], ij))
        for cell in cells:
            cell = (int(cell[0]), int(cell[1]))
            need = 1
            if threshold is not None and primary[cell] and cell not in fallback:
                need = max(int(threshold - extended[cell]), 1)
            if cell in unprotected or on_cycle(extended, suppressed, cell, need):
                continue
            path = _cycle_path(extended, suppressed, cell, allow_zero=False, capacity=need)
            if path is None and need > 1:
                fallback.add(cell)
                if on_cycle(extended, suppressed, cell):
                    continue
                path = _cycle_path(extended, suppressed, cell, allow_zero=False)
            if path is None:
                path = _cycle_path(extended, suppressed, cell, allow_zero=True)
            if path is None:
                unprotected.append(cell)
                continue
            for other in path:
                if not suppressed[other]:
                    suppressed[other] = True
                    protects[other] = cell
                    changed = True
    return suppressed, protects, unprotected
