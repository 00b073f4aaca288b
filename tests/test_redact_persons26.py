"""Round 26 rules of ``toolkit/qual/_id_persons.py``: every item of a "Surname, Given"
list split by semicolons (the first item too), a given name in the possessive after a
relative ("my husband Stephen's"), a surname spelled with its initial and "for" ("P for
Parry"), with look-alikes that must stay.

Every sentence here was written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from _redact_helpers import persons

_persons = persons


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "The rota read Shah, Aisha; Brennan, Luke; Eze, Chidi, as the sergeant had typed it.",
            ["Shah, Aisha", "Brennan, Luke", "Eze, Chidi"],
        ),
        ("Ndlovu, Thandi; Price, Owen; and that was the whole shift.", ["Ndlovu, Thandi", "Price, Owen"]),
        ("Mahmood, Sana; Kowalski, Piotr.", ["Mahmood, Sana", "Kowalski, Piotr"]),
        (
            "Adeyemi, Tolu; Walsh, Niamh; Osei, Kofi; it was pinned up in the parade room.",
            ["Adeyemi, Tolu", "Walsh, Niamh", "Osei, Kofi"],
        ),
    ],
)
def test_round26_semicolon_list_of_surname_given(text, names):
    found = _persons(text)
    for name in names:
        assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "Well, Frank; honestly, Grace; it's fine.",
        "Yes, sir; no, sir; three bags full.",
        "Leeds, Bradford; Hull, York; those were the stops.",
    ],
)
def test_round26_semicolon_look_alikes_stay(text):
    found = _persons(text)
    assert not any("," in p for p in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("They had my husband Stephen's and all.", "Stephen"),
        ("They'd put my brother David's name on it as well.", "David"),
        ("My son George's school was on there, the lot.", "George"),
        ("It was my nephew Andrew's car they photographed.", "Andrew"),
    ],
)
def test_round26_saint_names_in_the_possessive_are_persons(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was St Patrick's Day and we were out in town.",
        "On Stephen's Day we went round to my mother's.",
        "He sent flowers on Valentine's, which was nice.",
        "We had a meal for Father's Day.",
    ],
)
def test_round26_saints_days_stay(text):
    assert _persons(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("That's R-H-I-A-N, and then P for Parry.", "Parry"),
        ("My surname's spelt with a W, W for Wainwright, and people still get it wrong.", "Wainwright"),
        ("It's O-L-U, then the surname, A for Adeyemi.", "Adeyemi"),
    ],
)
def test_round26_letter_for_surname(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "That's S for Sugar, F for Fox, B for Bravo, B for Baker.",
        "I went to B for Bolton and then L for London.",
        "T for Tuesday, W for Wales, it was a proper list.",
    ],
)
def test_round26_spelling_alphabet_stays(text):
    assert _persons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'P: Yes. KX19 ABC. Silver Octavia. And "she leaves at eight" under it.',
        "They followed her red Clio all the way to the school.",
        "It was a Black Leon, tinted windows, parked outside.",
    ],
)
def test_round26_colour_before_a_car_model_is_no_person(text):
    assert _persons(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("My sister Zoe came round with the kids.", "Zoe"),
        ("Leon Black was the lad's name.", "Leon Black"),
        ("Octavia, my neighbour, saw the post first.", "Octavia"),
    ],
)
def test_round26_car_model_names_as_persons_stay(text, name):
    assert name in _persons(text)
