"""Evaluation of redaction against hand-annotated corpora (``tests/data/redaction``).

Lives beside the tests (it reads ``tests/data``, so it is not shipped in the package):
the tests import it as ``_redaction_eval``; ``benchmarks/bench_redact.py`` and
``tests/data/redaction/build_corpus.py`` put ``tests/`` on ``sys.path`` first.

A gold identifier counts as caught when every letter and digit of it lies inside some
replacement (of any kind: what matters for disclosure is that it is gone); a replacement
counts as correct when at least half of its letters and digits lie inside gold identifiers
(so replacing a whole sentence around one name is not correct); a person replacement that
takes a rank or title with the annotated name ("Sergeant Mills", annotated
``Sergeant [[person:Mills]]``) is judged on the name alone. Recall is reported per gold
kind, precision per kind found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

_MARK = re.compile(r"\[\[([a-z_]+):(.+?)\]\]")


def parse_markup(marked: str):
    """``(text, spans)`` from text with identifiers marked ``[[kind:text]]``."""
    pieces, spans, pos, out_len = [], [], 0, 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        pieces.append(before)
        out_len += len(before)
        inner = m.group(2)
        spans.append({"start": out_len, "end": out_len + len(inner), "kind": m.group(1)})
        pieces.append(inner)
        out_len += len(inner)
        pos = m.end()
    pieces.append(marked[pos:])
    text = "".join(pieces)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup in: {marked[:80]!r}")
    return text, spans


def load_corpus(path) -> list[dict]:
    """The excerpts of a JSONL corpus: dicts with ``id``, ``text``, ``spans``."""
    with open(Path(path), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


#: Ranks and titles that the corpora leave outside a person's span ("PC [[person:Jo Hart]]").
#: A person replacement that takes the rank with the name ("Sergeant Mills" -> "[Officer A]")
#: removes no more than the name: the rank's letters count neither for nor against it.
#: Its own list, not the redaction rules' one: the measure must not change with the thing measured.
_RANKS = re.compile(
    r"(?i)(?:(?:acting|temporary|detective|chief|deputy|assistant|police|woman|special|head|"
    r"pc|wpc|pcso|tdc|dcs?|sgt|ds|dsgt|insp|inspector|di|dci|ch|supt|superintendent|dsupt|"
    r"constable|sergeant|officer|commissioner|commander|acc|dcc|cc|mr|mrs|ms|miss|mx|dr|sir|dame|"
    r"lady|lord|prof|professor|rev|father|sister)\.?\s+)+"
)


def _after_rank(text, s, e, in_gold):
    """Start of the name in a replacement ``text[s:e]`` that opens with ranks or titles
    directly followed by an annotated identifier; ``s`` otherwise."""
    m = _RANKS.match(text, s, e)
    if m and m.end() < e and in_gold[m.end()]:
        return m.end()
    return s


def score(corpus, found) -> pd.DataFrame:
    """Recall and precision per kind.

    ``found`` is a list (one per excerpt) of ``(start, end, kind)`` predictions. Returns
    ``kind, n_gold, n_caught, recall, n_found, n_correct, precision``, plus a row ``all``.
    """
    gold_rows, pred_rows = [], []
    for ex, preds in zip(corpus, found):
        text = ex["text"]
        covered = [False] * len(text)
        for s, e, _k in preds:
            for i in range(s, e):
                covered[i] = True
        in_gold = [False] * len(text)
        for g in ex["spans"]:
            for i in range(g["start"], g["end"]):
                in_gold[i] = True
        for g in ex["spans"]:
            chars = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            gold_rows.append((g["kind"], all(covered[i] for i in chars), ex["id"], text[g["start"] : g["end"]]))
        for s, e, k in preds:
            s_named = _after_rank(text, s, e, in_gold) if k == "person" else s
            chars = [i for i in range(s_named, e) if text[i].isalnum()] or list(range(s, e))
            ok = 2 * sum(in_gold[i] for i in chars) >= len(chars)
            pred_rows.append((k, ok, ex["id"], text[s:e]))
    gold = pd.DataFrame(gold_rows, columns=["kind", "caught", "id", "original"])
    pred = pd.DataFrame(pred_rows, columns=["kind", "correct", "id", "original"])
    g = gold.groupby("kind")["caught"].agg(n_gold="size", n_caught="sum")
    p = pred.groupby("kind")["correct"].agg(n_found="size", n_correct="sum")
    table = g.join(p, how="outer").fillna(0).astype("int64")
    table.loc["all"] = table.sum()
    table["recall"] = table["n_caught"] / table["n_gold"].where(table["n_gold"] > 0)
    table["precision"] = table["n_correct"] / table["n_found"].where(table["n_found"] > 0)
    table = table.reset_index()[["kind", "n_gold", "n_caught", "recall", "n_found", "n_correct", "precision"]]
    table.attrs["missed"] = gold.loc[~gold["caught"], ["id", "kind", "original"]]
    table.attrs["false_positives"] = pred.loc[~pred["correct"], ["id", "kind", "original"]]
    return table


CORPUS_DIR = Path(__file__).resolve().parent / "data" / "redaction"


def evaluate(name, redactor=None) -> pd.DataFrame:
    """Per-kind figures of ``redactor`` (default: a fresh :class:`Redactor`) on the corpus
    ``tests/data/redaction/<name>.jsonl``."""
    from toolkit.qual.redact import Redactor

    corpus = load_corpus(CORPUS_DIR / f"{name}.jsonl")
    redactor = Redactor() if redactor is None else redactor
    found = [[(s, e, k) for s, e, k, _ in redactor.find(ex["text"]).itertuples(index=False)] for ex in corpus]
    return score(corpus, found)


def evaluate_review(name, redactor=None) -> pd.DataFrame:
    """Figures of the review sheet on corpus ``name``: a gold identifier counts as caught
    when the replacements *and* the low-confidence candidates put before the reviewer
    (:func:`toolkit.qual.redact.review_sheet`) cover it; precision is over both. This is
    what a reviewer who accepts every true candidate would reach. ``attrs["candidates"]``
    is the number of candidates per excerpt (the reviewer's extra work)."""
    from toolkit.qual.redact import review_sheet

    corpus = load_corpus(CORPUS_DIR / f"{name}.jsonl")
    sheet = review_sheet([ex["text"] for ex in corpus], redactor=redactor)
    found = [
        [(s, e, k) for s, e, k in sheet.loc[sheet["document"] == i, ["start", "end", "kind"]].itertuples(index=False)]
        for i in range(len(corpus))
    ]
    table = score(corpus, found)
    table.attrs["candidates"] = float((sheet["source"] == "candidate").sum() / len(corpus))
    return table
