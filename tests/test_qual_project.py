"""QualProject: tidy tables, validation naming the place, hierarchy helpers, CSV round trip."""

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from toolkit.errors import DataValidationError, FileFormatError, ParameterError
from toolkit.qual.project import QualProject

TEXT = "Interviewer: Any abuse online?\nP01: Honestly it is part of the job.\r\nMy kids saw it."


def tables():
    sources = pd.DataFrame(
        {
            "id": ["S1", "D1"],
            "kind": ["interview", "document"],
            "name": ["Interview 1", "Policy"],
            "text": [TEXT, "Be careful online."],
            "case": ["C1", None],
        }
    )
    cases = pd.DataFrame({"id": ["C1"], "pseudonym": ["Tigger"], "role": ["Inspector"]})
    codebook = pd.DataFrame(
        {
            "id": ["REC", "REC.norm", "SUP", "SUP.family"],
            "name": ["Recognition", "Normalisation", "Support", "Impact on family"],
            "parent": [None, "REC", None, "SUP"],
            "definition": ["", "Harm treated as normal", "", "Family affected"],
            "pillar": ["recognition", "recognition", "Support", "support"],
        }
    )
    s1 = TEXT.index("it is part")
    s2 = TEXT.index("My kids")
    segments = pd.DataFrame(
        {
            "source": ["S1", "S1"],
            "start": [s2, s1],
            "end": [s2 + len("My kids saw it."), s1 + len("it is part of the job.")],
            "code": ["SUP.family", "REC.norm"],
            "coder": ["A", "A"],
        }
    )
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


@pytest.mark.parametrize(
    "kind, where, words",
    [
        ("unknown source", "row 1, column 'source'", "'S9'"),
        ("unknown code", "row 2, column 'code'", "'XX'"),
        ("past end", "row 1, column 'start/end'", "outside source 'S1'"),
        ("text mismatch", "row 2, column 'text'", "does not match source 'S1'"),
        ("duplicate id", "codebook table, row 4, column 'id'", "duplicate id"),
        ("unknown parent", "row 2, column 'parent'", "'NOPE'"),
        ("unknown case", "sources table, row 1, column 'case'", "'C7'"),
        ("bad pillar", "codebook table, row 1, column 'pillar'", "'welfare'"),
        ("missing column", "column 'code'", "required column 'code' is missing"),
    ],
)
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
    seg = pd.DataFrame(
        {
            "source": ["S1"],
            "start": [None],
            "end": [None],
            "text": ["part of the job"],
            "code": ["REC.norm"],
            "coder": ["A"],
        }
    )
    p = QualProject(sources, cases, codebook, seg)
    assert TEXT[p.segments.loc[0, "start"] : p.segments.loc[0, "end"]] == "part of the job"
    seg.loc[0, "text"] = "it"  # occurs several times
    with pytest.raises(DataValidationError, match="occurs 2 times"):
        QualProject(sources, cases, codebook, seg)


# ------------------------------------------------------------ codebook roll-ups
def _old_ancestors(project, code):
    """The former implementation (a walk up per call), kept as the reference."""
    parent = dict(zip(project.codebook["id"], project.codebook["parent"]))
    out, cur = [], parent[code]
    while isinstance(cur, str):
        out.append(cur)
        cur = parent[cur]
    return out


def _old_descendants(project, code, include_self=False, _memo={}):  # noqa: B006 (a memo shared across calls, on purpose)
    """The former rule (every code whose ancestors include ``code``), with the reference
    ancestors memoised per codebook so that the test itself stays fast."""
    key = (tuple(project.codebook["id"]), tuple(project.codebook["parent"]))
    if key not in _memo:
        _memo.clear()
        _memo[key] = {c: _old_ancestors(project, c) for c in project.codebook["id"]}
    anc = _memo[key]
    out = [c for c in project.codebook["id"] if code in anc[c]]
    return ([code] if include_self else []) + out


def _deep_random_project(n_codes=300, seed=3):
    rng = np.random.default_rng(seed)
    ids = [f"K{i:03d}" for i in range(n_codes)]
    # each code's parent is an earlier code (or none): a random tree, some chains deep
    parents = [None] + [ids[rng.integers(max(0, i - 5), i)] if rng.random() < 0.9 else None for i in range(1, n_codes)]
    order = rng.permutation(n_codes)  # codebook rows not in tree order
    codebook = pd.DataFrame(
        {"id": np.array(ids)[order], "name": np.array(ids)[order], "parent": np.array(parents, dtype=object)[order]}
    )
    text = "word " * 4000
    sources = pd.DataFrame({"id": ["S1", "S2"], "text": [text, text], "case": ["C1", "C2"]})
    cases = pd.DataFrame({"id": ["C1", "C2"], "role": ["Sergeant", "Inspector"]})
    seg_code = np.array(ids)[rng.integers(0, n_codes, 2000)]
    starts = rng.integers(0, 3900, 2000) * 5
    segments = pd.DataFrame(
        {"source": rng.choice(["S1", "S2"], 2000), "start": starts, "end": starts + 4, "code": seg_code, "coder": "A"}
    )
    return QualProject(sources, cases, codebook, segments)


def test_hierarchy_equals_the_former_walk_on_a_deep_random_codebook():
    p = _deep_random_project()
    depth = max(len(_old_ancestors(p, c)) for c in p.codebook["id"])
    assert depth >= 20  # deep enough to matter
    for c in p.codebook["id"]:
        assert p.ancestors(c) == _old_ancestors(p, c)
        assert p.descendants(c) == _old_descendants(p, c)
        assert p.descendants(c, include_self=True) == _old_descendants(p, c, True)


@pytest.mark.slow
def test_code_frequencies_and_cooccurrence_equal_the_former_roll_up(monkeypatch):
    from toolkit.qual import code_frequencies, cooccurrence

    p = _deep_random_project()
    new_f = code_frequencies(p, by="role")
    new_c = cooccurrence(p, unit="source")
    # the former roll-up: descendants(c, include_self=True) for every code, old rule
    monkeypatch.setattr(
        QualProject, "rollup", lambda self: {c: _old_descendants(self, c, True) for c in self.codebook["id"]}
    )
    assert_frame_equal(new_f, code_frequencies(p, by="role"))
    assert_frame_equal(new_c, cooccurrence(p, unit="source"))


def test_roll_up_of_300_codes_takes_milliseconds():
    from toolkit.qual._common import rollup_map

    p = _deep_random_project()
    rollup_map(p)  # builds the cached hierarchy
    best = min(_timed(lambda: rollup_map(p)) for _ in range(5))
    assert best < 0.02, f"roll-up of 300 codes took {best * 1000:.1f} ms"
    # a fresh project (no cache) too: one pass over the hierarchy
    q = _deep_random_project()
    assert _timed(lambda: rollup_map(q)) < 0.05


def _timed(fn):
    import time

    t = time.perf_counter()
    fn()
    return time.perf_counter() - t
