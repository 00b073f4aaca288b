"""Survey analysis: scales, reliability, weighting, prevalence, group comparisons, models, figures.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit._lazy import lazy_package

_LAZY = {
    "score_scales": "scales",
    "reliability": "reliability",
    "item_analysis": "reliability",
    "reliability_table": "reliability",
    "rake": "weighting",
    "workforce_margins": "workforce",
    "any_of": "derive",
    "prevalence": "prevalence",
    "mean_by": "prevalence",
    "compare_groups": "compare",
    "logit": "models",
    "ordinal": "models",
    "likert_bars": "figures",
    "prevalence_plot": "figures",
    "harm_heatmap": "figures",
    "funnel": "funnel",
    "funnel_limits": "funnel",
    "funnel_plot": "funnel",
}

__all__, __getattr__ = lazy_package(__name__, _LAZY, globals())
