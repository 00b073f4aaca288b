"""QualProject: tidy tables, validation naming the place, hierarchy helpers, CSV round trip."""

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from toolkit.errors import DataValidationError, FileFormatError, ParameterError
from toolkit.qual.project import QualProject

TEXT = "Interviewer: Any abuse online?\nP01: Honestly it is part of the job.\r\nMy kids saw it."


def tables():
    sources = pd.DataFrame({"id": ["S1", "D1"], "kind": ["interview", "document"],
                            "name": ["Interview 1", "Policy"], "text": [TEXT, "Be careful online."],
                            "case": ["C1", None]})
    cases = pd.DataFrame({"id": ["C1"], "pseudonym": ["Tigger"], "role": ["Inspector"]})
    codebook = pd.DataFrame({
        "id": ["REC", "REC.norm", "SUP", "SUP.family"],
        "name": ["Recognition", "Normalisation", "Support", "Impact on family"],
        "parent": [None, "REC", None, "SUP"],
        "definition": ["", "Harm treated as normal", "", "Family affected"],
        "pillar": ["recognition", "recognition", "Support", "support"]})
    s1 = TEXT.index("it is part")
    s2 = TEXT.index("My kids")
    segments = pd.DataFrame({"source": ["S1", "S1"], "start": [s2, s1],
                             "end": [s2 + len("My kids saw it."), s1 + len("it is part of the job.")],
                             "code": ["SUP.family", "REC.norm"], "coder": ["A", "A"]})
    return sources, cases, codebook, segments


def test_fills_text_case_and_sorts():
    p = QualProject(*tables(), name="demo")
    assert p.segments["text"].tolist() == ["it is part of the job.", "My kids saw it."]
    assert p.segments["case"].tolist() == ["C1", "C1"]
    assert p.segments["start"].dtype == np.int64
    assert p.codebook.loc[2, "pillar"] == "support"  # case-normalised
    assert pd.isna(p.sources.loc[1, "case"])


def test_hierarchy_helpers():
    p = QualProject(*tables())
    assert p.code_path("SUP.family") == "Support > Impact on family"
    assert p.descendants("SUP") == ["SUP.family"]
    assert p.descendants("SUP", include_self=True) == ["SUP", "SUP.family"]
    assert p.ancestors("REC.norm") == ["REC"]
    assert p.case_attributes() == ["role"]
    with pytest.raises(ParameterError, match="'NOPE' is not in the codebook"):
        p.descendants("NOPE")


def test_csv_round_trip(tmp_path):
    p = QualProject(*tables())
    p.to_csv(tmp_path)
    q = QualProject.from_csv(tmp_path)
    for t in ("sources", "cases", "codebook", "segments"):
        assert_frame_equal(getattr(p, t), getattr(q, t))
    assert "\r\n" in q.sources.loc[0, "text"]


def _bad(kind):
    sources, cases, codebook, segments = tables()
    if kind == "unknown source":
        segments.loc[0, "source"] = "S9"
    elif kind == "unknown code":
        segments.loc[1, "code"] = "XX"
    elif kind == "past end":
        segments.loc[0, "end"] = len(TEXT) + 5
    elif kind == "text mismatch":
        segments["text"] = ["My kids saw it.", "wrong words"]
    elif kind == "duplicate id":
        codebook.loc[3, "id"] = "SUP"
    elif kind == "unknown parent":
        codebook.loc[1, "parent"] = "NOPE"
    elif kind == "unknown case":
        sources.loc[0, "case"] = "C7"
    elif kind == "bad pillar":
        codebook.loc[0, "pillar"] = "welfare"
    elif kind == "missing column":
        segments = segments.drop(columns="code")
    return sources, cases, codebook, segments


@pytest.mark.parametrize("kind, where, words", [
    ("unknown source", "row 1, column 'source'", "'S9'"),
    ("unknown code", "row 2, column 'code'", "'XX'"),
    ("past end", "row 1, column 'start/end'", "outside source 'S1'"),
    ("text mismatch", "row 2, column 'text'", "does not match source 'S1'"),
    ("duplicate id", "codebook table, row 4, column 'id'", "duplicate id"),
    ("unknown parent", "row 2, column 'parent'", "'NOPE'"),
    ("unknown case", "sources table, row 1, column 'case'", "'C7'"),
    ("bad pillar", "codebook table, row 1, column 'pillar'", "'welfare'"),
    ("missing column", "column 'code'", "required column 'code' is missing"),
])
def test_errors_name_the_place(kind, where, words):
    with pytest.raises(DataValidationError) as info:
        QualProject(*_bad(kind))
    msg = str(info.value)
    assert where in msg and words in msg, msg


def test_csv_errors_use_excel_row_numbers(tmp_path):
    p = QualProject(*tables())
    p.to_csv(tmp_path)
    seg = pd.read_csv(tmp_path / "segments.csv")
    seg.loc[1, "code"] = "TYPO"
    seg.to_csv(tmp_path / "segments.csv", index=False)
    with pytest.raises(DataValidationError, match=r"segments.csv, row 3, column 'code'"):
        QualProject.from_csv(tmp_path)
    (tmp_path / "cases.csv").unlink()
    with pytest.raises(FileFormatError, match="cases.csv not found"):
        QualProject.from_csv(tmp_path)


def test_mismatch_hint_gives_where_text_occurs():
    sources, cases, codebook, segments = tables()
    segments["start"] = segments["start"] + 1
    segments["end"] = segments["end"] + 1
    segments["text"] = ["My kids saw it.", "it is part of the job."]
    with pytest.raises(DataValidationError, match="does occur at start="):
        QualProject(sources, cases, codebook, segments)


def test_text_without_offsets_is_placed_or_reported():
    sources, cases, codebook, _ = tables()
    seg = pd.DataFrame({"source": ["S1"], "start": [None], "end": [None],
                        "text": ["part of the job"], "code": ["REC.norm"], "coder": ["A"]})
    p = QualProject(sources, cases, codebook, seg)
    assert TEXT[p.segments.loc[0, "start"]:p.segments.loc[0, "end"]] == "part of the job"
    seg.loc[0, "text"] = "it"  # occurs several times
    with pytest.raises(DataValidationError, match="occurs 2 times"):
        QualProject(sources, cases, codebook, seg)
