# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
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
weight_by = ["force", "role"]  # workforce margins to weight to (variables every respondent answers)

# %%
# %matplotlib inline
import warnings

from toolkit.study import open_study
from toolkit.io import read_survey
from toolkit.survey import (
    any_of, compare_groups, harm_heatmap, likert_bars, logit, mean_by, prevalence,
    prevalence_plot, rake, reliability_table, score_scales, workforce_margins,
)

warnings.simplefilter("ignore", category=UserWarning)  # exclusions are counted in each table's n
cfg = open_study(study, output)
survey = read_survey(cfg.path("survey", "data"), cfg.path("survey", "dictionary"), on_error="report")
print(survey.report)

# %% [markdown]
# The validation report lists every problem with the row number as it appears in the file.
# Missing codes ("don't know", "prefer not to say") become missing values but are counted:

# %%
survey.missing.head(10)

# %% [markdown]
# ## Weighting to the workforce
#
# Respondents are rarely a mirror of the workforce (staff and PCSOs often answer more readily than
# response officers). Raking adjusts weights until the weighted sample matches the workforce
# profile on each variable. Kish's design effect says how much precision the weighting costs.

# %%
dictionary = survey.dictionary
data = survey.data
data = data[data["wave"] == data["wave"].max()].copy()  # the latest wave
weights = rake(data, workforce_margins(cfg.path("survey", "margins"), weight_by))
data["weight"] = weights
{k: weights.attrs[k] for k in ("converged", "design_effect", "effective_n")}

# %% [markdown]
# ## Prevalence of online harms
#
# "Any harm" is 1 when a respondent experienced at least one of the harm types. Intervals are
# Taylor-linearised with a logit transform (as R `survey::svyciprop`).

# %%
harms = [v for v in dictionary.variables if v.startswith("harm_") and dictionary.type(v) == "binary"]
data["harm_any"] = any_of(data, harms)
overall = prevalence(data, ["harm_any", *harms], weight="weight")
overall[["outcome", "estimate", "ci_low", "ci_high", "n"]].round(3)

# %%
by_role = prevalence(data, "harm_any", by="role", weight="weight", threshold=cfg.threshold)
prevalence_plot(by_role, dictionary=dictionary)

# %% [markdown]
# Groups smaller than the disclosure threshold are flagged in the `suppress` column and left out
# of figures; the evidence pack blanks them (with secondary suppression) before publication.

# %%
harm_heatmap(data, harms, by="role", weight="weight", dictionary=dictionary, threshold=cfg.threshold)

# %% [markdown]
# ## Scales: reliability and scores
#
# Each multi-item scale of the dictionary is checked (Cronbach's alpha with a Feldt interval,
# omega total) and scored as the mean of answered items after reverse-keying.

# %%
rel = reliability_table(data, dictionary)
rel.scales.round(3)

# %%
data = data.join(score_scales(data, dictionary))
mean_by(data, ["recognition_climate", "support_climate"], by="role", weight="weight").round(3)

# %%
likert_bars(data, dictionary.scales()["support_climate"], weight="weight", dictionary=dictionary)

# %% [markdown]
# ## Who is more affected?
#
# A weighted logistic regression gives odds ratios adjusted for the other characteristics;
# `compare_groups` chooses a test by the outcome's type and corrects for multiple outcomes.

# %%
logit(data, "harm_any ~ C(role) + public_facing + C(gender)", weight="weight").round(3)

# %%
compare_groups(data, ["harm_any", "support_climate"], by="gender", weight="weight").round(3)
