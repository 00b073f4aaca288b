"""REFI-QDA import/export: round trip, real-world deviations, bad input."""

import zipfile
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from toolkit.errors import DataValidationError, FileFormatError
from toolkit.qual.qdpx import read_qdc, read_qdpx, write_qdc, write_qdpx
from toolkit.synth.qual import make_interviews

DATA = Path(__file__).parent / "data" / "qdpx"


def test_round_trip_gives_the_same_tables(tmp_path):
    p = make_interviews(3)
    q = read_qdpx(write_qdpx(p, tmp_path / "p.qdpx"))
    for table in ("sources", "cases", "codebook", "segments"):
        assert_frame_equal(getattr(p, table), getattr(q, table), check_dtype=True)
    assert q.name == p.name
    assert (q.import_report["status"] == "exact").all()


def test_written_file_is_deterministic(tmp_path):
    p = make_interviews(3)
    a = write_qdpx(p, tmp_path / "a.qdpx").read_bytes()
    b = write_qdpx(p, tmp_path / "b.qdpx").read_bytes()
    assert a == b


# --------------------------------------------------------------- foreign files
TEXT = "Interviewer: Any abuse?\r\nP01: They wrote 🙂 under my photo.\r\nMy family saw it."
CODE1 = "6A5B1F3E-0C1D-4E2F-9A8B-7C6D5E4F3A21"
CODE2 = "1B2C3D4E-5F60-4718-8293-A4B5C6D7E8F9"
SRC = "0E4B0E2D-CCC6-402E-AF63-FA4EFA8C7306"
USER = "F3EA8DA1-BB99-411F-8ED4-011170237B6C"


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def foreign(
    tmp_path,
    *,
    positions="codepoint",
    folder="sources",
    ns="urn:QDA-XML:project:1.0",
    guid_style=str.upper,
    bom=False,
    quoted=True,
    code_ref=CODE1,
    drop_file=False,
    end_shift=0,
    name="f.qdpx",
):
    """A project laid out as MAXQDA exports it, with the deviation asked for."""
    quotes = ["They wrote 🙂 under my photo.", "My family saw it."]
    sels = []
    for k, q in enumerate(quotes):
        start = TEXT.index(q)
        before = TEXT[:start]
        if positions == "utf16":
            s = utf16_len(before)
            e = s + utf16_len(q)
        elif positions == "crlf":
            s = len(before.replace("\r\n", "\n"))
            e = s + len(q)
        elif positions == "bom":
            s = start + 1
            e = s + len(q)
        else:
            s = start
            e = start + len(q)
        e += end_shift
        ref = code_ref if k == 0 else CODE2
        name_attr = f' name="{q}"' if quoted else ""
        sels.append(
            f'<PlainTextSelection guid="{guid_style("{" + f"AAAAAAAA-0000-0000-0000-00000000000{k}" + "}")}"'
            f'{name_attr} startPosition="{s}" endPosition="{e}" creatingUser="{USER}">'
            f'<Coding guid="BBBBBBBB-0000-0000-0000-00000000000{k}" creatingUser="{USER}">'
            f'<CodeRef targetGUID="{guid_style(ref)}"/></Coding></PlainTextSelection>'
        )
    xml = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{ns}" origin="MAXQDA 24" name="x">'
        f'<Users><User guid="{USER}" name="johnb"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE1}" name="Social media as risk" isCodable="true">'
        f"<Description>Risk</Description>"
        f'<Code guid="{CODE2}" name="Impact on family" isCodable="true"/></Code></Codes></CodeBook>'
        f'<Sources><TextSource guid="{guid_style("{" + SRC + "}")}" name="Interview 1" '
        f'plainTextPath="internal://{SRC}.txt">{"".join(sels)}</TextSource></Sources></Project>'
    )
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", xml)
        if not drop_file:
            zf.writestr(f"{folder}/{SRC}.txt", (b"\xef\xbb\xbf" if bom else b"") + TEXT.encode())
    return path


@pytest.mark.parametrize(
    "kwargs, convention",
    [
        ({}, "codepoint-crlf2"),
        ({"positions": "utf16"}, "utf16-crlf2"),
        ({"positions": "crlf"}, "codepoint-crlf1"),
        ({"positions": "bom", "bom": True}, "codepoint-crlf2-bom"),
        ({"folder": "Sources", "guid_style": str.lower}, "codepoint-crlf2"),
    ],
)
def test_deviations_are_detected_and_reported(tmp_path, kwargs, convention):
    p = read_qdpx(foreign(tmp_path, **kwargs))
    assert p.segments["text"].tolist() == ["They wrote 🙂 under my photo.", "My family saw it."]
    assert p.segments["code"].tolist() == [CODE1, CODE2]
    assert p.segments["coder"].tolist() == ["johnb", "johnb"]
    assert p.codebook.loc[1, "parent"] == CODE1
    rep = p.import_report
    assert rep["convention"].tolist() == [convention] * 2
    assert set(rep["status"]) == {"exact" if convention == "codepoint-crlf2" else "converted"}
    assert p.import_conventions["convention"].tolist() == [convention]
    assert p.import_conventions["margin"].iloc[0] > 0
    assert not p.sources.loc[0, "text"].startswith("\ufeff")


def test_old_namespace_is_read_with_a_note(tmp_path):
    with pytest.warns(UserWarning, match="namespace"):
        p = read_qdpx(foreign(tmp_path, ns="urn:QDA-XML:project:0.9"))
    assert any("namespace" in n for n in p.import_notes)
    assert len(p.segments) == 2


def test_without_selection_text_the_majority_convention_is_assumed(tmp_path):
    p = read_qdpx(foreign(tmp_path, quoted=False))
    assert set(p.import_report["status"]) == {"assumed"}
    assert p.segments["text"].tolist() == ["They wrote 🙂 under my photo.", "My family saw it."]


def test_text_found_elsewhere_is_re_anchored_and_reported(tmp_path):
    p = read_qdpx(foreign(tmp_path, end_shift=5))  # end wrong under every convention
    rep = p.import_report
    assert set(rep["status"]) == {"re-anchored"}
    assert p.segments["text"].tolist()[1] == "My family saw it."


def test_taguette_codebook_sample():
    """Codebook exported by Taguette (BSD-3, see tests/data/qdpx/README.md)."""
    book = read_qdc(DATA / "taguette_codebook.qdc")
    assert book["name"].tolist() == ["interesting", "people", "interesting.places"]
    assert book["id"].iloc[0] == "0D62985D-B147-5D01-A9B5-CAE5DCD98342"
    assert book["parent"].isna().all()


def test_qdc_round_trip_keeps_structure(tmp_path):
    p = make_interviews(3)
    book = read_qdc(write_qdc(p, tmp_path / "c.qdc"))
    assert book["name"].tolist() == p.codebook["name"].tolist()
    assert book["definition"].tolist() == p.codebook["definition"].tolist()
    names = dict(zip(book["id"], book["name"]))
    assert [names.get(x) for x in book["parent"]] == [
        dict(zip(p.codebook["id"], p.codebook["name"])).get(x) for x in p.codebook["parent"]
    ]


def test_old_codebook_namespace(tmp_path):
    path = tmp_path / "old.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4"><Codes>'
        '<Code guid="{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}" name="code1" isCodable="true"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="namespace"):
        book = read_qdc(path)
    assert book["id"].tolist() == ["1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"]


# --------------------------------------------------------------- bad input
def _corrupt(tmp_path):
    path = tmp_path / "bad.qdpx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    return path


@pytest.mark.parametrize(
    "make, error, words",
    [
        (_corrupt, FileFormatError, "not a readable .qdpx"),
        (lambda t: foreign(t, drop_file=True), FileFormatError, "source 'Interview 1'"),
        (lambda t: foreign(t, end_shift=500, quoted=False), DataValidationError, "outside the source text"),
        (
            lambda t: foreign(t, code_ref="99999999-0000-0000-0000-000000000000"),
            DataValidationError,
            "99999999-0000-0000-0000-000000000000 is not a code",
        ),
        (lambda t: t / "missing.qdpx", FileFormatError, "not found"),
    ],
)
def test_bad_input_names_the_place(tmp_path, make, error, words):
    with pytest.raises(error, match=words) as info:
        read_qdpx(make(tmp_path))
    if error is DataValidationError:
        assert "PlainTextSelection" in str(info.value) and "Interview 1" not in words


def test_unplaceable_text_is_an_error_not_a_shift(tmp_path):
    path = foreign(tmp_path)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("project.qde").decode().replace('name="My family saw it."', 'name="Words nobody said."')
    with zipfile.ZipFile(tmp_path / "g.qdpx", "w") as zf:
        zf.writestr("project.qde", xml)
        zf.writestr(f"sources/{SRC}.txt", TEXT.encode())
    with pytest.raises(DataValidationError, match="not at positions"):
        read_qdpx(tmp_path / "g.qdpx")
    with pytest.warns(UserWarning, match="1 selection"):
        p = read_qdpx(tmp_path / "g.qdpx", errors="skip")
    assert len(p.segments) == 1
    assert (p.import_report["status"] == "error").sum() == 1


# --------------------------------------------------------------- resource limits
def test_zip_bomb_is_refused_before_inflating(tmp_path):
    path = foreign(tmp_path)
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("Sources/padding.txt", b"\0" * (8 << 20))  # 8 MiB -> about 8 KB
    assert bomb.stat().st_size < 100_000
    with pytest.raises(FileFormatError) as info:
        read_qdpx(bomb)
    msg = str(info.value)
    assert "bomb.qdpx" in msg and "Sources/padding.txt" in msg and "8,388,608" in msg
    assert "max_ratio=100" in msg
    # a genuine file with a high ratio can be read by raising the limit
    assert len(read_qdpx(bomb, max_ratio=10_000).segments) == 2


def test_member_and_total_size_limits(tmp_path):
    path = foreign(tmp_path)
    with pytest.raises(
        FileFormatError,
        match=r"member 'project.qde' would inflate to [\d,]+ "
        r"bytes .*max_member_size=1,000",
    ):
        read_qdpx(path, max_member_size=1000)
    with zipfile.ZipFile(path) as zf:
        total = sum(i.file_size for i in zf.infolist())
    with pytest.raises(FileFormatError, match=f"inflate to {total:,} bytes in all.*max_total_size={total - 1:,}"):
        read_qdpx(path, max_total_size=total - 1)
    assert len(read_qdpx(path, max_total_size=total).segments) == 2


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{k} "{("&lol" + str(k - 1) + ";") * 10 if k > 1 else "&lol;" * 10}">' for k in range(1, 10))
    + "]>\n"
)


@pytest.mark.parametrize("padding", ["", "<!--" + "x" * 70_000 + "-->\n"])
def test_entity_bomb_in_project_is_refused(tmp_path, padding):
    path = foreign(tmp_path)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("project.qde").decode().split("\n", 1)[1]
    xml = xml.replace('name="x">', 'name="&lol9;">', 1)
    bomb = tmp_path / "laughs.qdpx"
    with zipfile.ZipFile(bomb, "w") as zf:
        head = BILLION_LAUGHS.replace("\n<!DOCTYPE", "\n" + padding + "<!DOCTYPE")
        zf.writestr("project.qde", head + xml)
        zf.writestr(f"sources/{SRC}.txt", TEXT.encode())
    with pytest.raises(FileFormatError, match="laughs.qdpx:project.qde contains a document type"):
        read_qdpx(bomb)


def test_entity_bomb_in_codebook_is_refused(tmp_path):
    path = tmp_path / "laughs.qdc"
    path.write_text(
        BILLION_LAUGHS + '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="&lol9;" '
        'isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    with pytest.raises(FileFormatError, match="laughs.qdc contains a document type"):
        read_qdc(path)
    with pytest.raises(FileFormatError, match="more than the limit of 100 bytes"):
        read_qdc(DATA / "atlasti_23_codebook.qdc", max_size=100)
