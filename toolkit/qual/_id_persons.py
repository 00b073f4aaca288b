"""Persons: names said without a rank or a known given name, and words that name nobody.

Called by :func:`toolkit.qual._identifiers.find_identifiers`: :func:`find` before the
overlaps are resolved (it calls ``add((start, end, kind, identity))`` for each candidate),
:func:`revise` on the resolved list at the end (it may drop or change candidates and
returns the list, non-overlapping).

Found here (general shapes, each with a context):

* a name the speaker gives as their own: "I'm Gill to everyone", "I am Rhodri Pugh";
* nicknames: '"Dave the grass"' (a name and a lower-case epithet in quotes), "everyone
  calls him Tank" (after the verb, without quotes);
* a kinship word used as a title: "Aunty Pam", "Nain Eirlys";
* a sentence-initial word in no word list with what only a person has or does: "Kezia
  and I went", "Zuri's husband rang";
* a given name that is also a place ("Jordan", "Victoria") followed by a surname, or
  after "our" / "my" ("me and our Shannon went");
* the given name of a person named in full, said again on its own ("DS Ana Lis ... Ana
  rang", with the full name's identity); a quoted nickname or a given name said again;
* lists and records: "Surname, Given" ('"HOLDEN, Sarah J"'), a rank, a date or a number
  after the surname ('"1. Hussey, PC, 1562"', '"O'Neill, 14/11/1999"'), "PATEL R";
* nicknames: a size word ("I'm Big Stevie"), the person greeted ("alright Pricey"), "Tino's
  his nickname", a name after a verb of contact in capitals ('"CALL DEBS ON ..."'), a name
  spelled out after it is said ("McCloskey, M-C-C-L-O-S-K-E-Y");
* initials as a name: '"compiled by J.T."', "everyone calls me JT" (and "JT" said again);
* names in lower case outside a message: "me and kerry are", a name found said again in
  lower case ("wrote sian in lower case ... Sian"); "Surname, Given; Surname, Given".

Dropped in :func:`revise` (capitalised words that name nobody):

* holidays ("Christmas Eve", "St Patrick's Day"), named storms ("Storm Arwen"), idioms and oaths ("Bobby on the beat",
  "Joe Public", "Old Bill", "Jesus Christ"), a reporting verb opening a sentence
  ('Said "..."'), a generic addressee ('addressed to "The Occupier"');
* names of groups, pages, courses and other things in quotes or after "called" ('a
  Telegram called "Blue Line Bullies"', 'calling themselves "Hull Cop Watch"');
* departments, national bodies and phrases made only of ordinary words ("Major Crime",
  "Royal Mail"), football clubs ("Ross County"), events ("Pride", "Carnival"), voice
  assistants and police systems in their context ("asked Alexa to", "logged on Storm");
* an ordinary word left over from a longer capitalised name ("Notting Hill Carnival");
* a given name that is an ordinary word, echoed in lower case at once ("Hope? As in, no
  hope"), unless a kinship word comes before it;
* a pet's name ("Bobby, that's my dog"), a people or an ethnicity said of someone ("I'm a
  Scot", "my dad's Black"), a breed or a drink ("a German shepherd", "a can of Stella"),
  programmes and landmarks ("Dixon of Dock Green", "Big Ben"); a name as a type of
  person ("I'm not a Karen"), a club named by one word with a match around it ("Everton
  got beat"), "Man United", a car's model after its make ("a Skoda Octavia");
* a house's name opening an address ("Our address was Bryn Teg, Heol y Felin"): the address.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from functools import cache

from toolkit.qual import _id_windows as _win
from toolkit.qual import _identifiers as _ids

_W = _ids._W
_Q_OPEN = "\"“‘'"

# --------------------------------------------------------------------------------------
# find
# --------------------------------------------------------------------------------------

#: "I'm Gill", "I am Rhodri Pugh", "I'm just Tash": the speaker's own name.
_SELF = re.compile(
    rf"(?<![\w'’-])I(?:['’]m|\s+am)\s+(?:(?:just|only|still|always|now)\s+)?(?P<name>{_W}(?:-{_W})?)"
    rf"(?:\s+(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?))?(?![\w'’-])"
)
#: What a capitalised word after "I'm" is when it is no name: roles, units, groups.
_SELF_NOT = frozenset(
    """Head Lead Chair Deputy Acting Temporary Vice Treasurer Secretary Gold Silver Bronze
    Duty Custody Response Traffic Neighbourhood Neighbourhoods Comms Admin Catholic Muslim
    Sikh Hindu Jewish Christian Buddhist Atheist Pagan Deaf Autistic Dyslexic Black White
    Asian Mixed British English Welsh Scottish Irish Northern Cornish Polish Geordie Scouse
    Brummie Mancunian Cockney Yorkshire Lancashire Labour Tory Conservative Green Liberal
    Team Level Grade Band French German Dutch Gay Straight Brown Grey Green Tory Steward
    Rep Married Single Retired""".split()
)
#: '"Gill the fat one"', '"Dave the grass"': a nickname, a name and an epithet in quotes
#: (the epithet in lower case: "Bob the Builder" is a title).
_EPITHET = re.compile(rf"[\"“‘](?P<name>{_W})\s+the\s+[a-z]+(?:[\s-]+[a-z]+){{0,2}}[\"”’]")
#: "everyone calls him Tank", "they called her Big Sal", "we call him Smiler": a nickname
#: said without quotes after the verb (quoted ones are found by QUOTED).
#: Also with a pause after the verb ("everyone calls me, Taz, it's on my lanyard") and
#: after "knows me as" ("the whole relief knew him as Tigger").
_CALLS_HIM = re.compile(
    r"(?<![\w'’-])(?:(?:[Cc]all(?:s|ed|ing)?|nicknamed|dubbed|christened)\s+(?:him|her|me)|"
    r"[Kk]n(?:ows?|ew)\s+(?:him|her|me)\s+as)(?:\s*,\s*(?:(?:erm|er|um|like)\s*,\s*)?|\s+)"
    rf"(?:just\s+|only\s+|still\s+)?(?P<name>{_W}(?:-{_W})?(?:\s+{_W}(?:-{_W})?)?)(?![\w'’-])"
)
#: What one is called that is no name: forms of address, kinship and rank words, slurs
#: of a group.
_ADDRESS_WORDS = frozenset(
    """Sir Madam Ma'am Maam Mum Mam Mom Dad Da Sarge Skip Skipper Guv Guvnor Boss Chief Mate
    Love Pet Hun Hon Babe Darling Duck Flower Son Lad Lass Pal Bro Bruv Blud Fam Officer
    Constable Sergeant Inspector Detective Copper Pig Pigs Filth Babylon Feds Plod Traitor
    Grass Snitch Scab Racist Paki Nazi Names Back Again Out Up Over Nan Nana Nanna Nanny Gran
    Granny Grandma Grandad Grandpa Auntie Aunty Aunt Uncle Mummy Daddy Sis Brother Sister""".split()
)
#: "alright Pricey", "cheers Debs", 'hiya Gaz!': a greeting and the person greeted (a
#: capitalised word with a pause or the end after it; "alright mate" is no name).
_GREETING_WORDS = (
    r"(?<![\w'’-])(?:[Aa]l?right|[Hh]iya|[Hh]ello|[Hh]i|[Hh]ey|[Oo]i|[Cc]heers|[Tt]hanks|[Mm]orning|"
    r"[Ee]vening|[Ww][ao]tcha|[Ss]ee\s+ya|[Tt]ara|[Ee]y\s+up|[Nn]ice\s+one|[Ww]ell\s+done)\s*,?\s+"
)
_GREETING = re.compile(_GREETING_WORDS + rf"(?P<name>{_W}(?:-{_W})?)(?P<pause>(?=\s*[,.!?\"”’…]|\s*$))?")
_GREETING_END = re.compile(_GREETING_WORDS + "$")
_GREETING_TOKENS: tuple[str, ...] = (
    "alright",
    "aright",
    "hiya",
    "hello",
    "hi ",
    "hi,",
    "hey",
    "oi ",
    "oi,",
    "cheers",
    "thanks",
)
_GREETING_TOKENS += ("morning", "evening", "watcha", "wotcha", "see ya", "tara", "ey up", "nice one", "well done")
#: Whom one greets that is no name: a group, a form of address.
_GREETED_NOT = frozenset(
    """All Everyone Everybody Team Guys Folks Lads Ladies Gents Girls Boys People Gang Sweetheart
    Sweetie Treacle Chuck Cocker Kid Kiddo Buddy Dear Dearie Sunshine Princess Champ Fella Bud
    Gorgeous Handsome Again There Then Anyway Though Kitty World Google Summer Autumn Winter
    Spring""".split()
)
#: "Aunty Pam", "Uncle Des", "Nain Eirlys": a kinship word used as a title before a name.
_KIN_TITLE = re.compile(
    r"(?<![\w'’-])(?:Aunty|Auntie|Aunt|Uncle|Nan|Nana|Nanna|Nanny|Gran|Granny|Grandma|Grandad|"
    r"Granddad|Grandpa|Grampa|Gramps|Cousin|Nain|Taid|Mamgu|Bampi|Nonna|Nonno|Babcia|Dziadek)"
    rf"\s+(?P<name>{_W}(?:-{_W})?)(?![\w'’-])"
)
_KIN_TITLE_ONLY = re.compile(_KIN_TITLE.pattern.split(r"\s+(?P<name>")[0])
_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:in|at|to|from|near|of|into|outside|around|via|the|a|an|my|our|his|her|their|your)\s+)$"
)


def _nickname_ok(word, first_of_two=False):
    """True when ``word`` after "calls him" may be (part of) a nickname ("Big" only
    before another word)."""
    if word in _ADDRESS_WORDS or word in _ids._RANK_WORDS or word in _ids.NOT_PLACES:
        return False
    if word.casefold() in _ids._common_words() or _ids._calendar(word) or word in _ids._ETHNICITIES:
        return first_of_two and word in ("Big", "Little", "Mad", "Fat", "Old", "Young")
    return True


#: How a message goes on after the name greeted without a pause: "Hi Precious it's Marie",
#: "Hi Precious we need to" (not "Hiya Chelsea fans").
_MESSAGE_GOES_ON = re.compile(
    r"\s+(?:it['’]?s|its|we|i|i['’]m|im|you|u|ur|are|how|just|can|could|hope|this|is|thanks|thank|please|pls|"
    r"sorry|here|only|quick|hows|how['’]s|did|do|have|got|been)\b"
)


#: A nickname said before what it is: "Tino's his nickname", "Big Al's what they called
#: me"; names said before "they're called": "Ruby and Alfie, they're called".
_NICK_IS = re.compile(
    rf"(?<![\w'’-])(?P<name>{_W}(?:\s+{_W})?)(?:['’]s|\s+(?:is|was))\s+(?:(?:my|his|her|their|our|your)\s+"
    r"(?:nick)?name|what\s+(?:they|we|people|everyone|everybody|the\s+\w+)\s+call(?:s|ed)?\s+(?:me|him|her|us|them))\b"
)
_THEYRE_CALLED = re.compile(
    rf"(?<![\w'’-])(?P<a>{_W})\s+(?:and|&)\s+(?P<b>{_W})\s*,\s*(?:they['’]re|they\s+are|they\s+were)\s+called\b"
)
#: The same with a pause and "that's" between: "Taz, that's what everyone calls me",
#: '"Noddy" -- that was what the lads called him', "Spud, that's my nickname", "Tigs,
#: which is what I get called at work".
_NICK_THATS = re.compile(
    r"(?:that['’]s|that\s+is|that\s+was|which\s+is|which\s+was)\s+(?:(?:my|his|her)\s+(?:nick)?name\b|"
    r"what\s+(?:[\w'’]+\s+){0,4}?(?:call(?:s|ed)?|kn(?:ows?|ew))\s+(?:me|him|her)\b|"
    r"what\s+(?:I['’]m|I\s+am|I\s+was|I\s+get|I\s+got|(?:he|she)['’]s|(?:he|she)\s+(?:is|was|gets|got))\s+"
    r"(?:called|known\s+as)\b)"
)
#: The name before it, and the pause (searched just before the words above).
_NICK_THATS_NAME = re.compile(
    rf"(?<![\w'’-])(?P<name>{_W}(?:-{_W})?(?:\s+{_W}(?:-{_W})?)?)[\"”’']?(?:\s*[,;:]|\s+(?:--|[-–—]))\s+$"
)
_NICK_THATS_TOKENS = ("that's ", "that’s ", "that is ", "that was ", "which is ", "which was ")
#: What one is called that is an insult, no nickname ("Coward, that's what they called me").
_INSULTS = frozenset(
    """Coward Liar Scum Scumbag Thug Bully Murderer Bastard Wanker Idiot Bent Corrupt Fascist
    Hero Joke Disgrace Rat Judas Turncoat Uncle Tom Monster Animal Thief Crook Bitch Slag
    Paedo Nonce Killer Clown Muppet Cunt Prick Twat""".split()
)
#: Words that open a sentence before "that's what ..." and name nobody ("Anyway, that's
#: what they call me").
_DISCOURSE = frozenset(
    """Anyway Anyhow Honestly Basically Yeah Yes Yep No Nope Nah Naw Aye Well Right Okay Ok
    Exactly Obviously Apparently Seriously Literally Really Sorry Please Thanks Whatever
    Mostly Usually Normally Still Now Then So Again Honest Yup Sure True Correct Indeed
    Definitely Absolutely Anyways Besides Otherwise Also Plus Oh Ah Eh Hmm""".split()
)
_NICK_TOKENS = ("nickname", " call", "name", "called", " kn")


def _nickname_said(text, add):
    """Names of :data:`_NICK_IS` and :data:`_THEYRE_CALLED`."""
    if not any(t in text for t in _NICK_TOKENS):
        return
    for m in _NICK_IS.finditer(text):
        words = m.group("name").split()
        if len(words) == 2 and words[0] not in ("Big", "Little", "Wee", "Young", "Old", "Fat"):
            words = words[1:]
        if not all(_nickname_ok(w, len(words) == 2 and k == 0) for k, w in enumerate(words)):
            continue
        if words[-1] in _ids.gazetteer()[0] or not _ids.is_ordinary(words[-1]) or "nick" in m.group():
            s = m.end("name") - len(" ".join(words))
            add((s, m.end("name"), "person", words[-1].lower()))
    for i in _starts(text, _NICK_THATS_TOKENS):
        if _NICK_THATS.match(text, i) is None:
            continue
        m = _NICK_THATS_NAME.search(text, max(0, i - 40), i)
        if m is not None:
            words = m.group("name").split()
            if len(words) == 2 and words[0] not in ("Big", "Little", "Wee", "Young", "Old", "Fat"):
                words = words[1:]
            if not all(_nickname_ok(w, len(words) == 2 and k == 0) for k, w in enumerate(words)):
                continue
            w = words[-1]
            if any(x in _INSULTS or x in _DISCOURSE or _KIN_TITLE_ONLY.fullmatch(x) for x in words) or (
                w.endswith("ly") and _ids.is_ordinary(w) and w not in _ids.gazetteer()[0]
            ):
                continue  # "Coward, that's what they called me", "Anyway, that's what ..."
            s = m.end("name") - len(" ".join(words))
            add((s, m.end("name"), "person", words[-1].lower()))
    for m in _THEYRE_CALLED.finditer(text):
        for g in ("a", "b"):
            w = m.group(g)
            if _nickname_ok(w) and (w in _ids.gazetteer()[0] or not _ids.is_ordinary(w)):
                add((m.start(g), m.end(g), "person", w.lower()))


def _greeted(text, add):
    """The person greeted: "alright Pricey", 'cheers Debs' (see :data:`_GREETING`)."""
    low = text.lower()
    if len(low) != len(text):
        low = re.sub(r"[A-Z]", lambda m: m.group().lower(), text)  # "İ" and the like keep their place
    for i in _starts(low, _GREETING_TOKENS):
        m = _GREETING.match(text, i)
        if m is None:
            continue
        w = m.group("name")
        if text[i].isupper() and _ids._DETERMINER_BEFORE.search(text, max(0, i - 12), i):
            continue  # "the Evening Standard", "the Morning Briefing": a thing's name
        if m.group("pause") is None and not (
            _MESSAGE_GOES_ON.match(text, m.end("name"))
            and w in _ids.gazetteer()[0]
            and w not in _ids.NOT_GIVEN
            and (_ids._sentence_start(text, i) or text[i - 1 : i] in ('"', "“"))
        ):
            continue  # no pause after it: only a given name of the lists opening a message ('"Hi Precious it's Marie')
        if (
            w in _GREETED_NOT
            or w in _ids.NEWSPAPER_WORDS
            or w in _ADDRESS_WORDS
            or w in _ids._RANK_WORDS
            or w in _PRODUCTS
            or w.casefold() in _ids._common_words()
            or _ids._calendar(w)
            or w in _ids.allowed_proper_nouns()
            or w in _ids.NOT_PLACES
        ):
            continue
        add((m.start("name"), m.end("name"), "person", w.lower()))


def _plain_surname(word: str) -> bool:
    """True when ``word`` may follow a given name as a surname."""
    family = _ids.gazetteer()[1]
    return (
        word not in _ids.NOT_SURNAMES
        and word not in _ids.UNIT_WORDS
        and word.casefold() not in _ids._common_words()
        and not _ids._calendar(word)
        and word not in _ids.allowed_proper_nouns()
        and (word in family or not _ids.is_ordinary(word))
    )


#: Positions where any of the words begins in a text (str.find: cheaper than a regex).
_starts = _win.starts


#: What only a person does or has, after a capitalised word that opens a sentence and is
#: in no word list: "Kezia and I went", "Zuri's husband rang" (not "texted" or "rang":
#: companies text and ring too).
_HUMAN_AFTER = re.compile(
    r"\s+and\s+(?:I|me)\b|['’]s\s+(?:(?:little|older|younger|big|new|ex-?)\s*)?"
    r"(?:wife|husband|partner|son|daughter|mum|mam|mom|mother|dad|father|nan|nana|gran|grandma|grandad|"
    r"brother|sister|girlfriend|boyfriend|fianc[eé]e?|missus|fella|ex-wife|ex-husband|stepdad|stepmum|"
    r"auntie|aunt|uncle|cousin|niece|nephew|children|kids)\b"
)
_HUMAN_TOKENS = (" and I", " and me", "'s ", "’s ")
_WORD_END = re.compile(rf"(?<![\w'’-])({_W})$")
_SELF_TOKENS = ("I'm ", "I’m ", "I am ")
_CALL_TOKENS = ("call", "Call", "nicknamed", "dubbed", "christened", "know", "Know", "knew", "Knew")
_KIN_TOKENS = ("Aunt", "Uncle", "Nan", "Gran", "Cousin", "Nain", "Taid", "Mamgu", "Bampi", "Nonn", "Babcia", "Dziadek")


#: A capital letter and a full stop standing for a name: "R.T.", "R. T.", "T.".
_INITIALS = re.compile(r"(?:[A-Z]\.\s?){0,2}[A-Z]\.")
#: A surname after initials: "T. Mahmood", "J.P. O'Hara".
_AFTER_INITIALS = re.compile(rf"\s(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?)(?![\w'’-])")
#: A rank or title right before initials: "PS R.T.", "Mrs J.".
_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z]{2,4}|Sgt|Insp|Supt|Mr|Mrs|Ms|Miss|Dr)\s$")
#: "Surname, Given" or "Surname, I" read out of a list or a record: after a quote or a
#: colon, a surname, a comma and a given name or a lone initial.
#: Also a surname in capitals ('"HOLDEN, Sarah J"', with a middle initial after the given
#: name), a rank after the surname ('"1. Hussey, PC, 1562"') and a date after it
#: ('"O'Neill, 14/11/1999. Baptiste, 02/05/2001."').
_SUR_ANY = rf"(?:Mc|Mac|O['’])?{_W}(?:-{_W})?|(?:O['’]|Mc|MC|Mac|MAC)?[A-Z]{{2,}}(?:-[A-Z]{{2,}})?"
_LIST_RANKS = r"PCSO|PC|WPC|PS|DCI|DCS|DC|DSU|DS|DI|SC|TDC|PSI|Sgt|Insp|Supt|Ch\s+Insp|Ch\s+Supt|[AT]/Sgt|[AT]/Insp"
_SURNAME_FIRST = re.compile(
    rf"(?P<sur>{_SUR_ANY}),\s(?:(?P<rank>{_LIST_RANKS})(?=\s*[,.;:|\"”–—]|\s+-\s|\s+[A-Z]?\d)"
    rf"|(?P<given>{_W}|[A-Z](?=[,|\"”]))(?:\s(?P<init>[A-Z])(?=[,;|\"”]))?"
    r"|(?P<dob>\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{3}[ -]?\d{3}[ -]?\d{4}|\d{4,6})(?![/.]?\d))(?![\w'’-])"
)
#: "Surname I" in a list: '"PATEL R -- 119FH"', "Patel R, 119FH", "| PATEL S |" (a surname of the list).
_SURNAME_INITIAL = re.compile(rf"(?P<sur>{_SUR_ANY})\s(?P<init>[A-Z])(?=\s*(?:--|[–—,;|\"”]|\s-\s))")
_CAPS_INITIAL = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?\s[A-Z](?=\s*(?:--|[–—,;|\"”]|\s-\s))")
_LIST_OPEN = ('"', "“", ": ")
#: Where the next item of a list read out opens: '"1. Hanley, Jo – 1184. 2. Baird, Ellen
#: – 2047."' (a full given name in the gazetteer and a comma or a dash after it).
_ITEM_OPEN = (". ", "; ")
_ITEM_AFTER = re.compile(r"\s*(?:,|[–—-]\s)")
#: After an item opened by "; " ('"Hughes, Gareth; Morgan, Sian; Pritchard, Dylan"'): also
#: the next semicolon, the closing quote or the end of the sentence.
_SEMI_ITEM_AFTER = re.compile(r"\s*(?:[,;\"”)]|[–—-]\s|\.(?:\s|$)|$)")
#: "Grace is my daughter", "Elfed was my husband": a name and what the person is to the speaker.
_IS_MY = re.compile(
    r" (?:is|was) my (?:(?:eldest|youngest|oldest|little|big|older|younger)\s+)?(?:daughter|son|wife|husband|"
    r"partner|brother|sister|mum|dad|mother|father|stepson|stepdaughter|stepdad|stepmum|nephew|niece|"
    r"grandson|granddaughter|fiancée?|girlfriend|boyfriend)\b"
)
_IS_MY_TOKENS = (" is my ", " was my ")


#: "my wife's called May", "your wife's name is May?", "our daughter was named Summer",
#: "I've a son called Will": a relative and the name they are called by. The cue is
#: strong, so a given name of the lists that is also a word or a month is taken.
_KIN_CALLED = re.compile(
    r"(?<![\w'’-])(?:(?:[Ss]he|[Hh]e)(?:['’]s|\s+(?:is|was))\s+(?:called|named)|(?:[Hh]er|[Hh]is)\s+name(?:['’]s|\s+(?:is|was)))"
    rf"\s+(?P<name2>{_W}(?:-{_W})?)(?![\w'’-])|"
    r"(?<![\w'’-])(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[Mm]e|[Tt]he|an?)\s+(?:(?:eldest|youngest|oldest|little|big|"
    r"older|younger|late|new|baby|middle)\s+)?(?P<kin>wife|husband|partner|son|daughter|brother|sister|mum|mam|"
    r"mother|dad|father|nan|gran|grandson|granddaughter|niece|nephew|girlfriend|boyfriend|fianc[eé]e?|"
    r"stepson|stepdaughter|twin|baby|missus|lad|lass|girl|boy)"
    r"(?:(?:['’]s|\s+(?:is|was))\s+(?:called|named|name[sd]?)|['’]s\s+name(?:['’]s|\s+(?:is|was))|"
    r"\s+(?:called|named))\s+"
    rf"(?P<name>{_W}(?:-{_W})?)(?:\s+(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?))?(?![\w'’-])"
)
_KIN_CALLED_TOKENS = (" called ", " named ", " name is ", " name's ", " name’s ", " name was ", "name is ", "name's ")


def _kin_called(text, add, given):
    """Names of :data:`_KIN_CALLED` (a given name of the lists, not a form of address
    or a rank: "my mum's called Nan" names nobody)."""
    seen = set()
    for i in _starts(text, _KIN_CALLED_TOKENS):  # the cue's words, then the pattern around them
        for c in _KIN_CALLED.finditer(text, max(0, i - 48), i + 40):
            if c.start() not in seen and (m := _KIN_CALLED.match(text, c.start())) is not None:
                seen.add(c.start())
                _kin_called_add(text, m, add, given)


def _kin_called_add(text, m, add, given):
    """The name of one match of :data:`_KIN_CALLED`."""
    if m.group("name2"):  # "she's called May", "his name was Will"
        w = m.group("name2")
        if (
            w in given
            and w in _ids.AMBIGUOUS_GIVEN
            and w not in _ids._RANK_WORDS
            and not _month_said(text, *m.span("name2"))
        ):
            add((m.start("name2"), m.end("name2"), "person", w.lower()))
        return
    w = m.group("name")
    if w not in given or w in _ADDRESS_WORDS or w in _ids._RANK_WORDS or w in _ids.NOT_GIVEN:
        return
    end, ident = m.end("name"), w.lower()
    sur = m.group("sur")
    if sur and _plain_surname(sur) and sur not in _ids.NOT_GIVEN:
        end, ident = m.end("sur"), sur.lower()
    add((m.start("name"), end, "person", ident))


#: A short form said with the full given name after it: "I'm Mo — Mohammed Rafiq", "Sam,
#: Samantha really", "Jen (Jennifer) Oduya", "Al, short for Alistair".
_SHORT_FORM = re.compile(
    r"(?P<short>[A-Z][a-z]{1,5})\s*(?:[—–(]|\s-|,)\s*(?:(?:short|that['’]s\s+short)\s+for\s+|as\s+in\s+|or\s+|well\s+)?"
    r"(?P<full>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w'’-])"
)
_SHORT_TOKENS = ("—", "–", " -", "(", ", ")


def _short_form(text, add, given):
    """The short form of :data:`_SHORT_FORM` (the full name is a given name of the lists,
    in no other word list, and begins with the short form)."""
    common = _ids._common_words()
    for i in _starts(text, _SHORT_TOKENS):
        w = _WORD_END.search(text, max(0, i - 8), i if text[i] != " " or text[i + 1] == "-" else i)
        if w is None:
            j = i
            while j > 0 and text[j - 1] == " ":
                j -= 1
            w = _WORD_END.search(text, max(0, j - 8), j)
            if w is None:
                continue
        m = _SHORT_FORM.match(text, w.start())
        if m is None:
            continue
        short, full = m.group("short"), m.group("full")
        if (
            full == short
            or not full.startswith(short)
            or full not in given
            or _ids.is_ordinary(full)
            or full in _ids.NOT_GIVEN
            or short.casefold() in common
            or short in _ids._RANK_WORDS
            or short in _ids.NOT_GIVEN
            or _ids._calendar(short)
        ):
            continue
        if short not in given and short.casefold() in _ids.english_words() and "for" not in m.group():
            if not re.match(r"\s*[—–(]|\s-", text[m.end("short") : m.end("short") + 3]):
                continue  # "Go, Gordon!": a word; "Mo — Mohammed" with a dash
        ident = full.lower()
        sur = _AFTER_INITIALS.match(text, m.end())
        if sur and _plain_surname(sur.group("sur")) and sur.group("sur") not in _ids.NOT_GIVEN:
            ident = sur.group("sur").lower()  # the identity of "Mohammed Rafiq"
        add((m.start("short"), m.end("short"), "person", ident))


def _is_my_kin(text, add, given):
    """A given name followed by what the person is to the speaker ("Grace is my
    daughter"): taken even when the name is also a word (Grace, Will, Hope)."""
    for i in _starts(text, _IS_MY_TOKENS):
        if not _IS_MY.match(text, i):
            continue
        w = _WORD_END.search(text, max(0, i - 25), i)
        if w is None:
            continue
        word = w.group(1)
        if word in given and word not in _ids.NOT_GIVEN and not _ids._calendar(word) and word not in _ids._RANK_WORDS:
            add((w.start(), w.end(), "person", word.lower()))


def _initials(text, add):
    """Initials standing for a person: after a rank or title ("PS R.T.", "Mrs J."), or
    before a surname in the gazetteer ("T. Mahmood"). Anchored at full stops (str.find)
    rather than a regex over the whole text."""
    i = text.find(".")
    while i >= 1:
        j = i - 1  # the letter before this stop
        if text[j].isupper() and (j == 0 or not (text[j - 1].isalnum() or text[j - 1] in ".'’-")):
            m = _INITIALS.match(text, j)
            if m:
                e = m.end()
                sur = _AFTER_INITIALS.match(text, e)
                if sur and _plain_surname(sur.group("sur")) and sur.group("sur") not in _ids.NOT_GIVEN:
                    add((j, sur.end("sur"), "person", sur.group("sur").lower()))
                elif e - j >= 4 and _TITLE_BEFORE.search(text, max(0, j - 6), j):
                    if text[j - 4 : j - 1] not in ("Ltd", "PLC"):
                        add((j, e, "person", text[j:e].replace(" ", "").lower()))
                i = text.find(".", max(e, i + 1))
                continue
        i = text.find(".", i + 1)


def _surname_first(text, add, given):
    """Persons read out as "Surname, Given" or "Surname, I" from a list, quoted or after
    a colon ('"Harris, Jo", NHS number ...')."""
    dated: list = []
    for i in _starts(text, _LIST_OPEN):
        _surname_given(text, i + (2 if text[i] == ":" else 1), add, given, dated=dated)
    for i in _starts(text, _ITEM_OPEN):
        _surname_given(text, i + 2, add, given, item=True, dated=dated, semi=text[i] == ";")
    family = _ids.gazetteer()[1]
    if any(_cap_name(text[s:e]) in family for s, e in dated):  # a list of surnames and dates
        for s, e in dated:
            add((s, e, "person", text[s:e].lower()))
    if ". " in text:
        _surname_chain(text, add, given)


#: One item of a list of persons written "Surname, Given" and split by semicolons:
#: "Hughes, Gareth; Morgan, Sian; Pritchard, Dylan" (see :func:`_semicolon_list`).
_SEMI_LIST_ITEM = re.compile(
    rf"(?<![\w'’-])(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?),\s(?P<given>{_W}(?:-{_W})?)(?![\w'’-])"
)


def _semi_item_ok(sur, first, given, family):
    """Neither word of one "Surname, Given" item an ordinary word, a place or a month."""
    places = _ids.allowed_proper_nouns()  # "London", "Leeds": towns, not names
    for w in (sur, first):
        if (
            w.casefold() in _ids._common_words()
            or w in _ids.NOT_GIVEN
            or w in _ids.NOT_SURNAMES
            or w in _ids._RANK_WORDS
            or w in _ids.UNIT_WORDS
            or _ids._calendar(w)
            or w in places
            or (_ids.is_ordinary(w) and w not in given and w not in family)
        ):
            return False
    return True


def _semicolon_list(text, add, given):
    """Every item of a list of two or more "Surname, Given" split by semicolons ("Shah,
    Aisha; Brennan, Luke; Eze, Chidi; as the rota had it"), the first item too and given
    names not in the lists, when one item has a surname and one a given name of the
    lists (not '"London, Paris; Rome, Berlin"': places)."""
    family = _ids.gazetteer()[1]
    items = []
    for m in _SEMI_LIST_ITEM.finditer(text):
        if items and re.fullmatch(r";\s*(?:and\s+)?", text[items[-1][-1].end() : m.start()]):
            items[-1].append(m)
        else:
            items.append([m])
    for run in items:
        if len(run) < 2:
            continue
        if not all(_semi_item_ok(m.group("sur"), m.group("given"), given, family) for m in run):
            continue
        if not any(m.group("sur") in family for m in run) or not any(m.group("given") in given for m in run):
            continue
        for m in run:
            add((m.start(), m.end(), "person", m.group("sur").lower()))


#: A name spelled out with its initial and the name itself after "for": "then P for Parry",
#: "the surname's Jones, J for Jones" (the name a surname of the lists, no given name or
#: word of a spelling alphabet: "P for Peter", "S for Sugar", "F for Fox" name nobody).
_LETTER_FOR = re.compile(rf"(?<![\w'’-])(?P<l>[A-Z])\s+for\s+(?P<name>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?)(?![\w'’-])")


#: Words of the spelling alphabets (NATO's and the older British ones) and the words
#: speakers use to spell with: "B for Bravo", "F for Fox", "B for Baker" name nobody.
_SPELLING_WORDS = frozenset(
    """Alpha Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Juliett Kilo Lima Mike
    November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whisky Whiskey Xray Yankee Zulu
    Able Ack Apple Baker Beer Butter Charles Dog Duff Easy Edward Emma Fox Freddie Freddy George
    Harry How Item Jig Johnnie Johnny King Love London Mother Nan Nuts Oboe Orange Peter Pip Pudding
    Queen Queenie Roger Robert Sugar Tare Toc Tommy Uncle Vic Vinegar William Willie Yoke Yorker
    Zebra""".split()
)


def _letter_for(text, add, given):
    """Names of :data:`_LETTER_FOR` (the letter the name's first)."""
    for i in _starts(text, (" for ",)):
        if i < 1 or not text[i - 1].isupper() or (i > 1 and not text[i - 2].isspace() and text[i - 2] not in ',;("“'):
            continue  # no lone capital letter before "for": str checks first, far cheaper
        m = _LETTER_FOR.match(text, i - 1)
        if m is None:
            continue
        w = m.group("name")
        if w[0] != m.group("l") or w in given or w in _SPELLING_WORDS or not _plain_surname(w):
            continue
        add((m.start("name"), m.end("name"), "person", w.lower()))


#: "Surname, Initial." in a list or a record: "Graham, Stuart, Nisbet, Kerry and Reid, A.",
#: "it was signed Okoro, T. J.", "Shaw, J.; Patel, R." (the initial with its full stop; no
#: capitalised word after it, which would open the next sentence or be a surname).
_SUR_COMMA_INITIAL = re.compile(
    rf"(?<![\w'’-])(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?),\s(?P<init>[A-Z]\.(?:\s?[A-Z]\.)?)"
    r"(?![\w'’-])(?!\s+[A-Z][a-z])"
)


def _surname_comma_initial(text, add):
    """Persons of :data:`_SUR_COMMA_INITIAL`: a surname of the list or no English word, or
    any surname with another such item next to it ("Wood, A., Hill, B.")."""
    items = []
    for i in _starts(text, (", ",)):
        if not (text[i + 2 : i + 3].isupper() and text[i + 3 : i + 4] == "."):
            continue
        j = i
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’-"):
            j -= 1
        m = _SUR_COMMA_INITIAL.match(text, j)
        if m is None or m.end("sur") != i:
            continue
        sur = m.group("sur")
        if (
            sur in _ids.NOT_SURNAMES
            or sur in _ids._RANK_WORDS
            or sur.casefold() in _ids._common_words()
            or _ids._calendar(sur)
            or sur in _ids.allowed_proper_nouns()
            or sur in _ids.UNIT_WORDS
        ):
            continue
        items.append((m.start(), m.end(), sur, sur in _ids.gazetteer()[1] or not _ids.is_ordinary(sur)))
    for k, (s, e, sur, listed) in enumerate(items):
        near = any(abs(s - b) < 12 or abs(a - e) < 12 for a, b, _, _ in items[:k] + items[k + 1 :])
        if listed or near:
            add((s, e, "person", sur.lower()))


#: A title or a rank and one initial standing for a person: "I'll call her Mrs B", "Mr T
#: from over the road", "it was DC H who took it", "the neighbour, Mrs J., said" (not
#: "I" or "A" without a full stop after them, which open words of the sentence: "the PC
#: I was with"; a full stop after the title only where it is written so, "Mr.").
_TITLE_INITIAL = re.compile(
    r"(?<![\w'’.-])(?P<rank>(?:Mrs|Mr|Ms|Dr)\.?|Miss|Mx|PCSO|PC|WPC|DC|DS|DI|DCI|Sgt|PS|Insp|Supt|Officer|"
    r"Sergeant|Inspector|Constable|Detective)\s(?P<init>[A-Z])(?P<stop>\.)?(?![\w&/-]|['’](?!s\b)|\.\w)"
)
_TITLE_INITIAL_TOKENS: tuple[str, ...] = (
    "Mr",
    "Ms",
    "Dr",
    "Miss",
    "Mx",
    "PC",
    "WPC",
    "DC",
    "DS",
    "DI",
    "Sgt",
    "PS",
    "Insp",
    "Supt",
)
_TITLE_INITIAL_TOKENS += ("Officer", "Sergeant", "Inspector", "Constable", "Detective")


def _title_initial(text, add):
    """Persons of :data:`_TITLE_INITIAL`."""
    for i in _starts(text, _TITLE_INITIAL_TOKENS):
        m = _TITLE_INITIAL.match(text, i)
        if m is None:
            continue
        init = m.group("init")
        if init in ("I", "A") and not m.group("stop"):
            continue  # "the PC I was with", "Sergeant A bit later"
        if re.match(
            r"\s+(?:shift|relief|team|group|watch|section|block|wing|division|unit|squad|grade)s?\b", text[m.end() :]
        ):
            continue  # "a Sergeant B shift then": a shift's letter
        if not m.group("stop") and re.match(r"\s+[a-z]+\s+[a-z]", text[m.end() : m.end() + 12]) is None:
            if not re.match(r"\s*(?:[,;:.!?)\"”]|$|['’]s\b|\s(?:--|[-–—])\s)", text[m.end() : m.end() + 4]):
                continue  # "PC B Smith": the initial of a name the rank rule takes
        end = m.end("stop") if m.group("stop") else m.end("init")
        if m.group("stop") and re.match(r"\s?[A-Z]", text[end : end + 2]):
            continue  # "Mr A. J. Haworth": the first initial of a name said in full
        add((m.start(), end, "person", init.lower() + "."))


#: Someone whose home or work is known, in a threat: '"we know where Saffron lives"', "found
#: out where Rowan works" (what only a person does; a word of any list, or none).
_WHERE_LIVES = re.compile(
    r"(?i:\b(?:know|knows|knew|find|finds|found|finding|tell\s+\w+|ask\s+\w+)\s+(?:out\s+)?where\s+)"
    rf"(?P<name>{_W}(?:-{_W})?)\s+(?:lives|works|sleeps|stays|drinks|parks|goes\s+to\s+school|drops\s+(?:her|his)\s+kids)\b"
)


def _where_lives(text, add):
    """Persons of :data:`_WHERE_LIVES`."""
    for i in _starts(text, ("where ", "Where ")):
        m = _WHERE_LIVES.search(text, max(0, i - 24), i + 60)
        if m is None or m.start("name") != i + 6:
            continue
        w = m.group("name")
        if (
            w.casefold() in _ids._common_words()
            or w in _ids._RANK_WORDS
            or w in _ADDRESS_WORDS
            or _ids._calendar(w)
            or w in _ids.allowed_proper_nouns()
            or w in _ids.NOT_GIVEN
        ):
            continue
        add((m.start("name"), m.end("name"), "person", w.lower()))


#: One "Surname, Given." of a list read out item by item, each its own sentence:
#: "Kemp, Alison. Okafor, Daniel. Me, Rigby, Joel." (an aside such as "Me, " before one).
_CHAIN_ITEM = re.compile(
    rf"(?:(?:Me|Then|And|Myself|Him|Her),\s)?(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?),\s(?P<given>{_W})(?=\.(?:\s|$))"
)


def _surname_chain(text, add, given):
    """Two or more "Surname, Given." items one after the other (see above): each a person."""
    items = []
    for i in [0, *(j + 2 for j in _starts(text, (". ",)))]:
        m = _CHAIN_ITEM.match(text, i)
        if m is None:
            continue
        sur, first = m.group("sur"), m.group("given")
        if (
            not _plain_surname(sur)
            or sur in _ids.NOT_GIVEN
            or sur.casefold() in _ids._common_words()
            or first.casefold() in _ids._common_words()
            or not (first in given or not _ids.is_ordinary(first))
        ):
            continue
        items.append((i, m.start("sur"), m.end(), sur))
    run: list = []
    for item in items:
        if run and item[0] != run[-1][2] + 2:
            if len(run) > 1:
                for _, s, e, sur in run:
                    add((s, e, "person", sur.lower()))
            run = []
        run.append(item)
    if len(run) > 1:
        for _, s, e, sur in run:
            add((s, e, "person", sur.lower()))


#: "the Pritchards next door", '"the Okonjos, both of them"': a family by its surname in
#: the plural after "the" (the surname alone is the span; "the Joneses" too).
_THE_FAMILY = re.compile(r"[Tt]he\s+(?P<sur>[A-Z][a-z]{2,}?)(?:es|s)(?=[\s,.;:!?\"”’)]|$)")


#: What says "the Xs" is a family when the surname is in no list: the family's name said
#: before it ("our name on, the Fairbairns", "the surname, the Kowalczyks") or where they
#: live after it ("the Okonjos next door", "the Fairbairns at number 6").
_FAMILY_CUE_BEFORE = re.compile(
    r"(?i:\b(?:our|my|their|his|her|the|your)\s+(?:sur|family\s+|married\s+|maiden\s+)?name\b)[^.!?]{0,24}$"
)
_FAMILY_CUE_AFTER = re.compile(
    r"\s+(?:next\s+door|over\s+the\s+road|across\s+the\s+road|opposite|upstairs|downstairs|"
    r"down\s+the\s+road|up\s+the\s+road|at\s+number\s+\d|at\s+no\.?\s*\d)\b"
)


def _unlisted_family(text, m, sur, word):
    """True when "the" and ``word`` (a surname in the plural, in no list and no word)
    name a family by the cues above (after the family's name, a pause)."""
    one = word[:-2] if re.search(r"(?:s|x|z|ch|sh)es$", word) else word[:-1]
    if (
        len(one) < 4
        or not re.fullmatch(r"[A-Z][a-z]+", one)
        or _ids.is_ordinary(one)
        or _ids.is_ordinary(word)
        or word in _ids.allowed_proper_nouns()
        or one in _ids.allowed_proper_nouns()
        or word in _ids.NOT_PLACES
        or one in _ids.gazetteer()[0]
    ):
        return False
    if _FAMILY_CUE_AFTER.match(text, m.end()):
        return True
    s = m.start()
    return bool(re.match(r"\s*[,.;:!?)]", text[m.end() : m.end() + 2])) and bool(
        _FAMILY_CUE_BEFORE.search(text, max(0, s - 40), s)
    )


#: Families of television, fame and history: "the Simpsons", "the Tudors" name nobody here.
_FAMOUS_FAMILIES = frozenset(
    """Simpsons Kardashians Osbournes Waltons Flintstones Sopranos Jetsons Royles Beckhams
    Windsors Tudors Stuarts Normans Romans Saxons Vikings Celts Gallaghers Addams""".split()
)


def _the_family(text, add, family):
    """A family named by "the" and its surname in the plural (see above)."""
    given = _ids.gazetteer()[0]
    for i in _starts(text, ("the ", "The ")):
        m = _THE_FAMILY.match(text, i)
        if m is None or (i and (text[i - 1].isalnum() or text[i - 1] in "'’-")):
            continue
        sur = m.group("sur")
        word = text[m.start("sur") : m.end()].rstrip()
        word = re.sub(r"[\s,.;:!?\"”’)]+$", "", word)
        if word in _FAMOUS_FAMILIES:
            continue
        if not _ids._family_plural(word, family) or sur not in family:
            if not _unlisted_family(text, m, sur, word):
                continue
        if (
            _ids.is_ordinary(sur)
            or _ids.is_ordinary(word)
            or word in given
            or sur in _ids.NOT_GIVEN
            or sur in _ids.UNIT_WORDS
            or word in _ids.allowed_proper_nouns()
            or sur in _CLUBS_ALONE
            or not _plain_surname(sur)
        ):
            continue
        add((m.start("sur"), m.end(), "person", sur.lower()))  # the plural "s" inside: the family's name


#: A given name and the initial of the surname: "so I sign it Kerry D, which", "Jamie T)".
#: The item may close a quote: '"Kayden B", "Lewis H"'; or a sentence: "one was Stevie G."
_GIVEN_INITIAL = re.compile(r" [B-HJ-Z](?=[,;)\"”]|['’](?!\w)|\s+[a-z]|\s*$|\.(?:\s|$))")


def _given_initial(text, add, given):
    """A given name of the lists with the initial of the surname after it (see above)."""
    for m in _GIVEN_INITIAL.finditer(text):
        g = _WORD_END.search(text, max(0, m.start() - 25), m.start())
        if g is None:
            continue
        w = g.group(1)
        if w not in given or _ids.is_ordinary(w) or w in _ids.NOT_GIVEN or _ids._calendar(w) or w in _ids.STAR_SIGNS:
            continue
        if w in _ids.PHONETIC or w in _ids._RANK_WORDS:
            continue  # "Charlie D", call signs
        add((g.start(), m.end(), "person", w.lower()))


#: An Irish surname with its prefix said apart: "Ó Murchú", "Ní Bhriain", "Uí Néill".
_IRISH_PREFIXES = ("Ó ", "Ní ", "Uí ", "Mhic ", "Nic ")
_IRISH_SURNAME = re.compile(rf"(?<![\w'’-])(?:Ó|Ní|Uí|Mhic|Nic)\s(?P<sur>{_W})(?![\w'’-])")
#: Initials opening a post or message, and where the person is from: '"JD from Wigan, ..."'.
_INITIALS_FROM = re.compile(r"(?P<name>[A-Z]{2,3}) from [A-Z][a-z]+")


def _cap_name(word):
    """``word`` written in capitals as a name is written ("O'NEILL" -> "O'Neill")."""
    return re.sub(r"[A-Z]{2,}", lambda m: m.group().capitalize(), word)


#: A list of people going on after a second name: ", the DI", ", Kerr", " and Big Stevie".
_NAMES_GO_ON = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+[A-Za-z]|[A-Z][a-z])|\s+and\s+(?:the\s+|[A-Z][a-z])")


def _surname_given(text, s, add, given, item=False, dated=None, semi=False):
    """The "Surname, Given" at ``s``; ``item``: after a full stop, where a full given name
    and a comma or dash after it are needed ("... 2. Baird, Ellen – 2047"). A surname with
    a rank or a date after it is the surname alone; one with a date is put in ``dated``
    (taken when one surname of that list is in the list of surnames)."""
    m = _SURNAME_FIRST.match(text, s)
    if m is None:
        _surname_initial(text, s, add)
        return
    family = _ids.gazetteer()[1]
    sur, first = m.group("sur"), m.group("given")
    name = _cap_name(sur)
    caps = name != sur
    if name in _ids.NOT_GIVEN or not (_plain_surname(name) or _record_surname(text, m, name, given)):
        return
    if caps and not (_listed_double(name, family) if "-" in name else name in family):
        return  # in capitals: a surname of the list ("HOLDEN", "ADEBAYO-COLE", "McGRATH")
    if first is None:
        if m.group("rank"):
            add((m.start(), m.end("sur"), "person", sur.lower()))  # '"1. Hussey, PC, 1562"'
        elif dated is not None:
            dated.append((m.start(), m.end("sur")))
        return
    if len(first) > 1 and first.casefold() in _ids._common_words():
        return
    if len(first) > 1 and first not in given and not (caps and not _ids.is_ordinary(first)):
        return  # a given name of the lists; after a surname in capitals, any name ("ZHANG, Wei")
    if len(first) > 1 and name in given and name not in family and _NAMES_GO_ON.match(text, m.end()):
        return  # "P: Gav, Shona, the DI, Kerr": given names one after another, two persons
    if item and len(first) < 2 and re.match(r",\s*\d", text[m.end() : m.end() + 3]):
        pass  # "... 8413. Cole, T, 201160": an initial and a number after it
    elif item and (len(first) < 2 or not (_SEMI_ITEM_AFTER if semi else _ITEM_AFTER).match(text, m.end())):
        return
    add((m.start(), m.end(), "person", sur.lower()))


#: A number after "Surname, Given" in a record read out: '"Stones, Mark – 1902 – ..."',
#: '"Bird, Helen | 4410"', '"Church, Ruth, 22817"'.
_RECORD_AFTER = re.compile(
    r"(?:\s+[–—-]\s+|\s*\|\s*|,\s*)(?:\d{3,}|\d{1,2}[/.]\d)(?!\s*(?:hours?|hrs?|mins?|minutes|days|weeks|pounds|quid|miles)\b)"
)


def _record_surname(text, m, name, given):
    """True when ``name``, a surname that is also a word ("Stones", "Bird"), opens a
    record read out: a given name of the lists and a number after it (see above)."""
    first = m.group("given")
    return (
        first is not None
        and len(first) > 1
        and first in given
        and first not in _ids.NOT_GIVEN
        and not _ids._calendar(first)
        and name == m.group("sur")
        and name.casefold() not in _ids._common_words()
        and not _ids._calendar(name)
        and name not in _ids.UNIT_WORDS
        and name not in _ids._RANK_WORDS
        and name not in _ids.NOT_SURNAMES
        and _RECORD_AFTER.match(text, m.end()) is not None
    )


def _surname_initial(text, s, add):
    """'"Patel R -- 119FH"' at ``s`` (a surname of the list and an initial)."""
    m = _SURNAME_INITIAL.match(text, s)
    if m is not None and _listed_surname(m.group("sur")):
        add((m.start(), m.end(), "person", m.group("sur").lower()))


def _listed_surname(sur):
    """True when ``sur`` (in capitals or not) is a surname of the list that may be one."""
    name = _cap_name(sur)
    if sur in _ids.GENERIC_EMPLOYERS or sur in _ids.UNIT_WORDS:
        return False  # "CID A", "NHS B"
    return name in _ids.gazetteer()[1] and _plain_surname(name) and name not in _ids.NOT_GIVEN


def _caps_initials(text, add):
    """A surname in capitals and an initial, anywhere: "PATEL R -- Hounslow"."""
    for m in _CAPS_INITIAL.finditer(text):
        s = m.start()
        if s >= 2 and text[s - 1] in "'’" and text[s - 2] == "O":
            s -= 2  # "O'NEILL R"
        if s and (text[s - 1].isalnum() or text[s - 1] in "'’-_"):
            continue
        sur = text[s : m.end()].split()[0]
        if _listed_surname(sur):
            add((s, m.end(), "person", sur.lower()))


#: Initials said as a name when the speaker says they are initials: "the same initials,
#: G.P. and R.P.", "K.L., just the initials".
_INITIALS_CUE = re.compile(r"(?i:\binitials?\b)")
_INITIALS_BARE = re.compile(r"(?<![\w'’.-])(?:[A-Z]\.\s?){1,2}[A-Z]\.")
_NOT_INITIALS = frozenset(("U.K.", "U.S.", "R.I.P.", "P.S.", "N.B.", "A.M.", "P.M."))
#: Initials in capitals said as initials: "AK, JT and MB, just initials", "his initials,
#: DB, on the door" (set apart by a comma, "and", a colon or quotes; near "initials").
_CAPS_BARE = re.compile(r"(?<![\w'’.&/-])[A-Z]{2,3}(?![\w'’&/-]|\.\w)")
_CAPS_LISTED = re.compile(
    r"(?:[,:\"“‘]|\band)\s*[A-Z]{2,3}(?![\w'’-])|[A-Z]{2,3}[\"”’]?\s*(?:,|and\b|&|\.(?:\s|$)|[\"”’])"
)


def _caps_no_initials(text, m):
    """True when the capitals of ``m`` are an abbreviation, a rank, a word or the letters
    of a number or code ("NI number", "NE 2231", "PC", "OK")."""
    w = m.group()
    return (
        w in _NOT_NAME_CAPS
        or w in _NOT_INITIALS
        or w.casefold() in _rank_tokens()
        or w.casefold() in _ids.english_words()
        or w.casefold() in _ids._common_words()
        or w in _ids.UNIT_WORDS
        or re.match(r"\s*(?:\d|numbers?\b|no\b)", text[m.end() : m.end() + 8], re.I) is not None
    )


#: A bare initial and a surname at the start of a list item: '"J Kerr, 118045. P Singh"'
#: (after a quote, a colon or the end of the item before; not "A" or "I").
_INITIAL_SURNAME = re.compile(
    r"(?:^|(?<=[\"“(])|(?<=[.,;:] ))(?P<init>[B-HJ-Z])\s(?P<sur>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])"
)


#: Two lone dotted initials as a pair, "it was K. and R. on the flyer" (near "initials").
_INITIAL_PAIR = re.compile(r"(?<![\w'’.-])(?P<a>[A-Z])\.\s+(?:and|&)\s+(?P<b>[A-Z])\.(?![\w'’-])")


def _initials_said(text, add):
    """Dotted initials near the word "initials", and "J Kerr" in a list (see above)."""
    if _INITIALS_CUE.search(text):
        for m in _INITIALS_BARE.finditer(text):
            cue = _INITIALS_CUE.search(text, max(0, m.start() - 120), m.end() + 120)
            if cue and m.group() not in _NOT_INITIALS:
                add((m.start(), m.end(), "person", m.group().replace(" ", "").lower()))
        for m in _CAPS_BARE.finditer(text):
            w = m.group()
            if (
                _INITIALS_CUE.search(text, max(0, m.start() - 60), m.end() + 60)
                and _CAPS_LISTED.search(text, max(0, m.start() - 5), m.end() + 5)
                and not _caps_no_initials(text, m)
            ):
                add((m.start(), m.end(), "person", w.lower()))
        for m in _INITIAL_PAIR.finditer(text):
            if _INITIALS_CUE.search(text, max(0, m.start() - 60), m.end() + 60) and m.group("a") not in "AI":
                _initial_pair(text, m, add)
    for m in _INITIAL_SURNAME.finditer(text):
        sur = m.group("sur")
        if _plain_surname(sur) and sur not in _ids.NOT_GIVEN and sur not in _ids.PHONETIC:
            add((m.start(), m.end(), "person", sur.lower()))


def _initial_pair(text, m, add):
    """The pair "K. and R." said as initials and the same letters bare later in the text:
    '"K and R, she's the copper"', "K is Kyle" (a letter paired with the other, or "is"
    and a capitalised word or "me" after it)."""
    a, b = m.group("a"), m.group("b")
    add((m.start("a"), m.start("a") + 2, "person", a.lower()))
    add((m.start("b"), m.start("b") + 2, "person", b.lower()))
    bare = re.compile(rf"(?<![\w'’.&-])(?P<x>[{a}{b}])(?![\w'’.&-])")
    for x in bare.finditer(text, m.end()):
        c, e = x.group("x"), x.end()
        other = b if c == a else a
        after, before = text[e : e + 8], text[max(0, x.start() - 7) : x.start()]
        if (
            re.match(rf"\s+(?:and|&)\s+{other}(?![\w'’.&-])", after)
            or re.search(rf"(?<![\w'’.&-]){other}\s+(?:and|&)\s+$", before)
            or re.match(r"\s+(?:is|was)\s+(?:me\b|[A-Z][a-z])", text[e : e + 12])
        ):
            add((x.start(), e, "person", c.lower()))


#: Initials standing for a person by what is said around them: dotted after "compiled
#: by" or "signed" ('"compiled by J.T."'), dotted or in capitals as what the person is
#: called ("everyone calls me JT", "JT, that's what we called him", "known as A.J.").
_BY_BEFORE = re.compile(
    r"(?:\b(?:[Cc]ompiled|[Ww]ritten|[Pp]repared|[Dd]rafted|[Aa]uthored|[Tt]yped|[Cc]reated|[Pp]osted|"
    r"[Ll]eaked|[Uu]ploaded|[Ss]ent|[Dd]rawn\s+up|[Ww]ritten\s+up|[Pp]ut\s+together)\s+by|\b[Ss]igned(?:\s+off)?"
    r"(?:\s+by)?|\b[Ii]nitialled(?:\s+by)?)\s+[\"“‘]?$"
)
_INITIALS_NAME = r"(?P<name>(?:[A-Z]\.){2,3}|[A-Z]{2,3}(?![\w'’-]|\.\w))"
_DOTTED_AT = re.compile(r"[\"“‘]?(?P<name>(?:[A-Z]\.){2,3})(?![\w'’-])")
_CALLS_INITIALS = re.compile(
    r"(?:(?:[Cc]all(?:s|ed|ing)?|nicknamed|dubbed)\s+(?:him|her|me|us)|known\s+as|"
    r"know(?:s|ing)?\s+(?:him|her|me|us)\s+as)\s+"
    r"(?:just\s+|only\s+|still\s+)?[\"“‘]?" + _INITIALS_NAME
)
_INITIALS_CALLED = re.compile(
    r"(?<![\w'’.-])" + _INITIALS_NAME + r"[\"”’]?\s*,?\s*(?:that['’]s\s+|that\s+(?:is|was)\s+|is\s+|was\s+|'s\s+)?$"
)
_WHAT_CALL = re.compile(
    r"what\s+(?:they|we|he|she|you|people|everyone|everybody|the\s+\w+)\s+call(?:ed|s)?\s+(?:him|her|me|us)\b"
)
#: Capitals that are abbreviations, never initials said as a name.
_NOT_NAME_CAPS = frozenset(
    """HR IT ID TV UK US USA EU OK CID PSD NHS ACAB RIP IOPC DBS DVLA HMRC BBC ITV MP MPs
    ASBO GP AI IP PR QC KC DJ MC VIP NCA CPS DWP DV DA ASB RTC CSI CSE ARV TSG FLO SIO OIC
    PNC RPU NPT SNT PCC SMT SLT CPD PIP OST PPE BWV CAD MOJ MOD LOL OMG WTF SOS PTSD OCD
    FOI SAR ICO PDF HQ DOB NIN PIN FAQ CEO ETA AKA TBC NB PS CV XL UN NYE""".split()
)
#: Who is "known as" initials: a person said before it ("she's known as A.J.").
_KNOWN_BEFORE = re.compile(
    r"(?i:\b(?:he|she|i|who|they)(?:['’]s|['’]m|['’]re|\s+is|\s+was|\s+am|\s+are|\s+were)?\s+"
    r"(?:just\s+|always\s+|only\s+|still\s+|now\s+)?)$"
)
_BY_TOKENS = ("by ", "igned ", "nitialled ")
_CALL_INITIALS_TOKENS = ("call", "Call", "known as", "know", "nicknamed", "dubbed")


def _initials_called(text, add):
    """Initials named by the words around them (see :data:`_CALLS_INITIALS`); the same
    initials in capitals said again elsewhere in the text, with the same identity ("I'm a
    JT in the emails ... everyone calls me JT"). Anchored at the cue words (str.find)."""
    hits = []
    if "." in text:
        for i in _starts(text, _BY_TOKENS):
            j = text.find(" ", i) + 1
            m = _DOTTED_AT.match(text, j)
            if m and m.group("name") not in _NOT_INITIALS and _BY_BEFORE.search(text, max(0, j - 24), m.start("name")):
                hits.append((m.start("name"), m.end("name")))
    named = []
    for i in _starts(text, _CALL_INITIALS_TOKENS):
        if i and (text[i - 1].isalnum() or text[i - 1] in "'’-"):
            continue
        m = _CALLS_INITIALS.match(text, i)
        if m and not (text.startswith("known", i) and not _KNOWN_BEFORE.search(text, max(0, i - 20), i)):
            named.append(m)
    if "what" in text:
        for i in _starts(text, ("what ",)):
            if _WHAT_CALL.match(text, i):
                m = _INITIALS_CALLED.search(text, max(0, i - 24), i)
                if m:
                    named.append(m)
    caps = set()
    for m in named:
        w = m.group("name")
        if (
            w in _NOT_NAME_CAPS
            or w in _NOT_INITIALS
            or w.casefold() in _rank_tokens()
            or w in _ids.PHONETIC
            or w.casefold() in _ids.english_words()
            or w.casefold() in _ids._common_words()
        ):
            continue
        hits.append((m.start("name"), m.end("name")))
        if "." not in w:
            caps.add(w)
    for w in caps:
        for m in re.finditer(rf"(?<![\w'’.-]){w}(?![\w'’-]|\.\w)", text):
            hits.append((m.start(), m.end()))
    for a, b in hits:
        add((a, b, "person", text[a:b].replace(".", "").replace(" ", "").lower()))


#: A name typed or said in lower case beside "me" or "I": "me and kerry are both call
#: handlers", "sian and me went" (a given name of the lists that is no English word).
_ME_AND_AFTER = re.compile(r"(?:[Mm]e|I)\s+and\s+(?P<name>[a-z]{3,})(?![\w'’@.-])")
_ME_AND_BEFORE = re.compile(r"(?<![\w'’@.-])(?P<name>[a-z]{3,})$")
_ME_AND_TOKENS = ("me and ", "Me and ", "I and ")


def _me_and_lower(text, add, given):
    """Names of :data:`_ME_AND_AFTER` and "sian and me" (anchored with str.find)."""
    found = []
    for i in _starts(text, _ME_AND_TOKENS):
        if i and (text[i - 1].isalnum() or text[i - 1] in "'’-"):
            continue
        m = _ME_AND_AFTER.match(text, i)
        if m:
            found.append(m)
    for i in _starts(text, (" and me", " and I")):
        j = i + (7 if text[i + 5] == "m" else 6)
        if j < len(text) and (text[j].isalnum() or text[j] in "'’-"):
            continue
        m = _ME_AND_BEFORE.search(text, max(0, i - 20), i)
        if m:
            found.append(m)
    for m in found:
        w = m.group("name")
        if _lower_name_word(w, (given,)) and w not in _LOWER_RANKS and w not in _LOWER_KIN:
            add((m.start("name"), m.end("name"), "person", w))


# --------------------------------------------------------------------------------------
# Messages typed in lower case
# --------------------------------------------------------------------------------------

#: A quoted message, post or note read out (straight or curly double quotes, one line).
_QUOTE = re.compile(r"\"([^\"\n]{4,600})\"|“([^”\n]{4,600})”")
#: A lower-case word of a quoted message (not part of an e-mail, handle, link or number).
_LOWER_WORD = re.compile(r"(?<![\w'’@/.-])[a-z]+(?![\w@/-]|['’](?!s\b)|\.[a-z])")
#: Lower-case ranks that put a name after them: "pc okeke", "dc fenwick".
_LOWER_RANKS = frozenset("pc dc ds sgt ps pcso insp di dci wpc mr mrs ms miss".split())
#: Kin words before a name in a message: "tell ur wife steph".
_LOWER_KIN = frozenset("wife husband missus partner son daughter lad lass mum mam dad brother sister nan".split())
#: Words of texts and posts in no word list, never a surname: "marcus lol", "sophie innit".
_CHAT_WORDS = frozenset(
    "lol lmao omg wtf pls plz thx ty cuz innit ur yr ya ye yer bruv fam hun babe xx xxx nae theres thats whats".split()
)
#: Spoken e-mails: "gemma underscore hr at example dot com".
_SPOKEN_MAIL = re.compile(r"\b(?:underscore|dot|at)\s+[a-z]+\s+dot\b")


def quoted_lower(text):
    """``(start, end)`` of the quoted messages in ``text``: posts, texts and notes read
    out, which are often typed without capitals ("i know ur sophie i know u live in
    kirkby"), so that names and places in them must be found without one."""
    if '"' not in text and "“" not in text:
        return []
    out = []
    for m in _QUOTE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        if any(c.islower() for c in m.group(g)) and not _SPOKEN_MAIL.search(m.group(g)):
            out.append((m.start(g), m.end(g)))
    return out


def _lower_name_word(word, lists):
    """True when the lower-case ``word`` is a name of ``lists`` and no English word,
    place, call-sign word or month ("sophie", "marcus"; not "will", "chelsea" is)."""
    cap = word.capitalize()
    return (
        any(cap in names for names in lists)
        and not _ids.is_ordinary(cap)
        and cap not in _ids.NOT_GIVEN
        and cap not in _ids.PHONETIC
        and word not in _CHAT_WORDS
    )


def _lower_surname(word, family):
    """True when the lower-case ``word`` after a given name is its surname: in the list of
    surnames or in no word list ("gareth pryce"), and no text-speak ("lol")."""
    cap = word.capitalize()
    return (
        len(word) > 2
        and word not in _CHAT_WORDS
        and (cap in family or not _ids.is_ordinary(cap))
        and _plain_surname(cap)
        and cap not in _ids.PHONETIC
    )


def _lower_names(text, add, given, family):
    """Persons in messages typed in lower case (see :func:`quoted_lower`): a given name
    in no other word list, with a surname after it ("gareth pryce lives ...", "ask for
    marcus"); a rank and what follows when it is no English word ("pc okeke", "dc
    fenwick lives near me", "pc craig thompson")."""
    for qs, qe in quoted_lower(text):
        words = list(_LOWER_WORD.finditer(text, qs, qe))
        n = 0
        while n < len(words):
            w = words[n]
            word = w.group()
            nxt = words[n + 1] if n + 1 < len(words) and words[n + 1].start() == w.end() + 1 else None
            if word in _LOWER_RANKS and nxt and not _ids.is_ordinary(nxt.group().capitalize()):
                first, n = nxt, n + 1
            elif _lower_name_word(word, (given,)):
                first = w
            elif word in _LOWER_KIN and nxt and _lower_surname(nxt.group(), ()):
                first, n = nxt, n + 1  # a name in no list after a kin word ("ur wife steph")
            elif (
                word.endswith("s")
                and nxt
                and nxt.group() in _LOWER_KIN
                and _lower_name_word(word[:-1], (given,))
                and not _lower_name_word(word, (given,))
            ):
                add((w.start(), w.end(), "person", word[:-1]))  # "jaydens mum the pig": the apostrophe left out
                n += 1
                continue
            else:
                n += 1
                continue
            end, ident = first.end(), first.group()
            sur = words[n + 1] if n + 1 < len(words) and words[n + 1].start() == first.end() + 1 else None
            if sur and _lower_surname(sur.group(), family):
                end, ident, n = sur.end(), sur.group(), n + 1
            add((first.start(), end, "person", ident))
            n += 1


#: In a message typed in capitals, a name after a verb of contact or a greeting: '"CALL
#: DEBS ON 0161 ..."', '"TELL KAREN WALSH WE KNOW"'.
_CAPS_CUE = re.compile(
    r"(?<![A-Z])(?:CALL|RING|PHONE|TEXT|ASK\s+FOR|TELL|CONTACT|MESSAGE|FROM|DEAR|HI|HIYA|HELLO)\s+"
    r"(?P<name>[A-Z]{2,}(?:-[A-Z]{2,})?)(?:\s+(?P<sur>(?:O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?))?(?![\w'’-])"
)


def _caps_names(text, add, given):
    """Names in quoted messages typed in capitals (see :data:`_CAPS_CUE`)."""
    for m in _QUOTE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        body = m.group(g)
        if any(c.islower() for c in body):
            continue
        for c in _CAPS_CUE.finditer(text, m.start(g), m.end(g)):
            w = c.group("name").capitalize()
            if (
                w not in given
                or w.casefold() in _ids._common_words()
                or w in _ids.NOT_GIVEN
                or w in _ids.PHONETIC
                or w in _ADDRESS_WORDS
                or w in _ids._RANK_WORDS
                or _ids._calendar(w)
            ):
                continue
            end, ident = c.end("name"), w.lower()
            sur = c.group("sur")
            if sur and sur.casefold() not in _ids._common_words() and _listed_surname(sur):
                end, ident = c.end("sur"), _cap_name(sur).lower()
            add((c.start("name"), end, "person", ident))


#: A form or record read out: "Name: Tinashe Chikwanha, DOB ...", "Child: Amara Obi",
#: "Next of kin: Mrs J Pryce" (a field's label, a colon, the name).
_FIELD_NAME = re.compile(
    r"(?<![\w'’-])(?:[Nn]ame|[Ff]ull\s+name|[Cc]hild|[Pp]atient|[Pp]upil|[Ss]tudent|[Vv]ictim|[Ss]uspect|"
    r"[Ee]mployee|[Tt]enant|[Aa]pplicant|[Nn]ext\s+of\s+kin|NOK|[Ss]urname|[Ff]orename|[Ff]irst\s+name|"
    r"[Aa]ccount\s+holder|[Cc]ardholder)\s*:\s*(?:(?:Mr|Mrs|Ms|Miss|Dr|Master)\.?\s+)?"
    rf"(?P<name>(?:[A-Z]\s+)?{_SUR_ANY}(?:\s+(?:{_SUR_ANY})){{0,2}})(?![\w'’-])"
)
_FIELD_TOKENS = (": ", ":")


def _field_name(text, add, given, family, common):
    """The name after a form's label (see :data:`_FIELD_NAME`): trailing ordinary words
    left out, kept when a word is a name of the lists or in no word list."""
    for m in _FIELD_NAME.finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        while len(words) > 1 and (
            words[-1].group().casefold() in common
            or (_ids.is_ordinary(words[-1].group()) and _cap_name(words[-1].group()) not in family)
        ):
            words.pop()
        toks = [_cap_name(w.group()) for w in words]
        first = toks[0]
        if any(
            w.group().isupper() and len(w.group()) > 1 and t not in given and t not in family
            for w, t in zip(words, toks)
        ):
            continue  # "no name: NHS number": capitals that are no name of the lists
        if (
            first.casefold() in common
            or first in _ids._RANK_WORDS
            or _ids._calendar(first)
            or first in _ids.NOT_GIVEN
            or (len(toks) == 1 and (first in _ids._ETHNICITIES or first in _ids._COLOURS))  # "Suspect: White male"
            or not any(t in given or t in family or not _ids.is_ordinary(t) for t in toks if len(t) > 1)
        ):
            continue
        base = m.start("name")
        add((base, base + words[-1].end(), "person", toks[-1].lower()))


def find(text: str, add, folded) -> None:
    """Candidates of this area in ``text`` (``folded`` is ``text.casefold()`` when it
    keeps the length, else ``None``)."""
    given, family = _ids.gazetteer()
    common = _ids._common_words()
    if "." in text:
        _initials(text, add)
    _initials_said(text, add)
    _initials_called(text, add)
    _lower_names(text, add, given, family)
    if " and " in text:
        _me_and_lower(text, add, given)
    if '"' in text or "“" in text:
        _caps_names(text, add, given)
    if "," in text:
        _surname_first(text, add, given)
        if ";" in text:
            _semicolon_list(text, add, given)
        if "." in text:
            _surname_comma_initial(text, add)
    _caps_initials(text, add)
    _title_initial(text, add)
    if " for " in text:
        _letter_for(text, add, given)
    if " where " in text:
        _where_lives(text, add)
    if " my " in text:
        _is_my_kin(text, add, given)
    _kin_called(text, add, given)
    _short_form(text, add, given)
    if ":" in text:
        _field_name(text, add, given, family, common)
    for i in _starts(text, _SELF_TOKENS):
        m = _SELF.match(text, i)
        if m is None:
            continue
        w = m.group("name")
        if (
            w in _SELF_NOT
            or w in _ids._RANK_WORDS
            or w.casefold() in common
            or w in _ids.NOT_GIVEN
            or w in _ids.UNIT_WORDS
            or _ids._calendar(w)
            or w in _ids.allowed_proper_nouns()
            or not (w in given or w in family)
        ):
            continue
        if m.group("sur") is None and re.match(r"\s+(?:of|for|at|in)\b", text[m.end("name") : m.end("name") + 6]):
            continue  # "I'm Head of ...", "I'm Lead for ..."
        end = m.end("name")
        sur = m.group("sur")
        if sur and _plain_surname(sur):
            end = m.end("sur")
        elif sur is None and (init := re.match(r",\s[A-Z]\.(?=,|\s|$)", text[end : end + 5])):
            end += init.end()  # "I'm Wilson, D., Constable": "Surname, Initial." as listed
        add((m.start("name"), end, "person", text[m.start("name") : end].split()[-1].lower()))
    if " the " in text and ('"' in text or "“" in text or "‘" in text):
        for m in _EPITHET.finditer(text):
            w = m.group("name")
            if w.casefold() in common or w in _ids.NOT_GIVEN or not (w in given or w in family):
                continue
            add((m.start("name"), m.end("name"), "person", w.lower()))
    for i in _starts(text, _CALL_TOKENS):
        m = _CALLS_HIM.match(text, i)
        if m is None:
            continue
        words = m.group("name").split()
        while words and (words[-1].casefold() in common or words[-1] in _ADDRESS_WORDS):
            words.pop()
        if not words or not _nickname_ok(words[0], len(words) == 2) or (len(words) == 2 and not _nickname_ok(words[1])):
            continue
        end = m.start("name") + len(" ".join(words))
        add((m.start("name"), end, "person", words[-1].lower()))
    _greeted(text, add)
    _nickname_said(text, add)
    if "the " in text or "The " in text:
        _the_family(text, add, family)
    _given_initial(text, add, given)
    for i in _starts(text, _IRISH_PREFIXES):
        if (m := _IRISH_SURNAME.match(text, i)) is not None:
            add((m.start(), m.end(), "person", m.group("sur").lower()))
    if " from " in text:
        for i in [0, *(j + 1 for j in _starts(text, _Q_OPEN[:3]))]:
            m = _INITIALS_FROM.match(text, i)
            if m is None:
                continue
            name = m.group("name")
            if name not in _NOT_NAME_CAPS and name not in _ids._RANK_WORDS and name not in _ids.UNIT_WORDS:
                add((m.start("name"), m.end("name"), "person", name.lower()))
                for r in re.finditer(rf"(?<![\w'’-]){name}(?![\w-]|['’](?!s\b))", text):
                    add((r.start(), r.end(), "person", name.lower()))  # "... and AN's me"
    done = set()
    for i in _starts(text, _HUMAN_TOKENS):
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if j == i or j in done or not text[j].isupper() or not _ids._sentence_start(text, j):
            continue
        w = _WORD_END.search(text, j, i)
        if w is None:
            continue
        word = w.group(1)
        if (
            _ids.is_ordinary(word)
            or word in _ids.NOT_GIVEN
            or word in _ids.NOT_PLACES
            or word in _ids._force_stems()
            or not _HUMAN_AFTER.match(text, i)
        ):
            continue
        done.add(j)
        add((w.start(), w.end(), "person", word.lower()))
    pattern, trigger = _ng_pair()
    kin_at: list = []
    ng_at: list = []
    for t in trigger.finditer(text):
        (ng_at if t.group() in _NG_SET else kin_at).append(t.start())
    for i in kin_at:
        m = _KIN_TITLE.match(text, i)
        if m is None:
            continue
        w = m.group("name")
        if w.casefold() in common or _ids._calendar(w) or w in _ids.NOT_GIVEN:
            continue
        if w in given and w not in _ids.AMBIGUOUS_GIVEN:  # not "Uncle Buck", "Gran Torino"
            add((m.start("name"), m.end("name"), "person", w.lower()))
    for i in ng_at:
        own = _OWN_NG.match(text, i)
        if own and _OWN_BEFORE.search(text, max(0, i - 6), i):
            add((i, own.end("given"), "person", own.group("given").lower()))  # "me and our Shannon went"
            continue
        m = pattern.match(text, i)
        if m is None:
            continue
        sur = m.group("sur")
        if (
            not (_listed_double(sur, family) or _word_surname(text, m.end(), sur, family))
            or not _plain_surname(sur)
            or sur in _ids.NOT_GIVEN
            or _PLACE_BEFORE.search(text, max(0, m.start() - 10), m.start())
        ):
            continue
        add((m.start(), m.end(), "person", sur.lower()))


#: Words after "Victoria", "Jordan" that make a place or a thing ("Victoria Cross",
#: "Victoria Park"), not a surname, though they are surnames of the list.
_STREET_WORD = re.compile(_ids._STREET)
_NG_THING = frozenset(
    """Cross Line Station Coach Bridge Falls Beach Harbour Airport Centre Hall Hospital Baths
    Market Theatre Palace Stadium Arena Tower Dock Docks Pier Island Water River Lake Valley
    Bay Point Junction Sponge Plum Street Secret Embankment Gate Quarter Mill""".split()
)
#: What may follow a person's full name: a pause or a verb.
_AFTER_FULL_NAME = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s+(?:said|says|was|is|had|has|who|and|posted|rang|came|went|got|did|does|"
    r"told|sent|put|lives|lived|works|worked)\b"
)


def _word_surname(text, end, sur, family):
    """True when ``sur``, a surname of the list that is also an English word ("Wainwright",
    "Smith"), follows "Jordan" or "Tyrone" as a surname: not a word of a place or thing,
    and a pause or a verb after it ("Jordan Wainwright. Sixteen.")."""
    return (
        sur in family
        and sur not in _NG_THING
        and sur not in _DWELLING
        and sur not in _CLUB_WORDS
        and sur not in _EVENT_WORDS
        and sur not in _ids.UNIT_WORDS
        and not _STREET_WORD.fullmatch(sur)
        and _AFTER_FULL_NAME.match(text, end) is not None
    )


def _listed_double(sur, family):
    """True when ``sur`` is a surname of the list and no English word, or a double-barrelled
    one ("Baptiste-Clarke") whose parts are surnames of the list or no English words, one
    of them in the list."""
    if "-" not in sur:
        return sur in family and not _ids.is_ordinary(sur)
    parts = sur.split("-")
    return any(p in family for p in parts) and all(p in family or not _ids.is_ordinary(p) for p in parts)


#: Words of NOT_GIVEN that are given names in the UK more often than the place or thing
#: they also name ("Jordan Pickering", "Victoria Holden"), unlike "Milton Keynes" or
#: "Austin Healey".
_NG_SET = frozenset("Jordan Florence Georgia Victoria Shannon Lindsay Warren Nelson Tyrone Madison Sydney".split())


#: "our Shannon went", "my Jordan's school": a family member (the Northern "our"), not
#: the place.
_OWN_BEFORE = re.compile(r"(?<![\w'’-])(?:[Oo]ur|[Mm]y|[Mm]e)\s+$")
_OWN_NG = re.compile(
    rf"(?P<given>{'|'.join(sorted(_NG_SET))})(?:['’]s\b|\s*[,.!?;]|\s+(?:and|is|was|has|had|got|gets|goes|went|"
    r"said|says|rang|came|did|does|who|will|would|can|could|were|are|texted|saw|told|loves|hates)\b)"
)


@cache
def _ng_pair():
    """A word of NOT_GIVEN that is a given name in the lists ("Jordan", "Kent"), then a
    capitalised word; and a pattern of these words and the kinship titles."""
    words = sorted(_NG_SET)
    pattern = re.compile(
        rf"(?<![\w'’-])(?P<given>{'|'.join(words)})\s+(?P<sur>(?:Mc|Mac|O['’])?{_W}(?:-{_W})?)(?![\w'’-])"
    )
    # one pass finds where these words and the kinship titles begin
    return pattern, re.compile("|".join(sorted([*_KIN_TOKENS, *words], key=len, reverse=True)))


# --------------------------------------------------------------------------------------
# revise
# --------------------------------------------------------------------------------------

#: Holidays and days named after a person or with a name-like word: "Christmas Eve",
#: "St Patrick's Day", "Guy Fawkes Night", "Valentine's"; greetings ("Happy birthday").
_HOLIDAY = re.compile(
    r"\b(?:Christmas|New\s+Year['’]?s?|Hallowe['’]?en|Midsummer['’]?s?|All\s+Hallows['’]?)\s+Eve\b"
    r"|\b(?:St\.?\s+|Saint\s+)(?:Patrick|David|George|Andrew|Valentine|Swithin|Stephen|Piran|"
    r"Dwynwen)['’]?s['’]?(?:\s+(?:Day|Night|Eve))?\b"
    r"|\b(?:Patrick|David|George|Andrew|Swithin|Stephen|Piran|Dwynwen)['’]s\s+(?:Day|Night|Eve)\b"
    r"|\b(?:Valentine|Mother|Father|Grandparent)['’]?s['’]?(?:\s+(?:Day|Night|Eve))?\b"
    r"|\b(?:Guy\s+Fawkes|Bonfire|Burns|Boxing|May|Remembrance|Armistice|Pancake|Shrove|Ash|"
    r"Good|Holy|Easter|Whit|Black|Cyber|Plough|Twelfth)\s+(?:Day|Night|Sunday|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday)\b"
    r"|\bGuy\s+Fawkes\b|\bFather\s+Christmas\b|\bSanta(?:\s+Claus)?\b|\bSt\.?\s+Nick\b"
    r"|\bHappy\s+\d{1,3}(?:st|nd|rd|th)\b"
    r"|\b(?:Happy|Merry)\s+(?i:birthday|christmas|new\s+year|easter|anniversary|mother['’]?s|father['’]?s|"
    r"valentine['’]?s|hanukkah|diwali|eid|halloween|retirement|holidays|wedding)\b"
)
#: Fixed expressions with a name in them that name nobody.
_IDIOM = re.compile(
    r"\b(?:Bobb(?:y|ies)\s+on\s+the\s+beat|Joe\s+(?:Public|Bloggs|Blow|Soap)|Average\s+Joe|"
    r"Tom,\s+Dick\s+(?:and|or|&)\s+Harry|Bob['’]s\s+your\s+uncle|Peeping\s+Tom|"
    r"Billy\s+No[- ]?Mates|Billy\s+Big[- ]?\w+|Jack\s+the\s+[Ll]ad|Jack\s+of\s+all\s+trades|"
    r"Smart\s+Alec?k?|Nos[e]?y\s+Parker|Old\s+Bill|(?:PC|Mr)\s+Plod|Doubting\s+Thomas|"
    r"Heath\s+Robinson|Jack\s+Frost|Johnny\s+Foreigner|Johnny[- ]come[- ]lately|"
    r"Jack\s+Russells?|Bobby\s+[Dd]azzler|Mr\s+Big|Mr\s+Nice\s+Guy|Sod['’]s\s+[Ll]aw|"
    r"Murphy['’]s\s+[Ll]aw|Tom\s+Thumb|Jack\s+and\s+Jill|Jack\s+in\s+the\s+box|"
    r"Dear\s+John|Uncle\s+Tom\s+Cobley|Man\s+Friday|Girl\s+Friday|Jobsworth|"
    r"Little\s+Johnny|Tommy\s+Atkins|Tin\s+Pot\s+Hitler|Uncle\s+Sam|Auntie\s+Beeb|"
    r"Uncle\s+Tom(?:\s+Cobley)?|Gordon\s+Bennett|Bloody\s+Nora|Jesus(?:\s+H\.?)?\s+Christ|Jesus\s+wept|"
    r"Constable\s+Country|Billy\s+no[- ]?mates)\b"
)
#: Last words of football clubs' names ("Aston Villa", "Ross County"): a club, no person.
_CLUB_WORDS = frozenset(
    """Villa Athletic Rovers Wanderers United City County Town Albion Argyle Academical
    Rangers Celtic Thistle Hotspur Orient Vale Alexandra Wednesday Borough Harriers Dons FC
    AFC Utd""".split()
)
#: Events named by a capitalised word ("the Notting Hill Carnival", "the Great North Run").
_EVENT_WORDS = frozenset(
    """Carnival Festival Fest Parade Marathon Run Show Games Olympics Jubilee Coronation
    Pride Proms Regatta Rally Derby Cup Final Trophy Championship Championships Awards Expo
    Fayre Gala Tattoo Eisteddfod Mela""".split()
)
#: Voice assistants and police computer systems that are also given names or ordinary
#: words ("asked Alexa", "logged on Storm", "checked Niche").
_PRODUCTS = frozenset(
    "Alexa Siri Cortana Bixby Storm Niche Athena Pronto Genesis Origin Connect Tiburon Unifi Airwave".split()
)
_PRODUCT_BEFORE = re.compile(
    r"(?i:\b(?:on|onto|in|into|via|through|from|off|the|an?|my|our|your|hey|checked|searched|logged|"
    r"ran\s+(?:it|him|her|them)\s+(?:on|through))\s+)$"
)
_PRODUCT_AFTER = re.compile(
    r"\s+(?:speaker|device|dot|app|account|history|recordings?|log|logs|logged|system|record|records|"
    r"entry|entries|ref|reference|incident|job|number|checks?|search|searches)\b"
    r"|\s*,\s*(?:play|turn|set|stop|call|ring|switch|put|read|what)\b"
    r"|\s+to\s+(?:play|turn|set|switch|put|read|stop)\b"
)
#: "a bobby", "the local bobbies": the police, not a name.
_BOBBY = re.compile(r"(?i:\b(?:a|the|our|your|local|friendly|old|bent|every|any|two|some)\s+)Bobb(?:y|ies)\b")
#: A reporting verb at the start of a sentence, subject left out: 'Said "I know you".'
_QUOTE_OR_THAT = re.compile(r"\s*,?\s+[\"“‘]|\s*[“‘]|\s+(?:that|like\s+that|it|so)\b")
#: What the thing called or named is when it is no person.
_THING = (
    r"group|groups|page|pages|channel|channels|chat|chats|thread|threads|site|website|forum|"
    r"video|videos|campaign|company|firm|pub|shop|business|band|club|team|operation|app|"
    r"podcast|blog|show|programme|program|scheme|charity|network|e-learning|elearning|course|"
    r"module|training|package|presentation|leaflet|poster|newsletter|article|book|film|"
    r"documentary|series|song|event|initiative|project|policy|petition|hashtag|gang|crew|"
    r"server|subreddit|Telegram|WhatsApp|Facebook|Snapchat|Discord|Reddit|TikTok|Instagram|"
    r"Signal|community|organisation|organization|movement|collective"
)
#: "called", "named" (and hesitations, an opening quote) just before a candidate.
_CALLED_END = re.compile(
    r"\b(?i:called|named|titled|entitled)(?:\s*,?\s*(?:erm|er|um|uh|like|I\s+think)\s*,?)*\s*[\"“‘']?\s*$"
)
_THING_WORD = re.compile(rf"(?i:\b(?:{_THING})\b)[^.!?\"“]*$")
_GROUP_SELF = re.compile(
    r"(?i:\b(?:call(?:s|ed|ing)?|name[ds]?|naming)\s+themselves|\bthey\s+call\s+it|\bit['’]s\s+called"
    r"|\bit\s+(?:was|is)\s+called)\b\s*,?\s*[\"“‘']?\s*$"
)
_SENTENCE_CALLED = re.compile(r"(?:^|[.!?]\s+)(?:Called|Named|Titled)\s*[\"“‘']?\s*$")
_NICKNAME_BEFORE = re.compile(
    r"(?i:\b(?:call(?:s|ed|ing)?\s+(?:him|her|me|us|you)|nickname[ds]?|known\s+as|addressed\s+to|"
    r"aka|signed|goes\s+by)\b)[^.!?]*$"
)
#: Last words of a group's or a campaign's name.
_GROUP_TAIL = frozenset(
    """Watch Exposed Patrol Patrols Squad Crew Army Alliance Network Action Collective Group
    Page Forum Lads Mums Bobbies Coppers Cops Pigs Police Watchers Hunters Hunter Justice
    Truth Uncovered Unmasked Named Shamed Files Leaks News Updates Community Network
    Footprint Awareness Safety""".split()
)
#: Words that open the name of a thing, never of a person.
_THING_FIRST = frozenset("The A An Your Our My This That Their His Her Its Be Stay Keep Know".split())
#: Last words of a house name ("Rose Cottage"), an address whatever else it is.
_DWELLING = frozenset(
    """Cottage Cottages House Farm Lodge Barn Villa Manor Grange Mill Crest View Hall Court
    Croft Bungalow Mews Place Rise Green End Gardens Terrace""".split()
)


#: A person said to be called something: "she's called", "he was called", "shes called".
_SHE_CALLED = re.compile(r"(?i:\b(?:she|he|she['’]?s|he['’]?s|who['’]?s|who\s+is|(?:she|he)\s+(?:is|was))\s+)$")


def _quoted(text, s, e):
    """True when the candidate ``text[s:e]`` is a whole quoted phrase (or its start)."""
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] in _Q_OPEN


def _names_a_thing(text, s, e, words):
    """True when the candidate names a group, page, course or other thing."""
    given = _ids.gazetteer()[0]
    first = words[0]
    before = text[max(0, s - 60) : s]
    low = before.casefold()
    named = "call" in low or "nam" in low or "titl" in low
    if (named or "nick" in low or "known" in low or "addressed" in low or "aka" in low or "signed" in low) and (
        _NICKNAME_BEFORE.search(before)
    ):
        return False
    called = _CALLED_END.search(before) if named else None
    if called and _SHE_CALLED.search(before, max(0, called.start() - 12), called.start()):
        return False  # "shes called bev", "he's called Dai": a person
    if (called and _THING_WORD.search(before, max(0, called.start() - 45), called.start())) or (
        named and _GROUP_SELF.search(before)
    ):
        return first not in given or first in _ids.AMBIGUOUS_GIVEN
    if not _quoted(text, s, e) or len(words) < 2 or first in _ids._RANK_WORDS:
        return False
    if first in given and first not in _ids.AMBIGUOUS_GIVEN:
        return False
    if first in _THING_FIRST:
        return True
    if words[-1] in _GROUP_TAIL and all(
        _ids.is_ordinary(w) or w in _ids.NOT_GIVEN or w in _ids._force_stems() for w in words[:-1]
    ):
        return True  # "Hull Cop Watch", "Coppers Exposed": no name before the group's word
    return called is not None and _SENTENCE_CALLED.search(before) is not None


def _ordinary_phrase(words):
    """True when every word is an ordinary word and the phrase is no name: no word a
    surname of the list or a non-ambiguous given name, or a department's words."""
    given, family = _ids.gazetteer()
    if len(words) < 2 or words[0] in _ids._RANK_WORDS or words[-1] in _DWELLING:
        return False
    if len(words) == 2 and len(words[1]) == 1 and _listed_surname(words[0]):
        return False  # "KHAN A" of a list: a surname and an initial
    if all(w in _ids.UNIT_WORDS for w in words[1:]) and words[0] in _ids.AMBIGUOUS_GIVEN | _ids.UNIT_WORDS:
        return True  # "Major Crime", "Serious Crime"
    for w in words:
        if not _ids.is_ordinary(w) or (w in given and w not in _ids.AMBIGUOUS_GIVEN):
            return False
    return words[-1] not in family


_ECHO_WINDOW = 60
_KIN_BEFORE = re.compile(
    r"(?i:\b(?:my|our|his|her|their|your)\s+(?:[a-z-]+\s+)?(?:"
    + _ids._alternation(_ids.KIN)
    + r")(?:['’]s)?\s*,?\s*(?:is\s+|was\s+|called\s+|named\s+)?)$"
)


_NAMED_BEFORE = re.compile(r"(?<![\w'’-])(?:called|named|name['’]s|name\s+(?:is|was)|by\s+the\s+name\s+of)\s+[\"“‘']?$")


def _echoed(text, s, e, word):
    """True when an ordinary word taken as a name comes again at once in lower case
    ("Grace? Like, grace under pressure"): the word, not a name."""
    low = word.lower()
    if not _ids.is_ordinary(word) or word not in _ids.AMBIGUOUS_GIVEN:
        return False
    if _KIN_BEFORE.search(text, max(0, s - 40), s):
        return False  # "my daughter's Grace, everyone makes the joke, amazing grace"
    if _NAMED_BEFORE.search(text, max(0, s - 24), s):
        return False  # "a bloke called Frank. Not frank as in honest": given as a name
    return re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", text[e : e + _ECHO_WINDOW]) is not None


#: Names and words of the holidays and idioms above: the patterns are searched only
#: around a candidate holding one of them.
_FIXED_WORDS = frozenset(
    """Eve Patrick David George Andrew Valentine Swithin Stephen Piran Dwynwen Mother Father
    Grandparent Guy Fawkes Burns May Santa Claus Nick Christmas Bobby Bobbies Joe Public
    Bloggs Blow Soap Tom Dick Harry Bob Billy Jack Lad Alec Alek Aleck Parker Bill Plod
    Thomas Robinson Heath Frost Johnny Russell Russells Big Sod Murphy Thumb Jill John
    Cobley Friday Jobsworth Atkins Hitler Sam Beeb Foreigner Mr Nice Average Peeping Smart
    Nosey Nosy Doubting Uncle Auntie Dear Man Girl Little Tommy Tin Gordon Bennett Nora Jesus Christ Happy Merry
    Constable Country""".split()
)


def _fixed_phrase(text, s, e, words):
    """True when ``text[s:e]`` lies in a holiday's name or an idiom (the patterns are
    searched only around a candidate holding one of their words)."""
    if not any(w in _FIXED_WORDS for w in words):
        return False
    a, b = max(0, s - 40), min(len(text), e + 40)
    for pat in (_HOLIDAY, _IDIOM, _BOBBY):
        for m in pat.finditer(text, a, b):
            if m.start() < e and s < m.end():
                return True
    return False


#: Whom a letter is addressed to when no name is on it.
_GENERIC_ADDRESSEE = re.compile(
    r"(?:The\s+)?(?:Occupiers?|Homeowners?|Householders?|Residents?|Owners?|Tenants?|Proprietors?|"
    r"Parents?(?:\s+(?:and|&|or)\s+Guardians?)?|Sir(?:\s+or\s+Madam)?|Madam)"
)
_CLUB_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(_CLUB_WORDS))})(?![\w'’-])")
_CAP_BEFORE = re.compile(rf"{_W}\s+$")


def _tail_of_phrase(text, s, word):
    """True when ``word``, an ordinary word in no name list, ends a longer capitalised
    phrase ("Notting Hill Carnival") without a naming context: a part of that name."""
    given, family = _ids.gazetteer()
    if word in given or word in family or not _ids.is_ordinary(word) or _quoted(text, s, s):
        return False
    before = text[max(0, s - 60) : s]
    if _NICKNAME_BEFORE.search(before) or _CALLED_END.search(before):
        return False
    m = _CAP_BEFORE.search(text, max(0, s - 25), s)
    return m is not None and m.group().split()[0].casefold() not in _ids._common_words()


#: Whose name follows in apposition: "mine, Nick Farrow, was great", "my tutor, Dawn
#: Reed, said", "our skipper at the time, Joy Bell," (a person's role or kinship, or
#: "mine"/"yours" standing for one, then a pause), or after "is"/"was" ("my mentor was
#: Grace Hopper, lovely woman").
_APPOSED_BEFORE = re.compile(
    r"(?i:\b(?:mine|yours|hers|ours|theirs)|\b(?:my|our|your|his|her|their)\s+(?:[a-z-]+\s+){0,2}(?:"
    + _ids._alternation(w.lower() for w in (*_ids.KIN, *_ids._ROLES))
    + r")(?:\s+(?:at|back)\s+(?:the|that)\s+time|\s+then)?)(?:\s*,\s*|\s+(?:is|was)\s+)$"
)


def _apposed_name(text, s, e, words, given):
    """True when ``text[s:e]``, a given name and one more word, stands in apposition after
    a role, a kinship word or "mine" with a pause after it (see :data:`_APPOSED_BEFORE`)."""
    return (
        len(words) == 2
        and words[0] in given
        and words[1] not in _ids.UNIT_WORDS
        and not _ids._calendar(words[1])
        and re.match(r"\s*(?:[,;:.!?)]|$|\s(?:--|[-–—])\s|\s+(?:and|who|but)\b)", text[e : e + 5]) is not None
        and _APPOSED_BEFORE.search(text, max(0, s - 60), s) is not None
    )


def _names_nobody(text, s, e, echo=True):
    """True when the person candidate ``text[s:e]`` is a capitalised word or phrase that
    names nobody."""
    span = text[s:e]
    words = [w.removesuffix("'s").removesuffix("’s") for w in span.split()]
    if not words:
        return True
    given, family = _ids.gazetteer()
    if _fixed_phrase(text, s, e, words):
        return True  # "Christmas Eve", "Bobby on the beat"
    if span in _ids.INSTITUTIONS:
        return True  # "Royal Mail", "Citizens Advice"
    if _GENERIC_ADDRESSEE.fullmatch(span):
        return True  # 'addressed to "The Occupier"'
    if len(words) == 2 and words[0] == "Storm" and words[1] in given and words[1] not in _ids.AMBIGUOUS_GIVEN:
        return True  # "Storm Arwen": the weather, named with a given name
    if (
        len(words) == 1
        and _ids._sentence_start(text, s)
        and _ids.is_ordinary(words[0])
        and _QUOTE_OR_THAT.match(text, e)
    ):
        return True  # 'Said "I've had ..."': a verb
    if _names_a_thing(text, s, e, words):
        return True  # 'a Telegram called "Blue Line Bullies"'
    if (
        _ordinary_phrase(words)
        and not _NICKNAME_BEFORE.search(text[max(0, s - 60) : s])
        and not _apposed_name(text, s, e, words, given)
    ):
        return True  # "Major Crime"
    last = words[-1]
    if _CLUB_AFTER.match(text, e) or (
        last in _CLUB_WORDS
        and len(words) > 1
        and (words[0] not in given or words[0] in _ids.AMBIGUOUS_GIVEN or words[0] == "Man")
    ):
        return True  # "Ross County", "Aston Villa" (not "Sarah Vale")
    if last in _EVENT_WORDS and last not in family:
        return True  # "Pride", "the Leeds Carnival"
    if len(words) == 1:
        w = words[0]
        if w in _PRODUCTS and (_PRODUCT_BEFORE.search(text, max(0, s - 30), s) or _PRODUCT_AFTER.match(text, e)):
            return True  # "asked Alexa to play", "logged on Storm"
        if w == "Jesus" and _ids._sentence_start(text, s) and text[e : e + 1] in (",", "!"):
            return True  # "Jesus, I thought": an oath
        if _tail_of_phrase(text, s, w):
            return True  # "Carnival" of "Notting Hill Carnival"
    return echo and len(words) == 1 and _echoed(text, s, e, words[0])  # "Hope? No hope."


#: Animals kept as pets: a name said to be one of them names no person ("Bobby, that's my
#: dog", "our cat, Luna").
_PETS = (
    r"dogs?|cats?|pupp(?:y|ies)|pups?|kittens?|horses?|pony|ponies|rabbits?|bunny|hamsters?|"
    r"guinea\s+pigs?|budgies?|parrots?|tortoises?|goldfish|ferrets?|snakes?|lizards?|geckos?|"
    r"spaniels?|labradors?|collies?|terriers?|staff(?:ie|y|ies)|greyhounds?|whippets?|lurchers?|"
    r"poodles?|retrievers?|alsatians?|huskies|husky|pugs?|beagles?|dachshunds?|sausage\s+dog|"
    r"cockapoos?|cavapoos?|shih\s+tzus?|chihuahuas?|rottweilers?|chickens?"
)
#: Nouns after an animal word that make it no pet: "my dog walker", "a dog handler".
_PET_NOT = r"(?![\w'’-]|\s+(?:walkers?|sitters?|groomers?|trainers?|handlers?|wardens?|units?|sections?|people|person|owners?|breeders?|minders?|lovers?|fan|man|woman|lady|food|bowl)\b)"
_PET_ADJ = r"(?:(?:little|wee|old|new|big|daft|rescue|family|first|other|soppy|lovely|two|three|four|both)\s+)*"
_PET_AFTER = re.compile(
    r"(?:['’]s|\s*[,–—-]?\s*(?:that['’]s|that\s+is|he['’]s|she['’]s|it['’]s|who['’]s|who\s+is|"
    r"is|was|being))\s+(?:my|our|his|her|their|your|the|a|an)\s+" + _PET_ADJ + rf"(?:{_PETS}){_PET_NOT}"
)
#: A name after the animal word: "my dog Bobby", "our cat, Luna,", "the dog's called Rolo",
#: "a rescue greyhound called Ziggy" (a comma alone only after a possessive).
_PET_BEFORE = re.compile(
    r"(?:(?i:\b(?:my|our|his|her|their|your|mum['’]s|dad['’]s|nan['’]s)\s+)"
    + _PET_ADJ
    + rf"(?i:{_PETS})(?:\s*,|)|(?i:\b(?:my|our|his|her|their|your|the|a|an|mum['’]s|dad['’]s|nan['’]s)\s+)"
    + _PET_ADJ
    + rf"(?i:{_PETS})(?:['’]s\s+name(?:['’]s|\s+is|\s+was)?|['’]s\s+called|\s+(?:is|was|are|were)\s+called|['’]re\s+called|"
    r"\s*,?\s+(?:called|named)))\s+$"
)
#: The name in apposition after "a dog," with a pause after it: "We'd a wee dog, Bonnie, and".
_PET_APPOS = re.compile(r"(?i:\b(?:a|an|the)\s+)" + _PET_ADJ + rf"(?:{_PETS}),\s+$")
#: Names listed together: "Bramble and Pip", "Bella, Rolo and Max" (a pet's fellows).
_NAME_LISTED_BEFORE = re.compile(rf"(?<![\w'’-])({_W})(?:\s*,|\s+(?:and|&))\s+$")
_NAME_LISTED_AFTER = re.compile(rf"(?:\s*,|\s+(?:and|&))\s+({_W})(?![\w'’-])")
#: The pet's name as a sentence of its own after the animal: "forty friends and a dog. Poppy."
_PET_SENTENCE = re.compile(r"(?i:\b(?:a|an|the|my|our|his|her|their)\s+)" + _PET_ADJ + rf"(?:{_PETS})\.\s+$")


def _is_pet(text, s, e):
    """True when the one-word candidate ``text[s:e]`` is said to be a pet's name, or is
    listed with one ("the two dogs, Bramble and Pip, ...": both)."""
    first, last = s, e
    for _ in range(3):  # the first name of a list ending at this one
        m = _NAME_LISTED_BEFORE.search(text, max(0, first - 30), first)
        if m is None:
            break
        first = m.start(1)
    for _ in range(3):  # and the last one
        m = _NAME_LISTED_AFTER.match(text, last)
        if m is None:
            break
        last = m.end(1)
    if _PET_AFTER.match(text, last) or _PET_BEFORE.search(text, max(0, first - 50), first):
        return True
    if text[last : last + 1] in (",", ";", ".", "!", ")") and _PET_APPOS.search(text, max(0, first - 40), first):
        return True  # "a wee dog, Bonnie, ...", "the two dogs, Bramble and Pip, ..."
    return text[last : last + 1] in (".", "!") and _PET_SENTENCE.search(text, max(0, first - 40), first) is not None


#: Nationalities, peoples and ethnicities said of someone: "I'm a Scot", "my dad's Black",
#: "a proper Geordie" (a word that is also a name: only after an article or a verb "be").
_PEOPLES = (
    frozenset(
        """Scot Scots Brit Brits Briton Britons Scotsman Scotswoman Welshman Welshwoman Irishman
    Irishwoman Englishman Englishwoman Cornishman Geordie Geordies Scouser Scousers Mackem
    Mackems Brummie Brummies Cockney Cockneys Mancunian Glaswegian Taff Taffy Jock Jocks Yank
    Yankee Aussie Kiwi Pom Pommie Celt Gael Finn Dane Swede Pole Turk Kurd Sikh Jew Muslim
    Hindu Christian Catholic Protestant Traveller Gypsy Roma""".split()
    )
    | _ids._ETHNICITIES
)
_PEOPLE_BEFORE = re.compile(
    r"(?i:\b(?:a|an|the|proper|true|real|typical|fellow|another|born|half|am|i['’]m|"
    r"is|was|are|were|['’]s|['’]re|literally|mixed|fully|part|very|quite)\s+)$"
)
#: The same after an article or an adjective only, for words that are also names ("Finn",
#: "Christian": "it was Finn who posted it").
_PEOPLE_BEFORE_NAME = re.compile(r"(?i:\b(?:a|an|the|proper|true|real|typical|fellow|another|born|half)\s+)$")
#: Television programmes and films named after their policeman, and a landmark named with
#: a given name: what is in them names nobody ("since Dixon of Dock Green", "Big Ben").
_TITLES = re.compile(
    r"\b(?:Dixon\s+of\s+Dock\s+Green|Juliet\s+Bravo|Inspector\s+(?:Morse|Gadget|Clouseau|George\s+Gently)|"
    r"A\s+Touch\s+of\s+Frost|Dalziel\s+and\s+Pascoe|Hamish\s+Macbeth|"
    r"Miss\s+Marple|Van\s+der\s+Valk|Big\s+Ben|Sherlock\s+Holmes)\b"
)
_TITLE_FIRST = "Dixon Juliet Inspector Touch Dalziel Hamish Marple Valk Ben Sherlock".split()
#: The same programmes by their one-word names, only with television around them.
_TITLE_WORDS = frozenset(
    "Morse Taggart Rebus Vera Luther Columbo Kojak Bergerac Shoestring Wycliffe Poirot Frost Lynley Wexford".split()
)
_TV_BEFORE = re.compile(
    r"(?i:\bwatch(?:ed|es|ing)?\s+(?:(?:old|an?|the|all|every)\s+)*(?:(?:episodes?|repeats|re-?runs|series)\s+of\s+)?)$"
)
_TV_AFTER = re.compile(
    r"(?i:\s+(?:(?:is|was|were)\s+)?on\s+(?:the\s+)?(?:telly|tv|box|iplayer|netflix|itv|bbc)"
    r"|\s+(?:repeats|re-?runs|box\s*sets?|episodes?)|['’]s\s+on\s+(?:the\s+)?(?:telly|tv))\b"
)


#: A breed named by a people or a place: "a German shepherd", "a Border collie".
_BREED_AFTER = re.compile(
    r"\s+(?:shepherds?|collies?|terriers?|spaniels?|retrievers?|mastiffs?|bulldogs?|pointers?|setters?|"
    r"sheepdogs?|wolfhounds?|deerhounds?|pinschers?|cattle\s+dogs?)\b"
)
#: A drink by its brand: "a can of Stella", "a pint of Carling".
_DRINK_BEFORE = re.compile(r"(?i:\b(?:cans?|pints?|bottles?|glass|crates?|half|slabs?|tins?|shots?)\s+of\s+)$")
#: Weather warnings and lights: "Amber warnings for snow", "a Red alert".
_COLOUR_AFTER = re.compile(r"\s+(?:warnings?|alerts?|lights?|lists?|zones?|weather)\b")


#: Given names used as a type of person, a slur: "I'm not a Karen", "a right Karen",
#: "the Karens of Facebook" (after an indefinite article, or in the plural).
_TYPE_NAMES = frozenset(("Karen",))
_TYPE_BEFORE = re.compile(
    r"(?i:\b(?:an?|such\s+an?|bit\s+of\s+an?)\s+(?:(?:right|proper|total|real|complete|typical|massive|absolute|"
    r"bloody|full[- ]on|utter|raging|such\s+an?)\s+)*)$"
)
#: Football clubs named by one word that is also a name ("Everton got beat", "playing
#: Chelsea"), only with a match, the fans or a result around them.
_CLUBS_ALONE = frozenset(
    """Everton Chelsea Arsenal Liverpool Millwall Fulham Charlton Blackburn Bolton Hull Burnley
    Barnsley Wigan Spurs Wolves Celtic Rangers Hibs Hearts Sunderland Newcastle Leeds Stoke
    Reading Luton Watford Brentford Swansea Cardiff Wrexham Motherwell Kilmarnock Dundee
    Aberdeen Morecambe Tranmere Rotherham Gillingham Crewe Grimsby Walsall""".split()
)
_CLUB_BEFORE = re.compile(
    r"(?i:\b(?:play(?:s|ed|ing)?|against|support(?:s|ed|ing)?|supporter\s+of|fan\s+of|watch(?:ed|es|ing)?|"
    r"beat|beating|v|vs\.?|versus)\s+)$"
)
_CLUB_AFTER_ALONE = re.compile(
    r"(?i:\s+(?:got|get|gets|were|was)\s+(?:beat|beaten|hammered|battered|thrashed|stuffed|relegated|promoted|knocked\s+out)"
    r"(?!\s+up)|\s+(?:fans?|supporters?|games?|match(?:es)?|shirts?|tops?|kits?|season\s+tickets?|ground|"
    r"away\s+end|home\s+end|v|vs\.?|versus)\b|\s+(?:were|are|was|is)\s+(?:at\s+home|away|playing)\b)"
)
#: Car makes: a capitalised word after one names a model ("a Skoda Octavia", "a Seat Leon").
_CAR_MAKES = frozenset(
    """Vauxhall Ford Nissan Toyota Honda Audi Volkswagen VW Skoda Škoda Kia Hyundai Peugeot Renault
    Citroen Citroën Fiat Volvo BMW Mini Seat SEAT Cupra Mazda Suzuki Mitsubishi Dacia Jaguar Lexus
    Subaru Tesla Jeep Porsche Rover MG Smart Alfa Romeo Chevrolet Saab Lotus Bentley Mercedes""".split()
)
_CAR_BEFORE = re.compile(r"(?<![\w'’-])(?P<make>[A-ZŠ][A-Za-z]+)\s$")
#: Before "Mercedes" (also a given name) as a make: an article, a possessive or a colour.
_MAKE_DET = re.compile(
    r"(?i:\b(?:a|an|the|my|his|her|our|their|your|\w+['’]s|old|new|silver|black|white|gr[ae]y|red|blue|green)\s+)$"
)


#: Car models that are names too, taken as models after a colour ("Silver Octavia.", "a
#: black Leon", "her red Clio"): a colour is said before a car, not before a person.
_NAME_MODELS = frozenset(
    """Octavia Fabia Leon Clio Zoe Megane Mégane Corsa Astra Sierra Carina Celica Corolla Camry Capri
    Cortina Granada Victor Cavalier Carlton Nova Elise Evora Ibiza Jazz Picanto Rio Micra Juke Mondeo
    Fiesta Insignia Vectra Zafira Meriva Agila Sonata Tucson Elantra Swift Ka Kona Kodiaq Karoq Kamiq
    Ateca Arona Tarraco Alhambra Felicia Scala Superb Yeti Picasso Berlingo Xsara Saxo Kadjar Laguna
    Scenic Modus Twingo Espace Panda Punto Tipo Bravo Stilo Doblo Cressida Verso Avensis Prius Auris""".split()
)
_MODEL_COLOUR = re.compile(
    r"(?i:\b(?:silver|black|white|gr[ae]y|red|blue|green|navy|maroon|gold|beige|bronze|burgundy|"
    r"orange|yellow|purple|dark|light|metallic)\s+)$"
)


def _car_model(text, s, e, words):
    """True when the candidate is a car's model after its make ("Skoda Octavia") or the
    make and the model ("Seat Leon", not "Ford" with a surname of the lists after it)."""
    if len(words) == 1 and words[0] in _NAME_MODELS and _MODEL_COLOUR.search(text, max(0, s - 12), s):
        return True  # "Silver Octavia.", "her red Clio"
    if len(words) == 2 and words[1] in _NAME_MODELS and _MODEL_COLOUR.search(words[0] + " "):
        return True  # "a Black Leon": the colour and the model
    if len(words) == 1:
        m = _CAR_BEFORE.search(text, max(0, s - 12), s)
        if m is None or m.group("make") not in _CAR_MAKES:
            return False
        return m.group("make") != "Mercedes" or _MAKE_DET.search(text, max(0, m.start() - 16), m.start()) is not None
    return len(words) == 2 and words[0] in _CAR_MAKES and words[0] != "Mercedes" and words[1] not in _ids.gazetteer()[1]


#: "real life Ted Hastings", "a modern-day Sherlock": a character one is likened to.
_LIKENED_BEFORE = re.compile(
    r"(?<![Ii]n\s)(?<![\w'’-])(?i:real[- ]life|modern[- ]day|latter[- ]day|wannabe|poor\s+man['’]s)\s+$"
)


#: A royal's title before a given name: the name of a royal, or of the hospital, school,
#: pub or ship named after one ("the Queen Elizabeth", "the Prince Charles").
_ROYAL_BEFORE = re.compile(r"(?<![\w'’-])(?:Queen|King|Prince|Princess)\s+$")


def _not_a_person(text, s, e):
    """True when the person candidate ``text[s:e]`` is a pet, a people or nationality, a
    breed, a drink or a colour, a type of person ("a Karen"), a football club, a car's
    model, or in the title of a programme (see above)."""
    span = text[s:e]
    words = span.split()
    if _LIKENED_BEFORE.search(text, max(0, s - 20), s):
        return True  # "real life Ted Hastings": a character one is likened to
    if words[0] in _ids.gazetteer()[0] and _ROYAL_BEFORE.search(text, max(0, s - 10), s):
        return True  # "a letter after the Queen Elizabeth", "King George": a hospital's, a ship's, a royal's
    if _car_model(text, s, e, words):
        return True  # "a Skoda Octavia"
    if _BREED_AFTER.match(text, e) or _DRINK_BEFORE.search(text, max(0, s - 16), s):
        return True  # "a German shepherd", "a can of Stella"
    if span in _ids._COLOURS and _COLOUR_AFTER.match(text, e):
        return True  # "Amber warnings"
    if " " not in span:
        w = span.removesuffix("'s").removesuffix("’s")
        if w in _PEOPLES and (
            _PEOPLE_BEFORE_NAME if w in _ids.gazetteer()[0] and w not in _ids._ETHNICITIES else _PEOPLE_BEFORE
        ).search(text, max(0, s - 16), s):
            return True  # "I'm a Scot", "my dad's literally Black"
        if _is_pet(text, s, e):
            return True  # "Bobby, that's my dog", "our cat, Luna"
        if w in _TITLE_WORDS and (_TV_BEFORE.search(text, max(0, s - 50), s) or _TV_AFTER.match(text, e)):
            return True  # "watching Vera on the telly"
        if (w in _TYPE_NAMES and _TYPE_BEFORE.search(text, max(0, s - 30), s)) or (
            w.endswith("s") and w[:-1] in _TYPE_NAMES
        ):
            return True  # "I'm not a Karen"
        if w in _CLUBS_ALONE and (_CLUB_BEFORE.search(text, max(0, s - 16), s) or _CLUB_AFTER_ALONE.match(text, e)):
            return True  # "Everton got beat", "playing Chelsea"
    return False


def _titles(text):
    """Spans of programme titles and landmarks (:data:`_TITLES`) in ``text`` (searched
    only around a word of one of them)."""
    out = set()
    for i in _starts(text, _TITLE_FIRST):
        for m in _TITLES.finditer(text, max(0, i - 12), i + 40):
            out.add((m.start(), m.end()))
    return sorted(out)


def revise(text: str, found: list) -> list:
    """``found`` after this area's corrections."""
    if not any(f[2] == "person" for f in found):
        if "Big " in text or "Wee " in text or "Fat " in text:
            found = _size_words(text, found)  # "Big Dunc" found as a place
        if "I'm " in text or "I’m " in text:
            found = _corrected(text, found)  # "Oyelaran-Smith, I'm Oyelaran-Smyth"
        if "nickname" in text or "nick-name" in text:
            found = _my_nickname(text, found)  # "my nickname on the shift was Tigs"
        return found
    out = []
    titles = _titles(text)
    pets: set = set()
    for n, item in enumerate(found):
        s, e, kind, _ident = item
        if titles and kind in ("person", "place", "address") and any(a <= s and e <= b for a, b in titles):
            continue  # "Dixon of Dock Green": a programme
        if kind == "place" and n + 1 < len(found) and _KIN_TITLE_ONLY.fullmatch(text, s, e):
            nxt = found[n + 1]
            if nxt[2] == "person" and not text[e : nxt[0]].strip():
                continue  # "Aunty" of "Aunty Pam": a title, no place
        if kind == "person" and _names_nobody(text, s, e):
            continue
        if kind == "person" and _spells_an_address(text, s, e, found):
            continue
        if kind == "person" and _not_a_person(text, s, e):
            if _is_pet(text, s, e):
                pets.add(text[s:e])
            continue
        if kind == "place" and " " not in text[s:e] and _is_pet(text, s, e):
            pets.add(text[s:e])
            continue  # "the dogs, Rolo, Bella and Max"
        out.append(item)
    if pets:  # the pet's name said again ("Bobby ... Bobby barked")
        out = [f for f in out if not (f[2] == "person" and text[f[0] : f[1]].removesuffix("'s") in pets)]
    if "ddress" in text or "live" in text or "house" in text:
        out = _house_names(text, out)
    if text.count('"') >= 6 or text.count("“") >= 3:
        out = _quoted_list(text, out)
    if "I'm " in text or "I’m " in text or "not " in text or "it's " in text or "it’s " in text:
        out = _corrected(text, out)
    if any(t in text for t in _NICK_CUE_TOKENS):
        out = _place_nicknames(text, out)
    if "nickname" in text or "nick-name" in text:
        out = _my_nickname(text, out)
    out = _repeats(text, _size_repeats(text, _size_words(text, out)))
    out = _lower_repeats(text, out)
    if any(t in text for t in _MISSPELT_TOKENS):
        out = _misspelt(text, out)
    return _spelled(text, out) if "-" in text else out


#: A name put right: "they got it wrong, "Officer Dawson", I'm Dawes", "Nowak, it's Novak
#: actually", "not Dawson, Dawes": a capitalised word after "I'm", "it's" or "not", and
#: another spelt almost the same near it (the wrong name and the right one, both names).
_CORRECTION = re.compile(
    r"(?<![\w'’-])(?:I['’]m|I\s+am|[Ii]t['’]s|[Ii]t\s+is|[Nn]ot|name['’]s|name\s+is)\s+(?:(?:just|actually)\s+)?"
    r"(?P<w>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])"
)
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w-]|['’](?!s\b))")


def _similar(a, b):
    """True when ``a`` and ``b`` are two spellings of one name ("Dawson", "Dawes")."""
    if a == b or a[0] != b[0] or min(len(a), len(b)) < 4:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


def _corrected(text, found):
    """Both names of a name put right (see :data:`_CORRECTION`) as persons: a word not
    found or found as a place, when one of the two is found as a person or neither is an
    ordinary word."""
    pairs = []
    common = _ids._common_words()
    for m in _CORRECTION.finditer(text):
        w = m.group("w")
        if w.casefold() in common or w in _ids._RANK_WORDS or _ids._calendar(w) or w in _SELF_NOT:
            continue
        for x in _CAP_WORD.finditer(text, max(0, m.start() - 80), min(len(text), m.end() + 40)):
            if x.start() != m.start("w") and _similar(x.group(), w) and x.group().casefold() not in common:
                pairs.append(((m.start("w"), m.end("w")), x.span()))
    if not pairs:
        return found

    def at(span):
        for f in found:
            if f[0] <= span[0] and span[1] <= f[1]:
                return f
            if f[0] < span[1] and span[0] < f[1]:
                return ("overlap",)
        return None

    extra = []
    for a, b in pairs:
        fa, fb = at(a), at(b)
        if (fa and fa[0] == "overlap") or (fb and fb[0] == "overlap"):
            continue
        person = next((f for f in (fa, fb) if f and f[2] == "person"), None)
        if person is None and (_ids.is_ordinary(text[a[0] : a[1]]) or _ids.is_ordinary(text[b[0] : b[1]])):
            continue
        for span, f in ((a, fa), (b, fb)):
            if f is None or (f[2] == "place" and (f[0], f[1]) == span):
                ident = person[3] if person else text[a[0] : a[1]].lower()  # one person, two spellings
                extra.append((span[0], span[1], "person", ident))
    if not extra:
        return found
    drop = {(x[0], x[1]) for x in extra}
    return _ids.resolve_overlaps([f for f in found if (f[0], f[1]) not in drop] + extra)


#: One item of a list of quoted items: '"tyler", "Kayden B", "\'Smudge\'"' (a nickname may
#: be quoted again inside it), and what joins two items.
_LIST_ITEM = re.compile(r"[\"“](?P<q>['‘])?(?P<item>[^\"“”'‘’\n]{1,24})(?(q)['’])[\"”]")
_LIST_JOIN = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_LIST_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)?|[A-Z]\.?|[a-z]{3,}")


def _quoted_list(text, found):
    """A list of three or more quoted items read out, most of them persons found ('"tyler",
    "Kayden B", "\'Smudge\'", "Mason"'): the rest of one or two words, capitalised or
    quoted again as a nickname, are persons too (a list of pages or slurs has no persons
    among it)."""
    items = list(_LIST_ITEM.finditer(text))
    if len(items) < 3:
        return found
    runs, run = [], [items[0]]
    for a, b in zip(items, items[1:]):
        if _LIST_JOIN.fullmatch(text, a.end(), b.start()):
            run.append(b)
        else:
            runs.append(run)
            run = [b]
    runs.append(run)
    spans = [(f[0], f[1], f[2]) for f in found]

    def kinds(m):
        return {k for s, e, k in spans if s < m.end() and e > m.start()}

    common = _ids._common_words()
    extra = []
    for run in runs:
        if len(run) < 3:
            continue
        persons = sum(1 for m in run if "person" in kinds(m))
        if persons < 2 or persons * 2 < len(run):
            continue
        for m in run:
            item = m.group("item").strip()
            words = item.split()
            s = m.start("item") + (len(m.group("item")) - len(m.group("item").lstrip()))
            had = kinds(m)
            if had and not (had == {"place"} and (s, s + len(item), "place") in spans and len(words) == 1):
                continue  # found already; a one-word place in a list of persons is a name ("Sav")
            if not 1 <= len(words) <= 2 or not all(_LIST_WORD.fullmatch(w) for w in words):
                continue
            if all(w.casefold() in common or w in _ids._RANK_WORDS for w in words):
                continue
            if not (words[0][0].isupper() or m.group("q")) or (words[0].islower() and _ids.is_ordinary(words[0])):
                continue
            if _ids.is_ordinary(words[0]) and not m.group("q") and persons * 3 < len(run) * 2:
                continue  # an ordinary word ("Tinker") only among a list of mostly names
            extra.append((s, s + len(item), "person", words[0].lower()))
    if not extra:
        return found
    return _ids.resolve_overlaps([f for f in found if not any(f[0] == x[0] and f[1] == x[1] for x in extra)] + extra)


#: Where a house's name opens an address: "Our address was Bryn Teg, Heol y Felin", "we
#: live at Tŷ Gwyn, ...".
_HOUSE_CUE = re.compile(
    r"(?i:\b(?:address(?:\s+(?:is|was|were|being)|['’]s)?|live[sd]?\s+at|living\s+at|house\s+(?:is\s+|was\s+)?called|"
    r"house\s+name\s+(?:is|was))\s*[:,]?\s*[\"“‘]?)$"
)


def _house_names(text, found):
    """A "person" (with the place words next to it: "Ty" of "Ty Gwyn") right before an
    address found after a comma, where an address is said ("Our address was Bryn Teg, Heol
    y Felin, Llandeilo"): a house's name, one address with the rest."""
    out: list = []
    n = 0
    while n < len(found):
        item = found[n]
        s = item[0]
        k = n
        while (
            k + 1 < len(found)
            and found[k][2] in ("person", "place")
            and found[k + 1][2] in ("person", "place")
            and text[found[k][1] : found[k + 1][0]] == " "
        ):
            k += 1
        if (
            item[2] in ("person", "place")
            and k + 1 < len(found)
            and any(f[2] == "person" for f in found[n : k + 1])
            and found[k + 1][2] == "address"
            and re.fullmatch(r",\s*", text[found[k][1] : found[k + 1][0]])
            and len(text[s : found[k][1]].split()) <= 3
            and _HOUSE_CUE.search(text, max(0, s - 30), s)
        ):
            nxt = found[k + 1]
            out.append((s, nxt[1], "address", nxt[3]))
            n = k + 2
            continue
        out.append(item)
        n += 1
    return out


#: Words of a spoken e-mail or handle around a lower-case name: "gemma underscore hr at".
_SPOKEN_NEXT = re.compile(r"\s+(?:underscore|dot|hyphen|dash|at\s+[a-z]+\s+dot)\b")
_SPOKEN_PREV = re.compile(r"\b(?:underscore|dot|hyphen|at)\s+$")


def _lower_repeats(text, found):
    """A given name or surname of a person found, said again in lower case ("me and kerry
    ... Kerry Anne Whitlock", "someone wrote sian in lower case"): the same person, when
    the word is no English word."""
    given, family = _ids.gazetteer()
    extra = []
    seen = set()
    for s, e, kind, ident in found:
        if kind != "person":
            continue
        for w in text[s:e].split():
            w = w.removesuffix("'s").removesuffix("’s").strip(",.")
            if (
                w in seen
                or len(w) < 3
                or not w[0].isupper()
                or not w[1:].islower()
                or not (w in given or w in family)
                or _ids.is_ordinary(w)
                or w in _ids.NOT_GIVEN
                or w in _ids.PHONETIC
            ):
                continue
            seen.add(w)
            low = w.lower()
            i = text.find(low)
            while i >= 0:
                j = i + len(low)
                if (
                    (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-_@./"))
                    and (j == len(text) or not (text[j].isalnum() or text[j] in "-_@"))
                    and not (
                        (text[j : j + 1] == "." and text[j + 1 : j + 2].isalnum())
                        or _SPOKEN_NEXT.match(text, j)
                        or _SPOKEN_PREV.search(text, max(0, i - 12), i)
                    )
                ):
                    extra.append((i, j, "person", ident))
                i = text.find(low, j)
    if not extra:
        return found
    spans = [(f[0], f[1]) for f in found]
    extra = [x for x in extra if not any(a < x[1] and x[0] < b for a, b in spans)]
    return _ids.resolve_overlaps(list(found) + extra) if extra else found


#: How a word of an e-mail or handle just said is spelled: "Jaz with a J", "Bex with an X".
_WITH_A_LETTER = re.compile(r"\s+with\s+an?\s+[A-Z](?![\w'’-])")


def _spells_an_address(text, s, e, found):
    """True when the one-word person ``text[s:e]`` is said only to spell a word of an
    e-mail or handle said just before it ("it's jaz underscore lee at ... Jaz with a J")."""
    if not _WITH_A_LETTER.match(text, e):
        return False
    word = text[s:e].casefold()
    return any(
        k in ("email", "handle") and b <= s and s - b < 120 and word in text[a:b].casefold() for a, b, k, _ in found
    )


#: A word spelled out letter by letter: "B-R-O-N-A-G-H", "M-C-C-L-O-S-K-E-Y".
_SPELLED = re.compile(r"(?<![\w-])(?:[A-Z]-){2,}[A-Z](?![\w-])")


def _spelled(text, found):
    """A name spelled out after it is said ("Bronagh McCloskey, that's B-R-O-N-A-G-H"):
    the person's, when its letters are those of a word of a person or a name found in the
    same text (letters alone name nobody)."""
    spelled = list(_SPELLED.finditer(text))
    if not spelled:
        return found
    names = {}
    for s, e, kind, ident in found:
        if kind in ("person", "place"):
            for w in re.split(r"[\s'’-]+", text[s:e]):
                if len(w) > 2:
                    bare = "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
                    names.setdefault(bare.upper(), ident if kind == "person" else w.lower())
    extra = []
    for m in spelled:
        ident = names.get(m.group().replace("-", ""))
        if ident is not None:
            extra.append((m.start(), m.end(), "person", ident))
    return _ids.resolve_overlaps(list(found) + extra) if extra else found


#: "Big Stevie", "Little Mo", "Wee Davie": a word of size or age made part of a nickname.
_SIZE_BEFORE = re.compile(r"(?<![\w'’-])(?:Big|Little|Wee|Young|Old|Fat)\s+$")


def _size_repeats(text, found):
    """A nickname made with a size word ("Big Al") said again elsewhere in the text, with
    the same identity ("ask for Big Al ... Big Al's what they called me")."""
    extra = []
    for s, e, kind, ident in found:
        span = text[s:e].removesuffix("'s").removesuffix("’s")
        if kind != "person" or " " not in span or span.split()[0] not in _SIZE_WORDS:
            continue
        i = text.find(span)
        while i >= 0:
            j = i + len(span)
            if not s <= i < e and (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
                extra.append((i, j, "person", ident))
            i = text.find(span, j)
    return _ids.resolve_overlaps(list(found) + extra) if extra else found


_SIZE_WORDS = frozenset(("Big", "Little", "Wee", "Young", "Old", "Fat"))
#: "Big Dunc", "Wee Shug", "Big Al": "Big", "Wee" or "Fat" before one capitalised word
#: in no list (found as a place) make a nickname; "Little" and "Old" make places too
#: ("Little Venice", "Old Trafford"), so only a given name of the lists counts after them;
#: after an article it is a thing ("a Big Mac").
_BIG_BEFORE = re.compile(r"(?<![\w'’-])(?<!\b[Aa]\s)(?<!\b[Aa]n\s)(?<![Tt]he\s)(?:Big|Wee|Fat)\s$")
_BIG_NICK = re.compile(r"[A-Z][a-z]{1,8}")


def _size_words(text, found):
    """``found`` with "Big" of "Big Stevie" taken into the person's span (a given name of
    the lists after it; a candidate that is the word alone is replaced)."""
    given = _ids.gazetteer()[0]
    out: list = []
    for item in found:
        s, e, kind, ident = item
        if kind == "place" and s >= 4 and text[s - 1] == " " and _BIG_BEFORE.search(text, max(0, s - 9), s):
            word = text[s:e].removesuffix("'s").removesuffix("’s")
            if _BIG_NICK.fullmatch(word) and word not in _ids.allowed_proper_nouns() and not _ids.is_ordinary(word):
                if not (out and out[-1][1] > s - 4):
                    out.append((s - 4, e, "person", word.lower()))  # "Big Dunc", "Wee Shug"
                    continue
        if kind == "person" and s >= 4 and text[s - 1] == " ":
            m = _SIZE_BEFORE.search(text, max(0, s - 8), s)
            first = text[s:e].split()[0].removesuffix("'s").removesuffix("’s")
            if m and first in given and first not in _ids.AMBIGUOUS_GIVEN:
                if out and out[-1][1] > m.start():
                    if not (out[-1][0] == m.start() and out[-1][1] <= s and out[-1][2] in ("person", "place")):
                        out.append(item)
                        continue
                    out.pop()  # "Little" found alone
                out.append((m.start(), e, kind, ident))
                continue
        out.append(item)
    return out


#: What says a name is a nickname, near it: "that's what the miners called me", "my
#: nickname", "known as", "they call him".
_NICK_CUE = re.compile(
    r"(?i:\bthat['’]?s\s+what\s+(?:[\w'’]+\s+){0,4}?call(?:s|ed)?\s+(?:me|him|her)\b|\bnick-?names?\b|"
    r"\bknown\s+as\b|\bcall(?:s|ed|ing)?\s+(?:me|him|her)\b|\baka\b|\bgoes\s+by\b|"
    r"\b(?:who|whom|what)\s+(?:they|we|people|everyone|everybody)\s+call(?:s|ed)?\b)"
)
_NICK_CUE_TOKENS = ("call", "Call", "nick", "Nick", "known", "aka", "goes by")


#: Words for where someone is from that open a nickname: "who they call Scouse Dave".
_NICK_DEMONYMS = frozenset("Scouse Geordie Brummie Cockney Manc Mancunian Welsh Irish Scottish Cornish Yorkie".split())


#: "My nickname at work is Mitch", "his nickname's Bomber", 'her nickname on the shift
#: was "Tigs"': the nickname, a person whatever word it is (not a form of address or rank).
_MY_NICKNAME = re.compile(
    r"(?<![\w'’-])(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+nick-?name(?:\s+(?:at|on|in|round|from|for)\s+"
    r"(?:[a-z]+\s+){0,2}?[a-z]+)?(?:\s+(?:is|was)|['’]s)\s+(?:just\s+|always\s+)?[\"“‘']?"
    rf"(?P<name>{_W}(?:-{_W})?(?:\s+{_W}(?:-{_W})?)?)(?![\w'’-])"
)


def _my_nickname(text, found):
    """The nickname of :data:`_MY_NICKNAME` as a person, in place of a place or workplace
    found on it."""
    extra = []
    for m in _MY_NICKNAME.finditer(text):
        words = m.group("name").split()
        if len(words) == 2 and not (_nickname_ok(words[1]) and words[0] in _SIZE_WORDS):
            words = words[:1]
        if not all(_nickname_ok(w, len(words) == 2 and k == 0) for k, w in enumerate(words)):
            continue
        if any(w in _INSULTS or w in _DISCOURSE for w in words):
            continue
        s = m.start("name")
        extra.append((s, s + len(" ".join(words)), "person", words[-1].lower()))
    if not extra:
        return found
    kept = [
        f
        for f in found
        if not any(
            f[0] < x[1] and x[0] < f[1] and f[2] in ("place", "workplace", "address", "station", "school")
            for x in extra
        )
    ]
    spans = [(f[0], f[1]) for f in kept]
    extra = [x for x in extra if not any(a < x[1] and x[0] < b for a, b in spans)]
    return _ids.resolve_overlaps(kept + extra) if (extra or len(kept) < len(found)) else found


_SIZE_WORDS = frozenset(("Big", "Little", "Wee", "Young", "Old", "Fat", "Mad"))


def _place_nicknames(text, found):
    """A town's name before a given name where a nickname is spoken of: '"we've not
    forgotten Barnsley Brian". That's what the miners called me', "they called him Wigan
    Pete" (the town inside the person's span; not after "in", "from", "to": "in Leeds
    Brian said")."""
    given = _ids.gazetteer()[0]
    cities = _ids.allowed_proper_nouns() - _ids.allowed_proper_nouns("not places")
    out: list = []
    changed = False
    for item in found:
        s, e, kind, ident = item
        word = text[s:e]
        if (
            kind == "person"
            and s >= 4
            and text[s - 1] == " "
            and word in given
            and word not in _ids.AMBIGUOUS_GIVEN
            and (m := _WORD_END.search(text, max(0, s - 30), s - 1)) is not None
        ):
            town = m.group(1)
            place_at = out[-1] if out and out[-1][0] == m.start(1) and out[-1][1] == m.end(1) else None
            if (
                (
                    town in _NICK_DEMONYMS
                    or (
                        (town in cities or (place_at and place_at[2] in ("place", "address", "station")))
                        and town not in _ids.allowed_proper_nouns("not places")
                    )
                )
                and not _PLACE_BEFORE.search(text, max(0, m.start(1) - 10), m.start(1))
                and not re.match(r"\s+(?:and|&)\s", text[m.start(1) - 5 : m.start(1)])
                and _NICK_CUE.search(text, max(0, s - 60), min(len(text), e + 100))
            ):
                if place_at:
                    out.pop()
                out.append((m.start(1), e, kind, ident))
                changed = True
                continue
        out.append(item)
    return out if changed else found


#: A name written wrong, and how: 'they'd spelt it "ridly"', "spelled my name Mckenzy",
#: "wrote his surname as Hollis-Smyth", "misspelt it, Farell".
_MISSPELT = re.compile(
    r"(?i:\b(?:spelt|spelled|spelling|misspelt|misspelled|misspelling|wrote|written|typed|put)\s+"
    r"(?:it|me|him|her|(?:my|his|her|the|our|their)\s+(?:sur|first\s+|last\s+)?name)"
    r"(?:\s+(?:wrong|wrongly|incorrectly|as|like))*\s*,?\s*)[\"“‘']?(?P<w>[A-Za-z][a-z'’-]{2,})(?![\w'’-])"
)
_MISSPELT_TOKENS = ("spel", "Spel", "wrote", "written", "typed", "put ")


def _misspelt(text, found):
    """A name found, written wrong after :data:`_MISSPELT` ('"dan ridley ..." and they'd
    spelt it "ridly"'): that spelling, wherever said, the same person."""
    names: dict = {}
    for s, e, kind, ident in found:
        if kind == "person":
            for w in text[s:e].split():
                w = w.removesuffix("'s").removesuffix("’s").strip(",.").lower()
                if len(w) >= 4:
                    names.setdefault(w, ident)
    if not names:
        return found
    common = _ids._common_words()
    extra = []
    for m in _MISSPELT.finditer(text):
        w = m.group("w")
        low = w.lower()
        if low in names or low in common or (_ids.is_ordinary(w) and low in _ids.english_words()):
            continue
        ident = next((names[n] for n in names if _similar(low, n)), None)
        if ident is None:
            continue
        for r in re.finditer(rf"(?<![\w'’@./-]){re.escape(low)}(?![\w'’@-])", text, re.IGNORECASE):
            extra.append((r.start(), r.end(), "person", ident))
    if not extra:
        return found
    same = {(x[0], x[1]) for x in extra}
    found = [f for f in found if not (f[2] == "place" and (f[0], f[1]) in same)]  # "Mckenzy" found as a place
    spans = [(f[0], f[1]) for f in found]
    extra = [x for x in extra if not any(a < x[1] and x[0] < b for a, b in spans)]
    return _ids.resolve_overlaps(list(found) + extra) if extra else found


_NICKNAME_AFTER = re.compile(
    r"[\"”’']?\s*,?\s*(?:(?:is\s+)?what\s+(?:they|we|he|she|you|people|everyone|everybody|the\s+\w+)\s+"
    r"call(?:ed|s)?|(?:everyone|everybody|they|people|the\s+\w+)\s+call(?:ed|s)?\s+(?:him|her|me|us))\b"
)


def _nickname(text, s, e):
    """True when the candidate is a quoted nickname ('calls him "Spud"', '"Tash" they
    called her')."""
    if _GREETING_END.search(text, max(0, s - 16), s):
        return True  # "alright Pricey"
    return _quoted(text, s, e) and bool(
        _NICKNAME_BEFORE.search(text[max(0, s - 60) : s]) or _NICKNAME_AFTER.match(text, e)
    )


@cache
def _rank_tokens() -> frozenset:
    """Every word of every rank and title, case-folded ("ch", "insp", "detective")."""
    return frozenset(t.casefold() for r in _ids.RANKS for t in r.split())


#: A month or day said as one, not as the name it is too: "born in May", "the 2nd of May",
#: "May 2019", "last May", "May half-term".
_MONTH_BEFORE = re.compile(
    r"(?i:\b(?:in|of|on|since|until|till|by|last|next|this|that|early|late|mid|from|to|during|through|every|"
    r"each|since|before|after|around|about)\s+|\d(?:st|nd|rd|th)?\s+(?:of\s+)?|mid-)$"
)
_MONTH_AFTER = re.compile(r"\s*\d|\s+(?:half[- ]term|bank\s+holiday|time|last|next|just\s+gone)\b|-")


def _month_said(text, i, j):
    """True when the word at ``text[i:j]``, a month or day, is said as a month or day."""
    return _MONTH_BEFORE.search(text, max(0, i - 16), i) is not None or _MONTH_AFTER.match(text, j) is not None


def _repeats(text, found):
    """The given name of a person named in full, said again on its own ("DS Ana Lis ...
    Ana rang"), and a single-word name said again inside a sentence, with the same
    identity (an ordinary word only when capitalised inside a sentence); a given name
    already found alone takes the identity of the full name."""
    given = _ids.gazetteer()[0]
    extra, same = [], []
    seen = set()
    spans = None
    for s, e, kind, identity in found:
        if kind != "person":
            continue
        words = text[s:e].split()
        while words and words[0].rstrip(".").casefold() in _rank_tokens():
            words = words[1:]
        if not words:
            continue
        first = words[0].removesuffix("'s").removesuffix("’s")
        if first in seen or len(first) < 3 or not first[0].isupper() or first in _ids.NOT_GIVEN:
            continue
        seen.add(first)
        ordinary = _ids.is_ordinary(first)
        month = _ids._calendar(first)
        if len(words) == 1:
            if ordinary and first not in given and not _nickname(text, s, e):
                continue  # an ordinary word: propagated as a given name or a quoted nickname
        elif first not in given or first in _ids.AMBIGUOUS_GIVEN:
            continue
        i = text.find(first)
        while i >= 0:
            j = i + len(first)
            if (
                (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-_"))
                and (j == len(text) or not (text[j].isalnum() or text[j] in "-_"))
                and not (
                    ordinary
                    and _ids._sentence_start(text, i)
                    and text[j : j + 1] not in (".", "!", "?")
                    and not (first in given and text[j : j + 2] in ("'s", "’s"))
                )
                and not (month and _month_said(text, i, j))
            ):
                if spans is None:
                    spans = sorted((f[0], f[1]) for f in found)
                    starts = [f[0] for f in spans]
                k = bisect.bisect_right(starts, j - 1) - 1
                if not (k >= 0 and spans[k][1] > i):
                    if not _names_nobody(text, i, j, echo=False):
                        extra.append((i, j, "person", identity))
                elif len(words) > 1 and spans[k] == (i, j):
                    same.append((i, j, identity))  # "Ana" found alone: the same person as "DS Ana Lis"
            i = text.find(first, j)
    if same:
        renamed = {(i, j): identity for i, j, identity in same}
        found = [
            (f[0], f[1], f[2], renamed[(f[0], f[1])])
            if f[2] == "person" and (f[0], f[1]) in renamed and f[3] == text[f[0] : f[1]].lower()
            else f
            for f in found
        ]
    if not extra:
        return found
    return _ids.resolve_overlaps(list(found) + extra)
