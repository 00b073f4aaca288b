"""Reading force data: survey files (CSV, XLSX, SPSS .sav, Qualtrics exports) checked
against a data dictionary, with a validation report that names every problem by the
row number the user sees in the file.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

import importlib

_LAZY = {
    "read_survey": "survey_file",
    "SurveyData": "survey_file",
    "ValidationReport": "report",
    "read_csv_text": "csvfile",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"toolkit.io.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'toolkit.io' has no attribute {name!r}")
