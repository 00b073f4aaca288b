"""Tests of toolkit.qual.framing: lexicon scoring, evidence, comparison, validation."""

from __future__ import annotations

import pathlib

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError
from toolkit.paths import template
from toolkit.qual.agreement import cohen_kappa
from toolkit.qual.framing import (
    compare_frames,
    frame_documents,
    framing_evidence,
    lexicon_confusion,
    read_lexicon,
    validate_lexicon,
)

HAND = template("qual", "framing_hand_coded.csv")

#: Floors stated for the bundled lexicon on the 42 hand-coded paragraphs (labelled by
#: reading, before scoring): accuracy >= 0.80 and Cohen's kappa >= 0.70.
ACCURACY_FLOOR = 0.80
KAPPA_FLOOR = 0.70


def test_bundled_lexicon_is_valid_and_documented():
    lex = read_lexicon()
    assert set(lex["frame"]) == {"care", "misconduct"}
    assert (lex["weight"] > 0).all()
    assert lex["term"].str.contains(" ").any()  # multiword terms
    assert lex["term"].str.endswith("*").any()  # wildcards


def test_validate_lexicon_meets_floor_on_hand_coded_sample():
    sample = pd.read_csv(HAND)
    assert len(sample) >= 40
    res = validate_lexicon(sample).set_index("measure")
    assert res.loc["accuracy", "estimate"] >= ACCURACY_FLOOR
    assert res.loc["cohen_kappa", "estimate"] >= KAPPA_FLOOR
    conf = lexicon_confusion(sample)
    assert conf.to_numpy().sum() == len(sample)
    # accuracy is the diagonal share of the confusion table
    assert_allclose(res.loc["accuracy", "estimate"], np.trace(conf.to_numpy()) / len(sample))


def test_evidence_offsets_paragraphs_and_longest_match():
    text = "Failure may bring the force into disrepute.\n\nOccupational Health offers support services and counselling."
    docs = pd.DataFrame({"id": ["d"], "text": [text]})
    ev = framing_evidence(docs)
    for row in ev.itertuples():
        assert text[row.start : row.end] == row.term
    assert ev["paragraph"].tolist() == [1, 2, 2, 2]
    # 'bring the force into disrepute' counts once, not also as 'disrepute'
    assert ev["lexicon_term"].tolist()[0] == "bring the force into disrepute"
    assert "support services" in ev["lexicon_term"].tolist()
    assert "support" not in ev["lexicon_term"].tolist()


def test_scores_sum_evidence_weights_and_custom_lexicon(tmp_path):
    lex = pd.DataFrame(
        {"term": ["kind words", "punish*"], "frame": ["care", "misconduct"], "weight": [2, 1], "notes": ["", ""]}
    )
    path = tmp_path / "lex.csv"
    lex.to_csv(path, index=False)
    docs = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "year": [2015, 2020, 2020],
            "text": ["Kind  words, punishment, punished.", "Kind words.", "Nothing."],
        }
    )
    s = frame_documents(docs, lexicon=path)
    assert s["care"].tolist() == [2.0, 2.0, 0.0]
    assert s["misconduct"].tolist() == [2.0, 0.0, 0.0]
    assert s["frame"].tolist() == ["balanced", "care", "none"]
    assert np.isnan(s["estimate"].iloc[2])
    assert s["n_words"].tolist() == [4, 2, 1]
    assert "text" not in s.columns and "year" in s.columns


def test_recovers_known_framing_of_synthetic_documents():
    """The 46 synthetic documents of toolkit.synth.qual carry their true frame; the
    lexicon classification should agree (kappa >= 0.8)."""
    from toolkit.synth.qual import make_documents

    docs = make_documents()
    scores = frame_documents(docs.drop(columns=["true_frame"]))
    pair = pd.DataFrame({"truth": docs["true_frame"], "lexicon": scores["frame"]})
    k = cohen_kappa(pair, raters=["truth", "lexicon"]).iloc[0]
    assert (pair["truth"] == pair["lexicon"]).mean() >= 0.9
    assert k["estimate"] >= 0.8


def test_compare_frames_by_group():
    docs = pd.DataFrame(
        {
            "id": range(6),
            "force": ["A"] * 3 + ["B"] * 3,
            "text": ["misconduct"] * 3 + ["wellbeing", "wellbeing", "misconduct"],
        }
    )
    res = compare_frames(frame_documents(docs), by="force")
    assert res["force"].tolist() == ["A", "B"]
    assert_allclose(res["estimate"], [-1.0, 1 / 3])
    assert_allclose(res["share_care"], [0.0, 2 / 3])
    assert res.attrs["ci"] == 0.95
    # t interval of the mean balance by hand for group B: values 1, 1, -1
    b = np.array([1.0, 1.0, -1.0])
    half = 4.302652729911275 * b.std(ddof=1) / np.sqrt(3)  # qt(0.975, 2) in R
    assert_allclose(res[["ci_low", "ci_high"]].iloc[1], [b.mean() - half, b.mean() + half])


def test_project_input_uses_document_sources():
    from toolkit.qual.project import QualProject

    sources = pd.DataFrame(
        {
            "id": ["S1", "S2"],
            "kind": ["document", "interview"],
            "name": ["Policy", "P01"],
            "text": ["wellbeing", "misconduct"],
            "case": [None, "C1"],
        }
    )
    cases = pd.DataFrame({"id": ["C1"], "pseudonym": ["Tigger"]})
    codebook = pd.DataFrame({"id": ["X"], "name": ["x"], "parent": [None], "definition": ["d"], "pillar": ["support"]})
    segments = pd.DataFrame(columns=["source", "case", "start", "end", "text", "code", "coder"])
    s = frame_documents(QualProject(sources, cases, codebook, segments))
    assert s["id"].tolist() == ["S1"] and s["frame"].tolist() == ["care"]


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: frame_documents(["text"]), ParameterError),
        (lambda: frame_documents(pd.DataFrame({"id": [1]})), ColumnNotFoundError),
        (lambda: frame_documents(pd.DataFrame({"id": [1], "text": ["x"]}), margin=2), ParameterError),
        (
            lambda: frame_documents(
                pd.DataFrame({"id": [1], "text": ["x"]}),
                lexicon=pd.DataFrame({"term": ["x"], "frame": ["joy"], "weight": [1]}),
            ),
            DataValidationError,
        ),
        (
            lambda: read_lexicon(pd.DataFrame({"term": ["x", "x"], "frame": ["care"] * 2, "weight": [1, -1]})),
            DataValidationError,
        ),
        (lambda: compare_frames(pd.DataFrame({"estimate": [1]}), by="force"), ColumnNotFoundError),
        (lambda: validate_lexicon(pd.DataFrame({"text": ["x"], "frame": ["happy"]})), ParameterError),
    ],
)
def test_errors(call, error):
    with pytest.raises(error):
        call()


# ------------------------------------------------------------------ framing_share
def test_framing_share_matches_r_prop_test():
    """R: ``prop.test(x, 50, correct = FALSE)$conf.int`` (tests/reference/qual_wilson.R);
    documents with no framing term (``frame == "none"``) stay out of the denominator."""
    from toolkit.qual import framing_share

    ref = pd.read_csv(pathlib.Path(__file__).parent / "reference" / "qual_wilson.csv")
    for rec in ref.itertuples():
        x = int(rec.x)
        balanced = min(3, 50 - x)
        frames = ["misconduct"] * x + ["care"] * (50 - x - balanced) + ["balanced"] * balanced + ["none"] * 4
        scores = pd.DataFrame({"frame": frames})
        for level, lo, hi in ((0.95, rec.ci_low, rec.ci_high), (0.90, rec.ci_low_90, rec.ci_high_90)):
            s = framing_share(scores, frame="misconduct", ci=level)
            assert s.attrs["ci"] == level
            row = s.iloc[0]
            assert (row["n_framed"], row["n"]) == (x, 50)
            assert row["estimate"] == x / 50
            np.testing.assert_allclose([row["ci_low"], row["ci_high"]], [lo, hi], rtol=0, atol=1e-8)


def test_framing_share_without_scored_documents_is_nan_not_an_error():
    from toolkit.qual import framing_share

    s = framing_share(pd.DataFrame({"frame": ["none", "none"]})).iloc[0]
    assert s["n"] == 0 and s["n_framed"] == 0
    assert np.isnan(s["estimate"]) and np.isnan(s["ci_low"]) and np.isnan(s["ci_high"])


def test_framing_share_refuses_an_unknown_frame():
    from toolkit.qual import framing_share

    with pytest.raises(ParameterError, match="'frame' parameter of framing_share must be one of"):
        framing_share(pd.DataFrame({"frame": ["care"]}), frame="Misconduct")
