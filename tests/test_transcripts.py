"""Transcripts: speaker turns from .txt and .docx, offsets into the text, errors."""

import docx
import pytest

from toolkit.errors import FileFormatError
from toolkit.qual.transcripts import read_transcript, read_transcripts


def test_turns_offsets_slice_the_text(tmp_path):
    text = "Notes before.\nInterviewer: Any abuse?\r\nP07: Yes 🙂 it's\npart of the job.\nQ: More?\nR: No.\n"
    f = tmp_path / "P07.txt"
    f.write_bytes(b"\xef\xbb\xbf" + text.encode())
    t = read_transcript(f, case="M07")
    src = t.sources.loc[0, "text"]
    assert src == text
    assert t.turns["speaker"].tolist() == ["Interviewer", "P07", "Q", "R"]
    for rec in t.turns.itertuples():
        assert src[rec.start : rec.end] == rec.text
    assert t.turns.loc[1, "text"] == "Yes 🙂 it's\npart of the job."
    assert t.sources.loc[0, "case"] == "M07"


def test_docx_and_folder(tmp_path):
    d = docx.Document()
    d.add_paragraph("Interviewer: How is it reported?")
    d.add_paragraph("P02: Through my sergeant.")
    d.save(tmp_path / "P02.docx")
    (tmp_path / "P01.txt").write_text("I: Hello?\nP01: Hi.\n", encoding="utf-8")
    t = read_transcripts(tmp_path)
    assert t.sources["id"].tolist() == ["P01", "P02"]
    assert t.turns.query("source == 'P02'")["text"].tolist() == ["How is it reported?", "Through my sergeant."]


def test_synthetic_transcripts_have_alternating_turns():
    from toolkit.synth.qual import make_interviews

    p = make_interviews(2)
    path_text = p.sources.loc[0, "text"]
    from toolkit.qual.transcripts import _turns

    turns = _turns(path_text, "INT01", __import__("toolkit.qual.transcripts", fromlist=["x"]).SPEAKER_PATTERN)
    assert turns["speaker"].tolist()[:2] == ["Interviewer", "P01"]
    assert len(turns) == 12


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("x.pdf", b"%PDF", "must be .txt or .docx"),
        ("x.txt", b"\xff\xfe\x00bad", "not UTF-8"),
        ("x.docx", b"not a zip", "cannot be read as a Word document"),
    ],
)
def test_bad_files(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(FileFormatError, match=words):
        read_transcript(tmp_path / name)
