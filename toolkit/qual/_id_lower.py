"""Identifiers in text typed all in lower case: a post or a message read out without
capitals ('"dan ridley lives on elm grove in hexham"'), or a whole turn typed so ("i'm a
pcso with northumbria, my number's pcso 9082").

Called by :func:`toolkit.qual._identifiers.find_identifiers` like the other area modules
(:func:`find` before the overlaps are resolved, :func:`revise` on the resolved list), and
by :func:`toolkit.qual._review_candidates.candidates` (:func:`candidates`).

Without capitals the proper-noun test of the rules (a capitalised word that is no English
word) has nothing to go on, and every word outside the lexicon would be a candidate (slang,
typos, text-speak: too many to review). So here closed lists are matched without regard to
case, and open names only after words that say what they are, inside a *lower-case
stretch* (:func:`lower_regions`): a quotation with no capitalised word, or a turn that
starts in lower case and has the pronoun "i" in lower case, up to its first capitalised
word.

Classes of phrasing covered (rules):

* a force's name, a closed list: "a pcso with northumbria", "under \\"gwent\\"", "joined
  the met" (not "met him", "the met office");
* a rank in lower case before a number: "pcso 9082", "pc 4471"; the letters of a warrant
  or collar number typed in lower case ("kp 55190", "warrant no is dy-22871");
* a school: "his lad goes to queen elizabeth high" (one name at least among the words
  after the verb), "southmoor academy" (a name before the tail word, no verb);
* a workplace: "works weekends at the spar on main street", "works at costa in the
  arndale" (a chain, or a word in no word list, after "works ... at"; not "never worked");
* where an officer works: "i'm a pcso at longsight", "based at euston street", "on
  response out of hartlepool";
* a place after "from", "been in", "based in": "lisa from ponteland", "shes from
  longsight" (a word in no word list, no name, no acronym, no text-speak); a place right
  before a postcode ("splott cf24 2dl"); a place's second word ("walsall wood");
* persons: a rank, title or kin word and a name ("ds priya lomax", "my daughter, aoife");
  a given name that is an ordinary word with a surname ("dean thackeray lives"); someone
  introducing themselves ("its dean from response");
* a name found, respelt ("ridley" ... "ridly"): a word in no word list one letter from a
  surname found, when the speaker talks of spelling or inside lower-case quotations.

Review candidates (:func:`candidates`): a number candidate takes the lower-case letters
typed before it ("nb 07714"); a word in no word list after a preposition of place
("outside brackla"); in a turn typed in lower case, a given name in no word list.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from toolkit.qual import _identifiers as _ids

# --------------------------------------------------------------------------------------
# Lower-case stretches
# --------------------------------------------------------------------------------------

_QUOTE = re.compile(r"\"([^\"\n]{2,600})\"|“([^”\n]{2,600})”")
#: A capitalised word, or the pronoun "I": what ends a lower-case stretch.
_CAPITAL = re.compile(r"(?<![\w'’@#./-])(?:[A-Z][a-z]|I(?![\w]))")
#: A turn (or a line) that starts in lower case, after a speaker's label.
_LOWER_TURN = re.compile(r"(?m)^(?:[A-Z][A-Za-z0-9]{0,11}:[ \t]+)?(?=[a-z])")
#: The pronoun "i" in lower case ("i'm", "i've", "and i said"): what shows a turn typed
#: without capitals rather than transcribed with a lower-case start ("erm, so ...").
_LOWER_I = re.compile(r"(?<![\w'’@#./-])i(?:['’](?:m|ve|d|ll))?(?![\w'’@-])")


#: Substrings one of which any lower-case "i" pronoun has around it (cheap to look for).
_I_TOKENS = (" i ", " i'", " i’", " i,", "\ni ", "\ni'", "\ni’")


@lru_cache(maxsize=8)
def lower_regions(text):
    """``(start, end)`` of the lower-case stretches of ``text``: quotations with no
    capitalised word (acronyms and codes in capitals allowed: "ur wifes NHS no is ..."),
    and turns or lines that start in lower case with the pronoun "i" in lower case, each
    up to its first capitalised word."""
    out = []
    if '"' in text or "“" in text:
        for m in _QUOTE.finditer(text):
            g = 1 if m.group(1) is not None else 2
            s, e = m.start(g), m.end(g)
            if not _CAPITAL.search(text, s, e) and any(c.islower() for c in text[s:e]):
                out.append((s, e))
    if not any(tok in text for tok in _I_TOKENS) and text[:2] not in ("i ", "i'", "i’"):
        return tuple(sorted(set(out)))  # no "i" in lower case: no turn typed so
    for m in _LOWER_TURN.finditer(text):
        s = m.end()
        if s >= len(text) or not text[s].islower():
            continue
        cap = _CAPITAL.search(text, s)
        e = cap.start() if cap else len(text)
        nl = text.find("\n", s, e)
        e = nl if nl >= 0 else e
        if len(text[s:e].split()) >= 4 and _LOWER_I.search(text, s, e):
            out.append((s, e))
    return tuple(sorted(set(out)))


def _inside(regions, s, e):
    return any(rs <= s and e <= re_ for rs, re_ in regions)


# --------------------------------------------------------------------------------------
# Word tests
# --------------------------------------------------------------------------------------


def _plain(word):
    """True when the lower-case ``word`` is an English word, a function word, slang, a
    brand or a platform (no one's name or place)."""
    from toolkit.qual._id_online import _ordinary_lower

    return _ordinary_lower(word) or _ids.is_ordinary(word.capitalize())


def _name_like(word):
    """A lower-case word in no word list, long enough to be a name, no text-speak."""
    from toolkit.qual._id_persons import _CHAT_WORDS

    return (
        len(word) >= 4
        and word.isalpha()
        and word not in _CHAT_WORDS
        and word.upper() not in _ids.KNOWN_ACRONYMS
        and not _plain(word)
    )


def _given(word):
    given, _family = _ids.gazetteer()
    cap = word.capitalize()
    return cap in given and cap not in _ids.NOT_GIVEN


# --------------------------------------------------------------------------------------
# Forces
# --------------------------------------------------------------------------------------

#: Abbreviations written in lower case that are no English word ("gmp", not "mps").
_FORCE_ABBR_LOWER = ("gmp", "wmp", "syp", "nyp", "wyp", "tvp", "swp", "nwp", "psni", "btp", "colp")


@lru_cache(maxsize=1)
def _force_lower():
    """Force names and their areas in lower case ("northumbria", "west midlands", "devon
    and cornwall"; not a single English word: "met", "surrey"), and the lower-case
    abbreviations of :data:`_FORCE_ABBR_LOWER`."""
    _pattern, lookup = _ids.force_table()
    forms = {}
    for key, name in lookup.items():
        words = key.split()
        if key == "the met" or (
            len(words) == 1 and key not in _FORCE_ABBR_LOWER and (len(key) <= 3 or key in _ids.english_words())
        ):
            continue
        forms[key] = name
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’@#./-])(?:{alternation})(?![\w'’@-]|\.[a-z])"), forms


#: "the met" as a force: after a verb or preposition of serving in it, not "the met office".
_THE_MET = re.compile(
    r"(?<![\w'’])(?:with|for|in|joined|join|left|from|at|transferred\s+to|moved\s+to|back\s+to)\s+"
    r"(?P<f>the\s+met)(?!\s+(?:office|gala|opera|museum|eireann|éireann))(?![\w'’@-])"
)


def _forces(text, regions, add):
    pattern, forms = _force_lower()
    for rs, re_ in regions:
        for m in pattern.finditer(text, rs, re_):
            key = re.sub(r"\s+", " ", m.group())
            add((m.start(), m.end(), "force", forms.get(key, key)))
        for m in _THE_MET.finditer(text, rs, re_):
            add((m.start("f"), m.end("f"), "force", "Metropolitan Police Service"))


# --------------------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------------------

#: A rank in lower case before a number: "pcso 9082", "pc 4471" (a year after "pc" is
#: kept: collar numbers of four digits read like years).
_LOWER_RANK_NUMBER = re.compile(r"(?<![\w'’@#./-])(?:pcso|pc|dc|ps|sgt|ds|tdc|sc)\s?(?P<id>\d{3,6})(?![\w/.-]|,\d)")


#: A code with its letters in lower case after the word that names it: "warrant no is
#: dy-22871", "collar number: nw 1722" (the rules' patterns want capitals there).
_NAMED_LOWER_CODE = re.compile(
    r"(?<![\w'’])(?P<w>warrant|collar|shoulder|epaulette|badge)(?:\s+card)?(?:\s+(?:number|no\.?|num))?"
    r"(?:['’]s|\s+(?:is|was))?\s*[:#,]?\s*(?P<id>[a-z]{1,3}[ -]?\d{3,9})(?![\w/-])"
)


def _codes(text, regions, add):
    for rs, re_ in regions:
        for m in _LOWER_RANK_NUMBER.finditer(text, rs, re_):
            add((m.start("id"), m.end("id"), "collar_number", m.group("id")))
        for m in _NAMED_LOWER_CODE.finditer(text, rs, re_):
            letters = re.match(r"[a-z]+", m.group("id"))
            if letters is None or letters.group() in _NOT_CODE_LETTERS:
                continue
            kind = "warrant_number" if m.group("w") == "warrant" else "collar_number"
            add((m.start("id"), m.end("id"), kind, re.sub(r"[ -]", "", m.group("id")).upper()))


# --------------------------------------------------------------------------------------
# Schools, workplaces and places
# --------------------------------------------------------------------------------------

_LW = r"[a-z][a-z'’]*"
_SCHOOL_TAIL = r"(?:primary|academy|high|school|college|grammar|juniors|infants|comp|comprehensive)"
#: A school after a verb of going: "goes to queen elizabeth high", "at st marys primary".
_SCHOOL = re.compile(
    rf"(?<![\w'’])(?:go|goes|going|went|at|attends?)\s+(?:to\s+)?(?P<name>{_LW}(?:\s+{_LW}){{0,3}}?)\s+"
    rf"(?P<tail>{_SCHOOL_TAIL})(?:\s+school)?(?![\w'’-])"
)
#: Words that open no school's name ("the high school", "his old school", "night school").
_NOT_SCHOOL_START = frozenset(
    "the a an his her my our their your its this that same new old big local secondary "
    "primary high night sixth boarding grammar private state catholic church faith".split()
)


#: A school named by its tail word, no verb before it: "southmoor academy", "kineton high
#: school", "coedylan primary" (a word in no word list, or a given name, among its words).
_SCHOOL_BY_TAIL = re.compile(
    rf"(?<![\w'’@#./-])(?P<name>{_LW}(?:\s+{_LW}){{0,2}})\s+"
    r"(?P<tail>primary|academy|high\s+school|school|college|grammar|infants|juniors)(?![\w'’-])"
)


def _schools(text, regions, add):
    common = _ids._common_words()
    for rs, re_ in regions:
        for m in _SCHOOL_BY_TAIL.finditer(text, rs, re_):
            words = m.group("name").split()
            keep = next((i for i, w in enumerate(words) if _name_like(w.rstrip("'’s")) or _given(w)), None)
            if keep is None:
                continue  # "the police college", "big school"
            if any(w in common or w in _SAID_OF for w in words[keep:]):
                continue  # "orla goes to school", "tyler from school"
            if keep > 0 and words[keep - 1] in ("st", "saint"):
                keep -= 1
            start = m.end("name") - len(" ".join(words[keep:]))
            add((start, m.end(), "school", text[start : m.end()]))
        for m in _SCHOOL.finditer(text, rs, re_):
            words = m.group("name").split()
            while words and (words[0] in _NOT_SCHOOL_START or words[0] in common):
                words.pop(0)
            if not words or words[0] in ("st", "saint") and len(words) == 1:
                continue
            if not any(_name_like(w.rstrip("'’s")) or _given(w) or w in ("st", "saint") for w in words):
                continue  # "goes to big school", "at summer school"
            start = m.end("name") - len(" ".join(words))
            add((start, m.end(), "school", text[start : m.end()]))


#: Chains that employ people, in lower case: the word after "works at".
_CHAINS = (
    "tesco|tescos|sainsburys|sainsbury's|asda|morrisons|aldi|lidl|waitrose|greggs|costa|starbucks|primark|argos|"
    "currys|halfords|wetherspoons|spoons|spar|co-op|coop|boots|superdrug|poundland|home\\s+bargains|b&m|b&q|"
    "iceland|m&s|marks\\s+and\\s+spencers?|wilko|matalan|screwfix|toolstation|mcdonalds|maccies|kfc|nandos|"
    "premier\\s+inn|travelodge|puregym|the\\s+gym|jd|sports\\s+direct|next|primark|londis|nisa|budgens|"
    "farmfoods|b\\s*&\\s*m|dunelm|ikea|pets\\s+at\\s+home|specsavers|timpsons|card\\s+factory"
)
_STREET_LOWER = _ids._STREET.lower()
#: "works (weekends) at the spar on main street", "works at costa in the arndale".
_WORKS_AT = re.compile(
    rf"(?<![\w'’])(?:works?|working|worked)\s+(?:(?:weekends|nights|days|evenings|mornings|saturdays|sundays"
    rf"|part\s+time|full\s+time|shifts)\s+)?(?:at|for|in)\s+(?:the\s+)?"
    rf"(?P<name>(?:{_CHAINS})|{_LW})(?![\w'’&-])"
    rf"(?:\s+(?P<where>(?:on|in|at)\s+(?:the\s+)?{_LW}(?:\s+{_LW}){{0,2}}))?"
)
_WHERE_STREET = re.compile(rf"(?:on|in|at)\s+(?:the\s+)?(?:{_LW}\s+){{1,2}}?{_STREET_LOWER}(?![\w'’-])")
_WHERE_PLACE = re.compile(rf"(?:in|at)\s+(?:the\s+)?(?P<p>{_LW})(?![\w'’-])")
_CHAIN_RE = re.compile(rf"(?:{_CHAINS})")
_NEVER = re.compile(r"(?:never|not|n['’]t|nt)\s+$")


def _workplaces(text, regions, add):
    for rs, re_ in regions:
        for m in _WORKS_AT.finditer(text, rs, re_):
            if _NEVER.search(text, max(rs, m.start() - 12), m.start()):
                continue  # "i've never worked in the co-op"
            name = m.group("name")
            chain = _CHAIN_RE.fullmatch(name) is not None and name not in ("the gym", "next")
            if not chain and not _name_like(name):
                continue
            end = m.end("name")
            where = m.group("where")
            if where:
                st = _WHERE_STREET.match(text, m.start("where"))
                pl = _WHERE_PLACE.match(text, m.start("where"))
                if st:
                    end = st.end()
                elif pl and _name_like(pl.group("p")):
                    end = pl.end()
            add((m.start("name"), end, "workplace", text[m.start("name") : end]))


#: A place after "from", "been in", "based in", "up in", "down in" ("lisa from ponteland",
#: "shes been in pinderfields"): the place word is in no word list.
_FROM_PLACE = re.compile(
    rf"(?<![\w'’])(?P<cue>from|(?:been|based|stationed|working)\s+(?:in|at))\s+"
    rf"(?P<p>{_LW})(?P<p2>\s+{_LW})?(?![\w'’@-]|\.[a-z])"
)
_POLICE_WORDS = re.compile(
    r"(?<![\w'’])(?:cop|cops|copper|coppers|pig|pigs|plod|fed|feds|police|polis|pc|pcso|officer|snitch|nick|sgt|"
    r"sergeant|collar|warrant|response)(?![\w'’])"
)


#: Where an officer works, typed in lower case: "i'm a pcso at longsight", "a pc at
#: keynsham", "based at euston street", "on response out of hartlepool".
_ROLE_AT = re.compile(
    r"(?<![\w'’])(?:pc|pcso|ps|dc|ds|sgt|do|dso|copper|cop|officer|sergeant|sarge|inspector|detective|custody"
    r"|handler|dispatcher|analyst|special|based|stationed|posted|response|i['’]?m|im|work(?:s|ed|ing)?)"
    rf"\s+(?:at|in|out\s+of)\s+(?:the\s+)?(?P<p>{_LW})(?P<p2>\s+{_LW})?(?![\w'’@-]|\.[a-z])"
)
_STREET_OR_HQ = re.compile(rf"{_STREET_LOWER}|hq")


def _places(text, regions, add):
    given, family = _ids.gazetteer()
    for rs, re_ in regions:
        for m in _ROLE_AT.finditer(text, rs, re_):
            word = m.group("p")
            if not _name_like(word) or word.capitalize() in given:
                continue  # "i'm at work", "a pc at tesco"
            end = m.end("p")
            nxt = (m.group("p2") or "").strip()
            if nxt and (_name_like(nxt) or _STREET_OR_HQ.fullmatch(nxt)):
                end = m.end("p2")
            add((m.start("p"), end, "station", text[m.start("p") : end]))
        police = _POLICE_WORDS.search(text, rs, re_) is not None
        for m in _FROM_PLACE.finditer(text, rs, re_):
            word = m.group("p")
            if not _name_like(word) or word.capitalize() in given:
                continue  # "from tiktok", "from ur mum", "from dave"
            end = m.end("p")
            if m.group("p2") and _name_like(m.group("p2").strip()):
                end = m.end("p2")
            kind = "station" if police and m.group("cue") == "from" else "address"
            add((m.start("p"), end, kind, text[m.start("p") : end]))


def _before_postcode(text, regions, found):
    """A place right before a postcode found in a lower-case stretch ("splott cf24
    2dl")."""
    extra = []
    spans = {(f[0], f[1]) for f in found}
    for s, _e, kind, _ident in found:
        if kind != "postcode" or not _inside(regions, s, s):
            continue
        m = re.search(rf"(?<![\w'’@#./-])(?P<p>{_LW})\s+$", text[max(0, s - 30) : s])
        if m is None:
            continue
        ps, pe = s - (len(text[max(0, s - 30) : s]) - m.start("p")), s - (len(text[max(0, s - 30) : s]) - m.end("p"))
        if any(a < pe and ps < b for a, b in spans):
            continue
        if _name_like(m.group("p")) and not _given(m.group("p")):
            extra.append((ps, pe, "address", m.group("p")))
    return extra


# --------------------------------------------------------------------------------------
# Persons
# --------------------------------------------------------------------------------------

#: "its dean from response", "this is kim from the control room": someone giving their
#: name, a given name even when it is an ordinary word.
_ITS_NAME_FROM = re.compile(
    rf"(?<![\w'’])(?:its|it's|it’s|this\s+is|im|i'm|i’m)\s+(?P<n>{_LW})\s+(?:from|at|here)(?![\w'’])"
)


@lru_cache(maxsize=1)
def _ordinary_given():
    """Given names that are ordinary words too ("dean", "mark", "rose"; not months), as a
    pattern with the word after them: the other rules take a given name in lower case
    only when it is in no word list."""
    given, _family = _ids.gazetteer()
    words = sorted(
        {
            g.lower()
            for g in given
            if g.isalpha() and g not in _ids.NOT_GIVEN and not _ids._calendar(g) and _ids.is_ordinary(g)
        },
        key=len,
        reverse=True,
    )
    return re.compile(
        rf"(?<![\w'’@#./-])(?P<g>{'|'.join(words)})\s(?P<s>[a-z]{{4,}})(?![\w'’@-]|\.[a-z])(?:\s(?P<v>[a-z]+))?"
    )


#: A lower-case word of a stretch.
_LOWER_WORD = re.compile(r"(?<![\w'’@#./-])[a-z]+(?![\w'’@-]|\.[a-z])")
#: What is said of a person named in a post: "lives", "is a", "works", "drives".
_SAID_OF = frozenset("lives lived is was works worked drives has goes from at in".split())


#: A rank, title or kin word typed in lower case, then a name: "ds andy kerr", "insp
#: lorraine begum", "mrs pritchard", "my husband, geraint", "my daughter imani".
_TITLE_NAME = re.compile(
    r"(?<![\w'’])(?:(?P<rank>pc|pcso|ps|dc|ds|di|dci|dsu|sgt|sergeant|insp|inspector|supt|superintendent|acc|dcc"
    r"|mrs|mr|ms|miss|dr)|(?:my|our|his|her|their|your)\s+(?P<kin>husband|wife|partner|son|daughter|brother"
    r"|sister|mum|mam|dad|youngest|eldest|oldest|boy|girl|lad|fella|missus|niece|nephew|cousin),?)"
    rf"\s+(?P<n>{_LW})(?:\s(?P<s>{_LW}))?(?![\w'’@-]|\.[a-z])"
)


def _titled(text, regions, add, family):
    from toolkit.qual._id_persons import _lower_surname

    for rs, re_ in regions:
        for m in _TITLE_NAME.finditer(text, rs, re_):
            name = m.group("n").rstrip("'’s") if m.group("n").endswith(("'s", "’s")) else m.group("n")
            if name in _chat_or_common():
                continue
            if m.group("rank"):
                ok = _name_like(name) or (_given(name) and not _ids.is_ordinary(name.capitalize()))
            else:
                ok = _given(name) and not _ids.is_ordinary(name.capitalize())
            if not ok:
                continue  # "my son, who", "pc world", "my daughter is"
            end, ident = m.start("n") + len(name), name
            sur = m.group("s")
            if sur and name == m.group("n") and _lower_surname(sur, family) and _given(name):
                end, ident = m.end("s"), sur
            add((m.start("n"), end, "person", ident))


@lru_cache(maxsize=1)
def _chat_or_common():
    from toolkit.qual._id_persons import _CHAT_WORDS

    return frozenset(_CHAT_WORDS) | _ids._common_words()


def _persons(text, regions, add):
    _given_names, family = _ids.gazetteer()
    pattern = _ordinary_given()
    _titled(text, regions, add, family)
    for rs, re_ in regions:
        for m in _ITS_NAME_FROM.finditer(text, rs, re_):
            if _given(m.group("n")) and not _ids._calendar(m.group("n").capitalize()):
                add((m.start("n"), m.end("n"), "person", m.group("n")))
        pos = rs
        while (m := pattern.search(text, pos, re_)) is not None:
            # a given name that is an ordinary word too and a surname in no word list
            # right after it: in the surnames' list, or with what is said of the person
            # after it ("dean thackeray lives near me")
            pos = m.start("s")
            sur = m.group("s")
            if _name_like(sur) and (sur.capitalize() in family or m.group("v") in _SAID_OF):
                add((m.start("g"), m.end("s"), "person", sur))
                pos = m.end("s")


def _one_apart(a, b):
    """True when ``a`` and ``b`` differ by one letter left out, added, changed, or two
    letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


#: A word that may be a name respelt.
_WORD = re.compile(r"(?<![\w'’@#./-])[A-Za-z][a-z]{3,}(?![\w'’@-]|\.[a-z])")
#: What a speaker says of a name written wrongly: "they'd spelt it ...", "a typo".
_SPELLING_CUE = re.compile(r"(?i)\b(?:spelt|spelled|spelling|spells|misspel\w*|mis-spel\w*|typo\w*)\b")


def _respelt(text, found):
    """Words one letter from a surname found in ``text`` ("ridley" ... "ridly"), in no
    word list and sharing its first letter: the same person, respelt. Looked for in the
    whole text when the speaker talks of spelling, else inside lower-case quotations."""
    names = {}
    for s, e, kind, ident in found:
        if kind != "person":
            continue
        last = text[s:e].split()[-1].strip("'’s") if text[s:e].split() else ""
        if len(last) >= 5 and last.isalpha():
            names.setdefault(last.lower(), ident)
    if not names:
        return []
    if _SPELLING_CUE.search(text):
        where = [(0, len(text))]
    elif '"' not in text and "“" not in text:
        return []
    else:
        where = [(s, e) for s, e in lower_regions(text) if s > 0 and text[s - 1] in '"“']
        if not where:
            return []
    firsts = {n[0] for n in names}
    sizes = {len(n) + d for n in names for d in (-1, 0, 1)}
    starts = sorted((f[0], f[1]) for f in found)
    extra = []
    for ws, we in where:
        for m in _WORD.finditer(text, ws, we):
            w = m.group().lower()
            if w[0] not in firsts or len(w) not in sizes or w in names:
                continue
            i = bisect.bisect_right(starts, (m.start(), len(text)))
            if (i and starts[i - 1][1] > m.start()) or (i < len(starts) and starts[i][0] < m.end()):
                continue  # inside or across an identifier found
            for name, ident in names.items():
                if w[0] == name[0] and _one_apart(w, name) and w != name + "s" and not _plain(w):
                    extra.append((m.start(), m.end(), "person", ident))
                    break
    return extra


# --------------------------------------------------------------------------------------
# The area's entry points
# --------------------------------------------------------------------------------------


def find(text: str, add, folded) -> None:
    """Identifiers in the lower-case stretches of ``text`` (see the module's text)."""
    regions = lower_regions(text)
    if not regions:
        return
    _forces(text, regions, add)
    _codes(text, regions, add)
    _schools(text, regions, add)
    _workplaces(text, regions, add)
    _places(text, regions, add)
    _persons(text, regions, add)


#: What makes "the met" no force when typed in lower case: "the met office", "the met gala".
_MET_THING = re.compile(r"\s+(?:office|gala|opera|museum|eireann|éireann)(?![\w'’])")


#: Letters typed in lower case before a warrant or collar number found ("kp 55190",
#: "wm-180032", "do 731"): part of the code.
_CODE_LETTERS = re.compile(r"(?<![\w'’@#./-])(?P<l>[a-z]{1,3})[ -]?$")
#: Lower-case words before a number that are no part of it: ranks (the rules keep the
#: rank out of a collar number), "no", "is".
_NOT_CODE_LETTERS = frozenset("pc pcso ps dc ds sgt tdc sc insp no num is was its my me our his her".split())


def _code_letters(text, found):
    out = []
    for f in found:
        s, e, kind, ident = f
        if kind in ("warrant_number", "collar_number") and text[s].isdigit():
            m = _CODE_LETTERS.search(text, max(0, s - 4), s)
            if m is not None:
                letters = m.group("l")
                if letters not in _NOT_CODE_LETTERS and (letters == "do" or letters not in _ids._common_words()):
                    f = (m.start(), e, kind, ident)
        out.append(f)
    return out


#: The second word of many a place's name ("walsall wood", "kings heath", "acocks
#: green"): taken on a place typed in lower case that was found without it.
_PLACE_TAIL = re.compile(
    r"\s(?:wood|green|heath|hill|end|common|bridge|vale|moor|cross|park|bay|head|gate|brook|valley)(?![\w'’@-])"
)


def _place_tails(text, found):
    out = []
    for f in found:
        s, e, kind, ident = f
        if kind in ("address", "station", "place") and text[s:e].islower() and " " not in text[s:e]:
            m = _PLACE_TAIL.match(text, e)
            if m is not None and _inside(lower_regions(text), s, m.end()):
                nxt = m.end()
                if not any(g[0] < nxt and g[1] > e and g is not f for g in found):
                    f = (s, nxt, kind, ident)
        out.append(f)
    return out


def revise(text: str, found: list) -> list:
    """``found`` with a place before a postcode in a lower-case stretch and the respelt
    surnames of persons found added, the letters of a warrant or collar number typed in
    lower case taken in, and without "the met office" typed in lower case."""
    found = [
        f for f in found if not (f[2] == "force" and text[f[0] : f[1]].endswith("met") and _MET_THING.match(text, f[1]))
    ]
    found = _code_letters(text, found)
    found = _place_tails(text, found)
    extra = _respelt(text, found)
    if any(f[2] == "postcode" for f in found):
        regions = lower_regions(text)
        if regions:
            extra += _before_postcode(text, regions, found)
    if not extra:
        return found
    return _ids.resolve_overlaps(found + extra)


# --------------------------------------------------------------------------------------
# Review candidates
# --------------------------------------------------------------------------------------

#: Letters before a number candidate typed in lower case: "nb 07714".
_LETTERS_BEFORE = re.compile(r"(?<![\w'’@#./-])[a-z]{1,3}\s$")
#: The clause before a candidate: back to the last sentence's end or line.
_CLAUSE_START = re.compile(r"[.!?\n][^.!?\n]*$")


def candidates(text, covered, out):
    """Review candidates typed in lower case: a number candidate takes the letters typed
    before it ("nb 07714") when the sentence up to it has no capitalised word (letters in
    capitals are a code already: "NB 07714"). ``out`` is changed in place."""
    common = _ids._common_words()
    for n, (s, e, kind) in enumerate(out):
        if kind != "number" or not text[s].isdigit():
            continue
        m = _LETTERS_BEFORE.search(text, max(0, s - 4), s)
        if m is None or m.group().strip() in common:
            continue
        back = max(0, s - 120)
        clause = _CLAUSE_START.search(text, back, m.start())
        cs = clause.start() + 1 if clause else back
        if not _CAPITAL.search(text, cs, m.start()):
            out[n] = (m.start(), e, kind)
    regions = lower_regions(text)
    if regions:
        _lower_name_candidates(text, regions, covered, out)


#: A word in no word list after a preposition of place ("near kelloholm", "outside
#: brackla"), or a given name and the word after it: what a lower-case stretch names that no
#: rule took.
_PLACE_PREP = re.compile(
    rf"(?<![\w'’])(?:in|at|from|near|to|round|outside|off|by|behind|opposite)\s+(?:the\s+)?"
    rf"(?P<p>{_LW})(?P<p2>\s+{_LW})?(?![\w'’@-]|\.[a-z])"
)


def _lower_name_candidates(text, regions, covered, out):
    from toolkit.qual._id_persons import _lower_name_word, _lower_surname

    given, family = _ids.gazetteer()
    for rs, re_ in regions:
        if rs == 0 or text[rs - 1] not in '"“':
            # a turn typed in lower case: a given name in no word list, with its surname
            # (the rules take them so inside quotations only)
            words = list(_LOWER_WORD.finditer(text, rs, re_))
            for n, w in enumerate(words):
                if not _lower_name_word(w.group(), (given,)):
                    continue
                s, e = w.start(), w.end()
                nxt = words[n + 1] if n + 1 < len(words) and words[n + 1].start() == e + 1 else None
                if nxt and _lower_surname(nxt.group(), family):
                    e = nxt.end()
                if not any(a < e and s < b for a, b in covered):
                    out.append((s, e, "person"))
                    covered.append((s, e))
        pos = rs
        while (m := _PLACE_PREP.search(text, pos, re_)) is not None:
            pos = m.end("p")  # the word after may open the next match ("the crown near kelloholm")
            s, e = m.start("p"), m.end("p")
            if not _name_like(m.group("p")):
                continue
            if m.group("p2") and _name_like(m.group("p2").strip()):
                e = m.end("p2")
            if any(a < e and s < b for a, b in covered):
                continue
            kind = "person" if m.group("p").capitalize() in given else "place_or_org"
            out.append((s, e, kind))
            covered.append((s, e))
