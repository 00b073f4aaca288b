"""Evidence-pack section: coded manager interviews (themes by role and experience,
inter-coder agreement) and policy-document framing (care versus misconduct).

Publishes counts of cases per theme only after small-cell suppression
(:func:`toolkit.disclosure.suppress`, threshold 10, secondary suppression); no quotes,
document text or case-level cells are published (interview passages can identify a
manager). The policy-document and agreement parts live in ``_qual_documents`` and
``_qual_agreement``.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["build"]


def _load(ctx):
    from toolkit.qual.project import QualProject

    source = ctx.config.path("qual", "interviews") if ctx.config is not None else None
    if source is None:
        ctx.note("qual: the study has no coded interviews (qual.interviews); no interview themes")
        return None
    if source.suffix.lower() == ".qdpx":
        from toolkit.qual.qdpx import read_qdpx

        return read_qdpx(source)
    return QualProject.from_csv(source)


def _crosstab(project, by, coder):
    from toolkit.qual._common import leaf_codes
    from toolkit.qual.frequencies import code_frequencies

    f = code_frequencies(project, by=by, codes=leaf_codes(project), coder=coder)
    names = dict(zip(project.codebook["id"], project.codebook["name"]))
    wide = f.pivot(index="code", columns="group", values="n_cases")
    wide = wide.loc[[c for c in f["code"].unique()]]
    wide.index = [f"{c} {names[c]}" for c in wide.index]
    return wide.astype("int64")


def build(ctx) -> None:
    """Interview themes (with inter-coder agreement), then policy-document framing."""
    from toolkit.report.sections._qual_documents import build_documents
    from toolkit.report.sections.survey import part

    with part(ctx, "the interview themes", "qual"):
        _build_interviews(ctx)
    with part(ctx, "the policy-document framing", "qual"):
        build_documents(ctx)


def _build_interviews(ctx) -> None:
    """Frequencies of themes by role and by personal experience, co-occurrence, saturation."""
    from toolkit.disclosure import suppress
    from toolkit.qual.cooccurrence import cooccurrence, cooccurrence_heatmap
    from toolkit.qual.frequencies import code_frequencies
    from toolkit.qual.saturation import saturation, saturation_plot
    from toolkit.report.sections._qual_agreement import build_agreement

    project = _load(ctx)
    if project is None:
        return
    k = ctx.threshold
    coders = sorted(project.segments["coder"].dropna().unique())
    coder = coders[0] if len(coders) > 1 else None
    if coder is not None:
        ctx.note(f"qual: {len(coders)} coders; frequencies use coder {coder!r} (the others are "
                 "for agreement only)")
    attributes = list(project.case_attributes())
    wanted = ctx.config.get("qual", "by") if ctx.config is not None else None
    for by in (wanted if wanted is not None else attributes):
        if by not in attributes:
            ctx.note(f"qual: case attribute {by!r} (qual.by) is not in the interviews' cases "
                     f"(they have {attributes}); table of themes by {by} not included")
            continue
        res = suppress(_crosstab(project, by, coder), threshold=k)
        ctx.disclosure_record(f"qual_themes_by_{by}", res.record)
        ctx.note(f"qual: themes by {by}: {res.n_suppressed} cell(s) suppressed (threshold {k})")
        table = res.table.reset_index().rename(columns={"index": "theme"})
        ctx.table(
            f"qual_themes_by_{by}",
            table,
            disclosure_checked=True,
            title=f"Managers raising each theme, by {by.replace('_', ' ')} (number of interviews)",
            pillar="recognition",
            caption=f"Counts below {k} are suppressed (blank), with secondary suppression.",
        )

    overall = code_frequencies(project, coder=coder)
    overall = overall[overall["n"] >= k]
    small = overall["n_cases"].between(1, k - 1)
    pub = overall.loc[:, ["code", "name", "pillar", "n_cases", "n", "estimate", "ci_low",
                          "ci_high"]].copy()
    pub.loc[small.to_numpy(), ["n_cases", "estimate", "ci_low", "ci_high"]] = pd.NA
    if small.any():
        ctx.note(f"qual: {int(small.sum())} theme(s) raised by fewer than {k} managers "
                 "shown without counts")
        ctx.disclosure_record(
            "qual_theme_prevalence",
            pd.DataFrame({"row": pub.loc[small.to_numpy(), "code"], "column": "n_cases",
                          "value": overall.loc[small, "n_cases"].to_numpy(), "action": "primary",
                          "reason": f"fewer than {k} cases"}),
        )
    ctx.table(
        "qual_theme_prevalence",
        pub,
        disclosure_checked=True,
        title="Themes in the manager interviews: interviews raising each theme",
        caption="estimate = share of interviews, with 95% Wilson interval; themes raised in fewer than "
        f"{k} interviews are shown without counts.",
    )

    for code, pillar, rec, text in (
        ("TRN.GAP", "training", "2.01", "Managers describing gaps in training on online harms"),
        ("REC.ORG.MISC", "recognition", "1.03",
         "Managers describing the organisational response as misconduct / reputation"),
        ("SUP.AVAIL", "support", "4.04", "Managers describing limited support for online harm"),
    ):
        row = pub[pub["code"] == code]
        if len(row) and pd.notna(row["estimate"].iloc[0]):
            r = row.iloc[0]
            ctx.finding(pillar, text + ": {estimate:.0%} of {n} interviews (95% CI {lo:.0%} to {hi:.0%})",
                        recommendation=rec, estimate=float(r["estimate"]), n=int(r["n"]),
                        lo=float(r["ci_low"]), hi=float(r["ci_high"]))

    names = dict(zip(project.codebook["id"], project.codebook["name"]))
    ctx.figure("qual_cooccurrence",
               cooccurrence_heatmap(cooccurrence(project, unit="source", measure="jaccard",
                                                 coder=coder), labels=names),
               title="Which themes occur together in the same interview (Jaccard similarity)",
               pillar="recognition")
    ctx.figure("qual_saturation", saturation_plot(saturation(project, coder=coder)),
               title="Thematic saturation: new themes per additional interview")
    ctx.method(
        "Interviews",
        "Coded interview segments were summarised per theme as the share of interviews raising it "
        "(parent themes roll up their sub-themes; Wilson 95% intervals). Where two coders coded the same "
        "interviews, frequencies use the first coder and the second serves the agreement analysis.",
    )
    ctx.limitation(
        "Interview themes describe the managers interviewed, a purposive sample; shares are not "
        "estimates for all managers."
    )
    build_agreement(ctx, project)
