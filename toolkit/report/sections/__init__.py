"""Sections of the evidence pack, one module each, built in the order of ``SECTIONS``.

Each module defines ``build(ctx: EvidenceContext) -> None`` which computes its results
through the analysis modules and publishes them with ``ctx.table`` / ``ctx.figure`` /
``ctx.finding``.
"""

SECTIONS = ["data", "survey", "qual", "evaluate"]
