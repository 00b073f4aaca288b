# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Training evaluation: did the online-harms training work, by how much, how sure are we?
#
# Recommendation **2.03** asks forces to review and evaluate the training they give officers
# and staff on online harms. This notebook answers three questions an evaluation analyst is
# asked by a training lead or a chief officer group:
#
# 1. **Could we detect an effect at all?** (planning: power and the minimum detectable effect,
#    allowing for officers being clustered in forces);
# 2. **Did confidence rise where the training was rolled out, more than elsewhere?** (staff
#    survey before and after, rollout forces against comparison forces: difference-in-differences);
# 3. **When forces start at different times, does the answer hold?** (force-level panel with a
#    staggered rollout: Callaway & Sant'Anna, event study).
#
# **How sure are we.** Every estimate comes with a 95% confidence interval. Forces, not
# officers, are what received the training, so uncertainty is counted in forces: with a handful
# of forces the intervals are wide and this notebook uses methods made for few clusters (the
# wild cluster bootstrap). The last section turns the results into evidence labels
# ("strong", "moderate", "weak", "no clear evidence") with p-values adjusted for the number of
# tests.
#
# **Your data.** Name in your `study.yml` a survey of two waves (its dictionary gives the
# variables with roles `wave`, `force` and `identifier`, a pseudonymous id linking respondents
# who answered both waves), the forces trained between the waves (`evaluate.survey_treated`)
# and the scale the training targets (`evaluate.survey_outcome`); and, for the staggered design,
# a panel with its columns (`evaluate.panel`, `unit`, `time`, `treated`, `outcomes`). The parts
# your study has are run; the others say so.
# The demo study is synthetic: the true effects are known, so you can see the methods recover
# them.

# %% tags=["parameters"]
study = None  # path to your study.yml; None uses the synthetic demo study
output = "../outputs"  # where demo data and results are written
rollout_forces = None  # forces trained between survey waves 1 and 2 (None: study.yml evaluate.survey_treated)
scale = None  # survey scale the training targets (None: study.yml evaluate.survey_outcome)
panel_outcome = None  # outcome column of the staggered panel (None: the first of evaluate.outcomes)
icc = 0.05  # planning: intra-cluster correlation of officers within forces

# %%
import warnings

import matplotlib.pyplot as plt
import pandas as pd

from toolkit import evaluate
from toolkit.errors import DataWarning
from toolkit.study import contract, open_study, read_study_survey
from toolkit.survey import score_scales

pd.set_option("display.precision", 3)
pd.set_option("display.width", 120)
cfg = open_study(study, output)
print(cfg.name)
rollout_forces = rollout_forces or cfg.get("evaluate", "survey_treated")
scale = scale or cfg.get("evaluate", "survey_outcome")
panel_outcome = panel_outcome or (cfg.get("evaluate", "outcomes") or [None])[0]
args = {key: cfg.get("evaluate", key) for key in ("unit", "time", "treated")}  # the panel's columns
has_survey = bool(cfg.path("survey", "data") and scale and rollout_forces)
has_panel = bool(cfg.path("evaluate", "panel") and panel_outcome and all(args.values()))
print(
    "survey before and after:",
    "yes" if has_survey else "no (needs survey.data, evaluate.survey_treated and evaluate.survey_outcome)",
)
print("staggered panel:", "yes" if has_panel else "no (needs evaluate.panel, unit, time, treated, outcomes)")

# %% [markdown]
# ## 1. Read the survey and score the training-confidence scale
#
# `read_survey` checks the file against the data dictionary (missing codes such as 9 = "Don't
# know" become missing); `score_scales` scores each multi-item scale the dictionary defines
# (mean of the answered items, reverse-keyed items flipped, a score only for respondents who
# answered at least half the items: the warnings say how many did not).

# %%
if has_survey:
    survey = read_study_survey(cfg)
    dictionary = survey.dictionary
    c = contract(cfg, dictionary)  # the force, wave and respondent id, by their dictionary roles
    force, wave, person = c.force, c.wave, c.identifier
    scores = score_scales(survey.data, dictionary, scales=[scale])
    data = survey.data.join(scores[[scale]])
    data["rollout"] = data[force].isin(rollout_forces).astype(int)
    data["trained"] = ((data[wave] == data[wave].max()) & (data["rollout"] == 1)).astype(int)
    linked_ids = data.groupby(person)[wave].nunique().loc[lambda s: s == 2].index
    data["linked"] = data[person].isin(linked_ids)
    print(pd.crosstab([data["rollout"], data[wave]], data["linked"], margins=True))

# %% [markdown]
# ## 2. Planning: what effect could this design detect?
#
# Training is given to whole forces, so officers in one force are more alike than officers in
# different forces. The **intra-cluster correlation** (ICC, here `icc`) measures how much:
# even a small ICC shrinks the effective sample a lot when hundreds of officers are surveyed
# per force (design effect `1 + (m - 1) * ICC`). The minimum detectable effect (MDES) is in
# standard deviations of the outcome (Cohen's d: 0.2 small, 0.5 medium).

# %%
if has_survey:
    per_force = data.loc[data[wave] == data[wave].min()].groupby(force).size().mean()
    n_arm = min(len(rollout_forces), data[force].nunique() - len(rollout_forces))
    planning = pd.concat(
        [
            evaluate.mdes(n=n_arm, design="cluster", cluster_size=per_force, icc=icc),
            evaluate.mdes(n=n_arm, design="cluster", cluster_size=per_force, icc=icc / 2),
            evaluate.mdes(n=2 * n_arm, design="cluster", cluster_size=per_force, icc=icc),
            evaluate.power(effect_size=0.3, n=n_arm, design="cluster", cluster_size=per_force, icc=icc),
        ],
        ignore_index=True,
    )
    display(planning[["design", "n", "cluster_size", "icc", "design_effect", "n_total", "effect_size", "power"]])

# %% [markdown]
# With `n` forces per arm and about `cluster_size` respondents per force, the first row is the
# smallest effect this design detects with 80% power; the other rows show what halving the ICC
# or doubling the number of forces would buy. Surveying more officers per force helps little
# once `m * ICC` is large: **more forces** is what narrows the intervals.

# %% [markdown]
# ## 3. Were rollout and comparison forces alike before the training?
#
# A difference-in-differences needs the two groups to be on parallel paths, not identical; but
# large baseline differences (standardised mean difference |SMD| > 0.1) are a warning sign and
# worth adjusting for or discussing.

# %%
if has_survey:
    covariates = [v for v in c.by if v in data.columns]  # the study's breakdowns
    labelled = survey.labelled(covariates).join(data[[person, wave, "rollout", "linked", scale]])
    baseline = labelled.loc[labelled[wave] == labelled[wave].min()]
    balance = evaluate.balance_table(baseline, by="rollout", covariates=covariates + [scale])
    display(balance[["covariate", "level", "mean_treated", "mean_control", "smd", "imbalanced"]])

# %% [markdown]
# ## 4. Before and after in the rollout forces
#
# About a third of wave-2 respondents also answered wave 1 (linked by `resp_id`). Their change
# is measured **paired** (each person against themselves, which removes stable differences
# between people). The others are two different samples and are compared as **independent**
# groups. Neither comparison has a control group: a change here may be the training, or
# anything else that changed over the same months (the difference-in-differences in section 6
# addresses that).

# %%
results = {}
if has_survey:
    rollout = data.loc[data["rollout"] == 1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)  # rows left out are listed in attrs["notes"]
        paired = evaluate.pre_post(
            rollout.loc[rollout["linked"]], outcome=scale, time=wave, subject=person, paired=True
        )
        unlinked = evaluate.pre_post(rollout.loc[~rollout["linked"]], outcome=scale, time=wave, paired=False)
    results["survey: paired before-after (rollout forces)"] = paired
    results["survey: independent before-after (rollout forces)"] = unlinked
    prepost = pd.concat([paired, unlinked], ignore_index=True)
    print(paired.attrs["notes"])
    display(
        prepost[
            [
                "design",
                "n_pre",
                "n_post",
                "mean_pre",
                "mean_post",
                "estimate",
                "ci_low",
                "ci_high",
                "p",
                "effect_size",
                "effect_size_kind",
            ]
        ]
    )

# %% [markdown]
# ## 5. Who answered both waves?
#
# If those who answered again differ from those who did not, the paired result describes a
# selected group. `attrition` compares wave-1 respondents who were linked in wave 2 with those
# who were not (SMD, and a test per characteristic).

# %%
if has_survey:
    attr = evaluate.attrition(
        labelled.loc[labelled["rollout"] == 1], time=wave, subject=person, baseline=covariates + [scale]
    )
    print(
        f"attrition rate {attr.attrs['attrition_rate']:.0%} "
        f"({attr.attrs['n_dropped']} of {attr.attrs['n_pre']} wave-1 respondents not linked in wave 2)"
    )
    display(attr[["covariate", "level", "mean_retained", "mean_dropped", "smd", "p"]])

# %% [markdown]
# ## 6. Difference-in-differences on the survey, clustered by force
#
# The change in the rollout forces minus the change in the comparison forces: the common
# change (new guidance, news coverage) cancels out, under the assumption that both groups would
# have moved in parallel without the training. Respondents are the rows, forces the clusters.
# **With so few forces, ordinary cluster-robust standard errors are too small**; `did` therefore
# uses the **restricted wild cluster bootstrap** (Webb weights with 12 forces or fewer) for the
# p-value and the interval, and says so in `method`.

# %%
if has_survey:
    did_survey = evaluate.did(
        data.dropna(subset=[scale]),
        outcome=scale,
        unit=force,
        time=wave,
        treated="trained",
        cluster=force,
        seed=cfg.seed,
    )
    results["survey: difference-in-differences"] = did_survey.assign(outcome=scale)
    display(did_survey[["term", "estimate", "se", "ci_low", "ci_high", "p", "n", "n_clusters", "method"]])

# %% [markdown]
# ## 7. Staggered rollout across forces (force-level panel)
#
# When forces start the training at different times, the usual two-way fixed-effects
# difference-in-differences compares late starters with forces **already trained**, and is
# biased when the effect grows over time or differs between cohorts. `did` warns about it.
# `staggered_did` (Callaway & Sant'Anna 2021) compares each starting cohort only with forces
# never trained, period by period, then averages.

# %%
if has_panel:
    panel = pd.read_csv(cfg.path("evaluate", "panel"))
    cs = evaluate.staggered_did(panel, outcome=panel_outcome, **args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        twfe = evaluate.did(panel, outcome=panel_outcome, **args, seed=cfg.seed)
    for w in caught:
        print("WARNING:", w.message)
    results["panel: staggered DiD (Callaway & Sant'Anna)"] = cs.assign(outcome=panel_outcome)
    display(
        pd.concat(
            [cs.assign(estimator="Callaway & Sant'Anna"), twfe.assign(estimator="two-way fixed effects")],
            ignore_index=True,
        )[["estimator", "estimate", "se", "ci_low", "ci_high", "p", "method"]]
    )

# %% [markdown]
# The two estimators disagree when the effect grows with time since the start (as it does in
# the demo study): trust the Callaway & Sant'Anna estimate. Its standard errors come from the
# influence function and assume many forces; with few forces they are optimistic.
#
# ### Event study: does the effect build up, and were the groups parallel before?
#
# Effects by periods since a force started. Estimates before 0 ("leads") should be near zero:
# the joint pre-trend test checks that. The dynamic Callaway & Sant'Anna version is robust to
# the staggered start; the TWFE event study is shown for comparison.

# %%
if has_panel:
    dynamic = evaluate.staggered_did(panel, outcome=panel_outcome, **args, aggregate="dynamic")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        es = evaluate.event_study(panel, outcome=panel_outcome, **args)
    print(
        "TWFE pre-trend test:",
        {k: round(v, 3) if isinstance(v, float) else v for k, v in es.attrs.items() if k.startswith("pretrend")},
    )
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), sharey=True)
    evaluate.event_study_plot(dynamic, ax=axes[0], title="Callaway & Sant'Anna (dynamic)")
    evaluate.event_study_plot(es, ax=axes[1], title="TWFE event study (biased here)")
    plt.show()
    display(dynamic[["term", "event_time", "estimate", "ci_low", "ci_high", "p"]])

# %% [markdown]
# ## 8. Evidence table: how strong is the evidence?
#
# The confirmatory results, with p-values adjusted together (Holm) and a conservative label.
# A label grades the statistical evidence of a change, not its cause: read it with the
# `caveat` column and the design (a before-and-after comparison without a control group
# cannot separate the training from other changes).

# %%
evidence = evaluate.evidence_table(results) if results else None
if evidence is not None:
    display(evidence[["result", "estimate", "ci_low", "ci_high", "p_adj", "size", "strength", "caveat"]])

# %%
for row in evidence.itertuples() if evidence is not None else []:
    print(
        f"- {row.result}: {row.direction} of {row.estimate:.2f} (95% CI {row.ci_low:.2f} to {row.ci_high:.2f}); "
        f"{row.strength}" + (f" ({row.caveat})" if isinstance(row.caveat, str) and row.caveat else "")
    )

# %% [markdown]
# **Reading the labels.** "Strong evidence" means the adjusted p-value is below 0.001 and the
# interval excludes zero and negligible effects; "moderate" and "weak" relax the p-value
# threshold; "no clear evidence" means the data are compatible with no change. With four to
# eight forces, the survey difference-in-differences carries the most honest uncertainty
# (bootstrap over forces): if it is labelled weaker than the before-and-after comparisons,
# that is the price of counting uncertainty in forces, not a contradiction. For a decision
# under recommendation 2.03, report the difference-in-differences estimate with its interval,
# and the staggered estimate as the longer-run picture.
