"""Render the evidence pack: self-contained ``index.html``, ``briefing.docx``,
``tables/tables.xlsx`` and ``manifest.json``.

The HTML embeds its figures (base64 PNG) and styles, loads nothing from the network and
runs no script, so it opens offline on an air-gapped laptop.
"""

from __future__ import annotations

import base64
from pathlib import Path

from toolkit.report.briefing import briefing_model
from toolkit.report.docx_briefing import write_docx
from toolkit.report.manifest import write_manifest
from toolkit.report.presentation import LEGEND, published_mask
from toolkit.report.recommendations import PILLAR_TITLES
from toolkit.report.workbook import write_tables_workbook

__all__ = ["render_docx", "render_html", "render_pack", "render_workbook"]

TEMPLATES = Path(__file__).parent / "templates"


def _environment():
    # lazy: jinja2 loads only when the HTML pages are rendered
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _data_uri(path: Path) -> str:
    mime = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
    kind = mime.get(Path(path).suffix.lower(), "application/octet-stream")
    return f"data:{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def render_html(ctx, model=None) -> Path:
    """Write ``index.html`` from the Jinja2 templates in ``toolkit/report/templates``
    (autoescaped): the same structure as the Word briefing, figures embedded."""
    model = model or briefing_model(ctx)
    env = _environment()
    figures = [f for ps in model.pillars for f in ps.figures] + list(model.annex_figures)
    images = {f.name: _data_uri(f.png) for f in figures}
    macros = env.get_template("macros.html.j2")
    page = env.get_template("pack.html.j2")
    module = macros.make_module({"images": images})
    html_text = page.render(
        model=model,
        css=(TEMPLATES / "pack.css").read_text(encoding="utf-8"),
        logo=_data_uri(model.theme.logo) if model.theme.logo is not None else None,
        legend=LEGEND,
        pillar_titles=PILLAR_TITLES,
        table=module.table,
        figure=module.figure,
    )
    path = ctx.pack_dir / "index.html"
    path.write_text(html_text, encoding="utf-8")
    return path


def render_docx(ctx, model=None) -> Path:
    """Write ``briefing.docx`` (see :mod:`toolkit.report.docx_briefing`)."""
    return write_docx(model or briefing_model(ctx), ctx.pack_dir / "briefing.docx")


def render_workbook(ctx) -> Path:
    """Write ``tables/tables.xlsx``: every analysis table, withheld cells as ``[c]``, a legend sheet."""
    tables = {name: t.data for name, t in ctx.tables.items()}
    masks = {name: published_mask(ctx, name) for name in ctx.tables}
    return write_tables_workbook(
        tables,
        ctx.pack_dir / "tables" / "tables.xlsx",
        masks=masks,
        notes={name: t.caption for name, t in ctx.tables.items()},
        titles={name: t.title for name, t in ctx.tables.items()},
        threshold=ctx.threshold,
    )


def render_pack(ctx) -> dict[str, Path]:
    """Write index.html, briefing.docx, tables/tables.xlsx and manifest.json."""
    out = {}
    if ctx.tables:
        out["xlsx"] = render_workbook(ctx)

    model = briefing_model(ctx)
    out["html"] = render_html(ctx, model)
    out["docx"] = render_docx(ctx, model)
    out["manifest"] = write_manifest(ctx)
    return out
