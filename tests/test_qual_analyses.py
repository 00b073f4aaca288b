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
        sources.append({"id": f"S{i}", "kind": "interview", "name": f"S{i}", "text": text, "case": f"C{i}"})
        cases.append({"id": f"C{i}", "pseudonym": f"Pseud{i}", "role": "Sergeant" if i % 2 else "Inspector"})
    for k, (code, who) in enumerate(coded.items()):
        for i in who:
            start = (k % 4) * 6
            segs.append({"source": f"S{i}", "start": start, "end": start + 4, "code": code, "coder": "A"})
    codebook = pd.DataFrame(
        {
            "id": ["P", "P.a", "P.b", "Q"],
            "name": ["Parent", "A", "B", "Q"],
            "parent": [None, "P", "P", None],
            "definition": "",
            "pillar": ["support"] * 4,
        }
    )
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
            f = code_frequencies(p, codes=["Q"], ci=level)
            assert f.attrs["ci"] == level
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
    assert list(f.columns) == [
        "group",
        "name",
        "parent",
        "pillar",
        "n_segments",
        "n_sources",
        "n_cases",
        "n",
        "estimate",
        "ci_low",
        "ci_high",
        "method",
    ]


def test_frequencies_by_attribute():
    from toolkit.qual.frequencies import code_frequencies

    p = toy(10, {"P.a": [0, 1, 2, 3, 5]})  # odd = Sergeant: 1, 3, 5
    f = code_frequencies(p, by="role", codes=["P.a"]).set_index("group")
    assert f.loc["Sergeant", "n_cases"] == 3 and f.loc["Sergeant", "n"] == 5
    assert f.loc["Inspector", "n_cases"] == 2
    assert f.attrs["by"] == "role"


# ------------------------------------------------------------------ co-occurrence
def test_jaccard_at_source_level_matches_scipy():
    """Reference: ``1 - scipy.spatial.distance.jaccard`` on the source x code indicator matrix."""
    from scipy.spatial.distance import jaccard

    from toolkit.qual.cooccurrence import cooccurrence
    from toolkit.synth.qual import make_interviews

    p = make_interviews(5)
    co = cooccurrence(p, unit="source", measure="jaccard", coder="A")
    seg = p.segments[p.segments["coder"] == "A"]
    ind = pd.crosstab(seg["source"], seg["code"]).reindex(p.sources["id"], fill_value=0) > 0
    for rec in co.sample(15, random_state=1).itertuples():
        a = ind.get(rec.code_a, pd.Series(False, index=ind.index)).to_numpy()
        b = ind.get(rec.code_b, pd.Series(False, index=ind.index)).to_numpy()
        expected = 1 - jaccard(a, b) if (a | b).any() else np.nan
        assert_allclose(rec.estimate, expected, rtol=0, atol=1e-12)


def test_segment_overlap_counted_by_hand():
    from toolkit.qual.cooccurrence import cooccurrence

    # "alpha beta gamma delta.": P.a at 0-4 (alpha) and 6-10 (beta)?  Build explicitly:
    sources = pd.DataFrame({"id": ["S"], "text": ["alpha beta gamma delta."], "case": [None]})
    cases = pd.DataFrame({"id": ["C"], "pseudonym": ["X"]})
    book = pd.DataFrame({"id": ["A", "B", "C"], "name": ["A", "B", "C"]})
    seg = pd.DataFrame(
        {"source": "S", "start": [0, 3, 11, 17], "end": [10, 8, 16, 22], "code": ["A", "B", "A", "C"], "coder": "x"}
    )
    co = cooccurrence(QualProject(sources, cases, book, seg), measure="jaccard").set_index(["code_a", "code_b"])
    assert co.loc[("A", "B"), "n_both"] == 1  # 0-10 overlaps 3-8; 11-16 touches nothing
    assert co.loc[("A", "C"), "n_both"] == 0  # 11-16 and 17-22 do not overlap
    assert co.loc[("A", "B"), "estimate"] == 1 / (2 + 1 - 1)


def test_heatmap_and_saturation_plot_draw():
    import matplotlib

    matplotlib.use("Agg")
    from toolkit.qual.cooccurrence import cooccurrence, cooccurrence_heatmap
    from toolkit.qual.saturation import saturation, saturation_plot
    from toolkit.synth.qual import make_interviews

    p = make_interviews(5)
    fig = cooccurrence_heatmap(cooccurrence(p, coder="A"))
    assert len(fig.axes) == 2
    fig2 = saturation_plot(saturation(p, coder="A"))
    assert fig2.axes[0].get_xlabel().startswith("Interview")


# ------------------------------------------------------------------ framework
def test_framework_matrix_cells_and_excel(tmp_path):
    import openpyxl

    from toolkit.qual.framework import framework_matrix, framework_to_excel

    p = toy(4, {"P.a": [0, 1], "P.b": [1]})
    m = framework_matrix(p, codes=["P", "P.a", "Q"])
    assert len(m) == 4 * 3  # full grid
    cell = m.set_index(["row", "code"])
    assert cell.loc[("C1", "P"), "n_segments"] == 2  # rolled up from P.a and P.b
    assert cell.loc[("C1", "P"), "summary"] == "alph | beta"
    assert cell.loc[("C2", "P.a"), "summary"] == "" and pd.isna(cell.loc[("C2", "P.a"), "exemplar"])
    assert cell.loc[("C0", "P.a"), "exemplar_pseudonym"] == "Pseud0"
    again = framework_matrix(p, codes=["P", "P.a", "Q"])
    pd.testing.assert_frame_equal(m, again)
    path = framework_to_excel(m, tmp_path / "fw.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["summary", "exemplars", "long"]
    assert wb["summary"]["B1"].value == "P"


# ------------------------------------------------------------------ quotes
def test_quotes_reproducible_attributed_and_spread():
    from toolkit.qual.quotes import quotes

    p = toy(6, {"P.a": [0, 1, 2, 3, 4, 5]})
    q1 = quotes(p, "P", n=3, seed=4)
    q2 = quotes(p, "P", n=3, seed=4)
    pd.testing.assert_frame_equal(q1, q2)
    assert len(q1) == 3 and q1["pseudonym"].is_unique
    assert all(a == f"{ps}, {r}" for a, ps, r in zip(q1["attribution"], q1["pseudonym"], q1["role"]))
    assert not q1["attribution"].str.contains("C[0-9]").any()  # never the case id
    by = quotes(p, "P.a", n=1, by="role")
    assert sorted(by["group"]) == ["Inspector", "Sergeant"]


# ------------------------------------------------------------------ saturation
def test_saturation_counts_new_codes_by_hand():
    from toolkit.qual.saturation import saturation

    p = toy(4, {"P.a": [0, 2], "P.b": [1, 2], "Q": [3]})
    sat = saturation(p, window=1, new_share=0.0)
    assert sat["n_new"].tolist() == [1, 1, 0, 1]
    assert sat["n_cumulative"].tolist() == [1, 2, 2, 3]
    assert_allclose(sat["proportion"], [1 / 3, 2 / 3, 2 / 3, 1.0])
    rev = saturation(p, order=["S3", "S2", "S1", "S0"])
    assert rev["n_new"].tolist() == [1, 2, 0, 0]
    assert rev.attrs["n_codes"] == 3


# ------------------------------------------------------------------ error paths
@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda m, p: m.code_frequencies("not a project"), ParameterError, "must be a QualProject"),
        (lambda m, p: m.code_frequencies(p, by="rank"), ColumnNotFoundError, "not a case attribute"),
        (lambda m, p: m.code_frequencies(p, coder="Z"), ParameterError, "'coder' parameter"),
        (lambda m, p: m.code_frequencies(p, ci=95), ParameterError, "'ci' parameter of code_frequencies"),
        (lambda m, p: m.framework_matrix(p, codes=["NOPE"]), ParameterError, "NOPE"),
        (lambda m, p: m.framework_matrix(p, max_chars=3), ParameterError, "max_chars"),
        (lambda m, p: m.cooccurrence(p, unit="sentence"), ParameterError, "'unit' parameter"),
        (lambda m, p: m.cooccurrence(p, measure="dice"), ParameterError, "'measure' parameter"),
        (lambda m, p: m.quotes(p, "NOPE"), ParameterError, "NOPE"),
        (lambda m, p: m.quotes(p, "P", n=0), ParameterError, "'n' parameter"),
        (lambda m, p: m.saturation(p, order="date"), ColumnNotFoundError, "'order' parameter"),
        (lambda m, p: m.saturation(p, order=["S99"]), ParameterError, "S99"),
    ],
)
def test_error_paths(call, error, words):
    from types import SimpleNamespace

    from toolkit.qual.cooccurrence import cooccurrence
    from toolkit.qual.framework import framework_matrix
    from toolkit.qual.frequencies import code_frequencies
    from toolkit.qual.quotes import quotes
    from toolkit.qual.saturation import saturation

    m = SimpleNamespace(
        code_frequencies=code_frequencies,
        framework_matrix=framework_matrix,
        cooccurrence=cooccurrence,
        quotes=quotes,
        saturation=saturation,
    )
    with pytest.raises(error, match=words):
        call(m, toy(4, {"P.a": [0]}))
