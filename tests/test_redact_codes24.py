"""Collar, warrant and postcode phrasings of round 24 (``toolkit.qual._id_codes``,
``_id_spoken``): sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest


def _kinds(text):
    from toolkit.qual._identifiers import find_identifiers

    return {(text[s:e], k) for s, e, k, _ in find_identifiers(text)}


@pytest.mark.parametrize(
    "text, code",
    [
        # a force's letters that are also a rank's, two digits of a year and a serial
        ("My warrant number went up as well, PS 21 3390, which is how Scotland prints them.", "PS 21 3390"),
        ("His warrant card was photographed, DC 47 1182, the letters are the force.", "DC 47 1182"),
        ("They had the warrant number too: DS 08 5521, and her photo.", "DS 08 5521"),
        ("I read my warrant card out to him, PC 16 0447, and he wrote it down.", "PC 16 0447"),
    ],
)
def test_warrant_numbers_with_a_force_prefix_and_groups(text, code):
    assert (code, "warrant_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        # a rank and a collar number said in pairs stays a rank and a collar
        ("My warrant card's in the drawer. PC 44 17 was the one they named.", "PC 44 17"),
        ("My warrant card came up in the log, CAD 19 4472, that's the incident.", "CAD 19 4472"),
    ],
)
def test_rank_and_short_groups_are_not_warrant_numbers(text, look_alike):
    assert not any(k == "warrant_number" and s == look_alike for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code, kind",
    [
        (
            "Our borough letters come first, so my shoulder number is KD four one two.",
            "KD four one two",
            "collar_number",
        ),
        ("The warrant number printed on it was T 5 0 2 8 8, under the crest.", "T 5 0 2 8 8", "warrant_number"),
        ("Collar number? Mine's NW three three oh one.", "NW three three oh one", "collar_number"),
        ("His warrant card, R 2 2 9 0 1 4, was pinned to the post.", "R 2 2 9 0 1 4", "warrant_number"),
    ],
)
def test_letters_written_before_a_number_read_out_are_part_of_it(text, code, kind):
    assert (code, kind) in _kinds(text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("My collar number? PC four four one six, same as always.", "four four one six"),
        ("I said my collar number, I 3 3 0 6, no, just 3 3 0 6.", "3 3 0 6"),
    ],
)
def test_a_rank_or_a_word_before_a_number_read_out_stays_outside(text, code):
    found = _kinds(text)
    assert (code, "collar_number") in found
    assert not any(k == "collar_number" and s != code and s.endswith(code) for s, k in found)
