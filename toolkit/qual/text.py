"""Text tools for transcripts and documents: key words in context, collocations and
keyness, on NLTK components that need no downloaded data.

Tokenisation: sentences by a Punkt sentence tokeniser trained on the texts themselves
(``nltk.tokenize.punkt``), words by NLTK's ``TreebankWordTokenizer`` within each
sentence. Neither needs ``nltk.download``; the stop-word list ships in
``toolkit/data/stopwords_en.txt``. Nothing here touches the network.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import stats

from toolkit.errors import ParameterError, check_choice
from toolkit.paths import DATA_DIR

__all__ = ["kwic", "collocations", "keyness", "tokenize", "stopwords"]

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    """The bundled English stop-word list (``toolkit/data/stopwords_en.txt``)."""
    with open(DATA_DIR / "stopwords_en.txt", encoding="utf-8") as fh:
        return frozenset(line.strip().lower() for line in fh if line.strip() and not line.startswith("#"))


def _as_texts(texts, argument="texts"):
    """``(ids, list of str)`` from a str, list, Series, or DataFrame with a ``text`` column."""
    if isinstance(texts, str):
        return [0], [texts]
    if isinstance(texts, pd.DataFrame):
        if "text" not in texts.columns:
            raise ParameterError(
                f"The '{argument}' DataFrame needs a 'text' column (and optionally 'id'). "
                f"Found columns {list(texts.columns)}."
            )
        ids = list(texts["id"]) if "id" in texts.columns else list(texts.index)
        values = list(texts["text"])
    elif isinstance(texts, pd.Series):
        ids, values = list(texts.index), list(texts)
    else:
        try:
            values = list(texts)
        except TypeError:
            raise ParameterError(
                f"The '{argument}' parameter must be a str, a list or Series of str, or a "
                f"DataFrame with a 'text' column. Got {type(texts).__name__} instead."
            ) from None
        ids = list(range(len(values)))
    out = []
    for i, v in zip(ids, values):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append("")
        elif not isinstance(v, str):
            raise ParameterError(
                f"The '{argument}' parameter must hold text; document {i!r} is {type(v).__name__} ({v!r})."
            )
        else:
            out.append(v)
    return ids, out


def _sentence_tokenizer(texts):
    # lazy: nltk loads only when text is tokenised
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer("\n\n".join(texts)[:2_000_000] or None)


def _word_spans(text, sent_tok, word_tok):
    """Token spans ``(start, end)`` over the whole text."""
    spans = []
    for s0, s1 in sent_tok.span_tokenize(text):
        sentence = text[s0:s1]
        try:
            spans.extend((s0 + a, s0 + b) for a, b in word_tok.span_tokenize(sentence))
        except (ValueError, LookupError):  # Treebank span alignment can fail on odd quotes
            spans.extend((s0 + m.start(), s0 + m.end()) for m in re.finditer(r"\w+|[^\w\s]", sentence))
    return spans


def tokenize(texts, *, lower=True):
    """Tokens of each text (list of lists), offline (Punkt trained on the texts + Treebank).

    Examples
    --------
    >>> tokenize(["The officer's account was hacked. She reported it."])
    [['the', 'officer', "'s", 'account', 'was', 'hacked', '.', 'she', 'reported', 'it', '.']]
    """
    # lazy: nltk loads only when text is tokenised
    from nltk.tokenize import TreebankWordTokenizer

    _, values = _as_texts(texts)
    sent_tok, word_tok = _sentence_tokenizer(values), TreebankWordTokenizer()
    out = []
    for text in values:
        toks = [text[a:b] for a, b in _word_spans(text, sent_tok, word_tok)]
        out.append([t.lower() for t in toks] if lower else toks)
    return out


def kwic(texts, term, *, window=5, ignore_case=True):
    """Key word in context: every occurrence of ``term`` with words either side.

    Parameters
    ----------
    texts : str, list of str, pandas.Series or DataFrame with ``text`` (and ``id``)
        The documents.
    term : str
        A word or phrase (several words are matched as a token sequence).
    window : int
        Tokens shown either side.
    ignore_case : bool
        Match regardless of case.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence: ``document`` (id, Series index or position), ``start``,
        ``end`` (code point offsets of the match in that document), ``left``, ``match``,
        ``right`` (the original text, context tokens joined by spaces).

    Notes
    -----
    Tokens come from a Punkt sentence tokeniser trained on ``texts`` and NLTK's Treebank
    word tokeniser; no NLTK data is downloaded.

    References
    ----------
    Luhn, H. P. (1960). Key word-in-context index for technical literature. American
    Documentation, 11(4), 288-295.

    Examples
    --------
    >>> kwic(["Managers signpost staff to wellbeing support after online abuse."],
    ...      "wellbeing support", window=2)[["left", "match", "right"]]
            left              match         right
    0  staff to  wellbeing support  after online
    """
    # lazy: nltk loads only when text is tokenised
    from nltk.tokenize import TreebankWordTokenizer

    if not isinstance(term, str) or not term.strip():
        raise ParameterError(f"The 'term' parameter of kwic must be a non-empty str. Got {term!r}.")
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ParameterError(f"The 'window' parameter of kwic must be an int >= 0. Got {window!r}.")
    ids, values = _as_texts(texts)
    sent_tok, word_tok = _sentence_tokenizer(values), TreebankWordTokenizer()
    wanted = word_tok.tokenize(term)
    norm = (lambda s: s.lower()) if ignore_case else (lambda s: s)
    wanted = [norm(w) for w in wanted]
    k = len(wanted)
    rows = []
    for doc, text in zip(ids, values):
        spans = _word_spans(text, sent_tok, word_tok)
        toks = [norm(text[a:b]) for a, b in spans]
        for i in range(len(toks) - k + 1):
            if toks[i : i + k] == wanted:
                left = " ".join(text[a:b] for a, b in spans[max(0, i - window) : i])
                right = " ".join(text[a:b] for a, b in spans[i + k : i + k + window])
                start, end = spans[i][0], spans[i + k - 1][1]
                rows.append((doc, start, end, left, text[start:end], right))
    return pd.DataFrame(rows, columns=["document", "start", "end", "left", "match", "right"])


def _content_tokens(values, drop_stopwords):
    stop = stopwords() if drop_stopwords else frozenset()
    docs = tokenize(values)
    return [[t for t in d if _WORD.search(t) and t not in stop] for d in docs]


def collocations(texts, *, n=2, measure="llr", top=20, min_freq=3, drop_stopwords=True):
    """Word pairs (or triples) that occur together more than chance, via NLTK finders.

    Parameters
    ----------
    texts : str, list of str, pandas.Series or DataFrame with ``text``
        The documents (n-grams never cross documents).
    n : {2, 3}
        Bigrams or trigrams.
    measure : {"llr", "pmi"}
        Dunning's log-likelihood ratio or pointwise mutual information.
    top : int or None
        Number of rows kept (highest scores); None keeps all.
    min_freq : int
        N-grams seen fewer times are dropped (PMI overrates rare pairs).
    drop_stopwords : bool
        Remove words of the bundled stop-word list, numbers and punctuation first.

    Returns
    -------
    pandas.DataFrame
        ``term`` (the words joined by a space), ``frequency`` (n-gram count),
        ``estimate`` (the score), ``method``; sorted by ``estimate`` descending.

    Notes
    -----
    For a bigram with contingency counts :math:`n_{ij}` and expectations
    :math:`m_{ij}`, LLR :math:`= 2 \\sum n_{ij} \\ln(n_{ij}/m_{ij})` (Dunning 1993) and
    PMI :math:`= \\log_2 \\frac{n_{12} N}{n_1 n_2}`, both from
    ``nltk.collocations.BigramAssocMeasures`` (or ``Trigram...``). Stop words and
    non-words are removed before windows are formed, so pairs are adjacent content words.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    Computational Linguistics, 19(1), 61-74.

    Church, K. W., & Hanks, P. (1990). Word association norms, mutual information, and
    lexicography. Computational Linguistics, 16(1), 22-29.

    Examples
    --------
    >>> docs = ["Report online abuse to your line manager."] * 3 + ["Line manager support."]
    >>> collocations(docs, top=2)["term"].tolist()
    ['line manager', 'online abuse']
    """
    # lazy: nltk loads only when text is tokenised
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    check_choice(n, (2, 3), argument="n", function="collocations")
    check_choice(measure, ("llr", "pmi"), argument="measure", function="collocations")
    if not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ParameterError(f"The 'min_freq' parameter of collocations must be an int >= 1. Got {min_freq!r}.")
    _, values = _as_texts(texts)
    docs = _content_tokens(values, drop_stopwords)
    if n == 2:
        finder, measures = BigramCollocationFinder.from_documents(docs), BigramAssocMeasures
    else:
        finder, measures = TrigramCollocationFinder.from_documents(docs), TrigramAssocMeasures
    finder.apply_freq_filter(min_freq)
    score = measures.likelihood_ratio if measure == "llr" else measures.pmi
    scored = finder.score_ngrams(score)
    freq = finder.ngram_fd
    out = pd.DataFrame(
        {
            "term": [" ".join(g) for g, _ in scored],
            "frequency": [int(freq[g]) for g, _ in scored],
            "estimate": [float(s) for _, s in scored],
        }
    )
    out["method"] = {"llr": "log-likelihood ratio (Dunning 1993)", "pmi": "pointwise mutual information"}[measure]
    out = out.sort_values(
        ["estimate", "frequency", "term"], ascending=[False, False, True], kind="mergesort"
    ).reset_index(drop=True)
    return out if top is None else out.head(top)


def keyness(texts_a, texts_b, *, min_freq=1, drop_stopwords=False):
    """Words over- or under-used in corpus A relative to corpus B (log-likelihood G2).

    Parameters
    ----------
    texts_a, texts_b : str, list of str, pandas.Series or DataFrame with ``text``
        The study corpus (A) and the reference corpus (B).
    min_freq : int
        Keep words whose combined frequency is at least this.
    drop_stopwords : bool
        Remove words of the bundled stop-word list (they still count in corpus sizes).

    Returns
    -------
    pandas.DataFrame
        One row per word, sorted by ``statistic`` descending:

        - ``term``; ``freq_a``, ``freq_b`` (counts); ``per_million_a``, ``per_million_b``.
        - ``statistic``: G2 log-likelihood (Rayson & Garside 2000); ``df`` = 1.
        - ``p``: chi-square(1) upper tail of G2 (uncorrected for the many words tested).
        - ``estimate``: Log Ratio (Hardie 2014), ``log2`` of the ratio of relative
          frequencies; positive = more frequent in A. A zero count is replaced by 0.5.
        - ``n_a``, ``n_b``: corpus sizes in word tokens (punctuation excluded).
        - ``method``.

    Notes
    -----
    With counts :math:`a, b` and corpus sizes :math:`c, d`,
    :math:`E_1 = c(a+b)/(c+d)`, :math:`E_2 = d(a+b)/(c+d)`,
    :math:`G^2 = 2[a \\ln(a/E_1) + b \\ln(b/E_2)]` (terms with a zero count are 0), and
    Log Ratio :math:`= \\log_2 \\frac{a / c}{b / d}`.

    References
    ----------
    Rayson, P., & Garside, R. (2000). Comparing corpora using frequency profiling.
    Proceedings of the Workshop on Comparing Corpora, ACL, 1-6.

    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for
    Corpus Approaches to Social Science (CASS), Lancaster University.

    Examples
    --------
    >>> a = ["misconduct misconduct misconduct reputation standards"]
    >>> b = ["wellbeing support support wellbeing misconduct"]
    >>> keyness(a, b)[["term", "freq_a", "freq_b", "estimate"]].head(2)
            term  freq_a  freq_b  estimate
    0    support       0       2      -2.0
    1  wellbeing       0       2      -2.0
    """
    if not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ParameterError(f"The 'min_freq' parameter of keyness must be an int >= 1. Got {min_freq!r}.")
    counts = []
    for texts, arg in ((texts_a, "texts_a"), (texts_b, "texts_b")):
        _, values = _as_texts(texts, arg)
        docs = _content_tokens(values, False)
        counts.append(pd.Series([t for d in docs for t in d], dtype=object).value_counts())
    n_a, n_b = float(counts[0].sum()), float(counts[1].sum())
    if n_a == 0 or n_b == 0:
        raise ParameterError(f"keyness needs words in both corpora; {'texts_a' if n_a == 0 else 'texts_b'} has none.")
    table = pd.concat(counts, axis=1, keys=["freq_a", "freq_b"]).fillna(0)
    if drop_stopwords:
        table = table[~table.index.isin(stopwords())]
    table = table[(table["freq_a"] + table["freq_b"]) >= min_freq]
    a, b = table["freq_a"].to_numpy(float), table["freq_b"].to_numpy(float)
    e1 = n_a * (a + b) / (n_a + n_b)
    e2 = n_b * (a + b) / (n_a + n_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    g2 = 2 * (t1 + t2)
    ratio = np.log2((np.where(a > 0, a, 0.5) / n_a) / (np.where(b > 0, b, 0.5) / n_b))
    out = pd.DataFrame(
        {
            "term": table.index.astype(str),
            "freq_a": a.astype("int64"),
            "freq_b": b.astype("int64"),
            "per_million_a": a / n_a * 1e6,
            "per_million_b": b / n_b * 1e6,
            "statistic": g2,
            "df": 1,
            "p": stats.chi2.sf(g2, 1),
            "estimate": ratio,
            "n_a": int(n_a),
            "n_b": int(n_b),
            "method": "log-likelihood G2 (Rayson & Garside 2000); Log Ratio (Hardie 2014)",
        }
    )
    return out.sort_values(["statistic", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
