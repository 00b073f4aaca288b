"""Notebooks are committed without outputs, paired with their text form, and run on the demo study."""

import json

import jupytext
import pytest

from toolkit.report.notebooks import list_notebooks

NOTEBOOKS = list_notebooks()
EXPECTED = [
    "00-start-here",
    "01-survey-prevalence",
    "02-manager-interviews",
    "03-policy-documents",
    "04-training-evaluation",
    "05-reporting-trends",
    "06-evidence-pack",
]


def test_notebooks_present():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} has outputs: strip them before committing"
            assert cell.get("execution_count") is None
        assert set(cell.get("metadata", {})) <= {"tags"}, f"{path.name}: editor metadata left in a cell"
    assert set(nb["metadata"]) <= {"kernelspec", "jupytext", "language_info"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_paired_text_form_in_step(path):
    text = path.with_suffix(".py")
    assert text.exists(), f"{path.name} has no paired {text.name} (run jupytext --sync)"
    a = jupytext.read(path)
    b = jupytext.read(text)
    assert [(c.cell_type, c.source) for c in a.cells] == [(c.cell_type, c.source) for c in b.cells], (
        f"{path.name} and {text.name} differ: run `jupytext --sync {path}`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_has_parameters_cell_and_no_analysis_logic(path):
    nb = jupytext.read(path)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "study = None" in tagged[0].source
    for cell in nb.cells:
        if cell.cell_type == "code":
            # thin notebooks: no function or class definitions (that logic belongs in toolkit)
            assert "\ndef " not in "\n" + cell.source and "\nclass " not in "\n" + cell.source


def test_executed_notebooks_saved_as_html(demo_pack):
    """Executed notebooks display row-level data: they are kept in private/, not the pack."""
    assert not (demo_pack.pack_dir / "notebooks").exists()
    html = sorted((demo_pack.private_dir / "notebooks").glob("*.html"))
    assert [p.stem for p in html] == [p.stem for p in NOTEBOOKS if "evidence-pack" not in p.stem]
    for p in html:
        text = p.read_text(encoding="utf-8")
        assert "Traceback" not in text  # a failing cell would also have stopped the build
        assert "<script" not in text.lower() and "https://cdn" not in text  # static and offline
