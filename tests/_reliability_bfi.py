"""Shared fixtures of the reliability / scale tests: psych::bfi as exported by
tests/reference/reliability.R, and a data dictionary describing its five scales."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).parent / "reference"
SCALES = {s: [f"{s}{i}" for i in range(1, 6)] for s in "ACENO"}
# psych::bfi.keys
REVERSE = ["A1", "C4", "C5", "E1", "E2", "O2", "O5"]


def bfi() -> pd.DataFrame:
    """psych::bfi (2800 x 28) as written by the R script."""
    return pd.read_csv(REFERENCE / "data" / "bfi.csv")


def bfi_dictionary_table() -> pd.DataFrame:
    """A toolkit data dictionary (12 columns) for the 25 bfi items, 6-point Likert."""
    values = (
        "1=Very inaccurate; 2=Moderately inaccurate; 3=Slightly inaccurate; "
        "4=Slightly accurate; 5=Moderately accurate; 6=Very accurate"
    )
    rows = [
        {
            "variable": item,
            "label": item,
            "type": "likert",
            "values": values,
            "missing": "",
            "scale": scale,
            "reverse": "yes" if item in REVERSE else "",
            "min": "1",
            "max": "6",
            "required": "",
            "pillar": "",
            "disclosure": "public",
        }
        for scale, items in SCALES.items()
        for item in items
    ]
    return pd.DataFrame(rows)


def as_categorical(data: pd.DataFrame, columns, categories=range(1, 7)) -> pd.DataFrame:
    """Item columns as ordered categoricals of integer codes, as read_survey returns them."""
    out = data.copy()
    for c in columns:
        out[c] = pd.Categorical(out[c].astype("Int64"), categories=list(categories), ordered=True)
    return out
