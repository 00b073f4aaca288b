"""Places: workplaces, schools, addresses and stations named in forms the main patterns miss.

Called by :func:`toolkit.qual._identifiers.find_identifiers`: :func:`find` before the
overlaps are resolved (it calls ``add((start, end, kind, identity))`` for each candidate),
:func:`revise` on the resolved list at the end (it may drop or change candidates and
returns the list, non-overlapping).
"""

from __future__ import annotations


def find(text: str, add, folded) -> None:
    """Candidates of this area in ``text`` (``folded`` is ``text.casefold()`` when it
    keeps the length, else ``None``)."""
    return None


def revise(text: str, found: list) -> list:
    """``found`` after this area's corrections."""
    return found
