"""Low-confidence candidates of the review sheet: what a person should look at before a
redacted text is released, though no rule was sure enough to redact it.

The rules of :mod:`toolkit.qual._identifiers` redact what their context makes clear. On
text they were not written from, they miss mostly identifiers said in a way no rule
foresaw: a code after an unusual trigger, digits spoken in an unusual rhythm, a birthday
without the year, a page named in ordinary words, a team, initials. The candidates here
are the *shapes* of such identifiers, taken without context, so that the reviewer sees
them (:func:`toolkit.qual.redact.review_sheet`): they cost a reviewer a look each, and are
kept few by leaving out ordinary words, known acronyms, years, times and road numbers.

A candidate may overlap a replacement when it extends it ("MPS 219TX" when only "MPS" was
replaced, "Kent Specials" when only "Kent" was): accepted, it replaces the whole phrase.
So do the shapes that join what is shown into the identifier a speaker said: a workplace
with its place ("at BAE in Samlesbury"), names joined ("Gethin ap Rhys", "Meadowbank care
home"), a surname with its initial ("Reid, A."), an address read out with the words before
"at", a name shown once and said again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.qual import _id_lower as _lower
from toolkit.qual import _id_spoken as _spoken
from toolkit.qual import _id_windows as _win
from toolkit.qual import _identifiers as _ids

#: Capitalised phrases (up to four words, with "of the"-style joiners), numbers of four
#: digits or more, @handles.
_CAP_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:['’]s|(?<=s)['’](?=\s+[A-Z]))?"
CAPITALISED = re.compile(
    rf"(?<![\w'’])(?:{_CAP_WORD}"
    rf"(?:\s+(?:(?:of|the|and|on|upon|under)\s+)?{_CAP_WORD}){{0,3}}"
    r"|\d{4,}|@\w+)(?![\w'’-])"
)
#: Capitalised words that are no candidate alone (platforms, festivals, policing words,
#: words that start a spoken sentence).
SAFE_WORDS = frozenset(
    """I Interviewer Respondent Facebook Twitter Instagram TikTok Snapchat WhatsApp LinkedIn
    YouTube Telegram Reddit Google Teams Zoom Christmas Easter English British Welsh Scottish
    Irish Police Constable Sergeant Inspector Federation Chief Superintendent Professional
    Standards College Policing Crown Court Home Office NHS GP HR CID PSD Gold Silver Bronze
    OK Okay Yeah Yes No Well So And But Then Honestly Actually Obviously""".split()
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_win._ORDINAL_WORD}))"
#: A day and month without the year ("the 12th of December", "March the third", "21st of
#: the 4th", "08.05"): a birthday is often said so; an incident date too, hence a candidate.
DAY_MONTH = re.compile(
    rf"(?<![\w./-])(?:(?:the\s+)?{_DAY}(?:\s+of)?\s+{_win.MONTH}(?![\w])"
    rf"|{_win.MONTH}\s+(?:the\s+)?{_DAY}(?![\w])"
    rf"|(?:the\s+)?{_DAY}\s+of\s+the\s+\d{{1,2}}(?:st|nd|rd|th)(?![\w])"
    r"|(?<!\bat\s)(?!24/7)\d{1,2}[./]\d{1,2}(?![\w./-]))"
)
#: A code: a token mixing letters and digits ("D517", "42LX", "2k24"), or capitals before a
#: number ("E 449", "DY 22871", "WMP/17/04482"), with further groups of capitals or digits.
_GROUP = r"(?:[A-Z]{1,4}|[A-Za-z]*\d[A-Za-z\d]*)"
CODE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?:[A-Z]{1,4}[ /-])?(?=[A-Za-z\d]*\d)(?=[A-Za-z\d]*[A-Za-z])[A-Za-z\d]{2,}"
    r"|[A-Z]{1,4}[ /-]\d{2,}"
    rf")(?:[ /-]{_GROUP}(?![\w]))*(?![\w/-])"
)
#: Codes that name no one: ordinals, plurals of numbers, times, measures, tax forms,
#: roads after "the", network generations, "24/7".
_NOT_CODE = re.compile(
    r"(?i)\d+(?:st|nd|rd|th|s|am|pm|k|mph|ft|km|kg|mb|gb|x\d+|g)"
    r"|P\d{2}|[345]G|\d[Dd]|MP[34]|covid-?19|Y2K|24/7|9/11|A&E|\d{1,2}/\d{1,2}|V5C?|AC-12"
)
_ROAD = re.compile(r"(?i)\bthe\s+$")
#: Digits and a hyphen before more digits or capitals ("55-01923", "5119-WM"): a number
#: with a prefix or a force's suffix; not a year's range ("2019-2020", "1990-95").
HYPHEN_CODE = re.compile(r"(?<![\w/.-])(?!(?:19|20)\d\d-)\d{2,}-(?:\d{4,}|[A-Z]{1,3})(?![\w/-])")
#: A lower-case postcode or outward code ("ne23", "sk4 2ab"): written postcodes in capitals
#: are codes already.
LOWER_POSTCODE = re.compile(r"(?<![\w-])[a-z]{1,2}\d{1,2}[a-z]?(?:\s+\d[a-z]{2})?(?![\w-])")
#: Two to four capitals: initials ("AK, JT and MB"), an employer ("JCB"), a unit.
ACRONYM = re.compile(r"(?<![\w'’&])[A-Z]{2,4}(?![\w'’&])")
#: A named team or unit with a letter or number after it ("Response Team C", "Vetting
#: Unit").
UNIT = re.compile(
    r"(?<![\w'’])(?:[A-Z][a-z]+\s+){1,3}(?:Team|Unit|Centre|Hub|Squad|Bureau|Desk|Department"
    r"|Section|Safeguarding|Command|Suite)(?:\s+[A-Z\d](?![\w'’]))?(?![\w'’])"
)
#: A short quoted name near words about accounts, pages and chats.
QUOTED = re.compile(r"[\"“]['‘]?([^\"”'‘’\n][^\"”\n]{0,38}[^\"”'‘’\n])['’]?[\"”]")
_ACCOUNT_WORDS = re.compile(
    r"(?i)page|group|chat|account|profile|channel|facebook|instagram|twitter|tiktok|snapchat"
    r"|whatsapp|telegram|called|handle|username|tagged|display\s+name"
)
#: Cues of a quoted name: the account words, and the words a group's members and
#: nicknames are listed by.
_QUOTE_CUES = re.compile(rf"{_ACCOUNT_WORDS.pattern}|admin|nickname|alias|known\s+as")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n|^\w{1,12}:\s*|[.!?]\s+\w{1,12}:\s*)$")
_AT_WORK = re.compile(r"(?i)\b(?:at|for|with)\s+(?:the\s+)?$")
#: Connectors inside a spelled-out handle or address ("at, T, O, N, Y, underscore, ...").
_SPELL_JOIN = r"(?i:underscore|dot|dash|hyphen|slash|at)"
#: Letters said as words that are words too ("oh are bee", "see em two", "aitch are eight"),
#: and digits read one by one ("2, 2, 2, oh, one, five"): inside a run of spoken tokens
#: only, never counted among its three.
_HEARD_WORD = r"(?i:are|see|why|you|eye|queue|cue)(?![\w'’])"
_HEARD = rf"(?:{_HEARD_WORD}|\d(?![\w'’]|[.,:]\d))"
SPOKEN = re.compile(
    rf"(?<![\w'’-])(?:(?i:at)(?:\s*,\s*|\s+))?(?:{_spoken._TOKEN}|{_HEARD})"
    rf"(?:{_spoken._SEP}(?:{_spoken._TOKEN}|{_HEARD}|{_SPELL_JOIN}(?={_spoken._SEP})))+"
)
_TRAILING_HEARD = re.compile(rf"{_spoken._SEP}{_HEARD_WORD}$")
#: A heard word starting a run stays only before a letter ("see em two" is C M 2).
_LEADING_HEARD = re.compile(
    rf"{_HEARD_WORD}{_spoken._SEP}(?!(?i:{_spoken._alt(_spoken._LETTER_NAMES)}|{_HEARD_WORD})(?![\w'’]))"
)
_TRAILING_JOIN = re.compile(rf"{_spoken._SEP}{_SPELL_JOIN}$")
_LETTER_PAIR = re.compile(r"(?i)(?<![\w'’-])[a-z]{1,2}(?:\s*,\s*|\s+)$")
_LETTER_AFTER = re.compile(r"(?i)(?:\s*,\s*|\s+)[a-z](?![\w'’-])")


#: A house number and a street ("14 Cregagh Park East", "11 hawthorn rd", "Flat 2/1, 36
#: Dumbarton Road"): one to three words before a street word, none of them a function word
#: or a unit counted ("20 minutes down the road", "3 times round the park").
_STREET = (
    r"(?:road|rd|street|st|lane|ln|drive|avenue|ave|close|crescent|cres|grove|gardens|gdns|terrace"
    r"|place|way|court|park|row|view|walk|green|square|sq|mews|rise|parade|wharf|bank|hill|circus)"
)
ADDRESS = re.compile(
    rf"(?i)(?<![\w/.,-])(?:flat\s+\d+[a-z]?(?:/\d+)?,?\s+)?\d{{1,4}}[a-z]?\s+"
    rf"(?:[a-z][a-z'’-]+\s+){{1,3}}{_STREET}\.?(?:\s+(?:east|west|north|south))?(?![\w'’-])"
)
_NOT_STREET_WORD = frozenset(
    """the a an my his her our their your its this that of on in at to from for by up down round
    over near off past and or but with minutes minute mins hours hour days day weeks week months
    month years year miles mile yards metres times seconds doors houses streets roads cars
    people lads officers more less other big small new old few odd""".split()
)


def _address(m):
    middle = re.findall(r"[A-Za-z][A-Za-z'’-]+", m.group())
    return not any(w.casefold() in _NOT_STREET_WORD for w in middle[:-1] if w.casefold() != "flat")


#: A web address the rules did not take: defanged ("hxxps://...", "example[.]com") or a
#: bare domain ("192.com", "dox-the-blues.co.uk").
_DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))"
URL = re.compile(
    rf"(?i)(?<![\w@./-])(?:(?:hxxps?|hxxp|h\*\*ps?|https?)(?:\[:\]|:)//[^\s\"”,)]+"
    rf"|[a-z\d][\w-]*(?:{_DOT}[\w-]+)*{_DOT}(?-i:com|net|org|uk|io|gg|me|info|onion|tv|ly)"
    rf"(?:/[^\s\"”,)]*)?)(?![\w@-])"
)


#: Single letters and digits written apart ("H 0 3 3 9 1", "N E 6 2 T L"): five or more,
#: two of them digits at least.
SPACED = re.compile(r"(?<![\w'’.-])[A-Za-z\d](?:,?\s[A-Za-z\d]){4,}(?![\w'’-])")


@lru_cache(maxsize=1)
def _lexicon():
    return _ids._common_words(), _ids.gazetteer(), _ids.allowed_proper_nouns()


def _uncovered(text, s, e, covered):
    """Characters ``s:e`` of ``text`` with those inside ``covered`` spans blanked."""
    return "".join(" " if any(cs <= i < ce for cs, ce in covered) else text[i] for i in range(s, e))


def _touches(covered, s, e):
    """``True`` when ``s:e`` overlaps a span of ``covered``."""
    return any(cs < e and s < ce for cs, ce in covered)


def _all_covered(text, s, e, covered):
    """``True`` when every letter and digit of ``text[s:e]`` is inside a ``covered`` span."""
    return all(any(cs <= i < ce for cs, ce in covered) for i in range(s, e) if text[i].isalnum())


def _free(covered, s, e, text):
    """``True`` when characters ``s:e`` add to what ``covered`` already holds a word that
    is not a function word, or a digit ("the" before a replaced date adds nothing)."""
    rest = _uncovered(text, s, e, covered)
    common = _lexicon()[0]
    return any(
        any(c.isdigit() for c in w) or w.casefold() not in common or (w.isupper() and w not in ("A", "I"))
        for w in re.findall(r"\w+", rest)
    )


def _of_account_or_employer(text, s, e):
    """An account word near ``s:e`` ("... on Facebook") or "at", "for", "with" just before
    it ("works at Durham County Council")."""
    return bool(_ACCOUNT_WORDS.search(text, max(0, s - 80), e + 40) or _AT_WORK.search(text, max(0, s - 12), s))


_JOINERS = frozenset({"of", "the", "and", "on", "upon", "under"})
#: What ends a force's name ("Leics Police"): kept on a phrase.
_FORCE_TAIL = frozenset({"Police", "Constabulary"})


def _kept_tail(words):
    """A force's or a public employer's last word, kept on the phrase ("Leics Police",
    "Bristol Magistrates' Court")."""
    return (words[-1] in _FORCE_TAIL and words[-2] not in _JOINERS) or _is_employer(" ".join(words))


def _trimmed(text, m):
    """The phrase of match ``m`` without an ordinary word that starts a sentence before it
    ("Someone on Norfolk Mums Chat") or a platform and joiners after it ("... on
    Facebook", "... on Saturdays"): ``(start, end)``."""
    words = [(w.start(), w.end(), _stem(w.group())) for w in re.finditer(r"\S+", m.group())]
    base = m.start()
    while len(words) > 1 and (
        words[0][2] in _JOINERS
        or (
            _ids.is_ordinary(words[0][2])
            and _SENTENCE_START.search(text, max(0, base + words[0][0] - 16), base + words[0][0])
        )
    ):
        words.pop(0)
    while len(words) > 1 and (
        words[-1][2] in _JOINERS
        or (words[-1][2] in SAFE_WORDS and not _kept_tail([w[2] for w in words]))
        or (words[-1][2].removesuffix("s") in _ids.CALENDAR and words[-2][2] in _JOINERS)
    ):
        words.pop()  # "... on Facebook", "Boots on Saturdays"
    if words[0][2] in _JOINERS:
        return m.start(), m.start()
    return base + words[0][0], base + words[-1][1]


#: A public employer named in ordinary words ("East of England Ambulance Service", "South
#: Coast Fire and Rescue Service", "Mid Valley Health Board", "North Vale District Council").
_EMPLOYER = re.compile(
    r"\b(?:(?:Ambulance|Fire|Rescue|Prison|Probation|Health|Coastguard|Care)\s+(?:Service|Services|Trust|Board)"
    r"|(?:County|Borough|City|District|Town|Parish)\s+Council|Magistrates['’]?\s+Court)$"
)
#: The words of _EMPLOYER: a phrase of these alone names no one ("the Health Board", "Fire
#: and Rescue Service cuts").
_EMPLOYER_WORDS = frozenset(
    "Ambulance Fire Rescue Prison Probation Health Coastguard Care Service Services Trust Board "
    "County Borough City District Town Parish Council Magistrates Magistrates' Magistrates’ Court "
    "and of the".split()
)


def _is_employer(phrase):
    """``phrase`` ends in a public employer's words and has a name of its own before them."""
    return _EMPLOYER.search(phrase) is not None and any(w not in _EMPLOYER_WORDS for w in phrase.split())


_HOLIDAY = re.compile(r"['’]s\s+Day\b")


def _stem(word):
    """``word`` without a possessive "'s" or "'" ("Leonard's" is looked up as "Leonard",
    "Magistrates'" as "Magistrates")."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def _named_shapes(text, covered, out):
    """Capitalised phrases that are not ordinary words; a phrase extending a replacement."""
    common, (given, family), allowed = _lexicon()
    for m in CAPITALISED.finditer(text):
        s, e = _trimmed(text, m)
        if s >= e:
            continue
        if _HOLIDAY.search(text, s, e):
            continue  # "Mother's Day", "St George's Day"
        words = [_stem(w) for w in text[s:e].split()]
        overlaps = _touches(covered, s, e)
        if overlaps:
            # a phrase extending a replacement: with a word that is not ordinary, or said
            # of an account or an employer ("Kent Specials" on Facebook, "works at Durham
            # County Council"); "Later Jones" at a sentence's start is no extension
            employer = _is_employer(text[s:e])
            if len(words) >= 2 and words[0] not in ("Operation", "Op") and (employer or _free(covered, s, e, text)):
                new = re.findall(r"[A-Z][a-z]+", _uncovered(text, s, e, covered))
                if new and (
                    any(not _ids.is_ordinary(w) for w in new)
                    or _of_account_or_employer(text, s, e)
                    or (set(new) <= _FORCE_TAIL and words[-1] in _FORCE_TAIL)
                    or employer
                ):
                    out.append((s, e, "place_or_org"))
                    covered.append((s, e))
            continue
        if text[s].isdigit():
            if not (e - s == 4 and 1950 <= int(text[s:e]) <= 2035):
                out.append((s, e, "number"))
                covered.append((s, e))
            continue
        if text[s] == "@":
            out.append((s, e, "handle"))
            covered.append((s, e))
            continue
        if all(
            w.casefold() in common or w in SAFE_WORDS or w in _ids.NOT_GIVEN or w in _ids.AMBIGUOUS_GIVEN for w in words
        ):
            continue
        # the lexicon test: ordinary English words and allowed proper nouns are no
        # candidates alone; a phrase of them is, unless it is an operation's name
        if len(words) == 1:
            w = words[0]
            if w in allowed or (
                _ids.is_ordinary(w)
                and (w not in given and w not in family or _SENTENCE_START.search(text, max(0, s - 16), s))
            ):
                continue  # "God", "Fed", "Xbox", "Polish", "Said he..."; "Billericay" stays a candidate
        elif words[0] in ("Operation", "Op"):
            continue
        elif (
            all(_ids.is_ordinary(w) for w in words)
            and (words[-1] in _ids.UNIT_WORDS or any(w in allowed for w in words))
            and not _of_account_or_employer(text, s, e)
            and not _is_employer(text[s:e])
        ):
            continue  # "Criminal Justice Department", "Black Qashqai"; a page "Kent Specials" stays
        kind = "person" if (words[0] in given or words[-1] in family) else "place_or_org"
        out.append((s, e, kind))
        covered.append((s, e))


def _add(pattern, kind, text, covered, out, keep=lambda m: True, group=0):
    for m in pattern.finditer(text):
        s, e = m.start(group), m.end(group)
        if keep(m) and _free(covered, s, e, text):
            out.append((s, e, kind))
            covered.append((s, e))


def _after_the(m):
    """``m`` follows "the" ("the M6", "the a38"): a road."""
    return _ROAD.search(m.string, max(0, m.start() - 5), m.start()) is not None


def _code(m):
    g = m.group()
    if _NOT_CODE.fullmatch(g) or m.string.startswith(":", m.end()):
        return False  # "P2:" is a speaker's label
    head, rest = (re.split(r"[ /-]", g, maxsplit=1) + [""])[:2]
    if head in _ids.KNOWN_ACRONYMS and rest.isdigit() and len(rest) < 4:
        return False  # "DOB 30", "NHS 111"
    return not (re.fullmatch(r"[AM]\d{1,4}", g) and _after_the(m))


def _spoken_run(text, covered, out):
    """Runs of three or more spoken digits and letters (with "underscore", "dot" between),
    and a letter pair before or a letter after ("hk five seven nine oh two six c")."""
    for m in SPOKEN.finditer(text):
        run, s = m.group(), m.start()
        while (tail := _TRAILING_JOIN.search(run) or _TRAILING_HEARD.search(run)) is not None:
            run = run[: tail.start()]
        while (lead := _LEADING_HEARD.match(run)) is not None:
            run, s = run[lead.end() :], s + lead.end()
        if len(_spoken._TOKEN_RE.findall(run)) < 3:
            continue
        e = s + len(run)
        common = _lexicon()[0]
        before = _LETTER_PAIR.search(text, max(0, s - 5), s)
        if before and before.group().strip(" ,").casefold() not in common:
            s = before.start()
        after = _LETTER_AFTER.match(text, e)
        if after and after.group().strip(" ,").casefold() not in ("a", "i"):
            e = after.end()
        if _free(covered, s, e, text) or re.search(_HEARD_WORD, _uncovered(text, s, e, covered)):
            out.append((s, e, "number"))
            covered.append((s, e))


def _acronym(m):
    g = m.group()
    common = _lexicon()[0]
    return (
        g not in _ids.KNOWN_ACRONYMS and g.casefold() not in common and not (len(g) > 2 and _ids.is_ordinary(g.lower()))
    )


def _quoted_names(text, covered, out):
    """Short quoted names near an account word; one that extends a replacement with any
    word ("Big Dunc" when "Dunc" was replaced, "Sgt. N. Rahman" when "N. Rahman" was) is
    the whole name the reviewer should see."""
    for m in QUOTED.finditer(text):
        s, e = m.start(1), m.end(1)
        if not _quoted(m):
            continue
        rest = _uncovered(text, s, e, covered)
        if not any(c.isalnum() for c in rest):
            continue
        if rest == text[s:e] and not _free(covered, s, e, text):
            continue
        out.append((s, e, "handle"))
        covered.append((s, e))


def _quoted(m):
    inner = m.group(1)
    words = inner.split()
    return (
        len(words) <= 5
        and not re.search(r"[,!?'’]", inner)
        and (len(words) == 1 or all(w[:1].isupper() for w in words) or re.search(r"[\d_@]", inner) is not None)
        and re.search(r"[A-Z\d_@]", inner) is not None
        and _QUOTE_CUES.search(m.string, max(0, m.start() - 100), m.end() + 60) is not None
    )


@lru_cache(maxsize=1)
def _at_brand():
    """A national chain said after "at", "for" or "with" ("a lad at Barclays", "she's on
    the tills at Aldi"): a workplace as often as a shop (the brands' section of
    ``proper_nouns_allowed.txt``, which the rules keep as things)."""
    brands = [
        re.escape(w)
        for section, words in _ids.allowed_sections().items()
        if "chains and brands" in section
        for w in words
    ]
    return re.compile(rf"(?<![\w'’])(?:at|for|with)\s+(?:the\s+)?(?P<n>(?:{'|'.join(brands)})(?:['’]?s)?)(?![\w'’])")


def _worked_at(m):
    """A person or a job in the clause before the brand ("my cousin at Lidl", "works
    for Amazon"); shopping at it is no workplace ("did a shop at Tesco")."""
    before = m.string[max(0, m.start() - 60) : m.start()]
    clause = re.split(r"[.;!?]", before)[-1]
    return _PERSON_OR_JOB.search(clause) is not None and not _SHOPPING.search(
        m.string, max(0, m.start() - 25), m.start()
    )


_PERSON_OR_JOB = re.compile(
    r"(?i)\b(?:lad|lass|mate|bloke|guy|girl|someone|somebody|friend|cousin|wife|husband|partner|son|daughter"
    r"|brother|sister|mum|mam|dad|uncle|auntie|aunt|nephew|niece|neighbour|works?|worked|working|job|shifts?"
    r"|tills?|manager|managers|staff|employed|part-time|full-time|stacking|warehouse)\b"
)
_SHOPPING = re.compile(r"(?i)\b(?:shop|shopping|bought|buy|buying|queue|queuing|parked|car park|outside)\b[^.]*$")


#: What joins a workplace to its place ("the Co-op pharmacy on Bristol Road", "the Spar
#: shop in Carnlough", "Asda depot at Lutterworth"): a venue noun, then "in", "on" or
#: "at" ("PC Harris at Chelmsford" is two identifiers, each shown already).
_BRIDGE = re.compile(
    r"\s+(?:pharmacy|store|shop|branch|depot|office|offices|surgery|warehouse|factory|garage|salon"
    r"|clinic|practice|nursery|centre|site|yard|plant|bar|pub|restaurant|cafe|hotel)\s+"
    r"(?:in|on|at)\s+(?:the\s+)?"
)


def _bridged(text, covered, out):
    """Two spans shown (replaced or candidates) joined as a workplace and its place: the
    whole phrase, so that accepting it replaces the words between too."""
    spans = sorted(set(covered))
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 <= e1 or not text[s1].isupper() or not text[s2].isupper():
            continue
        if _BRIDGE.fullmatch(text, e1, s2):
            out.append((s1, e2, "workplace"))


#: A workplace said with its place ("my day job's at BAE in Samlesbury", "she's at JLR in
#: Gaydon", "They rang my old work. Sainsbury's in Bletchley."): an employer, " in " or
#: " at " and a place, both shown, or a chain before a place shown, after a word of work.
_IN_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
_WORK_CUE = re.compile(
    r"(?i)\b(?:work|works|worked|working|job|job['’]s|jobs|counter|shifts?|employed|employer|staff|manager"
    r"|part-time|full-time|nursery|school|college)\b"
)


@lru_cache(maxsize=1)
def _chain_before():
    """A national chain, or a name in camel case ("PureGym"), before " in " and a place."""
    brands = [
        re.escape(w)
        for section, words in _ids.allowed_sections().items()
        if "chains and brands" in section
        for w in words
    ]
    return re.compile(
        rf"(?<![\w'’])(?P<n>(?:{'|'.join(brands)})(?:['’]?s)?|[A-Z][a-z]+[A-Z][a-z]+)(?=\s+(?:in|at)\s+(?:the\s+)?[A-Z])"
        r"\s+(?:in|at)\s+(?:the\s+)?"
    )


_RANK_OR_TITLE = frozenset(r.split()[0] for r in _ids.RANKS) | {"Mr", "Mrs", "Ms", "Miss", "Dr"}


def _workplace_in(text, covered, out):
    """An employer and its place joined by "in" or "at" after a word of work or a person
    ("my husband is at JLR in Gaydon"): the whole phrase, so that accepting it replaces
    the employer, the place and the words between; a capital "The" before it is the
    name's ("The Crow's Nest in Enniskillen"). It takes the place of a candidate it
    extends."""
    spans = sorted(set(covered))
    starts = {s: e for s, e in spans}
    for b in _chain_before().finditer(text):
        if b.end() in starts and _WORK_CUE.search(text, max(0, b.start() - 80), b.start()):
            if not _touches(covered, b.start(), b.end("n")):
                spans.append((b.start(), b.end("n")))
    spans.sort()
    for s1, e1 in spans:
        m = _IN_PLACE.match(text, e1)
        if not m or m.end() not in starts or not text[s1].isupper():
            continue
        e2 = starts[m.end()]
        if text[s1:e1].split()[0].rstrip(".") in _RANK_OR_TITLE:
            continue
        clause = re.split(r"[.;!?]", text[max(0, s1 - 60) : s1])[-1]
        if not (_WORK_CUE.search(text, max(0, s1 - 80), s1) or _PERSON_OR_JOB.search(clause)):
            continue
        if text.endswith("The ", 0, s1):
            s1 -= 4
        for c in [c for c in out if c[0] in (s1, s1 + 4) and c[1] == e1]:
            out.remove(c)
        out.append((s1, e2, "workplace"))


#: A surname with an initial after it, as a list or a spreadsheet row gives it ("Reid, A.",
#: "Okafor, T.", "PRIESTLEY R |").
SURNAME_INITIAL = re.compile(
    r"(?<![\w'’.-])(?:(?P<s>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s(?P<i>[A-Z])\."
    r"|(?P<S>[A-Z]{3,}(?:-[A-Z]{2,})?)\s(?P<I>[A-Z])(?=\s*[|,;\t]|\s*$))(?![\w'’])"
)


def _surname_initial(text, covered, out):
    """A surname (not an ordinary word, or a name replaced) and an initial after it: the
    whole, which the rules leave without its initial."""
    _common, (_given, family), _allowed = _lexicon()
    for m in SURNAME_INITIAL.finditer(text):
        name = m.group("s") or m.group("S")
        ns, ne = m.span("s") if m.group("s") else m.span("S")
        replaced = any(cs <= ns and ne <= ce for cs, ce in covered)
        word = name if m.group("s") else name.capitalize()
        if not (replaced or word in family or not _ids.is_ordinary(word)):
            continue
        s, e = m.start(), m.end()
        if _all_covered(text, s, e, covered):
            continue
        out.append((s, e, "person"))
        covered.append((s, e))


#: A day of the month alone ("see you on the 23rd Louise", "The twenty-first —"), where
#: a birthday is spoken of: the day is the birthday's. Not "first", "second", "third" in
#: words, and not before a lower-case word ("the 3rd floor", "the fifth time").
DAY_ALONE = re.compile(
    r"(?<![\w'’-])(?:[12]?\d|3[01])(?:st|nd|rd|th)(?![\w'’-])"
    r"|(?i:(?:twenty|thirty)[- ](?:first|second|third)|(?:(?:twenty|thirty)[- ]?)?(?:fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth)(?![\w'’-])"
)
_NOT_DAY_AFTER = re.compile(r"\s+(?:of\b|[a-z])")
_BIRTHDAY = re.compile(r"(?i)\b(?:birthday|b['’]?day|born|dob|d\.o\.b|date\s+of\s+birth)\b")


def _day_alone(text, covered, out):
    """A day alone after "the" or "on" near a birthday's words."""
    if not _BIRTHDAY.search(text):
        return
    for m in DAY_ALONE.finditer(text):
        s, e = m.span()
        if not re.search(r"(?i)\b(?:the|on)\s+$", text[max(0, s - 5) : s]) or _NOT_DAY_AFTER.match(text, e):
            continue
        if not _BIRTHDAY.search(text, max(0, s - 200), e + 200) or _touches(covered, s, e):
            continue
        out.append((s, e, "date"))
        covered.append((s, e))


#: A name said, then corrected ("on the Roads Policing and Firearms... no, sorry, Joint
#: Operations Unit", "at Hartcliffe, sorry, I mean Southmead"): the first name is as much
#: the speaker's as the second.
_CORRECTED = re.compile(
    r"\s*(?:\.{2,3}|…|,|\s[—–-])?\s*(?i:no,?\s+sorry|sorry,?\s+(?:no|I\s+mean)|I\s+mean|no,?\s+wait|or\s+rather)"
    r"[,.]?\s+(?:the\s+)?(?=[A-Z])"
)


def _corrected(text, covered, out):
    """A capitalised phrase before a correction to a name shown: the phrase, unless it is
    one ordinary word ("Right, sorry, I mean Tom")."""
    for m in CAPITALISED.finditer(text):
        c = _CORRECTED.match(text, m.end())
        if not c or not any(cs == c.end() for cs, _ce in covered):
            continue
        s, e = _trimmed(text, m)
        words = text[s:e].split()
        if s >= e or (len(words) == 1 and _ids.is_ordinary(_stem(words[0]))) or words[0] in SAFE_WORDS:
            continue
        if any(cs <= s and e <= ce for cs, ce in covered):
            continue
        out.append((s, e, "place_or_org"))
        covered.append((s, e))


#: What joins two shown names into one ("Gethin ap Rhys", "Bishop of Hereford's
#: Bluecoat"): a name's particle, "of".
_JOIN = re.compile(r"\s+(?:(?P<p>ap|ab|van|von|de|da|di|bin|ibn)|of|of\s+the)\s+")
#: "&" and capitalised words after a name shown ("Hughes Plumbing & Heating").
_AND_MORE = re.compile(r"\s*&\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w'’])")
#: A venue said in lower case after a name shown ("Meadowbank care home", "Durham jail").
_VENUE_AFTER = re.compile(
    r"\s+(?:care\s+home|nursing\s+home|jail|prison|nick|custody(?:\s+suite)?|barracks|depot|nursery"
    r"|primary|infants|juniors|academy|leisure\s+centre|sorting\s+office|delivery\s+office)(?![\w'’-])"
)


def _joined(text, covered, out):
    """Two names shown, joined by a particle, or by "of" after one word ("DI Fox of
    Lincolnshire" is two identifiers, each shown), "&" and words after a name shown, or a
    venue in lower case after it: the whole, as one name."""
    spans = sorted(set(covered))
    starts = {s: e for s, e in spans}

    def free(s, e):
        return not _touches(covered, s, e)

    for s1, e1 in spans:
        if not text[s1].isupper():
            continue
        first = text[s1:e1].split()[0].rstrip(".")
        m = _JOIN.match(text, e1)
        if m and m.end() in starts and text[m.end()].isupper():
            if m.group("p") or (first not in _RANK_OR_TITLE and len(text[s1:e1].split()) == 1):
                out.append((s1, starts[m.end()], "place_or_org"))
            continue
        a = _AND_MORE.match(text, e1)
        if a and free(a.start(), a.end()):
            out.append((s1, a.end(), "workplace"))
            continue
        v = _VENUE_AFTER.match(text, e1)
        if v and free(v.start(), v.end()):
            out.append((s1, v.end(), "workplace"))


#: An address or a handle read out ("example dot net", "jones underscore cardiff") and
#: what the speaker said before it: "at" and spelled letters ("at P C jones underscore
#: cardiff"), or the words of the name before "at", from a quote or a comma ("parents
#: against police at example dot net").
_READ_OUT = re.compile(r"(?i)\s(?:underscore|dot)\s")
_AT_LETTERS = re.compile(r"(?<![\w'’])(?i:at)\s+(?:[A-Za-z]\s+){0,4}$")
_WORDS_AT = re.compile(
    r"(?:(?:[\n\"“,:(]|(?<!\w)['‘])\s*)(?!(?:so|and|but|or|then|like|it|its|i|me|my|to|the|a|an|er|um)\s)(?P<w>(?:[a-z\d]+\s+){0,3}[a-z\d]+\s+at\s+)$"
)
_WORDS_BEFORE = re.compile(
    r"(?:(?:[\n\"“,:(]|(?<!\w)['‘])\s*)(?!(?:so|and|but|or|then|like|it|its|i|me|my|to|the|a|an|er|um)\s)(?P<w>(?:[a-z\d]+\s+){1,3})$"
)
_DOMAIN_END = re.compile(r"(?i)\sdot\s+(?:com|net|org|co\s+dot\s+uk|uk|io)$")


def _read_out(text, covered, out):
    """The whole of an address or a handle read out, with "at" and what comes before it."""
    for s, e in sorted(set(covered)):
        shown = text[s:e]
        if not _READ_OUT.search(f" {shown} "):
            continue
        before = ("\n" if s <= 60 else "") + text[max(0, s - 60) : s]
        words = _WORDS_BEFORE if re.search(r"(?i)\sat\s", shown) else _WORDS_AT
        w = words.search(before) if _DOMAIN_END.search(shown) else None
        a = _AT_LETTERS.search(before)
        if w:
            start = s - len(before) + w.start("w")
        elif a and (len(a.group().split()) > 1 or "underscore" in shown.casefold()):
            start = s - len(before) + a.start()
        else:
            continue
        out.append((start, e, "handle"))


#: A name spelled with hyphens ("S-M-Y-T-H", "K-O-W-A-L"): four letters or more.
HYPHEN_SPELLED = re.compile(r"(?<![\w'’-])[A-Z](?:-[A-Z]){3,}(?![\w'’-])")
#: A place named with particles between hyphens ("Tal-y-bont", "Ross-on-Wye",
#: "Chapel-en-le-Frith"); not a relation "in law".
HYPHEN_PLACE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-(?!in-law)[a-z]{1,3})+-[A-Za-z][a-z]+(?![\w'’-])")
#: Capitals before "Police" ("MOD Police", "BTP Police"): a force.
ACRONYM_POLICE = re.compile(r"(?<![\w'’&])[A-Z]{2,4}\s+Police(?![\w'’])")
#: A day in words, a month and a year in words ("nineteen July eighty-two", "four March
#: ninety-one"): a date read out.
_DAY_WORD = (
    r"(?:(?:twenty|thirty)[- ]?(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
)
_YEAR_WORD = (
    r"(?:(?:nineteen\s+)?(?:fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|two\s+thousand(?:\s+and)?(?:\s+\w+)?|(?:twenty|nineteen)\s+\w+)"
)
SPOKEN_DATE = re.compile(rf"(?i)(?<![\w'’-]){_DAY_WORD}\s+(?-i:{_win.MONTH})\s+{_YEAR_WORD}(?![\w'’])")
#: A name after "called", "named", "goes by", with a single capital after a word ("Someone
#: called Big T", "goes by Little J").
CALLED_LETTER = re.compile(r"(?:called|named|goes\s+by|known\s+as)\s+(?P<n>[A-Z][a-z]+\s+[A-Z])(?![\w'’])")


#: A school or a church named for a saint, a bishop, a king, said with its "'s" ("Bishop
#: Vesey's", "St Mary's", "King Edward's"): the rules may take the name without the "'s".
_SAINTLY = re.compile(
    r"(?<![\w'’])(?:St\.?|Saint|Bishop|Cardinal|Archbishop|King|Queen|Sir|Lady)\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+['’]s(?![\w'’])(?!\s+(?:Day|Eve|Night)\b)"
)
#: A word in brackets after a page or group's name ("Winsford Watch (Uncensored)").
_BRACKETED = re.compile(r"\s+\([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?\)")
#: A place after a force's name and "at" ("with Greater Manchester Police, at Central
#: Park"): the station, though its words are ordinary.
_FORCE_AT = re.compile(r"(?:,\s*|\s+)(?:based\s+)?at\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?![\w'’])")


def _saints_and_brackets(text, covered, out):
    """A saint's name with its "'s", a bracketed word after a name shown, a place after a
    force shown."""
    for m in _SAINTLY.finditer(text):
        if not _all_covered(text, m.start(), m.end(), covered):
            out.append((m.start(), m.end(), "place_or_org"))
            covered.append(m.span())
    for s, e in sorted(set(covered)):
        b = _BRACKETED.match(text, e)
        if b and text[s].isupper() and not _touches(covered, b.start(), b.end()):
            out.append((s, b.end(), "handle"))
        f = _FORCE_AT.match(text, e)
        if f and text[s:e].split()[-1] in _FORCE_TAIL and not _touches(covered, f.start("n"), f.end()):
            out.append((f.start("n"), f.end("n"), "station"))
            covered.append(f.span("n"))


#: A name in camel case with a capitalised word after it ("PureGym Stoke", "BrewDog
#: Leith"): a business and its place; not a platform ("WhatsApp", "YouTube"). Alone, a
#: camel-case word is a thing as often ("AirTag", "PayPal"): no candidate.
CAMEL = re.compile(r"(?<![\w'’@#.])[A-Z][a-z]+[A-Z][a-z]+\s+[A-Z][a-z]+(?![\w'’])")


def _camel(m):
    first = m.group().split()[0]
    return first not in SAFE_WORDS and first not in _lexicon()[2] and first not in _CAMEL_THINGS


_CAMEL_THINGS = frozenset("LinkedIn YouTube TikTok WhatsApp PlayStation FaceTime PowerPoint iPhone McDonald".split())
#: More sayings than this of a phrase shown once are no candidates: a label, a word the
#: rules were right to leave.
_MOST_REPEATS = 3


def _repeats(text, covered, out):
    """A word or phrase shown once (replaced or a candidate) said again where nothing covers
    it ("a channel, #addresses, and in #addresses ...", "I live in Leek. The form had Leek
    ..."): the rules redact each saying on its own, and may take only the first. Not a
    speaker's label (a phrase before ":"), nor a phrase said more than three times again."""
    seen = {text[s:e] for s, e in covered}
    for phrase in sorted(seen, key=len, reverse=True):
        if len(phrase) < 3 or not any(c.isalnum() for c in phrase) or phrase.casefold() in _lexicon()[0]:
            continue
        again = [
            m.span()
            for m in re.finditer(rf"(?<![\w'’@#-]){re.escape(phrase)}(?![\w'’-]|['’]\w|\s*:)", text)
            if not _touches(covered, m.start(), m.end())
        ]
        if len(again) > _MOST_REPEATS:
            continue  # a speaker's label ("P0009: ..."), or what the whole text is about
        for s, e in again:
            out.append((s, e, "handle" if phrase[0] in "#@" else "place_or_org"))
            covered.append((s, e))


def candidates(text, spans):
    """Low-confidence candidates in ``text``, given the replacements' ``(start, end)``
    ``spans``: a list of ``(start, end, kind)``, ``kind`` a guess the reviewer may correct
    (``person``, ``place_or_org``, ``number``, ``handle``, ``date``, ``postcode``,
    ``station``)."""
    covered = [(s, e) for s, e in spans]
    out: list[tuple[int, int, str]] = []
    _add(_win.FULL_DATE, "date", text, covered, out)  # a full date not announced as a DOB
    _add(DAY_MONTH, "date", text, covered, out)
    _add(HYPHEN_CODE, "number", text, covered, out)
    _add(CODE, "number", text, covered, out, keep=_code)
    _spoken_run(text, covered, out)
    _add(SPACED, "number", text, covered, out, keep=lambda m: sum(c.isdigit() for c in m.group()) >= 2)
    _add(UNIT, "station", text, covered, out)
    _add(HYPHEN_SPELLED, "person", text, covered, out)
    _add(CAMEL, "workplace", text, covered, out, keep=_camel)
    _add(HYPHEN_PLACE, "place_or_org", text, covered, out)
    for m in ACRONYM_POLICE.finditer(text):  # "Police" after capitals replaced adds to them
        if not any(cs <= m.start() and m.end() <= ce for cs, ce in covered):
            out.append((m.start(), m.end(), "force"))
            covered.append(m.span())
    _add(SPOKEN_DATE, "date", text, covered, out)
    _add(CALLED_LETTER, "handle", text, covered, out, group="n")
    _add(URL, "url", text, covered, out)
    _add(ADDRESS, "address", text, covered, out, keep=_address)
    _named_shapes(text, covered, out)
    _quoted_names(text, covered, out)
    _add(
        LOWER_POSTCODE,
        "postcode",
        text,
        covered,
        out,
        keep=lambda m: not _after_the(m),
    )
    _add(ACRONYM, "person", text, covered, out, keep=_acronym)
    _add(_at_brand(), "workplace", text, covered, out, keep=_worked_at, group="n")
    _bridged(text, covered, out)
    _surname_initial(text, covered, out)
    _day_alone(text, covered, out)
    _corrected(text, covered, out)
    _workplace_in(text, covered, out)
    _joined(text, covered, out)
    _read_out(text, covered, out)
    _saints_and_brackets(text, covered, out)
    _repeats(text, covered, out)
    _lower.candidates(text, covered, out)
    return sorted(out)
