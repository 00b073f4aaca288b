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
#    describes every question (its codes, missing codes, scale and pillar); `survey/template.csv`
#    is the blank survey file; `qual/` and `evaluate/` hold the interview, policy-document and
#    incident templates. Each folder has a README explaining every column.
# 2. Check your file against the dictionary: in a terminal, `toolkit validate my_survey.csv
#    --dictionary my_dictionary.csv`, or in Python as below. The report lists every problem with
#    the row number as you see it in Excel.
# 3. Write a `study.yml` naming your files (see `data-templates/study.yml`) and set `study` above.

# %%
from toolkit.dictionary import load_dictionary
from toolkit.io import read_survey

if cfg.path("survey", "data") is not None:
    dictionary = load_dictionary(cfg.path("survey", "dictionary"))
    survey = read_survey(cfg.path("survey", "data"), dictionary, on_error="report")
    print(survey.report)
