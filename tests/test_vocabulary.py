"""The public API speaks one vocabulary (docs/vocabulary.md).

Walks every public function and class of the analysis packages and checks:

* data first: the first parameter is the data (a table, project, texts or a path), or
  the function takes keyword-only arguments alone;
* after the data, only the analysed variable(s) (``outcome``, ``items``, a ``formula``...)
  may be given by position; every other column name is keyword-only;
* no retired name (``dv``, ``ci_level``, ``min_count``, ...) is used, and ``between``
  only in the repeated-measures ANOVA functions;
* every parameter name is documented in docs/vocabulary.md.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

PACKAGES = ["toolkit.survey", "toolkit.evaluate", "toolkit.qual", "toolkit.disclosure", "toolkit.io"]
VOCABULARY = (Path(__file__).parents[1] / "docs" / "vocabulary.md").read_text(encoding="utf-8")

#: names a first (data) parameter may have
FIRST = {
    "data",
    "project",
    "texts",
    "text",
    "documents",
    "table",
    "result",
    "results",
    "path",
    "paths",
    "sample",
    "scores",
    "matrix",
    "codebook",
    "values",
    "workforce",
    "fitted",
    "lexicon",
    "sources",
    "texts_a",
    "incidents",
    "n",
}
#: the analysed variable(s), which may follow the data by position
PRINCIPAL = {
    "outcome",
    "items",
    "formula",
    "harms",
    "code",
    "term",
    "path",
    "dictionary",
    "margins",
    "lexicon",
    "texts_b",
    "counts",
    "variables",
    "report",
    "record",
    "cases",
    "codebook",
    "segments",
    "missing",
    "excluded",
    "source",
    "details",
    "threshold",
    "settings",
    "name",
}
#: column names that must be passed by keyword
COLUMNS = {
    "by",
    "weight",
    "strata",
    "cluster",
    "fpc",
    "subject",
    "unit",
    "time",
    "treated",
    "first_treated",
    "covariates",
    "within",
    "between",
    "coder",
    "item",
    "value",
    "id",
}
RETIRED = {"dv", "ci_level", "min_count", "p_adjusted", "rater", "weights", "group", "unit_of_agreement"}
ANOVA = {"mixed_anova", "mixed_model"}


def _public():
    seen = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            if not callable(obj):
                continue
            try:
                signature = inspect.signature(obj)
            except (TypeError, ValueError):
                continue
            params = [p for p in signature.parameters.values() if not p.name.startswith("_")]
            seen.append(pytest.param(name, params, id=f"{package}.{name}"))
    return seen


PUBLIC = _public()


def test_every_package_exports_plainly():
    """Plain imports: everything in __all__ is an attribute (visible to dir() and tab
    completion in JupyterLab), no lazy __getattr__."""
    for package in PACKAGES:
        module = importlib.import_module(package)
        assert not hasattr(module, "__getattr__"), f"{package} resolves names lazily"
        missing = [n for n in module.__all__ if n not in vars(module)]
        assert not missing, f"{package}: {missing} not imported"
        assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("name, params", PUBLIC)
def test_data_first(name, params):
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if not positional:
        return  # keyword-only function (power, sample_size ...)
    assert positional[0].name in FIRST, f"{name}: first parameter {positional[0].name!r} is not the data"
    extra = [p.name for p in positional[1:] if p.name not in PRINCIPAL]
    assert not extra, f"{name}: {extra} may be given by position; make them keyword-only"


@pytest.mark.parametrize("name, params", PUBLIC)
def test_column_names_are_keyword_only(name, params):
    loose = [p.name for p in params if p.name in COLUMNS and p.kind != p.KEYWORD_ONLY]
    assert not loose, f"{name}: column argument(s) {loose} must be keyword-only"


@pytest.mark.parametrize("name, params", PUBLIC)
def test_no_retired_names(name, params):
    names = {p.name for p in params}
    assert not names & RETIRED, f"{name}: retired name(s) {sorted(names & RETIRED)}; see docs/vocabulary.md"
    if name not in ANOVA:
        assert "between" not in names, f"{name}: use 'by' for a grouping column"


@pytest.mark.parametrize("name, params", PUBLIC)
def test_names_are_documented(name, params):
    documented = set(re.findall(r"`([a-z_0-9]+)`", VOCABULARY))
    undocumented = [p.name for p in params if p.name not in documented]
    assert not undocumented, f"{name}: {undocumented} not in docs/vocabulary.md"


def test_result_columns_use_the_vocabulary():
    """Adjusted p-values are p_adj and the confidence level is attrs['ci'] everywhere."""
    import pandas as pd

    from toolkit.evaluate import evidence_table, pre_post
    from toolkit.survey import prevalence

    data = pd.DataFrame({"y": [0, 1] * 30, "g": ["a"] * 30 + ["b"] * 30})
    assert prevalence(data, "y", by="g", threshold=5).attrs["ci"] == 0.95
    panel = pd.DataFrame(
        {
            "id": list(range(20)) * 2,
            "t": [0] * 20 + [1] * 20,
            "y": [float(i % 5) for i in range(20)] + [float(i % 5) + 1 + (i % 3) for i in range(20)],
        }
    )
    pp = pre_post(panel, outcome="y", time="t", subject="id")
    table = evidence_table({"x": pp})
    assert "p_adj" in table.columns and "p_adjusted" not in table.columns
