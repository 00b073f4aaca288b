"""Counts of people in sentences: the safety net for published text.

A finding, a summary sentence or a figure label may state a number of people ("3
respondents", "n = 4", "44 of 50 managers", "6 did not"). Tables pass the gate cell by
cell; a sentence is prose, so :func:`people_counts` reads it for numbers in a *count
context* and :func:`screen` says which of them may not be published:

- a count of people in ``1 .. k-1``;
- a complement under ``k`` given by the sentence itself: ``44 of 50 managers`` (6 did
  not), ``45 (90%)`` (about 5 did not), ``8% of 50 interviews`` (about 4 did);
- a number equal to the true value of a cell the gate withheld (any size).

A count context is a number followed (within two words) by a word for people or for
what happens to people (respondents, officers, staff, managers, interviews, incidents,
cases...), ``n = N``, ``N of M`` (unless ``M`` counts something else, such as documents
or forces), ``N (x%)``, and ``N`` followed by a verb people do (``6 did not``, ``3
said``). Years, percentages, decimals, codes (``F07``, ``2023Q1``), and numbers after
``wave``, ``item``, ``page``, ``question``, ``table``, ``figure``... are not counts. A
count of forces, documents, units or items is not a count of people.

The same reader is used by the publication gate (findings, executive summary, joint
displays, captions) and by ``toolkit audit-pack`` (every published file), so what the
gate lets through the audit accepts, and the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Mention", "people_counts", "screen"]

#: words for people, or for what happens to people (one incident, one case: one person)
PEOPLE = (
    "respondent",
    "people",
    "person",
    "persons",
    "officer",
    "staff",
    "manager",
    "supervisor",
    "interviewee",
    "interview",
    "participant",
    "individual",
    "employee",
    "colleague",
    "victim",
    "woman",
    "women",
    "man",
    "men",
    "family",
    "families",
    "child",
    "children",
    "pcso",
    "constable",
    "special",
    "volunteer",
    "incident",
    "case",
    "complainant",
    "sergeant",
    "inspector",
    "worker",
    "member",
    "adult",
    "student",
    "recruit",
    "leader",
    "user",
    "reporter",
    "survivor",
    "harmed",
    "non-binary",
    "parent",
    "partner",
    "spouse",
)
#: counted things that are not people (a count of these is not checked)
NOT_PEOPLE = (
    "document",
    "force",
    "unit",
    "item",
    "question",
    "harm",
    "type",
    "wave",
    "year",
    "month",
    "week",
    "day",
    "quarter",
    "page",
    "table",
    "figure",
    "theme",
    "code",
    "pillar",
    "recommendation",
    "scale",
    "category",
    "categories",
    "level",
    "point",
    "lag",
    "period",
    "term",
    "model",
    "coder",
    "row",
    "column",
    "cell",
    "file",
    "sheet",
    "source",
    "segment",
    "passage",
    "policy",
    "policies",
    "guidance",
    "platform",
    "area",
    "region",
    "site",
    "team",
    "group",
    "breakdown",
    "variable",
    "outcome",
    "measure",
    "percent",
    "per",
    "time",
    "sample",
    "draw",
    "fold",
    "iteration",
    "digit",
    "decimal",
    "word",
    "character",
    "hour",
    "minute",
    "second",
    "mile",
    "km",
    "kilometre",
    "lexicon",
    "hit",
    "option",
    "answer",
    "response",
)
#: a number right after one of these words is an ordinal, label or bound of a scale, not a count
LABEL_BEFORE = {
    "wave",
    "waves",
    "item",
    "items",
    "question",
    "questions",
    "q",
    "page",
    "pages",
    "p",
    "pp",
    "table",
    "tables",
    "figure",
    "figures",
    "fig",
    "section",
    "chapter",
    "step",
    "level",
    "levels",
    "year",
    "years",
    "pillar",
    "recommendation",
    "recommendations",
    "version",
    "round",
    "phase",
    "part",
    "no",
    "number",
    "week",
    "weeks",
    "month",
    "months",
    "day",
    "days",
    "quarter",
    "band",
    "grade",
    "tier",
    "scale",
    "point",
    "points",
    "code",
    "id",
    "annex",
    "appendix",
    "stage",
    "lag",
    "lags",
    "period",
    "periods",
    "model",
    "column",
    "row",
    "sheet",
    "release",
    "v",
    "schedule",
    "article",
    "paragraph",
    "para",
    "line",
    "top",
    "aged",
    "age",
    "ages",
    "series",
    "cohort",
    "time",
    "times",
}
#: verbs of people: "6 did not", "3 said", "4 reported"
VERBS = (
    "did",
    "didn't",
    "had",
    "have",
    "has",
    "were",
    "was",
    "said",
    "say",
    "says",
    "reported",
    "report",
    "raised",
    "raise",
    "described",
    "describe",
    "mentioned",
    "answered",
    "experienced",
    "felt",
    "agreed",
    "disagreed",
    "used",
    "received",
    "told",
    "left",
    "declined",
    "refused",
    "chose",
    "identified",
    "disclosed",
    "named",
    "spoke",
    "talked",
    "gave",
    "took",
    "attended",
    "completed",
    "responded",
    "replied",
    "worked",
)
_NUMWORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "a single": 1,
}
_FUNCTION = {
    "of",
    "in",
    "and",
    "or",
    "to",
    "the",
    "a",
    "an",
    "per",
    "from",
    "with",
    "for",
    "by",
    "at",
    "on",
    "than",
    "as",
    "is",
    "are",
    "be",
    "that",
    "this",
    "these",
    "those",
    "each",
    "every",
    "into",
    "out",
    "over",
    "under",
    "who",
    "which",
    "what",
    "when",
    "where",
    "not",
    "no",
    "all",
    "any",
    "more",
    "less",
    "fewer",
    "most",
    "about",
}

_NUM = r"(?<![\w.,:/£$€#%\-−])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,:/]\d)"
_WORDNUM = r"\b(one|two|three|four|five|six|seven|eight|nine|a single)\b"
_WORD = r"[A-Za-z][A-Za-z'’\-]*"


def _stem(word: str) -> str:
    w = word.lower().strip("'’-")
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            base = w[: -len(suffix)]
            if suffix == "ies":
                base += "y"
            return base
    return w


def _is(word: str, kinds) -> bool:
    w = word.lower().strip("'’")
    return w in kinds or _stem(w) in kinds or (w.endswith("es") and w[:-1] in kinds)


def _people(word: str) -> bool:
    return _is(word, PEOPLE)


def _not_people(word: str) -> bool:
    return _is(word, NOT_PEOPLE)


def _value(token: str) -> int:
    t = token.lower()
    return _NUMWORDS[t] if t in _NUMWORDS else int(t.replace(",", ""))


@dataclass(frozen=True)
class Mention:
    """A number read as a count of people: ``value``, how it was read (``kind``), the
    words around it (``excerpt``) and, for ``N of M`` and percentages, the complements
    or events it gives (``derived``: ``(low, high)`` bounds of each, else None)."""

    value: int
    kind: str
    excerpt: str
    start: int
    derived: tuple | None = None
    base: int | None = None
    bound: bool = False


def _before_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _is_label(text: str, start: int) -> bool:
    if _before_word(text, start) in LABEL_BEFORE:
        return True
    # "1 in 3 respondents": a ratio, not a count
    return bool(re.search(r"\d\s+in\s+$", text[max(0, start - 12) : start]))


def _following_words(text: str, end: int, n: int = 3) -> list[str]:
    """The words right after ``end``, up to ``n``, stopping at anything but a space."""
    words: list[str] = []
    pos = end
    while len(words) < n:
        m = re.match(r"[ \t\u00a0]+(" + _WORD + r")", text[pos : pos + 40])
        if not m:
            break
        words.append(m.group(1))
        pos += m.end()
    return words


_BOUND = re.compile(
    r"(?:fewer|less|more|greater|smaller|larger)\s+than\s+$|(?:under|below|over|above|"
    r"at\s+least|at\s+most|up\s+to|minimum\s+of|maximum\s+of|threshold\s+of)\s+$",
    re.I,
)


def _is_bound(text: str, start: int) -> bool:
    """'fewer than 10 respondents': a bound (the disclosure rule, or a bound on a count)."""
    return bool(_BOUND.search(text[max(0, start - 20) : start]))


def _excerpt(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 30) : end + 40]).strip()


def _noun_kind(words: list[str], limit: int = 3) -> str | None:
    """'people' / 'other' for the first counted noun among up to ``limit`` following words."""
    for w in words[:limit]:
        if _people(w):
            return "people"
        if _not_people(w):
            return "other"
        if w.lower() in _FUNCTION:
            return None
    return None


def people_counts(text: str) -> list[Mention]:
    """Numbers in ``text`` that state a count of people (see the module docstring).

    Examples
    --------
    >>> [(m.value, m.kind) for m in people_counts("3 non-binary respondents; n = 4; wave 2 staff")]
    [(3, 'noun'), (4, 'n =')]
    >>> [(m.value, m.base, m.derived) for m in people_counts("44 of 50 managers raised it")]
    [(44, 50, ((6.0, 6.0),)), (50, 50, None)]
    >>> people_counts("26 of 46 policy documents in 8 forces, 2023; 39% of respondents")
    []
    """
    text = str(text)
    out: list[Mention] = []
    taken: set[int] = set()

    def add(m: Mention):
        if m.start not in taken:
            taken.add(m.start)
            out.append(m)

    # x% of M people: the events (about x% of M) and the complement
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*%\s+of\s+(?:the\s+|all\s+)?" + _NUM, text):
        base = _value(m.group(2))
        words = _following_words(text, m.end())
        if _noun_kind(words) != "people":
            continue
        pct = float(m.group(1))
        half = 0.5 if "." not in m.group(1) else 0.05
        lo, hi = max(pct - half, 0) * base / 100, min(pct + half, 100) * base / 100
        add(
            Mention(
                base, "% of", _excerpt(text, m.start(), m.end()), m.start(2), ((lo, hi), (base - hi, base - lo)), base
            )
        )
    # N of M (people, or unnamed)
    for m in re.finditer(_NUM + r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?" + _NUM, text):
        if _is_label(text, m.start(1)):
            continue
        words = _following_words(text, m.end())
        kind = _noun_kind(words)
        if kind == "other":
            continue
        if kind is None and words and not re.match(r"\s*[(\-–—:;,.]|\s*$", text[m.end() : m.end() + 2]):
            # a following word that is neither people nor counted things: still people unless
            # it is the start of a new clause ("4 of 50 said")
            if words[0].lower() not in VERBS and words[0].lower() not in _FUNCTION:
                continue
        n, base = _value(m.group(1)), _value(m.group(2))
        comp = float(base - n)
        add(Mention(n, "N of M", _excerpt(text, m.start(), m.end()), m.start(1), ((comp, comp),), base))
        add(Mention(base, "N of M (base)", _excerpt(text, m.start(), m.end()), m.start(2), None, base))
    # n = N
    for m in re.finditer(r"(?<![\w])[nN]\s*[=:]\s*" + _NUM, text):
        add(Mention(_value(m.group(1)), "n =", _excerpt(text, m.start(), m.end()), m.start(1)))
    # N (x%)
    for m in re.finditer(_NUM + r"\s*\(\s*(\d+(?:\.\d+)?)\s*%", text):
        if _is_label(text, m.start(1)):
            continue
        n, pct = _value(m.group(1)), float(m.group(2))
        derived = None
        if 0 < pct < 100:
            half = 0.5 if "." not in m.group(2) else 0.05
            lo = n * (100 - min(pct + half, 100)) / min(pct + half, 100)
            hi = n * (100 - max(pct - half, 1e-9)) / max(pct - half, 1e-9)
            derived = ((lo, hi),)
        add(Mention(n, "N (x%)", _excerpt(text, m.start(), m.end()), m.start(1), derived))
    # N [modifiers] people, N verb
    for m in re.finditer(_NUM + "|" + _WORDNUM, text, flags=re.IGNORECASE):
        token = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        if start in taken or _is_label(text, start):
            continue
        words = _following_words(text, m.end(), 3)
        if not words:
            continue
        if m.group(2) and m.group(2)[0].isupper() and start > 0 and text[start - 1] != " ":
            continue
        kind = None
        for w in words[:3]:
            if _people(w):
                kind = "noun"
                break
            if _not_people(w) or w.lower() in _FUNCTION or w.lower() in VERBS:
                break
        if kind is None and m.group(1) and words[0].lower() in VERBS:
            kind = "verb"
        if kind is None:
            continue
        if m.group(2) and kind != "noun":
            continue
        add(Mention(_value(token), kind, _excerpt(text, start, m.end()), start))
    out = [Mention(m.value, m.kind, m.excerpt, m.start, m.derived, m.base, _is_bound(text, m.start)) for m in out]
    return sorted(out, key=lambda x: x.start)


def screen(text: str, *, threshold: int, withheld=(), published=()) -> list[str]:
    """Why ``text`` may not be published (empty when it may).

    Parameters
    ----------
    text : str
    threshold : int
        The smallest count of people that may be published (``k``).
    withheld : iterable of numbers, optional
        True values of the count cells the gate withheld: a count in the text equal to
        one of them is refused, whatever its size (a coincidence is refused too)...
    published : iterable of numbers, optional
        ...unless a published count cell of the pack has that value too: the sentence then
        states nothing a reader could not read in a table. (Which cell a sentence speaks
        of is not known from its words; findings also name their cells to the gate.)

    Notes
    -----
    A bound ("fewer than 10 respondents") is checked as a count when it lies under the
    threshold (it bounds a count below ``k``), never against withheld values.

    Examples
    --------
    >>> screen("44 of 50 managers raised it", threshold=10)
    ["'44 of 50 managers raised it' gives 6 people (under 10)"]
    >>> screen("Interviews with 50 managers", threshold=10, withheld=[50])
    ["'Interviews with 50 managers' states 50, the true value of a withheld cell"]
    """
    k = int(threshold)
    shown = {float(v) for v in published if v == v}
    held = {int(v) for v in withheld if v == v and float(v).is_integer() and float(v) not in shown}
    problems = []
    for m in people_counts(text):
        if 0 < m.value < k:
            problems.append(f"{m.excerpt!r} states {m.value} (a count of people under {k})")
        elif m.value in held and not m.bound:
            problems.append(f"{m.excerpt!r} states {m.value}, the true value of a withheld cell")
        for lo, hi in m.derived or ():
            if 1e-9 < hi < k - 1e-9 or (lo == hi and 0 < lo < k):
                what = f"{lo:g}" if abs(hi - lo) < 1e-9 else f"{lo:.1f} to {hi:.1f}"
                problems.append(f"{m.excerpt!r} gives {what} people (under {k})")
            elif lo == hi and int(lo) in held:
                problems.append(f"{m.excerpt!r} gives {lo:g}, the true value of a withheld cell")
    return list(dict.fromkeys(problems))
