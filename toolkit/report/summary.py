"""Executive summary and joint displays of the evidence pack.

The executive summary gives, for each pillar, the findings that matter most (at most
:data:`MAX_PER_PILLAR`): each finding's sentence (computed by its section from the
published values), where it comes from (population and period), and the
recommendation it informs.

A joint display (Creswell & Plano Clark 2018; Guetterman, Fetters & Creswell 2015)
brings together, for one pillar, what each strand of evidence shows (survey,
interviews, policy documents, evaluation) beside the recommendations it informs. It is
the table mixed-methods researchers build by hand from NVivo and SPSS output; here
every cell is read from a published table or a recorded finding, and a strand the study
lacks says so.

References
----------
Creswell, J. W. & Plano Clark, V. L. (2018). *Designing and conducting mixed methods
research* (3rd ed.). SAGE.
Guetterman, T. C., Fetters, M. D. & Creswell, J. W. (2015). Integrating quantitative and
qualitative results in health science mixed methods research through joint displays.
*Annals of Family Medicine*, 13(6), 554-561.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from toolkit.report.presentation import estimate_with_ci, present_published
from toolkit.report.recommendations import PILLARS, RECOMMENDATIONS

__all__ = [
    "MAX_PER_PILLAR",
    "STRANDS",
    "SummaryItem",
    "executive_summary",
    "finding_source",
    "joint_display",
    "study_periods",
    "survey_period",
]

MAX_PER_PILLAR = 4

#: evidence strands of a joint display, in the order shown
STRANDS = ("survey", "interviews", "documents", "evaluation")
STRAND_TITLES = {
    "survey": "Staff survey",
    "interviews": "Manager interviews",
    "documents": "Policy documents",
    "evaluation": "Evaluation",
}
_PRIORITY = {"survey": 0, "evaluation": 1, "interviews": 2, "documents": 3}


@dataclass
class SummaryItem:
    """One finding of the executive summary."""

    pillar: str
    strand: str
    text: str
    source: str
    recommendations: list[tuple[str, str]] = field(default_factory=list)


def finding_source(finding: dict) -> str:
    """The strand of evidence a finding comes from: survey, interviews, documents, evaluation."""
    section = finding.get("section")
    template = str(finding.get("template", finding.get("text", ""))).lower()
    if section == "qual" or (section is None and "interview" in template):
        return "documents" if "document" in template else "interviews"
    if section == "evaluate":
        return "evaluation"
    if section == "survey":
        return "survey"
    if "document" in template:
        return "documents"
    if "respondent" in template or "those harmed" in template:
        return "survey"
    return "evaluation"


def _month_range(start, end) -> str:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start.year == end.year:
        if start.month == end.month:
            return f"{start:%B %Y}"
        return f"{start:%B} to {end:%B %Y}"
    return f"{start:%B %Y} to {end:%B %Y}"


def _config_get(cfg, *keys):
    if cfg is None:
        return None
    try:
        return cfg.get(*keys)
    except (KeyError, AttributeError, TypeError):  # a configuration without the key
        return None


def survey_period(survey: pd.DataFrame, *, contract=None, config=None) -> str:
    """Which wave the respondents ``survey`` answered, and when, as text: "wave 2 (March to
    April 2024)", "waves 1 to 2 pooled (...)", or "" when the survey has no wave.

    The fieldwork dates are the first and last completion dates of the questionnaires
    (the first column whose name contains "date"), else the configured date of the wave.
    """
    if not isinstance(survey, pd.DataFrame) or not len(survey):
        return ""
    wave_var = getattr(contract, "wave", None) or ("wave" if "wave" in survey.columns else None)
    waves = []
    if wave_var in survey.columns:
        waves = sorted(survey[wave_var].dropna().unique().tolist())
    period = ""
    date_cols = [c for c in survey.columns if "date" in str(c).lower()]
    if date_cols:
        dates = pd.to_datetime(survey[date_cols[0]], errors="coerce").dropna()
        if len(dates):
            period = _month_range(dates.min(), dates.max())
    if not period and contract is not None and len(waves) == 1:
        fielded = getattr(contract, "wave_date", lambda code: None)(waves[0])
        if fielded is not None:
            period = f"fielded from {pd.Timestamp(fielded):%B %Y}"
    if not period and isinstance(_config_get(config, "survey", "waves"), dict) and len(waves) == 1:
        spec = _config_get(config, "survey", "waves")
        fielded = spec.get(waves[0], spec.get(str(waves[0])))
        if fielded:
            period = f"fielded from {pd.Timestamp(fielded):%B %Y}"
    text = ""
    if len(waves) == 1:
        w = waves[0]
        text = f"wave {int(w) if isinstance(w, float) and w.is_integer() else w}"
    elif len(waves) > 1:
        text = f"waves {waves[0]} to {waves[-1]} pooled"
    if period:
        text += f" ({period})" if text else period
    return text


def study_periods(ctx) -> dict[str, str]:
    """When each strand's evidence was collected, as text (empty when unknown).

    Survey: the wave analysed and its fieldwork dates (the study's configured wave
    dates when given, else the first and last completion dates of that wave's
    questionnaires). Evaluation: the study window of the configuration. Documents:
    the years of the published documents. Interviews: the number of managers.
    """
    out: dict[str, str] = {}
    cfg = getattr(ctx, "config", None)
    results = ctx.shared.survey if hasattr(ctx, "shared") else None
    survey = results.data if results is not None else None
    contract = results.contract if results is not None else None  # variable roles and wave dates
    if isinstance(survey, pd.DataFrame) and len(survey):
        text = "Staff survey"
        wave = survey_period(survey, contract=contract, config=cfg)
        if wave:
            text += f", {wave}" if wave.startswith("wave") else f" ({wave})"
        weighted = any(section == "Weighting" for section, _ in getattr(ctx, "methods", [])) or any(
            "n_weighted" in t.data.columns and t.data["n_weighted"].notna().any()
            for name, t in ctx.tables.items()
            if name.startswith("survey_")
        )
        text += ", weighted to the workforce" if weighted else ", unweighted"
        out["survey"] = text
    prev = ctx.tables.get("qual_theme_prevalence")
    if prev is not None and "n" in prev.data.columns and len(prev.data):
        out["interviews"] = f"Interviews with {int(prev.data['n'].max())} managers"
    docs = ctx.tables.get("qual_document_framing")
    if docs is not None and len(docs.data):
        text = f"{len(docs.data)} force policy and guidance documents"
        if "year" in docs.data.columns and docs.data["year"].notna().any():
            lo, hi = int(docs.data["year"].min()), int(docs.data["year"].max())
            text += f", {lo} to {hi}" if lo != hi else f", {lo}"
        out["documents"] = text
    start, end = _config_get(cfg, "evaluate", "study_start"), _config_get(cfg, "evaluate", "study_end")
    if start and end:
        out["evaluation"] = f"Forces' records and surveys, {_month_range(start, end)}"
        for key, what in (("rollout_start", "training rollout from"), ("reporting_launch", "reporting route opened")):
            value = _config_get(cfg, "evaluate", key)
            if value:
                out[f"evaluation:{key}"] = f"{what} {pd.Timestamp(value):%B %Y}"
    return out


def _recs(numbers) -> list[tuple[str, str]]:
    return [(r, RECOMMENDATIONS[r]) for r in numbers if r in RECOMMENDATIONS]


def executive_summary(ctx, *, max_per_pillar: int = MAX_PER_PILLAR) -> dict[str, list[SummaryItem]]:
    """The findings that matter most, per pillar, with source, period and recommendation.

    Findings are taken in the order survey, evaluation, interviews, documents (the
    strands with a population estimate first), at most ``max_per_pillar`` per pillar.

    Returns
    -------
    dict
        pillar -> list of :class:`SummaryItem` (empty for a pillar without findings).
    """
    periods = study_periods(ctx)
    out: dict[str, list[SummaryItem]] = {p: [] for p in PILLARS}
    for pillar in PILLARS:
        found = [(i, f) for i, f in enumerate(ctx.findings) if f["pillar"] == pillar]
        found.sort(key=lambda x: (_PRIORITY[finding_source(x[1])], x[0]))
        for _, f in found[:max_per_pillar]:
            strand = finding_source(f)
            source = periods.get(strand, STRAND_TITLES[strand])
            if strand == "evaluation":
                extra = [v for k, v in periods.items() if k.startswith("evaluation:")]
                key = "evaluation:reporting_launch" if pillar == "reporting" else "evaluation:rollout_start"
                if key in periods:
                    source += f"; {periods[key]}"
                elif extra:
                    source += f"; {extra[0]}"
            n = f["values"].get("n")
            if strand == "survey" and isinstance(n, (int, float)) and "n = " not in f["text"]:
                source += f"; n = {int(n):,}"
            text = f["text"].rstrip().rstrip(".") + "."
            out[pillar].append(SummaryItem(pillar, strand, text, source, _recs(f["recommendations"])))
    return out


def _survey_cells(ctx, pillar, limit=3) -> list[str]:
    cells = []
    for t in ctx.tables.values():
        d = t.data
        if t.pillar != pillar or not t.name.startswith("survey_") or "n_events" not in d.columns:
            continue
        if "label" not in d.columns or "estimate" not in d.columns:
            continue
        p = present_published(ctx, t)
        est_col = next((j for j, c in enumerate(p.columns) if "(95% CI)" in c), None)
        n_col = p.columns.index("n") if "n" in p.columns else None
        for row in p.rows[:limit]:
            if est_col is None:
                continue
            text = f"{row[0]}: {row[est_col]}"
            if n_col is not None:
                text += f", n = {row[n_col]}"
            cells.append(text)
        if len(cells) >= limit:
            break
    return cells[:limit]


def _interview_cells(ctx, pillar, limit=3) -> list[str]:
    t = ctx.tables.get("qual_theme_prevalence")
    if t is None or "pillar" not in t.data.columns:
        return []
    d = t.data.reset_index(drop=True)
    codes = [str(c) for c in d["code"]]
    parents = {c for c in codes if any(o.startswith(c + ".") for o in codes)}
    # the themes themselves: neither the pillar's root code nor a parent rolling up its sub-themes
    themes = [i for i in range(len(d)) if d["pillar"].iloc[i] == pillar and "." in codes[i] and codes[i] not in parents]
    keep = sorted((i for i in themes if pd.notna(d["estimate"].iloc[i])), key=lambda i: -float(d["estimate"].iloc[i]))
    withheld = [i for i in themes if pd.isna(d["estimate"].iloc[i])]
    if not keep and withheld:
        return [
            (
                f"The share of managers raising each of this pillar's {len(withheld)} theme(s) is withheld "
                "by disclosure control ([c]): too few managers did, or did not, raise it."
            )
        ]
    cells = []
    for i in keep[:limit]:
        n = int(d["n"].iloc[i])
        cells.append(
            f"{d['name'].iloc[i]}: {estimate_with_ci(d['estimate'].iloc[i], d['ci_low'].iloc[i], d['ci_high'].iloc[i], kind='pct')} of {n} managers"
        )
    return cells


def _document_cells(ctx, pillar) -> list[str]:
    t = ctx.tables.get("qual_document_framing")
    if t is None or t.pillar != pillar or "frame" not in t.data.columns:
        return []
    d = t.data
    m = len(d)
    k = int((d["frame"] == "misconduct").sum())
    c = int((d["frame"] == "care").sum())
    cells = [
        f"{k} of {m} documents framed mainly as misconduct / reputation ({k / m:.0%}); {c} mainly as care / wellbeing"
    ]
    if "estimate" in d.columns and d["estimate"].notna().any():
        mean = float(d["estimate"].mean())
        cells.append(f"Mean balance {mean:+.2f} on a scale from −1 (misconduct) to +1 (care)".replace("-", "−"))
    return cells


def _evaluation_cells(ctx, pillar) -> list[str]:
    return [f["text"] for f in ctx.findings if f["pillar"] == pillar and finding_source(f) == "evaluation"][:2]


def joint_display(ctx, pillar: str) -> pd.DataFrame:
    """One pillar's joint display: each strand's evidence beside the recommendations it informs.

    Returns
    -------
    pandas.DataFrame
        One row per strand (``STRANDS``) with columns ``strand`` (its title), ``source``
        (population and period), ``evidence`` (the published results, one per line) and
        ``informs`` (recommendation numbers and short titles, one per line). A strand the
        study lacks, or that has nothing for this pillar, says so in ``evidence``.
    """
    periods = study_periods(ctx)
    findings = [f for f in ctx.findings if f["pillar"] == pillar]
    builders = {
        "survey": _survey_cells,
        "interviews": _interview_cells,
        "documents": lambda c, p: _document_cells(c, p),
        "evaluation": _evaluation_cells,
    }
    have = {
        "survey": "survey" in periods,
        "interviews": "interviews" in periods,
        "documents": "documents" in periods,
        "evaluation": any(t.name.startswith("evaluate_") for t in ctx.tables.values()),
    }
    rows = []
    for strand in STRANDS:
        cells = builders[strand](ctx, pillar) if have[strand] else []
        if not have[strand]:
            evidence = [f"No {STRAND_TITLES[strand].lower()} in this study."]
        elif not cells:
            evidence = [
                f"The {STRAND_TITLES[strand].lower()} do not address this pillar in this study."
                if strand in ("interviews", "documents")
                else f"No {STRAND_TITLES[strand].lower()} result for this pillar in this study."
            ]
        else:
            evidence = cells
        recs = []
        for f in findings:
            if finding_source(f) == strand:
                recs += [r for r in f["recommendations"] if r not in recs]
        rows.append(
            {
                "strand": STRAND_TITLES[strand],
                "source": periods.get(strand, "") if have[strand] else "",
                "evidence": "\n".join(evidence),
                "informs": "\n".join(f"{r} {RECOMMENDATIONS[r]}" for r in recs) or "–",
            }
        )
    return pd.DataFrame(rows, columns=["strand", "source", "evidence", "informs"])
