"""Build the evidence pack: run every section, then write the pack.

Layout of the output folder::

    outputs/
        demo-data/              the synthetic study's files (demo only)
        evidence-pack/
            index.html          self-contained page (figures embedded), opens offline
            briefing.docx       the same content for briefing papers
            tables/             one CSV per table, and tables.xlsx with every table
            figures/            PNG and SVG
            findings.json       headline findings per pillar, with the numbers behind them
            manifest.json       input hashes, versions, parameters, seed, which cells were
                                withheld and by which rule (never their values)
            log.txt             what was excluded or suppressed, and why (no local paths)
        private/                beside the pack, never published
            disclosure_record.csv   every withheld cell with its true value
            validation/         the row-level validation report and excluded rows
            notebooks/          the executed notebooks as HTML (they display row-level data)
            log.txt             the full log

Sections (``toolkit/report/sections/``) compute results through the analysis modules and
publish them through the :class:`EvidenceContext` methods below; they never write files
themselves. Every table goes through one publication gate
(:class:`toolkit.disclosure.gate.Gate`), every figure is drawn from gated tables, and the
gate attacks the whole pack jointly before the build finishes.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from toolkit.config import load_study
from toolkit.disclosure.audit_pack import audit_pack
from toolkit.disclosure.gate import Gate, Publishable
from toolkit.disclosure.text import screen
from toolkit.errors import ToolkitError, check_n_jobs
from toolkit.io.export import write_csv
from toolkit.report.figure_files import FORMATS, save_figures
from toolkit.report.manifest import write_manifest
from toolkit.report.notebooks import execute_notebooks
from toolkit.report.recommendations import PILLARS, RECOMMENDATIONS
from toolkit.report.render import render_pack
from toolkit.report.sections import FORCE_SECTIONS, PART_OF, SECTIONS
from toolkit.report.shared import ForceScope, Shared
from toolkit.study import demo_config


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
    alt: str | None = None  # what the figure shows, computed from its published table(s)


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
    shared : toolkit.report.shared.Shared
        What a section hands to later sections, one typed attribute per thing (the checked
        survey, the weighted survey, the survey's results, a force pack's scope).
    gate_only : bool
        Run the sections and the publication gate without writing anything (the first pass
        of ``evidence-pack --by force``, before the joint check over the set of packs).
    withhold : dict
        ``{Cell: rule}``: cells the joint check over a set of packs withholds in this pack.
    n_jobs : int or None
        Worker processes writing the figures (default one per core; 1: serial), see
        :func:`toolkit.report.figure_files.save_figures`.
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
    shared: Shared = field(default_factory=Shared)
    gate_only: bool = False
    withhold: dict = field(default_factory=dict)
    audit: pd.DataFrame | None = None  # the verdict of audit-pack on the written pack
    timings: dict[str, float] = field(default_factory=dict)
    n_jobs: int | None = None
    _gate: object = field(default=None, repr=False)
    _figure_sources: dict = field(default_factory=dict, repr=False)
    _figure_alts: dict = field(default_factory=dict, repr=False)
    _figure_objects: dict = field(default_factory=dict, repr=False)  # drawn, not yet written
    _published: bool = field(default=False, repr=False)
    _public_notes: dict = field(default_factory=dict, repr=False)
    _text_cache: tuple | None = field(default=None, repr=False)

    @property
    def pack_dir(self) -> Path:
        return self.outdir / "evidence-pack"

    @property
    def private_dir(self) -> Path:
        """Beside the pack, never inside it: true values, row-level reports, notebooks."""
        return self.outdir / "private"

    @property
    def gate(self):
        """The publication gate (:class:`toolkit.disclosure.gate.Gate`) for this pack."""
        if self._gate is None:
            cfg = self.config
            self._gate = Gate(
                self.threshold,
                zeros=getattr(cfg, "zeros", "publish") if cfg is not None else "publish",
                rounding=getattr(cfg, "rounding", None) if cfg is not None else None,
                allow_low_threshold=bool(getattr(cfg, "allow_low_threshold", False)) if cfg is not None else False,
            )
        return self._gate

    def table(
        self,
        name: str,
        data: pd.DataFrame,
        *,
        counts=(),
        events=(),
        derived=None,
        key=None,
        links=(),
        terms=None,
        not_people=None,
        wide: bool = False,
        index_name: str | None = None,
        title: str | None = None,
        pillar: str | None = None,
        caption: str | None = None,
    ) -> pd.DataFrame:
        """Offer a table for publication; the gate applies disclosure control and the safe
        table is written as CSV (formula-safe). Returns the published (gated) table.

        The keyword arguments say what the cells mean (see
        :class:`toolkit.disclosure.gate.Publishable`): ``counts`` (columns counting people),
        ``events`` (``(n_events, n)`` pairs), ``derived`` (which estimates rest on which
        counts), ``links`` (cells of other tables counting the same people), ``terms``
        (counts behind each model term), ``not_people`` (count columns that count
        something else), ``wide`` (a two-way table of counts; totals added).
        """
        if pillar is not None and pillar not in PILLARS:
            raise ValueError(f"pillar must be one of {PILLARS}; got {pillar!r}")
        pub = Publishable(
            name,
            data,
            counts=tuple(counts),
            events=tuple(tuple(p) for p in events),
            derived=derived,
            key=None if key is None else tuple(key),
            links=tuple(links),
            terms=terms,
            not_people=not_people,
            wide=wide,
            index_name=index_name,
        )
        safe = self.gate.add(pub)
        self.tables[name] = PublishedTable(
            name, safe, self.pack_dir / "tables" / f"{name}.csv", title or name, pillar, caption
        )
        self._write_table(name)
        self._refresh_figures({name})
        return safe

    def _write_table(self, name: str) -> None:
        t = self.tables[name]
        t.data = self.gate.tables[name].out.copy()
        if not self.gate_only:
            write_csv(t.data, t.path)

    def figure(
        self,
        name: str,
        draw,
        *,
        source,
        title: str | None = None,
        pillar: str | None = None,
        caption: str | None = None,
        alt=None,
    ) -> list[Path]:
        """Publish a figure drawn from published tables only.

        ``draw`` is called with the published (gated) table(s) named by ``source`` (a
        name or a tuple of names, in that order) and returns a matplotlib figure; it is
        drawn again if the gate later withholds more cells of a source table. Written as
        PNG and SVG (deterministic bytes) once, by :meth:`publish` after the gate's last
        pass (:func:`toolkit.report.figure_files.save_figures`); returns the paths it is
        written to. ``alt`` is called with the same tables and
        returns the figure's alternative text, a description of what it shows (see
        :mod:`toolkit.report.alt_text`); recomputed with the drawing, so it quotes only
        published values. Without it the alt text is the title and caption."""
        sources = (source,) if isinstance(source, str) else tuple(source)
        unknown = [s for s in sources if s not in self.tables]
        if unknown or not sources:
            raise ValueError(
                f"figure {name!r}: source table(s) {unknown or sources} are not published; a "
                "figure is drawn from published tables only (publish the table first)"
            )
        if not callable(draw):
            raise TypeError(
                f"figure {name!r}: give a function drawing the figure from the published "
                "table(s), not a figure already drawn"
            )
        if alt is not None and not callable(alt):
            raise TypeError(
                f"figure {name!r}: give alt as a function describing the figure from the published "
                "table(s), so that it quotes published values only"
            )
        self._figure_sources[name] = (draw, sources)
        self._figure_alts[name] = alt
        self.figures[name] = PublishedFigure(name, [], title or name, pillar, caption)
        return self._draw(name)

    def _draw(self, name: str) -> list[Path]:
        """Draw figure ``name`` from its published tables (kept until :meth:`publish`
        writes it); the paths it is written to."""
        # lazy: pyplot starts a plotting backend; only drawing needs it
        import matplotlib.pyplot as plt

        draw, sources = self._figure_sources[name]
        if self.gate_only:
            return []
        fig = draw(*(self.tables[s].data.copy() for s in sources))
        plt.close(fig)  # out of pyplot's list of open figures; the object stays drawable
        folder = self.pack_dir / "figures"
        self._figure_objects[name] = fig
        paths = [folder / f"{name}.{ext}" for ext, _ in FORMATS]
        describe = self._figure_alts.get(name)
        if describe is not None:
            self.figures[name].alt = describe(*(self.tables[s].data.copy() for s in sources))
        if self._published:  # drawn after the pack was published: written now
            self._write_figures()
        return paths

    def _write_figures(self) -> None:
        """Write every figure drawn and not yet written, each once per format."""
        folder = self.pack_dir / "figures"
        jobs = {name: (fig, folder) for name, fig in self._figure_objects.items()}
        for name, paths in save_figures(jobs, n_jobs=self.n_jobs).items():
            self.figures[name].paths = paths
        self._figure_objects.clear()

    def _refresh_figures(self, changed: set[str]) -> None:
        for fname, (_, sources) in list(self._figure_sources.items()):
            if changed & set(sources):
                self._draw(fname)

    def publish(self) -> None:
        """Run the gate's joint attack over every published table (and so every figure);
        rewrite what it changed; keep the true values in ``private/``.

        Cells in ``withhold`` (``{Cell: rule}``, from the joint step over a set of
        packs, :func:`toolkit.disclosure.pack_set.secure_set`) are withheld first."""
        forced = self.withhold
        for ce, rule in forced.items():
            g = self.gate.tables.get(ce.table)
            if g is None or ce not in g.values:
                raise ToolkitError(f"publication gate: the cell {ce} to withhold is not a count of this pack")
            g.suppressed.setdefault(ce, rule)
        for name in {ce.table for ce in forced}:
            self.gate._render(self.gate.tables[name])
        changed = set(self.gate.finalise()) | {ce.table for ce in forced}
        for name in changed:
            self._write_table(name)
        self._refresh_figures(changed)
        for note in self.gate.notes:
            if note not in self.log:
                self.note(note)
        self.disclosure = self.gate.record()
        self._gate_findings()
        if self.gate_only:
            return
        start = time.perf_counter()
        self._write_figures()  # drawn from the tables as published, written once
        self._published = True
        self.timings["figures"] = time.perf_counter() - start
        self.private_dir.mkdir(parents=True, exist_ok=True)
        self.gate.private_record().to_csv(self.private_dir / "disclosure_record.csv", index=False, lineterminator="\n")

    def _text_values(self) -> tuple[list[float], list[float]]:
        """True values of the withheld count cells, and the published count values (what a
        sentence may repeat), for :func:`toolkit.disclosure.text.screen`."""
        if self._gate is None:
            return [], []
        cached = self._text_cache
        key = len(self.gate.suppressed())
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        values, sup = self.gate.values(), self.gate.suppressed()
        withheld = sorted({v for c, v in values.items() if c in sup})
        published = sorted({self.gate._round(v) for c, v in values.items() if c not in sup})
        self._text_cache = (key, withheld, published)
        return withheld, published

    def screen_text(self, text, *, where: str) -> bool:
        """May ``text`` be published? The safety net every published sentence passes
        (findings, executive summary, joint displays, captions, methods): a count of people
        under the threshold, a complement under it, or the true value of a withheld cell
        (:func:`toolkit.disclosure.text.screen`) refuses it, with a log line naming
        ``where`` it was (never the number)."""
        if text is None or not str(text).strip():
            return True
        withheld, published = self._text_values()
        problems = screen(str(text), threshold=self.threshold, withheld=withheld, published=published)
        if problems:
            kinds = sorted(
                {
                    "a count of people under the threshold" if "under" in p else "the value of a withheld cell"
                    for p in problems
                }
            )
            self.note(f"publication gate: {where} withheld: it stated {' and '.join(kinds)}")
            return False
        return True

    def _gate_findings(self) -> None:
        """Findings pass the gate too. A finding is withdrawn, with a note, when

        - a value it declares as counting people (``people=``) is under the threshold, or an
          ``events=`` pair gives fewer than the threshold with or without the outcome;
        - a cell it declares it was read from (``cells=``) is withheld;
        - it quotes an estimate the gate withheld (a share, mean or bound blanked because it
          rests on a withheld count; numbers match when equal to 12 digits, a coincidence is
          withdrawn too);
        - its sentence states a count of people under the threshold, a complement under it,
          or the true value of a withheld cell (:meth:`screen_text`, the safety net for
          counts a section did not declare).
        """

        def key(v):
            try:
                f = float(v)
            except (TypeError, ValueError):
                return None
            return None if not math.isfinite(f) else float(f"{f:.12g}")

        withheld: set[float] = set()
        for g in self.gate.tables.values():
            withheld.update(k for k in map(key, g.values_withheld()) if k is not None)

        def quotes_withheld(v):
            # fractions only: whole numbers are counts, checked below as counts
            k = key(v)
            return k is not None and not float(k).is_integer() and k in withheld

        k = self.threshold
        values, sup = self.gate.values(), self.gate.suppressed()
        kept = []
        for f in self.findings:
            what = f"finding {f['template'][:60]!r}..."
            vals = f["values"]
            reasons = []
            small = [
                n
                for n in f.get("people", ())
                if key(vals.get(n)) is not None
                and (0 < key(vals[n]) < k or (key(vals[n]) == 0 and self.gate.zeros == "suppress"))
            ]
            if small:
                reasons.append(f"its count(s) of people {', '.join(small)} under {k}")
            for ev, base in f.get("events", ()):
                e, n = key(vals.get(ev)), key(vals.get(base))
                if e is not None and n is not None and (0 < e < k or 0 < n - e < k):
                    reasons.append(f"fewer than {k} with or without the outcome ({ev} of {base})")
            for name, ce in (f.get("cells") or {}).items():
                if ce not in values:
                    raise ValueError(
                        f"{what}: value {name!r} names the cell {ce}, which is not a published count of the pack"
                    )
                if ce in sup:
                    reasons.append(f"{name} (read from {ce.table}, withheld there)")
            hits = sorted({name for name, v in vals.items() if quotes_withheld(v)})
            if hits:
                reasons.append(f"{', '.join(hits)} (withheld in a published table)")
            if reasons:
                self.note(
                    f"finding withdrawn by the publication gate (it quoted {'; '.join(reasons)}): "
                    f"{f['template'][:60]}..."
                )
                continue
            if not self.screen_text(f["text"], where=f"{what} (withdrawn)"):
                continue
            kept.append(f)
        self.findings[:] = kept

    def finding(
        self, pillar: str, text: str, *, recommendation=None, people=(), events=(), cells=None, **values
    ) -> str:
        """Record a headline finding. ``text`` is a template filled from ``values``
        (computed numbers, never typed), e.g.
        ``ctx.finding("recognition", "{p:.0%} (95% CI {lo:.0%} to {hi:.0%})", p=..., lo=..., hi=...)``.
        ``recommendation`` is a number such as "3.02" or a list of them.

        What the numbers mean, for the publication gate (as for a table): ``people`` names
        the values counting people; ``events`` pairs ``(events, base)`` of values (people
        with the outcome, of how many; both must reach the threshold with and without);
        ``cells`` maps a value to the published count cell it was read from
        (:func:`toolkit.disclosure.gate.cell`): the finding is withdrawn if the gate
        withholds that cell. Values may be given only for the gate (not in ``text``)."""
        if pillar not in PILLARS:
            raise ValueError(f"pillar must be one of {PILLARS}; got {pillar!r}")
        recs = [recommendation] if isinstance(recommendation, str) else list(recommendation or [])
        unknown = [r for r in recs if r not in RECOMMENDATIONS]
        if unknown:
            raise ValueError(f"unknown recommendation number(s) {unknown}")
        people = (people,) if isinstance(people, str) else tuple(people)
        events = tuple(tuple(p) for p in events)
        named = {*people, *(x for p in events for x in p), *(cells or {})}
        missing = sorted(n for n in named if n not in values)
        if missing:
            raise ValueError(
                f"finding: people / events / cells name value(s) {missing} that are not given "
                f"(values: {sorted(values)})"
            )
        rendered = text.format(**values)
        self.findings.append(
            {
                "pillar": pillar,
                "text": rendered,
                "template": text,
                "values": values,
                "recommendations": recs,
                "people": people,
                "events": events,
                "cells": dict(cells or {}),
            }
        )
        return rendered

    def method(self, section: str, text: str) -> None:
        """Describe a method used (shown under Methods)."""
        self.methods.append((section, text))

    def limitation(self, text: str) -> None:
        self.limitations.append(text)

    @property
    def n_suppressed(self) -> int:
        """Cells withheld by disclosure control across the pack (primary and secondary)."""
        return sum(1 for d in self.gate.record() if d["rule"] not in ("term", "estimate")) if self._gate else 0

    def note(self, message: str, *, public: str | None = None) -> None:
        """Log a message (printed, and kept in log.txt). ``public``: the line the pack's own
        log shows instead (when the message names values or small counts that stay in the
        private log)."""
        tqdm.write(message)  # above a progress bar when one is drawn, not through it
        if public is not None:
            self._public_notes[len(self.log)] = public
        self.log.append(message)

    def how_many(self, n: int) -> str:
        """``n`` as a published sentence may say it: the number from the threshold up,
        else "fewer than k"."""
        return f"{n:,}" if n >= self.threshold else f"fewer than {self.threshold}"

    def undeclared(self, values, declared, *, what: str, where: str, unit: str = "row(s)", fate: str = "left out"):
        """Which of ``values`` (a Series of a grouping column) may label a published table.

        A value typed into a grouping column that is not one of the study's declared
        categories (``declared``: a collection, or None when the study declares none) must
        never become a row or column label: it may be free text. Without a declaration, a
        value held by fewer than ``threshold`` rows is not a label (it would name a handful
        of people, and every count under it is withheld anyway). Returns a boolean Series
        (True = may label); what is left out (``fate``: what happens to those rows) is logged,
        values in the private log only.
        """
        text = values.astype("string").str.strip()
        present = text.notna()
        if declared is not None:
            ok = text.isin({str(v).strip() for v in declared}) | ~present
            rule = "not one of the declared categories"
        else:
            sizes = text.map(text.value_counts())
            ok = (sizes >= self.threshold) | ~present
            rule = f"held by fewer than {self.threshold} {unit} (the study declares no categories)"
        bad = ~ok.fillna(False).astype(bool)
        if bad.any():
            n, kinds = int(bad.sum()), int(text[bad].nunique())
            self.note(
                f"{where}: {n} {unit} whose {what} is {rule} {fate} ({kinds} value(s): "
                f"{sorted(text[bad].unique().tolist())[:5]})",
                public=f"{where}: {self.how_many(n)} {unit} whose {what} is {rule} {fate} (the values "
                "are in the private log; a typed value is never a published label)",
            )
        return ~bad


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
    if config is not None:
        return load_study(config)
    if demo:
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
    audit: bool = True,
    force=None,
    reference: dict | None = None,
    withhold: dict | None = None,
    gate_only: bool = False,
    n_jobs: int | None = None,
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
    audit : bool
        Run :func:`toolkit.disclosure.audit_pack.audit_pack` on the finished pack (with the
        study's inputs, for free text); an unsafe pack is moved to
        ``private/unsafe-evidence-pack`` and :class:`toolkit.errors.ToolkitError` is raised.
    force : str, optional
        Build the pack of this force only (``toolkit evidence-pack --by force``): the survey
        and force-comparison sections on the force's respondents, beside the national
        figures of ``reference`` (see :func:`toolkit.report.by_force.force_reference`).
    reference : dict, optional
        With ``force``: what the national pack computed once (weighted survey, contract,
        its published force tables).
    withhold : dict, optional
        ``{Cell: rule}``: cells the gate withholds besides its own (the joint step over the
        set of force packs, :func:`toolkit.disclosure.pack_set.secure_set`).
    gate_only : bool
        Run the sections and the gate only, and write nothing (no table, figure or record):
        the returned context's gate is what the joint step over a set of packs needs.
    n_jobs : int, optional
        Worker processes writing the figures and executing the notebooks (None or -1: one
        per core; 1: everything in this process). The pack is the same either way.

    Returns
    -------
    EvidenceContext
    """
    outdir = Path(outdir)
    study = _load_config(config, demo, outdir, seed)
    if study is not None and config is not None:
        seed = study.seed
    if force is not None and study is not None:  # the pack's title names the force
        raw = dict(study.raw)
        raw["study"] = {**(raw.get("study") or {}), "name": f"{study.name}: {force}"}
        study = dataclasses.replace(study, raw=raw)
    ctx = EvidenceContext(outdir=outdir, seed=seed, demo=demo and config is None, config=study)
    if study is not None:
        ctx.threshold = study.threshold
    ctx.gate_only = bool(gate_only)
    check_n_jobs(n_jobs, allow_none=True)  # a bad worker count is refused before any work
    ctx.n_jobs = None if n_jobs == -1 else n_jobs
    ctx.withhold = dict(withhold or {})
    if not gate_only:
        ctx.pack_dir.mkdir(parents=True, exist_ok=True)
    wanted = set(study.analyses) if study is not None else set(SECTIONS)
    sections = SECTIONS
    if force is not None:
        if reference is None:
            raise ValueError("build_evidence_pack: a force's pack (force=) needs the national reference (reference=)")
        ctx.shared.force = ForceScope(force=str(force), reference=reference)
        sections = [s for s in SECTIONS if s in FORCE_SECTIONS]
        ctx.note(f"force pack: {force} against the national picture (survey and force comparison only)")
    for name in sections:
        if name != "data" and name not in wanted and PART_OF.get(name) not in wanted:
            continue
        module = importlib.import_module(f"toolkit.report.sections.{name}")
        start = time.perf_counter()
        print(f"[{name}] building ...", flush=True)
        n_findings = len(ctx.findings)
        module.build(ctx)
        for f in ctx.findings[n_findings:]:
            f.setdefault("section", name)  # the executive summary says where a finding comes from
        ctx.timings[name] = time.perf_counter() - start
        print(f"[{name}] done in {ctx.timings[name]:.1f} s", flush=True)
    print("[gate] disclosure control over every table and figure together ...", flush=True)
    start = time.perf_counter()
    ctx.publish()  # the joint attack over every table and figure; fails closed
    ctx.timings["gate"] = time.perf_counter() - start - ctx.timings.get("figures", 0.0)
    if gate_only:
        return ctx
    gate = ctx.gate
    ctx.method(
        "Publication gate",
        (
            f"Every published table passed one publication gate: counts of people from 1 to {ctx.threshold - 1}, "
            f"and groups with fewer than {ctx.threshold} people with (or without) an outcome, are withheld, "
            "with further cells withheld so that totals, linked tables and figures cannot give them back "
            "(checked by one linear-programming attack over the whole pack); estimates resting on a withheld "
            "count are blank, and model terms for categories under the threshold are dropped. Zero counts are "
            + ("withheld" if gate.zeros == "suppress" else "published")
            + (
                f"; every published count is rounded to the nearest multiple of {gate.rounding}"
                if gate.rounding
                else ""
            )
            + ". Figures are drawn from the published tables."
        ),
    )
    if ctx.threshold < 5:
        ctx.method(
            "Disclosure threshold",
            f"The study set a disclosure threshold of {ctx.threshold}, below the "
            "usual minimum of 5 (disclosure.allow_low_threshold: true): counts from "
            f"{ctx.threshold} people upwards are published, which gives less protection.",
        )
    ctx.method(
        "Notebooks",
        "The analysis notebooks, executed on the same data, display respondent-level "
        "results and are kept in the private folder beside the pack (private/notebooks/), not "
        "published: only tables and figures that passed the publication gate are in the pack.",
    )
    gate_keys = ("people", "events", "cells")  # what the numbers mean, for the gate
    (ctx.pack_dir / "findings.json").write_text(
        json.dumps(
            [{k: v for k, v in f.items() if k not in gate_keys} for f in ctx.findings], indent=2, default=_jsonable
        ),
        encoding="utf-8",
    )
    if notebooks:
        print("[notebooks] executing the analysis notebooks on the same study ...", flush=True)
        start = time.perf_counter()
        execute_notebooks(ctx, n_jobs=ctx.n_jobs)
        ctx.timings["notebooks"] = time.perf_counter() - start
    if render:
        print("[render] writing index.html, briefing.docx, tables.xlsx and manifest.json ...", flush=True)
        start = time.perf_counter()
        render_pack(ctx)
        ctx.timings["render"] = time.perf_counter() - start
    else:
        write_manifest(ctx)  # the audit (and a reader) needs what was withheld and how tables link
    ctx.private_dir.mkdir(parents=True, exist_ok=True)
    (ctx.private_dir / "log.txt").write_text("\n".join(ctx.log) + "\n", encoding="utf-8")
    (ctx.pack_dir / "log.txt").write_text("\n".join(_public_log(ctx)) + "\n", encoding="utf-8")
    if audit:
        _audit_or_withdraw(ctx)
    _print_summary(ctx)
    return ctx


def _audit_or_withdraw(ctx) -> None:
    """Run ``audit-pack`` on the pack just written; an unsafe pack does not stay in place."""
    print("[audit] attacking the written pack from outside (audit-pack) ...", flush=True)
    start = time.perf_counter()
    verdict = audit_pack(ctx.pack_dir, study=ctx.config)
    ctx.timings["audit"] = time.perf_counter() - start
    ctx.audit = verdict
    verdict.to_csv(ctx.private_dir / "audit.csv", index=False, lineterminator="\n")
    if verdict.attrs["safe"]:
        ctx.note(f"audit-pack: SAFE ({len(verdict)} checks passed)")
        return
    target = ctx.private_dir / "unsafe-evidence-pack"
    if target.exists():
        shutil.rmtree(target)
    shutil.move(str(ctx.pack_dir), str(target))
    bad = verdict[verdict["status"] == "FAIL"]
    first = bad.iloc[0]
    raise ToolkitError(
        f"audit-pack found {len(bad)} problem(s) in the pack ({first['check']}: {first['file']} "
        f"{first['detail'][:120]}); the pack was moved to {target.name} in the private folder, see private/audit.csv."
    )


def _public_log(ctx) -> list[str]:
    """The log without local paths (the full log is in private/log.txt)."""
    out = []
    public = getattr(ctx, "_public_notes", {})
    roots = {str(ctx.outdir.resolve()), str(ctx.outdir)}
    if ctx.config is not None and getattr(ctx.config, "base", None) is not None:
        roots.add(str(Path(ctx.config.base).resolve()))

    withheld, shown = ctx._text_values() if hasattr(ctx, "_text_values") else ([], [])
    for i, line in enumerate(ctx.log):
        line = public.get(i, line)
        if screen(line, threshold=ctx.threshold, withheld=withheld, published=shown):
            # e.g. an error message of a model or notebook naming a handful of respondents
            line = (
                line.split(":")[0][:60] + ": (message withheld from the pack's log: it states a count of "
                "people the pack may not; see private/log.txt)"
            )
        for root in sorted(roots, key=len, reverse=True):
            line = line.replace(root + "/", "").replace(root, ".")
        out.append(re.sub(r"(?<![\w.])/(?:[\w.+-]+/)+[\w.+-]*", "[local path]", line))
    return out


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
