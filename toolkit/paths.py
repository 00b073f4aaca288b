"""Where the toolkit finds its bundled files (one place for every path)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
#: The data templates forces fill in (dictionary, codebook, lexicon, ...).
TEMPLATES_DIR = REPO_DIR / "data-templates"
#: Files the toolkit ships for offline use (word lists, trained tokenisers, ...).
DATA_DIR = PACKAGE_DIR / "data"


def template(*parts: str) -> Path:
    """Path of a bundled data template, e.g. ``template("survey", "dictionary.csv")``."""
    path = TEMPLATES_DIR.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"Bundled template {path} is missing; reinstall the toolkit from its repository "
            "(pip install -e .) so that data-templates/ sits beside the toolkit package."
        )
    return path
