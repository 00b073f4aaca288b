"""Review-sheet candidates of round 25: generic shapes of how a speaker says an identifier
the rules miss (a workplace with its place, a name said again, ...). Sentences written for
these tests; each shape has look-alikes that must not become candidates."""

import pytest

from toolkit.qual.redact import review_sheet


def _sheet(text):
    return review_sheet([text])


def _cands(text):
    sheet = _sheet(text)
    return set(sheet.loc[sheet["source"] == "candidate", "original"])


def _shown(text, phrase, nth=0):
    """Every letter and digit of the ``nth`` saying of ``phrase`` is on the sheet."""
    sheet = _sheet(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    spans = list(zip(sheet["start"], sheet["end"]))
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(phrase)) if text[i].isalnum())


# -- a workplace and its place: "<employer> in|at <place>" after a word of work -------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("My second job's at DHL in Coleshill, nights mostly.", "DHL in Coleshill"),
        ("I work the bar weekends. The Golden Lion in Todmorden.", "The Golden Lion in Todmorden"),
        ("Her husband's at Wrenfield Joinery in Kettering, has been for years.", "Wrenfield Joinery in Kettering"),
        ("I'm on the tills most Saturdays, at Brannigans in Hexham.", "Brannigans in Hexham"),
    ],
)
def test_a_workplace_with_its_place_is_shown_whole(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("PC Harris at Chelmsford dealt with it.", "Harris at"),
        ("We went on holiday to Tenby in Wales last year.", "Tenby in"),
        ("Sgt Oduya at Bromsgrove works nights.", "Oduya at"),
    ],
)
def test_no_workplace_phrase_without_a_word_of_work(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- a name shown once, said again ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, phrase, nth",
    [
        ("The server had a room, #blueline, and in #blueline they posted our rotas.", "#blueline", 1),
        ("I live in Kirkby Stephen, and the form had Kirkby Stephen on it as my town.", "Kirkby Stephen", 1),
        ("Her partner Tomasz works nights. Tomasz never posts anything.", "Tomasz", 1),
    ],
)
def test_a_name_said_again_is_shown_again(text, phrase, nth):
    assert _shown(text, phrase, nth), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_shown",
    [
        ("I live in Leek. We grow Leeks on the allotment.", "Leeks"),
        ("She lives in Bath. I had a bath after that shift.", "bath"),
    ],
)
def test_a_name_inside_another_word_or_in_lower_case_is_not_said_again(text, not_shown):
    assert not_shown not in _cands(text), _cands(text)


# -- letters said as words that are words too, digits read one by one, inside a spoken run --


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("He left a voicemail, ell ess one, four are tee, so he had the postcode.", "ell ess one, four are tee"),
        ("She spelled the reg out, why ex six two, kay el em, on the phone.", "why ex six two, kay el em"),
        ("Collar was on the form as 4, 4, one, seven, oh, which is mine.", "4, 4, one, seven, oh"),
        ("He said it like see aitch four, two are jay, very slowly.", "see aitch four, two are jay"),
    ],
)
def test_letters_said_as_words_extend_a_spoken_run(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("I'll see you two at the station at three, then we go.", "see"),
        ("Are you one of the three who signed it, four of us did.", "you"),
        ("We were two, three, four of us, are you coming?", "are"),
    ],
)
def test_words_that_are_letters_start_or_end_no_run(text, not_in):
    assert not any(not_in in c.split() for c in _cands(text)), _cands(text)
