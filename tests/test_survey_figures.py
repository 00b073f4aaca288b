"""Tests of toolkit.survey.figures: the figures render (Agg) with the expected bars and labels."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from numpy.testing import assert_allclose

from toolkit.errors import ColumnNotFoundError, DataValidationError, ParameterError
from toolkit.survey import harm_heatmap, likert_bars, prevalence, prevalence_plot
from toolkit.survey.figures import LIKERT_COLOURS


@pytest.fixture(scope="module")
def survey():
    rng = np.random.default_rng(8)
    n = 400
    likert = pd.CategoricalDtype([1, 2, 3, 4, 5], ordered=True)
    return pd.DataFrame(
        {
            "role": pd.Categorical(rng.choice([1, 2, 3, 5], n, p=[0.5, 0.4, 0.08, 0.02])),
            "rec_serious": pd.Series(rng.integers(1, 6, n)).astype(likert),
            "rec_leaders": pd.Series(rng.integers(1, 6, n)).astype(likert),
            "rep_easy": pd.Series(rng.integers(1, 6, n)).astype(likert),
            "harm_abuse": pd.array(rng.binomial(1, 0.4, n), dtype="Int64"),
            "harm_threats": pd.array(rng.binomial(1, 0.15, n), dtype="Int64"),
            "harm_doxxing": pd.array(rng.binomial(1, 0.05, n), dtype="Int64"),
            "w": rng.uniform(0.5, 2, n),
        }
    )


def _render(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getbuffer().nbytes > 1000


def test_likert_bars_one_segment_per_item_and_level(survey):
    items = ["rec_serious", "rec_leaders", "rep_easy"]
    fig = likert_bars(survey, items, weight="w")
    _render(fig)
    ax = fig.axes[0]
    assert len(ax.patches) == 3 * 5
    ticks = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert ticks[0] == "My force takes online abuse of staff seriously"  # dictionary label, first item
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert legend == ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
    assert matplotlib.colors.to_hex(ax.patches[0].get_facecolor()) == LIKERT_COLOURS[0]
    # segment widths are the weighted percentages; each bar spans 100%
    widths = np.array([p.get_width() for p in ax.patches]).reshape(5, 3)
    assert_allclose(widths.sum(axis=0), 100)
    y = survey["rec_serious"].astype(int)
    expected = 100 * survey["w"][y == 1].sum() / survey["w"].sum()
    assert_allclose(widths[0, 0], expected)
    # diverging: the neutral segment is centred on zero
    neutral = ax.patches[2 * 3]
    assert_allclose(neutral.get_x() + neutral.get_width() / 2, 0, atol=1e-9)


def test_prevalence_plot_points_intervals_and_suppression(survey):
    table = prevalence(survey, ["harm_abuse", "harm_threats", "harm_doxxing"], by="role")
    assert table["suppress"].any()  # role 5 (volunteers) is rare
    fig = prevalence_plot(table)
    _render(fig)
    ax = fig.axes[0]
    kept = table[~table["suppress"]]
    bars = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in bars) == len(kept)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Police officer", "Police staff", "PCSO"]
    assert "not shown" in fig.texts[0].get_text()
    ticks = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert any("Threats of violence" in t for t in ticks)


def test_harm_heatmap_cells_and_labels(survey):
    harms = ["harm_abuse", "harm_threats", "harm_doxxing"]
    fig = harm_heatmap(survey, harms, by="role", weight="w")
    _render(fig)
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (3, 4)
    texts = [t.get_text() for t in ax.texts]
    # blank: groups under 10 respondents, and cells where 1-9 respondents were harmed
    # (counted here directly from the data, not through the toolkit)
    expected = []
    for h in harms:
        for g in sorted(survey["role"].dropna().unique()):
            answered = survey.loc[survey["role"] == g, h].dropna().astype(int)
            expected.append(len(answered) < 10 or 0 < int((answered == 1).sum()) < 10)
    assert len(texts) == 12
    assert [t == "n<10" for t in texts] == expected
    assert 3 < sum(expected) < 12
    table = prevalence(survey, harms, by="role", weight="w").set_index(["outcome", "group"])
    assert texts[0] == f"{100 * table.loc[('harm_abuse', '1'), 'estimate']:.0f}%"
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()][:2] == ["Police officer", "Police staff"]


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda d: likert_bars(d, ["nope"]), ColumnNotFoundError, "nope"),
        (lambda d: likert_bars(d, []), ParameterError, "non-empty"),
        (lambda d: likert_bars(d.assign(rec_serious=9), ["rec_serious"]), ParameterError, "outside the levels"),
        (lambda d: likert_bars(d.assign(rec_serious="x"), ["rec_serious"]), DataValidationError, "text"),
        (lambda d: prevalence_plot(d), ColumnNotFoundError, "estimate"),
        (
            lambda d: prevalence_plot(prevalence(d, "harm_abuse", by="role", threshold=10_000)),
            ParameterError,
            "nothing to draw",
        ),
        (lambda d: harm_heatmap(d, ["harm_abuse"], by="zz"), ColumnNotFoundError, "zz"),
        (lambda d: likert_bars(d, ["rec_serious"], dictionary=3), ParameterError, "dictionary"),
    ],
)
def test_errors(survey, call, error, match):
    with pytest.raises(error, match=match):
        call(survey)
