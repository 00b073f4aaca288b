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


def _tiny_notebooks(folder):
    import nbformat

    paths = []
    for i, source in enumerate(
        ["print('first')", "import time; time.sleep(1); print('second')", "raise ValueError('no data for this one')"]
    ):
        nb = nbformat.v4.new_notebook()
        nb.cells = [
            nbformat.v4.new_code_cell("x = 0", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(source),
        ]
        path = folder / f"0{i + 1}-tiny-{i}.ipynb"
        nbformat.write(nb, str(path))
        paths.append(path)
    return paths


def test_notebooks_on_both_cores_give_the_serial_result(tmp_path):
    """Notebooks run concurrently (one kernel each); the files written and the log are those of
    a serial run, in notebook order, and one that fails is left out with one line."""
    from types import SimpleNamespace

    from toolkit.report.notebooks import execute_notebooks

    paths = _tiny_notebooks(tmp_path)
    runs = {}
    for n_jobs in (1, 2):
        log = []
        ctx = SimpleNamespace(config=None, outdir=tmp_path, private_dir=tmp_path / f"private{n_jobs}", note=log.append)
        written = execute_notebooks(ctx, paths, n_jobs=n_jobs)
        runs[n_jobs] = ([p.name for p in written], log)
        assert "second" in (ctx.private_dir / "notebooks" / "02-tiny-1.html").read_text()
    assert runs[1] == runs[2]
    names, log = runs[2]
    assert names == ["01-tiny-0.html", "02-tiny-1.html"]
    assert "could not run" in log[2] and "ValueError: no data for this one" in log[2]
