"""Evaluation: before-and-after, controlled comparisons, interrupted time series, reporting trends.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit._lazy import lazy_package

_LAZY = {
    "pre_post": "prepost",
    "attrition": "prepost",
    "mixed_anova": "groups",
    "balance_table": "groups",
    "mixed_model": "groups",
    "did": "did",
    "event_study": "did",
    "event_study_plot": "did",
    "staggered_did": "did",
    "its": "its",
    "its_plot": "its",
    "incident_trends": "incidents",
    "read_incidents": "incidents",
    "power": "power",
    "mdes": "power",
    "sample_size": "power",
    "evidence_table": "evidence",
}

__all__, __getattr__ = lazy_package(__name__, _LAZY, globals())
