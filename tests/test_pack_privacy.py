"""No raw free text written by people reaches the evidence pack: survey comments and
interview answers appear in no published file (HTML, DOCX, CSV, XLSX, JSON, executed
notebooks), and no count of people under the threshold is published. Policy documents
are organisational publications, not personal data: their titles, counts per year and
quoted evidence may appear. Checked on the demo pack built by the session fixture."""

import re
import zipfile

import pandas as pd
import pytest

pytestmark = pytest.mark.slow  # each builds or opens an evidence pack


def _published_text(pack_dir) -> str:
    chunks = []
    for path in pack_dir.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix in (".html", ".csv", ".json", ".txt", ".svg"):
            chunks.append(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.endswith(".xml"):
                        chunks.append(z.read(name).decode("utf-8", errors="replace"))
    text = "\n".join(chunks)
    return re.sub(r"\s+", " ", text.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", '"'))


def _sentences(text: str, min_len: int = 40) -> set[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return {re.sub(r"\s+", " ", p).strip() for p in parts if len(p.strip()) >= min_len}


def test_no_free_text_in_published_outputs(demo_pack):
    published = _published_text(demo_pack.pack_dir)
    data = demo_pack.outdir / "demo-data"
    comments = pd.read_csv(data / "survey" / "survey.csv", dtype=str)["comments"].dropna().unique()
    assert len(comments) > 3, "the demo survey should have free-text comments to leak"
    leaked = [c for c in comments if c in published]
    assert leaked == []

    answers = set()
    for path in sorted((data / "qual" / "transcripts").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            speaker, _, said = line.partition(":")
            if speaker.strip().lower() != "interviewer":
                answers |= _sentences(said)
    assert len(answers) > 50
    leaked = sorted(s for s in answers if s in published)
    assert leaked == [], leaked[:5]


def test_every_published_count_table_is_disclosure_safe(demo_pack):
    """Columns holding counts of people (n, n_cases, n_events, counts per force...) in
    published tables hold no value between 1 and threshold - 1."""
    k = demo_pack.threshold
    count_like = re.compile(r"^(n|n_[a-z_]+|count|cases|respondents|Wave \d+|[A-Z]\d\d|Total)$")
    offenders, checked = [], 0
    for name, table in demo_pack.tables.items():
        if name == "data_validation":  # counts of cells with data problems, not of people
            continue
        if name.startswith(("qual_framing_", "qual_document_")):  # counts of public documents
            continue
        for col in table.data.columns:
            if not count_like.match(str(col)) or col in (
                "n_groups",
                "n_units",
                "n_clusters",
                "n_items",
                "n_sources",
                "n_new",
                "n_cumulative",
            ):  # themes, not people
                continue
            checked += 1
            values = pd.to_numeric(table.data[col], errors="coerce").dropna()
            small = values[(values > 0) & (values < k)]
            if len(small):
                offenders.append((name, col, small.tolist()[:5]))
    assert offenders == []
    assert checked >= 20, f"only {checked} count columns examined: the pattern misses the tables"


def test_quote_bank_is_opt_in_redacted_and_private(tmp_path):
    """disclosure.quote_bank: true writes redacted quotes and a review sheet to private/;
    nothing of it enters the pack. Without the setting no quote bank is written."""
    from toolkit.report.evidence import EvidenceContext
    from toolkit.report.sections import qual
    from toolkit.study import demo_config

    cfg = demo_config(tmp_path, seed=20240301)
    ctx = EvidenceContext(outdir=tmp_path / "out", seed=1, demo=False, config=cfg)
    qual.build(ctx)
    assert not (ctx.private_dir / "quote_bank.csv").exists()
    cfg.raw["disclosure"]["quote_bank"] = True
    ctx = EvidenceContext(outdir=tmp_path / "out2", seed=1, demo=False, config=cfg)
    qual.build(ctx)
    bank = pd.read_csv(ctx.private_dir / "quote_bank.csv", encoding="utf-8-sig")
    review = pd.read_csv(ctx.private_dir / "quote_bank_review.csv", encoding="utf-8-sig")
    assert len(bank) > 10 and {"approved", "reviewer"} <= set(review.columns)
    published = _published_text(ctx.pack_dir)
    assert not [t for t in bank["text"] if len(t) > 30 and t in published]
