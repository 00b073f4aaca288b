"""Building the pack twice from the same inputs gives identical tables and figures."""

import hashlib

import pytest

from toolkit.report.evidence import build_evidence_pack

pytestmark = pytest.mark.slow  # two builds of the evidence pack


def _digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for sub in ("tables", "figures")
        for p in sorted((folder / sub).rglob("*"))
        if p.is_file() and p.suffix in (".csv", ".png", ".svg")
    }


def test_second_build_is_identical(demo_pack, tmp_path):
    again = build_evidence_pack(tmp_path, demo=True, notebooks=False, render=False)
    first = _digests(demo_pack.pack_dir)
    second = _digests(again.pack_dir)
    assert first, "the pack has no tables or figures"
    assert first == second
    assert again.findings == [{k: v for k, v in f.items()} for f in demo_pack.findings]


def test_pack_contents(demo_pack):
    pack = demo_pack.pack_dir
    for name in ("index.html", "briefing.docx", "manifest.json", "findings.json", "log.txt", "tables/tables.xlsx"):
        assert (pack / name).exists(), name
    for fig in demo_pack.figures.values():
        assert {p.suffix for p in fig.paths} == {".png", ".svg"}
