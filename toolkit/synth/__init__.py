"""The embedded synthetic demo study: deterministic (seeded), valid against the
templates, with the true effects it was generated from recorded alongside.

Each part of the study lives in its own module with a ``write(outdir, *, seed) ->
list[Path]`` function: ``survey`` (staff survey, two waves, training rollout), ``qual``
(coded interviews, policy documents) and ``evaluate`` (panels, incidents).
"""

from __future__ import annotations

from pathlib import Path

from toolkit.synth import evaluate, qual, survey
from toolkit.synth._seed import DEFAULT_SEED

__all__ = ["DEFAULT_SEED", "write_demo"]


def write_demo(outdir: Path, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every part of the demo study into ``outdir``; return the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for part in (survey, qual, evaluate):
        written.extend(part.write(outdir, seed=seed))
    return written
