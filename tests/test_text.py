"""Tests of toolkit.qual.text: offline tokenising, kwic, collocations, keyness."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from toolkit.errors import ParameterError
from toolkit.qual.text import collocations, keyness, kwic, stopwords, tokenize

DOCS = [
    "The force's social media policy warns officers that misconduct online damages public "
    "confidence. Officers must protect the reputation of the service.",
    "Managers should signpost staff to wellbeing support. Wellbeing support is available "
    "through Occupational Health. Line managers check in after online abuse.",
    "Dr. Smith said online abuse affects families too. Line managers were unsure of their role.",
]


def test_keyness_hand_computed_g2():
    """Hand computation with the LL wizard's formula (Rayson & Garside 2000; UCREL
    log-likelihood wizard): a = 20, b = 10, c = d = 1000 words. E1 = E2 = 15;
    G2 = 2 * (20 ln(20/15) + 10 ln(10/15)) = 2 * (5.753641 - 4.054651) = 3.397980;
    Log Ratio = log2(0.02 / 0.01) = 1 (Hardie 2014)."""
    a = ["care"] * 20 + ["filler"] * 980
    b = ["care"] * 10 + ["other"] * 990
    res = keyness([" ".join(a)], [" ".join(b)])
    row = res.set_index("term").loc["care"]
    assert_allclose(row["statistic"], 3.397980, atol=1e-6)
    assert_allclose(row["estimate"], 1.0, atol=1e-12)
    assert_allclose(row["p"], stats.chi2.sf(3.397980, 1), atol=1e-6)
    assert row["n_a"] == 1000 and row["n_b"] == 1000
    assert_allclose(row["per_million_a"], 20000.0)


def test_keyness_matches_scipy_power_divergence():
    """G2 equals scipy.stats.power_divergence(lambda_='log-likelihood') on the two word
    cells with the wizard's expected values, for every word (unequal corpus sizes)."""
    rng = np.random.default_rng(4)
    vocab = [f"w{i}" for i in range(30)]
    a = " ".join(rng.choice(vocab, 700, p=np.r_[np.full(10, 0.06), np.full(20, 0.02)]))
    b = " ".join(rng.choice(vocab, 1300))
    res = keyness([a], [b])
    n_a, n_b = res["n_a"].iloc[0], res["n_b"].iloc[0]
    for row in res.itertuples():
        tot = row.freq_a + row.freq_b
        exp = [n_a * tot / (n_a + n_b), n_b * tot / (n_a + n_b)]
        ref = stats.power_divergence([row.freq_a, row.freq_b], exp, lambda_="log-likelihood").statistic
        assert_allclose(row.statistic, ref, atol=1e-9)


def test_keyness_zero_count_log_ratio():
    """Hardie (2014): a zero frequency is replaced by 0.5 for Log Ratio."""
    res = keyness(["x x x x y"], ["y y y y z"]).set_index("term")
    assert_allclose(res.loc["x", "estimate"], math.log2((4 / 5) / (0.5 / 5)))
    assert res.loc["x", "statistic"] > 0


@pytest.mark.slow
def test_keyness_simulation_null_calibrated():
    """Under the null (both corpora drawn from one distribution) p < 0.05 for about 5% of
    words of reasonable frequency."""
    rng = np.random.default_rng(11)
    vocab = [f"w{i}" for i in range(200)]
    a = " ".join(rng.choice(vocab, 40000))
    b = " ".join(rng.choice(vocab, 40000))
    res = keyness([a], [b])
    rate = (res["p"] < 0.05).mean()
    assert 0.02 <= rate <= 0.09


@pytest.mark.slow
def test_tokenize_without_nltk_data(tmp_path):
    """All text tools run with NLTK_DATA pointing at an empty folder (no downloaded data)."""
    code = (
        "from toolkit.qual.text import kwic, collocations, keyness, tokenize\n"
        f"docs = {DOCS!r}\n"
        "assert tokenize(docs)[0][:3] == ['the', 'force', \"'s\"]\n"
        "assert len(kwic(docs, 'line managers')) == 2\n"
        "collocations(docs, min_freq=2)\n"
        "keyness(docs[:1], docs[1:])\n"
        "import nltk\n"
        "try:\n"
        "    nltk.word_tokenize('x. y')\n"
        "    raise SystemExit('nltk data unexpectedly found')\n"
        "except LookupError:\n"
        "    pass\n"
        "print('ok')\n"
    )
    env = dict(os.environ, NLTK_DATA=str(tmp_path), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_sentence_split_keeps_abbreviation_and_kwic_offsets():
    toks = tokenize(DOCS[2:])[0]
    assert "abuse" in toks
    res = kwic(DOCS, "Line managers", window=3)
    assert list(res["document"]) == [1, 2]
    for row in res.itertuples():
        assert DOCS[row.document][row.start : row.end].lower() == "line managers"
    assert res["left"].iloc[0] == "Occupational Health ."
    assert res["right"].iloc[1] == "were unsure of"


def test_kwic_dataframe_ids_and_case():
    df = pd.DataFrame({"id": ["d1", "d2"], "text": ["Wellbeing first.", "no wellbeing here"]})
    assert kwic(df, "wellbeing")["document"].tolist() == ["d1", "d2"]
    assert kwic(df, "wellbeing", ignore_case=False)["document"].tolist() == ["d2"]


def test_collocations_llr_matches_nltk_and_pmi():
    """Scores are NLTK's BigramAssocMeasures on stop-word-filtered tokens."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    res = collocations(DOCS * 2, min_freq=2, top=None)
    assert res["term"].iloc[0] in {"line managers", "wellbeing support", "online abuse"}
    docs = [[t for t in d if any(c.isalpha() for c in t) and t not in stopwords()] for d in tokenize(DOCS * 2)]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(2)
    ref = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    for row in res.itertuples():
        assert_allclose(row.estimate, ref[tuple(row.term.split())])
    pmi = collocations(DOCS * 2, min_freq=2, measure="pmi", n=3, top=5)
    assert list(pmi.columns) == ["term", "frequency", "estimate", "method"]


def _hand_counts(docs, n):
    """Word counts, n-gram counts within each document and the number of words N."""
    from collections import Counter

    words = Counter(w for d in docs for w in d)
    grams = Counter(tuple(d[i : i + n]) for d in docs for i in range(len(d) - n + 1))
    return words, grams, sum(words.values())


def test_collocation_scores_equal_hand_formulas():
    """Independent of NLTK: Church & Hanks (1990) PMI = log2(n_12 N / (n_1 n_2)) for bigrams
    and log2(n_123 N^2 / (n_1 n_2 n_3)) for trigrams; Dunning (1993) G2 = 2 sum n ln(n / m)
    over the bigram's 2 x 2 table (cells with n = 0 add nothing), m = row x column / N."""
    docs = [[t for t in d if any(c.isalpha() for c in t) and t not in stopwords()] for d in tokenize(DOCS * 2)]
    words, bigrams, total = _hand_counts(docs, 2)
    llr = collocations(DOCS * 2, min_freq=2, top=None)
    pmi = collocations(DOCS * 2, min_freq=2, measure="pmi", top=None)
    assert sorted(llr["term"]) == sorted(" ".join(g) for g, c in bigrams.items() if c >= 2)
    for row in pmi.itertuples():
        w1, w2 = row.term.split()
        n12 = bigrams[(w1, w2)]
        assert row.frequency == n12
        assert_allclose(row.estimate, math.log2(n12 * total / (words[w1] * words[w2])), rtol=1e-12)
    for row in llr.itertuples():
        w1, w2 = row.term.split()
        n11 = bigrams[(w1, w2)]
        cells = np.array([[n11, words[w1] - n11], [words[w2] - n11, total - words[w1] - words[w2] + n11]], dtype=float)
        expected = np.outer(cells.sum(1), cells.sum(0)) / total
        g2 = 2 * sum(o * math.log(o / e) for o, e in zip(cells.ravel(), expected.ravel()) if o > 0)
        assert_allclose(row.estimate, g2, rtol=1e-6)
    words, trigrams, total = _hand_counts(docs, 3)
    tri = collocations(DOCS * 2, min_freq=2, measure="pmi", n=3, top=None)
    assert len(tri) == sum(c >= 2 for c in trigrams.values()) > 0
    for row in tri.itertuples():
        g = tuple(row.term.split())
        want = math.log2(trigrams[g] * total**2 / math.prod(words[w] for w in g))
        assert_allclose(row.estimate, want, rtol=1e-12)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: kwic(DOCS, ""), "term"),
        (lambda: kwic(DOCS, "x", window=-1), "window"),
        (lambda: kwic(5, "x"), "texts"),
        (lambda: kwic([1, 2], "x"), "text"),
        (lambda: kwic(pd.DataFrame({"body": ["x"]}), "x"), "'text' column"),
        (lambda: collocations(DOCS, n=4), "'n'"),
        (lambda: collocations(DOCS, measure="chi2"), "measure"),
        (lambda: collocations(DOCS, min_freq=0), "min_freq"),
        (lambda: keyness(DOCS, ["..."]), "texts_b"),
        (lambda: keyness(DOCS, DOCS, min_freq=0), "min_freq"),
    ],
)
def test_errors(call, match):
    with pytest.raises(ParameterError, match=match):
        call()
