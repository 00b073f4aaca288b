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
    "redact_many": "redact",
    "Redactor": "redact",
    "framing_evidence": "framing",
    "compare_frames": "framing",
    "validate_lexicon": "framing",
    "read_lexicon": "framing",
    "tokenize": "text",
    "framework_to_excel": "framework",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"toolkit.qual.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'toolkit.qual' has no attribute {name!r}")


# A function named like its module (``reliability`` in ``reliability.py``) would be hidden
# by the submodule once that is imported (Python binds submodules as package attributes),
# so these are bound eagerly: ``toolkit.qual.<name>`` is then always the function.
_SHADOWED = [name for name, module in _LAZY.items() if name == module]
for _name in _SHADOWED:
    try:
        globals()[_name] = getattr(importlib.import_module(f"toolkit.qual.{_name}"), _name)
    except ModuleNotFoundError as _exc:  # a module not written yet: leave it lazy
        if _exc.name != f"toolkit.qual.{_name}":
            raise
