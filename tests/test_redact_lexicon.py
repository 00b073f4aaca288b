"""The proper-noun (lexicon) test of toolkit.qual.redact: a capitalised word that is no
ordinary English word names someone or somewhere, unless it is on the allow-list."""

from __future__ import annotations

import pytest

from toolkit.qual import _identifiers as ids
from toolkit.qual.redact import redact, review_sheet


def test_word_list_is_the_shipped_scowl_lexicon():
    words = ids.english_words()
    assert len(words) > 50_000
    assert all(w == w.lower() for w in words)
    assert {"constable", "country", "federation", "martens", "world", "petals"} <= words
    assert not {"billericay", "whitfield", "september", "london"} & words  # proper nouns are capitalised in SCOWL
    head = (ids.DATA_DIR / "english_words.txt").read_text(encoding="utf-8")[:2000]
    assert "Copyright 2000-2011 by Kevin Atkinson" in head and "Permission to use" in head


@pytest.mark.parametrize(
    "word, ordinary",
    [
        ("Federation", True),
        ("Constable", True),
        ("Martens", True),
        ("September", True),  # allowed: calendar
        ("WhatsApp", True),
        ("Facebook's", True),
        ("Qashqai", True),  # allowed: car model
        ("Polish", True),
        ("Billericay", False),
        ("Whitfield", False),
        ("Nwosu", False),
        ("Sheppey", False),
    ],
)
def test_is_ordinary(word, ordinary):
    assert ids.is_ordinary(word) is ordinary


@pytest.mark.parametrize(
    "text, original",
    [
        ("The caller knew my surname, Whitfield, and said it slowly.", "Whitfield"),
        ("They put my mum's town on it, Billericay, in the comments.", "Billericay"),
        ("My husband drives for Arriva Yorkshire and gets grief.", "Arriva Yorkshire"),
        ("Her girlfriend, Keeley, got messages at work.", "Keeley"),
        ("We know it's Minster in Sheppey Primary, they wrote.", "Minster in Sheppey Primary"),
        ("My mum runs a florist, Petals on the Parade, and got reviews.", "Petals on the Parade"),
    ],
)
def test_proper_nouns_redacted_in_context(text, original):
    red, log = redact(text)
    assert original not in red, red
    assert any(original in o or o in original for o in log["original"]), log


def test_surname_alone_after_a_rank_in_the_same_text():
    red, log = redact("DS Mottram took the call. Everyone knew Mottram had a temper.")
    assert red == "[Officer A] took the call. Everyone knew [Officer A] had a temper."


@pytest.mark.parametrize(
    "text",
    [
        "I bought Dr Martens at PC World and went to Constable Country in May.",
        "They called us the Old Bill on Twitter and Facebook and WhatsApp.",
        "The Federation rep said the Supt would ring, then the Insp.",
        "It was a grey Qashqai, or a Corsa, parked by the Co-op.",
        "He is Polish and she is Nigerian, and they met in September.",
        "Leeds were playing at home that Christmas.",
        "Oi, stop filming, he said.",
    ],
)
def test_ordinary_and_allowed_words_stay(text):
    red, log = redact(text)
    assert red == text, log


def test_unredacted_proper_nouns_go_on_the_review_sheet():
    """A sentence-initial proper noun or one after a determiner is not redacted (it is a
    thing as often as a name) but is put before the reviewer; ordinary words are not."""
    texts = ["Tonbridge, that's where she lives now.", "He drove off in a Tuckwells van. Honestly it was grim."]
    sheet = review_sheet(texts)
    cand = sheet[sheet["source"] == "candidate"]
    assert set(cand["original"]) == {"Tonbridge", "Tuckwells"}
    assert (cand["confidence"] == "low").all()


@pytest.mark.parametrize(
    "text, kept",
    [
        # Welsh and Scots words opening a quoted sentence or labelling a form field
        ('The text said "Dyna fo, the one from the station" and a picture.', "Dyna"),
        ('My nan would say "Yon polis is a good lad" about him.', "Yon"),
        ('The form asks for "Rhif Ffôn" and then an e-mail.', "Rhif Ffôn"),
        # a paste site is a platform, no place
        ("It all turned up on Pastebin a week later.", "Pastebin"),
    ],
)
def test_welsh_scots_words_and_platforms_stay(text, kept):
    assert kept in redact(text)[0]


def test_welsh_place_after_such_words_still_redacted():
    out = redact('The message said "Dyma Sioned, she lives in Llanfyllin".')[0]
    assert "Llanfyllin" not in out


def test_possessive_name_before_a_platform_is_a_person():
    out = redact("The photo came off Tariq's Instagram in the end.")[0]
    assert out == "The photo came off [Person A]'s Instagram in the end."


def test_town_before_a_platform_is_no_person():
    assert "[Person" not in redact("It was shared on Swindon's Facebook page.")[0]


@pytest.mark.parametrize(
    "text",
    [
        # a product in apposition ("X, the app"), a saint's day's abbreviation, a word quoted after "a"
        "She said try Noomio, the app, and come back in a month.",
        "We had cake in for St Andrew's Day.",
        'To them I was a "Zorblax", nothing else.',
        'To them I was the "Zorblax" of the station.',
    ],
)
def test_products_saints_days_and_quoted_words_stay(text):
    red, log = redact(text)
    assert red == text, log


def test_place_before_a_comma_without_a_product_still_redacted():
    assert "Llanfyllin" not in redact("She moved out to Llanfyllin, the one near the lake.")[0]


@pytest.mark.parametrize(
    "text",
    [
        # games named as platforms, forms of address, large foreign cities people come from
        "They found her on Roblox and then on Fortnite.",
        'He came in and said, "Mam, what have you done?"',
        "She came over after Gdańsk, years ago now.",
    ],
)
def test_platforms_forms_of_address_and_foreign_cities_stay(text):
    red, log = redact(text)
    assert red == text, log
