"""Patterns that find personal identifiers in UK policing text (used by ``redact``).

Each finder returns ``(start, end, kind, identity)`` tuples: ``identity`` is a
normalised form of the identifier, so that "GMP" and "Greater Manchester Police", or
"PC Smith" and "Inspector Smith", receive the same pseudonym.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from toolkit.paths import DATA_DIR

#: Kinds of identifier, in order of priority when two matches overlap.
KINDS = (
    "email",
    "url",
    "handle",
    "ni_number",
    "phone",
    "postcode",
    "vehicle",
    "warrant_number",
    "collar_number",
    "force",
    "person",
)

#: Label written in place of each kind, e.g. ``[Officer A]``.
LABELS = {
    "email": "Email",
    "url": "Profile URL",
    "handle": "Handle",
    "ni_number": "NI number",
    "phone": "Phone",
    "postcode": "Postcode",
    "vehicle": "Vehicle",
    "warrant_number": "Warrant number",
    "collar_number": "Collar number",
    "force": "Force",
    "person": "Officer",
}

RANKS = (
    "Police Constable", "Special Constable", "Detective Constable", "Constable", "PC", "DC",
    "PCSO", "SC", "Police Sergeant", "Detective Sergeant", "Sergeant", "Sgt", "PS", "DS",
    "Inspector", "Detective Inspector", "Chief Inspector", "Detective Chief Inspector",
    "Insp", "DI", "DCI", "Superintendent", "Detective Superintendent",
    "Chief Superintendent", "Detective Chief Superintendent", "Supt", "Ch Supt", "DSupt",
    "DCS", "Commander", "Assistant Chief Constable", "Deputy Chief Constable",
    "Chief Constable", "ACC", "DCC", "Commissioner", "Deputy Commissioner",
    "Assistant Commissioner", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr",
)
# Capitalised words that follow a rank but are not surnames ("Inspector Development").
NOT_SURNAMES = frozenset(
    """Development Programme Program Training Course Exam Examination Rank Ranks Role Team
    Teams Board Review Level Grade Pay Scale Post Posts Vacancy Vacancies Process Promotion
    Candidate Candidates Meeting Meetings Network Forum Office Officer Officers Staff Of The
    And Or For To In On At With From By Guidance Policy Policies Scheme Standards Duty Duties
    Team Unit Units Command Leadership Support Wellbeing Welfare Federation Association
    Professional Standards Department Conference Academy College Code Ethics Online Social
    Media Framework Handbook Manual Report Reports Update Updates Briefing Briefings I We
    You He She They It This That These Those My Our Your His Her Their When Where If As""".split()
)

_SURNAME = r"(?:[A-Z]['’])?(?:Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_GIVEN = r"(?:[A-Z]\.\s?|[A-Z][a-z]+\s+)"


def _alternation(words):
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_RANK_WORDS = set(RANKS) | {r.lower() for r in RANKS if len(r) > 4}
RANK_NAME = re.compile(
    rf"(?<![\w-])(?P<rank>{_alternation(_RANK_WORDS)})\.?\s+"
    rf"(?P<name>(?:{_GIVEN})?{_SURNAME})\b"
)
_RANK_TOKENS = tuple(sorted({re.split(r"\s+", r)[0].casefold() for r in _RANK_WORDS}))
EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)
_PLATFORMS = (
    r"(?:twitter|x|facebook|fb|instagram|tiktok|linkedin|youtube|threads|snapchat|reddit|"
    r"pinterest|tumblr|twitch|bsky|medium|github|t)\.(?:com|net|app|me|co\.uk|social|co)"
)
URL = re.compile(
    rf"(?:(?:https?://)?(?:www\.|m\.|mobile\.|uk\.)?{_PLATFORMS}/[^\s<>\"'),;]+"
    r"|https?://[^\s<>\"'),;]+)",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@./:])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
NI_NUMBER = re.compile(
    r"(?<![\w])(?:QQ|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r"[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\w])"
)
PHONE = re.compile(
    r"(?<![\w/+.:£$€-])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|0)(?:\d[\s)-]{0,2}){8,10}\d(?![\d/:.,]\d|\w)"
)
POSTCODE = re.compile(
    r"(?<![\w])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\w])"
)
VEHICLE = re.compile(
    r"(?<![\w])(?:[A-HJ-PR-Y][A-HJ-PR-Z]\d{2} ?[A-HJ-PR-Z]{3}"
    r"|[A-HJ-NP-Y]\d{1,3} ?[A-HJ-PR-Z]{3}"
    r"|[A-HJ-PR-Y]{3} ?\d{1,3}[A-HJ-NP-Y])(?![\w])"
)
WARRANT = re.compile(
    r"(?i:\bwarrant\s+(?:card\s+)?(?:number|no\.?|num\.?|#))\s*[:#]?\s*"
    r"(?P<id>[A-Z]{0,3}\d{3,9})(?![\w])"
)
COLLAR = re.compile(
    r"(?:(?i:\b(?:collar|shoulder|epaulette|badge)\s+(?:number|no\.?|num\.?|#))\s*[:#]?\s*"
    r"|\b(?:PC|PCSO|DC|PS|Sgt|SC|DS)\s?)(?P<id>[A-Z]{0,2}\d{2,6})(?![\w])"
)

_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_COLLAR_TOKENS = ("collar", "shoulder", "epaulette", "badge", "pc", "pcso", "dc", "ps", "sgt",
                  "sc", "ds")


def _first_tokens(forms) -> tuple:
    """Case-folded first words of ``forms``: every match of a pattern listing the forms
    starts with one of them."""
    return tuple(sorted({re.split(r"\s+", f.strip())[0].casefold() for f in forms if f.strip()}))


def _anchored_finditer(pattern, text, folded, tokens):
    """The matches ``pattern.finditer(text)`` gives, trying only the positions where a
    token (a case-folded first word of the pattern's alternatives) starts in ``folded``.

    ``folded`` is ``text.casefold()`` when that keeps the text's length (one folded
    character per character, so positions agree); otherwise None and the whole text is
    scanned. Finding tokens with ``str.find`` is far faster than letting the regular
    expression engine try a long alternation at every position; the result is the same
    because a match can only start where one of its alternatives' first words starts.
    """
    if folded is None:
        yield from pattern.finditer(text)
        return
    starts = set()
    for tok in tokens:
        i = folded.find(tok)
        while i >= 0:
            starts.add(i)
            i = folded.find(tok, i + 1)
    yield from _matches_at(pattern, text, starts)


def _matches_at(pattern, text, starts):
    """``pattern.finditer(text)`` when every match starts at one of ``starts``: leftmost
    first, non-overlapping, each the match the pattern gives at that position."""
    last = 0
    for pos in sorted(starts):
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            last = m.end()


def _digit_starts(text, lead=4):
    """Positions from which a number-bearing identifier can start: up to ``lead``
    characters before the start of each run of digits. In the patterns that use it
    (NI number, phone, postcode, vehicle) the first digit lies within 4 characters of the
    match start and is preceded by a non-digit (a letter, space, "+" or "(" of the match,
    or a character the look-behind rules out), so it starts a run of digits."""
    starts = set()
    for m in _DIGIT_RUN.finditer(text):
        d = m.start()
        starts.update(range(max(d - lead, 0), d + 1))
    return starts
_URL_HINT = re.compile(r"://|\.(?:com|net|app|me|co\.uk|social|co)/", re.IGNORECASE)
_WARRANT_HINT = re.compile(r"warrant", re.IGNORECASE)


@lru_cache(maxsize=1)
def force_table():
    """``(pattern, {surface form lower: canonical name})`` from ``uk_police_forces.csv``."""
    forms = {}
    abbrevs = set()
    with open(DATA_DIR / "uk_police_forces.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            for form in [name, *row["variants"].split(";")]:
                form = form.strip()
                if form:
                    forms[form] = name
                    if " and " in form:
                        forms[form.replace(" and ", " & ")] = name
            for ab in row["abbreviations"].split(";"):
                if ab.strip():
                    abbrevs.add(ab.strip())
                    forms[ab.strip()] = name
    long_forms = [f for f in forms if f not in abbrevs]
    pattern = re.compile(
        rf"(?<![\w])(?:(?i:{_alternation(long_forms)})|{_alternation(abbrevs)})(?![\w])"
    )
    lookup = {re.sub(r"\s+", " ", k.lower()): v for k, v in forms.items()}
    return pattern, lookup


@lru_cache(maxsize=1)
def _force_tokens() -> tuple:
    with open(DATA_DIR / "uk_police_forces.csv", newline="", encoding="utf-8") as fh:
        forms = []
        for row in csv.DictReader(fh):
            forms += [row["name"], *row["variants"].split(";"), *row["abbreviations"].split(";")]
    return _first_tokens([f.replace(" and ", " & ") for f in forms] + forms)


def _phone_ok(raw: str) -> str | None:
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip().startswith("+44"):
        digits = digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    if raw.count("(") != raw.count(")"):
        return None
    if len(digits) not in (10, 11) or digits[0] != "0" or digits[1] == "0":
        return None
    return digits


def find_identifiers(text: str, names_pattern=None, names_lookup=None):
    """All candidate identifiers in ``text`` as ``(start, end, kind, identity)``."""
    found = []
    add = found.append
    # Cheap necessary conditions skip whole patterns on texts that cannot match them
    # (every e-mail and handle has "@"; every URL "://" or "<platform>.<tld>/"; the
    # number patterns a digit; warrant numbers the word "warrant").
    has_at = "@" in text
    folded = text.casefold()
    folded = folded if len(folded) == len(text) else None
    has_digit = _DIGIT.search(text) is not None
    if has_at:
        for m in EMAIL.finditer(text):
            add((m.start(), m.end(), "email", m.group().lower()))
    if _URL_HINT.search(text):
        for m in URL.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".!?:":
                e -= 1
            add((s, e, "url", re.sub(r"^(https?://)?(www\.)?", "", text[s:e].lower()).rstrip("/")))
    if has_at:
        for m in _anchored_finditer(HANDLE, text, folded, ("@",)):
            add((m.start(), m.end(), "handle", m.group().lower()))
    if has_digit:
        near_digits = _digit_starts(text)
        for m in _matches_at(NI_NUMBER, text, near_digits):
            add((m.start(), m.end(), "ni_number", m.group().replace(" ", "")))
        for m in _matches_at(PHONE, text, near_digits):
            digits = _phone_ok(m.group())
            if digits:
                add((m.start(), m.end(), "phone", digits))
        for m in _matches_at(POSTCODE, text, near_digits):
            add((m.start(), m.end(), "postcode", m.group().replace(" ", "")))
        for m in _matches_at(VEHICLE, text, near_digits):
            add((m.start(), m.end(), "vehicle", m.group().replace(" ", "")))
        if _WARRANT_HINT.search(text):
            for m in WARRANT.finditer(text):
                add((m.start("id"), m.end("id"), "warrant_number", m.group("id")))
        for m in _anchored_finditer(COLLAR, text, folded, _COLLAR_TOKENS):
            add((m.start("id"), m.end("id"), "collar_number", m.group("id")))
    pattern, lookup = force_table()
    for m in _anchored_finditer(pattern, text, folded, _force_tokens()):
        key = re.sub(r"\s+", " ", m.group().lower())
        add((m.start(), m.end(), "force", lookup.get(key, key)))
    if names_pattern is not None:
        for m in names_pattern.finditer(text):
            key = re.sub(r"\s+", " ", m.group().lower())
            add((m.start(), m.end(), "person", names_lookup.get(key, key)))
    for m in _anchored_finditer(RANK_NAME, text, folded, _RANK_TOKENS):
        name = m.group("name")
        end = m.end()
        tokens = [t for t in re.split(r"[\s.]+", name) if t]
        if tokens[0] in NOT_SURNAMES:
            continue
        if len(tokens) > 1 and tokens[-1] in NOT_SURNAMES:
            if len(tokens[0]) == 1:  # an initial followed by a common word
                continue
            end = m.start("name") + len(tokens[0])
            name, tokens = tokens[0], tokens[:1]
        surname = tokens[-1].lower().replace("’", "'")
        if names_lookup and name.lower() in names_lookup:
            surname = names_lookup[name.lower()]
        elif names_lookup and surname in names_lookup:
            surname = names_lookup[surname]
        add((m.start(), end, "person", surname))
    return resolve_overlaps(found)


def resolve_overlaps(found):
    """Keep non-overlapping matches: earliest start first, then longest, then kind order."""
    rank = {k: i for i, k in enumerate(KINDS)}
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), rank[f[2]]))
    kept = []
    last_end = -1
    for item in found:
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    return kept
