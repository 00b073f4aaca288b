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
# # Manager interviews: what do managers say, and does it differ by role and experience?
#
# This notebook does in Python what you may be used to doing in **NVivo** (or ATLAS.ti,
# MAXQDA, QualCoder): it opens the coded project, counts who raised each theme (NVivo's
# *Matrix coding query* / *Crosstab*), builds a **framework matrix** (NVivo's *Framework
# matrices*), shows which themes **occur together** (*Coding co-occurrence*), checks
# **inter-coder agreement** (*Coding comparison*, with kappa) and **saturation**, and compares
# the words of managers with and without personal experience of online harm (*Text search /
# word frequency*, with a keyness test).
#
# **Your data.** Export your project from NVivo as a REFI-QDA project (*File > Export >
# Export Project > REFI-QDA*, a `.qdpx` file) and name it in your `study.yml` under
# `qual: interviews:`. Case attributes (role, personal experience, team composition) come
# from NVivo's case classifications. The demo study below is synthetic: 50 interviews, 12 of
# them double-coded.
#
# **Confidentiality.** Interview passages can identify a manager. This notebook shows counts
# and statistics; it shows passages only when you set `show_text = True` on a secure machine.
# Leave it `False` for anything you share: the executed notebook goes into the evidence pack.

# %% tags=["parameters"]
study = None  # path to your study.yml; None uses the synthetic demo study
output = "../outputs"  # where demo data and results are written
show_text = False  # True shows coded passages and keyword-in-context lines (secure machine only)

# %%
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import display

from toolkit import qual
from toolkit.disclosure import suppress
from toolkit.study import open_study

cfg = open_study(study, output)
project = qual.read_qdpx(cfg.path("qual", "interviews"))
print(project)
print("case attributes:", project.case_attributes())
print("coders:", project.segments["coder"].value_counts().to_dict())

# %% [markdown]
# ## 1. Who raised each theme?
#
# `code_frequencies` counts, for each code, the segments, the interviews (sources) and the
# cases (managers) coded at it; a parent theme counts a manager once however many of its
# sub-themes they raised. `estimate` is the share of managers in the group, with a Wilson 95%
# interval. Where two coders coded the same interviews we count the first coder (`A`); the
# second serves the agreement check in section 4.
#
# **Publication rule.** Counts below the disclosure threshold (default 10) must not be
# published; `suppress` blanks them, adding secondary suppressions so that they cannot be
# recovered from totals. The evidence pack only ever publishes the suppressed table. The
# unsuppressed counts below are for your own analysis.

# %%
coder = "A"
by_role = qual.code_frequencies(project, by="role", coder=coder)
by_role[["group", "code", "name", "n_cases", "n", "estimate", "ci_low", "ci_high"]].head(12)

# %%
by_experience = qual.code_frequencies(project, by="personal_experience", coder=coder)
wide = by_experience.pivot(index="code", columns="group", values="n_cases")
wide.head(10)

# %% [markdown]
# The same table as it may be published (cells below the threshold blanked; the record says
# which cells were suppressed and why):

# %%
published = suppress(wide.astype("int64"), threshold=cfg.threshold)
print(published.n_suppressed, "cell(s) suppressed")
published.table.head(10)

# %% [markdown]
# ## 2. Framework matrix
#
# One row per manager (case), one column per theme; each cell gathers that manager's coded
# passages, and an exemplar passage drawn reproducibly (`seed`). Read across a row for one
# manager's account, down a column for one theme. The workbook written below opens in Excel
# (sheets `summary`, `exemplars`, `long`): keep it with the raw data, not in anything shared.

# %%
matrix = qual.framework_matrix(project, coder=coder, seed=cfg.seed)
print(matrix["row"].nunique(), "managers x", matrix["code"].nunique(), "themes =",
      len(matrix), "cells;", int((matrix["n_segments"] > 0).sum()), "cells hold coded text")
matrix[["row", "code", "name", "n_segments"]].head(8)

# %%
xlsx = qual.framework_to_excel(matrix, Path(output) / "framework_matrix.xlsx")
print("framework matrix written to", xlsx)
if show_text:
    display(matrix.loc[matrix["n_segments"] > 0, ["row", "code", "exemplar"]].head(5))

# %% [markdown]
# ## 3. Themes that occur together
#
# Two themes co-occur when both are coded in the same interview. The Jaccard similarity is the
# number of interviews with both divided by the number with either (1 = always together).

# %%
names = dict(zip(project.codebook["id"], project.codebook["name"]))
co = qual.cooccurrence(project, unit="source", measure="jaccard", coder=coder)
fig = qual.cooccurrence_heatmap(co, labels=names)
plt.show()

# %% [markdown]
# ## 4. Inter-coder agreement
#
# Twelve interviews were coded independently by coders `A` and `B`. For each theme we compare,
# stretch by stretch of text, whether each coder applied it; percentage agreement, Cohen's kappa
# and Krippendorff's alpha are given per theme and pooled (`(overall)`), with bootstrap 95%
# intervals. NVivo's *Coding comparison query* reports the same kappa per theme and source;
# here the intervals tell you how sure the estimate is.

# %%
agree = qual.agreement(project, coders=["A", "B"], n_boot=500, seed=cfg.seed)
agree[agree["code"] == "(overall)"][["measure", "estimate", "ci_low", "ci_high", "n", "n_sources"]]

# %%
kappas = agree[agree["measure"] == "cohen_kappa"].sort_values("estimate")
kappas[["code", "estimate", "ci_low", "ci_high", "n"]].head(5)

# %% [markdown]
# ## 5. Saturation
#
# Taking interviews in the order they were held, how many new themes did each add? When
# several interviews in a row add (almost) nothing, new interviews are unlikely to add themes
# (Guest et al. 2020 call this the base size and run length).

# %%
sat = qual.saturation(project, coder=coder)
fig = qual.saturation_plot(sat)
plt.show()

# %% [markdown]
# ## 6. Words of managers with and without personal experience of online harm
#
# Keyness compares how often each word is used in one set of texts (A: managers with personal
# experience) and another (B: without). We use the passages coded by coder A, which hold what
# managers said (not the interviewer's questions or speaker labels). `statistic` is the
# log-likelihood G2, `estimate` the Log Ratio (log2 of the ratio of relative frequencies; +1 =
# twice as frequent in A). Many words are tested at once, so treat small p-values as leads to
# read, not proof.

# %%
coded = project.segments[project.segments["coder"] == coder].merge(
    project.cases[["id", "personal_experience"]], left_on="case", right_on="id")
with_exp = coded.loc[coded["personal_experience"] == "yes", "text"]
without_exp = coded.loc[coded["personal_experience"] == "no", "text"]
print(len(with_exp), "coded passages from managers with,", len(without_exp), "without personal experience")
key = qual.keyness(with_exp, without_exp, min_freq=5, drop_stopwords=True)
key[["term", "freq_a", "freq_b", "statistic", "p", "estimate"]].head(10)

# %% [markdown]
# A keyword in context shows how a key word is used. We count the lines per group here; set
# `show_text = True` to read them (they quote managers).

# %%
term = key["term"].iloc[0]
lines_with = qual.kwic(with_exp, term, window=6)
lines_without = qual.kwic(without_exp, term, window=6)
print(f"{term!r}: {len(lines_with)} lines (with experience), {len(lines_without)} (without)")
if show_text:
    display(lines_with[["left", "match", "right"]].head(10))
