"""Counts of people in published sentences (toolkit.disclosure.text) and the gate's
findings step: a finding or summary sentence stating a count of people under the
threshold, a complement under it, or a withheld cell's true value is withdrawn, with a
log line; years, percentages, wave, item and page numbers and counts of things other
than people are not counts."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.disclosure.text import people_counts, screen

REFUSED = [
    "3 respondents said so",
    "three respondents",
    "3 non-binary respondents",
    "4 police officers reported it",
    "n = 4",
    "(n=7)",
    "4 of 50 managers",
    "44 of 50 managers raised a theme",  # 6 did not
    "4 of 50 said",
    "6 did not",
    "5 were treated",
    "6 (12%)",
    "45 (90%)",  # about 5 without
    "8% of 50 interviews",  # about 4 with
    "92% of 50 interviews",  # about 4 without
    "fewer than 5 respondents",  # bounded below the threshold
    "in 2 incidents",
    "a single officer",
]
ALLOWED = [
    "39% of respondents (95% CI 37% to 41%; n = 2,937)",
    "72% of 50 interviews",
    "Interviews with 50 managers",
    "in wave 2 respondents answered",
    "item 3 staff",
    "page 4 of 10",
    "Wave 1 of 2",
    "Figure 3 of 12",
    "1 in 3 respondents",
    "in 2023 officers reported more",
    "the 9 online harms asked about",
    "at least one of the 9 online harms",
    "when the route opened in 8 forces",
    "43 units, one per force",
    "26 of 46 policy documents (57%, 95% CI 42% to 70%)",
    "Counts below 10 people are withheld",
    "counts of people from 1 to 9 are withheld",
    "one row per respondent",
    "incidents per 1,000 staff",
    "2 coders; frequencies use coder 'A'",
    "F07 and 2023Q1 and Q3 staff",
    "a factor of 1.97 (95% CI 1.56 to 2.50)",
    "fielded 01 March 2024 (3000 respondents; the latest of 2)",
]


@pytest.mark.parametrize("text", REFUSED)
def test_counts_of_people_under_the_threshold_are_refused(text):
    assert people_counts(text)
    assert screen(text, threshold=10), text


@pytest.mark.parametrize("text", ALLOWED)
def test_years_percentages_labels_and_other_counts_pass(text):
    assert screen(text, threshold=10) == [], text


def test_withheld_true_values_are_refused_unless_published_elsewhere():
    assert screen("23 managers raised it", threshold=10) == []
    assert screen("23 managers raised it", threshold=10, withheld=[23.0])
    # a published count with the same value: the sentence says nothing a table does not
    assert screen("23 managers raised it", threshold=10, withheld=[23.0], published=[23.0]) == []
    # the threshold in a rule ("fewer than 10") is a bound, not the withheld cell of 10
    assert screen("Counts of fewer than 10 respondents are withheld", threshold=10, withheld=[10.0]) == []
    assert screen("50 of 61 managers", threshold=10, withheld=[11.0])  # the complement 11


def _context(tmp_path):
    from toolkit.report.evidence import EvidenceContext

    ctx = EvidenceContext(outdir=tmp_path, seed=1)
    groups = pd.DataFrame(
        {"group": ["a", "b", "c"], "n": [120, 80, 7], "n_events": [50, 60, 3], "estimate": [50 / 120, 60 / 80, 3 / 7]}
    )
    from toolkit.disclosure.gate import Link, cell

    ctx.table("overall", pd.DataFrame({"outcome": ["x"], "n": [207]}), key=["outcome"], counts=["n"])
    ctx.table(
        "by_group",
        groups,
        key=["group"],
        counts=["n", "n_events"],
        events=[("n_events", "n")],
        links=[Link(cell("overall", "x", "n"), tuple(cell("by_group", g, "n") for g in "abc"))],
    )
    return ctx


def test_findings_stating_small_counts_are_withdrawn_with_a_note(tmp_path):
    from toolkit.disclosure.gate import cell

    ctx = _context(tmp_path)
    ctx.finding(
        "recognition",
        "{p:.0%} of group a (n = {n})",
        p=50 / 120,
        n=120,
        people=("n",),
        cells={"n": cell("by_group", "a", "n")},
    )  # kept
    # declared: a count of people under 10
    ctx.finding("recognition", "Group c had {n} members in total", n=7, people=("n",))
    # declared: 76 of 80 gives 4 without the outcome
    ctx.finding("support", "Most of group b used it", e=76, n=80, events=(("e", "n"),))
    # declared: read from a cell the gate withheld (c's n is 7)
    ctx.finding(
        "training", "Group c is the smallest group ({n:,} people)", n=7.0, cells={"n": cell("by_group", "c", "n")}
    )
    # not declared: the safety net reads the sentence
    ctx.finding("reporting", "{k} respondents did not report it", k=3)
    ctx.finding("reporting", "{k} of {m} managers raised it", k=44, m=50)
    # not declared: the true value of a withheld cell (b's 80, withheld so that the total of
    # 207 does not give c's 7 back)
    ctx.finding("reporting", "Group b: {n} people", n=80)
    ctx.publish()
    kept = [f["text"] for f in ctx.findings]
    assert kept == ["42% of group a (n = 120)"]
    withdrawn = [m for m in ctx.log if "withdrawn" in m]
    assert len(withdrawn) == 6
    assert all("7" not in m.split(":")[0] for m in withdrawn if "count(s) of people" in m)
    assert any("(read from by_group, withheld there)" in m for m in withdrawn)


def test_finding_declares_only_values_it_has(tmp_path):
    ctx = _context(tmp_path)
    with pytest.raises(ValueError, match="'m'"):
        ctx.finding("recognition", "{n} people", n=20, people=("n", "m"))


def test_sentence_screen_logs_where_never_the_number(tmp_path):
    ctx = _context(tmp_path)
    ctx.publish()
    assert ctx.screen_text("Interviews with 50 managers", where="x")
    assert not ctx.screen_text("Interviews with 7 managers", where="joint display (support)")
    assert ctx.log[-1].startswith("publication gate: joint display (support) withheld")
    assert "7" not in ctx.log[-1]
    # the true value of a withheld count: b's 80, withheld with c's 7
    assert not ctx.screen_text("80 managers raised it", where="y")
    assert ctx.screen_text("60 managers raised it", where="y")  # b's events, published
