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
# # 01 Survey: how many are affected, which groups more, with what impact?
#
# A staff survey on online harms answers the first questions of the **recognition** pillar
# (recommendation 1.01: understand the harms faced and their impact, including how they differ
# between groups), and gives baselines for **reporting**, **support** and **training**.
#
# Steps: read and check the survey against its data dictionary; weight it to the workforce
# profile; estimate prevalence with confidence intervals; check the scales; compare groups.
# Every function returns a tidy table; the numbers agree with R's `survey` and `psych` packages.

# %% tags=["parameters"]
study = None  # path to your study.yml; None uses the synthetic demo study
output = "../outputs"  # where demo data and results are written
# Weighting, breakdowns, reference groups and the wave analysed come from study.yml
# (survey: weight_by, by, compare_by, model, reference, wave), as in the evidence pack.

# %%
# %matplotlib inline
import warnings

from toolkit.study import contract, open_study, read_study_survey, study_weights
from toolkit.survey import (
    any_of,
    compare_groups,
    harm_heatmap,
    likert_bars,
    logit,
    mean_by,
    prevalence,
    prevalence_plot,
    reliability_table,
    score_scales,
)

warnings.simplefilter("ignore", category=UserWarning)  # exclusions are counted in each table's n
cfg = open_study(study, output)
survey = read_study_survey(cfg)  # survey.data, .dictionary, .sheet, .date_order as study.yml says
print(survey.report)

# %% [markdown]
# The validation report lists every problem with the row number as it appears in the file.
# Missing codes ("don't know", "prefer not to say") become missing values but are counted:

# %%
survey.missing.head(10)

# %% [markdown]
# ## What the study declares
#
# The data dictionary's `role` column says what each variable is (a harm item, a breakdown,
# the force, the wave...), and `study.yml` says what to weight to and which breakdowns to
# publish. Everything below finds its variables through this contract, never by a name.

# %%
dictionary = survey.dictionary
c = contract(cfg, dictionary)
data, wave = c.select_wave(survey.data.copy())
harms = c.harm_items_in(data)
by = next((v for v in c.by if v in data.columns), None)  # the first breakdown to publish
print("analysed:", wave or "all respondents")
print("harm items:", harms)
print("breakdowns:", list(c.by), "| compared:", list(c.compare_by), "| model:", list(c.model))

# %% [markdown]
# ## Weighting to the workforce
#
# Respondents are rarely a mirror of the workforce (staff and PCSOs often answer more readily than
# response officers). Raking adjusts weights until the weighted sample matches the workforce
# profile on each variable (`survey.margins` and `survey.weight_by`). Kish's design effect says
# how much precision the weighting costs. Without margins the figures are unweighted.

# %%
weights = study_weights(cfg, c, data)
weight, weighting = weights.column, weights.text
print(weighting)

# %% [markdown]
# ## Prevalence of online harms
#
# "Any harm" is 1 when a respondent experienced at least one of the harm types. Intervals are
# Wilson intervals unweighted, Taylor-linearised with a logit transform when weighted (as R
# `survey::svyciprop`).

# %%
if harms:
    data["harm_any"] = any_of(data, harms)
    overall = prevalence(data, ["harm_any", *harms], weight=weight)
    display(overall[["outcome", "estimate", "ci_low", "ci_high", "n"]].round(3))
else:
    print("The dictionary declares no harm items (role 'harm'): no prevalence of harm.")

# %%
if harms and by:
    by_group = prevalence(data, "harm_any", by=by, weight=weight, threshold=cfg.threshold)
    display(prevalence_plot(by_group, dictionary=dictionary))
    display(harm_heatmap(data, harms, by=by, weight=weight, dictionary=dictionary, threshold=cfg.threshold))

# %% [markdown]
# Groups smaller than the disclosure threshold are flagged in the `suppress` column and left out
# of figures; the evidence pack blanks them (with secondary suppression) before publication.
#
# ## Scales: reliability and scores
#
# Each multi-item scale of the dictionary is checked (Cronbach's alpha with a Feldt interval,
# omega total) and scored as the mean of answered items after reverse-keying.

# %%
scales = [s for s, items in dictionary.scales().items() if all(i in data.columns for i in items)]
if scales:
    rel = reliability_table(data, dictionary, scales=scales)
    display(rel.scales.round(3))
    data = data.join(score_scales(data, dictionary, scales=scales))
climate = [s for s in c.climate_scales if s in scales]

# %%
if climate and by:
    display(mean_by(data, climate, by=by, weight=weight).round(3))
if climate:
    display(likert_bars(data, dictionary.scales()[climate[0]], weight=weight, dictionary=dictionary))

# %% [markdown]
# ## Who is more affected?
#
# A logistic regression gives odds ratios adjusted for the other characteristics (`survey.model`;
# reference groups from `survey.reference`, else the first code present); `compare_groups`
# chooses a test by the outcome's type and corrects for multiple outcomes.

# %%
predictors = [v for v in c.model if v in data.columns and data[v].nunique() > 1]
if harms and predictors:
    terms = [v if c.types[v] == "binary" else f"C({v})" for v in predictors]
    display(logit(data, "harm_any ~ " + " + ".join(terms), weight=weight).round(3))

# %%
outcomes = (["harm_any"] if harms else []) + climate
for group in [v for v in c.compare_by if v in data.columns][:1]:
    if outcomes:
        display(compare_groups(data, outcomes, by=group, weight=weight).round(3))
