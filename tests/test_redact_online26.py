"""Round 26 rules of ``toolkit/qual/_id_online.py``: a group's quoted name after "the
same WhatsApp" (a word between the article and the platform, "from" a small word of a
name), an account's quoted display name after what it did to the speaker ("The fake
account messaged me, ..."), with look-alikes that must stay.

Every sentence here was written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from toolkit.qual._identifiers import find_identifiers


def _handles(text):
    return [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "handle"]


@pytest.mark.parametrize(
    "text, name",
    [
        ('We were all in the same group, "Mums from Morley", and it went round there first.', "Mums from Morley"),
        ('She was in the other WhatsApp, "Friends of Hilltop Park", where it got shared.', "Friends of Hilltop Park"),
        ('My brother\'s in the family WhatsApp, "Lads From Home", nothing to do with it.', "Lads From Home"),
    ],
)
def test_round26_group_name_after_the_same_platform(text, name):
    assert name in _handles(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ('The fake account messaged me, "Gwent Police Welfare", asking for my bank.', "Gwent Police Welfare"),
        ('Then a profile added my daughter: "Sgt Dan Price Official", which is not a thing.', "Sgt Dan Price Official"),
        (
            'This account messaged my husband, "Humber Police Support Team", saying I was hurt.',
            "Humber Police Support Team",
        ),
    ],
)
def test_round26_account_name_after_what_it_did(text, name):
    assert name in _handles(text)


@pytest.mark.parametrize(
    "text",
    [
        'They were in the same WhatsApp, "Get Out Now", he said.',
        'The account messaged me, "Watch yourself", and that was it.',
        'The account messaged me, "You Know Where", nothing else.',
        'We were in the same group, "Thank You", no.',
    ],
)
def test_round26_quoted_talk_stays(text):
    assert _handles(text) == []


def _forces(text):
    return [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "force"]


@pytest.mark.parametrize(
    "text, force",
    [
        ("I joined Strathclyde in 1998 and did thirty years.", "Strathclyde"),
        ("Twenty years in the old Grampian, then the merger came.", "Grampian"),
        ("He was Tayside, as it was, before it all went national.", "Tayside"),
        ("My dad served with Dyfed Powys for years.", "Dyfed Powys"),
        ("I was with Central Scotland until 2013.", "Central Scotland"),
        ("A PC in Lothian and Borders, and now Police Scotland.", "Lothian and Borders"),
    ],
)
def test_round26_former_force_by_its_area(text, force):
    assert force in _forces(text)


@pytest.mark.parametrize(
    "text",
    [
        "My mum was in Fife for the weekend.",
        "We had a holiday in Fife last year.",
        "She studied at the University of Strathclyde.",
        "The Lothian and Borders coast is gorgeous.",
    ],
)
def test_round26_former_force_areas_as_places_stay(text):
    assert _forces(text) == []


def _urls(text):
    return [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "url"]


@pytest.mark.parametrize(
    "text",
    [
        'The site was "rate my bobby", all one word, dot co dot uk, so ratemybobby dot co dot uk.',
        "It's \"bent cops exposed\", no spaces, dot com, and it's still up.",
        "Go to snitch list, all together, dot org, you'll see it.",
    ],
)
def test_round26_remark_on_the_host_is_no_host(text):
    assert not any(u.startswith(("word", "spaces", "together")) for u in _urls(text))


def test_round26_spoken_url_after_the_remark_stays():
    text = 'The site was "rate my bobby", all one word, dot co dot uk, so ratemybobby dot co dot uk.'
    assert "ratemybobby dot co dot uk" in _urls(text)
