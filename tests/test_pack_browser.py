"""The evidence pack's index.html renders in headless Chromium with its figures and
without console errors (Debian's chromium, installed by `make test` via tools/ensure-chromium)."""

import shutil

import pytest

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
