"""Placing REFI-QDA selections on their text when tools count positions differently.

Tools disagree on what a "character" is. A *position convention* has three parts:

- the unit counted: Unicode code points (``codepoint``, as the standard says), UTF-16
  code units (``utf16``: tools built on .NET / Java / JavaScript strings count a
  character outside the Basic Multilingual Plane, such as an emoji, as 2), or bytes of
  UTF-8 (``utf8``);
- a Windows line break ``\\r\\n`` counted as two units (``crlf2``, what the stored text
  holds) or as one (``crlf1``, tools that normalise line ends in memory);
- a byte-order mark counted as the first character (suffix ``-bom``) or not.

Names are ``<unit>-crlf<1|2>[-bom]``: ``codepoint-crlf2`` is the standard;
``utf16-crlf2`` is what NVivo 12 for Windows writes. The convention is decided **per
source from the evidence in the file** (never from the tool's name): every candidate is
scored on how the selections' boundaries fall against the text, and the best one wins.
All selections of a source are then converted at once with a cumulative offset map (one
``numpy.searchsorted``), not one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

UNITS = ("codepoint", "utf16", "utf8")
#: Every convention, in order of preference when the evidence ties (the standard first).
CONVENTIONS = tuple(
    f"{u}-crlf{c}{b}"
    for b in ("", "-bom")
    for u, c in (("codepoint", 2), ("utf16", 2), ("codepoint", 1), ("utf16", 1), ("utf8", 2), ("utf8", 1))
)
STANDARD = "codepoint-crlf2"

# weights of the evidence (per selection)
W_QUOTED = 10  # the selection's own text (its name) is what the positions hold
W_INVALID = -10  # past the end of the text, inside a character, or end <= start
W_WORD = 1  # start / end at a word boundary (each)
W_LINE = 1  # start / end at a line boundary (each)
W_SPLIT_CRLF = -3  # start / end between the \r and the \n of a line break (each)
W_LEADING_SPACE = -1  # a selection that starts on white space

_ASCII_WORD = np.zeros(128, bool)
for _c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _ASCII_WORD[ord(_c)] = True


def parse_convention(name: str) -> tuple[str, int, bool]:
    """``"utf16-crlf2-bom"`` -> ``("utf16", 2, True)``; KeyError if unknown."""
    if name not in CONVENTIONS:
        raise KeyError(name)
    parts = name.split("-")
    return parts[0], int(parts[1][-1]), len(parts) == 3


class _Text:
    """A source text with what the conventions need, built once and only if needed."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self.ascii = text.isascii()
        self.has_crlf = "\r\n" in text
        self._cp: np.ndarray | None = None
        self._wide: bool | None = None

    @property
    def cp(self) -> np.ndarray:
        """Code points as an array (uint8 for ASCII text, uint32 otherwise)."""
        if self._cp is None:
            if self.ascii:
                self._cp = np.frombuffer(self.text.encode("ascii"), dtype=np.uint8)
            else:
                self._cp = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        return self._cp

    @property
    def has_wide(self) -> bool:
        """Whether any character lies outside the Basic Multilingual Plane."""
        if self._wide is None:
            self._wide = (not self.ascii) and bool((self.cp > 0xFFFF).any())
        return self._wide

    def key(self, convention: str) -> tuple:
        """Conventions with the same key give the same positions on this text."""
        unit, crlf, bom = parse_convention(convention)
        if unit == "utf16" and not self.has_wide:
            unit = "codepoint"
        if unit == "utf8" and self.ascii:
            unit = "codepoint"
        if not self.has_crlf:
            crlf = 2
        return unit, crlf, bom

    def cumulative(self, unit: str, crlf: int) -> np.ndarray | None:
        """Units before each code point (length n + 1); None when it is the identity."""
        if unit == "codepoint" and crlf == 2:
            return None
        cp = self.cp
        if unit == "utf16":
            width = 1 + (cp > 0xFFFF).astype(np.int64)
        elif unit == "utf8":
            width = 1 + (cp >= 0x80).astype(np.int64) + (cp >= 0x800) + (cp >= 0x10000)
        else:
            width = np.ones(len(cp), np.int64)
        if crlf == 1:
            cr = np.zeros(len(cp), bool)
            cr[:-1] = (cp[:-1] == 13) & (cp[1:] == 10)
            width[cr] = 0
        out = np.empty(len(cp) + 1, np.int64)
        out[0] = 0
        np.cumsum(width, out=out[1:])
        return out

    def to_codepoints(self, key: tuple, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Stated positions -> (code point offsets, valid) under a convention key."""
        unit, crlf, bom = key
        pos = pos - 1 if bom else pos
        cum = self.cumulative(unit, crlf)
        if cum is None:
            idx = pos
            valid = (pos >= 0) & (pos <= self.n)
        else:
            idx = np.searchsorted(cum, pos, side="left")
            ok = idx <= self.n
            valid = ok & (pos >= 0)
            valid[ok] &= cum[idx[ok]] == pos[ok]
        return np.clip(idx, 0, self.n).astype(np.int64), valid

    # ---------------------------------------------------------------- boundaries
    def _is_word(self, idx: np.ndarray) -> np.ndarray:
        vals = self.cp[idx]
        out = np.zeros(len(vals), bool)
        small = vals < 128
        out[small] = _ASCII_WORD[vals[small].astype(np.int64)]
        if not small.all():
            big = vals[~small]
            uniq, inv = np.unique(big, return_inverse=True)
            flags = np.array([chr(int(v)).isalnum() for v in uniq], bool)
            out[~small] = flags[inv]
        return out

    def boundary_score(self, idx: np.ndarray, is_start: np.ndarray) -> np.ndarray:
        """Evidence that each code point offset is a natural start (where ``is_start``)
        or end of a selection: a word boundary; a line boundary (a start just after a line
        break, an end just before or after one); not between the two characters of
        ``\\r\\n``; a start not on white space."""
        n = self.n
        score = np.zeros(len(idx), np.int64)
        if n == 0:
            return score
        inner = (idx > 0) & (idx < n)
        score[~inner] = W_WORD + W_LINE
        i = idx[inner]
        st = is_start[inner]
        cp = self.cp
        before, after = cp[i - 1], cp[i]
        word = ~(self._is_word(i - 1) & self._is_word(i))
        split = (before == 13) & (after == 10)
        nl_before = before == 10
        line = np.where(st, nl_before, (nl_before | (after == 10) | (after == 13)) & ~split)
        space = st & ((after == 32) | (after == 9) | (after == 10) | (after == 13))
        score[inner] = W_WORD * word + W_LINE * line + W_SPLIT_CRLF * split + W_LEADING_SPACE * space
        return score


def same_text(slice_: str, quoted: str) -> bool:
    """Whether the text at the positions is the selection's quoted text."""
    if slice_ == quoted:
        return True
    if quoted.endswith(("...", "…")):
        for ell in ("...", "…"):
            if quoted.endswith(ell) and len(quoted) > len(ell) + 3:
                return slice_.startswith(quoted[: -len(ell)])
    # tools differ in how they write line breaks inside the quoted text
    if "\r" in slice_ or "\r" in quoted:
        return slice_.replace("\r\n", "\n") == quoted.replace("\r\n", "\n")
    return False


@dataclass(frozen=True)
class Decision:
    """The convention chosen for one source, and how clearly it won."""

    convention: str
    forced: bool
    score: int
    runner_up: str | None
    runner_up_score: int | None
    equivalent: tuple[str, ...]  # other conventions giving the same positions here
    n_quoted: int  # selections whose name some convention puts on the text
    n_matched: int  # of which the chosen convention puts on that text
    start: np.ndarray  # code point offsets (valid where ``valid``)
    end: np.ndarray
    valid: np.ndarray
    matched: np.ndarray  # quoted text agrees at the chosen positions

    @property
    def margin(self) -> int | None:
        return None if self.runner_up_score is None else self.score - self.runner_up_score


def _special(quoted: list, has_crlf: bool) -> list:
    """Positions (in ``quoted``) of the quotes :func:`same_text` may match without being
    equal to the slice: an ellipsis at the end, or line breaks written differently."""
    return [j for j, q in enumerate(quoted) if q.endswith(("...", "…")) or "\r" in q or (has_crlf and "\n" in q)]


def _evaluate(text: _Text, key: tuple, starts, ends, quoted_idx, quoted, special=None):
    m = len(starts)
    both, vb = text.to_codepoints(key, np.concatenate([starts, ends]))
    s, e = both[:m], both[m:]
    valid = vb[:m] & vb[m:] & (e > s)
    score = int(W_INVALID * (m - int(valid.sum())))
    if valid.any():
        vv = np.concatenate([valid, valid])
        is_start = np.zeros(2 * m, bool)
        is_start[:m] = True
        score += int(text.boundary_score(both[vv], is_start[vv]).sum())
    matched = np.zeros(m, bool)
    if quoted_idx:
        t = text.text
        qi = np.asarray(quoted_idx, np.int64)
        sq, eq, vq = s[qi].tolist(), e[qi].tolist(), valid[qi].tolist()
        hit = [v and t[a:b] == q for a, b, v, q in zip(sq, eq, vq, quoted)]
        if special is None:
            special = _special(quoted, text.has_crlf)
        for j in special:  # the few quotes that may match without being equal
            if vq[j] and not hit[j]:
                hit[j] = same_text(t[sq[j] : eq[j]], quoted[j])
        matched[qi[np.array(hit, bool)]] = True
    score += W_QUOTED * int(matched.sum())
    return score, s, e, valid, matched


def decide(text: _Text, starts: np.ndarray, ends: np.ndarray, names: list, forced: str | None = None) -> Decision:
    """Choose the convention of one source from its selections (see module docstring).

    ``names`` are the selections' ``name`` attributes (None when absent). A name is
    evidence where some convention puts it on the text; a name that is nowhere at its
    positions (``line:6``, a label, or text found elsewhere) scores nothing here.
    """
    starts = np.asarray(starts, np.int64)
    ends = np.asarray(ends, np.int64)
    quoted_idx = [k for k, nm in enumerate(names) if nm]
    quoted = [names[k] for k in quoted_idx]
    special = _special(quoted, text.has_crlf)
    groups: dict[tuple, list[str]] = {}
    for conv in CONVENTIONS:
        groups.setdefault(text.key(conv), []).append(conv)
    if forced is not None:
        key = text.key(forced)
        score, s, e, valid, matched = _evaluate(text, key, starts, ends, quoted_idx, quoted, special)
        return Decision(
            forced,
            True,
            score,
            None,
            None,
            tuple(c for c in groups[key] if c != forced),
            int(matched.sum()),
            int(matched.sum()),
            s,
            e,
            valid,
            matched,
        )
    results = []
    anywhere = np.zeros(len(starts), bool)
    for key, convs in groups.items():
        res = _evaluate(text, key, starts, ends, quoted_idx, quoted, special)
        anywhere |= res[4]
        results.append((convs[0], convs, key, res))
    order = {c: i for i, c in enumerate(CONVENTIONS)}
    results.sort(key=lambda r: (-r[3][0], order[r[0]]))
    best, convs, _, (score, s, e, valid, matched) = results[0]
    runner = results[1] if len(results) > 1 else None
    return Decision(
        best,
        False,
        score,
        runner[0] if runner else None,
        runner[3][0] if runner else None,
        tuple(convs[1:]),
        int(anywhere.sum()),
        int(matched.sum()),
        s,
        e,
        valid,
        matched,
    )


def convert_one(text: _Text, convention: str, start: int, end: int):
    """Code point (start, end) of one selection under ``convention``, or None."""
    key = text.key(convention)
    s, vs = text.to_codepoints(key, np.array([start], np.int64))
    e, ve = text.to_codepoints(key, np.array([end], np.int64))
    if vs[0] and ve[0] and e[0] > s[0]:
        return int(s[0]), int(e[0])
    return None


def rescue(text: _Text, start: int, end: int, quoted: str, chosen: str):
    """A quoted selection that the source's convention does not place: try the other
    conventions, then a text search nearest the stated start.

    Returns (start, end, convention, status, message) or None if the text is nowhere.
    """
    for conv in CONVENTIONS:
        if conv == chosen:
            continue
        pos = convert_one(text, conv, start, end)
        if pos and same_text(text.text[pos[0] : pos[1]], quoted):
            return (
                pos[0],
                pos[1],
                conv,
                "converted",
                f"the source's convention is {chosen}; this selection holds its text only under {conv}",
            )
    body = quoted
    for ell in ("...", "…"):
        if body.endswith(ell):
            body = body[: -len(ell)]
    hits, i = [], text.text.find(body) if body else -1
    while i >= 0:
        hits.append(i)
        i = text.text.find(body, i + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    length = len(body) if body == quoted else (end - start)
    return (
        best,
        best + length,
        "text search",
        "re-anchored",
        f"text found at {best} ({len(hits)} occurrence(s)), stated start {start}",
    )
