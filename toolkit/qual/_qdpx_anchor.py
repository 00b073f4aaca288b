"""Placing REFI-QDA selections on their text when tools count positions differently.

Tools disagree on what a "character" is: code points (the standard), UTF-16 code units
(tools built on .NET / Java / JavaScript strings: a character outside the Basic
Multilingual Plane such as an emoji counts 2), a Windows line break ``\\r\\n`` counted as
one character, or a byte-order mark counted as the first character. Each convention maps
the stated positions to code point offsets in the text as stored; the selection's own text
(the ``name`` attribute most tools fill with the coded words) decides which convention
holds. Without that text, the convention that placed most selections of the project is
assumed and the row says so.
"""

from __future__ import annotations

import numpy as np

CONVENTIONS = ("codepoint", "utf16", "crlf-as-one", "utf16+crlf-as-one", "bom-counted")


class _Text:
    """A source text with the offset maps each convention needs (built lazily)."""

    def __init__(self, text: str):
        self.text = text
        self._maps: dict[str, np.ndarray | None] = {}

    @staticmethod
    def _utf16_map(text: str) -> np.ndarray | None:
        """utf16 unit position -> code point position (-1 inside a surrogate pair);
        None when the two agree (no character outside the Basic Multilingual Plane)."""
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        wide = points > 0xFFFF
        if not wide.any():
            return None
        ends = np.concatenate([[0], np.cumsum(wide.astype(np.int64) + 1)])
        out = np.full(int(ends[-1]) + 1, -1, dtype=np.int64)
        out[ends] = np.arange(len(text) + 1)
        return out

    def _crlf_map(self) -> np.ndarray | None:
        """position in the text with CRLF collapsed -> position in the stored text; None
        when the text has no CRLF (the positions agree)."""
        t = self.text
        if "\r\n" not in t:
            return None
        chars = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)
        drop = np.zeros(len(t), bool)
        drop[:-1] = (chars[:-1] == 13) & (chars[1:] == 10)
        return np.concatenate([np.flatnonzero(~drop), [len(t)]]).astype(np.int64)

    def _map(self, key: str, build):
        if key not in self._maps:
            self._maps[key] = build()
        return self._maps[key]

    def convert(self, convention: str, start: int, end: int):
        """Code point (start, end) under ``convention``, or None if out of range."""
        if convention == "codepoint":
            s, e = start, end
        elif convention == "bom-counted":
            s, e = start - 1, end - 1
        elif convention == "utf16":
            m = self._map("utf16", lambda: self._utf16_map(self.text))
            if m is None:
                s, e = start, end
            else:
                if not (0 <= start <= end < len(m)):
                    return None
                s, e = int(m[start]), int(m[end])
                if s < 0 or e < 0:
                    return None
        elif convention in ("crlf-as-one", "utf16+crlf-as-one"):
            cm = self._map("crlf", self._crlf_map)
            if convention == "utf16+crlf-as-one":
                um = self._map("utf16c", lambda: self._utf16_map(self.text.replace("\r\n", "\n")))
                if um is not None:
                    if not (0 <= start <= end < len(um)):
                        return None
                    start, end = int(um[start]), int(um[end])
                    if start < 0 or end < 0:
                        return None
            if cm is None:
                s, e = start, end
            else:
                if not (0 <= start <= end < len(cm)):
                    return None
                s = int(cm[start])
                e = int(cm[end - 1]) + 1 if end > 0 else 0
                if s > 0 and self.text[s] == "\n" and self.text[s - 1] == "\r" and start > 0:
                    s -= 1
        else:  # pragma: no cover - internal
            raise KeyError(convention)
        if not (0 <= s < e <= len(self.text)):
            return None
        return s, e


def _same(slice_: str, quoted: str) -> bool:
    if slice_ == quoted:
        return True
    for ell in ("...", "…"):
        if quoted.endswith(ell) and len(quoted) > len(ell) + 3:
            return slice_.startswith(quoted[: -len(ell)])
    # tools differ in how they write line breaks inside the quoted text
    return slice_.replace("\r\n", "\n") == quoted.replace("\r\n", "\n")


def matching(text: _Text, start: int, end: int, quoted: str) -> list[str]:
    """Every convention under which the stated positions hold the quoted text."""
    out = []
    checked = {}  # conventions often agree on a text: compare each position once
    for conv in CONVENTIONS:
        pos = text.convert(conv, start, end)
        if not pos:
            continue
        ok = checked.get(pos)
        if ok is None:
            ok = checked[pos] = _same(text.text[pos[0]:pos[1]], quoted)
        if ok:
            out.append(conv)
    return out


def place(text: _Text, start: int, end: int, quoted: str | None, preferred: str,
          found: list | None = None):
    """Return (start, end, convention, status, message) for one selection.

    status: ``exact`` (stated positions, standard convention, text agrees), ``converted``
    (another convention makes the text agree), ``re-anchored`` (the text found elsewhere,
    nearest to the stated position), ``assumed`` (no text to check), ``error``.
    """
    if quoted:
        found = matching(text, start, end, quoted) if found is None else found
        if found:
            conv = preferred if preferred in found else found[0]
            pos = text.convert(conv, start, end)
            status = "exact" if conv == "codepoint" else "converted"
            return pos[0], pos[1], conv, status, ""
        body = quoted
        for ell in ("...", "…"):
            if body.endswith(ell):
                body = body[: -len(ell)]
        hits, i = [], text.text.find(body)
        while i >= 0 and body:
            hits.append(i)
            i = text.text.find(body, i + 1)
        if hits:
            best = min(hits, key=lambda h: abs(h - start))
            length = len(body) if body == quoted else (end - start)
            return (best, best + length, "text search", "re-anchored",
                    f"text found at {best} ({len(hits)} occurrence(s)), stated start {start}")
        return (None, None, None, "error",
                f"the selection's text {quoted[:50]!r} is not at positions {start}-{end} under any "
                f"known convention ({', '.join(CONVENTIONS)}) and does not occur in the source")
    pos = text.convert(preferred, start, end)
    if pos is None:
        return (None, None, None, "error",
                f"positions {start}-{end} lie outside the source text "
                f"({len(text.text)} characters)")
    return pos[0], pos[1], preferred, "assumed", (
        "no selection text to check against; positions read with the project's convention")
