"""Qualitative analyses: frequencies, framework matrix, co-occurrence, quotes, saturation."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, ParameterError
from toolkit.qual.project import QualProject

REF = Path(__file__).parent / "reference"


def toy(n_cases=50, coded=None):
    """``n_cases`` one-line interviews; ``coded`` maps code -> list of case numbers."""
    coded = coded or {}
    sources, cases, segs = [], [], []
    for i in range(n_cases):
        words = ["alpha", "beta", "gamma", "delta"]
        text = " ".join(words) + "."
        sources.append({"id": f"S{i}", "kind": "interview", "name": f"S{i}", "text": text,
                        "case": f"C{i}"})
        cases.append({"id": f"C{i}", "pseudonym": f"Pseud{i}",
                      "role": "Sergeant" if i % 2 else "Inspector"})
    for k, (code, who) in enumerate(coded.items()):
        for i in who:
            start = (k % 4) * 6
            segs.append({"source": f"S{i}", "start": start, "end": start + 4, "code": code,
                         "coder": "A"})
    codebook = pd.DataFrame({"id": ["P", "P.a", "P.b", "Q"], "name": ["Parent", "A", "B", "Q"],
                             "parent": [None, "P", "P", None], "definition": "",
                             "pillar": ["support"] * 4})
    seg = pd.DataFrame(segs, columns=["source", "start", "end", "code", "coder"])
    return QualProject(pd.DataFrame(sources), pd.DataFrame(cases), codebook, seg)


# ------------------------------------------------------------------ frequencies
def test_wilson_interval_matches_r_prop_test():
    """R: ``prop.test(x, 50, correct = FALSE)$conf.int`` (tests/reference/qual_wilson.R)."""
    from toolkit.qual.frequencies import code_frequencies

    ref = pd.read_csv(REF / "qual_wilson.csv")
    for rec in ref.itertuples():
        p = toy(50, {"Q": list(range(int(rec.x)))})
        for level, lo, hi in ((0.95, rec.ci_low, rec.ci_high), (0.90, rec.ci_low_90, rec.ci_high_90)):
            f = code_frequencies(p, codes=["Q"], ci_level=level)
            assert f.attrs["ci_level"] == level
            assert_allclose(f[["ci_low", "ci_high"]].iloc[0].to_numpy(), [lo, hi], rtol=0, atol=1e-8)
            assert f["estimate"].iloc[0] == rec.x / 50


def test_parent_counts_a_case_once():
    from toolkit.qual.frequencies import code_frequencies

    p = toy(10, {"P.a": [0, 1, 2], "P.b": [2, 3]})
    f = code_frequencies(p).set_index("code")
    assert f.loc["P.a", "n_cases"] == 3 and f.loc["P.b", "n_cases"] == 2
    assert f.loc["P", "n_cases"] == 4  # case 2 coded at both children counts once
    assert f.loc["P", "n_segments"] == 5
    assert f.loc["Q", "n_cases"] == 0 and f.loc["Q", "estimate"] == 0.0
    assert list(f.columns) == ["group", "name", "parent", "pillar", "n_segments", "n_sources",
                               "n_cases", "n", "estimate", "ci_low", "ci_high", "method"]


def test_frequencies_by_attribute():
    from toolkit.qual.frequencies import code_frequencies

    p = toy(10, {"P.a": [0, 1, 2, 3, 5]})  # odd = Sergeant: 1, 3, 5
    f = code_frequencies(p, by="role", codes=["P.a"]).set_index("group")
    assert f.loc["Sergeant", "n_cases"] == 3 and f.loc["Sergeant", "n"] == 5
    assert f.loc["Inspector", "n_cases"] == 2
    assert f.attrs["by"] == "role"
