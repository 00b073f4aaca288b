"""The content of the briefing, once, for both the Word document and the HTML page.

:func:`briefing_model` reads the evidence context (published tables, figures, findings,
methods, limitations) and lays it out: title block, executive summary, one section per
pillar (its joint display, figures and the presentation tables short enough for the
body), methods and limitations, and an annex with every table in full. Both renderers
(:mod:`toolkit.report.docx_briefing` and the Jinja2 templates) walk the same model, so
the two outputs have the same structure and numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.report.presentation import PresentationTable, present_published
from toolkit.report.recommendations import PILLAR_TITLES, PILLARS
from toolkit.report.summary import STRAND_TITLES, executive_summary, joint_display

__all__ = [
    "BODY_MAX_COLUMNS",
    "BODY_MAX_ROWS",
    "Briefing",
    "Figure",
    "PillarSection",
    "Theme",
    "briefing_model",
    "contrast_with_white",
    "theme_of",
]

#: a table goes in the body when it has at most this many columns and rows; every table is in the annex
BODY_MAX_COLUMNS = 7
BODY_MAX_ROWS = 12

DEFAULT_COLOUR = "#0B3D5C"
_HEX = re.compile(r"^#?[0-9A-Fa-f]{6}$")


@dataclass
class Theme:
    """How a force restyles the pack (``report:`` in ``study.yml``).

    ``reference_docx`` is the Word document whose styles the briefing uses (None: the
    toolkit's ``templates/reference.docx``); ``colour_given`` is True when the force set
    ``report.colour``, which then recolours the reference's headings and table header.
    """

    organisation: str = ""
    colour: str = DEFAULT_COLOUR
    logo: Path | None = None
    reference_docx: Path | None = None
    colour_given: bool = False

    @property
    def colour_hex(self) -> str:
        return self.colour.lstrip("#").upper()


@dataclass
class Figure:
    name: str
    number: int
    title: str
    caption: str | None
    alt: str
    png: Path


@dataclass
class PillarSection:
    pillar: str
    heading: str
    summary: list
    joint: PresentationTable
    figures: list[Figure] = field(default_factory=list)
    tables: list[PresentationTable] = field(default_factory=list)


@dataclass
class Briefing:
    title: str
    subtitle: str
    theme: Theme
    demo: bool
    summary: dict
    pillars: list[PillarSection]
    methods: list[tuple[str, str]]
    limitations: list[str]
    disclosure: str
    annex_figures: list[Figure]
    annex: list[PresentationTable]


def _luminance(hex6: str) -> float:
    def channel(byte: int) -> float:
        c = byte / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex6[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of ``colour`` (``#RRGGBB``) against white.

    >>> round(contrast_with_white("#0B3D5C"), 1)
    11.5
    """
    return 1.05 / (_luminance(colour.lstrip("#")) + 0.05)


def _darken_to_contrast(colour: str, ratio: float = 4.5) -> str:
    hex6 = colour.lstrip("#")
    rgb = [int(hex6[i : i + 2], 16) for i in (0, 2, 4)]
    while contrast_with_white("".join(f"{c:02X}" for c in rgb)) < ratio:
        rgb = [int(c * 0.9) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in rgb)


def theme_of(config, *, note=None) -> Theme:
    """The theme from the configuration's ``report`` section (organisation, colour, logo,
    reference_docx).

    The colour carries white text (header, table headers), so a colour with less than
    the WCAG AA contrast of 4.5:1 against white is darkened until it has it; an unreadable
    colour value falls back to the default. Both are said through ``note``.
    """
    theme = Theme()
    if config is None:
        return theme
    note = note or (lambda message: None)
    raw = getattr(config, "raw", {}) or {}
    report = raw.get("report") or {}
    if report.get("organisation"):
        theme.organisation = str(report["organisation"])
    colour = report.get("colour")
    if colour is not None:
        if isinstance(colour, str) and _HEX.match(colour.strip()):
            theme.colour = "#" + colour.strip().lstrip("#").upper()
            theme.colour_given = True
            if contrast_with_white(theme.colour) < 4.5:
                darker = _darken_to_contrast(theme.colour)
                note(
                    f"report: colour {theme.colour} has a contrast of {contrast_with_white(theme.colour):.1f}:1 "
                    f"with white text (WCAG AA needs 4.5:1); {darker} is used instead"
                )
                theme.colour = darker
        else:
            note(
                f"report: colour {colour!r} is not a colour written #RRGGBB (e.g. '#0B3D5C'); "
                f"the default {DEFAULT_COLOUR} is used"
            )
    if report.get("logo"):
        try:
            logo = config.path("report", "logo")
        except (KeyError, AttributeError, TypeError, ValueError):  # the configuration does not know the key
            logo = Path(getattr(config, "base", ".")) / str(report["logo"])
        if logo is not None and Path(logo).exists():
            theme.logo = Path(logo)
    if report.get("reference_docx"):
        # not checked here: a missing file or style is refused with the key's name by
        # load_study and again when the briefing is written (docx_briefing.reference_problems)
        try:
            theme.reference_docx = Path(config.path("report", "reference_docx"))
        except (KeyError, AttributeError, TypeError, ValueError):  # a configuration without paths
            theme.reference_docx = Path(getattr(config, "base", ".")) / str(report["reference_docx"])
    return theme


WITHHELD_LINE = "Withheld by disclosure control ([c])."


def _screened(ctx, text, where):
    """``text`` if it passes the publication gate's safety net for sentences, else None."""
    screen = getattr(ctx, "screen_text", None)
    if screen is None or text is None or screen(text, where=where):
        return text
    return None


def _joint_table(ctx, pillar: str, number: int) -> PresentationTable:
    jd = joint_display(ctx, pillar)
    rows, flags = [], []
    for r in jd.itertuples(index=False):
        source = _screened(ctx, r.source, f"joint display ({pillar}, {r.strand}): the source line") or ""
        first = r.strand + (f"\n{source}" if source else "")
        lines = [
            _screened(ctx, line, f"joint display ({pillar}, {r.strand}): an evidence line") or WITHHELD_LINE
            for line in str(r.evidence).split("\n")
        ]
        rows.append([first, "\n".join(dict.fromkeys(lines)), r.informs])
        flags.append([False, False, False])
    return PresentationTable(
        name=f"joint_{pillar}",
        title=f"Joint display, {pillar}: what each strand of evidence shows",
        columns=["Evidence", "What it shows", "Informs recommendation"],
        rows=rows,
        suppressed=flags,
        numeric=[False, False, False],
        note="Survey percentages with 95% intervals; interview themes as the share of managers raising them. "
        "Every value is taken from the published tables.",
        pillar=pillar,
        extra={"number": number, "label": str(number), "joint": True, "widths": (0.22, 0.48, 0.30)},
    )


def _figure(fig, number: int, ctx=None) -> Figure:
    png = next(p for p in fig.paths if Path(p).suffix == ".png")
    title = _screened(ctx, fig.title, f"figure {fig.name}: its title") or f"Figure {number}"
    caption = _screened(ctx, fig.caption, f"figure {fig.name}: its caption")
    alt = getattr(fig, "alt", None)
    alt = (_screened(ctx, alt, f"figure {fig.name}: its text alternative") if alt else None) or (
        title + (f". {caption}" if caption else "")
    )
    return Figure(fig.name, number, title, caption, alt, Path(png))


def _screen_table(ctx, p: PresentationTable) -> PresentationTable:
    p.title = _screened(ctx, p.title, f"table {p.name}: its title") or p.name
    if p.note:
        p.note = _screened(ctx, p.note, f"table {p.name}: its note")
    return p


def _screen_summary(ctx, summary: dict) -> dict:
    """Executive summary sentences through the safety net: a sentence stating a count it
    may not is left out, a source line that does is shortened to the strand's title."""
    out = {}
    for pillar, items in summary.items():
        kept = []
        for item in items:
            if _screened(ctx, item.text, f"executive summary ({pillar}): a sentence") is None:
                continue
            if _screened(ctx, item.source, f"executive summary ({pillar}): a source line") is None:
                item.source = STRAND_TITLES.get(item.strand, item.strand)
            kept.append(item)
        out[pillar] = kept
    return out


def _annex(ctx, presented: dict, in_body: set) -> list[PresentationTable]:
    """Every published table in full, grouped by pillar in the body's order (tables of no
    pillar last), numbered A1, A2, ... in the order they appear."""
    order = {p: i for i, p in enumerate(PILLARS)}
    names = sorted(ctx.tables, key=lambda n: order.get(ctx.tables[n].pillar, len(order)))  # stable
    annex = []
    for number, name in enumerate(names, start=1):
        full = presented[name] if name not in in_body else _screen_table(ctx, present_published(ctx, ctx.tables[name]))
        full.extra.update(number=number, label=f"A{number}", annex=True, repeat=name in in_body)
        annex.append(full)
    return annex


def briefing_model(ctx) -> Briefing:
    """Lay out the briefing from an evidence context (after every section ran)."""
    theme = theme_of(ctx.config, note=ctx.note)
    title = ctx.config.name if ctx.config is not None else "Evidence pack"
    subtitle = (
        "Evidence on online harms to police officers, staff and their families, organised by the four national pillars"
    )
    summary = _screen_summary(ctx, executive_summary(ctx))
    presented = {name: _screen_table(ctx, present_published(ctx, t)) for name, t in ctx.tables.items()}
    table_no, figure_no = 0, 0
    in_body: set[str] = set()
    pillars = []
    for pillar in PILLARS:
        table_no += 1
        joint = _joint_table(ctx, pillar, table_no)
        section = PillarSection(pillar, f"{pillar.title()}: {PILLAR_TITLES[pillar]}", summary[pillar], joint)
        for fig in ctx.figures.values():
            if fig.pillar == pillar:
                figure_no += 1
                section.figures.append(_figure(fig, figure_no, ctx))
        for name, t in ctx.tables.items():
            p = presented[name]
            if t.pillar != pillar or not p.rows:
                continue
            if len(p.columns) <= BODY_MAX_COLUMNS and len(p.rows) <= BODY_MAX_ROWS:
                table_no += 1
                p.extra.update(number=table_no, label=str(table_no))
                section.tables.append(p)
                in_body.add(name)
        pillars.append(section)
    annex_figures = []
    for fig in ctx.figures.values():
        if fig.pillar is None:
            figure_no += 1
            annex_figures.append(_figure(fig, figure_no, ctx))
    annex = _annex(ctx, presented, in_body)
    body_tables = {t.name: t for ps in pillars for t in ps.tables}
    for full in annex:
        if full.name in body_tables:  # cross-references both ways: body table <-> its annex table
            body = body_tables[full.name]
            body.extra["full_label"] = full.extra["label"]
            full.extra["body_label"] = body.extra["label"]
    disclosure = (
        f"Counts below {ctx.threshold} people are withheld in every published table, with secondary "
        "suppression so that they cannot be recovered from totals or other tables; withheld cells show "
        f"[c]. {ctx.n_suppressed} cell(s) were withheld across the pack (listed in manifest.json)."
    )
    methods = [
        (section, text)
        for section, text in ctx.methods
        if _screened(ctx, text, f"methods ({section}): a paragraph") is not None
    ]
    limitations = [text for text in ctx.limitations if _screened(ctx, text, "limitations: a paragraph") is not None]
    return Briefing(
        title=title,
        subtitle=subtitle,
        theme=theme,
        demo=bool(ctx.demo),
        summary=summary,
        pillars=pillars,
        methods=methods,
        limitations=limitations,
        disclosure=disclosure,
        annex_figures=annex_figures,
        annex=annex,
    )
