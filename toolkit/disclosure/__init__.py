"""Disclosure control for published tables: small-cell suppression with
secondary (complementary) suppression, and optional rounding.

Every table of counts meant for publication, and every table of percentages or
means computed from counts, passes through this module before it leaves the
toolkit (see :meth:`toolkit.report.evidence.EvidenceContext.table`).

Public functions
----------------
suppress
    Primary and secondary suppression of a two-way table of counts.
suppress_by_counts
    The same suppression pattern applied to percentages or means, driven by
    the counts they are based on.
suppress_long
    Convenience for a long table (two grouping columns and a count column).
protection_intervals
    The range each suppressed cell could take given everything published
    (linear-programming audit, as an intruder would compute it).

Suppressed cells are missing values (``pd.NA`` / ``NaN``) in the returned
tables, so numbers stay numbers; for display use :data:`MARKER` (``"[c]"``, the
Office for National Statistics symbol for a value withheld to protect
confidentiality).
"""

from __future__ import annotations

from toolkit.disclosure.audit import protection_intervals
from toolkit.disclosure.result import MARKER, SuppressionResult
from toolkit.disclosure.tables import DisclosureWarning, suppress, suppress_by_counts, suppress_long

__all__ = [
    "MARKER",
    "DisclosureWarning",
    "SuppressionResult",
    "protection_intervals",
    "suppress",
    "suppress_by_counts",
    "suppress_long",
]
