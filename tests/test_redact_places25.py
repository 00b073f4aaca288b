"""Rules of the places revision on AA's misses (issue 12, round 25): context windows that
cut a word, named units and control rooms, and places that locate an incident or a visit
rather than a home. Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from toolkit.qual.redact import Redactor

_REDACTOR = Redactor()


def _found(text):
    return [(r.kind, text[r.start : r.end]) for r in _REDACTOR.find(text).itertuples(index=False)]


@pytest.mark.parametrize("pad", range(0, 40, 3))
@pytest.mark.parametrize(
    "dept", ["Professional Standards", "Occupational Health", "Human Resources", "Counter Corruption"]
)
def test_places25_window_never_cuts_a_word(pad, dept):
    # an earlier keyword's window may end inside a later word; the cut piece ("Professiona")
    # is no place
    text = f"I went to the Federation first, and then {'x' * pad} a woman in {dept} rang me back."
    assert not [f for f in _found(text) if f[0] == "place"], _found(text)


def test_places25_window_still_finds_a_town_after_a_long_gap():
    text = "I went to the Federation first, and then, a long while after, my sister in Crickhowell rang me."
    assert ("place", "Crickhowell") in _found(text)
