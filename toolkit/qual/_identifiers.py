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
    "place": "Place",  # reviewed candidates (apply_review)
    "number": "Number",
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
    "Ch Insp", "Chief Insp", "Det Sgt", "Det Con", "Det Insp", "T/Sgt", "A/Sgt", "T/Insp",
    "A/Insp", "TDC", "DSU", "DSI", "Ch Supt", "Det Supt", "PSI", "Prof", "Professor",
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

_SURNAME = r"(?:[A-Z]['’])?(?:Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_GIVEN = r"(?:[A-Z]\.\s?|[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+)"


def _alternation(words):
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_CIVIL_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor",
                           "professor"})
_RANK_WORDS = set(RANKS) | {r.lower() for r in RANKS if len(r) > 4}
RANK_NAME = re.compile(
    rf"(?<![\w-])(?P<rank>{_alternation(_RANK_WORDS)})\.?\s+"
    r"(?:(?P<num>\d{2,6})\s+)?"
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
    r"(?i:\bwarrant\s+(?:card\s+)?(?:number|no\.?|num\.?|#)?(?:\s+(?:is|was))?)"
    r"\s*[:#,]?\s*(?P<id>(?:[A-Z]{1,3}[-/ ]?)?\d{3,9})(?![\w])"
)
COLLAR = re.compile(
    r"(?:(?i:\b(?:collar|shoulder|epaulette|badge)(?:\s+(?:number|no\.?|num\.?|#))?"
    r"(?:\s+(?:is|was|of))?)\s*[:#,]?\s*"
    r"|\b(?:PC|PCSO|DC|PS|Sgt|SC|DS|TDC)\s?)(?P<id>[A-Z]{0,2}\d{2,6})(?![\w])"
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
            stem = re.sub(r"\s+(?:Police|Constabulary)$", "", name)
            if stem != name and stem not in forms:  # "Dyfed-Powys", "Thames Valley"
                forms[stem] = name
                abbrevs.add(stem)  # case-sensitive, as abbreviations
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
        gap = text[m.end("rank"):m.start("num") if m.group("num") else m.start("name")]
        if "." in gap and (m.group("rank").islower() or len(m.group("rank")) > 4):
            continue  # "a police constable. Stupid": a sentence ends after the rank
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
        if officers is not None and m.group("rank") not in _CIVIL_TITLES:
            officers.add(surname)
        if m.group("num"):  # "PC 1234 Smith": the number and the name, rank left
            add((m.start("num"), m.end("num"), "collar_number", m.group("num")))
            add((m.start("name"), end, "person", surname))
        else:
            add((m.start(), end, "person", surname))
    find_context(text, add, names_lookup, folded)
    return resolve_overlaps(found)


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

#: Given names that are also ordinary English words, months or policing terms: a person
#: only with a surname after them, a kinship or rank word before them, or (words other
#: than months and days) capitalised inside a sentence.
AMBIGUOUS_GIVEN = frozenset(
    """Will May Hope Faith Grace Joy Rose Mark Bill Pat Sue Rob Jack Jean Dawn Summer Autumn
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


@lru_cache(maxsize=None)
def _read_list(name):
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def gazetteer():
    """``(given, family)`` name sets (from ``names_given.txt`` / ``names_family.txt``;
    the ambiguous given names are added, each gated by its own rule)."""
    given = _read_list("names_given.txt") | _read_list("names_given_uk.txt")
    return (given | AMBIGUOUS_GIVEN) - NOT_GIVEN, \
        _read_list("names_family.txt")


@lru_cache(maxsize=1)
def _common_words():
    """Lower-case words that never start a place, school or workplace name."""
    stop = _read_list("stopwords_en.txt")
    return stop | {r.casefold() for r in RANKS} | {w.casefold() for w in NOT_SURNAMES} | {
        "police", "the", "a", "an", "my", "our", "their", "his", "her", "your", "this",
        "that", "local", "new", "old", "main", "central", "training", "staff", "force",
        "national", "county", "regional", "detective", "custody", "response", "neighbourhood",
        "control", "community", "every", "any", "some", "one", "each", "same", "other",
        "primary", "secondary", "high", "junior", "infant", "crown", "magistrates",
        "magistrates'", "family", "youth", "coroner's", "appeal", "supreme", "i",
        "it", "we", "they", "he", "she", "you", "there", "here", "what", "who", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "well", "so",
        "yes", "no", "but", "and", "then", "when", "because", "if", "oh", "um", "er", "like",
        "interviewer", "respondent", "q", "operation", "online", "social", "city", "town",
    }


_CAP = (r"(?:(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:['’]s)?"
        r"(?:-(?:(?:under|upon|on|le|en|in|by|super|sub|cum|with|the)-)?[A-Z][a-z]+)*|St\.?)")
_CAPS = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
_NAME_TOKEN = re.compile(r"(?<![\w'’-])(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w-])")
_WORD_AFTER = re.compile(r"\s+((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")

KIN = (
    "wife", "husband", "partner", "son", "daughter", "kid", "kids", "child", "children",
    "boy", "girl", "brother", "sister", "mum", "mom", "mother", "dad", "father", "nan", "nana",
    "gran", "grandma", "granny", "grandad", "grandpa", "grandson", "granddaughter", "uncle",
    "aunt", "auntie", "cousin", "niece", "nephew", "fiance", "fiancé", "fiancee", "fiancée",
    "girlfriend", "boyfriend", "friend", "neighbour", "mate", "colleague", "stepson",
    "stepdaughter", "stepmum", "stepdad", "twin", "twins", "baby", "lad", "eldest", "youngest",
    "brother-in-law", "sister-in-law", "mother-in-law", "father-in-law", "son-in-law",
    "daughter-in-law", "ex", "ex-wife", "ex-husband", "ex-partner", "supervisor", "manager",
    "boss", "sergeant", "inspector", "skipper", "guv", "guvnor", "oldest", "middle one",
    "little one", "carer", "childminder", "flatmate", "housemate", "landlord", "landlady",
)
KINSHIP = re.compile(
    r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)\s+(?:(?:late|former|old|little|"
    r"older|younger|eldest|youngest|big|new|best|step|oldest)[- ]?)?"
    rf"(?:{_alternation(KIN)})['’]?s?\s*,?\s+(?:(?:called|named)\s+)?"
    rf"(?P<name>{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern})?)"
)
NAMED = re.compile(
    r"\b(?:called|named|name\s+is|name's|names\s+are|names,|known\s+as|nicknamed|aka|"
    r"a\.k\.a\.|alias|goes\s+by|addressed\s+to|signed)\s*,?\s+[\"“'‘]?"
    rf"(?P<name>{_NAME_TOKEN.pattern}(?:\s+{_NAME_TOKEN.pattern}){{0,2}})"
)
QUOTED = re.compile(
    r"[\"“‘](?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})[\"”’]"
)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?(?:\s+(?:19|20)\d{{2}})?"
         rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?"
         r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2})")
DOB = re.compile(
    r"(?i:\b(?:born(?:\s+on)?|date\s+of\s+birth(?:\s+(?:is|was|as))?|d\.?o\.?b\.?"
    r"(?:\s+(?:is|was))?|birthday(?:\s+(?:is|was|on|being))*))"
    rf"\s*[:,]?\s*(?:the\s+)?(?P<date>{_DATE})"
)
AGE_ON = re.compile(  # "she turned 9 on 4 July", "he'll be 12 on the 3rd of May"
    r"(?i:\b(?:turned|turns|turning|aged?|was|is|be)\s+\d{1,3}\s+on)"
    rf"\s+(?:the\s+)?(?P<date>{_DATE})"
)
_STREET = (r"(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Way|Drive|Dr|Grove|Terrace|"
           r"Crescent|Place|Gardens|Court|Mews|Row|Walk|Square|Parade|View|Rise|Park|Hill|"
           r"Green|Vale|Fold|Croft|Meadows?|Chase|Boulevard|Wynd|Brow|Side|Gate|Approach|"
           r"Drove|Heights|Bank|Cottages|Villas|Yard|Wharf|Quay|Estate)")
ADDRESS = re.compile(
    r"(?:\b(?:[Ff]lat|[Aa]partment|[Uu]nit)\s+\d{1,4}[A-Za-z]?,?\s+)?"
    r"(?:\b\d{1,4}[A-Za-z]?,?\s+)?"
    rf"(?P<street>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?P<suffix>{_STREET})\b"
    rf"(?:,\s+(?P<town>{_CAP}(?:\s+{_CAP}){{0,2}})(?=[\s,.;:!?)]|$))?"
)
LIVES = re.compile(
    r"\b(?:live[sd]?|living|moved|grew\s+up|house|home|flat|address)\s+(?:is\s+)?"
    r"(?:in|on|at|to|near|round|around)\s+(?:the\s+)?"
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
    r"(?:[Ss]tation|[Cc]ustody(?:\s+[Ss]uite)?|[Nn]ick|[Pp]olice\s+[Oo]ffice|HQ|"
    r"[Hh]eadquarters|[Pp]atrol\s+[Bb]ase|[Dd]eployment\s+[Cc]entre|[Ee]nquiry\s+[Oo]ffice)\b"
)
STATION_AT = re.compile(
    r"\b(?:(?:station|nick|custody\s+suite|custody|police\s+office|HQ),|(?:work(?:s|ed|ing)?|based|posted|stationed|transferred|moved)\s+(?:out\s+of|from)"
    r"|(?:based|posted|stationed|transferred|parade|parading)\s+(?:at|in|to)"
    r"|(?:control\s+room|custody|front\s+counter|front\s+desk|station|nick|response\s+team|"
    r"team|shift|office|cells|CID|division|district|sector|section)\s+(?:at|in|out\s+of))"
    rf"\s+(?:the\s+)?(?P<place>{_CAPS})"
)
SCHOOL = re.compile(
    rf"(?P<name>(?:(?:St\.?|Saint)\s+)?{_CAP}(?:\s+(?:(?:of|the|and|&)\s+)?{_CAP}){{0,4}})\s+"
    r"(?:(?:C\s+of\s+E|CE|RC|Catholic|Church|Primary|Junior|Juniors|Infant|Infants|High|"
    r"Grammar|Secondary|Community|Free|Prep|Preparatory|Comprehensive|Nursery)\s+)*"
    r"(?:School|Academy|Primary|College|Grammar|Nursery|Sixth\s+Form|Juniors|Infants|"
    r"Pre-?school|University)\b"
)
_SCHOOL_TAIL = frozenset({"high", "primary", "juniors", "infants", "grammar", "academy",
                          "school", "college", "nursery", "secondary"})
SCHOOL_AT = re.compile(
    r"\b(?:goes|go|went|going|started|starts|attends|attended|attending|pupil|pupils|"
    r"year\s+\w+|teacher|teaches|taught)\s+(?:to|at)\s+"
    rf"(?P<name>{_CAPS})"
)
_COMPANY = (r"(?:Ltd|Limited|LLP|PLC|plc|Solicitors|Accountants|Dental|Surgery|Garage|Motors|"
            r"Hospital|Infirmary|Pharmacy|Vets|Veterinary|Hotel|Salon|Building\s+Society|"
            r"Group|Associates|&\s+Co|Medical\s+Centre|Health\s+Centre|Care\s+Home|"
            r"Nursing\s+Home|Leisure\s+Centre|Garden\s+Centre|Estate\s+Agents|Builders|"
            r"Plumbing|Electrical|Logistics|Haulage|Engineering|Consulting|Partners)")
COMPANY = re.compile(
    rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|&|and)){{0,4}})\s+{_COMPANY}(?![\w])"
)
WORK_AT = re.compile(
    r"\b(?:work(?:s|ed|ing)?|job|jobs|employed|employer|shifts?|manager|mechanic|nurse|"
    r"runs|owns|owned|manages|managed|shop|business|salon|restaurant|bar|pub|cafe|café|"
    r"garage|practice|surgery|takeaway|"
    r"teacher|cleaner|receptionist|volunteers?|volunteering|apprentice|apprenticeship|"
    r"placement|contract|career)\s+(?:at|for|with|in)\s+(?:the\s+)?"
    rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|&)){{0,3}})"
    rf"(?:\s+in\s+(?P<town>{_CAP}(?:\s+{_CAP})?))?"
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


def _drop_trailing_common(text, start, end, keep=()):
    common = _common_words()
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and words[-1].group().casefold().rstrip("'’s") in common \
            and words[-1].group().casefold() not in keep:
        words.pop()
    if not words:
        return None
    return start, start + words[-1].end()


_COLLAR_CONTEXT = re.compile(r"(?i:\b(?:collar|shoulder|epaulette)\s+(?:number|no|num)s?\b)")
_SENTENCE = re.compile(r"[^.!?\n]+")
_BARE_NUMBER = re.compile(r"(?<![\w£$€.,:/-])\d{2,5}(?![\w%£.,:/-]|[.,]\d)")


def _kw(words):
    return re.compile(words)


#: For each context pattern: a cheap regex of the keyword every match contains, and how
#: many characters before and after a keyword a match can reach. The pattern is run only
#: in those windows (far faster than trying it at every position of a long transcript).
_WINDOWS = {
    "STATION": (("station", "custody", "nick", "hq", "headquarters", "police off", "patrol",
                 "deployment", "enquiry"), 80, 30),
    "SCHOOL": (("School", "Academy", "Primary", "College", "Grammar", "Nursery", "Sixth",
                "Juniors", "Infants", "University", "reschool", "re-school"), 100, 20),
    "COMPANY": (_kw(_COMPANY), 100, 25),
    "ADDRESS": (_kw(_STREET), 75, 50),
    "ORIGIN": (_kw(r"from"), 30, 80),
    "AGE_ON": (_kw(r"\d\s+on\s"), 20, 45),
}


#: First words (case-folded) that every match of each context pattern starts with: the
#: pattern is tried only where one of them occurs (see ``_anchored_finditer``).
_ANCHORS = {
    "DOB": ("born", "date", "d.o.b", "dob", "birthday"),
    "STATION_AT": ("work", "based", "posted", "stationed", "transferred", "moved", "parad",
                   "station", "control", "custody", "front", "nick", "response", "team",
                   "shift", "office", "cells", "cid", "division", "district", "sector",
                   "section", "hq"),
    "SCHOOL_AT": ("go", "went", "start", "attend", "pupil", "year", "teach", "taught"),
    "WORK_AT": ("work", "job", "employ", "shift", "manager", "mechanic", "nurse", "teacher",
                "cleaner", "receptionist", "volunteer", "apprentice", "placement",
                "contract", "career", "runs", "owns", "owned", "manage", "shop", "business",
                "salon", "restaurant", "garage", "practice", "surgery", "takeaway", "bar",
                "pub", "cafe", "café"),
    "LIVES": ("live", "living", "moved", "grew", "house", "home", "flat", "address"),
    "KINSHIP": ("my", "our", "his", "her", "their", "your"),
    "NAMED": ("called", "named", "name", "known", "nicknamed", "aka", "a.k.a", "alias",
              "goes", "addressed", "signed"),
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
        if lo < last_hi:  # merge with the previous window
            lo = last_lo
        for m in pattern.finditer(text, lo, hi):
            seen.setdefault((m.start(), m.end()), m)
        last_lo, last_hi = lo, hi
    return [seen[k] for k in sorted(seen)]


def find_context(text, add, names_lookup=None, folded=None):
    """Places, schools, workplaces, dates of birth and people found from context and the
    name gazetteer; ``add`` receives ``(start, end, kind, identity)``."""
    common = _common_words()
    stop = _read_list("stopwords_en.txt")
    given, family = gazetteer()
    for m in [*_win("DOB", text, folded), *_win("AGE_ON", text, folded)]:
        add((m.start("date"), m.end("date"), "date_of_birth",
             re.sub(r"\s+", " ", m.group("date").lower())))
    if _COLLAR_CONTEXT.search(text):  # "my collar number was ..., 5520"
        for sent in _SENTENCE.finditer(text):
            if _COLLAR_CONTEXT.search(sent.group()):
                for m in _BARE_NUMBER.finditer(text, sent.start(), sent.end()):
                    if not 1950 <= int(m.group()) <= 2035:
                        add((m.start(), m.end(), "collar_number", m.group()))
    for m in NHS.finditer(text):
        if nhs_ok(m.group()):
            add((m.start(), m.end(), "nhs_number", re.sub(r"\D", "", m.group())))
    for m in _win("STATION", text, folded):
        span = _trim_caps(text, m.start("place"), m.end())
        if span and text[span[0]:m.end("place")].split()[0].casefold() not in common:
            add((*span, "station", text[span[0]:m.end("place")].lower()))
    for m in _win("STATION_AT", text, folded):
        span = _drop_trailing_common(text, m.start("place"), m.end("place"))
        if span and text[span[0]:span[1]].split()[0].casefold() not in common:
            add((*span, "station", text[span[0]:span[1]].lower()))
    for pat, kind in (("SCHOOL", "school"), ("COMPANY", "workplace")):
        for m in _win(pat, text, folded):
            span = _trim_caps(text, m.start("name"), m.end())
            if span is None:
                continue
            first = text[span[0]:m.end()].split()[0]
            if (first.casefold() in common and first != "Our") or first in ("Police",
                                                                             "Training"):
                continue
            if kind == "school" and re.match(r"(?:College|University)\s+of\s+Policing",
                                              text[m.end() - 10:m.end() + 12]):
                continue
            add((*span, kind, text[span[0]:span[1]].lower()))
    for pat, kind in (("SCHOOL_AT", "school"), ("WORK_AT", "workplace")):
        for m in _win(pat, text, folded):
            end = m.end()
            span = _drop_trailing_common(text, m.start("name"), end,
                                         _SCHOOL_TAIL if kind == "school" else ())
            if span is None or text[span[0]:span[1]].split()[0].casefold() in common:
                continue
            add((*span, kind, text[span[0]:span[1]].lower()))
    for m in _win("ADDRESS", text, folded):
        street = text[m.start("street"):m.end("street")]
        words = street.split()
        if words[0].casefold() in common and not text[m.start():m.start("street")].strip():
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
                r"(?:Crown|Magistrates['’]?|County|High|Youth|Family|Supreme|Coroner['’]?s)",
                words[-1]):
            continue
        add((s, e, "address", text[s:e].lower()))
    lives = [*_win("LIVES", text, folded), *_win("ORIGIN", text, folded)]
    if "," in text:
        lives += AGE_OF.finditer(text)
    for m in lives:
        span = _drop_trailing_common(text, m.start("place"), m.end("place"))
        if span and text[span[0]:span[1]].split()[0].casefold() not in common:
            add((*span, "address", text[span[0]:span[1]].lower()))
    # people -------------------------------------------------------------------------
    people = []
    for pat in ("KINSHIP", "NAMED"):
        for m in _win(pat, text, folded):
            toks = list(re.finditer(r"\S+", m.group("name")))
            base = m.start("name")
            while toks and (toks[-1].group().casefold() in common
                            or toks[-1].group() in NOT_SURNAMES):
                toks.pop()
            if not toks:
                continue
            first = toks[0].group()
            if first.casefold() in common or first in NOT_GIVEN:
                continue
            if first in ("May", "June", "April", "August") and len(toks) == 1:
                continue
            people.append((base, base + toks[-1].end(), [t.group() for t in toks]))
    for m in QUOTED.finditer(text):
        toks = m.group("name").split()
        pre = text[max(0, m.start() - 40):m.start()].casefold()
        post = text[m.end():m.end() + 50].casefold()
        if re.match(r"[^.!?]*\b(?:nickname|what\s+(?:they|we|he|she|you|people|the\s+\w+)\s+"
                    r"call(?:ed|s)?)\b", post):
            pre += " called"
        if toks[0] in given or re.search(r"\b(?:call(?:s|ed)?|known|nickname[d]?|aka|"
                                         r"alias|addressed|name|named|signed)\b[^.]*$", pre):
            if not all(t.casefold() in stop for t in toks):
                people.append((m.start("name"), m.end("name"), toks))
    for m in _NAME_TOKEN.finditer(text):
        w = m.group()
        if w not in given and w.split("-")[0] not in given:
            continue
        s, e = m.start(), m.end()
        nxt = _WORD_AFTER.match(text, e)
        surname = None
        if nxt and nxt.group(1) not in NOT_SURNAMES and nxt.group(1).casefold() not in common \
                and nxt.group(1) not in NOT_GIVEN and (nxt.group(1) not in AMBIGUOUS_GIVEN
                                                       or nxt.group(1) in family):
            surname = nxt
        if w in AMBIGUOUS_GIVEN:
            month = w in ("May", "June", "April", "August")
            said = re.match(r"\s+(?:said|says|told|asked|rang|phoned|called|texted|"
                            r"messaged|emailed|replied|wrote|came|went|reckoned|thought)\b",
                            text[e:e + 12])
            if surname is None and (month or (_sentence_start(text, s) and not said)):
                continue
            if surname is None and re.search(r"(?i:\b(?:the|a|an|operation|of\s+the))\s+$",
                                             text[max(0, s - 15):s]):
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
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text)
                                                          or not text[j].isalnum()):
                add((i, j, "person", name.lower().replace("’", "'")))
            i = text.find(name, j)
