"""Reference codes: collar, warrant, vehicle and NI numbers written in forms the main patterns miss.

Called by :func:`toolkit.qual._identifiers.find_identifiers`: :func:`find` before the
overlaps are resolved (it calls ``add((start, end, kind, identity))`` for each candidate),
:func:`revise` on the resolved list at the end (it may drop or change candidates and
returns the list, non-overlapping).

Classes of phrasing covered here (each needs the shape of a code AND a context):

* codes with letter groups, hyphens or slashes ("HC-W-22817", "GMP/W/40882", "W/1189",
  "W-44172", "N 2214", "4821PL") some words or a sentence after a word that announces a
  warrant, staff, payroll or collar number, a badge or a lapel, or "the number ... on my
  shoulder" (the windows of :mod:`_id_windows`, with a wider shape of code);
* a code right after "collar" / "badge" / "warrant" said alone or with a verb ("my
  collar, HC 3391", "my badge says 4471", "my warrant, W-44172");
* a rank word or abbreviation and a number with no name ("Sergeant 3346", "PC no. 5512",
  "Sgt. 3381", "a PCSO, number 7019"; the rank stays); "SC 8810" whole;
* a code named after it ("4417 is my collar number", "3306's my collar number",
  "551902 — that's my warrant number", "2291 on his shoulder");
* a code with letters after "my number" / "mine's" ("my number, B772", "mine's DO 314")
  or after "as" ("they had her as CF 3317"); "my number, which is 4417" where the text
  speaks of a collar or a uniform;
* a code of capitals, a hyphen or slash and 4-9 digits in a text that speaks of a number
  ("So it's W-44172 in the post?"), not after a reference, product or form word;
* plates of the older (dateless) and Northern Irish forms ("LJZ 4817", "DZ 4410") in a
  sentence (or, for three letters, after a sentence) that speaks of a vehicle, any plate
  after "reg" / "plate" (lower case too);
* NI numbers in lower case, with hyphens or dots, or without the final letter, where an
  NI number is spoken of; phone numbers written with dots;
* the same code said again in the text, with or without its separators (the number
  alone after "DO 314" too), the other way round ("GD 412", then "412GD"), the whole
  code over its digits found alone ("482 CW" after "482CW"); a code of the same form
  with a group after it ("W-2290-17", then "W-2291-17");
* warrant numbers of letters and groups of digits ("NB 1492 07", "EX 20 19 44") right
  after "warrant", in its window or after "the number" near a warrant card; a lettered
  code as a sentence of its own just after "warrant number" ("I typed it. DP 30192.");
* a rank and a lettered code with no name ("PC EX 3321 attending"), "my PCSO number's
  7305", an operator's or staff code with letters ("operator codes ..., mine's WY-D
  117"), a list of first names and numbers ("Deb 4471, Ste 4488");
* NI numbers written a character at a time ("C E 3 1 0 6 7 2 D"); plates in lower case
  after a vehicle or driving word ("ye17 vwn"); plates whose letters are a model's or
  a scheme's ("LEZ 4172") with "plate" or "reg" beside them.

Corrections at the end (:func:`revise`, for every rule's candidates): an NI number the
speaker calls an example ("QQ 12 34 56 C, that's the example one") is dropped; bare
collar and warrant numbers that are a time of day ("at 0730", "the 0900 briefing"), a
count ("300 others") or the ends of a range ("from 1000 to 9999") are dropped.

Look-alikes left alone: years, counts, times, sums, ranges, road numbers ("the A303"),
statute sections, makes and models ("BMW 320", "a RAV4", "LDV 200"), service numbers
(101, 999, 111), incident and crime references (not a kind here: "CAD 4417", "URN
12345", "crime reference CR-40218").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from toolkit.qual import _id_windows as _win
from toolkit.qual import _identifiers as _ids

# ---------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------

#: Two capitals after a space that are a code's letters ("482 CW", as the Met's shoulder
#: numbers are written), not a rank, a body, a time, an abbreviation or a word of capitals
#: ("4471 PC", "1200 UK", "101 IS").
_SPACED_SUFFIX = (
    r" (?!PC|PS|DC|DS|DI|SC|AM|PM|UK|GB|EU|US|NI|ID|OK|OP|BS|EN|KM|KG|AD|BC|VW|MG|TV|HQ|"
    r"IS|IT|IN|ON|AT|TO|OF|OR|AN|AS|BE|BY|DO|GO|HE|IF|ME|MY|NO|SO|UP|WE|AND)[A-Z]{2}(?![\w-])"
)
#: A code: 1-4 capitals (a second group of 1-2 after "-" / "/" / " "), an optional
#: separator and 3-9 digits ("HC-W-22817", "GMP/W/40882", "W/1189", "N 2214", "CF 3317");
#: or 3-6 digits with 1-2 capitals straight after ("4821PL") or two after a space ("482 CW").
_CODE = re.compile(
    r"(?<![\w£$€.,:/#&-])"
    r"(?:(?:(?P<pre>[A-Z]{1,4}(?:[-/][A-Z]{1,2}|[ ][A-Z](?=[-/]))?)(?P<sep>[-/ ]?))?(?P<digits>\d{3,9})"
    rf"(?!{_SPACED_SUFFIX})"
    rf"|(?P<digits2>\d{{3,6}})(?P<gap>(?={_SPACED_SUFFIX}) )?(?P<suf>[A-Z]{{1,2}}))"
    r"(?![\w%£:/-]|[.,]\d)"
)
#: Prefixes that make a number something other than a person's code: times, bodies,
#: standards, car makers, incident and crime references, operations.
_NOT_PREFIX = frozenset(
    """AM PM GMT BST UK GB EU US USA NHS NI ID OK CAD URN CRN CRIS REF LOG INC OP OPS ISO
    BS EN IEC PACE RIPA GDPR ACPO NPCC IOPC HMIC COVID BBC ITV BMW VW GTI AMG MPH KM
    KG AD BC CCTV ANPR PNC PND""".split()
)
#: Rank abbreviations written before a collar number ("PC 4417"): the rank is kept, the
#: number alone is the code (as the corpora annotate it). "SC" (Specials) is part of the
#: code, as Specials wear it on the epaulette.
_RANK_PREFIX = frozenset("PC PS DC DS PCSO TDC SGT Sgt DI DCI".split())


#: Numbers of the police and health services (999, 101, 111): never a collar or warrant number.
_SERVICE_NUMBERS = ("101", "999", "111")


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1950 <= int(digits) <= 2035


def _code_span(m, *, bare_min, want_letters=False, single_letter=True, strip_rank=True):
    """``(start, end)`` of the code of ``m`` (a :data:`_CODE` match), the rank prefix left
    out, or None when it is a look-alike."""
    if m.group("digits2"):
        digits = m.group("digits2")
        if _is_year(digits) or m.group("suf") in ("AM", "PM", "K", "M", "G", "MB", "GB", "KM", "X"):
            return None
        return m.start(), m.end()
    pre, digits = m.group("pre"), m.group("digits")
    if pre is None:
        if want_letters or len(digits) < bare_min or _is_year(digits) or digits in _SERVICE_NUMBERS:
            return None
        return m.start("digits"), m.end()
    head = _SEPARATORS.split(pre, maxsplit=1)[0]
    if head in _NOT_PREFIX or pre in _NOT_PREFIX:
        return None
    if pre in ("A", "I") and m.group("sep") == " ":
        return None  # "a 1234", "I 2210": an article or a pronoun, not a letter of a code
    if _is_year(digits):
        return None
    if strip_rank and head in _RANK_PREFIX and pre == head:
        if want_letters or len(digits) < bare_min:
            return None
        return m.start("digits"), m.end()
    if len(pre) == 1 and not single_letter:
        return None
    return m.start(), m.end()


def _codes(text, lo, hi, *, bare_min, want_letters=False, single_letter=True, strip_rank=True):
    for m in _CODE.finditer(text, lo, hi):
        if _win._COUNTED.match(text, m.end()):
            continue
        span = _code_span(
            m, bare_min=bare_min, want_letters=want_letters, single_letter=single_letter, strip_rank=strip_rank
        )
        if span is None:
            continue
        s = span[0]
        if not m.group("pre"):
            thing = _win._NUMBERED_THING.search(text, max(0, s - 15), s)
            digits = m.group("digits") or m.group("digits2")  # "4417" or "4821PL"
            if thing and not (thing.group().strip().casefold() == "number" and len(digits) >= 4):
                if not _name_list(text, thing, m):
                    continue  # "Section 40", "Room 101", "number 9" (but "number 220145")
            if _time_before(text, s):
                continue  # "at 0730"
            if _plural_after(text, m.end()):
                continue  # "300 others", "150 shifts": a count
        if m.group("pre") and len(m.group("pre")) == 1 and _THE_BEFORE.search(text, max(0, s - 5), s):
            continue  # "the A303", "the B4560": a road
        yield span


_SEPARATORS = re.compile(r"[\s/-]")
#: The next or the last entry of a list of first names and numbers ("Deb 4471, Ste 4488,
#: Priti 4502"): names differ where numbered things repeat ("Room 101, Room 102").
_NAME_ENTRY_AFTER = re.compile(r",\s*(?:and\s+)?(?P<w>[A-Z][a-z]+) \d{3,6}(?![\w%£:/-]|[.,]\d)")
_NAME_ENTRY_BEFORE = re.compile(r"(?<![\w-])(?P<w>[A-Z][a-z]+) \d{3,6},\s*(?:and\s+)?$")


def _name_list(text, thing, m):
    """True when the code ``m`` after a capitalised word (``thing``) is an entry of a list
    of names and numbers of the same length, each name another."""
    word = thing.group().strip()
    if not word[:1].isupper():
        return False
    n = m.end() - m.start()
    a = _NAME_ENTRY_AFTER.match(text, m.end())
    if a and a.group("w") != word and a.end() - a.start("w") - len(a.group("w")) - 1 == n:
        return True
    b = _NAME_ENTRY_BEFORE.search(text, max(0, thing.start() - 20), thing.start())
    return bool(b and b.group("w") != word and len(b.group().split()[1].rstrip(",")) == n)


_THE_BEFORE = re.compile(r"(?i:\bthe\s+)$")


def _n_digits(s):
    return sum(c.isdigit() for c in s)


def _has_letter_code(text, runs):
    """True when some run of 3+ digits (``runs``: the spans of the runs of digits) has a
    capital just before (a separator between allowed) or just after: a code with letters
    may be in ``text``."""
    for s, e in runs:
        if e - s < 3:
            continue
        if s and (text[s - 1].isupper() or (s > 1 and text[s - 1] in "-/ " and text[s - 2].isupper())):
            return True
        if e < len(text) and text[e].isupper():
            return True
    return False


def _ident(text, s, e):
    return _SEPARATORS.sub("", text[s:e])


# ---------------------------------------------------------------------------------------
# Codes announced some words before (windows)
# ---------------------------------------------------------------------------------------

#: Staff and payroll numbers: personal codes the corpora mark with warrant numbers (the
#: long ones) or collar numbers; a call handler's operator number and a detention
#: officer's number ("the DO's number, DO 331") are collar numbers.
_STAFF_TRIGGER = re.compile(
    r"(?i:\b(?:staff|payroll|pay|employee|personnel|service|force|operator|(?-i:DO)['’]?s?|"
    r"detention\s+officer['’]?s?)\s+(?:numbers?|nos?\b|ID\b|IDs\b))"
)
#: A dispatcher's or a staff member's code ("our operator codes on the screen, mine's
#: WY-D 117"): a code with letters only (a bare number after "code" is a pay or job code).
_STAFF_CODE_TRIGGER = re.compile(r"(?i:\b(?:staff|employee|personnel|operator|user)\s+codes?\b)")


def _windows(text, trigger, found_in, folded, tokens):
    """:func:`_id_windows._windows`, the triggers found from their first words: the rest
    of the trigger's sentence, the next when that holds nothing, then sentences that are
    nothing but codes."""
    return _win._windows(text, trigger, found_in, _ids._anchored_finditer(trigger, text, folded, tokens))


def _window_codes(text, trigger, kind, bare_min, max_digits, folded, tokens):
    strip = kind == "collar_number"  # "PC 4417": the rank; "DC 44219", a warrant number

    def found_in(lo, hi):
        return next(_codes(text, lo, hi, bare_min=bare_min, strip_rank=strip), None) is not None

    for lo, hi in _windows(text, trigger, found_in, folded, tokens):
        for s, e in _codes(text, lo, hi, bare_min=bare_min, strip_rank=strip):
            if _n_digits(text[s:e]) > max_digits:
                continue
            yield s, e, kind


# ---------------------------------------------------------------------------------------
# Codes right after a word
# ---------------------------------------------------------------------------------------

#: "my collar, HC 3391", "collar CL 614", "badge: N 4471" (a code with a space or a
#: letter; "collar number 4417" is the main rules').
_COLLAR_ALONE = re.compile(
    r"(?i:\b(?:collar|shoulder|badge|epaulette|lapel)s?(?:\s+(?:number|no\.?|num|#|ID))?"
    r"(?:['’]s|\s+(?:is|was|reads|read|said|says|shows|showed))?)"
    r"\s*[,:#]?\s*(?=[A-Z0-9])"
)
#: A Met-style shoulder number of two digits and two letters right after the word:
#: "shoulder number 31LX".
_SHORT_SHOULDER = re.compile(r"\d{2}[A-Z]{2}(?![\w-])")
#: A Met-style shoulder number anywhere in a text that speaks of numbers and uniforms
#: ("a sergeant number, 42LX, that's how it's written on the epaulette") or of a borough
#: code ("Number, then the borough code. They had "42LX" on the caption"): two or three
#: digits and a borough's two letters (not a unit or an ordinal: "64GB", "10AM", "21ST").
_MET_SHOULDER = re.compile(r"(?<![\w£$€.,:/#&-])\d{2,3}(?P<l>[A-Z]{2})(?![\w%£:/-]|[.,]\d)")
_UNIT_LETTERS = frozenset("AM PM HR MB GB KB TB KG KM MG ML CM MM MP KW HZ BC AD ST ND RD TH UK".split())
#: The same said letters first right after "my number's": "my real number's LX 42".
_SHORT_LETTERED = re.compile(r"(?P<l>[A-Z]{2}) ?\d{2,3}(?![\w%£:/-]|[.,]\d)")
#: A badge, a lapel or an epaulette said without "number" opens a window as "collar
#: number" does: "the number off my lapel, 3120", "the badge was clear, with the number 2981".
_BADGE_TOKENS = ("badge", "lapel", "number", "digit")
_BADGE_TRIGGER = re.compile(
    r"(?i:\b(?:badges?|lapels?)\b|\b(?:numbers?|digits)\b[^.!?\n]{0,60}?"
    r"\bon\s+(?:my|his|her|their|our|your|the)\s+(?:shoulders?|epaulettes?|collars?)\b)"
)
#: "my warrant, W-44172", "warrant card: KT 30117", "the warrant was LC 0066815" (a
#: code after "warrant" said alone).
_WARRANT_ALONE = re.compile(
    r"(?i:\bwarrant(?:\s+card)?(?:\s+(?:number|no\.?|num|#|ID))?(?:(?:['’]s|\s+(?:is|was|reads|said))\s*[,:#]?|\s*[,:#]))"
    r"\s*(?=[A-Z0-9])"
)
#: A warrant number with a group after a hyphen or slash: letters ("0448-CL", "LP
#: 7713-S", "NI-016643-C") or, after a letter prefix, digits ("MS 1994-0331", "SY
#: 4410-22"). Any prefix goes (even "NI"): the group after it makes it one code.
_SUFFIXED = re.compile(
    r"(?<![\w£$€.,:/#&-])(?:(?P<pre>[A-Z]{1,3})[- ]?)?(?P<d>\d{3,7})[-/](?:[A-Z]{1,2}|(?P<d2>\d{2,6}))"
    r"(?![\w%£:/-]|[.,]\d)"
)
#: "Number on it was 0071942", "Number was MP 044716": the number of a warrant card
#: spoken of just before.
_NUMBER_SAID = re.compile(
    r"(?i:\bnumber(?:\s+on\s+(?:it|the\s+card|there))?\s*(?:['’]s|is|was|reads|read|said|says|:)"
    r"(?:\s+(?:on\s+(?:it|the\s+card|there)|printed|showing|clear)\s*,)?\s*)"
    r"(?P<d>(?:(?P<pre>[A-Z]{1,3}) ?)?(?P<n>\d{4,9}))(?![\w%£:/-]|[.,]\d)"
)


#: A force's or a rank's letters, a year's two digits and a serial, with slashes or
#: hyphens: "WMP/17/04482", "KT-09-3318" (as warrant cards print them).
_YEAR_SERIAL = re.compile(r"(?<![\w£$€.,:/#&-])[A-Z]{1,4}(?P<s>[-/])\d{2}(?P=s)\d{3,6}(?![\w%£:/-]|[.,]\d)")


def _suffixed(text, lo, hi):
    for m in _SUFFIXED.finditer(text, lo, hi):
        if m.group("d2") and not m.group("pre"):
            continue  # "2019-20", "4410-22": a span of years, a score
        yield m.start(), m.end()
    for m in _YEAR_SERIAL.finditer(text, lo, hi):
        if not _is_year(m.group()[-4:]):  # "A/12/2019": a date
            yield m.start(), m.end()


def _find_warrant_forms(text, add, folded):
    """Warrant numbers in a window after "warrant card / number" written with a suffix
    group (:data:`_SUFFIXED`); 6-9 digits after "number on it was" when a warrant card
    is spoken of up to 300 characters before."""
    if "-" in text or "/" in text:

        def found_in(lo, hi):
            return next(_suffixed(text, lo, hi), None) is not None

        for lo, hi in _windows(text, _win._WARRANT_TRIGGER, found_in, folded, ("warrant",)):
            for s, e in _suffixed(text, lo, hi):
                add((s, e, "warrant_number", _ident(text, s, e)))
    for t in _ids._anchored_finditer(_win._WARRANT_TRIGGER, text, folded, ("warrant",)):
        for m in _NUMBER_SAID.finditer(text, t.end(), t.end() + 300):
            if len(m.group("n")) < 6 and (m.group("pre") is None or m.group("pre") in _RANK_PREFIX):
                continue  # "So the number was on there, DY 22871": letters and five digits, a code
            if not _win._COUNTED.match(text, m.end()) and m.group("pre") not in _NOT_PREFIX:
                add((m.start("d"), m.end("d"), "warrant_number", _ident(text, m.start("d"), m.end("d"))))
    if " " in text:
        _find_grouped_warrants(text, add, folded)
        _find_lettered_groups(text, add, folded)
    _find_warrant_sentences(text, add, folded)


#: A warrant number of letters and two or three groups of digits ("NB 1492 07", "SY 501
#: 884", "EX 20 19 44", "NT 2019 0388"): 5-9 digits in all.
_LETTERED_GROUPS = re.compile(
    r"(?<![\w£$€.,:/#&-])(?P<pre>[A-Z]{1,3}) (?P<g>\d{2,4}(?: \d{2,4}){1,2})(?![\w%£:/-]|[.,]\d| ?\d)"
)


def _set_off(text, s, e):
    """True when ``text[s:e]`` stands between commas (or a colon, a sentence's end) as a
    field or an aside of its own."""
    return _ASIDE_BEFORE.search(text, max(0, s - 3), s) is not None and _LIST_FIELD_AFTER.match(text, e) is not None


_ASIDE_BEFORE = re.compile(r"(?:[,;:]|[.?!]\s)\s*$")


def _lettered_groups(text, lo, hi, *, rank_ok=False):
    for m in _LETTERED_GROUPS.finditer(text, lo, hi):
        n = _n_digits(m.group("g"))
        # a rank's letters only with three groups ("PS 44 01 29": no collar number is said
        # so), right after "warrant number" ("my warrant number's PS 22 0917") or with six
        # digits or more set off by commas (a force's letters, as "..., PS 19 4472, that's
        # Police Scotland format", "DC 51 0336" for Devon and Cornwall; not "but PC 19 4471
        # came up as a case")
        rank = not rank_ok and m.group("pre") in _RANK_PREFIX and m.group("g").count(" ") < 2
        if rank and n >= 6 and _set_off(text, m.start(), m.end()):
            rank = False
        if 5 <= n <= 9 and m.group("pre") not in _NOT_PREFIX and not rank:
            if not _win._COUNTED.match(text, m.end()) and not _plural_after(text, m.end()):
                yield m.start(), m.end()


#: Digits, a hyphen or slash and a second group, right after "warrant number": "4471-22".
_DIGIT_GROUPS = re.compile(r"(?P<d>\d{3,7})[-/](?P<d2>\d{2,6})(?![\w%£:/-]|[.,]\d)")


def _find_lettered_groups(text, add, folded):
    """Warrant numbers of letters and groups of digits (:data:`_LETTERED_GROUPS`) right
    after "warrant" ("Warrant: NB 1492 07"), in a window after "warrant number / card",
    or after "the number" up to 300 characters after a warrant is spoken of ("You could
    see the number, CC 3307 18")."""
    if _LETTERED_GROUPS.search(text) is None and _DIGIT_GROUPS.search(text) is None and "number" not in text:
        return

    def found_in(lo, hi):
        return next(_lettered_groups(text, lo, hi), None) is not None

    spans = []
    for t in _ids._anchored_finditer(_WARRANT_RIGHT_BEFORE, text, folded, ("warrant",)):
        spans.extend(span for span in _lettered_groups(text, t.end(), t.end() + 16, rank_ok=True) if span[0] == t.end())
        g = _DIGIT_GROUPS.match(text, t.end())  # "my warrant number's 4471-22"
        if g and not (_is_year(g.group("d")) and len(g.group("d2")) <= 4):
            spans.append(g.span())
        spans.extend(
            span for span in _suffixed(text, t.end(), t.end() + 16) if span[0] == t.end()
        )  # "warrant DC 4471-09"
    for lo, hi in _windows(text, _win._WARRANT_TRIGGER, found_in, folded, ("warrant",)):
        spans.extend(_lettered_groups(text, lo, hi))
    for t in _ids._anchored_finditer(_win._WARRANT_TRIGGER, text, folded, ("warrant",)):
        for n in _THE_NUMBER.finditer(text, t.end(), t.end() + 300):
            spans.extend(span for span in _lettered_groups(text, n.end(), n.end() + 16) if span[0] == n.end())
            bare = _BARE_WARRANT.match(text, n.end())  # "You could read the number, 0917345"
            if bare and not _win._COUNTED.match(text, bare.end()):
                spans.append(bare.span())
    for s, e in spans:
        add((s, e, "warrant_number", _ident(text, s, e)))


_BARE_WARRANT = re.compile(r"\d{6,9}(?![\w%£:/-]|[.,]\d| ?\d)")
#: "warrant NT 2019 0388", "Warrant: NB 1492 07", "warrant number's ...": right before the code.
_WARRANT_RIGHT_BEFORE = re.compile(
    r"(?i:\bwarrant(?:\s+card)?(?:\s+(?:number|no\.?|num|ID))?(?:['’]s|\s+(?:is|was|reads|said|of))?\s*[,:#]?\s*)"
)
#: "the number, ...", "my number was ...", "my real number, ...": a number said of a card.
_THE_NUMBER = re.compile(
    r"(?i:\b(?:(?:the|my|his|her|their|your)\s+(?:real\s+|own\s+|old\s+)?number(?:['’]s|\s+(?:is|was|on\s+it))?"
    r"|the\s+one\s+on\s+(?:my|his|her|their|the)\s+(?:old\s+|new\s+|first\s+|last\s+)?card\s+(?:is|was))"
    r"(?:\s+through\s+the\s+window)?\s*[,:]?\s*)"
)
#: A code with letters said as a sentence of its own ("I typed it. DP 30192."), some
#: sentences after "warrant number".
_CODE_SENTENCE = re.compile(r"(?<=[.!?] )(?P<code>[A-Z]{1,3}[ -]?\d{4,9})[.!?](?=\s|$)")


def _find_warrant_sentences(text, add, folded):
    """A code with letters as a sentence of its own (:data:`_CODE_SENTENCE`) in the 120
    characters after "warrant number" (within three sentences)."""
    for t in _ids._anchored_finditer(_win._WARRANT_TRIGGER, text, folded, ("warrant",)):
        hi = t.end() + 120
        for m in _CODE_SENTENCE.finditer(text, t.end(), hi):
            pre = re.match(r"[A-Z]+", m.group("code")).group()
            if pre in _NOT_PREFIX or pre in _RANK_PREFIX or _is_year(m.group("code")[len(pre) :].strip(" -")):
                continue
            if text.count(". ", t.end(), m.start()) + text.count("? ", t.end(), m.start()) > 3:
                break
            add((m.start("code"), m.end("code"), "warrant_number", _ident(text, m.start("code"), m.end("code"))))


#: A warrant number said in two groups of digits ("19 0388", "2934 0117"): 6-8 digits in
#: all (a phone number has 10 or 11), not two years ("2019 2020").
_GROUPED = re.compile(r"(?<![\w£$€.,:/#&-])(?P<a>\d{2,4}) (?P<b>\d{3,4})(?![\w%£:/-]|[.,]\d| ?\d)")
#: "warrant 2934 0117", "warrant number: 19 0388": the groups right after the word.
_WARRANT_THEN = re.compile(
    r"(?i:\bwarrant(?:\s+card)?(?:\s+(?:number|no\.?|num|ID))?(?:['’]s|\s+(?:is|was|reads|of))?\s*[:#,]?\s*)(?=\d)"
)


def _find_grouped_warrants(text, add, folded):
    """Warrant numbers in two groups of digits (:data:`_GROUPED`) right after "warrant" or
    in a window after "warrant number / card" (:func:`_id_windows._windows`)."""

    def grouped(lo, hi):
        for m in _GROUPED.finditer(text, lo, hi):
            a, b = m.group("a"), m.group("b")
            if not 6 <= len(a) + len(b) <= 8 or (_is_year(a) and _is_year(b)) or _win._COUNTED.match(text, m.end()):
                continue
            if _time_before(text, m.start()) or _plural_after(text, m.end()):
                continue
            yield m

    def found_in(lo, hi):
        return next(grouped(lo, hi), None) is not None

    found = [
        m
        for t in _ids._anchored_finditer(_WARRANT_THEN, text, folded, ("warrant",))
        for m in grouped(t.end(), t.end() + 10)
        if m.start() == t.end()
    ]
    for lo, hi in _windows(text, _win._WARRANT_TRIGGER, found_in, folded, ("warrant",)):
        found.extend(grouped(lo, hi))
    for m in found:
        add((m.start(), m.end(), "warrant_number", m.group("a") + m.group("b")))


#: A code of capitals, a hyphen or slash and 4-9 digits ("W-44172", "KT/30117"), said with
#: no trigger in a text that speaks of a number ("So it's W-44172 in the post?"): the
#: hyphen or slash makes it a code, not a count or an amount.
_HYPHEN_HINT = re.compile(r"[A-Z][-/]\d")
_HYPHEN_CODE = re.compile(
    r"(?<![\w£$€.,:/#&-])(?P<pre>[A-Z]{1,4}(?:[-/][A-Z]{1,2})?)[-/](?P<d>\d{4,9})(?![\w%£:/-]|[.,]\d)"
)
#: Words before a code that make it a reference, a product or a form, not a person's
#: number: "crime ref CR-40218", "flight BA-2490", "model T-1000".
_REFERENCE_BEFORE = re.compile(
    r"(?i:\b(?:ref|refs|reference|references|crime|incident|log|logs|case|job|flight|model|part|form|order|"
    r"invoice|ticket|policy|account|serial|product|item|version|route|bus|train|operation|op)\b)"
)
#: A rank word and a number, no name: "Sergeant 3346, I'll find you", "Constable 2210".
_RANK_NUMBER = re.compile(
    r"(?<![\w.])(?:(?:(?:[Ss]pecial\s+)?[Cc]onstable|[Oo]fficer|(?:PC|PS|DC|DS|Sgt|PCSO|SC)\.?,?)\s*"
    r"(?:no\.?|number(?:['’]s|\s+(?:is|was))?|#)\s*[,:]?|[Ss]ergeant|[Cc]onstable|Sarge|Officer|Special"
    r"|P\.C\.|P\.S\.|D\.C\.|Sgt\.)"
    r"\s*(?P<num>\d{3,6})(?![\w%£:/-]|[.,]\d)"
    # a rank abbreviation and a code with letters, no name: "PC EX 3321 attending" (the
    # letters are the code's: a force's or a station's)
    r"|(?<![\w.])(?-i:PC|PS|PCSO|SC|Sgt)\s+(?P<lettered>(?P<pre>[A-Z]{2,3})\s?\d{3,6})(?![\w%£:/-]|[.,]\d)"
)
#: A detention officer's role letters and the number: "DO 318", "DDO D552" (capitals
#: only: "do 300" is a verb). The role goes with the number, as some corpora mark it ("DO
#: 314") and others leave it out ("DO [318]"): either way the whole is replaced.
_ROLE_NUMBER = re.compile(r"(?<![\w.])D?DO\s+(?P<num>[A-Z]?\d{2,6})(?![\w%£:/-]|[.,]\d)")
#: The same written as one code, letters and digits: "DO417", "DDO 2210" aside.
_GLUED_ROLE_NUMBER = re.compile(r"(?<![\w.£$€#/-])D?DO(?P<num>\d{3,5})(?![\w%£:/-]|[.,]\d)")
#: A call handler's operator number with its letters, in a text that speaks of operators:
#: "my operator number is OP 2291" (capitals only; the letters are the number's, inside
#: the span as the brief has "NE 2231").
_OPERATOR_NUMBER = re.compile(r"(?<![\w.])OP[ -]?(?P<num>\d{3,6})(?![\w%£:/-]|[.,]\d)")
#: An operator's number said after the word alone, closing its clause: "operator 4512,",
#: "operator SW 8812." (a force's or a room's letters are the number's, inside the span).
_OPERATOR_SAID = re.compile(
    r"(?<![\w-])operator\s+(?P<num>(?P<pre>[A-Z]{1,3})[ -]?(?P<ld>\d{3,5})(?![\w%£:/-]|[.,]\d)"
    r"|(?P<d>\d{3,5})(?=\s*(?:[,.;:!?)\"”’]|$)))"
)
#: A payroll or employee number said with no "number" ("Payroll 77104", "employee no.
#: 4410", "Payroll: 880217", "Employee KX 301182"), as payslips and records print it.
_STAFF_ALONE = re.compile(
    r"(?i:\b(?:payroll|employee|personnel)(?:\s+(?:no\.?|#|ID))?\s*[:#]?\s*)(?=\d|[A-Z]{1,4}[ -]?\d)"
)
#: A payroll or staff number said after "my payroll" with no "number" ("my payroll,
#: 7705183", "her payroll's 0094412", "his staff ID was 40188", "my payroll's PR 44120"):
#: four digits or more, letters before them or none
#: (not a year, a count or an amount: "my staff, 40 of them", "my payroll's 2,400").
_MY_STAFF = re.compile(
    r"(?i:\b(?:my|his|her|their|our|your)\s+(?:payroll|staff|employee|personnel)(?:\s+(?:no\.?|ID|number))?"
    r"(?:['’]s|\s+(?:is|was))?\s*[,:]?\s*)(?=\d{4}|[A-Z]{1,3}[ /-]?\d{4})"
)
#: "my number, B772", "mine's DO 314", "his number was N 2231", "my ID number's CI 0334"
#: (a staff ID with letters: a collar number, the corpora's policy): a code with letters.
#: A filler may come before the code ("my number, erm, D517", "mine's, like, T 4410").
_MY_NUMBER = re.compile(
    r"(?i:\b(?P<my>(?:my|his|her|their|your|our)\s+(?:own\s+|old\s+|real\s+|work\s+|special(?:['’]s)?\s+){0,2}(?P<id>(?-i:ID)\s+)?number(?:['’]s|\s+(?:is|was))?|mine['’]s|mine\s+(?:is|was))"
    r"\s*[,:]?\s*(?:(?:erm|um|er|uh|like)\s*,?\s+)?(?:which\s+(?:is|was)\s+|that['’]s\s+|being\s+)?)(?=[A-Z0-9])"
)
#: Words that make "my number" a uniform's number when said with 3-5 digits alone
#: ("my number, which is 4417"): the text speaks of a collar, an epaulette, a uniform.
_UNIFORM_WORDS = ("collar", "shoulder", "epaulette", "badge", "uniform", "lanyard", "helmet")
#: A code named after it: "4417 is my collar number", "W-4417 was his warrant number",
#: "he had 2291 on his shoulder".
_NAMED_AFTER = re.compile(
    r"(?i:(?:\b(?:that['’]s|that\s+is|that\s+was|which\s+is|which\s+was|it['’]s|is|was|being|as)\s+|['’]s\s+)"
    r"(?:my|his|her|their|our|your)\s+(?:old\s+|own\s+)?"
    r"(?P<what>collar|shoulder|badge|epaulette|warrant|staff|payroll)(?:\s+card)?\s+(?:number|no\b|ID\b)"
    r"|\bon\s+(?:my|his|her|their|our|your)\s+(?P<on>shoulders?|epaulettes?|collars?|uniforms?|lapels?|helmet))"
)
#: "they had her as CF 3317", "listed as DO 5519": a code of 2-3 capitals after "as".
_SPECIAL_CODE = re.compile(r"(?<![\w-])SC ?(?P<d>\d{3,6})(?![\w%£:/-]|[.,]\d)")
_AS_CODE = re.compile(r"\bas\s+(?=[A-Z]{2,3}[ -]?\d{3,6}(?![\w%£:/-]|[.,]\d))")


def _code_at(text, pos, **kw):
    m = _CODE.match(text, pos)
    if m is None or _win._COUNTED.match(text, m.end()):
        return None
    return _code_span(m, **kw)


# ---------------------------------------------------------------------------------------
# Vehicles
# ---------------------------------------------------------------------------------------

_VEHICLE_WORDS = re.compile(
    r"(?i:\b(?:reg|regs|registration|registrations|plates?|number\s?plates?|cars?|car['’]s|vans?|van['’]s|"
    r"motors?|vehicles?|motorbikes?|motorcycles?|bikes?|lorry|lorries|trucks?|taxis?|jeeps?|pick-?ups?|"
    r"4x4s?|campervans?|caravans?|motorhomes?)\b)"
)
#: Older plates and Northern Irish ones: 3 letters and 1-4 digits ("LJZ 4817", "AIG 3456").
_DATELESS = re.compile(r"(?<![\w£$€.,:/#&-])(?P<l>[A-Z]{3}|[A-HJ-Z][IZ]|I[A-Z]) ?(?P<d>\d{1,4})(?![\w%£:/-]|[.,]\d)")
#: Letters of vehicle makes, models and classes ("a RAV4", "an LDV 200", "HGV 3500").
_MODEL_LETTERS = frozenset(
    """RAV LDV GMC SUV MPV GTI GTE GTD TDI HGV LGV PSV ATV UTV DAF MAN ERF JCB XJS XKR SLK CLK
    CLS AMG BMW EV VW DS MG COP MPG BHP VIN MOT PCN LEZ CAZ RAC TFL UFC""".split()
)
_LIST_FIELD_BEFORE = re.compile(r"[,;]\s*$")
_LIST_FIELD_AFTER = re.compile(r"\s*(?:[,;]|[.!?]?[\"”’)]|[.!?](?:\s|$)|$)")
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:a|an|the|my|his|her|our|their|your|new|old)\s+)$")
#: Any plate right after "reg" / "registration" / "plate": 1-3 letters and 1-4 digits,
#: or a current plate in lower case ("reg was ab12 cde"); a prefix plate ("plate, T4 RIQ")
#: whole, tried first (not its "T4").
_REG_WORD = re.compile(
    r"(?i:\b(?:reg|registration|plate|number\s?plate)(?:\s+(?:number|no\.?|plate))?(?:['’]s|\s+(?:is|was|of))?)"
    r"\s*[,:]?\s*"
    r"(?P<plate>(?-i:[A-Z] ?\d{1,3} ?[A-Z]{3}|[A-Z]{1,3} ?\d{1,4}|\d{1,4} ?[A-Z]{1,3})|[a-z]{2}\d{2} ?[a-z]{3}"
    r"|[A-Za-z]\d{1,3} ?[A-Za-z]{3}"
    # a Northern Irish plate in lower case ("reg was lcz 1423"): its code holds an i or a z
    r"|(?-i:(?!his\b)[a-z](?:[a-z][iz]|i[a-z]) ?\d{1,4}))"
    r"(?![\w%£:/-]|[.,]\d)"
)
#: Northern Irish plates' letters: the last two (the county code) hold an I or a Z ("LCZ",
#: "OXZ", "AIG").
_NI_PLATE_LETTERS = re.compile(r"[A-Z]?(?:[A-HJ-Z][IZ]|I[A-Z])")
#: Another such plate right before or after in a comma list: "LCZ 8870, OXZ 3312, AXZ 1004".
#: (The letters differ from item to item: "CRI 4410, CRI 4411" is a run of references.)
_NI_PLATE_BEFORE = re.compile(r"(?<![\w£$€.,:/#&-])(?P<l>[A-Z]?(?:[A-HJ-Z][IZ]|I[A-Z])) ?\d{4}\s*,\s*(?:and\s+)?$")
_NI_PLATE_AFTER = re.compile(r"\s*,\s*(?:and\s+)?(?P<l>[A-Z]?(?:[A-HJ-Z][IZ]|I[A-Z])) ?\d{4}(?![\w%£:/-]|[.,]\d)")


@lru_cache(maxsize=1)
def _not_plate_letters() -> frozenset:
    """Three capitals that are a force, a rank or a body, not a plate's letters."""
    out = set(_win.force_prefixes()) | set(_NOT_PREFIX) | _RANK_PREFIX
    out.update("DCI DCS ACC DCC PSI TDC DSU DSI NCA CID MOJ DWP HMP HMRC DVLA SIA RTC RTA NFA ".split())
    return frozenset(out)


def _sentence_bounds(text, pos, before=0):
    """Start of the sentence ``before`` sentences back from the one holding ``pos``, and
    the end of that one."""
    sentences, starts = _win.sentence_spans(text)
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return 0, len(text)
    return sentences[max(0, i - before)][0], sentences[i][1]


#: "plate", "reg": a plate spoken of just before a code ("on an NI plate obviously, LEZ 4172").
_PLATE_WORD = re.compile(r"(?i:\b(?:reg|registration|(?:number\s?)?plates?)\b)")


def _plate_said_before(text, m):
    """True when a plate is spoken of in the 60 characters before the code ``m`` or the 40
    after (letters that are also a model's or a scheme's, "LEZ 4172"), its sentence only,
    four digits."""
    if len(m.group("d")) != 4:
        return False
    lo = max(0, m.start() - 60)
    lo = max(lo, text.rfind(". ", lo, m.start()) + 1)
    hi = min(len(text), m.end() + 40)
    stop = text.find(". ", m.end(), hi)
    hi = hi if stop < 0 else stop  # "LEZ 4471, old Northern Ireland plate": just after, same sentence
    return _PLATE_WORD.search(text, lo, m.start()) is not None or _PLATE_WORD.search(text, m.end(), hi) is not None


def _ni_plate_list(text, m):
    """True when the ``_DATELESS`` match ``m`` is a Northern Irish plate of four digits in
    a comma list of them (:data:`_NI_PLATE_LETTERS`): "LCZ 8870, OXZ 3312, AXZ 1004"."""
    if len(m.group("d")) != 4 or _NI_PLATE_LETTERS.fullmatch(m.group("l")) is None:
        return False
    b = _NI_PLATE_BEFORE.search(text, max(0, m.start() - 16), m.start())
    a = _NI_PLATE_AFTER.match(text, m.end())
    return any(x is not None and x.group("l") != m.group("l") for x in (b, a))


#: "Mine's", "mine is" right before a code: the thing spoken of before, owned.
_MINE_BEFORE = re.compile(r"(?i:\bmine(?:['’]s|\s+(?:is|was))\s*[,:]?\s*)$")


def _find_vehicles(text, add, folded, starts):
    for m in _ids._anchored_finditer(_REG_WORD, text, folded, ("reg", "plate", "number")):
        plate = m.group("plate")
        letters = re.sub(r"[\d ]", "", plate)
        if letters.upper() in _not_plate_letters() or _is_year(re.sub(r"\D", "", plate)):
            continue
        if _win._COUNTED.match(text, m.end()):
            continue
        add((m.start("plate"), m.end("plate"), "vehicle", plate.replace(" ", "").upper()))
    for m in _ids._matches_at(_DATELESS, text, starts):
        if m.group("l") in _not_plate_letters() or _is_year(m.group("d")):
            continue
        if m.group("l") in _MODEL_LETTERS and not _plate_said_before(text, m):
            continue
        if _DETERMINER_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "a RAV4", "the VW 1500": a make or a model
        if _win._COUNTED.match(text, m.end()):
            continue
        # three letters: the sentence or the one before speaks of a vehicle ("My car's
        # been done. LCZ 9021 went up on a wall."); two (Northern Irish "DZ 4410"): the sentence
        back = 1 if len(m.group("l")) == 3 else 0
        if back and _MINE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            back = 2  # "We check under the car. Still. Mine's KXZ 6120": the car two sentences back
        lo, hi = _sentence_bounds(text, m.start(), back)
        if _VEHICLE_WORDS.search(text, lo, min(hi, m.end() + 40)) is None and not _ni_plate_list(text, m):
            # a list's field ("..., lives Moira, KXZ 4471. ... My reg's right."): a vehicle
            # spoken of up to 200 characters after
            if not (len(m.group("l")) == 3 and _LIST_FIELD_BEFORE.search(text, max(0, m.start() - 3), m.start())):
                continue
            if not _LIST_FIELD_AFTER.match(text, m.end()) or not _VEHICLE_WORDS.search(text, m.end(), m.end() + 200):
                continue
        add((m.start(), m.end(), "vehicle", m.group().replace(" ", "")))


# ---------------------------------------------------------------------------------------
# NI numbers
# ---------------------------------------------------------------------------------------

_NI_CONTEXT = re.compile(r"(?i:\bNI\b|\bN\.I\.|national\s+insurance|\bNINO\b)")
_NI_LOOSE = re.compile(
    r"(?<![\w-])(?P<p>[A-Za-z]{2})(?P<s>[ .-]?)\d{2}(?P=s)\d{2}(?P=s)\d{2}(?:(?P=s)(?P<x>[A-Da-d]))?(?![\w-])"
)
_NI_FIRST = set("ABCEGHJKLMNOPRSTWXYZ")
_NI_SECOND = set("ABCEGHJKLMNPRSTWXYZ")
_NI_BAD = frozenset("BG GB NK KN TN NT ZZ".split())


def _ni_prefix_ok(p):
    p = p.upper()
    return p == "QQ" or (p[0] in _NI_FIRST and p[1] in _NI_SECOND and p not in _NI_BAD)


#: An NI number written a character at a time ("C E 3 1 0 6 7 2 D", "J-K-4-0-2-2-7-1-B"), as on a form with
#: boxes: its shape is telling enough without an NI word near it.
_NI_SPACED = re.compile(r"(?<![\w-])(?P<p>[A-Z][ -]?[A-Z])(?:[ -]\d){6}[ -][A-D](?![\w-])")


def _find_spaced_ni(text, add):
    for m in _NI_SPACED.finditer(text):
        if _ni_prefix_ok(re.sub(r"[ -]", "", m.group("p"))) and not _EXAMPLE_AFTER.search(text, m.end(), m.end() + 80):
            add((m.start(), m.end(), "ni_number", re.sub(r"[ -]", "", m.group())))


#: An NI number with its six digits in one run and a space or none around them, as typed
#: quickly ("ek 274861 a", "PA741955 C"): the full shape, the suffix letter said.
_NI_RUN = re.compile(r"(?<![\w-])(?P<p>[A-Za-z]{2}) ?\d{6} ?(?P<x>[A-Da-d])(?![\w-])")
#: How far before such a number an NI number is spoken of ("The NI number on the form
#: was ek 274861 a, ... And my husband's, pa 741955 c").
_NI_RUN_REACH = 300


#: Said of a code typed in lower case, just after it: "jh 503318 b, in small letters".
_LOWER_CUE_WORDS = ("small letters", "lower case", "lowercase", "no capitals", "type")
_LOWER_CUE = re.compile(r"(?i:\b(?:small\s+letters|lower\s?case|no\s+capitals|the\s+way\s+you['’]d\s+type)\b)")


def _find_ni_runs(text, add, starts):
    for m in _ids._matches_at(_NI_RUN, text, starts):
        g = m.group()
        if not _ni_prefix_ok(m.group("p")) or (g.isupper() and " " not in g):
            continue
        if m.group("p").casefold() in _LOWER_NOT_PREFIX:
            continue  # "we made on 200000 a year": a word, not an NI number's letters
        if not _NI_CONTEXT.search(text, max(0, m.start() - _NI_RUN_REACH), m.start()) and not (
            g.islower() and _LOWER_CUE.search(text, m.end(), m.end() + 60)
        ):
            continue
        add((m.start(), m.end(), "ni_number", re.sub(r"[ .-]", "", g).upper()))


def _find_ni(text, add, starts):
    for m in _ids._matches_at(_NI_LOOSE, text, starts):
        g = m.group()
        if not _ni_prefix_ok(m.group("p")):
            continue
        if g.isupper() and m.group("s") in ("", " ") and m.group("x"):
            continue  # the main pattern's
        if not _NI_CONTEXT.search(text, max(0, m.start() - 80), m.start()):
            continue  # only where an NI number is spoken of
        add((m.start(), m.end(), "ni_number", re.sub(r"[ .-]", "", g).upper()))


#: Said to be an example, not the speaker's own: "that's the example one", "a specimen".
_EXAMPLE_AFTER = re.compile(
    r"(?i:\b(?:the|an|that['’]s|that\s+is|it['’]s|just)\s+(?:example|specimen|sample|dummy)\b|\bmade[- ]up\s+one\b)"
)


# ---------------------------------------------------------------------------------------
# find / revise
# ---------------------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_DIGITS3 = re.compile(r"\d{3}")
_DIGIT_RUN = re.compile(r"\d+")
#: A bar, a spaced slash or dash, or a comma or colon before digits: a row of fields may be there.
_ROW_HINT = re.compile(r"\||\s[/–—-]\s|[,:]\s*(?:[A-Z]{1,4} ?)?\d{3}")


#: A partial postcode, its outward code alone, right after "my postcode starts / is":
#: "My postcode starts PL7, that's all" (the full postcode is the main rule's).
_POSTCODE_START = re.compile(
    r"(?i:\b(?:my|our|his|her|their)\s+post\s?code(?:['’]s|\s+(?:is|was|starts|started|begins|began))?"
    r"(?:\s+(?:with|as))?\s*[,:]?\s*)(?P<out>(?-i:[A-Z]{1,2}\d[A-Z\d]?))(?![\w%£:/-]|[.,]\d| ?\d[A-Z]{2})"
)


#: An outward code standing alone in its clause ("No, just ne23, just the first bit",
#: "it was CF24."), any case: two letters in lower case ("ne23", not "m1"); not a road
#: ("the M6", "M1 traffic"), nor a part of a full postcode.
_OUTWARD_ALONE = re.compile(
    r"(?<=[\s\"“(,:])(?P<out>(?P<area>[A-Z]{1,2}|[a-z]{2})\d[A-Za-z\d]?)(?: \d(?!\w))?"
    r"(?=\s*(?:[,.;:!?)\"”’—–]|$))(?! ?\d[A-Za-z]{2})"
)
#: The sector digit after an outward code with the rest held back ("G67 1... something",
#: "NE63 9, on it", "WS5 4 and then two letters", "BB7 2-something"): part of the partial
#: postcode (:func:`_sector_add`). Not the inward code of a full postcode ("NG9 2JH", "G67 1
#: XX"), not a number going on ("LS25 12"), nor a count or an amount ("LS25 2 miles").
_SECTOR_AFTER = re.compile(
    r" (?:\d(?![\w%£$€:/]|[.,]\d| ?[A-Z]{2}\b|\s+(?:mins?|minutes?|miles?|hours?|days?|weeks?|months?|years?|"
    r"times?|quid|pounds?|of|or|to|x)\b)"
    # the sector said in a word, the rest held back: "G67 one, something", "LS6 two..."
    r"|(?i:one|two|three|four|five|six|seven|eight|nine|zero|oh)(?=\s*(?:\.{2,3}|…|,\s*(?:something|summat|whatever|"
    r"blah|and\s+then|then))))"
)


_SECTOR_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())} | {
    "oh": "0"
}


def _sector_add(text, add):
    """``add`` for partial postcodes, with the sector digit said after an outward code
    (:data:`_SECTOR_AFTER`) taken into the span."""

    def add_sector(item):
        s, e, kind, ident = item
        m = _SECTOR_AFTER.match(text, e)
        if m is not None:
            sector = text[m.start() + 1 : m.end()].casefold()
            item = (s, m.end(), kind, f"{str(ident).upper()} {_SECTOR_WORDS.get(sector, sector)}")
        add(item)

    return add_sector


_ROAD_BEFORE = re.compile(
    r"(?i:\b(?:the|junction|j|on|off|via|down|up|along|room|section|page|flat|number|unit|floor|bay|gate|"
    r"platform|route|bus|seat|row|block|ward|level|zone|grid|box|form|table|size|model|type|part|stand|paper)\s+)$"
)
#: How far after "postcode" an outward code alone is taken.
_OUTWARD_REACH = 160


_POSTCODE_WORD = re.compile(r"(?i:\bpost\s?codes?\b)")


#: An outward code (and its sector) said as a postcode's kind: "it's an NE63 postcode",
#: "a G67 1 postcode", "they're all DH1 postcodes", "the SR2 area" (an area of two letters).
_OUTWARD_NAMED = re.compile(
    r"(?<![\w@./£$€#-])(?P<out>(?P<area>[A-Z]{1,2})\d[A-Z\d]?)(?P<sec> \d)?"
    r"(?=\s+(?i:post\s?codes?)\b|(?:(?<=[A-Z]{2}\d)|(?<=[A-Z]{2}\d[A-Z\d])|(?<=\d \d))\s+(?i:area|district)\b)"
)


#: An outward code and its sector, the rest trailing off ("the SA19 9... they just had the
#: first bit", "LS6 2…"), or an outward code said as what a post showed ("CA12 in the
#: hashtag", "And CO7 6 on the post", "NE23 in the caption"): a partial postcode.
_OUTWARD_TRAILED = re.compile(
    r"(?<![\w@./£$€#-])(?P<out>(?P<area>[A-Z]{1,2})\d[A-Z\d]?)(?:(?P<sec> \d)(?P<dots>\.{2,3}|…)(?!\d)"
    r"|(?P<sec2> \d)?(?=\s+(?:in|on)\s+(?:the|their|his|her|that|a)\s+(?:post|hashtag|tweet|caption|comment|"
    r"photo|picture|video|message|screenshot|page|status|story|thread)s?\b))"
)


def _find_trailed_outwards(text, add, hay):
    for m in _OUTWARD_TRAILED.finditer(text):
        area = m.group("area")
        if area not in _ids.POSTCODE_AREAS:
            continue
        if len(area) == 1 and (not (m.group("sec") or m.group("sec2")) or ("post" not in hay and "address" not in hay)):
            continue  # "M6 in the photo", "the M1 3... 4 junctions back": a road
        if not m.group("dots") and _ROAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        end = m.end("sec") if m.group("sec") else m.end("sec2") if m.group("sec2") else m.end("out")
        add((m.start(), end, "postcode", text[m.start() : end]))


def _find_named_outwards(text, add):
    for m in _OUTWARD_NAMED.finditer(text):
        if m.group("area") in _ids.POSTCODE_AREAS:  # "area" only after two letters: not "the M6 area"
            add((m.start(), m.end(), "postcode", m.group()))


def _find_partial_postcodes(text, add, hay):
    add = _sector_add(text, add)
    for m in _POSTCODE_START.finditer(text):
        out = m.group("out")
        if re.match(r"[A-Z]+", out).group() in _ids.POSTCODE_AREAS:
            add((m.start("out"), m.end("out"), "postcode", out))
    if "postcode" not in hay and "post code" not in hay:
        return
    outs = set()
    for p in _POSTCODE_WORD.finditer(text):
        for m in _OUTWARD_ALONE.finditer(text, p.end(), p.end() + _OUTWARD_REACH):
            if m.group("area").upper() not in _ids.POSTCODE_AREAS:
                continue
            if _ROAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            outs.add(m.group("out").upper())
    for out in outs:  # the same outward code said again, before or after: "..., ne23, ... just ne23"
        for m in re.finditer(rf"(?<![\w@./-])(?i:{out})(?![\w@/-]| ?\d[A-Za-z]{{2}})", text):
            if not _ROAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                add((m.start(), m.end(), "postcode", out))


#: An outward code with the rest held back ("they had LE4 something", "E10 whatever",
#: "NE23 summat"), its sector digit too ("G67 1-something", "G67 1... whatever", "WS5 4
#: and then two letters", "BB7 2 x x", "IP4 5XX"): the inward code not said.
_OUTWARD_WITHHELD = re.compile(
    r"(?<![\w@./£$€#-])(?P<out>(?P<area>[A-Z]{1,2})\d[A-Z\d]?)(?P<sec> \d)?"
    r"(?:(?:[ -]|\s*(?:\.{2,3}|…)\s*)(?:something|summat|whatever|blah|etcetera"
    r"|(?:and\s+)?then\s+(?:the\s+|two\s+|some\s+)?letters|and\s+(?:the\s+|two\s+)letters)\b"
    r"|[ -]?(?:[xX*?#] ?[xX*?#])(?![\w*?#]))"
)
#: Words of :data:`_OUTWARD_WITHHELD` looked for in the case-folded text first.
_WITHHELD_WORDS = ("something", "summat", "whatever", "blah", "etcetera", "letters", "x x", "**", "??", "##")


def _masked_xx(hay):
    """True when "xx" follows a digit in ``hay`` ("IP4 5XX", "5 xx"), found with ``str.find``
    ("doxxing" holds "xx")."""
    i = hay.find("xx")
    while i >= 0:
        if hay[i - 1 : i].isdigit() or (hay[i - 1 : i] in (" ", "-") and hay[i - 2 : i - 1].isdigit()):
            return True
        i = hay.find("xx", i + 2)
    return False


#: Where someone lives ("Where do you live? P: Garforth, LS25, ...", "we live in NE23"):
#: an outward code alone in its clause after it, beside a town or after "in".
_LIVE_WORD = re.compile(r"(?i:\b(?:live[sd]?|living|moved)\b)")
_TOWN_OR_IN_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,\s*|\b(?i:in|near|round|around)\s+)$")
_LIVE_REACH = 120


def _find_home_outwards(text, add, hay):
    """Outward codes said as (part of) where someone lives: with the rest held back
    (:data:`_OUTWARD_WITHHELD`; one letter only where the text speaks of a postcode or
    post) or alone in its clause, after a town and a comma or after "in", up to
    :data:`_LIVE_REACH` characters after "live" ("Where do you live? P: Garforth, LS25")."""
    add = _sector_add(text, add)
    if any(w in hay for w in _WITHHELD_WORDS) or _masked_xx(hay):
        for m in _OUTWARD_WITHHELD.finditer(text):
            area = m.group("area")
            if area not in _ids.POSTCODE_AREAS or (len(area) == 1 and "post" not in hay):
                continue
            if not _ROAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                end = m.end("sec") if m.group("sec") else m.end("out")
                add((m.start("out"), end, "postcode", text[m.start("out") : end]))
    if any(w in hay for w in ("live", "living", "moved")):
        for t in _LIVE_WORD.finditer(text):
            for m in _OUTWARD_ALONE.finditer(text, t.end(), t.end() + _LIVE_REACH):
                area = m.group("area")
                if not area.isupper() or area not in _ids.POSTCODE_AREAS:
                    continue
                if _ROAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue
                if _TOWN_OR_IN_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                    add((m.start(), m.end("out"), "postcode", m.group("out")))


#: A speaker's label ("P:", "Respondent:"): capitals that do not make a turn typed in
#: capitals.
_LABEL = re.compile(r"\b[A-Z][A-Za-z]*:")
_UPPER = re.compile(r"[A-Z]")
#: How far before a code a turn must be typed in lower case for its letters to be taken
#: in lower case.
_LOWER_REACH = 100


def _lower_typed(text, s, e):
    """True when ``text`` is typed in lower case from :data:`_LOWER_REACH` characters
    before ``s`` to ``e`` (a speaker's label aside): "i'm a pcso with northumbria, my
    number's pcso 9082", as a post is typed."""
    part = _LABEL.sub("", text[max(0, s - _LOWER_REACH) : e])
    return _UPPER.search(part) is None and sum(c.isalpha() for c in part) >= 20


#: A rank in lower case and a number, in a turn typed in lower case: "pcso 9082", "pc 4417"
#: (the rank outside the span, as in capitals).
_LOWER_RANK_NUMBER = re.compile(r"(?<![\w.@/-])(?:pcso|pc|ps|sgt|dc|ds|tdc) (?P<num>\d{3,6})(?![\w%£:/-]|[.,]\d)")
_LOWER_RANK_TOKENS = ("pcso ", "pc ", "ps ", "sgt ", "dc ", "ds ", "tdc ")


def _lower_ranks(text):
    """The matches of :data:`_LOWER_RANK_NUMBER`, tried only where a token and a digit stand
    (found with ``str.find``: "ds " ends many words)."""
    for tok in _LOWER_RANK_TOKENS:
        i = text.find(tok)
        while i >= 0:
            if text[i + len(tok) : i + len(tok) + 1].isdigit():
                m = _LOWER_RANK_NUMBER.match(text, i)
                if m is not None:
                    yield m
            i = text.find(tok, i + 1)


#: An officer's warrant said for the number, the code later in the clause: "my warrant
#: was in the same post, NB 07714", "his warrant was on the screenshot as well, 441902".
_WARRANT_SAID = re.compile(
    r"(?i:\b(?:my|his|her|their|your|our)\s+warrant\b(?!\s+(?:card|cards|number|numbers|no\b|num\b|id\b|identity|"
    r"for|out|was\s+(?:issued|executed|served)|officer)))"
)
_SAID_CODE = re.compile(
    r"(?<![\w£$€.,:/#&@-])(?:(?P<pre>[A-Z]{1,3}|[a-z]{1,3})[ -]?)?(?P<d>\d{4,9})(?![\w%£:/-]|[.,]\d)"
)
_SAID_REACH = 70
_SAID_STOP = re.compile(r"[.!?](?=\s)|\n")
#: Words before a number that make it an amount, a count or a time.
_COUNT_BEFORE = re.compile(
    r"(?i:\b(?:of|about|around|over|under|than|some|nearly|almost|roughly|approximately|at|by|from|to|until|till|"
    r"since|in|after|before|only|just|cost|costs|costing|paid)\s+)$"
)
#: Short words that are no code's letters typed in lower case ("at 0730", "in 2019").
_LOWER_NOT_PREFIX = frozenset(
    """a i at in on of to is it as by no or so up we me my be do go he if an and the was for its our his her are
    not but nor nr about ref pin tel mob ext pc ps dc ds sgt pcso tdc op log cad urn""".split()
)


def _find_said_warrants(text, add):
    for t in _WARRANT_SAID.finditer(text):
        stop = _SAID_STOP.search(text, t.end(), t.end() + _SAID_REACH)
        hi = stop.start() if stop else min(len(text), t.end() + _SAID_REACH)
        m = _SAID_CODE.search(text, t.end(), hi)
        if m is None or _win._COUNTED.match(text, m.end()) or _time_before(text, m.start("d")):
            continue
        pre, d = m.group("pre"), m.group("d")
        if pre and (pre.upper() in _NOT_PREFIX or pre.casefold() in _LOWER_NOT_PREFIX):
            pre = None
        if pre and pre.islower() and not _lower_typed(text, m.start(), m.end()):
            pre = None
        if pre is None and (
            _is_year(d) or d in _SERVICE_NUMBERS or _COUNT_BEFORE.search(text, max(0, m.start("d") - 16), m.start("d"))
        ):
            continue  # "one of 1200 issued", "out by 0730"
        s = m.start() if pre else m.start("d")
        add((s, m.end(), "warrant_number", _ident(text, s, m.end()).upper()))


def _lower_prefixed(text, found):
    """Collar and warrant numbers in a turn typed in lower case, with the code's letters
    typed before them ("my warrant number is nb 07714"): the letters are the code's."""
    out = []
    for f in found:
        s, e, kind, ident = f
        if kind in ("collar_number", "warrant_number") and s >= 3:
            m = re.search(r"(?<![\w.@/-])(?P<l>[a-z]{1,3})[ -]?$", text[max(0, s - 5) : s])
            if m and m.group("l") not in _LOWER_NOT_PREFIX and _lower_typed(text, s, e):
                start = s - (len(text[max(0, s - 5) : s]) - m.start())
                f = (start, e, kind, _ident(text, start, e).upper())
        out.append(f)
    return out


def find(text: str, add, folded) -> None:
    """Candidates of this area in ``text`` (``folded`` is ``text.casefold()`` when it
    keeps the length, else ``None``)."""
    if _DIGIT.search(text) is None:
        return
    hay = folded if folded is not None else text.casefold()
    if "post" in hay:
        _find_partial_postcodes(text, add, hay)
    if "postcode" in hay or "post code" in hay or "area" in hay or "district" in hay:
        _find_named_outwards(text, add)
    _find_home_outwards(text, add, hay)
    if "." in text or "…" in text or " the " in text:
        _find_trailed_outwards(text, add, hay)
    runs = [m.span() for m in _DIGIT_RUN.finditer(text)]
    long_run = any(e - s >= 3 for s, e in runs)
    if long_run and "warrant" in hay:
        _find_said_warrants(text, add)
    if long_run and any(w in text for w in _LOWER_RANK_TOKENS):
        for m in _lower_ranks(text):
            num = m.group("num")
            if _is_year(num) or num in _SERVICE_NUMBERS or _win._COUNTED.match(text, m.end()):
                continue
            if _lower_typed(text, m.start(), m.end()):
                add((m.start("num"), m.end("num"), "collar_number", num))
    if long_run:  # every code but a plate's or an NI number's
        _find_codes(text, add, folded, hay, runs)
        if any(e < len(text) and text[e] == "." for _, e in runs):  # digits, then a dot
            _find_dotted_phones(text, add)
    else:
        if "DO " in text:  # "DO 52": a short role number
            _find_role_numbers(text, add, hay)
        if "warrant" in hay and " " in text:  # "warrant number, EX 20 19 44": groups of two
            _find_lettered_groups(text, add, folded)
    _find_plates_and_ni(text, add, folded, hay, runs)
    if any(e - s == 2 for s, e in runs) and any(w in hay for w in _COLLAR_TOKENS):
        for m in _ids._anchored_finditer(_COLLAR_ALONE, text, folded, _COLLAR_TOKENS):
            short = _SHORT_SHOULDER.match(text, m.end())  # "shoulder number 31LX"
            if short is not None:
                add((short.start(), short.end(), "collar_number", short.group()))
                continue
            short = _SHORT_LETTERED.match(text, m.end())  # "my old collar number, AS 19"
            if short and short.group("l") not in _RANK_PREFIX | _NOT_PREFIX | _UNIT_LETTERS:
                if not _plural_after(text, short.end()) and not _win._COUNTED.match(text, short.end()):
                    add((short.start(), short.end(), "collar_number", short.group().replace(" ", "")))
    if any(2 <= e - s <= 3 for s, e in runs) and (
        ("number" in hay and any(w in hay for w in _UNIFORM_WORDS)) or "borough code" in hay or "borough letters" in hay
    ):
        _find_met_shoulders(text, add, hay)
    if sum(e - s == 1 for s, e in runs) >= 6:  # digits one by one: "C E 3 1 0 6 7 2 D"
        _find_spaced_ni(text, add)


def _find_met_shoulders(text, add, hay):
    """Met-style shoulder numbers where the text speaks of numbers and uniforms:
    "42LX" anywhere (:data:`_MET_SHOULDER`), "LX 42" right after "my number's"."""
    for m in _MET_SHOULDER.finditer(text):
        if m.group("l") not in _UNIT_LETTERS and not _plural_after(text, m.end()):
            add((m.start(), m.end(), "collar_number", m.group()))
    for m in _near(text, hay, _MY_NUMBER, ("number",), 12, 40):
        short = _SHORT_LETTERED.match(text, m.end())
        if m.group("my") and short and short.group("l") not in _RANK_PREFIX | _NOT_PREFIX | _UNIT_LETTERS:
            if not _plural_after(text, short.end()):
                add((short.start(), short.end(), "collar_number", short.group().replace(" ", "")))


def _find_codes(text, add, folded, hay, runs):
    """Collar, warrant and staff numbers (3-9 digits)."""
    if "warrant" in hay:
        for s, e, k in _window_codes(text, _win._WARRANT_TRIGGER, "warrant_number", 4, 9, folded, ("warrant",)):
            add((s, e, k, _ident(text, s, e)))
        _find_warrant_forms(text, add, folded)
        for m in _ids._anchored_finditer(_WARRANT_ALONE, text, folded, ("warrant",)):
            span = _code_at(text, m.end(), bare_min=4, strip_rank=False)
            if span and not _time_before(text, span[0]):
                add((span[0], span[1], "warrant_number", _ident(text, span[0], span[1])))
    if any(w in hay for w in _STAFF_TOKENS):
        for s, e, _ in _window_codes(text, _STAFF_TRIGGER, "warrant_number", 4, 9, folded, _STAFF_TOKENS):
            # a staff number: a collar number's length (3-5 digits) or a warrant number's
            k = "collar_number" if _n_digits(text[s:e]) <= 5 else "warrant_number"
            add((s, e, k, _ident(text, s, e)))
    if "code" in hay and any(w in hay for w in ("staff", "employee", "personnel", "operator", "user")):
        _find_staff_codes(text, add, folded)
    if any(w in hay for w in _COLLAR_TOKENS):
        tokens = (*_COLLAR_TOKENS, "number")
        for s, e, k in _window_codes(text, _win._COLLAR_TRIGGER, "collar_number", 3, 5, folded, tokens):
            add((s, e, k, text[s:e].replace(" ", "")))
        if "badge" in hay or "lapel" in hay or "number" in hay or "digit" in hay:
            for s, e, k in _window_codes(text, _BADGE_TRIGGER, "collar_number", 3, 5, folded, _BADGE_TOKENS):
                add((s, e, k, text[s:e].replace(" ", "")))
        for m in _ids._anchored_finditer(_COLLAR_ALONE, text, folded, _COLLAR_TOKENS):
            span = _code_at(text, m.end(), bare_min=3)
            if span and _n_digits(text[span[0] : span[1]]) <= 6:
                add((span[0], span[1], "collar_number", text[span[0] : span[1]].replace(" ", "")))
    if any(w in hay for w in _RANK_TOKENS):
        for m in _ids._anchored_finditer(_RANK_NUMBER, text, folded, _RANK_TOKENS):
            if m.group("lettered"):
                num = m.group("lettered")
                digits = num[len(m.group("pre")) :].strip()
                if m.group("pre") in _NOT_PREFIX or m.group("pre") in _RANK_PREFIX or _is_year(digits):
                    continue
                if not _win._COUNTED.match(text, m.end()) and not _plural_after(text, m.end()):
                    add((m.start("lettered"), m.end(), "collar_number", num.replace(" ", "")))
                continue
            num = m.group("num")
            if _is_year(num) or num in _SERVICE_NUMBERS or _win._COUNTED.match(text, m.end()):
                continue  # a year, a count, "Sergeant 101" (a first course), a service's number
            if _COURSE_AFTER.match(text, m.end()):
                continue
            add((m.start("num"), m.end("num"), "collar_number", num))
    if "payroll" in hay or "employee" in hay or "personnel" in hay:
        for m in _STAFF_ALONE.finditer(text):
            span = _code_at(text, m.end(), bare_min=3)
            if span and not _time_before(text, span[0]) and not _plural_after(text, span[1]):
                k = "collar_number" if _n_digits(text[span[0] : span[1]]) <= 5 else "warrant_number"
                add((span[0], span[1], k, _ident(text, span[0], span[1])))
    if "payroll" in hay or "staff" in hay or "employee" in hay or "personnel" in hay:
        for m in _MY_STAFF.finditer(text):
            if text[m.end()] in "ABM" and text[m.end() + 1 : m.end() + 2].isdigit():
                continue  # "my payroll, A1234 was the road": a road's number
            span = _code_at(text, m.end(), bare_min=4)
            if span and not _time_before(text, span[0]) and not _plural_after(text, span[1]):
                add((span[0], span[1], "collar_number", _ident(text, span[0], span[1])))  # the brief's kind
    if "OP" in text and "operator" in hay:  # a call handler's "OP 2291" (not "Op Nightjar")
        for m in _OPERATOR_NUMBER.finditer(text):
            if _is_year(m.group("num")) or _win._COUNTED.match(text, m.end()):
                continue
            if "operator" in hay[max(0, m.start() - 80) : m.start()]:  # said of an operator just before
                add((m.start(), m.end(), "collar_number", m.group().replace(" ", "").replace("-", "")))
    if "operator" in hay:  # "a call handler, West Mercia, operator 4512, and ..."
        for m in _OPERATOR_SAID.finditer(text):
            num, d = m.group("num"), m.group("d") or m.group("ld")
            if _is_year(d) or d in _SERVICE_NUMBERS or _win._COUNTED.match(text, m.end()):
                continue
            if m.group("pre") in _NOT_PREFIX or m.group("pre") in _RANK_PREFIX:
                continue
            if not _plural_after(text, m.end()) and not _time_before(text, m.start("num")):
                add((m.start("num"), m.end("num"), "collar_number", _ident(text, m.start("num"), m.end("num"))))
    if "DO " in text:
        _find_role_numbers(text, add, hay)
    if "DO" in text:  # "DO417 is a ...": a detention officer's number written as one code
        for m in _GLUED_ROLE_NUMBER.finditer(text):
            if _is_year(m.group("num")) or _win._COUNTED.match(text, m.end()) or _plural_after(text, m.end()):
                continue
            add((m.start(), m.end(), "collar_number", m.group()))
    letters = _has_letter_code(text, runs)  # a code with letters somewhere
    uniform = any(w in hay for w in _UNIFORM_WORDS)
    if "number" in hay and (letters or uniform):  # "mine's DO 314" where the text speaks of numbers
        warrant = "warrant" in hay
        for m in _near(text, hay, _MY_NUMBER, ("number", "mine"), 12, 40):
            if letters and warrant and _add_ranked_warrant(text, add, m.end()):
                continue
            if (letters and _add_code(text, add, m.end(), single_letter=True)) or not m.group("my") or not uniform:
                continue
            span = _code_at(text, m.end(), bare_min=3)
            if span and 3 <= span[1] - span[0] <= 5 and not _time_before(text, m.end()):
                add((span[0], span[1], "collar_number", text[span[0] : span[1]]))
    for m in _near(text, hay, _NAMED_AFTER, _NAMED_TOKENS, 30, 12):
        _add_named(text, add, m)
    if "number" in hay and (uniform or any(w in hay for w in _RANK_TOKENS[:5])):
        _find_number_sentences(text, add)
        _find_claimed(text, add, hay)
    if ("(" in text or letters) and any(w in hay for w in _RANK_TOKENS):
        _find_officer_codes(text, add, folded)
    if not letters:
        return
    _find_force_initials(text, add)
    if "as " in hay:
        for m in _ids._anchored_finditer(_AS_CODE, text, folded, ("as ",)):
            _add_code(text, add, m.end(), single_letter=False)
    if "SC" in text:  # a Special's number: "SC 8810" (the main rule finds "8810")
        for m in _SPECIAL_CODE.finditer(text):
            if not _is_year(m.group("d")) and not _win._COUNTED.match(text, m.end()):
                add((m.start(), m.end(), "collar_number", m.group().replace(" ", "")))
    if ("number" in hay or "no." in hay) and _HYPHEN_HINT.search(text):
        for m in _HYPHEN_CODE.finditer(text):
            if m.group("pre").split("-")[0].split("/")[0] in _NOT_PREFIX or _is_year(m.group("d")):
                continue
            if _REFERENCE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            if _win._COUNTED.match(text, m.end()):
                continue
            # a warrant number when the text speaks of one or it is long; else a collar
            # number when the text speaks of collars or it has four digits
            d = len(m.group("d"))
            collar = d <= 4 or any(w in hay for w in _COLLAR_TOKENS)
            kind = "warrant_number" if "warrant" in hay or d >= 6 or not collar else "collar_number"
            add((m.start(), m.end(), kind, _ident(text, m.start(), m.end())))


#: After an officer named with a rank ("PC Danny Lowe", "Sgt Hughes"): a code in brackets
#: ("PC Danny Lowe (BW2214)", "Sgt Ward (4471)") or a code with a force's or a station's
#: letters after a comma, a tag question between ("You're PC Hughes, aren't you, CF 2098",
#: "DC Amir Shah, WM 3310"): the officer's collar number.
_OFFICER_CODE_AFTER = re.compile(
    r"(?P<br>\s*[(\[]\s*)(?=[A-Z0-9])"
    r"|\s+[—–-]\s+(?=[A-Z]{2,3}[ -]?\d{3})"  # "Sgt Ward – KT 0912": a dash between
    r"|\s*,\s*(?:(?:aren['’]t|isn['’]t|wasn['’]t|weren['’]t|didn['’]t|don['’]t|right|yeah|innit|eh)\b"
    r"[^,.!?\"“”()]{0,20},\s*)?(?=[A-Z]{2,3}[ -]?\d{3})"
)


def _find_officer_codes(text, add, folded):
    for m in _ids._anchored_finditer(_ids.RANK_NAME, text, folded, _ids._RANK_TOKENS):
        if m.group("rank") in _ids._CIVIL_TITLES or m.group("num"):
            continue
        a = _OFFICER_CODE_AFTER.match(text, m.end())
        if a is None:
            continue
        c = _CODE.match(text, a.end())
        if c is None or _win._COUNTED.match(text, c.end()) or _plural_after(text, c.end()):
            continue
        if a.group("br"):
            if text[c.end() : c.end() + 1] not in (")", "]") or (c.group("pre") or "").split("-")[0] in _NOT_PREFIX:
                continue
            span = _code_span(c, bare_min=3)
        else:
            span = _code_span(c, bare_min=99, want_letters=True, single_letter=False)
            if span is None or c.group("pre") in _RANK_PREFIX:
                continue
        if span and _n_digits(text[span[0] : span[1]]) <= 6:
            add((span[0], span[1], "collar_number", _ident(text, span[0], span[1])))


@lru_cache(maxsize=1)
def _force_initials() -> dict:
    """The initials of the forces named in two words or more ("Thames Valley": TV, "West
    Midlands": WM, GMP), "Police" as P too: the letters a force puts before its numbers."""
    out: dict = {}
    for stem in sorted(_ids._force_stems()):
        words = [w for w in re.split(r"[\s-]+", stem) if w and w[0].isupper()]
        if len(words) >= 2:
            ini = "".join(w[0] for w in words)
            for key in (ini, ini + "P"):  # "WM": West Midlands and West Mercia
                out.setdefault(key, []).append(re.compile(re.escape(stem).replace(r"\ ", r"\s+")))
    return out


#: A code of a force's letters and digits ("TV 18834", "WM-40217").
_INITIALS_CODE = re.compile(r"(?<![\w£$€.,:/#&-])(?P<l>[A-Z]{2,3})[ -]?(?P<d>\d{3,6})(?![\w%£:/-]|[.,]\d)")
#: How far before its code a force is named.
_FORCE_REACH = 150


def _find_force_initials(text, add):
    """A number with a force's initials where that force was named just before: "when I
    was in Thames Valley, TV 18834", "West Mids, and my number was WM 4471" (four digits: a
    collar number; more: a warrant number)."""
    initials = _force_initials()
    for m in _INITIALS_CODE.finditer(text):
        stems = initials.get(m.group("l"))
        if stems is None or m.group("l") in _RANK_PREFIX or _is_year(m.group("d")):
            continue
        if _win._COUNTED.match(text, m.end()) or _plural_after(text, m.end()):
            continue
        lo = max(0, m.start() - _FORCE_REACH)
        if not any(p.search(text, lo, m.start()) for p in stems):
            continue
        k = "collar_number" if len(m.group("d")) <= 4 else "warrant_number"
        add((m.start(), m.end(), k, _ident(text, m.start(), m.end())))


def _find_staff_codes(text, add, folded):
    """Codes with letters in a window after "operator code" / "staff code"
    (:data:`_STAFF_CODE_TRIGGER`): a collar number of 3-5 digits, a warrant number longer."""

    def found_in(lo, hi):
        return next(_codes(text, lo, hi, bare_min=99, want_letters=True), None) is not None

    tokens = ("staff", "employee", "personnel", "operator", "user")
    for lo, hi in _windows(text, _STAFF_CODE_TRIGGER, found_in, folded, tokens):
        for s, e in _codes(text, lo, hi, bare_min=99, want_letters=True):
            k = "collar_number" if _n_digits(text[s:e]) <= 5 else "warrant_number"
            add((s, e, k, _ident(text, s, e)))


def _find_role_numbers(text, add, hay):
    """A detention officer's role letters and number (:data:`_ROLE_NUMBER`); two digits
    ("DO 52") where the text speaks of custody or detention."""
    short = "custody" in hay or "detention" in hay
    for m in _ROLE_NUMBER.finditer(text):
        num = m.group("num")
        digits = num.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if _is_year(digits) or digits in _SERVICE_NUMBERS or _win._COUNTED.match(text, m.end()):
            continue
        if len(digits) == 2 and not short:
            continue
        if not _plural_after(text, m.end()):
            add((m.start(), m.end(), "collar_number", num))


#: A phone number written with dots: "07700.900.123", "0161.496.0000".
_DOTTED_PHONE = re.compile(r"(?<![\w.£$€])(?:\+44\.?|0)\d{2,4}(?:\.\d{3,4}){2}(?![\w]|\.\d)")


def _find_dotted_phones(text, add):
    """Phone numbers written with dots. (NHS numbers keep the main rule's check digit: a
    test asserts that "NHS number 943 476 5918", whose check digit fails, stays.)"""
    if "." in text:
        for m in _DOTTED_PHONE.finditer(text):
            digits = _ids._phone_ok(m.group().replace(".", " "))
            if digits:
                add((m.start(), m.end(), "phone", digits))


#: A plate typed in lower case ("ye17 vwn", "n4 thn"): the current and prefix forms.
_LOWER_PLATE = re.compile(r"(?<![\w@./:-])(?:[a-z]{2}\d{2}|[a-z]\d{1,3}) ?[a-z]{3}(?![\w@/-]|\.[a-z0-9])")
#: "drives", "parked": a vehicle spoken of without its name.
_DRIVE_WORDS = re.compile(r"(?i:\b(?:driv(?:es|ing|en)|drove|parks|parked|parking)\b)")


def _find_lower_plates(text, add, starts):
    """Plates in lower case (:data:`_LOWER_PLATE`) of a real plate's letters, a vehicle
    or driving spoken of in the 40 characters before, in the same sentence."""
    for m in _ids._matches_at(_LOWER_PLATE, text, starts):
        plate = m.group().upper()
        if _ids.VEHICLE.fullmatch(plate) is None:
            continue
        lo = max(0, m.start() - 40)
        lo = max(lo, text.rfind(". ", lo, m.start()) + 1)
        if _VEHICLE_WORDS.search(text, lo, m.start()) or _DRIVE_WORDS.search(text, lo, m.start()):
            add((m.start(), m.end(), "vehicle", plate.replace(" ", "")))


#: A current plate written with spaces or hyphens between its characters or groups ("Y K
#: 1 2 H V F", "M-A-16-X-R-T", "MA-16-XRT"), in a text that speaks of a vehicle.
_SPACED_PLATE = re.compile(
    r"(?<![\w-])(?<!\b[A-Z0-9] )[A-Z][ -]?[A-Z][ -]\d[ -]?\d[ -][A-Z][ -]?[A-Z][ -]?[A-Z](?![\w-]|[ -][A-Z0-9](?!\w))"
)


def _find_spaced_plates(text, add):
    for m in _SPACED_PLATE.finditer(text):
        plate = re.sub(r"[ -]", "", m.group())
        if _ids.VEHICLE.fullmatch(plate):
            add((m.start(), m.end(), "vehicle", plate))


#: A prefix plate with a space after its letter ("M 486 TLE", "N 123 ABC"), as plates of
#: 1983-2001 are often said and typed: a plate where its sentence speaks of a vehicle in
#: the 60 characters before.
_SPACED_PREFIX_PLATE = re.compile(r"(?<![\w£$€.,:/#&-])[A-HJ-NP-Y] \d{1,3} ?[A-HJ-PR-Z]{3}(?![\w%£:/-]|[.,]\d)")


_CAR_PARK = re.compile(r"(?i:\s+parks?\b)")


def _find_spaced_prefix_plates(text, add, starts):
    for m in _ids._matches_at(_SPACED_PREFIX_PLATE, text, starts):
        lo = max(0, m.start() - 60)
        lo = max(lo, text.rfind(". ", lo, m.start()) + 1)
        said = any(
            not _CAR_PARK.match(text, w.end()) for w in _VEHICLE_WORDS.finditer(text, lo, m.start())
        )  # "the car park, row C 40 TOP": a place
        if said and not _win._COUNTED.match(text, m.end()):
            add((m.start(), m.end(), "vehicle", m.group().replace(" ", "")))


def _find_plates_and_ni(text, add, folded, hay, runs):
    """Older and Northern Irish plates, plates after "reg", NI numbers in loose forms."""
    need_ni = any(w in hay for w in _NI_TOKENS)
    need_vehicle = any(w in hay for w in _VEHICLE_TOKENS) or (
        # a comma list of Northern Irish plates, no vehicle named: "LCZ 8870, OXZ 3312"
        any(e - s == 4 and text.startswith(",", e) for s, e in runs) and _NI_PLATE_PAIR.search(text) is not None
    )
    if need_vehicle:  # 2-3 capitals, a space or none, then 1-4 digits
        starts = {s - k for s, e in runs if e - s <= 4 and s >= 2 for k in (2, 3, 4)}
        _find_vehicles(text, add, folded, starts)
    if need_vehicle and any(e - s <= 2 and s >= 2 and text[s - 1] in " -" for s, e in runs):
        _find_spaced_plates(text, add)  # "Y K 1 2 H V F", "M-A-16-X-R-T"
    if need_vehicle:  # "M 486 TLE": a capital, a space, then 1-3 digits
        starts = {s - 2 for s, e in runs if e - s <= 3 and s >= 2 and text[s - 1] == " " and text[s - 2].isupper()}
        if starts:
            _find_spaced_prefix_plates(text, add, starts)
    if need_vehicle or "driv" in hay:  # "ur husbands car ye17 vwn", "Nathan drives n4 thn"
        starts = {s - k for s, e in runs if e - s <= 3 and s >= 1 and text[s - 1].islower() for k in (1, 2)}
        if starts:
            _find_lower_plates(text, add, starts)
    if need_ni:  # 2 letters, a separator or none, then 2 digits
        starts = {s - k for s, e in runs if e - s in (2, 6) and s >= 2 for k in (2, 3)}
        _find_ni(text, add, starts)
    if need_ni or any(w in hay for w in _LOWER_CUE_WORDS):  # "ek 274861 a", an NI number typed fast
        starts = {s - k for s, e in runs if e - s == 6 and s >= 2 for k in (2, 3)}
        if starts:
            _find_ni_runs(text, add, starts)


_NI_TOKENS = ("ni ", "ni,", "ni:", "n.i", "insurance", "nino")
_NI_PLATE_PAIR = re.compile(
    r"[A-Z]?(?:[A-HJ-Z][IZ]|I[A-Z]) ?\d{4}\s*,\s*(?:and\s+)?[A-Z]?(?:[A-HJ-Z][IZ]|I[A-Z]) ?\d{4}\b"
)


_COURSE_AFTER = re.compile(
    r"(?i:\s+(?:course|exam|exams|intake|programme|program|training|class|module|level|scheme|cohort)\b)"
)
_STAFF_TOKENS = ("staff", "payroll", "pay", "employee", "personnel", "service", "force", "operator", "do", "detention")
_COLLAR_TOKENS = ("collar", "shoulder", "badge", "epaulette", "lapel")
_RANK_TOKENS = tuple("sergeant constable sarge officer special pc ps dc ds sgt p.c. p.s. d.c. sc".split())
_VEHICLE_TOKENS = tuple("reg plate car van motor vehicle bike lorr truck taxi jeep pick 4x4 caravan camper".split())


def _add_code(text, add, pos, *, single_letter):
    """A code with letters at ``pos`` (after "my number", "mine's", "as"): a collar
    number of 3-5 digits, a warrant number when longer. True when one was added."""
    span = _code_at(text, pos, bare_min=99, want_letters=True, single_letter=single_letter)
    if span:
        kind = "collar_number" if _n_digits(text[span[0] : span[1]]) <= 5 else "warrant_number"
        add((span[0], span[1], kind, _ident(text, span[0], span[1])))
        return True
    return False


def _add_ranked_warrant(text, add, pos):
    """A rank's letters and 6-9 digits at ``pos`` ("mine's PS 118204") where the text
    speaks of a warrant: longer than any collar number, a warrant number, letters and all.
    True when one was added."""
    m = _CODE.match(text, pos)
    if m is None or m.group("pre") not in _RANK_PREFIX or _win._COUNTED.match(text, m.end()):
        return False
    if len(m.group("digits")) < 6 or _plural_after(text, m.end()):
        return False
    add((m.start(), m.end(), "warrant_number", _ident(text, m.start(), m.end())))
    return True


_NAMED_TOKENS = tuple("collar shoulder badge epaulette warrant staff payroll uniform lapel helmet".split())
_CODE_BEFORE = re.compile(
    r"(?:(?<![\w£$€.,:/#&-])[A-Z]{1,4}(?:[-/][A-Z]{1,2})?[-/ ]?|(?<![\w£$€.,:/#&-]))\d{3,9}[A-Z]{0,2}$"
)
_TIME_BEFORE = re.compile(r"(?i:\b(?:at|by|from|until|till|to|before|after|around|about|since|gone)\s+)$")


#: Nouns after a time of day: "the 0900 briefing", "the 2200 shift".
_TIME_NOUN_AFTER = re.compile(
    r"(?i:\s*(?:hours|hrs|h\b|briefing|parade|shift|start|finish|meeting|call|deadline|train|flight|bus))"
)


_PLURAL_AFTER = re.compile(r"\s+(?:more\s+|other\s+|odd\s+)?(?P<w>[a-z]{2,}s)\b")
_VERBS_IN_S = frozenset(
    """is was has does says goes gets means looks seems reads shows comes sits stays stands
    appears belongs matches works lives keeps makes takes tells always sounds rings
    drives owns patrols attends knows wants needs covers visits uses picks collects""".split()
)


def _plural_after(text, pos):
    """True when a plural noun follows ``pos`` ("300 others", "150 shifts"): a count."""
    m = _PLURAL_AFTER.match(text, pos)
    return m is not None and m.group("w") not in _VERBS_IN_S and not m.group("w").endswith("ss")


def _time_before(text, pos):
    return _TIME_BEFORE.search(text, max(0, pos - 8), pos) is not None


def _near(text, hay, pattern, words, before, after):
    """The matches of ``pattern`` that start from ``before`` characters before to
    ``after`` characters after a word of ``words`` (found in ``hay``, the case-folded
    text, at the start of a word): far cheaper than scanning the whole text."""
    done = 0
    for p in _win.word_starts(hay, words):
        for m in pattern.finditer(text, max(done, p - before), p + after + 40):
            if m.start() > p + after:
                break
            done = m.end()
            yield m


_GAP_BEFORE = re.compile(r"(?:\s*[,—–-])?\s+$")


def _add_named(text, add, m):
    """The code just before "is my collar number", "'s my collar number", " — that's
    my warrant number" or "on his shoulder"."""
    end = m.start()
    if text[end] not in "'’":
        gap = _GAP_BEFORE.search(text, max(0, end - 4), end)
        if gap is None:
            return
        end = gap.start()
    b = _CODE_BEFORE.search(text, max(0, end - 16), end)
    if b is None:
        return
    span = _code_at(text, b.start(), bare_min=3)
    if span is None or span[1] != end or _time_before(text, span[0]):
        return
    what = (m.group("what") or "").casefold()
    digits = re.sub(r"\D", "", text[span[0] : span[1]])
    if what in ("warrant",) or (what in ("staff", "payroll") and len(digits) > 5):
        kind = "warrant_number"
    else:
        kind = "collar_number"
    if kind == "warrant_number" and len(digits) < 4 or kind == "collar_number" and len(digits) > 6:
        return
    add((span[0], span[1], kind, _ident(text, span[0], span[1])))


_REPEATED_KINDS = ("collar_number", "warrant_number", "vehicle", "ni_number")


def revise(text: str, found: list) -> list:
    """``found`` after this area's corrections."""
    hay = text.casefold()
    if any(w in hay for w in _COLLAR_TOKENS[:4]) and _DIGITS3.search(text):
        found = _displaced_collars(text, found)
    if any(r in text for r in _RANK_COMMAS) and _RANK_APPOSITION.search(text):
        found = _after_ranks(text, found)
    if not found:
        return found
    kinds = {f[2] for f in found}
    if "collar_number" in kinds or "warrant_number" in kinds:
        found = _lower_prefixed(text, found)
    if "ni_number" in kinds:
        found = [
            f
            for f in found
            if not (
                f[2] == "ni_number"
                and _EXAMPLE_AFTER.search(text, f[1], f[1] + 80)
                and text[f[0] : f[1]].upper().startswith("QQ")
            )
        ]
    if ("person" in kinds or "force" in kinds) and _DIGITS3.search(text):
        found = _after_officers(text, found)
        kinds = {f[2] for f in found}
    if "ni_number" in kinds:
        found = _record_numbers(text, found)
        kinds = {f[2] for f in found}
    if kinds.intersection(_COMMA_FIELD_KINDS) and _DIGITS3.search(text) and _ROW_HINT.search(text):
        found = _record_fields(text, found)
        kinds = {f[2] for f in found}
    if kinds.intersection(_REPEATED_KINDS):
        found = _repeated_codes(text, found, kinds)
    if ("collar_number" in kinds or "warrant_number" in kinds) and "it to" in text:
        found = _changed_to(text, found)  # after the times dropped: "changed it to 1119" is no time
    if any(w in text for w in _CORRECTION_WORDS) and any(f[2] in _CORRECTED_KINDS for f in found):
        found = _corrected_codes(text, found)
    if "thought" in text or "assumed" in text:
        found = [f for f in found if not _denied(text, f)]
    return found


#: "I thought the 4471 was my collar number at first, but it wasn't, it was just the page
#: number": a number the speaker took for a collar or warrant number, then says is not one.
_THOUGHT_BEFORE = re.compile(
    r"(?i:\b(?:I|we|she|he|they)\s+(?:thought|assumed)\s+(?:that\s+)?(?:the\s+|it\s+was\s+)?)$"
)
_DENIED_AFTER = re.compile(
    r"[^.!?\n]{0,60}?\bbut\s+(?:it|that|they)\s*(?:wasn['’]t|isn['’]t|was\s+not|is\s+not|['’]s\s+not|weren['’]t|aren['’]t)\b"
)


def _denied(text, f):
    """True when ``f`` is a bare collar or warrant number the speaker says they took for
    one and was not (:data:`_THOUGHT_BEFORE`, :data:`_DENIED_AFTER`)."""
    if f[2] not in ("collar_number", "warrant_number") or not text[f[0] : f[1]].isdigit():
        return False
    return (
        _THOUGHT_BEFORE.search(text, max(0, f[0] - 30), f[0]) is not None
        and _DENIED_AFTER.match(text, f[1]) is not None
    )


#: A code changed to another, said after it in its sentence: "My collar was DP 119 when I
#: joined, then they changed it to 1119": the new one is the same kind.
_CHANGED_TO = re.compile(
    r"[^.!?\n]{0,60}?\b(?:changed|switched|updated)\s+it\s+to\s+"
    r"(?P<code>(?:[A-Z]{1,3} ?)?\d{3,6})(?![\w%£:/-]|[.,]\d)"
)


_TIME_WORD_AFTER = re.compile(r"(?i:\s*(?:tomorrow|today|tonight|instead|a\.?m\b|p\.?m\b|o['’]?clock))")


def _changed_to(text, found):
    extra = []
    for _s, e, kind, _i in found:
        if kind not in ("collar_number", "warrant_number"):
            continue
        m = _CHANGED_TO.match(text, e)
        if m is None:
            continue
        code = m.group("code")
        digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
        if _is_year(digits) or digits in _SERVICE_NUMBERS or code.split()[0] in _NOT_PREFIX:
            continue
        if _win._COUNTED.match(text, m.end()) or _plural_after(text, m.end()) or _round_time(code):
            continue  # a count, "changed it to 1400": a time on the hour
        if _TIME_NOUN_AFTER.match(text, m.end()) or _TIME_WORD_AFTER.match(text, m.end()):
            continue
        if any(f[0] < m.end() and m.start("code") < f[1] for f in found):
            continue
        extra.append((m.start("code"), m.end(), kind, code.replace(" ", "")))
    return _ids.resolve_overlaps(found + extra) if extra else found


def _repeated_codes(text, found, kinds):
    """Collar and warrant numbers that are times, counts or the ends of a range dropped;
    codes said again, siblings and short codes said again added."""
    if "collar_number" in kinds or "warrant_number" in kinds:
        found = [f for f in found if not _time_or_count(text, f) and not _corrected_to_reference(text, f)]
        if "from " in text or "between " in text:  # "run from 1000 to 9999": a range
            ranges = {span for m in _RANGE.finditer(text) for span in (m.span(1), m.span(2))}
            found = [f for f in found if not (f[2] in ("collar_number", "warrant_number") and f[:2] in ranges)]
    found = _siblings(text, _repeats(text, found))
    if any(f[2] == "collar_number" and _n_digits(text[f[0] : f[1]]) == 2 for f in found):
        found = _short_repeats(text, found)
    return found


_TENS = {w: i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_UNITS = {w: i for i, w in enumerate("one two three four five six seven eight nine".split(), 1)}
_TEENS = {
    w: i
    for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 10)
}
#: A number of two digits in words: "fifty-two", "fifty two", "forty", "seventeen".
_PAIR_WORDS = re.compile(
    rf"(?i:(?<![\w-])(?:(?P<t>{'|'.join(_TENS)})(?:[- ](?P<u>{'|'.join(_UNITS)}))?|(?P<teen>{'|'.join(_TEENS)}))(?![\w-]))"
)
#: "number 52", "no. 52": a short code said again with the word that numbers it.
_SHORT_AFTER_NUMBER = re.compile(r"(?i:\b(?:number|no\.?|#)\s*)(?P<d>\d{2})(?![\w%£:/-]|[.,]\d)")
#: Words before a number that make it an age, a time or an amount ("aged fifty-two").
_AGE_OR_TIME_BEFORE = re.compile(r"(?i:\b(?:aged?|turned|turns|at|about|around|over|under|nearly|almost|only|£)\s*)$")


def _pair_value(m):
    if m.group("teen"):
        return _TEENS[m.group("teen").casefold()]
    return 10 * _TENS[m.group("t").casefold()] + (_UNITS[m.group("u").casefold()] if m.group("u") else 0)


def _short_repeats(text, found):
    """A collar number of two digits ("DO 52", "PC 52") said again: in words ("fifty-two,
    I'll remember that") or in digits after "number" ("number 52"), not an age, a time or
    a count ("aged fifty-two", "fifty-two years")."""
    codes = {}
    for s, e, kind, ident in found:
        d = "".join(c for c in text[s:e] if c.isdigit())
        if kind == "collar_number" and len(d) == 2:
            codes.setdefault(int(d), (kind, ident))
    extra = []
    for m in _PAIR_WORDS.finditer(text):
        if _pair_value(m) in codes:
            extra.append((m.start(), m.end(), *codes[_pair_value(m)]))
    for m in _SHORT_AFTER_NUMBER.finditer(text):
        if int(m.group("d")) in codes:
            extra.append((m.start("d"), m.end("d"), *codes[int(m.group("d"))]))
    extra = [
        f
        for f in extra
        if not (_win._COUNTED.match(text, f[1]) or _plural_after(text, f[1]))
        and not _AGE_OR_TIME_BEFORE.search(text, max(0, f[0] - 8), f[0])
        and not any(g[0] < f[1] and f[0] < g[1] for g in found)
    ]
    return _ids.resolve_overlaps(found + extra) if extra else found


#: A collar or warrant number with a letter prefix: "KP 55109", "MPS 221904", "W-318840".
_LETTERED = re.compile(r"(?P<pre>[A-Z]{1,4})(?P<sep>[-/ ]?)(?P<d>\d{3,9})(?:(?P<sep2>[-/])(?P<d2>\d{2,4}))?")


def _siblings(text, found):
    """Codes of the same form as a collar or warrant number found in the text, its letters,
    separator and number of digits ("the fake card was KP 55109; the real one is KP
    55190"; a list of "MPS 221904, MPS 221977"): numbers of the same issue, each its own
    identity. Ranks and look-alike prefixes ("PC 4417", "CAD 4417") give none."""
    forms = set()
    for s, e, kind, _ in found:
        if kind in ("collar_number", "warrant_number"):
            m = _LETTERED.fullmatch(text, s, e)
            if m and m.group("pre") not in _RANK_PREFIX and m.group("pre") not in _NOT_PREFIX:
                # a group after the number ("W-2290-17", then "W-2291-17") is the form's too
                tail = re.escape(m.group("sep2")) + rf"\d{{{len(m.group('d2'))}}}" if m.group("d2") else ""
                forms.add((m.group("pre"), m.group("sep"), len(m.group("d")), tail, kind))
    extra = []
    for pre, sep, n, tail, kind in forms:
        pattern = re.compile(rf"(?<![\w£$€#/.,-]){re.escape(pre + sep)}\d{{{n}}}{tail}(?![\w%£/-]|[.,]\d)")
        for m in pattern.finditer(text):
            if not any(f[0] < m.end() and m.start() < f[1] for f in found):
                extra.append((m.start(), m.end(), kind, _ident(text, m.start(), m.end())))
    return _ids.resolve_overlaps(found + extra) if extra else found


#: A list item of 3-5 digits just before an NI number: "Pryce, L, 4408, JT 22 61 90 C"
#: reads a staff record (name, staff number, NI number); a staff number of a collar
#: number's length is one (the corpora's policy).
_ITEM_BEFORE_NI = re.compile(r"[,;]\s*(?P<d>\d{3,5})\s*,\s*$")


def _record_numbers(text, found):
    extra = []
    for s, e, kind, _i in found:
        if kind != "ni_number":
            continue
        m = _ITEM_BEFORE_NI.search(text, max(0, s - 12), s)
        if m and not _is_year(m.group("d")) and not any(f[0] < m.end("d") and m.start("d") < f[1] for f in found):
            extra.append((m.start("d"), m.end("d"), "collar_number", m.group("d")))
    return _ids.resolve_overlaps(found + extra) if extra else found


#: Kinds of the fields of a record or a list beside which a bare number is a staff number.
_FIELD_KINDS = frozenset(
    """person address postcode phone nhs_number ni_number date_of_birth vehicle email handle
    collar_number warrant_number""".split()
)
#: ... and beside which, as a comma-separated field, it may be: a place too ("Stu Bell,
#: 1188, Seaton Carew").
_COMMA_FIELD_KINDS = _FIELD_KINDS | {"place"}
#: Separators of the fields of a record row ("HOLLAND, C | 2087 | 03/06/1984", "A. Kerr –
#: Acklam – 1139 –", "J. Osei / WM 10448 / ZX ..."): a bar, or a slash or dash with spaces.
_ROW_SEPS = "|/–—-"
#: Where a row starts or ends: a quote, a colon, a line's end.
_ROW_EDGE = '"“”\n:('
_FIELD_PREFIX = re.compile(r"(?<![\w£$€.,:/#&'’-])[A-Z]{1,4} ?$")
#: What may close a field: a separator, a full stop or the end of a quote or the text.
_FIELD_END = re.compile(r"[ \t]*(?:(?P<sep>[|/–—,;-])|[.!?]?[\"”’)]|[.!?](?=\s|$)|$)")


def _field_left(text, s):
    """The separator just before a field starting at ``s`` ("|", ",", a quote), or ""."""
    i = s
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0:
        return "\n"
    c = text[i - 1]
    if c in _ROW_SEPS and c != "|" and i == s:
        return ""  # "W/1189", "2019-20": not a spaced separator
    return c if c in _ROW_SEPS or c in ",;" or c in _ROW_EDGE else ""


def _row_has_ids(text, s, e, sep, found):
    """True when the row around ``text[s:e]`` (up to a quote or line end, 200 characters
    each way) has two more ``sep`` separators and an identifier of :data:`_FIELD_KINDS`."""
    lo = max(0, s - 200)
    for c in '"“\n':
        lo = max(lo, text.rfind(c, lo, s) + 1)
    hi = min(len(text), e + 200)
    for c in '"”\n':
        j = text.find(c, e, hi)
        if j >= 0:
            hi = j
    if text.count(f" {sep} " if sep != "|" else "|", lo, hi) < 2:
        return False
    return any(lo <= f[0] and f[1] <= hi and f[2] in _FIELD_KINDS and (f[1] <= s or f[0] >= e) for f in found)


def _comma_ids(text, s, e, ends, starts):
    """The identifiers (:data:`_FIELD_KINDS`) that stand as comma-separated fields in an
    unbroken run beside ``text[s:e]``, on either side ("Kerr, J, 201144, 121 547 2803"),
    a field after it with its label too ("Evans, CS 1108, warrant 38842, ...")."""
    out, pos = [], s
    while True:  # leftwards
        m = _COMMA_BEFORE.search(text, max(0, pos - 4), pos)
        f = ends.get(m.start()) if m else None
        if f is None:
            break
        out.append(f)
        pos = f[0]
    pos = e
    while True:  # rightwards
        m = _COMMA_AFTER.match(text, pos)
        f = starts.get(m.end()) if m else None
        if f is None and m:
            label = _FIELD_LABEL.match(text, m.end())
            f = starts.get(label.end()) if label else None
        if f is None:
            break
        out.append(f)
        pos = f[1]
    return out


_COMMA_BEFORE = re.compile(r"\s*,\s*$")
_COMMA_AFTER = re.compile(r"\s*,\s*")
#: The label of a field in a row said aloud: "warrant 38842", "NI: JM 12 ...".
_FIELD_LABEL = re.compile(
    r"(?i:(?:warrant|collar|payroll|staff|NI|NHS|DOB|phone|mobile|tel|reg|postcode)(?:\s+(?:number|no\.?))?\s*:?\s+)"
)


def _round_time(code):
    """True when ``code`` is four digits that read as a time on the quarter hour ("0900", "1330")."""
    return len(code) == 4 and code.isdigit() and int(code[:2]) < 24 and int(code[2:]) in (0, 15, 30, 45)


def _record_fields(text, found):
    """Staff numbers as fields of a record or list: a bare number of 3-7 digits (a letter
    prefix allowed) standing between separators in a row of fields with bars, spaced
    slashes or dashes that holds an identifier ("4412 | PRIESTLEY R | ... | NI ..."), or
    between commas beside two identifiers said as fields ("Kerr, J, 201144, 121 547 2803",
    "Mine was: 16655, 9 Larch Park, BT16 1HX"): a payroll, warrant or collar number, as
    leaked spreadsheets and posts list them. Not a year, a count or a service's number."""
    ids = [f for f in found if f[2] in _COMMA_FIELD_KINDS]
    if not ids:
        return found
    ends = {f[1]: f for f in ids}
    starts = {f[0]: f for f in ids}
    spans = sorted((f[0], f[1]) for f in found)
    warrant = "warrant" in text.casefold()
    extra, weak = [], []
    for m in _DIGIT_RUN.finditer(text):
        s, e = m.span()
        if not 3 <= e - s <= 7 or (s and text[s - 1] in "£$€#.,:/&'’-") or (e < len(text) and text[e].isalnum()):
            continue
        digits = m.group()
        if _is_year(digits) or digits in _SERVICE_NUMBERS:
            continue
        pre = _FIELD_PREFIX.search(text, max(0, s - 6), s)
        if pre and (pre.group().strip() in _NOT_PREFIX or pre.group().strip() in _RANK_PREFIX):
            continue
        start = pre.start() if pre else s
        end = _FIELD_END.match(text, e)
        left = _field_left(text, start)
        if end is None or not left:
            continue
        right = end.group("sep") or ""
        if right == "-" and not text.startswith(" - ", e):
            continue
        k = bisect.bisect_right(spans, (start, len(text))) - 1
        if (k >= 0 and spans[k][1] > start) or (k + 1 < len(spans) and spans[k + 1][0] < e):
            continue  # part of an identifier found
        if _win._COUNTED.match(text, e) or _plural_after(text, e) or _time_before(text, start):
            continue
        row = next((c for c in (left, right) if c in _ROW_SEPS), None)
        if row:
            n = 2 if _row_has_ids(text, start, e, row, found) else 0
        elif left in ',;:"“(\n' and right in (",", ";", ""):
            beside = _comma_ids(text, start, e, ends, starts)
            n = len(beside)
        else:
            continue
        if n:
            # beside the row's warrant number ("Evans, CS 1108, warrant 38842"), the other
            # number is the collar number
            as_warrant = warrant and not any(f[2] == "warrant_number" for f in beside)
            item = (start, e, "warrant_number" if as_warrant else "collar_number", _ident(text, start, e))
            (extra if n >= 2 else weak).append((item, (e - s, start < s)))
    # beside one identifier only ("Cole, T, 201160, 385 280 8413"): the next row of a list
    # whose other rows gave a number of the same form, or one of two or more such rows
    # ("J Kerr, 118045. P Singh, 118112.")
    forms = {form for _, form in extra}
    weak_forms = [form for item, form in weak if not _round_time(item[3])]  # "Hill, 0900. Kay, 1330.": a rota
    forms.update(f for f in weak_forms if weak_forms.count(f) >= 2)
    items = [item for item, _ in extra]
    # a number beside one identifier and, as the next field, a number taken or another
    # such ("Pickering, Joanne, 2259, T 091002, NS 27 ..."): both are the row's staff numbers
    timed = [item for item, _ in weak if not _round_time(item[3])]
    paired = [item for item in timed if any(_next_fields(text, item, x) for x in timed if x is not item)]
    items += [
        item for item, f in weak if f in forms or item in paired or any(_next_fields(text, item, x) for x in items)
    ]
    if not items:
        return found
    return _ids.resolve_overlaps(found + _collar_and_warrant(text, items))


def _next_fields(text, a, b):
    """True when ``a`` and ``b`` are fields next to each other, a comma between them."""
    if a[0] > b[0]:
        a, b = b, a
    return _COMMA_AFTER.fullmatch(text, a[1], b[0]) is not None


def _collar_and_warrant(text, items):
    """``items`` (a row's staff numbers), two next to each other of different lengths
    made the shorter a collar number and the longer a warrant number ("2259, T 091002")."""
    out = list(items)
    for i, a in enumerate(out):
        for j, b in enumerate(out):
            if a[0] < b[0] and _next_fields(text, a, b):
                na, nb = _n_digits(a[3]), _n_digits(b[3])
                if na == nb:
                    continue
                short, long_ = (i, j) if na < nb else (j, i)
                out[short] = (*out[short][:2], "collar_number", out[short][3])
                out[long_] = (*out[long_][:2], "warrant_number", out[long_][3])
    return out


def _displaced_collars(text, found):
    """Collar numbers in a window after "collar number" (:func:`_id_windows.find_collar_windows`)
    whose span went to a candidate that a correction then dropped ("his collar number as
    his username, 6605": a handle first, then, digits alone, no handle)."""
    cands: list = []
    _win.find_collar_windows(text, cands.append)
    extra = [c for c in cands if not any(f[0] < c[1] and c[0] < f[1] for f in found)]
    return _ids.resolve_overlaps(found + extra) if extra else found


#: "My old number was on it. 8127.": a number of 3-5 digits said as a sentence of its own
#: after "my (old) number" in a text about officers or uniforms (a phone number is longer).
_MY_NUMBER_THEN = re.compile(
    r"(?i:\b(?:my|his|her|their|your)\s+(?:old\s+|own\s+)?number\b)[^.!?\n]{0,60}[.!?]\s+(?P<d>\d{3,5})\s*[.!?]"
)


#: A code the speaker then claims as their number: "71124 is my number", "4410's his
#: number", "5518, that's literally my number"; or as theirs after a staff, payroll,
#: warrant or collar number was spoken of: "884201, that's mine". (A phone number is
#: longer, and its last group is not taken: "07700 900 118 is my number".)
_CLAIMED = re.compile(
    r"(?<![\w£$€.,:/#&'’-])(?<!\d[ -])(?P<code>(?:[A-Z]{1,3} ?)?\d{3,6})"
    r"(?:(?:\s+(?:is|was)|['’]s|\s*[,—–-]\s*(?:that['’]s|that\s+is|that\s+was|which\s+is|which\s+was)"
    r"(?:\s+(?:literally|just|actually|definitely|really))?)\s+(?:my|his|her|their|your)\s+(?:own\s+|old\s+)?number\b"
    r"|\s*[,—–-]\s*(?P<mine>that['’]s|that\s+is|that\s+was)\s+mine\b)"
)
#: Words that name a person's number before "..., that's mine".
_NUMBER_NAMED = re.compile(
    r"(?i:\b(?:collar|shoulder|badge|warrant|staff|payroll|employee|personnel)\s+(?:numbers?|nos?\b))"
)


def _find_claimed(text, add, hay):
    """Codes claimed as one's number (:data:`_CLAIMED`), in a text that speaks of officers,
    ranks or uniforms."""
    for m in _near(text, hay, _CLAIMED, ("number", "mine"), 40, 0):
        code = m.group("code")
        digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
        if _is_year(digits) or digits in _SERVICE_NUMBERS or code.split()[0] in _NOT_PREFIX:
            continue
        thing = _win._NUMBERED_THING.search(text, max(0, m.start() - 15), m.start())
        if (thing and "." not in thing.group()) or _time_before(text, m.start()):
            continue  # "Room 312 is my number", "at 0730" (not "Yes. 4417 is my number")
        if m.group("mine") and _NUMBER_NAMED.search(text, max(0, m.start() - 400), m.start()) is None:
            continue
        kind = "collar_number" if len(digits) <= 5 else "warrant_number"
        add((m.start("code"), m.end("code"), kind, _ident(text, m.start("code"), m.end("code"))))


def _find_number_sentences(text, add):
    for m in _MY_NUMBER_THEN.finditer(text):
        d = m.group("d")
        if not _is_year(d) and d not in _SERVICE_NUMBERS:
            add((m.start("d"), m.end("d"), "collar_number", d))


#: A word before a person's name that makes them an officer: "PC Thomas Hale",
#: "a constable in Paisley, Callum Nisbet", "corrupt cop Kirsty MacLeod".
_OFFICER_BEFORE = re.compile(
    r"(?<![\w-])(?:PC|PCSO|PS|DC|DS|DI|TDC|Sgt|SC|D?DO|[Ss]ergeant|[Cc]onstable|[Cc]op(?:per)?s?|[Oo]fficers?|[Ii]nspector|[Ss]pecial)\b"
)
#: A code right after an officer's name that closes its clause ("PC Thomas Hale, 5091.",
#: "PCSO Victoria Ames, number 6620, who ...", "Callum Nisbet, V1192, whose ..."): the
#: number on the officer's shoulder, as lists and quoted posts give it. A number going on
#: into words is an address ("Hale, 14 Acorn Drive").
_CODE_AFTER_NAME = re.compile(
    r"(?:\s*,\s*|[ \t]+)(?:(?:collar\s+|shoulder\s+)?(?:number|no\.?)\s+)?"
    r"(?P<code>(?:[A-Z]{1,2} ?)?\d{3,5}|\d{3,5}[A-Z]{1,2})(?=\s*(?:[,.;:!?)\"”’]|$))"
    # two capitals and the digits straight after the name ("PC Dawson NE 4418 is ..."):
    # the letters make it a code even where the clause goes on
    r"|[ \t]+(?P<lettered>[A-Z]{2} \d{3,5})(?![\w%£:/-]|[.,]\d)"
)
#: Words between an officer's name and the number: "PCSO Tasha Reid here, number 7731".
_NAME_HERE = re.compile(r"[ \t]+(?:here|speaking)(?=\s*,)")
#: An officer's force said before the number: "a PC with Kent Police, 6655", "PCSO Ann
#: Lee, Kent Police, number 4410" (the rank at most 24 characters before the force).
_FORCE_OFFICER_BEFORE = re.compile(
    r"(?<![\w-])(?:PC|PCSO|PS|DC|DS|Sgt|SC|[Ss]ergeant|[Cc]onstable)\s+(?:with|in|for|at)\s+(?:the\s+)?$"
)


def _after_officers(text, found):
    """Collar numbers said right after the name of a person called an officer (the rank
    at most 40 characters before the name, or in it); in a list of officers ("Officers of
    Musgrave: R. Kerr, 17093, ... T. Boyd, 16655, ..."), the codes of the same form after
    the other names too."""
    officers, others = [], []
    forces = {f[0]: f[1] for f in found if f[2] == "force"}
    for i, (s, e, kind, _ident_) in enumerate(found):
        if kind == "force":
            if _FORCE_OFFICER_BEFORE.search(text, max(0, s - 24), s) is None:
                continue
        elif kind != "person":
            continue
        else:
            here = _NAME_HERE.match(text, e)
            if here is not None:
                e = here.end()
            gap = _COMMA_GAP.match(text, e)
            if gap is not None and gap.end() > e and gap.end() in forces:
                e = forces[gap.end()]  # "PCSO Ann Lee, Kent Police, number 4410"
        force_at = s if kind == "force" else next((f for f, fe in forces.items() if fe == e), None)
        m = _CODE_AFTER_NAME.match(text, e)
        g = "code" if m is not None and m.group("code") else "lettered"
        if m is None or any(f[0] < m.end() and m.start(g) < f[1] for f in found):
            continue  # no code there, or one the rules already took
        code = m.group(g)
        digits = code.strip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
        if _is_year(digits) or digits in _SERVICE_NUMBERS or code[:2] in _NOT_PREFIX:
            continue
        start = m.start(g)
        if force_at is not None and text[e] == " " and text[force_at:e].isupper() and " " not in text[force_at:e]:
            start = force_at  # "PC Marcus Oyelaran, MPS 219TX": the force's initials are the code's
            code = text[force_at:e] + code
        item = (start, m.end(g), "collar_number", code.replace(" ", ""))
        near = _OFFICER_BEFORE.search(text, max(0, s - 40), e) is not None
        (officers if near else others).append((item, (len(code) - len(digits), len(digits))))
    if not officers:
        return found
    forms = {form for _, form in officers}
    extra = [item for item, _ in officers] + [item for item, form in others if form in forms]
    return _ids.resolve_overlaps(found + extra)


#: A rank said as an apposition and a code closing the clause after it, a force between
#: them allowed: "Jo Barr, that's me, PC, 2276.", "Sam Reid, PC, Kent Police, KP 5208."
_RANK_APPOSITION = re.compile(r"(?<![\w.])(?:PC|PS|PCSO|DC|DS|TDC|WPC|Sgt|SC),\s*")
#: What a text must hold for :data:`_RANK_APPOSITION` to be tried ("TDC," holds "DC,").
_RANK_COMMAS = tuple(f"{r}," for r in ("PC", "PS", "PCSO", "DC", "DS", "Sgt", "SC"))
_APPOSED_CODE = re.compile(r"(?P<code>(?:[A-Z]{1,3} ?)?\d{3,6})(?=\s*(?:[,.;:!?)\"”’]|$))")
_COMMA_GAP = re.compile(r"\s*,\s*")


def _after_ranks(text, found):
    """Collar numbers after a rank said as an apposition (:data:`_RANK_APPOSITION`)."""
    forces = {f[0]: f[1] for f in found if f[2] == "force"}
    extra = []
    for m in _RANK_APPOSITION.finditer(text):
        pos = m.end()
        if pos in forces:  # "PC, Kent Police, KP 5208"
            gap = _COMMA_GAP.match(text, forces[pos])
            if gap is None or gap.end() == forces[pos]:
                continue
            pos = gap.end()
        c = _APPOSED_CODE.match(text, pos)
        if c is None:
            continue
        code = c.group("code")
        digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
        if _is_year(digits) or digits in _SERVICE_NUMBERS or code.split()[0] in _NOT_PREFIX:
            continue
        if any(f[0] < c.end() and c.start() < f[1] for f in found):
            continue
        extra.append((c.start(), c.end(), "collar_number", code.replace(" ", "")))
    return _ids.resolve_overlaps(found + extra) if extra else found


#: Kinds of code a speaker may misread and then correct ("4471, no, sorry, 4417"; "NHS
#: number, 9938518190 — sorry, I've misread it, 9935181901"): the code said first is a
#: near copy of the person's, and as telling.
_CORRECTED_KINDS = frozenset("collar_number warrant_number nhs_number ni_number phone".split())
_CORRECTION_WORDS = ("sorry", "no,", "No,", "I mean", "misread", "wait,")
_CORRECTION_GAP = (
    r"\s*[,—–-]?\s*(?i:no|sorry|wait|oops|I\s+mean|hang\s+on)\b"
    r"(?:[\s,]+(?i:no|sorry|I\s+mean|I['’]ve\s+misread\s+it|I\s+misread\s+it|I\s+read\s+it\s+wrong|"
    r"that['’]s\s+wrong|it['’]s|it\s+is|it\s+was))*\s*[,—–:-]?\s*"
)
_CORRECTED_BEFORE = re.compile(
    rf"(?<![\w£$€.,:/#&-])(?P<x>(?:[A-Z]{{1,4}} ?)?\d(?:[ -]?\d){{2,12}})(?![\w%£:/]){_CORRECTION_GAP}$"
)


def _corrected_codes(text, found):
    """The code said just before a correction to a code found (:data:`_CORRECTED_KINDS`),
    with as many digits: the same kind, its own identity."""
    extra = []
    for s, _e, kind, _i in found:
        if kind not in _CORRECTED_KINDS:
            continue
        m = _CORRECTED_BEFORE.search(text, max(0, s - 80), s)
        if m is None:
            continue
        x = m.group("x")
        if _n_digits(x) != _n_digits(text[s:_e]) or any(f[0] < m.end("x") and m.start("x") < f[1] for f in found):
            continue
        extra.append((m.start("x"), m.end("x"), kind, re.sub(r"[\s-]", "", x)))
    return _ids.resolve_overlaps(found + extra) if extra else found


#: A code the speaker corrects into a reference: "PSD/3319, no, that's the file number".
_REFERENCE_AFTER = re.compile(
    r"(?i:\s*,?\s*(?:no|sorry|wait)\b[\s,]*(?:sorry[\s,]*)?(?:that['’]s|that\s+is|that\s+was|it['’]s)\s+"
    r"(?:the|a|my|his|her|their)\s+(?:file|case|reference|ref|crime|incident|job|log|complaint)\s+(?:number|ref)\b)"
)


def _corrected_to_reference(text, f):
    return f[2] in ("collar_number", "warrant_number") and _REFERENCE_AFTER.match(text, f[1]) is not None


_RANGE = re.compile(r"\b(?:from|between)\s+(\d{3,9})\s*(?:to|and|-|–)\s*(\d{3,9})\b")


def _time_or_count(text, f):
    """A window rule's bare four digits that are a time of day after "at" / "by" /
    "from" ("in the car at 0730"), not a collar or warrant number; bare digits before a
    plural noun ("300 others") are a count."""
    s, e, kind, _ = f
    if kind not in ("collar_number", "warrant_number") or not text[s:e].isdigit():
        return False
    if _plural_after(text, e):
        return True
    if e - s != 4:
        return False
    hh, mm = int(text[s : s + 2]), int(text[s + 2 : e])
    return hh < 24 and mm < 60 and (_time_before(text, s) or _TIME_NOUN_AFTER.match(text, e) is not None)


def _repeats(text, found):
    """The same code said again later (or earlier) in the text gets the same replacement,
    written with or without its spaces and hyphens ("WM 20411", "WM20411"); the number
    alone of a code with a letter prefix or suffix ("314" after "DO 314") too."""
    extra = _disguised_repeats(text, found)
    seen = set()
    for s, e, kind, ident in found:
        if kind not in _REPEATED_KINDS:
            continue
        surface, said = text[s:e], 2
        if _DIGIT.search(surface) is None and str(ident).isalnum():
            surface, said = str(ident), 1  # a code read out ("two two four seven"): its written form, "2247"
        digits = _DIGIT_RUN.findall(surface)
        if not digits or text.count(max(digits, key=len)) < said:
            continue  # said once: its longest run of digits is not there again
        forms = [surface]
        if kind in ("collar_number", "warrant_number"):
            m = _PREFIXED.fullmatch(surface)
            if m:
                forms.append(m.group("digits") or m.group("digits2"))
                swapped = _SWAPPED.fullmatch(surface)
                if kind == "collar_number" and swapped:  # "GD 412", then "412GD" off the shoulder
                    if swapped.group(1):
                        forms.append(swapped.group(2) + swapped.group(1))
                    else:
                        forms.append(swapped.group(4) + " " + swapped.group(3))
            role = _ROLE_NUMBER.fullmatch(surface)
            if role:  # "DDO D552", then "D552" alone
                forms.append(role.group("num"))
        if said == 1 and surface.isdigit() and kind in ("collar_number", "warrant_number"):
            # a number read out, then written with its letters ("four four nine, that's
            # how you'd say it, E 449", "E449"): the same code
            for r in re.finditer(rf"(?<![\w£$€.,:/#&'’-])(?P<l>[A-Z]{{1,3}}) ?{surface}(?![\w%£:/-]|[.,]\d)", text):
                if (
                    r.group("l") not in _RANK_PREFIX
                    and r.group("l") not in _NOT_PREFIX
                    and r.group("l") not in ("A", "I")
                ):
                    extra.append((r.start(), r.end(), kind, ident))
        for form in forms:
            key = " ".join(re.findall(r"[A-Za-z]+|\d+", form))
            if key in seen or len(key.replace(" ", "")) < 3:
                continue
            seen.add(key)
            pattern = _repeat_pattern(key)
            for r in pattern.finditer(text):
                item = (r.start(), r.end(), kind, ident)
                if _win._COUNTED.match(text, r.end()) or _time_or_count(text, item):
                    continue
                if form.isdigit() and _plural_after(text, r.end()):
                    continue
                extra.append(item)
    if not extra:
        return found
    spans = sorted((f[0], f[1]) for f in found)
    starts = [a for a, _ in spans]
    add, dropped = [], set()
    for item in extra:
        k = bisect.bisect_right(starts, item[0]) - 1
        if (k >= 0 and spans[k][1] > item[0]) or (k + 1 < len(spans) and spans[k + 1][0] < item[1]):
            inside = _parts_of(found, item)
            if inside:  # "482" found alone in "482 CW", said again of "482CW": the whole code
                dropped.update(inside)
                add.append(item)
            continue
        add.append(item)
    if not add:
        return found
    return _ids.resolve_overlaps([f for f in found if f not in dropped] + add)


def _parts_of(found, item):
    """The candidates of ``found`` that overlap ``item``, when all of them are shorter
    codes of its kind inside it (a collar or warrant number); else an empty list."""
    if item[2] not in ("collar_number", "warrant_number"):
        return []
    over = [f for f in found if f[0] < item[1] and item[0] < f[1]]
    if all(f[2] == item[2] and item[0] <= f[0] and f[1] <= item[1] and f[1] - f[0] < item[1] - item[0] for f in over):
        return over
    return []


def _disguised_repeats(text, found):
    """A collar or warrant number of 4-6 digits said again with a space or hyphen inside
    it or a letter O for a zero, as posts write it to get past filters ("2047", then
    '"20 47"', "2O47,"), closing its clause or quoted ("20 47 to nil" is a score); the
    forms with neither are :func:`_repeats`' own."""
    out = []
    done = set()
    for s, e, kind, ident in found:
        if kind not in ("collar_number", "warrant_number"):
            continue
        d = "".join(c for c in text[s:e] if c.isdigit()) or str(ident)
        if not (d.isdigit() and 4 <= len(d) <= 6) or d in done:
            continue
        done.add(d)
        for r in _disguised_pattern(d).finditer(text):
            if r.group() != d and _CLAUSE_END.match(text, r.end()):  # '"20 47"', "2O47, with" (not "20 47 to nil")
                out.append((r.start(), r.end(), kind, ident))
    return out


_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"”’]|$)")


@lru_cache(maxsize=256)
def _disguised_pattern(digits):
    """``digits`` with at most one space or hyphen between two of them and any zero
    written as a letter O (:func:`_disguised_repeats`)."""
    alts = [digits[:i] + "[ -]" + digits[i:] for i in range(2, len(digits) - 1)]
    if "0" in digits:
        alts.append(digits)
    body = "|".join(alts).replace("0", "[0Oo]")
    return re.compile(rf"(?<![\w£$€#/.,-])(?<!\d[ -])(?:{body})(?![\w%£/-]|[.,]\d| \d)")


#: A collar code of two letters and 3-4 digits, either way round ("GD 412", "412GD").
_SWAPPED = re.compile(r"([A-Z]{2})[ ]?(\d{3,4})|(\d{3,4})[ ]?([A-Z]{2})")
_PREFIXED = re.compile(r"[A-Z]{1,4}(?:[-/ ][A-Z]{1,2})?[-/ ]?(?P<digits>\d{3,9})|(?P<digits2>\d{3,6})[A-Z]{1,2}")


@lru_cache(maxsize=256)
def _repeat_pattern(key):
    """``key`` (the letter and digit groups of a code, space-separated) as said anywhere,
    with or without a space, hyphen or slash between its groups, its letters in either
    case, not inside a longer code or number."""
    parts = key.split()
    # letters in any case: a code typed again in lower case ("d552") is the same code
    body = r"[-/ ]?".join(f"(?i:{re.escape(p)})" if p.isalpha() else re.escape(p) for p in parts)
    return re.compile(rf"(?<![\w£$€#/.,-]){body}(?![\w%£/-]|[.,]\d)")
