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

The set is made safe too (``joint=True``, the default): an intruder holding the national
pack and every force pack could difference them (a national breakdown minus the other
forces' published cells; a force's cell against the national by-force tables). So the
force packs' sections and gates run first without writing anything, the set is attacked as
one (:mod:`toolkit.disclosure.pack_set`) and further force-pack cells are withheld until
nothing withheld can be recovered or bounded below the threshold; each force pack is then
built with those cells withheld (its numbers checked to be the same as in the first pass),
and the written set is attacked again from its files (``private/pack-set-audit.txt``): if
that finds anything, every force pack is withdrawn. The national pack is never changed.

A force whose counts the national pack withholds (a small force, or one withheld to protect
another) gets no pack: its own pack would publish the counts the national pack withholds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import shutil
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import pandas as pd

from toolkit.disclosure.gate import Cell, DisclosureError
from toolkit.disclosure.pack_set import audit_set, pack_state, secure_set, set_relations
from toolkit.errors import ToolkitError
from toolkit.report.evidence import build_evidence_pack
from toolkit.report.sections.resourcing import COMPARISON, FUNNEL, RESOURCING, national_row

__all__ = ["build_by_force", "force_reference", "force_set_relations", "withheld_forces"]

REFERENCE = "force-reference.pkl"
#: the national pack's name in the joint check over the set
NATIONAL = "national"


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
        "funnel_attrs": {"target": ctx.shared.funnel.target, "tau2": ctx.shared.funnel.tau2}
        if ctx.shared.funnel is not None
        else None,
        "any_harm": ctx.shared.survey.any_harm if ctx.shared.survey is not None else None,
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


def force_set_relations(national, states: dict, reference: dict):
    """The relations between the national pack and the force packs
    (:func:`toolkit.disclosure.pack_set.set_relations`): every survey table of a force pack
    is a part of the national one; the resourcing tables of a force pack repeat the national
    pack's cells; a force's harm prevalence counts the people of its rows of the national
    resourcing table (and the national prevalence those of the national rows)."""
    copies = {}
    for f, st in states.items():
        copies[f] = {c: national_cell(c, reference) for c in st.values if c.table in (RESOURCING, COMPARISON, FUNNEL)}
    any_harm = reference.get("any_harm")
    equal = []
    prevalence = "survey_harm_prevalence"
    for pack, st in [(NATIONAL, national), *states.items()]:
        group = "All" if pack == NATIONAL else pack
        for c in st.values:
            if c.table != prevalence:
                continue
            outcome = c.row.split(" | ")[0]
            measure = "harmed" if outcome == any_harm else outcome
            equal.append(
                (
                    Cell(f"{pack}/{prevalence}", c.row, c.column),
                    Cell(f"{NATIONAL}/{RESOURCING}", f"{group} | {measure}", c.column),
                )
            )
    return set_relations(national, states, national_name=NATIONAL, copies=copies, equal=equal)


def national_cell(c, reference: dict):
    """The national pack's cell a force pack's resourcing cell repeats."""
    return type(c)(c.table, national_row(c.table, c.row, reference.get("tables", {})), c.column)


def _failed(force: str, exc: Exception) -> dict:
    return {
        "force": force,
        "status": "failed",
        "seconds": float("nan"),
        "detail": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}",
    }


def _audit_the_set(rows: list, states: dict, rel, ctx, root: Path, gate) -> list:
    """Attack the written set from its files (every built pack); if anything is exposed,
    withdraw every force pack (fail closed)."""
    built = {r["force"]: root / r["force"] / "evidence-pack" for r in rows if r["status"] == "built"}
    packs = {NATIONAL: ctx.pack_dir, **built}
    print(
        f"[by force] attacking the written set ({len(packs)} pack(s)) as one intruder holding them all ...", flush=True
    )
    problems = audit_set(packs, states, rel, threshold=gate.threshold, rounding=gate.rounding)
    text = "\n".join(problems) if problems else f"SAFE: {len(packs)} pack(s) attacked together; nothing derivable"
    (ctx.private_dir / "pack-set-audit.txt").write_text(text + "\n", encoding="utf-8")
    if not problems:
        return rows
    out = []
    for r in rows:
        if r["status"] == "built":
            pack = root / r["force"] / "evidence-pack"
            target = root / r["force"] / "private" / "unsafe-evidence-pack"
            shutil.rmtree(target, ignore_errors=True)
            if pack.exists():
                shutil.move(str(pack), str(target))
            r = {
                **r,
                "status": "unsafe",
                "detail": f"the joint attack on the set found {len(problems)} problem(s): {problems[0][:200]}",
            }
        out.append(r)
    return out


_REF: dict | None = None


def _load(path) -> None:
    global _REF
    with open(path, "rb") as fh:
        _REF = pickle.load(fh)


def _digest(values: dict) -> str:
    """A fingerprint of a gate's true values (the second build must see the same numbers)."""
    text = "\n".join(
        f"{c.table}\t{c.row}\t{c.column}\t{v!r}" for c, v in sorted(values.items(), key=lambda kv: str(kv[0]))
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _state(force: str, outdir: str, config: str, seed: int, ref_path: str | None = None) -> dict:
    """A force pack's sections and gate, nothing written (in a worker process): its
    :class:`toolkit.disclosure.pack_set.PackState` for the joint step over the set."""
    if _REF is None and ref_path is not None:
        _load(ref_path)
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build_evidence_pack(
            Path(outdir), config=config, demo=False, seed=seed, force=force, reference=_REF, gate_only=True
        )
    state = pack_state(ctx.gate)
    return {"force": force, "state": state, "digest": _digest(state.values), "seconds": time.perf_counter() - start}


def _one(
    force: str,
    outdir: str,
    config: str,
    seed: int,
    ref_path: str | None = None,
    withhold: dict | None = None,
    digest: str | None = None,
) -> dict:
    """Build and audit one force's pack (in a worker process), withholding ``withhold``
    besides what its own gate withholds; ``digest``: the gate's values of the first pass
    (:func:`_state`), which this build must reproduce."""
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
                folder,
                config=config,
                demo=False,
                seed=seed,
                notebooks=False,
                force=force,
                reference=_REF,
                withhold=withhold,
                n_jobs=1,  # the force packs are built one per worker: every core is busy
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
    if digest is not None and _digest(ctx.gate.values()) != digest:  # fail closed
        shutil.rmtree(folder / "evidence-pack", ignore_errors=True)
        return {
            "force": force,
            "status": "failed",
            "seconds": time.perf_counter() - start,
            "detail": "the pack's numbers differ from those of the joint check over the set (not deterministic?)",
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
    joint: bool = True,
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
        Processes building force packs, and writing the national pack's figures and
        running its notebooks (default ``os.cpu_count()``).
    forces : list of str, optional
        Build these forces only (default every force of the survey).
    joint : bool
        Make the set safe (default): the force packs' gates are run first without writing
        anything, the set (national pack and every force pack) is attacked jointly and cells
        of the force packs are withheld until differencing the packs recovers no withheld
        cell (:func:`toolkit.disclosure.pack_set.secure_set`); the written set is attacked
        again from its files. ``False``: each pack is only audited on its own.

    Returns
    -------
    pandas.DataFrame
        One row per force: ``force, status, seconds, detail``; ``status`` is ``"built"``
        (audited safe), ``"withheld"`` (no pack: the national pack withholds its counts) or
        ``"unsafe"`` (the audit of the pack, or of the set, failed; the pack was removed). Written to
        ``outdir / "forces" / "by_force.csv"``; ``attrs["national_seconds"]`` and
        ``attrs["forces_seconds"]`` hold the times.
    """
    outdir = Path(outdir)
    start = time.perf_counter()
    ctx = build_evidence_pack(outdir, config=config, demo=demo, seed=seed, notebooks=notebooks, n_jobs=workers)
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
    t0 = time.perf_counter()
    extra: dict = {}
    digests: dict = {}
    states: dict = {}
    rel = None
    gate = ctx.gate
    if joint and todo:
        print(
            f"[by force] joint check over the set: the gates of {len(todo)} force pack(s), nothing written ...",
            flush=True,
        )
        with ProcessPoolExecutor(max_workers=workers, initializer=_load, initargs=(str(ref_path),)) as pool:
            futures = {pool.submit(_state, f, str(root / f), str(study), ctx.seed): f for f in todo}
            for fut in as_completed(futures):
                f = futures[fut]
                try:
                    r = fut.result()
                except Exception as exc:  # noqa: BLE001 - reported below as a failed pack
                    rows.append(_failed(f, exc))
                    continue
                states[f], digests[f] = r["state"], r["digest"]
        todo = [f for f in todo if f in states]
        national_state = pack_state(gate)
        rel = force_set_relations(national_state, states, ref)
        try:
            extra = secure_set(national_state, states, rel, threshold=gate.threshold, rounding=gate.rounding)
        except DisclosureError as exc:
            for f in todo:
                rows.append({"force": f, "status": "unsafe", "seconds": 0.0, "detail": str(exc).splitlines()[0][:300]})
            todo = []
        n_extra = sum(len(v) for v in extra.values())
        print(
            f"[by force] joint check: {n_extra} further cell(s) withheld in {sum(1 for v in extra.values() if v)} "
            f"force pack(s) so that no cell withheld in one pack can be recovered from the others "
            f"({time.perf_counter() - t0:.1f} s)",
            flush=True,
        )
        states[NATIONAL] = national_state
    print(f"[by force] building {len(todo)} force pack(s) on {workers} process(es) ...", flush=True)
    done = 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_load, initargs=(str(ref_path),)) as pool:
        futures = {
            pool.submit(_one, f, str(root / f), str(study), ctx.seed, None, extra.get(f), digests.get(f)): f
            for f in todo
        }
        for fut in as_completed(futures):
            f = futures[fut]
            try:
                row = fut.result()
            except Exception as exc:  # noqa: BLE001 - one force's failure is reported, the others go on
                shutil.rmtree(root / f / "evidence-pack", ignore_errors=True)
                row = _failed(f, exc)
            done += 1
            rows.append(row)
            print(
                f"[by force] {done}/{len(todo)} {f}: {row['status']} in {row['seconds']:.1f} s ({row['detail']})",
                flush=True,
            )
    if rel is not None:
        rows = _audit_the_set(rows, states, rel, ctx, root, gate)
    forces_time = time.perf_counter() - t0
    table = pd.DataFrame(rows, columns=["force", "status", "seconds", "detail"]).sort_values("force", kind="stable")
    table = table.reset_index(drop=True)
    table.to_csv(root / "by_force.csv", index=False, lineterminator="\n")
    table.attrs.update(
        {
            "national_seconds": national,
            "national_timings": dict(ctx.timings),
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
    if joint:
        print(
            "[by force] the packs were also attacked together, as a set (national pack and every force pack "
            "built): no withheld cell can be recovered by differencing them; see private/pack-set-audit.txt",
            flush=True,
        )
    else:
        print(
            "[by force] joint check over the set switched off: each force pack is audited on its own only; do "
            "not publish the force packs together as a set",
            flush=True,
        )
    return table
