"""Write the pack's figures, PNG and SVG with deterministic bytes, on every core.

Each figure is drawn once, from its published (gated) tables, by
:meth:`toolkit.report.evidence.EvidenceContext.figure`, and drawn again only when the gate
later withholds more cells of a source table. The files are written once, after the gate's
last pass, one job per figure: the job saves that figure object in every format. With
several cores and enough figures the jobs run in worker processes; the files are
byte-identical to a serial run (same figure objects, same code, no dates in the metadata,
a fixed SVG hash salt).

The workers are forked, so they inherit the figure objects (drawing functions are closures
over a section's results and do not pickle) and start in about 20 ms. Where ``fork`` is
not available or not safe (Windows, macOS), or inside a daemonic worker process, the files
are written serially: a spawned worker takes about 2 s to import the plotting stack, as
long as the whole demo pack's figures take to write.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from toolkit.errors import check_n_jobs

__all__ = ["FORMATS", "MIN_PARALLEL_FIGURES", "can_fork", "save_figure", "save_figures", "workers"]

#: Formats written for every figure, with the metadata that keeps their bytes the same
#: across builds (no software version, no date).
FORMATS = (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None}))

#: Fewest figures for which worker processes are used. Measured on 2 cores
#: (``benchmarks/bench_evidence_pack.py``): a forked pool of 2 starts and stops in
#: 15 to 25 ms, and a figure of the demo pack takes 0.10 to 0.35 s to write (median
#: 0.15 s); the two quickest figures take 0.21 s serially and 0.15 s in a pool, the 13 of
#: the demo pack 2.1 s and 1.1 s. So a pool pays from two figures on.
MIN_PARALLEL_FIGURES = 2

_JOBS: dict = {}  # name -> (figure, folder); read by forked workers


def workers(n_jobs: int | None, n_tasks: int) -> int:
    """Worker processes for ``n_tasks`` tasks: ``n_jobs`` (None or -1: one per core, as
    :func:`toolkit.report.notebooks.execute_notebooks` and
    :func:`toolkit.qual.redact.redact_many`), at most one per task, at least 1."""
    wanted = check_n_jobs(n_jobs, allow_none=True)
    return max(1, min(wanted, n_tasks))


def can_fork() -> bool:
    """May this process fork workers that inherit its state? Not on Windows (no ``fork``)
    or macOS (system libraries are not fork-safe), nor from a daemonic process."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def save_figure(fig, folder: Path, name: str) -> list[Path]:
    """Save ``fig`` as ``folder / name`` in every format of :data:`FORMATS`; the paths."""
    # lazy: matplotlib loads only when figures are written
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "toolkit"  # SVG ids from the content, not random
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for ext, meta in FORMATS:
        path = folder / f"{name}.{ext}"
        fig.savefig(path, dpi=120, bbox_inches="tight", metadata=meta)
        paths.append(path)
    return paths


def _save_job(name: str) -> list[str]:
    """Worker (forked): save the inherited figure ``name``."""
    fig, folder = _JOBS[name]
    return [str(p) for p in save_figure(fig, folder, name)]


def save_figures(jobs: dict, *, n_jobs: int | None = None, min_parallel: int = MIN_PARALLEL_FIGURES) -> dict:
    """Save every figure of ``jobs`` (``{name: (figure, folder)}``) in every format.

    Parameters
    ----------
    jobs : dict
        ``{name: (matplotlib.figure.Figure, folder)}``.
    n_jobs : int, optional
        Worker processes (default one per core; 1: serial, in this process).
    min_parallel : int
        Fewest figures for which workers are used (:data:`MIN_PARALLEL_FIGURES`).

    Returns
    -------
    dict
        ``{name: [paths]}`` in the order of ``jobs``; the same files whether written
        serially or by workers.
    """
    n = workers(n_jobs, len(jobs))
    if n < 2 or len(jobs) < min_parallel or not can_fork():
        return {name: save_figure(fig, folder, name) for name, (fig, folder) in jobs.items()}
    _JOBS.clear()
    _JOBS.update(jobs)
    try:
        # matplotlib's settings as this process has them (the workers inherit them)
        import matplotlib

        matplotlib.rcParams["svg.hashsalt"] = "toolkit"
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {name: pool.submit(_save_job, name) for name in _slowest_first(jobs)}
            return {name: [Path(p) for p in futures[name].result()] for name in jobs}
    finally:
        _JOBS.clear()


def _slowest_first(jobs: dict) -> list[str]:
    """Submission order: figures with the most artists first, so that the last job to
    finish is a short one."""

    def size(name):
        fig = jobs[name][0]
        return -sum(len(ax.get_children()) for ax in fig.axes)

    return sorted(jobs, key=size)
