"""Execute the project's notebooks with parameters injected, and save them as HTML.

The notebooks in ``notebooks/`` are thin: a cell tagged ``parameters`` (as papermill
uses) holds their defaults; :func:`run_notebook` inserts a cell tagged
``injected-parameters`` after it with the values given, executes the notebook with
nbclient in the current Python environment and returns it.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from toolkit.paths import NOTEBOOKS_DIR

__all__ = ["NOTEBOOKS_DIR", "list_notebooks", "run_notebook", "notebook_html", "execute_notebooks"]


def list_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN-name.ipynb``), in order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb"))


def _inject(nb, parameters: dict):
    # lazy: the notebook stack loads only when notebooks are run
    import nbformat

    source = "# Parameters injected by toolkit\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source=source, metadata={"tags": ["injected-parameters"]})
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            return nb
    nb.cells.insert(0, cell)
    return nb


def run_notebook(path, parameters: dict | None = None, *, timeout: int = 600, cwd=None):
    """Execute a notebook with ``parameters`` injected; return the executed notebook.

    Raises ``nbclient.exceptions.CellExecutionError`` (with the failing cell's
    traceback) when a cell fails.
    """
    # lazy: the notebook stack loads only when notebooks are run
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    nb = _inject(nb, parameters or {})

    # lazy: the notebook stack loads only when notebooks are run
    from jupyter_client.manager import KernelManager

    with tempfile.TemporaryDirectory(prefix="toolkit-kernel-") as runtime:
        # IPC (Unix sockets in a private folder) rather than TCP: no network sockets at all
        km = KernelManager(
            kernel_name="python3",
            transport="ipc",
            ip=str(Path(runtime) / "kernel"),
            connection_file=str(Path(runtime) / "kernel.json"),
        )
        client = NotebookClient(
            nb,
            km=km,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(cwd or Path(path).parent)}},
        )
        client.execute(cleanup_kc=True)  # shut the kernel down: we made its manager
    return nb


def notebook_html(nb) -> str:
    """An executed notebook as self-contained HTML (no scripts loaded from the network)."""
    # lazy: the notebook stack loads only when notebooks are run
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    # nbconvert's template loads MathJax, require.js and mermaid from public CDNs. The pack
    # must open offline and load nothing: outputs are static (PNG figures, HTML tables), so
    # every script is removed, as are stylesheet links to the network.
    body = re.sub(r"<script\b[^>]*>.*?</script>", "", body, flags=re.S | re.I)
    body = re.sub(r'<link[^>]+href="https?://[^"]*"[^>]*>', "", body, flags=re.I)
    return body


#: notebook number -> study.yml entries it can use (it is skipped when the study has none of them)
NEEDS = {
    "01": (("survey", "data"),),
    "02": (("qual", "interviews"),),
    "03": (("qual", "documents"),),
    "04": (("evaluate", "panel"), ("survey", "data")),
    "05": (("evaluate", "incidents"),),
}


def execute_notebooks(ctx, notebooks: list[Path] | None = None, *, n_jobs: int | None = None) -> list[Path]:
    """Run every analysis notebook on the pack's study and save it as HTML under
    ``private/notebooks/`` beside the pack (never inside it: notebooks display row-level
    data and results that did not pass the publication gate). The evidence-pack notebook
    itself is not re-run.

    Notebooks run ``n_jobs`` at a time (default: one per core), each in a worker process with its own kernel
    process; what is written and logged is the same, in the same order, as a serial run.
    """
    # lazy: tqdm.auto probes for Jupyter; only the notebook runner needs it
    from tqdm.auto import tqdm

    config = ctx.config.source if ctx.config is not None else None
    out = ctx.private_dir / "notebooks"
    out.mkdir(parents=True, exist_ok=True)
    parameters = {"study": str(Path(config).resolve()) if config else None, "output": str(ctx.outdir.resolve())}
    todo, notes = [], {}
    every = list(notebooks or list_notebooks())
    if not [p for p in every if "evidence-pack" not in p.name]:
        ctx.note(
            f"notebooks not run: none found in {NOTEBOOKS_DIR} (they come with the toolkit's "
            "repository, not with an installed wheel)"
        )
    for path in every:
        if "evidence-pack" in path.name:
            continue
        needs = NEEDS.get(path.name[:2], ())
        if ctx.config is not None and needs and not any(ctx.config.get(s, k) is not None for s, k in needs):
            notes[path] = f"notebook {path.name} not run: the study has no {' or '.join(f'{s}.{k}' for s, k in needs)}"
            continue
        todo.append(path)

    results = {}
    workers = max(1, min(len(todo), n_jobs or os.cpu_count() or 1))
    # a process per worker (not threads: ZeroMQ, which kernels talk through, is not safe to
    # drive from several threads of one process); spawned, so nothing of this process is shared
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    with pool, tqdm(total=len(todo), desc="notebooks", unit="nb") as bar:
        futures = {pool.submit(_run_one, p, parameters, out): p for p in todo}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            bar.update()
    written = []
    for path in every:  # notes in notebook order, as a serial run gives them
        if path in notes:
            ctx.note(notes[path])
        elif path in results:
            target, message = results[path]
            ctx.note(message)
            if target is not None:
                written.append(target)
    return written


def _run_one(path: Path, parameters: dict, out: Path):
    """Execute one notebook and save its HTML (in a worker process); ``(file, log line)``."""
    try:
        nb = run_notebook(path, parameters)
    except Exception as exc:  # a notebook that cannot run for this study: the pack is built without it
        last = [line for line in str(getattr(exc, "evalue", "") or exc).splitlines() if line.strip()]
        return None, (
            f"notebook {path.name} could not run for this study, the pack is built without it: "
            f"{getattr(exc, 'ename', type(exc).__name__)}: {last[-1] if last else ''}"[:400]
        )
    target = out / (path.stem + ".html")
    target.write_text(notebook_html(nb), encoding="utf-8")
    return target, f"notebook {path.name} executed; saved as private/notebooks/{target.name} (not published)"
