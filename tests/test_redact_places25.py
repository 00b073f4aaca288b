"""Rules of the places revision on AA's workplace and school misses (issue 12, round 25):
employers said by their capitals where someone works, and the look-alikes that must stay.
Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest
from _redact_helpers import redactor_kinds

_kinds = redactor_kinds


@pytest.mark.parametrize(
    "text, span",
    [
        # an employer said by its capitals after a work cue, with its site
        ("My brother's employed by GSK at Barnard Castle, in the labs.", "GSK at Barnard Castle"),
        ("She's on shift at DHL in Magna Park most weekends.", "DHL in Magna Park"),
        ("He's a fitter at BAE Systems in Warton, has been for years.", "BAE Systems in Warton"),
        ("I work nights for TNT in Atherstone.", "TNT in Atherstone"),
        ("My other half is at JCT in Hucknall, on the forklifts.", "JCT in Hucknall"),
        ("My real job's with AWE at Aldermaston, so it's sensitive.", "AWE at Aldermaston"),
        # after a work verb the capitals alone are the employer
        ("My wife works at BT, on the helpdesk.", "BT"),
    ],
)
def test_places25_acronym_employer_with_site(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("I was at the NEC in Birmingham for a concert.", "NEC"),  # a venue visited
        ("He was at HQ in Hinchingbrooke for a meeting.", "HQ"),  # a police word
        ("I spoke to PSD at Hutton about it.", "PSD"),
        ("She's at TGI in Leeds with her mates tonight.", "TGI"),  # a visit said after
        ("She works for the NHS in Leeds.", "NHS"),
        ("I'm at ease at home with it now.", "ease"),
    ],
)
def test_places25_acronym_look_alikes_stay(text, kept):
    assert not any(kept in s and k == "workplace" for s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        # a school named, then said to be someone's
        ("They wrote Westfield's her school now, which it is.", "Westfield"),
        ("Kingsmead was my son's school until last year.", "Kingsmead"),
        ("The Willows is her nursery and she loves it.", "The Willows"),
        ("And Rainbow Corner is still their playgroup, so they'd know.", "Rainbow Corner"),
    ],
)
def test_places25_school_said_to_be_hers(text, span):
    assert (span, "school") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sarah is my school friend.",
        "It is his school.",
        "Mum is my nursery teacher, funnily enough.",
        "Monday is her college day.",
    ],
)
def test_places25_school_said_to_be_hers_look_alikes_stay(text):
    assert not any(k == "school" for _s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, again",
    [
        # a school said again by its name without the words of its kind
        ("Little Stars is her nursery, and the message said they'd seen her at Little Stars.", 2),
        ("She's at Kingswood Hollins Primary. Somebody posted the Kingswood Hollins gates.", 2),
        ("Meadow Bank Academy rang me; a parent at Meadow Bank had shared it.", 2),
    ],
)
def test_places25_school_said_again_by_its_name(text, again):
    schools = [s for s, k in _kinds(text) if k == "school"]
    assert len(schools) == again, _kinds(text)


def test_places25_school_town_alone_is_no_school():
    # "Lurgan College" said again as "Lurgan": the town, not the school
    text = "She teaches at Lurgan College. That's enough in Lurgan for people to know."
    assert ("Lurgan", "school") not in _kinds(text), _kinds(text)


def test_places25_street_of_a_schools_name_stays_an_address():
    text = "Meadow Bank Academy is two minutes away, and we live on Meadow Bank, number 4."
    assert ("Meadow Bank", "school") not in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        # a chain's shop where someone works, typed in lower case with its street
        ('The post said "jo works weekends at the spar on main street" and she does.', "spar on main street"),
        ('It said "his missus works at the co-op on the high street lol".', "co-op on the high street"),
        ('Someone put "she worked saturdays in greggs, we seen her".', "greggs"),
        ('The comment was "he works nights at the asda on leeds road".', "asda on leeds road"),
    ],
)
def test_places25_lower_case_chain_where_someone_works(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        'It said "she goes to the spar on main street every morning".',  # a customer
        'It said "we work in the park on main street".',  # no chain
    ],
)
def test_places25_lower_case_chain_look_alikes_stay(text):
    assert not any(k == "workplace" for _s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        # a shop or a site said as visited after it: no workplace, and no town
        ("Someone filmed me at the Asda in Hull doing the big shop and posted it.", "Hull"),
        ("They snapped me at Lidl on Mill Road with my trolley, off duty.", "Lidl"),
        ("It was Kingsmill Hospital, I was only there visiting my dad.", "Kingsmill"),
        ("Nothing to do with Furness General, we'd just been in there with my nan.", "Furness"),
    ],
)
def test_places25_site_visited_is_no_workplace(text, kept):
    assert not any(kept in s for s, _k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        ("My wife works at Tesco in Merthyr, doing the online orders.", "Tesco in Merthyr"),
        ("She works at Basildon Hospital, she's been there with her team for years.", "Basildon Hospital"),
    ],
)
def test_places25_work_said_keeps_the_workplace(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        # a school typed in lower case whose name opens with an ordinary word before a name
        ('The post said "his lad goes to queen mary high, we know".', "queen mary high"),
        ('They wrote "ur kids go to king edward primary we seen them".', "king edward primary"),
        ('It said "his girl is at lady margaret academy".', "lady margaret academy"),
    ],
)
def test_places25_lower_case_school_opening_with_an_ordinary_word(text, span):
    assert (span, "school") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        'They wrote "she goes to big school next year".',
        'They wrote "he goes to the high school".',
        'They wrote "she goes to sixth form college now".',
    ],
)
def test_places25_lower_case_school_look_alikes_stay(text):
    assert not any(k == "school" for _s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        # a hospital visited for someone's injury, with a word before the body part
        ("We took him to Furness General for his broken wrist, and waited hours.", "Furness"),
        ("We ended up at Airedale General for my daughter's sprained ankle.", "Airedale"),
        # a venue said after "a pub", "a café": visited
        ("My lanyard got photographed in a pub, the Fox and Hounds, on my night off.", "Fox"),
        ("We were sat in a café, the Copper Kettle, when it pinged.", "Copper Kettle"),
        # a brand's online page is no branch of it
        ("He works at Warburtons in Bolton, and they posted on the Warburtons Facebook page.", None),
    ],
)
def test_places25_visits_and_pages_are_no_workplace(text, kept):
    kinds = _kinds(text)
    if kept is None:
        assert [s for s, k in kinds if k == "workplace"] == ["Warburtons in Bolton"], kinds
    else:
        assert not any(kept in s for s, _k in kinds), kinds


@pytest.mark.parametrize(
    "text, span",
    [
        ("She works in a pub, the Red Lion, three nights a week.", "Red Lion"),
        ("I got a job in a bar, the Blue Anchor, after I left school.", "Blue Anchor"),
    ],
)
def test_places25_venue_where_someone_works_stays(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        # a workplace said as a sentence of its own after work is said
        ("And the café's where she works. The Blue Door in Whitby.", "The Blue Door in Whitby"),
        ("They phoned my old job. Morrisons in Keighley. Can you believe that?", "Morrisons in Keighley"),
        ("Someone emailed his employer: Brantwood Joinery. So now they all know.", "Brantwood Joinery"),
        # an insider at a firm
        ("He reckoned he'd got a mate at Santander who could look me up.", "Santander"),
        ("She knows someone at the DVLA, apparently.", "DVLA"),
        ("They said they've got a contact in Lloyds Bank.", "Lloyds Bank"),
    ],
)
def test_places25_workplace_said_after_work(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "They rang my work. Sarah answered.",  # a person, no workplace
        "I know someone in Leeds who does that.",  # a town
        "He said he's got a mate at PSD.",  # a department
        "That was my old job. Monday it all started.",
    ],
)
def test_places25_workplace_said_after_work_look_alikes_stay(text):
    assert not any(k == "workplace" for _s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        # a court said as where someone works
        ("I sit now as a magistrate, in Hull Magistrates' Court, which complicates things.", "Hull Magistrates' Court"),
        ("My sister's an usher at Leeds Crown Court, so she sees them all.", "Leeds Crown Court"),
        ("She works at Teesside Magistrates' these days.", "Teesside Magistrates'"),
    ],
)
def test_places25_court_where_someone_works(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "He gave evidence in a big trial at Stoke Crown Court.",  # a scene
        "I work at the Crown Court most days.",  # no court named
    ],
)
def test_places25_court_look_alikes_stay(text):
    assert not any(k == "workplace" for _s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text, span",
    [
        # a post in a shop said as where someone is ("on the tills at"): work said
        ("She's on the tills at Hobbs in Kendal, weekends.", "Hobbs in Kendal"),
        ("I'm on the fragrance counter at Beales in Poole, have been for years.", "Beales in Poole"),
        ("He's on the forklifts at Kingsley in Goole.", "Kingsley in Goole"),
        # an occupation said straight before a large employer, as a profile says it
        ('His bio said "Driver at Royal Mail". That narrowed it down.', "Royal Mail"),
        ('Her page said "Postwoman at Royal Mail" under her photo.', "Royal Mail"),
    ],
)
def test_places25_post_in_a_shop_is_work(text, span):
    assert (span, "workplace") in _kinds(text), _kinds(text)


def test_places25_customer_at_the_counter_stays():
    text = "We were at the counter at Hobbs in Kendal, paying, when he came in."
    assert not any(k == "workplace" for _s, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # a brand said again before what belongs to a job there
        "My wife works at Asda in Halifax. Someone photographed her in her Asda uniform.",
        "He works at Morrisons in Selby, and they found the Morrisons rota online.",
        "I do Saturdays at Boots in Kendal; it's the Boots job they rang about.",
    ],
)
def test_places25_brand_again_before_a_job_noun(text):
    assert sum(k == "workplace" for _s, k in _kinds(text)) == 2, _kinds(text)


def test_places25_brand_again_as_a_product_stays():
    text = "I work at Greggs on Fore Street. I like a Greggs pasty though."
    assert sum(k == "workplace" for _s, k in _kinds(text)) == 1, _kinds(text)
