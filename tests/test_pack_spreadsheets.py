"""Published CSV and XLSX files open in a real spreadsheet (headless LibreOffice) with no
live formula: text cells that could start one are neutralised, and every text cell of a CSV
is quoted so that a CR, LF or tab inside it cannot start a new row or cell.

The files are converted to flat ODF (.fods) by LibreOffice itself; a cell LibreOffice reads
as a formula carries a ``table:formula`` attribute there. Skipped when ``soffice`` is absent
(Debian package libreoffice-calc-nogui)."""

from __future__ import annotations

import shutil
import subprocess

import pandas as pd
import pytest

from toolkit.io.export import write_csv, write_workbook

pytestmark = pytest.mark.slow  # LibreOffice and the evidence pack

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

NASTY = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    " =1+1",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "a\r=1+1",
    "x\n=1+1",
    "\uff1d1+1",
    "\uff0b1+1",
    "\uff0d1+1",
    "\uff20SUM(1)",
    "ok",
]


def _convert(files, outdir, tmp_path):
    """Convert files to .fods with LibreOffice; return {stem: fods text}."""
    profile = (tmp_path / "lo-profile").as_uri()
    outdir.mkdir(parents=True, exist_ok=True)
    csvs = [str(f) for f in files if f.suffix == ".csv"]
    others = [str(f) for f in files if f.suffix != ".csv"]
    base = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    if csvs:  # comma separated, double-quoted text, UTF-8 (76), first line as data
        subprocess.run(
            base + ["--infilter=CSV:44,34,76,1", "--convert-to", "fods", "--outdir", str(outdir), *csvs],
            check=True,
            capture_output=True,
            timeout=600,
        )
    if others:
        subprocess.run(
            base + ["--convert-to", "fods", "--outdir", str(outdir), *others],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return {p.stem: p.read_text(encoding="utf-8") for p in outdir.glob("*.fods")}


@needs_soffice
def test_libreoffice_reads_no_formula_from_written_tables(tmp_path):
    table = pd.DataFrame({"text": NASTY, "n": range(len(NASTY))})
    csv = write_csv(table, tmp_path / "nasty.csv")
    xlsx = write_workbook({"nasty": table}, tmp_path / "book" / "nasty_book.xlsx")
    # control: the same cells written raw are read as formulas, so the check can fail
    raw = tmp_path / "raw" / "raw.csv"
    raw.parent.mkdir()
    raw.write_text("text\n=1+1\n", encoding="utf-8")
    fods = _convert([csv, xlsx, raw], tmp_path / "fods", tmp_path)
    assert "table:formula" in fods["raw"]
    assert "table:formula" not in fods["nasty"]
    assert "table:formula" not in fods["nasty_book"]
    assert "SUM(1,1)" in fods["nasty_book"]  # the cells are there, as text
    # the CR / LF cells stayed in their own row: one row per value (and the header)
    back = pd.read_csv(csv, encoding="utf-8-sig")
    assert len(back) == len(NASTY)
    # cells that could start a formula are prefixed; "a\r=1+1", "x\n=1+1" and "ok" cannot
    assert back["text"].str.startswith("'").sum() == len(NASTY) - 3
    assert back["text"].tolist()[8:10] == ["a\r=1+1", "x\n=1+1"]


@needs_soffice
def test_published_pack_spreadsheets_have_no_live_formula(demo_pack, tmp_path):
    files = sorted((demo_pack.pack_dir / "tables").glob("*.csv")) + [demo_pack.pack_dir / "tables" / "tables.xlsx"]
    assert len(files) > 10
    fods = _convert(files, tmp_path / "fods", tmp_path)
    assert set(fods) == {f.stem for f in files}, "LibreOffice failed to open some files"
    live = [name for name, text in fods.items() if "table:formula" in text]
    assert live == []
