"""Provenance manifest: what went in, with which software, parameters and seed, and
what disclosure control did."""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from importlib import metadata
from pathlib import Path

__all__ = ["file_sha256", "package_versions", "write_manifest"]

_PACKAGES = (
    "numpy", "pandas", "scipy", "statsmodels", "pingouin", "matplotlib", "nltk",
    "openpyxl", "pyreadstat", "python-docx", "PyYAML", "tqdm", "nbclient", "nbconvert",
)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def package_versions() -> dict[str, str | None]:
    out = {}
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
    import toolkit

    base = ctx.outdir.resolve()

    def rel(p: Path) -> str:
        p = Path(p).resolve()
        try:
            return str(p.relative_to(base))
        except ValueError:
            return str(p)

    manifest = {
        "toolkit_version": toolkit.__version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(terse=True),
        "packages": package_versions(),
        "seed": ctx.seed,
        "demo": ctx.demo,
        "parameters": ctx.config.raw if ctx.config is not None else {},
        "disclosure_threshold": ctx.threshold,
        "inputs": [{"path": rel(p), "sha256": file_sha256(p), "bytes": p.stat().st_size} for p in _inputs(ctx)],
        "outputs": {
            "tables": {name: {"path": rel(t.path), "sha256": file_sha256(t.path)} for name, t in ctx.tables.items()},
            "figures": {
                name: [{"path": rel(p), "sha256": file_sha256(p)} for p in f.paths] for name, f in ctx.figures.items()
            },
        },
        "disclosure_actions": ctx.disclosure,
        "log": ctx.log,
    }
    path = ctx.pack_dir / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
    return path
