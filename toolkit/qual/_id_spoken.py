"""Identifiers said aloud: digits read out one by one and dates of birth in words.

Called by :func:`toolkit.qual._identifiers.find_identifiers`: :func:`find` before the
overlaps are resolved (it calls ``add((start, end, kind, identity))`` for each candidate),
:func:`revise` on the resolved list at the end (it may drop or change candidates and
returns the list, non-overlapping).

**Digits read out.** A run of number words ("oh seven seven double nine", "four, zero,
one, six", "three-three-nine-one", "forty-four, nineteen, eighty-two", "oh eight
hundred"), with letters spelled in it ("T-H", "bee", "tee aitch", a single capital, the
phonetic alphabet when two letters stand together: "Charlie Lima", not "Mike, four..."),
is turned into the string it reads ("07799", "4016", "TH441982C"); its kind is decided by
that string's shape and the words that announce it:

* the shape alone for the shapes nobody reads out for anything else: a UK phone number
  (10 or 11 digits starting with 0, or "plus four four" and 10 more), an NHS number (10
  digits with a valid check digit), a National Insurance number (two letters, six
  digits, a letter), a postcode spelled out ("B-D, seven, three, H-J");
* a shape and an announcing word in the same sentence or the one before (an interviewer's
  question), or just after the run ("..., that's my collar number"): collar / shoulder /
  epaulette / badge or "my number" (3-6 digits, letters around them allowed), warrant
  (4-9 digits), NHS (10 digits), phone / mobile (10-11 digits), reg / registration /
  plate (a plate's shape, Northern Irish plates included), a rank right before it
  ("Sergeant three three four six");
* a run that reads the same as an identifier found in the same text ("HC 3391" ...
  "three-three-nine-one") takes that identifier's kind and identity.

The last two take runs with a word that reads two digits ("eleven", "forty-four",
"twenty"), and counting aloud ("one, two, three"), only right after the announcing word
("my collar number's twenty-three fifteen"): such words are far more often a count, an
age, a time or a year than part of a code. Never a run followed by a count or amount word
("two three four times", "quid", "o'clock") or after a preposition of time, amount or
numbering ("at seven thirty", "Section one three six") unless right after the announcing
word, a run that is a year ("nineteen eighty-eight"), nor 999 / 101 / 111.

**Dates of birth in words.** After "date of birth", "DOB", "birthday", "born" (the rest of
the sentence, or the next sentence when the rest holds no date): a date with the day or
year in words or a two-digit year ("the second of March nineteen eighty-eight", "the
fourteenth of the fourth, eighty-one", "born 21st Jan 91", "the 4th of May 86"; after
"born", written full dates too, which the window rules of ``_id_windows`` do not take
there), not after a temporal preposition ("on the third of May, 2024" dates an event)
unless that is "born on / in" or "birthday's on". Right after the announcing word only: a
day and month without a year ("her birthday too, the 2nd of April"), a date said as
numbers ("fourteen, four, eighty-one") and a month and year ("born in March nineteen
eighty-eight"). A "year" followed by a count word is not one ("the 6th of June, 14 of
us"). Between the announcing word and the date: an aside between dashes, "that week",
"as well", "which is", "of my wee boy, Euan,"; "my sixtieth was on the ..." announces
one too. A list of names and dates ("Isla, 3rd March. Fraser, 19th October."), a date
beside a birthday cake, another person's date said after one ("And my husband's,
17/08/84"), a date printed on a passport after a name, a date corrected after a wrong
one ("..., which is wrong, it's the 6th of May") are dates of birth.
"""

from __future__ import annotations

import re

from toolkit.qual import _id_windows as _win

# ---------------------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------------------

_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "nought": "0",
    "o": "0",  # "four-o-one-six"
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "niner": "9",  # the radio's "nine": "Six Niner"
}
_TEEN_WORDS = {
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
}
_TENS_WORDS = {
    "twenty": "2",
    "thirty": "3",
    "forty": "4",
    "fifty": "5",
    "sixty": "6",
    "seventy": "7",
    "eighty": "8",
    "ninety": "9",
}
_LETTER_NAMES = {
    "aitch": "H",
    "haitch": "H",
    "bee": "B",
    "cee": "C",
    "dee": "D",
    "gee": "G",
    "jay": "J",
    "kay": "K",
    "pee": "P",
    "tee": "T",
    "vee": "V",
    "zed": "Z",
    "ess": "S",
    "eff": "F",
    "double-you": "W",
    "ay": "A",
    "el": "L",
    "ell": "L",
    "em": "M",
    "en": "N",
    "ar": "R",
    "ex": "X",
    "ee": "E",  # "ar, ee, six, ...": an NI number's letters
}
_PHONETIC = {
    "alpha": "A",
    "alfa": "A",
    "bravo": "B",
    "charlie": "C",
    "delta": "D",
    "echo": "E",
    "foxtrot": "F",
    "golf": "G",
    "hotel": "H",
    "india": "I",
    "juliet": "J",
    "juliett": "J",
    "kilo": "K",
    "lima": "L",
    "mike": "M",
    "november": "N",
    "oscar": "O",
    "papa": "P",
    "quebec": "Q",
    "romeo": "R",
    "sierra": "S",
    "tango": "T",
    "uniform": "U",
    "victor": "V",
    "whiskey": "W",
    "whisky": "W",
    "x-ray": "X",
    "xray": "X",
    "yankee": "Y",
    "zulu": "Z",
}


def _alt(words):
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_D = _alt(_DIGIT_WORDS)
_D19 = _alt(w for w in _DIGIT_WORDS if _DIGIT_WORDS[w] != "0")
_TOKEN = (
    rf"(?i:(?:double|treble|triple)[\s-]*(?:{_D})|(?:{_D19})[\s-]+hundred"
    rf"|(?:{_alt(_TENS_WORDS)})(?:[ -](?:{_D19}))?"
    rf"|{_alt(_TEEN_WORDS)}|{_D}|{_alt(_LETTER_NAMES)}|{_alt(_PHONETIC)})(?![\w'’])"
    r"|[A-Z](?:-[A-Z])+(?![\w'’])"  # letters spelled with hyphens: "T-H", "M-A"
    r"|[B-HJ-Z](?![\w'’])"  # a single capital letter (not "A" or "I", which are words)
    r"|A(?=\s*(?:[,.;:!?)\"”’]|$))"  # "A" at the end of a code: "..., forty-five, A."
    r"|(?<=[B-HJ-Z][\s,-])A(?![\w'’])"  # "A" after a spelled capital: "M A one six X R T"
)
#: Between two words of a run: a comma, a hyphen, dots ("six... eight... zero") or spaces;
#: a filler between commas or spaces ("nine oh oh, two, er, seven one").
_SEP = r"(?:\s*[,-]\s*|\s*(?:\.{2,3}|…)\s*|\s+|(?:\s*,\s*|\s+)(?i:er|erm|um|uh)(?:\s*,\s*|\s+))"
#: A run of at least two number words or spelled letters.
RUN = re.compile(rf"(?<![\w'’-])(?:{_TOKEN})(?:{_SEP}(?:{_TOKEN}))+")
_TOKEN_RE = re.compile(_TOKEN)
#: Number words of which a text must show two close together before the run pattern is
#: tried (found with ``str.find``, far cheaper than the pattern; "oh", "zero" and the
#: letters are left out: a run of three digits or more has two of these, "oh seven oh"
#: aside).
_GUARD = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "niner",
    "zero",  # "seven zero": a plate's two digits ("Yankee Tango seven zero, ...")
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "eighty",
    "ninety",
    "double",
    "treble",
    "triple",
    # phonetic letters rare in other speech: a plate said with one number word
    # ("Yankee Foxtrot seventy, Charlie Kilo Tango")
    "yankee",
    "foxtrot",
    "kilo",
    "tango",
    "bravo",
    "zulu",
    "x-ray",
)
_GUARD_GAP = 16


def _clusters(folded: str) -> list[tuple[int, int]]:
    """``(from, to)`` around each pair of guard words that start words and lie within
    ``_GUARD_GAP`` characters of each other ("four, zero, one"): runs are looked for only
    there (a guard word inside a word, "someone", "often", starts no run)."""
    pos = _win.word_starts(folded, _GUARD)
    return [(max(0, a - 40), b) for a, b in zip(pos, pos[1:]) if b - a <= _GUARD_GAP]


_NOT_IDS = frozenset({"999", "101", "111", "112", "0999", "9999"})
#: Words before a run that make it an amount, a time, an age or a count.
_AMOUNT_BEFORE = re.compile(
    r"(?i:(?:£|\$|€)\s*$|\b(?:at|about|around|gone|past|till|until|by|from|half|quarter|aged?|"
    r"turned|turns|nearly|almost|over|under|roughly|maybe|like|only|just|than|of|in|since|"
    r"between|and|or|to|for|every)\s+$)"
)
_AMOUNT_AFTER = re.compile(
    r"(?i:\s*(?:o['’]?clock|a\.?m\b|p\.?m\b|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|"
    r"hundred|thousand|million|grand|quid|pounds?|pence|p\b|k\b|%|per\s?cent|or\b|"
    r"year|month|week|day|hour|minute|second|time|people|percent|mile|foot|feet|inch))"
)


def _tokens(text: str, s: int, e: int) -> list[tuple[int, int, str, str]]:
    """The words of the run ``text[s:e]``: ``(start, end, what it reads, sort)``, sort
    being "digit", "pair" (a word reading two digits or more: "eleven", "forty-four",
    "nine hundred"), "letter" or "phonetic"."""
    out = []
    for t in _TOKEN_RE.finditer(text, s, e):
        w = t.group().casefold()
        if w in _DIGIT_WORDS:
            read, sort = _DIGIT_WORDS[w], "digit"
        elif w in _TEEN_WORDS:
            read, sort = _TEEN_WORDS[w], "pair"
        elif w in _LETTER_NAMES:
            read, sort = _LETTER_NAMES[w], "letter"
        elif w in _PHONETIC:
            read, sort = _PHONETIC[w], "phonetic"
        elif w.endswith("hundred"):  # "oh eight hundred": 0800
            read, sort = _DIGIT_WORDS[re.split(r"[\s-]+", w)[0]] + "00", "pair"
        elif w.startswith(("double", "treble", "triple")):
            d = _DIGIT_WORDS[re.split(r"[\s-]+", w)[-1]]
            read, sort = d * (2 if w.startswith("double") else 3), "digit"
        elif re.fullmatch(r"[a-z](?:-[a-z])*", w):
            read, sort = w.replace("-", "").upper(), "letter"
        else:  # "forty", "forty-four", "forty four"
            parts = re.split(r"[ -]", w)
            read = _TENS_WORDS[parts[0]] + (_DIGIT_WORDS[parts[1]] if len(parts) > 1 else "0")
            sort = "pair"
        out.append((t.start(), t.end(), read, sort))
    return out


#: Phonetic-alphabet words that are also given names or ordinary words said before a
#: number ("Mike, four four one six", "November, two thousand and one").
_PHONETIC_WORDS = frozenset(
    "mike victor oscar charlie juliet juliett romeo india sierra november hotel golf echo delta uniform papa lima".split()
)


def _lone_phonetic(text, toks, i):
    """True when token ``i`` is a phonetic word that is also a name or a word, with no
    other letter beside it: "Mike, four four one six" names Mike; "Charlie Lima six one
    four" spells CL, and "Whiskey four four one seven two" W."""
    if toks[i][3] != "phonetic" or text[toks[i][0] : toks[i][1]].casefold() not in _PHONETIC_WORDS:
        return False
    near = [toks[j][3] for j in (i - 1, i + 1) if 0 <= j < len(toks)]
    return not any(k in ("letter", "phonetic") for k in near)


def _runs(text: str) -> list[tuple[int, int, str, int, int, bool]]:
    """Runs of number words in ``text``: ``(start, end, string read, digits, words,
    paired)``, with at least three digits, or digits and letters five characters long
    (a plate); ``paired`` when a word of the run reads two digits or more."""
    folded = text.casefold()
    windows = _clusters(folded)
    if not windows:
        return []
    if len(folded) != len(text):
        windows = [(0, len(text))]  # positions in the folded text are not the text's
    out = []
    for m in _window_matches(text, windows):
        toks = _tokens(text, m.start(), m.end())
        if toks and (_pronoun_one(text, toks[0]) or _one_before_plate(text, toks)):
            toks = toks[1:]
        while toks and _lone_phonetic(text, toks, 0):
            toks = toks[1:]
        if len(toks) > 4 and _written_code_letter(text, toks):
            toks = toks[1:]  # "TA 99 19 22 B, tango alpha, ...": "B" ends the code written before
        while toks and _lone_phonetic(text, toks, len(toks) - 1):
            if _NI.fullmatch("".join(t[2] for t in toks)):
                break  # "..., eight four, Delta": the NI number's final letter
            toks = toks[:-1]
        if len(toks) > 5 and text[toks[-1][0] : toks[-1][1]].casefold() == "one":
            # "plates to F J one five, O V M, one letter different": "one" opens the next words
            head = _letter_o("".join(t[2] for t in toks[:-1]))
            if _CURRENT_PLATE.fullmatch(head) and not _CURRENT_PLATE.fullmatch(_letter_o("".join(t[2] for t in toks))):
                toks = toks[:-1]
        for part in _halves(toks):
            string = "".join(t[2] for t in part)
            n_digits = sum(c.isdigit() for c in string)
            if n_digits < 3 and not (n_digits and len(string) >= 5):  # a plate: "Kilo Lima one nine, X-ray..."
                continue
            paired = any(t[3] == "pair" for t in part)
            out.append((part[0][0], part[-1][1], string, n_digits, len(part), paired))
    return out


def _reads_a_code(string):
    """True when ``string`` has the shape of an NI number, a postcode or a current plate."""
    return bool(_NI.fullmatch(string) or _postcode_read(string) or _CURRENT_PLATE.fullmatch(_letter_o(string)))


def _written_code_letter(text, toks):
    """True when the run opens with a capital written right after digits ("TA 99 19 22 B,
    tango alpha, ninety-nine, ..."): the last letter of a code written before the run,
    which reads a code without it and none with it."""
    t = toks[0]
    if t[1] - t[0] != 1 or t[3] != "letter" or t[0] < 2 or not re.match(r"\d[ ]?$", text[t[0] - 2 : t[0]]):
        return False
    string = "".join(x[2] for x in toks)
    return _reads_a_code(string[1:]) and not _reads_a_code(string)


#: Words before "one" that make it a pronoun ("the old one, oh two oh ..."), not a digit.
_ONE_PRONOUN_BEFORE = re.compile(
    r"(?i:\b(?:the|this|that|which|old|new|other|last|next|first|no|any|every|each|right|wrong|main)\s+)$"
)


def _pronoun_one(text, tok):
    """True when ``tok`` is the word "one" standing for a thing ("the old one")."""
    return text[tok[0] : tok[1]].casefold() == "one" and _ONE_PRONOUN_BEFORE.search(text, max(0, tok[0] - 8), tok[0])


def _one_before_plate(text, toks):
    """True when the run opens with the word "one" and the rest reads a plate ("the black
    one Y-K-one-two, H-V-F"): "one" is a pronoun there."""
    return (
        len(toks) > 4
        and text[toks[0][0] : toks[0][1]].casefold() == "one"
        and toks[1][3] in ("letter", "phonetic")
        and _CURRENT_PLATE.fullmatch("".join(t[2] for t in toks[1:])) is not None
    )


def _halves(toks):
    """``toks`` as one run, or as two when it is the same code said twice over
    ("D-four-four-seven-one, D-four-four-seven-one"): each is a code of its own."""
    n = len(toks)
    if n >= 6 and n % 2 == 0 and [t[2] for t in toks[: n // 2]] == [t[2] for t in toks[n // 2 :]]:
        return [toks[: n // 2], toks[n // 2 :]]
    return [toks] if toks else []


#: How far past its last guard word a run is looked for (a run is a few dozen characters).
_RUN_REACH = 200
#: Characters of the longest word of a run with its separator ("double-you, "): a match
#: ending closer than this to the end of its window may have been cut by the window.
_LONGEST_TOKEN = 16


def _window_matches(text, windows):
    """The matches of :data:`RUN` that start in a window or run through its guard words,
    each once, in order."""
    done = 0
    for lo, hi in windows:
        if hi < done:
            continue
        stop = min(len(text), hi + _RUN_REACH)
        for m in RUN.finditer(text, max(lo, done), stop):
            if stop < len(text) and m.end() > stop - _LONGEST_TOKEN:
                # it may run on past the window, or stop short of it where the window
                # cut a word ("two two fo|ur seven" matches "two two"): match it whole
                m = RUN.match(text, m.start()) or m
            done = m.end()
            yield m
            if done >= stop:
                break
        done = max(done, hi)


_last: tuple = (None, [])


def _runs_cached(text: str):
    """:func:`_runs` of ``text``, kept for the text last seen (``find`` and ``revise`` are
    called on the same text in turn); one tuple, replaced whole, so threads never see a
    text with another text's runs."""
    global _last
    last = _last
    if last[0] is not text:
        last = (text, _runs(text))
        _last = last
    return last[1]


# ---------------------------------------------------------------------------------------
# Kinds of a run
# ---------------------------------------------------------------------------------------

_NI = re.compile(r"(?:QQ|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]")
_POSTCODE = re.compile(r"[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?\d[ABD-HJLNP-UW-Z]{2}")
_CURRENT_PLATE = re.compile(r"[A-Z]{2}\d{2}[A-Z]{3}")


def _postcode_read(string):
    """True when ``string`` reads a postcode, its first letter an O said as "oh" or "O"
    (read as zero: "O X one four, three T E" reads 0X143TE) allowed."""
    if _POSTCODE.fullmatch(string):
        return True
    return string[:1] == "0" and _POSTCODE.fullmatch("O" + string[1:]) is not None and string[1:2].isalpha()


def _letter_o(string):
    """``string`` with a "0" where a current plate has letters made the letter O: "B O D"
    spelled is read "B0D" ("O" also reads zero), "N K six nine, B O D" is NK69BOD."""
    if len(string) != 7 or "0" not in string[:2] + string[4:]:
        return string
    return string[:2].replace("0", "O") + string[2:4] + string[4:].replace("0", "O")


_COLLAR_SHAPE = re.compile(r"[A-Z]{0,3}\d{3,6}[A-Z]{0,2}")
_WARRANT_SHAPE = re.compile(r"[A-Z]{0,4}\d{4,9}")
_TRIGGER = re.compile(
    r"(?i:\b(?P<collar>(?:collar|shoulder|badge|epaulette)s?(?:\s+(?:numbers?|nos?\b|nums?\b))?"
    r"|(?:my|his|her|your|their|our)\s+(?:old\s+|own\s+|real\s+|work\s+){0,2}number)"
    r"|\b(?P<warrant>warrant(?:\s+card)?(?:\s+(?:numbers?|no\b|id\b))?)"
    r"|\b(?P<nhs>nhs(?:\s+number)?)\b"
    r"|\b(?P<ni>(?:national\s+insurance|ni)(?:\s+number)?)\b"
    r"|\b(?P<phone>(?:phone|mobile|landline)(?:\s+number)?|ring|rang|calls?|called|text(?:ed|s)?)\b"
    r"|\b(?P<vehicle>reg(?:istration)?(?:\s+(?:numbers?|plates?))?|(?:number\s?)?plates?)\b)"
    r"|\b(?P<rank>PCSO|PC|DC|TDC|PS|DS|SC|Sgt|(?i:sergeant|constable|officer))(?=\s+[a-zA-Z])"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


#: How far (characters) a sentence is followed, so that a text with no sentence ends costs
#: no more than one with them.
_REACH = 300


def _context_start(text, s, back=2):
    """Start of the ``back``-th sentence before the one holding position ``s`` (at most
    ``2 * _REACH`` characters back)."""
    lo = max(0, s - 2 * _REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, s)]
    return ends[-1 - back] if len(ends) > back else lo


def _sentence_end(text, e, limit=None):
    """End of the sentence holding position ``e`` (not beyond ``limit``)."""
    limit = len(text) if limit is None else min(limit, len(text))
    m = _SENTENCE_END.search(text, e, limit)
    return m.start() if m else limit


#: Between an announcing word and the run right after it: "collar number's", "is, erm,".
_CLOSE_GAP = re.compile(
    r"(?i:(?:['’]s|\s+(?:is|was|were|reads?|read\s+out|says?|said|being))?\s*[,:]?\s*"
    r"(?:(?:it['’]s|that['’]s|like|erm|um|uh|er)\s*[,:]?\s*)*[\"“‘']?)"
)


_PLUS = re.compile(r"(?i:\bplus\s*)$")


def _counting(string):
    """ "123", "1234": counting aloud, not a code."""
    return len(string) >= 3 and string.isdigit() and all(int(b) - int(a) == 1 for a, b in zip(string, string[1:]))


#: A capitalised word and a full stop before a run: a sentence of its own ("Collar.
#: 3-3-0-6.", "Right. Erm. Zero zero four ..."), not a numbered thing ("Room 101").
_SENTENCE_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+\.\s+$")


def _numbered_thing(before):
    """True when ``before`` ends with a word that numbers things (:data:`_id_windows._NUMBERED_THING`)."""
    return _win._NUMBERED_THING.search(before) is not None and _SENTENCE_WORD_BEFORE.search(before) is None


def _kind(text, s, e, string, n_digits, n_tok, paired):
    """The kind of the run at ``text[s:e]`` that reads ``string``, or None."""
    if string in _NOT_IDS:
        return None
    before = text[max(0, s - 15) : s]
    digits_only = string.isdigit()
    if _NI.fullmatch(string):
        return "ni_number"
    if not digits_only and n_tok >= 4 and _postcode_read(string):
        return "postcode"  # "L-S, six, two, A-B"; "O X one four, three T E"
    if n_tok >= 4 and _CURRENT_PLATE.fullmatch(_letter_o(string)):
        # "Kilo Papa one seven, X-ray Tango Yankee", "M-A-one-six, X-R-T": a plate read
        # letter by letter (four words at least: its letters spelled in groups)
        return "vehicle"
    if digits_only and string.startswith("44") and n_digits == 12 and _PLUS.search(before):
        return "phone"  # "plus four four, seven seven double oh, ..."
    if digits_only and n_digits in (10, 11) and string[0] == "0" and string[1] != "0" and n_tok >= 6:
        return "phone"
    if digits_only and n_digits == 10 and _nhs_ok(string) and n_tok >= 6:
        return "nhs_number"
    if _AMOUNT_AFTER.match(text, e):
        return None  # "two three four times", "four five six quid"
    if paired and digits_only and n_digits == 4 and 1950 <= int(string) <= 2035:
        return None  # "nineteen eighty-eight": a year
    # digits read one by one are a code of some kind: the announcing word may be three
    # sentences back ("Your collar number? If you don't mind. Sure, four four one six.")
    lo = _context_start(text, s, back=1 if paired else 3)
    hi = _sentence_end(text, e, e + 40)
    triggers = [m for m in _TRIGGER.finditer(text, lo, hi) if m.end() <= s or m.start() >= e]
    if not triggers:
        return None
    before_t = [m for m in triggers if m.end() <= s]
    close = bool(before_t) and _CLOSE_GAP.fullmatch(text, before_t[-1].end(), s) is not None
    if not close and (
        _AMOUNT_BEFORE.search(before) or (_numbered_thing(before) and not _its_number(text, before_t, s))
    ):
        return None  # "at seven thirty", "£ two five oh", "Section one three six"
    if (paired or _counting(string)) and not close:
        # "eleven", "forty-four": far more often a count, an age, a time or a year than
        # part of a code; a run with such words is taken by an announcing word only when
        # it comes right after it ("my collar number's forty-four twenty-one")
        return None
    if close:
        order = before_t[-1:]
    else:  # the nearest announcing word before the run whose kind fits, else one after it
        order = before_t[::-1] + [m for m in triggers if m.start() >= e]
    for t in order:
        kind = _fits(t, string, n_digits, paired, digits_only, close and t is before_t[-1], s)
        if kind:
            return kind
    return None


#: "number" said of the thing just named: "his warrant card, from the eighties, number one one ...".
_ITS_NUMBER_BEFORE = re.compile(r"(?i:(?:,|\b(?:the|its|with))\s+number\s+)$")


def _its_number(text, before_t, s):
    """True when the run at ``s`` follows "number" said of a code announced up to 60
    characters before in its sentence (``before_t``: the announcing words before it)."""
    if not before_t or s - before_t[-1].end() > 60 or before_t[-1].group("rank") or before_t[-1].group("phone"):
        return False
    if _SENTENCE_END.search(text, before_t[-1].end(), s):
        return False
    return _ITS_NUMBER_BEFORE.search(text, max(0, s - 16), s) is not None


def _fits(t, string, n_digits, paired, digits_only, close, s):
    """The kind announced by trigger ``t`` when ``string`` has its shape, else None."""
    k = next(k for k, v in t.groupdict().items() if v)
    if k == "rank":  # "PC four four one six", "Sergeant three three four six": right after it
        if not (close and t.end() == s - 1 and not paired) or _counting(string):
            return None
        k = "collar"
    if k == "collar" and _COLLAR_SHAPE.fullmatch(string) and n_digits <= 6:
        return "collar_number"
    if k == "warrant" and _WARRANT_SHAPE.fullmatch(string):
        return "warrant_number"
    if k == "nhs" and digits_only and n_digits == 10:
        return "nhs_number"
    if k == "ni" and re.fullmatch(r"[A-Z]{2}\d{6}[A-D]?", string):
        return "ni_number"
    if k == "phone" and digits_only and n_digits in (10, 11) and string[0] == "0":
        return "phone"
    if k == "vehicle" and _vehicle(string):
        return "vehicle"
    return None


def _nhs_ok(string):
    from toolkit.qual._identifiers import nhs_ok

    return nhs_ok(string)


_NI_PLATE = re.compile(r"[A-Z]{2,3}\d{1,4}")  # Northern Irish and older plates: "KFZ 7842"


def _vehicle(string):
    from toolkit.qual._identifiers import VEHICLE

    return VEHICLE.fullmatch(string) is not None or _NI_PLATE.fullmatch(string) is not None


#: Digits written one by one with spaces or hyphens between them ("2 7 0 4 5 8",
#: "3-3-0-6"): read out as the words are, and given a kind the same way.
_SPACED_DIGITS = re.compile(r"(?<![\w£$€#/.,:-])\d(?:(?: |-| ?, ?)\d){2,10}(?![\w%£:/-]|[.,]\d)")


def _spaced_digits(text):
    """:data:`_SPACED_DIGITS` as runs: ``(start, end, string, digits, words, paired)``;
    three digits count as ``paired`` (taken only right after the announcing word): "3-1-0"
    is more often a score or a count than a code."""
    if " " not in text and "-" not in text:
        return []
    out = []
    for m in _SPACED_DIGITS.finditer(text):
        string = re.sub(r"\D", "", m.group())
        out.append((m.start(), m.end(), string, len(string), len(string), len(string) == 3))
    return out


#: A letter of an NI number said in a loose form: a letter in lower case ("hk five seven
#: ..."), a capital, or its name, also as it sounds ("aitch", "see", "oh").
_NI_LETTER_WORDS = {**_LETTER_NAMES, "see": "C", "oh": "O", "why": "Y"}
_NI_LETTER = rf"(?:{_alt(_NI_LETTER_WORDS)}|[a-z])"
#: The two letters of an NI number before its digits: "hk", "T L", "aitch ee", "A E,".
_LOOSE_NI_HEAD = re.compile(
    rf"(?<![\w'’-])(?i:(?P<ab>[a-z]{{2}})|(?P<a>{_NI_LETTER})(?:\s*,\s*|\s+|-)(?P<b>{_NI_LETTER}))"
    rf"(?:\s*,\s*|\s+|-)(?=(?i:{_D}|{_alt(_TENS_WORDS)}|{_alt(_TEEN_WORDS)}|double|treble|triple)(?![\w'’]))"
)
#: Its last letter after the digits: "c", "A", "bee".
_LOOSE_NI_TAIL = re.compile(rf"{_SEP}(?P<s>(?i:[a-d]|ay|bee|cee|see|dee))(?![\w'’])")
_NI_SAID = re.compile(r"(?i:\bNI\b|\bN\.I\.|national\s+insurance|\bNINO\b)")
#: What a text must hold for :data:`_NI_SAID` to be looked for (``str`` lookups, far
#: cheaper than the pattern).
_NI_SAID_TOKENS = ("ni ", "ni,", "ni.", "ni:", "ni—", "n.i", "insurance", "nino")


def _ni_letter(word):
    w = word.casefold()
    return _NI_LETTER_WORDS.get(w, w.upper() if len(w) == 1 else "")


def _find_loose_ni(text, add):
    """NI numbers said with their letters in lower case or as they sound ("hk five seven
    nine oh two six c", "aitch ee eight one, oh five, three six, bee", "T L three six
    nine two one five A —") where an NI number is spoken of up to 250 characters before."""
    for said in _NI_SAID.finditer(text):
        for h in _LOOSE_NI_HEAD.finditer(text, said.end(), said.end() + 250):
            pre = (h.group("ab") or "").upper() or _ni_letter(h.group("a")) + _ni_letter(h.group("b"))
            run = RUN.match(text, h.end())
            if len(pre) != 2 or run is None:
                continue
            digits, end = "", h.end()
            for t in _tokens(text, run.start(), run.end()):
                if len(digits) >= 6 or not t[2].isdigit():
                    break
                digits, end = digits + t[2], t[1]
            tail = _LOOSE_NI_TAIL.match(text, end)
            if len(digits) != 6 or tail is None:
                continue
            string = pre + digits + _ni_letter(tail.group("s"))
            if _NI.fullmatch(string):
                add((h.start(), tail.end(), "ni_number", string))


_SPOKEN_LETTER = rf"(?:[A-Z]|(?i:{_alt(_LETTER_NAMES)}|{_alt(_PHONETIC)}))(?![\w'’])"
#: A postcode's outward code written and its inward code said after it, a character at a
#: time: "SA14, seven, P, W", "LS6 two Alpha Bravo".
_OUTWARD_THEN_SPOKEN = re.compile(
    rf"(?<![\w-])(?P<out>[A-Z]{{1,2}}\d[A-Z\d]?)(?:\s*,\s*|\s+)"
    rf"(?P<d>(?i:{_D}))(?:{_SEP})(?P<a>{_SPOKEN_LETTER})(?:{_SEP})(?P<b>{_SPOKEN_LETTER})"
)


def _spoken_letter(word):
    w = word.casefold()
    return _LETTER_NAMES.get(w) or _PHONETIC.get(w) or word.upper()


def _find_outward_then_spoken(text, add):
    for m in _OUTWARD_THEN_SPOKEN.finditer(text):
        code = m.group("out") + _DIGIT_WORDS[m.group("d").casefold()]
        code += _spoken_letter(m.group("a")) + _spoken_letter(m.group("b"))
        if _POSTCODE.fullmatch(code):
            add((m.start(), m.end(), "postcode", code))


#: Capitals written just before a collar or warrant number read out ("PY two-one-nine",
#: "H 0 3 3 9 1", "CS one one oh eight"): a force's, a borough's or a unit's letters, part
#: of the code (not a rank: "PC four four one six" keeps the rank outside; not "A" or "I").
_LETTERS_BEFORE_RUN = re.compile(r"(?<![\w'’&./-])(?P<l>[B-HJ-Z]|[A-Z]{2,3}) $")
_NOT_CODE_LETTERS = frozenset(
    "PC PS DC DS DI SC PCSO TDC DCI WPC SGT CAD URN CRN REF LOG NHS NI ID OK UK GB EU US AM PM TV OP BMW VW".split()
)


def _letters_before(text, s, kind):
    """Start of the capitals just before the run at ``s`` (:data:`_LETTERS_BEFORE_RUN`)
    that belong to a collar or warrant number, else ``s``."""
    if kind not in ("collar_number", "warrant_number") or s < 2 or text[s - 1] != " ":
        return s
    m = _LETTERS_BEFORE_RUN.search(text, max(0, s - 5), s)
    if m is None or m.group("l") in _NOT_CODE_LETTERS:
        return s
    return m.start()


def _find_runs(text, add):
    for s, e, string, n_digits, n_tok, paired in [*_runs_cached(text), *_spaced_digits(text)]:
        kind = _kind(text, s, e, string, n_digits, n_tok, paired)
        if kind and string[0].isdigit():
            lead = _letters_before(text, s, kind)
            if lead < s:
                s, string = lead, text[lead : s - 1] + string
        if kind == "phone" and string.startswith("44"):
            plus = _PLUS.search(text, max(0, s - 8), s)
            s, string = plus.start(), "0" + string[2:]  # "+44 7700 ..." is 07700 ...
        if kind == "vehicle":
            string = _letter_o(string)
        if kind == "postcode" and string[:1] == "0":
            string = "O" + string[1:]  # "O X one four, ...": OX14
        if kind:
            add((s, e, kind, string))


# ---------------------------------------------------------------------------------------
# Dates of birth in words
# ---------------------------------------------------------------------------------------

_ORD_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_ORD_DAY = (
    r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth"
)
_ORD_MONTH = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
_UNIT = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TWO = rf"(?:(?:{_TENS})(?:[\s-](?:{_UNIT}))?|{_TEENS}|oh[\s-](?:{_UNIT}))"
_SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+{_TWO}|two\s+thousand(?:\s+and)?(?:\s+(?:{_UNIT}|{_TEENS}|(?:{_TENS})(?:[\s-](?:{_UNIT}))?))?"
    rf"|twenty[\s-]+(?:{_TEENS}|oh[\s-](?:{_UNIT})|(?:twenty)(?:[\s-](?:{_UNIT}))?)|{_TWO})"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|\d{{1,2}}(?=\s+of\b|\s+{_win.MONTH}\b)|(?i:{_ORD_DAY}))"
_YEAR = rf"(?:(?:19|20)\d{{2}}|['’]\d{{2}}|(?i:{_SPOKEN_YEAR}))"
#: A date said in words or with a short year; ``year`` empty when it has none.
WORD_DATE = re.compile(
    rf"(?<![\w-])(?:(?P<day>{_DAY})(?:\s+of|\s+o['’])?\s+(?P<month>{_win.MONTH})"
    rf"|(?P<day2>{_DAY})\s+of\s+the\s+(?P<month2>(?i:{_ORD_MONTH})|(?:1[0-2]|0?[1-9])(?:st|nd|rd|th))(?:\s+month)?"
    rf"|(?P<month3>{_win.MONTH}),?\s+(?:the\s+)?(?P<day3>{_DAY}))"  # "March, twelfth, nineteen ..." too
    rf"(?:,?\s+(?:in\s+)?(?P<year>{_YEAR})|(?:\s+|,\s+(?=\d\d\s*(?:[,.;:!?)\"”’]|$)))(?P<year_short>\d{{2}}))?(?![\w'’-])"  # "4th of May 86"
)
_DAY_NUM = (
    r"(?:twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty[\s-]one|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
)
_MONTH_NUM = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NUM_SEP = r"(?:\s*,\s*|\s+(?:slash|dot|stroke)\s+|\s*-\s*|\s+)"
#: Only right after the announcing word: a date said as numbers ("fourteen, four,
#: eighty-one", "nine slash eleven slash two thousand and four") or a month and year
#: ("born in March nineteen eighty-eight").
SHORT_DATE = re.compile(
    rf"(?<![\w-])(?:(?i:(?:oh\s+|zero\s+)?{_DAY_NUM}){_NUM_SEP}(?i:(?:oh\s+|zero\s+)?{_MONTH_NUM}){_NUM_SEP}"
    rf"(?P<year>(?i:{_SPOKEN_YEAR}))"
    rf"|{_win.MONTH},?\s+(?:of\s+)?(?P<year2>(?i:{_SPOKEN_YEAR})|['’]\d{{2}}))(?![\w'’-])"
)
#: A date in figures with spaces for its separators ("dob 19 7 82"), right after the
#: announcing word only.
_SPACED_DATE = re.compile(r"(?:3[01]|[12]\d|0?[1-9]) (?:1[0-2]|0?[1-9]) (?:19|20)?\d{2}(?![\w/.:-]|\s\d)")
_DOB_TRIGGER = re.compile(r"(?i:\b(?:d[.-]?o[.-]?b\.?s?|dates?\s+of\s+birth|birth\s?dates?|birthdays?|born)\b)")
_GAP_WORDS = (
    r"(?:\s*[,:(]\s*|\s+|['’]s\s*)?(?:(?:is|was|too|as|being|on|the|of|hers|his|mine|it['’]s|"
    r"falls|erm|um|like|okay|ok|then|up|that['’]s|as\s+well|also|which\s+(?:is|was)|coming\s+up|"
    # "they got my birthday right, 8 June", "had her DOB wrong, the 3rd of May": as put down
    r"right|wrong|correct|spot\s+on|"
    r"(?:that|this|last|next)\s+(?:week|month)|"
    # "due date for our next one is the ...": whose
    r"for\s+(?:my|his|her|their|our|your)\s+(?:next(?:\s+one)?|first|second|third|(?:new\s+|little\s+|wee\s+)?"
    r"(?:baby|one|son|daughter|boy|girl|twins))\s+(?:is|was)|"
    r"(?:--|[—–])[^.!?\n\"“”—–]{1,40}?(?:--|[—–])|"
    # "the birth date of my wee boy, Euan, the ...": whose, named
    r"of\s+(?:my|his|her|their|our|your)(?:\s+[a-z]+){1,3}\s*,(?:\s*[A-Z][\w'’-]+\s*,)?)(?:\s*[,:(]\s*|\s+))*"
)
#: Between the announcing word and a date right after it: "DOB's the", "birthday too, the".
_GAP_OK = re.compile(rf"(?i:{_GAP_WORDS})")
_GAP_IN = re.compile(rf"(?i:{_GAP_WORDS}(?:in\s+)?)")  # "born in March ..."
#: "born on the ...", "her birthday's on the ...": the date after "on" is the birth date.
_ANNOUNCED_ON = re.compile(
    r"(?i:(?:\b(?:born|due|birthday['’]s|birthdays?\s+(?:is|was|falls)|['’]s\s+birthday|d\.?o\.?b\.?['’]s)"
    r"|(?:ieth|\d(?:st|nd|rd|th))(?:\s+birthday)?\s+(?:is|was|falls|fell))\s+(?:on|in)\s+(?:the\s+)?)$"
)


def _words_or_short(m) -> bool:
    """True when the date is not one the written-date rules catch: a day or year in
    words, a two-digit year, or no year at all."""
    day = m.group("day") or m.group("day2") or m.group("day3") or ""
    year = m.group("year") or m.group("year_short") or ""
    return not day[:1].isdigit() or not re.fullmatch(r"(?:19|20)\d{2}", year) or m.group("month2") is not None


#: A baby's due date is a date of birth (the corpora's policy): "due on the 2nd of May",
#: "due the 20th of January", "the due date ... The eleventh of the fourth". Taken only in
#: a text that speaks of a pregnancy, after "due date" or a person who is due ("she's
#: due", "expecting, due"): "the rent was due" is a bill's.
_DUE_TRIGGER = re.compile(
    r"(?i:\bdue\s+date(?:['’]s)?\b|\b(?:I['’]m|I\s+was|she['’]s|she\s+(?:is|was)|we['’]re|we\s+were|"
    r"expecting,?|missus|wife|partner|girlfriend|baby['’]s|baby\s+(?:is|was)|twins\s+(?:are|were))\s+due\b(?:\s+date(?:['’]s)?\b)?)"
)
#: "due 15 march", "due 30/1", "due on the 4th july": a date straight after "due" in a
#: text that speaks of a pregnancy (month names in any case, as posts type them; a day
#: and month in figures).
_DUE_DATE = re.compile(
    rf"(?i:\bdue\s+(?:on\s+)?(?:the\s+)?)(?P<date>(?i:(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORD_DAY})(?:\s+of)?\s+{_win.MONTH})"
    r"|(?:3[01]|[12]\d|0?[1-9])/(?:1[0-2]|0?[1-9])(?:/(?:19|20)?\d{2})?)(?![\w/'’-])"
)
#: "is / was due": a thing due (a bill, an essay); "she's due", "the baby's due" are
#: :data:`_DUE_TRIGGER`'s.
_BILL_DUE_BEFORE = re.compile(r"(?i:\b(?:is|was|are|were|be|been|being|falls|fell)\s+)$")
_PREGNANCY_WORDS = (
    "pregnan",
    "expecting",
    "baby",
    "babies",
    "maternity",
    "midwife",
    "scan",
    "due date",
    "weeks",
    "bump",
)
#: A sentence that is nothing but a day and month: "The eleventh of the fourth.", "I'm
#: the 21st of June." (said just after "birthday" / "due date").
_DATE_SENTENCE_HEAD = re.compile(
    r"(?i:\s*(?:(?:I['’]m|I\s+am|mine['’]s|it['’]s|hers\s+is|his\s+is|she['’]s|he['’]s|that['’]s|"
    # a date of birth written down wrong: "They put the fourteenth of February."
    r"they\s+(?:put|wrote|had|listed|gave|printed)(?:\s+(?:it|him|her|me)\s+as)?)\s+)?(?:the\s+)?)"
)
#: A date said again after a correction: "..., eighty-two. No, that's, yeah, three eleven eighty-two."
_CORRECTION_BEFORE = re.compile(r"(?i:\b(?:no|sorry|yeah|yes|I\s+mean|that['’]s|it['’]s|erm|um|actually)\s*[,.]?\s*)$")


#: A day of the month alone right after "born on the" / "birthday for the" ("born on the
#: ninth, in the end", "happy birthday for the 21st"): the day of birth; not a floor, a
#: century or a time ("born on the 4th floor", "birthday on the third time of asking").
_DAY_ALONE = re.compile(
    rf"(?i:\s+(?:on|for)\s+the\s+)(?P<d>(?i:\d{{1,2}}(?:st|nd|rd|th)|{_ORD_DAY}))(?![\w'’-])"
    r"(?!\s*(?:of\b|,?\s*(?:19|20)\d\d)|\s+(?:floor|century|time|day|week|month|year|anniversary|birthday|"
    r"hole|row|street|place|round|minute|go|attempt|try|grade|form|storey|level|and\s+the)\b)"
)
#: A day of the year known by its name, said right after "birthday" or "born" ("my
#: birthday's Christmas Eve", "born on Boxing Day"): a date of birth.
_NAMED_DAY = re.compile(
    r"(?:Christmas\s+(?:Eve|Day)|New\s+Year['’]s\s+(?:Eve|Day)|Boxing\s+Day|Valentine['’]?s\s+Day|"
    r"Hallowe['’]?en|Bonfire\s+Night|Guy\s+Fawkes\s+Night|Leap\s+Day|"
    r"St\.?\s+(?:Patrick|David|George|Andrew|Swithin)['’]s\s+Day)(?![\w'’])"
)
#: A list of days after it ("Christmas Day, Easter, bank holidays"): days worked, not a birth.
_NAMED_DAY_LIST = re.compile(r"\s*,\s*(?:Easter|Christmas|New\s+Year|Boxing|bank|Bonfire|Hallowe)|\s+and\s+[A-Z]")


#: A birthday named by the age it marks: "my sixtieth was on the 22nd of April", "her
#: 18th is on the ...".
_ORDINAL_BIRTHDAY = re.compile(
    r"(?i:\b(?:my|his|her|their|your|our)\s+(?:1[0-9]th|[2-9][0-9](?:st|nd|rd|th)|eighteenth|twenty-first|"
    r"(?:thirt|fort|fift|sixt|sevent|eight|ninet)ieth|hundredth)(?:\s+birthday)?(?=\s+(?:is|was|falls|fell)\s+on\b))"
)


def _triggers(text, due, ordinal=False):
    """The words that announce a date of birth: "DOB", "born", "birthday", an age's
    birthday ("my sixtieth was on ..."), and (``due``: the text speaks of a pregnancy) "due"."""
    yield from _DOB_TRIGGER.finditer(text)
    if ordinal:
        yield from _ORDINAL_BIRTHDAY.finditer(text)
    if due:
        yield from _DUE_TRIGGER.finditer(text)


_ORDINAL_BEFORE = re.compile(r"(?:ieth|\d(?:st|nd|rd|th))(?: birthday)?$")


def _ordinal_hint(hay):
    """Whether :data:`_ORDINAL_BIRTHDAY` may match in ``hay`` (the case-folded text): an
    ordinal right before " was on" / " is on" ...; found with ``str.find``."""
    for verb in (" was on", " is on", " fell on", " falls on"):
        i = hay.find(verb)
        while i >= 0:
            if _ORDINAL_BEFORE.search(hay, max(0, i - 16), i):
                return True
            i = hay.find(verb, i + 1)
    return False


def _alone_in_sentence(text, m, lo):
    """True when the date ``m`` is its sentence's only words (a head such as "I'm the"
    aside) and that sentence starts after ``lo``."""
    start = max(lo, text.rfind(". ", 0, m.start()) + 2, text.rfind("? ", 0, m.start()) + 2)
    if start != lo and _DATE_SENTENCE_HEAD.fullmatch(text, start, m.start()) is not None:
        return re.match(r"\s*[.!?]", text[m.end() : m.end() + 3]) is not None
    return False


#: The announcing word closing its sentence and the date opening the next, as a list or
#: an answer says it: "My birthday. 21st of the 4th, and ...", "Your birthday? P: The
#: 12th of June.", "Her DOB: the third of May".
_ANSWERED = re.compile(
    r"(?i:(?:['’]s)?\s*[.?!:]\s+(?:(?-i:[A-Z])\s*:\s*)?(?:(?:yeah|yes|it['’]s|it\s+was|mine['’]s)\s*,?\s+)?(?:the\s+)?)"
)


#: A date quoted as said, its article with it: '"the twenty-second of the eighth, ..."'.
_QUOTED_THE = re.compile(r"(?<=[\"“‘'])(?i:the)\s+$")


def _quoted_the(text, s):
    """Start of the date at ``s`` with the "the" that opens its quotation, if any."""
    m = _QUOTED_THE.search(text, max(0, s - 6), s)
    return m.start() if m else s


#: A birthday changed or set to a date on a profile: "changed his birthday to 1st of April".
_SET_BEFORE = re.compile(r"(?i:\b(?:chang|set|put|updat|edit|switch)\w*\s+(?:(?:my|his|her|their|your|our|the)\s+)?)$")
_SET_GAP = re.compile(r"(?i:\s+(?:to|as)\s+(?:the\s+)?)")


def _set_to(text, trig, m):
    """True when ``m`` follows "birthday to" after "changed / set ..." (:data:`_SET_BEFORE`)."""
    return (
        _SET_GAP.fullmatch(text, trig.end(), m.start()) is not None
        and _SET_BEFORE.search(text, max(0, trig.start() - 24), trig.start()) is not None
    )


def _find_word_dates(text, add, due=False, ordinal=False):
    for trig in _triggers(text, due, ordinal):
        lo = trig.end()
        hi = _sentence_end(text, lo, lo + _REACH)
        first_end = hi
        if WORD_DATE.search(text, lo, hi) is None:  # the next sentence ("My DOB? The ...")
            hi = _sentence_end(text, min(hi + 1, len(text)), hi + _REACH)
        for m in WORD_DATE.finditer(text, lo, hi):
            if not _words_or_short(m) and trig.group().casefold() != "born":
                # written full dates after "DOB" / "birthday" are the window rules' (not "born")
                continue
            year, end = m.group("year") or m.group("year_short"), m.end()
            if year and (_win._COUNTED.match(text, end) or _AMOUNT_AFTER.match(text, end)):
                # "the fourth of July, twenty years ago", "the 2nd of March, 12 of us":
                # not a year; the day and month alone
                year, end = None, max(m.end(g) for g in ("day", "month", "day2", "month2", "day3", "month3"))
            pre = text[max(0, m.start() - 30) : m.start()]
            if _win._TEMPORAL_BEFORE.search(pre) and not _ANNOUNCED_ON.search(pre):
                continue  # "the day after my birthday, on the second of May 2019": an event
            if (
                not year
                and _GAP_OK.fullmatch(text, trig.end(), m.start()) is None
                and not (_ANSWERED.fullmatch(text, trig.end(), m.start()) and _IS_DATE_CLOSE.match(text, end))
                and not _set_to(text, trig, m)
            ):
                if not (m.start() > first_end and _alone_in_sentence(text, m, first_end)):
                    continue  # a day and month alone only right after the announcing word
            add(_win.date_of_birth(text, _quoted_the(text, m.start()), end))
        at = _GAP_IN.match(text, trig.end()).end()
        m = SHORT_DATE.match(text, at) or _SPACED_DATE.match(text, at)
        if m is not None and not _win._COUNTED.match(text, m.end()):
            add(_win.date_of_birth(text, m.start(), m.end()))
        if trig.group().casefold() in ("birthday", "born"):  # "born on the ninth"
            d = _DAY_ALONE.match(text, trig.end())
            if d is not None and int(re.sub(r"\D", "", d.group("d")) or 1) <= 31:
                add(_win.date_of_birth(text, d.start("d"), d.end("d")))
        if trig.group().casefold() in ("birthday", "born"):  # "my birthday's Christmas Eve"
            m = _NAMED_DAY.match(text, _GAP_OK.match(text, trig.end()).end())
            if m is not None and not _NAMED_DAY_LIST.match(text, m.end()):
                add(_win.date_of_birth(text, m.start(), m.end()))
        for m in SHORT_DATE.finditer(text, lo, _sentence_end(text, min(hi + 1, len(text)), hi + _REACH)):
            if _CORRECTION_BEFORE.search(text, max(0, m.start() - 24), m.start()) and not _win._COUNTED.match(
                text, m.end()
            ):
                add(_win.date_of_birth(text, m.start(), m.end()))


# ---------------------------------------------------------------------------------------
# The area's entry points
# ---------------------------------------------------------------------------------------

_DOB_HINT = ("dob", "d.o.b", "d-o-b", "birth", "born")


#: A date in figures beside a birthday cake ("12/07/08 🎂"): a date of birth.
_CAKE_DATE_BEFORE = re.compile(
    r"(?<![\w/.-])(?:3[01]|[12]\d|0?[1-9])[/.](?:1[0-2]|0?[1-9])(?:[/.](?:19|20)?\d{2})?\s{0,2}$"
)
_CAKE_DATE_AFTER = re.compile(
    r"\s{0,2}(?P<d>(?:3[01]|[12]\d|0?[1-9])[/.](?:1[0-2]|0?[1-9])(?:[/.](?:19|20)?\d{2})?)(?![\w/.-])"
)


def _cake_dates(text, add):
    i = text.find("🎂")
    while i >= 0:
        b = _CAKE_DATE_BEFORE.search(text, max(0, i - 14), i)
        if b:
            add(_win.date_of_birth(text, b.start(), b.start() + len(b.group().rstrip())))
        a = _CAKE_DATE_AFTER.match(text, i + 1)
        if a:
            add(_win.date_of_birth(text, a.start("d"), a.end("d")))
        i = text.find("🎂", i + 1)


#: A birthday greeting and the date written with it, as a card or a post has them:
#: "Happy fiftieth Mum, 08.05", "happy 40th Dave, 12/03", "Happy birthday Nan! 3rd
#: June": the date is the birthday (a name or two between them; a day and a month in
#: figures or words, a year allowed).
_AGE_ORDINAL = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|tenth|eleventh|twelfth|hundredth|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth)"
)
_GREETING = re.compile(
    rf"(?i:\bhappy\s+(?:b(?:irth)?-?day|{_AGE_ORDINAL}(?:\s+b(?:irth)?-?day)?)\b)"
    r"(?:\s*,?\s*(?:to\s+)?(?:my\s+|our\s+|the\s+)?(?!(?i:see|at|on|from|till|until|by|in|about|around|for)\b)"
    r"[A-Za-z][\w'’-]*){0,3}?[\s,!:—–-]*"
)
_GREETING_DATE = re.compile(
    _GREETING.pattern + r"(?P<d>(?<![\d/.])(?:3[01]|[12]\d|0?[1-9])[./](?:1[0-2]|0?[1-9])(?:[./](?:19|20)?\d{2})?"
    rf"(?![\d/]|[.:]\d)|{_DAY}(?:\s+of)?\s+{_win.MONTH}(?:,?\s+(?:19|20)\d{{2}})?(?![\w'’-]))"
)


def _greeting_dates(text, add):
    for m in _GREETING_DATE.finditer(text):
        if not _win._COUNTED.match(text, m.end()):
            add(_win.date_of_birth(text, m.start("d"), m.end("d")))


def find(text: str, add, folded) -> None:
    """Candidates of this area in ``text`` (``folded`` is ``text.casefold()`` when it
    keeps the length, else ``None``)."""
    _find_runs(text, add)
    hay = folded if folded is not None else text.casefold()
    if "postcode" in hay or "post code" in hay:
        _find_outward_then_spoken(text, add)
    if any(w in hay for w in _NI_SAID_TOKENS) and _NI_SAID.search(text):
        _find_loose_ni(text, add)
    due = "due" in hay and any(w in hay for w in _PREGNANCY_WORDS)
    ordinal = _ordinal_hint(hay)
    if due or ordinal or any(w in hay for w in _DOB_HINT):
        _find_word_dates(text, add, due, ordinal)
    if "🎂" in text:
        _cake_dates(text, add)
    if "happy" in hay:
        _greeting_dates(text, add)
    if due:
        for m in _DUE_DATE.finditer(text):
            if _BILL_DUE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "the rent was due on the 3rd of May": a thing due, not a baby
            if not _win._COUNTED.match(text, m.end()):
                add(_win.date_of_birth(text, m.start("date"), m.end("date")))


#: How close (characters) a run with words that read two digits ("sixty-six twelve") must
#: be to the written code it echoes.
_ECHO_BESIDE = 12
_ECHO_KINDS = frozenset({"phone", "nhs_number", "ni_number", "collar_number", "warrant_number", "vehicle"})


#: A date of birth said again in other words straight after: "“05 Mehefin 1988”, the
#: fifth of June".
_RESTATED = re.compile(
    r"[\"”’']?\s*,\s+(?:that['’]s\s+|so\s+|or\s+"
    # "..., which is wrong, it's the 6th of May": corrected
    r"|(?:which\s+(?:is|was)\s+|that['’]s\s+)?wrong\s*,\s*(?:it['’]s|it\s+is|it\s+was|mine['’]s)\s+(?:actually\s+)?)?"
    r"(?:the\s+)?"
)
#: A day of the month said as a correction in the next sentence: "They put the
#: fourteenth of Feb. It's the fifteenth.", "... No, it was the 5th."
_CORRECTED_DAY = re.compile(
    rf"[\"”’']?\s*[.!]\s+(?i:(?:no|sorry|actually)\s*,?\s+)?(?i:it['’]s|it\s+is|it\s+was|that['’]s|mine['’]s)\s+"
    rf"(?:(?i:actually)\s+)?(?i:the)\s+(?P<d>(?i:{_ORD_DAY})|\d{{1,2}}(?:st|nd|rd|th))(?=\s*[.!?])"
)
#: ... or as a sentence of its own that is nothing but the date: "My birthday's the ninth
#: of May. 9th of May.", "Her birthday's Christmas Eve. Yeah, twenty-fourth of December, ..."
_RESTATED_SENTENCE = re.compile(r"[\"”’']?\s*[.!]\s+(?i:(?:yeah|yes|so|that['’]s|it['’]s)\s*,?\s+)?(?i:the\s+)?")
_SENTENCE_CLOSE = re.compile(r"\s*(?:[.!?,;]|$)")
#: A full date said right after a person's name and a comma, as a list or a post gives it
#: ("Mrs Ann Lowe, 19.10.1952, lives ..."), in a text that speaks of dates of birth: the
#: person's (:func:`_dates_of_birth`).
_DATE_YEAR = re.compile(r"(?:19|20)?\d{2}$")
#: Codes that make a full date beside them, in a list or a record ("Bell, 1st August 1983,
#: WK 35 70 62 B"; "238 625 5115, 19/12/1990"), a person's date of birth.
#: (Not collar or phone numbers: "PC 4417, 03/05/2024, attended", "Call from 07700
#: 900461, 2 March 2025" date the entries of a log.)
_RECORD_KINDS = frozenset({"ni_number", "nhs_number"})
#: A staff record's codes: beside a full date in a text that speaks of dates of birth.
_STAFF_RECORD_KINDS = frozenset({"collar_number", "warrant_number"})
_RECORD_GAP = re.compile(r"[\"”’']?\s*[,;|]\s*[\"“‘']?")
_RECORD_GAP_BEFORE = re.compile(_RECORD_GAP.pattern + "$")


#: A date printed as on a passport or a licence: "12 JUN 2010".
_PRINTED_DATE = re.compile(
    r"\d{1,2} (?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC) (?:19|20)\d{2}(?![\w/-])"
)
#: Documents that print a person's name and date of birth together.
_DOCUMENT_WORDS = re.compile(
    r"(?i:\b(?:passports?|driving\s+licen[cs]es?|licen[cs]e|birth\s+certificate|ID\s+cards?)\b)"
)
#: Another person's date of birth said after one: "And my husband's, 17/08/84."
_POSSESSIVE_DATE = re.compile(
    rf"(?i:\b(?:and\s+)?(?:my|his|her|their|our)\s+[a-z]+['’]s\s*(?:is\s+|was\s+)?,?\s*)(?P<date>{_win.FULL_DATE.pattern})"
)


#: The same said in words, "the" before it allowed: "And my wife's, the 30th of July 1991."
_POSSESSIVE_WORD_DATE = re.compile(
    rf"(?i:\b(?:and\s+)?(?:my|his|her|their|our)\s+[a-z]+['’]s\s*(?:is\s+|was\s+)?,?\s*(?:the\s+)?)"
    rf"(?P<date>{WORD_DATE.pattern})"
)
#: A person who is a day: "Lily is the 12th of December", "Sam's the 1st of February",
#: "Ruby's is the 3rd of the 5th" (in a text that speaks of birthdays).
_PERSON_IS_DATE = re.compile(r"(?:['’]s(?:\s+(?:is|was))?|\s+(?:is|was))\s+(?:on\s+)?the\s+(?=\d|[a-zA-Z])")
#: What may follow such a day: the clause's end or "and" (the next person's).
_IS_DATE_CLOSE = re.compile(r"\s*(?:[,;]|[.!?](?:[\"”’)]|\s|$)|$|\s+and\b)")


#: A date of birth's day said again alone, before or after it: "her birthday is the
#: twenty-third of September, and they put 'see you on the 23rd Louise'", "I: The
#: twenty-first -- P: The twenty-first of September", "due on the 28th of December ...
#: see you on the 28th" (a due date is a date of birth, the corpora's policy). Digits or
#: words, whichever the other was said in; "the" before it; not a date of its own ("the
#: 23rd of May"), a floor or a time ("the 23rd floor").
_ORD_TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}


def _ordinal_value(word):
    """The day that the ordinal ``word`` says ("twenty-third": 23, "23rd": 23), or None."""
    w = word.casefold()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in _ORD_TEENS:
        return _ORD_TEENS[w]
    m = re.fullmatch(r"(?:(twenty|thirty)[\s-]?)?(\w+)", w)
    if m and m.group(2) in _ORD_UNITS:
        return {"twenty": 20, "thirty": 30, None: 0}[m.group(1)] + _ORD_UNITS[m.group(2)]
    return None


_DOB_DAY = re.compile(
    rf"(?i:\b(?P<o>\d{{1,2}}(?:st|nd|rd|th)|{_ORD_DAY})\b)|(?<![\w/.-])(?P<n>\d{{1,2}})(?=[./-]\d|\s+[A-Za-z])"
)
_DAY_AGAIN = re.compile(
    rf"(?i:\bthe\s+)(?P<d>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORD_DAY}))(?![\w-]|['’]\w)"
    rf"(?!\s*(?:of\b|,?\s*(?:19|20)\d\d|{_win.MONTH}\b)|\s+(?:floor|century|time|day|week|month|year|anniversary|"
    r"birthday|hole|row|street|place|round|minute|go|attempt|try|grade|form|storey|level|and\s+the|one|person|"
    r"officer|call|message|post|lot)\b)"
)
_DAY_AGAIN_BEFORE = 200
_DAY_AGAIN_AFTER = 400


def _day_again(text, s, e, found):
    """Dates of birth of the day of the one at ``text[s:e]`` said alone (:data:`_DAY_AGAIN`)."""
    d = _DOB_DAY.search(text, s, e)
    if d is None:
        return []
    day = int(d.group("n")) if d.group("n") else _ordinal_value(d.group("o"))
    if not day or day > 31:
        return []
    out = []
    for m in _DAY_AGAIN.finditer(text, max(0, s - _DAY_AGAIN_BEFORE), min(len(text), e + _DAY_AGAIN_AFTER)):
        if _ordinal_value(m.group("d")) != day or (m.start("d") < e and s < m.end("d")):
            continue
        if any(f[0] < m.end("d") and m.start("d") < f[1] for f in found):
            continue
        out.append(_win.date_of_birth(text, m.start("d"), m.end("d")))
    return out


def _dates_of_birth(text, found):
    """Dates of birth said again after one (:data:`_RESTATED`, :data:`_RESTATED_SENTENCE`),
    full dates in a record beside a code (:data:`_RECORD_KINDS`) and right after a name."""
    extra = []
    dob_spoken = None  # whether the text speaks of dates of birth: looked up when needed
    ends = {f[1]: f[2] for f in found}
    starts = {f[0]: f[2] for f in found}
    queue = list(found)
    while queue:
        s, e, kind, _ident = queue.pop(0)
        if kind == "date_of_birth":
            c = _CORRECTED_DAY.match(text, e)  # "They put the fourteenth of Feb. It's the fifteenth."
            if c and not any(f[0] == c.start("d") for f in found + extra):
                item = _win.date_of_birth(text, c.start("d"), c.end("d"))
                extra.append(item)
                queue.append(item)  # "... It's the fifteenth. Fifteenth of February, ..."
            g = _RESTATED.match(text, e)
            m = g and WORD_DATE.match(text, g.end())
            if not m:
                g = _RESTATED_SENTENCE.match(text, e)
                m = g and WORD_DATE.match(text, g.end())
                m = m if m and _SENTENCE_CLOSE.match(text, m.end()) else None
            if m and not any(f[0] == m.start() for f in found + extra):
                item = _win.date_of_birth(text, m.start(), m.end())
                extra.append(item)
                queue.append(item)
            extra.extend(_day_again(text, s, e, found + extra))
            for pattern in (_POSSESSIVE_DATE, _POSSESSIVE_WORD_DATE):
                p = pattern.search(text, e, min(len(text), e + 200))
                if p and _past_year(p.group("date")) and _SENTENCE_CLOSE.match(text, p.end()):
                    extra.append(_win.date_of_birth(text, p.start("date"), p.end("date")))
        elif kind == "person" and e + 3 < len(text) and text[e] == "," and text[e + 2 : e + 3].isdigit():
            m = _win.FULL_DATE.match(text, e + 2)
            if m is None and _PRINTED_DATE.match(text, e + 2):  # "Harvey Lyle, 12 JUN 2010".
                m = _PRINTED_DATE.match(text, e + 2)
                m = m if m and _LIST_CLOSE.match(text, m.end()) else None
            if not (m and (_RECORD_GAP.match(text, m.end()) or m.re is _PRINTED_DATE) and _past_year(m.group())):
                # a day and month closing the clause: "Isla, 3rd March. Fraser, 19th October."
                m = WORD_DATE.match(text, e + 2)
                if not (m and _LIST_CLOSE.match(text, m.end()) and not _win._COUNTED.match(text, m.end())):
                    continue
            if dob_spoken is None:
                dob_spoken = _DOB_TRIGGER.search(text) is not None or _DOCUMENT_WORDS.search(text) is not None
            if dob_spoken:
                extra.append(_win.date_of_birth(text, m.start(), m.end()))
        elif kind == "person" and (p := _PERSON_IS_DATE.match(text, e)) is not None:
            # "Lily is the 12th of December and Sam is the 1st of February": a person
            # who is a day, where the text speaks of birthdays
            m = WORD_DATE.match(text, p.end())
            if not (m and _IS_DATE_CLOSE.match(text, m.end()) and not _win._COUNTED.match(text, m.end())):
                continue
            if dob_spoken is None:
                dob_spoken = _DOB_TRIGGER.search(text) is not None or _DOCUMENT_WORDS.search(text) is not None
            if dob_spoken:
                extra.append(_win.date_of_birth(text, m.start(), m.end()))
        elif kind == "person" and e + 4 < len(text) and text[e] in " -–:" and text[e + 1 : e + 4].strip(" -–"):
            # "Isla 3rd March, Fraser 19th October", "Isla - 3rd March; ...": a list's entry
            g = _NAME_DATE_GAP.match(text, e)
            m = WORD_DATE.match(text, g.end()) if g else None
            if not (m and _LIST_CLOSE.match(text, m.end()) and not _win._COUNTED.match(text, m.end())):
                continue
            if dob_spoken is None:
                dob_spoken = _DOB_TRIGGER.search(text) is not None or _DOCUMENT_WORDS.search(text) is not None
            if dob_spoken and _list_announced(text, s):
                extra.append(_win.date_of_birth(text, m.start(), m.end()))
    extra.extend(_listed_dates(text, found + extra))
    kinds = _RECORD_KINDS
    if any(f[2] in _STAFF_RECORD_KINDS for f in found) and _DOB_TRIGGER.search(text) is not None:
        kinds = _RECORD_KINDS | _STAFF_RECORD_KINDS  # "dates of birth ... 3306, NTH/04471, 09/11/1988,"
    for r in (f for f in found if f[2] in kinds):  # a date of a record is beside its code
        hi = min(len(text), r[1] + 30)
        for m in _win.FULL_DATE.finditer(text, max(0, r[0] - 30), hi):
            if m.end() == hi < len(text):
                continue  # cut by the window's end: too far from the code to be beside it
            before = _RECORD_GAP_BEFORE.search(text, max(0, m.start() - 6), m.start())
            after = _RECORD_GAP.match(text, m.end())
            if r[2] in _STAFF_RECORD_KINDS and not (before and _past_year(m.group())):
                continue  # after a staff code, a grown officer's birth: not an event's date
            if (before and ends.get(m.start() - len(before.group())) in kinds) or (
                after and starts.get(after.end()) in kinds
            ):
                extra.append(_win.date_of_birth(text, m.start(), m.end()))
    if not extra:
        return found
    from toolkit.qual._identifiers import resolve_overlaps

    return resolve_overlaps(found + extra)


def _list_announced(text, s):
    """True when a list of birthdays is announced up to 120 characters before ``s``: the
    announcing word, then a colon or a quotation mark ("birthdays: Isla ...", 'birthdays
    were on there. "Isla - ...')."""
    t = None
    for t in _DOB_TRIGGER.finditer(text, max(0, s - 120), s):
        pass
    return t is not None and any(c in text[t.end() : s] for c in ':"“')


#: Between a name and its date in a list: "Isla 3rd March", "Isla - 3rd March", "Isla: 3rd March".
_NAME_DATE_GAP = re.compile(r"(?: | ?[-–:] ?)(?=\d|[a-z])")
#: The end of a list's entry: a comma, a semicolon, a sentence's end or a closing quote.
_LIST_CLOSE = re.compile(r"[\"”’']?\s*(?:[,;]|[.!?](?:[\"”’)]|\s|$)|$)")
#: A list's entry of a surname and a full date ("O'Neill, 14/11/1999."): the name before.
_ENTRY_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z'’-]+,\s?$")


def _listed_dates(text, found):
    """Full dates in entries of a list of names and dates ("O'Neill, 14/11/1999.
    Baptiste, 02/05/2001.") once one entry's date is a date of birth: the other entries'
    dates of the same form."""
    listed = [
        f
        for f in found
        if f[2] == "date_of_birth" and _ENTRY_NAME_BEFORE.search(text, max(0, f[0] - 30), f[0]) is not None
    ]
    if not listed:
        return []
    shapes = {re.sub(r"\d", "0", text[s:e]) for s, e, _k, _i in listed}
    out = []
    for m in _win.FULL_DATE.finditer(text):
        if re.sub(r"\d", "0", m.group()) not in shapes or any(f[0] < m.end() and m.start() < f[1] for f in found):
            continue
        if not _ENTRY_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if _LIST_CLOSE.match(text, m.end()) and _past_year(m.group()):
            out.append(_win.date_of_birth(text, m.start(), m.end()))
    return out


def _past_year(date):
    """True when the written date ``date`` has a year of 2010 or before (a two-digit year
    from 30 up): a grown person's birth, not the date of a recent event."""
    m = _DATE_YEAR.search(date)
    if m is None:
        return False
    y = m.group()
    return int(y) <= 2010 if len(y) == 4 else int(y) >= 30


#: A postcode's outward code said in words right before the postcode written: "P:
#: B-one-three, B13 9QE" (its own span).
_SPOKEN_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_TOKEN})(?:{_SEP}(?:{_TOKEN})){{1,4}}\s*,\s*$")


def _spoken_outwards(text, found):
    extra = []
    for s, _e, kind, ident in found:
        if kind != "postcode" or len(str(ident)) < 5:
            continue
        b = _SPOKEN_BEFORE.search(text, max(0, s - 40), s)
        if b is None:
            continue
        toks = _tokens(text, b.start(), b.end())
        if toks and "".join(t[2] for t in toks) == str(ident)[:-3].upper():
            extra.append((toks[0][0], toks[-1][1], "postcode", str(ident)[:-3].upper()))
    if not extra:
        return found
    from toolkit.qual._identifiers import resolve_overlaps

    return resolve_overlaps(found + extra)


def revise(text: str, found: list) -> list:
    """``found`` after this area's corrections: dates of birth said again or in a record
    (:func:`_dates_of_birth`); a run of number words that reads the same as an identifier
    found elsewhere in the text takes its kind and identity ("HC 3391" ...
    "three-three-nine-one"; "four, zero, one, six. Four-oh-one-six."); a run with words
    that read two digits only right beside the code ("6612, or sixty-six twelve")."""
    if any(f[2] == "date_of_birth" or f[2] in _RECORD_KINDS or f[2] == "person" for f in found):
        found = _dates_of_birth(text, found)
    if any(f[2] == "postcode" for f in found):
        found = _spoken_outwards(text, found)
    runs = _runs_cached(text)
    if not runs or not found:
        return found
    keys: dict = {}
    for s, e, kind, ident in found:
        if kind in _ECHO_KINDS:
            key = re.sub(r"[^0-9A-Za-z]", "", text[s:e]).upper()
            if not key.isalnum() or not any(c.isdigit() for c in key):
                key = str(ident).upper()  # a run read out: its identity is what it reads
            for k in {key, re.sub(r"\D", "", key)}:  # "HC 3391" echoed as "three-three-nine-one"
                if sum(c.isdigit() for c in k) >= 3:
                    keys.setdefault(k, []).append((s, e, kind, ident))
    if not keys:
        return found
    spans = {(s, e): i for i, (s, e, _k, _i) in enumerate(found)}
    extra = []
    for s, e, string, _n, _t, paired in runs:
        if string in _NOT_IDS or string not in keys:
            continue
        others = [h for h in keys[string] if (h[0], h[1]) != (s, e)]
        if paired:  # "sixty-six twelve": only said beside the code ("6612, or sixty-six twelve")
            others = [h for h in others if 0 <= s - h[1] <= _ECHO_BESIDE or 0 <= h[0] - e <= _ECHO_BESIDE]
        if not others:
            continue
        kind, ident = others[0][2], others[0][3]
        if (s, e) in spans:  # found by the announcing words: the echo decides the kind
            i = spans[(s, e)]
            if found[i][2] != kind and found[i][2] in _ECHO_KINDS:
                found[i] = (s, e, kind, ident)
            continue
        if any(fs < e and s < fe for fs, fe, _k, _i in found):
            continue
        extra.append((s, e, kind, ident))
    if not extra:
        return found
    from toolkit.qual._identifiers import resolve_overlaps

    return resolve_overlaps(found + extra)
