"""Evaluation: before-and-after, controlled comparisons, interrupted time series, reporting trends.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit.evaluate.did import did, event_study, event_study_plot, staggered_did
from toolkit.evaluate.evidence import evidence_table
from toolkit.evaluate.groups import balance_table, mixed_anova, mixed_model
from toolkit.evaluate.incidents import incident_trends, launch_series, launched_forces, read_incidents
from toolkit.evaluate.its import its, its_plot
from toolkit.evaluate.power import mdes, power, power_proportions, sample_size
from toolkit.evaluate.prepost import attrition, pre_post

__all__ = [
    "attrition",
    "balance_table",
    "did",
    "event_study",
    "event_study_plot",
    "evidence_table",
    "incident_trends",
    "its",
    "its_plot",
    "launch_series",
    "launched_forces",
    "mdes",
    "mixed_anova",
    "mixed_model",
    "power",
    "power_proportions",
    "pre_post",
    "read_incidents",
    "sample_size",
    "staggered_did",
]
