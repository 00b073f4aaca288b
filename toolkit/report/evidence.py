"""Build the evidence pack: run every section, then write the pack.

Layout of the output folder::

    outputs/
        demo-data/              the synthetic study's files (demo only)
        evidence-pack/
            index.html          self-contained page (figures embedded), opens offline
            briefing.docx       the same content for briefing papers
            tables/             one CSV per table, and tables.xlsx with every table
            figures/            PNG and SVG
            notebooks/          the executed notebooks as HTML (when run with notebooks)
            findings.json       headline findings per pillar, with the numbers behind them
            manifest.json       input hashes, versions, parameters, seed, disclosure actions
            log.txt             what was excluded or suppressed, and why

Sections (``toolkit/report/sections/``) compute results through the analysis modules and
publish them through the :class:`EvidenceContext` methods below; they never write files
themselves, so every published table passes the same checks.
"""

from __future__ import annotations

import importlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit.report.recommendations import PILLARS, RECOMMENDATIONS
from toolkit.report.sections import SECTIONS


@dataclass
class PublishedTable:
    name: str
    data: pd.DataFrame
    path: Path
    title: str
    pillar: str | None
    caption: str | None


@dataclass
class PublishedFigure:
    name: str
    paths: list[Path]
    title: str
    pillar: str | None
    caption: str | None


@dataclass
class EvidenceContext:
    """What a section needs: where to write, the study configuration, and a log.

    Attributes
    ----------
    outdir : Path
        Output folder (``outputs``); the pack goes to ``outdir / "evidence-pack"``.
    seed : int
        Random seed used by every stochastic step.
    demo : bool
        True when built from the embedded synthetic study.
    config : toolkit.config.StudyConfig or None
        The study configuration (file paths, parameters).
    store : dict
        Results sections share with later sections (e.g. the validated survey).
    """

    outdir: Path
    seed: int
    demo: bool = True
    config: object = None
    threshold: int = 10
    log: list[str] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    tables: dict[str, PublishedTable] = field(default_factory=dict)
    figures: dict[str, PublishedFigure] = field(default_factory=dict)
    methods: list[tuple[str, str]] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    disclosure: list[dict] = field(default_factory=list)
    store: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def pack_dir(self) -> Path:
        return self.outdir / "evidence-pack"

    def table(
        self,
        name: str,
        data: pd.DataFrame,
        *,
        disclosure_checked: bool,
        title: str | None = None,
        pillar: str | None = None,
        caption: str | None = None,
    ) -> Path:
        """Publish a table as CSV (formula-safe). ``disclosure_checked`` must be True:
        a table of counts (or of figures based on counts) passes through
        :mod:`toolkit.disclosure` before it is published."""
        from toolkit.report.export import write_csv

        if not disclosure_checked:
            raise RuntimeError(f"table {name!r} has not passed disclosure control")
        if pillar is not None and pillar not in PILLARS:
            raise ValueError(f"pillar must be one of {PILLARS}; got {pillar!r}")
        path = write_csv(data, self.pack_dir / "tables" / f"{name}.csv")
        self.tables[name] = PublishedTable(name, data.copy(), path, title or name, pillar, caption)
        return path

    def figure(
        self,
        name: str,
        fig,
        *,
        title: str | None = None,
        pillar: str | None = None,
        caption: str | None = None,
    ) -> list[Path]:
        """Save a matplotlib figure as PNG and SVG (deterministic bytes) and close it."""
        import matplotlib
        import matplotlib.pyplot as plt

        matplotlib.rcParams["svg.hashsalt"] = "toolkit"
        folder = self.pack_dir / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            path = folder / f"{name}.{ext}"
            fig.savefig(path, dpi=120, bbox_inches="tight", metadata=meta)
            paths.append(path)
        plt.close(fig)
        self.figures[name] = PublishedFigure(name, paths, title or name, pillar, caption)
        return paths

    def finding(self, pillar: str, text: str, *, recommendation=None, **values) -> str:
        """Record a headline finding. ``text`` is a template filled from ``values``
        (computed numbers, never typed), e.g.
        ``ctx.finding("recognition", "{p:.0%} (95% CI {lo:.0%} to {hi:.0%})", p=..., lo=..., hi=...)``.
        ``recommendation`` is a number such as "3.02" or a list of them."""
        if pillar not in PILLARS:
            raise ValueError(f"pillar must be one of {PILLARS}; got {pillar!r}")
        recs = [recommendation] if isinstance(recommendation, str) else list(recommendation or [])
        unknown = [r for r in recs if r not in RECOMMENDATIONS]
        if unknown:
            raise ValueError(f"unknown recommendation number(s) {unknown}")
        rendered = text.format(**values)
        self.findings.append(
            {"pillar": pillar, "text": rendered, "template": text, "values": values, "recommendations": recs}
        )
        return rendered

    def method(self, section: str, text: str) -> None:
        """Describe a method used (shown under Methods)."""
        self.methods.append((section, text))

    def limitation(self, text: str) -> None:
        self.limitations.append(text)

    def disclosure_record(self, table: str, record: pd.DataFrame) -> None:
        """Record what disclosure control did to a published table (for the manifest)."""
        for row in record.to_dict("records"):
            self.disclosure.append({"table": table, **{k: _jsonable(v) for k, v in row.items()}})

    @property
    def n_suppressed(self) -> int:
        """Cells withheld by disclosure control across the pack (primary and secondary)."""
        return sum(1 for d in self.disclosure if d.get("action") in ("primary", "secondary"))

    def note(self, message: str) -> None:
        """Log a message (printed, and kept in log.txt)."""
        print(message)
        self.log.append(message)


def _jsonable(v):
    if hasattr(v, "item"):
        try:
            return v.item()
        except (ValueError, AttributeError):
            pass
    if v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return v if isinstance(v, (int, float, str, bool, type(None))) else str(v)


def _load_config(config, demo: bool, outdir: Path, seed: int):
    from toolkit.config import load_study

    if config is not None:
        return load_study(config)
    if demo:
        from toolkit.study import demo_config

        return demo_config(outdir, seed=seed)
    return None


def build_evidence_pack(
    outdir: Path,
    *,
    config=None,
    demo: bool = True,
    seed: int = 20240301,
    notebooks: bool = False,
    render: bool = True,
):
    """Build every available section into ``outdir / "evidence-pack"``.

    Parameters
    ----------
    outdir : path
        Output folder.
    config : path to study.yml, optional
        The study configuration; checked completely before any analysis runs.
    demo : bool
        Use the embedded synthetic study (writes it to ``outdir / "demo-data"`` first).
    seed : int
        Random seed (the configuration's ``study.seed`` wins when given).
    notebooks : bool
        Also execute the notebooks on the same study and save them as HTML.
    render : bool
        Write index.html, briefing.docx, tables.xlsx and manifest.json.

    Returns
    -------
    EvidenceContext
    """
    outdir = Path(outdir)
    study = _load_config(config, demo, outdir, seed)
    if study is not None and config is not None:
        seed = study.seed
    ctx = EvidenceContext(outdir=outdir, seed=seed, demo=demo and config is None, config=study)
    if study is not None:
        ctx.threshold = study.threshold
    ctx.pack_dir.mkdir(parents=True, exist_ok=True)
    wanted = set(study.analyses) if study is not None else set(SECTIONS)
    for name in SECTIONS:
        if name != "data" and name not in wanted:
            continue
        try:
            module = importlib.import_module(f"toolkit.report.sections.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"toolkit.report.sections.{name}":
                raise
            continue
        start = time.perf_counter()
        print(f"[{name}] building ...", flush=True)
        n_findings = len(ctx.findings)
        module.build(ctx)
        for f in ctx.findings[n_findings:]:
            f.setdefault("section", name)  # the executive summary says where a finding comes from
        ctx.timings[name] = time.perf_counter() - start
        print(f"[{name}] done in {ctx.timings[name]:.1f} s", flush=True)
    (ctx.pack_dir / "findings.json").write_text(
        json.dumps(ctx.findings, indent=2, default=_jsonable), encoding="utf-8"
    )
    if notebooks:
        from toolkit.report.notebooks import execute_notebooks

        start = time.perf_counter()
        execute_notebooks(ctx)
        ctx.timings["notebooks"] = time.perf_counter() - start
    if render:
        from toolkit.report.render import render_pack

        start = time.perf_counter()
        render_pack(ctx)
        ctx.timings["render"] = time.perf_counter() - start
    (ctx.pack_dir / "log.txt").write_text("\n".join(ctx.log) + "\n", encoding="utf-8")
    _print_summary(ctx)
    return ctx


def _print_summary(ctx: EvidenceContext) -> None:
    print()
    print(f"Evidence pack written to {ctx.pack_dir.resolve()}")
    print(f"  {len(ctx.tables)} tables, {len(ctx.figures)} figures, {len(ctx.findings)} findings")
    print(f"  disclosure control (threshold {ctx.threshold}): {ctx.n_suppressed} cell(s) suppressed")
    excluded = [m for m in ctx.log if "exclud" in m.lower()]
    for m in excluded[:10]:
        print(f"  {m}")
    if (ctx.pack_dir / "index.html").exists():
        print(f"  open {(ctx.pack_dir / 'index.html').resolve()} in a browser")
