"""One check for each shared parameter, one module for every warning (toolkit.errors)."""

import ast
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import disclosure
from toolkit.errors import (
    DataWarning,
    DisclosureWarning,
    ParameterError,
    check_ci,
    check_proportion,
    check_threshold,
    warn_excluded,
)
from toolkit.evaluate import balance_table, evidence_table, power, power_proportions
from toolkit.survey import funnel_limits

PACKAGE = Path(toolkit.__file__).parent


@pytest.mark.parametrize("bad", [True, False, "10", 2.5, np.nan, np.inf, None, 0, 4])
def test_threshold_refuses_what_is_not_a_whole_number_of_at_least_five(bad):
    with pytest.raises(ParameterError, match="'threshold' parameter of f must be a whole number"):
        check_threshold(bad, function="f")


def test_threshold_accepts_whole_numbers_of_any_numeric_type():
    assert [check_threshold(x) for x in (10, 10.0, np.int64(10), np.float64(10))] == [10] * 4
    assert check_threshold(1, allow_low=True) == 1


@pytest.mark.parametrize("bad", [True, "0.95", 0, 1, 95, np.nan, None])
def test_confidence_level_and_proportions_share_one_strictness(bad):
    with pytest.raises(ParameterError, match="'ci' parameter of f must be a number strictly between 0 and 1"):
        check_ci(bad, function="f")
    with pytest.raises(ParameterError, match=r"'alpha' parameter of f .* \(e\.g\. 0\.05\)"):
        check_proportion(bad, argument="alpha", function="f", example=0.05)


def test_proportion_returns_a_float():
    assert check_proportion(np.float32(0.25), argument="p") == 0.25
    assert type(check_ci(np.float64(0.9))) is float


@pytest.mark.parametrize(
    "call, argument",
    [
        (lambda: power(effect_size=0.5, n=64, alpha=1.5), "'alpha' parameter of power"),
        (lambda: power_proportions(p1=0.2, p2=0.3, n=100, alpha=True), "'alpha' parameter of power_proportions"),
        (lambda: power_proportions(p1=1.2, p2=0.3, n=100), "'p1' parameter of power_proportions"),
        (lambda: evidence_table([], alpha=0), "'alpha' parameter of evidence_table"),
        (lambda: funnel_limits([100], target=1.0), "'target' parameter of funnel_limits"),
    ],
)
def test_every_level_and_proportion_goes_through_the_one_check(call, argument):
    with pytest.raises(ParameterError, match=argument + " must be a number strictly between 0 and 1"):
        call()


def test_suppress_refuses_a_boolean_threshold():
    table = pd.DataFrame({"A": [3, 40], "B": [20, 35]}, index=["F01", "F02"])
    with pytest.raises(ParameterError, match="'threshold' parameter of suppress"):
        disclosure.suppress(table, threshold=True)


def test_warn_excluded_carries_the_count_and_the_reason():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_excluded(0, "nothing", function="f")
        warn_excluded(3, "missing 'x'", function="f", detail="with no 'x' excluded (data index [1, 2, 5])")
    assert len(caught) == 1
    w = caught[0].message
    assert isinstance(w, DataWarning)
    assert (w.n_excluded, w.reason) == (3, "missing 'x'")
    assert str(w) == "f: 3 row(s) with no 'x' excluded (data index [1, 2, 5])."


def test_excluded_rows_of_evaluate_are_data_warnings_with_their_count():
    df = pd.DataFrame({"rollout": [1, 1, 1, 0, 0, 0, None], "age": [30, 41, None, 38, 52, 45, 33]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        balance_table(df, by="rollout", covariates=["age"], treated=1)
    counts = {w.message.reason: w.message.n_excluded for w in caught if isinstance(w.message, DataWarning)}
    assert counts == {"missing 'rollout'": 1, "missing 'age'": 1}


def test_every_warning_class_is_defined_in_toolkit_errors():
    """Callers filter by class: one module defines them all (others re-export them)."""
    defined = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Warning"):
                defined.append(f"{path.relative_to(PACKAGE)}:{node.name}")
    assert defined and all(d.startswith("errors.py:") for d in defined), defined
    assert disclosure.DisclosureWarning is DisclosureWarning


def test_funnel_target_goes_through_the_one_check_and_a_constant_outcome_is_named():
    from toolkit.errors import DesignError
    from toolkit.survey import funnel

    df = pd.DataFrame({"g": list("aabbccdd"), "y": [0] * 8})
    with pytest.raises(ParameterError, match="'target' parameter of funnel must be a number strictly between 0 and 1"):
        funnel(df, outcome="y", by="g", target=1.5)
    with pytest.raises(DesignError, match="every answer to 'y' is 0"):
        funnel(df, outcome="y", by="g")
