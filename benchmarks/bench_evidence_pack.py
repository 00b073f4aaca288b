"""How long the demo evidence pack takes to build (issue 16 target: under 60 s on 2 cores).

Run: .venv/bin/python benchmarks/bench_evidence_pack.py [--no-notebooks] [--repeats 3]

Prints the time of each section, of writing the figures, of notebook execution and of
rendering, and the whole build. Then writes the pack's figures (drawn once from their
published tables, PNG and SVG from one figure object each) with 1 and with 2 processes,
alternately, ``--repeats`` times each: min and median of wall and CPU seconds (CPU of this
process and of its worker processes), the load average, and whether the files of the two
runs are byte-identical. Last, where a pool starts to pay: the k quickest figures, 1 vs 2
processes (the threshold ``toolkit.report.figure_files.MIN_PARALLEL_FIGURES``).

Measured 2 December 2026, 2 cores shared (load average 1.5): demo pack with notebooks 28.6 s
(target < 60 s: met; notebooks 16.0 s of it); its 13 figures written in 2.11 s (min of 5)
with 1 process, 1.13 s with 2, byte-identical; the 2 quickest figures 0.21 s vs 0.15 s.
Before the figures were written by workers the whole CLI build took 28.5 to 30.3 s, after
27.4 to 28.8 s (3 interleaved runs each).
"""

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import matplotlib.pyplot as plt

from toolkit.report.evidence import build_evidence_pack
from toolkit.report.figure_files import save_figures


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished child processes."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def redraw(ctx) -> dict:
    """The pack's figures drawn again from their published tables: ``{name: figure}``."""
    figures = {}
    for name, (draw, sources) in ctx._figure_sources.items():
        fig = draw(*(ctx.tables[s].data.copy() for s in sources))
        plt.close(fig)
        figures[name] = fig
    return figures


def time_figures(ctx, tmp: Path, repeats: int) -> None:
    figures = redraw(ctx)
    times: dict[int, tuple[list, list]] = {1: ([], []), 2: ([], [])}
    files: dict[int, dict] = {}
    for i in range(repeats):
        for n in (1, 2):
            folder = tmp / f"figures-{n}-{i}"
            jobs = {name: (fig, folder) for name, fig in figures.items()}
            c0, w0 = cpu_seconds(), time.perf_counter()
            written = save_figures(jobs, n_jobs=n)
            times[n][1].append(time.perf_counter() - w0)
            times[n][0].append(cpu_seconds() - c0)
            files[n] = {p.name: p.read_bytes() for paths in written.values() for p in paths}
    print(f"\nwriting the {len(figures)} figures (PNG + SVG), {repeats} runs each, interleaved")
    for n, (cpu, wall) in times.items():
        print(
            f"  {n} process(es): wall min {min(wall):6.2f} med {statistics.median(wall):6.2f} s; "
            f"CPU min {min(cpu):6.2f} med {statistics.median(cpu):6.2f} s"
        )
    speedup = min(times[1][1]) / min(times[2][1])
    print(
        f"  wall 1 / 2 processes: {speedup:.2f} (min); files byte-identical: {files[1] == files[2]} "
        f"({len(files[1])} files); load average {os.getloadavg()[0]:.2f}"
    )


def time_threshold(ctx, tmp: Path, repeats: int) -> None:
    """Where a pool starts to pay: the k quickest figures to write (the worst case), 1 vs 2
    processes, the pool forced on (``min_parallel=0``)."""
    figures = redraw(ctx)
    alone = {}
    for name, fig in figures.items():
        w0 = time.perf_counter()
        save_figures({name: (fig, tmp / "alone")}, n_jobs=1)
        alone[name] = time.perf_counter() - w0
    quick = sorted(figures, key=alone.get)
    print(
        f"\none figure alone: min {min(alone.values()):.3f} s, median {statistics.median(alone.values()):.3f} s, "
        f"max {max(alone.values()):.3f} s; the k quickest, wall min of {repeats} (1 vs 2 processes):"
    )
    for k in (1, 2, 3, 4, 6):
        jobs = {name: (figures[name], tmp / f"k{k}") for name in quick[:k]}
        walls: dict[int, list] = {1: [], 2: []}
        for _ in range(repeats):
            for n in (1, 2):
                w0 = time.perf_counter()
                save_figures(jobs, n_jobs=n, min_parallel=0)
                walls[n].append(time.perf_counter() - w0)
        print(
            f"  k = {k}: {min(walls[1]):.3f} s vs {min(walls[2]):.3f} s (median {statistics.median(walls[1]):.3f} "
            f"vs {statistics.median(walls[2]):.3f}); load average {os.getloadavg()[0]:.2f}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-notebooks", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start, c0 = time.perf_counter(), cpu_seconds()
        ctx = build_evidence_pack(Path(tmp), demo=True, notebooks=not args.no_notebooks)
        total, cpu = time.perf_counter() - start, cpu_seconds() - c0
        load = os.getloadavg()[0]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("\nsection                seconds")
        for name, secs in ctx.timings.items():
            print(f"{name:<22} {secs:8.1f}")
        print(
            f"{'TOTAL (incl. render)':<22} {total:8.1f}   target < 60 s on 2 cores: {'OK' if total < 60 else 'SLOW'}"
            f"{' (notebooks not run)' if args.no_notebooks else ''}; CPU {cpu:.1f} s; load average {load:.2f}"
        )
        print(f"peak memory of this process: {peak:.0f} MiB")
        time_figures(ctx, Path(tmp), args.repeats)
        time_threshold(ctx, Path(tmp), args.repeats)


if __name__ == "__main__":
    main()
