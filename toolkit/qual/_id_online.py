"""Online identifiers: handles, user names, URLs and e-mail addresses in forms the main patterns miss.

Called by :func:`toolkit.qual._identifiers.find_identifiers`: :func:`find` before the
overlaps are resolved (it calls ``add((start, end, kind, identity))`` for each candidate),
:func:`revise` on the resolved list at the end (it may drop or change candidates and
returns the list, non-overlapping).

Classes covered (each needs a shape, most a shape and a context):

* handles written without "@" whose shape says what they are: words joined by
  underscores ("harlow_heads_up", "shellbell_1988"), lower-case words joined by dots
  that end in no web domain or file type ("bethan.haf.xo"), Reddit's "u/name", Discord
  tags ("kelz#4471"); a lower-case word with digits near an account or platform word
  ("kaceymorgan04");
* a plain user name (a lower-case word that is no English word, a CamelCase word, a
  capitalised word that is no English word, or a run of capitalised words naming an
  account, a page or a group) in a position that announces an account: "my username
  was X", "the account's name is X", "an account called X", "calls himself X", "goes by
  X", "her Snapchat, X", "on Instagram as X", "posted as X", "TikTok user X", "X on
  Snapchat", "a message from X saying", and the answer to "what was the account
  called?";
* handles said aloud: "at sign, blue, underscore, line", "blue underscore line
  underscore liars", "bethan dot haf dot xo" after an announcing word, a handle spelled
  letter by letter ("s-a-z-z-l-e"; "S, A, Z" and "S A Z" when spelling is spoken of)
  after a word that announces an account;
* web addresses with a path on any common top-level domain, host names on the domains
  reserved for examples ("pastebin.example/raw/x", "ukpeoplesearch.example"), and
  addresses said aloud with a path, "www" or a scheme ("facebook dot com slash jane");
* e-mail addresses said aloud ("geoff at example dot co dot uk", "jo dot smith at
  gmail dot com") or written with "[at]", "(at)", "(dot)" or a spaced "@";
* look-alikes dropped in :func:`revise`: "@" used for "at" before a time or a price
  ("see you @7"), a number or measure where the main user-name pattern expected a name
  ("Xbox 360", "Snapchat, 2019"), a brand's home page ("tesco.com"); and every handle's
  identity is given one "@", so an account gets one pseudonym however it is said.

* names of Facebook pages and groups, channels, forums and Telegram channels (handles since
  the policy change of corpus P: "Page and group names as handles" in
  ``tests/data/redaction/README.md``): after "a group called", "a page named", "calling
  themselves", quoted or not ('a Telegram called "Blue Lamp Leaks"', "a page called Bent
  Coppers of the North West", "a group called Justice for Kyle", whose person is then
  hidden inside the handle); after "a Facebook page, " or "the group for the village, "
  when quoted or a place is in the name; and wherever said, by the last words of a
  copwatch page's name ("Oldham Cop Watch", "Valleys Exposed", "Exeter Watchers",
  "Kirkcaldy Community Page", "Rhyl Watch" where pages are spoken of). Left alone: a page
  or group described, not named ("a community group", "the Facebook group", "a WhatsApp
  group for the team"), schemes ("Neighbourhood Watch", "Farm Watch"), a kind of page
  ("those Met Watch pages"), a group chat's name (private, not a page), platforms,
  newspapers, a force, and a person's full name after "an account called" (the person
  rules');
* account names on games and apps ("my Roblox is X", "my gaming tag is X") and names with
  a digit said as a word ("Justice4Teesside") near an account word.
* (corpus T) a page's name between dashes ("a page -- Camden Copwatch --"), quoted with a
  leading "The", between "the" and "page" ("on the Wirral Bizzies Off Sick Again page";
  papers, clubs, forces, brands and "<place> Community" left), after a plural owner's
  platform ("the officers' Facebook, Old Sweats of Tyneside,"), a place's "... Watch" that
  no scheme's word precedes ("Leeds Stop & Search Watch"), a collective named by "ACAB" and
  a place; a new name after "changed it to", a quoted answer to "what was the username?",
  a quoted display name after "somebody called" or before "he's called on TikTok";
  channels written "#doxx-drop" or said "hashtag doxx hyphen drop" after a channel word;
  spelled runs through "underscore" and "capital"; spoken e-mails with commas ("jay,
  underscore, mac, at example dot org"). Left: an address's format ("first dot last at
  force dot police dot uk"), a title inside a run ("Caller Mrs L."), quoted talk in
  lower case ('"who is he, name please"').
* (corpora S, R, Q) a run after "to YouTube under" or "on TikTok as" and before "on
  Insta" ("posted it to London Filth Files on Insta"), "channel's X,", '"X" is the page
  name', a quoted Title Case name after a page, group, chat or a platform used as a noun
  ('a WhatsApp for the shift, "Team 3 Banter"'; quoted talk followed by "they said" left),
  a CamelCase poster before "posted:", a rank starting a name that ends in "Exposed"
  ("PC Plod Exposed"), police slang ("Bacon") among the cop words; spelled runs that are
  part of a spoken url ("H T T P S colon ...") or a word spelled for a pun ("Know. K-N-O-W")
  are no handle; e-mails with a filler after "dot" and a word written to on an example
  domain ("copied in to complaints at example dot co dot uk").
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.qual import _id_windows as _win
from toolkit.qual import _identifiers as _ids

# ---------------------------------------------------------------------------------------
# Shared vocabulary
# ---------------------------------------------------------------------------------------

#: Endings of file names: "photo.jpg" is no handle.
_FILE_EXT = frozenset(
    """pdf doc docx xls xlsx csv txt jpg jpeg png gif heic mp4 mov avi mp3 wav zip rar exe
    html htm php asp aspx js py json xml ppt pptx odt rtf webp bmp tif tiff""".split()
)
#: Top-level domains of web addresses (a dotted word ending in one is a host, not a
#: handle; a host on one with a path is a URL). Includes the names reserved for examples
#: and documentation (RFC 2606: "example", "test", "invalid").
_TLD_WORDS = frozenset(
    """com net org uk co io info biz blog site online website web store shop app page tv me
    wales cymru scot london ie eu fm xyz club live news life world social gg ly ee to cc
    example test invalid localhost gov edu int mil police sch ac ltd plc nhs mod
    pl de fr es it nl be ch at se no dk fi pt ru us ca au nz in za cn jp br mx ro gr hu
    cz sk bg hr lt lv is tr ua il sg hk ph my ng ke pk bd ae sa qa""".split()
)
#: Platforms whose name announces an account ("her Snapchat, saf.x.14").
_PLATFORMS = (
    r"insta(?:gram)?|snap(?:chat)?|tik\s?tok|twitter|x|facebook|fb|youtube|twitch|telegram|"
    r"discord|reddit|myspace|depop|vinted|ebay|onlyfans|linkedin|bluesky|bsky|mastodon|kik|xbox|"
    r"psn|playstation|tinder|hinge|bumble|grindr|plenty\s+of\s+fish|pof|strava|pinterest|tumblr|"
    r"github|patreon|roblox|fortnite|whatsapp|wechat|skype|substack|flickr|vsco|bebo|yubo"
)


@lru_cache(maxsize=1)
def _not_names() -> frozenset:
    """Lower-case slang, insults and online words that are no user name
    (``online_not_names.txt``, read once)."""
    return _ids._read_list("online_not_names.txt")


@lru_cache(maxsize=1)
def _brands_folded() -> frozenset:
    """Platforms, brands and other allowed proper nouns, case-folded ("tiktok", "gmail"):
    a word that names one is no one's user name."""
    return frozenset(w.casefold() for w in _ids.allowed_proper_nouns()) | frozenset(
        "facebook tiktok instagram insta snapchat snap twitter youtube whatsapp telegram reddit discord "
        "nextdoor myspace linkedin google gmail hotmail outlook icloud yahoo depop vinted twitch xbox "
        "tinder hinge bumble grindr strava onlyfans patreon".split()
    )


#: CamelCase brand words that are no one's user name.
_CAMEL_BRANDS = frozenset(
    """YouTube TikTok WhatsApp LinkedIn iPhone iPad iCloud PlayStation PowerPoint OnlyFans
    JobCentre FaceTime GoFundMe JustGiving PayPal DoorDash UberEats McDonald McDonalds
    MySpace SnapChat BlackBerry SoundCloud WordPress BlogSpot DropBox OneDrive eBay
    CrowdJustice ChatGPT AirBnB Airbnb HelloFresh BrewDog PlayStations NextDoor
    ActionFraud CrimeStoppers""".split()
)


def _ordinary_lower(word: str) -> bool:
    """True when the lower-case ``word`` is an English word (or an inflection of one),
    a common word, or slang that names nobody."""
    low = word.casefold()
    slang = _not_names()
    if low in slang or low in _brands_folded():
        return True
    english = _ids.english_words()
    common = _ids._common_words()
    if low in english or low in common:
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("'s", "")):
        if low.endswith(suffix):
            stem = low[: -len(suffix)] + repl
            if stem in english or stem in slang:
                return True
    return False


def _unknown_word(word: str) -> bool:
    """A lower-case word that is neither ordinary nor two English words run together
    ("headteachers", "staffroom": ordinary compounds); for the weakest contexts ("a
    message from X", "X on Snapchat")."""
    if _ordinary_lower(word):
        return False
    low = word.casefold()
    english = _ids.english_words()
    stem = low[:-1] if low.endswith("s") else low
    for i in range(3, len(stem) - 2):
        if stem[:i] in english and stem[i:] in english:
            return False
    return True


def _is_camel(word: str) -> bool:
    """A CamelCase word ("BrizzleWatcher", "copWatchUK"): a lower-case letter followed by
    a capital inside the word, not a Mc/Mac surname or a brand."""
    if word in _CAMEL_BRANDS or word.rstrip("s") in _CAMEL_BRANDS or word.casefold() in _brands_folded():
        return False
    if re.match(r"(?:Mc|Mac|O')[A-Z][a-z]+$", word):
        return False
    return re.search(r"[a-z][A-Z]", word) is not None and len(word) >= 5


# ---------------------------------------------------------------------------------------
# Handles by their shape
# ---------------------------------------------------------------------------------------

#: Words joined by underscores ("harlow_heads_up", "_clare_", "PC_Rowe_Plymouth"),
#: dots allowed among them ("amy.b_99"); "u/" (Reddit) before it.
_UNDERSCORED = re.compile(r"(?<![\w@./:\\#-])(?:u/)?_*[A-Za-z0-9]+(?:[_.]+[A-Za-z0-9]+)*_*(?![\w@/-]|\.[A-Za-z0-9])")
#: Lower-case words and digits joined by dots ("bethan.haf.xo", "llanelli.lad.99").
_FILE_PREFIX = re.compile(r"(?i:img|dsc|dscn|dcim|vid|mvimg|pxl|screenshot|scan|rec|wa)_?\d")
_FILE_BEFORE = re.compile(
    r"(?i:\b(?:file|files|document|folder|spreadsheet|attachment|filename|file\s+name|saved\s+(?:it\s+)?as|"
    r"template|macro|database|table|column|field|variable|script)\b[^.!?]{0,25})$"
)
_DOTTED = re.compile(r"(?<![\w@./:\\#-])[a-z0-9]+(?:\.[a-z0-9]+)+(?![\w@/-]|\.[A-Za-z0-9])")
#: Reddit user names ("u/Brandreth_Family_Secrets", "/u/throwaway99").
_REDDIT_USER = re.compile(r"(?<![\w./-])/?u/[A-Za-z0-9][A-Za-z0-9_-]{2,29}(?![\w/-])")


#: Discord's old user names with a four-digit tag ("kelz#4471").
_DISCORD_TAG = re.compile(r"(?<![\w@#./-])[A-Za-z][A-Za-z0-9_.]{1,31}#\d{4}(?![\w#])")


def _dotted_handle(token: str) -> bool:
    """``token`` (lower-case words joined by dots) is a handle: not a web host (ending in a
    top-level domain), a file name, a decimal, a time or an abbreviation ("e.g.",
    "d.o.b")."""
    parts = token.split(".")
    if parts[-1] in _TLD_WORDS or parts[-1] in _FILE_EXT:
        return False
    letters = sum(c.isalpha() for c in token)
    if letters < 5 or not any(sum(c.isalpha() for c in p) >= 3 for p in parts):
        return False
    if sum(1 for p in parts if any(c.isalpha() for c in p)) < 2 and len(parts) < 3:
        return False  # "v2.0", "covid.19": one word and a number
    return True


_LOWER_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LOWER_DIGIT_DOT = _LOWER_DIGIT | {"."}


def _dot_starts(text):
    """Where a run of lower-case words joined by dots can start: found from each dot
    between two lower-case letters or digits (``str.find``, far cheaper than trying the
    pattern at every position)."""
    starts = set()
    n = len(text)
    i = text.find(".")
    while i >= 0:
        if 0 < i < n - 1 and text[i - 1] in _LOWER_DIGIT and text[i + 1] in _LOWER_DIGIT:
            j = i - 1
            while j > 0 and text[j - 1] in _LOWER_DIGIT_DOT:
                j -= 1
            while text[j] == ".":
                j += 1
            starts.add(j)
        i = text.find(".", i + 1)
    return starts


#: A channel written with "#" ('the channel "#doxx-drop"') or said aloud with "hashtag"
#: and a spoken hyphen or underscore ("hashtag doxx hyphen drop"), where a channel, a
#: server or a chat platform is spoken of just before it.
_HASH_CHANNEL = re.compile(r"(?<![\w#&/])#(?P<n>[A-Za-z][A-Za-z0-9_-]{1,40}[A-Za-z0-9])(?![\w-])")
_SAID_CHANNEL = re.compile(
    r"(?i:\bhash(?:tag)?\s+)(?P<n>[a-z0-9]+(?:\s+(?:hyphen|dash|underscore)\s+[a-z0-9]+)+)(?![\w-])"
)
_SAID_ONE_CHANNEL = re.compile(r"(?i:\bhash(?:tag)?\s+)(?P<n>[a-z0-9]+)(?!\s+(?:hyphen|dash|underscore)\b)(?![\w-])")
_CHANNEL_AFTER = re.compile(
    r"[\"”’']?\s+(?i:(?:channel|room)\b|(?:on|in)\s+(?:the\s+)?(?:discord|slack|telegram|teams)\b)"
)
_CHANNEL_BEFORE = re.compile(r"(?i:\b(?:channels?|servers?|discord|slack|telegram|rooms?)\b)")


def _channel_names(text, add, low):
    """Channels named by "#" ("#doxx-drop") or said with "hashtag" after a channel word."""
    if "#" in text:
        last = -1000  # where the last channel found ends: "#lancs-pigs, and then another one, #addresses"
        names = set()
        for m in _HASH_CHANNEL.finditer(text):
            if (
                _CHANNEL_BEFORE.search(text, max(0, m.start() - 60), m.start())
                or _CHANNEL_AFTER.match(text, m.end())
                or m.start() - last < 60
                or m.group().lower() in names
            ):
                add((m.start(), m.end(), "handle", m.group().lower()))
                last = m.end()
                names.add(m.group().lower())
    if "hash" in low:
        for m in _SAID_ONE_CHANNEL.finditer(text):
            word = m.group("n")
            if _plain_id(word) and _CHANNEL_BEFORE.search(text, max(0, m.start() - 100), m.start()):
                add((m.start(), m.end(), "handle", "#" + word.lower()))  # "the channel hashtag doxxdrop"
        for m in _SAID_CHANNEL.finditer(text):
            if _CHANNEL_BEFORE.search(text, max(0, m.start() - 100), m.start()):
                name = re.sub(r"\s+(?:hyphen|dash)\s+", "-", m.group("n").lower())
                add((m.start(), m.end(), "handle", "#" + re.sub(r"\s+underscore\s+", "_", name)))


def _shape_handles(text, add):
    if "_" in text:
        for m in _UNDERSCORED.finditer(text):
            tok = m.group()
            core = tok[2:] if tok.startswith("u/") else tok
            if "_" not in core or not re.search(r"[A-Za-z0-9]", core):
                continue
            if "." in core and core.rsplit(".", 1)[-1].lower() in (_FILE_EXT | _TLD_WORDS):
                continue  # "report_final.pdf", "my_site.co.uk"
            if _FILE_PREFIX.match(core) or _FILE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "IMG_2034", "the file was called evidence_final_v2": a file's name
            if (
                text[m.start() - 1 : m.start()] in "[<{"
                and m.start() > 0
                or text[m.end() : m.end() + 1] in ("]", ">", "}")
            ):
                continue  # "[NAME_1]": a placeholder of an earlier redaction
            add((m.start(), m.end(), "handle", tok.lower()))
    starts = _dot_starts(text)
    if starts:
        for m in _ids._matches_at(_DOTTED, text, starts):
            parts = m.group().split(".")
            if len(parts) == 2 and parts[0].isalpha() and parts[1].isalpha() and all(map(_ordinary_lower, parts)):
                continue  # "left.then": a full stop without its space (announced, it counts)
            if _dotted_handle(m.group()):
                add((m.start(), m.end(), "handle", m.group()))
    if "#" in text:
        for m in _DISCORD_TAG.finditer(text):
            add((m.start(), m.end(), "handle", m.group().lower()))
    if "u/" in text:
        for m in _REDDIT_USER.finditer(text):
            add((m.start(), m.end(), "handle", m.group().lstrip("/").lower()))


# ---------------------------------------------------------------------------------------
# Web addresses on other top-level domains
# ---------------------------------------------------------------------------------------

_TLD_ALT = "|".join(sorted(_TLD_WORDS, key=len, reverse=True))
#: A host and a path, any common top-level domain ("bent-bizzies.example/merseyside").
_HOST_PATH = re.compile(
    r"(?<![\w@./:-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    rf"(?:{_TLD_ALT})/[^\s<>\"'),;]*[^\s<>\"'),;.!?:]",
    re.IGNORECASE,
)
#: A bare host on a domain reserved for examples ("ukpeoplesearch.example").
_EXAMPLE_HOST = re.compile(
    r"(?<![\w@./:-])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:example|test|invalid)"
    r"(?:\.[a-z]{2,3})?(?![\w@/-]|\.[a-z0-9])",
    re.IGNORECASE,
)


def _public_example(host: str) -> bool:
    """A public body's or a platform's home page written on an example domain
    ("police.example", "facebook.example"): it points to nobody."""
    for real in (".com", ".co.uk", ".uk", ".org"):
        h = re.sub(r"\.(?:example|test|invalid)(?:\.[a-z]{2,3})?$", real, host)
        if h in _win._PUBLIC_HOSTS or any(h.endswith(s) for s in _win._PUBLIC_SUFFIXES):
            return True
    return bool(re.fullmatch(r"(?:www\.)?(?:[a-z0-9-]+\.)?(?:police|gov|nhs)\.(?:example|test|invalid)", host))


#: A web address said aloud with its path or "www": "facebook dot com slash jane dot
#: doe", "www dot copwatch dot co dot uk", "h t t p s colon slash slash ...", its letters
#: spelled with hyphens or said as names ("w-w-w dot ...", "h-t-t-p-s colon ...", "aitch
#: tee tee pee ess, colon, slash slash, ..."), commas between its parts, a domain for
#: examples before the real one ("... dot example dot com"), after "www" or a scheme its
#: host's letters spelled one by one ("W W W dot, T H E, B L U E dot com").
_SPELLED_HOST = r"[a-z](?![a-z0-9-])(?:\s*,?\s+[a-z](?![a-z0-9-]))+"
_HOST_WORD = rf"(?:{_SPELLED_HOST}|[a-z0-9][a-z0-9-]*(?:\s+(?:dash|hyphen)\s+[a-z0-9][a-z0-9-]*)*)"
_SPELLED_IN_HOST = re.compile(r"(?<![a-z0-9-])[a-z][\s,]", re.IGNORECASE)
_SPOKEN_URL = re.compile(
    r"(?<![\w.@-])(?P<scheme>(?:h[\s-]?t[\s-]?t[\s-]?p(?:[\s-]?s)?|https?"
    r"|aitch[\s,]+tee[\s,]+tee[\s,]+pee(?:[\s,]+(?:ess|es))?)\s*,?\s*"
    r"(?:colon\s*,?\s*)?(?:(?:forward\s+)?slash\s*,?\s*){0,2})?"
    r"(?P<www>(?:w[\s-]?w[\s-]?w|(?:double[\s-]?(?:u|you)[\s,-]+){2}double[\s-]?(?:u|you)|triple[\s-]w"
    r"|(?:dub[\s,-]+){2}dub)\s*,?\s+dot\s*,?\s+)?"
    rf"(?P<host>{_HOST_WORD}(?:\s*,?\s+dot\s*,?\s+{_HOST_WORD})*?)\s*,?\s+dot\s*,?\s+"
    r"(?P<tld>(?:example\s+dot\s+)?(?:co\s+dot\s+uk|org\s+dot\s+uk|com|net|org|uk|io|info|me|tv|ie|ly|ee|gg|gl)|example)"
    r"(?P<path>(?:\s*,?\s+(?:forward\s+)?slash\s*,?\s+[a-z0-9@](?:[a-z0-9_.-]*[a-z0-9_])?"
    r"(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9]+)*)*)(?![\w-])",
    re.IGNORECASE,
)


#: A remark on how a spoken host is written, then a pause before the domain: "all one
#: word, dot co dot uk", "no spaces, dot com" (the remark's last word is no host).
_AFTER_SPELLING_OUT = re.compile(
    r"(?i:\b(?:(?:all\s+)?one\s+word|no\s+spaces?|joined\s+up|all\s+together|lower\s*case|small\s+letters)$)"
)


def _spoken_urls(text, add):
    for m in _SPOKEN_URL.finditer(text):
        bare = not (m.group("path") or m.group("www") or m.group("scheme"))
        if bare and len(m.group("host").split()[0]) < 4:
            continue  # "a dot com": no host
        if m.group("host").split()[0].casefold() in _win._SPOKEN_NOT_HOST and not m.group("www"):
            continue
        if (
            bare
            and _AFTER_SPELLING_OUT.search(text, max(0, m.start() - 30), m.end("host"))
            and "," in text[m.end("host") : m.start("tld")]
        ):
            continue  # '"rate your copper", all one word, dot co dot uk': the host said before, no host here
        if bare and _win.SPOKEN_LOCAL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "jay, underscore, mac, at example dot org": an e-mail's domain
        spelled = _SPELLED_IN_HOST.search(m.group("host")) is not None
        if spelled and not (m.group("www") or m.group("scheme")):
            continue  # letters spelled one by one: only after "www" or a scheme
        url = text[m.start("host") : m.end()].lower()
        url = re.sub(r"\s*,?\s*(?:forward\s+)?slash\s*,?\s*", "/", url)
        url = re.sub(r"\s*,?\s+dot\s*,?\s+", ".", url)
        url = re.sub(r"\s+underscore\s+", "_", url)
        url = re.sub(r"\s+(?:dash|hyphen)\s+", "-", url).strip()
        if spelled:
            url = re.sub(r"[\s,]+", "", url)  # "t h e, b l u e.com": "theblue.com"
        if not m.group("path") and (url in _win._PUBLIC_HOSTS or _public_example(url)):
            continue
        end = m.end()
        if m.group("path") and url.split("/", 1)[0] in _SHORTENERS:
            more = _SLUG_MORE.match(text, end)
            if more is not None and not any(
                w.casefold() in _NOT_LOCAL_PIECE or w.casefold() in _FILLER for w in more.group().split()
            ):
                end = more.end()  # "bit dot ly slash notts pigs.": a short link's slug said as words
                url += "".join(more.group().lower().split())
        add((m.start(), end, "url", url))


#: Link shorteners, whose paths are slugs a speaker may say as words with spaces.
_SHORTENERS = frozenset("bit.ly tinyurl.com t.co goo.gl ow.ly is.gd rb.gy cutt.ly shorturl.at tiny.cc".split())
#: One or two more words of a slug, closing the clause ("... slash notts pigs. Our IT").
_SLUG_MORE = re.compile(r"(?:\s+[a-z0-9]+){1,2}(?=\s*(?:[.,;!?]|$))")


#: A host of several words said after "www" or before a domain for examples: "w w w dot
#: bent coppers u k dot example dot org" (a host said as its words, run together).
_EXAMPLE_TLD = r"example\s+dot\s+(?:co\s+dot\s+uk|org\s+dot\s+uk|com|net|org)"
_WORDS_HOST = r"(?P<host>[a-z0-9]+(?:\s+[a-z0-9]+){1,4}?)"
_WWW_WORDS_URL = re.compile(
    rf"(?<![\w.@-])w[\s-]?w[\s-]?w\s*,?\s+dot\s*,?\s+{_WORDS_HOST}\s*,?\s+dot\s*,?\s+"
    rf"(?P<tld>{_EXAMPLE_TLD}|co\s+dot\s+uk|org\s+dot\s+uk|com|net|org)(?![\w-])",
    re.IGNORECASE,
)
_NOT_HOST_WORDS = frozenset("dot slash at erm um er and or the a an is was it its it's".split())
#: A local part, "at", a host of two words and a domain for examples: "mark at pickering
#: family dot example dot org".
_WORDS_EMAIL = re.compile(
    rf"(?<![\w.@-])(?P<local>[a-z0-9][a-z0-9]*)\s+at\s+(?P<host>[a-z0-9]+\s+[a-z0-9]+)\s+dot\s+"
    rf"(?P<tld>{_EXAMPLE_TLD})(?![\w-])",
    re.IGNORECASE,
)


def _word_hosts(text, add):
    """Hosts said as several words: after "www" ("w w w dot bent coppers u k dot example
    dot org": a url) or between "at" and a domain for examples ("mark at pickering family
    dot example dot org": an e-mail whose local part is a name or no English word)."""
    for m in _WWW_WORDS_URL.finditer(text):
        words = m.group("host").lower().split()
        if any(w in _NOT_HOST_WORDS for w in words):
            continue
        tld = re.sub(r"\s+dot\s+", ".", m.group("tld").lower())
        add((m.start(), m.end(), "url", "".join(words) + "." + tld))
    for m in _WORDS_EMAIL.finditer(text):
        local, words = m.group("local").lower(), m.group("host").lower().split()
        if any(w in _NOT_HOST_WORDS for w in words):
            continue
        if not (_gazetteer_name(local) or not _ordinary_lower(local) or re.search(r"\d", local)):
            continue  # "looked at ... dot example dot org": no e-mail
        tld = re.sub(r"\s+dot\s+", ".", m.group("tld").lower())
        add((m.start(), m.end(), "email", local + "@" + "".join(words) + "." + tld))


_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def _slash_host_starts(text):
    """Where a host followed by a path can start: the start of the run of host characters
    before each "/" that has a dot in it."""
    starts = set()
    i = text.find("/")
    while i >= 0:
        if i > 0 and text[i - 1].isalnum():
            j = i
            while j > 0 and text[j - 1] in _HOST_CHARS:
                j -= 1
            if "." in text[j:i]:
                while j < i and text[j] in ".-":
                    j += 1
                starts.add(j)
        i = text.find("/", i + 1)
    return starts


#: A link written "defanged" so that it does not link: "hxxps://dox-the-blues.example.com",
#: "copwatch[.]example[.]co[.]uk/officers", "https[:]//bent-bobbies(.)example(.)com"; the
#: identity is the address made whole again.
_DEFANG_DOT = r"(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{\.\})"
_DEFANGED_URL = re.compile(
    rf"(?<![\w@./:\[(-])(?:(?P<scheme>h(?:xx|XX|tt|TT)ps?(?:\[:\]|:)//))?(?:www(?:{_DEFANG_DOT}|\.))?"
    rf"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:{_DEFANG_DOT}|\.))+[a-z]{{2,24}}(?![\w-])(?:/[^\s<>\"'),;]*)?",
    re.IGNORECASE,
)
_DEFANGED_HINT = re.compile(rf"(?i:hxxps?|{_DEFANG_DOT}|\[:\])")


def _defanged_urls(text, add):
    for m in _DEFANGED_URL.finditer(text):
        said = m.group()
        if not _DEFANGED_HINT.search(said):
            continue  # a plain address: the other rules'
        if not m.group("scheme") and not re.search(rf"{_DEFANG_DOT}", said):
            continue
        e = m.end()
        while e > m.start() and text[e - 1] in ".!?:":
            e -= 1
        whole = re.sub(_DEFANG_DOT, ".", text[m.start() : e], flags=re.IGNORECASE).replace("[:]", ":")
        whole = re.sub(r"(?i)^h(?:xx|tt)p(s?)://", "", whole).lower()
        add((m.start(), e, "url", whole.removeprefix("www.").rstrip("/")))


def _other_urls(text, add):
    starts = _slash_host_starts(text) if "/" in text else ()
    if starts:
        for m in _ids._matches_at(_HOST_PATH, text, starts):
            add((m.start(), m.end(), "url", re.sub(r"^www\.", "", m.group().lower()).rstrip("/")))
    if ".example" in text or ".test" in text or ".invalid" in text:
        for m in _EXAMPLE_HOST.finditer(text):
            host = m.group().lower()
            bare = host[4:] if host.startswith("www.") else host
            if _public_example(bare):
                continue
            add((m.start(), m.end(), "url", bare))


# ---------------------------------------------------------------------------------------
# E-mail addresses said aloud
# ---------------------------------------------------------------------------------------

_SPOKEN_TLD = r"co\s+dot\s+uk|org\s+dot\s+uk|ac\s+dot\s+uk|com|net|org|uk|io|me|info|ie|example|co"
SPOKEN_EMAIL = re.compile(
    r"(?<![\w@.-])(?P<local>[a-z0-9][a-z0-9._-]*(?:(?:,?\s+(?:dot|underscore|dash|hyphen),?\s+(?:(?:er|erm|um|uh),?\s+)?|\s*[\[(]dot[\])]\s*)[a-z0-9]+)*)"
    r"(?P<at>,?\s+at,?\s+(?:sign,?\s+)?|\s*[\[(]\s*at\s*[\])]\s*|\s+@\s+)"
    r"(?P<domain>[a-z0-9][a-z0-9-]*(?:(?:,?\s+dot,?\s+|\s*[\[(]dot[\])]\s*|\.|\s+(?:dash|hyphen)\s+)[a-z0-9-]+)*?)"
    rf"(?:(?:,?\s+dot,?\s+|\s*[\[(]dot[\])]\s*)(?:{_SPOKEN_TLD})|\.(?:[a-z]{{2,6}}(?:\.[a-z]{{2}})?))(?![\w-]|\.[a-z0-9])",
    re.IGNORECASE,
)
#: " at " (or "[at]") followed by something shaped like a domain ("example dot", "gmail.").
_AT_DOMAIN = re.compile(
    r",?\s*(?:at,?\s+(?:sign,?\s+)?|[\[(]\s*at\s*[\])]\s*|@\s+)[a-z0-9][a-z0-9-]*(?:\s+(?:dash|hyphen)\s+[a-z0-9-]+)*(?:\.|,?\s+dot,?\s+|\s*[\[(]dot[\])]\s*)[a-z0-9]",
    re.IGNORECASE,
)
_EMAIL_WORD = re.compile(r"(?i:e-?mail|address|inbox|mail\b|write\s+to|contact)")


def _spoken_emails(text, add, low):
    """E-mail addresses said aloud or written with "[at]": tried only where " at " (or
    "[at]", "(at)") comes before something shaped like a domain."""
    ats = []
    if low is None:  # case-folding changed the length: positions from the text itself
        ats = [
            m.start() for m in re.finditer(r"(?i) at,? |\[at\]|\(at\)| @ ", text) if _AT_DOMAIN.match(text, m.start())
        ]
    else:
        for tok in (" at ", " at, ", "[at]", "(at)", " @ "):
            i = low.find(tok)
            while i >= 0:
                if _AT_DOMAIN.match(text, i):
                    ats.append(i)
                i = low.find(tok, i + 1)
    seen: set = set()
    for i in ats:
        for m in SPOKEN_EMAIL.finditer(text, max(0, i - 80), min(len(text), i + 160)):
            if m.start("at") <= i + 1 <= m.end("at") and m.span() not in seen:
                seen.add(m.span())
                _spoken_email(text, add, m)


#: Words of an address's format, not of an address ("first dot last at ...",
#: "firstname underscore surname at ..."): a pattern for every address, nobody's.
_FORMAT_LOCAL_WORDS = frozenset(
    """first last firstname lastname first_name last_name surname forename forenames name names
    initial initials given family middle your their his her my officer officers staff user username
    number collar x y z""".split()
)


def _format_local(local: str) -> bool:
    """The local part of a spoken e-mail names its format ("first dot last"), not a person."""
    words = re.split(r"[\s,._-]+|\b(?:dot|underscore|dash|hyphen)\b", local.casefold())
    words = [w for w in words if w]
    return bool(words) and all(w in _FORMAT_LOCAL_WORDS for w in words)


#: A number said as words in a spoken local part ("justice four tyneside", "rob dot sandhu
#: sixty-one"): "four", "sixty-one", "nineteen".
_NUM_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
#: The word (or words joined by a spoken dot or underscore) right before ``pos``: a piece
#: of a spoken local part said with spaces ("justice four" before "tyneside at ...").
_LOCAL_PIECE_END = re.compile(
    r"(?<![\w@.'’-])(?P<w>[a-z][a-z0-9-]*(?:\s+(?:dot|underscore)\s+[a-z0-9-]+)*)\s+$", re.IGNORECASE
)
_NUM_WORD_FULL = re.compile(_NUM_WORD)
#: Words of talk that no spoken local part has before its number ("sent about four ...").
_NOT_LOCAL_PIECE = frozenset(
    """at to from was is its it's my his her their our your just about around only maybe me him them us of
    on in for with by then than or but and the a an it that this was were be""".split()
)


def _number_local_start(text, m) -> int:
    """Where a spoken local part with a number said as words starts: before the pieces joined
    to it by spaces ("justice four tyneside", "rob dot sandhu sixty-one", "kev seven seven"),
    a piece taken only next to a number word; ``m.start()`` when there is none."""
    start = m.start()
    first = re.match(r"[a-z0-9-]+", m.group("local").lower())
    first_num = first is not None and _NUM_WORD_FULL.fullmatch(first.group()) is not None
    for _ in range(4):
        b = _LOCAL_PIECE_END.search(text, max(0, start - 60), start)
        if b is None:
            break
        words = re.findall(r"[a-z0-9-]+", b.group("w").lower())
        if any(w in _FILLER or w in _NOT_LOCAL_PIECE for w in words):
            break
        last_num = _NUM_WORD_FULL.fullmatch(words[-1]) is not None
        if not (first_num or last_num):
            break
        start = b.start()
        first_num = _NUM_WORD_FULL.fullmatch(words[0]) is not None
    return start


#: Single characters spelled one by one right before a local part of one character.
_SPELLED_LOCAL = re.compile(r"(?<![\w'’-])(?:[A-Za-z0-9],?\s+){3,}$")
#: The word right before a spoken local part, said apart from it ("janet" in "janet pyke
#: at example dot com").
_WORD_BEFORE_LOCAL = re.compile(r"(?<![\w@.'’-])(?P<w>[A-Za-z][a-z]+)\s+$")


def _given_name_local_start(text, m) -> int:
    """Where a local part said as a given name and a surname starts ("janet pyke at example
    dot co dot uk": the name said with a space where the address has none or a dot): at the
    given name when the local part is one word of letters and the word before it is a given
    name; ``m.start()`` otherwise ("sent it to pyke at ...")."""
    local = m.group("local")
    if not local.isalpha() or local.casefold() in _NOT_LOCAL_PIECE or local.casefold() in _FILLER:
        return m.start()
    b = _WORD_BEFORE_LOCAL.search(text, max(0, m.start() - 20), m.start())
    if b is None:
        return m.start()
    word = b.group("w")
    if word.casefold() in _NOT_LOCAL_PIECE or word.casefold() in _FILLER:
        return m.start()
    given, _family = _ids.gazetteer()
    if word.capitalize() not in given or (word[0].isupper() and local[0].islower()):
        return m.start()  # "Janet, pyke at": no name said apart; "told Janet pyke at" mixes cases
    return b.start()


def _spoken_email(text, add, m):
    local = m.group("local")
    start = _number_local_start(text, m) if m.group("at").strip(", ") == "at" else m.start()
    if start == m.start() and len(m.group("local")) == 1:
        spelled = _SPELLED_LOCAL.search(text, max(0, m.start() - 80), m.start())
        if spelled is not None:
            start = spelled.start()  # "j, o, h, a, r, r, i, s at example dot com": spelled out
    if start == m.start() and m.group("at").strip(", ") == "at":
        start = _given_name_local_start(text, m)
    if start < m.start():
        local = text[start : m.start()] + local
    if _format_local(local):
        return  # "in the format first dot last at force dot police dot uk"
    if not re.search(r"[\[(@]", m.group("at")):  # a plain " at "
        # words run together with a number said as a word ("truth four teesside") are strong
        strong = start < m.start() or re.search(r"[._\d]|\s(?:dot|underscore),?\s|[\[(]dot", local) is not None
        # "copied in to complaints at example dot co dot uk": an address written to, on a
        # domain reserved for examples
        written_to = (
            re.match(r"(?i:example\b)", m.group("domain")) is not None
            and re.search(r"(?i:\b(?:to|cc|copied\s+in|from)\s+)$", text[max(0, m.start() - 12) : m.start()])
            is not None
        )
        announced = _EMAIL_WORD.search(text, max(0, m.start() - 80), m.start()) is not None or written_to
        if not (strong or announced):
            return
        if not strong and local.casefold() in _ids._common_words() and not written_to:
            return  # "I looked at example dot com": a verb before "at"
        if " dot " not in m.group().casefold() and not (announced or strong):
            return  # "sam at gmail.com" needs the word "e-mail" before it
    said = text[start : m.end()].lower()
    identity = re.sub(r"(,?\s+(?:dot|underscore|dash|hyphen),?)\s+(?:er|erm|um|uh),?\s+", r"\1 ", said)
    identity = re.sub(r",?\s+dot,?\s+|\s*[\[(]dot[\])]\s*", ".", identity)
    identity = re.sub(r",?\s+underscore,?\s+", "_", identity)
    identity = re.sub(r",?\s+(?:dash|hyphen),?\s+", "-", identity)
    identity = re.sub(r",?\s*(?:\s+at,?\s+(?:sign,?\s+)?|[\[(]\s*at\s*[\])]|@)\s*", "@", identity, count=1)
    if start < m.start():
        at = identity.index("@")
        identity = re.sub(r"[\s,]+", "", identity[:at]) + identity[at:]  # "justice four tyneside": one word
    add((start, m.end(), "email", identity))


# ---------------------------------------------------------------------------------------
# Handles said aloud or spelled
# ---------------------------------------------------------------------------------------

_UNIT = r"[\"“‘']?[A-Za-z0-9]+[\"”’']?"
_SEP = r"\s*,?\s*(?:underscore|under\s+score|dot|full\s+stop|dash|hyphen)\b\s*,?\s*"
#: "at sign, "blue", underscore, "line"", "at symbol kyle underscore 99".
_AT_SIGN_HANDLE = re.compile(
    rf"(?i:\bat[-\s](?:sign|symbol)|the\s+at\s+(?:sign|symbol)|@\s?(?:sign|symbol)\b)\s*,?\s*{_UNIT}(?:{_SEP}{_UNIT})*"
)
#: "blue underscore line underscore liars": words joined by a spoken underscore.
_SAID_UNDERSCORE = re.compile(
    rf"(?<![\w\"“‘']){_UNIT}(?:{_SEP}{_UNIT})*\s*,?\s*(?i:underscore|under\s+score)\b\s*,?\s*{_UNIT}(?:{_SEP}{_UNIT})*"
)
#: A handle spelled letter by letter: "s-a-z-z-l-e", "S, A, Z, Z, L, E".
#: A character said by its name inside a spelled run ("G, O, underscore, 1"), and a
#: letter's case said before it ("capital B").
_SPELL_CASE = r"(?:(?:capital|small|lower\s?case|upper\s?case)\s)?"
_SPELL_COMMA = rf"(?:(?:underscore|dot|dash|hyphen),\s)?{_SPELL_CASE}"
_SPELL_SPACE = rf"(?:(?:underscore|dot|dash|hyphen)\s)?{_SPELL_CASE}"
_SPELLED = re.compile(
    r"(?<![\w-])[A-Za-z0-9](?:-[A-Za-z0-9]){3,}(?![\w-])"
    rf"|(?<![\w,])[A-Za-z0-9](?:,\s{_SPELL_COMMA}[A-Za-z0-9]){{3,}}(?![\w])"
    rf"|(?<![\w,])[A-Z0-9](?:\s{_SPELL_SPACE}[A-Z0-9]){{3,}}(?![\w])"
)
#: Groups spelled with hyphens joined by a spoken underscore or dot: "s-a-m underscore
#: r-o-w-l-e-y underscore p-c" (a group may be one character: "j underscore b-o-n-d").
#: After a joiner a digit may be said as a word ("k-e-n-t underscore two").
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_JOINED = re.compile(
    r"(?<![\w-])[A-Za-z0-9](?:-[A-Za-z0-9])*(?:\s*,?\s+(?:underscore|dot)\s*,?\s+"
    rf"(?:[A-Za-z0-9](?:-[A-Za-z0-9])*|{_DIGIT_WORD}(?:\s+{_DIGIT_WORD}){{0,3}}))+(?![\w-])"
)
_ACCOUNT_WORDS = re.compile(
    rf"(?i:\b(?:user\s?name|screen\s?name|gamer\s?tag|handle|account|profile|channel|spell|spelt|spelled|"
    rf"{_PLATFORMS})\b)"
)
_FILLER = frozenset({"erm", "um", "uh", "er", "like", "so", "and", "it", "was", "is", "the", "a"})


_SPELL_HINTS = (
    "name",
    "handle",
    "account",
    "profile",
    "channel",
    "spel",
    "gamer",
    "insta",
    "snap",
    "tik",
    "twitter",
    "facebook",
    "youtube",
    "telegram",
    "discord",
    "reddit",
)


_SPELT_WORDS = tuple(f(w) for w in ("spel", "letter", "capital") for f in (str.lower, str.capitalize, str.upper))


def _spelled_starts(text):
    """Where a run of single letters can start: "s-a-z-z" (a hyphen between two single
    characters); "S, A, Z" or "S A Z" (single letters between commas or spaces) when the
    text speaks of spelling or letters."""
    starts = set()
    n = len(text)
    spelt = any(w in text for w in _SPELT_WORDS)  # str.find: far cheaper than a pattern
    for sep in ("-", ", ", " ") if spelt else ("-",):
        k = len(sep)
        i = text.find(sep)
        while i >= 0:
            if (
                i >= 1
                and i + k + 1 < n
                and text[i - 1].isalnum()
                and (i < 2 or not text[i - 2].isalnum())
                and text[i + k].isalnum()
                and not text[i + k + 1].isalnum()
                and (sep != " " or text[i - 1].isupper() or text[i - 1].isdigit())
            ):
                starts.add(i - 1)
            i = text.find(sep, i + 1)
    return starts


#: The "@" said before a spelled handle: "it's at, T, O, M", "the handle's at sign J, O"
#: (after a word that announces it, or a comma or a colon; "look at S, A" is no "@").
_SPOKEN_AT_BEFORE = re.compile(
    r"(?:(?i:\b(?:it['’]?s|is|was|handle['’]?s|name['’]?s|account['’]?s|just|like|that['’]?s))\s*,?|[,:])\s+"
    r"(?P<at>(?i:at(?:[-\s](?:sign|symbol))?|@))\s*,?\s*$"
)


#: Before a handle said with "underscore": letters said one by one that open it ("P C
#: jones underscore cardiff"), and the "@" said as "at" after a word announcing it ("the
#: account was at P C jones underscore cardiff", "follow her at kaz underscore 88").
_SAID_LETTERS_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z]\s+){1,4}$")
_SAID_AT_BEFORE = re.compile(
    r"(?:(?i:\b(?:it['’]?s|is|was|handle['’]?s|name['’]?s|account['’]?s|just|like|that['’]?s|me|him|her|them|us|"
    r"follow|find|add|message))\s*,?|[,:])\s+(?P<at>(?i:at))\s*,?\s+$"
)


def _said_handle_start(text, s):
    """Where a handle said aloud that a run found from ``s`` opens (see above)."""
    letters = _SAID_LETTERS_BEFORE.search(text, max(0, s - 12), s)
    b = letters.start() if letters else s
    at = _SAID_AT_BEFORE.search(text, max(0, b - 30), b)
    if at:
        return at.start("at")
    if letters and letters.group().count(" ") >= 2 and "I " not in letters.group()[:2]:
        return b  # "it was P C jones underscore cardiff": two letters or more
    return s


#: A handle said aloud after an "@" said as "at", where an account is announced: "his
#: TikTok is at, erm, dazza nine nine", "it's at kirsty dot b dot 90 on Instagram", "he's on
#: Twitter as at plod watcher, all one word". The words (lower case, digits, letters said
#: one by one, spoken dots and underscores) run to a pause, the end, or "on <platform>".
_AT_ANNOUNCED = re.compile(
    rf"(?i:\b(?:{_PLATFORMS}|handle|account|user\s?name|profile|gamer\s?tag|tag)(?:['’]s|\s+(?:is|was)|\s+as)?"
    r"|\b(?:on|in)\s+(?:" + _PLATFORMS + r")\s+as|\bit['’]s|\bit\s+(?:is|was))\s*,?\s$"
)
_AT_SAID = re.compile(r"(?P<at>at)\s*,?\s+(?:(?:erm|um|er)\s*,?\s+)?(?=[a-zA-Z0-9])")
_AT_BODY = re.compile(
    r"(?P<body>[a-z][a-z0-9]*|[A-Z](?=\s))(?:(?:\s*,?\s+(?:dot|underscore|under\s+score|dash|hyphen)\s*,?\s+|\s+)"
    r"(?:[a-z0-9]+|[A-Z](?![\w'’])))*(?![\w'’@/-]|[.:]\w|:/)"
)
_AT_BODY_END = re.compile(
    r"\s*(?:[,.;:!?)\"”]|$|\s(?:--|[-–—])\s)|\s+(?:on|in)\s+(?:" + _PLATFORMS + r")\b", re.IGNORECASE
)
_ONE_WORD_AFTER = re.compile(r"(?i:\s*,?\s*(?:all\s+)?(?:one\s+word|no\s+spaces|all\s+lower\s*case|lower\s*case))")
_NUM_WORD_ALONE = re.compile(rf"(?i:{_NUM_WORD})")


def _at_said_handles(text, add):
    """Handles of :data:`_AT_ANNOUNCED`: the words after "at" are a handle when a spoken
    dot or underscore joins them, a digit or a number said as a word is among them, one
    is no English word, or "all one word" follows; not "the account is at risk", "his
    Instagram is at the top", "it's at home"."""
    common = _ids._common_words()
    for i in _win.starts(text, (" at ", " at, ")):
        m = _AT_SAID.match(text, i + 1)
        if m is None:
            continue
        b = _AT_BODY.match(text, m.end())
        if b is None:
            continue
        a = _AT_ANNOUNCED.search(text, max(0, i - 40), i + 1)
        if a is None:
            continue
        if a.group().lower().startswith("it") and not _NEAR_ACCOUNT.search(
            text, max(0, m.start() - 100), min(len(text), b.end() + 30)
        ):
            continue  # "it's at" where no account is spoken of
        words = b.group().split()
        # trim to where the words stop: "on Instagram" after it, a lower-case word of talk
        end = b.end()
        while words:
            tail = _AT_BODY_END.match(text, end)
            if tail is not None:
                break
            last = words.pop()
            end = text.rindex(last, m.end(), end)
            end = len(text[:end].rstrip(" ,"))
        if not words:
            continue
        core = [w for w in words if w.lower() not in ("dot", "underscore", "under", "score", "dash", "hyphen")]
        if not core or len(core) > 5 or core[0].lower() in _FILLER:
            continue
        joined = len(core) < len(words)
        one_word = _ONE_WORD_AFTER.match(text, end) is not None
        if core[0].lower() in common and not (joined or one_word):
            continue  # "the account is at about five thousand", "it's at least two"
        numbered = not _ordinary_lower(core[0].lower()) and any(
            w.isdigit() or _NUM_WORD_ALONE.fullmatch(w) for w in core[1:]
        )
        coined = any(w.isalpha() and len(w) > 1 and not _ordinary_lower(w.lower()) for w in core)
        if not (joined or numbered or coined or one_word):
            continue
        if _AT_DOMAIN.match(text, end) or (joined and core[-1].lower() in _TLD_WORDS | {"example"}):
            continue  # a web address said aloud ("at bentcops dot co dot uk"): the url rules'
        add((m.start("at"), end, "handle", "@" + _spoken_identity(text[m.end() : end])))


def _said_handles(text, add, low, hinted=True):
    if ("sign" in low or "symbol" in low) and any(
        w in low for w in ("at sign", "at-sign", "at symbol", "at-symbol", "@ sign", "@ symbol", "@sign", "@symbol")
    ):
        for m in _AT_SIGN_HANDLE.finditer(text):
            words = re.findall(r"[A-Za-z0-9]+", m.group())
            core = [w for w in words if w.lower() not in ("at", "sign", "symbol", "the")]
            if not core or core[0].lower() in _FILLER:
                continue
            if len(core) == 1 and not re.search(r"[\"“‘']", m.group()) and not _plain_id(core[0]):
                continue  # "press the at sign key": an ordinary word after it, no handle
            add((m.start(), m.end(), "handle", "@" + _spoken_identity(m.group())))
    if "underscore" in low or "under score" in low:
        common = _ids._common_words()
        for m in _SAID_UNDERSCORE.finditer(text):
            units = re.findall(r"([\"“‘']?)([A-Za-z0-9]+)", m.group())
            words = [
                (q, w) for q, w in units if w.lower() not in ("underscore", "under", "score", "dot", "dash", "hyphen")
            ]
            start = _said_handle_start(text, m.start())
            if not words or (
                start == m.start()
                and any(not q and (w.lower() in common or w.lower() in _FILLER) for q, w in (words[0], words[-1]))
            ):
                continue  # "put an underscore between the words": talk about the character
            if _AT_DOMAIN.match(text, m.end()):
                continue  # the local part of an e-mail said aloud ("jo underscore k at ..."): the e-mail's
            add((start, m.end(), "handle", _spoken_identity(text[start : m.end()])))
    if hinted and "-" in text and ("underscore" in low or " dot " in low):
        for m in _SPELLED_JOINED.finditer(text):
            if m.group().count("-") < 2 or not _ACCOUNT_WORDS.search(text, max(0, m.start() - 160), m.start()):
                continue  # one hyphen at most: no spelling ("x-ray dot"), or no account spoken of
            if _AT_DOMAIN.match(text, m.end()):
                continue  # the local part of an e-mail said aloud: the e-mail's
            ident = re.sub(r"[^A-Za-z0-9_.]", "", _SPELL_WORDS.sub(_spelled_char, m.group().replace("-", "")))
            add((m.start(), m.end(), "handle", ident.lower()))
    starts = _spelled_starts(text) if hinted else ()
    if starts:
        for m in _ids._matches_at(_SPELLED, text, starts):
            if not _ACCOUNT_WORDS.search(text, max(0, m.start() - 160), m.start()):
                continue
            letters = re.sub(r"[^A-Za-z0-9]", "", _SPELL_WORDS.sub(_spelled_char, m.group()))
            if letters.isdigit():
                continue  # digits read out: another area's
            if _spelled_url_part(text, m, letters):
                continue  # "H T T P S colon slash slash, W W W dot, B L U E, L I E dot example": a url's
            low_letters = letters.lower()
            if (
                letters.isalpha()
                and _ordinary_lower(low_letters)
                and re.search(rf"(?i:\b{low_letters}\b)", text[max(0, m.start() - 40) : m.start()])
            ):
                continue  # "Ulster Says Know. K-N-O-W.": a word just said, spelled for the pun
            raw = m.group() if " " in m.group() else m.group().replace("-", "")  # "s-a-z": the hyphens join
            ident = re.sub(r"[^A-Za-z0-9_.-]", "", _SPELL_WORDS.sub(_spelled_char, raw))
            at = _SPOKEN_AT_BEFORE.search(text, max(0, m.start() - 40), m.start())
            add((at.start("at") if at else m.start(), m.end(), "handle", ident.lower()))


_URL_SAID_BEFORE = re.compile(r"(?i:\b(?:colon|slash|url|website|web\s+address|link)\b)")
_URL_SAID_AFTER = re.compile(r"(?i:[\s,]*(?:colon\b|slash\b|dot\s+(?:com|co|org|net|example|uk)\b))")


def _spelled_url_part(text, m, letters) -> bool:
    """A spelled run that is part of a web address said aloud: the scheme or "www", or a
    run with a colon or slash before it and "dot com" just after."""
    if letters.lower() in ("http", "https", "www"):
        return True
    if _URL_SAID_AFTER.match(text, m.end()):
        return True
    after = text[m.end() : m.end() + 40]
    return (
        _URL_SAID_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
        and re.search(r"(?i:\bdot\s+(?:com|co|org|net|example|uk)\b)", after) is not None
    )


_SPELL_WORDS = re.compile(r"\b(?:underscore|dot|dash|hyphen|capital|small|lower\s?case|upper\s?case)\b")
_SPELL_CHARS = {"underscore": "_", "dot": ".", "dash": "-", "hyphen": "-"}


def _spelled_char(m) -> str:
    """The character a word names inside a spelled run ("underscore": "_"); "" for a
    letter's case ("capital") and, in the hyphen-joined form, the joins themselves."""
    return _SPELL_CHARS.get(m.group(), "")


def _spoken_identity(said: str) -> str:
    s = said.lower()
    s = re.sub(r"^(?:the\s+)?(?:at[-\s]|@\s?)(?:sign|symbol)\s*,?\s*", "", s)
    s = re.sub(r"\s*,?\s*(?:underscore|under\s+score)\s*,?\s*", "_", s)
    s = re.sub(r"\s*,?\s*(?:dot|full\s+stop)\s*,?\s*", ".", s)
    s = re.sub(r"\s*,?\s*(?:dash|hyphen)\s*,?\s*", "-", s)
    return re.sub(r"[\"“”‘’'\s,]", "", s)


# ---------------------------------------------------------------------------------------
# Plain user names announced by their position
# ---------------------------------------------------------------------------------------

_ID = re.compile(
    r"\s*,?\s*(?i:(?:erm|um|er|like|just|it['’]s|it\s+was|it\s+is|the\s+(?:user\s?name|name|handle|account)(?:\s+of)?)\b\s*,?\s+)*"
    r"(?P<q>[\"“‘'])?"
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z0-9])"
)
#: Announcing words, each found with ``str.find`` and checked by what comes before and
#: after it: ``(token, words before it, what follows it before the name, account)``;
#: ``account`` says whether a run of capitalised words after it names an account.
_ACCOUNT_NOUNS = (
    r"account|accounts|profile|profiles|channel|channels|page|pages|group|groups|forum|noticeboard|server|telegram|discord|whatsapp|subreddit|"
    r"user|username|handle|blog|vlog|podcast|podcasts|stream|streamer|troll|auditor|youtuber|tiktoker|influencer"
)
_AFTER_NAME = re.compile(r"(?i:s?(?:['’]s)?(?:\s+(?:on|for)\s+[A-Za-z]+)?(?:\s+(?:is|was|were|of))?\s*[:,]?)")
#: "an account called", "the channel, called", "a group on Facebook called" (the
#: platform between the noun and "called").
_NOUN_BEFORE = re.compile(
    rf"(?i:\b(?:{_ACCOUNT_NOUNS})(?:\s+chats?)?(?:\s+(?:on|in)\s+(?:{_PLATFORMS}))?"
    r"(?:\s*,?\s+(?:which|that)(?:['’]s)?)?(?:\s+(?:was|is|were)|['’]s)?(?:\s+just)?\s*,?\s+)$"
)
_TRIGGERS = (
    # "his username was X", "screen name: X", "account name, X"; "an account named X"
    (
        "name",
        re.compile(
            r"(?i:\b(?:user|screen|account|display|profile|channel|page|tik\s?tok|insta(?:gram)?|snap(?:chat)?|"
            r"twitter|facebook|youtube|discord|telegram|reddit|twitch|xbox|roblox)(?:['’]s)?\s?)$"
        ),
        _AFTER_NAME,
        "name",
    ),
    ("handle", re.compile(r"(?<![\w-])$"), _AFTER_NAME, "name"),
    (
        "gamer",
        re.compile(r"(?<![\w-])$"),
        re.compile(r"(?i:\s?tags?(?:\s+(?:on|for)\s+[A-Za-z]+)?(?:\s+(?:is|was|were|of))?\s*[:,]?)"),
        "name",
    ),
    # "my gaming tag is X", "his gaming name was X"
    (
        "gaming",
        re.compile(r"(?<![\w-])$"),
        re.compile(
            r"(?i:\s+(?:tags?|names?|handles?)(?:\s+(?:on|for)\s+[A-Za-z]+)?(?:\s+(?:is|was|were|of))?\s*[:,]?)"
        ),
        "name",
    ),
    # "TikTok user kelzforeva", "a Reddit user, throwaway_99"
    (
        "user",
        re.compile(
            r"(?i:\b(?:insta(?:gram)?|snap(?:chat)?|tik\s?tok|twitter|x|facebook|youtube|telegram|"
            r"discord|reddit|twitch|xbox|roblox)\s+)$"
        ),
        re.compile(r"\s*,?"),
        "plain",
    ),
    ("login", re.compile(r"(?<![\w-])$"), re.compile(r"(?i:(?:\s+(?:is|was))?\s*[:,]?)"), "plain"),
    # "an account called X", "the channel, called X"
    ("called", _NOUN_BEFORE, None, "account"),
    # "somebody called copperkettle99", "a guy called GovanGhost88": a user name said as if
    # it were a person's (only a handle-shaped word; "someone called Dave" is a person)
    (
        "called",
        re.compile(
            r"(?i:\b(?:someone|somebody|some\s+(?:guy|lad|bloke|girl|woman|man|kid|account|user|person)|"
            r"an?\s+(?:guy|lad|bloke|girl|woman|man|kid|boy|user|person|player|gamer))\s+)$"
        ),
        None,
        "someone",
    ),
    # "calls himself X", "calling themselves X"
    (
        "sel",
        re.compile(r"(?i:\bcall(?:s|ed|ing)?\s+(?:him|her|it|your|my|them|our))$"),
        re.compile(r"f\b|ves\b"),
        "account",
    ),
    # "goes by X", "posted as X", "known online as X"
    (" by", re.compile(r"(?i:\b(?:goes|go|went|going|gone))$"), None, "account"),
    (
        " as",
        re.compile(
            r"(?i:\b(?:post(?:s|ed|ing)?|comment(?:s|ed|ing)?|tweet(?:s|ed|ing)?|messag(?:es|ed|ing)|"
            r"go(?:es)?|went|going|known\s+online|registered|signed\s+up))$"
        ),
        None,
        "plain",
    ),
    # "he's on TikTok as Scouse Truth Teller": a run of capitalised words too; "she sells
    # on Depop, as lulusloft": a comma between
    (
        " as",
        re.compile(
            r"(?i:\b(?:on|via)\s+(?:insta(?:gram)?|snap(?:chat)?|tik\s?tok|twitter|x|facebook|youtube|"
            r"telegram|discord|reddit|twitch|threads|vinted|depop|ebay|etsy),?)$"
        ),
        None,
        "account",
    ),
    (
        " under",
        re.compile(r"(?i:\b(?:post(?:s|ed|ing)?|comment(?:s|ed|ing)?|go(?:es)?|went|going))$"),
        None,
        "plain",
    ),
    # "uploaded it to YouTube under Tameside Truth TV": a run of capitalised words too
    (
        " under",
        re.compile(
            r"(?i:\b(?:on|via|to)\s+(?:insta(?:gram)?|snap(?:chat)?|tik\s?tok|twitter|x|facebook|youtube|"
            r"telegram|discord|reddit|twitch|threads))$"
        ),
        None,
        "account",
    ),
    # "a fake account, X", "the profile: X", "the account was X"
    ("account", re.compile(r"(?<![\w-])$"), re.compile(r"(?i:(?:\s*[,:]|\s+(?:is|was)\b)?)"), "plain"),
    ("profile", re.compile(r"(?<![\w-])$"), re.compile(r"(?i:(?:\s*[,:]|\s+(?:is|was)\b)?)"), "plain"),
    # "the channel, X", "channel's Rail Cop Fails"
    ("channel", re.compile(r"(?<![\w-])$"), re.compile(r"(?i:(?:['’]s\b|\s*[,:]|\s+(?:is|was)\b)?)"), "account"),
    # "a message from brumcopwatch saying", "a comment by copwatchkev"
    (
        " from",
        re.compile(
            r"(?i:\b(?:messages?|messaged|dms?|dm['’]?d|comments?|commented|posts?|posted|tweets?|"
            r"tweeted|replies|replied|followed|request|requests|videos?|reposted|shared)"
            rf"(?:\s+(?:on|via)\s+(?:the\s+)?(?:{_PLATFORMS}))?)$"
        ),
        None,
        "from",
    ),
    (
        " by",
        re.compile(
            r"(?i:\b(?:messages?|messaged|comments?|commented|posts?|posted|tweets?|tweeted|replies|"
            r"replied|followed|tagged|videos?|reposted|shared))$"
        ),
        None,
        "from",
    ),
)
_MESSAGE_WORDS = (
    "messages",
    "message",
    "messaged",
    "dms",
    "dm",
    "dm'd",
    "dm’d",
    "comments",
    "comment",
    "commented",
    "posts",
    "post",
    "posted",
    "tweets",
    "tweet",
    "tweeted",
    "replies",
    "replied",
    "followed",
    "tagged",
    "request",
    "requests",
    "videos",
    "video",
    "reposted",
    "shared",
)
_PLATFORM_WORDS = (
    "instagram",
    "insta",
    "snapchat",
    "snap",
    "tiktok",
    "tik tok",
    "twitter",
    " x",
    "facebook",
    "youtube",
    "telegram",
    "discord",
    "reddit",
    "twitch",
    "threads",
    "xbox",
    "roblox",
)
#: What the case-folded text just before each announcing word must end with (a cheap
#: test before the trigger's own pattern); ``""`` : a word boundary is enough.
_QUICK_BEFORE = {
    "name": (
        "user",
        "user ",
        "screen",
        "screen ",
        "account ",
        "display ",
        "profile ",
        "channel ",
        "'s ",
        "’s ",
        *(w + " " for w in ("tiktok", "tik tok", "insta", "instagram", "snap", "snapchat", "twitter", "facebook")),
        *(w + " " for w in ("youtube", "discord", "telegram", "reddit", "twitch", "xbox", "roblox")),
    ),
    "handle": "",
    "gamer": "",
    "gaming": "",
    "login": "",
    "account": "",
    "profile": "",
    "channel": "",
    "user": tuple(w + " " for w in _PLATFORM_WORDS),
    "called": None,
    "sel": ("him", "her", "it", "my", "them", "our", "your"),
    " by": ("goes", "go", "went", "going", "gone", *_MESSAGE_WORDS),
    " as": (
        "post",
        "posts",
        "posted",
        "posting",
        "comment",
        "comments",
        "commented",
        "commenting",
        "tweet",
        "tweets",
        "tweeted",
        "tweeting",
        "messages",
        "messaged",
        "messaging",
        "go",
        "goes",
        "went",
        "going",
        "online",
        "registered",
        "up",
        *_PLATFORM_WORDS,
        *(w + "," for w in (*_PLATFORM_WORDS, "vinted", "depop", "ebay", "etsy")),
        "vinted",
        "depop",
        "ebay",
        "etsy",
    ),
    " under": (
        "post",
        "posts",
        "posted",
        "posting",
        "comment",
        "comments",
        "commented",
        "commenting",
        "go",
        "goes",
        "went",
        "going",
        *_PLATFORM_WORDS,
    ),
    " from": (*_MESSAGE_WORDS, *(w.strip() for w in _PLATFORM_WORDS), "snap", "insta", "fb"),
}
_OWNER_WORDS = tuple(
    " " + w + " "
    for w in "my his her their our your its the a an old new fake private main second burner spam public own".split()
) + ("'s ", "’s ", "s' ", "s’ ")

#: "her Snapchat, X", "my Instagram, which was X", "the admin's Telegram was X".
_PLATFORM_TOKENS = (
    "insta",
    "snap",
    "tik",
    "twitter",
    "facebook",
    "youtube",
    "telegram",
    "discord",
    "reddit",
    "myspace",
    "depop",
    "twitch",
    "xbox",
    "tinder",
    "roblox",
    "playstation",
    "psn",
    "minecraft",
    "fortnite",
    "strava",
    "vinted",
    "bluesky",
)
_AFTER_PLATFORM = re.compile(
    r"(?i:[a-z]*(?:\s?tok)?(?:\s+(?:account|profile|page|handle|name|username|channel|id))?"
    r"(?:\s+(?:is|was)|['’]s|\s*,(?:\s+(?:which|that)\s+(?:is|was)(?:\s+like)?)?|\s*:|\s*\(|\s+[-–]))"
)
_OWNER_BEFORE = re.compile(
    r"(?i:(?:\b(?:my|his|her|their|our|your|its|the|a|an)|\w['’]s|\ws['’])\s+(?:(?:old|new|fake|private|main|"
    r"second|burner|spam|public|own)\s+)*)$"
)


def _triggers(text, low, seen=None):
    """``(trigger start, name start, what)`` for each announcing word in ``text``: ``what``
    is "account" (a run of capitalised words after it may name an account), "plain" (only
    a handle-shaped or non-English word) or "from" (that, and followed by a verb or a
    stop: "a message from X saying"). ``seen``, a set, receives the tokens that occur."""
    out = []
    for tok, before, after, what in _TRIGGERS:
        i = low.find(tok)
        if i >= 0 and seen is not None:
            seen.add(tok)
        while i >= 0:
            j = i + len(tok)
            quick = _QUICK_BEFORE[tok]
            if tok == "name" and text[j : j + 1] == "d":
                ok = _NOUN_BEFORE.search(text, max(0, i - 40), i) is not None
                j += 1  # "an account named X"
            elif quick == "":
                ok = i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_")
                if ok and after is not None:
                    m = after.match(text, j)
                    ok = m is not None
                    j = m.end() if m else j
            elif quick is not None and not low.endswith(quick, max(0, i - 14), i):
                ok = False
            else:
                ok = before.search(text, max(0, i - 40), i) is not None
                if ok and after is not None:
                    m = after.match(text, j)
                    ok = m is not None
                    j = m.end() if m else j
            if ok and not (text[j - 1 : j].isalnum() and text[j : j + 1].isalnum()):
                out.append((i, j, what))  # not inside a word ("handler", "calledx")
            i = low.find(tok, i + 1)
    for tok in _PLATFORM_TOKENS:
        i = low.find(tok)
        if i >= 0 and seen is not None:
            seen.add(tok)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                if (" " + low[max(0, i - 9) : i]).endswith(_OWNER_WORDS) and _OWNER_BEFORE.search(
                    text, max(0, i - 40), i
                ):
                    m = _AFTER_PLATFORM.match(text, i + len(tok))
                    if m:
                        out.append((i, m.end(), "platform" if m.group().endswith(",") else "plain"))
                if text[max(0, i - 4) : i] == " on ":
                    out.append((i, -1, "before"))  # "he's bigdave on Snapchat"
            i = low.find(tok, i + 1)
    return out


#: Words that start a run of capitalised words after "called" without naming an account.
_NOT_ACCOUNT_START = frozenset(
    """The A An This That It He She They I We You Me Him Her Them My His Our Their Your
    Honestly Sorry No Yes Yeah Well Actually Basically Obviously Maybe Probably Something
    Nothing Not Oh Just Like Erm Um Er Apparently Definitely Sometimes Anyway""".split()
)
_PRONOUNS = frozenset("I We You He She They It".split())


def _account_run(words) -> bool:
    """A run of capitalised words may be an account's name: two capitalised words or more,
    not starting with a pronoun or a discourse word, no pronoun inside ("Honestly I")."""
    if words[0] in _NOT_ACCOUNT_START or any(w in _PRONOUNS for w in words[1:]):
        return False
    if words[0] in _ids._RANK_WORDS or any(_ids._calendar(w) for w in words):
        return False  # "goes by Mr Hollis": a person; "went by Christmas Eve": a date
    return sum(w[:1].isupper() for w in words) >= 2


_TITLE_RUN = re.compile(
    rf"[{_ids._UP}0-9][\w'’]*(?:\s+(?:(?:the|of|for|and|on|in|da|de|o|&|a)\s+)?[{_ids._UP}0-9][\w'’]*){{1,5}}"
)
#: What may follow a user name announced by "from"/"by" ("a message from brumcopwatch
#: saying ...").
_AFTER_FROM = re.compile(
    r"\s*(?:[,.;:!?)\"”]|$)|\s+(?:saying|said|says|who|which|that|and|on|with|telling|asking|"
    r"calling|posted|sent|wrote|commented|replied|messaged|again)\b"
)


_CAMEL_RUN_BEFORE_ON = re.compile(
    r"(?<![\w@./#-])(?P<run>[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:\s+[A-Z0-9][A-Za-z0-9]*){1,2})\s+on\s+$"
)
_ID_BEFORE_ON = re.compile(r"(?<![\w@./#-])(?P<id>[A-Za-z0-9][A-Za-z0-9_.#]*[A-Za-z0-9_])\s+on\s+$")


def _plain_id(word: str, strict: bool = False) -> bool:
    """``word`` may be a user name in an announcing position: handle-shaped, a lower-case
    word that is no English word, or a CamelCase word (``strict``: a number alone or a
    word and a number, "2019" or "covid19", is not enough)."""
    if re.search(r"[_\d]", word) and re.search(r"[A-Za-z]", word):
        if strict and "_" not in word and not re.search(r"[A-Za-z]{3,}\d|\d[A-Za-z]{3,}", word):
            return False
        return not strict or not re.fullmatch(r"[A-Za-z]+\d{1,4}s?|\d+(?:st|nd|rd|th|s|am|pm)", word)
    if "." in word:
        return _dotted_handle(word.lower()) if word.islower() else False
    if word.islower():
        return len(word) >= 4 and not _ordinary_lower(word)
    return _is_camel(word)


def _someone_handle(text, word, s, e) -> bool:
    """``word`` after "somebody called" is a user name: handle-shaped with a digit or an
    underscore ("copperkettle99"), or, where accounts or platforms are spoken of, a
    CamelCase word or a lower-case word that is no English word and no one's name."""
    if not _plain_id(word):
        return False
    if re.search(r"[_\d]", word):
        return True
    if word.islower() and (not _unknown_word(word) or _gazetteer_name(word)):
        return False
    return _online_near(text, s, e)


def _someone_quoted(text, q_start, add, given, family):
    """A quoted display name after "somebody called" where an account or a platform is
    spoken of nearby ('a friend request from somebody called "Orla Friend Of Sam"'): three
    words or more, or two of which neither is a person's name; a person's quoted name or
    nickname ("Dave", "Big Steve") stays with the person rules."""
    span = _quoted_name(text, q_start)
    if span is None:
        return
    s, e = span
    words = text[s:e].split()
    if len(words) < 2 or (len(words) == 2 and any(w in given or w in family for w in words)):
        return
    lo, hi = max(0, s - 150), min(len(text), e + 150)
    if not (_ONLINE_NEAR.search(text, lo, hi) or _MESSAGE_NEAR.search(text, lo, hi) or "Messenger" in text[lo:hi]):
        return
    if _page_name_ok(words, given, family, quoted=True):
        add((s, e, "handle", " ".join(words).lower()))


def _gazetteer_name(word: str) -> bool:
    """A lower-case word that is a given name or a surname written without its capital."""
    given, family = _ids.gazetteer()
    cap = word[:1].upper() + word[1:]
    return cap in given or cap in family


_SAID_JOIN = re.compile(r"(?:\s*,?\s+(?i:dot|underscore|under\s+score)\s*,?\s+[\"“‘']?[A-Za-z0-9]+[\"”’']?)+(?![\w-])")


#: "@" said as "at" before an announced user name: "the account was called at kelzwatch".
_SAID_AT = re.compile(r"\s+(?P<id>[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_])(?![\w@.:/-])")


#: "a group chat on WhatsApp called": the chat before "called".
_CHAT_BEFORE = re.compile(rf"(?i:\bchats?(?:\s+(?:on|in)\s+(?:{_PLATFORMS}))?(?:\s+(?:was|is|were))?\s*,?\s+)$")


_PASSIVE_AS = re.compile(r"(?i:\b(?:was|were|been|being|is|are|get|gets|got)\s+[a-z]+ed\s+as\s+)$")
_ON_PLATFORM_AFTER = re.compile(rf"\s+(?i:on|via)\s+(?i:{_PLATFORMS})\b")


def _announced_handles(text, add, low, seen=None):
    given, family = _ids.gazetteer()
    for t_start, j, what in _triggers(text, low, seen):
        if what == "before":
            b = _ID_BEFORE_ON.search(text, max(0, t_start - 40), t_start)
            if (
                b
                and _plain_id(b.group("id"), strict=True)
                and (not b.group("id").isalpha() or _unknown_word(b.group("id")))
            ):
                add((b.start("id"), b.end("id"), "handle", b.group("id").lower()))
            else:
                c = _CAMEL_RUN_BEFORE_ON.search(text, max(0, t_start - 50), t_start)
                if c is not None and _is_camel(c.group("run").split()[0]):
                    # "and FilmTheCops MCR on YouTube": a CamelCase word and a capitalised one
                    add((c.start("run"), c.end("run"), "handle", c.group("run").lower()))
                    continue
                r = _RUN_BEFORE_ON.search(text, max(0, t_start - 90), t_start)
                if r is not None:  # "posted it to London Filth Files on Insta"
                    _run_page(text, r.start("run"), r.group("run").split(), add, given, family)
            continue
        m = _ID.match(text, j)
        if m is None:
            continue
        s, e = m.span("id")
        word = m.group("id")
        if word == "at" and what != "from":
            at = _SAID_AT.match(text, e)
            if at is not None and _plain_id(at.group("id")):  # "it was called at kelzwatch"
                add((s, at.end("id"), "handle", at.group("id").lower()))
                continue
        joined = _SAID_JOIN.match(text, e) if " " in text[e : e + 1] else None
        if joined and what != "from":  # "her Insta is bethan dot haf dot xo"
            add((s, joined.end(), "handle", _spoken_identity(text[s : joined.end()])))
            continue
        if what == "someone":
            if _someone_handle(text, word, s, e):
                add((s, e, "handle", word.lower()))
            elif m.group("q"):
                _someone_quoted(text, m.start("id") - 1, add, given, family)
            continue
        if what == "from":
            if (_is_camel(word) or (word.islower() and _unknown_word(word))) and _AFTER_FROM.match(text, e):
                add((s, e, "handle", word.lower()))
            continue  # "a message from copwatch pages": a thing, no account
        if _plain_id(word):
            add((s, e, "handle", word.lower()))
            continue
        if what == "plain" and word[:1].isupper() and not m.group("q"):
            # "he posts as The Copper Chopper on YouTube": a run of capitalised words
            # that the platform closes
            run, end = _run_words(text, s)
            passive = _PASSIVE_AS.search(text, max(0, s - 40), s)  # "it was posted as Breaking News"
            if len(run) >= 2 and not passive and _ON_PLATFORM_AFTER.match(text, end):
                _named_page(text, s, add, given, family, titled=True)
            continue
        if what == "platform" and word[:1].isupper():
            # "the retired officers' Facebook, Old Sweats of Tyneside": a page's name in
            # apposition, with a place (no person's name) or a word for the police in it
            run, _end = _run_words(text, s)
            if any(w in _COP_WORDS or _town_like(w) for w in run):
                _named_place_page(text, s, add, given, family, closed=3)
            continue
        # a run of capitalised words or a quoted name naming an account, a page or a
        # group ("an account called Derry Truth Tellers", "calls himself Audit the Polis
        # Glasgow", 'a group calling themselves "Kent Cop Watch"', "a page called Bent
        # Coppers of the North West")
        if (
            what in ("account", "name")
            and (word[:1].isupper() or word[:1].isdigit())
            and (word not in _NOT_ACCOUNT_START or word == "The")
        ):
            if _CHAT_BEFORE.search(text, max(0, t_start - 40), t_start):
                # "a group chat on WhatsApp called Radford Road Rats, mostly lads": two words
                # or more closed by punctuation ('called like "Fed Kids"' is left)
                if not m.group("q"):
                    _named_place_page(text, s, add, given, family, closed=2)
                continue
            if text[j - 2 : j] in ("'s", "’s") and not m.group("q"):
                run, end = _run_words(text, s)  # "channel's Rail Cop Fails, link's ...": closed
                if len(run) < 2 or _NAME_CLOSED.match(text, end) is None:
                    continue  # "the channel's Top Ten videos"
            _named_page(text, s, add, given, family, single=True, titled=True)


#: An interviewer's question about an account's name, and the start of the answer.
_ASKED = re.compile(
    r"(?i:\b(?:account|channel|profile|page|group|group\s+chat|forum|user\s?name|handle|gamer\s?tag|screen\s?name)s?\b"
    r"(?:[^.?!\n]{0,40}\b(?:called|named|name|names))?\s*\?)\s*(?:[A-Z][A-Za-z0-9 ]{0,20}:)?\s*"
    r"(?i:(?:It['’]s|It\s+was|It\s+is|Erm|Um|Er|So|Well|Yeah|Oh|Just|Something\s+like|That['’]s|That\s+was|"
    r"His\s+was|Hers\s+was|Mine\s+was|Mine['’]s|(?:his|her|their|my)\s+(?:own\s+)?name)\b\s*,?\s*)*"
)


#: A lower-case word with digits in it ("kaceymorgan04", "kelz4eva").
_WORD_DIGITS = re.compile(r"(?<![\w@./:#-])[a-z][a-z0-9]*\d[a-z0-9]*(?![\w@/-]|\.[a-z0-9])")
_LETTER_DIGIT = re.compile(r"[a-z]\d")
_NEAR_ACCOUNT = re.compile(rf"(?i:\b(?:user\s?name|handle|account|profile|channel|gamer\s?tag|{_PLATFORMS})s?\b)")


def _digit_words(text, add, low):
    """A lower-case word with digits ("kaceymorgan04") in the same stretch of talk as an
    account or a platform: a user name, when its letters are no English word or the
    digits sit between letters ("justice4kieran")."""
    starts = set()
    for d in _LETTER_DIGIT.finditer(text):
        i = d.start()
        while i > 0 and text[i - 1] in _LOWER_DIGIT:
            i -= 1
        starts.add(i)
    for m in _ids._matches_at(_WORD_DIGITS, text, starts):
        w = m.group()
        letters = re.sub(r"\d", "", w)
        if len(letters) < 5:
            continue
        lead = re.match(r"[a-z]+", w).group()
        if not (re.search(r"[a-z]\d+[a-z]", w) or not _ordinary_lower(lead)):
            continue  # "covid19", "year10"
        if _ordinary_lower(lead) and re.fullmatch(r"[a-z]+\d+[a-z]{1,2}", w):
            continue  # "year10s", "covid19th"
        if _NEAR_ACCOUNT.search(text, max(0, m.start() - 120), min(len(text), m.end() + 60)):
            add((m.start(), m.end(), "handle", w))
    for m in _MIXED_DIGITS.finditer(text):
        if _NEAR_ACCOUNT.search(text, max(0, m.start() - 120), min(len(text), m.end() + 60)):
            add((m.start(), m.end(), "handle", m.group().lower()))


#: A capitalised word, a digit said as a word and a capitalised word run together
#: ("Justice4Teesside", "Cops2Go"): an account's name, not a code ("A1M", "Covid19").
_MIXED_DIGITS = re.compile(r"(?<![\w@./:#-])[A-Z][a-z]{2,}\d[A-Z][a-z]{2,}(?![\w@/-])")


#: 'From "fifepolisbairn".': a quoted single word after "from".
_QUOTED_FROM = re.compile(r"(?i:\bfrom)\s+[\"“‘'](?P<id>[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_])[\"”’']")
_MESSAGE_NEAR = re.compile(rf"(?i:\b(?:{'|'.join(_MESSAGE_WORDS)}|{_PLATFORMS})\b)")


#: "MossyTheMason posted: ...", "BrumWatcher99 wrote:": a forum's or a thread's poster.
_POSTED_COLON = re.compile(r"\s+(?:posted|wrote|commented|replied|tweeted)\s*:")
_POSTER_BEFORE = re.compile(r"(?<![\w@./#-])[A-Za-z][A-Za-z0-9_]{4,30}$")


def _camel_posters(text, add):
    """ "MossyTheMason posted: ...", "BrumWatcher99 wrote:": a forum's or a thread's poster
    (a CamelCase or handle-shaped word; found from the verb, then read backwards)."""
    for v in _POSTED_COLON.finditer(text):
        m = _POSTER_BEFORE.search(text, max(0, v.start() - 32), v.start())
        if m is None:
            continue
        word = m.group()
        if _is_camel(word) or (re.search(r"[_\d]", word) and _plain_id(word, strict=True)):
            add((m.start(), m.end(), "handle", word.lower()))


def _quoted_senders(text, add):
    """A quoted user name after "from" where messages or a platform were just spoken of
    ('she gets messages on the Snapchat. From "kelzfromfife".'): handle-shaped, CamelCase
    or a lower-case word that is no English word and no one's name."""
    for m in _QUOTED_FROM.finditer(text):
        word = m.group("id")
        if not _plain_id(word) or (word.islower() and word.isalpha() and _gazetteer_name(word)):
            continue
        if word.isalpha() and word.islower() and not _unknown_word(word):
            continue
        if _MESSAGE_NEAR.search(text, max(0, m.start() - 80), m.start()):
            add((m.start("id"), m.end("id"), "handle", word.lower()))


def _answered_handles(text, add, low):
    if "?" not in text or not any(w in low for w in ("called?", "name?", "named?", "names?", "handle?", "tag?")):
        return
    for m in _ASKED.finditer(text):
        s = m.end()
        if s < len(text) and text[s] in "\"“‘'":
            _quoted_answer(text, s, add)
            continue
        tok = re.match(r"[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_]", text[s:])
        if tok is None:
            continue
        word = tok.group()
        if _plain_id(word):
            add((s, s + len(word), "handle", word.lower()))
            continue
        run = _TITLE_RUN.match(text, s)
        if run is not None and _account_run(run.group().split()):
            add((s, run.end(), "handle", run.group().lower()))


def _quoted_answer(text, q_start, add):
    """A quoted answer to "what was the username?": a handle when it is one handle-shaped
    or CamelCase word ('Something like "DorsetNightOwl"') or a run of capitalised words that
    may name an account ('"Tyne Truth Tellers"'); other quoted talk is left to the review
    sheet ('"No idea, sorry"')."""
    span = _quoted_name(text, q_start)
    if span is None:
        return
    s, e = span
    words = text[s:e].split()
    if len(words) == 1:
        if _plain_id(words[0]):
            add((s, e, "handle", words[0].lower()))
        return
    given, family = _ids.gazetteer()
    if _account_run(words) and _page_name_ok(words, given, family, quoted=True):
        add((s, e, "handle", " ".join(words).lower()))


#: "they changed it to "PlodWatchNorth"", "she renamed her account to brumwatcher99".
_RENAMED = re.compile(
    r"(?i:\b(?:chang|renam|switch)(?:e|ed|es|ing)?\s+(?P<obj>it|itself|(?:his|her|their|its|the|my|your)\s+"
    r"(?:user\s?name|name|handle|display\s+name|(?:account|profile|page|group|chat|channel)(?:['’]s)?(?:\s+name)?|"
    r"name\s+of\s+(?:the|his|her|their|its|my|our)\s+(?:account|profile|page|group|chat|channel)))"
    r"(?:(?:\s+(?:over\s+)?to|\s+as)\b|(?=\s+[\"“])))\s*,?\s*(?P<q>[\"“‘'])?(?=[A-Za-z0-9])"
)


#: 'the username changed to "GeordieTruthBomb"', "his handle was changed to kev_99".
_NAME_CHANGED = re.compile(
    r"(?i:\b(?:user\s?name|handle|display\s+name|screen\s+name|(?:account|profile|page|group|channel|chat)(?:['’]s)?\s+name)"
    r"\s+(?:was\s+|got\s+|has\s+been\s+|had\s+been\s+)?changed\s+(?:over\s+)?to)\s*,?\s*(?P<q>[\"“‘'])?(?=[A-Za-z0-9])"
)


#: A handle-shaped word right after a cue ("changed it to smudge_77", "one called jdub.uk").
_HANDLE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_]")


def _renamed_handles(text, add):
    """The new name after "changed it to" where an account is spoken of (or after "changed
    his username to"): a handle-shaped or CamelCase word, or a quoted name."""
    given, family = _ids.gazetteer()
    for m in _NAME_CHANGED.finditer(text):
        if m.group("q"):
            _named_page(text, m.end(), add, given, family, single=True)
        else:
            tok = _HANDLE_TOKEN.match(text, m.end())
            if tok is not None and _plain_id(tok.group()):
                add((m.end(), m.end() + len(tok.group()), "handle", tok.group().lower()))
    for m in _RENAMED.finditer(text):
        obj = m.group("obj").casefold()
        if obj in ("it", "itself") and not _NEAR_ACCOUNT.search(text, max(0, m.start() - 300), m.end() + 100):
            continue  # "changed it to Tuesday": no account spoken of
        s = m.end()
        if m.group("q"):
            _named_page(text, s, add, given, family, single=True)
            continue
        tok = re.match(r"[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_]", text[s:])
        if tok is not None and _plain_id(tok.group()):
            add((s, s + len(tok.group()), "handle", tok.group().lower()))
        elif tok is not None and tok.group()[:1].isupper():
            if obj in ("it", "itself"):  # "changed it to Private Mode": a place or three closed words
                _named_place_page(text, s, add, given, family, closed=3)
            else:  # "changed the group's name to Bent Bobbies Out"
                _named_page(text, s, add, given, family)


#: '"Dai's Lad Owain" he's called on TikTok', '"Kelz Forever", she's known as on Insta'.
_QUOTED_THEN_CALLED = re.compile(
    r"[\"“](?=[^\"”]{2,60}[\"”])"
    r"(?=[^\"”]*[\"”]\s*,?\s+(?i:(?:he|she|they|it)(?:['’]s|['’]re|\s+is|\s+was|\s+are|\s+were)\s+"
    rf"(?:called|known(?:\s+as)?|named)\s+(?:on\s+(?:the\s+)?(?:{_PLATFORMS})|online)\b))"
)


#: '"London Filth Files" is the page name?', '"Kev The Grass" was his account': a quoted
#: name said to be a page's or an account's.
_QUOTED_IS_PAGE = re.compile(
    r"[\"“](?=[^\"”]{2,60}[\"”]\s+(?i:(?:is|was|were|are)\s+(?:the|a|an|their|his|her|my|your|our)\s+"
    r"(?:(?:facebook|insta(?:gram)?|tiktok|twitter|telegram|youtube|whatsapp|discord|fake)\s+)?"
    r"(?:page|group|account|channel|profile|chat|forum|server|user\s?name|handle)(?:\s?name)?\b))"
)
#: 'she's called "Lil Miss Kelz" on Insta': the same name said before the platform.
_CALLED_THEN_QUOTED = re.compile(
    r"(?i:\b(?:he|she|they|it)(?:['’]s|['’]re|\s+is|\s+was|\s+are|\s+were)\s+(?:called|known\s+as|named)\s+)"
    rf"[\"“](?=[^\"”]{{2,60}}[\"”]\s*,?\s+(?i:on\s+(?:the\s+)?(?:{_PLATFORMS})\b|online\b))"
)


_CALLED_QUOTED = re.compile(
    r"(?i:\b(?:he|she|they|it)(?:['’]s|['’]re|\s+is|\s+was|\s+are|\s+were)\s+(?:called|known\s+as|named)\s+)"
    r"[\"“](?=[^\"”]{2,60}[\"”])"
)
_PLATFORM_WORD = re.compile(rf"(?i:\b(?:{_PLATFORMS})\b)")


def _quoted_then_called(text, add):
    given, family = _ids.gazetteer()
    for m in _QUOTED_THEN_CALLED.finditer(text):
        _named_page(text, m.end(), add, given, family, single=True)
    for m in _CALLED_THEN_QUOTED.finditer(text):
        _named_page(text, m.end(), add, given, family, single=True)
    for m in _CALLED_QUOTED.finditer(text):
        if _PLATFORM_WORD.search(text, max(0, m.start() - 60), m.start()):  # 'On Snapchat he is called "X"'
            _named_page(text, m.end(), add, given, family, single=True)


def _quoted_is_page(text, add):
    given, family = _ids.gazetteer()
    for m in _QUOTED_IS_PAGE.finditer(text):
        _named_page(text, m.end(), add, given, family, single=True)


# ---------------------------------------------------------------------------------------
# Names of pages, groups and channels
# ---------------------------------------------------------------------------------------

_CAP_WORD = rf"[{_ids._UP}0-9][\w'’]*"
#: A run of capitalised words that may name a page or a group: "Bent Coppers of the North
#: West", "Justice for Kyle", "Dave the Rave" (a connector and "the" between the words).
#: What may join the words of such a run ("of", "for the", "&").
_RUN_JOIN = r"(?:(?:of|for|on|in|and|&)\s+)?(?:the\s+)?"
_PAGE_RUN = re.compile(rf"{_CAP_WORD}(?:\s+{_RUN_JOIN}{_CAP_WORD}){{0,6}}")
#: The same run read backwards from a tail word ("Gwent Cop" before "Watch").
_RUN_BEFORE = re.compile(rf"(?:{_CAP_WORD}\s+{_RUN_JOIN}){{1,6}}$")
#: "posted it to London Filth Files on Insta": a run before "on" and a platform.
_RUN_BEFORE_ON = re.compile(
    rf"(?i:\b(?:to|onto|on|in|into)\s+)(?P<run>{_CAP_WORD}(?:\s+{_RUN_JOIN}{_CAP_WORD}){{1,6}})\s+on\s+$"
)
_CONNECTORS = frozenset("of for on in and & the".split())
#: Words for the police in the names of copwatch pages ("Oldham Cop Watch").
_COP_WORDS = frozenset(
    """Cop Cops Copper Coppers Police Polis Bizzies Bizzy Bizzie Pig Pigs Plod Plods Bobby Bobbies Feds Fed Filth
    Peelers Bacon Rozzers Rozzer Fuzz Babylon Scuffers Busies""".split()
)
#: Last words that make a run of capitalised words the name of a page or a group
#: ("Valleys Exposed", "Exeter Watchers"); "Watch" only after a word for the police or a
#: place ("Kent Cop Watch", "Rhyl Watch", not "Neighbourhood Watch"), "Page" and
#: "Noticeboard" only with a place in the name ("Wrexham Truth Page", not "Home Page").
_PAGE_TAIL = re.compile(
    r"(?<![\w'’-])(?:Exposed|Uncovered|Unmasked|Unfiltered|Uncensored|Watchers|Copwatch|CopWatch|Noticeboard|Watch|Page)"
    r"(?![\w'’-])"
)
_TAIL_STRONG = frozenset("Exposed Uncovered Unmasked Unfiltered Uncensored Copwatch CopWatch".split())
_TAIL_TOKENS = (
    "Exposed",
    "Uncovered",
    "Unmasked",
    "Unfiltered",
    "Uncensored",
    "Watch",
    "Copwatch",
    "Noticeboard",
    "Page",
)
#: A page or group spoken of: the tail rule needs one of these near the name.
_ONLINE_NEAR = re.compile(
    rf"(?i:\b(?:pages?|groups?|accounts?|channels?|profiles?|forums?|noticeboards?|posts?|posted|posting|"
    rf"shared|comments?|followers|admins?|online|{_PLATFORMS})\b)"
)


def _online_near(text, start, end, before=200, after=200) -> bool:
    """Whether a page, group, account or platform is spoken of within ``before``
    characters before ``start`` or ``after`` characters after ``end``."""
    return _ONLINE_NEAR.search(text, max(0, start - before), min(len(text), end + after)) is not None


#: A generic kind of page after the name ("one of them Met Watch pages").
_KIND_AFTER = re.compile(r"\s+(?:pages|groups|accounts|channels|sites|types?|style)\b|-(?:style|type)\b")
#: Nouns of the things whose names are handles; "a page, X", "the Facebook group for the
#: village, X", 'a group, "X"', "the group chat, X", 'the WhatsApp group "X"' (a quoted
#: name needs no comma; inside double quotes it may be in lower case: 'a Snapchat group,
#: "kayleighs dad is a fed"').
_PAGE_NOUN_TOKENS = ("group", "page", "channel", "forum", "noticeboard", "server", "chat", "podcast")
_APPOSITION = re.compile(
    r"(?:s)?(?:\s+(?:for|of|in|on|about)\s+(?:the\s+|that\s+|our\s+|my\s+|their\s+)?[a-z]+)?"
    r"(?P<aw>\s+(?:as\s+well|too|also))?"
    r"(?:\s*(?:,|:|\s(?:--|[-–—]))\s*(?i:(?:erm|um|er|like|just)\s*,?\s*)*"
    r"(?:(?P<q>[\"“])(?=[A-Za-z0-9])|(?P<q1>[‘'])?(?=[A-Z0-9]))|\s+(?P<q2>[\"“])(?=[A-Z0-9])|\s+(?P<q3>[\"“])(?=[a-z]))"
)
#: "the page is Cardiff Coppers Caught Out", "the group was called Hull Mums Unite".
#: 'the group chat was called "Response Team Two"': quoted, it may be in lower case.
_PAGE_IS = re.compile(
    r"s?\s+(?:is|was)\s+(?:(?:just\s+|literally\s+|simply\s+)?called\s+)?(?:(?P<q>[\"“])(?=[A-Za-z0-9])|(?=[A-Z0-9]))"
)
#: "a Facebook page, I think it's called Wakefield Watchdogs", "a group on Facebook, it was
#: called Pontefract Residents Unite": the name after a pause and "it's called".
_PAGE_CALLED_ASIDE = re.compile(
    r"s?(?:\s+(?:for|of|in|on|about)\s+(?:the\s+|that\s+|our\s+|my\s+|their\s+)?[A-Za-z]+)?\s*,\s*"
    r"(?i:(?:i\s+think|like|erm|um|er)\s*,?\s*)*(?i:and\s+)?(?:it['’]s|it\s+(?:is|was)|which\s+(?:is|was)|that['’]s)"
    r"\s+(?:just\s+)?called\s+(?:(?P<q>[\"“])(?=[A-Za-z0-9])|(?=[A-Z0-9]))"
)
#: "a group chat. Lads From The Manor. Sixty members.": the name said as a sentence of
#: its own right after the page or group is mentioned.
_PAGE_STOP = re.compile(r"s?(?:\s+chat)?\.\s+(?=[A-Z0-9])")
#: What closes a name said in apposition or as a sentence of its own.
_NAME_CLOSED = re.compile(r"\s*(?:[,.;:!?)]|$|\s(?:--|[-–—])(?:\s|$))")
_CLOSE_QUOTE = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def _place_like(word: str) -> bool:
    """A capitalised word that may name a place in a page's name: no ordinary word, or a
    large city or a force's county ("Hull", "Kent")."""
    if word.isdigit():
        return False  # "The group, Year 9 parents mostly": a number is no place
    return not _ids.is_ordinary(word) or word in _cities() or word in _ids._force_stems()


@lru_cache(maxsize=1)
def _cities() -> frozenset:
    """The large towns of the allow-list (ordinary words elsewhere, places in a page's name)."""
    return _ids.allowed_proper_nouns() - _ids.allowed_proper_nouns("not places")


#: Words before "Watch" in the names of crime-prevention schemes, with or without a place
#: ("Neighbourhood Watch", "Hexham Farm Watch", "Community Speed Watch").
_SCHEME_WORDS = frozenset(
    """Neighbourhood Neighborhood Farm Horse Pub Shop Shops Business Rural Street Home Homes Boat
    Speed Dog Cyber Crime Countryside Rail Canal Taxi Student Students Hospital Church Marine Coast
    Coastal Retail Beach River Moor Forest Wildlife Heritage Pet School Schools Vehicle Bike Cycle
    Red Blue White Green Amber Black Night Day""".split()
)


def _scheme_watch(words) -> bool:
    """A run ending in "Watch" that names a scheme, not a page: the word before "Watch"
    is a scheme's word ("Neighbourhood Watch", "Leeds Farm Watch"), or an ordinary word,
    no word for the police, and no place in the run ("Street Watch"; "Leeds Stop & Search
    Watch" is a page)."""
    if words[-1] != "Watch" or len(words) < 2:
        return words[-1] == "Watch"
    if words[-2] in _SCHEME_WORDS:
        return True
    if words[-2] in _COP_WORDS or _place_like(words[-2]):
        return False
    return not any(_place_like(w) for w in words[:-2] if w not in _CONNECTORS)


def _trim_run(words):
    """The words of a run up to the first that names no page (a day, a month, a pronoun),
    without a connector left hanging at the end."""
    for n, w in enumerate(words):
        if _ids._calendar(w) or w in _PRONOUNS:
            words = words[:n]
            break
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    if len(words) >= 3 and words[-2] in ("on", "in") and _PLATFORM_WORD.fullmatch(words[-1]):
        words = words[:-2]  # "goes by Audit Army Cymru on YouTube": the platform is no part of it
    return words


def _cop_tail(words) -> bool:
    """The run ends in a strong page word ("PC Plod Exposed") or in "Watch" after a word for
    the police ("Constable Country Cop Watch")."""
    return words[-1] in _TAIL_STRONG or (words[-1] in ("Watch", "Watchers") and words[-2] in _COP_WORDS)


#: Verbs in a page's name that is a sentence about someone ("PC Hart Is A Liar", a verb
#: and "A", "An" or "The").
_PAGE_VERBS = frozenset("Is Are Was Were Has".split())
#: What such a name says the officer is ("Sgt Fenwick Is Bent"; '"PC Jones Is Here Now"',
#: a message, stays).
_ACCUSING = frozenset(
    """Bent Corrupt Crooked Dodgy Racist Useless Guilty Scum Dirty Evil Lying Liars Violent Sexist
    Abusive Untouchable Protected Fake""".split()
)


def _rank_first(word: str) -> bool:
    """A rank's word, with or without its full stop ("Sgt", "Sgt.")."""
    return word in _ids._RANK_WORDS or (word.endswith(".") and word[:-1] in _ids._RANK_WORDS)


def _page_name_ok(words, given, family, quoted=False, named=False, titled=False) -> bool:
    """The words after "a group called", "a page, ..." may name a page or an account: not
    a person's name ("Justin Case", left to the person rules; "Caller Mrs L", a title
    inside), a rank, a pronoun or a discourse word, nor a scheme ("Neighbourhood Watch").
    A quoted name may start with "The" before two capitalised words ('"The Copwatch
    Collective"'). ``named``: the words before said it is an account's display name ("the
    display name was", "the fake account was"), so a rank may start it ('"Sgt. N. Rahman"',
    '"Sgt Willis Is Bent"': a fake officer's account, one handle). ``titled``: said after
    "called" or "named", so "The" and three capitalised words are a title ("a podcast
    called The Blue Line Lies"; not a paper's or a club's, "The Northern Echo Online")."""
    if not words:
        return False
    if words[0] == "The" and len(words) >= 3 and words[1][:1].isupper():
        if quoted or (
            words[-1] not in _ORG_TAILS
            and (
                (titled and len(words) >= 4)
                or any(w in _COP_WORDS or _place_like(w) for w in words[1:] if w not in _CONNECTORS)
            )
        ):
            words = words[1:]  # '"The Copwatch Collective"', "a page called The Real Bobbies of Leith"
    if words[0] in _NOT_ACCOUNT_START or words[0] in _ids._CIVIL_TITLES or words[0] in ("Operation", "Op"):
        return False  # "changed the name to Operation Mayfly": a police operation's
    if _rank_first(words[0]) and not named and (len(words) < 3 or not _cop_tail(words)):
        if not (
            quoted
            and len(words) >= 4
            and any(
                w in _PAGE_VERBS and (words[n + 1] in ("A", "An", "The") or words[n + 1] in _ACCUSING)
                for n, w in enumerate(words[2:-1], 2)
            )
        ):
            return False  # "goes by Sergeant Wilson"; "PC Plod Exposed" is a page
        # '"PC Hart Rhyl Is A Liar"': a quoted sentence about an officer names a page
    if any(w in _PRONOUNS for w in words[1:]):
        return False  # "Honestly I": no name
    if any(w in _ids._CIVIL_TITLES and words[n] not in _CONNECTORS for n, w in enumerate(words[1:])):
        return False  # "Caller Mrs L": a person (after "for", "Justice for Mr Dunn" is a page)
    if not any(w in _CONNECTORS for w in words) and words[0] in given:
        if len(words) == 2 or (len(words) == 3 and words[2] in family):
            return False  # "an account called Justin Case": a person's name, the person rules'
    return not _scheme_watch(words)


#: First words of quoted talk (a question, a request) that no lower-case name starts with.
_SPEECH_START = frozenset(
    "who what where when why how is are was were do does did can could will would should please "
    "has have had dont don't i i'm im you".split()
)


#: A sentence's end inside quoted words; the full stop of an initial or of a rank's short
#: form is none ('"Sgt. N. Rahman"', '"PC J. Hart Official"').
_SENTENCE_INSIDE = re.compile(
    r"[!?;]\s|(?<!\b[A-Z])(?<!\b(?:Sgt|Det|Mrs))(?<!\b(?:Insp|Supt))(?<!\b(?:Ch|Mr|Dr|St|Ms))\.\s"
)


def _quoted_name(text, q_start, lower=False):
    """``(start, end)`` of the words inside the quote opened at ``q_start`` when they may be
    a name (one to seven words, the first capitalised unless ``lower``, no sentence end
    inside)."""
    close = _CLOSE_QUOTE.get(text[q_start])
    end = text.find(close, q_start + 1, q_start + 70) if close else -1
    if end < 0:
        return None
    inner = text[q_start + 1 : end].strip().rstrip(",")
    if not inner or not (inner[0].isupper() or inner[0].isdigit() or lower) or _SENTENCE_INSIDE.search(inner):
        return None
    if inner[0].islower() and ("," in inner or inner.split()[0].casefold() in _SPEECH_START):
        return None  # '"who is he, name please"': quoted talk, no name
    if len(inner.split()) > 7:
        return None
    s = text.index(inner, q_start + 1)
    return s, s + len(inner)


def _run_words(text, s):
    """The words of the run of capitalised words at ``s`` (trimmed by :func:`_trim_run`)
    and the end of the last one kept."""
    run = _PAGE_RUN.match(text, s)
    if run is None:
        return [], s
    spans = [(w.group(), w.end()) for w in re.finditer(r"\S+", run.group())]
    words = _trim_run([w for w, _ in spans])
    return words, (s + spans[len(words) - 1][1] if words else s)


def _named_page(text, s, add, given, family, single=False, lower=False, titled=False) -> bool:
    """Add the name of a page, group or account that starts at ``s`` after a word that
    announces one ("called", "calling themselves", "a Facebook group, "), quoted or a run
    of capitalised words; ``single``: one word is enough when it is no ordinary word and
    no given name ("a profile called Copwatcherz"); ``lower``: a quoted name may be in lower
    case. True when one was added."""
    quoted = s > 0 and text[s - 1] in _CLOSE_QUOTE
    if quoted:
        span = _quoted_name(text, s - 1, lower)
        if span is None:
            return False
        s, end = span
        words = text[s:end].split()
    else:
        words, end = _run_words(text, s)
    if not words:
        return False
    if len(words) == 1:
        w = words[0]
        if not single or not (
            _plain_id(w) or (re.fullmatch(r"[A-Z][a-z]{3,}", w) and not _ids.is_ordinary(w) and w not in given)
        ):
            return False  # "the account was called Stop": an ordinary word
    if not _page_name_ok(words, given, family, quoted=quoted, titled=titled):
        return False
    add((s, end, "handle", " ".join(words).lower()))
    return True


def _tail_names(text, add):
    """Runs of capitalised words ending in a page's last word ("Gwent Cop Watch", "Valleys
    Exposed", "Darlington Community Noticeboard") where a page, a group, a post or a
    platform is spoken of nearby."""
    common = _ids._common_words()
    given = _ids.gazetteer()[0]
    for m in _PAGE_TAIL.finditer(text):
        tail = m.group()
        run = _RUN_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if run is None:
            continue
        spans = [(w.group(), run.start() + w.start()) for w in re.finditer(r"\S+", run.group())]
        opened = text[spans[0][1] - 1 : spans[0][1]] if spans and spans[0][1] else ""
        whole = opened in _CLOSE_QUOTE and text[m.end() : m.end() + 1] == _CLOSE_QUOTE[opened]
        if whole and _cop_tail([w for w, _ in spans] + [tail]) and spans[0][0] not in _CONNECTORS:
            # '"Constable Country Cop Watch"', '"Real Life Cop Watch"': the quote holds the
            # whole name of a copwatch page, its first words too
            if spans[0][0] not in _NOT_ACCOUNT_START and not any(_ids._calendar(w) or w in _PRONOUNS for w, _ in spans):
                start = spans[0][1]
                add((start, m.end(), "handle", re.sub(r"\s+", " ", text[start : m.end()]).lower()))
                continue
        while spans and (
            spans[0][0] in _CONNECTORS
            or spans[0][0] in _NOT_ACCOUNT_START
            or (spans[0][0].casefold() in common and spans[0][0] not in _COP_WORDS)
        ):
            spans = spans[1:]  # "Then Oldham Cop Watch": the sentence's first word
        words = [w for w, _ in spans] + [tail]
        if len(words) < 2 or _ids._calendar(words[0]):
            continue
        if words[0] in _ids._RANK_WORDS and (len(words) < 3 or tail not in _TAIL_STRONG):
            continue  # "PC Smith Watch"; "PC Plod Exposed" is a page
        if any(_ids._calendar(w) or w in _PRONOUNS for w in words):
            continue
        content = [w for w in words[:-1] if w not in _CONNECTORS]
        if len(content) == 1 and content[0] in given:
            continue  # "Jimmy Page": a person's name
        cop = any(w in _COP_WORDS for w in content)
        place = any(_place_like(w) for w in content)
        if tail not in _TAIL_STRONG:
            if tail == "Watch":
                if _scheme_watch(words):
                    continue  # "Neighbourhood Watch", "Farm Watch": a scheme
            elif not place:
                continue  # "Home Page", "the Community Noticeboard", "Weight Watchers"
        if _KIND_AFTER.match(text, m.end()):
            continue  # "one of them Met Watch pages": a kind of page
        if (not (cop or place) or (tail == "Watch" and not cop)) and not _online_near(
            text, m.start(), m.end(), 250, 250
        ):
            continue  # ordinary words alone, or a place and "Watch": a page only where pages are spoken of
        start = spans[0][1]
        end = m.end()
        extra = _TAIL_EXTRA.match(text, end) if tail in ("Copwatch", "CopWatch", "Watch", "Exposed") else None
        if extra is not None and (tail != "Watch" or cop):
            end = extra.end()  # "Brixton Copwatch Live", "Kent Cop Watch UK": the page's last word
        add((start, end, "handle", re.sub(r"\s+", " ", text[start:end]).lower()))


#: A word after a copwatch page's last word that is still its name ("Live", "TV", "UK").
_TAIL_EXTRA = re.compile(r"\s+(?:Live|TV|UK|News|Official|Media|HQ|Uncut)(?![\w'’-])")


#: Said just before a chat's noun: 'he said in the group chat "..."' quotes what was said;
#: 'put it in the group chat "..."' (a thing put there) names the chat.
_SAID_INTO = re.compile(
    r"(?i:\b(?:said|says|say|saying|wrote|writes|put|puts|posted|posts|typed|types|messaged|sent|goes|went|"
    r"shouted|asked|replied|told)\b)(?!\s+(?:it|that|this|them|those|these|something|stuff|things?|a\s+\w+)\b)"
)


def _lower_name_quoted(text, noun, q) -> bool:
    """The lower-case quoted words at ``q``, right after a chat's or a page's noun at
    ``noun`` without a comma ('the group chat "lads on tour 2k19"'), may name it: not what
    was said into it ('he said in the group chat "you're done"'), a digit or a word that is
    no English word among them, no talk ("who", "you", a comma)."""
    close = text.find(_CLOSE_QUOTE[text[q - 1]], q, q + 60)
    if close < 0:
        return False
    words = text[q:close].split()
    if not 1 < len(words) <= 6 or re.search(r"[,?!;:.]", text[q:close]) or words[0] in _SPEECH_START:
        return False
    if not any(re.search(r"\d", w) or (w.isalpha() and not _ordinary_lower(w)) for w in words):
        return False
    start = max(0, noun - 40)
    clause = re.split(r"[.?!,;]\s", text[start:noun])[-1]
    return _SAID_INTO.search(clause) is None


#: A name right after a page's noun, no comma ("the Facebook group Hull Mams Unite").
_DIRECT_NAME = re.compile(r"\s+(?=[A-Z0-9])")
#: A platform just before the noun ("the Facebook group", "a WhatsApp chat").
_PLATFORM_BEFORE_NOUN = re.compile(rf"(?i:\b(?:{_PLATFORMS})\s+(?:group\s+)?)$")


#: What someone is called on a page or in a group, before the page's noun: 'that's what
#: they call me on the page, "Big Kev from Preston nick"' (a nickname follows, no page's
#: name).
_CALLED_ON_NOUN = re.compile(
    r"(?i:\b(?:call(?:s|ed|ing)?|kn(?:ows?|ew|own)|refer(?:s|red)?\s+to)\s+(?:me|him|her|us|them)(?:\s+as)?"
    r"|\b(?:I['’]m|I\s+am|I\s+was|(?:he|she)['’]s|(?:he|she)\s+(?:is|was))\s+(?:called|known(?:\s+as)?))"
    r"\s+(?:on|in)\s+(?:the|that|their|this|a)\s+(?:[a-z]+\s+)?$"
)


def _page_names(text, add, low):
    """Names of Facebook pages and groups, channels and forums (handles): after "a page, ",
    "the Facebook group for the village, ", 'a group, "...' and by their last words
    ("... Cop Watch", "... Exposed")."""
    given, family = _ids.gazetteer()
    for tok in _PAGE_NOUN_TOKENS:
        i = low.find(tok)
        while i >= 0:
            if (
                (i == 0 or not text[i - 1].isalnum())
                and text[i].islower()
                and not _CALLED_ON_NOUN.search(text, max(0, i - 50), i)
            ):
                if (
                    text[i - 1 : i] == " "
                    and tok in _THE_NOUN_TOKENS
                    and not text[i + len(tok) : i + len(tok) + 1].isalnum()
                ):
                    _the_name_page(text, i, add, given, family)
                c = _PAGE_CALLED_ASIDE.match(text, i + len(tok)) if "called" in text else None
                m = None if c is not None else _APPOSITION.match(text, i + len(tok))
                if c is not None:  # "a Facebook page, I think it's called Wakefield Watchdogs"
                    if c.group("q"):
                        _named_page(text, c.end(), add, given, family, lower=True)
                    else:
                        _named_place_page(text, c.end(), add, given, family, closed=2)
                elif m is not None:
                    if m.group("q"):
                        _named_page(text, m.end(), add, given, family, lower=True)
                    elif m.group("q1") or m.group("q2"):
                        _named_page(text, m.end(), add, given, family)
                    elif m.group("q3"):
                        if _lower_name_quoted(text, i, m.end()):
                            _named_page(text, m.end(), add, given, family, lower=True)
                    elif m.group("aw"):
                        pass  # "a forum as well: LN 20031": after "as well" only a quoted name
                    else:
                        _named_place_page(text, m.end(), add, given, family, closed=3)
                else:
                    m = _PAGE_IS.match(text, i + len(tok))
                    if m is not None and m.group("q"):
                        _named_page(text, m.end(), add, given, family, lower=True)
                    elif m is not None:
                        # "the group chat was called Shift 3 Banter, and": named, two words closed
                        called = "called" in m.group()
                        _named_place_page(text, m.end(), add, given, family, closed=2 if called else 0)
                    else:
                        m = _PAGE_STOP.match(text, i + len(tok))
                        if m is not None:
                            _named_place_page(text, m.end(), add, given, family, closed=3, stop=True)
                        else:
                            m = _APPOSITION_ASIDE.match(text, i + len(tok))
                            if m is not None and not _SAYING.search(m.group("aside")):
                                if m.group("q"):
                                    _named_page(text, m.end(), add, given, family)
                                else:  # "a page for the victims, like a support thing, Blue Family Support NE,"
                                    _named_place_page(text, m.end(), add, given, family, closed=3)
                            elif m is None:
                                m = _DIRECT_NAME.match(text, i + len(tok))
                                if m is not None and _PLATFORM_BEFORE_NOUN.search(text, max(0, i - 30), i):
                                    # "the Facebook group Cleethorpes Community Voice shared it":
                                    # the name right after the noun, a place and another word in it
                                    _named_place_page(text, m.end(), add, given, family, closed=3)
            i = low.find(tok, i + 1)
    if any(w in text for w in _PLATFORM_NOUN_WORDS):  # str.find first: far cheaper
        for m in _PLATFORM_NOUN.finditer(text):
            _the_run_page(text, m.start(), add, given, family)
    if '"' in text or "“" in text:
        for m in _QUOTED_AFTER.finditer(text):
            _title_quoted(text, m.end(), add, given, family)
    if any(t in text for t in _TAIL_TOKENS):
        _tail_names(text, add)
    if "ACAB" in text:
        _acab_names(text, add)
    if "Official" in text:
        _official_names(text, add)
    if "Retired " in text or "Former " in text or "Ex " in text:
        _retired_names(text, add)


#: A fake account's display name: a person's name (with a rank before it, or a given name
#: and a surname where accounts are spoken of) and "Official" ("PC Sam Rowley Official",
#: "Insp Dave Hollins Official"); the whole display name is the handle, not the person.
_CAP_RANKS = _ids._alternation(w for w in _ids._RANK_WORDS if w[:1].isupper())
_OFFICIAL_NAME = re.compile(
    rf"(?<![\w'’-])(?:(?P<rank>{_CAP_RANKS})\.?\s+)?"
    rf"(?P<name>[{_ids._UP}][\w'’-]+(?:\s+[{_ids._UP}][\w'’-]+){{0,2}})\s+Official(?![\w'’-])"
)


def _official_names(text, add):
    given, family = _ids.gazetteer()
    for m in _OFFICIAL_NAME.finditer(text):
        words = m.group("name").split()
        if any(_ids._calendar(w) or w in _PRONOUNS or w in _ORG_TAILS for w in words):
            continue  # "the Home Office Official", "Kent Police Official": a body's
        if len(words) < 2 or words[0] not in given:
            continue  # "Sgt Major Official": a given name and a surname after the rank
        if m.group("rank") is None and not _online_near(text, m.start(), m.end()):
            continue  # without a rank, only where accounts or pages are spoken of
        add((m.start(), m.end(), "handle", re.sub(r"\s+", " ", m.group()).lower()))


#: A fake account's display name: a given name, a surname, "Retired" or "Former" and a
#: rank ("Dave Whitehouse Retired DS"), where accounts or pages are spoken of.
_RETIRED_NAME = re.compile(
    rf"(?<![\w'’-])(?P<name>[{_ids._UP}][\w'’-]+\s+[{_ids._UP}][\w'’-]+)\s+(?:Retired|Former|Ex)\s+"
    rf"(?P<rank>{_CAP_RANKS})(?![\w'’-])"
)


def _retired_names(text, add):
    given, family = _ids.gazetteer()
    for m in _RETIRED_NAME.finditer(text):
        words = m.group("name").split()
        if words[0] not in given or any(_ids._calendar(w) or w in _PRONOUNS for w in words):
            continue
        if _online_near(text, m.start(), m.end()):
            add((m.start(), m.end(), "handle", re.sub(r"\s+", " ", m.group()).lower()))


#: An anti-police collective named by the slogan and its place ("ACAB Bristol", "Leeds
#: ACAB"): a group's name wherever it is said.
_ACAB_NAME = re.compile(
    rf"(?<![\w'’-])ACAB\s+(?P<after>[{_ids._UP}][\w'’]+(?:\s+[{_ids._UP}][\w'’]+)?)"
    rf"|(?<![\w'’-])(?P<before>[{_ids._UP}][\w'’]+)\s+ACAB(?![\w'’-])"
)


def _acab_names(text, add):
    for m in _ACAB_NAME.finditer(text):
        part = m.group("after") or m.group("before")
        words = part.split()
        while words and not _acab_place(words[-1]):
            words = words[:-1]  # "ACAB Bristol Crew": the place is enough
        if not words or not all(_acab_place(w) for w in words):
            continue  # "ACAB Tattoo", "shouting ACAB": no group
        if m.group("after"):
            s, e = m.start(), m.start("after") + len(" ".join(words))
        else:
            s, e = m.start("before"), m.end()
        add((s, e, "handle", re.sub(r"\s+", " ", text[s:e]).lower()))


_TOWN_ENDING = re.compile(
    r"(?:side|shire|ton|ham|ford|bury|borough|brough|by|pool|mouth|wich|field|ley|caster|chester|cester|don|dale|"
    r"port|worth|minster|stead|burn|bridge|ness|wick)$"
)


def _town_like(word: str) -> bool:
    """A word that names a town or a region for sure: a large town, a force's county, or
    a word that is no ordinary word and no person's name with a town's ending
    ("Tyneside", "Barnstaple" not; "Wolverhampton")."""
    if word in _cities() or word in _ids._force_stems():
        return True
    given, family = _ids.gazetteer()
    return (
        _TOWN_ENDING.search(word) is not None
        and not _ids.is_ordinary(word)
        and word not in given
        and word not in family
    )


def _acab_place(word: str) -> bool:
    """A place's name in a collective's name: a large town or a word that is no ordinary
    word, no day or month, no person's given name and no pronoun."""
    if _ids._calendar(word) or word in _PRONOUNS or word in _NOT_ACCOUNT_START:
        return False
    return (
        word in _cities()
        or word in _ids._force_stems()
        or (not _ids.is_ordinary(word) and word not in _ids.gazetteer()[0])
    )


#: 'a parents' chat, like a class one, "Year 3 Mums Oak Class"': a short aside between
#: the page or chat and its quoted name.
_APPOSITION_ASIDE = re.compile(
    r"s?(?P<qual>\s+(?:for|of|in|on|about)\s+(?:the\s+|that\s+|our\s+|my\s+|their\s+)?[a-z]+)?"
    r"\s*,\s*(?P<aside>(?i:like|sort\s+of|kind\s+of|basically|i\s+think|you\s+know|the|a|an|one\s+of)\b"
    r"[^,\"“.!?;:]{0,30}),\s*(?:(?P<q>[\"“])(?=[A-Z0-9])|(?=[A-Z0-9]))"
)
_SAYING = re.compile(r"(?i:\b(?:said|says|say|saying|wrote|writes|put|posted|asked|asks|typed|told|goes|went)\b)")
#: "on the Montgomeryshire Community Chat page", "the Wirral Bizzies Off Sick Again group":
#: a name between "the" and the page's noun.
_THE_NOUN_TOKENS = ("page", "group", "chat", "channel", "forum", "server")
_THE_RUN = re.compile(
    rf"(?<![\w'’])(?i:the)\s+(?P<run>{_CAP_WORD}(?:\s+{_RUN_JOIN}{_CAP_WORD}){{1,6}})\s+"
    rf"(?:(?!(?:and|the|for|with|from|his|her|its|our|their|your|this|that|own|new|old)\b)[a-z]{{3,}}\s+)?$"
)
#: "the Kent Specials recruiting page": one lower-case word (what the page is for) may come
#: between the name and the noun. "someone shared it on the Bury Mums Facebook": a
#: platform's name is the noun.
_PLATFORM_NOUN_WORDS = ("Facebook", "Insta", "TikTok", "Tiktok", "Twitter", "YouTube", "Snapchat", "Telegram")
_PLATFORM_NOUN = re.compile(
    r"(?<![\w'’-])(?:Facebook|Instagram|Insta|TikTok|Tiktok|Twitter|YouTube|Snapchat|Telegram)(?![\w'’-])"
    r"(?!\s+(?:page|group|chat|channel|forum|server)s?\b)"
)
#: Last words of the names of papers, clubs and public bodies ("the Manchester Evening
#: News page", "the Leeds United page", "the Durham County Council page") and of a page
#: described by its place ("the Hebden Bridge Community page"): no handle.
_ORG_TAILS = frozenset(
    """News Echo Gazette Chronicle Post Herald Mail Times Mirror Telegraph Express Star Advertiser
    Courier Argus Standard Journal Observer Press Live Online Council Councils United City FC AFC Rovers
    Wanderers Athletic Albion Town County Police Constabulary Fire Rescue Service Services NHS Trust
    Hospital University College School Academy Library Museum Theatre Cathedral Church Community
    Official Federation Union Party Club Sport Sports Radio TV BBC ITV
    Centre Center Station Street Road Lane Avenue Park Square Market Airport Beach Bridge Hall Arena
    Stadium Ground Mall Precinct Estate Retail Village High Primary Infirmary Prison Court Barracks
    Society Bank Company Ltd Limited Association Foundation Charity Institute Partnership Authority Agency
    Department Ministry Office Commission Board""".split()
)


#: 'on the "Sefton Scallies" page': a quoted name between "the" and the noun.
_THE_QUOTED = re.compile(r"(?<![\w'’])(?i:the)\s+[\"“‘'][^\"”’]{3,60}[\"”’']\s+$")


def _the_name_page(text, i, add, given, family):
    q = _THE_QUOTED.search(text, max(0, i - 75), i)
    if q is not None:
        _named_page(text, q.start() + re.search(r"[\"“‘']", q.group()).start() + 1, add, given, family)
        return
    _the_run_page(text, i, add, given, family)


def _the_run_page(text, i, add, given, family):
    """A run of capitalised words between "the" and "page"/"group"/"chat" at ``i`` with a
    place or a word for the police in it and another word ("the Wirral Bizzies Off Sick
    Again page"); platforms, forces, papers, clubs and public bodies are not pages' names."""
    m = _THE_RUN.search(text, max(0, i - 90), i)
    if m is not None:
        _run_page(text, m.start("run"), m.group("run").split(), add, given, family)


def _run_page(text, s, words, add, given, family):
    """Add the run ``words`` at ``s`` (found between "the" and "page", or before "on
    Insta") when a place or a word for the police and another word are in it."""
    if _trim_run(words) != words:
        return
    while words and (words[-1].casefold() in _brands_folded() or words[-1] in ("WhatsApp", "Group", "Page")):
        words = words[:-1]  # "the Barnsley Facebook page": the platform is no part of the name
    content = [w for w in words if w not in _CONNECTORS]
    if len(content) < 2 or content[-1] in _ORG_TAILS or any(w.endswith(("'s", "’s")) for w in content):
        return
    if not any(w in _COP_WORDS or _place_like(w) for w in content) or all(
        _place_like(w) and w not in _COP_WORDS for w in content
    ):
        return  # "the Wirral Bizzies page" is a page's, "the Hebden Bridge page" a place's
    if any(w.casefold() in _brands_folded() and w not in _cities() for w in content):
        return  # "the Tesco Extra page": a brand's
    pattern, _lookup = _ids.force_table()
    end = s + len(" ".join(words)) if text[s : s + len(" ".join(words))] == " ".join(words) else -1
    if end < 0:
        return
    for f in pattern.finditer(text, s, end):
        if (f.start() == s and f.end() == end) or len(f.group().split()) > 1 and f.group().split()[-1] in _ORG_TAILS:
            return  # "the Kent Police page", "the West Yorkshire page": a force's; "the Kent Specials page" is not
    if _page_name_ok(words, given, family):
        add((s, end, "handle", " ".join(words).lower()))


#: A quoted name in Title Case after a page, a group or a platform used as a noun, said in
#: apposition or as a sentence of its own: 'a WhatsApp for the shift, "Team 3 Banter"',
#: 'a Facebook group for the village. "Llanfair PG Residents".', 'it was on the
#: Facebook. "Caithness Chat".'
_QUOTED_AFTER = re.compile(
    r"(?i:\b(?:a|an|the|our|their|my|his|her|your|that)\s+(?:(?:same|other|new|old|main|private|secret|family|work)\s+)?"
    r"(?:(?:facebook|whatsapp|telegram|discord|snapchat)\s+)?"
    r"(?:facebook|whatsapp|telegram|discord|snapchat|group|page|chat|channel|forum|server)s?"
    r"(?:\s+chat)?(?:\s+(?:for|of|in|on|about)\s+(?:the\s+|that\s+|our\s+|my\s+|their\s+)?[a-z]+(?:\s+[a-z]+)?)?)"
    r"(?:\s*[,:]\s*|\.\s+|\s+(?:--|[-–—])\s+)[\"“](?=[A-Z0-9])"
)
_SPOKEN_AFTER = re.compile(
    r"[,]?\s*(?i:(?:he|she|they|i|we|you|someone|somebody|everyone|people)\s+(?:said|says|say|wrote|writes|put|puts|"
    r"posted|shouted|asked|replied|typed|goes|went)|(?:said|wrote|shouted|asked)\b)"
)
_TITLE_SMALL = frozenset("of for on in and & the a an to at off with from".split())


def _title_quoted(text, s, add, given, family, named=False):
    """The quoted name at ``s`` when it is in Title Case (every word capitalised but small
    words): a name, not a remark ('"Get out, grass"' stays); ``named``: the words before
    said it is a name ("the display name was"), so two ordinary words are one too."""
    span = _quoted_name(text, s - 1)
    if span is None:
        return
    a, b = span
    inner = text[a:b]
    if re.search(r"[,?!]", inner):
        return
    words = inner.split()
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in words):
        return
    if "from" in words and any(w in given for w in words):
        return  # '"Dodgy Dave from Daventry"': a nickname, a person "from" a place
    if words[0].casefold() in _SPEECH_START or _SPOKEN_AFTER.match(text, b + 1):
        return  # '"Is Anyone There"', '"Get Out Now" they said': quoted talk
    if all(_ids.is_ordinary(w) or w in _TITLE_SMALL for w in words) and not any(w[:1].isdigit() for w in words):
        if not any(w in _COP_WORDS for w in words) and len(words) < 3 and not named:
            return  # '"Thank You"', '"Well Done"': two ordinary words
    if _page_name_ok(words, given, family, quoted=True, named=named):
        add((a, b, "handle", " ".join(words).lower()))


#: A group, a chat, a page or a platform spoken of just before a quoted name: "the group
#: chat, it was called", "a chat for the partners. It's called", "a retired officers'
#: WhatsApp, erm,", "a group chat with his mates,", "a highlight called".
_GROUP_NOUN_NEAR = re.compile(
    r"(?i:\b(?:group|groups|chat|chats|page|pages|channel|forum|server|highlight|highlights|whatsapp|"
    r"telegram|discord|facebook|snapchat)\b)"
)
#: What comes just before the opening quote: "called", "named", "it's called", a comma,
#: a colon or a hesitation ("erm,"); "called like" is left ('called like "Fed Kids"').
_QUOTE_LEAD = re.compile(r"(?i:(?:\b(?:called|named|titled)(?:\s+just)?|[,:](?:\s*(?:erm|um|er)\s*,)?)\s*)$")
#: Speech between the group and the quote: 'the group, the one she said, "Get Out Now"'.
_SAID_BEFORE = re.compile(
    r"(?i:\b(?:said|says|say|saying|wrote|writes|shouted|asked|replied|typed|put|puts|posted|messaged|told|goes|went)\b)"
)
#: Last words that make a quoted Title Case name a chat's name ("Group" alone may be an
#: offline group's: 'a support group, "The Compassionate Friends Group"').
_GROUP_TAIL = frozenset("Chat Groupchat Chats".split())


#: "one called Plymouth Patriots", "another one called nightowl_kev" in a list of accounts.
_ONE_CALLED = re.compile(r"(?i:\b(?:one|another(?:\s+one)?)\s+(?:called|named)\s+)(?P<q>[\"“])?(?=[A-Za-z0-9])")
#: Accounts spoken of just before: a handle with "@", or the words for them.
_ACCOUNTS_BEFORE = re.compile(
    rf"(?<![\w@])@[A-Za-z0-9_]|(?i:\b(?:accounts|pages|profiles|channels|groups|handles|user\s?names|{_PLATFORMS})\b)"
)


#: "It was the other one, Real Neighbourhood Watch Blyth, that kept it up", "another one:
#: Geordie Truth Squad", 'the second one, "Fed Up Feds"': one of the pages, groups or
#: accounts just spoken of, named in apposition.
_ONE_APPOSED = re.compile(
    r"(?i:\b(?:the\s+(?:other|first|second|third|last|main|worst|new|original|real|big|older|newer|latest|fake)"
    r"|another|this|that)\s+one\s*(?:,|:|\s[-–—])\s*(?:(?:erm|um|er|like|just)\s*,?\s*)*)(?P<q>[\"“])?(?=[A-Z0-9])"
)
#: The pages, groups or accounts "one" stands for, spoken of just before.
_PAGE_NOUN_BEFORE = re.compile(
    r"(?i:\b(?:pages?|groups?|accounts?|profiles?|channels?|chats?|forums?|podcasts?|servers?|noticeboards?)\b)"
)


def _one_apposed(text, add):
    """A page's, a group's or an account's name said in apposition to "the other one",
    "another one" where pages, groups or accounts were just spoken of: quoted, or a run
    of capitalised words with a place in it or three words closed by punctuation (a
    person's name, "the other one, Dave Rees", stays)."""
    given, family = _ids.gazetteer()
    for m in _ONE_APPOSED.finditer(text):
        if _PAGE_NOUN_BEFORE.search(text, max(0, m.start() - 150), m.start()) is None:
            continue
        if m.group("q"):
            _named_page(text, m.end(), add, given, family)
        else:
            _named_place_page(text, m.end(), add, given, family, closed=3)


def _one_called(text, add):
    """ "one called X", "another one called X" where accounts were just listed or spoken
    of ("@wardy_3, @smudge.wright, one called Plymouth Patriots"): a handle-shaped word or
    a page's name (a person's name, "one called Dave", stays)."""
    given, family = _ids.gazetteer()
    for m in _ONE_CALLED.finditer(text):
        if _ACCOUNTS_BEFORE.search(text, max(0, m.start() - 120), m.start()) is None:
            continue
        tok = _HANDLE_TOKEN.match(text, m.end())
        if tok is not None and not m.group("q") and _plain_id(tok.group()):
            add((m.end(), m.end() + len(tok.group()), "handle", tok.group().lower()))
        else:
            _named_page(text, m.end(), add, given, family)


def _quoted_group_names(text, add):
    """A quoted Title Case name announced by a group, a chat or a page said just before it
    (same sentence for a comma or a colon; after "called" the sentence before may say it:
    'a chat for the partners. It's called "Blue Line Other Halves"'), or a quoted Title
    Case name ending in "Chat" or "Group" where groups or pages are spoken of
    ("'Bramley Dog Walkers Chat'"). Quoted talk ('"Get Out Now" he said'), two ordinary
    words ('"Well Done"') and schemes ("Neighbourhood Watch") stay, by :func:`_title_quoted`."""
    given, family = _ids.gazetteer()
    for q in re.finditer(r"[\"“‘']", text):
        i = q.start()
        if i > 0 and text[i - 1].isalnum():
            continue  # an apostrophe inside a word
        if not (text[i + 1 : i + 2].isupper() or text[i + 1 : i + 2].isdigit()):
            continue
        lead = _QUOTE_LEAD.search(text, max(0, i - 24), i)
        if lead is not None:
            called = lead.group().strip()[:1].isalpha()
            lo = max(0, lead.start() - (90 if called else 60))
            clause = text[lo : lead.start()]
            if not called:
                clause = re.split(r"[.?!]\s", clause)[-1]
            elif len(re.split(r"[.?!]\s", clause)) > 2:
                clause = "".join(re.split(r"([.?!]\s)", clause)[-3:])
            nouns = list(_GROUP_NOUN_NEAR.finditer(clause))
            if nouns and (called or text[i] in '"“') and not _SAID_BEFORE.search(clause, nouns[-1].end()):
                _title_quoted(text, i + 1, add, given, family)
                continue
        span = _quoted_name(text, i)
        if span is not None and text[span[0] : span[1]].split()[-1] in _GROUP_TAIL:
            if _online_near(text, i, span[1], 150, 100):
                _title_quoted(text, i + 1, add, given, family)


#: A display name said with the platform it is shown on: 'she's "Nasreen Khan Proud Mum" on
#: Facebook', 'he goes by "Dai the Van" on TikTok', 'known as "big.kev" on Insta'; a naming
#: word before the quote, so a quoted post ('he wrote "Out Now" on Facebook') stays.
_QUOTED_ON_PLATFORM = re.compile(
    r"(?i:\b(?:she['’]s|he['’]s|they['’]re|i['’]m|we['’]re|you['’]re|it['’]s|is|was|are|were|as|called|named|"
    r"goes\s+by|go\s+by|went\s+by|known\s+as|under|calls\s+(?:her|him|them)sel(?:f|ves))\s+)"
    r"[\"“](?P<n>[^\"”]{2,60})[\"”]"
    rf"(?=\s+(?i:on|in)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?i:{_PLATFORMS})\b)"
)
#: 'a message on Facebook from "Essex Bent Cops"': a quoted name of several words after
#: "from" where messages or a platform were just spoken of (one word: :func:`_quoted_senders`).
_QUOTED_FROM_RUN = re.compile(r"(?i:\bfrom)\s+[\"“](?=[A-Z0-9][^\"”]*\s)")
#: Words for the name an account shows ('the name on the profile, "Wirral Truth"', 'her
#: display name was "Big Sue Official"'): a quoted Title Case name said just after them.
_PROFILE_NAME_BEFORE = re.compile(
    r"(?i:\b(?:(?:display|profile|screen|account|page|user)\s?names?|name\s+on\s+(?:the|her|his|their|its|my|that)\s+"
    r"(?:profile|account|page))\b)"
)

#: Between those words and the quote: 'the name on the profile, "', 'display name was "',
#: 'her bio said "' (a comma, a colon or a verb of being or saying in the same clause).
_PROFILE_LEAD = re.compile(
    r"(?P<gap>[^\"“.?!]{0,30}?)(?:[,:]\s*|\s(?:is|was|were|are|said|says|reads?)\s+)[\"“](?=[A-Z0-9])"
)


#: An account or a profile said to be a quoted name ('the fake account was "Sgt. N. Rahman"',
#: 'his profile is "Dai the Van"', 'the account, it was "Blue Lies Truth"'); what the
#: account said or posted ('the account said "Get Out"') is no name.
_ACCOUNT_WAS = re.compile(
    r"(?i:\b(?:account|profile|handle|login|alias|persona)s?(?:\s+(?:name|one))?"
    r"(?:\s*,?\s+(?:it|that|which)(?:['’]s|\s+was|\s+is)|\s+(?:is|was|were|are)|(?P<s>['’]s))"
    r"\s+(?:(?:called|named|just|literally)\s+)*)[\"“](?=[A-Z0-9])"
)
#: An account or a profile that did something to the speaker, then its quoted name in
#: apposition: 'The fake account messaged me, "Humber Police Welfare"', 'a profile added
#: my daughter: "Sgt Dan Price Official"' (quoted talk in Title Case and persons' names
#: stay: :func:`_title_quoted`).
_ACCOUNT_ACTED = re.compile(
    r"(?i:\b(?:account|profile|page)s?\s+(?:then\s+|just\s+|had\s+|has\s+)?"
    r"(?:messaged|dm['’]?d|dmed|inboxed|added|followed|tagged|contacted|friended|requested|sent)"
    r"\s+(?:me|him|her|us|them|my\s+[a-z]+|our\s+[a-z]+)\s*(?:,|:|\s[-–—])\s*)[\"“](?=[A-Z0-9])"
)
#: A display name said as what someone is on a platform or shows up as: 'he's on as "Rhod
#: the Rebel"', 'she's on there as "Lowri Loves Llamas"', 'he comes up as "Big Kev Deals"',
#: 'I'm listed as "Mam of Three"'.
_SHOWN_AS = re.compile(
    r"(?i:(?:\b(?:is|are|was|were|be|been|being|get|gets|got|comes?|came)|['’](?:s|re|m))\s+on"
    r"(?:\s+(?:there|here|it|that|them|now|still))?\s+as"
    r"|\b(?:shows?|showed|shown|showing|comes?|came|coming|pops?|popped|popping)\s+up\s+as"
    r"|\b(?:appears?|appeared|listed|registered|signed\s+up)\s+as)\s+[\"“](?=[A-Z0-9])"
)


#: Words that say a name is the one an account, a page or a person online goes by: "under
#: the name", "uses the name", "goes by the name of", "the name he uses online is", "the
#: group's name is", "the name of the page was", "the name on it was".
_NAME_LEAD = re.compile(
    r"(?i:\b(?:under|by|uses?|using|used|goes\s+by|went\s+by)\s+the\s+names?(?:\s+of)?"
    r"|\bthe\s+name\s+(?:he|she|they|i|we|you)\s+(?:uses?|used|goes\s+by|went\s+by|posts?\s+under|posted\s+under)"
    r"(?:\s+online|\s+on\s+there|\s+on\s+it)?\s+(?:is|was)"
    r"|\b(?:group|page|account|profile|channel|podcast|chat|server|forum)['’]s\s+name\s+(?:is|was)"
    r"|\bthe\s+name\s+(?:of|on)\s+(?:the|that|his|her|their|its|it|there)"
    r"(?:\s+(?:group|page|account|profile|channel|podcast|chat|server|forum))?\s+(?:is|was))"
    r"\s*[,:]?\s+(?:(?:erm|um|er|just)\s*,?\s+)*(?P<q>[\"“])?(?=[A-Z0-9])"
)


def _name_leads(text, add):
    """A name said after words that say it is the name an account or a page goes by, where
    accounts, pages or platforms are spoken of ("booked a table under the name Jones"
    stays): quoted, a display name; else a run of capitalised words naming a page (a
    person's name, "under the name Dave Smith", stays)."""
    given, family = _ids.gazetteer()
    for m in _NAME_LEAD.finditer(text):
        if not _online_near(text, m.start(), m.end(), 200, 150):
            continue
        if m.group("q"):
            _title_quoted(text, m.end(), add, given, family, named=True)
        else:
            _named_page(text, m.end(), add, given, family, titled=True)


def _display_names(text, add):
    """Display names of accounts said in quotes: shown "on Facebook" after a naming word,
    sent "from" where messages were spoken of, or said after "display name", "the name on
    the profile"; quoted talk, persons' names and ordinary pairs stay (:func:`_title_quoted`)."""
    given, family = _ids.gazetteer()
    for m in _QUOTED_ON_PLATFORM.finditer(text):
        inner = m.group("n").strip()
        words = inner.split()
        if not words or len(words) > 6 or re.search(r"[,?!;]|\.\s", inner):
            continue
        if len(words) == 1:
            if _plain_id(words[0]):
                add((m.start("n"), m.start("n") + len(words[0]), "handle", words[0].lower()))
            continue
        if inner.islower():
            if words[0] in _SPEECH_START or not any(re.search(r"\d", w) or not _ordinary_lower(w) for w in words):
                continue  # 'was "so done" on Insta': ordinary talk
            s = m.start("n") + m.group("n").index(inner)
            add((s, s + len(inner), "handle", " ".join(words)))
            continue
        _title_quoted(text, m.start("n"), add, given, family)
    for m in _QUOTED_FROM_RUN.finditer(text):
        if _MESSAGE_NEAR.search(text, max(0, m.start() - 80), m.start()):
            _title_quoted(text, m.end(), add, given, family)
    for m in _PROFILE_NAME_BEFORE.finditer(text):
        lead = _PROFILE_LEAD.match(text, m.end())
        if lead is None or _SAID_BEFORE.search(lead.group("gap")):
            continue  # 'the page name, he put "..."': what someone wrote, no name
        _title_quoted(text, lead.end(), add, given, family, named=True)
    if "account" in text or "profile" in text or "handle" in text or "login" in text or "alias" in text:
        for m in _ACCOUNT_WAS.finditer(text):
            # 'the account's "Featured Posts"' may be a part of it: two ordinary words stay
            _title_quoted(text, m.end(), add, given, family, named=m.group("s") is None)
        for m in _ACCOUNT_ACTED.finditer(text):
            _title_quoted(text, m.end(), add, given, family)
    if " as " in text:
        for m in _SHOWN_AS.finditer(text):
            if _online_near(text, m.start(), m.end(), 200, 150):
                # not without an account or a platform near ('it came up as "Private
                # Number"' on a phone, 'she was on as "Lady Macbeth"' in a play)
                _title_quoted(text, m.end(), add, given, family)


#: What a page or a group does, said right after its name in apposition ("a page,
#: Scouse Justice, put up a post", "the group, Mersey Mams, shared it").
_POSTED_AFTER = re.compile(
    r",\s+(?:then\s+|had\s+|have\s+|has\s+)?(?:put\s+up|put\s+out|posted|shared|reposted|uploaded|published|"
    r"screenshotted|tagged|named|doxxed|reshared)\b"
)
#: "Spotted" pages, a town's gossip page named "Spotted: Bury", "Spotted Wigan", "Spotted
#: in Leigh", said after the word that puts something on it ("put it on Spotted: Bury").
_SPOTTED_PAGE = re.compile(
    r"(?i:\b(?:on|onto|to|in|from|page|group|called|named)\s+(?:the\s+)?)"
    r"(?P<n>Spotted(?:\s*:\s*|\s+(?:in\s+|at\s+|[-–]\s+)?)"
    rf"[{_ids._UP}][\w'’-]+(?:\s+[{_ids._UP}][\w'’-]+){{0,2}})"
)


def _spotted_pages(text, add):
    """A "Spotted" page named with its town ("on Spotted: Bury", "the Spotted Leigh page");
    "Spotted Him" (talk) and a calendar word after it stay."""
    for m in _SPOTTED_PAGE.finditer(text):
        name = m.group("n")
        words = re.findall(r"[\w'’-]+", name)[1:]
        words = [w for w in words if w not in ("in", "at")]
        if not words or words[0] in _NOT_ACCOUNT_START or any(w in _PRONOUNS or _ids._calendar(w) for w in words):
            continue
        add((m.start("n"), m.end("n"), "handle", re.sub(r"\s+", " ", name).lower()))


_SCHOOL_YEAR = re.compile(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)")


def _named_place_page(text, s, add, given, family, closed=0, stop=False):
    """After "a page, " a run of capitalised words with a place and another word in it
    ("Hucknall Mums Online"): a page's name; a force, a person, a place alone or ordinary
    words alone ("Victim Support") are not. ``closed``: a run of that many words or more
    that the punctuation closes ("a page, Truth For Tyneside Lads, and") needs no place;
    ``stop``: the run must end its sentence (the name said on its own after "a group.")
    and have ``closed`` words."""
    words, end = _run_words(text, s)
    if len(words) < 2 or (words[0] == "Year" and (words[1][:1].isdigit() or _SCHOOL_YEAR.fullmatch(words[1]))):
        return  # "a group chat called Year Nine Legends": the members' school year, no name
    content = [w for w in words if w not in _CONNECTORS]
    long_closed = bool(closed) and len(content) >= closed and _NAME_CLOSED.match(text, end) is not None
    if long_closed and len(content) == 2 and not any(w[:1].isdigit() or w in _COP_WORDS for w in content):
        # two words closed ("was called Shift 3 Banter,"): not two ordinary words ("Victim Support")
        long_closed = not all(_ids.is_ordinary(w) for w in content)
    if closed and not long_closed and len(content) == 2 and _POSTED_AFTER.match(text, end) is not None:
        # "a Facebook page, Scouse Justice, put up a post": two words closed and the page
        # did what pages do (a person's name, "Sarah Jones", is no page's, by _page_name_ok)
        long_closed = not any(w[:1].islower() for w in content)
    if stop and not (long_closed and re.match(r"\s*[.!?]", text[end:])):
        return
    if all(_place_like(w) for w in content):
        return
    # "The page was Constable Country Cop Watch": a page's last word after a word for the
    # police (or a strong one, "Exposed") names a page without a place
    page_tail = words[-1] in _TAIL_STRONG or (
        words[-1] in ("Watch", "Watchers") and any(w in _COP_WORDS for w in content[:-1])
    )
    if not any(_place_like(w) for w in content) and not long_closed and not page_tail:
        return
    pattern, _lookup = _ids.force_table()
    if pattern.fullmatch(" ".join(words)):
        return
    _named_page(text, s, add, given, family, titled=long_closed)


# ---------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------


def find(text: str, add, folded) -> None:
    """Candidates of this area in ``text`` (``folded`` is ``text.casefold()`` when it
    keeps the length, else ``None``)."""
    low = folded
    if low is None:
        low = text.lower()
        if len(low) != len(text):  # positions would not agree: the position-free rules only
            low = None
    _shape_handles(text, add)
    _former_forces(text, add)
    if "." in text:
        _other_urls(text, add)
    if (
        "hxxp" in text
        or "hXXp" in text
        or "HXXP" in text
        or "[.]" in text
        or "(.)" in text
        or "dot]" in text
        or "dot)" in text
    ):
        _defanged_urls(text, add)
    if low is None:
        return
    if " at " in low or " at, " in low or "[at]" in low or "(at)" in low or " @ " in low:
        _spoken_emails(text, add, low)
    if " dot " in low:
        _spoken_urls(text, add)
        if " dot example dot " in low or "w dot " in low:
            _word_hosts(text, add)
    seen: set = set()
    if "#" in text or "hash" in low:
        _channel_names(text, add, low)
    _announced_handles(text, add, low, seen)
    _page_names(text, add, low)
    # an account or platform word in the text ("name", "handle", "account", "insta", ...:
    # all of them announcing words, found above), or "spell"
    hinted = bool(seen.intersection(_SPELL_HINTS)) or "spel" in low
    _said_handles(text, add, low, hinted)
    if " at " in low or " at, " in low:
        _at_said_handles(text, add)
    _answered_handles(text, add, low)
    if "chang" in low or "renam" in low or "switch" in low:
        _renamed_handles(text, add)
    if '"' in text or "“" in text:
        if "called" in low or "known" in low or "named" in low:
            _quoted_then_called(text, add)
        if '" is ' in text or '" was ' in text or "” is " in text or "” was " in text:
            _quoted_is_page(text, add)
    if '"' in text or "“" in text or "‘" in text or "'" in text:
        _quoted_group_names(text, add)
    if "one called" in low or "one named" in low or "another called" in low or "another named" in low:
        _one_called(text, add)
    if "one," in low or "one:" in low or "one -" in low or "one –" in low or "one —" in low:
        _one_apposed(text, add)
    if "Spotted" in text:
        _spotted_pages(text, add)
    if "from " in low:
        _quoted_senders(text, add)
    if '"' in text or "“" in text:
        _display_names(text, add)
    if " name" in low:
        _name_leads(text, add)
    if ":" in text and (
        "posted" in low or "wrote" in low or "commented" in low or "replied" in low or "tweeted" in low
    ):
        _camel_posters(text, add)
    if hinted and _ids._DIGIT.search(text) is not None:
        _digit_words(text, add, low)


#: A former or merged force said by its old area alone ("a special with Lothian and
#: Borders, as it was", "I joined Strathclyde in 1998", "twenty years in the old Grampian"):
#: the stems of the variants of ``uk_police_forces.csv`` ("Strathclyde Police"), which are
#: places too, so taken only with a cue of service before them or of time after them.
_FORMER_BEFORE = re.compile(
    r"(?i:\b(?:(?:specials?|officers?|constables?|pcs?|sergeants?|sarges?|inspectors?|detectives?|cops?|coppers?|"
    r"bobb(?:y|ies)|served|serving|joined|transferred|retired|career|service)"
    r"(?:\s+(?:with|in|for|from|to|into|at|out\s+of))?\s+(?:the\s+)?(?:old\s+|former\s+)?"
    r"|(?:was|were|been|started|years?|time)\s+(?:with\s+(?:the\s+)?(?:old\s+|former\s+)?|in\s+the\s+(?:old|former)\s+)))$"
)
_FORMER_AFTER = re.compile(
    r"(?i:\s*,?\s*\(?(?:as\s+(?:it\s+|they\s+)?(?:was|were|used\s+to\s+be)|back\s+then|in\s+them\s+days|"
    r"before\s+(?:the\s+merger|it\s+merged|they\s+merged|Police\s+Scotland)|(?:and\s+)?now\s+Police\s+Scotland|"
    r"(?:that\s+)?(?:was|were)\s+merged))"
)


@lru_cache(maxsize=1)
def _former_stems():
    """``(pattern, {stem: canonical force})`` for the variant stems no force name gives."""
    _pattern, lookup = _ids.force_table()
    stems = {}
    for row in _ids._win_rules.force_rows():
        for v in row["variants"].split(";"):
            v = v.strip()
            stem = re.sub(r"\s+(?:Police(?:\s+Service)?|Constabulary)$", "", v)
            if (
                v
                and stem != v
                and stem.lower() not in lookup
                and len(stem) > 3
                and stem not in ("Scottish", "Northern")
            ):
                stems[stem] = row["name"].strip()
    alternation = "|".join(re.escape(k) for k in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])"), stems


def _former_forces(text, add):
    """Forces of :data:`_FORMER_BEFORE` / :data:`_FORMER_AFTER`."""
    pattern, stems = _former_stems()
    if not any(k in text for k in stems):  # str.find first: far cheaper than the pattern
        return
    for m in pattern.finditer(text):
        if _FORMER_AFTER.match(text, m.end()) or _FORMER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            add((m.start(), m.end(), "force", stems[m.group()]))


#: "@" used for "at" before a time or a price: "see you @7", "@ 7.30pm", "two @ 50p".
_AT_NOT_HANDLE = re.compile(r"@(?:\d{1,2}(?:[:.]\d{2})?(?:am|pm|ish)?|\d+p|\d+(?:am|pm))$", re.IGNORECASE)


#: A number, a count or a measure where a user name was expected ("Xbox 360", "14.5k").
_NUMBER_NOT_HANDLE = re.compile(
    r"\d+(?:[.,]\d+)*(?:k|m|bn|ft|in|cm|mm|kg|g|st|lb|lbs|mph|kph|am|pm|th|st|nd|rd|s|x|p|hrs?|mins?|yrs?)?",
    re.IGNORECASE,
)


def revise(text: str, found: list) -> list:
    """``found`` after this area's corrections: "@" before a time or a price is no handle;
    every handle's identity is written with one "@" ("@blue_line_liars", said with or
    without it), so the same account receives the same pseudonym however it is given."""
    out = []
    for f in found:
        if f[2] == "handle":
            said = text[f[0] : f[1]]
            if "@" in said and _AT_NOT_HANDLE.match(said):
                continue
            if not said.startswith("@") and _NUMBER_NOT_HANDLE.fullmatch(said):
                continue  # "his Xbox 360", "my Snapchat, 2019", "her Insta was 14.5k": no name
            ident = f[3]
            if not ident.startswith("@") or ident.startswith("@@"):
                f = (f[0], f[1], f[2], "@" + ident.lstrip("@"))
        elif f[2] == "url" and _brand_home(text[f[0] : f[1]]):
            continue  # "tesco.com", "www.argos.co.uk": a brand's home page points to nobody
        elif f[2] == "url" and text[max(0, f[0] - 4) : f[0]].casefold() == " at " and _format_domain(text, f):
            continue  # "first dot last at force dot police dot uk": the domain of a format
        out.append(f)
    return out


def _format_domain(text: str, f) -> bool:
    """The url ``f`` is the domain of an e-mail format said aloud ("first dot last at ...")."""
    for m in SPOKEN_EMAIL.finditer(text, max(0, f[0] - 80), f[1]):
        if m.end() == f[1] and m.end("at") == f[0]:
            return _format_local(m.group("local"))
    return False


def _brand_home(said: str) -> bool:
    """A bare host whose name is a brand or platform that identifies nobody ("tesco.com")."""
    if "/" in said or "@" in said or " " in said:
        return False
    host = said.lower().removeprefix("www.")
    name, _, rest = host.partition(".")
    return rest in ("com", "co.uk", "uk", "net", "org", "org.uk") and name in _brands_folded()
