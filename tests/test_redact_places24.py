"""Rules of the places revision on Z's misses (issue 12, round 24): streets with a compass
word after their suffix, homes and stations said as the answer to a question, and the
look-alikes that must stay. Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from toolkit.qual.redact import Redactor, redact


@pytest.mark.parametrize(
    "text, gone",
    [
        # a compass word after the street's suffix is part of its name
        ("They put it all up, 27 Harcourt Park West, and my car.", "West"),
        ("She still lives on Ferndale Road North with the kids.", "North"),
        ("The letter came to 8 Lyndhurst Avenue South, BS7 2QP, addressed to me.", "South"),
        ("It was 51 Quarry Lane East, the one with the green door.", "East"),
    ],
)
def test_places24_street_with_compass_word(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


def test_places24_compass_word_before_a_town_stays_out_of_the_street():
    # "Station Road East Grinstead": the compass word opens a town, not the street's name
    text = "We were stuck on Station Road East Grinstead way for an hour."
    found = Redactor().find(text)
    streets = [text[s:e] for s, e, k in found[["start", "end", "kind"]].itertuples(index=False) if k == "address"]
    assert streets == ["Station Road"], streets


@pytest.mark.parametrize(
    "text, gone",
    [
        # a home said as the answer to a question asking where someone lives
        ("I: Where do you live, if you don't mind me asking? P: Rothwell, LS26, that's all.", "Rothwell"),
        ("I: And where did you live back then? P: Heckmondwike. Still there.", "Heckmondwike"),
        ("I: Where's home for you? P: Erm, Baildon, up the hill.", "Baildon"),
        ("I: What village do you live in? P: Yeah, Scholes.", "Scholes"),
        ("I: Whereabouts are you living now? P: Oh, Mirfield", "Mirfield"),
        ("I: Where does your mum live? P: Batley, on her own.", "Batley"),
    ],
)
def test_places24_home_said_as_an_answer(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text, gone",
    [
        # a station or school named in the answer to whether something named it
        ("I: Did the post name the station? P: Aye, St Wilfrid's, with a photo of the yard.", "Wilfrid"),
        ("I: Did they say which nick? P: Yeah, Pottergate.", "Pottergate"),
        ("I: Did it mention your daughter's school? P: It did, Hollybank, and her year.", "Hollybank"),
        ("I: Which school was that? P: Erm, Kingsmead.", "Kingsmead"),
    ],
)
def test_places24_place_named_in_an_answer(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text, kept",
    [
        # an answer that names nothing, or a month, stays
        ("I: Did it name the school? P: No, thankfully. Just the town.", "thankfully"),
        ("I: Which school? P: Erm, May, I think, she'd just started.", "May"),
        ("I: Where do you live? P: Nowhere near there, to be fair.", "Nowhere"),
        ("I: Did they name the station? P: Yeah, Facebook had it first.", "Facebook"),
    ],
)
def test_places24_answers_naming_nothing_stay(text, kept):
    out = redact(text)[0]
    assert kept in out, out


@pytest.mark.parametrize(
    "text, gone",
    [
        # a home said again in lower case, in capitals, run together or by its capitals
        ('We live in Biddulph, and the post had "biddulph" in the hashtags.', "biddulph"),
        ("They live in Hebden Bridge, and someone wrote #hebdenbridge under it.", "hebdenbridge"),
        ("My mum's in Sutton Coldfield, and the comment said SUTTON COLDFIELD in capitals.", "COLDFIELD"),
        ('We moved to Market Harborough, and they wrote "MH scum" on the page.', "MH"),
        ("I live in Kirkby Stephen, so when it said KS I knew.", "KS"),
    ],
)
def test_places24_home_said_again_respelled(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text, kept",
    [
        # an ordinary word that is also a home stays in lower case; known acronyms stay
        ("We live in Reading, and I was reading the comments all night.", "reading the comments"),
        ("She lives in Sale, and there was a sale on at the time.", "a sale on"),
        ("We live in Milton Keynes, and the BBC ran it.", "BBC"),
        ("They live in Hebden Bridge and the HR lady rang me.", "HR lady"),
        # capitals that do not shorten the home stay
        ("We live in Hebden Bridge, and the AA man came out to the car.", "AA man"),
    ],
)
def test_places24_respelled_home_look_alikes_stay(text, kept):
    out = redact(text)[0]
    assert kept in out, out


@pytest.mark.parametrize(
    "text, gone",
    [
        # a shop or counter of a chain, then its street or town, where someone works
        ("I work at the Co-op pharmacy on Chapel Street, and they rang the pharmacy.", "Chapel"),
        ("My wife works on the tills at the Tesco petrol station in Horwich.", "Horwich"),
        ("He's a baker at the Morrisons bakery in Chorley, earlies mostly.", "Chorley"),
        ("She works at the Sainsbury's deli counter in Thornaby.", "Thornaby"),
    ],
)
def test_places24_chain_counter_and_branch_is_one_workplace(text, gone):
    out = redact(text)[0]
    assert gone not in out and "[Workplace A]" in out, out


def test_places24_chain_counter_visited_is_no_workplace():
    out = redact("I was at the Boots pharmacy in Chorley for my prescription.")[0]
    assert "[Workplace" not in out, out


@pytest.mark.parametrize(
    "text, gone",
    [
        # an emergency or health service named as such is an employer
        ("Well, he's ambulance, North of Tyne Ambulance Service, nights.", "Tyne"),
        ("My sister's with Avon Fire and Rescue Service, on the engines.", "Avon"),
        ("She's a physio, Betsi Cadwaladr University Health Board.", "Cadwaladr"),
    ],
)
def test_places24_named_service_is_a_workplace(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


def test_places24_service_that_came_is_no_workplace():
    out = redact("The North West Ambulance Service came after forty minutes.")[0]
    assert "[Workplace" not in out, out
