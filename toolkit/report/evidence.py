"""Build the evidence pack: run every section and write its outputs.

Layout of the output folder::

    outputs/
        demo-data/          the synthetic study's files (demo only)
        evidence-pack/
            tables/         CSV (one per table)
            figures/        PNG and SVG
            findings.json   headline findings per pillar
            log.txt         what was excluded or suppressed, and why
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit.report.sections import SECTIONS


@dataclass
class EvidenceContext:
    """What a section needs: where to write, the study, and a log."""

    outdir: Path
    seed: int
    demo: bool = True
    config: dict = field(default_factory=dict)
    data_dir: Path | None = None
    log: list[str] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    tables: dict[str, Path] = field(default_factory=dict)
    figures: dict[str, list[Path]] = field(default_factory=dict)
    store: dict = field(default_factory=dict)

    @property
    def pack_dir(self) -> Path:
        return self.outdir / "evidence-pack"

    def table(self, name: str, data: pd.DataFrame, *, disclosure_checked: bool) -> Path:
        """Publish a table as CSV. ``disclosure_checked`` must be True: a table of
        counts (or of figures based on counts) passes through
        :mod:`toolkit.disclosure` before it is published."""
        if not disclosure_checked:
            raise RuntimeError(f"table {name!r} has not passed disclosure control")
        path = self.pack_dir / "tables" / f"{name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        data.to_csv(path, index=False, lineterminator="\n")
        self.tables[name] = path
        return path

    def figure(self, name: str, fig) -> list[Path]:
        """Save a matplotlib figure as PNG and SVG (deterministic metadata)."""
        import matplotlib.pyplot as plt

        folder = self.pack_dir / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            path = folder / f"{name}.{ext}"
            fig.savefig(path, dpi=150, bbox_inches="tight", metadata=meta)
            paths.append(path)
        plt.close(fig)
        self.figures[name] = paths
        return paths

    def finding(self, pillar: str, text: str, **values) -> None:
        """Record a headline finding for a pillar (text filled from computed values)."""
        self.findings.append({"pillar": pillar, "text": text, **values})

    def note(self, message: str) -> None:
        print(message)
        self.log.append(message)


def build_evidence_pack(outdir: Path, *, config=None, demo: bool = True, seed: int = 20240301):
    """Build every available section into ``outdir`` and return the context."""
    ctx = EvidenceContext(outdir=Path(outdir), seed=seed, demo=demo)
    ctx.pack_dir.mkdir(parents=True, exist_ok=True)
    for name in SECTIONS:
        try:
            module = importlib.import_module(f"toolkit.report.sections.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"toolkit.report.sections.{name}":
                raise
            continue
        module.build(ctx)
    (ctx.pack_dir / "findings.json").write_text(
        json.dumps(ctx.findings, indent=2, default=float), encoding="utf-8"
    )
    (ctx.pack_dir / "log.txt").write_text("\n".join(ctx.log) + "\n", encoding="utf-8")
    print(f"Evidence pack written to {ctx.pack_dir.resolve()}")
    return ctx
