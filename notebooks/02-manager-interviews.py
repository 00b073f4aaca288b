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
coders = sorted(project.segments["coder"].dropna().unique())
coder = coders[0] if len(coders) > 1 else None  # frequencies use the first coder, as the pack does
attributes = cfg.get("qual", "by") or project.case_attributes()  # study.yml qual.by, else all
print("case attributes:", attributes)
print("coders:", project.segments["coder"].value_counts().to_dict())

# %% [markdown]
# ## 1. Who raised each theme?
#
# `code_frequencies` counts, for each code, the segments, the interviews (sources) and the
# cases (managers) coded at it; a parent theme counts a manager once however many of its
# sub-themes they raised. `estimate` is the share of managers in the group, with a Wilson 95%
# interval. Where two coders coded the same interviews we count the first coder; the
# second serves the agreement check in section 4. The case attributes are those `study.yml`
# names under `qual: by:` (all of them when it names none).
#
# **Publication rule.** Counts below the disclosure threshold (default 10) must not be
# published; `suppress` blanks them, adding secondary suppressions so that they cannot be
# recovered from totals. The evidence pack only ever publishes the suppressed table. The
# unsuppressed counts below are for your own analysis.

# %%
first, second = (attributes + attributes)[:2] if attributes else (None, None)
if first:
    by_first = qual.code_frequencies(project, by=first, coder=coder)
    display(by_first[["group", "code", "name", "n_cases", "n", "estimate", "ci_low", "ci_high"]].head(12))

# %%
if second:
    by_second = qual.code_frequencies(project, by=second, coder=coder)
    wide = by_second.pivot(index="code", columns="group", values="n_cases")
    display(wide.head(10))

# %% [markdown]
# The same table as it may be published (cells below the threshold blanked; the record says
# which cells were suppressed and why):

# %%
if second:
    published = suppress(wide.fillna(0).astype("int64"), threshold=cfg.threshold)
    print(published.n_suppressed, "cell(s) suppressed")
    display(published.table.head(10))

# %% [markdown]
# ## 2. Framework matrix
#
# One row per manager (case), one column per theme; each cell gathers that manager's coded
# passages, and an exemplar passage drawn reproducibly (`seed`). Read across a row for one
# manager's account, down a column for one theme. The workbook written below opens in Excel
# (sheets `summary`, `exemplars`, `long`): keep it with the raw data, not in anything shared.

# %%
matrix = qual.framework_matrix(project, coder=coder, seed=cfg.seed)
print(
    matrix["row"].nunique(),
    "managers x",
    matrix["code"].nunique(),
    "themes =",
    len(matrix),
    "cells;",
    int((matrix["n_segments"] > 0).sum()),
    "cells hold coded text",
)
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
# In the demo study twelve interviews were coded independently by two coders. For each theme we compare,
# stretch by stretch of text, whether each coder applied it; percentage agreement, Cohen's kappa
# and Krippendorff's alpha are given per theme and pooled (`(overall)`), with bootstrap 95%
# intervals. NVivo's *Coding comparison query* reports the same kappa per theme and source;
# here the intervals tell you how sure the estimate is.

# %%
agree = qual.agreement(project, coders=coders[:2], n_boot=500, seed=cfg.seed) if len(coders) > 1 else None
if agree is None:
    print("one coder only: no inter-coder agreement")
else:
    display(agree[agree["code"] == "(overall)"][["measure", "estimate", "ci_low", "ci_high", "n", "n_sources"]])

# %%
if agree is not None:
    kappas = agree[agree["measure"] == "cohen_kappa"].sort_values("estimate")
    display(kappas[["code", "estimate", "ci_low", "ci_high", "n"]].head(5))

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
segments = project.segments if coder is None else project.segments[project.segments["coder"] == coder]
coded = segments.merge(project.cases[["id", second]], left_on="case", right_on="id") if second else segments.iloc[:0]
groups = sorted(coded[second].value_counts().index[:2].tolist(), reverse=True) if second else []  # two largest
with_exp = coded.loc[coded[second] == groups[0], "text"] if len(groups) == 2 else coded["text"].iloc[:0]
without_exp = coded.loc[coded[second] == groups[1], "text"] if len(groups) == 2 else coded["text"].iloc[:0]
print(len(with_exp), f"coded passages from {second} = {groups[:1]},", len(without_exp), f"from {groups[1:]}")
key = (
    qual.keyness(with_exp, without_exp, min_freq=5, drop_stopwords=True) if len(with_exp) and len(without_exp) else None
)
if key is not None:
    display(key[["term", "freq_a", "freq_b", "statistic", "p", "estimate"]].head(10))

# %% [markdown]
# A keyword in context shows how a key word is used. We count the lines per group here; set
# `show_text = True` to read them (they quote managers).

# %%
if key is not None and len(key):
    term = key["term"].iloc[0]
    lines_with = qual.kwic(with_exp, term, window=6)
    lines_without = qual.kwic(without_exp, term, window=6)
    print(f"{term!r}: {len(lines_with)} lines ({groups[0]}), {len(lines_without)} ({groups[1]})")
if key is not None and len(key) and show_text:
    display(lines_with[["left", "match", "right"]].head(10))
