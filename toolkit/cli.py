"""Command line: ``toolkit --help``.

Data problems are reported as readable messages with exit status 1, never a
traceback. Programming errors still show a traceback (those are bugs to report).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import warnings
from pathlib import Path

import toolkit
from toolkit.errors import ToolkitError
from toolkit.paths import TEMPLATES_DIR


def _cmd_demo_data(args) -> int:
    # lazy: the command line loads only what the subcommand it runs needs (a fast --help)
    from toolkit.synth import write_demo

    out = Path(args.outdir)
    if out.exists() and not out.is_dir():
        raise ToolkitError(
            f"{out} is a file, not a folder: give the name of a folder to write the "
            "demo study into (it is created if missing)."
        )
    written = write_demo(out, seed=args.seed)
    folders: dict = {}
    for path in written:
        rel = Path(path).resolve().relative_to(out.resolve())
        folders.setdefault(rel.parts[0] if len(rel.parts) > 1 else ".", []).append(rel)
    print(f"Synthetic demo study (seed {args.seed}, not real data): {len(written)} files written to {out.resolve()}")
    for folder, files in folders.items():
        top = [f.name for f in files if len(f.parts) == 2 and f.name != "truth.json"]
        more = len(files) - len(top)
        print(f"  {folder}/: {', '.join(top)}" + (f" (+{more} more)" if more else ""))
    survey = out / "survey"
    if (survey / "survey.csv").exists():
        print(f"  try: toolkit validate {survey / 'survey.csv'} --dictionary {survey / 'dictionary.csv'}")
    return 0


def _cmd_templates(args) -> int:
    out = Path(args.outdir)
    if out.exists() and not (out.is_dir() and not any(out.iterdir())):
        raise ToolkitError(
            f"{out} already exists: give the name of a new (or empty) folder, so that no filled-in file is overwritten."
        )
    shutil.copytree(TEMPLATES_DIR, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    print(f"Data templates: {len(files)} files copied to {out.resolve()}; start with README.md there.")
    for folder in sorted({f.parts[0] for f in files if len(f.parts) > 1}):
        print(f"  {folder}/: {', '.join(f.name for f in files if f.parts[0] == folder and len(f.parts) == 2)}")
    return 0


def _cmd_validate(args) -> int:
    # lazy: the command line loads only what the subcommand it runs needs (a fast --help)
    from toolkit.io.validate_cli import run_validate

    return run_validate(args.data, dictionary=args.dictionary, sheet=args.sheet, out=args.report)


def _cmd_evidence_pack(args) -> int:
    # lazy: the command line loads only what the subcommand it runs needs (a fast --help)
    from toolkit.report.evidence import build_evidence_pack

    if not args.demo and not args.config:
        raise ToolkitError("Give either --demo or --config study.yml.")
    if args.workers is not None and args.workers < 1:
        raise ToolkitError(f"--workers must be a positive number of processes (1: serial); got {args.workers}.")
    if args.by is not None:
        # lazy: the command line loads only what the subcommand it runs needs (a fast --help)
        from toolkit.report.by_force import build_by_force

        if args.by != "force":
            raise ToolkitError(f"--by must be 'force' (one pack per force); got {args.by!r}.")
        table = build_by_force(
            Path(args.out),
            config=args.config,
            demo=args.demo,
            seed=args.seed,
            notebooks=not args.no_notebooks,
            workers=args.workers,
        )
        bad = table[~table["status"].isin(["built", "withheld"])]
        for rec in bad.itertuples(index=False):
            print(f"toolkit evidence-pack: {rec.force}: {rec.status}: {rec.detail}", file=sys.stderr)
        return 1 if len(bad) else 0
    build_evidence_pack(
        Path(args.out),
        config=args.config,
        demo=args.demo,
        seed=args.seed,
        notebooks=not args.no_notebooks,
        n_jobs=args.workers,
    )
    return 0


def _cmd_audit_pack(args) -> int:
    # lazy: the command line loads only what the subcommand it runs needs (a fast --help)
    import pandas as pd

    # lazy: the command line loads only what the subcommand it runs needs (a fast --help)
    from toolkit.disclosure.audit_pack import audit_pack

    verdict = audit_pack(Path(args.pack), study=args.study)
    with pd.option_context("display.max_colwidth", 120, "display.width", 200):
        print(verdict.to_string(index=False))
    safe = verdict.attrs["safe"]
    print(
        "verdict: SAFE: nothing found"
        if safe
        else f"verdict: UNSAFE: {int((verdict['status'] == 'FAIL').sum())} finding(s)"
    )
    return 0 if safe else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkit",
        description="Online-harms research and evaluation toolkit: validate force data, "
        "write the synthetic demo study, build the evidence pack.",
    )

    parser.add_argument("--version", action="version", version=f"toolkit {toolkit.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo-data", help="write the synthetic demo study to OUTDIR")
    p.add_argument("outdir", help="folder to write the demo files into (created if missing)")
    p.add_argument("--seed", type=int, default=20240301, help="random seed (default 20240301)")
    p.set_defaults(func=_cmd_demo_data)

    p = sub.add_parser("templates", help="copy the data templates a force fills in to OUTDIR")
    p.add_argument("outdir", help="a new folder to copy the templates into")
    p.set_defaults(func=_cmd_templates)

    p = sub.add_parser("validate", help="check a survey file against its data dictionary")
    p.add_argument("data", help="survey file: .csv, .xlsx, .sav or a Qualtrics CSV export")
    p.add_argument("--dictionary", required=True, help="data dictionary (.csv or .xlsx)")
    p.add_argument("--sheet", default=None, help="sheet name for .xlsx files (default: first)")
    p.add_argument("--report", default=None, help="also write the report to this CSV file")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("evidence-pack", help="build the evidence pack")
    p.add_argument("--config", default=None, help="study configuration (study.yml)")
    p.add_argument("--demo", action="store_true", help="use the embedded synthetic demo study")
    p.add_argument("--out", default="outputs", help="output folder (default: outputs)")
    p.add_argument("--seed", type=int, default=20240301, help="random seed (default 20240301)")
    p.add_argument(
        "--no-notebooks", action="store_true", help="skip executing the notebooks (faster; no notebooks/ HTML)"
    )
    p.add_argument(
        "--by",
        default=None,
        metavar="force",
        help="also build one pack per force (that force against the national picture, its own "
        "disclosure control and audit) in OUT/forces/<force>/evidence-pack, in parallel; the national "
        "pack and the force packs are made safe together, as a set",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes writing figures, running notebooks and (with --by force) building force packs "
        "(default: every core; 1: serial, the same pack)",
    )
    p.set_defaults(func=_cmd_evidence_pack)

    p = sub.add_parser("audit-pack", help="check a built evidence pack for disclosure (exit 1 on any finding)")
    p.add_argument("pack", help="the evidence-pack folder")
    p.add_argument("--study", default=None, help="study.yml: also look for the study's free text in the pack")
    p.set_defaults(func=_cmd_audit_pack)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Warnings on the command line: one readable line, no source location."""
    print(f"toolkit: note: {message}", file=file or sys.stderr)


def _configure_logging() -> None:
    """Log records as 'toolkit: note: ...' lines; the command's own report already lists
    excluded rows, so the library's pointer to ``SurveyData.excluded`` is left out."""

    class _NotAttributePointers(logging.Filter):
        def filter(self, record):
            return "(see .excluded)" not in record.getMessage()

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("toolkit: note: %(message)s"))
    handler.addFilter(_NotAttributePointers())
    root = logging.getLogger("toolkit")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    root.propagate = False


def main(argv: list[str] | None = None) -> int:
    warnings.showwarning = _show_warning
    _configure_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    try:
        status = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the try, not at interpreter exit
        return status
    except BrokenPipeError:
        # the reader stopped early (``toolkit validate ... | head``): not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (
        ToolkitError,
        FileNotFoundError,
        PermissionError,
        IsADirectoryError,
        NotADirectoryError,
        FileExistsError,
    ) as exc:
        print(f"toolkit {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
