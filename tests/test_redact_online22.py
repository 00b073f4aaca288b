"""Round 22 rules of ``toolkit/qual/_id_online.py``: display names, page and chat names and
spoken forms of handles and urls said in ways the earlier rules missed, with look-alikes
that must stay.

Every sentence here was written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest
from _redact_helpers import is_kind, kinds_of, no_online

from toolkit.qual._identifiers import find_identifiers

_kinds_of = kinds_of
_handle = is_kind
_no_online = no_online


DISPLAY_NAMES = [
    # a quoted display name shown on a platform after a naming word
    ('And my aunt is on there, she\'s "Brenda Lowe Proud Nan" on Facebook.', "Brenda Lowe Proud Nan"),
    ('He goes by "Taff the Tow Truck" on TikTok these days.', "Taff the Tow Truck"),
    ('Everyone round here knows him as "Big Gaz Deals" on Instagram.', "Big Gaz Deals"),
    ('My sister was "gemma ellis x" on Facebook back then.', "gemma ellis x"),
    # a quoted name of several words sent "from" where messages were spoken of
    ('I got a DM on Instagram from "Dorset Dodgy Coppers" the same night.', "Dorset Dodgy Coppers"),
    ('The messages came in on WhatsApp from "Team Northside Admin" every week.', "Team Northside Admin"),
    # the name the profile shows
    ('The handle was something else, but the name on the profile, "Gwynedd Truth Squad".', "Gwynedd Truth Squad"),
    ('Her display name was "Shazza Loves Cake" for years.', "Shazza Loves Cake"),
    ('It said on the page, and the page name was "Wolverhampton Eyes" as well.', "Wolverhampton Eyes"),
]


@pytest.mark.parametrize("text,part", DISPLAY_NAMES)
def test_round22_quoted_display_names(text, part):
    assert _handle(text, part), _kinds_of(text, part)


DISPLAY_LEFT = [
    # quoted posts and talk on a platform stay
    ('He wrote "Get Out Now" on Facebook under my photo.', "Get Out Now"),
    ('She put "Thank You" on Instagram after the funeral.', "Thank You"),
    ('My mum was "so proud" on Facebook, bless her.', "so proud"),
    ('I got a letter from "The Council" about the bins.', "The Council"),
    ('On his profile it said, "Thank You".', "Thank You"),
]


@pytest.mark.parametrize("text,part", DISPLAY_LEFT)
def test_round22_quoted_display_names_look_alikes(text, part):
    assert _no_online(text, part), _kinds_of(text, part)


def test_round22_person_quoted_from_stays_a_person():
    text = 'I had a message on Facebook from "Karen Wilde" asking where I lived.'
    assert _no_online(text, "Karen Wilde"), _kinds_of(text, "Karen Wilde")


CHAT_AND_PAGE_NAMES = [
    # a lower-case quoted chat name right after the noun, no comma
    ('Then someone put it in the group chat "year 11 lads 2k23" and it spread.', "year 11 lads 2k23"),
    ('She added me to the WhatsApp group "brindley close mams" last summer.', "brindley close mams"),
    ('We had a Snapchat group "skelmo gang" for the whole estate.', "skelmo gang"),
    # a page's name between "the" and a platform used as the noun, or before a lower-case
    # word saying what the page is for
    ("It was shared on the Wirral Bizzies Facebook within an hour.", "Wirral Bizzies"),
    ("My photo ended up on the Durham Specials Instagram, which they run.", "Durham Specials"),
    ("The Surrey Volunteers recruiting page had my face on it.", "Surrey Volunteers"),
    ("I found it on the Leeds Mams fundraising page.", "Leeds Mams"),
]


@pytest.mark.parametrize("text,part", CHAT_AND_PAGE_NAMES)
def test_round22_chat_and_page_names(text, part):
    assert _handle(text, part), _kinds_of(text, part)


CHAT_AND_PAGE_LEFT = [
    # what was said into a chat stays
    ('He said in the group chat "you lot are done" and left.', "you lot are done"),
    ('Somebody typed in the group "see you at the match" and nothing else.', "see you at the match"),
    ('There was a group "for the mums" or something.', "for the mums"),
    # a force's, a paper's or a club's own page stays
    ("It was on the Kent Police Facebook first.", "Kent Police"),
    ("The Leeds United official page shared it.", "Leeds United"),
    ("They posted it on the Manchester Evening News Facebook.", "Manchester Evening News"),
    ("I saw it on the West Yorkshire recruiting page.", "West Yorkshire"),
]


@pytest.mark.parametrize("text,part", CHAT_AND_PAGE_LEFT)
def test_round22_chat_and_page_names_look_alikes(text, part):
    assert _no_online(text, part), _kinds_of(text, part)


SPELLED_WITH_AT = [
    ("Can you spell the handle? It's at, K, E, V, O, underscore, 9, so kevo nine.", "at, K, E, V, O"),
    ("Spell it for me? Yeah, it's at, M, O, L, L, Y, B, and that's the lot.", "at, M, O, L, L, Y, B"),
    ("His account, I'll spell it, is at sign, D, A, Z, Z, A.", "at sign, D, A, Z, Z, A"),
    ("The Insta is at j-a-k-e-y and he still posts.", "at j-a-k-e-y"),
]


@pytest.mark.parametrize("text,part", SPELLED_WITH_AT)
def test_round22_spoken_at_before_a_spelled_handle(text, part):
    found = [(text[s:e], k) for s, e, k, _ in find_identifiers(text) if k == "handle"]
    assert any(f.startswith(part) for f, _ in found), found


def test_round22_look_at_before_spelled_letters_is_no_at():
    text = "Look at the account name, spelled S, A, M, M, Y, on the screen."
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "handle"]
    assert found and not any(f.startswith("at") for f in found), found


EMAIL_NAME_LOCALS = [
    ("My email's simple, it's gareth hughes at example dot com, all one word.", "gareth hughes at example dot com"),
    ("And hers is Sandra Bell at example dot co dot uk if you need it.", "Sandra Bell at example dot co dot uk"),
    ("Write to me at ruth okafor at example dot org, that's the home e-mail.", "ruth okafor at example dot org"),
]


@pytest.mark.parametrize("text,part", EMAIL_NAME_LOCALS)
def test_round22_email_local_part_said_as_a_name(text, part):
    assert _handle(text, part, "email"), _kinds_of(text, part)


def test_round22_email_word_before_the_local_part_stays_out():
    text = "I e-mailed the office and then pyke at example dot com replied."
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "email"]
    assert found == ["pyke at example dot com"], found


SHORT_LINK_SLUGS = [
    ("The text just had a link, bit dot ly slash leeds grasses, nothing else.", "bit dot ly slash leeds grasses"),
    ("It was tinyurl dot com slash fed files.", "tinyurl dot com slash fed files"),
    ("Someone posted goo dot gl slash hull cops and it went everywhere.", "goo dot gl slash hull"),
]


@pytest.mark.parametrize("text,part", SHORT_LINK_SLUGS)
def test_round22_short_link_slug_said_as_words(text, part):
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "url"]
    assert part in found, found


def test_round22_slug_stops_before_talk():
    text = "Go to bit dot ly slash abc and then it asks for your login."
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "url"]
    assert found == ["bit dot ly slash abc"], found


def test_round22_other_paths_take_no_words_after():
    text = "It's on copwatch dot example dot com slash news today."
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "url"]
    assert found == ["copwatch dot example dot com slash news"], found


APPOSED_PAGES = [
    ("Then a Facebook page, Geordie Justice, put up my photo with my address.", "Geordie Justice"),
    ("There's a group, Mersey Mams, shared it the same night.", "Mersey Mams"),
    ("A TikTok page, Valley Truth, posted the video again.", "Valley Truth"),
]


@pytest.mark.parametrize("text,part", APPOSED_PAGES)
def test_round22_two_word_page_name_in_apposition_before_a_posting_verb(text, part):
    assert _handle(text, part), _kinds_of(text, part)


APPOSED_LEFT = [
    ("There's a group, Victim Support, and they were great.", "Victim Support"),
    ("A page, Sarah Jones, posted it, the admin.", "Sarah Jones"),
]


@pytest.mark.parametrize("text,part", APPOSED_LEFT)
def test_round22_two_word_apposition_look_alikes(text, part):
    assert _no_online(text, part), _kinds_of(text, part)


SPOTTED_PAGES = [
    ("Somebody snapped me in the chippy and put it on Spotted: Wigan.", "Spotted: Wigan"),
    ("It was all over the Spotted Leigh page by teatime.", "Spotted Leigh"),
    ("My neighbour sent it in to Spotted in Prestwich.", "Spotted in Prestwich"),
]


@pytest.mark.parametrize("text,part", SPOTTED_PAGES)
def test_round22_spotted_pages(text, part):
    assert _handle(text, part), _kinds_of(text, part)


SPOTTED_LEFT = [
    ("Spotted him in Bury on the Monday, in uniform.", "Spotted him in Bury"),
    ("I was on Spotted Monday night, reading it all.", "Spotted Monday"),
    ("We spotted Dave in Tesco.", "spotted Dave"),
]


@pytest.mark.parametrize("text,part", SPOTTED_LEFT)
def test_round22_spotted_look_alikes(text, part):
    assert _no_online(text, part), _kinds_of(text, part)


CALLED_MORE = [
    ("The account, which was called BrumCopWatcher, had thousands of followers.", "BrumCopWatcher"),
    ("There's a page that's called Fenland Bent Bobbies on there.", "Fenland Bent Bobbies"),
    ("I got added to a WhatsApp called Late Shift Legends last year.", "Late Shift Legends"),
    ('Our group chat was just called "the night owls" and it was harmless.', "the night owls"),
]


@pytest.mark.parametrize("text,part", CALLED_MORE)
def test_round22_called_after_which_was_and_platform_nouns(text, part):
    assert _handle(text, part), _kinds_of(text, part)


def test_round22_called_person_after_a_platform_stays():
    text = "My WhatsApp contact is called Dave, that's all."
    assert _no_online(text, "Dave"), _kinds_of(text, "Dave")


DIRECT_NAMES = [
    ("The Facebook group Grimsby Residents Voice shared it straight away.", "Grimsby Residents Voice"),
    ("He's an admin on the WhatsApp group Ashton Dads Club now.", "Ashton Dads Club"),
    ("It ended up on the Facebook page Rotherham Truth Seekers by Friday.", "Rotherham Truth Seekers"),
]


@pytest.mark.parametrize("text,part", DIRECT_NAMES)
def test_round22_page_name_right_after_platform_and_noun(text, part):
    assert _handle(text, part), _kinds_of(text, part)


DIRECT_LEFT = [
    ("She's in the WhatsApp group Sarah Jones set up.", "Sarah Jones"),
    ("It was on the Facebook page Kent Police run.", "Kent Police"),
    ("It was in the group Dad made.", "Dad"),
]


@pytest.mark.parametrize("text,part", DIRECT_LEFT)
def test_round22_page_name_right_after_noun_look_alikes(text, part):
    assert _no_online(text, part), _kinds_of(text, part)


def test_round22_email_local_part_spelled_letter_by_letter():
    text = "Her e-mail, it's m, a, r, c, y at example dot co dot uk, I'll write it down."
    found = [(text[s:e], i) for s, e, k, i in find_identifiers(text) if k == "email"]
    assert found == [("m, a, r, c, y at example dot co dot uk", "marcy@example.co.uk")], found


def test_round22_one_letter_local_part_after_a_list_is_not_spelled():
    text = "Marks were A, B, C at most, and the note said k at example dot com."
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "email"]
    assert not any(f.startswith("A") for f in found), found
