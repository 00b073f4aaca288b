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


# -- a surname with an initial after it: a list or a spreadsheet row --------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("On the rota it was Okafor, T. and Brennan, S. on nights that week.", "Brennan, S."),
        ('The row read "2281 | WHITTAKER J | sick leave | Ward 4".', "WHITTAKER J"),
        ("They listed the three of us as Szymanski, K., Dunmore, P. and me.", "Szymanski, K."),
    ],
)
def test_a_surname_with_its_initial_is_shown_whole(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("Right, A. and B. were the two options on the form.", "Right"),
        ('The sign said "PLEASE NOTE B | closed" on the door.', "NOTE"),
        ("Well, I. mean, what would you do.", "Well"),
    ],
)
def test_an_ordinary_word_before_a_letter_is_no_surname(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- a day of the month alone where a birthday is spoken of -----------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        ('It was her birthday that week, and someone put "see you on the 14th Mags".', "14th"),
        ("My lad's birthday was the twenty-sixth — and they knew it.", "twenty-sixth"),
        ("She was born on the 9th, same as me, and they had that too.", "9th"),
    ],
)
def test_a_day_alone_near_a_birthday_is_shown(text, day):
    assert _shown(text, day), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("On my birthday we were up on the 3rd floor all shift.", "3rd"),
        ("It was the fifth time on his birthday they rang.", "fifth"),
        ("I was born second, the youngest, and then on the 4th we moved.", "second"),
        ("We moved on the 4th, nothing else to say.", "4th"),
    ],
)
def test_a_day_is_no_candidate_before_a_word_or_without_a_birthday(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- a name said, then corrected: both names --------------------------------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("I was on Tactical Support... no, sorry, the Dog Section back then.", "Tactical Support"),
        ("He's in Serious Collisions, sorry, I mean the Major Crime Unit now.", "Serious Collisions"),
        ("We were both at Harbour Road — no, wait, Priory Street nick, in 2019.", "Harbour Road"),
    ],
)
def test_a_name_corrected_is_shown_with_the_correction(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("Right, sorry, I mean Tom was there too.", "Right"),
        ("It was Tuesday... no, sorry, it was the Wednesday.", "Tuesday"),
        ("We had Facebook, I mean Instagram really.", "Facebook"),
    ],
)
def test_an_ordinary_word_corrected_is_no_candidate(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- two names joined by a particle or "of", "&" and words after a name, a venue after it --


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("There's only one Rhodri ap Gwilym on Facebook, and that's me.", "Rhodri ap Gwilym"),
        ("Her van says Pryderi Roofing & Guttering on the side, so they found her.", "Pryderi Roofing & Guttering"),
        ("Mum's been in Ashgrove care home since the spring, and they rang there.", "Ashgrove care home"),
        ("He did six years as an officer at Haverigg prison before he joined.", "Haverigg prison"),
    ],
)
def test_names_joined_into_one_are_shown_whole(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ('The post said "DI Raymond Fox of Lincolnshire" under my photo.', "Fox of"),
        ("We got the sandwiches from Marks & Spencer on the way.", "Marks"),
        ("They took him to the prison in the van.", "prison"),
    ],
)
def test_no_joined_name_of_a_person_of_a_place_or_of_ordinary_words(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- digits and a hyphen before more digits or capitals -----------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("His number on the letter was 42-77810 and nothing else.", "42-77810"),
        ("Written on the back of the card: 6620-GM, in pen.", "6620-GM"),
        ('The sticker just said "318-04417", that was all.', "318-04417"),
    ],
)
def test_a_hyphened_number_is_shown_whole(text, code):
    assert _shown(text, code), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("From 2019-2020 I was on nights, then days.", "2019"),
        ("It was 1990-95 roughly, before the merger.", "1990"),
        ("The score was 10-3 at half time.", "10-3"),
    ],
)
def test_a_year_range_or_a_score_is_no_code(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- an address or a handle read out, with "at" and the words before it -------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        (
            'She read it out on the voicemail, "blue line watch at example dot com", twice.',
            "blue line watch at example dot com",
        ),
        ("His handle's at K T dodds underscore 88, all lower case.", "at K T dodds underscore 88"),
        ('It came from, hang on, "jo dot price at example dot org", no capitals.', "jo dot price at example dot org"),
    ],
)
def test_an_address_read_out_is_shown_whole(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("I told her to write to me at example dot com, and she did.", "write"),
        ("We met at the dot com place, the start-up, for a coffee.", "met"),
    ],
)
def test_the_words_of_a_sentence_before_an_address_are_not_its_name(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- a name spelled with hyphens, a place with particles, capitals before "Police",
# -- a date read out in words, a nickname with a letter after "called" ---------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ('I always have to spell it, "that\'s K-O-W-A-L-S-K-A", every time.', "K-O-W-A-L-S-K-A"),
        ("It's Dyer with a Y, D-Y-E-R, not the other one.", "D-Y-E-R"),
        ("The one officer in Pont-ar-gothi, that's me, everyone knows.", "Pont-ar-gothi"),
        ("We moved out to Bwlch-y-groes when the kids were small.", "Bwlch-y-groes"),
        ("He said he lived near Stow-on-the-Wold, which narrowed it down.", "Stow-on-the-Wold"),
        ("I was in the CNC Police before this, at a power station.", "CNC Police"),
        ("Her date of birth, read out on the voicemail: twelve March ninety-one.", "twelve March ninety-one"),
        ("It was said as four June two thousand and six, slowly.", "four June two thousand and six"),
        ("The one who posted it was someone called Fat J, no photo.", "Fat J"),
        ("The admin goes by Little K on there, nobody knows who.", "Little K"),
    ],
)
def test_spelled_hyphened_and_read_out_shapes_are_shown(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("My Mother-in-law was the one who saw it first.", "Mother-in-law"),
        ("It was a U-turn, then a three-point turn, A-B-C stuff.", "A-B-C"),
        ("The sign said Police, so we went in to report it.", "Police"),
        ("We went back one May two years ago.", "May"),
        ("He called me a B twice on the phone.", "a B"),
    ],
)
def test_ordinary_hyphened_words_and_dates_are_no_candidates(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


# -- a chain before "in" a place, a saint's name with its "'s", a bracketed word after a
# -- name, a place after a force and "at" ------------------------------------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("They phoned my old work. Greggs in Ashington. Asked for me by name.", "Greggs in Ashington"),
        ("She works weekends, at Primark in Halesowen, on the tills.", "Primark in Halesowen"),
        ('The post said "his girl goes to Bishop Stortford\'s, year 9".', "Bishop Stortford's"),
        ("Her daughter's at Cardinal Heenan's, year eleven, so they found her.", "Cardinal Heenan's"),
        (
            "It was all over a group, Kirkham Residents Forum (Unfiltered), for weeks.",
            "Kirkham Residents Forum (Unfiltered)",
        ),
        ("I'm a detention officer with Kent Police, at Tonbridge, on earlies.", "Tonbridge"),
        ("I'm police staff with Lancashire Constabulary, based at Hutton Hall, for now.", "Hutton Hall"),
    ],
)
def test_chains_saints_brackets_and_force_places_are_shown(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("We had cake for St George's Day in the canteen.", "St George"),
        ("I did a big shop at Tesco in Wythenshawe on the way home.", "Tesco in"),
        ("Kent Police at the time had no policy on it at all.", "the time"),
    ],
)
def test_a_holiday_shopping_or_a_time_is_no_candidate(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)


def test_a_speaker_label_or_a_phrase_said_many_times_is_not_said_again():
    """A name replaced once that labels a speaker ("Okonkwo: ...") is no candidate at each
    label; a phrase said again more than three times is none either."""
    text = "Interviewer: Was it PC Okonkwo who rang? Okonkwo: Yes. Okonkwo: It was me. Okonkwo: Twice."
    assert not any(c.startswith("Okonkwo") for c in _cands(text)), _cands(text)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("He found out my gym, FitZone Barnsley, and started going at my times.", "FitZone Barnsley"),
        ("I do Saturdays at the bar, BrewHouse Morpeth, so they knew where to wait.", "BrewHouse Morpeth"),
        ("She's a manager at SpeedyKleen Rotherham, the car wash.", "SpeedyKleen Rotherham"),
    ],
)
def test_a_camel_case_business_with_its_place_is_shown(text, phrase):
    assert _shown(text, phrase), _sheet(text)[["original", "source"]]


@pytest.mark.parametrize(
    "text, not_in",
    [
        ("They'd hidden an AirTag in the wheel arch.", "AirTag"),
        ("Some YouTuber filmed the whole thing outside.", "YouTuber"),
        ("It was on WhatsApp Web, so anyone could see it.", "WhatsApp"),
    ],
)
def test_a_camel_case_thing_alone_is_no_candidate(text, not_in):
    assert not any(not_in in c for c in _cands(text)), _cands(text)
