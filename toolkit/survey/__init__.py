"""Survey analysis: scales, reliability, weighting, prevalence, group comparisons, models, figures.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

import importlib

_LAZY = {
    "score_scales": "scales",
    "reliability": "reliability",
    "item_analysis": "reliability",
    "reliability_table": "reliability",
    "rake": "weighting",
    "prevalence": "prevalence",
    "mean_by": "prevalence",
    "compare_groups": "compare",
    "logit": "models",
    "ordinal": "models",
    "likert_bars": "figures",
    "prevalence_plot": "figures",
    "harm_heatmap": "figures",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"toolkit.survey.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'toolkit.survey' has no attribute {name!r}")
