"""Reading force data: survey files (CSV, XLSX, SPSS .sav, Qualtrics exports) checked
against a data dictionary, with a validation report that names every problem by the
row number the user sees in the file.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit._lazy import lazy_package

_LAZY = {
    "read_survey": "survey_file",
    "SurveyData": "survey_file",
    "ValidationReport": "report",
    "read_csv_text": "csvfile",
}

__all__, __getattr__ = lazy_package(__name__, _LAZY, globals())
