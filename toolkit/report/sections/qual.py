"""Evidence-pack section: coded manager interviews (themes by role and experience,
inter-coder agreement) and policy-document framing (care versus misconduct).

Publishes counts of cases per theme through the publication gate (threshold 10,
secondary suppression, linked with the overall theme counts); no quotes,
document text or case-level cells are published (interview passages can identify a
manager). The policy-document and agreement parts live in ``_qual_documents`` and
``_qual_agreement``.
"""

from __future__ import annotations

import pandas as pd

from toolkit.disclosure.gate import Link, cell
from toolkit.io.export import write_csv
from toolkit.qual._common import leaf_codes
from toolkit.qual.cooccurrence import cooccurrence, cooccurrence_heatmap
from toolkit.qual.frequencies import code_frequencies
from toolkit.qual.project import QualProject
from toolkit.qual.qdpx import read_qdpx
from toolkit.qual.quotes import quotes
from toolkit.qual.redact import redact_many
from toolkit.qual.saturation import saturation, saturation_plot
from toolkit.report import alt_text
from toolkit.report.sections._qual_agreement import build_agreement
from toolkit.report.sections._qual_documents import build_documents
from toolkit.report.sections.survey import part

__all__ = ["build"]


def _load(ctx):
    source = ctx.config.path("qual", "interviews") if ctx.config is not None else None
    if source is None:
        ctx.note("qual: the study has no coded interviews (qual.interviews); no interview themes")
        return None
    if source.suffix.lower() == ".qdpx":
        return read_qdpx(source)
    return QualProject.from_csv(source)


OTHER = "Other (groups of fewer than {k} interviews)"


def _crosstab(project, by, coder, ctx=None) -> tuple[pd.DataFrame, list]:
    """Interviews raising each theme by a case attribute (rows 'code name'), and the code of
    each row."""
    f = code_frequencies(project, by=by, codes=leaf_codes(project), coder=coder)
    if ctx is not None:
        # a case attribute is typed by whoever coded the interviews and no dictionary declares
        # its values: a value held by fewer than k interviews never labels a column (it may be
        # free text, or name a handful of managers); those interviews are counted together
        sizes = f.drop_duplicates("group").set_index("group")["n"]
        small = sizes.index[sizes < ctx.threshold]
        if len(small):
            label = OTHER.format(k=ctx.threshold)
            ctx.undeclared(
                project.cases[by],
                None,
                what=by.replace("_", " "),
                where=f"qual: themes by {by.replace('_', ' ')}",
                unit="interview(s)",
                fate=f"counted together as '{label}'",
            )
            f = f.assign(group=f["group"].where(~f["group"].isin(small), label))
            f = f.groupby(["code", "group"], as_index=False, sort=False)["n_cases"].sum()

    names = dict(zip(project.codebook["id"], project.codebook["name"]))
    wide = f.pivot(index="code", columns="group", values="n_cases")
    wide = wide.loc[[c for c in f["code"].unique()]]
    codes = list(wide.index)
    wide.index = [f"{c} {names[c]}" for c in wide.index]
    wide = wide.astype("int64")
    return wide, codes


def build(ctx) -> None:
    """Interview themes (with inter-coder agreement), then policy-document framing."""
    with part(ctx, "the interview themes", "qual"):
        _build_interviews(ctx)
    with part(ctx, "the policy-document framing", "qual"):
        build_documents(ctx)


def _build_interviews(ctx) -> None:
    """Frequencies of themes by role and by personal experience, co-occurrence, saturation."""
    project = _load(ctx)
    if project is None:
        return
    k = ctx.threshold
    coders = sorted(project.segments["coder"].dropna().unique())
    coder = coders[0] if len(coders) > 1 else None
    if coder is not None:
        ctx.note(f"qual: {len(coders)} coders; frequencies use coder {coder!r} (the others are for agreement only)")

    overall = code_frequencies(project, coder=coder)
    overall = overall[overall["n"] >= k]
    pub = overall.loc[:, ["code", "name", "pillar", "n_cases", "n", "estimate", "ci_low", "ci_high"]].copy()
    raised = dict(zip(pub["code"], pub["n_cases"]))
    # every row's n counts the same interviews (all of them): withholding it in one row hides
    # nothing while the other rows show it, so the gate is told they are one number
    same_n = tuple(
        Link(cell("qual_theme_prevalence", first, "n"), (cell("qual_theme_prevalence", code, "n"),))
        for first in pub["code"].iloc[:1]
        for code, n in zip(pub["code"].iloc[1:], pub["n"].iloc[1:])
        if n == pub["n"].iloc[0]
    )
    pub = ctx.table(
        "qual_theme_prevalence",
        pub,
        key=["code"],
        counts=["n_cases", "n"],
        events=[("n_cases", "n")],
        links=same_n,
        title="Themes in the manager interviews: interviews raising each theme",
        caption="estimate = share of interviews, with 95% Wilson interval; themes raised in (or missing "
        f"from) fewer than {k} interviews are withheld.",
    )
    attributes = list(project.case_attributes())
    wanted = ctx.config.get("qual", "by") if ctx.config is not None else None
    for by in wanted if wanted is not None else attributes:
        if by not in attributes:
            ctx.note(
                f"qual: case attribute {by!r} (qual.by) is not in the interviews' cases "
                f"(they have {attributes}); table of themes by {by} not included"
            )
            continue
        wide, codes = _crosstab(project, by, coder, ctx)
        name = f"qual_themes_by_{by}"
        # each theme's total across the groups counts the interviews of the overall table
        links = tuple(
            Link(
                cell("qual_theme_prevalence", code, "n_cases"),
                (cell(name, label, "Total"),),
                exact=int(wide.loc[label].sum()) == int(raised[code]),
            )
            for code, label in zip(codes, wide.index)
            if code in raised
        )
        ctx.table(
            name,
            wide,
            wide=True,
            index_name="theme",
            links=links,
            title=f"Managers raising each theme, by {by.replace('_', ' ')} (number of interviews)",
            pillar="recognition",
            caption=f"Counts below {k} are withheld (blank), with further cells withheld so that totals "
            "and the other tables of the pack do not give them back.",
        )

    for code, pillar, rec, text in (
        ("TRN.GAP", "training", "2.01", "Managers describing gaps in training on online harms"),
        (
            "REC.ORG.MISC",
            "recognition",
            "1.03",
            "Managers describing the organisational response as misconduct / reputation",
        ),
        ("SUP.AVAIL", "support", "4.04", "Managers describing limited support for online harm"),
    ):
        row = pub[pub["code"] == code]
        if len(row) and pd.notna(row["estimate"].iloc[0]):
            r = row.iloc[0]
            ctx.finding(
                pillar,
                text + ": {estimate:.0%} of {n} interviews (95% CI {lo:.0%} to {hi:.0%})",
                recommendation=rec,
                estimate=float(r["estimate"]),
                n=int(r["n"]),
                lo=float(r["ci_low"]),
                hi=float(r["ci_high"]),
                raised=int(r["n_cases"]),
                people=("n",),
                events=(("raised", "n"),),
                cells={
                    "n": cell("qual_theme_prevalence", code, "n"),
                    "raised": cell("qual_theme_prevalence", code, "n_cases"),
                },
            )

    names = dict(zip(project.codebook["id"], project.codebook["name"]))
    # co-occurrence: interviews raising both themes, published through the gate; the heat map
    # is drawn from the published counts (withheld pairs blank), never from the raw result
    pairs = cooccurrence(project, unit="source", measure="count", coder=coder)
    pairs = pairs.loc[:, ["code_a", "code_b", "n_both"]]
    links = tuple(
        Link(
            cell("qual_theme_prevalence", code, "n_cases"),
            (cell("qual_cooccurrence", f"{a} | {b}", "n_both"),),
            exact=False,
        )
        for a, b in zip(pairs["code_a"], pairs["code_b"])
        for code in (a, b)
        if code in raised
    )
    ctx.table(
        "qual_cooccurrence",
        pairs,
        key=["code_a", "code_b"],
        counts=["n_both"],
        links=links,
        title="Interviews raising both themes of each pair",
        pillar="recognition",
        caption=f"Pairs raised together in fewer than {k} interviews are withheld.",
    )
    ctx.figure(
        "qual_cooccurrence",
        lambda t: cooccurrence_heatmap(t.assign(estimate=pd.to_numeric(t["n_both"]).astype("float64")), labels=names),
        source="qual_cooccurrence",
        title="Which themes occur together in the same interview (interviews raising both; withheld pairs blank)",
        pillar="recognition",
        alt=lambda t: alt_text.cooccurrence_alt(t, names=names, threshold=k),
    )
    sat = saturation(project, coder=coder).loc[:, ["position", "n_new", "n_cumulative", "proportion"]]
    ctx.table(
        "qual_saturation",
        sat,
        key=["position"],
        not_people={"n_new": "themes first raised", "n_cumulative": "themes found so far"},
        title="Thematic saturation: new themes per additional interview",
    )
    ctx.figure(
        "qual_saturation",
        saturation_plot,
        source="qual_saturation",
        title="Thematic saturation: new themes per additional interview",
        alt=alt_text.saturation_alt,
    )
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
    _quote_bank(ctx, project, coder)


def _quote_bank(ctx, project, coder) -> None:
    """Opt-in (``disclosure.quote_bank: true``): two redacted quotes per theme, written to
    ``private/`` with a review sheet for sign-off. Never published by the build: interview
    passages can identify a manager; a quote leaves only after a person has signed it off."""
    if not (ctx.config is not None and ctx.config.get("disclosure", "quote_bank") is True):
        return

    parts = [quotes(project, code, n=2, seed=ctx.seed, coder=coder) for code in leaf_codes(project)]
    bank = pd.concat([p for p in parts if len(p)], ignore_index=True) if parts else pd.DataFrame()
    if not len(bank):
        return
    names = [n for n in project.cases.get("pseudonym", pd.Series(dtype=str)).dropna().astype(str)]
    texts, log = redact_many(list(bank["text"]), names=names)
    bank = bank.assign(text=texts)[["code", "attribution", "text"]]
    ctx.private_dir.mkdir(parents=True, exist_ok=True)

    write_csv(bank, ctx.private_dir / "quote_bank.csv")
    write_csv(bank.assign(approved="", reviewer="", date="", notes=""), ctx.private_dir / "quote_bank_review.csv")
    log.to_csv(ctx.private_dir / "quote_bank_redactions.csv", index=False, lineterminator="\n")
    ctx.note(
        f"qual: quote bank of {len(bank)} redacted passage(s) written to private/ with a review "
        f"sheet ({len(log)} identifier(s) redacted); not published"
    )
