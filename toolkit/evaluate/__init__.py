"""Evaluation: before-and-after, controlled comparisons, interrupted time series, reporting trends.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

import importlib

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

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"toolkit.evaluate.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'toolkit.evaluate' has no attribute {name!r}")


# A function named like its module (``reliability`` in ``reliability.py``) would be hidden
# by the submodule once that is imported (Python binds submodules as package attributes),
# so these are bound eagerly: ``toolkit.evaluate.<name>`` is then always the function.
_SHADOWED = [name for name, module in _LAZY.items() if name == module]
for _name in _SHADOWED:
    try:
        globals()[_name] = getattr(importlib.import_module(f"toolkit.evaluate.{_name}"), _name)
    except ModuleNotFoundError as _exc:  # a module not written yet: leave it lazy
        if _exc.name != f"toolkit.evaluate.{_name}":
            raise
