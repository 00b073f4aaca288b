"""The pack's figures: drawn once from the published tables, written once per format after
the gate's last pass, the same bytes whether written serially or by worker processes."""

import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from toolkit.report import figure_files
from toolkit.report.evidence import EvidenceContext


def _bars(t):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(t["group"], t["estimate"].fillna(0), color="#1f77b4")
    ax.set_title("Bars, with a title")
    return fig


def _line(t):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot(range(len(t)), t["estimate"], marker="o")
    ax.fill_between(range(len(t)), t["estimate"] - 0.05, t["estimate"] + 0.05, alpha=0.3)
    return fig


def _heat(t):
    fig, ax = plt.subplots(figsize=(4, 3))
    grid = np.outer(t["estimate"].fillna(0), t["estimate"].fillna(0))
    ax.imshow(grid, cmap="viridis")
    for (i, j), v in np.ndenumerate(grid):
        ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=6)
    return fig


def _scatter(t):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.scatter(t["n"], t["estimate"], s=t["n"] / 5, clip_on=False)
    ax.annotate("largest", (t["n"].max(), t["estimate"].max()))
    return fig


DRAWINGS = {"bars": _bars, "line": _line, "heat": _heat, "scatter": _scatter, "bars_again": _bars}


def _pack(tmp_path, n_jobs, calls=None):
    c = EvidenceContext(outdir=tmp_path, seed=1, n_jobs=n_jobs)
    c.table(
        "prev",
        pd.DataFrame(
            {"group": ["Officer", "Staff", "Family", "Other"], "estimate": [0.41, 0.2, 0.5, 0.3], "n": [120, 80, 40, 4]}
        ),
        counts=["n"],
        title="Prevalence",
    )
    for name, draw in DRAWINGS.items():

        def counted(t, draw=draw, name=name):
            if calls is not None:
                calls[name] = calls.get(name, 0) + 1
            return draw(t)

        c.figure(name, counted, source="prev", title=name)
    c.publish()
    return c


def _files(ctx):
    return {p.name: p.read_bytes() for f in ctx.figures.values() for p in f.paths}


_MARKS: dict = {}  # the folder where workers say which process wrote a figure
_SAVE_JOB = figure_files._save_job


def _marked_save_job(name):
    """In the worker (forked: it inherits ``_MARKS``): note the process, then save."""
    (_MARKS["folder"] / f"{name}.{os.getpid()}").touch()
    return _SAVE_JOB(name)


@pytest.mark.skipif(
    not figure_files.can_fork(), reason="figures are written by worker processes only where fork is safe"
)
def test_workers_write_the_same_bytes_as_a_serial_run(tmp_path, monkeypatch):
    assert len(DRAWINGS) >= figure_files.MIN_PARALLEL_FIGURES
    serial = _files(_pack(tmp_path / "serial", n_jobs=1))
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setattr(figure_files, "_save_job", _marked_save_job)
    monkeypatch.setitem(_MARKS, "folder", marks)
    parallel = _files(_pack(tmp_path / "parallel", n_jobs=2))
    pids = {p.suffix for p in marks.iterdir()}
    assert pids and f".{os.getpid()}" not in pids  # written by workers, not by this process
    assert len(serial) == 2 * len(DRAWINGS) and set(serial) == set(parallel)
    for name in serial:
        assert serial[name] == parallel[name], name
    svg = serial["heat.svg"].decode()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg  # no date, no version: same bytes every build


def test_each_figure_is_drawn_once_and_written_once_after_the_gate(tmp_path, monkeypatch):
    written = []
    original = figure_files.save_figure

    def counting(fig, folder, name):
        written.append(name)
        return original(fig, folder, name)

    monkeypatch.setattr(figure_files, "save_figure", counting)
    calls = {}
    ctx = _pack(tmp_path, n_jobs=1, calls=calls)
    assert calls == dict.fromkeys(DRAWINGS, 1)
    assert sorted(written) == sorted(DRAWINGS)
    # the figures show the published table: the withheld count (4 people) is not drawn
    assert ctx.tables["prev"].data["n"].isna().tolist() == [False, False, False, True]
    for f in ctx.figures.values():
        assert [p.suffix for p in f.paths] == [".png", ".svg"] and all(p.exists() for p in f.paths)


def test_a_figure_offered_after_publication_is_written_at_once(tmp_path):
    ctx = _pack(tmp_path, n_jobs=1)
    paths = ctx.figure("late", _line, source="prev", title="late")
    assert all(p.exists() for p in paths) and ctx.figures["late"].paths == paths


@pytest.mark.parametrize("bad", [0, -2, True, 1.5, "2"])
def test_bad_worker_count(bad):
    with pytest.raises(ValueError, match=r"'n_jobs' parameter must be a positive int .*Got"):
        figure_files.workers(bad, 4)


def test_worker_count_defaults_to_the_cores_and_at_most_the_tasks():
    assert figure_files.workers(None, 100) == figure_files.workers(-1, 100) == (os.cpu_count() or 1)
    assert figure_files.workers(8, 3) == 3 and figure_files.workers(1, 10) == 1 and figure_files.workers(None, 0) == 1
