"""Round 25 rules of ``toolkit/qual/_id_online.py``: a handle said aloud with "at" and
letters before "underscore", a Discord channel named after another one or again, and a
nickname quoted after "what they call me on the page" (no page's name), with look-alikes
that must stay.

Every sentence here was written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from _redact_helpers import ONLINE, is_kind, kinds_of, no_online

from toolkit.qual._identifiers import find_identifiers

_kinds_of = kinds_of
_is = is_kind
_no_online = no_online


@pytest.mark.parametrize(
    "text, handle",
    [
        ("So the fake one was at D S hughes underscore swansea, all one word.", "at D S hughes underscore swansea"),
        (
            "Her Instagram is at big underscore dave underscore 77, all lower case.",
            "at big underscore dave underscore 77",
        ),
        ("The handle was at J B underscore copwatch on TikTok.", "at J B underscore copwatch"),
        ("They told people to follow them at bent underscore bobbies.", "at bent underscore bobbies"),
        ("It was P C jones underscore cardiff, no spaces.", "P C jones underscore cardiff"),
    ],
)
def test_round25_handle_said_with_at_and_letters(text, handle):
    assert _is(text, handle)


@pytest.mark.parametrize(
    "text",
    [
        "Just put an underscore between the words, it's at the start.",
        "You type it with the at and then an underscore and the name.",
    ],
)
def test_round25_said_underscore_look_alikes_stay(text):
    assert not [k for _, _, k, _ in find_identifiers(text) if k in ONLINE]


def test_round25_at_before_a_said_handle_after_a_verb_of_looking_stays_out():
    text = "I looked at jones underscore cardiff on my phone."
    assert _is(text, "jones underscore cardiff")


@pytest.mark.parametrize(
    "text, channel, n",
    [
        (
            "In the server there was a channel, #north-pigs, and later another one, #doorsteps, and in #doorsteps they put it.",
            "#doorsteps",
            2,
        ),
        (
            "The server had a channel called #doxx and loads of people posted in there for months, then they opened #doxx again.",
            "#doxx",
            2,
        ),
        ("The Discord had #general, #plates and #homes, and my car was in #plates.", "#plates", 2),
    ],
)
def test_round25_channels_named_after_another_or_again(text, channel, n):
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "handle"]
    assert found.count(channel) == n


def test_round25_hashtags_with_no_channel_stay():
    assert not [k for _, _, k, _ in find_identifiers("On Twitter they used #ACAB and #copwatch a lot.") if k in ONLINE]


@pytest.mark.parametrize(
    "text, part",
    [
        ('"Gaz", that\'s what they call me on the page, "Gaz from Hexham nick", every post.', "Gaz from Hexham nick"),
        ('They call him on the group, "Dodgy Dave from Daventry", every single post.', "Dodgy Dave from Daventry"),
    ],
)
def test_round25_nickname_quoted_after_calls_me_on_the_page_is_no_page(text, part):
    assert _no_online(text, part)


def test_round25_page_named_in_apposition_is_still_a_page():
    text = 'There\'s a page, "Hexham Cop Watch", and they call me "Big Gaz" on it.'
    assert _is(text, "Hexham Cop Watch")


@pytest.mark.parametrize(
    "text, handle",
    [
        ("Her Instagram, it's at kirsty dot b dot 90.", "at kirsty dot b dot 90"),
        ("His TikTok is at, erm, dazza nine nine.", "at, erm, dazza nine nine"),
        ("He's on Twitter as at plod watcher, all one word.", "at plod watcher"),
        ("Her Snapchat is at gemmalou x, I think.", "at gemmalou x"),
        ("The fake account, it was at sgt underscore sarah, all one word.", "at sgt underscore sarah"),
    ],
)
def test_round25_handle_said_after_an_at(text, handle):
    assert _is(text, handle)


@pytest.mark.parametrize(
    "text",
    [
        "The account is at risk of being taken down.",
        "His Instagram is at the top of the search results.",
        "It's at home in a drawer somewhere.",
        "It was at least two weeks before they replied.",
        "The account was at about five thousand followers.",
        "It's at Tesco in the town centre.",
    ],
)
def test_round25_handle_said_after_an_at_look_alikes_stay(text):
    assert not [k for _, _, k, _ in find_identifiers(text) if k in ONLINE]


def test_round25_web_address_after_at_stays_a_url():
    text = "It's at https://youtu.be/Xy3Kd81ZpLq if you want to see it."
    assert _is(text, "https://youtu.be/Xy3Kd81ZpLq", "url")


@pytest.mark.parametrize(
    "text, handle",
    [
        (
            "There's a group on Facebook, I think it was called Castleford Residents Unite.",
            "Castleford Residents Unite",
        ),
        ("There's a group for the street, it's called \"Elm Road Neighbours\".", "Elm Road Neighbours"),
        ("A page for the town, erm, it's called Selby Bizzies Exposed, shared it.", "Selby Bizzies Exposed"),
        ("It was on a Facebook page, I think it's called Wakefield Watchdogs.", "Wakefield Watchdogs"),
    ],
)
def test_round25_page_named_after_a_pause_and_its_called(text, handle):
    assert _is(text, handle)


@pytest.mark.parametrize(
    "text",
    [
        "There was a page, it was called Victim Support, and they helped.",
        "I went to the group, it was called off in the end.",
    ],
)
def test_round25_its_called_look_alikes_stay(text):
    assert not [k for _, _, k, _ in find_identifiers(text) if k in ONLINE]


@pytest.mark.parametrize(
    "text, handle",
    [
        ("He posts as The Copper Chopper on YouTube.", "The Copper Chopper"),
        ("She comments as Tyneside Truth Teller on Facebook most nights.", "Tyneside Truth Teller"),
        ("He posted as Copper Chopper on YouTube.", "Copper Chopper"),
    ],
)
def test_round25_run_posted_as_before_a_platform(text, handle):
    assert _is(text, handle)


@pytest.mark.parametrize(
    "text, part",
    [
        ("It was posted as Breaking News on Twitter.", "Breaking News"),
        ("He posted as Sarah Jones on Facebook to make it look like me.", "Sarah Jones"),
    ],
)
def test_round25_run_posted_as_look_alikes_stay(text, part):
    assert _no_online(text, part)
