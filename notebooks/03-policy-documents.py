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
# # Policy documents: do they frame online harms as misconduct or as care?
#
# The research briefing behind this toolkit (Wong, Horgan & Aston, 2024) read 46 force policy
# and social-media guidance documents and found them framed mostly around **misconduct and
# reputation** (what staff must not post) rather than **care and wellbeing** (what the force does
# when staff are targeted). Recommendation 1.03 asks forces to keep online-harms guidance apart
# from social-media misuse and to embed care, support and wellbeing.
#
# In **NVivo** you would code each paragraph at a *care* or *misconduct* node by hand. Here a
# transparent, editable **lexicon** (`data-templates/qual/framing_lexicon.csv`, open it in
# Excel) makes a first pass: every term found is listed with its paragraph and position, so you
# can check, and overrule, every score. Before trusting the lexicon on your documents, compare it
# with a hand-coded sample (section 4).
#
# **Your data.** A CSV or Excel file with one row per document: `id`, `text` and any
# descriptive columns (`force`, `year`, `title`), named in `study.yml` under
# `qual: documents:`; your own lexicon under `qual: lexicon:`.

# %% tags=["parameters"]
study = None  # path to your study.yml; None uses the synthetic demo study
output = "../outputs"  # where demo data and results are written
hand_coded = None  # CSV of hand-coded paragraphs (text, frame); None uses data-templates/qual/framing_hand_coded.csv

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import qual
from toolkit.paths import template
from toolkit.study import open_study

cfg = open_study(study, output)
documents = pd.read_csv(cfg.path("qual", "documents"))
lexicon = qual.read_lexicon(cfg.path("qual", "lexicon"))
print(len(documents), "documents;", len(lexicon), "lexicon terms:", lexicon["frame"].value_counts().to_dict())
lexicon.head(8)

# %% [markdown]
# ## 1. Score every document
#
# For each document, `care` and `misconduct` are the summed weights of the terms found, also
# per 1,000 words. The **balance** (`estimate`) is (care - misconduct) / (care + misconduct):
# -1 when only misconduct terms occur, +1 when only care terms occur. `frame` is the sign of
# the balance.

# %%
scores = qual.frame_documents(documents, lexicon=lexicon)
scores[["id", "force", "year", "care", "misconduct", "estimate", "frame"]].head(10)

# %%
share = qual.framing_share(scores, frame="misconduct")
share

# %% [markdown]
# The demo documents were generated with a known framing (`true_frame`); with your own
# documents that column does not exist and this check is skipped.

# %%
if "true_frame" in scores.columns:
    print(pd.crosstab(scores["true_frame"], scores["frame"], margins=True))

# %% [markdown]
# ## 2. Why did a document score as it did?
#
# `framing_evidence` lists every hit: paragraph (split at blank lines), position in the text,
# the words as written and the lexicon term they matched. This is the audit trail to check
# before quoting a score; look especially for negations ("this is *not* a disciplinary
# matter"), which a lexicon cannot understand.

# %%
doc_id = scores.sort_values("estimate")["id"].iloc[0]  # the most misconduct-framed document
evidence = qual.framing_evidence(documents[documents["id"] == doc_id], lexicon=lexicon)
print(doc_id, "-", documents.set_index("id").loc[doc_id, "title"])
display(evidence)

# %% [markdown]
# ## 3. Does framing differ between forces and over time?
#
# `compare_frames` gives the mean balance per group with a t interval, and the share of
# documents framed each way. With a handful of documents per force or year the intervals are
# wide: read differences between single forces with care.

# %%
by_year = qual.compare_frames(scores, by="year")
by_year.drop(columns="method")

# %%
fig = qual.framing_balance_plot(scores, comparison=by_year, by="year")
plt.show()

# %%
by_force = qual.compare_frames(scores, by="force").sort_values("estimate")
by_force[["force", "n", "estimate", "ci_low", "ci_high", "share_care", "share_misconduct"]]

# %%
fig = qual.framing_balance_plot(scores, comparison=by_force, by="force")
plt.show()

# %% [markdown]
# ## 4. How well does the lexicon agree with a human coder?
#
# `validate_lexicon` classifies each hand-coded paragraph (care, misconduct or neutral) with the
# lexicon and reports accuracy (Wilson interval) and Cohen's kappa against the hand coding, plus
# the confusion table (rows: hand coding; columns: lexicon). Code a random sample of your own
# paragraphs (say 100) before relying on the scores; edit the lexicon where it errs.

# %%
sample = Path(hand_coded) if hand_coded else template("qual", "framing_hand_coded.csv")
if sample.exists():
    validation = qual.validate_lexicon(sample, lexicon)
    display(validation)
    display(qual.lexicon_confusion(sample, lexicon))
else:
    print(f"no hand-coded sample at {sample}: set hand_coded to validate the lexicon")
