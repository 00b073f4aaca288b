"""Reference codes (``toolkit.qual._id_codes``): collar, warrant, staff, vehicle and NI
numbers in forms the main patterns miss, and look-alikes that must stay. Sentences
written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from toolkit.qual.redact import redact


@pytest.mark.parametrize(
    "text, expected",
    [
        # codes with letter groups, hyphens or slashes after a warrant / staff trigger
        (
            "Somebody put my warrant number up, the one from my first force, T/40291, on a forum.",
            "Somebody put my warrant number up, the one from my first force, [Warrant number A], on a forum.",
        ),
        (
            "They had his warrant card, and the number was KC-W-30817, plain to see.",
            "They had his warrant card, and the number was [Warrant number A], plain to see.",
        ),
        (
            "My warrant number, printed under the crest, R 55120, went round the estate.",
            "My warrant number, printed under the crest, [Warrant number A], went round the estate.",
        ),
        (
            "Our payroll numbers got leaked as well, mine was P-661042.",
            "Our payroll numbers got leaked as well, mine was [Warrant number A].",
        ),
        # collar numbers: a code with a space after "collar" said alone, a suffix, a rank
        (
            "He filmed my collar, KL 2207, from the doorway.",
            "He filmed my collar, [Collar number A], from the doorway.",
        ),
        ("The post said collar TR 918 lives nearby.", "The post said collar [Collar number A] lives nearby."),
        (
            "My shoulder number is 3390KD, the letters are the borough.",
            "My shoulder number is [Collar number A], the letters are the borough.",
        ),
        ("He kept shouting Constable 5126 at me.", "He kept shouting Constable [Collar number A] at me."),
        # a code with letters after "my number" / "mine's" / "as"
        ("He read my number, T417, out loud.", "He read my number, [Collar number A], out loud."),
        (
            "Everyone in the suite has a number, mine's CS 602, and they learn it.",
            "Everyone in the suite has a number, mine's [Collar number A], and they learn it.",
        ),
        ("The page listed her as KB 4410 with a photo.", "The page listed her as [Collar number A] with a photo."),
        ("I'm a Special, SC 7713, on weekends.", "I'm a Special, [Collar number A], on weekends."),
        # the same code said again later
        (
            "My collar number is 6632. Later a man shouted 6632 across the car park.",
            "My collar number is [Collar number A]. Later a man shouted [Collar number A] across the car park.",
        ),
        (
            "We wear numbers, mine's LD 441, and a lad yelled 441 at me.",
            "We wear numbers, mine's [Collar number A], and a lad yelled [Collar number A] at me.",
        ),
        # dateless and Northern Irish plates in a sentence about a vehicle
        (
            "Our van is UKZ 3318 and they painted it on a gable.",
            "Our van is [Vehicle A] and they painted it on a gable.",
        ),
        ("My partner's car, BIL 712, was filmed outside.", "My partner's car, [Vehicle A], was filmed outside."),
        ("They posted the reg, ABC 12, under my photo.", "They posted the reg, [Vehicle A], under my photo."),
        ("He wrote down my reg, yk19 pzt, in lower case.", "He wrote down my reg, [Vehicle A], in lower case."),
        # a badge or a lapel without "number", a verb after the trigger
        (
            "He'd got the number off my lapel, 3120, and put it online.",
            "He'd got the number off my lapel, [Collar number A], and put it online.",
        ),
        ("My badge says 4471 in white.", "My badge says [Collar number A] in white."),
        # a code named after it, a rank abbreviation with "no." or dots
        ("3306's my collar number, always has been.", "[Collar number A]'s my collar number, always has been."),
        (
            "551902 — that's my warrant number — went on the forum.",
            "[Warrant number A] — that's my warrant number — went on the forum.",
        ),
        (
            "The number they shared, the one on my shoulder, was 2718.",
            "The number they shared, the one on my shoulder, was [Collar number A].",
        ),
        ("5530 is my collar number, everyone knows.", "[Collar number A] is my collar number, everyone knows."),
        ("He wore 2291 on his shoulder that night.", "He wore [Collar number A] on his shoulder that night."),
        ("RX-4402 was her warrant number then.", "[Warrant number A] was her warrant number then."),
        (
            "PC no. 6619 was in the clip, and Sgt. 2207 as well.",
            "PC no. [Collar number A] was in the clip, and Sgt. [Collar number B] as well.",
        ),
        (
            "My number, which is 8834, is stitched on my uniform.",
            "My number, which is [Collar number A], is stitched on my uniform.",
        ),
        (
            "They found my warrant card, number 330718, in the bin.",
            "They found my warrant card, number [Warrant number A], in the bin.",
        ),
        # a repeat written without its space
        (
            "My collar number is KR 3310. He sprayed KR3310 on my fence.",
            "My collar number is [Collar number A]. He sprayed [Collar number A] on my fence.",
        ),
        ("Our car's DZ 4410 and the van's AIG 8820.", "Our car's [Vehicle A] and the van's [Vehicle B]."),
        ("The reg plate was 'BIG 1' on the Range Rover.", "The reg plate was '[Vehicle A]' on the Range Rover."),
        ("They had my warrant, W-44172, on the page.", "They had my warrant, [Warrant number A], on the page."),
        (
            "My car got done last week. LCZ 9021 was sprayed on the wall.",
            "My car got done last week. [Vehicle A] was sprayed on the wall.",
        ),
        # a hyphen or slash code with no trigger, in a text that speaks of a number
        (
            "So that's KD-55102 on the screen? Yes, the whole number.",
            "So that's [Warrant number A] on the screen? Yes, the whole number.",
        ),
        # a phone number written with dots
        (
            "My mobile is 07700.900.461 and they rang it all night.",
            "My mobile is [Phone A] and they rang it all night.",
        ),
        # NI numbers in lower case or with hyphens
        (
            "The letter had my national insurance number, jr 50 12 77 c, on it.",
            "The letter had my national insurance number, [NI number A], on it.",
        ),
        ("My NI was on the payslip as JR-50-12-77-C.", "My NI was on the payslip as [NI number A]."),
    ],
)
def test_code_phrasings(text, expected):
    red, _ = redact(text)
    assert red == expected


@pytest.mark.parametrize(
    "text",
    [
        # years, counts, times, sums, roads, statutes, car models, references
        "I was a sergeant for 12 years and a constable 1998 to 2006, collar and tie every day.",
        "The Sergeant 2019 intake had 300 officers and the car park held 150 cars.",
        "We drove the A303 and then the B4560 in my car, about 140 miles.",
        "My car's a BMW 320, nothing flashy, and the van's a VW 1500.",
        "The crime reference was on the letter, CAD 4417, and the log was URN 55210.",
        "Section 136 was used, and my warrant card stayed in my pocket for 2 hours.",
        "My collar was soaked, it was 10 degrees and 4000 people were at the match.",
        "Our car was stolen in 2021 and found on the M62 with 3 wheels.",
        "He was sentenced under section 4A of the Public Order Act 1986.",
        "My number was on the rota, 0900 to 1700, and I did 40 hours.",
        "The NI payments went up by 2% and cost me £45 a month.",
        "We bought a RAV4 and an LDV 200 van last year, and a BMW 320 for her.",
        "I was a sergeant for 12 years, and Sergeant 101 was the course they sent me on.",
        "The shift started at 0700 and my warrant card was in the car at 0730.",
        "I put 3 on my shoulder and 200 on the collar, then rang 101.",
        "He read out my number, which is 4417, and I'd rung him from my mobile.",
        "My collar was ripped in 2019 and again in 2021.",
        "Special 2020 was the recruitment drive, and 300 officers applied.",
        "There was a warrant, 2000 people shared it, and HMP 1234 is not a thing.",
        "My car got done last week. HMP 4410 was the prison he came out of.",
        "My collar number was read out at the 0900 briefing, and my warrant card on the 2200 shift.",
        "We had a Transit 350 van and a Volvo FH 500 lorry, and an XC90 car.",
        "The crime reference number was CR-40218, and the log was LOG/2231.",
        "He bought a model T-1000 and took the number 12 bus home.",
        "My kid's Brownies badge cost 150 quid, and the number on it was read by 300 others.",
        "I got a badge for 10 years service and a medal in 2015.",
        "He put his hand on my shoulder, and 300 people watched, in 2019.",
        "I've had a chip on my shoulder for 12 years, since I was 19.",
        "The collar numbers run from 1000 to 9999 here, and about 4,000 are in use.",
        "Version 1.2.3 shipped on 12.03.2024, and 0.5.100 after it.",
        "He gave me an incident number, 0457, and the CAD number was 1234.",
        "The staff survey had 1200 responses, and staff numbers fell by 300.",
        "The van was a 2019 plate, and the car was on a 68 plate.",
        "My NI contributions for 2019 were £2,400, and National Insurance went up 1.25%.",
    ],
)
def test_look_alikes_stay(text):
    red, log = redact(text)
    assert log.empty or not log["kind"].isin(["collar_number", "warrant_number", "vehicle", "ni_number"]).any(), log


def test_an_example_ni_number_is_not_redacted():
    text = "It asked for an NI number like QQ 12 34 56 C, that's just the example, and mine is AB 12 34 56 A."
    red, log = redact(text)
    assert "QQ 12 34 56 C" in red
    assert "AB 12 34 56 A" not in red


def test_repeats_share_the_replacement():
    red, log = redact("His warrant number, DL/W/2210, was posted. DL/W/2210 again the next day.")
    assert red == "His warrant number, [Warrant number A], was posted. [Warrant number A] again the next day."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Room 4821PL", []),  # a numbered thing, not a code
        ("number 4821PL", [(7, 13)]),  # "number" and four digits or more: a code
    ],
)
def test_code_with_a_letter_suffix_after_a_numbered_thing(text, expected):
    """A code whose letters follow its digits ("4821PL") after a word that numbers things
    ("Room", "number") was a TypeError (its digits are in another group): found on the
    first held-out text the merged rules met."""
    from toolkit.qual._id_codes import _codes

    assert list(_codes(text, 0, len(text), bare_min=3)) == expected


def test_suffix_code_in_a_collar_window_does_not_fail():
    out = redact("He had my collar number, number 4821PL, on a flyer.")[0]
    assert "4821PL" not in out


# ---------------------------------------------------------------------------------------
# Collar numbers after an officer's name, operator and DO numbers, warrant forms
# (sentences written for these tests)
# ---------------------------------------------------------------------------------------


def _kinds(text):
    from toolkit.qual._identifiers import find_identifiers

    return {(text[s:e], k) for s, e, k, _ in find_identifiers(text)}


@pytest.mark.parametrize(
    "text, code",
    [
        ("The rota said: Sergeant Imogen Tarrant, 4418. Then two names I didn't know.", "4418"),
        ("He asked for PCSO Wilf Granger, number 7035, and hung up.", "7035"),
        ("There's a special in Whitby, Rhodri Pask, K2284, who gets it worst.", "K2284"),
        ('The comment was "bent copper Nadia Quill 6194" and a thumbs up.', "6194"),
    ],
)
def test_collar_number_right_after_an_officers_name(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("The letters went to PC Anna Brook, 14 Elm Road, and nowhere else.", "14"),
        ("Sergeant Paul Dee, 2019. That was the year it all went wrong.", "2019"),
        ("My neighbour Gail Rudd, 3315, was not an officer at all.", "3315"),
        ("We rang PC Tom Ives, 999 was busy.", "999"),
    ],
)
def test_numbers_after_names_that_are_not_collar_numbers_stay(text, look_alike):
    assert not any(k == "collar_number" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("On the headset my operator number is KL 2231, and callers hear it.", "KL 2231"),
        ("The detention officer's number, DO 518, was on the sheet they photographed.", "DO 518"),
        ("The DO's number on the printout, DO 4420, got shared.", "DO 4420"),
    ],
)
def test_operator_and_detention_officer_numbers_are_collar_numbers(text, code):
    assert (code, "collar_number") in _kinds(text)


def test_a_verb_do_before_numbers_is_no_trigger():
    assert not any(k == "collar_number" for _, k in _kinds("We do numbers on Mondays, 4410 of them last week."))


@pytest.mark.parametrize(
    "text, code",
    [
        ("He had my warrant number, 5521-KT, written on his hand.", "5521-KT"),
        ("I was handed a warrant card, RB 3308-S, on my first day.", "RB 3308-S"),
        ("The email gave her warrant number TV 2001-0457 and our address.", "TV 2001-0457"),
        ("They posted his warrant card details, NI-220417-B, under a meme.", "NI-220417-B"),
        ("A warrant number, GW 6618-31, was on the screenshot.", "GW 6618-31"),
        ("No, that's the form, sorry, the warrant was JK 0031977. Nothing else matters.", "JK 0031977"),
        (
            "The copied warrant card looked real. Shiny, even. Number on it was 0219346, made up.",
            "0219346",
        ),
        # right after "warrant": a rank's letters, digits and a hyphenated year group
        ("Every line read the same way, warrant DS 6120-14, then a home address.", "DS 6120-14"),
        ("My warrant, PC 3907-08, sat next to my photo.", "PC 3907-08"),
        ("Her warrant number's KT 2207-15 and that was on the list.", "KT 2207-15"),
        # a rank's letters and six digits after "mine's" where a warrant is spoken of
        ("Don't print my warrant number. Honestly. Mine's DC 220913 and it stays with me.", "DC 220913"),
        ("Everyone's warrant card got copied; mine was PS 604417, the sergeant's one.", "PS 604417"),
    ],
)
def test_warrant_number_forms(text, code):
    assert (code, "warrant_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My warrant card was renewed for 2019-20, and the number is the same.", "2019-20"),
        ("His warrant card was in the 4410-22 batch? No idea.", "4410-22"),
        ("My warrant card, TR/5510, no, that's the case number, forget that one.", "TR/5510"),
        ("I showed my warrant card. The number on it was fine, 12 years old.", "12"),
        ("They served the warrant 2019-20 twice and then left it.", "2019-20"),
        ("My warrant card got renewed. Mine's PC 100000 pounds of paperwork, ha.", "100000"),
        ("The warrant ran from 0600-1400 on the Tuesday.", "0600-1400"),
    ],
)
def test_warrant_look_alikes_stay(text, look_alike):
    assert not any(k == "warrant_number" and look_alike in s for s, k in _kinds(text))


def test_a_code_read_out_and_then_written_is_one_collar_number():
    found = _kinds("They sang his collar, four six one nine, and then 4619 went on a T-shirt.")
    assert ("four six one nine", "collar_number") in found
    assert ("4619", "collar_number") in found


def test_a_collar_number_keeps_its_span_when_a_look_alike_there_is_dropped():
    # "username, 4172" first looks like a handle; digits alone are no handle, so the
    # collar number announced before it takes the span back
    text = "She typed her collar number in as her username, 4172, on the fake login page."
    assert ("4172", "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("Thirty years a sergeant, and the card had my old number on it. 2716. I froze.", "2716"),
        ("They'd printed his number on the flyer, right by the uniform photo. 591. Just that.", "591"),
    ],
)
def test_a_number_said_as_its_own_sentence_after_my_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a sergeant and I knew my number was up. 1998. Worst year of my life.",
        "Ring my number, the constable said. 999. That's what you ring.",
        "My number is on the rota, the sergeant said. 07700 900461. Ring it.",
        "I gave my number to the call handler. 3 or 4 times.",
    ],
)
def test_number_sentences_that_are_not_collar_numbers_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


def test_a_staff_number_in_a_record_before_an_ni_number_is_a_collar_number():
    text = 'The first row was "Pryce, L, 4408, JT 22 61 90 C, 07700 900287." and it went on.'
    assert ("4408", "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her NI number came in 2016, JT 22 61 90 C, on the letter.",
        "In 2016, JT 22 61 90 C was on a letter.",
        "He wrote 4408 JT 22 61 90 C without commas.",
    ],
)
def test_numbers_near_an_ni_number_that_are_not_record_items_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


# ---------------------------------------------------------------------------------------
# A detention officer's role letters before a number; postcodes not in capitals
# (sentences written for these tests)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("I work nights in the cells. DO 627. That's all they know me by.", "DO 627"),
        ("The rota showed DDO K3310 on the late shift.", "DDO K3310"),
        ("Call sign aside, it's DO 2208 on my tabard.", "DO 2208"),
    ],
)
def test_a_detention_officers_role_and_number_are_one_collar_number(text, code):
    assert (code, "collar_number") in _kinds(text)


def test_a_role_number_said_again_alone_and_in_lower_case_is_the_same_collar_number():
    text = 'I was DDO R418 that year, and the lads in the cells sang "R418" at me, then wrote r418 on the wall.'
    from toolkit.qual._identifiers import find_identifiers

    found = [(text[s:e], k) for s, e, k, _ in find_identifiers(text)]
    assert found.count(("R418", "collar_number")) == 1 and ("r418", "collar_number") in found


@pytest.mark.parametrize(
    "text",
    [
        "In the gym we DO 300 squats before breakfast.",
        "Can you do 4410 for me by Friday?",
        "The DO 2015 rules changed custody for good.",
    ],
)
def test_do_numbers_that_are_not_collar_numbers_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("She typed it all lower case: 22 hawthorn close, le3 9xy, like a text.", "le3 9xy"),
        ('The note under the door just said "rg14 2pt" and a smiley.', "rg14 2pt"),
        ("Our postcode went round the comments written cv12nb, no space.", "cv12nb"),
        ("He had the address and a postcode, Wf10 4ja, off the parcel.", "Wf10 4ja"),
    ],
)
def test_postcodes_in_lower_or_mixed_case(text, code):
    assert (code, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("We came off the m6 5th from the left, you know the junction.", "m6 5th"),
        ("The cad went in as qq3 4ab for testing.", "qq3 4ab"),
        ("His gamertag was xb12ab with no spaces.", "xb12ab"),
        ("Sat at the table with my team, b12 was the room.", "b12"),
    ],
)
def test_lower_case_look_alikes_of_postcodes_stay(text, look_alike):
    assert not any(k == "postcode" and look_alike in s for s, k in _kinds(text))


def test_the_word_postcode_is_not_an_address_line():
    text = "Postcode, ls2 7pq, that was all they wrote on the wall."
    found = _kinds(text)
    assert ("ls2 7pq", "postcode") in found and not any(k == "address" for _, k in found)


@pytest.mark.parametrize(
    "text, codes, kind",
    [
        (
            "His warrant number was given as TR 30418 online. Two days later somebody posted TR 30481, which is mine.",
            ("TR 30418", "TR 30481"),
            "warrant_number",
        ),
        (
            "The warrant numbers leaked were GX-220419 and more. I only know it because GX-220503 is my mate.",
            ("GX-220419", "GX-220503"),
            "warrant_number",
        ),
    ],
)
def test_codes_of_the_same_form_as_a_found_number_are_that_kind(text, codes, kind):
    found = _kinds(text)
    assert all((c, kind) in found for c in codes)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        (
            "My warrant number's TR 30418. Later on the car park gave us bays 1 and 2, then 30419 went up on a sign.",
            "30419",
        ),
        ("My warrant number's TR 30418. Later on the job came in as TRX 30419 on the system.", "30419"),
        ("My warrant number's TR 30418. Later on the form said T 30419, a stock code.", "30419"),
    ],
)
def test_codes_of_another_form_are_not_siblings(text, look_alike):
    assert not any(k == "warrant_number" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code, kind",
    [
        ("The letter had Payroll 60218 printed at the top, and my home address.", "60218", "collar_number"),
        ("Employee no. 4471 on the badge photo, that's me.", "4471", "collar_number"),
        ("The spreadsheet column said Personnel: 1120934, plain as day.", "1120934", "warrant_number"),
    ],
)
def test_payroll_and_employee_numbers_said_without_number(text, code, kind):
    assert (code, kind) in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The payroll 2024 changes came in April.",
        "Employee 300 contracts were renewed, more or less.",
        "Personnel at 0800 meant nobody was at the desk.",
    ],
)
def test_payroll_look_alikes_stay(text):
    assert not any(k in ("collar_number", "warrant_number") for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("I'm police staff in the front office. My ID number's FO 2218, it's on the lanyard.", "FO 2218"),
        ("Her ID number was RT 0417 and they printed it under her photo.", "RT 0417"),
    ],
)
def test_a_staff_id_number_with_letters_is_a_collar_number(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My ID number's on the passport, so I read out the form code GB 2218 instead.",
        "The id number field, AB 1234, is an example on the form.",
    ],
)
def test_id_number_look_alikes_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


# ---------------------------------------------------------------------------------------
# Staff numbers as fields of a record or a list, officers' lists, ranks as appositions,
# numbers claimed as one's own, operator and employee codes, grouped warrant numbers,
# prefix plates and plates as list fields (sentences written for these tests)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ('The leaked row read "MORLEY, Dan | 5530 | 14/02/1979 | JK 44 20 17 C | 07700 900812".', "5530"),
        ('Somebody typed "6624 | QUAYLE B | sick leave | NI JT 30 19 44 A" into the chat.', "6624"),
        ('The paste said "Priya Nandra – Hexham – 2204 – drives a red Corsa" and nothing else.', "2204"),
        ('One line of it: "T. Wilde / KN 30917 / JP 61 22 08 D / 07700 900344".', "KN 30917"),
        (
            "The export went name, payroll, phone: Ashby, R, 330912, 07700 900118. Brent, S, 330940, 07700 900254.",
            "330940",
        ),
        (
            "The export went name, payroll, phone: Ashby, R, 330912, 07700 900118. Brent, S, 330940, 07700 900254.",
            "330912",
        ),
        ("Hers was: 40871, 22 Millbrook Road, LS6 2QT, 07700 900671.", "40871"),
    ],
)
def test_a_staff_number_as_a_field_of_a_record_or_list(text, code):
    assert any(s == code and k in ("collar_number", "warrant_number") for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        'The table said "Leeds | 2019 | 4500 calls | 300 officers" and that was the summary.',
        "Prices were tea | 250 | coffee | 300 on the board.",
        "We met Sam Hale, 1400, at the cafe by the ring road.",
        "He lives at Flat 4, 221 Baker Street, NW1 6XE, with his mum.",
        "The score went 3 – 1 – 2 and nobody cared.",
        "Jo Hill, 2018, 07700 900812, that was the old contact sheet.",
        "The rota (Leeds / 2204 / Bradford) had no names on it.",
    ],
)
def test_numbers_in_rows_and_lists_that_are_not_staff_numbers_stay(text):
    assert not any(k in ("collar_number", "warrant_number") for _, k in _kinds(text))


def test_codes_of_the_same_form_after_other_names_in_a_list_of_officers():
    text = '"Officers of Lisburn: K. Doran, 18834, lives Moira. P. Quinn, 17702, lives Hillsborough."'
    found = _kinds(text)
    assert ("18834", "collar_number") in found and ("17702", "collar_number") in found


@pytest.mark.parametrize(
    "text, code",
    [
        ("It's Nia Rowe, that's me, PC, 3318. You can use it.", "3318"),
        ("For the tape: Ian Pask, PC, Kent Police, KP 6621. That's all of it.", "KP 6621"),
        ("Priya, DC, 40213, and she'd had enough.", "40213"),
    ],
)
def test_a_code_after_a_rank_said_as_an_apposition(text, code):
    assert any(s == code and k == "collar_number" for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "We had one PC, 2019 was a bad year for staffing.",
        "There's a PC, 999 calls all night, and me.",
        "The PC, 300 of them, went to landfill.",
    ],
)
def test_numbers_after_a_rank_apposition_that_are_not_codes_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("I'm a sergeant out of Hull. 60318 is my number, has been for years.", "60318"),
        ("She's a constable, and 4471's her number on the shoulder.", "4471"),
        (
            "Officers ask us to change the payroll number. It's on everything, for life. 552071, that's mine.",
            "552071",
        ),
        ("I'm a special constable, 7719, that's literally my number, on the epaulette.", "7719"),
    ],
)
def test_a_code_then_claimed_as_ones_number(text, code):
    assert any(s == code and k in ("collar_number", "warrant_number") for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "As a sergeant I ring 07700 900 118 a lot, 900 118 is my number for the rota.",
        "The sergeant said Room 312 is my number for the night.",
        "The constable said 1984 is my number, the year I was born.",
        "He's an officer. 4471, that's mine, he said about the parking space.",
    ],
)
def test_numbers_claimed_that_are_not_codes_stay(text):
    assert not any(k in ("collar_number", "warrant_number") for _, k in _kinds(text))


def test_an_operator_number_with_its_letters():
    text = "Control room, I'm an operator, so callers hear OP 4417 every shift."
    assert ("OP 4417", "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    ["The OP 4417 order went out, and no operator was named.", "Op 4417 ran all week with an operator short."],
)
def test_op_look_alikes_stay(text):
    assert not any(k == "collar_number" and "4417" in s for s, k in _kinds(text))


def test_an_employee_code_with_letters():
    text = 'The payslip in the bin said "Employee KX 301182" right at the top.'
    assert any(s == "KX 301182" and k in ("collar_number", "warrant_number") for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("He wanted my warrant number for his notes, 21 0457, as if I'd done it.", "21 0457"),
        ('The fake post said "Constable Rhys Mold, warrant 3310 2287, is under investigation".', "3310 2287"),
    ],
)
def test_a_warrant_number_in_two_groups_of_digits(text, code):
    assert (code, "warrant_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My warrant card was renewed between 2019 2020 and nobody told me.",
        "My warrant number came up on a call at 07700 900 118 yesterday.",
        "My warrant card was one of 12 000 issued that year.",
    ],
)
def test_grouped_numbers_that_are_not_warrant_numbers_stay(text):
    found = _kinds(text)
    assert not any(k == "warrant_number" and " " in s for s, k in found)


def test_a_prefix_plate_after_plate_is_taken_whole():
    # a cherished plate with an I, which the main plate pattern leaves (it took "A9" alone)
    assert ("A9 IAN", "vehicle") in _kinds("He put my private plate, A9 IAN, in the group chat.")


def test_a_plate_word_before_a_number_and_a_word_takes_the_plate_only():
    found = _kinds("The plate K12 and the car colour were all they had.")
    assert not any(k == "vehicle" and " " in s for s, k in found)


def test_an_older_plate_as_a_field_of_a_list_with_a_vehicle_spoken_of_after():
    text = '"B. Kerr, lives Moira, KLZ 3318. D. Ross, lives Comber, ANZ 7720." They even had my reg.'
    found = _kinds(text)
    assert ("KLZ 3318", "vehicle") in found and ("ANZ 7720", "vehicle") in found


def test_a_three_letter_code_in_a_list_without_a_vehicle_stays():
    text = "The parcel went to Moira, KLZ 3318, and back, and nobody signed."
    assert not any(k == "vehicle" for _, k in _kinds(text))


def test_a_two_digit_detention_officer_number_and_its_echoes():
    text = (
        "I work custody, I'm a DO. DO 37, that's my number, thirty-seven, on the lanyard. "
        'One lad kept shouting "thirty-seven" at me, and the post said "number 37 is a grass".'
    )
    found = [(text[s:e], k) for s, e, k, _ in find_identifiers_(text)]
    assert ("DO 37", "collar_number") in found
    assert found.count(("thirty-seven", "collar_number")) == 2 and ("37", "collar_number") in found


@pytest.mark.parametrize(
    "text",
    [
        "I work custody, I'm a DO. DO 37, that's my number. I'm thirty-seven years old and aged thirty-seven.",
        "We DO 37 laps of the yard in custody training.",
        "In the gym we DO 37 reps, and I'm thirty-seven.",
    ],
)
def test_two_digit_look_alikes_of_a_short_role_number_stay(text):
    found = [(text[s:e], k) for s, e, k, _ in find_identifiers_(text)]
    assert not any(k == "collar_number" and "thirty" in s for s, k in found), found
    assert not any(k == "collar_number" for s, k in found if "laps" in text or "reps" in text), found


def find_identifiers_(text):
    from toolkit.qual._identifiers import find_identifiers

    return find_identifiers(text)


# ---------------------------------------------------------------------------------------
# A code misread and corrected, a prefixed warrant number after "Number was", lists of
# names and numbers, a number beside a place, codes disguised when said again
# (sentences written for these tests)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, first, kind",
    [
        ("They wrote 3381, no, sorry, 3318, and I knew it was me, PC 3318 of this parish.", "3381", "collar_number"),
        (
            "He'd typed her NHS number, 4505571704 — sorry, I've misread it, 4505577104 — into the notes.",
            "4505571704",
            "nhs_number",
        ),
    ],
)
def test_a_code_misread_then_corrected_is_taken_too(text, first, kind):
    assert (first, kind) in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My collar number is 3318. There were 3381, no, sorry, 3300 people at the match.",
        "My collar number is 3318. Tickets were 2250, no, sorry, 2260 each, at the door.",
    ],
)
def test_numbers_corrected_that_are_not_codes_stay(text):
    assert not any(k == "collar_number" and s != "3318" for s, k in _kinds(text))


def test_a_prefixed_warrant_number_after_number_was():
    text = "My warrant card went missing. You report it. Then my car was broken into. Number was KT 208815, by the way."
    assert ("KT 208815", "warrant_number") in _kinds(text)


def test_a_list_of_names_each_with_a_number_of_the_same_form():
    text = 'The leak was just "Alan Byrne, 220417. Carl Doyle, 220488. Fiona Nash, 220519." and our force crest.'
    found = _kinds(text)
    assert {("220417", "collar_number"), ("220488", "collar_number"), ("220519", "collar_number")} <= found


@pytest.mark.parametrize(
    "text",
    [
        'The rota said "A Byrne, 0900. C Doyle, 1330." and that was the shift pattern.',
        "My neighbour Gail Rudd, 3315, was not an officer at all, and neither was her dog.",
    ],
)
def test_names_with_times_or_a_single_number_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


def test_a_number_between_a_name_and_a_place_in_a_row():
    text = 'The sheet had three columns. Row two: "Kit Marlow, 2294, Seaton Carew".'
    assert ("2294", "collar_number") in _kinds(text)


def test_a_collar_number_said_again_with_a_space_in_it_or_a_letter_o():
    text = 'My collar number is 3087. They posted "30 87" and then 3O87, to beat the filter.'
    found = _kinds(text)
    assert ("30 87", "collar_number") in found and ("3O87", "collar_number") in found


@pytest.mark.parametrize(
    "text",
    [
        "My collar number is 3087. My landline's 0161 496 3087, and the score was 30 87 to nil.",
        "My collar number is 3087, and it was a 30-87 win for us, honestly.",
    ],
)
def test_disguised_repeat_look_alikes(text):
    found = _kinds(text)
    assert ("3087", "collar_number") in found
    assert not any(k == "collar_number" and s != "3087" for s, k in found if "landline" in text)


@pytest.mark.parametrize(
    "text, part, kind",
    [
        ('The form had "J K 4 0 2 2 7 1 B" in the boxes and anyone could read it.', "J K 4 0 2 2 7 1 B", "ni_number"),
        ("The van's on a Belfast plate, I think, LDV 3391, and it sat outside.", "LDV 3391", "vehicle"),
    ],
)
def test_a_spaced_ni_number_and_a_plate_with_model_letters_after_plate(text, part, kind):
    assert (part, kind) in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Room 101 had a 1 2 3 4 5 6 grid on the wall, A 30 mph limit outside.",
        "The LEZ 2023 rules cover the M6 now. My plate is fine. LEZ 4172 is a tariff code.",
        "We bought an LDV 3500 van for the unit.",
    ],
)
def test_spaced_digits_and_model_letters_stay(text):
    assert not any(k in ("ni_number", "vehicle") for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, part",
    [
        # a code with letters said again with a space, over a part of it found alone
        ('My shoulder number is 519KT, and the page asked "who is 519 KT, anyone know her".', "519 KT"),
        # a dispatcher's operator code with letters
        ("On the control desk our operator codes show on the screen, mine's NY-C 204, for anyone to see.", "NY-C 204"),
        # a rank abbreviation and a code with letters, no name
        ("Log entry: 03:10 -- PC KT 4418 attending, with a dog unit.", "KT 4418"),
        # "my PCSO number's ..."
        ("I'm a PCSO in the Fens, and my PCSO number's 6620, which the page printed.", "6620"),
        # a number after an officer's name going on into a verb
        ('The post read "PC J. Okafor 3318 drives a white Corsa and parks outside".', "3318"),
    ],
)
def test_collar_numbers_in_loose_forms(text, part):
    assert (part, "collar_number") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The staff code for overtime is 4400, and the operator code list runs to 300 entries.",
        "PC Dawn Hill 1990 was a good year for the station, and Sgt Bell 101 was the call.",
        "PC Jones 300 times told me to stop, and PC Ann Lee 2200 hours was the start.",
        "My plate is fine. We met in Room 101 at 0930, on the M6 after the A30 mph limit.",
    ],
)
def test_collar_look_alikes_after_names_and_codes_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, part",
    [
        (
            "The phishing page asked me to confirm my warrant number. Stupidly I did. I entered it. KR 55017. Gone.",
            "KR 55017",
        ),
        (
            "On the first label was the warrant number, T-4410-19. The second label, T-4411-19, was my crewmate's.",
            "T-4411-19",
        ),
        ('The leaked sheet read "Rank: PC. Warrant: HB 2207 15. Station: none given."', "HB 2207 15"),
        ("His warrant number was printed on the flyer, LN 40 22 17, next to his photo.", "LN 40 22 17"),
        ("It was a warrant card for sale online. You could see the number, DM 6081 33, and my face.", "DM 6081 33"),
        ("The post just said warrant GY 2020 0417 and my address.", "GY 2020 0417"),
    ],
)
def test_warrant_numbers_in_groups_sentences_and_siblings(text, part):
    assert (part, "warrant_number") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "They got a search warrant. We went in at 0600. Room 101. The A 30 mph limit applied.",
        "The warrant was for an address in Leeds, and we made 2 arrests on the M6 at 10 15 that night.",
        "The warrant card had expired. The number, 20 19 44, was the score in the darts, not a code.",
        "My warrant number is secret. I was born and bred in Leeds. Section 40. OK 2019.",
    ],
)
def test_warrant_look_alikes_in_groups_and_sentences_stay(text):
    assert not any(k == "warrant_number" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, part, kind",
    [
        ('The message said "ur mams car lr19 kdw is outside ur house" and nothing else.', "lr19 kdw", "vehicle"),
        ('"Gary drives p7 gkm, we see it every night".', "p7 gkm", "vehicle"),
        ('The custody sheet read "DO Hartley, D4410, Leeds custody".', "D4410", "collar_number"),
        ('The operator number for each of us was on it. "Kim 3381, Raj 3390, Lou 3402."', "3390", "collar_number"),
    ],
)
def test_lower_case_plates_officers_and_lists_of_names_with_numbers(text, part, kind):
    assert (part, kind) in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I drove to see the b52s, and the flat is n4 and we had a1 service.",
        "My collar number is on the rota. Room 101, Room 102 and Room 103 were booked.",
        "The staff numbers were on the wall. Section 136, Section 135 and Section 2 came up.",
    ],
)
def test_lower_case_and_list_look_alikes_stay(text):
    assert not any(k in ("vehicle", "collar_number") for _, k in _kinds(text)), _kinds(text)


def test_a_warrant_number_of_two_digit_groups_right_after_warrant_number():
    assert ("5502-17", "warrant_number") in _kinds("My warrant number's 5502-17, printed on the card.")
    assert not any(k == "warrant_number" for _, k in _kinds("The warrant was for the 2019-20 season, nothing else."))


def test_a_bare_warrant_number_after_the_number_near_a_warrant_card():
    text = "My warrant card went missing. Someone posted it. You could see the number, 0533817, and my face."
    assert ("0533817", "warrant_number") in _kinds(text)
    text = "They had a search warrant. The number, 4410223, was the case file."
    assert not any(k == "warrant_number" for _, k in _kinds(text))


def test_a_dateless_plate_with_scheme_letters_and_the_plate_word_after():
    text = "They posted the car, LEZ 5093, an old Northern Ireland plate, and the school."
    assert ("LEZ 5093", "vehicle") in _kinds(text)
    assert not any(k == "vehicle" for _, k in _kinds("The LEZ 5093 rules changed. No plate was mentioned."))


@pytest.mark.parametrize(
    "text, part, kind",
    [
        ("My shoulder's TX 508... or 508TX as it reads on the epaulette.", "508TX", "collar_number"),
        (
            "Warrant number, 518832. And the one on my old card was 402219, from my first force.",
            "402219",
            "warrant_number",
        ),
        ('It read "PC R. Osei 2290 visits the gym on Park Lane every morning".', "2290", "collar_number"),
    ],
)
def test_a_collar_code_said_the_other_way_round_and_an_old_cards_number(text, part, kind):
    assert (part, kind) in _kinds(text), _kinds(text)


def test_an_old_card_without_a_warrant_stays():
    text = "The one on my old card was 402219, my bank said, and the new one is different."
    assert not any(k == "warrant_number" for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, part",
    [
        ("Her car is the red one, W R 1 8 K T P, and they posted it.", "W R 1 8 K T P"),
        ("The van was D-F-19-L-M-Y in the photo.", "D-F-19-L-M-Y"),
        ("His car reg, which was BT-17-HXW, was on the post.", "BT-17-HXW"),
        ("They said his car, a white Polo, reg number J 412 KLM, was outside.", "J 412 KLM"),
    ],
)
def test_plates_written_with_spaces_or_hyphens(text, part):
    assert (part, "vehicle") in _kinds(text), _kinds(text)


def test_a_grid_of_spaced_letters_and_digits_is_no_plate():
    text = "In the car park the bays were A B 1 2 C D E F G, and Z A B 1 2 C D E."
    assert not any(k == "vehicle" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, part",
    [
        ("The post had my PCSO number, 6618, and my beat map.", "6618"),
        ("My special constable number's 9021, and they found it.", "9021"),
        ("His officer number 5127 was on the log sheet.", "5127"),
    ],
)
def test_a_rank_number_said_with_a_comma_or_a_special_constable(text, part):
    assert (part, "collar_number") in _kinds(text), _kinds(text)


def test_a_rank_number_that_is_a_year_or_a_service_stays():
    text = "Constable number 2019 was the year we joined. Officer number 999 was called."
    assert not any(k == "collar_number" for _, k in _kinds(text)), _kinds(text)


def test_an_ni_number_with_hyphens_between_its_characters():
    text = "The payslip showed J-R-5-5-0-1-9-3-C under my name."
    assert ("J-R-5-5-0-1-9-3-C", "ni_number") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text, part",
    [
        ("He had my shoulder number, 317 KX, off the bodycam clip.", "317 KX"),
        ('My collar number is 5512 EK, and the post said "who is 5512 EK".', "5512 EK"),
    ],
)
def test_a_collar_number_with_its_letters_after_a_space(text, part):
    assert (part, "collar_number") in _kinds(text), _kinds(text)


def test_digits_before_a_rank_or_a_word_of_capitals_keep_their_own_span():
    found = _kinds("My collar number is 4471 PC Jones said. MY COLLAR NUMBER 2611 IS ON THE PAGE.")
    assert ("4471", "collar_number") in found and ("2611", "collar_number") in found, found


def test_a_spaced_ni_number_called_an_example_stays():
    text = "In training they showed us A B 1 2 3 4 5 6 C, that's the example one, on a slide."
    assert not any(k == "ni_number" for _, k in _kinds(text)), _kinds(text)


# ---------------------------------------------------------------------------------------
# Round 20: a collar number after an officer's name with "here" or the force between,
# after a force said of a rank ("a PC with ..."), a lettered code straight after a name,
# an operator's number said after the word alone, a short Met shoulder number
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("PC Gemma Ashcroft here, number 4816, calling from the front desk.", "4816"),
        ("DC Olu Bankole, Essex Police, number 20914. On nights this week.", "20914"),
        ("I was a PC with Gwent Police, 7302, before the transfer.", "7302"),
        ('The flyer said "PC Rourke KD 5517 takes bribes" under his photo.', "KD 5517"),
        ("She's a dispatcher at Kent Police, operator 3381, on the late shift.", "3381"),
        ("I work the phones, operator OP 5092, at the control room in Wakefield.", "OP 5092"),
        ("He read out my shoulder number, 27KT, on the live.", "27KT"),
        ("My shoulder number's 48RW, and that's how they knew it was me.", "48RW"),
    ],
)
def test_round20_collar_numbers_after_names_forces_and_operators(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "PC Gemma Ashcroft here, sorry it's 1430, I'm late.",
        "I was a PC with Gwent Police, 2009 to 2015, then I left.",
        "PC Rourke came at 10 PM and the A 30 zone was closed.",
        "The operator 999 call was logged as CAD 4471.",
        "The operator took 300 calls, Room 101 was full.",
        "I was a PC with Gwent Police, 4 years.",
    ],
)
def test_round20_collar_look_alikes_stay(text):
    assert not any(k == "collar_number" for _, k in _kinds(text))


# Round 20: Northern Irish plates in a comma list with no vehicle named; one in lower case
@pytest.mark.parametrize(
    "text, plates",
    [
        ("Loads went up. BXZ 4410, MIG 2087, KCZ 9136, all from the one street.", ["BXZ4410", "MIG2087", "KCZ9136"]),
        ("They listed them, UJZ 5521, RIA 6083, outside the club.", ["UJZ5521", "RIA6083"]),
        ("His reg was dxz 7702 back then, the old Astra.", ["DXZ7702"]),
    ],
)
def test_round20_ni_plates_in_a_list_and_in_lower_case(text, plates):
    found = {ident for _s, _e, k, ident in _find(text) if k == "vehicle"}
    assert found == set(plates)


@pytest.mark.parametrize(
    "text",
    [
        "The crime refs were CRI 4410, CRI 4411 and CRI 4412, all closed.",
        "Tickets TIX 1001, TIX 1002 went fast, Room 101 was full.",
        "The reg is 12 years old, and his 2019 one was sold.",
        "We met at 1430, in a 30 zone, in 2019, PC World was shut.",
    ],
)
def test_round20_plate_look_alikes_stay(text):
    assert not any(k == "vehicle" for _, k in _kinds(text))


def _find(text):
    from toolkit.qual._identifiers import find_identifiers

    return find_identifiers(text)


# Round 20: a warrant number with a second slash group; a rank's letters with three groups
@pytest.mark.parametrize(
    "text, code",
    [
        ("They printed my warrant number, WY/3381/11, on the flyer.", "WY/3381/11"),
        ("The warrant number was T/20417/96 on the old card.", "T/20417/96"),
        ("My warrant card number got shared in a chat, PC 61 07 44, word for word.", "PC 61 07 44"),
    ],
)
def test_round20_warrant_numbers_with_groups(text, code):
    assert (code, "warrant_number") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My warrant card was fine, PS 44 01 was the van call sign.",
        "The warrant was executed on 12/05/2019 at 0600.",
    ],
)
def test_round20_warrant_look_alikes_stay(text):
    found = _kinds(text)
    assert not any(k == "warrant_number" and ("12/05" in s or "44 01" in s) for s, k in found)


# Round 20: a collar number changed to another, said after it in its sentence
def test_round20_a_code_changed_to_another():
    text = "My collar was KT 208 at first, then they changed it to 2208, which nobody outside knew."
    found = _kinds(text)
    assert ("KT 208", "collar_number") in found and ("2208", "collar_number") in found


@pytest.mark.parametrize(
    "text",
    [
        "My collar number was 4471, and they changed it to 1700 hours for the shift.",
        "My collar number was 4471, the sergeant changed it to 1430 tomorrow.",
        "My collar number was 4471 and the rota changed it to 2019.",
        "My collar number was 4471, they changed it to 300 officers on the list.",
    ],
)
def test_round20_changed_to_look_alikes_stay(text):
    assert {s for s, k in _kinds(text) if k == "collar_number"} == {"4471"}


@pytest.mark.parametrize(
    "text, code",
    [
        ("Everyone knew my number, 31KD, it was sewn on the epaulette.", "31KD"),
        ("On the uniform the number's written digits first, so 207TX on both shoulders.", "207TX"),
        ("My old number's CW 17, and that's what was on my shoulder at Brixton.", "CW 17"),
    ],
)
def test_met_style_shoulder_numbers(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My phone's got 64GB, my number's on the uniform somewhere, and we met at 10AM.", "64GB"),
        ("The uniform number plan runs to 2030, with 40 more shoulders to fit and 12 PCs.", "12"),
        ("My number's AM 10 in the uniform rota, the morning slot.", "AM 10"),
        ("Number 10 had us in uniform for the 21ST birthday of the charity, at 30 MPH.", "21ST"),
    ],
)
def test_met_style_look_alikes_stay(text, look_alike):
    assert not any(k == "collar_number" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, plate",
    [
        ("They'd followed my van home. Twice. Mine's LDZ 4471, and it's the only one on the street.", "LDZ 4471"),
        ("The car park camera caught the cars. All of them. Mine was FHT 902, the old Volvo.", "FHT 902"),
    ],
)
def test_a_dateless_plate_after_mines_two_sentences_after_the_vehicle(text, plate):
    assert (plate, "vehicle") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("They parked the van outside. Every day. Mine's the one in Room 101, next to CID 4410.", "CID 4410"),
        ("I drive a car to work. Honestly. Mine was ABC 2019 in the draw.", "ABC 2019"),
        ("The car was towed. Then nothing. Three weeks later. Mine's XKR 4410 on the order.", "XKR 4410"),
    ],
)
def test_codes_after_mines_far_from_a_vehicle_stay(text, look_alike):
    assert not any(k == "vehicle" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("It was printed beside his old collar number, KD 27, a low one.", "KD 27"),
        ("As a special I had a badge, and my special number's SC 30417 on the rota.", "SC 30417"),
        ("The leaflet gave my collar number, TW 88, and my first name.", "TW 88"),
    ],
)
def test_short_lettered_collar_numbers_and_special_numbers(text, code):
    assert (code, "collar_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("The collar was CD 12 years old, frayed.", "CD 12"),
        ("My collar, XL 40 shirts in the drawer, all white.", "XL 40"),
        ("The collar's in a 30 zone box, with the badge, Room 101.", "101"),
    ],
)
def test_short_codes_after_collar_that_are_not_collar_numbers_stay(text, look_alike):
    assert not any(k == "collar_number" and look_alike in s for s, k in _kinds(text))


def test_a_detention_officers_number_written_as_one_code():
    assert ("DO362", "collar_number") in _kinds('The comment said "DO362 is the one who laughed" under my photo.')


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("The DO2019 report came out, then the DO500 units went in stock.", "DO500"),
        ("The DO2019 report was shelved after the PC World sale.", "DO2019"),
    ],
)
def test_glued_do_look_alikes_stay(text, look_alike):
    assert not any(k == "collar_number" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("I won't give the street. My postcode starts with BS16, and that's plenty.", "BS16"),
        ("Our postcode's CF24, student land, so they guessed the rest.", "CF24"),
    ],
)
def test_a_partial_postcode_said_after_my_postcode(text, code):
    assert (code, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My postcode is in an A 30 zone, by PC World.", "A 30"),
        ("My postcode is LS6 2QY, near the park.", "LS6"),
        ("The postcode lottery hit M1 traffic at 0900.", "M1"),
    ],
)
def test_partial_postcode_look_alikes_stay(text, look_alike):
    assert (look_alike, "postcode") not in _kinds(text)


@pytest.mark.parametrize(
    "text, code",
    [
        # a filler between "my number" and the code
        ("I'm a DO in the cells and my number, erm, K409, is stitched on my epaulettes.", "K409"),
        ("His number was, um, TV 3318, the one on his shoulder.", "TV 3318"),
        ("Her number's, like, 5521 on the epaulette, you can read it off any photo.", "5521"),
        ("My old work number, erm, RB 771, was sewn on the uniform.", "RB 771"),
    ],
)
def test_a_code_after_my_number_and_a_filler(text, code):
    assert any(s == code and k in ("collar_number", "warrant_number") for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My number, erm, 4 was on the team sheet, like my shirt.", "4"),
        ("His number was, um, May 2019 on the uniform order.", "2019"),
    ],
)
def test_my_number_and_a_filler_look_alikes_stay(text, look_alike):
    assert not any(look_alike in s and k in ("collar_number", "warrant_number") for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        # the code after an officer's name: letters after the digits, a force's initials before
        ("The post named PC Dean Walsh, 4471KD, and his wife.", "4471KD"),
        ("It tagged PS Imogen Hart, WMP 3320, under the photo.", "WMP 3320"),
        ("That's my brother, PC Tom Adeyemi, MPS 508TW, and he's a probationer.", "MPS 508TW"),
    ],
)
def test_a_code_after_an_officers_name_with_letters(text, code):
    from toolkit.qual.redact import Redactor

    found = Redactor().find(text)
    assert code in set(found["original"])


def test_a_year_after_an_officers_name_stays():
    from toolkit.qual.redact import Redactor

    found = Redactor().find("I last saw PC Dean Walsh, 2019AD, on a stag do, in Dr Martens.")
    assert not any("2019" in o for o in found["original"])


@pytest.mark.parametrize(
    "text, code",
    [
        # a warrant number of letters, a year's two digits and a serial
        ("I read out my warrant card's number, GMP/14/20931, to the call handler.", "GMP/14/20931"),
        ("Her warrant card was printed KT-09-3318 under the photo.", "KT-09-3318"),
        # a rank's letters and groups right after "warrant number"
        ("My warrant number's PC 19 4471 and they had the lot.", "PC 19 4471"),
        ("Warrant number: DS 08 1166, issued at training school.", "DS 08 1166"),
    ],
)
def test_a_warrant_number_with_a_year_and_a_serial(text, code):
    assert (code, "warrant_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("The warrant card policy, section A/12/2019, was updated.", "A/12/2019"),
        ("My warrant card was fine, but PC 19 4471 came up as a case on the board.", "PC 19 4471"),
    ],
)
def test_year_serial_look_alikes_stay(text, look_alike):
    assert not any(look_alike in s and k == "warrant_number" for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, plate",
    [
        # a prefix plate with a space after the letter
        ("Vehicle, it was R 412 KDW, the old Astra, and they posted it.", "R 412 KDW"),
        ("The registration on the screenshot was P 77 HXT, my dad's car.", "P 77 HXT"),
        ("Her van, L 5 MPY, got keyed outside the house.", "L 5 MPY"),
    ],
)
def test_a_prefix_plate_with_a_space_after_its_letter(text, plate):
    assert (plate, "vehicle") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("We met in the car park, row C 40 TOP, by the PC World sign.", "C 40 TOP"),
        ("My car is in bay F 12 near the door.", "F 12"),
        ("The exam was paper B 200 MCQ, nothing to do with anyone.", "B 200 MCQ"),
    ],
)
def test_spaced_prefix_plate_look_alikes_stay(text, look_alike):
    assert not any(look_alike in s and k == "vehicle" for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, code",
    [
        # an outward code alone in its clause after "postcode", any case, and said again
        ("Was it the whole postcode? No, just dh1, the first half.", "dh1"),
        ("They had the postcode, well, part of it: CF24.", "CF24"),
        ('The post read "she lives near the park, ts5, go look". The postcode bit, ts5, was right.', "ts5"),
    ],
)
def test_an_outward_code_alone_after_postcode(text, code):
    assert (code, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("The postcode lottery hit M1 traffic at 0900.", "M1"),
        ("The postcode checker broke on the M6, then on the A1.", "M6"),
        ("The postcode meeting was in room B12, floor 2.", "B12"),
        ("Wrong postcode, so it went to my mate Al, who said ok.", "ok"),
    ],
)
def test_outward_code_look_alikes_stay(text, look_alike):
    assert (look_alike, "postcode") not in _kinds(text)
