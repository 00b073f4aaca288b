"""Where the toolkit finds its bundled files (one place for every path).

The data templates forces fill in have one copy, ``data-templates/`` at the root of the
repository. Run from a checkout (an editable install, or ``PYTHONPATH``) the toolkit reads
them there; a built wheel carries the same files inside the package as
``toolkit/data_templates/`` (``pyproject.toml`` maps the folder), and that copy is used
when present. ``toolkit templates OUTDIR`` copies them out of either.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The repository checkout the package sits in (absent when installed from a wheel).
REPO_DIR = PACKAGE_DIR.parent
_WHEEL_TEMPLATES = PACKAGE_DIR / "data_templates"
#: The data templates forces fill in (dictionary, codebook, lexicon, ...).
TEMPLATES_DIR = _WHEEL_TEMPLATES if _WHEEL_TEMPLATES.is_dir() else REPO_DIR / "data-templates"
#: Files the toolkit ships for offline use (word lists, trained tokenisers, ...).
DATA_DIR = PACKAGE_DIR / "data"
#: The analysis notebooks: in the repository only (a wheel does not carry them).
NOTEBOOKS_DIR = REPO_DIR / "notebooks"


def template(*parts: str) -> Path:
    """Path of a bundled data template, e.g. ``template("survey", "dictionary.csv")``."""
    path = TEMPLATES_DIR.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"Bundled template {path} is missing: the toolkit's installation is incomplete; "
            "reinstall it (pip install . from the repository, or its wheel)."
        )
    return path
