"""docs/pseudonymisation.md, the guide to the redaction workflow, as its reader gets it: its
code runs as written, and its table of figures is the committed held-out scores."""

import os
import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "pseudonymisation.md"
CORPUS_DIR = ROOT / "tests" / "data" / "redaction"
#: The corpus the guide reports: the last one scored once after a revision.
HELD_OUT = "corpus_ae"


def figures_block(name=HELD_OUT):
    """The guide's table, from ``heldout_<name>.csv`` (the rules) and
    ``heldout_review_<name>.csv`` (the review sheet) and the corpus itself."""
    rules = pd.read_csv(CORPUS_DIR / f"heldout_{name}.csv").set_index("kind")
    review = pd.read_csv(CORPUS_DIR / f"heldout_review_{name}.csv").set_index("kind")
    n_excerpts = sum(1 for _ in open(CORPUS_DIR / f"{name}.jsonl", encoding="utf-8"))
    letter = name.split("_")[1].upper()
    lines = [
        f"Corpus {letter}, {n_excerpts} excerpts, {int(rules.loc['all', 'n_gold'])} identifiers:",
        "| kind | identifiers | rules: recall | rules: precision | review sheet: recall |",
        "|---|---|---|---|---|",
    ]
    kinds = [k for k in rules.index if rules.loc[k, "n_gold"] > 0 and k != "all"] + ["all"]
    for k in kinds:
        r = rules.loc[k]
        lines.append(
            f"| {k} | {int(r['n_gold'])} | {r['recall']:.3f} | {r['precision']:.3f} | {review.loc[k, 'recall']:.3f} |"
        )
    return "\n".join(lines)


def test_the_guide_figures_are_the_committed_held_out_scores():
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"do not edit by hand -->\n(.*?)\n\nThe review sheet put", text, re.S)
    assert block is not None
    assert block.group(1) == figures_block(), "regenerate the table with figures_block()"
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from _redaction_eval import evaluate_review

    said = float(re.search(r"The review sheet put ([\d.]+) candidates per excerpt", text).group(1))
    assert said == round(evaluate_review(HELD_OUT).attrs["candidates"], 2)


def test_the_guide_counts_the_kinds_that_meet_the_target():
    """ "12 of 17 kinds" (rules) and "14 of 17" (review sheet) are counted from the same CSVs."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    said = re.search(
        r"alone \((\d+) of (\d+) kinds reach it on this corpus\), nor by the review sheet \((\d+) of (\d+)\)", text
    )
    assert said is not None
    counts = []
    for prefix in ("heldout", "heldout_review"):
        t = pd.read_csv(CORPUS_DIR / f"{prefix}_{HELD_OUT}.csv").set_index("kind")
        t = t[(t["n_gold"] > 0) & (t.index != "all")]
        counts += [int((t["recall"] >= 0.95).sum()), len(t)]
    assert [int(g) for g in said.groups()] == counts


def test_the_guide_code_runs_as_written(tmp_path):
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        ns: dict = {}
        exec(compile(code, str(DOC), "exec"), ns)
    finally:
        os.chdir(here)
    assert (tmp_path / "review.xlsx").exists() and (tmp_path / "keys" / "mapping.csv").exists()
    assert not any("Jones" in t or "07700" in t for t in ns["redacted"]), ns["redacted"]
    assert set(ns["risk"]["risk"]) <= {"low", "review", "high"}
    assert (ns["sheet"]["source"] == "candidate").any()
