"""Identifiers said some words after the word that announces them (used by ``redact``).

In interview speech a number or a date often comes a clause or a sentence after the word
that says what it is: "my warrant card, the number and all, WMP 81105", "a photo of his
warrant card. You could read the last four digits, 6618", "our collar numbers. 1187.
1242.", "the DOB of every officer. 30.01.1983, 9.6.1990". A trigger word opens a window
over the rest of its sentence; when that part holds no identifier of the kind, the window
goes on over the next sentence; sentences that are nothing but such numbers ("1187.
1242.") continue it. Inside a window only things shaped like the identifier are taken.

Also here: bare web addresses ("www.copsofkirklees.co.uk", "x.wordpress.com") and
house numbers said alone ("the number on the door, 14", "Flat 2").

Each finder calls ``add((start, end, kind, identity))``.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from toolkit.paths import DATA_DIR

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
#: A date, the year optional ("3 March", "March 3rd, 1985", "03/03/85").
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH},?(?:\s+(?:19|20)\d{{2}})?"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2})"
)
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth"
)
#: Welsh month names, as bilingual forms print a date ("05 Mehefin 1988"): taken in full
#: dates only (day and year with them), where no English word looks like them.
WELSH_MONTH = r"(?:Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)"
#: A full date: day, month and year in any common spoken or written form ("the seventh of
#: May, 1983" included).
FULL_DATE = re.compile(
    rf"(?<![\w./-])(?:(?:\d{{1,2}}(?:st|nd|rd|th)?|(?i:{_ORDINAL_WORD}))(?:\s+of)?\s+{MONTH},?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}\s+{WELSH_MONTH}\s+(?:19|20)\d{{2}}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})(?![\w/-]|[.]\d)"
)

_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*")  # "30.01.1983" is one sentence
#: Words after a number that make it a count, an amount or a time, not an identifier.
_COUNTED = re.compile(
    r"\s*(?:%|per\s?cent|k\b)|\s+(?:people|persons|followers|views|likes|shares|comments|"
    r"officers|cops|times|pounds|quid|grand|miles|metres|meters|km|hours|hrs|minutes|mins|"
    r"days|weeks|months|years|words|members|posts|messages|calls|emails|e-mails|texts|cases|"
    r"incidents|reports|staff|users|accounts|friends|pages|photos|pictures|videos|screenshots|"
    r"households|homes|houses|cars|vehicles|million|thousand|hundred|odd|plus|or\s+so|"
    r"something|ish|of\s+(?:them|us|those|these))\b",
    re.IGNORECASE,
)
#: A numbered thing just before ("Section 40", "Year 10", "Room 101", "Junction 25").
_NUMBERED_THING = re.compile(
    r"\b(?!Number\b|No\b|ID\b)[A-Z][a-z]+\.?\s+$|\b(?:year|section|room|junction|page|flat|number)\s+$"
)
_ID_NUMBER = re.compile(  # "WMP 81105", "DC 44219", "6618", "F2217"
    r"(?<![\w£$€.,:/#-])(?:(?P<prefix>[A-Z]{2,3})[ -]?|(?P<letter>[A-Z]))?(?P<digits>\d{3,9})"
    r"(?![\w%£:/-]|[.,]\d)"
)

_WARRANT_TRIGGER = re.compile(r"(?i:\bwarrant\s+(?:card|number|no\b|num\b|id\b|identity|cards|numbers))")
_COLLAR_TRIGGER = re.compile(
    r"(?i:\b(?:collar|shoulder|badge|epaulette)\s+(?:numbers?|nos?\b|nums?\b)|\bepaulettes?\b|"
    r"\bnumber(?:s|['’]s)?\s+(?:is\s+|was\s+)?on\s+(?:my|our|his|her|their|the)\s+(?:shoulders?|epaulettes?|"
    r"collars?|uniforms?)"
    # "collar" said for the number, posted or shown: "it's got my collar on it in the URL,
    # 5512", "my collar again at the bottom, 5512", "they'd put my collar up" (not a hand
    # on it: "grabbed me by my collar", "felt his collar")
    r"|\b(?:had|has|got|posted|put|shared|listed|printed|shows?|showed|showing)\s+"
    r"(?:my|his|her|their|your|our)\s+collar(?!\s+(?:numbers?|nos?)\b)\b"
    r"|\b(?:my|his|her|their|your|our)\s+collar\s+(?:on\s+(?:it|there|the)|again|in\s+the|up)\b)"
)
_DOB_TRIGGER = re.compile(r"(?i:\b(?:d\.?o\.?b\.?s?|dates?\s+of\s+birth|birth\s?dates?|birthdays?)\b)")
_TEMPORAL_BEFORE = re.compile(
    r"(?i:\b(?:on|since|until|till|by|from|after|before|during|around|between|in|at|of|"
    r"dated|joined|started|left|posted|sent|happened)\s+(?:the\s+)?)$"
)


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1950 <= int(digits) <= 2035


def date_of_birth(text, s, e):
    """A date-of-birth candidate for ``text[s:e]``, its identity the date in lower case
    with its runs of white space made single ("7 may 1983")."""
    return (s, e, "date_of_birth", re.sub(r"\s+", " ", text[s:e].lower()))


def starts(text, tokens):
    """Sorted positions in ``text`` where one of ``tokens`` begins, found with ``str.find``
    (far cheaper than a regular expression over the whole text)."""
    out = []
    for t in tokens:
        i = text.find(t)
        while i >= 0:
            out.append(i)
            i = text.find(t, i + 1)
    return sorted(out)


def word_starts(folded, words):
    """Sorted positions in ``folded`` (a case-folded text) where one of ``words`` begins a
    word (no letter before it), found with ``str.find``: far cheaper than a regular
    expression over the whole text ("one" in "someone" is not a start)."""
    out = []
    for w in words:
        i = folded.find(w)
        while i >= 0:
            if i == 0 or not folded[i - 1].isalpha():
                out.append(i)
            i = folded.find(w, i + 1)
    return sorted(out)


_last_sentences: tuple = (None, [], [])


def sentence_spans(text):
    """``(spans, starts)`` of the sentences of ``text`` (:data:`_SENTENCE`), kept for the
    last text: the windows of every kind, here and in ``_id_codes``, share them. One
    tuple, replaced whole, so threads never see a text with another text's sentences."""
    global _last_sentences
    last = _last_sentences
    if last[0] is not text:
        spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        last = (text, spans, [a for a, _ in spans])
        _last_sentences = last
    return last[1], last[2]


def _windows(text, trigger, found_in, matches=None, *, short_gap=False):
    """``(start, end)`` windows after each trigger: the rest of its sentence, then the next
    sentence when ``found_in(start, end)`` finds nothing there, then sentences that are
    nothing but identifiers. ``matches``: the trigger's matches, when the caller finds
    them faster than ``trigger.finditer(text)``; the text is split only once one is there.
    ``short_gap``: past a short sentence with no digit too, when that finds nothing ("The
    audit of lost warrant cards ... We had three that year. 0443127, lost on a night out")."""
    sentences = starts = None
    out = []
    for t in trigger.finditer(text) if matches is None else matches:
        if sentences is None:
            sentences, starts = sentence_spans(text)
        i = max(0, _bisect(starts, t.start()))
        lo, hi = t.end(), sentences[i][1] if i < len(sentences) else len(text)
        if not found_in(lo, hi) and i + 1 < len(sentences):
            i += 1
            hi = sentences[i][1]
            if short_gap and i + 1 < len(sentences) and _short_gap(text, *sentences[i]) and not found_in(lo, hi):
                i += 1
                hi = sentences[i][1]
        while i + 1 < len(sentences) and _only_ids(text, *sentences[i + 1]):
            i += 1
            hi = sentences[i][1]
        out.append((lo, hi))
    return out


def _short_gap(text, start, end):
    """True when ``text[start:end]`` is a sentence of six words at most with no digit."""
    part = text[start:end]
    return len(part.split()) <= 6 and not any(c.isdigit() for c in part)


def _bisect(starts, pos):
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


_ONLY_IDS = re.compile(r"\s*(?:(?:and\s+)?(?:[A-Z]{0,3}[ -]?\d{3,9}|" + FULL_DATE.pattern + r")\s*[,;]?\s*)+[.!?]*\s*")


def _only_ids(text, start, end):
    return _ONLY_IDS.fullmatch(text, start, end) is not None


def _id_numbers(text, lo, hi, *, bare_min):
    """ID-shaped numbers in ``text[lo:hi]``: a code of 2-3 capitals and digits ("WMP 81105")
    or digits alone (at least ``bare_min`` of them; not a year, a count or a numbered
    thing such as "Section 40")."""
    for m in _ID_NUMBER.finditer(text, lo, hi):
        digits = m.group("digits")
        if _COUNTED.match(text, m.end()):
            continue
        if m.group("prefix"):
            if m.group("prefix") in ("AM", "PM", "GMT", "BST", "UK", "GB", "NHS", "NI", "ID", "OK"):
                continue
            yield m.start(), m.end()
            continue
        start = m.start("digits")
        if len(digits) < bare_min or _is_year(digits):
            continue
        if _NUMBERED_THING.search(text, max(0, start - 15), start):
            continue
        yield (m.start() if m.group("letter") else start), m.end()


#: An identifier said first and named after it: "220417, my warrant number, went on
#: Telegram", "4410, which is my collar number", "14.06.1985, my date of birth".
_NAMED_AFTER = re.compile(
    r"\s*,\s*(?:which\s+is\s+|that['’]s\s+|that\s+was\s+|being\s+)?(?:my|his|her|our|their|the|your)\s+"
    r"(?:old\s+|full\s+|actual\s+)?(?P<what>warrant\s+(?:card\s+)?(?:number|no\b|ID\b)|"
    r"(?:collar|shoulder|badge)\s+(?:number|no\b)|date\s+of\s+birth|DOB|birthday)",
    re.IGNORECASE,
)


def find_named_after(text, add):
    """Identifiers followed by ", my warrant number", ", my collar number", ", my date of
    birth" (the trigger after the identifier)."""
    for m in _NAMED_AFTER.finditer(text):
        what = m.group("what").casefold()
        lo = max(0, m.start() - 24)
        if what.startswith(("date", "dob", "birth")):
            dates = list(FULL_DATE.finditer(text, lo, m.start()))
            if dates and dates[-1].end() == m.start():
                d = dates[-1]
                add(date_of_birth(text, d.start(), d.end()))
            continue
        warrant = what.startswith("warrant")
        nums = list(_id_numbers(text, lo, m.start(), bare_min=4 if warrant else 3))
        if nums and nums[-1][1] == m.start():
            s, e = nums[-1]
            kind = "warrant_number" if warrant else "collar_number"
            add((s, e, kind, re.sub(r"[\s-]", "", text[s:e]) if warrant else text[s:e]))


def find_warrant_windows(text, add):
    """Warrant numbers some words or a sentence after "warrant card / number / ID"."""

    def found_in(lo, hi):
        return next(_id_numbers(text, lo, hi, bare_min=4), None) is not None

    for lo, hi in _windows(text, _WARRANT_TRIGGER, found_in, short_gap=True):
        for s, e in _id_numbers(text, lo, hi, bare_min=4):
            add((s, e, "warrant_number", re.sub(r"[\s-]", "", text[s:e])))


def find_collar_windows(text, add):
    """Collar numbers some words or a sentence after "collar / shoulder / badge number",
    "epaulette", "the numbers on our shoulders"; "1187. 1242." as sentences of their own."""

    def found_in(lo, hi):
        return next(_id_numbers(text, lo, hi, bare_min=3), None) is not None

    for lo, hi in _windows(text, _COLLAR_TRIGGER, found_in):
        for s, e in _id_numbers(text, lo, hi, bare_min=3):
            if e - s > 9:  # a long code is a warrant number said beside the collar number
                continue
            add((s, e, "collar_number", text[s:e]))


def find_dob_windows(text, add):
    """Full dates (day, month and year) after "DOB", "date of birth", "birthday": in the
    rest of the sentence, or the next sentence when the rest holds none ("the DOB of
    every officer. 30.01.1983, 9.6.1990"). A date after a temporal preposition ("on 3
    May 2024") is an event's date and is left (the review sheet lists it)."""

    def found_in(lo, hi):
        return FULL_DATE.search(text, lo, hi) is not None

    for lo, hi in _windows(text, _DOB_TRIGGER, found_in):
        for m in FULL_DATE.finditer(text, lo, hi):
            if _TEMPORAL_BEFORE.search(text, max(0, m.start() - 14), m.start()):
                continue
            add(date_of_birth(text, m.start(), m.end()))


# ---------------------------------------------------------------------------------------
# Bare web addresses
# ---------------------------------------------------------------------------------------

_TLDS = (
    r"co\.uk|org\.uk|me\.uk|ltd\.uk|plc\.uk|sch\.uk|ac\.uk|com|net|org|uk|io|info|biz|blog|"
    r"site|online|website|web|store|shop|app|page|tv|me|wales|cymru|scot|london|ie|eu|"
    r"co|uk\.com|fm|xyz|club|live|news|life|world|social"
)
#: A host name said without "http://" or a path: "www.copsofkirklees.co.uk",
#: "exposingdorsetcops.wordpress.com", "northwesttruth.blogspot.co.uk".
BARE_HOST = re.compile(
    r"(?<![\w@./:-])(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+"
    rf"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9][a-z0-9-]*[a-z0-9]\.(?:{_TLDS}))"
    r"(?![\w@-]|\.[a-z0-9])",
    re.IGNORECASE,
)
#: Hosts of public bodies and of platforms and large companies named alone: they point
#: to nobody ("www.college.police.uk", "facebook.com"). Their subdomains ("x.wordpress.com")
#: and paths ("facebook.com/jane.doe", found by the URL pattern) do.
_PUBLIC_SUFFIXES = (".police.uk", ".gov.uk", ".nhs.uk", ".parliament.uk", ".mod.uk", ".gov.scot", ".gov.wales")
_PUBLIC_HOSTS = frozenset(
    """police.uk gov.uk nhs.uk facebook.com fb.com twitter.com x.com instagram.com tiktok.com
    youtube.com linkedin.com reddit.com google.com google.co.uk bbc.co.uk bbc.com amazon.co.uk
    amazon.com ebay.co.uk ebay.com gmail.com hotmail.com hotmail.co.uk outlook.com yahoo.com
    yahoo.co.uk icloud.com wordpress.com blogspot.com blogger.com wikipedia.org gumtree.com
    rightmove.co.uk zoopla.co.uk nextdoor.com nextdoor.co.uk mumsnet.com change.org
    gofundme.com justgiving.com crimestoppers-uk.org which.co.uk 192.com checkatrade.com
    trustpilot.com github.com medium.com substack.com tumblr.com telegram.org whatsapp.com
    snapchat.com discord.com twitch.tv onlyfans.com patreon.com strava.com vinted.co.uk
    depop.com etsy.com tripadvisor.co.uk tripadvisor.com yell.com""".split()
)


_HOST_END = re.compile(rf"\.(?:{_TLDS})(?![\w@-]|\.[a-z0-9])", re.IGNORECASE)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def _host_matches(text):
    """The matches of :data:`BARE_HOST`, found from the ends of host names (a dot and a
    top-level domain, a literal the regular expression engine finds fast) and the run of
    host characters before each (far cheaper than trying the pattern at every position)."""
    last = 0
    for t in _HOST_END.finditer(text):
        i = t.start()
        while i > last and text[i - 1] in _HOST_CHARS:
            i -= 1
        m = BARE_HOST.match(text, i)
        while m is None and i < t.start():
            i += 1  # a leading "-" or "." is not part of the host
            m = BARE_HOST.match(text, i)
        if m is not None and m.end() >= t.end():
            last = m.end()
            yield m


#: A host name said aloud: "copsexposed dot com", "leedswatch dot co dot uk".
SPOKEN_HOST = re.compile(
    r"(?<![\w.@-])(?P<host>[a-z0-9][a-z0-9-]{3,}(?:\s+dot\s+[a-z0-9-]{2,})*?)\s+dot\s+"
    r"(?P<tld>co\s+dot\s+uk|org\s+dot\s+uk|com|net|org|uk|io|info|blog|me|tv)(?![\w-])",
    re.IGNORECASE,
)
_SPOKEN_NOT_HOST = frozenset(
    {"the", "a", "and", "just", "only", "then", "that", "this", "with", "what", "it's", "like"}
)

#: The local part of an e-mail address said aloud just before "at" ("jay, underscore,
#: mac, at example dot org"): the host after it is the address's domain, not a web page.
SPOKEN_LOCAL_BEFORE = re.compile(r"(?i:\b(?:underscore|dot|dash|hyphen)\s*,?\s*[a-z0-9]+\s*,?\s+at\s+)$")


def find_spoken_hosts(text, add):
    """Web addresses said aloud ("copsexposed dot com")."""
    if " dot " not in text:
        return
    for m in SPOKEN_HOST.finditer(text):
        if m.group("host").split()[0].casefold() in _SPOKEN_NOT_HOST:
            continue
        if SPOKEN_LOCAL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # an e-mail's domain
        host = re.sub(r"\s+dot\s+", ".", m.group().lower())
        if host in _PUBLIC_HOSTS:
            continue
        add((m.start(), m.end(), "url", host))


def find_bare_hosts(text, add):
    """Web addresses said as a bare host name; public bodies' and platforms' home pages
    are left."""
    if "www." not in text and "." not in text:
        return
    for m in BARE_HOST.finditer(text) if "www." in text else _host_matches(text):
        host = m.group().lower()
        bare = host[4:] if host.startswith("www.") else host
        if bare in _PUBLIC_HOSTS or any(bare.endswith(s) for s in _PUBLIC_SUFFIXES):
            continue
        if "." not in bare or not re.search(r"[a-z]", bare.split(".")[0]):
            continue
        add((m.start(), m.end(), "url", bare))


# ---------------------------------------------------------------------------------------
# House numbers said alone
# ---------------------------------------------------------------------------------------

DOOR_NUMBER = re.compile(
    r"(?i:\bnumber\s+on\s+(?:the|my|our|his|her|their)\s+(?:front\s+|back\s+)?(?:door|house|gate|wall)"
    r"(?:\s+(?:is|was|says|said))?\s*[:,]?\s*)(?P<num>\d{1,4}[A-Za-z]?)(?![\w/:]|[.,]\d)"
    r"|(?i:\b(?:at|to|outside|from|round|live\s+at|lives\s+at|lived\s+at)\s+(?:no\.?|number)\s+)"
    r"(?P<num2>\d{1,4}[A-Za-z]?)(?![\w/:]|[.,]\d)"
)
FLAT = re.compile(r"(?<![\w])(?:Flat|Apartment|Apt\.?)\s+\d{1,4}[A-Za-z]?(?![\w/:]|[.,]\d)")


def find_door_numbers(text, add):
    """House and flat numbers said without the street: "the number on the door, 14",
    "outside number 27", "Flat 2"."""
    for m in DOOR_NUMBER.finditer(text):
        g = "num" if m.group("num") else "num2"
        if _COUNTED.match(text, m.end(g)):
            continue
        add((m.start(g), m.end(g), "address", m.group(g).lower()))
    for m in FLAT.finditer(text):
        if _COUNTED.match(text, m.end()):
            continue
        add((m.start(), m.end(), "address", m.group().lower()))


@lru_cache(maxsize=1)
def force_rows() -> tuple[dict, ...]:
    """The rows of ``uk_police_forces.csv`` (name, variants, abbreviations), read once for
    every rule that needs the force list."""
    with open(DATA_DIR / "uk_police_forces.csv", newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def force_prefixes() -> frozenset:
    """Force abbreviations of three letters or more (``uk_police_forces.csv``): "NYP",
    "WMP", "GMP"; said before digits, a warrant or collar number anywhere."""
    out: set[str] = set()
    for row in force_rows():
        out.update(a.strip() for a in row["abbreviations"].split(";") if len(a.strip()) >= 3)
    return frozenset(a for a in out if a.isupper())


_FORCE_CODE = re.compile(r"(?<![\w-])(?P<prefix>[A-Z]{3,4})[ -]?(?P<digits>\d{4,7})(?![\w%£:/-]|[.,]\d)")


def find_force_codes(text, add):
    """A force's abbreviation before 4-7 digits ("NYP 31186", "WMP-81105"): a warrant number
    wherever it is said (not a year: "GMP 2019")."""
    prefixes = force_prefixes()
    if not any(p in text for p in prefixes):
        return
    for m in _FORCE_CODE.finditer(text):
        if m.group("prefix") in prefixes and not _is_year(m.group("digits")):
            add((m.start(), m.end(), "warrant_number", re.sub(r"[\s-]", "", m.group())))
