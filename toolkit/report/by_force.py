"""``toolkit evidence-pack --by force``: the national pack, then one pack per force.

Layout::

    OUT/evidence-pack/                 the national pack
    OUT/private/force-reference.pkl    what the force packs start from (respondent-level: private)
    OUT/forces/F01/evidence-pack/      F01 against the national picture
    OUT/forces/F01/private/            its own disclosure record, audit and log
    OUT/forces/by_force.csv            one row per force: built, withheld or unsafe, and why

The national pack is built first; what the force packs share is computed there once (the
validated, weighted survey of the wave analysed, its contract, and the national pack's
published force tables, already through its gate) and written to the private folder. The
force packs are then built in parallel (one process per core), each with its own gate and
its own ``audit-pack``: a pack that fails the audit is removed from ``forces/`` (kept in
that force's private folder for the analyst) and reported.

A force whose counts the national pack withholds (a small force, or one withheld to protect
another) gets no pack: its own pack would publish the counts the national pack withholds.
"""

from __future__ import annotations

import os
import pickle
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import pandas as pd

from toolkit.report.sections.resourcing import COMPARISON, FUNNEL, RESOURCING

__all__ = ["build_by_force", "force_reference", "withheld_forces"]

REFERENCE = "force-reference.pkl"


def force_reference(ctx) -> dict | None:
    """What every force pack needs from the national build, or None when the study has no
    force variable (or no survey)."""
    w = ctx.shared.weighted
    if w is None or w.contract.force is None:
        return None
    tables = {n: ctx.tables[n].data.copy() for n in (RESOURCING, COMPARISON, FUNNEL) if n in ctx.tables}
    return {
        "survey": w.data,
        "weight": w.weight,
        "weight_text": w.weight_text,
        "wave_text": w.wave_text,
        "dictionary": w.dictionary,
        "contract": w.contract,
        "tables": tables,
        "captions": {n: ctx.tables[n].caption for n in tables},
        "funnel_attrs": ctx.store.get("funnel_attrs"),
        "respondents": ctx.tables["respondents_by_force_wave"].data.copy()
        if "respondents_by_force_wave" in ctx.tables
        else None,
    }


def withheld_forces(reference: dict) -> dict[str, str]:
    """Forces whose counts of respondents the national pack withholds: force -> where."""
    out: dict[str, str] = {}
    resp = reference.get("respondents")
    if resp is not None:
        for rec in resp.itertuples(index=False):
            f = str(rec[0])
            if f != "Total" and pd.isna(pd.Series(rec[1:], dtype=object)).any():
                out[f] = "respondents by force and wave"
    for name in (RESOURCING, COMPARISON, FUNNEL):
        t = reference["tables"].get(name)
        if t is None:
            continue
        rows = t[t["measure"] == "harmed"] if "measure" in t.columns else t
        for rec in rows.itertuples(index=False):
            f = str(rec.group)
            if f != "All" and (pd.isna(rec.n) or pd.isna(rec.n_events)):
                out.setdefault(f, name)
    return out


_REF: dict | None = None


def _load(path) -> None:
    global _REF
    with open(path, "rb") as fh:
        _REF = pickle.load(fh)


def _one(force: str, outdir: str, config: str, seed: int, ref_path: str | None = None) -> dict:
    """Build and audit one force's pack (in a worker process)."""
    import contextlib
    import io
    import warnings

    from toolkit.errors import ToolkitError
    from toolkit.report.evidence import build_evidence_pack

    if _REF is None and ref_path is not None:
        _load(ref_path)
    start = time.perf_counter()
    folder = Path(outdir)
    if folder.exists():
        shutil.rmtree(folder)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ctx = build_evidence_pack(
                folder, config=config, demo=False, seed=seed, notebooks=False, force=force, reference=_REF
            )
    except ToolkitError as exc:  # an unsafe pack was moved to the force's private folder
        unsafe = (folder / "private" / "unsafe-evidence-pack").exists()
        shutil.rmtree(folder / "evidence-pack", ignore_errors=True)
        return {
            "force": force,
            "status": "unsafe" if unsafe else "failed",
            "seconds": time.perf_counter() - start,
            "detail": str(exc).splitlines()[0][:300],
        }
    return {
        "force": force,
        "status": "built",
        "seconds": time.perf_counter() - start,
        "detail": f"{len(ctx.tables)} tables, {len(ctx.figures)} figures, {ctx.n_suppressed} cell(s) withheld; "
        "audit-pack: SAFE",
        "timings": dict(ctx.timings),
    }


def build_by_force(
    outdir,
    *,
    config=None,
    demo: bool = True,
    seed: int = 20240301,
    notebooks: bool = False,
    workers: int | None = None,
    forces: list | None = None,
) -> pd.DataFrame:
    """Build the national evidence pack and one pack per force, in parallel.

    Parameters
    ----------
    outdir : path
        Output folder: the national pack in ``outdir / "evidence-pack"``, each force's in
        ``outdir / "forces" / <force> / "evidence-pack"``.
    config, demo, seed, notebooks
        As :func:`toolkit.report.evidence.build_evidence_pack` (notebooks: national pack only).
    workers : int, optional
        Processes building force packs (default ``os.cpu_count()``).
    forces : list of str, optional
        Build these forces only (default every force of the survey).

    Returns
    -------
    pandas.DataFrame
        One row per force: ``force, status, seconds, detail``; ``status`` is ``"built"``
        (audited safe), ``"withheld"`` (no pack: the national pack withholds its counts) or
        ``"unsafe"`` (the audit failed; the pack was removed). Written to
        ``outdir / "forces" / "by_force.csv"``; ``attrs["national_seconds"]`` and
        ``attrs["forces_seconds"]`` hold the times.
    """
    from toolkit.errors import ToolkitError
    from toolkit.report.evidence import build_evidence_pack

    outdir = Path(outdir)
    start = time.perf_counter()
    ctx = build_evidence_pack(outdir, config=config, demo=demo, seed=seed, notebooks=notebooks)
    national = time.perf_counter() - start
    ref = force_reference(ctx)
    if ref is None:
        raise ToolkitError(
            "evidence-pack --by force: the study has no survey with a force variable (dictionary "
            "role 'force'); only the national pack was built."
        )
    ref_path = ctx.private_dir / REFERENCE
    with open(ref_path, "wb") as fh:
        pickle.dump(ref, fh, protocol=pickle.HIGHEST_PROTOCOL)
    c = ref["contract"]
    every = sorted(map(str, pd.unique(ref["survey"][c.force].dropna().astype(str))))
    wanted = every if forces is None else [str(f) for f in forces]
    unknown = sorted(set(wanted) - set(every))
    if unknown:
        raise ToolkitError(f"evidence-pack --by force: force(s) {unknown} are not in the survey; its forces: {every}")
    study = Path(ctx.config.source) if ctx.config is not None and ctx.config.source else None
    if study is None:
        raise ToolkitError("evidence-pack --by force needs a study.yml (give --config or --demo)")
    withheld = withheld_forces(ref)
    root = outdir / "forces"
    root.mkdir(parents=True, exist_ok=True)
    rows = [
        {
            "force": f,
            "status": "withheld",
            "seconds": 0.0,
            "detail": f"no pack: the national pack withholds this force's counts ({withheld[f]})",
        }
        for f in wanted
        if f in withheld
    ]
    for r in rows:
        shutil.rmtree(root / r["force"], ignore_errors=True)
        print(f"[by force] {r['force']}: {r['detail']}", flush=True)
    todo = [f for f in wanted if f not in withheld]
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    print(f"[by force] building {len(todo)} force pack(s) on {workers} process(es) ...", flush=True)
    t0 = time.perf_counter()
    done = 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_load, initargs=(str(ref_path),)) as pool:
        futures = {pool.submit(_one, f, str(root / f), str(study), ctx.seed): f for f in todo}
        for fut in as_completed(futures):
            f = futures[fut]
            try:
                row = fut.result()
            except Exception as exc:  # noqa: BLE001 - one force's failure is reported, the others go on
                shutil.rmtree(root / f / "evidence-pack", ignore_errors=True)
                row = {
                    "force": f,
                    "status": "failed",
                    "seconds": float("nan"),
                    "detail": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}",
                }
            done += 1
            rows.append(row)
            print(
                f"[by force] {done}/{len(todo)} {f}: {row['status']} in {row['seconds']:.1f} s ({row['detail']})",
                flush=True,
            )
    forces_time = time.perf_counter() - t0
    table = pd.DataFrame(rows, columns=["force", "status", "seconds", "detail"]).sort_values("force", kind="stable")
    table = table.reset_index(drop=True)
    table.to_csv(root / "by_force.csv", index=False, lineterminator="\n")
    table.attrs.update(
        {
            "national_seconds": national,
            "forces_seconds": forces_time,
            "timings": {r["force"]: r.get("timings") for r in rows},
        }
    )
    n_built = int((table["status"] == "built").sum())
    print(
        f"\n[by force] national pack {national:.1f} s; {n_built} of {len(wanted)} force pack(s) built and audited "
        f"safe in {forces_time:.1f} s ({workers} process(es)); see {root / 'by_force.csv'}",
        flush=True,
    )
    print(
        "[by force] each force pack is audited on its own, not jointly with the others: give each force "
        "its own pack; do not publish the force packs together as a set",
        flush=True,
    )
    return table
