"""Sections of the evidence pack, one module each, built in the order of ``SECTIONS``.

Each module defines ``build(ctx: EvidenceContext) -> None`` which computes its results
through the analysis modules and publishes them with ``ctx.table`` / ``ctx.figure`` /
``ctx.finding``.
"""

SECTIONS = ["data", "survey", "resourcing", "qual", "evaluate"]

#: sections run when the study asks for another analysis (``analyses:`` in study.yml)
PART_OF = {"resourcing": "survey"}

#: sections of a force's own pack (``toolkit evidence-pack --by force``)
FORCE_SECTIONS = ["survey", "resourcing"]
