"""The embedded synthetic demo study: deterministic (seeded), valid against the
templates, with the true effects it was generated from recorded alongside.

Each part of the study lives in its own module and registers a writer in
``PARTS``: ``survey`` (staff survey, two waves, training rollout), later
``qual`` (coded interviews, policy documents) and ``evaluate`` (panels, incidents).
"""

from __future__ import annotations

import importlib
from pathlib import Path

#: module name -> name of its ``write(outdir, seed) -> list[Path]`` function
PARTS = {"survey": "write", "qual": "write", "evaluate": "write"}

DEFAULT_SEED = 20240301


def available_parts() -> list[str]:
    """Parts of the demo study implemented in this version of the toolkit."""
    found = []
    for name in PARTS:
        try:
            importlib.import_module(f"toolkit.synth.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"toolkit.synth.{name}":
                raise
            continue
        found.append(name)
    return found


def write_demo(outdir: Path, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every available part of the demo study into ``outdir``; return the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in available_parts():
        module = importlib.import_module(f"toolkit.synth.{name}")
        written.extend(getattr(module, PARTS[name])(outdir, seed=seed))
    return written
