"""Rules of the stations and places revision on AA's misses (issue 12, round 25): context windows that
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


@pytest.mark.parametrize(
    "text, unit",
    [
        # a control room named with "and" in it, and one opened by "Joint" or "Force"
        ("I'm in the Joint Contact and Control Room at Kent, on days.", "Joint Contact and Control Room"),
        ("She moved over to the Force Command and Control Room in May.", "Force Command and Control Room"),
        ("Two of us from the Joint Control Room went to the meeting.", "Joint Control Room"),
        # a joint (collaborative) unit
        ("He's on the Joint Protection Unit now, so he's never home.", "Joint Protection Unit"),
        ("I'm with Joint Firearms Unit, we cover three counties.", "Joint Firearms Unit"),
        # a unit said without an article, its head "Centre"
        ("He's moved to Force Contact Centre at Lloyd House now.", "Force Contact Centre"),
        ("She transferred from Digital Forensics Centre last spring.", "Digital Forensics Centre"),
    ],
)
def test_places25_named_units_and_control_rooms(text, unit):
    assert ("station", unit) in _found(text), _found(text)


@pytest.mark.parametrize(
    "text, units",
    [
        # a unit's name broken off by a correction: both names are units
        (
            "I'm on the Roads Policing and Firearms... no, sorry, Joint Operations Unit, since March.",
            ["Roads Policing and Firearms", "Joint Operations Unit"],
        ),
        (
            "I was in the Major Crime -- well, the Serious Crime Team, for two years.",
            ["Major Crime", "Serious Crime Team"],
        ),
        ("She's on the Dog Support... sorry, the Tactical Dogs Unit.", ["Dog Support", "Tactical Dogs Unit"]),
        ("He joined the Public Protection — I mean the Child Abuse Investigation Unit.", ["Public Protection"]),
    ],
)
def test_places25_broken_off_unit_names(text, units):
    found = _found(text)
    for unit in units:
        assert ("station", unit) in found, found


@pytest.mark.parametrize(
    "text, unit",
    [
        # a place and function words, no head noun, as where one works
        ("I'm on Leeds District Safeguarding, at the old building.", "Leeds District Safeguarding"),
        ("She's in Hounslow Public Protection now, after years on response.", "Hounslow Public Protection"),
        ("I work in Wirral Neighbourhood Policing.", "Wirral Neighbourhood Policing"),
        ("He was on Swindon Response for six years.", "Swindon Response"),
    ],
)
def test_places25_place_and_function_as_a_unit(text, unit):
    assert ("station", unit) in _found(text), _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "We went on holiday in the Lake District... it rained the whole week.",
        "I'm in Professional Standards... well, I was, till last year.",
        "I'm on the Customer Service... no, the billing side, at the bank.",
        "I'm in the Occupational Health -- sorry, the wellbeing people rang.",
        "The Main Control Room was shut for the refit.",
        "She's in Professional Standards now.",
        "I'm in Human Resources, at the old building.",
        "She was on the Great British... no, that other baking programme, the Channel 4 one.",
    ],
)
def test_places25_unit_look_alikes_stay(text):
    assert not [f for f in _found(text) if f[0] == "station"], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # a town after a shop or public spot: where a visit or an incident was
        ("Somebody clocked me in the queue, in Asda in Hexham, and said my name.", "Hexham"),
        ("I left my lanyard on the table in a chippy in Ossett, stupid really.", "Ossett"),
        ("He found my number scrawled in a phone box in Ramsgate.", "Ramsgate"),
        ("A woman shouted at me outside Lidl in Dunstable, in front of my kids.", "Dunstable"),
        ("It happened in a Greggs in Wisbech. He just stared.", "Wisbech"),
        ("We had a drink in a pub in Tenbury, and someone took a photo of us.", "Tenbury"),
    ],
)
def test_places25_town_of_a_visit_stays(text, town):
    assert not [f for f in _found(text) if town in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # ... unless the sentence, or the one beside it, says someone lives or works there
        ("He spotted me in the Co-op, in Gorleston, where we live, and followed me out.", "Gorleston"),
        ("They rang my old job. Boots in Cramlington. They told them everything.", "Cramlington"),
        ("My daughter works in a cafe in Whitstable, and they found that too.", "Whitstable"),
        ("I was followed round Tesco in Bicester on my day off.", "Bicester"),
        ("We live above a chippy in Shildon, so everyone sees us come and go.", "Shildon"),
    ],
)
def test_places25_town_of_a_home_or_job_beside_a_shop_still_marked(text, town):
    assert [f for f in _found(text) if town in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # a town after a trip: a place visited
        ("I've been to Pickering twice this year and both times someone recognised me.", "Pickering"),
        ("We were on holiday in Tenby when the messages started.", "Tenby"),
        ("She had a day out in Knaresborough and a woman shouted at her.", "Knaresborough"),
        ("We drove down to Padstow and a bloke took a photo of the car.", "Padstow"),
    ],
)
def test_places25_town_of_a_trip_stays(text, town):
    assert not [f for f in _found(text) if town in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # a trip to a station or to where someone lives is still said as one
        ("I went to the Morpeth office and the sergeant there was brilliant.", "Morpeth"),
        ("I've been to Wetherby loads, it's where my sister lives.", "Wetherby"),
        ("He moved to Consett last year.", "Consett"),
    ],
)
def test_places25_trip_to_a_station_or_home_still_marked(text, town):
    assert [f for f in _found(text) if town in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # anyone at all in a town: people in general, nobody's home
        ("They put his blazer badge up, so anyone in Ludlow would know the school.", "Ludlow"),
        ("Everyone in Alnwick knows that chippy.", "Alnwick"),
        ("So some poor bloke in Stourbridge got the letters instead of me.", "Stourbridge"),
        ("Nobody in Bridlington reads that page, I thought.", "Bridlington"),
    ],
)
def test_places25_town_of_anyone_stays(text, town):
    assert not [f for f in _found(text) if town in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # relatives and friends in a town live there; a home said beside it
        ("I've got some cousins in Garforth and they saw it too.", "Garforth"),
        ("She has some old friends in Brigg who shared it.", "Brigg"),
        ("Everyone in Bude knows me, I've lived there all my life.", "Bude"),
        ("A woman in Caldicot sent it round the estate.", "Caldicot"),
    ],
)
def test_places25_town_of_kin_or_a_home_still_marked(text, town):
    assert [f for f in _found(text) if town in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # where an incident was: a stop, a fight, a chase, a page about it
        ("The clip was of a stop and search in Bilston, from two years ago.", "Bilston"),
        ("He'd filmed a fight in Darlaston and put my face in the thumbnail.", "Darlaston"),
        ("There's a video of me on the ground in Seaham with a lad on top of me.", "Seaham"),
        ("My collar number went round a copwatch page in Kirkby within the hour.", "Kirkby"),
        ("After the chase in Ashby they found my name somehow.", "Ashby"),
    ],
)
def test_places25_town_of_an_incident_stays(text, town):
    assert not [f for f in _found(text) if town in f[1]], _found(text)


def test_places25_bus_stop_is_no_incident():
    # a number written on a bus stop in a town is said where the writer meant to be found
    text = "My phone number was written on a bus stop in Walkden, with a rude message."
    assert [f for f in _found(text) if "Walkden" in f[1]], _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # a shopping or leisure centre named after "the": a place visited
        "Someone put that I was the copper who tackled a lad at the Meadowhall Centre.",
        "I was never at the Eldon Square Centre that day, it was somebody else.",
        "We met outside the Arndale Centre and he followed us to the car.",
    ],
)
def test_places25_shopping_centre_visited_stays(text):
    assert not [f for f in _found(text) if f[1].endswith("Centre")], _found(text)


def test_places25_centre_where_someone_works_still_marked():
    text = "She works at the Bullring Centre on the perfume counter."
    assert [f for f in _found(text) if "Bullring" in f[1]], _found(text)


@pytest.mark.parametrize(
    "text, thing",
    [
        # a thing described after a determiner ("my little Aygo") is no place
        ("They put a tracker on my little Aygo, under the back bumper.", "Aygo"),
        ("He turned up in his battered old Vivaro, same one every time.", "Vivaro"),
        ("They keyed our new Tiguan on the drive.", "Tiguan"),
    ],
)
def test_places25_thing_after_describing_word_stays(text, thing):
    assert not [f for f in _found(text) if thing in f[1]], _found(text)


def test_places25_given_name_after_describing_word_still_marked():
    text = "That's my little Alfie in the photo they shared."
    assert ("person", "Alfie") in _found(text), _found(text)


@pytest.mark.parametrize(
    "text, station",
    [
        # "the lasses at X", as "the lads at X": officers of a station
        ("They came in minutes, two lasses from Peterlee, and they were brilliant.", "Peterlee"),
        ("The lasses at Hexham were good to me after it.", "Hexham"),
        ("One of the lads from Seaton Delaval rang me that night.", "Seaton Delaval"),
    ],
)
def test_places25_lasses_and_lads_at_a_station(text, station):
    assert ("station", station) in _found(text), _found(text)


@pytest.mark.parametrize(
    "text, county",
    [
        # a county is too large to find anyone in
        ("So we're in Fermanagh, and you just don't talk about the job.", "Fermanagh"),
        ("We moved out to Shropshire in 2019, away from all of it.", "Shropshire"),
        ("It's different up in Aberdeenshire, everyone knows the polis.", "Aberdeenshire"),
        ("There's not many of us in Ceredigion, so they worked it out.", "Ceredigion"),
    ],
)
def test_places25_county_stays(text, county):
    assert not [f for f in _found(text) if county in f[1] and f[0] == "place"], _found(text)


def test_places25_force_with_a_county_still_found():
    text = "I'm a retired DS, Devon & Cornwall, so that's my pension."
    assert [f for f in _found(text) if "Cornwall" in f[1]], _found(text)
