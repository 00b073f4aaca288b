"""Variable and value labels from a data dictionary, for figures.

The dictionary is the item bank's CSV (``data-templates/survey/dictionary.csv`` by
default), a path to one, or a DataFrame with columns ``variable, label, values``
(values written ``1=Strongly disagree; 2=Disagree; ...``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.errors import DictionaryError, ParameterError
from toolkit.paths import template

__all__ = ["Labels", "load_labels"]


class Labels:
    """Look-ups of a variable's label and of its values' labels (falling back to the raw value)."""

    def __init__(
        self, variables: dict[str, str], values: dict[str, dict[str, str]], missing: dict[str, set[str]] | None = None
    ):
        self.variables = variables
        self.values = values
        self.missing = missing or {}

    def variable(self, name: str) -> str:
        return self.variables.get(name) or name

    def value(self, name: str | None, code) -> str:
        key = _code(code)
        if name is None:
            return key
        return self.values.get(name, {}).get(key, key)

    def codes(self, name: str) -> list[str]:
        """Valid codes of a variable in dictionary order (its missing codes left out)."""
        return [c for c in self.values.get(name, {}) if c not in self.missing.get(name, set())]


def _code(v) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v).strip()
    return str(int(f)) if f.is_integer() else str(v).strip()


def load_labels(dictionary=None) -> Labels:
    """Read labels from ``dictionary`` (None = the bundled item bank; path; or DataFrame)."""
    if dictionary is None:
        dictionary = template("survey", "dictionary.csv")
    if isinstance(dictionary, (str, Path)):
        try:
            dictionary = pd.read_csv(dictionary, dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError) as exc:
            raise DictionaryError(f"The dictionary file {dictionary} cannot be read: {exc}") from exc
    if isinstance(dictionary, Labels):
        return dictionary
    if isinstance(getattr(dictionary, "table", None), pd.DataFrame):  # a toolkit Dictionary
        dictionary = dictionary.table
    if not isinstance(dictionary, pd.DataFrame):
        raise ParameterError(
            "The 'dictionary' parameter must be None (the bundled item bank), a path to a "
            f"dictionary CSV, a Dictionary or a DataFrame. Got {type(dictionary).__name__} instead."
        )
    if "variable" not in dictionary.columns:
        raise DictionaryError(f"The dictionary has no 'variable' column; found {list(dictionary.columns)}.")
    variables, values, missing = {}, {}, {}
    for _, row in dictionary.iterrows():
        name = str(row["variable"]).strip()
        label = str(row.get("label", "") or "").strip()
        if label and label.lower() != "nan":
            variables[name] = label
        spec = str(row.get("values", "") or "").strip()
        if spec and spec.lower() != "nan":
            mapping = {}
            for part in spec.split(";"):
                if "=" not in part:
                    continue
                code, text = part.split("=", 1)
                mapping[_code(code.strip())] = text.strip()
            values[name] = mapping
        miss = str(row.get("missing", "") or "").strip()
        if miss and miss.lower() != "nan":
            missing[name] = {_code(m.strip()) for m in miss.replace(",", ";").split(";") if m.strip()}
    return Labels(variables, values, missing)
