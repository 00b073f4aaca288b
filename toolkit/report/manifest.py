"""Provenance manifest: what went in, with which software, parameters and seed, and
which cells disclosure control withheld by which rule (never their values)."""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from importlib import metadata
from pathlib import Path

import toolkit

__all__ = ["file_sha256", "package_versions", "write_manifest"]

_PACKAGES = (
    "numpy",
    "pandas",
    "scipy",
    "statsmodels",
    "pingouin",
    "matplotlib",
    "nltk",
    "openpyxl",
    "pyreadstat",
    "python-docx",
    "PyYAML",
    "tqdm",
    "nbclient",
    "nbconvert",
)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def package_versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in _PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _inputs(ctx) -> list[Path]:
    files = []
    if ctx.config is not None:
        for p in ctx.config.input_files():
            if p.is_dir():
                files.extend(sorted(q for q in p.rglob("*") if q.is_file()))
            elif p.exists():
                files.append(p)
        if ctx.config.source is not None:
            files.append(Path(ctx.config.source))
    return files


def write_manifest(ctx) -> Path:
    """Write ``manifest.json``: provenance, and which cells were withheld by which rule.

    It holds no true value of a withheld cell, no bounds, and no absolute path: input
    files are named relative to the study folder (or by file name only).
    """
    bases = [ctx.outdir.resolve()]
    if ctx.config is not None and getattr(ctx.config, "base", None) is not None:
        bases.insert(0, Path(ctx.config.base).resolve())

    def rel(p: Path) -> str:
        p = Path(p).resolve()
        for base in bases:
            try:
                return p.relative_to(base).as_posix()
            except ValueError:
                continue
        return p.name

    def params(raw):
        if isinstance(raw, dict):
            return {k: params(v) for k, v in raw.items()}
        if isinstance(raw, list):
            return [params(v) for v in raw]
        if isinstance(raw, str) and Path(raw).is_absolute():
            return Path(raw).name
        return raw

    gate = ctx._gate
    manifest = {
        "toolkit_version": toolkit.__version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(terse=True),
        "packages": package_versions(),
        "seed": ctx.seed,
        "demo": ctx.demo,
        "parameters": params(ctx.config.raw) if ctx.config is not None else {},
        "disclosure_threshold": ctx.threshold,
        "disclosure_settings": {
            "zeros": gate.zeros if gate else "publish",
            "rounding": gate.rounding if gate else None,
        },
        "inputs": [{"path": rel(p), "sha256": file_sha256(p), "bytes": p.stat().st_size} for p in _inputs(ctx)],
        "outputs": {
            "tables": {name: {"path": rel(t.path), "sha256": file_sha256(t.path)} for name, t in ctx.tables.items()},
            "figures": {
                name: [{"path": rel(p), "sha256": file_sha256(p)} for p in f.paths] for name, f in ctx.figures.items()
            },
            "figure_sources": {name: list(src) for name, (_, src) in ctx._figure_sources.items()},
            "private": [
                "private/disclosure_record.csv",
                "private/validation/",
                "private/notebooks/",
                "private/log.txt",
            ],
        },
        "disclosure_actions": ctx.disclosure,
        "disclosure_structure": gate.structure() if gate else {},
        "not_people": {name: g.pub.not_people for name, g in (gate.tables.items() if gate else []) if g.pub.not_people},
    }
    path = ctx.pack_dir / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
    return path
