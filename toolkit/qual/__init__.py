"""Qualitative analysis: coded interviews and policy documents, REFI-QDA interoperability.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

from toolkit._lazy import lazy_package

_LAZY = {
    "QualProject": "project",
    "read_qdpx": "qdpx",
    "write_qdpx": "qdpx",
    "read_qdc": "qdpx",
    "write_qdc": "qdpx",
    "read_transcript": "transcripts",
    "read_transcripts": "transcripts",
    "code_frequencies": "frequencies",
    "framework_matrix": "framework",
    "cooccurrence": "cooccurrence",
    "cooccurrence_heatmap": "cooccurrence",
    "agreement": "agreement",
    "krippendorff_alpha": "agreement",
    "cohen_kappa": "agreement",
    "fleiss_kappa": "agreement",
    "krippendorff_alpha_ci": "agreement",
    "quotes": "quotes",
    "saturation": "saturation",
    "saturation_plot": "saturation",
    "kwic": "text",
    "collocations": "text",
    "keyness": "text",
    "frame_documents": "framing",
    "redact": "redact",
    "redact_many": "redact",
    "Redactor": "redact",
    "framing_evidence": "framing",
    "compare_frames": "framing",
    "validate_lexicon": "framing",
    "read_lexicon": "framing",
    "tokenize": "text",
    "framework_to_excel": "framework",
}

__all__, __getattr__ = lazy_package(__name__, _LAZY, globals())
