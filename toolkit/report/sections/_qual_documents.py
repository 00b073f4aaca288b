"""Evidence-pack part of the qual section: how policy documents frame online harms.

Documents are scored with the transparent framing lexicon
(:func:`toolkit.qual.frame_documents`) and compared across forces and years
(:func:`toolkit.qual.compare_frames`). Only scores are published: no document text and no
excerpts. Counts here are counts of (public) documents, not of people: they are declared
to the publication gate as such (``not_people``), which the manifest shows.
"""

from __future__ import annotations

import pandas as pd

from toolkit.qual.framing import compare_frames, frame_documents, framing_share
from toolkit.qual.framing_figures import framing_balance_plot
from toolkit.report import alt_text

__all__ = ["build_documents"]

#: columns of frame_documents published per document (never the text or title)
_DOC_COLUMNS = [
    "id",
    "force",
    "year",
    "n_words",
    "care",
    "misconduct",
    "care_per_1000",
    "misconduct_per_1000",
    "estimate",
    "frame",
]


def build_documents(ctx) -> None:
    """Score the configured policy documents; publish scores, comparisons, figure, finding."""
    source = ctx.config.path("qual", "documents") if ctx.config is not None else None
    if source is None:
        ctx.note("qual: no policy documents named in the configuration (qual.documents); framing analysis skipped")
        return
    docs = pd.read_excel(source) if source.suffix.lower() in (".xlsx", ".xls") else pd.read_csv(source)
    lexicon = ctx.config.path("qual", "lexicon")
    scores = frame_documents(docs, lexicon=lexicon)
    n = len(scores)
    ctx.note(
        f"qual: {n} policy document(s) scored for care vs misconduct framing; "
        f"{int((scores['frame'] == 'none').sum())} without any framing term"
    )
    cols = [c for c in _DOC_COLUMNS if c in scores.columns]
    docs_only = {"n_words": "words of a policy document"}
    ctx.table(
        "qual_document_framing",
        scores[cols],
        key=["id"],
        not_people=docs_only,
        title="Framing of each policy document: care versus misconduct (lexicon scores)",
        pillar="recognition",
        caption="care, misconduct = weighted lexicon hits; estimate = (care - misconduct) / "
        "(care + misconduct), from -1 (all misconduct) to +1 (all care). No document text "
        "is reproduced.",
    )
    for by in ("year", "force"):
        if by not in scores.columns:
            ctx.note(f"qual: documents have no column {by!r}; comparison by {by} skipped")
            continue
        comp = compare_frames(scores, by=by)
        ctx.table(
            f"qual_framing_by_{by}",
            comp.drop(columns="method"),
            key=[by],
            not_people={
                "n": "policy documents (organisational publications)",
                "n_scored": "policy documents with a framing term",
            },
            title=f"Care-versus-misconduct balance of policy documents by {by}",
            pillar="recognition",
            caption=f"estimate = mean balance, {comp.attrs['ci']:.0%} t interval "
            "(empty with fewer than two documents; groups of a few documents give wide "
            "intervals); share_care / share_misconduct = share of documents so framed.",
        )
        ctx.figure(
            f"qual_framing_by_{by}",
            lambda docs, groups, by=by: framing_balance_plot(docs, comparison=groups, by=by),
            source=("qual_document_framing", f"qual_framing_by_{by}"),
            title=f"Care minus misconduct framing of policy documents, by {by}",
            pillar="recognition",
            caption="Each point is a document (blue circle: care; orange triangle: "
            "misconduct); black bars: mean with 95% interval, drawn within -1 to +1.",
            alt=lambda docs, groups, by=by: alt_text.framing_alt(docs, groups, by=by),
        )

    share = framing_share(scores, frame="misconduct").iloc[0]
    k, m = int(share["n_framed"]), int(share["n"])
    if m:
        scored = scores[scores["frame"] != "none"]
        overall = compare_frames(scored.assign(_all="all"), by="_all").iloc[0]
        ctx.finding(
            "recognition",
            "{k} of {m} policy documents ({p:.0%}, 95% CI {lo:.0%} to {hi:.0%}) frame online "
            "harms mainly as misconduct and reputation rather than care and wellbeing "
            "(mean balance {b:+.2f}, 95% CI {blo:+.2f} to {bhi:+.2f}, on a scale from -1 "
            "misconduct to +1 care).",
            recommendation="1.03",
            k=k,
            m=m,
            p=float(share["estimate"]),
            lo=float(share["ci_low"]),
            hi=float(share["ci_high"]),
            b=float(overall["estimate"]),
            blo=float(overall["ci_low"]),
            bhi=float(overall["ci_high"]),
        )
    ctx.method(
        "Policy documents",
        "Each document was scored with an editable lexicon of care / wellbeing and misconduct / "
        "reputation terms (the study's qual.lexicon, by default "
        "data-templates/qual/framing_lexicon.csv). Balance = (care - "
        "misconduct) / (care + misconduct) over weighted hits; a document is framed as care or "
        "misconduct by the sign of its balance. Groups are compared by mean balance with a t "
        "interval; the share of documents framed as misconduct has a Wilson 95% interval. Every "
        "hit is listed by framing_evidence() so a reader can check any score.",
    )
    ctx.limitation(
        'Framing scores count words, not meaning: negation ("not a disciplinary matter") is not '
        "understood. Validate the lexicon on a hand-coded sample (validate_lexicon) before relying "
        "on it for a new set of documents."
    )
