"""Payroll, collar, warrant, NI, postcode and birthday phrasings of round 26
(``toolkit.qual._id_codes``, ``_id_spoken``): sentences written for these tests, not taken
from any corpus."""

from __future__ import annotations

import pytest
from _redact_helpers import found_kinds


def _found(text):
    from toolkit.qual._identifiers import find_identifiers

    return {text[s:e] for s, e, _k, _ in find_identifiers(text)}


_kinds = found_kinds


@pytest.mark.parametrize(
    "text, code",
    [
        # a payroll or staff number after "my payroll" with no "number"
        ("They had the bank details and my payroll, 6610924, off the payslip.", "6610924"),
        ("Her payroll's 0038815, and that's on every letter HR sends.", "0038815"),
        ("His staff ID was 40177 and it was printed on the badge photo.", "40177"),
        ("Our employee is 5502213 on the system, they said.", "5502213"),
        ("My payroll's PR 44120, which is on every payslip.", "PR 44120"),
    ],
)
def test_payroll_said_without_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My staff, 1200 of them, all got the email.", "1200"),
        ("My payroll's 2,400 a month, before tax.", "2,400"),
        ("My staff, 2019 was a bad year for them.", "2019"),
        ("My payroll, B1234 was the road I took to work.", "B1234"),
        ("My staff at 0730 were in early, 1400 on lates.", "0730"),
    ],
)
def test_payroll_look_alikes_stay(text, look_alike):
    assert look_alike not in _found(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # a collar number in brackets after an officer named with a rank
        ('The post said "PC Gemma Reid (NW3318) lives on our road".', "NW3318"),
        ("The caption read Sgt Ward (4471) and then the street.", "4471"),
        ("The screenshot said Inspector Hale [KT 0912] under the photo.", "KT 0912"),
        # a force's letters and digits after a comma, a tag question between
        ("He shouted, \"You're DC Amir Shah, aren't you, WM 3310\", across the car park.", "WM 3310"),
        ("It was PS Clare Brooks, NY 5521, who took the call.", "NY 5521"),
        ("The thread named him as PC Ollie Grant – SY 6621 – and his street.", "SY 6621"),
    ],
)
def test_code_after_a_named_officer(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("PC Lowe (2019) was the year he joined.", "2019"),
        ("PC Lowe, M6 southbound, was there at nine.", "M6"),
        ("Sgt Ward, B1234 closed, so we went round.", "B1234"),
        ("It was PC Lowe, AM 0730 when he came.", "0730"),
        ("It was PC Lowe - AM 0730 - when he came.", "0730"),
        ("Sgt Ward - 2019 - was the year it started.", "2019"),
    ],
)
def test_named_officer_look_alikes_stay(text, look_alike):
    assert look_alike not in _found(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # a number with a force's initials, the force named just before
        ("When I was with Thames Valley, the number was TV 40217 on my card.", "TV 40217"),
        ("I did twelve years in West Midlands, WM-55102, before I transferred.", "WM-55102"),
        ("Greater Manchester gave me GMP 61830 when I joined.", "GMP 61830"),
    ],
)
def test_number_with_the_named_forces_initials(text, code):
    assert code in _found(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("I was in Thames Valley, TV 1999 was when I joined.", "TV 1999"),
        ("I watched Thames Valley on TV 2000 times.", "TV 2000"),
        ("There's a TV 4000 advert, nothing to do with West Midlands.", "TV 4000"),
    ],
)
def test_force_initials_look_alikes_stay(text, look_alike):
    assert look_alike not in _found(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # an NI number typed in lower case, the six digits in one run
        ("My national insurance, typed in small letters, is jh 503318 b on that email.", "jh 503318 b"),
        # no NI word: said to be typed in lower case just after
        ("Mine went round the group as jh 503318 b, in small letters, like a phone typed it.", "jh 503318 b"),
        ("They had it on the spreadsheet, tw 118204 c, all lower case.", "tw 118204 c"),
        ("His NI went out as wl 882014 d, all lower case.", "wl 882014 d"),
        (
            "The NI number on the sheet was ce 310672 a, and my sister's underneath it, same way, ty 440917 c.",
            "ty 440917 c",
        ),
    ],
)
def test_ni_number_in_lower_case_with_one_run(text, code):
    assert (code, "ni_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My NI is fine. We made on 200000 a year back then.", "on 200000 a"),
        ("The NI letter said the scheme cost 120000 a year.", "120000"),
        ("NI sorted. We had up 450000 a month in claims.", "up 450000 a"),
        ("We paid on 200000 a year, in small letters on the invoice.", "on 200000 a"),
    ],
)
def test_ni_run_look_alikes_stay(text, look_alike):
    assert look_alike not in _found(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # an outward code and sector trailing off, or said as what a post showed
        ("They had the house name and the LD3 7... just the first half.", "LD3 7"),
        ("It said DH1 3… and then it stopped.", "DH1 3"),
        ("A picture of the drive, and TQ9 in the hashtag.", "TQ9"),
        ("They put NE23 in the caption, under the picture.", "NE23"),
        ("And IP12 4 on the post, as if that was funny.", "IP12 4"),
    ],
)
def test_partial_postcode_trailing_or_in_a_post(text, code):
    assert (code, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("We came off the M6 in the photo, by the services.", "M6"),
        ("The A1 on the post was closed.", "A1"),
        ("It was the M1 3... 4 junctions back.", "M1 3"),
        ("I had a PS5 on the post, a games console.", "PS5"),
    ],
)
def test_postcode_in_a_post_look_alikes_stay(text, look_alike):
    assert look_alike not in _found(text)


@pytest.mark.parametrize(
    "text, date",
    [
        ("They'd got her birthday right, 3 March, but the wrong street.", "3 March"),
        ("They had his date of birth wrong, the 9th of July, and the rest right.", "9th of July"),
        ("The form had my DOB correct, 14 February 1979, and a wrong surname.", "14 February 1979"),
    ],
)
def test_birthday_said_right_or_wrong(text, date):
    assert (date, "date_of_birth") in _kinds(text)


def test_a_date_got_right_is_not_a_birthday():
    assert "8 June" not in _found("They got the time right, 8 June, and the place wrong.")
