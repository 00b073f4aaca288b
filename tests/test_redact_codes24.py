"""Collar, warrant and postcode phrasings of round 24 (``toolkit.qual._id_codes``,
``_id_spoken``): sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest
from _redact_helpers import found_kinds

_kinds = found_kinds


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


@pytest.mark.parametrize(
    "text, code",
    [
        ("I work the radio at Ashford, operator KT 4410, nights mostly.", "KT 4410"),
        ("She gave it as operator NY-2093.", "NY-2093"),
        ("Control room, operator 7715, and then a break.", "7715"),
    ],
)
def test_operator_letters_are_part_of_the_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("I asked for the operator PC 4410, no, the sergeant.", "PC 4410"),
        ("Ring the operator at 2015.", "2015"),
    ],
)
def test_operator_rank_or_time_is_not_an_operator_number(text, look_alike):
    assert not any(k == "collar_number" and s == look_alike for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("I was on the radio desk that night, operator NW 3307, and the caller knew it.", "NW 3307"),
        ("Call handler, Gwent, operator GW-5519. That's what shows on the log.", "GW-5519"),
        ("He asked for the operator, operator 2216, by number.", "2216"),
    ],
)
def test_an_operators_number_with_its_letters_is_a_collar_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The operator PC 4410 was the one on the radio.",
        "I rang the operator at 0900, then again.",
    ],
)
def test_an_operator_look_alike_stays(text):
    assert not any(k == "collar_number" and s.startswith(("PC", "0900")) for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, collar, warrant",
    [
        # a row read out: the number beside the labelled warrant is the collar number
        (
            "Each line had a name and numbers. Mine said Hughes, WP 2271, warrant 60419, and my street.",
            "WP 2271",
            "60419",
        ),
        # two numbers side by side in a row: the shorter the collar, the longer the warrant
        (
            'The screenshot showed "Malik, Sana, 3348, K 204417, sana.malik@example.com".',
            "3348",
            "K 204417",
        ),
    ],
)
def test_a_rows_collar_and_warrant_numbers(text, collar, warrant):
    found = _kinds(text)
    assert (collar, "collar_number") in found
    assert (warrant, "warrant_number") in found


def test_a_count_beside_a_name_in_a_row_stays():
    found = _kinds("We counted them: Hughes, 300 people, and Malik, 250 more, at the gates.")
    assert not any(k in ("collar_number", "warrant_number") for _, k in found)


@pytest.mark.parametrize(
    "text, code",
    [
        # an outward code with the rest held back
        ("They'd only got the first half, CF14 something, not the rest of it.", "CF14"),
        ('The card just said "NE23 whatever", like they couldn\'t be bothered.', "NE23"),
        ("My sister's postcode was on it too, or half of it, B12 something.", "B12"),
        # an outward code beside a town or after "in", where someone lives
        ("I: Where does your mum live? P: Morpeth, NE61, and that's all I'll say.", "NE61"),
        ("I live in Harrogate, HG1, near the station.", "HG1"),
        ("We moved last spring and we live in DH1.", "DH1"),
    ],
)
def test_outward_codes_said_as_where_someone_lives(text, code):
    assert (code, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("We sat on the M6 something awful for two hours.", "M6"),
        ("It was an A4 something, a flyer through the door.", "A4"),
        ("I live at flat B2, above the chip shop.", "B2"),
        ("My son lives with me, he's S1 at the academy.", "S1"),
        ("Sorry, I live for my days off, honestly, PS4, a brew, the lot.", "PS4"),
    ],
)
def test_outward_code_look_alikes_stay(text, look_alike):
    assert not any(k == "postcode" and s == look_alike for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code, kind",
    [
        # the number of a warrant card spoken of before: letters and five digits
        (
            "I: Was the warrant card in the photo? P: It was. The number was on there, KB 41907, clear as day.",
            "KB 41907",
            "warrant_number",
        ),
        ("They held my warrant card up. The number was clear, WY 30218, and my face.", "WY 30218", "warrant_number"),
        # an answer to a question about the warrant number: a force's letters and groups
        ("My warrant number? DC 62 1093. The DC is Devon and Cornwall.", "DC 62 1093", "warrant_number"),
        # an operator's lettered code in the middle of its clause
        ("I'm operator NP 4471 on the dispatch screen, and he read it out.", "NP 4471", "collar_number"),
        # a number read out after "my old work number", then written with its letter
        (
            "My old work number was three one seven, or T 317 as it's written, and they had it.",
            "T 317",
            "collar_number",
        ),
    ],
)
def test_more_ways_of_saying_a_collar_or_warrant_number(text, code, kind):
    assert (code, kind) in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("I showed my warrant card. The number was on there, 41907 people saw the post.", "41907"),
        ("My old work number was three one seven, and the bus was the A 317.", "A 317"),
    ],
)
def test_more_look_alikes_stay(text, look_alike):
    assert not any(k == "warrant_number" and s == look_alike for s, k in _kinds(text))
    assert not any(k == "collar_number" and s == look_alike for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "The link ended /staff/3318 and I thought the 3318 was my collar number, but it wasn't, just a page.",
        "I assumed 6604 was her collar number, but it isn't, it's the post's number.",
        "We thought it was 2291, his collar number, but that's not it, it was a ticket.",
    ],
)
def test_a_number_taken_for_a_collar_number_and_then_denied_stays(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("I thought 5521 was his collar number, and it was, I checked.", "5521"),
        ("They said 7730 was my collar number, but it wasn't them that posted it.", "7730"),
    ],
)
def test_a_collar_number_that_is_not_denied_stays_a_collar_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("The page had my collar on it, 6617, under a cartoon pig.", "6617"),
        ("They'd posted his collar and his first name, 3092 and Gav.", "3092"),
        ("It showed her collar again at the end, 7751, in red.", "7751"),
    ],
)
def test_collar_said_for_the_collar_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "He'd got my collar in his fist, 300 of them were watching.",
        "My collar was soaked through by 1900, it rained all shift.",
        "They had my collar up against the wall for 20 minutes.",
    ],
)
def test_a_collar_held_or_worn_is_no_number(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("Digits first, then the borough code, so on the post it was 318KD, plain as day.", "318KD"),
        ('I: How do you write it? P: The number and the borough letters, "27TX".', "27TX"),
    ],
)
def test_a_met_shoulder_number_where_a_borough_code_is_spoken_of(text, code):
    assert (code, "collar_number") in _kinds(text)


def test_units_beside_a_borough_code_stay():
    found = _kinds("The borough code file was 64GB, and the number of rooms 10AM to 12PM.")
    assert not any(k == "collar_number" for _, k in found)


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "I dealt with the stolen warrant cards in our section. There were two of them. 0381244, from a locker.",
            "0381244",
        ),
        ("Two warrant cards went missing that month. Both were mine. 552019, then 552020.", "552019"),
    ],
)
def test_warrant_numbers_past_a_short_sentence_after_warrant_cards(text, code):
    assert (code, "warrant_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Warrant cards were renewed in the spring. It took ages. 2300 people queued for them.",
        "My warrant card got photographed. Nobody cared. At 1900 we went home.",
        "Warrant cards came up at the meeting. The sergeant walked in late with the rota and a coffee. 4410 was on it.",
    ],
)
def test_numbers_past_a_long_gap_or_counts_after_warrant_cards_stay(text):
    assert not any(k == "warrant_number" for _, k in _kinds(text))
