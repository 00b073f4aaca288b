"""Redaction of personal identifiers in transcripts and documents, with consistent
pseudonyms and a separate log.

``redact`` handles one text; a :class:`Redactor` (or ``redact_many``) applies one
consistent mapping to many texts, so the same officer is ``[Officer A]`` everywhere in a
project. The log maps every replacement back to the original: it is personal data, keep
it apart from the redacted outputs (never in the evidence pack).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from toolkit.errors import ParameterError, check_n_jobs
from toolkit.io.export import write_csv, write_workbook
from toolkit.qual import _identifiers as _ids
from toolkit.qual._review_candidates import candidates as _candidates

__all__ = [
    "redact",
    "redact_many",
    "Redactor",
    "KINDS",
    "review_sheet",
    "write_review_sheet",
    "read_review_sheet",
    "apply_review",
    "residual_risk",
]

#: Kinds of identifier found, as they appear in the log's ``kind`` column.
KINDS = _ids.KINDS
LOG_COLUMNS = ["start", "end", "kind", "original", "replacement"]


def _letters(number: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (spreadsheet-column style)."""
    out = ""
    number += 1
    while number:
        number, rem = divmod(number - 1, 26)
        out = chr(65 + rem) + out
    return out


class Redactor:
    """Finds identifiers and replaces them with pseudonyms kept consistent across texts.

    Parameters
    ----------
    names : iterable of str or mapping of str to str
        Personal names to redact wherever they occur (case-insensitive, whole words), in
        addition to ranks followed by a surname ("PC Smith"), which are always found. A
        mapping ``{"Sarah Connor": "p1", "Sarah": "p1"}`` gives several forms one person.
        Without a mapping, a person is identified by their last name, so "John Smith",
        "PC Smith" and "Inspector Smith" share one pseudonym.
    key : str or bytes, optional
        Secret key. With a key, pseudonym letters are derived from
        ``HMAC-SHA256(key, kind + identity)``: the same person gets the same pseudonym in
        every text, run and project redacted with that key, in any order. Without a key,
        letters are given in order of first appearance (A, B, ..., Z, AA, ...), which is
        reproducible for the same texts in the same order.
    kinds : iterable of str, optional
        Kinds to redact (default: all of :data:`KINDS`).
    surrogates : {"labels", "names"}
        ``"labels"`` (default) writes ``[Officer A]``, ``[Person B]``, ``[Phone A]``...;
        ``"names"`` gives each person a realistic replacement name from the name
        gazetteer (chosen by the key when given, else in order of appearance), keeping
        the form: a given name for a given name, a surname for a surname, a common rank
        before a surname ("PC Smith" -> "PC Harding"). Other kinds keep labels.

    Attributes
    ----------
    mapping : pandas.DataFrame
        ``kind, identity, replacement``: every pseudonym given so far (personal data).
    """

    def __init__(self, *, names=(), key=None, kinds=None, surrogates="labels"):
        if surrogates not in ("labels", "names"):
            raise ParameterError(
                f"The 'surrogates' parameter of Redactor must be 'labels' or 'names'. Got {surrogates!r} instead."
            )
        self._surrogates = surrogates
        self._names_given: dict[str, tuple[str, str]] = {}
        if isinstance(key, str):
            key = key.encode("utf-8")
        if key is not None and not isinstance(key, bytes):
            raise ParameterError(
                f"The 'key' parameter of Redactor must be a str or bytes. Got {type(key).__name__} instead."
            )
        self._key = key
        kinds = tuple(KINDS) if kinds is None else tuple(kinds)
        for kind in kinds:
            if kind not in KINDS:
                raise ParameterError(
                    f"The 'kinds' parameter of Redactor must list kinds from {list(KINDS)}. Got {kind!r} instead."
                )
        self._kinds = frozenset(kinds)
        self._names_pattern, self._names_lookup = self._compile_names(names)
        self._labels: dict[tuple[str, str], str] = {}
        self._officers: set[str] = set()
        self._known_surnames: set[str] = set()
        self._used: dict[str, set[str]] = {}

    @staticmethod
    def _compile_names(names):
        if isinstance(names, str):
            names = [names]
        if isinstance(names, Mapping):
            pairs = [(str(k), str(v)) for k, v in names.items()]
        elif isinstance(names, Iterable):
            pairs = []
            for n in names:
                if not isinstance(n, str):
                    raise ParameterError(
                        f"The 'names' parameter of redact must hold strings. Got {n!r} ({type(n).__name__}) instead."
                    )
                parts = n.split()
                pairs.append((n, parts[-1].lower() if parts else n))
        else:
            raise ParameterError(
                f"The 'names' parameter of redact must be a list of names or a mapping of "
                f"name to person id. Got {type(names).__name__} instead."
            )
        pairs = [(k.strip(), v) for k, v in pairs if k.strip()]
        if not pairs:
            return None, {}
        lookup = {re.sub(r"\s+", " ", k.lower()): v for k, v in pairs}
        # surnames of multi-word names alone, capitalised only ("Smith's sergeant")
        surnames = {}
        for k, v in pairs:
            parts = k.split()
            if len(parts) > 1 and len(parts[-1]) >= 3 and parts[-1][0].isupper():
                surnames.setdefault(parts[-1], v)
        for k, v in surnames.items():
            lookup.setdefault(k.lower(), v)
        full = "|".join(
            re.escape(k).replace(r"\ ", r"\s+")
            for k in sorted({re.sub(r"\s+", " ", k) for k, _ in pairs}, key=len, reverse=True)
        )
        alternation = f"(?i:{full})"
        if surnames:
            alternation += "|" + "|".join(re.escape(k) for k in sorted(surnames, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), lookup

    def _label(self, kind: str, identity: str) -> str:
        known = self._labels.get((kind, identity))
        if known is not None:
            return known
        used = self._used.setdefault(kind, set())
        if self._key is None:
            letters = _letters(len(used))
        else:
            digest = hmac.new(self._key, f"{kind}\0{identity}".encode(), hashlib.sha256).digest()
            number = int.from_bytes(digest, "big")
            width = 4
            while True:
                letters = ""
                rest = number
                for _ in range(width):
                    rest, rem = divmod(rest, 26)
                    letters += chr(65 + rem)
                if letters not in used:
                    break
                width += 1
        used.add(letters)
        word = _ids.LABELS[kind]
        if kind == "person" and identity in self._officers:
            word = "Officer"
        label = f"[{word} {letters}]"
        self._labels[(kind, identity)] = label
        return label

    def find(self, text: str) -> pd.DataFrame:
        """Identifiers in ``text`` without redacting: ``start, end, kind, original``."""
        rows = [
            (s, e, k, text[s:e])
            for s, e, k, _ in _ids.find_identifiers(text, self._names_pattern, self._names_lookup)
            if k in self._kinds
        ]
        return pd.DataFrame(rows, columns=["start", "end", "kind", "original"])

    def redact(self, text: str):
        """Redact one text; return ``(redacted_text, log)`` (see :func:`redact`)."""
        if not isinstance(text, str):
            raise ParameterError(
                f"redact needs a str of text. Got {type(text).__name__} instead; for many "
                "texts use redact_many or Redactor.redact_many."
            )
        red, rows = self._redact_rows(text)
        log = pd.DataFrame(rows, columns=LOG_COLUMNS).astype({"start": "int64", "end": "int64"})
        return red, log

    def _redact_rows(self, text: str, *prefix, found=None):
        """``(redacted_text, rows)``: rows are ``(*prefix, start, end, kind, original,
        replacement)`` tuples (no DataFrame per text, so many texts stay fast).

        ``found``, when given, is ``(identifiers, officers)`` computed beforehand (by a
        worker process): labels are still given here, in document order."""
        if found is None:
            found = _ids.find_identifiers(text, self._names_pattern, self._names_lookup, self._officers)
        else:
            found, officers = found
            self._officers.update(officers)
        found = self._with_known_surnames(text, found)
        pieces = []
        rows = []
        pos = 0
        for start, end, kind, identity in found:
            if kind not in self._kinds and kind not in _REVIEW_KINDS:
                continue
            label = self._label(kind, identity)
            if self._surrogates == "names" and kind == "person":
                label = self._surrogate_name(identity, text[start:end], text[max(0, start - 40) : start])
            pieces.append(text[pos:start])
            pieces.append(label)
            rows.append((*prefix, start, end, kind, text[start:end], label))
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces), rows

    def redact_many(self, texts, *, ids=None, n_jobs=1):
        """Redact many texts with one mapping; return ``(list_of_texts, log)``.

        The log has a first column ``document`` (the position in ``texts``, or the
        matching entry of ``ids``; a Series' index is used when ``ids`` is None).
        With ``n_jobs`` > 1 the identifiers are found in that many worker processes
        (``-1``: one per core); pseudonyms are then given in document order, so the
        result is identical to the serial run.
        """
        if isinstance(texts, str):
            raise ParameterError("redact_many needs a list or Series of texts, not one str; use redact for one.")
        if not isinstance(texts, (list, tuple, pd.Series)):
            raise ParameterError(
                "The 'texts' parameter of redact_many must be a list, tuple or pandas Series "
                f"of str. Got {type(texts).__name__} instead."
            )
        if ids is None:
            ids = list(texts.index) if isinstance(texts, pd.Series) else None
        texts = list(texts)
        ids = list(range(len(texts))) if ids is None else list(ids)
        if len(ids) != len(texts):
            raise ParameterError(
                f"The 'ids' parameter of redact_many must have one id per text ({len(texts)}). Got {len(ids)} instead."
            )
        for text in texts:
            if not isinstance(text, str):
                self.redact(text)  # raises the error naming the problem
        n_jobs = check_n_jobs(n_jobs, function="redact_many")
        pre = [None] * len(texts)
        if n_jobs > 1 and len(texts) > 1:
            pre = self._find_parallel(texts, n_jobs)
        out, rows = [], []
        for doc, text, found in zip(ids, texts, pre):
            red, found = self._redact_rows(text, doc, found=found)
            out.append(red)
            rows.extend(found)
        log = pd.DataFrame(rows, columns=["document", *LOG_COLUMNS]).astype({"start": "int64", "end": "int64"})
        return out, log

    def _find_parallel(self, texts, n_jobs):
        n_chunks = min(len(texts), n_jobs * 4)
        size = -(-len(texts) // n_chunks)
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        args = [(c, self._names_pattern, self._names_lookup) for c in chunks]
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            results = list(pool.map(_find_chunk, args))
        return [item for chunk in results for item in chunk]

    def _with_known_surnames(self, text, found):
        """Add surnames seen in earlier texts (with a rank or a given name) where they
        stand alone here ("Smith said..."), then learn this text's surnames."""
        if self._known_surnames and "person" in self._kinds:
            extra = [
                (m.start(), m.end(), "person", m.group().lower().replace("’", "'"))
                for m in _ids._NAME_TOKEN.finditer(text)
                if m.group() in self._known_surnames
            ]
            if extra:
                found = _ids.resolve_overlaps(list(found) + extra)
        for start, end, kind, identity in found:
            if kind != "person":
                continue
            words = text[start:end].split()
            last = words[-1] if words else ""
            last = last[:-2] if last.endswith(("'s", "’s")) else last
            if (
                len(words) > 1
                and len(last) >= 3
                and last[0].isupper()
                and last not in _ids.AMBIGUOUS_GIVEN
                and last not in _ids.NOT_SURNAMES
                and last.lower().replace("’", "'") == identity
            ):
                self._known_surnames.add(last)
        return found

    def _surrogate_name(self, identity, original, before=""):
        """A realistic replacement keeping the form of ``original`` (and, when the words
        just before it say so, "my wife", "Mrs", the person's gender)."""
        pair = self._names_given.get(identity)
        if pair is None:
            given, family = _surrogate_pool()
            cue = before + " " + original.split()[0]
            last_f = max((m.end() for m in _FEMALE_CUES.finditer(cue)), default=-1)
            last_m = max((m.end() for m in _MALE_CUES.finditer(cue)), default=-1)
            if last_f > last_m:
                given = _SURROGATE_FEMALE
            elif last_m > last_f:
                given = _SURROGATE_MALE
            if self._key is None:
                i = len(self._names_given)
                pick = (i * 7919) % len(given), (i * 104729) % len(family)
            else:
                d = hmac.new(self._key, f"name\0{identity}".encode(), hashlib.sha256).digest()
                pick = (int.from_bytes(d[:8], "big") % len(given), int.from_bytes(d[8:16], "big") % len(family))
            used = set(self._names_given.values())
            pick = pick[0] % len(given), pick[1]
            while (given[pick[0]], family[pick[1]]) in used:
                pick = (pick[0] + 1) % len(given), (pick[1] + 1) % len(family)
            pair = (given[pick[0]], family[pick[1]])
            self._names_given[identity] = pair
        words = original.split()
        rank = None
        for r in _COMMON_RANKS:
            if original.startswith(r + " ") and len(words) > len(r.split()):
                rank, words = r, words[len(r.split()) :]
                break
        if words and words[0].isdigit():
            words = words[1:]
        if len(words) >= 2:
            out = f"{pair[0]} {pair[1]}"
        elif rank is not None or (words and words[0].lower() == identity and identity not in _given_lower()):
            out = pair[1]
        else:
            out = pair[0]
        return f"{rank} {out}" if rank else out

    def save_key(self, path):
        """Write the keyed mapping (``kind, identity, replacement``) to a CSV at ``path``.

        The mapping re-identifies people: keep it apart from the redacted texts, with the
        research team's key, never in an evidence pack (a path inside a folder holding an
        evidence pack's ``manifest.json`` is refused). :meth:`load_key` continues it.
        """
        path = Path(path)
        for parent in [path.parent, *path.parent.parents]:
            if (parent / "manifest.json").exists() and (parent / "tables").exists():
                raise ParameterError(
                    f"Redactor.save_key: {path} lies inside an evidence pack ({parent}); "
                    "the re-identification key must be stored apart from the pack."
                )
        table = self.mapping
        if self._surrogates == "names":
            names = {i: f"{g} {f}" for i, (g, f) in self._names_given.items()}
            table["surrogate_name"] = [
                names.get(i, "") if k == "person" else "" for k, i in zip(table["kind"], table["identity"])
            ]
        path.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(path, index=False, encoding="utf-8")
        return path

    @classmethod
    def load_key(cls, path, *, names=(), key=None, kinds=None, surrogates="labels"):
        """A Redactor that continues the mapping written by :meth:`save_key`: people
        already seen keep their pseudonyms, new people get new ones."""
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = {"kind", "identity", "replacement"} - set(table.columns)
        if missing:
            raise ParameterError(
                f"Redactor.load_key: {path} is not a mapping written by save_key (columns {sorted(missing)} missing)."
            )
        red = cls(names=names, key=key, kinds=kinds, surrogates=surrogates)
        for kind, identity, label in zip(table["kind"], table["identity"], table["replacement"]):
            red._labels[(kind, identity)] = label
            red._used.setdefault(kind, set()).add(label.strip("[]").rsplit(" ", 1)[-1])
            if label.startswith("[Officer "):
                red._officers.add(identity)
        if "surrogate_name" in table:
            for identity, name in zip(table["identity"], table["surrogate_name"]):
                if name:
                    g, _, f = name.partition(" ")
                    red._names_given[identity] = (g, f)
        return red

    @property
    def mapping(self) -> pd.DataFrame:
        rows = [(k, i, lab) for (k, i), lab in self._labels.items()]
        return pd.DataFrame(rows, columns=["kind", "identity", "replacement"])


_REVIEW_KINDS = frozenset({"place", "number"})
_COMMON_RANKS = (
    "PCSO",
    "PC",
    "DC",
    "Sgt",
    "Sergeant",
    "DS",
    "Inspector",
    "Insp",
    "DI",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
)


#: Replacement names (common in the UK; facts, compiled for the toolkit). The choice
#: depends on the key or the order of appearance only.
_SURROGATE_FEMALE = """Abbie Adele Aisha Alice Amy Anna Asha Beth Caroline Chloe Claire Danielle
Deborah Eleanor Emma Erin Faye Fiona Gemma Hannah Harriet Heidi Helen Holly Jade Jane Jenny
Joanna Julie Karen Katie Kelly Kirsty Laura Leah Lisa Louise Lucy Maria Megan Michelle Molly
Nadia Naomi Natalie Nicola Nina Priya Rachel Rebecca Rosie Ruth Saima Sandra Shona Sophie
Tanya Tracey Vicky Yasmin Zoe""".split()
_SURROGATE_MALE = """Aaron Adam Aidan Alan Amir Andrew Anthony Ben Callum Carl Chris Colin Connor
Craig Daniel Darren David Dean Declan Dylan Elliot Eric Ewan Gavin Graham Hassan Ian Imran
Isaac James Jamie Jason Joel Jordan Joseph Keith Kieran Leon Lewis Liam Luke Martin Matthew
Neil Niall Oliver Omar Owen Paul Peter Ravi Rhys Richard Robert Ryan Sam Samir Scott Sean
Simon Stephen Steven Stuart Thomas Tom Tyler Wayne""".split()
_SURROGATE_GIVEN = sorted(set(_SURROGATE_FEMALE) | set(_SURROGATE_MALE))
_FEMALE_CUES = _ids.re.compile(
    r"(?i:\b(?:wife|daughter|mum|mom|mother|sister|nan|nana|gran|granny|grandma|"
    r"granddaughter|aunt|auntie|niece|girlfriend|fianc[ée]e|stepdaughter|stepmum|"
    r"step-daughter|girl|ex-wife|landlady|mrs|ms|miss|she|her)\b)"
)
_MALE_CUES = _ids.re.compile(
    r"(?i:\b(?:husband|son|dad|father|brother|grandad|grandpa|grandson|uncle|nephew|"
    r"boyfriend|fianc[ée]|stepson|stepdad|step-son|boy|lad|ex-husband|landlord|mr|he|"
    r"his|him)\b)"
)
_SURROGATE_FAMILY = """Abbott Ahmed Akhtar Allen Anderson Armstrong Atkinson Bailey Baker Barker
Barnes Bates Bennett Berry Bibi Bird Bishop Booth Bradley Briggs Brooks Burton Butler Byrne
Campbell Carr Carter Chapman Clarke Cole Collins Cook Cooper Cox Crawford Cunningham Dale
Dawson Day Dixon Doyle Duncan Edwards Ellis Evans Farrell Fisher Fleming Fletcher Ford Foster
Fox Fraser Gardner Gibson Gill Gordon Graham Grant Gray Griffiths Hamilton Hardy Harper Harris
Hart Harvey Hayes Henderson Hewitt Holland Holmes Hopkins Howard Hughes Hunt Hussain Iqbal
Jackson James Jenkins Johnston Kaur Kelly Kennedy Khan Knight Lambert Lawrence Lee Lloyd Lowe
Malik Marsh Marshall Mason Matthews McCarthy Mills Mitchell Moore Morgan Morris Murphy Murray
Nelson Newman Nicholson Norris O'Connor Osborne Owen Palmer Parker Parsons Payne Pearce Pearson
Perry Phillips Porter Powell Quinn Rahman Reid Reynolds Richards Riley Roberts Robertson Rogers
Rose Ross Russell Ryan Saunders Scott Shah Sharma Shaw Simpson Singh Slater Spencer Stevens
Stewart Sutton Taylor Thomson Townsend Turner Walsh Ward Watson Webb Wells West Wilkinson Wood
Wright Young""".split()


def _surrogate_pool():
    return _SURROGATE_GIVEN, _SURROGATE_FAMILY


def _given_lower():
    return {n.lower() for n in _ids.gazetteer()[0]}


def _find_chunk(args):
    """Worker: ``(identifiers, officers)`` for each text of a chunk."""
    texts, pattern, lookup = args
    out = []
    for text in texts:
        officers = set()
        out.append((_ids.find_identifiers(text, pattern, lookup, officers), officers))
    return out


def redact(text, *, names=(), key=None, kinds=None):
    """Replace personal identifiers in a text by pseudonyms; return the text and a log.

    Parameters
    ----------
    text : str
        The text to redact.
    names : iterable of str or mapping, optional
        Personal names to redact wherever they occur (see :class:`Redactor`).
    key : str or bytes, optional
        Secret key making pseudonyms stable across texts and runs (HMAC-SHA256).
    kinds : iterable of str, optional
        Kinds to redact; default all of :data:`KINDS`: ``email, url, handle,
        nhs_number, ni_number, phone, postcode, vehicle, date_of_birth, warrant_number,
        collar_number, force, station, school, workplace, address, person, place``.

    Returns
    -------
    redacted : str
        The text with every identifier replaced by ``[Label X]`` (``[Officer A]`` for a
        person named with a rank, ``[Person B]`` for others, ``[Force A]``,
        ``[Phone A]``, ...).
    log : pandas.DataFrame
        One row per replacement, columns

        - ``start``, ``end``: 0-based code point offsets in the original text (end
          exclusive).
        - ``kind``: the kind of identifier.
        - ``original``: the text replaced (personal data: keep the log apart from outputs).
        - ``replacement``: the pseudonym written instead.

    Notes
    -----
    Identifiers found (rules in :mod:`toolkit.qual._identifiers`):

    - persons: names given in ``names``; a rank or title followed by an optional first
      name or initial and a surname ("PC Smith", "DS Sarah Jones", "Ch Insp O'Neil",
      "Mr Patel"; the rank is replaced with the name, since a rare rank identifies too;
      "PC 1234 Smith" loses the number and the name); names after kinship words ("my
      wife Sarah", "our son Jack"), after "called", "known as"..., nicknames in quotes;
      given names of the bundled gazetteer (``toolkit/data/names_given*.txt``, from Faker
      and a UK supplement) with the capitalised word after them. Given names that are
      ordinary words (Will, May, Hope, Grace...) count only with a surname, a kinship
      word, or inside a sentence; surnames seen in a full name are found alone later.
    - collar / shoulder numbers ("collar number 4521", "PC 1234", a bare number in a
      sentence about a collar number) and warrant card numbers.
    - police stations, custody suites and named units ("Longsight police station", "work
      out of Fratton", "Leeds CID", "the Kirkstall Neighbourhood Policing Team",
      "Wakefield Road control room", "Coventry Central", "the response officers at
      Lewisham"; generic units such as "the Cyber Crime Unit" stay), schools ("St
      Anselm's Primary", "goes to Hillcrest High", "the University of Leeds", "Ysgol
      Gymraeg Treganna"), workplaces ("works at Kwik Fit in Gateshead", "a porter at X",
      "employed by X", "her employer, X", "my wife's salon, X", "Hartley & Finch
      Solicitors"; "works in IT", "for the NHS" stay), street addresses, estates and where
      people live ("12 Briar Close", "we live in Penarth", "the Gipton estate", "my mum's
      in Whitby"), other places named after a preposition ("lives on her own in
      Cheadle", "I police Bentilee": kind ``place``; months, platforms, countries,
      courts and large regions excluded), dates of birth ("born on 3 March 2012", "DOB
      02/07/1979", "born in March 1985", "turned 9 on 4 July") and NHS numbers (with
      the modulus-11 check digit).
    - police forces and their abbreviations from ``toolkit/data/uk_police_forces.csv``
      ("GMP" and "Greater Manchester Police" share one pseudonym).
    - social-media handles (``@name``, user names, and the names of Facebook pages and
      groups and of channels: "a group called Exeter Watchers", "Oldham Cop Watch")
      and profile URLs (and any ``http(s)://`` URL).
    - e-mail addresses (no external suffix list: any 2-24 letter top-level domain).
    - UK phone numbers (10 or 11 digits from a leading 0 or +44, spaces, hyphens and
      brackets allowed; Ofcom drama numbers such as 01632 960xxx, 020 7946 0xxx,
      07700 900xxx included).
    - postcodes, vehicle registrations (current, prefix and suffix formats), National
      Insurance numbers.

    Overlapping matches are resolved by earliest start, then longest match. Recall and
    precision per kind are measured in the test suite on a seeded planted set and on
    hand-annotated interview excerpts (``tests/data/redaction``; figures printed by
    ``benchmarks/bench_redact.py``). Rules find what they were written for: review the
    result before release (:func:`review_sheet`, :func:`residual_risk`).

    Examples
    --------
    >>> text = "PC Smith (collar number 4521) of GMP was tagged by @troll_99; later Smith's " \\
    ...        "sergeant, DS Jones, rang 07700 900123."
    >>> red, log = redact(text, names=["John Smith"])
    >>> red
    "[Officer A] (collar number [Collar number A]) of [Force A] was tagged by [Handle A]; later [Officer A]'s sergeant, [Officer B], rang [Phone A]."
    >>> list(log["kind"])
    ['person', 'collar_number', 'force', 'handle', 'person', 'person', 'phone']
    """
    return Redactor(names=names, key=key, kinds=kinds).redact(text)


def redact_many(texts, *, names=(), key=None, kinds=None, ids=None, n_jobs=1):
    """Redact many texts with one consistent mapping; return ``(texts, log)``.

    See :func:`redact` for what is found; the log gains a first column ``document``.
    ``n_jobs`` worker processes find the identifiers (``-1``: one per core); the result
    is identical to the serial run.

    Examples
    --------
    >>> texts = ["Inspector Patel called.", "Ask Inspector Patel or PC Brown."]
    >>> red, log = redact_many(texts)
    >>> red
    ['[Officer A] called.', 'Ask [Officer A] or [Officer B].']
    >>> list(log.columns)
    ['document', 'start', 'end', 'kind', 'original', 'replacement']
    """
    return Redactor(names=names, key=key, kinds=kinds).redact_many(texts, ids=ids, n_jobs=n_jobs)


# ---------------------------------------------------------------------------------------
# Review before release
# ---------------------------------------------------------------------------------------

#: Kinds found by a checked format (check digits, fixed layouts, the force list): high
#: confidence. The others come from context rules or the name gazetteer: medium.
HIGH_CONFIDENCE = frozenset(
    {
        "email",
        "url",
        "handle",
        "nhs_number",
        "ni_number",
        "phone",
        "postcode",
        "vehicle",
        "warrant_number",
        "collar_number",
        "force",
        "date_of_birth",
    }
)
REVIEW_COLUMNS = [
    "document",
    "start",
    "end",
    "kind",
    "original",
    "replacement",
    "confidence",
    "source",
    "context",
    "decision",
    "note",
]


def _context(text, start, end, width=60):
    lo, hi = max(0, start - width), min(len(text), end + width)
    return (
        ("…" if lo else "")
        + text[lo:start]
        + "«"
        + text[start:end]
        + "»"
        + text[end:hi]
        + ("…" if hi < len(text) else "")
    ).replace("\n", " ")


def review_sheet(texts, *, redactor=None, ids=None, context=60):
    """A sheet of every replacement and of low-confidence candidates, for a person to
    accept or reject before the texts are released.

    Parameters
    ----------
    texts : list or Series of str
        The original texts.
    redactor : Redactor, optional
        The redactor to review (default: a new ``Redactor()``); it is not changed.
    ids : list, optional
        Document ids (as in :func:`redact_many`).
    context : int
        Characters of context on each side.

    Returns
    -------
    pandas.DataFrame
        One row per replacement and per candidate, columns

        - ``document``, ``start``, ``end``: where (code points in the original text).
        - ``kind``: kind of identifier (a guess for candidates, which the reviewer may
          correct: ``person`` (a name, initials), ``place_or_org``, ``number`` (a code,
          digits or letters spoken), ``handle``, ``date`` (a date not announced as a
          date of birth), ``postcode``, ``station`` (a named team or unit)).
        - ``original``: the text found (personal data: the sheet is confidential).
        - ``replacement``: the pseudonym, empty for candidates.
        - ``confidence``: ``high`` (checked formats), ``medium`` (context rules and
          gazetteer names) or ``low`` (candidates, not redacted unless accepted).
        - ``source``: ``rule`` or ``candidate``.
        - ``context``: the surrounding text, the identifier between « ».
        - ``decision``: empty; the reviewer writes ``accept`` or ``reject``.
        - ``note``: free text for the reviewer.

    Notes
    -----
    :func:`apply_review` applies the decisions: a rejected replacement is left as the
    original text, an accepted candidate is redacted; undecided replacements stay
    redacted and undecided candidates stay as they are (and count in
    :func:`residual_risk`). A candidate may overlap a replacement it extends ("Kent
    Specials" when "Kent" was replaced as a force); accepted, the whole phrase is
    replaced. Write the sheet with :func:`write_review_sheet` (formula-safe
    CSV or XLSX).

    Examples
    --------
    >>> sheet = review_sheet(["DS Jones rang 07700 900123 about Canning Circus."])
    >>> sheet[["kind", "original", "confidence", "source"]].values.tolist()
    [['person', 'DS Jones', 'medium', 'rule'], ['phone', '07700 900123', 'high', 'rule'], ['place_or_org', 'Canning Circus', 'low', 'candidate']]
    """
    red = copy.deepcopy(redactor) if redactor is not None else Redactor()
    texts_list, id_list = _texts_and_ids(texts, ids)
    rows = []
    for doc, text in zip(id_list, texts_list):
        _, found = red._redact_rows(text, doc)
        spans = []
        for _doc, s, e, kind, original, label in found:
            spans.append((s, e))
            rows.append(
                (
                    doc,
                    s,
                    e,
                    kind,
                    original,
                    label,
                    "high" if kind in HIGH_CONFIDENCE else "medium",
                    "rule",
                    _context(text, s, e, context),
                    "",
                    "",
                )
            )
        for s, e, kind in _candidates(text, spans):
            rows.append((doc, s, e, kind, text[s:e], "", "low", "candidate", _context(text, s, e, context), "", ""))
    sheet = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    return (
        sheet.sort_values(["document", "start"], kind="stable", key=_sort_key).reset_index(drop=True)
        if len(sheet)
        else sheet
    )


def _sort_key(col):
    if col.name == "document":
        return col.map({d: i for i, d in enumerate(pd.unique(col))})
    return col


def _texts_and_ids(texts, ids):
    if isinstance(texts, str) or not isinstance(texts, (list, tuple, pd.Series)):
        raise ParameterError(
            f"The 'texts' parameter must be a list, tuple or pandas Series of str. Got {type(texts).__name__} instead."
        )
    if ids is None:
        ids = list(texts.index) if isinstance(texts, pd.Series) else None
    texts = list(texts)
    ids = list(range(len(texts))) if ids is None else list(ids)
    if len(ids) != len(texts):
        raise ParameterError(f"The 'ids' parameter must have one id per text ({len(texts)}). Got {len(ids)} instead.")
    for t in texts:
        if not isinstance(t, str):
            raise ParameterError(f"Every text must be a str. Got {type(t).__name__}.")
    return texts, ids


def write_review_sheet(sheet, path):
    """Write a review sheet to ``path`` (``.csv`` or ``.xlsx``), formula-safe: a cell
    starting with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe so a spreadsheet
    shows it as text (:func:`toolkit.io.export.neutralise_formulas`)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return write_csv(sheet, path)
    if path.suffix.lower() == ".xlsx":
        return write_workbook({"review": sheet}, path, layout=_lay_out_review)
    raise ParameterError(f"write_review_sheet writes .csv or .xlsx. Got {path.name!r}.")


#: Column widths (characters) of the review sheet in a workbook: the context wide and
#: wrapped, so a reviewer reads it without widening columns.
_REVIEW_WIDTHS = {
    "document": 14,
    "kind": 14,
    "original": 28,
    "replacement": 18,
    "confidence": 11,
    "source": 10,
    "context": 70,
    "decision": 11,
    "note": 30,
}


def _lay_out_review(_name, sheet, ws):
    """Widths, wrapped context, a frozen header, a filter, ``accept``/``reject`` as the
    choices of the decision column, and a landscape print one page wide (a
    :func:`~toolkit.io.export.write_workbook` layout)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = list(sheet.columns)
    n = ws.max_row
    for j, col in enumerate(columns, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = _REVIEW_WIDTHS.get(col, 8)
        ws.cell(row=1, column=j).font = Font(bold=True)
        for i in range(2, n + 1):
            ws.cell(row=i, column=j).alignment = Alignment(wrap_text=col == "context", vertical="top")
        if col == "decision" and n > 1:
            dv = DataValidation(type="list", formula1='"accept,reject"', allow_blank=True)
            dv.error = "Write accept or reject, or leave the cell empty."
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{n}")
    if "context" in columns:  # rows tall enough for the wrapped context (no auto-fit on open)
        j = columns.index("context") + 1
        for i in range(2, n + 1):
            text = str(ws.cell(row=i, column=j).value or "")
            ws.row_dimensions[i].height = 15 * max(1, -(-len(text) // (_REVIEW_WIDTHS["context"] - 4)))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"  # printed: one page wide, the header repeated
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def read_review_sheet(path):
    """Read a review sheet written by :func:`write_review_sheet` (and edited by a
    person), undoing the formula guard; decisions are checked."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        sheet = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    else:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("document", "start", "end", "kind", "decision") if c not in sheet]
    if missing:
        raise ParameterError(
            f"read_review_sheet: {path.name} lacks the column(s) {missing}; use a sheet written by write_review_sheet."
        )
    for col in sheet.columns:
        sheet[col] = sheet[col].map(
            lambda v: v[1:] if isinstance(v, str) and v[:1] == "'" and v[1:2] in "=+-@\t\r" and len(v) > 1 else v
        )
    sheet["start"] = sheet["start"].astype("int64")
    sheet["end"] = sheet["end"].astype("int64")
    sheet["decision"] = sheet["decision"].str.strip().str.lower()
    bad = ~sheet["decision"].isin(["", "accept", "reject"])
    if bad.any():
        i = int(bad.idxmax())
        raise ParameterError(
            f"read_review_sheet: row {i + 2} of {path.name} has decision "
            f"{sheet.loc[i, 'decision']!r}; expected 'accept', 'reject' or empty."
        )
    return sheet


def apply_review(texts, sheet, *, redactor=None, ids=None):
    """Redact ``texts`` again, applying the decisions of a review sheet.

    Rejected replacements keep the original text; accepted candidates are redacted with
    the kind in the sheet (a reviewer may correct it; ``place_or_org`` is written
    ``[Place A]``, ``number`` ``[Number A]``); everything else is as :func:`redact_many`. Returns ``(texts, log)``;
    the log has the columns of :func:`redact_many`.

    Examples
    --------
    >>> texts = ["DS Jones rang about Canning Circus."]
    >>> sheet = review_sheet(texts)
    >>> sheet.loc[sheet["source"] == "candidate", "decision"] = "accept"
    >>> apply_review(texts, sheet)[0]
    ['[Officer A] rang about [Place A].']
    """
    red = redactor if redactor is not None else Redactor()
    texts_list, id_list = _texts_and_ids(texts, ids)
    for col in ("document", "start", "end", "kind", "decision"):
        if col not in sheet:
            raise ParameterError(f"apply_review: the sheet lacks column '{col}'.")
    key = str  # ids read back from a CSV are text
    decided = {}
    for row in sheet.itertuples(index=False):
        if row.decision in ("accept", "reject"):
            decided[(key(row.document), int(row.start), int(row.end))] = (row.decision, row.kind)
    out, rows = [], []
    for doc, text in zip(id_list, texts_list):
        officers = set()
        found = _ids.find_identifiers(text, red._names_pattern, red._names_lookup, officers)
        kept = [f for f in found if decided.get((key(doc), f[0], f[1]), ("",))[0] != "reject"]
        for (d, s, e), (decision, kind) in decided.items():
            if d == key(doc) and decision == "accept" and not any(f[0] == s and f[1] == e for f in found):
                kind = {"place_or_org": "place"}.get(kind, kind)
                if kind not in _ids.LABELS:
                    raise ParameterError(
                        f"apply_review: document {doc!r}, characters {s}-{e}: kind {kind!r} "
                        f"is not one of {sorted(_ids.LABELS)} (nor place_or_org)."
                    )
                # a candidate that extends a replacement ("MPS 219TX" when "MPS" was
                # replaced) takes its place: the whole phrase is replaced
                over = [f for f in kept if f[0] < e and s < f[1]]
                if over:
                    kept = [f for f in kept if f not in over]
                    s, e = min(s, *(f[0] for f in over)), max(e, *(f[1] for f in over))
                kept.append((s, e, kind, text[s:e].lower()))
        kept = _ids.resolve_overlaps_any(kept)
        red_text, found_rows = red._redact_rows(text, doc, found=(kept, officers))
        out.append(red_text)
        rows.extend(found_rows)
    log = pd.DataFrame(rows, columns=["document", *LOG_COLUMNS]).astype({"start": "int64", "end": "int64"})
    return out, log


def residual_risk(texts, sheet, *, ids=None):
    """What may still identify someone, per transcript, after review.

    Returns
    -------
    pandas.DataFrame
        One row per document: ``document``, ``n_words``, ``n_replaced`` (replacements
        kept), ``n_rejected`` (replacements a reviewer rejected), ``n_high_rejected``
        (of checked formats: e-mails, phone numbers...), ``n_candidates_open``
        (candidates not decided), ``n_candidates_accepted``, ``open_examples`` (up to
        five undecided candidates), ``risk``: ``high`` (a checked-format identifier
        rejected, or three or more open candidates), ``review`` (one or two open
        candidates), ``low`` (nothing open).
    """
    texts_list, id_list = _texts_and_ids(texts, ids)
    sheet = sheet.assign(_doc=sheet["document"].astype(str))
    rows = []
    for doc, text in zip(id_list, texts_list):
        g = sheet[sheet["_doc"] == str(doc)]
        rule = g[g["source"] == "rule"]
        cand = g[g["source"] == "candidate"]
        rejected = rule[rule["decision"] == "reject"]
        high_rej = int(rejected["confidence"].eq("high").sum())
        open_c = cand[cand["decision"] == ""]
        n_open = len(open_c)
        risk = "high" if high_rej or n_open >= 3 else "review" if n_open else "low"
        rows.append(
            (
                doc,
                len(text.split()),
                len(rule) - len(rejected),
                len(rejected),
                high_rej,
                n_open,
                int((cand["decision"] == "accept").sum()),
                "; ".join(open_c["original"].head(5)),
                risk,
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "document",
            "n_words",
            "n_replaced",
            "n_rejected",
            "n_high_rejected",
            "n_candidates_open",
            "n_candidates_accepted",
            "open_examples",
            "risk",
        ],
    )
