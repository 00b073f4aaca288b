"""toolkit.evaluate follows docs/vocabulary.md (issue 15): data first, keyword-only column names,
one name per concept, plain imports (every public name visible to dir())."""

from __future__ import annotations

import inspect

import pytest

import toolkit.evaluate as E

#: names docs/vocabulary.md replaced: none may remain in a public signature
RETIRED = {"dv", "ci_level", "weights", "group", "p_adjusted", "min_count", "rater"}
#: functions whose first argument is not a data table (planning, gathering results, a file)
NO_DATA = {
    "power",
    "mdes",
    "sample_size",
    "power_proportions",
    "evidence_table",
    "read_incidents",
    "event_study_plot",
    "its_plot",
}


def test_public_names_are_plain_imports():
    assert not hasattr(E, "__getattr__")
    assert set(E.__all__) <= set(dir(E))
    assert all(inspect.isfunction(getattr(E, name)) for name in E.__all__)


@pytest.mark.parametrize("name", sorted(E.__all__))
def test_signature_follows_the_vocabulary(name):
    params = list(inspect.signature(getattr(E, name)).parameters.values())
    assert not RETIRED & {p.name for p in params}, name
    if name in NO_DATA:
        rest = params[1:] if params and params[0].kind is not inspect.Parameter.KEYWORD_ONLY else params
    else:
        assert params[0].name == "data", name
        rest = params[1:]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in rest), (
        name,
        [p.name for p in rest if p.kind is not inspect.Parameter.KEYWORD_ONLY],
    )
    if any(p.name in {"ci"} for p in params):
        assert next(p for p in params if p.name == "ci").default == 0.95
