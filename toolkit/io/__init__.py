"""Reading force data: survey files (CSV, XLSX, SPSS .sav, Qualtrics exports) checked
against a data dictionary, with a validation report that names every problem by the
row number the user sees in the file.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit.io.csvfile import read_csv_text
from toolkit.io.survey_file import SurveyData, read_survey
from toolkit.io.validation_report import ValidationReport

__all__ = ["read_survey", "SurveyData", "ValidationReport", "read_csv_text"]
