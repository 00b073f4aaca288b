"""How policy and guidance documents frame online harms: care, wellbeing and support, or
misconduct, reputation and discipline.

A transparent, editable lexicon (``data-templates/qual/framing_lexicon.csv``: ``term,
frame, weight, notes``) is matched in each paragraph; every hit is reported as evidence
(document, paragraph, offsets, term, frame), so a reader can check why a document scored
as it did. ``validate_lexicon`` measures agreement with a hand-coded sample.
"""

from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from toolkit.errors import (
    DataValidationError,
    ParameterError,
    check_ci,
    check_columns,
)
from toolkit.paths import template
from toolkit.qual._common import check_table
from toolkit.qual.agreement import cohen_kappa
from toolkit.qual.project import QualProject

__all__ = [
    "frame_documents",
    "framing_evidence",
    "compare_frames",
    "framing_share",
    "validate_lexicon",
    "lexicon_confusion",
    "read_lexicon",
    "FRAMES",
]

#: The two frames of the lexicon: care (wellbeing, support) and misconduct (reputation,
#: discipline).
FRAMES = ("care", "misconduct")
_PARA = re.compile(r"\n[ \t]*\n+")


def read_lexicon(lexicon=None) -> pd.DataFrame:
    """Read and check a framing lexicon (path, DataFrame, or None for the bundled one).

    Columns ``term, frame, weight, notes``; ``frame`` is ``care`` or ``misconduct``;
    ``weight`` > 0; a term ending in ``*`` matches any word ending (``disciplin*``);
    multiword terms match across any whitespace; matching ignores case.
    """
    source = "framing lexicon"
    if lexicon is None:
        path = template("qual", "framing_lexicon.csv")
        lexicon, source = pd.read_csv(path, dtype={"term": str, "frame": str}), str(path)
    elif isinstance(lexicon, (str, os.PathLike)):
        source = str(lexicon)
        lexicon = pd.read_csv(lexicon, dtype={"term": str, "frame": str})
    elif not isinstance(lexicon, pd.DataFrame):
        raise ParameterError(
            "The 'lexicon' parameter must be a path to a CSV file, a pandas DataFrame with "
            f"columns term, frame, weight, or None for the bundled lexicon. "
            f"Got {type(lexicon).__name__} instead."
        )
    check_columns(lexicon, ["term", "frame", "weight"], argument="lexicon", where=source)
    if len(lexicon) == 0:
        raise ParameterError(
            f"The lexicon {source} has no rows, so no document could be scored. "
            "Add terms (columns term, frame, weight) or pass lexicon=None for the bundled one."
        )
    lex = lexicon.copy()
    lex["term"] = lex["term"].astype(str).str.strip().str.lower()
    lex["frame"] = lex["frame"].astype(str).str.strip().str.lower()
    lex["weight"] = pd.to_numeric(lex["weight"], errors="coerce")
    if "notes" not in lex.columns:
        lex["notes"] = ""
    problems = []
    for i, row in lex.iterrows():
        line = int(i) + 2 if isinstance(i, (int, np.integer)) else i
        if row["frame"] not in FRAMES:
            problems.append((source, line, "frame", row["frame"], "unknown frame", "care or misconduct"))
        if not (row["weight"] > 0):
            problems.append(
                (source, line, "weight", lexicon.loc[i, "weight"], "weight is not a positive number", "a number > 0")
            )
        if row["term"] in ("", "nan", "*"):
            problems.append((source, line, "term", row["term"], "empty term", "a word or phrase"))
    dup = lex.duplicated("term", keep="first")
    for i in lex.index[dup]:
        problems.append((source, int(i) + 2, "term", lex.loc[i, "term"], "term listed twice", "each term once"))
    if problems:
        report = pd.DataFrame(problems, columns=["file", "row", "column", "value", "problem", "expected"])
        report["severity"] = "error"
        raise DataValidationError(report)
    return lex[["term", "frame", "weight", "notes"]].reset_index(drop=True)


def _pattern(lex: pd.DataFrame):
    parts = []
    for term in sorted(lex["term"], key=len, reverse=True):
        wild = term.endswith("*")
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w'-]*" if wild else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _lookup(lex):
    exact = {t: (f, w) for t, f, w in zip(lex["term"], lex["frame"], lex["weight"]) if not t.endswith("*")}
    wild = sorted(
        ((t.rstrip("*"), f, w) for t, f, w in zip(lex["term"], lex["frame"], lex["weight"]) if t.endswith("*")),
        key=lambda x: -len(x[0]),
    )
    return exact, wild


def _as_documents(documents, text, id, function="frame_documents"):
    if isinstance(documents, QualProject):
        src = documents.sources
        docs = src[src["kind"] == "document"]
        if docs.empty:
            raise ParameterError(
                "frame_documents found no sources of kind 'document' in the project "
                f"(kinds present: {sorted(src['kind'].dropna().unique())}). Set kind to "
                "'document' for policy documents, or pass a DataFrame with id and text."
            )
        return docs.rename(columns={"id": "id", "text": "text"}).reset_index(drop=True), "id", "text"
    if not isinstance(documents, pd.DataFrame):
        raise ParameterError(
            f"The 'documents' parameter of {function} must be a DataFrame with columns "
            f"'{id}' and '{text}' or a QualProject. Got {type(documents).__name__} instead."
        )
    check_columns(documents, [id, text], argument="id/text")
    if len(documents) == 0:
        raise ParameterError(
            f"The 'documents' parameter of {function} is an empty table (0 rows): there are "
            "no documents to read. Check the folder or filter that produced it."
        )
    return documents.reset_index(drop=True), id, text


def _paragraphs(doc_text: str):
    """``(paragraph number from 1, start, end)`` split at blank lines."""
    out, pos, k = [], 0, 0
    for m in list(_PARA.finditer(doc_text)) + [None]:
        end = m.start() if m is not None else len(doc_text)
        if doc_text[pos:end].strip():
            k += 1
            out.append((k, pos, end))
        pos = m.end() if m is not None else end
    return out


def framing_evidence(documents, *, lexicon=None, text="text", id="id"):
    """Every lexicon hit: which term, which frame, where.

    Returns
    -------
    pandas.DataFrame
        ``document, paragraph`` (from 1, split at blank lines), ``start, end`` (code point
        offsets in the document text), ``term`` (as written in the text), ``lexicon_term``,
        ``frame``, ``weight``.

    Examples
    --------
    >>> docs = pd.DataFrame({"id": ["d1"], "text": ["Breaches may lead to misconduct.\\n\\n"
    ...                                              "Your wellbeing matters."]})
    >>> framing_evidence(docs)[["paragraph", "term", "frame"]]
       paragraph        term       frame
    0          1    Breaches  misconduct
    1          1  misconduct  misconduct
    2          2   wellbeing        care
    """
    lex = read_lexicon(lexicon)
    docs, id_col, text_col = _as_documents(documents, text, id, "framing_evidence")
    pattern = _pattern(lex)
    exact, wild = _lookup(lex)
    rows = []
    for doc_id, doc_text in zip(docs[id_col], docs[text_col]):
        doc_text = doc_text if isinstance(doc_text, str) else ""
        for k, p0, p1 in _paragraphs(doc_text):
            for m in pattern.finditer(doc_text, p0, p1):
                found = re.sub(r"\s+", " ", m.group().lower())
                hit = exact.get(found)
                if hit is None:
                    term = next(t for t, f, w in wild if found.startswith(t))
                    hit = next((f, w) for t, f, w in wild if t == term)
                    lex_term = term + "*"
                else:
                    lex_term = found
                rows.append((doc_id, k, m.start(), m.end(), m.group(), lex_term, hit[0], float(hit[1])))
    return pd.DataFrame(
        rows, columns=["document", "paragraph", "start", "end", "term", "lexicon_term", "frame", "weight"]
    )


def frame_documents(documents, *, lexicon=None, text="text", id="id", margin=0.0):
    """Score each document for care versus misconduct framing.

    Parameters
    ----------
    documents : pandas.DataFrame or QualProject
        ``id``, ``text`` and any other columns (``force``, ``year``, ...: carried to the
        output), or a project whose sources of kind ``"document"`` are scored.
    lexicon : path, DataFrame or None
        The framing lexicon; default the bundled ``data-templates/qual/framing_lexicon.csv``.
    text, id : str
        Column names.
    margin : float
        ``frame`` is ``"care"`` if ``estimate > margin``, ``"misconduct"`` if
        ``estimate < -margin``, else ``"balanced"``; ``"none"`` without any hit.

    Returns
    -------
    pandas.DataFrame
        One row per document: ``id`` and the other input columns except the text, then
        ``n_words``, ``n_paragraphs``, ``care`` and ``misconduct`` (weighted hits),
        ``care_per_1000`` and ``misconduct_per_1000`` (per 1,000 words), ``estimate``
        (balance, from -1 all misconduct to +1 all care; NaN without hits), ``frame``,
        ``method``.

    Notes
    -----
    With :math:`C` and :math:`M` the summed weights of care and misconduct terms found,
    balance :math:`= (C - M) / (C + M)`. Overlapping terms count once (the longest
    match), matching ignores case, a ``*`` term matches word endings. The lexicon counts
    words, not meaning: negation ("not a disciplinary matter") and sarcasm are not
    understood, so read the evidence (:func:`framing_evidence`) before quoting scores.

    References
    ----------
    Wong, Y. N., Horgan, S., & Aston, E. V. (2024). Managerial officers (research briefing):
    policy and guidance documents emphasised misconduct and reputation over care.

    Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. Journal of
    Communication, 43(4), 51-58.

    Examples
    --------
    >>> docs = pd.DataFrame({"id": ["a", "b"], "force": ["F1", "F2"],
    ...     "text": ["Breaches may lead to disciplinary action.",
    ...              "Your wellbeing matters; support is available."]})
    >>> frame_documents(docs)[["id", "force", "care", "misconduct", "estimate", "frame"]]
      id force  care  misconduct  estimate       frame
    0  a    F1   0.0         4.0      -1.0  misconduct
    1  b    F2   2.0         0.0       1.0        care
    """
    if not isinstance(margin, (int, float)) or margin < 0 or margin >= 1:
        raise ParameterError(f"The 'margin' parameter of frame_documents must be a number in [0, 1). Got {margin!r}.")
    docs, id_col, text_col = _as_documents(documents, text, id)
    evidence = framing_evidence(docs, lexicon=lexicon, text=text_col, id=id_col)
    totals = (
        evidence.pivot_table(index="document", columns="frame", values="weight", aggfunc="sum")
        .reindex(columns=list(FRAMES))
        .fillna(0.0)
    )
    keep = [c for c in docs.columns if c not in (text_col,)]
    out = docs[keep].rename(columns={id_col: "id"}).copy()
    texts = docs[text_col].fillna("").astype(str)
    out["n_words"] = texts.str.count(r"[^\W\d_]+(?:['’-][^\W\d_]+)*").astype("int64")
    out["n_paragraphs"] = [len(_paragraphs(t)) for t in texts]
    for frame in FRAMES:
        out[frame] = out["id"].map(totals[frame]).fillna(0.0).astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"{frame}_per_1000"] = np.where(out["n_words"] > 0, out[frame] / out["n_words"] * 1000, np.nan)
    tot = out["care"] + out["misconduct"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["estimate"] = np.where(tot > 0, (out["care"] - out["misconduct"]) / tot, np.nan)
    out["frame"] = np.select(
        [tot == 0, out["estimate"] > margin, out["estimate"] < -margin],
        ["none", "care", "misconduct"],
        default="balanced",
    )
    out["method"] = "lexicon balance (care - misconduct) / (care + misconduct)"
    return out


def compare_frames(scores, *, by, ci=0.95):
    """Compare framing across groups of documents (forces, years, document types).

    Parameters
    ----------
    scores : pandas.DataFrame
        Output of :func:`frame_documents` (needs ``estimate`` and ``frame``).
    by : str or list of str
        Grouping column(s), e.g. ``"force"`` or ``"year"``.
    ci : float
        Level of the t interval of the mean balance (in ``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` column(s), ``n`` (documents), ``n_scored`` (with at
        least one hit), ``estimate`` (mean balance), ``se``, ``ci_low``, ``ci_high``,
        ``share_care``, ``share_misconduct`` (proportions of documents so framed),
        ``method``.

    Notes
    -----
    Mean balance :math:`\\bar b` over scored documents with :math:`se = s / \\sqrt{n}` and
    interval :math:`\\bar b \\pm t_{n-1} se` (NaN when fewer than two are scored).

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2015, 2015, 2022, 2022], "estimate": [-1, -0.5, 0.5, 1.0],
    ...                   "frame": ["misconduct", "misconduct", "care", "care"]})
    >>> compare_frames(s, by="year")[["year", "n", "estimate", "share_care"]]
       year  n  estimate  share_care
    0  2015  2     -0.75         0.0
    1  2022  2      0.75         1.0
    """
    if not isinstance(by, (str, list, tuple)):
        raise ParameterError(
            f"The 'by' parameter of compare_frames must be a column name or a list of them. Got {by!r} instead."
        )
    by = [by] if isinstance(by, str) else list(by)
    check_table(scores, argument="scores", function="compare_frames", producer="frame_documents", allow_empty=True)
    check_columns(scores, by, argument="by", where="scores")
    check_table(
        scores, argument="scores", function="compare_frames", producer="frame_documents", columns=("estimate", "frame")
    )

    ci_level = check_ci(ci, function="compare_frames")
    rows = []
    for key, g in scores.groupby(by, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        est = g["estimate"].dropna().to_numpy(float)
        k = len(est)
        mean = est.mean() if k else np.nan
        se = est.std(ddof=1) / np.sqrt(k) if k > 1 else np.nan
        t = stats.t.ppf(0.5 + ci_level / 2, k - 1) if k > 1 else np.nan
        rows.append(
            (
                *key,
                len(g),
                k,
                mean,
                se,
                mean - t * se,
                mean + t * se,
                float((g["frame"] == "care").mean()),
                float((g["frame"] == "misconduct").mean()),
            )
        )
    out = pd.DataFrame(
        rows, columns=[*by, "n", "n_scored", "estimate", "se", "ci_low", "ci_high", "share_care", "share_misconduct"]
    )
    out["method"] = "mean lexicon balance, t interval"
    out.attrs["ci"] = ci_level
    return out


def framing_share(scores, *, frame="misconduct", ci=0.95):
    """Share of scored documents framed as ``frame``, with its Wilson interval.

    Parameters
    ----------
    scores : pandas.DataFrame
        Output of :func:`frame_documents` (needs ``frame``).
    frame : {"misconduct", "care", "balanced"}
        The framing whose share is estimated.
    ci : float
        Level of the Wilson score interval (in ``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        One row: ``frame``, ``n_framed`` (documents so framed), ``n`` (documents with at
        least one framing term; those with ``frame == "none"`` are left out of the
        denominator), ``estimate`` (``n_framed / n``), ``ci_low``, ``ci_high``, ``method``.
        With no scored document the estimate and interval are NaN.

    Notes
    -----
    With :math:`x` of :math:`n` scored documents so framed, :math:`\\hat p = x / n` and the
    Wilson (1927) score interval

    .. math::
        \\frac{\\hat p + z^2 / 2n \\pm z \\sqrt{\\hat p (1 - \\hat p) / n + z^2 / 4n^2}}{1 + z^2 / n}

    (``statsmodels.stats.proportion.proportion_confint(method="wilson")``; R
    ``prop.test(x, n, correct = FALSE)$conf.int``).

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
    inference. *Journal of the American Statistical Association*, 22(158), 209-212.

    Examples
    --------
    >>> s = pd.DataFrame({"frame": ["misconduct", "misconduct", "care", "none"]})
    >>> framing_share(s)[["frame", "n_framed", "n", "estimate"]].round(3)
            frame  n_framed  n  estimate
    0  misconduct         2  3     0.667
    """
    check_table(scores, argument="scores", function="framing_share", producer="frame_documents", columns=("frame",))
    allowed = [*FRAMES, "balanced"]
    if frame not in allowed:
        raise ParameterError(f"The 'frame' parameter of framing_share must be one of {allowed}. Got {frame!r} instead.")
    ci_level = check_ci(ci, function="framing_share")
    scored = scores["frame"] != "none"
    n = int(scored.sum())
    x = int((scores["frame"] == frame).sum())
    if n:
        lo, hi = proportion_confint(x, n, alpha=1 - ci_level, method="wilson")
        est = x / n
    else:
        lo = hi = est = np.nan
    out = pd.DataFrame(
        [(frame, x, n, est, float(lo), float(hi), "share of scored documents, Wilson score interval")],
        columns=["frame", "n_framed", "n", "estimate", "ci_low", "ci_high", "method"],
    )
    out.attrs["ci"] = ci_level
    return out


def _hand_and_lexicon(sample, lexicon, text, label, function):
    """The hand-coded label and the lexicon's label of every paragraph of ``sample``, as
    a table ``hand``, ``lexicon`` (Categoricals of care, misconduct, neutral)."""
    if isinstance(sample, (str, os.PathLike)):
        sample = pd.read_csv(sample)
    check_table(sample, argument="sample", function=function, allow_empty=True)
    check_columns(sample, [text, label], argument="text/label", where="sample")
    check_table(sample, argument="sample", function=function)
    labels = sample[label].astype(str).str.strip().str.lower()
    bad = ~labels.isin([*FRAMES, "neutral"])
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ParameterError(
            f"Hand-coded sample row {i + 2}, column '{label}': {labels.iloc[i]!r} is not a "
            "frame; expected care, misconduct or neutral."
        )
    docs = pd.DataFrame({"id": np.arange(len(sample)), "text": sample[text].astype(str)})
    scores = frame_documents(docs, lexicon=lexicon)
    predicted = np.select(
        [scores["care"] > scores["misconduct"], scores["misconduct"] > scores["care"]],
        ["care", "misconduct"],
        default="neutral",
    )
    return pd.DataFrame(
        {
            "hand": pd.Categorical(labels.to_numpy(), categories=[*FRAMES, "neutral"]),
            "lexicon": pd.Categorical(predicted, categories=[*FRAMES, "neutral"]),
        }
    )


def validate_lexicon(sample, lexicon=None, *, text="text", label="frame", ci=0.95):
    """Agreement of the lexicon's paragraph classification with hand coding.

    Parameters
    ----------
    sample : pandas.DataFrame or path
        Hand-coded paragraphs: ``text`` and ``label`` (``care``, ``misconduct`` or
        ``neutral``), e.g. ``data-templates/qual/framing_hand_coded.csv``.
    lexicon : path, DataFrame or None
        Lexicon to validate (default the bundled one).
    ci : float
        Level of both intervals (in ``attrs["ci"]``).

    Returns
    -------
    pandas.DataFrame
        Rows ``measure`` = ``accuracy`` (share classified as hand-coded, Wilson interval)
        and ``cohen_kappa`` (chance-corrected, Wald interval), with ``estimate, se, ci_low,
        ci_high, n, method``. The confusion table behind them is
        :func:`lexicon_confusion`.

    Notes
    -----
    The lexicon label of a paragraph is ``care`` if care weight > misconduct weight,
    ``misconduct`` if less, and ``neutral`` if no term (or an exact tie) is found.
    """
    ci_level = check_ci(ci, function="validate_lexicon")
    pair = _hand_and_lexicon(sample, lexicon, text, label, "validate_lexicon")
    n = len(pair)
    correct = int((pair["hand"] == pair["lexicon"]).sum())
    acc = correct / n
    lo, hi = proportion_confint(correct, n, alpha=1 - ci_level, method="wilson")
    kappa = cohen_kappa(pair.astype(str), raters=["hand", "lexicon"], ci=ci_level).iloc[0]
    out = pd.DataFrame(
        {
            "measure": ["accuracy", "cohen_kappa"],
            "estimate": [acc, kappa["estimate"]],
            "se": [np.sqrt(acc * (1 - acc) / n), kappa["se"]],
            "ci_low": [lo, kappa["ci_low"]],
            "ci_high": [hi, kappa["ci_high"]],
            "n": [n, n],
            "method": [
                "proportion classified as hand-coded, Wilson interval",
                "Cohen's kappa (hand vs lexicon), Wald interval",
            ],
        }
    )
    out.attrs["ci"] = ci_level
    return out


def lexicon_confusion(sample, lexicon=None, *, text="text", label="frame"):
    """Confusion table of the lexicon's paragraph classification against hand coding.

    Parameters
    ----------
    sample, lexicon, text, label
        As :func:`validate_lexicon`.

    Returns
    -------
    pandas.DataFrame
        Counts of paragraphs: rows the hand coding (index ``hand``), columns the lexicon's
        label (``lexicon``), each in the order care, misconduct, neutral (every label
        shown, also when empty). Its diagonal share is the accuracy of
        :func:`validate_lexicon`.
    """
    pair = _hand_and_lexicon(sample, lexicon, text, label, "lexicon_confusion")
    return pd.crosstab(pair["hand"], pair["lexicon"], dropna=False)
