"""Rules of the lower-case revision (issue 12, round 25, toolkit/qual/_id_lower.py): posts
and turns typed with no capitals, where closed lists are matched without regard to case and
open names only after the words that say what they are; and the look-alikes that must
stay. Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest
from _redact_helpers import redactor_kinds

from toolkit.qual._id_lower import _one_apart, lower_regions
from toolkit.qual.redact import redact, review_sheet

_found = redactor_kinds


def test_lower_regions():
    text = 'P: She read it out, "pc jones lives in brough", and then said Jones again.'
    assert [text[s:e] for s, e in lower_regions(text)] == ["pc jones lives in brough"]
    # a quotation with a capitalised word is not typed in lower case
    assert list(lower_regions('He said "see you at Fenham" to me.')) == []
    # a turn typed in lower case, up to its first capitalised word
    text = "P: i'm with gwent, been there ten year, and then I moved."
    assert [text[s:e] for s, e in lower_regions(text)] == ["i'm with gwent, been there ten year, and then "]


@pytest.mark.parametrize(
    "text, gone",
    [
        # a force's name typed in lower case
        ("P: i'm a special with cumbria, two years now, and the page had my photo.", "cumbria"),
        ('The post said "this one is merseyside and lives near the docks" and that was me.', "merseyside"),
        ('They made a folder called "lancashire" on the leak site with all our names.', "lancashire"),
        ("P: i was with thames valley for ten years before i transferred.", "thames valley"),
        ("P: i joined the met in 2009 and went to the dogs section.", "the met"),
        ('The comment was "she left gmp for a desk job lol" and it was true.', "gmp"),
    ],
)
def test_lower_force(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        # the look-alikes: the verb, the weather office, words inside a normal sentence
        "P: i met him in may at the christening and he seemed fine.",
        "P: we went to the met office site to check the rain before the parade.",
        'He wrote "pc world had a sale on" under the photo.',
        'The post said "surrey with the fringe on top" as a joke.',
    ],
)
def test_lower_force_lookalikes_stay(text):
    assert all(k != "force" for _w, k in _found(text)), _found(text)


@pytest.mark.parametrize(
    "text, gone",
    [
        # a rank typed in lower case before a number
        ("P: i'm pc 6613 on the radio and that's what they used in the comments.", "6613"),
        ('They wrote "ask for pcso 2718 at the front desk" on the flyer.', "2718"),
        ('The caption said "sgt 442 is on nights all week" and a photo.', "442"),
    ],
)
def test_lower_rank_number(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


def test_lower_rank_number_lookalike_stays():
    # "pc world", a PC (a computer) and no number
    assert _found('He wrote "got it from pc world for 300 quid" in the group.') == []


@pytest.mark.parametrize(
    "text, gone",
    [
        # a school named after "goes to", "at": one name among its words
        ('The post said "her girl goes to st wilfrids primary and walks home alone".', "wilfrids"),
        ('It said "his son goes to bishop hedley high in merthyr" under the photo.', "hedley"),
        ('The message was "ur kids at kingsmead academy arent they" and nothing else.', "kingsmead"),
        ('They put "both kids go to thomas becket school" and the time it finishes.', "becket"),
    ],
)
def test_lower_school(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        'The post said "his kid goes to the high school up the road" and that was it.',
        'They said "he goes to night school twice a week" which was right.',
        'She wrote "my lad goes to big school in september" on the page.',
    ],
)
def test_lower_school_lookalikes_stay(text):
    assert all(k != "school" for _w, k in _found(text)), _found(text)


@pytest.mark.parametrize(
    "text, gone",
    [
        # a workplace after "works ... at": a chain, with its street or town
        ('The post said "his wife works saturdays at the co-op on station road" and her photo.', "co-op"),
        ('It said "she works at greggs in the precinct lol" under the video.', "greggs"),
        ('The comment was "works nights at the boots on high street" and a laughing face.', "boots"),
    ],
)
def test_lower_workplace(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


def test_lower_workplace_keeps_the_street():
    text = 'It said "she works evenings at the spar on mill lane" and nothing else.'
    assert ("spar on mill lane", "workplace") in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        'He wrote "works at the weekend mostly" on his profile.',
        'The post said "works in the city doing something boring" about him.',
        'It said "he works for the council" and that was all.',
    ],
)
def test_lower_workplace_lookalikes_stay(text):
    assert all(k != "workplace" for _w, k in _found(text)), _found(text)


@pytest.mark.parametrize(
    "text, gone",
    [
        # a place after "from", "been in": a word in no word list
        ('The post said "kelly from killingworth is a grass" with her face.', "killingworth"),
        ('It said "this pig is from cleator moor" and a map pin.', "cleator"),
        ('They put "his dad has been in bassetlaw all week" on the group.', "bassetlaw"),
    ],
)
def test_lower_place_after_from(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        'The post said "got this from tiktok lol" and a link.',
        'He wrote "from ur mum innit" under my photo.',
        'It said "she has been in bed all week" which was true.',
        'The caption said "greetings from sunny blackpool" on the old photo.',
    ],
)
def test_lower_place_lookalikes_stay(text):
    found = _found(text)
    assert all(w not in ("tiktok", "ur", "bed", "sunny") for w, _k in found), found


@pytest.mark.parametrize(
    "text, gone",
    [
        # a place right before a postcode typed in lower case
        ('The note said "pc reid lives cwmbran np44 3ab ring him" and a phone number.', "cwmbran"),
        ('It said "her house is in brinnington sk5 8hd" with a photo.', "brinnington"),
    ],
)
def test_lower_place_before_postcode(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text, gone",
    [
        # someone giving their name, a given name that is an ordinary word too
        ('The text said "hi its dawn from the control room, ring me back" and a number.', "dawn"),
        ('It was "its mark from hr, can we talk" and then a link.', "mark"),
        ('The message said "this is wade from the fed office" but it wasn\'t.', "wade"),
    ],
)
def test_lower_name_giving_themselves(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


def test_lower_name_lookalike_stays():
    # a month after "its": no one's name
    assert _found('He wrote "its may from now on" in the chat.') == []


@pytest.mark.parametrize(
    "text, gone",
    [
        # a surname found, respelt further on
        ("They named him, Sergeant Paul Whitlock, and then spelt it whitlok all through the thread.", "whitlok"),
        ('The post said "dean thackeray lives near me" and later "thackray is bent".', "thackray"),
        ("DC Amanda Pritchard was named, and somebody had spelt it pritchad in the comments.", "pritchad"),
    ],
)
def test_lower_respelt_surname(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


def test_one_apart():
    assert _one_apart("ridly", "ridley") and _one_apart("ridley", "ridely") and _one_apart("smith", "smyth")
    assert not _one_apart("ridley", "ridley") and not _one_apart("ridley", "rid")


def test_lower_respelt_lookalike_stays():
    # an English word one letter from the name is no respelling ("hills" ... "Hill")
    text = "PC Sarah Fowler said the fowlers were not hers, and the flower shop closed."
    assert [w for w, k in _found(text) if k == "person"] == ["PC Sarah Fowler"], _found(text)


def test_lower_code_candidate_takes_its_letters():
    text = "P: the card was in the same post, kt 40917, and then the link."
    sheet = review_sheet([text])
    assert "kt 40917" in sheet["original"].tolist(), sheet
    # in a capitalised sentence the letters before a number stay out
    text = "P: The card was in the same post, on 40917, and then the link."
    sheet = review_sheet([text])
    assert "on 40917" not in sheet["original"].tolist(), sheet


@pytest.mark.parametrize(
    "text, gone",
    [
        # the letters of a warrant or collar number typed in lower case
        ("P: i lost it on the bus, warrant number kp 55190, and it turned up online.", "kp"),
        ('The post said "his warrant no is dy-22871 lol" with a photo of the card.', "dy"),
        ('They wrote "collar number: nw 1722" under the video.', "nw"),
    ],
)
def test_lower_code_letters(text, gone):
    out = redact(text)[0]
    assert gone + " " not in out and gone + "-" not in out, out


def test_lower_code_letters_lookalike_stays():
    # a word before the number is no part of it
    out = redact("P: i think my warrant number was 40117 back then.")[0]
    assert "number was [" in out, out


@pytest.mark.parametrize(
    "text, gone",
    [
        # a school named by its tail word in a lower-case post, no verb before it
        ('The post said "kids from ashgrove primary are all feral" and a photo.', "ashgrove"),
        ('It said "the bramcote college lot are coppers kids" in the comments.', "bramcote"),
        ('The message was "seen ur lad outside kelvinside academy" and nothing else.', "kelvinside"),
    ],
)
def test_lower_school_by_tail(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        'The post said "poppy goes to school round here" under the photo.',
        'It said "the police college is a joke" and a link.',
        'He wrote "tyler from school says hi" in the chat.',
    ],
)
def test_lower_school_by_tail_lookalikes_stay(text):
    assert all(k != "school" for _w, k in _found(text)), _found(text)


def _candidates(text):
    sheet = review_sheet([text])
    return sheet.loc[sheet["source"] == "candidate", "original"].tolist()


@pytest.mark.parametrize(
    "text, word",
    [
        # review candidates: a word in no word list after a preposition of place
        ('The post said "seen her car outside brackla again" and a photo.', "brackla"),
        ('It said "he drinks in the crown near kelloholm most nights" under it.', "kelloholm"),
        ("P: i grew up round lochgelly and they knew that as well.", "lochgelly"),
    ],
)
def test_lower_place_candidate(text, word):
    found = _candidates(text) + [w for w, _k in _found(text)]
    assert any(word in c for c in found), found


@pytest.mark.parametrize(
    "text, word",
    [
        # a given name in a turn typed in lower case
        ("P: i told my sergeant, her name's siobhan, and she said ring psd.", "siobhan"),
        ("P: me and my mate callum were both in the video and i was livid.", "callum"),
        ("P: i think it was jasmine okafor who sent it round, i'm not sure.", "jasmine okafor"),
    ],
)
def test_lower_turn_name_candidate(text, word):
    found = _candidates(text) + [w for w, _k in _found(text)]
    assert any(word in c for c in found), found


@pytest.mark.parametrize(
    "text",
    [
        # ordinary words after a preposition, and no name, stay off the sheet
        "P: i was at work and then in the car park for ages, near the bins.",
        'The post said "see you at the match on saturday" and a laughing face.',
        "P: i went round to the chippy and then home to bed.",
    ],
)
def test_lower_candidates_lookalikes_stay(text):
    assert _candidates(text) == [] and _found(text) == [], (_candidates(text), _found(text))


@pytest.mark.parametrize(
    "text, gone",
    [
        # where an officer works, typed in lower case
        ("P: i'm a pcso at fenham and the page had my shift pattern.", "fenham"),
        ('The post said "her fella is a pc at wombwell, ask anyone" and a photo.', "wombwell"),
        ("P: i'm based at ladywood street now, but it was before that.", "ladywood street"),
        ("P: i've done nine years on response out of seaham and i know the lads.", "seaham"),
    ],
)
def test_lower_station(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "P: i'm at work most days and i'm a pc at heart, even now.",
        "P: i'm based in the office now, i work out of the van some days.",
        "P: i'm in the car when it happened, i'm at home now.",
    ],
)
def test_lower_station_lookalikes_stay(text):
    assert _found(text) == [], _found(text)


@pytest.mark.parametrize(
    "text, gone",
    [
        # a rank, title or kin word typed in lower case, then a name
        ("P: i went to my sergeant, ds priya lomax, and she was brilliant about it.", "lomax"),
        ("P: i rang the school and mrs okonedo said she'd keep an eye out.", "okonedo"),
        ("P: i was worried for my daughter, aoife, she's only nine.", "aoife"),
        ('The post said "his missus siobhan works nights" and a photo.', "siobhan"),
    ],
)
def test_lower_titled_name(text, gone):
    out = redact(text)[0]
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "P: i told my husband, who was livid, and my daughter is fine now.",
        "P: i'm a pc and my dad was a sergeant too, so i knew the score.",
        "P: i bought it at pc world and my son loved it.",
    ],
)
def test_lower_titled_name_lookalikes_stay(text):
    assert all(k != "person" for _w, k in _found(text)), _found(text)


@pytest.mark.parametrize(
    "text, gone",
    [
        # the second word of a place's name, typed in lower case
        ('The post said "she lives in brierley hill, the one by the canal" and a photo.', "hill"),
        ('It said "ur from acocks green arent u" in the comments.', "green"),
        ('The post said "he lives in bearsden park with his mam" under it.', "park"),
    ],
)
def test_lower_place_tail(text, gone):
    out = redact(text)[0]
    assert f" {gone}" not in out.split('"')[1], out


def test_lower_place_tail_lookalike_stays():
    # a tail word that opens the next clause stays out: "in leeds, park up"
    text = 'The post said "he lives in batley, park round the back" and a map.'
    assert ("batley", "address") in _found(text), _found(text)
