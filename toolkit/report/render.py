"""Render the evidence pack: self-contained ``index.html``, ``briefing.docx``,
``tables/tables.xlsx`` and ``manifest.json``.

The HTML embeds its figures (base64 PNG) and styles, loads nothing from the network and
runs no script, so it opens offline on an air-gapped laptop.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import pandas as pd

from toolkit.report.format import format_table
from toolkit.report.manifest import write_manifest
from toolkit.report.recommendations import PILLAR_TITLES, PILLARS, RECOMMENDATIONS

__all__ = ["render_pack", "render_html", "render_docx"]

MAX_ROWS_SHOWN = 40

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#0b3d5c;color:#fff;padding:1.5rem 2rem}
header h1{margin:0 0 .3rem 0;font-size:1.6rem}
header p{margin:0;opacity:.9}
nav{background:#e8eef2;padding:.6rem 2rem}
nav a{margin-right:1.2rem;color:#0b3d5c;font-weight:600;text-decoration:none}
main{max-width:1100px;margin:0 auto;padding:1rem 2rem 3rem}
section{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:1rem 1.5rem;margin:1.2rem 0}
h2{color:#0b3d5c;border-bottom:2px solid #0b3d5c;padding-bottom:.3rem}
.finding{border-left:4px solid #e69f00;padding:.3rem .8rem;margin:.6rem 0;background:#fffaf0}
.rec{font-size:.85rem;color:#555}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9rem;color:#444}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0;display:block;overflow-x:auto}
th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:right}
th{background:#eef2f5}
td:first-child,th:first-child{text-align:left}
.note{font-size:.85rem;color:#555}
.banner{background:#fff3cd;border:1px solid #e6d28a;padding:.6rem 1rem;border-radius:4px}
"""


def _esc(x) -> str:
    return html.escape(str(x), quote=True)


def _table_html(data: pd.DataFrame) -> str:
    shown = format_table(data.head(MAX_ROWS_SHOWN))
    head = "".join(f"<th>{_esc(c)}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>" for row in shown.itertuples(index=False)
    )
    more = (
        f'<p class="note">Showing {MAX_ROWS_SHOWN} of {len(data)} rows; the full table is in the CSV / XLSX.</p>'
        if len(data) > MAX_ROWS_SHOWN
        else ""
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _figure_html(fig) -> str:
    png = next(p for p in fig.paths if p.suffix == ".png")
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    cap = f"<figcaption><strong>{_esc(fig.title)}</strong>"
    if fig.caption:
        cap += f" {_esc(fig.caption)}"
    cap += "</figcaption>"
    return f'<figure><img alt="{_esc(fig.title)}" src="data:image/png;base64,{data}">{cap}</figure>'


def _items_for(ctx, pillar):
    findings = [f for f in ctx.findings if f["pillar"] == pillar]
    figures = [f for f in ctx.figures.values() if f.pillar == pillar]
    tables = [t for t in ctx.tables.values() if t.pillar == pillar]
    return findings, figures, tables


def render_html(ctx) -> Path:
    name = ctx.config.name if ctx.config is not None else "Evidence pack"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # forbid every network load: the page must work offline and leak nothing
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "img-src data:; style-src 'unsafe-inline'\">",
        f"<title>{_esc(name)}: evidence pack</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_esc(name)}</h1><p>Evidence on online harms to police officers, staff and their "
        "families, organised by the four national pillars</p></header>",
        "<nav>" + "".join(f'<a href="#{p}">{p.title()}</a>' for p in PILLARS)
        + '<a href="#methods">Methods</a><a href="#limitations">Limitations</a>'
        '<a href="#other">Other tables</a></nav><main>',
    ]
    if ctx.demo:
        parts.append(
            '<p class="banner">Built from the <strong>synthetic demo study</strong>: the numbers show what the '
            "toolkit produces and are not evidence about any real force.</p>"
        )
    parts.append('<section id="summary"><h2>Headline findings</h2>')
    if ctx.findings:
        parts.append("<ul>")
        for f in ctx.findings:
            parts.append(f"<li><strong>{_esc(f['pillar'].title())}:</strong> {_esc(f['text'])}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>No findings were computed.</p>")
    parts.append("</section>")
    for pillar in PILLARS:
        findings, figures, tables = _items_for(ctx, pillar)
        parts.append(f'<section id="{pillar}"><h2>{_esc(pillar.title())}: {_esc(PILLAR_TITLES[pillar])}</h2>')
        if not (findings or figures or tables):
            parts.append("<p>No analyses for this pillar in this study.</p>")
        for f in findings:
            recs = "; ".join(f"{r} {RECOMMENDATIONS[r]}" for r in f["recommendations"])
            rec_html = f'<div class="rec">Informs recommendation {_esc(recs)}</div>' if recs else ""
            parts.append(f'<div class="finding">{_esc(f["text"])}{rec_html}</div>')
        for fig in figures:
            parts.append(_figure_html(fig))
        for t in tables:
            parts.append(f"<h3>{_esc(t.title)}</h3>")
            if t.caption:
                parts.append(f'<p class="note">{_esc(t.caption)}</p>')
            parts.append(_table_html(t.data))
        parts.append("</section>")
    other_figs = [f for f in ctx.figures.values() if f.pillar is None]
    other_tabs = [t for t in ctx.tables.values() if t.pillar is None]
    parts.append('<section id="other"><h2>Other figures and tables</h2>')
    for fig in other_figs:
        parts.append(_figure_html(fig))
    for t in other_tabs:
        parts.append(f"<h3>{_esc(t.title)}</h3>")
        if t.caption:
            parts.append(f'<p class="note">{_esc(t.caption)}</p>')
        parts.append(_table_html(t.data))
    if not (other_figs or other_tabs):
        parts.append("<p>None.</p>")
    parts.append("</section>")
    parts.append('<section id="methods"><h2>Methods</h2>')
    for section, text in ctx.methods:
        parts.append(f"<p><strong>{_esc(section)}.</strong> {_esc(text)}</p>")
    parts.append(
        f"<p><strong>Disclosure control.</strong> Counts below {ctx.threshold} are suppressed in every "
        "published table, with secondary suppression so they cannot be recovered from totals; "
        f"{ctx.n_suppressed} "
        "cell(s) were suppressed (listed in manifest.json).</p>"
    )
    parts.append("</section>")
    parts.append('<section id="limitations"><h2>Limitations</h2><ul>')
    for text in ctx.limitations or ["None recorded."]:
        parts.append(f"<li>{_esc(text)}</li>")
    parts.append("</ul></section>")
    parts.append(
        '<p class="note">Tables: <code>tables/</code> (CSV and tables.xlsx). Figures: <code>figures/</code> '
        "(PNG and SVG). Provenance: <code>manifest.json</code>.</p></main></body></html>"
    )
    path = ctx.pack_dir / "index.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def render_docx(ctx, model=None) -> Path:
    """Write ``briefing.docx`` (see :mod:`toolkit.report.docx_briefing`)."""
    from toolkit.report.briefing import briefing_model
    from toolkit.report.docx_briefing import write_docx

    return write_docx(model or briefing_model(ctx), ctx.pack_dir / "briefing.docx")


def render_workbook(ctx) -> Path:
    """Write ``tables/tables.xlsx``: every analysis table, withheld cells as ``[c]``, a legend sheet."""
    from toolkit.report.presentation import suppressed_mask
    from toolkit.report.workbook import write_tables_workbook

    tables = {name: t.data for name, t in ctx.tables.items()}
    masks = {name: suppressed_mask(t.data, ctx.disclosure, name=name) for name, t in ctx.tables.items()}
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
    out["html"] = render_html(ctx)
    out["docx"] = render_docx(ctx)
    out["manifest"] = write_manifest(ctx)
    return out
