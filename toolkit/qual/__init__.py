"""Qualitative analysis: coded interviews and policy documents, REFI-QDA interoperability.

Public functions are importable from here; each lives in a module of its own topic.
"""

from __future__ import annotations

import importlib

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
    "quotes": "quotes",
    "saturation": "saturation",
    "saturation_plot": "saturation",
    "kwic": "text",
    "collocations": "text",
    "keyness": "text",
    "frame_documents": "framing",
    "redact": "redact",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"toolkit.qual.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'toolkit.qual' has no attribute {name!r}")
