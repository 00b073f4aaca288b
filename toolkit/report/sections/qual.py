"""Evidence-pack section: coded manager interviews (themes by role and experience).

Publishes counts of cases per theme only after small-cell suppression
(:func:`toolkit.disclosure.suppress`, threshold 10, secondary suppression); no quotes or
case-level cells are published (interview passages can identify a manager).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["build"]

THRESHOLD = 10


def _load(ctx):
    from toolkit.qual.project import QualProject

    if ctx.demo:
        from toolkit.synth.qual import make_interviews

        return make_interviews(ctx.seed)
    source = ctx.config.get("qual_project") if ctx.config else None
    if source is None and ctx.data_dir is not None:
        source = ctx.data_dir / "qual"
    if source is None:
        ctx.note("qual: no qualitative project configured (config key 'qual_project'); "
                 "section skipped")
        return None
    from pathlib import Path

    source = Path(source)
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
    """Frequencies of themes by role and by personal experience, co-occurrence, saturation."""
    from toolkit.disclosure import suppress
    from toolkit.qual.cooccurrence import cooccurrence, cooccurrence_heatmap
    from toolkit.qual.frequencies import code_frequencies
    from toolkit.qual.saturation import saturation, saturation_plot

    project = _load(ctx)
    if project is None:
        return
    coders = sorted(project.segments["coder"].dropna().unique())
    coder = coders[0] if len(coders) > 1 else None
    if coder is not None:
        ctx.note(f"qual: {len(coders)} coders; frequencies use coder {coder!r} (the others are "
                 "for agreement only)")
    for by in ("role", "personal_experience", "team_composition"):
        if by not in project.case_attributes():
            ctx.note(f"qual: case attribute {by!r} absent; table of themes by {by} skipped")
            continue
        res = suppress(_crosstab(project, by, coder), threshold=THRESHOLD)
        n_sup = int((res.record["action"] != "rounded").sum()) if len(res.record) else 0
        ctx.note(f"qual: themes by {by}: {n_sup} cell(s) suppressed (threshold {THRESHOLD})")
        table = res.table.reset_index().rename(columns={"index": "theme"})
        ctx.table(f"qual_themes_by_{by}", table, disclosure_checked=True)

    overall = code_frequencies(project, coder=coder)
    overall = overall[overall["n"] >= THRESHOLD]
    small = overall["n_cases"].between(1, THRESHOLD - 1)
    pub = overall.loc[:, ["code", "name", "pillar", "n_cases", "n", "estimate", "ci_low",
                          "ci_high"]].copy()
    pub.loc[small.to_numpy(), ["n_cases", "estimate", "ci_low", "ci_high"]] = pd.NA
    if small.any():
        ctx.note(f"qual: {int(small.sum())} theme(s) raised by fewer than {THRESHOLD} managers "
                 "shown without counts")
    ctx.table("qual_theme_prevalence", pub, disclosure_checked=True)

    for code, pillar, text in (
        ("TRN.GAP", "training", "Managers describing gaps in training on online harms"),
        ("REC.ORG.MISC", "recognition",
         "Managers describing the organisational response as misconduct / reputation"),
        ("SUP.AVAIL", "support", "Managers describing limited support for online harm"),
    ):
        row = pub[pub["code"] == code]
        if len(row) and pd.notna(row["estimate"].iloc[0]):
            ctx.finding(pillar, text + ": {estimate:.0%} of {n} interviews",
                        estimate=float(row["estimate"].iloc[0]), n=int(row["n"].iloc[0]))

    names = dict(zip(project.codebook["id"], project.codebook["name"]))
    ctx.figure("qual_cooccurrence",
               cooccurrence_heatmap(cooccurrence(project, unit="source", measure="jaccard",
                                                 coder=coder), labels=names))
    ctx.figure("qual_saturation", saturation_plot(saturation(project, coder=coder)))
