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
# # 06 The evidence pack
#
# One call builds the briefing material from the study configuration: a self-contained web page,
# a Word document, every table (CSV and Excel) and figure (PNG and SVG), and a provenance
# manifest (hashes of the inputs, software versions, parameters, seed, disclosure actions).
# Headline findings are filled from computed results, with their uncertainty, and each names the
# national recommendation it informs. Every published table has passed disclosure control.
#
# From a terminal the same is `toolkit evidence-pack --config study.yml`.

# %% tags=["parameters"]
study = None  # path to your study.yml; None uses the synthetic demo study
output = "../outputs"  # the pack goes to output/evidence-pack
notebooks = False  # also execute notebooks 00-05 and save them as HTML in the pack

# %%
from pathlib import Path

from toolkit.report.evidence import build_evidence_pack

pack = build_evidence_pack(Path(output), config=study, demo=study is None, notebooks=notebooks)

# %% [markdown]
# ## Headline findings

# %%
for finding in pack.findings:
    print(f"[{finding['pillar']}] {finding['text']}")

# %% [markdown]
# ## What disclosure control did
#
# Each suppressed cell is listed in `manifest.json` with the reason; the counts themselves are
# never published.

# %%
from collections import Counter

Counter((d["table"], d["action"]) for d in pack.disclosure)

# %% [markdown]
# Open `evidence-pack/index.html` in a browser (it works offline), or `briefing.docx` in Word.

# %%
print((pack.pack_dir / "index.html").resolve())
