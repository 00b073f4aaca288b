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
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"toolkit.survey.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'toolkit.survey' has no attribute {name!r}")


# A function named like its module (``reliability`` in ``reliability.py``) would be hidden
# by the submodule once that is imported (Python binds submodules as package attributes),
# so these are bound eagerly: ``toolkit.survey.<name>`` is then always the function.
_SHADOWED = [name for name, module in _LAZY.items() if name == module]
for _name in _SHADOWED:
    try:
        globals()[_name] = getattr(importlib.import_module(f"toolkit.survey.{_name}"), _name)
    except ModuleNotFoundError as _exc:  # a module not written yet: leave it lazy
        if _exc.name != f"toolkit.survey.{_name}":
            raise
