"""Patterns that find personal identifiers in UK policing text (used by ``redact``).

Each finder returns ``(start, end, kind, identity)`` tuples: ``identity`` is a
normalised form of the identifier, so that "GMP" and "Greater Manchester Police", or
"PC Smith" and "Inspector Smith", receive the same pseudonym.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cache, lru_cache

from toolkit.paths import DATA_DIR
from toolkit.qual import _id_windows as _win_rules

#: Kinds of identifier, in order of priority when two matches overlap.
KINDS = (
    "email",
    "url",
    "handle",
    "nhs_number",
    "ni_number",
    "phone",
    "postcode",
    "vehicle",
    "date_of_birth",
    "warrant_number",
    "collar_number",
    "force",
    "station",
    "school",
    "workplace",
    "address",
    "person",
    "place",
)

#: Label written in place of each kind, e.g. ``[Officer A]`` (persons named with a rank
#: are ``Officer``, other persons ``Person``).
LABELS = {
    "email": "Email",
    "url": "Profile URL",
    "handle": "Handle",
    "nhs_number": "NHS number",
    "ni_number": "NI number",
    "phone": "Phone",
    "postcode": "Postcode",
    "vehicle": "Vehicle",
    "date_of_birth": "Date of birth",
    "warrant_number": "Warrant number",
    "collar_number": "Collar number",
    "force": "Force",
    "station": "Station",
    "school": "School",
    "workplace": "Workplace",
    "address": "Address",
    "person": "Person",
    "place": "Place",  # a place named after a preposition; reviewed candidates
    "number": "Number",
    "date": "Date",  # a full date accepted from the review sheet
}

RANKS = (
    "Police Constable",
    "Special Constable",
    "Detective Constable",
    "Constable",
    "PC",
    "DC",
    "PCSO",
    "SC",
    "Police Sergeant",
    "Detective Sergeant",
    "Sergeant",
    "Sgt",
    "PS",
    "DS",
    "Inspector",
    "Detective Inspector",
    "Chief Inspector",
    "Detective Chief Inspector",
    "Insp",
    "DI",
    "DCI",
    "Superintendent",
    "Detective Superintendent",
    "Chief Superintendent",
    "Detective Chief Superintendent",
    "Supt",
    "Ch Supt",
    "DSupt",
    "DCS",
    "Commander",
    "Assistant Chief Constable",
    "Deputy Chief Constable",
    "Chief Constable",
    "ACC",
    "DCC",
    "Commissioner",
    "Deputy Commissioner",
    "Assistant Commissioner",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Ch Insp",
    "Chief Insp",
    "Det Sgt",
    "Det Con",
    "Det Insp",
    "T/Sgt",
    "A/Sgt",
    "T/Insp",
    "A/Insp",
    "TDC",
    "DSU",
    "DSI",
    "Ch Supt",
    "Det Supt",
    "PSI",
    "Prof",
    "Professor",
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
    You He She They It This That These Those My Our Your His Her Their When Where If As
    World Country Plod Martens Pepper Who Oetker Scholl Kipling Muscle Men Sheen Blobby
    Universe Right Big Motivator Games Magazine Pro Plus Desktop Laptop Tower Specialist
    Shop Store Repair Repairs Services Service Hub Lead Leads Sergeants Inspectors
    Constables Specials Supervisor Supervisors Role Operation Chapter Section Article Part
    Page Appendix Annex Schedule Act Bill Regulation Regulations Order Case Ref Reference
    Interview Interviewer Respondent Transcript""".split()
)

#: Upper- and lower-case letters of names, Latin letters with diacritics included
#: ("Siân", "Zoë", "Szymańska", "Łukasz", "Ó Súilleabháin").
_UP = "A-ZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LO = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
_W = rf"[{_UP}][{_LO}]+"  # a capitalised word
_SURNAME = rf"(?:[A-Z]['’])?(?:Mc|Mac)?{_W}(?:-{_W})?"
_GIVEN = rf"(?:[A-Z]\.\s?|[A-HJ-Z]\s(?=[A-Z][a-z])|{_W}(?:-{_W})?\s+)"  # "J. Kerr", "J Kerr", "Jo Kerr"


def _alternation(words):
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_CIVIL_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "professor"})
_RANK_WORDS = set(RANKS) | {r.lower() for r in RANKS if len(r) > 4}
RANK_NAME = re.compile(
    rf"(?<![\w-])(?P<rank>{_alternation(_RANK_WORDS)})\.?\s+"
    r"(?:(?P<num>\d{2,6})\s+)?"
    rf"(?P<name>(?:{_GIVEN})?{_SURNAME})\b"
)
_NUMBER_AFTER_NAME = re.compile(r"[ \t]+(\d{3,5})\b(?![.:,/]?\d)(?![ \t]*(?:am|pm|hours|hrs|%|years|pounds|quid))")
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
    r"|https?://[^\s<>\"'),;]+"
    r"|(?<![\w@./])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|uk|org|net|"
    r"ee|me|io|gg|ly|tv|app|social|info|biz|page|site|link|to|cc)/[^\s<>\"'),;]+"
    r"|(?<![\w@.])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/[^\s<>\"'),;]+)",
    re.IGNORECASE,
)
USERNAME = re.compile(  # "his username was truthseeker_74", "her Snapchat is lilymae.xo"
    r"(?i:\b(?:user\s?name|screen\s?name|gamer\s?tag|handle|account\s+name|"
    r"(?:snapchat|snap|insta|instagram|tiktok|twitter|telegram|discord|xbox|psn|kik)"
    r"(?:\s+(?:name|handle|account|username))?)(?:\s+(?:is|was|of))?\s*[:,]?\s+)"
    r"[\"“'‘]?(?P<id>[A-Za-z0-9_.]*(?:[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9]|[A-Za-z][0-9])"
    r"[A-Za-z0-9_]*)(?![\w@])"
)
HANDLE = re.compile(r"(?<![\w@./:])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
NI_NUMBER = re.compile(
    r"(?<![\w])(?:QQ|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])"
    r"[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\w])"
)
PHONE = re.compile(r"(?<![\w/+.:£$€-])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(0|0)(?:\d[\s)-]{0,2}){8,10}\d(?![\d/:.,]\d|\w)")
POSTCODE = re.compile(r"(?<![\w])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\w])")
#: The postcode areas of the UK and the Crown dependencies (the letters before the first
#: digit): a postcode typed in lower case ("ls6 2qy") is taken only with one of these.
POSTCODE_AREAS = frozenset(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL
    DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT
    KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR
    RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA
    WC WD WF WN WR WS WV YO ZE""".split()
)
#: Words that announce a postcode ("Postcode, sw9 8de"): never the first word of an
#: address line before it.
POSTCODE_WORDS = frozenset({"postcode", "postcodes", "post"})
#: A postcode in lower or mixed case ("ls6 2qy", "Cf24 2dl"; "ne62tl" without the space
#: only where the text speaks of a postcode); not an inward part that reads as an
#: ordinal ("m6 5th").
POSTCODE_ANY_CASE = re.compile(
    r"(?i:(?<![\w@./-])(?P<area>[a-z]{1,2})\d[a-z\d]?(?P<sp> ?)\d(?!st|nd|rd|th)[abd-hjlnp-uw-z]{2}(?![\w@]|[.-]\w))"
)
VEHICLE = re.compile(
    r"(?<![\w])(?:[A-HJ-PR-Y][A-HJ-PR-Z]\d{2} ?[A-HJ-PR-Z]{3}"
    r"|[A-HJ-NP-Y]\d{1,3} ?[A-HJ-PR-Z]{3}"
    r"|[A-HJ-PR-Y]{3} ?\d{1,3}[A-HJ-NP-Y])(?![\w])"
)
WARRANT = re.compile(  # "warrant number 40117", "warrant card number's WC 304719", "WC304719"
    r"(?:(?i:\bwarrant\s+(?:card\s+)?(?:number|no\.?|num\.?|#|ID)?(?:['’]s|\s+(?:is|was|reads|of))?)"
    r"\s*[:#,]?\s*|(?<![\w])(?=WC[-/ ]?\d{4,8}(?![\w])))(?P<id>(?:[A-Z]{1,3}[-/ ]?)?\d{3,9}(?:/\d{2,4}(?![\w/]))?)(?![\w])"
)
COLLAR = re.compile(
    r"(?:(?i:\b(?:collar|shoulder|epaulette|badge)(?:\s+(?:number|no\.?|num\.?|#))?"
    r"(?:['’]s|\s+(?:is|was|of))?)\s*[:#,]?\s*"
    r"|\b(?:PC|PCSO|DC|PS|Sgt|SC|DS|TDC)\s?)(?P<id>[A-Z]{0,2}\d{2,6})(?![\w])"
)

_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_COLLAR_TOKENS = ("collar", "shoulder", "epaulette", "badge", "pc", "pcso", "dc", "ps", "sgt", "sc", "ds")


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
    for tok in _minimal_tokens(tuple(tokens)):
        i = folded.find(tok)
        while i >= 0:
            starts.add(i)
            i = folded.find(tok, i + 1)
    yield from _matches_at(pattern, text, starts)


@cache
def _minimal_tokens(tokens):
    """``tokens`` without those that another token starts ("worker" when "work" is there):
    every position where a longer token starts is found by its prefix."""
    return tuple(t for t in tokens if not any(o != t and t.startswith(o) for o in tokens))


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


_URL_HINT = re.compile(r"://|www\.|\.[a-z]{2,6}/", re.IGNORECASE)
_USERNAME_TOKENS = (
    "user",
    "screen",
    "gamer",
    "handle",
    "account",
    "snap",
    "insta",
    "tiktok",
    "twitter",
    "telegram",
    "discord",
    "xbox",
    "psn",
    "kik",
)
_WARRANT_HINT = re.compile(r"(?i:warrant)|WC[-/ ]?\d")
_COLLAR_WINDOW_HINT = ("collar", "shoulder", "badge", "epaulette")
_DOB_WINDOW_HINT = ("dob", "d.o.b", "birth")
_DOOR_HINT = ("number", "flat", "apartment", "apt.")


def _find_postcodes_any_case(text, add, near_digits, folded):
    """Postcodes not written in capitals (:data:`POSTCODE_ANY_CASE`), their area a real one."""
    postcode_said = None
    for m in _matches_at(POSTCODE_ANY_CASE, text, near_digits):
        code = m.group().upper()
        if code == m.group() or m.group("area").upper() not in POSTCODE_AREAS:
            continue  # in capitals: POSTCODE's
        if not m.group("sp"):
            if postcode_said is None:
                postcode_said = _mentions(text, folded, ("postcode", "post code"))
            if not postcode_said:
                continue
        add((m.start(), m.end(), "postcode", code.replace(" ", "")))


def _mentions(text, folded, words):
    """True when one of the lower-case ``words`` occurs in ``text`` (any case): ``str``
    look-ups in the case-folded text, far cheaper than a case-insensitive regex search."""
    hay = folded if folded is not None else text.casefold()
    return any(w in hay for w in words)


@lru_cache(maxsize=1)
def force_table():
    """``(pattern, {surface form lower: canonical name})`` from ``uk_police_forces.csv``."""
    forms = {}
    abbrevs = set()
    for row in _win_rules.force_rows():
        name = row["name"].strip()
        for form in [name, *row["variants"].split(";")]:
            form = form.strip()
            if form:
                forms[form] = name
                if " and " in form:
                    forms[form.replace(" and ", " & ")] = name
        stem = re.sub(r"\s+(?:Police|Constabulary)$", "", name)
        if stem != name and stem not in forms:  # "Dyfed-Powys", "Thames Valley"
            forms[stem] = name
            abbrevs.add(stem)  # case-sensitive, as abbreviations
        for part in re.split(r"\s+and\s+", stem) if " and " in stem else ():
            if part not in forms:  # "Devon", "Cornwall", "Hampshire": the force's area
                forms[part] = name
                abbrevs.add(part)
        for ab in row["abbreviations"].split(";"):
            if ab.strip():
                abbrevs.add(ab.strip())
                forms[ab.strip()] = name
    long_forms = [f for f in forms if f not in abbrevs]
    pattern = re.compile(rf"(?<![\w])(?:(?i:{_alternation(long_forms)})|{_alternation(abbrevs)})(?![\w])")
    lookup = {re.sub(r"\s+", " ", k.lower()): v for k, v in forms.items()}
    return pattern, lookup


@lru_cache(maxsize=1)
def _force_stems() -> frozenset:
    """Force names without "Police" / "Constabulary" and every part of them ("Devon",
    "Cornwall", "Thames Valley"): areas, not workplaces."""
    out = set()
    for row in _win_rules.force_rows():
        stem = re.sub(r"\s+(?:Police(?:\s+Service)?|Constabulary)$", "", row["name"].strip())
        out.add(stem)
        out.update(w for w in re.split(r"\s+(?:and|&)\s+", stem))
    return frozenset(out)


@lru_cache(maxsize=1)
def _force_tokens() -> tuple:
    forms = []
    for row in _win_rules.force_rows():
        forms += [row["name"], *row["variants"].split(";"), *row["abbreviations"].split(";")]
    return _first_tokens([f.replace(" and ", " & ") for f in forms] + forms)  # stems too


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


def find_identifiers(text: str, names_pattern=None, names_lookup=None, officers=None):
    """All candidate identifiers in ``text`` as ``(start, end, kind, identity)``.

    ``officers``, a set, receives the identities of persons named with a rank."""
    found: list[tuple] = []
    add = found.append
    # Cheap necessary conditions skip whole patterns on texts that cannot match them
    # (every e-mail and handle has "@"; every URL "://" or "<platform>.<tld>/"; the
    # number patterns a digit; warrant numbers the word "warrant").
    has_at = "@" in text
    casefolded = text.casefold()
    folded = casefolded if len(casefolded) == len(text) else None
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
    _win_rules.find_bare_hosts(text, add)
    _win_rules.find_spoken_hosts(text, add)
    if has_at:
        for m in _anchored_finditer(HANDLE, text, folded, ("@",)):
            add((m.start(), m.end(), "handle", m.group().lower()))
    for m in _anchored_finditer(USERNAME, text, folded, _USERNAME_TOKENS):
        add((m.start("id"), m.end("id"), "handle", m.group("id").lower()))
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
        _find_postcodes_any_case(text, add, near_digits, folded)
        for m in _matches_at(VEHICLE, text, near_digits):
            add((m.start(), m.end(), "vehicle", m.group().replace(" ", "")))
        if _WARRANT_HINT.search(text):
            for m in WARRANT.finditer(text):
                add((m.start("id"), m.end("id"), "warrant_number", m.group("id")))
        for m in _anchored_finditer(COLLAR, text, folded, _COLLAR_TOKENS):
            add((m.start("id"), m.end("id"), "collar_number", m.group("id")))
        if _WARRANT_HINT.search(text):
            _win_rules.find_warrant_windows(text, add)
        if _mentions(text, folded, _COLLAR_WINDOW_HINT):
            _win_rules.find_collar_windows(text, add)
        if _mentions(text, folded, _DOB_WINDOW_HINT):
            _win_rules.find_dob_windows(text, add)
        _win_rules.find_force_codes(text, add)
        if "," in text and _mentions(text, folded, ("warrant", "collar", "shoulder", "badge", "birth", "dob")):
            _win_rules.find_named_after(text, add)
        if _mentions(text, folded, _DOOR_HINT):
            _win_rules.find_door_numbers(text, add)
    pattern, lookup = force_table()
    for m in _anchored_finditer(pattern, text, folded, _force_tokens()):
        if m.group().lower().endswith("met") and re.match(
            r"\s+(?:Office|Éireann|Eireann|Gala|Opera|"
            r"Museum)\b",
            text[m.end() : m.end() + 10],
        ):
            continue  # the Met Office, the Met Gala
        key = re.sub(r"\s+", " ", m.group().lower())
        end = m.end()
        if key.endswith("met") and text.startswith(" Police", end) and not text[end + 7 : end + 8].isalpha():
            end += 7  # "sorry, Met Police": the name as said, "Police" inside
        add((m.start(), end, "force", lookup.get(key, key)))
    if names_pattern is not None:
        for m in names_pattern.finditer(text):
            key = re.sub(r"\s+", " ", m.group().lower())
            add((m.start(), m.end(), "person", names_lookup.get(key, key)))
    for m in _anchored_finditer(RANK_NAME, text, folded, _RANK_TOKENS):
        name = m.group("name")
        gap = text[m.end("rank") : m.start("num") if m.group("num") else m.start("name")]
        if "." in gap and (m.group("rank").islower() or len(m.group("rank")) > 4):
            continue  # "a police constable. Stupid": a sentence ends after the rank
        end = m.end()
        tokens = [t for t in re.split(r"[\s.]+", name) if t]
        if re.search(r"\.\s", gap) and (
            tokens[0].casefold() in _common_words() or (is_ordinary(tokens[0]) and tokens[0] not in gazetteer()[1])
        ):
            continue  # "when I was a PCSO. So it's": the next sentence's first word
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
        if officers is not None and m.group("rank") not in _CIVIL_TITLES:
            officers.add(surname)
        if m.group("num"):  # "PC 1234 Smith": the number and the name, rank left
            add((m.start("num"), m.end("num"), "collar_number", m.group("num")))
            add((m.start("name"), end, "person", surname))
        else:
            add((m.start(), end, "person", surname))
            if m.group("rank") not in _CIVIL_TITLES:
                after = _NUMBER_AFTER_NAME.match(text, end)
                num = after.group(1) if after else ""
                if after and not (num in ("101", "999", "111") or (len(num) == 4 and 1950 <= int(num) <= 2035)):
                    # "Sgt Dyer 1156, PC Harris 872": a collar number after the name (not
                    # a year, "PC Hill 1990 was ...", or a service's number)
                    add((after.start(1), after.end(1), "collar_number", after.group(1)))
    find_context(text, add, names_lookup, folded)
    areas = _area_rules()
    for area in areas:
        area.find(text, add, folded)
    found = resolve_overlaps(found)
    found = _surnames_alone(text, found)
    extra = proper_nouns(text, found)
    if extra:
        found = resolve_overlaps(found + extra)
    for area in areas:
        found = area.revise(text, found)
    return found


@cache
def _area_rules():
    """The rule modules of each area (imported on first use: they import this module)."""
    from toolkit.qual import _id_codes, _id_lower, _id_online, _id_persons, _id_places, _id_spoken

    return (_id_online, _id_codes, _id_spoken, _id_places, _id_persons, _id_lower)


def _surnames_alone(text, found):
    """Add the surname of a person named with a rank or a given name ("DS Mottram",
    "Darren Oakes") where it comes again on its own in the same text ("Mottram said"),
    with the same identity."""
    extra = []
    seen = set()
    for start, end, kind, identity in found:
        if kind != "person":
            continue
        words = text[start:end].split()
        if len(words) < 2:
            continue
        last = words[-1]
        last = last[:-2] if last.endswith(("'s", "’s")) else last
        if (
            last in seen
            or len(last) < 3
            or not last[0].isupper()
            or last in NOT_SURNAMES
            or last in AMBIGUOUS_GIVEN
            or last.casefold() in _common_words()
        ):
            continue
        seen.add(last)
        i = text.find(last)
        while i >= 0:  # str.find, then the word boundaries: far cheaper than a regex per name
            j = i + len(last)
            if (
                not start <= i < end
                and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-_"))
                and (j == len(text) or not (text[j].isalnum() or text[j] in "-_"))
            ):
                extra.append((i, j, "person", identity))
            i = text.find(last, j)
    return resolve_overlaps(found + extra) if extra else found


def resolve_overlaps_any(found):
    """:func:`resolve_overlaps` for lists that may hold kinds outside :data:`KINDS`
    (reviewed candidates), ranked after them."""
    rank = {k: i for i, k in enumerate(KINDS)}
    found = sorted(found, key=lambda f: (f[0], -(f[1] - f[0]), rank.get(f[2], len(KINDS))))
    kept, last_end = [], -1
    for item in found:
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    return kept


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


# ---------------------------------------------------------------------------------------
# Context rules and the name gazetteer (people, places, schools, workplaces, dates of birth)
# ---------------------------------------------------------------------------------------

#: Acronyms that name no one: policing, health, government, technology, school words (no
#: review candidate, and no home's initials).
KNOWN_ACRONYMS = frozenset(
    """NHS NI HR GP DOB PSD DM DMS URL ID HQ HMRC PNC DDO PDF CID FOI DWP DVLA CV EAP CCTV
    CPS ANPR DPO IP OIC ICO PIP IOPC IPCC SPOC NPCC USB SIM PSU ICT NPU PIN VPN MMS SMS CSV
    PTSD CAD BCU SNT TV CRM ICU IMEI UK GB EU USA ACAB RIP SAR EXIF GDPR PCSO PC DC DS DI
    DCI DSU DCS ACC DCC CC SGT PS TDC TPC MO OH OHU BBC ITV DVD CD PA IT AI OK FB IG PM AM
    CEO MD RTC ASB DV DA MASH MARAC CSE CPT CPU UC IOM PPE HMICFRS APP NCA CEOP SIO FLO
    SOCO CSI CPIA RIPA DPA CJS CJU QC KC MP MPS LGBT LGBTQ BAME BME ADHD OCD CBT EMDR TRIM
    AE GCSE SATS PTA PE RE DT BTEC NVQ BA MSC PHD HGV LGV MOT TOR TOIL ESA JSA VAT PAYE
    ARV AFO TSG OSU CTU MIT PPU DCU RPU NPT CSU LPU FIU ROCU CSP CHIS UCO LOL OMG FYI TBH
    WTF DIY ASAP AKA RSVP PTO SOS HMP YOI HMPPS CRC NPS DBS CRB MOD RAF RN IRA UN FBI
    AC EE NINO PB""".split()
)

#: Given names that are also ordinary English words, months or policing terms: a person
#: only with a surname after them, a kinship or rank word before them, or (words other
#: than months and days) capitalised inside a sentence.
AMBIGUOUS_GIVEN = frozenset(
    """Will May Hope Faith Grace Joy Rose Mark Bill Pat Sue Rob Matt Jack Jean Dawn Summer Autumn
    April June August Frank Guy Ray Drew Chase Chance Art Bob Dean Don Gene Glen Jay Ken
    Lance Les Max Miles Nick Penny Rich Royal Sky Star Sunny Wade Ward Young Carol Cliff
    Holly Ivy Iris Heather Violet Ruby Amber Crystal Destiny Honey Ginger Brandy Chip Buck
    Bud Clay Dale Forest Hunter Lou Major Marshal Mason Page Paris Patience Price Reed Rocky
    Rusty Sterling Stone Tanner Justice Precious Divine Unique Christian Constance Earnest
    Ernest Angel Baby Bishop Blessing Gift Goodness Happy Harmony Haven Honor Honour Jewel
    Liberty Lucky Mercy Merit Noble Oak Pearl Rain River Sage Shade Sol Spring Storm Sunday
    Trinity True Victory Winter Wisdom Young Jade Dusty Tiger Sonny Kit Val Bell Sandy Terry
    Marina Carmen Lane Brook Brooke Hall Hill Wood Green Brown White Black Gray Grey Long
    Little Love Moon Park Parks Rich Shepherd Sparrow Swan Walker Wolf Worth""".split()
)
#: Capitalised words never taken as a given name (places, forces, policing and
#: calendar words found in the name lists).
NOT_GIVEN = frozenset(
    """Kent Devon Chester Lincoln Florence Victoria Jordan Sydney Austin Dallas Preston
    Clifton Warren Carlisle Gold Silver Bronze Monday Tuesday Wednesday Thursday Friday
    Saturday January February March July September October November December Police Crown
    Court Christmas Easter English British Welsh Scottish Irish India Britain England Wales
    Scotland Ireland Europe America Africa Asia China Mercia Cleveland Durham Essex Gwent
    Cumbria Derby Lancaster York Bradford Leeds Halifax Oxford Cambridge Bristol Brighton
    Kendal Stirling Tyrone Antrim Shannon Georgia Virginia Carolina Madison Phoenix Denver
    Orlando Houston Nelson Sherwood Milton Lindsay Harley Bentley Mercedes Tesla Porsche
    Sky Apple Amazon Google Teams Zoom Facebook Instagram Twitter Snapchat Tik Tok""".split()
)


@cache
def _read_list(name):
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def gazetteer():
    """``(given, family)`` name sets (from ``names_given.txt`` / ``names_family.txt``;
    the ambiguous given names are added, each gated by its own rule)."""
    given = _read_list("names_given.txt") | _read_list("names_given_uk.txt")
    return (given | AMBIGUOUS_GIVEN) - NOT_GIVEN, _read_list("names_family.txt")


@lru_cache(maxsize=1)
def _common_words():
    """Lower-case words that never start a place, school or workplace name."""
    stop = _read_list("stopwords_en.txt")
    return (
        stop
        | {r.casefold() for r in RANKS}
        | {w.casefold() for w in NOT_SURNAMES}
        | {
            "police",
            "the",
            "a",
            "an",
            "my",
            "our",
            "their",
            "his",
            "her",
            "your",
            "this",
            "that",
            "local",
            "new",
            "old",
            "main",
            "central",
            "training",
            "staff",
            "force",
            "national",
            "county",
            "regional",
            "detective",
            "custody",
            "response",
            "neighbourhood",
            "control",
            "community",
            "every",
            "any",
            "some",
            "one",
            "each",
            "same",
            "other",
            "primary",
            "secondary",
            "high",
            "junior",
            "infant",
            "crown",
            "magistrates",
            "magistrates'",
            "family",
            "youth",
            "coroner's",
            "appeal",
            "supreme",
            "i",
            "it",
            "we",
            "they",
            "he",
            "she",
            "you",
            "there",
            "here",
            "what",
            "who",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "well",
            "so",
            "yes",
            "no",
            "but",
            "and",
            "then",
            "when",
            "because",
            "if",
            "oh",
            "um",
            "er",
            "like",
            "interviewer",
            "respondent",
            "q",
            "operation",
            "online",
            "social",
            "city",
            "town",
        }
        | POSTCODE_WORDS
    )


_CAP = (
    r"(?:(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:['’]s)?"
    r"(?:-(?:(?:under|upon|on|le|en|in|by|super|sub|cum|with|the)-)?[A-Z][a-z]+)*|St\.?)"
)
_CAPS = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
_NAME_TOKEN = re.compile(rf"(?<![\w'’-])(?:Mc|Mac|O['’])?{_W}(?:-{_W})?(?![\w-])")
_WORD_AFTER = re.compile(rf"\s+((?:Mc|Mac|O['’])?{_W}(?:-{_W})?)(?![\w-])")

KIN = (
    "wife",
    "husband",
    "partner",
    "son",
    "daughter",
    "kid",
    "kids",
    "child",
    "children",
    "boy",
    "girl",
    "brother",
    "sister",
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "nan",
    "nana",
    "gran",
    "grandma",
    "granny",
    "grandad",
    "grandpa",
    "grandson",
    "granddaughter",
    "uncle",
    "aunt",
    "auntie",
    "cousin",
    "niece",
    "nephew",
    "fiance",
    "fiancé",
    "fiancee",
    "fiancée",
    "girlfriend",
    "boyfriend",
    "friend",
    "neighbour",
    "mate",
    "colleague",
    "stepson",
    "stepdaughter",
    "stepmum",
    "stepdad",
    "twin",
    "twins",
    "baby",
    "lad",
    "eldest",
    "youngest",
    "brother-in-law",
    "sister-in-law",
    "mother-in-law",
    "father-in-law",
    "son-in-law",
    "daughter-in-law",
    "ex",
    "ex-wife",
    "ex-husband",
    "ex-partner",
    "supervisor",
    "manager",
    "boss",
    "sergeant",
    "inspector",
    "skipper",
    "guv",
    "guvnor",
    "oldest",
    "middle one",
    "little one",
    "carer",
    "childminder",
    "flatmate",
    "housemate",
    "landlord",
    "landlady",
)
KINSHIP = re.compile(
    r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Ww]hose)\s+(?:(?:late|former|old|little|"
    r"older|younger|eldest|youngest|big|new|best|step|oldest)[- ]?)?"
    rf"(?:{_alternation(KIN)})['’]?s?\s*,?\s+(?:(?:called|named)\s+)?"
    rf"(?P<name>{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern})?)"
)
NAMED = re.compile(
    r"\b(?:called|named|name\s+is|name's|name’s|names\s+are|names,|known\s+as|nicknamed|aka|"
    r"a\.k\.a\.|alias|goes\s+by|addressed\s+to|signed|(?:sur|maiden\s+|first\s+|last\s+|"
    r"full\s+|married\s+)names?(?:['’]s|\s+(?:is|was))?(?:\s+[a-z]+){0,2}?(?=\s*,)"
    r"|(?:sur|maiden\s+|first\s+|last\s+|full\s+|married\s+)names?(?:['’]s|\s+(?:is|was))?"
    r"|call(?:s|ed|ing)\s+(?:him|her|them)"
    r"(?:self|selves))\s*,?\s+[\"“'‘]?"
    rf"(?P<name>{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern}){{0,2}})"
)
_NAMED_THING = (
    r"\b(?:group|groups|page|pages|channel|site|website|forum|chat|thread|"
    r"video|campaign|company|firm|pub|shop|business|band|club|team|operation|"
    r"app|podcast|blog|show|programme|scheme|charity|network|account|profile|"
    r"username|handle)(?:\s+(?:was|is))?\s*,?\s*$"
)
_RANK_WORDS_BEFORE = rf"(?:{_alternation(_RANK_WORDS)})\.?\s+$"
_ETHNICITIES = frozenset("Black White Asian Mixed".split())
_COLOURS = frozenset("Black White Brown Green Grey Gray Amber Ruby Violet Scarlet Silver Gold Blue Red".split())
#: Signs of the zodiac, several of them given names ("Leo"): a sign near a date or a
#: birthday or the word "sign" is no person.
STAR_SIGNS = frozenset(
    "Aries Taurus Gemini Cancer Leo Virgo Libra Scorpio Sagittarius Capricorn Aquarius Pisces".split()
)
_STAR_CONTEXT = re.compile(
    r"(?i:\b(?:star\s+sign|sign|zodiac|horoscope|birthday|born|typical)\b|\d(?:st|nd|rd|th)?\s+"
    r"(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)


#: A sign's word said as a child's name: "Leo was born ...", "Leo and Ava", "Ava and Leo".
_SIGN_AS_NAME_AFTER = re.compile(r"\s+(?:was|were)\s+born\b|\s+and\s+(?P<next>[A-Z][a-z]+)\b")
_SIGN_AS_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?P<prev>[A-Z][a-z]+)\s+and\s+$")


def _star_sign(text, start, end):
    """True when ``text[start:end]`` is a sign of the zodiac said near a date, a birthday or
    the word "sign" (not when born or paired with a given name, as a child is)."""
    if text[start:end] not in STAR_SIGNS:
        return False
    if not _STAR_CONTEXT.search(text, max(0, start - 40), min(len(text), end + 25)):
        return False
    after = _SIGN_AS_NAME_AFTER.match(text, end)
    before = _SIGN_AS_NAME_BEFORE.search(text, max(0, start - 20), start)
    given = gazetteer()[0]
    for other in (after and (after.group("next") or ""), before and before.group("prev")):
        if other == "":  # "Leo was born"
            return False
        if other and other in given and other not in STAR_SIGNS and not is_ordinary(other):
            return False  # "Leo and Ava"
    return True


#: What follows a verb, not a name, at the start of a sentence ("Said it twice").
_OBJECT_AFTER = re.compile(
    r"\s+(?:it|that|this|them|him|her|me|us|you|so|my|your|his|our|their|he|she|they|we|I|there)\b"
)
#: NATO phonetic alphabet: "Oscar Kilo" (the national police wellbeing service), call signs.
PHONETIC = frozenset(
    """Alpha Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Juliett Kilo Lima
    Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Whisky X-ray
    Xray Yankee Zulu""".split()
)
_ROLES = (
    "rep",
    "manager",
    "supervisor",
    "practitioner",
    "counsellor",
    "officer",
    "sergeant",
    "skipper",
    "inspector",
    "boss",
    "colleague",
    "friend",
    "neighbour",
    "mentor",
    "DI",
    "DS",
    "DC",
    "DCI",
    "PC",
    "PCSO",
    "lead",
    "head",
    "teacher",
    "coach",
    "guv",
    "gaffer",
    "partner",
    "handler",
    "investigator",
    "analyst",
    "detective",
    "chief",
    "super",
    "superintendent",
    "worker",
    "advisor",
    "adviser",
    "liaison",
    "contact",
    "clerk",
    "crewmate",
    "oppo",
    "buddy",
    "tutor",
    "sarge",
    "lawyer",
    "solicitor",
    "nurse",
    "doctor",
    "GP",
    "carer",
    "landlord",
    "landlady",
    "vicar",
    "priest",
    "imam",
)
ROLE_APPOS = re.compile(  # "The Fed rep, Andy, came", "an officer on my team, Jas Dhillon, had"
    rf"\b(?:{_alternation(_ROLES)})(?:\s+(?:on|in|at|from)\s+(?:my|our|the|his|her)\s+[a-z]+)?"
    rf"\s*,\s+(?P<name>{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern})?)"
    r"(?=\s*(?:,|\.|\s+(?:and|who|was|is|had|has|said|came|rang|did|got)\b))"
)
THATS_MY = re.compile(  # "Samira, that's my wife", "Daisy's my daughter"
    rf"(?P<name>{_NAME_TOKEN.pattern})(?:\s*,\s*(?:that['’]s|who['’]s|she['’]s|he['’]s)|['’]s)"
    rf"\s+(?:my|our|his|her)\s+(?:(?:eldest|youngest|little|older|younger|oldest)\s+)?"
    rf"(?:{_alternation(KIN)})\b"
)
QUOTED = re.compile(rf"[\"“‘](?P<name>{_W}(?:\s+{_W}){{0,2}})[\"”’]")
_MONTH = _win_rules.MONTH
_DATE = _win_rules.DATE
DOB = re.compile(
    r"(?i:\b(?:born(?:\s+on|\s+in)?|baby(?:\s+(?:was|is)|['’]s)?\s+due(?:\s+on)?"
    r"|(?:date\s+of\s+birth|birth\s?date|due\s+date|d\.?o\.?b\.?)(?:['’]s|\s+(?:is|was|as|of)"
    r"|(?:,?\s+(?!\d)[\w’']+){1,4}?(?=\s*[:,]?\s*(?:the\s+)?\d|\s*[:,]?\s*[A-Z][a-z]+\s+\d))?"
    r"|birthday(?:['’]s|\s+(?:is|was|on|being|as))*"
    r"(?:\s+(?:in|on)\s+(?:the\s+|his\s+|her\s+|my\s+|their\s+|your\s+)?"
    r"(?:bio|profile|page|account|post|about\s+section|description)s?(?:\s+(?:is|was|as|says|said))?)?))"
    rf"\s*[:,]?\s*(?:the\s+)?(?P<date>(?:{_MONTH},?\s+(?:19|20)\d{{2}}(?!\d)|{_DATE}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}))"
)
AGE_ON = re.compile(  # "she turned 9 on 4 July", "he'll be 12 on the 3rd of May"
    r"(?i:\b(?:turned|turns|turning|aged?|was|is|be)\s+(?:\d{1,3}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|[a-z]+ty(?:-[a-z]+)?)\s+on)"
    rf"\s+(?:the\s+)?(?P<date>{_DATE})"
)
_STREET = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Way|Drive|Dr|Grove|Terrace|"
    r"Crescent|Place|Gardens|Court|Mews|Row|Walk|Square|Parade|View|Rise|Park|Hill|"
    r"Green|Vale|Fold|Croft|Meadows?|Chase|Boulevard|Wynd|Brow|Side|Gate|Approach|"
    r"Drove|Heights|Bank|Cottages|Villas|Yard|Wharf|Quay|Estate)"
)
ADDRESS = re.compile(
    r"(?:\b(?:[Ff]lat|[Aa]partment|[Uu]nit)\s+\d{1,4}[A-Za-z]?,?\s+)?"
    r"(?:\b\d{1,4}[A-Za-z]?,?\s+)?"
    rf"(?P<street>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?P<suffix>{_STREET}(?:\s+(?:North|South|East|West)(?![\w'’-]|\s+[A-Z]))?)\b"
    rf"(?:,\s+(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}})(?=[\s,.;:!?)]|$))?"
)
ESTATE = re.compile(  # "the Gipton estate", "on the Meadows Estate"
    rf"(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:[Ee]state|[Ee]states)(?![\w])"
    r"(?!\s+[Aa]gents?)"
)
LIVES = re.compile(
    r"\b(?:live[sd]?|living|moved|grew\s+up|house|home|flat|address)\s+(?:is\s+)?"
    r"(?:in|on|at|to|near|round|around)\s+(?:the\s+)?"
    rf"(?P<place>{_CAPS})"
)
#: A home said after its place: "Glenrothes is where we live", "Prestwich's where I grew up".
WHERE_LIVES = re.compile(
    rf"(?P<place>{_CAPS})(?:\s+(?:is|was)|['’]s)\s+where\s+(?:I|we|he|she|they|you|(?:my|our|his|her|their)\s+[a-z]+)"
    r"\s+(?:(?:still|all|now|both)\s+)?(?:live[sd]?|grew\s+up|stays?)\b"
)
#: A home said as an answer with its verb after it: "Bronwydd, we live.", "Clydach, I stay."
COMMA_LIVES = re.compile(
    rf"(?P<place>{_CAPS}),\s+(?:I|we|they|he|she)\s+(?:(?:still|all|now)\s+)?(?:live[sd]?|stay|stays)"
    r"(?=\s*(?:[.!?\n]|$))"
)
HOUSE_NUMBER = re.compile(  # "our house number, 41", "door number 7"
    r"(?i:\b(?:house|door|flat)\s+(?:number|no\.?)(?:\s+(?:is|was))?)\s*[:,]?\s*"
    r"(?P<num>\d{1,4}[A-Za-z]?)(?![\w/:.,]\d|\w)"
)
KIN_HOME = re.compile(  # "outside my mum's in Rotherham", "at her nan's house on Elm Road"
    rf"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{_alternation(KIN)})['’]s"
    r"(?:\s+(?:house|place|flat|home|bungalow))?\s+(?:in|on|at|near)\s+(?:the\s+)?"
    rf"(?P<place>{_CAPS})"
)
ORIGIN = re.compile(
    r"(?:\b(?:is|was|am|are|come|comes|came|originally|bred|family\s+is|parents\s+are)|['’](?:s|m|re))"
    r"\s+(?:originally\s+)?from\s+(?:the\s+)?"
    rf"(?P<place>{_CAPS})"
)
AGE_OF = re.compile(rf",\s*\d{{1,3}},\s+(?:of|from)\s+(?P<place>{_CAPS})")  # "PC X, 34, of Y"
STATION = re.compile(
    rf"(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:(?:[Pp]olice|[Cc]ustody|[Ff]ire)\s+)?"
    r"(?:[Ss]tation|[Cc]ustody(?:\s+[Ss]uite)?|[Nn]ick|[Pp]olice\s+[Oo]ffice|BTP\s+(?:[Oo]ffice|[Pp]ost)|HQ|"
    r"[Hh]eadquarters|[Pp]atrol\s+[Bb]ase|[Dd]eployment\s+[Cc]entre|[Ee]nquiry\s+[Oo]ffice)\b"
)
STATION_AT = re.compile(
    r"\b(?:(?:station|nick|custody\s+suite|custody|police\s+office|HQ),|(?:work(?:s|ed|ing)?|based|posted|stationed|transferred|moved)\s+(?:out\s+of|from)"
    r"|(?:based|posted|stationed|transferred|parade|parading)\s+(?:at|in|to)"
    r"|(?:moved|transferred|posted|went)\s+(?:on|over|back|across)\s+to"
    r"|work\s+address\s*,?\s+(?:which\s+is|is|was)"
    r"|custody\s+(?:block|suite|centre|unit|office)\s+(?:at|in)"
    r"|(?:control\s+room|custody|front\s+counter|front\s+desk|station|nick|response\s+team|"
    r"team|shift|office|cells|CID|division|district|sector|section)\s+(?:at|in|out\s+of)"
    r"|(?:work(?:s|ed|ing)?|run(?:s|ning)?|ran|patrol(?:s|led|ling)?|cover(?:s|ed|ing)?|driv(?:e|es|ing)|"
    r"drove|response|nights|days|lates|earlies|shifts?|line|trains?|beat|roads|traffic|neighbourhoods?|CID|custody|uniform)"
    r"\s+(?:(?:the|a|my|our)\s+)?(?:[a-z]+\s+){0,2}out\s+of)"
    rf"\s+(?:the\s+)?(?P<place>{_CAPS}(?:\s+(?:and|&)\s+{_CAP}(?:\s+{_CAP})?)?)"
)
#: "the Slough lot" (the officers of a station, named by its town), "the Harehills beat",
#: "the Gorton patch": where an officer works.
LOT = re.compile(
    rf"\b[Tt]he\s+(?P<place>{_CAP}(?:\s+{_CAP})?)\s+(?:lot\b(?!\s+of\b)|(?:patch|beat|sector|ward|division)\b)"
)
POSTED_AT = re.compile(  # where an officer works, said without "station"
    r"\b(?:(?:officers?|PCs|PCSOs?|sergeants?|skippers?|inspectors?|detectives?|DCs|DSs|"
    r"colleagues?|cops?|coppers?|specials?|response|lads|lasses|everyone|teams?)\s+(?:at|from|out\s+of)"
    r"|(?:PCSO|PC|DC|DS|Sgt|officer|sergeant|inspector|copper|cop|special|detective|"
    r"response\s+officer)\s+(?:in|at|out\s+of)"
    r"|(?:years?|months?|most\s+of\s+it|my\s+(?:career|service|probation)|"
    r"(?:my|his|her)\s+(?:whole\s+)?time)\s+(?:at|in)"
    r"|(?:I['’]m|I\s+am|[Ss]he['’]s|[Hh]e['’]s|[Ww]e['’]re)\s+(?:now\s+|currently\s+|still\s+|"
    r"based\s+)?at"
    r"|(?:PCSO|PC|DC|DS|PS|Sgt|Insp|Sergeant|Inspector|Constable)\s+(?:[A-Z][a-z'’-]+\s+){1,2}"
    r"(?:at|from|out\s+of))"
    rf"\s+(?:the\s+)?(?P<place>{_CAPS})"
)
#: Words naming a policing function, not a place: a unit named only by them ("the Cyber
#: Crime Unit", "Professional Standards Department") is not an identifier.
UNIT_WORDS = frozenset(
    """Roads Road Traffic Firearms Armed Cyber Digital Economic Crime Crimes Serious
    Organised Major Public Protection Child Children Abuse Domestic Professional Standards
    Counter Corruption Anti Intelligence Dog Dogs Marine Mounted Tactical Support Operational
    Operations Safeguarding Forensic Forensics Fraud Vulnerability Missing Persons Person
    Sexual Offences Offence Investigation Investigations Investigative Homicide Rape
    Prisoner Handling Contact Management Control Communications Criminal Justice Scientific
    Services Service Response Local Policing Neighbourhood Neighbourhoods Community Safety
    Partnership Integrity Social Behaviour Youth Offending Hate Online Paedophile Exploitation
    Modern Slavery Trafficking Terrorism Special Branch Surveillance Technical Covert
    Territorial Group Crash Collision Proactive Reactive Priority Volume Burglary Robbery
    Vehicle Drugs Gangs Gang Violence Violent Wellbeing Welfare Occupational Occy Occ Health People
    Human Resources HR Learning Development Training Recruitment Vetting Information
    Disclosure Records Legal Finance Estates Fleet Custody Detention Case Court Courts
    Witness Victim Victims Care Hub Unit Team Department Dept Division Command Section Squad
    Desk Office Centre Center Headquarters Force Regional National Central North South East
    West Northern Southern Eastern Western Inner Outer City Rural Urban Specialist Specials
    Special Volunteer Volunteers Cadets Cadet Federation Staff Police Detective Uniform CID
    Area District Basic Command Unit BCU LPU LPA Operation Patrol Air Helicopter Underwater
    Search Rescue Motorway Major Incident Incidents Emergency Planning Resilience Events
    Major Economic Financial Asset Recovery Complaints Misconduct Appeals Audit Quality
    Standards Review Strategic Tactical Gold Silver Bronze The A An Our My Their His Her
    New Old Main Joint Multi Agency MASH MAPPA SOCU ROCU CPS NCA NPCC IOPC Senior Executive
    Chief Officer Officers Leadership Board Programme Project Comms Press Media Marketing
    Corporate IT ICT Premier First Second Third League England English Wales Welsh Scotland
    Scottish Britain British Ireland Irish GB UK Great Op Operation Brass String Sales
    Customer Customers Accounts Admin Administration Business Change Transformation Bureau
    Intelligence Analysis Analytics Insight Performance Demand Tasking Licensing Coordination
    Co-ordination Enquiries Enquiry""".split()
)
_UNIT_NOUN = (
    r"(?:CID|NPT|SNT|LPU|BCU|(?:[Ss]afer\s+)?[Nn]eighbourhoods?\s+(?:[Pp]olicing\s+)?"
    r"[Tt]eams?|[Rr]esponse\s+[Tt]eams?|[Pp]olicing\s+[Tt]eams?|[Pp]atrol\s+[Tt]eams?|"
    r"[Cc]ontrol\s+[Rr]oom|[Cc]ontact\s+[Cc]entre|[Cc]ustody\s+(?:[Ss]uite|[Cc]entre|"
    r"[Bb]lock|[Uu]nit)|[Pp]olice\s+(?:[Cc]entre|[Pp]ost|[Hh]ub)|[Jj]ustice\s+[Cc]entre|"
    r"(?:[A-Z][a-z]+\s+){0,3}(?:Team|Unit|Hub|Department|Division|Command|Section|"
    r"Squad)|(?:CID\s+)?(?:(?:community|local|safer|proactive|problem[- ]solving|domestic\s+abuse|"
    r"child\s+protection|public\s+protection|safeguarding|tasking|traffic|roads|burglary|robbery|"
    r"drugs|gangs?|intelligence|investigations?|beat|town\s+centre|rural\s+crime|crime|support|"
    r"dog|firearms|neighbourhoods?|response|policing|patrol|custody|violence\s+reduction|"
    r"offender\s+management|CID|PSU)\s+){0,3}(?:teams?|hub|squad|office)"
    r"|CID\s+office)"
)
#: The lower-case end of a unit name: a description ("neighbourhood team"), not part of the
#: name; the place before it is the identifier ("the [Station A] neighbourhood team").
_UNIT_LOWER_TAIL = re.compile(r"(?:\s+(?:[a-z][a-z-]*|CID|PSU))*?\s+(?:teams?|hub|squad|office)$")
UNIT = re.compile(rf"(?P<place>{_CAP}(?:\s+(?:(?:and|&)\s+)?{_CAP}){{0,3}})\s+(?P<unit>{_UNIT_NOUN})(?![\w])")
CENTRAL = re.compile(  # "Coventry Central", "Leeds Central" (a station named by its town)
    rf"(?<![\w])(?P<place>{_CAP}(?:\s+{_CAP})?)\s+Central(?![\w])(?!\s+[A-Z])"
)
SCHOOL = re.compile(
    rf"(?P<name>(?:(?:St\.?|Saint)\s+)?{_CAP}(?:\s+(?:(?:of|the|and|&|in|on|upon|under|by|le|"
    rf"on\s+the|in\s+the|next\s+the)\s+)?{_CAP}){{0,4}})\s+"
    r"(?:(?:C\s+of\s+E|CE|RC|Catholic|Church|Primary|Junior|Juniors|Infant|Infants|High|"
    r"Grammar|Secondary|Community|Free|Prep|Preparatory|Comprehensive|Nursery)\s+)*"
    r"(?:School|Academy|Primary|College|Grammar|Nursery|Sixth\s+Form|Juniors|Infants|Secondary|"
    r"(?<=Community\s)Comprehensive|(?<=['’]s\s)(?:Junior|Infant)(?!\s+[A-Z])|Pre-?school|University)\b"  # "St Saviour's Junior"
)
UNIVERSITY = re.compile(  # "the University of Leeds", "University College London"
    rf"\b(?:University|College)\s+of\s+(?:the\s+)?(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
#: Words before a lower-case "school" that describe a kind of school, not name one.
SCHOOL_KIND_WORDS = frozenset(
    """Catholic Church Christian Muslim Jewish Islamic Sikh Hindu Faith Grammar Primary
    Secondary Comprehensive Private State Independent Free Special Boarding Prep Welsh
    English Infant Infants Junior Juniors High Sixth Sunday Driving Police Summer Night
    Medical Law Business Art Music Dance Drama Language Secret Old New Local Village Big
    Little Middle Upper Lower Senior Nursery Forest Day""".split()
)
SCHOOL_LOWER = re.compile(  # "Moorside primary", "the Holy Trinity school"
    rf"(?P<name>(?:(?:St\.?|Saint)\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})\s+"
    r"(?:school|primary|academy|juniors|infants|nursery|high\s+school|sixth\s+form)\b"
)
WELSH_SCHOOL = re.compile(rf"\bYsgol\s+{_CAP}(?:\s+{_CAP}){{0,3}}")  # Welsh: "school"
HIGH = re.compile(  # "Craigmount High" (Scottish and other high schools named without "School")
    rf"(?P<name>(?:(?:St\.?|Saint)\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})\s+High(?![\w-])(?!\s+[A-Z])"
)
SCHOOL_APPOS = re.compile(  # "her school, Hillside," "his school is Moorfield"
    r"\b(?:(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]he|[Yy]our)\s+(?:kids|children|boys|girls|grandkids|grandchildren)['’]"
    r"|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|"
    r"[a-z]+['’]s)\s+(?:(?:new|old|"
    r"primary|secondary|high)\s+)?(?:school|college|nursery|academy|uni)\s*(?:,|\s+(?:is|was))\s+"
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})"
)
#: Whose school, said with a capital (a form's label): "Children's school", "Son's school".
_CHILD_POSS = re.compile(
    r"(?:Child|Children|Kids?|Son|Sons|Daughter|Daughters|Grandchild|Grandchildren|Pupil|Pupils|Student|Students)"
    r"(?:['’]s|s?['’])"
)
_SCHOOL_TAIL = frozenset(
    {"high", "primary", "juniors", "infants", "grammar", "academy", "school", "college", "nursery", "secondary"}
)
SCHOOL_AT = re.compile(
    r"\b(?:goes|go|went|going|started|starts|attends|attended|attending|pupil|pupils|"
    r"student|students|studies|studying|studied|enrolled|year\s+\w+|teacher|teaches|taught|"
    r"(?:first|second|third|final|last)\s+year|sixth\s+form|uni|university|school|"
    r"college|nursery|primary|secondary)\s+(?:to|at|in)\s+"
    rf"(?P<name>{_CAPS})"
)
_COMPANY = (
    r"(?:Ltd|Limited|LLP|PLC|plc|Solicitors|Accountants|Dental|Surgery|Garage|Motors|"
    r"Hospital|Infirmary|Pharmacy|Vets|Veterinary|Hotel|Salon|Building\s+Society|"
    r"Group|Associates|&\s+Co|Medical\s+Centre|Health\s+Centre|Care\s+Home|"
    r"Nursing\s+Home|Leisure\s+Centre|Garden\s+Centre|Estate\s+Agents|Builders|"
    r"Plumbing|Electrical|Logistics|Haulage|Engineering|Consulting|Partners|"
    r"Construction|Homes|Developments|Properties|Lettings|Solutions|Systems|"
    r"Technologies|Transport|Foods|Industries|Holdings|Recruitment|Insurance|Hospice|"
    r"Clinic|Bakery|Butchers|Barbers|Carpets|Kitchens|Tyres|Autos|Taxis|Removals|"
    r"Roofing|Joinery|Scaffolding|Cleaning|Beauty|Nails|Hairdressing|Homecare|"
    r"Healthcare|Pharmaceuticals|Manufacturing|Distribution|Freight|Couriers|"
    r"Church|Chapel|Mosque|Masjid|Gurdwara|Temple|Synagogue|Fellowship|Tabernacle|"
    r"FC|AFC|RFC|CC|Rugby\s+Club|Cricket\s+Club|Football\s+Club|Golf\s+Club|"
    r"Boxing\s+Club|Swimming\s+Club|Athletic\s+Club|Gym|Fitness|Leisure|Studios?|"
    r"Chemists?|Cars|Cabs|Private\s+Hire|Coaches|Florists?|Opticians|Funeral\s+(?:Directors|Services)|"
    r"Bakers|Jewellers|Tailors|Interiors|Decorators|Glazing|Fabrications|Landscaping|"
    r"Gardening|Plant\s+Hire|Skip\s+Hire|Van\s+Hire|Newsagents?|Stores|Supermarket|"
    r"Convenience\s+Store|Off\s+Licence|Kebabs?|Pizza|Tandoori|Balti|Fish\s+Bar|Chippy|"
    r"Takeaway|Café|Cafe|Coffee\s+House|Tea\s+Rooms?|Deli|Grill|Brasserie|Bistro|Inn|Tavern|"
    r"Arms|Garages|Body\s+Shop|Bodyshop|Valeting|Car\s+Wash|Hand\s+Car\s+Wash|MOT\s+Centre|"
    r"Dental\s+Practice|Pharmacy\s+Ltd|Physiotherapy|Chiropractic|Osteopaths|Podiatry|"
    r"Nurseries|Day\s+Nursery|Childcare|Cattery|Kennels|Stables|Farm\s+Shop|Hardware|"
    r"Electricals|Plumbers|Electricians|Locksmiths|Printers|Upholstery)"
)
#: Trade nouns after which even a common word names a business ("Delta Cars", "Star Taxis").
_TRADE_STRONG = frozenset(
    "Cars Cabs Taxis Motors Autos Chemists Chemist Coaches Tyres Removals Florists Opticians "
    "Jewellers Bakers Butchers Barbers Kebabs Tandoori Balti Valeting Locksmiths Plumbers "
    "Electricians Builders Roofing Joinery Scaffolding Glazing Carpets Kitchens".split()
)
#: First words of "<word> <trade noun>" that name a kind of thing, not a business.
_TRADE_NOT_FIRST = frozenset(
    "Police Patrol Traffic Marked Unmarked Electric Classic Company Hire Armed Response Fire "
    "Emergency Rental Used New Old Other Some Many All Two Three Several Private Local Our".split()
)
COMPANY = re.compile(rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|&|and)){{0,4}})\s+{_COMPANY}(?![\w])")
_OCCUPATIONS = (
    "manager",
    "mechanic",
    "nurse",
    "teacher",
    "cleaner",
    "receptionist",
    "porter",
    "doctor",
    "GP",
    "paramedic",
    "driver",
    "carer",
    "assistant",
    "chef",
    "cook",
    "cashier",
    "barber",
    "hairdresser",
    "lecturer",
    "midwife",
    "pharmacist",
    "dentist",
    "vet",
    "accountant",
    "solicitor",
    "lawyer",
    "engineer",
    "technician",
    "administrator",
    "admin",
    "secretary",
    "consultant",
    "supervisor",
    "boss",
    "caretaker",
    "guard",
    "labourer",
    "electrician",
    "plumber",
    "joiner",
    "fitter",
    "agent",
    "analyst",
    "developer",
    "worker",
    "employee",
    "trainee",
    "intern",
    "internship",
    "apprentice",
    "apprenticeship",
    "placement",
    "contract",
    "career",
    "volunteer",
    "volunteers",
    "volunteering",
    "job",
    "jobs",
    "shift",
    "shifts",
    "post",
    "role",
    "position",
    "partner",
    "director",
    "owner",
    "physio",
    "therapist",
    "optician",
    "barista",
    "waitress",
    "waiter",
    "bartender",
    "clerk",
)
#: Employers too generic to identify anyone, and department acronyms ("works in IT").
GENERIC_EMPLOYERS = frozenset("NHS HR IT ICT PR A&E ICU CID HQ UK GB EU UN Council Government Army Navy RAF".split())
#: Last words of organisation names kept although common ("Ambulance Service").
_ORG_TAIL = frozenset(
    {"service", "services", "trust", "council", "board", "group", "partnership", "centre", "foundation", "office"}
)
_ORG_WORD = rf"(?:[A-Z][a-z]+-[a-z]+(?![\w-])|{_CAP}|[A-Z][A-Z0-9]*&?[A-Z0-9]+(?![\w&]))"
_ORG = (
    rf"{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|&|(?:of|on|upon)(?:\s+the)?(?=\s+[A-Z])|"
    rf"and(?=\s+[A-Z]))){{0,4}}"
)
#: A site of an employer said between its name and its town ("the Amazon warehouse in
#: Daventry", "the Nissan plant in Sunderland").
_SITE = (
    r"(?:\s+(?:warehouse|depot|distribution\s+centre|fulfilment\s+centre|superstore|store|branch|"
    r"factory|plant|site|offices?|call\s+centre|yard|works|pharmacy|bakery|deli|caf[eé]|counter|kiosk|"
    r"food\s+hall|garden\s+centre|petrol\s+station|opticians|shop))"
)
_WORK_SITE = re.compile(
    r"\s+(?:warehouse|depot|distribution\s+centre|fulfilment\s+centre|factory|plant|call\s+centre|yard|works)\b"
)
WORK_ON_AT = re.compile(  # "works on the tills at X", "worked behind the bar at X"
    r"\b(?:work(?:s|ed|ing)?|shifts?)\s+(?:(?:on|behind|in)\s+)?(?:the\s+)?[a-z]+(?:\s+[a-z]+)?"
    r"\s+(?P<prep>at|for)\s+(?:the\s+)?"
    rf"(?P<name>{_ORG})"
    rf"(?:{_SITE}?,?\s+(?:in|on|at)\s+(?:the\s+)?(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}}))?"
)
#: Venues someone runs or works in ("the salon at", "the pub by", "a cafe in").
_VENUE_NOUNS = "shop|business|salon|restaurant|bar|pub|cafe|café|garage|practice|surgery|takeaway"
WORK_AT = re.compile(
    r"\b(?:work(?:s|ed|ing)?|employed|employer|runs|run|owns|owned|manages|managed|"
    rf"{_VENUE_NOUNS}|"
    r"drives|drove|driving|delivers|delivered|delivering|cleans|cleaned|cleaning|"
    r"temps|temped|temping|signed\s+on|stacks\s+shelves|"
    rf"{_alternation(_OCCUPATIONS)})"
    r"(?:\s+(?:part[- ]time|full[- ]time|nights|days|weekends))?"
    r"\s+(?P<prep>at|for|with|in|by)\s+(?:the\s+)?"
    rf"(?P<name>{_ORG})"
    rf"(?:{_SITE}?,?\s+(?:in|on|at)\s+(?:the\s+)?(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}}))?"
)
#: "shop" said as a verb before "at": "I don't shop at Tesco", "we always shop at Lidl";
#: or as a trip: "we did a big shop at Asda", "the weekly shop at Aldi".
_SHOP_VERB_BEFORE = re.compile(
    r"(?:(?:\b(?:I|we|you|they|never|always|usually|only|to)|n['’]t)\s+"
    r"|\b(?:did|do|does|doing|done)\s+(?:a|the|our|my)\s+(?:[a-z]+\s+)?"
    r"|\b(?:big|weekly|quick|food|little|Christmas|monthly)\s+)$"
)
_WORK_NOUNS = (
    r"(?:work|workplace|employer|firm|company|salon|shop|cafe|café|business|"
    r"practice|pub|restaurant|garage|office|bakery|surgery|factory|warehouse|depot|"
    r"florist|florist['’]s|hairdresser['’]s|newsagent['’]s|newsagent|butcher['’]s|chippy|"
    r"takeaway|bar|cafe|café|nursery|kennels|cattery|stables|farm|yard|site|store|"
    r"care\s+home|nursing\s+home|home|hospital|hospice|hotel|gym|studio|agency|"
    r"place\s+of\s+work)"
)
WORK_APPOS = re.compile(  # "her employer, Capita," "my wife's salon, Glow", "the home, the X"
    r"\b(?P<owner>(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[A-Za-z]+['’]s)\s+"
    r"(?:(?:own|old|new|local|current)\s+)?)?"
    rf"\b{_WORK_NOUNS}\s*(?:,|\s+(?:is|was|were|are|called))\s+(?:the\s+)?"
    rf"(?P<name>{_ORG})"
    rf"(?:{_SITE}?,?\s+(?:in|on|at)\s+(?:the\s+)?(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}}))?"
)
#: Words that end the job title of JOB_AT: "there's a number on it for the EAP" has no job.
_NOT_JOB_WORD = r"(?!(?:on|in|it|of|to|up|out|off|there|here|that|this|them|him|her|me|us)\s)"
JOB_AT = re.compile(  # "he's a quantity surveyor at X", "she works as a cleaner for X"
    rf"\b(?:is|was|['’]s|as|being|am|['’]m)\s+(?:a|an)\s+(?:{_NOT_JOB_WORD}[a-z-]+\s+){{0,2}}{_NOT_JOB_WORD}[a-z-]+\s+"
    rf"(?P<prep>at|for|with)\s+(?:the\s+)?(?P<name>{_ORG})"
    rf"(?:{_SITE}?,?\s+(?:in|on)\s+(?:the\s+)?(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}}))?"
)
WHERE_WORKS = re.compile(  # "Tesco in Otley, where my wife works"
    rf"(?P<name>{_ORG})(?:\s+in\s+(?P<town>{_CAP}))?,?\s+where\s+(?:[\w’']+\s+){{1,3}}"
    r"(?:works?|worked|is\s+employed|was\s+employed|has\s+a\s+job|had\s+a\s+job)\b"
)
#: "Polished by Priya", "Cakes by Claire": a business named after its owner's first name.
BY_NAME = re.compile(rf"(?<![\w'’-])(?:{_CAP}\s+){{1,3}}by\s+(?P<who>[A-Z][a-z]+)(?![\w'’-])")
_BUSINESS_BEFORE = re.compile(
    r"(?i:\b(?:runs?|ran|owns?|owned|business|shop|salon|bar|studio|brand|company|page|boutique|"
    r"bakery|cafe|café|called|named|trading\s+as|set\s+up|started)\b)[^.!?]*$"
)
_OF_NAME = re.compile(rf"\s+of\s+(?:the\s+)?({_CAP})(?:\s+(?:and\s+|&\s+)?{_CAP}){{0,2}}")
#: National chains: named alone they identify nobody, but a branch ("Aldi on Coventry
#: Road", "Boots in Marple") said where someone works locates their workplace.
CHAINS = frozenset(
    """Tesco Sainsbury Sainsbury's Sainsburys Asda Morrisons Aldi Lidl Waitrose Greggs Costa
    Starbucks Primark Argos Currys Halfords Wetherspoons Boots Co-op Iceland Screwfix Toolstation
    Wickes Homebase Dunelm Superdrug Specsavers McDonald's McDonalds KFC Subway Pret Matalan
    Poundland Wilko B&Q B&M M&S Nando's Nandos Travelodge Lloyds Barclays NatWest Natwest HSBC
    Santander Nationwide Tesco's Asda's Lidl's Aldi's Morrisons' Timpson Timpsons Footasylum
    Ikea IKEA Amazon DPD Evri Hermes Heron Farmfoods Spar Londis Budgens Costcutter""".split()
)
CHAIN_ON = re.compile(  # "Aldi on Coventry Road", "the Amazon warehouse in Daventry"
    rf"(?<![\w'’-])(?P<name>(?:Mc)?[A-Z][A-Za-z&'’-]+){_SITE}?\s+(?:on|in|at)\s+(?:the\s+)?"
    rf"(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
_WORK_CONTEXT = re.compile(
    r"(?i:\b(?:works?|worked|working|shifts?|jobs?|employed|employer|staff|manager|managers|"
    r"colleagues?|tills?|checkouts?|stacking|supervisor|part[- ]time|full[- ]time)\b)"
)
_AREA_TOKENS = (
    "superintendent",
    "inspector",
    "sergeant",
    "skipper",
    "pc",
    "commander",
    "officer",
    "beat",
    "lead",
    "responsible",
    "in charge",
    "covering",
    "team",
    "sector",
    "patch",
    "area",
    "ward",
    "district",
    "neighbourhood",
    "based",
    "posted",
    "stationed",
    "transferred",
    "parad",
)
#: An area an officer is responsible for: "Superintendent for Stockport district", "the
#: neighbourhood sergeant for Pelsall and Rushall", "my patch is Denton and Haughton Green".
AREA_FOR = re.compile(
    r"\b(?:(?:[Ss]uperintendent|[Ii]nspector|[Ss]ergeant|[Ss]kipper|PCSOs?|PCs?|[Cc]ommander|"
    r"[Oo]fficers?|[Bb]eat\s+(?:manager|officer)|[Ll]ead|[Rr]esponsible|in\s+charge|[Cc]overing|"
    r"[Tt]eam|[Ss]ector|[Ii]nspectorate)\s+(?:for|of)"
    r"|(?:[Pp]atch|[Bb]eat|[Aa]rea|[Ww]ard|[Ss]ector|[Dd]istrict|[Nn]eighbourhood)\s+(?:is|was|covers|covered|being)"
    r"|(?:[Pp]atch|[Bb]eat|[Dd]istrict|[Ss]ector|[Nn]eighbourhood|[Aa]rea)\s*,"
    r"|(?:based|posted|stationed|transferred|parade|parading)\s+(?:at|in|to|out\s+of))"
    rf"\s+(?:the\s+)?(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}}(?:\s+(?:and|&)\s+{_CAP}(?:\s+{_CAP})?)?)"
    r"(?P<tail>\s+(?:district|division|sector|area|patch|beat|ward|neighbourhood|town\s+centre|"
    r"NPT|SNT|LPU|BCU|response|CID))?"
)
NHS = re.compile(r"(?<![\w])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w])")


def nhs_ok(raw: str) -> bool:
    """Modulus-11 check digit of an NHS number (NHS Data Dictionary)."""
    d = [int(c) for c in raw if c.isdigit()]
    if len(d) != 10:
        return False
    check = 11 - sum(w * x for w, x in zip(range(10, 1, -1), d[:9])) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == d[9] and len(set(d)) > 1


def _sentence_start(text, pos):
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n…-–—"


def _sentence_of(text, pos):
    """The sentence around ``pos`` (from the last stop before it to the next one after)."""
    a = max(text.rfind(c, 0, pos) for c in ".!?\n")
    b = min((i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0), default=len(text))
    return text[a + 1 : b]


def _trim_caps(text, start, end):
    """Drop leading common words (``The``, ``Our``...) from a capitalised span; None if
    nothing is left."""
    if re.match(r"Our\s+Lady", text[start:end]):
        return start, end
    common = _common_words()
    for m in re.finditer(r"\S+", text[start:end]):
        w = m.group().rstrip(".,").casefold()
        if w not in common:
            return start + m.start(), end
    return None


#: Day and month names (never a place or a town after "in").
CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Christmas Easter""".split()
)
#: Capitalised words after a preposition that name no place a person could be found at:
#: platforms, countries and nations, institutions, document parts.
#: Words of NOT_GIVEN that are places a person may be found at (counties and towns).
_PLACE_NOT_GIVEN = frozenset(
    """Kent Devon Chester Lincoln Preston Clifton Warren Carlisle Cleveland Durham Essex Gwent
    Cumbria Derby Lancaster York Bradford Leeds Halifax Oxford Cambridge Bristol Brighton
    Kendal Stirling Tyrone Antrim Sherwood Milton""".split()
)
#: Counties (and Northern Ireland's, Scotland's and Wales's) that name no force: too large to
#: find anyone in ("we're in Fermanagh", "out in Shropshire"); a word ending "-shire" too.
#: Not those said in a force's name ("Devon & Cornwall") or as a given name ("Tyrone").
_COUNTIES = frozenset(
    """Fermanagh Rutland Fife Argyll Gwynedd Anglesey Ceredigion Powys Moray Galloway
    Caithness""".split()
)


def _county(words):
    return len(words) == 1 and (words[0] in _COUNTIES or (words[0].endswith("shire") and len(words[0]) > 6))


_REGION_WORDS = frozenset(
    "District Dales Midlands Highlands Lowlands Cotswolds Pennines Moors Coast Country Counties Riviera".split()
)
NOT_PLACES = frozenset(
    """Facebook Instagram Twitter TikTok Snapchat WhatsApp Telegram LinkedIn YouTube Google
    Reddit Discord Teams Zoom Skype Messenger Signal Insta X Internet Court Crown Parliament
    Government Home Office England Wales Scotland Britain Ireland Northern UK GB Europe
    European America American Africa Asia Australia Canada China India Pakistan Bangladesh
    Poland Romania Spain France Portugal Italy Greece Turkey Germany Netherlands Belgium
    Cyprus Dubai Tenerife Majorca Mallorca Ibiza Lanzarote Benidorm Florida Thailand Jamaica
    Nigeria Ghana Kenya Somalia Iraq Iran Syria Afghanistan Ukraine Russia English British
    Welsh Scottish Irish Year Years Section Part Chapter Appendix Annex Schedule Article Page
    Form Bank Christmas Easter Ramadan Eid Diwali God Jesus Allah Heaven Hell Covid COVID
    Lockdown Brexit Universal Credit Mumsnet Crimestoppers Childline Samaritans Victim Support
    Action Fraud NHS Amazon Tesco Sainsbury Sainsbury's Asda Morrisons Aldi Lidl Waitrose
    Spar Co-op Iceland Greggs Costa Starbucks McDonald's KFC Subway Primark Boots Argos
    Currys Halfords Wetherspoons Spoons Nando's Lloyds Barclays Natwest NatWest HSBC
    Santander Nationwide""".split()
)
#: Last words of newspaper titles ("the Echo", "the Evening Chronicle").
NEWSPAPER_WORDS = frozenset(
    """Echo Gazette Herald Chronicle Argus Advertiser Courier Mail Mirror Times Express Guardian
    Telegraph Standard Post Journal Record Observer Press News Examiner Citizen Sentinel Star
    Sun Bugle Recorder Mercury Reporter Leader Globe""".split()
)
#: National bodies named after a preposition: they locate nobody.
INSTITUTIONS = frozenset(
    """Companies House|Land Registry|HM Land Registry|Royal Mail|Citizens Advice|Jobcentre Plus|
    Job Centre|Jobcentre|DVLA|DVSA|HMRC|HM Revenue|Crown Prosecution Service|Passport Office|
    Border Force|Electoral Roll|Police National Computer|Companies""".replace("\n", "").split("|")
)
_EVENT_AFTER = re.compile(
    r"\s+(?:protests?|demos?|demonstrations?|march|marches|riots?|match|game|derby|festival|carnival|"
    r"parade|rally|vigil|concert|disorder|incident|fire|attack|bombing|shooting|stabbing|inquest|"
    r"inquiry|enquiry|trial|case|job|operation)\b"
)
#: Services and bodies one is "in" or hears "from", not places ("he's in the Army", "back in
#: Probation", "a woman from the Federation"), and platforms and programmes a picture comes
#: "off" ("off the Flickr", "like something off Crimewatch").
_BODIES = frozenset(
    """Army Navy RAF Marines Federation Probation Flickr Pinterest Tumblr Crimewatch Panorama
    Interceptors""".split()
)
#: An incident or an origin just before the preposition: "arrested in Preston", "burglaries
#: in Erdington", "posted from Newport" locate an event or a message, not anyone's home or work.
_INCIDENT_BEFORE = re.compile(
    r"(?i:\b(?:arrested|nicked|charged|burglar(?:y|ies)|robber(?:y|ies)|muggings?|assaults?|"
    r"protests?|demos?|demonstrations?|riots?|loans?|posted|typed|uploaded|sent|tweeted|"
    r"(?<!bus\s)stops?|stop\s+and\s+search(?:es)?|stop-and-search(?:es)?|fights?|brawls?|crash(?:es)?|"
    r"chases?|pursuits?|raids?|shootings?|stabbings?|arrests?|call-?outs?|incidents?|"
    r"(?:copwatch|cop\s+watch|Facebook|community)\s+(?:page|group)s?|on\s+the\s+floor|on\s+the\s+ground)\s+"
    r"(?:in|at|from|outside|near)\s+(?:the\s+)?)$"
)
#: A shop, a pub or a public spot just before "in": "outside Morrisons in Morley", "a chippy
#: in Braintree", "a phone box in Leeds" locate a visit or an incident, not a home or a job
#: (unless the sentence, or one beside it, says one: "in the Co-op, in Kingswood, where I live").
_VISIT_BEFORE = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(c) for c in sorted(CHAINS, key=len, reverse=True))
    + r"|chippy|chip\s+shop|pub|supermarket|café|cafe|takeaway|phone\s+box|toilets?|cinema|bookies|"
    r"offy|off[- ]licence|corner\s+shop|newsagents?|petrol\s+station|car\s+wash|soft\s+play|"
    r"shopping\s+centre|retail\s+park|queue)['’]?s?\s*,?\s+in\s+)$"
)


#: A day off said with a visit: the shop is the one near home ("followed round Sainsbury's
#: in Banbury on my day off").
_OFF_DUTY = re.compile(r"(?i:\b(?:days?\s+off|off[- ]duty)\b)")


#: A trip said before the place: "I have been to Stoke", "we went down to Looe", "a day out in
#: Whitby", "on holiday in Tenby" (not "moved to", "transferred to", "goes to": a home, a
#: post, a school).
_TRIP_BEFORE = re.compile(
    r"(?i:\b(?:(?:have|has|had|['’]ve|['’]d)\s+(?:\w+\s+)?been|went|drove|driven|popped|nipped)"
    r"\s+(?:(?:over|down|up|back|out|across|into)\s+)?(?:to|into)\s+(?:the\s+)?"
    r"|\b(?:a\s+day\s+(?:out|trip)|holiday|holidays|a\s+trip|a\s+weekend|a\s+night\s+out)\s+(?:in|to|at)\s+)$"
)
#: Anyone at all in a place: "anyone in Caerphilly would know", "everyone in Marazion knows
#: that pub", "some poor sod in Redruth", "nobody cares about some polis in Croydon": the town
#: of people in general, nobody's home.
_ANYONE_BEFORE = re.compile(
    r"(?i:\b(?:any(?:one|body)|every(?:one|body)|no(?:body|\s+one)|some(?:one|body)|"
    r"(?:some|any)\s+(?:[a-z]+\s+){0,1}(?!of\b|(?:"
    + _alternation(KIN)
    + r"|friends?|mates?|family|relatives|relations|neighbours|people\s+I)s?\b)[a-z]+)\s+in\s+)$"
)
_STATION_AFTER = re.compile(r"\s+(?:police\s+)?(?:office|station|nick|custody|HQ|headquarters)\b")


def _visited_town(text, s):
    """True when the place at ``s`` follows a shop or public spot ("at the Morrisons in
    Wrexham"), a trip ("I have been to Stoke") or anyone at all ("anyone in Caerphilly")
    and neither its sentence nor the one before or after says anyone lives or works there ("They rang my old work. Sainsbury's in
    Bletchley.")."""
    if not (_VISIT_BEFORE.search(text, max(0, s - 40), s) or _ANYONE_BEFORE.search(text, max(0, s - 30), s)):
        if not _TRIP_BEFORE.search(text, max(0, s - 40), s):
            return False
        e = s + len(text[s:].split(None, 1)[0]) if text[s:].strip() else s
        if _STATION_AFTER.match(text, e) or re.match(r"\s+[A-Z]", text[e:]) and _STATION_AFTER.search(text, e, e + 30):
            return False  # "went to the Trafford office": a station
    end = min((i for i in (text.find(c, s) for c in ".!?\n") if i >= 0), default=len(text))
    start = max(text.rfind(c, 0, s) for c in ".!?\n")
    near = [_sentence_of(text, s)]
    if end + 1 < len(text):
        near.append(_sentence_of(text, end + 1))
    if start > 0:
        near.append(_sentence_of(text, start - 1))
    return not any(_THE_ONE_KEEP.search(x) or _OFF_DUTY.search(x) for x in near)


#: A work or home cue that keeps "the X" (one word) after a preposition: "doorwork at the
#: Jacaranda", "the perfume counter ... in the Metrocentre".
_THE_ONE_KEEP = re.compile(
    r"(?i:\b(?:works?|worked|working|work's|job|jobs|shifts?|counter|doorwork|employ\w*|staff|"
    r"live|lives|lived|living|stay|stays|moved|home|grew\s+up|based|posted\s+to)\b)"
)
#: A town said after the force as one's post, in an introduction: "Bedfordshire Police, Luton,
#: collar ...", "Lincolnshire Police, Sleaford." (a town that is also a word, "Luton", too).
FORCE_THEN_TOWN = re.compile(rf"\b(?:Police|Constabulary),\s+(?P<place>{_CAP}(?:\s+{_CAP})?)(?=\s*[,.;]|\s*$)")
PLACE_AFTER = re.compile(  # "she lives on her own in Cheadle", "I was at Longton", "I police X"
    r"\b(?i:in|at|from|to|near|outside|around|round|towards|into|via|past|police|policed|"
    r"policing|patrol|patrolled|patrolling|cover|covered|covering)\s+(?:the\s+)?"
    rf"(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})(?![\w-])"
)
_IN_TOWN = re.compile(rf"\s+in\s+(?P<town>{_CAP}(?:\s+{_CAP})?)")


def _trim_pair(text, span, given):
    """``span`` of "X and Y" kept whole when Y is a place ("Doncaster and York"), cut to X
    when Y is a common word, a given name, a rank or a unit word ("Leeds and Sergeant
    Ellis")."""
    place = text[span[0] : span[1]]
    pair = re.search(r"\s+(?:and|&)\s+(\S+)", place)
    if pair and (
        pair.group(1).casefold() in _common_words()
        or pair.group(1) in given
        or pair.group(1) in _RANK_WORDS
        or pair.group(1) in UNIT_WORDS
        or _calendar(pair.group(1))
    ):
        return span[0], span[0] + pair.start()
    return span


def _town_after(text, end, common):
    """End of a named station or unit, extended over "in <Town>" when that follows
    ("Hyde Park police station in Leeds"): the town belongs to the name."""
    m = _IN_TOWN.match(text, end)
    if m is None:
        return end
    span = _drop_trailing_common(text, m.start("town"), m.end("town"))
    if (
        span is None
        or text[span[0] : span[1]].split()[0].casefold() in common
        or _calendar(text[span[0] : span[1]].split()[0])
    ):
        return end
    return span[1]


def _is_unit_words(phrase, common):
    """True when every word of ``phrase`` is a common word or names a policing function
    (so the phrase names no place)."""
    return all(w.casefold() in common or w in UNIT_WORDS or w.rstrip("'’s") in UNIT_WORDS for w in phrase.split())


def _unit_span(text, start, place_end, end, common):
    """Span of a named unit ("Kirkstall Neighbourhood Policing Team", "Leeds CID"): from
    the first word of the place that is neither common nor a policing-function word to
    ``end``; None when no such word comes before the unit noun (the Cyber Crime Unit)."""
    words = list(re.finditer(r"\S+", text[start:place_end]))
    for _i, w in enumerate(words):
        word = w.group()
        if word.casefold() in common or word in UNIT_WORDS:
            if word in ("Operation", "Op"):
                return None  # operation names are not places
            continue
        if word in NOT_GIVEN and word in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            return None
        return start + w.start(), end
    return None


def _family_plural(word, family):
    """True when ``word`` is a family name in the plural ("Joneses", "Pattinsons"): not a
    family name itself, but one once its plural ending is cut."""
    if word in family or not word.endswith("s") or len(word) < 5:
        return False
    return word[:-1] in family or (word.endswith("es") and word[:-2] in family)


def _ascii(word):
    """``word`` without diacritics ("Zoë" -> "Zoe"), for gazetteer look-ups."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _calendar(word):
    """True for a day or month name, with or without a plural or possessive s."""
    word = word.rstrip(".,;:!?")
    return word in CALENDAR or re.sub(r"['’]?s$", "", word) in CALENDAR


def _drop_trailing_common(text, start, end, keep=()):
    common = _common_words()
    words = list(re.finditer(r"\S+", text[start:end]))
    while (
        words
        and (words[-1].group().casefold().rstrip("'’s") in common or _calendar(words[-1].group()))
        and words[-1].group().casefold() not in keep
    ):
        words.pop()
    if not words:
        return None
    return start, start + words[-1].end()


_COLLAR_CONTEXT = re.compile(
    r"(?i:\b(?:collar|shoulder|epaulette)\s+(?:number|no|num)s?\b"
    r"|\b(?:police|warrant|staff)\s+(?:ID|identity)\s+(?:card\s+)?"
    r"(?:with\s+the\s+)?(?:number|no)?)"
)
_SENTENCE = re.compile(r"[^.!?\n]+")
_BARE_NUMBER = re.compile(r"(?<![\w£$€.,:/-])\d{2,5}(?![\w%£:/-]|[.,]\d)")


def _kw(words):
    return re.compile(words)


#: For each context pattern: a cheap regex of the keyword every match contains, and how
#: many characters before and after a keyword a match can reach. The pattern is run only
#: in those windows (far faster than trying it at every position of a long transcript).
_WINDOWS = {
    "UNIT": (
        _kw(
            r"CID|NPT|SNT|LPU|BCU|[Tt]eams?\b|Unit|Hub|Department|Division|Command|"
            r"Section|Squad|[Cc]ontrol\s+[Rr]oom|[Cc]ontact\s+[Cc]entre|[Cc]ustody|"
            r"[Pp]olice\s+[CcPpHh]|[Jj]ustice\s+[Cc]entre"
        ),
        90,
        15,
    ),
    "CENTRAL": (("Central",), 40, 12),
    "LOT": ((" lot", " patch", " beat", " sector", " ward", " division"), 40, 10),
    "WHERE_WORKS": (("where",), 70, 45),
    "THATS_MY": (_kw(r"(?:,\s*(?:that|who|she|he)['’]s|['’]s)\s+(?:my|our|his|her)\s"), 30, 40),
    "ROLE_APPOS": (
        _kw(
            r",\s+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+)?"
            r"\s*(?:,|\.|\s+(?:and|who|was|is|had|has|said|came|rang|did|got)\b)"
        ),
        45,
        40,
    ),
    "WORK_APPOS": (
        _kw(
            rf"\b{_WORK_NOUNS}\s*(?:,|\s+(?:is|was|were|are|called))\s+"
            r"(?:the\s+)?[A-Z]"
        ),
        30,
        60,
    ),
    "JOB_AT": (
        _kw(
            r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s+(?:at|for|with)\s+"
            r"(?:the\s+)?[A-Z]"
        ),
        5,
        70,
    ),
    "ESTATE": (("estate",), 60, 10),
    "HOUSE_NUMBER": (("house", "door", "flat"), 0, 40),
    "PLACE_AFTER": (
        _kw(
            r"\b(?i:in|at|from|to|near|outside|around|round|towards|into|via|"
            r"past|police|policed|policing|patrol|patrolled|patrolling|cover|"
            r"covered|covering)\s+(?:the\s+)?[A-Z]"
        ),
        0,
        70,
    ),
    "UNIVERSITY": (("University", "College"), 5, 60),
    "WELSH_SCHOOL": (("Ysgol",), 0, 60),
    "SCHOOL_APPOS": (("school", "college", "nursery", "academy", "uni"), 45, 60),
    "HIGH": (("High",), 60, 8),
    "SCHOOL_LOWER": (("school", "primary", "academy", "juniors", "infants", "nursery", "sixth"), 60, 15),
    "STATION": (
        ("station", "custody", "nick", "hq", "headquarters", "police off", "btp ", "patrol", "deployment", "enquiry"),
        80,
        30,
    ),
    "SCHOOL": (
        (
            "School",
            "Academy",
            "Primary",
            "College",
            "Grammar",
            "Nursery",
            "Sixth",
            "Juniors",
            "Infants",
            "Secondary",
            "Junior",
            "Infant",
            "University",
            "Comprehensive",
            "reschool",
            "re-school",
        ),
        100,
        20,
    ),
    "COMPANY": (_kw(_COMPANY), 100, 25),
    "ADDRESS": (_kw(_STREET), 75, 50),
    "ORIGIN": (_kw(r"from"), 30, 80),
    "WHERE_LIVES": (("where",), 45, 45),
    "COMMA_LIVES": (("we live", "i live", "they live", "he lives", "she lives", "we stay", "i stay"), 45, 12),
    "AGE_ON": (_kw(r"\w\s+on\s+(?:the\s+)?\d"), 40, 45),
}


#: First words (case-folded) that every match of each context pattern starts with: the
#: pattern is tried only where one of them occurs (see ``_anchored_finditer``).
_ANCHORS = {
    "DOB": ("born", "date", "d.o.b", "dob", "birth", "due", "baby"),
    "STATION_AT": (
        "run",
        "ran",
        "patrol",
        "cover",
        "driv",
        "drove",
        "night",
        "days",
        "lates",
        "earlies",
        "line",
        "train",
        "beat",
        "roads",
        "traffic",
        "neighbourhood",
        "uniform",
        "work",
        "based",
        "posted",
        "stationed",
        "transferred",
        "moved",
        "parad",
        "went",
        "station",
        "control",
        "custody",
        "front",
        "nick",
        "response",
        "team",
        "shift",
        "office",
        "cells",
        "cid",
        "division",
        "district",
        "sector",
        "section",
        "hq",
    ),
    "SCHOOL_AT": (
        "go",
        "went",
        "start",
        "attend",
        "pupil",
        "year",
        "teach",
        "taught",
        "student",
        "stud",
        "enrol",
        "first",
        "second",
        "third",
        "final",
        "last",
        "sixth",
        "uni",
        "school",
        "college",
        "nursery",
        "primary",
        "secondary",
    ),
    "WORK_AT": (
        *{o.casefold() for o in _OCCUPATIONS},
        "run",
        "own",
        "manag",
        "work",
        "employ",
        "cleaner",
        "receptionist",
        "volunteer",
        "apprentice",
        "placement",
        "contract",
        "career",
        "runs",
        "owns",
        "owned",
        "manage",
        "shop",
        "business",
        "salon",
        "restaurant",
        "garage",
        "practice",
        "surgery",
        "takeaway",
        "bar",
        "pub",
        "cafe",
        "café",
        "driv",
        "drove",
        "deliver",
        "clean",
        "temp",
        "signed on",
        "stacks",
    ),
    "KIN_HOME": ("my", "our", "his", "her", "their"),
    "WORK_ON_AT": ("work", "shift"),
    "POSTED_AT": (
        "officer",
        "pc",
        "pcso",
        "sergeant",
        "skipper",
        "inspector",
        "detective",
        "dc",
        "ds",
        "sgt",
        "colleague",
        "cop",
        "special",
        "response",
        "lads",
        "lasses",
        "everyone",
        "team",
        "year",
        "month",
        "most of",
        "my career",
        "my service",
        "my probation",
        "my time",
        "my whole",
        "his time",
        "her time",
        "his whole",
        "her whole",
        "i'm",
        "i’m",
        "i am",
        "she's",
        "she’s",
        "he's",
        "he’s",
        "we're",
        "we’re",
        "ps",
        "insp",
        "constable",
    ),
    "LIVES": ("live", "living", "moved", "grew", "house", "home", "flat", "address"),
    "KINSHIP": ("my", "our", "his", "her", "their", "your", "whose"),
    "NAMED": (
        "called",
        "named",
        "name",
        "known",
        "nicknamed",
        "aka",
        "a.k.a",
        "alias",
        "surname",
        "maiden",
        "first",
        "last",
        "full",
        "married",
        "call",
        "goes",
        "addressed",
        "signed",
    ),
}


def _win(name, text, folded=None):
    """``globals()[name].finditer(text)``, restricted to windows around keywords; each
    match once, in order of start."""
    pattern = globals()[name]
    if name in _ANCHORS:
        return _anchored_finditer(pattern, text, folded, _ANCHORS[name])
    kw, before, after = _WINDOWS[name]
    seen = {}
    n = len(text)
    last_lo, last_hi = 0, -1
    if isinstance(kw, tuple):  # literal keywords: str.find (case-folded unless capitalised)
        hits = []
        for word in kw:
            hay = text if word[0].isupper() or folded is None else folded
            i = hay.find(word)
            while i >= 0:
                hits.append((i, i + len(word)))
                i = hay.find(word, i + 1)
        hits.sort()
    else:
        hits = [(k.start(), k.end()) for k in kw.finditer(text)]
    for k_start, k_end in hits:
        lo, hi = max(0, k_start - before), min(n, k_end + after)
        while hi < n and text[hi].isalnum() and text[hi - 1].isalnum():
            hi += 1  # a window ends between words, not inside one ("Professiona|l")
        if lo < last_hi:  # merge with the previous window
            lo = last_lo
        for m in pattern.finditer(text, lo, hi):
            seen[m.start()] = m  # a merged, wider window's match replaces the cut one
        last_lo, last_hi = lo, hi
    return [seen[k] for k in sorted(seen)]


#: The venue nouns of :data:`WORK_AT` (not its verbs): "the pub by St James'" says where the
#: pub stands ("run by", "employed by" name the employer).
_VENUE_BY = re.compile(rf"(?:{_VENUE_NOUNS})\s+by\b")
_VENUE_IN = re.compile(rf"(?:{_VENUE_NOUNS})\s+in\b")
#: Who runs or works in a venue said before its noun: "runs a nail bar in", "her cafe in".
_VENUE_OWNER_BEFORE = re.compile(
    r"(?i:\b(?:runs?|ran|running|owns?|owned|manag(?:es|ed|ing)|works?|worked|working|opened|"
    r"her|his|their|my|our|\w+['’]s)\s+(?:\w+\s+){0,2})$"
)
#: A lower-case noun after a workplace's name that makes the name its attribute: "at the
#: Fed meeting", "a lad at the Asda do", "someone at the Unison conference".
_ATTRIBUTE_AFTER = re.compile(
    r"\s+(?:meeting|meetings|conference|do|party|website|app|page|leaflet|newsletter|magazine|podcast|helpline)\b"
)


#: A region named only by compass words ("the South", "the North East").
_COMPASS_ONLY = re.compile(r"(?:North|South|East|West)(?:\s+(?:North|South|East|West))?")
#: A large city after a district said as a home: ", Bristol" (then a pause or the end).
_CITY_AFTER = re.compile(r",\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*(?:[,.;:!?)]|$|\s+(?:and|but|so)\b))")


def find_context(text, add, names_lookup=None, folded=None):
    """Places, schools, workplaces, dates of birth and people found from context and the
    name gazetteer; ``add`` receives ``(start, end, kind, identity)``."""
    common = _common_words()
    stop = _read_list("stopwords_en.txt")
    given, family = gazetteer()
    for m in [*_win("DOB", text, folded), *_win("AGE_ON", text, folded)]:
        d_end = m.start("date") + len(m.group("date").rstrip(", "))
        ident = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", m.group("date").lower()))
        add((m.start("date"), d_end, "date_of_birth", ident))
    if _COLLAR_CONTEXT.search(text):  # "my collar number was ..., 5520"
        for sent in _SENTENCE.finditer(text):
            if _COLLAR_CONTEXT.search(sent.group()):
                for m in _BARE_NUMBER.finditer(text, sent.start(), sent.end()):
                    if re.search(r"\b(?!Number\b|No\b)[A-Z][a-z]+\s+$", text[max(0, m.start() - 15) : m.start()]):
                        continue  # "Year 10", "Section 18": a numbered thing, no collar
                    if not 1950 <= int(m.group()) <= 2035:
                        add((m.start(), m.end(), "collar_number", m.group()))
    for m in NHS.finditer(text):
        if nhs_ok(m.group()):
            add((m.start(), m.end(), "nhs_number", re.sub(r"\D", "", m.group())))
    for m in _win("STATION", text, folded):
        span = _trim_caps(text, m.start("place"), m.end())
        if span and span[0] >= m.end("place"):
            continue  # "Our enquiry office": the place was only a common word
        if span and text[span[0] : m.end("place")].split()[0].casefold() not in common:
            # "Wood Street station in Wakefield": after the plain word "station" the town is
            # where the station is, not its name (the brief marks "Wood Street" alone);
            # "Hyde Park police station in Leeds" keeps its town.
            plain = re.fullmatch(r"\s+[Ss]tation", text[m.end("place") : m.end()])
            end = span[1] if plain else _town_after(text, span[1], common)
            add((span[0], end, "station", text[span[0] : m.end("place")].lower()))
    for m in _win("UNIT", text, folded):
        end = m.end()
        if (m.group("unit")[:1].islower() or m.group("unit").startswith("CID ")) and _UNIT_LOWER_TAIL.search(
            " " + m.group("unit")
        ):
            if m.group("unit").startswith("CID "):  # "Leeds CID office": "Leeds CID"
                end = m.start("unit") + 3
            else:
                end = m.end("place")
        span = _unit_span(text, m.start("place"), m.end("place"), end, common)
        if span:
            add((span[0], _town_after(text, span[1], common), "station", text[span[0] : span[1]].lower()))
    for m in _win("CENTRAL", text, folded):
        span = _trim_caps(text, m.start("place"), m.end("place"))
        if span and not _is_unit_words(text[span[0] : span[1]], common):
            add((span[0], m.end(), "station", text[span[0] : m.end()].lower()))
    for m in _win("LOT", text, folded):
        span = _drop_trailing_common(text, m.start("place"), m.end("place"))
        words = text[span[0] : span[1]].split() if span else []
        if (
            words
            and words[0].casefold() not in common
            and words[0] not in NOT_PLACES
            and not _is_unit_words(" ".join(words), common)
            and not (len(words) == 1 and words[0] in allowed_proper_nouns("not places"))
            and (m.group().rstrip().endswith("lot") or not all(is_ordinary(w) for w in words))
        ):  # "the Maternity ward", "the Public sector": ordinary words, no place
            add((*span, "station", " ".join(words).lower()))
    for m in [*_win("STATION_AT", text, folded), *_win("POSTED_AT", text, folded)]:
        place_end = m.end("place")
        op = re.search(r"\s(?:Operation|Op)\s", text[m.start("place") : place_end])
        if op:  # "transferred from Kent Police Operation Hydrant": the operation is no place
            place_end = m.start("place") + op.start()
        span = _drop_trailing_common(text, m.start("place"), place_end)
        span = span and _trim_pair(text, span, given)
        if re.search(rf"{_CAP}\s+station\s+in\s+$", text[max(0, m.start("place") - 40) : m.start("place")]):
            continue  # "Wood Street station in Wakefield": the named station's town, no station
        if (
            span
            and text[span[0] : span[1]].split()[0].casefold() not in common
            and not _is_unit_words(text[span[0] : span[1]], common)
        ):
            add((*span, "station", text[span[0] : span[1]].lower()))
    for pat, kind in (("SCHOOL", "school"), ("COMPANY", "workplace")):
        for m in _win(pat, text, folded):
            span = _trim_caps(text, m.start("name"), m.end())
            if span is None:
                continue
            lead = re.search(r"\b(?:New|Old|Royal|Great|Little)\s+$", text[m.start("name") : span[0]])
            if lead and not _sentence_start(text, m.start("name") + lead.start()):
                span = (m.start("name") + lead.start(), span[1])  # "New Covenant Fellowship"
            first = text[span[0] : m.end()].split()[0]
            if len(text[span[0] : m.end()].split()) < 2:
                continue  # "marked Police Cars": the trade noun alone names nothing
            trade = text[m.start("name") : m.end()].split()[-1]
            if kind == "workplace" and trade in _TRADE_STRONG and first in _TRADE_NOT_FIRST:
                continue  # "three Traffic Cars", "Armed Response Cars": kinds of thing
            strong = (
                kind == "workplace"
                and trade in _TRADE_STRONG
                and len(text[span[0] : m.end()].split()) >= 2
                and first not in _TRADE_NOT_FIRST
                and not _sentence_start(text, span[0])
                and not re.search(
                    r"(?i:\b(?:the|a|an|some|two|three|few|many|of)\s+)$", text[max(0, span[0] - 8) : span[0]]
                )
            )
            if (
                first.casefold() in common
                and first != "Our"
                and not (lead and first == lead.group().strip())
                and not strong
            ) or first in ("Police", "Training"):
                continue
            if kind == "school" and re.match(
                r"(?:College|University)\s+of\s+Policing", text[m.end() - 10 : m.end() + 12]
            ):
                continue
            if kind == "school":
                of = _OF_NAME.match(text, span[1])
                if of and of.group(1) not in ("Policing", "Police"):
                    span = (span[0], of.end())  # "Starlight Academy of Dance"
            add((*span, kind, text[span[0] : span[1]].lower()))
    for m in _win("SCHOOL_AT", text, folded):
        span = _drop_trailing_common(text, m.start("name"), m.end(), _SCHOOL_TAIL)
        if (
            span is None
            or text[span[0] : span[1]].split()[0].casefold() in common
            or any(w in ("Court", "Crown", "Hospital") for w in text[span[0] : span[1]].split())
        ):
            continue  # "went to Stoke Crown Court" is no school
        add((*span, "school", text[span[0] : span[1]].lower()))
    for m in _win("UNIVERSITY", text, folded):
        if m.group("name").split()[0] in ("Policing", "Police", "Arms"):
            continue  # College of Policing
        span = _drop_trailing_common(text, m.start(), m.end())
        if span:
            add((*span, "school", text[span[0] : span[1]].lower()))
    for m in _win("SCHOOL_LOWER", text, folded):
        span = _trim_caps(text, m.start("name"), m.end("name"))
        if span is None:
            continue
        words = text[span[0] : span[1]].split()
        if len(words) == 1 and re.sub(r"['’]s$", "", words[0]) in given and re.search(r"['’]s$", words[0]):
            continue  # "our Callum's school": a child's school, not its name
        if len(words) == 1 and _CHILD_POSS.fullmatch(words[0]):
            continue  # "Children's school(s):", a form's label: whose school, not its name
        if all(w in SCHOOL_KIND_WORDS or w.casefold() in common or w in NOT_GIVEN for w in words):
            continue
        add((span[0], m.end(), "school", text[span[0] : m.end()].lower()))
    for m in _win("WELSH_SCHOOL", text, folded):
        add((m.start(), m.end(), "school", m.group().lower()))
    for m in _win("HIGH", text, folded):
        span = _trim_caps(text, m.start("name"), m.end("name"))
        if (
            span is None
            or _is_unit_words(text[span[0] : span[1]], common)
            or text[span[0] : span[1]].split()[-1] in ("Court", "Street", "Road", "Sheriff")
        ):
            continue
        add((span[0], m.end(), "school", text[span[0] : m.end()].lower()))
    for m in _win("SCHOOL_APPOS", text, folded):
        span = _drop_trailing_common(text, m.start("name"), m.end("name"), _SCHOOL_TAIL)
        if span is None or text[span[0] : span[1]].split()[0].casefold() in common:
            continue
        add((*span, "school", text[span[0] : span[1]].lower()))
    works = [(m, True) for m in _win("WORK_AT", text, folded)]
    works += [
        (m, False)
        for m in _win("WORK_APPOS", text, folded)
        if m.group("owner")
        or len(m.group("name").split()) > 1
        or re.match(r"work|workplace|employer|place", m.group().split()[0])
    ]
    works += [(m, True) for m in _win("JOB_AT", text, folded)]
    works += [(m, True) for m in _win("WORK_ON_AT", text, folded)]
    works += [(m, False) for m in _win("WHERE_WORKS", text, folded)]
    for m, has_prep in works:
        if m.group().startswith("shop") and _SHOP_VERB_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "I don't shop at Tesco anymore": a customer, no workplace
        span = _trim_caps(text, m.start("name"), m.end("name"))
        span = span and _drop_trailing_common(text, *span, _ORG_TAIL)
        if span is None:
            continue
        name = text[span[0] : span[1]]
        first = name.split()[0]
        if (
            first.casefold() in common
            or name in GENERIC_EMPLOYERS
            or first in NOT_GIVEN
            and len(name.split()) == 1
            and first in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
        ):
            continue
        if has_prep and m.group("prep") in ("in", "by") and name.isupper():
            continue  # "works in IT", "by CPS": departments and agencies
        if _is_unit_words(name, common):
            continue  # "works in Professional Standards", "for the Force Intelligence Bureau"
        if has_prep and m.group("prep") == "in" and (name in _PLACE_NOT_GIVEN or name in _force_stems()):
            continue  # "I work in Devon": a county or force area, not a workplace
        if has_prep and m.group("prep") == "by" and _VENUE_BY.match(m.group()):
            continue  # "the pub by St James'", "a shop by the Old Bridge": where it stands
        if (
            has_prep
            and m.group("prep") == "in"
            and _VENUE_IN.match(m.group())
            and not _VENUE_OWNER_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            continue  # "traced to a phone shop in Enfield": nobody said to run or work in it
        if _ATTRIBUTE_AFTER.match(text, span[1]):
            continue  # "a guy at the Fed meeting", "a lad at the Tesco car park": an event or a part
        end = span[1]
        town = m.groupdict().get("town")
        if town:
            t_span = _drop_trailing_common(text, m.start("town"), m.end("town"))
            t_first = text[t_span[0] : t_span[1]].split()[0] if t_span else ""
            if t_span and t_first.casefold().rstrip("s") not in common and not _calendar(t_first):
                end = t_span[1]  # "Greggs on Station Street", "Nissan in Sunderland"
        add((span[0], end, "workplace", name.lower()))
    i = text.find(" by ")
    while i >= 0:  # str.find, then the pattern near it: cheaper than the pattern everywhere
        m = BY_NAME.search(text, max(0, i - 60), i + 30)
        while m is not None and m.end() <= i:
            m = BY_NAME.search(text, m.end(), i + 30)
        at, i = i, text.find(" by ", i + 4)
        if m is None or not m.start() <= at < m.end():
            continue
        if m.group("who") not in given or _sentence_start(text, m.start()):
            continue
        if m.group().split()[0].casefold() in common or not _BUSINESS_BEFORE.search(
            text, max(0, m.start() - 45), m.start()
        ):
            continue
        add((m.start(), m.end(), "workplace", m.group().lower()))
    if CHAIN_ON.search(text):  # "Aldi on Coventry Road, where she works"
        for sent in _SENTENCE.finditer(text):
            at_work = _WORK_CONTEXT.search(sent.group()) is not None
            for m in CHAIN_ON.finditer(text, sent.start(), sent.end()):
                if m.group("name") not in CHAINS:
                    continue
                if not at_work and not _WORK_SITE.match(text, m.end("name")):
                    continue  # a depot, a warehouse, a plant is a workplace without "works"
                t_span = _drop_trailing_common(text, m.start("town"), m.end("town"))
                if t_span is None:
                    continue
                town = text[t_span[0] : t_span[1]]
                t_first = town.split()[0]
                if _calendar(t_first) or (t_first.casefold() in common and not re.search(rf"\s{_STREET}$", town)):
                    continue
                add((m.start("name"), t_span[1], "workplace", text[m.start("name") : t_span[1]].lower()))
    for m in _anchored_finditer(AREA_FOR, text, folded, _AREA_TOKENS):
        span = _drop_trailing_common(text, m.start("place"), m.end("place"))
        if span is None:
            continue
        place = text[span[0] : span[1]]
        pair = re.search(r"\s+(?:and|&)\s+(\S+)", place)
        if pair and (
            pair.group(1).casefold() in common
            or pair.group(1) in given
            or pair.group(1) in _RANK_WORDS
            or pair.group(1) in UNIT_WORDS
        ):
            place = place[: pair.start()]  # "for Stockport and Sergeant Ellis": one place
            span = (span[0], span[0] + len(place))
        words = place.split()
        if (
            words[0].casefold() in common
            or _calendar(words[0])
            or words[0] in NOT_PLACES
            or _is_unit_words(place, common)
            or place in _force_stems()
            or any(w in ("Police", "Constabulary", "Operation", "Op", "Court", "Crown") for w in words)
        ):
            continue
        add((*span, "station", place.lower()))
    for m in _win("ADDRESS", text, folded):
        street = text[m.start("street") : m.end("street")]
        words = street.split()
        if words[0].casefold() in common and not text[m.start() : m.start("street")].strip():
            rest = _trim_caps(text, m.start("street"), m.end("street"))
            if rest is None:
                continue
            s = rest[0]
        else:
            s = m.start()
        e = m.end()
        if m.group("town") and m.group("town").split()[0].casefold() in common:
            e = m.end("suffix")
        if m.group("suffix") == "Court" and re.fullmatch(
            r"(?:Crown|Magistrates['’]?|County|High|Youth|Family|Supreme|Coroner['’]?s)", words[-1]
        ):
            continue
        if not text[s].isdigit() and _EVENT_AFTER.match(text, e) and e == m.end("suffix"):
            continue  # "the Cowley Road carnival", "the Elm Street fire": where an event was
        add((s, e, "address", text[s:e].lower()))
    for m in _win("HOUSE_NUMBER", text, folded):
        add((m.start("num"), m.end("num"), "address", m.group("num").lower()))
    for m in _win("ESTATE", text, folded):
        span = _trim_caps(text, m.start("place"), m.end("place"))
        if (
            span
            and not _is_unit_words(text[span[0] : span[1]], common)
            and text[span[0] : span[1]].split()[0] not in ("Industrial", "Trading", "Business", "Retail")
        ):
            add((span[0], m.end(), "address", text[span[0] : m.end()].lower()))
    for m in _win("PLACE_AFTER", text, folded):
        span = _drop_trailing_common(text, m.start("place"), m.end("place"))
        if span is None:
            continue
        words = text[span[0] : span[1]].split()
        first = re.sub(r"['’]s$", "", words[0])  # a possessive, not every final s ("Grays")
        if (
            first.casefold() in common
            or _calendar(first)
            or first in NOT_PLACES
            or words[0] in NOT_PLACES
            or (len(words) == 1 and words[0] in allowed_proper_nouns("not places"))
            or _is_unit_words(" ".join(words), common)
            or (len(words) == 1 and (first in given or first in NOT_GIVEN and first not in _PLACE_NOT_GIVEN))
        ):
            continue
        if (
            any(w in ("Court", "Courts", "Crown") for w in words)
            or words[-1] in _REGION_WORDS
            or " ".join(words) in _force_stems()
            or _county(words)
        ):
            continue  # courts, counties and regions too large to find anyone in
        if words[-1] in NEWSPAPER_WORDS and re.search(
            r"(?i:\b(?:in|to|from)\s+the\s+)$", text[max(0, span[0] - 10) : span[0]]
        ):
            continue  # "in the Echo", "to the Evening Chronicle": a newspaper
        if " ".join(words) in INSTITUTIONS or _EVENT_AFTER.match(text, span[1]):
            continue  # "Companies House"; "the Broadmarsh protest": where an event was
        if first in _BODIES or _INCIDENT_BEFORE.search(text, max(0, span[0] - 40), span[0]):
            continue  # "in the Army"; "arrested in Preston": a body, an incident's place
        if _visited_town(text, span[0]):
            continue  # "a chippy in Braintree": where a visit or an incident was
        if (
            len(words) > 1
            and words[-1] in ("Centre", "Center")
            and re.search(r"(?i:\bthe\s+)$", text[max(0, span[0] - 5) : span[0]])
            and not _THE_ONE_KEEP.search(_sentence_of(text, span[0]))
        ):
            continue  # "that lad at the Trafford Centre": a shopping centre visited
        if (
            len(words) == 1
            and re.search(r"(?i:\bthe\s+)$", text[max(0, span[0] - 5) : span[0]])
            and not re.match(
                r"\s+(?:office|station|nick|custody|depot|branch|store|site|estate|road|centre)\b", text[span[1] :]
            )
            and not _THE_ONE_KEEP.search(_sentence_of(text, span[0]))
        ):
            continue  # "we were at the Harvester", "I go in the Arkles": a place visited
        add((*span, "place", " ".join(words).lower()))
    if "Police, " in text or "Constabulary, " in text:
        stems = _force_stems()
        for m in FORCE_THEN_TOWN.finditer(text):
            words = m.group("place").split()
            pre = text[max(0, m.start() - 40) : m.start()].split()
            if (
                not any(" ".join(pre[-k:]) in stems for k in range(1, min(4, len(pre)) + 1))
                or words[0].casefold() in common
                or words[0] in _RANK_WORDS
                or words[0] in NOT_PLACES
                or _calendar(words[0])
                or _is_unit_words(" ".join(words), common)
                or words[0] in gazetteer()[0]
            ):
                continue
            add((m.start("place"), m.end("place"), "station", m.group("place").lower()))
    lives = [
        *_win("LIVES", text, folded),
        *_win("ORIGIN", text, folded),
        *_win("KIN_HOME", text, folded),
        *_win("WHERE_LIVES", text, folded),
        *(
            m
            for m in _win("COMMA_LIVES", text, folded)
            if _sentence_start(text, m.start("place")) and not is_ordinary(m.group("place").split()[0])
        ),
    ]
    if "," in text:
        lives += AGE_OF.finditer(text)
    cities = None
    for m in lives:
        span = _drop_trailing_common(text, m.start("place"), m.end("place"))
        if span and _COMPASS_ONLY.fullmatch(text, span[0], span[1]):
            continue  # "I live in the South of the city", "we moved to the North East": a region
        if span and text[span[0] : span[1]].split()[0].casefold() not in common:
            city = _CITY_AFTER.match(text, span[1])
            if city:  # "We live in Fishponds, Bristol": the district and its city, one home
                if cities is None:
                    cities = allowed_proper_nouns() - allowed_proper_nouns("not places")
                if city.group("city") in cities and text[span[0] : span[1]] not in cities:
                    span = (span[0], city.end("city"))
            add((*span, "address", text[span[0] : span[1]].lower()))
    # people -------------------------------------------------------------------------
    people = []
    for pat in ("ROLE_APPOS", "THATS_MY"):
        for m in _win(pat, text, folded):
            toks = m.group("name").split()
            if (
                toks[0].casefold() in common
                or toks[0] in NOT_GIVEN
                or toks[0] in UNIT_WORDS
                or _calendar(toks[0])
                or toks[0] in NOT_PLACES
            ):
                continue
            if len(toks) > 1 and (toks[-1].casefold() in common or toks[-1] in NOT_SURNAMES):
                toks = toks[:1]
            end = m.start("name") + len(" ".join(toks)) if len(toks) == 1 else m.end("name")
            people.append((m.start("name"), end, toks))
    for pat in ("KINSHIP", "NAMED"):
        for m in _win(pat, text, folded):
            toks = list(re.finditer(r"\S+", m.group("name")))
            base = m.start("name")
            while toks and (toks[-1].group().casefold() in common or toks[-1].group() in NOT_SURNAMES):
                toks.pop()
            if not toks:
                continue
            first = toks[0].group()
            if first.casefold() in common or first in NOT_GIVEN:
                continue
            if first in ("May", "June", "April", "August") and len(toks) == 1:
                continue
            if pat == "KINSHIP" and re.search(r"['’]s\s*$", text[m.start() : base]) and first not in given:
                continue  # "his wife's Pilates studio": the relative's thing, not a name
            if pat == "NAMED" and re.search(_NAMED_THING, text[max(0, m.start() - 25) : m.start()]):
                continue  # "a group called Exeter Watchers" names no person
            people.append((base, base + toks[-1].end(), [t.group() for t in toks]))
    for m in QUOTED.finditer(text):
        toks = m.group("name").split()
        pre = text[max(0, m.start() - 40) : m.start()].casefold()
        post = text[m.end() : m.end() + 50].casefold()
        if re.match(
            r"[^.!?]*\b(?:nickname|what\s+(?:they|we|he|she|you|people|the\s+\w+)\s+"
            r"call(?:ed|s)?|call(?:ed|s)?\s+(?:him|her|them|me|us)\b)",
            post,
        ):
            pre += " called"
        if toks[0] not in given and re.search(_NAMED_THING, re.sub(r"\s*\b(?:called|named)\s*$", "", pre)):
            continue  # 'The account was called "Lancs Copwatch"': a page, no person
        if toks[0] in given or re.search(
            r"\b(?:call(?:s|ed|ing)?|known|nickname[d]?|aka|"
            r"alias|addressed|name|named|signed)\b[^.]*$",
            pre,
        ):
            if not all(t.casefold() in stop for t in toks):
                people.append((m.start("name"), m.end("name"), toks))
    for m in _NAME_TOKEN.finditer(text):
        w = m.group()
        if w not in given and w.split("-")[0] not in given and _ascii(w) not in given:
            continue
        s, e = m.start(), m.end()
        nxt = _WORD_AFTER.match(text, e)
        surname = None
        if (
            nxt
            and nxt.group(1) not in NOT_SURNAMES
            and nxt.group(1).casefold() not in common
            and nxt.group(1) not in NOT_GIVEN
            and (nxt.group(1) not in AMBIGUOUS_GIVEN or nxt.group(1) in family)
        ):
            surname = nxt
        if surname is None and re.search(
            r"\b(?:grey|gray|black|white|silver|red|blue|green|"
            r"dark|light|new|old|little|second-hand)\s+$",
            text[max(0, s - 14) : s],
        ):
            continue  # "a grey Octavia": a thing, not a person
        if w in _COLOURS and surname is not None and surname.group(1) not in family:
            continue  # "a Black Qashqai", "the Green Party"
        if w == "Matt" and surname is not None and surname.group(1) in _COLOURS:
            continue  # "Matt Black paint": a finish and a colour
        if surname is None and w in _ETHNICITIES:
            continue  # "I'm Black", "She is White British": an ethnicity, never a name
        if surname is not None and surname.group(1) == "Day" and _calendar(w):
            continue  # "May Day", "Boxing Day": a holiday
        if surname is None and _star_sign(text, s, e):
            continue  # "birthday 23rd July, Leo": a star sign
        if surname is None and _sentence_start(text, s) and is_ordinary(w) and _OBJECT_AFTER.match(text, e):
            continue  # "Said it twice.", "Mark my words": a verb at the start of a sentence
        if w in PHONETIC and surname is not None and surname.group(1) in PHONETIC:
            continue  # "Oscar Kilo", "Charlie Delta"
        if (
            w in AMBIGUOUS_GIVEN
            and surname is None
            and re.search(
                r"(?<![.!?]\s)\b(?!(?:I|The|A|An|My|Our|His|Her|Their)\b)[A-Z][a-z]+\s+$", text[max(0, s - 25) : s]
            )
            and not re.search(_RANK_WORDS_BEFORE, text[max(0, s - 30) : s])
        ):
            prev = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, s - 25) : s]).group(1)
            if prev not in given:
                continue  # "Criminal Justice Unit": part of a longer capitalised name
        if w in AMBIGUOUS_GIVEN:
            month = w in ("May", "June", "April", "August", "Sunday")
            said = re.match(
                r"\s+(?:said|says|told|asked|rang|phoned|called|texted|"
                r"messaged|emailed|replied|wrote|came|went|reckoned|thought)\b",
                text[e : e + 12],
            )
            if not said and _sentence_start(text, s):  # "Precious is a nurse at ...": a person
                said = re.match(
                    r"\s+(?:is|was|['’]s)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}"
                    rf"(?:{_alternation(_OCCUPATIONS)}|nurse|student|pupil)\b"
                    r"|\s+(?:works|worked|teaches|taught|drives|runs|ran|manages)\s+(?:at|for|as|in)\b",
                    text[e : e + 60],
                )
            if surname is None and (month or (_sentence_start(text, s) and not said)):
                continue
            if surname is None and re.search(
                r"(?i:\b(?:the|a|an|operation|of\s+the)"
                r"(?:\s+(?:old|big|little|new))?)\s+$",
                text[max(0, s - 15) : s],
            ):
                continue
        if surname is not None:
            e = surname.end(1)
        people.append((s, e, text[s:e].split()))
    surnames = set()
    for s, e, toks in people:
        key = toks[-1].lower().replace("’", "'")
        if names_lookup:
            key = names_lookup.get(" ".join(toks).lower(), names_lookup.get(key, key))
        if len(toks) > 1:
            surnames.add(toks[-1])
        add((s, e, "person", key))
    for name in surnames:  # a surname seen in a full name, again on its own
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
                add((i, j, "person", name.lower().replace("’", "'")))
            i = text.find(name, j)


# ---------------------------------------------------------------------------------------
# The lexicon test: capitalised words that are no ordinary English word
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def english_words() -> frozenset:
    """Lower-case English words (SCOWL, ``english_words.txt``): a capitalised word whose
    lower-case form is not among them is a proper noun."""
    return _read_list("english_words.txt")


@cache
def allowed_sections() -> dict[str, tuple[str, ...]]:
    """The words of ``proper_nouns_allowed.txt`` by section (its ``# --`` heading lines, as
    written, the ``# -- `` taken off), in file order."""
    sections: dict[str, list[str]] = {}
    section = ""
    with open(DATA_DIR / "proper_nouns_allowed.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("# --"):
                section = line.removeprefix("# --").strip()
            elif line and not line.startswith("#"):
                sections.setdefault(section, []).append(line)
    return {k: tuple(v) for k, v in sections.items()}


@cache
def allowed_proper_nouns(which: str = "all") -> frozenset:
    """Proper nouns that identify nobody (``proper_nouns_allowed.txt``: months, platforms,
    brands, car models, nations, large cities; and :data:`NOT_PLACES`, :data:`CALENDAR`).
    ``which="not places"``: without the cities (which still name where someone works)."""
    words: set[str] = set()
    cities: set[str] = set()
    for section, lines in allowed_sections().items():
        (cities if "cities" in section else words).update(lines)
    base = frozenset(words) | NOT_PLACES | CALENDAR
    return base if which == "not places" else base | cities


_ORDINARY: dict[str, bool] = {}


_PLACE_JOINERS = frozenset("on upon under over le la de by in next with en sub super".split())


def _hyphen_place(word: str) -> bool:
    """True for a town's hyphenated name, capitalised at both ends with a joining word
    between ("Grange-over-Sands", "Bolton-le-Sands"; not "Mother-in-law")."""
    parts = word.split("-")
    return (
        len(parts) >= 3
        and parts[0][:1].isupper()
        and parts[-1][:1].isupper()
        and all(p.islower() for p in parts[1:-1])
        and parts[1] in _PLACE_JOINERS
    )


def is_ordinary(word: str) -> bool:
    """True when the capitalised ``word`` is an ordinary English word (in the lexicon, in
    lower case), a function or rank word, or an allowed proper noun; possessive and plural
    ``s`` and hyphenated compounds of ordinary words included ("Dr Martens" is ordinary,
    "Billericay" is not). Cached: one dict look-up per word after the first."""
    known = _ORDINARY.get(word)
    if known is not None:
        return known
    w = word[:-2] if word.endswith(("'s", "’s")) else word
    allowed = allowed_proper_nouns()
    english = english_words()
    common = _common_words()
    low = w.casefold()
    ok = (
        w in allowed
        or (w.endswith("s") and w[:-1] in allowed)
        or low in english
        or low in common
        or _ascii(low) in english
        or ("-" in low and all(p in english or p in common for p in low.split("-")) and not _hyphen_place(w))
    )
    if len(_ORDINARY) < 200_000:
        _ORDINARY[word] = ok
    return ok


_PN_TOKEN = re.compile(
    rf"(?<![\w'’@#./\\-])(?:Mc|Mac|O['’])?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*(?:['’]s)?(?![\w'’@-])"
)
#: What may join the words of one name: "Harvey Nichols", "Newton le Willows",
#: "Sutton on the Forest", "Bank of Scotland".
_PN_NEXT = re.compile(
    rf"\s+(?:(?:of(?:\s+the)?|on\s+the|upon|under|le|la|de|du|van|von|&)\s+)?"
    rf"((?:Mc|Mac|O['’])?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*(?:['’]s)?)(?![\w'’@-])"
)
_PN_PREV = re.compile(rf"((?:Mc|Mac|O['’])?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*)\s+$")
_CALLED_BEFORE = re.compile(r"\s*\b(?:called|named)\s*[\"“‘']?\s*$")
_DETERMINER_BEFORE = re.compile(
    r"(?:^|[^\w])(?:[Aa]n?|[Tt]he|[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our|[Ii]ts|[Tt]his|[Tt]hat|"
    r"[Ss]ome|[Aa]ny|[Nn]o|[Ee]very|[Nn]ew|[Oo]ld|[Bb]lack|[Ww]hite|[Ss]ilver|[Gg]r[ae]y|[Rr]ed|[Bb]lue)\s+[\"“‘]?$"
)
#: The same with a describing word between: "my little Aygo", "a battered old Transit", "his
#: new Kuga" (a thing, a car, a pet more often than a place; a given name is still a person).
_DETERMINER_ADJ_BEFORE = re.compile(
    r"(?:^|[^\w])(?:[Aa]n?|[Tt]he|[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our|[Tt]his|[Tt]hat)"
    r"\s+(?:(?:little|old|new|battered|trusty|beloved|big|tiny|rusty|shiny|second-hand|clapped-out|knackered)\s+){1,2}$"
)
#: A thing in apposition after a proper noun: "try Headspace, the app,", "Wordle, the game".
_PRODUCT_APPOS = re.compile(
    r",\s+(?:the|an?)\s+(?:(?:free|mindfulness|meditation|wellbeing|dating|fitness|running|phone|online|"
    r"word|video|board|card|TV|radio)\s+)?(?:app|website|site|game|programme|program|podcast|show|series|"
    r"film|book|song|album|band|drink|brand)\b"
)
#: Abbreviations that name nothing alone ("St" before a name the other rules took).
_BARE_ABBREVIATIONS = frozenset(("St", "Mt", "Ft"))
#: Last words of a proper-noun phrase that make it a workplace or a school.
_PN_WORK_TAIL = frozenset(
    """Ltd Limited Group Stores Store Florist Florists Cafe Café Bakery Salon Motors Garage
    Hotel Inn Arms Tavern Pub Restaurant Kitchen Bar Bistro Deli Barbers Pharmacy Surgery
    Vets Dental Clinic Gym Studio Studios Nursery Kennels Logistics Transport Travel Coaches
    Buses Cars Taxis Homes Care Services Solutions Trust Bank""".split()
)
_PN_SCHOOL_TAIL = frozenset("School Academy Primary High College Grammar Infants Juniors".split())


def proper_nouns(text: str, found) -> list:
    """Capitalised words (and the capitalised words joined to them) that are no ordinary
    English word, not sentence-initial, not after a determiner ("a Qashqai", "the Co-op":
    a thing more often than a name) and not inside ``found``: ``(start, end, kind,
    identity)`` with kind ``person`` when the name gazetteer knows the first or last
    word, ``workplace`` or ``school`` by the last word, else ``place``. The rest (sentence
    starts, after a determiner) are left to the review sheet's candidates."""
    if not found:
        covered_starts, covered_ends = [], []
    else:
        spans = sorted((f[0], f[1]) for f in found)
        covered_starts = [s for s, _ in spans]
        covered_ends = [e for _, e in spans]

    def covered(s, e):
        i = bisect.bisect_right(covered_starts, e - 1) - 1
        while i >= 0:
            if covered_ends[i] > s:
                return True
            if covered_starts[i] < s - 200:
                break
            i -= 1
        return False

    given, family = gazetteer()
    out = []
    last_end = -1
    known = _ORDINARY.get
    for m in _PN_TOKEN.finditer(text):
        word = m.group()
        ordinary = known(word)  # inline cache look-up: most capitalised words are seen before
        if ordinary is None:
            ordinary = is_ordinary(word)
        if ordinary:
            continue
        s, e = m.span()
        if s < last_end or covered(s, e):
            continue
        # extend to the left over capitalised words that are part of the name
        words = [m.group()]
        while True:
            prev = _PN_PREV.search(text, max(0, s - 30), s)
            if prev is None:
                break
            p_start = s - len(prev.group())
            w = prev.group(1)
            if w.casefold() in _common_words() or covered(p_start, s) or _calendar(w):
                break
            if _sentence_start(text, p_start) and (is_ordinary(w) and w not in given):
                break
            s, words = p_start, [w, *words]
        while True:
            nxt = _PN_NEXT.match(text, e)
            if nxt is None:
                break
            w = nxt.group(1)
            if w.casefold() in _common_words() or _calendar(w) or covered(e, nxt.end()):
                break
            e, words = nxt.end(), [*words, w]
        last_end = e
        if _sentence_start(text, s) or _DETERMINER_BEFORE.search(text, max(0, s - 8), s):
            continue  # left to the review sheet
        before = text[max(0, s - 40) : s]
        if _CALLED_BEFORE.search(before) and re.search(_NAMED_THING, _CALLED_BEFORE.sub("", before)):
            continue  # 'a group called Exeter Watchers': a page or group, no person or place
        if re.search(r"[\"“‘']\s*$", before) and re.search(_NAMED_THING, re.sub(r"[\"“‘']\s*$", "", before)):
            continue  # 'a Facebook group, "Hucknall Neighbours"': the group's name
        if len(words) == 1 and _star_sign(text, s, e):
            continue  # a star sign
        if len(words) == 1 and words[0] in _BARE_ABBREVIATIONS:
            continue  # "for St George's Day": the abbreviation alone names nothing
        if _PRODUCT_APPOS.match(text, e):
            continue  # "try Headspace, the app": a product, no place
        first, last = words[0], words[-1].removesuffix("'s").removesuffix("’s")
        if all(w in PHONETIC or is_ordinary(w) for w in words):
            continue  # "Oscar Kilo" (the wellbeing service), call signs
        if len(words) == 1 and _family_plural(first, family):
            continue  # "a lot of Joneses round here": a surname in the plural names nobody
        if last in _PN_SCHOOL_TAIL:
            kind = "school"
        elif last in _PN_WORK_TAIL:
            kind = "workplace"
        elif len(words) <= 3 and (first in given or _ascii(first) in given or last in family):
            kind = "person"
        else:
            kind = "place"
        if (kind == "place" or kind == "person" and first in _PLACE_NOT_GIVEN) and (
            first in _BODIES or _INCIDENT_BEFORE.search(text, max(0, s - 40), s)
        ):
            continue  # "arrested in Preston", "posted from Newport": an incident's place
        if kind == "place" and _county(words):
            continue  # "we're in Fermanagh": a county, too large to find anyone in
        if kind == "place" and _DETERMINER_ADJ_BEFORE.search(text, max(0, s - 30), s):
            continue  # "on my little Aygo": a thing described, left to the review sheet
        if kind in ("place", "person") and _visited_town(text, s):
            continue  # "outside Morrisons in Morley": a visit's town, no one's name or home
        key = last.lower().replace("’", "'") if kind == "person" else " ".join(words).lower()
        out.append((s, e, kind, key))
    return out
