"""Published CSV and XLSX cannot start spreadsheet formulas; numbers stay numbers."""

import openpyxl
import pandas as pd

from toolkit.io.export import neutralise_formulas, write_csv, write_workbook

DANGEROUS = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "safe"]


def test_csv_neutralised(tmp_path):
    t = pd.DataFrame({"text": DANGEROUS, "value": [-1.5, 2, 3, 4, 5, 6]})
    path = write_csv(t, tmp_path / "t.csv")
    back = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    for cell in back["text"]:
        assert not cell.startswith(("=", "+", "-", "@", "\t")) or cell == "safe"
    assert back["text"].tolist()[-1] == "safe"
    assert back["text"].tolist()[0] == "'" + DANGEROUS[0]
    assert back["value"].tolist() == [-1.5, 2, 3, 4, 5, 6]


def test_xlsx_neutralised_and_numeric(tmp_path):
    t = pd.DataFrame({"=bad header": DANGEROUS, "value": [-1.5, 2, 3, 4, 5, 6]})
    path = write_workbook({"a" * 40: t, "a" * 40 + "2": t}, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert len(wb.sheetnames) == 2 and all(len(n) <= 31 for n in wb.sheetnames)
    ws = wb[wb.sheetnames[0]]
    assert ws["A1"].value == "'=bad header"
    for row in ws.iter_rows(min_row=2, values_only=True):
        text, value = row
        assert isinstance(value, (int, float))
        assert not str(text).startswith(("=", "+", "-", "@"))
    # openpyxl marks formulas with data_type 'f': none may be present
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


def test_neutralise_keeps_categoricals_and_missing():
    t = pd.DataFrame({"c": pd.Categorical(["=x", "y", None])})
    out = neutralise_formulas(t)
    assert out["c"].tolist()[:2] == ["'=x", "y"]
    assert pd.isna(out["c"].tolist()[2])
