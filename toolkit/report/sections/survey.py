"""Survey section of the evidence pack: prevalence of online harms (weighted to the
workforce), impact, reporting, support and training, scale reliability, and who is
more affected. Every published table passes disclosure control here."""

from __future__ import annotations

import warnings

import pandas as pd

from toolkit.disclosure import suppress


def _suppress_groups(table: pd.DataFrame, *, count: str, threshold: int, ctx, name: str) -> pd.DataFrame:
    """Blank every figure of groups whose ``count`` is below the threshold (with secondary
    suppression across the groups, since the overall total is published)."""
    counts = table.set_index("group")[count].astype(int)
    result = suppress(counts, threshold=threshold, margins=False, audit=False)
    mask = result.table.iloc[:, 0].isna().to_numpy()
    out = table.copy()
    numeric = [c for c in out.columns if c not in ("group", "outcome", "by", "method")]
    for col in numeric:
        out[col] = out[col].astype("Float64")
        out.loc[mask, col] = pd.NA
    ctx.disclosure_record(name, result.record)
    return out


def build(ctx) -> None:
    from toolkit.dictionary import load_dictionary
    from toolkit.io import read_survey
    from toolkit.survey import any_of, mean_by, prevalence, rake, reliability_table, score_scales, workforce_margins

    cfg = ctx.config
    if cfg is None or cfg.path("survey", "data") is None:
        ctx.note("survey: no survey named in the configuration; section skipped")
        return
    k = ctx.threshold
    survey = ctx.store.get("survey_data")  # read and validated by the data section
    if survey is None:
        survey = read_survey(cfg.path("survey", "data"), load_dictionary(cfg.path("survey", "dictionary")),
                             on_error="report")
    dictionary = survey.dictionary
    data = survey.data.copy()
    if "wave" in data.columns and data["wave"].notna().any():
        latest = int(data["wave"].max())
        data = data[data["wave"] == latest].copy()
        ctx.note(f"survey: prevalence uses wave {latest} ({len(data)} respondents)")

    harms = [v for v in dictionary.variables if v.startswith("harm_") and dictionary.type(v) == "binary"]
    data["harm_any"] = any_of(data, harms)

    # weights: raked to the workforce profile on variables every respondent answers
    weight = None
    if cfg.path("survey", "margins") is not None:
        variables = cfg.get("survey", "weight_by") or ["force", "role"]
        weights = rake(data, workforce_margins(cfg.path("survey", "margins"), variables))
        a = dict(weights.attrs)
        data["weight"] = weights
        weight = "weight"
        ctx.method(
            "Weighting",
            f"Responses were raked to the workforce profile on {', '.join(variables)} "
            f"(converged: {a.get('converged')}; Kish design effect {a.get('design_effect', float('nan')):.2f}, "
            f"effective sample size {a.get('effective_n', float('nan')):.0f} of {len(data)}).",
        )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # excluded missing answers are counted in the n column
        overall = prevalence(data, ["harm_any", *harms], weight=weight, threshold=k)
        by_role = prevalence(data, "harm_any", by="role", weight=weight, threshold=k)
        harmed = data[data["harm_any"] == 1]
        pillars = {
            "reporting": prevalence(harmed, "reported", weight=weight, threshold=k),
            "support": prevalence(data, ["support_aware", "support_used"], weight=weight, threshold=k),
            "training": prevalence(data, ["train_induction", "train_manager", "train_leadership"], weight=weight, threshold=k),
        }

    labels = {v: dictionary.label(v).split(": ", 1)[-1] for v in harms}
    labels["harm_any"] = "Any online harm"
    overall.insert(1, "label", overall["outcome"].map(labels))
    overall = overall.drop(columns=["by", "group", "suppress"])
    ctx.table(
        "survey_harm_prevalence",
        overall,
        disclosure_checked=True,  # whole-sample figures: every base is far above the threshold
        title="Online harms experienced in the last 12 months because of the policing role (weighted)",
        pillar="recognition",
        caption="estimate = weighted proportion; ci_low/ci_high = 95% logit interval; n = respondents answering.",
    )
    role_labels = {str(c): l for c, l in dictionary.codes("role").items()}
    by_role["group"] = by_role["group"].astype(str).map(role_labels).fillna(by_role["group"].astype(str))
    by_role = _suppress_groups(by_role.drop(columns=["suppress"]), count="n", threshold=k, ctx=ctx, name="survey_harm_by_role")
    ctx.table(
        "survey_harm_by_role",
        by_role,
        disclosure_checked=True,
        title="Any online harm by role (weighted)",
        pillar="recognition",
        caption=f"Groups with fewer than {k} respondents are suppressed (blank), with secondary suppression.",
    )

    row = overall.set_index("outcome").loc["harm_any"]
    ctx.finding(
        "recognition",
        "{est:.0%} of respondents (95% CI {lo:.0%} to {hi:.0%}; n = {n:,}) experienced at least one online "
        "harm in the last 12 months because of their role in policing.",
        recommendation="1.01",
        est=float(row["estimate"]), lo=float(row["ci_low"]), hi=float(row["ci_high"]), n=int(row["n"]),
    )
    rep = pillars["reporting"].iloc[0]
    ctx.finding(
        "reporting",
        "Of those harmed, {est:.0%} (95% CI {lo:.0%} to {hi:.0%}; n = {n:,}) reported the most serious "
        "incident to someone at work.",
        recommendation="3.01",
        est=float(rep["estimate"]), lo=float(rep["ci_low"]), hi=float(rep["ci_high"]), n=int(rep["n"]),
    )
    sup = pillars["support"].set_index("outcome").loc["support_aware"]
    ctx.finding(
        "support",
        "{est:.0%} of respondents (95% CI {lo:.0%} to {hi:.0%}) knew of support available for online harms.",
        recommendation="4.04",
        est=float(sup["estimate"]), lo=float(sup["ci_low"]), hi=float(sup["ci_high"]),
    )
    trn = pillars["training"].set_index("outcome").loc["train_induction"]
    ctx.finding(
        "training",
        "{est:.0%} of respondents (95% CI {lo:.0%} to {hi:.0%}) received training on online harms at induction.",
        recommendation="2.01",
        est=float(trn["estimate"]), lo=float(trn["ci_low"]), hi=float(trn["ci_high"]),
    )
    for pillar, table in pillars.items():
        table = table.drop(columns=["by", "group", "suppress"])
        table.insert(1, "label", table["outcome"].map(dictionary.label))
        ctx.table(
            f"survey_{pillar}",
            table,
            disclosure_checked=True,  # whole-sample figures
            title=f"{pillar.title()}: weighted proportions",
            pillar=pillar,
        )

    # scales: reliability and mean scores by role
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rel = reliability_table(data, dictionary)
        scores = score_scales(data, dictionary)
    ctx.table(
        "survey_scale_reliability",
        rel.scales,
        disclosure_checked=True,  # whole-sample statistics
        title="Reliability of the survey scales (Cronbach's alpha with Feldt 95% CI, omega total)",
        caption="Computed as R psych::alpha / psych::omega do (pairwise deletion).",
    )
    data = data.join(scores)
    scale_cols = [s for s in dictionary.scales() if s in data.columns and s != "impact"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        means = mean_by(data, scale_cols, by="role", weight=weight, threshold=k)
    means["group"] = means["group"].astype(str).map(role_labels).fillna(means["group"].astype(str))
    parts = []
    for scale, part in means.groupby("outcome", sort=False):
        parts.append(
            _suppress_groups(part.drop(columns=["suppress"]), count="n", threshold=k, ctx=ctx, name=f"survey_scale_means:{scale}")
        )
    ctx.table(
        "survey_scale_means_by_role",
        pd.concat(parts, ignore_index=True),
        disclosure_checked=True,
        title="Perceptions of the organisation (scale means, 1 to 5, higher = more positive) by role",
        pillar="support",
        caption=f"Weighted means with 95% CI; groups under {k} respondents suppressed.",
    )
    # who is more affected, and figures
    from toolkit.survey import compare_groups, harm_heatmap, likert_bars, logit, prevalence_plot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = logit(data, "harm_any ~ C(role) + public_facing + C(gender)", weight=weight)
        comparisons = compare_groups(data, ["harm_any", *scale_cols], by="gender", weight=weight, correction="holm")
    ctx.table(
        "survey_harm_model",
        model,
        disclosure_checked=True,  # model coefficients, no cell counts
        title="Who is more likely to experience online harm: weighted logistic regression (odds ratios)",
        pillar="recognition",
        caption="Reference groups: police officer, not public-facing, women. Design-based standard errors "
        "for a weighted sample (as R survey::svyglm).",
    )
    ctx.table(
        "survey_compare_by_gender",
        comparisons,
        disclosure_checked=True,  # test statistics on the whole sample
        title="Differences by gender (design-based tests, Holm-adjusted across outcomes)",
        pillar="recognition",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # figures re-estimate; exclusions are counted in the tables
        flagged = by_role.assign(suppress=by_role["estimate"].isna(), outcome="Any online harm")
        ctx.figure(
            "survey_harm_by_role",
            prevalence_plot(flagged, dictionary=dictionary, title="Any online harm in the last 12 months, by role"),
            title="Any online harm by role (weighted, 95% CI)",
            pillar="recognition",
        )
        ctx.figure(
            "survey_harm_heatmap",
            harm_heatmap(data, harms, by="role", weight=weight, dictionary=dictionary, threshold=k),
            title="Harm types by role (weighted %; cells with fewer than the threshold blank)",
            pillar="recognition",
        )
        for scale, pillar in (("training_confidence", "training"), ("reporting_climate", "reporting"),
                              ("support_climate", "support"), ("recognition_climate", "recognition")):
            items = dictionary.scales().get(scale)
            if items and all(i in data.columns for i in items):
                ctx.figure(
                    f"survey_likert_{scale}",
                    likert_bars(data, items, weight=weight, dictionary=dictionary),
                    title=f"{scale.replace('_', ' ').capitalize()}: agreement with each statement (weighted)",
                    pillar=pillar,
                )
    ctx.method(
        "Survey",
        "Prevalence of binary items uses Wilson intervals unweighted and, with weights, Taylor-linearised "
        "standard errors with a logit-transformed interval (as R survey::svyciprop). Scale scores are the mean "
        "of answered items after reverse-keying, requiring at least half the items.",
    )
    ctx.limitation(
        "Survey prevalence describes respondents weighted to the workforce on force and role; non-response "
        "related to experience of harm could still bias it."
    )
    ctx.store["survey"] = data
