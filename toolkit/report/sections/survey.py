"""Survey section of the evidence pack: prevalence of online harms (weighted to the
workforce), impact, reporting, support and training, scale reliability, and who is
more affected. Every table is offered to the publication gate with the meaning of its
cells (counts of people, events, what each estimate rests on, links to other tables);
every figure is drawn from gated tables."""

from __future__ import annotations

import warnings

import pandas as pd



def _links_to_total(table, name, total_table, total_row, *, overall_table):
    """The groups of a breakdown count the people of the overall row (exactly when the
    breakdown is known for everyone, else at most)."""
    from toolkit.disclosure.gate import Link, cell

    total = overall_table.set_index("outcome").loc[total_row]
    links = []
    for col in ("n", "n_events"):
        parts = tuple(cell(name, g, col) for g in table["group"])
        exact = float(pd.to_numeric(table[col]).sum()) == float(total[col])
        links.append(Link(cell(total_table, total_row, col), parts, exact=exact))
    return tuple(links)


def _term_counts(data: pd.DataFrame, terms, outcome: str) -> pd.DataFrame:
    """Respondents behind each model term (``C(var)[T.level]`` or a 0/1 column), and how
    many of them had the outcome: the gate drops terms resting on fewer than k."""
    import re

    rows = []
    y = pd.to_numeric(data[outcome], errors="coerce")
    for term in terms:
        m = re.fullmatch(r"C\((\w+)\)\[T\.(.+)\]", str(term))
        if m and m.group(1) in data.columns:
            col = data[m.group(1)]
            mask = col.astype(str) == m.group(2)
            if not mask.any():
                mask = pd.to_numeric(col, errors="coerce") == pd.to_numeric(m.group(2), errors="coerce")
        elif str(term) in data.columns:
            mask = pd.to_numeric(data[str(term)], errors="coerce").fillna(0) != 0
        else:
            continue
        mask = mask & y.notna()
        rows.append({"term": term, "n": int(mask.sum()), "n_events": int((y[mask] == 1).sum())})
    return pd.DataFrame(rows, columns=["term", "n", "n_events"])


def _likert_table(data, items, weight) -> pd.DataFrame:
    """Weighted share answering each level of each item, with the counts behind it."""
    rows = []
    for item in items:
        y = pd.to_numeric(data[item], errors="coerce")
        w = data[weight] if weight else pd.Series(1.0, index=data.index)
        ok = y.notna()
        for level in sorted(y[ok].unique()):
            hit = ok & (y == level)
            rows.append({"item": item, "level": float(level), "n": int(ok.sum()), "n_level": int(hit.sum()),
                         "share": float(w[hit].sum() / w[ok].sum())})
    return pd.DataFrame(rows)


def _draw_likert(table, items, weight, dictionary):
    """likert_bars from the published shares (one pseudo-row per item and level, weighted
    by its published share; withheld shares count as zero)."""
    from toolkit.survey import likert_bars

    rows = []
    for rec in table.itertuples(index=False):
        share = float(rec.share) if pd.notna(rec.share) else 0.0
        rows.append({**{i: float("nan") for i in items}, rec.item: rec.level, "_w": share})
    pseudo = pd.DataFrame(rows)
    return likert_bars(pseudo, items, weight="_w", dictionary=dictionary)


def _draw_heatmap(table, dictionary, k, title):
    """Heat table of published prevalences (harm by group); withheld cells marked [c]."""
    import numpy as np
    from matplotlib.figure import Figure

    from toolkit.disclosure import MARKER
    from toolkit.survey.figures import load_labels

    labels = load_labels(dictionary)
    harms = list(dict.fromkeys(table["outcome"]))
    groups = list(dict.fromkeys(table["group"]))
    est = table.pivot(index="outcome", columns="group", values="estimate").reindex(index=harms, columns=groups)
    shown = 100 * est.to_numpy(dtype="float64", na_value=np.nan)
    fig = Figure(figsize=(1.3 * len(groups) + 4, 0.5 * len(harms) + 1.8))
    ax = fig.add_subplot()
    vmax = np.nanmax(shown) if np.isfinite(shown).any() else 100.0
    im = ax.imshow(np.ma.masked_invalid(shown), cmap="viridis", vmin=0, vmax=max(vmax, 1e-9), aspect="auto")
    for i in range(len(harms)):
        for j in range(len(groups)):
            v = shown[i, j]
            ax.text(j, i, MARKER if np.isnan(v) else f"{v:.0f}%", ha="center", va="center", fontsize="small",
                    color="black" if np.isnan(v) or v >= 0.6 * vmax else "white")
    ax.set_xticks(range(len(groups)), [str(g) for g in groups])
    ax.set_yticks(range(len(harms)), [labels.variable(h).split(": ")[-1][:40] for h in harms])
    fig.colorbar(im, ax=ax).set_label("% experienced (weighted)")
    ax.set_title(title + f"\n({MARKER} = withheld: fewer than {k} respondents, or with or without the harm)",
                 fontsize="small")
    fig.tight_layout()
    return fig


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
        overall = prevalence(data, ["harm_any", *harms], weight=weight, min_count=k)
        by_role = prevalence(data, "harm_any", by="role", weight=weight, min_count=k)
        harmed = data[data["harm_any"] == 1]
        pillars = {
            "reporting": prevalence(harmed, "reported", weight=weight, min_count=k),
            "support": prevalence(data, ["support_aware", "support_used"], weight=weight, min_count=k),
            "training": prevalence(data, ["train_induction", "train_manager", "train_leadership"], weight=weight, min_count=k),
        }

    labels = {v: dictionary.label(v).split(": ", 1)[-1] for v in harms}
    labels["harm_any"] = "Any online harm"
    overall.insert(1, "label", overall["outcome"].map(labels))
    overall = overall.drop(columns=["by", "group", "suppress"])
    people = {"counts": ["n", "n_events"], "events": [("n_events", "n")]}
    overall_raw = overall.copy()
    overall = ctx.table(
        "survey_harm_prevalence",
        overall,
        key=["outcome"],
        **people,
        title="Online harms experienced in the last 12 months because of the policing role (weighted)",
        pillar="recognition",
        caption="estimate = weighted proportion; ci_low/ci_high = 95% logit interval; n = respondents answering.",
    )
    role_labels = {str(c): l for c, l in dictionary.codes("role").items()}
    by_role["group"] = by_role["group"].astype(str).map(role_labels).fillna(by_role["group"].astype(str))
    by_role = by_role.drop(columns=["suppress"])
    by_role = ctx.table(
        "survey_harm_by_role",
        by_role,
        key=["group"],
        **people,
        links=_links_to_total(by_role, "survey_harm_by_role", "survey_harm_prevalence", "harm_any",
                              overall_table=overall_raw),
        title="Any online harm by role (weighted)",
        pillar="recognition",
        caption=f"Groups with fewer than {k} respondents, or fewer than {k} with or without the harm, are "
        "withheld (blank), with further cells withheld so that the overall figures do not give them back.",
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
            key=["outcome"],
            **people,
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
        key=["scale"],
        counts=["n"],
        title="Reliability of the survey scales (Cronbach's alpha with Feldt 95% CI, omega total)",
        caption="Computed as R psych::alpha / psych::omega do (pairwise deletion).",
    )
    data = data.join(scores)
    scale_cols = [s for s in dictionary.scales() if s in data.columns and s != "impact"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        means = mean_by(data, scale_cols, by="role", weight=weight, min_count=k)
    means["group"] = means["group"].astype(str).map(role_labels).fillna(means["group"].astype(str))
    ctx.table(
        "survey_scale_means_by_role",
        means.drop(columns=["suppress"]),
        key=["outcome", "group"],
        counts=["n", "n_events"],
        title="Perceptions of the organisation (scale means, 1 to 5, higher = more positive) by role",
        pillar="support",
        caption=f"Weighted means with 95% CI; groups under {k} respondents suppressed.",
    )
    # who is more affected, and figures
    from toolkit.survey import compare_groups, logit, prevalence_plot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = logit("harm_any ~ C(role) + public_facing + C(gender)", data, weight=weight)
        # groups under the threshold are left out of the comparison (their share would rest on them)
        sizes = data["gender"].value_counts()
        small = sorted(map(str, sizes[sizes < k].index))
        if small:
            ctx.note(f"survey: comparison by gender leaves out {len(small)} group(s) with fewer than {k} "
                     "respondents")
        comparisons = compare_groups(data[data["gender"].isin(sizes[sizes >= k].index)],
                                     ["harm_any", *scale_cols], "gender", weight=weight, correction="holm")
    ctx.table(
        "survey_harm_model",
        model,
        key=["term"],
        counts=["n"],
        terms=_term_counts(data, model["term"], "harm_any"),
        title="Who is more likely to experience online harm: weighted logistic regression (odds ratios)",
        pillar="recognition",
        caption="Reference groups: police officer, not public-facing, women. Design-based standard errors "
        "for a weighted sample (as R survey::svyglm).",
    )
    ctx.table(
        "survey_compare_by_gender",
        comparisons,
        key=["dv"],
        counts=["n"],
        not_people={"n_groups": "groups compared"},
        title="Differences by gender (design-based tests, Holm-adjusted across outcomes)",
        pillar="recognition",
    )
    # figures: drawn from published (gated) tables only
    ctx.figure(
        "survey_harm_by_role",
        lambda t: prevalence_plot(t.assign(suppress=t["estimate"].isna(), outcome="Any online harm", by="role"),
                                  dictionary=dictionary, title="Any online harm in the last 12 months, by role"),
        source="survey_harm_by_role",
        title="Any online harm by role (weighted, 95% CI)",
        pillar="recognition",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        types = prevalence(data, harms, by="role", weight=weight, min_count=k).drop(columns=["suppress"])
    types["group"] = types["group"].astype(str).map(role_labels).fillna(types["group"].astype(str))
    ctx.table("survey_harm_types_by_role", types, key=["outcome", "group"], **people,
              title="Harm types by role (weighted)", pillar="recognition",
              caption=f"Cells with fewer than {k} respondents, or fewer than {k} with or without the harm, "
              "are withheld.")
    ctx.figure(
        "survey_harm_heatmap",
        lambda t: _draw_heatmap(t, dictionary, k, "Harm types by role (weighted %)"),
        source="survey_harm_types_by_role",
        title="Harm types by role (weighted %; withheld cells marked [c])",
        pillar="recognition",
    )
    for scale, pillar in (("training_confidence", "training"), ("reporting_climate", "reporting"),
                          ("support_climate", "support"), ("recognition_climate", "recognition")):
        items = dictionary.scales().get(scale)
        if items and all(i in data.columns for i in items):
            ctx.table(f"survey_likert_{scale}", _likert_table(data, items, weight), key=["item", "level"],
                      counts=["n", "n_level"], events=[("n_level", "n")], pillar=pillar,
                      title=f"{scale.replace('_', ' ').capitalize()}: answers to each statement (weighted share)")
            ctx.figure(
                f"survey_likert_{scale}",
                lambda t, items=items: _draw_likert(t, items, weight, dictionary),
                source=f"survey_likert_{scale}",
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
