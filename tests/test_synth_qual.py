"""The synthetic qualitative study: known truth recovered, deterministic, written to disk."""

import json

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from toolkit.qual.frequencies import code_frequencies
from toolkit.synth.qual import make_documents, make_interviews, write


def test_code_frequencies_recover_the_generated_prevalences():
    p = make_interviews(11)
    truth = pd.DataFrame(p.truth["presence"])
    realised = truth.groupby("code")["present"].sum()
    f = code_frequencies(p, coder="A").set_index("code")
    for code, n in realised.items():
        assert f.loc[code, "n_cases"] == n, code
    # and, across replications, the generating probabilities (mean over cases)
    prob = pd.DataFrame(p.truth["probability"]).groupby("code")["probability"].mean()
    covered = (f.loc[prob.index, "ci_low"] <= prob) & (prob <= f.loc[prob.index, "ci_high"])
    assert covered.mean() >= 0.8


def test_prevalence_differs_by_experience_as_generated():
    p = make_interviews(12)
    f = code_frequencies(p, by="personal_experience", codes=["REC.FAMILY"], coder="A")
    est = f.set_index("group")["estimate"]
    assert est["yes"] > est["no"]  # +1.8 on the logit scale in THEME_MODEL


@pytest.mark.slow
def test_second_coder_disagrees_at_the_known_rate():
    rates = []
    for seed in range(20):
        t = make_interviews(seed).truth
        rates.append(len(t["coder_b_changes"]) / t["coder_b_segments_compared"])
    assert abs(np.mean(rates) - 0.2) < 0.03


def test_documents_truth():
    d = make_documents(3)
    assert len(d) == 46
    majority = np.where(d["n_misconduct"] > d["n_care"], "misconduct", "care")
    assert (majority == d["true_frame"]).all()


@pytest.mark.slow
def test_deterministic_and_written(tmp_path):
    a, b = make_interviews(7), make_interviews(7)
    for t in ("sources", "cases", "codebook", "segments"):
        assert_frame_equal(getattr(a, t), getattr(b, t))
    assert_frame_equal(make_documents(7), make_documents(7))
    paths = write(tmp_path / "one", seed=7)
    again = write(tmp_path / "two", seed=7)
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    names = {p.name for p in paths}
    assert {"interviews.qdpx", "documents.csv", "truth.json", "P01.txt"} <= names
    truth = json.loads((tmp_path / "one" / "qual" / "truth.json").read_text())
    assert len(truth["documents"]) == 46


@pytest.mark.slow
def test_report_section_publishes_suppressed_tables(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from toolkit.report.evidence import EvidenceContext
    from toolkit.report.sections import qual
    from toolkit.study import open_study

    ctx = EvidenceContext(outdir=tmp_path, seed=20240301, config=open_study(None, tmp_path))
    qual.build(ctx)
    assert {"qual_themes_by_role", "qual_theme_prevalence"} <= set(ctx.tables)
    assert {"qual_cooccurrence", "qual_saturation"} <= set(ctx.figures)
    path = tmp_path / "evidence-pack" / "tables" / "qual_themes_by_role.csv"
    table = pd.read_csv(path, encoding="utf-8-sig")
    counts = table.drop(columns=table.columns[0]).to_numpy(dtype=float)
    published = counts[~np.isnan(counts)]
    assert ((published == 0) | (published >= 10)).all()  # no small count leaks
