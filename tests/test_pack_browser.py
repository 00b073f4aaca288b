"""The evidence pack's index.html renders in headless Chromium with its figures and
without console errors (Debian's chromium, installed by `make test` via tools/ensure-test-tools)."""

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # Chromium and the evidence pack

CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)")
def test_index_renders_with_figures_and_no_console_errors(demo_pack):
    from playwright.sync_api import sync_playwright

    index = demo_pack.pack_dir / "index.html"
    shot = demo_pack.pack_dir / "screenshot.png"
    errors, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(index.as_uri(), wait_until="load")
        images = page.eval_on_selector_all("img", "els => els.map(e => [e.complete, e.naturalWidth])")
        headings = page.eval_on_selector_all("h2", "els => els.map(e => e.textContent)")
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert errors == []
    # nothing but the page itself and its embedded data: URIs was requested
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert len(images) == len(demo_pack.figures) > 0
    assert all(complete and width > 0 for complete, width in images)
    for pillar in ("Recognition", "Training", "Reporting", "Support"):
        assert any(h.startswith(pillar) for h in headings)
    assert shot.stat().st_size > 10_000


AXE = Path(__file__).parent / ".cache" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)")
@pytest.mark.skipif(
    not AXE.exists(), reason="axe-core is not installed in tests/.cache (make test runs tools/ensure-axe)"
)
def test_index_has_no_serious_accessibility_violation(demo_pack):
    """axe-core (WCAG 2.0-2.2 A and AA rules) finds no serious or critical violation in
    index.html, on screen and with the print stylesheet."""
    from playwright.sync_api import sync_playwright

    index = demo_pack.pack_dir / "index.html"
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        # the page forbids scripts (Content-Security-Policy); the test's own script needs the bypass
        context = browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.goto(index.as_uri(), wait_until="load")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            results[media] = page.evaluate(
                """async () => {
                    const r = await axe.run(document, {runOnly: {type: 'tag', values:
                        ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']});
                    return {violations: r.violations.map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})), passes: r.passes.length};
                }"""
            )
        browser.close()
    for media, result in results.items():
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], f"{media}: {bad}"
        assert result["passes"] > 10  # axe really ran its rules


def test_index_structure_matches_the_briefing(demo_pack):
    """The page is built from the same model as briefing.docx: every figure has alt text,
    the summary comes first, each pillar has its joint display, the annex holds every table."""
    import re

    html = (demo_pack.pack_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert "<script" not in html
    imgs = re.findall(r"<img [^>]*>", html)
    assert len(imgs) == len(demo_pack.figures)
    assert all(re.search(r'alt="[^"]{10,}"', tag) for tag in imgs)
    order = [
        html.index(f'id="{s}"')
        for s in ("summary", "recognition", "training", "reporting", "support", "methods", "limitations", "annex")
    ]
    assert order == sorted(order)
    assert html.count('class="joint"') == 4
    annex = html[html.index('id="annex"') :]
    assert annex.count("<caption") == len(demo_pack.tables)
    assert "C(role)" not in html and "[T." not in html
    assert "[c]" in html and "confidential: withheld by disclosure control" in html
