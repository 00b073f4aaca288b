"""Postcode, NI, collar, warrant and birthday phrasings of round 25 (``toolkit.qual._id_codes``,
``_id_spoken``): sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest
from _redact_helpers import found_kinds

_kinds = found_kinds


@pytest.mark.parametrize(
    "text, code",
    [
        # the outward code and the sector digit, the letters held back
        ("Our postcode is DN4 7... I'd rather not give the end of it.", "DN4 7"),
        ("The flyer had the postcode, LS12 3, and a map of the estate.", "LS12 3"),
        ("My postcode's CF24 3, that's as much as you're getting.", "CF24 3"),
        ("They got the postcode down to SK4 2... and then the street name.", "SK4 2"),
        ("I'll give you the postcode as far as HU5 3... no more than that.", "HU5 3"),
        # held back in words, with no "postcode" said
        ("They'd got us as DN4 7-something, which is close enough to find us.", "DN4 7"),
        ("It's HU5 3 and then two letters, I won't say which ones.", "HU5 3"),
        ("Someone wrote TS14 6 x x on the wall, like a riddle.", "TS14 6"),
        ("The leaflet said PL7 4 whatever, near enough.", "PL7 4"),
        # the same outward code said again, once with the sector
        ("The postcode, BD7 3... well, it starts BD7, I'll leave it there.", "BD7 3"),
    ],
)
def test_partial_postcode_with_its_sector_digit(text, code):
    assert (code, "postcode") in _kinds(text)


def test_sector_said_then_the_full_postcode():
    text = "The postcode, WF1 2... sorry, WF1 2QP, was on the screenshot."
    found = _kinds(text)
    assert ("WF1 2", "postcode") in found and ("WF1 2QP", "postcode") in found


@pytest.mark.parametrize(
    "text, look_alike",
    [
        # a distance, a count, a road or a number after an outward code: no sector
        ("Our postcode is LS25, 2 miles from the motorway.", "LS25, 2"),
        ("My postcode's LS25 2 miles from work, it's handy.", "LS25 2"),
        ("The postcode area was M1, 4 of us lived there.", "M1, 4"),
        ("Take the M6 1 junction on and you're there.", "M6 1"),
        ("My postcode's BB7, 5 of us share it.", "BB7, 5"),
    ],
)
def test_numbers_after_an_outward_code_are_not_a_sector(text, look_alike):
    assert not any(k == "postcode" and s == look_alike for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, spoken, kind",
    [
        # the written code's last capital right before its reading: not part of the reading
        (
            "My NI's on the form, PW 41 07 66 C, papa whiskey, forty-one, oh seven, sixty-six, charlie.",
            "papa whiskey, forty-one, oh seven, sixty-six, charlie",
            "ni_number",
        ),
        (
            "It was JK 20 33 18 D, juliet kilo two oh three three one eight delta, on the letter.",
            "juliet kilo two oh three three one eight delta",
            "ni_number",
        ),
        # a postcode of an O area read out: the O said as a letter or as "oh"
        (
            "The postcode, OL12 7DF, oh el one two, seven dee eff, was on the card.",
            "oh el one two, seven dee eff",
            "postcode",
        ),
        ("Our postcode they put as O X two six, four T Q in the post.", "O X two six, four T Q", "postcode"),
        (
            "She read the postcode back, Oscar Lima eight, three Papa Golf.",
            "Oscar Lima eight, three Papa Golf",
            "postcode",
        ),
    ],
)
def test_codes_read_out_after_being_written(text, spoken, kind):
    assert (spoken, kind) in _kinds(text)


def test_a_spoken_o_postcode_has_the_letter_o_for_identity():
    from toolkit.qual._identifiers import find_identifiers

    text = "My postcode, OX26 4TQ, O X two six, four T Q, you can check it."
    idents = {text[s:e]: i for s, e, k, i in find_identifiers(text) if k == "postcode"}
    assert idents["O X two six, four T Q"] == "OX264TQ"


@pytest.mark.parametrize(
    "text",
    [
        # counting and numbers said with an "oh": no postcode
        "Oh two four six, three times over, that's how the drill goes.",
        "I said oh, one four three, and he laughed at me.",
    ],
)
def test_oh_and_numbers_are_not_a_postcode(text):
    assert not any(k == "postcode" for _s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, day",
    [
        # the day of a birthday just said, said again alone in other figures or words
        ("Her birthday's the fourteenth of March, and the card said 'happy birthday for the 14th'.", "14th"),
        ("My DOB is 09/06/1981 and the comment was 'see you on the 9th, sergeant'.", "9th"),
        ("His birthday is the 2nd of May. They posted 'big day on the second, eh' under his photo.", "second"),
        ("It was 'party on the thirtieth' — and his birthday is the 30th of June, so they knew.", "thirtieth"),
    ],
)
def test_a_birthdays_day_said_again_alone(text, day):
    assert (day, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        # another day, a floor, a date of its own: not the birthday
        ("My birthday's the 4th of July. Court was on the 9th and I was on the 4th floor.", "4th"),
        ("My birthday's the 4th of July. Court was on the 9th, the day after.", "9th"),
        ("Her birthday is the 3rd of June, and the 3rd time they posted it I reported it.", "3rd"),
        ("My birthday's the 12th of May; the 12th of August was the hearing.", "12th"),
    ],
)
def test_other_days_beside_a_birthday_stay(text, look_alike):
    assert (look_alike, "date_of_birth") not in _kinds(text)


@pytest.mark.parametrize(
    "text, code, kind",
    [
        # a turn typed in lower case, as a post is: the rank and the code's letters too
        ("P: so i'm a pcso over in the west, and my number's pcso 7731, it's on the lanyard", "7731", "collar_number"),
        (
            "P: yeah they just wrote it like that, lower case, sgt 2290 is a grass, all over the group",
            "2290",
            "collar_number",
        ),
        (
            "P: it was all small letters in the post, my warrant number is kt 304417 and my address",
            "kt 304417",
            "warrant_number",
        ),
        (
            "P: honestly it was typed lazy, like, their collar number's ab 5512 and a picture",
            "ab 5512",
            "collar_number",
        ),
        # the warrant said for the number, the code later in the clause
        ("My warrant was in the screenshot too, WM 881204, right under my face.", "WM 881204", "warrant_number"),
        ("Her warrant was on there as well, 4471902, the full thing.", "4471902", "warrant_number"),
        (
            "P: and my warrant was on the same page, lc 66120, plain as anything in the comments",
            "lc 66120",
            "warrant_number",
        ),
    ],
)
def test_codes_typed_in_lower_case_and_said_warrants(text, code, kind):
    assert (code, kind) in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        # a computer, a year, a time, a count: no code
        ("P: we had the old pc 2000 in the back room, it never worked properly anyway", "2000"),
        ("My warrant was renewed in 2019, it's fine now.", "2019"),
        ("My warrant was out by 0730 that morning, the raid was early.", "0730"),
        ("My warrant was one of 1200 issued that year.", "1200"),
        ("I typed PC 4417 into my computer. The pc 4417 model was slow.", "pc 4417"),
        ("P: and my collar number was on it at 2230 that night, which is when they posted it", "at 2230"),
    ],
)
def test_lower_case_and_warrant_look_alikes_stay(text, look_alike):
    assert not any(k in ("collar_number", "warrant_number") and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, date",
    [
        # a birthday greeting and the date written with it, as on a card or a post
        ('The card on the shelf said "Happy sixtieth Dad, 14.02" in her writing.', "14.02"),
        ('He posted "happy 30th bro! 3/11" with a photo of the house.', "3/11"),
        ('They wrote "Happy birthday to my little girl, 9th of May" under the picture.', "9th of May"),
        ('The banner read "Happy 18th Chloe 27.06.2007" across the window.', "27.06.2007"),
    ],
)
def test_a_date_written_with_a_birthday_greeting(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        # a time, a score, a count after the greeting: no date of birth
        ("Happy birthday mate, see you 11.05 at the station.", "11.05"),
        ("Happy birthday Dave, 10.30 at the pub then.", "10.30"),
        ("Happy new year, 1.1 is a fresh start.", "1.1"),
        ("Happy 21st, 3 of us went out for it.", "3"),
    ],
)
def test_greeting_look_alikes_stay(text, look_alike):
    assert (look_alike, "date_of_birth") not in _kinds(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # an outward code said as a postcode's kind, or its area
        ("It's a TS14 postcode, so they could narrow it down.", "TS14"),
        ("They knew it was a DN4 7 postcode from the letter.", "DN4 7"),
        ("We're in the SR2 area, that's all I'll tell you.", "SR2"),
        ("All the addresses were WF1 postcodes, every one.", "WF1"),
        # the sector in a word, the rest held back
        ("Our postcode's BD7 three, something, I'd rather not.", "BD7 three"),
    ],
)
def test_outward_codes_named_as_postcodes(text, code):
    assert (code, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("We were near the M6 area of the roadworks.", "M6"),
        ("He left his PS4 area a mess, the games everywhere.", "PS4"),
        ("The A38 area was gridlocked all day.", "A38"),
    ],
)
def test_roads_and_products_before_area_stay(text, look_alike):
    assert (look_alike, "postcode") not in _kinds(text)
