"""What the redaction rules find in a sentence, in the shapes the rule tests compare:
one place for the small helpers the ``test_redact_*`` modules share."""

from __future__ import annotations

from toolkit.qual._identifiers import find_identifiers
from toolkit.qual.redact import Redactor

#: The kinds of the online rules.
ONLINE = {"handle", "url", "email"}


def found_kinds(text):
    """``{(span text, kind)}`` of every identifier the rules find in ``text``."""
    return {(text[s:e], k) for s, e, k, _ in find_identifiers(text)}


def redactor_kinds(text):
    """``[(span text, kind)]`` of what a default :class:`Redactor` finds, in order."""
    found = Redactor().find(text)
    return [(text[s:e], k) for s, e, k in found[["start", "end", "kind"]].itertuples(index=False)]


def persons(text):
    """The persons' spans the rules find in ``text``, in order."""
    return [text[s:e] for s, e, k, _ in find_identifiers(text) if k == "person"]


def kinds_of(text, part):
    """``[(span text, kind)]`` of the identifiers that overlap ``part`` of ``text``."""
    start = text.index(part)
    end = start + len(part)
    return [(text[s:e], k) for s, e, k, _ in find_identifiers(text) if s < end and e > start]


def is_kind(text, part, kind="handle"):
    """``part`` is one identifier of ``kind``, exactly."""
    return (part, kind) in kinds_of(text, part)


def no_online(text, part):
    """No online identifier overlaps ``part`` of ``text``."""
    return not [k for _, k in kinds_of(text, part) if k in ONLINE]
