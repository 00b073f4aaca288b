"""Survey analysis: scales, reliability, weighting, prevalence, totals, group comparisons,
models, figures.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit.survey.compare import compare_groups
from toolkit.survey.derive import any_of
from toolkit.survey.figures import harm_heatmap, likert_bars, prevalence_plot
from toolkit.survey.forces import change_by, compare_forces, resourcing
from toolkit.survey.funnel import funnel, funnel_limits, funnel_plot
from toolkit.survey.models import logit, ordinal
from toolkit.survey.prevalence import mean_by, prevalence, total
from toolkit.survey.reliability import item_analysis, reliability, reliability_table
from toolkit.survey.scales import score_scales
from toolkit.survey.shrinkage import shrink_forces
from toolkit.survey.weighting import rake
from toolkit.survey.workforce import workforce_margins

__all__ = [
    "score_scales",
    "reliability",
    "item_analysis",
    "reliability_table",
    "rake",
    "workforce_margins",
    "any_of",
    "prevalence",
    "mean_by",
    "total",
    "compare_groups",
    "logit",
    "ordinal",
    "likert_bars",
    "prevalence_plot",
    "harm_heatmap",
    "funnel",
    "funnel_limits",
    "funnel_plot",
    "resourcing",
    "compare_forces",
    "change_by",
    "shrink_forces",
]
