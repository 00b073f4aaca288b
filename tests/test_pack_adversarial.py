"""The publication gate, tried as an intruder would: a small adversarial study made from the
demo data, and the demo pack itself, built with default settings (notebooks included), then
read back from the files on disk.

The adversarial study has a force with 7 respondents, 3 non-binary respondents, one small
force that alone launched the reporting route, and a unique marker string planted in every
free-text and coded survey column, in incident notes and in an interview passage. Its
published pack must hold 0 markers, 0 counts of people in 1..9 (events and complements
included), 0 withheld values, and a joint linear programme over every table and the data
behind every figure must bound no withheld cell below the threshold."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from toolkit.disclosure.audit_pack import audit_pack, published_text

pytestmark = pytest.mark.slow  # each builds an evidence pack

MARK = "ZQXMARK"
COUNT_COLUMN = re.compile(r"^(n|n_[a-z_]+|count|cases|respondents|incidents|Wave \d+|Total|[A-Z]\d\d|\d{4}Q\d)$")


def _plant(folder):
    """Turn the demo study in ``folder`` into the adversarial one; return the markers."""
    markers = []
    survey_path = folder / "survey" / "survey.csv"
    survey = pd.read_csv(survey_path, dtype=str, keep_default_na=False)
    dictionary = pd.read_csv(folder / "survey" / "dictionary.csv", dtype=str, keep_default_na=False)
    # a force of 7 respondents in the latest wave
    wave2 = survey["wave"] == "2"
    f07 = survey.index[wave2 & (survey["force"] == "F07")]
    survey = survey.drop(f07[7:]).reset_index(drop=True)
    wave2 = survey["wave"] == "2"
    # exactly 3 non-binary respondents
    survey.loc[survey["gender"] == "3", "gender"] = "1"
    survey.loc[survey.index[wave2][[11, 222, 1333]], "gender"] = "3"
    # a marker in every free-text and coded column (one respondent each)
    coded = dictionary.loc[(dictionary["values"] != "") | (dictionary["type"] == "text"), "variable"]
    # (not in the raking variables force and role: raking refuses a respondent without them)
    coded = [c for c in coded if c in survey.columns and c not in ("force", "resp_id", "role", "wave")]
    for i, col in enumerate(coded):
        marker = f"{MARK}-{col}-{i:03d} typed by a respondent"
        survey.loc[survey.index[wave2][100 + 17 * i], col] = marker
        markers.append(marker)
    survey.to_csv(survey_path, index=False)
    # incidents: notes with markers; one small force alone launched the reporting route
    inc_path = folder / "evaluate" / "incidents.csv"
    inc = pd.read_csv(inc_path, dtype=str, keep_default_na=False)
    inc["notes"] = [f"{MARK}-note-{i:05d} officer's home address shared" for i in range(len(inc))]
    markers += list(inc["notes"])
    inc.to_csv(inc_path, index=False)
    forces = pd.read_csv(folder / "evaluate" / "forces.csv", dtype=str, keep_default_na=False)
    small = inc["force"].value_counts().index[-3]  # a small force (few dozen incidents)
    forces["route_launched"] = ["2023-01" if f == small else "" for f in forces["force"]]
    forces.to_csv(folder / "evaluate" / "forces.csv", index=False)
    # an interview passage with a marker (as a coded segment of the first interview)
    qual = folder / "qual" / "interviews"
    sources = pd.read_csv(qual / "sources.csv", dtype=str, keep_default_na=False)
    first = qual / sources.loc[0, "file"]
    text = first.read_text(encoding="utf-8")
    passage = f"Manager: {MARK}-interview my neighbour at 12 Elm Road posted my children's school."
    first.write_text(text + "\n" + passage, encoding="utf-8")
    segments = pd.read_csv(qual / "segments.csv", dtype=str, keep_default_na=False)
    start = len(text) + 1 + len("Manager: ")
    row = segments.iloc[0].copy()
    row["start"], row["end"] = str(start), str(start + len(passage) - len("Manager: "))
    row["text"], row["code"] = passage[len("Manager: ") :], "REC.PERSONAL"
    segments = pd.concat([segments, row.to_frame().T], ignore_index=True)
    segments.to_csv(qual / "segments.csv", index=False)
    markers.append(passage[len("Manager: ") :])
    from toolkit.qual.project import QualProject
    from toolkit.qual.qdpx import write_qdpx

    write_qdpx(QualProject.from_csv(qual), folder / "qual" / "interviews.qdpx")  # as NVivo would export it
    study = (folder / "study.yml").read_text(encoding="utf-8")
    study = study.replace("Synthetic demo study (not real data)", "Adversarial small study")
    (folder / "study.yml").write_text(study, encoding="utf-8")
    return markers, small


@pytest.fixture(scope="session")
def adversarial(tmp_path_factory):
    from toolkit.report.evidence import build_evidence_pack
    from toolkit.study import demo_config

    root = tmp_path_factory.mktemp("adversarial")
    demo_config(root, seed=20240301)  # the demo study and a study.yml naming its files
    data = root / "demo-data"
    markers, small = _plant(data)
    ctx = build_evidence_pack(root / "out", config=data / "study.yml", notebooks=True)
    return ctx, markers, small, data


def _count_cells(pack):
    """(file, column, value) of every count-like cell of every published CSV and sheet."""
    manifest = json.loads((pack / "manifest.json").read_text())
    others = manifest["not_people"]
    found = []
    sources = {p.stem: pd.read_csv(p, encoding="utf-8-sig") for p in (pack / "tables").glob("*.csv")}
    sources.update({f"xlsx:{k}": v for k, v in pd.read_excel(pack / "tables" / "tables.xlsx", sheet_name=None).items()})
    checked = 0
    for name, df in sources.items():
        skip = set(others.get(name.removeprefix("xlsx:"), {}))
        for col in df.columns:
            if not COUNT_COLUMN.match(str(col)) or col in skip:
                continue
            checked += 1
            values = pd.to_numeric(df[col], errors="coerce").dropna()
            found += [(name, col, v) for v in values[(values > 0) & (values < 10)]]
    return found, checked


def _assert_safe(ctx, markers, study):
    pack = ctx.pack_dir
    text = published_text(pack)
    raw = b"".join(p.read_bytes() for p in pack.rglob("*") if p.is_file())
    assert MARK.encode() not in raw and MARK not in text
    leaked = [m for m in markers if m in text]
    assert leaked == []
    # no private file in the pack; the private folder has them
    assert not (pack / "notebooks").exists()
    assert list((ctx.private_dir / "notebooks").glob("*.html"))
    assert (ctx.private_dir / "validation" / "validation_report.csv").exists()
    small, checked = _count_cells(pack)
    assert small == []
    assert checked >= 20
    # withheld cells: blank in every CSV and sheet, none in the manifest with a value
    manifest = json.loads((pack / "manifest.json").read_text())
    assert manifest["disclosure_actions"], "nothing withheld: the test data should force suppression"
    assert all(not {"value", "lower", "upper"} & set(a) for a in manifest["disclosure_actions"])
    assert str(ctx.outdir.resolve()) not in (pack / "manifest.json").read_text()
    verdict = audit_pack(pack, study=study)
    assert verdict.attrs["safe"], verdict[verdict["status"] == "FAIL"].to_string()
    assert set(verdict["check"]) >= {"small counts", "withheld values", "free text", "joint attack"}


def test_adversarial_study_pack_is_safe(adversarial):
    ctx, markers, small, data = adversarial
    assert len(markers) > 100
    _assert_safe(ctx, markers, data / "study.yml")
    # the small force's series and its force-by-quarter cells are protected jointly
    series = pd.read_csv(ctx.pack_dir / "tables" / "evaluate_reporting_series.csv", encoding="utf-8-sig")
    assert series["incidents"].isna().any()
    # the 3 non-binary respondents: no model term and no comparison group rests on them
    model = pd.read_csv(ctx.pack_dir / "tables" / "survey_harm_model.csv", encoding="utf-8-sig")
    assert not model["term"].str.contains(r"gender\)\[T\.3", regex=True).any()
    assert any("dropped" in m and "survey_harm_model" in m for m in ctx.log)
    # the force of 7: withheld in the latest wave
    by_force = pd.read_csv(ctx.pack_dir / "tables" / "respondents_by_force_wave.csv", encoding="utf-8-sig")
    assert pd.isna(by_force.set_index("force").loc["F07", "Wave 2"])


def test_demo_pack_is_safe(demo_pack):
    data = demo_pack.outdir / "demo-data"
    comments = pd.read_csv(data / "survey" / "survey.csv", dtype=str)["comments"].dropna().unique().tolist()
    _assert_safe(demo_pack, comments, data / "study.yml")


def test_audit_pack_finds_each_planted_problem(demo_pack, tmp_path):
    """A copy of the demo pack made unsafe in six ways; audit-pack finds each, exit 1."""
    pack = tmp_path / "evidence-pack"
    shutil.copytree(demo_pack.pack_dir, pack)
    (tmp_path / "private").mkdir()
    shutil.copy(demo_pack.private_dir / "disclosure_record.csv", tmp_path / "private")
    record = pd.read_csv(tmp_path / "private" / "disclosure_record.csv")
    # 1. a withheld cell given back in its CSV (a primary one: a count under k)
    primary = record[(record["rule"] == "primary") & (record["table"] == "evaluate_incidents_force_quarter")].iloc[0]
    path = pack / "tables" / "evaluate_incidents_force_quarter.csv"
    t = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    t.loc[t["force"] == primary["row"], primary["column"]] = str(int(primary["value"]))
    t.to_csv(path, index=False, encoding="utf-8-sig")
    # 2. the true values in the manifest
    manifest = json.loads((pack / "manifest.json").read_text())
    manifest["disclosure_actions"][0]["value"] = 3
    manifest["inputs"][0]["path"] = "/home/analyst/survey.csv"
    (pack / "manifest.json").write_text(json.dumps(manifest))
    # 3. a survey comment inside the DOCX
    comment = (
        pd.read_csv(demo_pack.outdir / "demo-data" / "survey" / "survey.csv", dtype=str)["comments"].dropna().iloc[0]
    )
    from docx import Document

    doc = Document(pack / "briefing.docx")
    doc.add_paragraph(comment)
    doc.save(pack / "briefing.docx")
    # 4. a private file inside the pack
    shutil.copy(demo_pack.private_dir / "validation" / "validation_report.csv", pack)
    # 5. every other withheld cell of a force's row given back (as a careless re-export would):
    #    the row total then pins the remaining small cell, which only the LP sees
    fq = record[record["table"] == "evaluate_incidents_force_quarter"]
    rows = fq.groupby("row")["rule"].apply(lambda r: (r == "primary").sum())
    force = [r for r in rows.index if rows[r] >= 1 and r not in (primary["row"], "Total")][0]
    target = fq[(fq["row"] == force) & (fq["rule"] == "primary")].iloc[0]
    path = pack / "tables" / "evaluate_incidents_force_quarter.csv"
    t = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    for r in fq[(fq["row"] == force) & (fq["column"] != target["column"])].itertuples():
        t.loc[t["force"] == force, r.column] = str(int(r.value))
    t.to_csv(path, index=False, encoding="utf-8-sig")

    # 6. counts of people in prose: a DOCX paragraph, an SVG label, a finding quoting the true
    #    value of a withheld cell that no published count shows
    doc = Document(pack / "briefing.docx")
    doc.add_paragraph("In Force 07, 3 respondents reported doxxing.")
    doc.save(pack / "briefing.docx")
    svg = pack / "figures" / "survey_harm_by_role.svg"
    svg.write_text(
        svg.read_text(encoding="utf-8").replace("</svg>", '<text x="10" y="10">Volunteer (n = 4)</text></svg>'),
        encoding="utf-8",
    )
    shown = set()
    for csv in (pack / "tables").glob("*.csv"):
        shown |= set(pd.read_csv(csv, encoding="utf-8-sig").select_dtypes("number").stack().tolist())
    unique = record[(record["value"] >= 10) & ~record["value"].isin(shown)]
    if unique.empty:  # every withheld value of 10 or more is also a published number elsewhere
        #  (so quoting it tells nothing): withhold one more cell, of a value shown nowhere
        value = next(v for v in range(137, 10_000) if v not in shown)
        extra = record.iloc[[0]].assign(value=value, rule="secondary")
        extra.to_csv(tmp_path / "private" / "disclosure_record.csv", mode="a", header=False, index=False)
        unique = extra
    hidden = unique.iloc[0]
    findings = json.loads((pack / "findings.json").read_text(encoding="utf-8"))
    findings.append(
        {
            "pillar": "support",
            "text": f"{int(hidden['value'])} managers described peer support.",
            "values": {},
            "recommendations": [],
        }
    )
    (pack / "findings.json").write_text(json.dumps(findings), encoding="utf-8")

    verdict = audit_pack(pack, study=demo_pack.outdir / "demo-data" / "study.yml")
    failed = verdict[verdict["status"] == "FAIL"]
    assert set(failed["check"]) == {
        "private files",
        "manifest",
        "small counts",
        "withheld values",
        "counts in text",
        "free text",
        "joint attack",
    }
    prose = failed[failed["check"] == "counts in text"]
    assert set(prose["file"]) == {
        "briefing.docx[word/document.xml]",
        "figures/survey_harm_by_role.svg",
        "findings.json",
    }, prose.to_string()
    assert prose["detail"].str.contains("3 respondents").any()
    assert prose["detail"].str.contains("n = 4").any()
    assert prose["detail"].str.contains("true value of a withheld cell").any()
    assert failed["detail"].str.contains("absolute path").any()
    assert failed["detail"].str.contains("'value'").any()
    assert failed["file"].str.contains("validation_report.csv").any()
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "toolkit.cli",
            "audit-pack",
            str(pack),
            "--study",
            str(demo_pack.outdir / "demo-data" / "study.yml"),
        ],
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 1 and "UNSAFE" in cli.stdout
    ok = subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "audit-pack", str(demo_pack.pack_dir)], capture_output=True, text=True
    )
    assert ok.returncode == 0 and "SAFE" in ok.stdout
