"""Round 24 rules of ``toolkit/qual/_id_online.py``: display names with a rank or initials,
accounts said to be a quoted name, names shown "on there as", pages named in apposition to
"the other one", podcasts, and defanged links, with look-alikes that must stay.

Every sentence here was written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from _redact_helpers import is_kind, kinds_of, no_online

from toolkit.qual._identifiers import find_identifiers

_kinds_of = kinds_of
_is = is_kind
_no_online = no_online


RANKED_DISPLAY_NAMES = [
    # a fake officer's display name: the rank, the initials and the name are one handle
    (
        'Whoever made it, the display name was "Insp Carl Dewsbury Is A Fraud" for a month.',
        "Insp Carl Dewsbury Is A Fraud",
    ),
    ('And the display name was "PC Hollins Is Corrupt", which my kids saw.', "PC Hollins Is Corrupt"),
    ('His profile name was "DS R. J. Okafor", full stops and all.', "DS R. J. Okafor"),
    ('The fake account was "Sgt. T. Marsh", with my photo on it.', "Sgt. T. Marsh"),
    ('The profile is "PC Gemma Tilley Official" and it is not me.', "PC Gemma Tilley Official"),
    ('The other account, it was "Supt Raymond Kerr", messaged my mum.', "Supt Raymond Kerr"),
    ('Her burner account was called "Blue Lamp Betty" on there.', "Blue Lamp Betty"),
    ('The account\'s "Harrogate Bent Bobbies", it was all over Facebook.', "Harrogate Bent Bobbies"),
    # a quoted sentence about an officer names a page
    ('There was a page called "Sgt Fenwick Is Bent" for a while.', "Sgt Fenwick Is Bent"),
]


@pytest.mark.parametrize("text,part", RANKED_DISPLAY_NAMES)
def test_round24_ranked_display_names(text, part):
    assert _is(text, part), _kinds_of(text, part)


SHOWN_AS = [
    ('She is not on Instagram under her own name, she\'s on as "Mam of the Valleys".', "Mam of the Valleys"),
    ("He's on there as \"Gaz the Grafter\", it's a TikTok account.", "Gaz the Grafter"),
    ('On Facebook he comes up as "Kev Wilko Deals" if you search.', "Kev Wilko Deals"),
    ('The account shows up as "Truth for Tadcaster" now.', "Truth for Tadcaster"),
]


@pytest.mark.parametrize("text,part", SHOWN_AS)
def test_round24_shown_as(text, part):
    assert _is(text, part), _kinds_of(text, part)


ONE_APPOSED = [
    (
        "We reported both pages. It was the other one, Proper Crime Watch Ashington, that named me.",
        "Proper Crime Watch Ashington",
    ),
    (
        "There were three groups, and the second one, Bradford Lads Unfiltered Chat, had my car.",
        "Bradford Lads Unfiltered Chat",
    ),
    ('She had two accounts. The fake one: "Officer Friendly Exposed", posted it.', "Officer Friendly Exposed"),
    ("Two pages shared it, and another one, Morpeth Residents Online, kept it up.", "Morpeth Residents Online"),
]


@pytest.mark.parametrize("text,part", ONE_APPOSED)
def test_round24_one_apposed(text, part):
    assert _is(text, part), _kinds_of(text, part)


PODCASTS = [
    ("Her podcast's called The Thin Blue Lies Hour, and it's mostly about me.", "The Thin Blue Lies Hour"),
    ("He does a podcast called Coppers Off The Record every week.", "Coppers Off The Record"),
    ("There's a podcast named The Custody Suite Tapes that played my call.", "The Custody Suite Tapes"),
    ('The podcast is called "Fed Up Wives" and it has thousands of listeners.', "Fed Up Wives"),
    ("His YouTube channel is called The Audit Lads Wakefield.", "The Audit Lads Wakefield"),
]


@pytest.mark.parametrize("text,part", PODCASTS)
def test_round24_podcasts(text, part):
    assert _is(text, part), _kinds_of(text, part)


DEFANGED = [
    (
        "Something like hxxps://grass-the-cops.example.com, with x's so it won't link.",
        "hxxps://grass-the-cops.example.com",
    ),
    (
        "He pasted copwatch[.]example[.]co[.]uk/officers/kent in the group.",
        "copwatch[.]example[.]co[.]uk/officers/kent",
    ),
    (
        "It was https[:]//bent-bobbies(.)example(.)com, brackets round the dots.",
        "https[:]//bent-bobbies(.)example(.)com",
    ),
    ("They wrote hxxp://www.outthefeds.example.org/list?page=2.", "hxxp://www.outthefeds.example.org/list?page=2"),
]


@pytest.mark.parametrize("text,part", DEFANGED)
def test_round24_defanged_urls(text, part):
    assert _is(text, part, "url"), _kinds_of(text, part)


def test_round24_defanged_identity_is_the_whole_address():
    text = "It was hxxps://grass-the-cops.example.com and later grass-the-cops[.]example[.]com again."
    urls = {i for s, e, k, i in find_identifiers(text) if k == "url"}
    assert urls == {"grass-the-cops.example.com"}


LEFT = [
    # quoted talk, phone screens, plays, TV programmes, platforms and schemes stay
    ("She said \"you're Kerri, aren't you\" in the queue.", "you're Kerri"),
    ('It came up as "Private Number" on my phone, three times.', "Private Number"),
    ('She was on as "Lady Macbeth" at the Playhouse all week.', "Lady Macbeth"),
    ('The account said "Get Out Now" under my photo.', "Get Out Now"),
    ('The account\'s "Featured Posts" were all about me.', "Featured Posts"),
    ("We watched a programme called The Thin Blue Line, the old sitcom.", "The Thin Blue Line"),
    ("There's a page called The Northern Echo Online, that's the paper.", "The Northern Echo Online"),
    ("There were two groups. The other one, Dave Rees, he ran it.", "Dave Rees"),
    ("Two officers came. The other one, Sergeant Mills, stayed in the car.", "Sergeant Mills"),
    ("I checked both pages. The other one, Neighbourhood Watch, said nothing.", "Neighbourhood Watch"),
    ("I reported both pages. The other one was on Facebook, the first on TikTok.", "Facebook"),
    ("The [.] key on my laptop is broken, and (a) and (b) were wrong.", "[.]"),
    ("The podcast's called, erm, I can't remember, something about Spotify.", "Spotify"),
]


@pytest.mark.parametrize("text,part", LEFT)
def test_round24_look_alikes_stay(text, part):
    assert _no_online(text, part), _kinds_of(text, part)


NAME_LEADS = [
    ('He posts under the name "Stockport Watchdog" on Facebook.', "Stockport Watchdog"),
    ("She uses the name Kez the Truth Teller on TikTok.", "Kez the Truth Teller"),
    ('The name he uses online is "Bolton Bob Speaks".', "Bolton Bob Speaks"),
    ("She's on Instagram under the name of Lowri Bakes Cakes.", "Lowri Bakes Cakes"),
    ("The group's name is \"Mams of Merthyr\", it's on Facebook.", "Mams of Merthyr"),
    ("The name of the page was Tyneside Truth Seekers, still on Facebook.", "Tyneside Truth Seekers"),
    ('The account was @rhod_rebel88 and the name on it was "Rhod the Rebel".', "Rhod the Rebel"),
    # in apposition to a podcast; a platform after the name stays out of it
    ("The podcast, The Blue Lamp Lies, is on Spotify.", "The Blue Lamp Lies"),
    ("The channel goes by Audit Army Cymru on YouTube.", "Audit Army Cymru"),
]


@pytest.mark.parametrize("text,part", NAME_LEADS)
def test_round24_name_leads(text, part):
    assert _is(text, part), _kinds_of(text, part)


NAME_LEADS_LEFT = [
    ("We booked a table under the name Jones, and I posted about it on Facebook.", "Jones"),
    ("He messaged me on Facebook under the name Dave Smith.", "Dave Smith"),
    ("They put it online under the name of Operation Mayfly.", "Operation Mayfly"),
    ("She wrote a book under the name Ellis Grey, years ago.", "Ellis Grey"),
    ("There's a page, The Northern Echo Online, that's the paper.", "The Northern Echo Online"),
]


@pytest.mark.parametrize("text,part", NAME_LEADS_LEFT)
def test_round24_name_leads_look_alikes(text, part):
    assert _no_online(text, part), _kinds_of(text, part)
