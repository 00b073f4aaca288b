"""Qualitative analysis: coded interviews and policy documents, REFI-QDA interoperability.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit.qual.agreement import (
    agreement,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    krippendorff_alpha_ci,
)
from toolkit.qual.cooccurrence import cooccurrence, cooccurrence_heatmap
from toolkit.qual.framework import framework_matrix, framework_to_excel
from toolkit.qual.framing import (
    compare_frames,
    frame_documents,
    framing_evidence,
    framing_share,
    lexicon_confusion,
    read_lexicon,
    validate_lexicon,
)
from toolkit.qual.framing_figures import framing_balance_plot
from toolkit.qual.frequencies import code_frequencies
from toolkit.qual.project import QualProject
from toolkit.qual.qdpx import read_qdc, read_qdpx, write_qdc, write_qdpx
from toolkit.qual.quotes import quotes
from toolkit.qual.redact import Redactor, redact, redact_many
from toolkit.qual.saturation import saturation, saturation_plot
from toolkit.qual.text import collocations, keyness, kwic, tokenize
from toolkit.qual.transcripts import read_transcript, read_transcripts

__all__ = [
    "QualProject",
    "read_qdpx",
    "write_qdpx",
    "read_qdc",
    "write_qdc",
    "read_transcript",
    "read_transcripts",
    "code_frequencies",
    "framework_matrix",
    "framework_to_excel",
    "cooccurrence",
    "cooccurrence_heatmap",
    "agreement",
    "krippendorff_alpha",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha_ci",
    "quotes",
    "saturation",
    "saturation_plot",
    "kwic",
    "collocations",
    "keyness",
    "tokenize",
    "frame_documents",
    "framing_evidence",
    "compare_frames",
    "framing_share",
    "lexicon_confusion",
    "framing_balance_plot",
    "validate_lexicon",
    "read_lexicon",
    "redact",
    "redact_many",
    "Redactor",
]
