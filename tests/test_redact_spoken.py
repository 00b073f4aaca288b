"""Rules for identifiers said aloud (``toolkit/qual/_id_spoken.py``): digits read out as
words (phone, NHS, NI, collar, warrant numbers and plates) and dates of birth said in
words, and the number talk that must stay (counts, times, ages, years, amounts).
Sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from toolkit.qual._identifiers import find_identifiers
from toolkit.qual.redact import redact


@pytest.mark.parametrize(
    "text, expected",
    [
        # shapes nobody reads out for anything else: a phone number, an NHS number, an NI number
        (
            "He kept ringing me from a withheld line, and then texted from oh seven seven double oh, nine double oh, five one two.",
            "He kept ringing me from a withheld line, and then texted from [Phone A].",
        ),
        (
            "The office line is oh-one-one-three, four-nine-six, oh-one-two-eight, if anyone wants it.",
            "The office line is [Phone A], if anyone wants it.",
        ),
        (
            "She read it off the letter, four eight five, seven two one, three four seven eight, and the nurse typed it in.",
            "She read it off the letter, [NHS number A], and the nurse typed it in.",
        ),
        (
            "For the pension form I gave them P-R, twenty-one, thirty-three, forty-five, A, over the phone.",
            "For the pension form I gave them [NI number A], over the phone.",
        ),
        (
            "I spelled it out for her: J, K, one two, three four, five six, B.",
            "I spelled it out for her: [NI number A].",
        ),
        # an announcing word in the sentence, or in the question before
        (
            "Interviewer: And your collar number? Respondent: Two, eight, seven, five. They all know it.",
            "Interviewer: And your collar number? Respondent: [Collar number A]. They all know it.",
        ),
        (
            "Interviewer: Could I have your warrant number? Only if you're happy. Respondent: Yeah. It's two nine nine four one.",
            "Interviewer: Could I have your warrant number? Only if you're happy. Respondent: Yeah. It's [Warrant number A].",
        ),
        (
            "My badge number was six-one-one-nine back then, they chanted it at the gates.",
            "My badge number was [Collar number A] back then, they chanted it at the gates.",
        ),
        (
            "He shouted my shoulder number, kay four oh two, across the car park.",
            "He shouted my shoulder number, [Collar number A], across the car park.",
        ),
        (
            "The post had my warrant number, which is four, one, seven, seven, zero, two.",
            "The post had my warrant number, which is [Warrant number A].",
        ),
        (
            "The old NHS number on her file was six one two, oh five eight, three three seven eight.",
            "The old NHS number on her file was [NHS number A].",
        ),
        (
            "They had our reg as well, Kilo Lima one nine, X-ray Yankee Zulu, on the same page.",
            "They had our reg as well, [Vehicle A], on the same page.",
        ),
        # pairs ("forty-four") only right after the announcing word
        (
            "Her shoulder number's twenty-three fifteen, and he had it on his page.",
            "Her shoulder number's [Collar number A], and he had it on his page.",
        ),
        # an international prefix, "hundred" in a freephone number, spelled plate letters
        (
            "The number on the flyer was plus four four, seven seven double oh, nine double oh, two six one.",
            "The number on the flyer was [Phone A].",
        ),
        (
            "The helpline he gave out was oh eight hundred, double five, six one two nine, which is ours.",
            "The helpline he gave out was [Phone A], which is ours.",
        ),
        (
            "Her registration is M V Z six one one nine, so it's on every list.",
            "Her registration is [Vehicle A], so it's on every list.",
        ),
        (
            "My NI number's tee aitch, one two, three four, five six, D, if that helps.",
            "My NI number's [NI number A], if that helps.",
        ),
        (
            "Then he read the postcode back, B-D, seven, three, H-J, and it was ours.",
            "Then he read the postcode back, [Postcode A], and it was ours.",
        ),
        (
            "Everyone knows four-o-one-six, that's my collar number.",
            "Everyone knows [Collar number A], that's my collar number.",
        ),
        (
            "The warrant number on the screenshot was Whiskey three one one eight five.",
            "The warrant number on the screenshot was [Warrant number A].",
        ),
        (
            "Her reg is kay eff zed, seven eight four two, it's on every list.",
            "Her reg is [Vehicle A], it's on every list.",
        ),
        (
            "My collar number got out on a Facebook group. Then somebody rang the front desk: six two nine one, they kept saying.",
            "My collar number got out on a Facebook group. Then somebody rang the front desk: [Collar number A], they kept saying.",
        ),
        # a rank right before the number
        (
            "He'd stand outside shouting Sergeant three three one eight, we know where you live.",
            "He'd stand outside shouting Sergeant [Collar number A], we know where you live.",
        ),
        # a run that reads the same as an identifier found in the text
        (
            "My collar number is 6620 and the lads in the cells sing six six two oh at me.",
            "My collar number is [Collar number A] and the lads in the cells sing [Collar number A] at me.",
        ),
        (
            "It's oh seven seven double oh, nine double oh, seven one four. Oh seven seven double oh, nine double oh, seven one four.",
            "It's [Phone A]. [Phone A].",
        ),
    ],
)
def test_digits_read_out(text, expected):
    assert redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I went back two or three times, maybe four or five in the end.",
        "The shift starts at seven thirty and we're off at five.",
        "It cost us two hundred and fifty quid to fix the door.",
        "She's fourteen, he's eleven, and the baby's two.",
        "That was back in nineteen ninety-eight, before the forces merged.",
        "We had one, two, three calls about it that night.",
        "If it happens again, ring nine nine nine, don't wait.",
        "My number was up, I thought, when twenty, thirty people turned up outside.",
        "My collar number got read out about six or seven times in the video.",
        "One of them said one thing and then two of them said another.",
        "I'd done twenty-five years, thirty-one by the time I left.",
        "He came back at half six, then again at ten to eight.",
        "My collar number was on the post, and he'd been in twenty, thirty, forty times.",
        "The badge number got shared. Anyway, one, two, three, and the video was gone.",
        "Since I got my collar number, section one three six jobs have doubled.",
        "Ring one oh one if it's not an emergency.",
        "I was seventeen, eighteen when I first thought about joining.",
        "The constable two doors down said three or four cars had gone past.",
    ],
)
def test_number_talk_stays(text):
    assert redact(text)[0] == text


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "My date of birth is the third of June, nineteen ninety-one, and it was on the flyer.",
            "My date of birth is the [Date of birth A], and it was on the flyer.",
        ),
        (
            "Her youngest was born on the twelfth of August two thousand and nine, and they had that too.",
            "Her youngest was born on the [Date of birth A], and they had that too.",
        ),
        (
            "My DOB's the ninth of the eleventh, oh four, so I'd only just turned eighteen.",
            "My DOB's the [Date of birth A], so I'd only just turned eighteen.",
        ),
        (
            "The post said he was born 3rd Sept 79 and lived alone.",
            "The post said he was born [Date of birth A] and lived alone.",
        ),
        (
            "They even had my birthday, the twenty-first of March, under the photo.",
            "They even had my birthday, the [Date of birth A], under the photo.",
        ),
        (
            "Somebody posted my date of birth. March the fifth, eighty-two, with my maiden name.",
            "Somebody posted my date of birth. [Date of birth A], with my maiden name.",
        ),
        (
            "She was born, if I remember, on Friday the 9th of October 2009, in a storm.",
            "She was born, if I remember, on Friday the [Date of birth A], in a storm.",
        ),
        (
            "My DOB is fourteen, four, eighty-one, and that was on the screenshot.",
            "My DOB is [Date of birth A], and that was on the screenshot.",
        ),
        (
            "They put her birthday, the 6th of June, 14 of us had been at the party.",
            "They put her birthday, the [Date of birth A], 14 of us had been at the party.",
        ),
        (
            "His DOB was oh two, oh three, eighty-eight, I remember, because it was on the charge sheet.",
            "His DOB was [Date of birth A], I remember, because it was on the charge sheet.",
        ),
        (
            "Somebody wrote my D-O-B under the photo, March 2nd, 88.",
            "Somebody wrote my D-O-B under the photo, [Date of birth A].",
        ),
        (
            "He was born in March nineteen eighty-eight, and they had that.",
            "He was born in [Date of birth A], and they had that.",
        ),
        (
            "Her birthday's on the 30th of November, and they sent a card to the station.",
            "Her birthday's on the [Date of birth A], and they sent a card to the station.",
        ),
    ],
)
def test_dates_of_birth_in_words(text, expected):
    assert redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We went to court on the third of March, twenty twenty-two, and he got off.",
        "My birthday party was cancelled and we met on the fifth of June instead.",
        "He was born in nineteen eighty, I think, somewhere up north.",
        "The day after my birthday, on the second of May 2019, they posted it.",
        "It was my birthday on the fourth of July, twenty years ago now.",
        "I was born in March, twenty years after my brother.",
        "My birthday's in a fortnight and 12 of us are going out.",
        "My birthday is in May and we had a barbecue on the second of June.",
        "The first of March is a Sunday this year, so the concert moved.",
    ],
)
def test_dates_that_are_not_birth_dates_stay(text):
    assert redact(text)[0] == text


def test_a_phonetic_word_that_is_a_name_is_not_spelled_into_the_number():
    text = "Victor, seven seven one two, that's the collar number they shouted."
    collars = [text[s:e] for s, e, kind, _ in find_identifiers(text) if kind == "collar_number"]
    assert collars == ["seven seven one two"]


def test_an_echo_takes_the_kind_and_identity_of_the_written_form():
    text = "My collar number is 5120, and the kids shout five one two oh when I walk past."
    found = [(text[s:e], kind, ident) for s, e, kind, ident in find_identifiers(text)]
    assert ("5120", "collar_number", "5120") in found
    assert ("five one two oh", "collar_number", "5120") in found


# ---------------------------------------------------------------------------------------
# Runs cut by the search window, codes said twice, "the old one", plates and NI numbers
# read in the phonetic alphabet (sentences written for these tests)
# ---------------------------------------------------------------------------------------


def _spans(text):
    return {(text[s:e], k) for s, e, k, _ in find_identifiers(text)}


def test_a_run_at_the_edge_of_the_search_window_is_read_whole():
    # the guard words of the first run open a search window that ends inside the second
    # run ("five one| one eight"): the second run is still read whole, and found again
    mid = "with a cartoon pig at the top and a few hundred likes and a lot of angry comments under it, "
    text = (
        "My badge number, five one one eight, got out, and then a page nobody reads, "
        + (mid * 2)[:121]
        + " has Hash five one one eight."
    )
    found = [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "collar_number"]
    assert found == ["five one one eight", "five one one eight"]


def test_a_code_spelled_twice_over_is_two_codes():
    text = 'My collar number is K3306. He chanted "K-three-three-oh-six, K-three-three-oh-six" at me.'
    found = _spans(text)
    assert found >= {("K-three-three-oh-six", "collar_number"), ("K3306", "collar_number")}


def test_the_pronoun_one_is_not_read_as_a_digit():
    text = "They rang the new one, oh one six one, four nine six, oh eight seven two, at midnight."
    assert ("oh one six one, four nine six, oh eight seven two", "phone") in _spans(text)


def test_an_ni_number_read_out_keeps_its_final_phonetic_letter():
    text = "He read it out on the call, Juliet Kilo four one, two six, nine nine, Charlie, then hung up."
    assert ("Juliet Kilo four one, two six, nine nine, Charlie", "ni_number") in _spans(text)


@pytest.mark.parametrize(
    "text, plate",
    [
        (
            "She drives a grey Fiesta, Lima Mike six eight, Papa Oscar Romeo, and it was posted.",
            "Lima Mike six eight, Papa Oscar Romeo",
        ),
        (
            "They'd clocked his van, Hotel November seven zero, Bravo Echo Kilo, outside the house.",
            "Hotel November seven zero, Bravo Echo Kilo",
        ),
    ],
)
def test_a_plate_read_in_the_phonetic_alphabet(text, plate):
    assert (plate, "vehicle") in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "The call sign was Alpha Bravo two one, and then Charlie Delta.",
        "We counted one, two, three, four, one, two, three, four at the drill.",
        "It went from zero to sixty in no time, and four or five cars followed.",
    ],
)
def test_phonetic_and_counting_look_alikes_stay(text):
    assert redact(text)[0] == text


# ---------------------------------------------------------------------------------------
# Due dates, a birthday's date said as its own sentence, corrected and restated dates of
# birth, dates of birth in a record (sentences written for these tests)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("My partner's pregnant, she's due on the 14th of March, and they found out.", "14th of March"),
        ("Our Ceri was expecting, due the ninth of October, and it went on a forum.", "ninth of October"),
        ("The scan photo had the due date on it. The third of the seventh. Everyone saw.", "third of the seventh"),
        ("It was two days after my birthday, that's how I remember. I'm the 30th of April.", "30th of April"),
        (
            "His date of birth, hang on, the fourth of the ninth, seventy-six. No, sorry, four ten seventy-six.",
            "four ten seventy-six",
        ),
        ("It had his date of birth, 12/03/1979, the twelfth of March, on the front.", "twelfth of March"),
        ("The payslip showed her date of birth, 08 Tachwedd 1991, in Welsh.", "08 Tachwedd 1991"),
    ],
)
def test_dates_of_birth_without_a_year_or_restated(text, date):
    assert (date, "date_of_birth") in _spans(text)


@pytest.mark.parametrize(
    "text, date",
    [
        ("The export read: Owen Pryce, 3 July 1987, NX 41 22 90 C, then the next officer.", "3 July 1987"),
        ("Second line: NHS 412 873 9952, 27/02/1969, and a home address.", "27/02/1969"),
    ],
)
def test_a_full_date_beside_a_code_in_a_record_is_a_date_of_birth(text, date):
    assert (date, "date_of_birth") in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rent was due on the 3rd of May and the baby had a cold.",
        "My council tax is due the 1st of June, which is also when the baby clinic opens.",
        "My birthday was fine. The 9th of May was when it started, weeks later.",
        "We met on the 5th of June. I'm the one who called it in.",
        "The job was logged on 3 May 2024, collar number 4417 attended.",
        "The warrant was served on the 4th of May, 2021, at six.",
        "The log said PC 4417, 03/05/2024, attended, and nothing else.",
        "Call from 07700 900461, 2 March 2025, asking for the duty sergeant.",
    ],
)
def test_event_dates_and_bills_stay(text):
    assert not any(k == "date_of_birth" for _, k in _spans(text))


def _kinds(text):
    return {(text[s:e], k) for s, e, k, _ in find_identifiers(text)}


@pytest.mark.parametrize(
    "text, code, kind",
    [
        ("Warrant number? Give me a second. 5 1 9 0 3 7. That's the one.", "5 1 9 0 3 7", "warrant_number"),
        ("He wanted my collar number, so I gave him 4-0-9-2 and he wrote it down.", "4-0-9-2", "collar_number"),
        ("My badge number is 7, 7, 3, 1, and it was in the post.", "7, 7, 3, 1", "collar_number"),
        (
            "His collar number, read very slowly, was four... one... nine... two.",
            "four... one... nine... two",
            "collar_number",
        ),
        ("Collar. 2-8-1-5. That's what they wrote.", "2-8-1-5", "collar_number"),
        (
            "Warrant card. Okay. Um. Nine oh two six one four. I had to look.",
            "Nine oh two six one four",
            "warrant_number",
        ),
    ],
)
def test_digits_one_by_one_with_spaces_hyphens_or_pauses(text, code, kind):
    assert (code, kind) in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My collar number's on the form. We won 3-1-0 on aggregate, three games.",
        "Collar number aside, count with me: 1 2 3 4 and breathe.",
        "My collar's fine. Room 4-0-4 is where we sat.",
        "Warrant card in my pocket, I paid 2 5 0 quid for the course.",
        "The collar number talk came up. Then we rang 9 9 9 twice.",
    ],
)
def test_spaced_digits_that_are_no_code_stay(text):
    assert not any(k in ("collar_number", "warrant_number") for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, date",
    [
        ('She posted the scan with "baby number two due 9 october" under it.', "9 october"),
        ("Pregnant with twins and due 14/3, so I was off work by then.", "14/3"),
        ("My partner's expecting, the baby's due on the 2nd feb, and they knew.", "2nd feb"),
        ("He had her birthday too, the 11th of the 9th, off a card.", "11th of the 9th"),
    ],
)
def test_due_dates_and_a_month_said_as_an_ordinal_number(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby was fine but the rent was due 3 weeks ago.",
        "After the scan the car tax was due 12 months later.",
        "Pregnant or not, the report is due 5 of us to sign.",
        "No pregnancy talk here: the essay is due 9 october.",
    ],
)
def test_due_look_alikes_stay(text):
    assert not any(k == "date_of_birth" for _, k in _kinds(text))


# ---------------------------------------------------------------------------------------
# A filler inside digits read out; dates of birth restated as a sentence, after a name,
# with a comma after the month, or as a named day (sentences written for these tests)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        (
            'Then he read my mobile back to me, "oh seven seven oh oh, nine oh oh, er, four one three".',
            "oh seven seven oh oh, nine oh oh, er, four one three",
        ),
        (
            "My number's oh one one three, um, four nine six, oh two two one.",
            "oh one one three, um, four nine six, oh two two one",
        ),
    ],
)
def test_a_filler_inside_a_phone_number_read_out(text, code):
    assert (code, "phone") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "We counted two, er, three of them, then four, um, five more.",
        "It took two, erm, three hours at most.",
    ],
)
def test_fillers_between_counts_stay(text):
    assert not any(k in ("phone", "collar_number", "warrant_number") for _, k in _kinds(text))


@pytest.mark.parametrize(
    "text, date",
    [
        ("My birthday's on the ninth of May. 9th of May. Everyone knows it now.", "9th of May"),
        ('The post said "Mr Ian Crowe, 04.07.1961, lives Park Road." His date of birth, posted.', "04.07.1961"),
        (
            "I was born in the June, fourth, nineteen seventy-nine, if it matters.",
            "June, fourth, nineteen seventy-nine",
        ),
        ("They knew my birthday's Boxing Day, which hardly anyone knows.", "Boxing Day"),
        ("She was born on Christmas Day, so the card came then.", "Christmas Day"),
    ],
)
def test_dates_of_birth_restated_after_a_name_or_named(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My birthday's on the ninth of May. 9th of May was also the day of the match, mind.",
        "I emailed Mr Ian Crowe, 04.07.2024, about his date of birth being wrong.",
        'The post said "Mr Ian Crowe, 04.07.1961, lives Park Road." and nothing more.',
        "Birthdays, Christmas Day, Boxing Day: I've worked them all.",
        "On my birthday, Christmas Day, Easter, bank holidays, I'm on shift.",
        "I was born in March, first of three, in Hull.",
    ],
)
def test_dates_that_are_not_restated_birth_dates_stay(text):
    found = _kinds(text)
    assert not any(
        k == "date_of_birth" and any(w in s for w in ("9th", "04.07", "Christmas", "Boxing", "first")) for s, k in found
    ), found


def test_a_birth_date_restated_after_yeah():
    text = "His birthday's Bonfire Night. Yeah, fifth of November, every year fireworks."
    assert ("fifth of November", "date_of_birth") in _kinds(text)


def test_a_code_said_again_in_paired_words_right_beside_it():
    text = "My collar was 7314, or seventy-three fourteen as the sergeant said it."
    assert ("seventy-three fourteen", "collar_number") in _kinds(text)


def test_paired_words_far_from_the_code_stay():
    text = "My collar was 7314. Later on, at the hotel, we sang seventy-three fourteen times over."
    found = _kinds(text)
    assert not any(k == "collar_number" and "seventy" in s for s, k in found)


# ---------------------------------------------------------------------------------------
# Web addresses spelled aloud, dates of birth in lists and asides (sentences written for
# these tests)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,part",
    [
        (
            'She left a voice note: "try w-w-w dot hexham-snoops dot example dot com forward slash Okafor".',
            "w-w-w dot hexham-snoops dot example dot com forward slash Okafor",
        ),
        (
            'He read it off his phone, "h-t-t-p-s colon slash slash rogue-rozzers dot example dot net" and laughed.',
            "h-t-t-p-s colon slash slash rogue-rozzers dot example dot net",
        ),
        (
            "The caller spelled it: aitch tee tee pee, colon, slash slash, name-and-shame, dot example dot org, "
            "slash east-riding. Then hung up.",
            "aitch tee tee pee, colon, slash slash, name-and-shame, dot example dot org, slash east-riding",
        ),
        (
            "It was double-u double-u double-u, dot, grassed-up dot co dot uk, slash tyneside, on the flyer.",
            "double-u double-u double-u, dot, grassed-up dot co dot uk, slash tyneside",
        ),
    ],
)
def test_a_web_address_spelled_aloud(text, part):
    start = text.index(part)
    spans = [(s, e) for s, e, k, _ in find_identifiers(text) if k == "url"]
    assert any(s <= start and start + len(part) <= e for s, e in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        'He spelled his e-mail, "bex, underscore, hall, at example dot com", down the line.',
        "It was a dot com boom, and we all lost money. Dot the i's, she said.",
        "I'll see you at the pub dot on seven, then.",
    ],
)
def test_spoken_dots_that_are_no_web_address_stay(text):
    assert not any(k == "url" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text,date",
    [
        ("Our Jack's birthday was that week, the 14th of August, he'd just turned nine.", "14th of August"),
        ("The scan said due date -- we'd not told anyone, mind -- the 2nd of February.", "2nd of February"),
        ("And they knew his birthday, nineteenth o' March, and the school.", "nineteenth o' March"),
        (
            'Asked for her date of birth over the phone -- "the third of the ninth, two thousand and eight" -- '
            "and she said it.",
            "the third of the ninth, two thousand and eight",
        ),
        ('They had my children\'s birthdays. "Maisie, 2nd July. Harvey, 30th January." On a forum.', "30th January"),
        ('It listed dates of birth: "Kowalczyk, 21/07/1994. Mbeki, 09/10/1988." and more.', "09/10/1988"),
    ],
)
def test_dates_of_birth_in_asides_lists_and_dialect(text, date):
    assert (date, "date_of_birth") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My birthday was last week and on the 3rd of May I went to court.",
        "The rent was due -- as ever, sadly -- the 6th of May.",
        "Dear Sarah, 3rd March works for me. Happy birthday to your mum.",
        "Born and bred in Leeds. The rota: Kowalczyk, 14/11/2023. Mbeki, 02/05/2024.",
        "Happy birthday to Tom. Shifts: Kowalczyk, 14th March; Mbeki, 2nd May, nights.",
    ],
)
def test_event_dates_in_lists_and_asides_stay(text):
    assert not any(k == "date_of_birth" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text,part,kind",
    [
        (
            'The text said "ur mam drives the blue kia D-F-seven-one, K-W-Z lol" and nothing else.',
            "D-F-seven-one, K-W-Z",
            "vehicle",
        ),
        ("They wrote his van is the white one P-L-two-three, M-Y-O on the drive.", "P-L-two-three, M-Y-O", "vehicle"),
        (
            "The reg went over the radio as Kilo Lima Seven Niner, Delta Foxtrot Romeo, twice.",
            "Kilo Lima Seven Niner, Delta Foxtrot Romeo",
            "vehicle",
        ),
        (
            'She asked "is your National Insurance ar, ee, four, four, oh, nine, one, two, bee?" out loud.',
            "ar, ee, four, four, oh, nine, one, two, bee",
            "ni_number",
        ),
    ],
)
def test_plates_and_ni_numbers_spelled_in_groups(text, part, kind):
    assert (part, kind) in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "We had one, two, then three more cars after that, all red.",
        "The wee one ee, she was six, nine at most, when it happened.",
        "I got the black one in the end, a Golf, six years old.",
    ],
)
def test_spelled_plate_look_alikes_stay(text):
    assert not any(k in ("vehicle", "ni_number") for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text,date",
    [
        ("It's my daughter's birthday on the ninth of October, she'll be ten.", "ninth of October"),
        ("The text said 'we know ur lad, dob 3 11 09, we know his school'.", "3 11 09"),
        ("The date of birth of my little girl, Nia, the fourth of March, was on the post.", "fourth of March"),
    ],
)
def test_dates_of_birth_after_birthday_on_spaced_figures_and_whose(text, date):
    assert (date, "date_of_birth") in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The dob field said 12 30 on the form, a time, not a date.",
        "We met the day after her birthday, on the ninth of October, at court.",
    ],
)
def test_figures_and_days_near_a_birthday_stay(text):
    assert not any(k == "date_of_birth" for _, k in _kinds(text)), _kinds(text)


def test_a_web_address_with_its_host_spelled_letter_by_letter():
    text = "He spelled it out: H T T P S colon slash slash, W W W dot, G R A S S, U P dot example dot com. Then went."
    urls = [(text[s:e], i) for s, e, k, i in find_identifiers(text) if k == "url"]
    assert urls == [
        ("H T T P S colon slash slash, W W W dot, G R A S S, U P dot example dot com", "grassup.example.com")
    ], urls
    assert not any(k == "url" for _, k in _kinds("I got an A B dot com, nothing else, in the quiz."))


@pytest.mark.parametrize(
    "text,part,kind",
    [
        ("My fiftieth was on the 8th of November, and the card came that morning.", "8th of November", "date_of_birth"),
        ("Her 21st is on the 2nd of June, and they posted the invite.", "2nd of June", "date_of_birth"),
        ("My lad's birthday, which is the 17th of May, was in the post.", "17th of May", "date_of_birth"),
        ("Their birthday's coming up, the 4th of January, and they knew.", "4th of January", "date_of_birth"),
        ("They put his birthday (26th of July) under his photo.", "26th of July", "date_of_birth"),
        ("They had my daughter's birthday as well, the 1st of March.", "1st of March", "date_of_birth"),
        ("The message said her car was P A one two K L M, parked up.", "P A one two K L M", "vehicle"),
        (
            "It said dub dub dub dot nosy-parkers dot example dot com slash leeds.",
            "dub dub dub dot nosy-parkers dot example dot com slash leeds",
            "url",
        ),
    ],
)
def test_ordinal_birthdays_asides_spelled_capitals_and_dub_dub_dub(text, part, kind):
    assert (part, kind) in _kinds(text), _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The 5th was on the 3rd of May. My fortieth was a big do. My 5th shift was on the 9th of May.",
        "I got an A in maths, B A one two three, C, and a D A.",
    ],
)
def test_ordinal_and_capital_look_alikes_stay(text):
    assert not any(k in ("date_of_birth", "vehicle") for _, k in _kinds(text)), _kinds(text)


def test_spoken_web_address_with_dashes_said_and_a_birthday_put_up():
    text = "Go to w w w dot bent-bobbies dash york dot example dot co dot uk slash n dash yorks, it's all there."
    urls = [i for s, e, k, i in find_identifiers(text) if k == "url"]
    assert urls == ["bent-bobbies-york.example.co.uk/n-yorks"], urls
    assert ("5th of the 9th", "date_of_birth") in _kinds("They put his birthday up: 5th of the 9th.")


@pytest.mark.parametrize(
    "text,date",
    [
        ('Her profile just said "21/03/09 🎂" under the photo.', "21/03/09"),
        ("My date of birth is 2nd June 1979, and my wife's, 30/11/81. They had both.", "30/11/81"),
    ],
)
def test_a_date_beside_a_birthday_cake_and_another_persons_said_after_one(text, date):
    assert (date, "date_of_birth") in _kinds(text), _kinds(text)


def test_a_date_with_no_cake_or_birth_nearby_stays():
    text = "Her profile said 21/03/09 under the photo 📷, and my wife's car, 30/11/81 reg, was mentioned."
    assert not any(k == "date_of_birth" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text,date",
    [
        (
            "They had her date of birth as 9th of June 1981, which is wrong, it's the 19th of June, still.",
            "19th of June",
        ),
        ('He posted my daughter\'s passport page. "Amelia Crane, 04 SEP 2009". Then our road.', "04 SEP 2009"),
    ],
)
def test_a_corrected_birth_date_and_a_date_printed_on_a_passport(text, date):
    assert (date, "date_of_birth") in _kinds(text), _kinds(text)


def test_a_printed_date_with_no_document_or_birth_spoken_of_stays():
    text = 'The email came from "Amelia Crane, 04 SEP 2011", about the rota.'
    assert not any(k == "date_of_birth" for _, k in _kinds(text)), _kinds(text)


@pytest.mark.parametrize(
    "text,date",
    [
        ("The page listed the children's birthdays: Oscar 7th April, Ruby 22nd August.", "22nd August"),
        ('Their birthdays were on it. "Ellie - 9th May; Jake - 1st December".', "1st December"),
    ],
)
def test_a_list_of_names_and_birthdays_without_commas(text, date):
    assert (date, "date_of_birth") in _kinds(text), _kinds(text)


def test_names_and_dates_with_no_list_of_birthdays_stay():
    text = "My birthday is in May. I met Sarah 3rd March, at the station, and Tom 4th May."
    assert not any(k == "date_of_birth" for _, k in _kinds(text)), _kinds(text)


# Round 20: a due date in a text that speaks of a bump; a birthday changed to a date
@pytest.mark.parametrize(
    "text, date",
    [
        ("She's due on the 3rd of June, and someone commented on her bump.", "3rd of June"),
        ("They hacked her profile and changed her birthday to 25th of December for a laugh.", "25th of December"),
        ("Someone set his birthday as the 1st of January on the fake page.", "1st of January"),
    ],
)
def test_round20_due_dates_by_a_bump_and_birthdays_changed(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bump in the road was due on Friday to be fixed.",
        "On the 9th of October we went to the bump track, the invoice was due on the 3rd of May.",
        "We changed the party from his birthday to the 4th of May, a Saturday.",
        "I moved my birthday drinks to the 12th of July.",
    ],
)
def test_round20_due_and_changed_look_alikes_stay(text):
    assert not any(k == "date_of_birth" for _, k in _kinds(text))


# Round 20: a current plate spelled letter by letter with "O" among its letters
@pytest.mark.parametrize(
    "text, plate",
    [
        ("Her Corsa was on it, W O one two, K O P, parked outside.", "WO12KOP"),
        ("The van, L D six one, X O B, was in the photo.", "LD61XOB"),
    ],
)
def test_round20_spelled_plates_with_the_letter_o(text, plate):
    assert any(k == "vehicle" and i == plate for _s, _e, k, i in find_identifiers(text))


def test_round20_a_phone_with_oh_stays_a_phone():
    text = "Ring me on oh seven seven double oh nine, oh one two three four."
    assert not any(k == "vehicle" for _s, _e, k, _i in find_identifiers(text))


# Round 20: "number" said of a warrant card named just before, then digits read out
@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Her warrant card, the one from training school, number four one one eight two, went missing.",
            "warrant_number",
        ),
        ("My collar, on the old jacket, number three three nine one, was in the picture.", "collar_number"),
    ],
)
def test_round20_number_said_of_a_code_named_before(text, kind):
    assert any(k == kind for _s, _e, k, _i in find_identifiers(text))


@pytest.mark.parametrize(
    "text",
    [
        "His warrant card was in the bag, room number one one two, at the hotel.",
        "Warrant card in my pocket. We got the bus, number one two three, to town.",
    ],
)
def test_round20_a_numbered_thing_after_a_warrant_card_stays(text):
    assert not any(k in ("warrant_number", "collar_number") for _s, _e, k, _i in find_identifiers(text))


# Round 20: a due date's day said again alone later ("see you on the 28th")
def test_round20_a_due_day_said_again():
    text = 'She\'s pregnant and due on the 14th of May. The message said "see you on the 14th" and nothing else.'
    spans = {(text[s:e], k) for s, e, k, _i in find_identifiers(text)}
    assert ("14th of May", "date_of_birth") in spans and ("14th", "date_of_birth") in spans


@pytest.mark.parametrize(
    "text",
    [
        "She's pregnant and due on the 14th of May, and on the 2nd we went to the scan.",
        "The baby's due on the 14th of May. The rent is due on the 14th of June.",
        "On the 9th of October we went, and the baby was born. We left on the 9th.",
    ],
)
def test_round20_other_days_after_a_due_date_stay(text):
    found = [(text[s:e], k) for s, e, k, _i in find_identifiers(text)]
    assert not any(
        k == "date_of_birth" and span in ("2nd", "9th", "14th of June", "9th of October") for span, k in found
    )


@pytest.mark.parametrize(
    "text, date",
    [
        ("We'd hoped for May but Noor was born on the twenty-third, in a snowstorm.", "twenty-third"),
        ("My lad got a card, 'happy birthday for the 4th, big man', pinned on the page.", "4th"),
        ("Her due date for our second is the 12th of November, nobody at work knows.", "12th of November"),
    ],
)
def test_a_day_alone_after_born_on_the_and_a_due_date_for_our_next(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("He was born on the 4th floor of the old hospital.", "4th"),
        ("It's her birthday on the third time of asking, we'll see.", "third"),
        ("I was born on the Wirral and moved on the 9th, for work, in 2019.", "9th"),
        ("My birthday's coming, we're on the second shift on the 30th.", "30th"),
    ],
)
def test_days_alone_that_are_not_births_stay(text, look_alike):
    assert not any(k == "date_of_birth" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, date",
    [
        (
            "The export had warrant numbers and dates of birth. Not a word of a lie. "
            "Row 40, Hussain, Amir, 5512, WY/30218, 21/03/1979, 4 Mill Lane.",
            "21/03/1979",
        ),
    ],
)
def test_a_full_date_beside_a_staff_code_in_a_record_of_dates_of_birth(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        (
            "They had dates of birth on the list, mostly wrong. I was shown it twice. "
            "Then a line, warrant WY/30218, 14/06/2022, the day he attended.",
            "14/06/2022",
        ),
        ("The warrant 5512 was served on 21/03/1999, at the flat, collar 4410 with me.", "21/03/1999"),
    ],
)
def test_dates_beside_staff_codes_that_are_not_births_stay(text, look_alike):
    assert not any(k == "date_of_birth" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, date",
    [
        ("Her date of birth was wrong on the forum. They put the second of August.", "second of August"),
        ("My birthday, they even got that wrong. They wrote the 3rd of June.", "3rd of June"),
    ],
)
def test_a_date_of_birth_written_down_wrong_in_the_next_sentence(text, date):
    assert (date, "date_of_birth") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("My birthday was fine. They put the meeting on the fourth of July.", "fourth of July"),
        ("My date of birth they got right. They put the bins out on the 4th of May, late.", "4th of May"),
        ("Her birthday's in spring. They had the raid in May.", "May"),
    ],
)
def test_other_dates_they_put_stay(text, look_alike):
    assert not any(k == "date_of_birth" and look_alike in s for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, ni",
    [
        # NI numbers with their letters in lower case, as sounds, or a final letter before a dash
        ("My NI number, jy four two one nine oh six b, was on a payslip photo.", "jy four two one nine oh six b"),
        (
            "They had my national insurance, aitch ee two two, four one, nine six, dee, from a letter.",
            "aitch ee two two, four one, nine six, dee",
        ),
        (
            "My NI — W L one five three three eight two C — went round the group chat.",
            "W L one five three three eight two C",
        ),
        (
            "My NI number is S E, forty-one, twenty, eighteen, A and nothing else.",
            "S E, forty-one, twenty, eighteen, A",
        ),
    ],
)
def test_an_ni_number_said_loosely(text, ni):
    assert (ni, "ni_number") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("The NI office said to ring at five to nine, and to be there by six.", "to nine"),
        ("My NI went up, so at six two one four nine a week I'm skint.", "at six"),
        ("The NI paperwork came, he had three one two four five six cats, a joke.", "he had"),
    ],
)
def test_loose_ni_look_alikes_stay(text, look_alike):
    assert not any(k == "ni_number" for s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, date",
    [
        # a person who is a day, where the text speaks of birthdays
        ("They had all the birthdays. Ellie is the 9th of March and Josh is the 2nd of May.", "9th of March"),
        ("They had all the birthdays. Ellie is the 9th of March and Josh is the 2nd of May.", "2nd of May"),
        ("Our birthdays were on the page. Nadia's the fourteenth of October.", "fourteenth of October"),
        # a sentence of the announcing word and the date opening the next
        ("What did they post? My birthday. 14th of the 6th, and my address.", "14th of the 6th"),
        ("I: When's her birthday? P: Yeah, the ninth of March.", "ninth of March"),
        # another person's, "the" before it
        ("My DOB's 3/4/79, and my husband's, the 22nd of May 1977, with a cake emoji.", "22nd of May 1977"),
    ],
)
def test_a_birthday_said_of_a_person_or_as_an_answer(text, date):
    from toolkit.qual.redact import Redactor

    found = Redactor().find(text)
    assert (date, "date_of_birth") in set(zip(found["original"], found["kind"]))


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("It was my birthday party. Dave is the 3rd of May in court, though.", "3rd of May"),
        ("Dave is the 3rd of May. He's a Taurus, apparently.", "3rd of May"),
        ("Where was he born? The 3rd of May is when he was arrested, in Leeds.", "3rd of May"),
    ],
)
def test_days_that_are_not_said_as_birthdays_stay(text, look_alike):
    from toolkit.qual.redact import Redactor

    found = Redactor().find(text)
    assert not any(look_alike in o and k == "date_of_birth" for o, k in zip(found["original"], found["kind"]))


@pytest.mark.parametrize(
    "text, postcode",
    [
        # an outward code written, its inward code said a character at a time
        ('The postcode he read out was "SK4, nine, D, X", off an envelope.', "SK4, nine, D, X"),
        ("My postcode, LS6 two Alpha Bravo, was in the post.", "LS6 two Alpha Bravo"),
        ("The postcode's NE61 one, bee, tee, and the house number.", "NE61 one, bee, tee"),
    ],
)
def test_a_postcode_with_its_inward_code_spoken(text, postcode):
    assert (postcode, "postcode") in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The post said PC 4417, five, K, Z was there.",
        "He posted M25 one, I, V, as a joke about the motorway.",
    ],
)
def test_spoken_inward_code_look_alikes_stay(text):
    assert not any(k == "postcode" for _s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, plate",
    [
        # a plate spelled with one number word ("seventy"), phonetic letters around it
        (
            "My car, they wrote it as Kilo Tango sixty, Bravo Zulu Papa, on the post.",
            "Kilo Tango sixty, Bravo Zulu Papa",
        ),
        # a plate read out, then "one" opening the next words
        (
            "He put the plates on as N V one eight, K X P, one digit out, to fool the cameras.",
            "N V one eight, K X P",
        ),
    ],
)
def test_a_plate_said_with_phonetic_letters_or_before_one(text, plate):
    assert (plate, "vehicle") in _kinds(text)


@pytest.mark.parametrize(
    "text, look_alike",
    [
        ("We did a tango, then a foxtrot, for one night only, seventy people there.", "tango"),
        ("Bravo, he said, one more time, and the Kilo Club closed at nine.", "Bravo"),
    ],
)
def test_phonetic_look_alikes_stay(text, look_alike):
    assert not any(k == "vehicle" for _s, k in _kinds(text))


@pytest.mark.parametrize(
    "text, day",
    [
        # a day of birth corrected in the next sentence, then the date said again
        ("His date of birth was on there wrong. They put the ninth of June. It's the tenth.", "tenth"),
        (
            "My birthday's the 4th of May on the page. No, it's the 5th. 5th of May, 1982.",
            "5th of May, 1982",
        ),
    ],
)
def test_a_birth_day_corrected_and_said_again(text, day):
    from toolkit.qual.redact import Redactor

    found = Redactor().find(text)
    assert (day, "date_of_birth") in set(zip(found["original"], found["kind"]))


def test_a_day_after_a_birthday_that_is_no_correction_stays():
    from toolkit.qual.redact import Redactor

    found = Redactor().find("Her birthday was the 3rd of June. It's the 9th I go back to work.")
    assert "9th" not in set(found["original"])


@pytest.mark.parametrize(
    "text, outward",
    [
        # an outward code said in words right before the postcode written
        ("The postcode? P: M-two-one, M21 7TB, Chorlton.", "M-two-one"),
        ("Our address went up, then C F one four, CF14 3NX, which is us.", "C F one four"),
    ],
)
def test_an_outward_code_said_before_the_postcode(text, outward):
    assert (outward, "postcode") in _kinds(text)


def test_numbers_before_a_postcode_that_are_not_its_outward_code_stay():
    assert not any(k == "postcode" and s.startswith("four") for s, k in _kinds("It was four, five, B13 9QE."))
