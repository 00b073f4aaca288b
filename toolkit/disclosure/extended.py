"""The extended table: interior counts bordered by their row, column and grand totals.

Secondary suppression and its audit both work on this ``(r + 1) x (c + 1)`` array,
because published totals are what let an intruder recover a suppressed cell.
Every line (row or column) of the extended table obeys one linear constraint::

    sum of the line's interior cells - the line's total cell = 0

and the totals row and column obey the same rule (the grand total sits at
``[r, c]``).
"""

from __future__ import annotations

import numpy as np


def extend(counts: np.ndarray) -> np.ndarray:
    """Border an ``r x c`` array of counts with row totals, column totals and the grand total.

    >>> extend(np.array([[1, 2], [3, 4]]))
    array([[ 1,  2,  3],
           [ 3,  4,  7],
           [ 4,  6, 10]])
    """
    counts = np.asarray(counts)
    r, c = counts.shape
    out = np.zeros((r + 1, c + 1), dtype=counts.dtype)
    out[:r, :c] = counts
    out[:r, c] = counts.sum(axis=1)
    out[r, :c] = counts.sum(axis=0)
    out[r, c] = counts.sum()
    return out


def line_constraints(shape: tuple[int, int]) -> np.ndarray:
    """Coefficient matrix of the line constraints of an extended table of ``shape``.

    One row per line (first the rows of the extended table, then its columns), one
    column per cell in row-major order; ``A @ cells.ravel() == 0`` holds exactly.

    >>> A = line_constraints((3, 3))
    >>> A.shape
    (6, 9)
    >>> bool((A @ extend(np.array([[1, 2], [3, 4]])).ravel() == 0).all())
    True
    """
    R, C = shape
    A = np.zeros((R + C, R * C))
    for i in range(R):
        for j in range(C):
            k = i * C + j
            A[i, k] = -1.0 if j == C - 1 else 1.0
            A[R + j, k] = -1.0 if i == R - 1 else 1.0
    return A
