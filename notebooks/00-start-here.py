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
# # Start here: the online-harms evidence toolkit
#
# This toolkit turns three kinds of evidence about online harms to police officers, police staff
# and their families into an evidence base organised by the four national pillars
# (**recognition, training, reporting, support**):
#
# 1. **Staff surveys**: prevalence of harms, impact, reporting, support, training received;
# 2. **Coded interviews and policy documents**: themes by role and experience, care-versus-misconduct framing;
# 3. **Evaluation data**: before and after training or a reporting route, in forces that rolled it out and forces that did not; monthly reported incidents.
#
# Every notebook runs on the embedded **synthetic demo study** by default. To use your own data,
# set `study` in the parameters cell below to the path of your `study.yml`.
#
# | notebook | question |
# |---|---|
# | `01-survey-prevalence` | How many are affected, which groups more, with what impact? |
# | `02-manager-interviews` | What do managers say, and does it differ by role and experience? |
# | `03-policy-documents` | Do policies frame online harms as misconduct or as care? |
# | `04-training-evaluation` | Did the training work, by how much, how sure are we? |
# | `05-reporting-trends` | Are reports rising after the reporting route launched? |
# | `06-evidence-pack` | The briefing pack: HTML, Word, tables, figures, provenance |

# %% tags=["parameters"]
study = None  # path to your study.yml; None uses the synthetic demo study
output = "../outputs"  # where demo data and results are written

# %%
from toolkit.study import open_study

cfg = open_study(study, output)
print(cfg.name)
print("Files used:")
for f in cfg.input_files():
    print(" ", f)

# %% [markdown]
# ## Bring your own data
#
# 1. Copy the templates in `data-templates/` (open them in Excel): `survey/dictionary.csv`
#    describes every question (its codes, missing codes, scale, pillar and role: what it is to the pack); `survey/template.csv`
#    is the blank survey file; `qual/` and `evaluate/` hold the interview, policy-document and
#    incident templates. Each folder has a README explaining every column.
# 2. Check your file against the dictionary: in a terminal, `toolkit validate my_survey.csv
#    --dictionary my_dictionary.csv`, or in Python as below. The report lists every problem with
#    the row number as you see it in Excel.
# 3. Write a `study.yml` naming your files (see `data-templates/study.yml`) and set `study` above.

# %%
from toolkit.study import contract, read_study_survey

if cfg.path("survey", "data") is not None:
    survey = read_study_survey(cfg)  # as study.yml declares it (sheet, date order, Qualtrics previews)
    print(survey.report)
    c = contract(cfg, survey.dictionary)  # what each variable is to the pack (dictionary 'role' column)
    print("harm items:", c.harm_items, "| breakdowns published:", list(c.by), "| wave:", c.wave)
