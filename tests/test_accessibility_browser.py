"""The HTML pages in a real browser: axe-core finds no WCAG 2.2 AA or best-practice
violations, nothing scrolls sideways at 320 px or at 400% zoom, focus is visible,
and the read-aloud buttons speak the row they belong to.

Debian's Chromium is driven by the playwright package; axe-core comes from npm
(pinned in package.json). These tests never skip: without Chromium or axe-core
they fail and say how to install them (``scripts/setup test``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from writers_support import EXAMPLES, ROOT, TEMPLATES, options, processed, rich_document

import easyread
from easyread.model import Document
from easyread.options import Options

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SPEECH_SPY = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (u) {
    window.__spoken.push(u.text);
    setTimeout(function () { if (u.onend) { u.onend(); } }, 0);
  };
}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for the whole module."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: run scripts/setup test (apt-get install chromium)")
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm install` at the repository root (scripts/setup test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, nlp) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """Every example in every template, plus the rich document, as HTML files."""
    folder = tmp_path_factory.mktemp("html")
    pages: dict[str, Path] = {}
    for template in TEMPLATES:
        documents: list[tuple[str, Document]] = [(name, processed(name, nlp)) for name in EXAMPLES]
        documents.append(("rich", rich_document()))
        for name, document in documents:
            document.metadata["stem"] = f"{Path(name).stem}-{template}"
            written = easyread.write(document, folder, ("html",), options(template))
            pages[f"{name}/{template}"] = written["html"]
    return pages


def new_page(browser: Any, **settings: Any) -> Any:
    """A page in its own context; axe is injected as a script, so the page's CSP is bypassed for it."""
    return browser.new_context(bypass_csp=True, **settings).new_page()


def axe_violations(page: Any, url: str) -> list[dict[str, Any]]:
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " rules: {'color-contrast-enhanced': {enabled: true}}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["html"][:120] for n in v["nodes"][:3]]}
        for v in result["violations"]
    ]


def test_every_example_and_template_has_no_axe_violations(browser: Any, outputs: dict[str, Path]) -> None:
    page = new_page(browser)
    found = {}
    for name, path in outputs.items():
        violations = axe_violations(page, path.as_uri())
        if violations:
            found[name] = violations
    page.context.close()
    assert not found, json.dumps(found, indent=1)


def test_axe_checks_run_and_can_fail(browser: Any, tmp_path: Path) -> None:
    # A page with known problems must be reported, or the zero above means nothing.
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><img src='x.png'><h3>Skipped</h3><p style='color:#999'>Grey</p></body></html>")
    page = new_page(browser)
    ids = {v["id"] for v in axe_violations(page, bad.as_uri())}
    page.context.close()
    assert {"image-alt", "html-has-lang", "document-title"} <= ids


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(320, 640, 1), (320, 180, 4)],  # a small phone; a 1280 x 720 window zoomed to 400%
)
def test_no_horizontal_scrolling_when_narrow_or_zoomed(
    browser: Any, outputs: dict[str, Path], width: int, height: int, scale: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    wide = {}
    for name, path in outputs.items():
        page.goto(path.as_uri())
        overflow = page.evaluate(
            """() => {
              const limit = document.documentElement.clientWidth;
              const out = [];
              if (document.documentElement.scrollWidth > limit) out.push('page ' + document.documentElement.scrollWidth);
              for (const el of document.querySelectorAll('main *, header *, footer *')) {
                const box = el.getBoundingClientRect();
                if (box.width && box.right > limit + 1 && !el.closest('.table-wrap')) out.push(el.outerHTML.slice(0, 80));
              }
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(node);
                if (range.getBoundingClientRect().right > limit + 1 && !node.parentElement.closest('.table-wrap'))
                  out.push('text: ' + node.textContent.slice(0, 60));
              }
              return out.slice(0, 5);
            }"""
        )
        if overflow:
            wide[name] = overflow
    context.close()
    assert not wide, json.dumps(wide, indent=1)


def test_large_font_still_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    written = easyread.write(rich_document(), tmp_path, ("html",), options(font_size=24))
    page = new_page(browser, viewport={"width": 320, "height": 640})
    assert axe_violations(page, written["html"].as_uri()) == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.context.close()


def test_listen_buttons_speak_their_row_and_are_reachable_by_keyboard(browser: Any, outputs: dict[str, Path]) -> None:
    context = browser.new_context(bypass_csp=True)  # for wait_for_function; CSP is tested below
    context.add_init_script(SPEECH_SPY)
    page = context.new_page()
    page.goto(outputs["rich/document"].as_uri())
    rows = page.locator("main .row").count()
    buttons = page.locator("main .row button.listen")
    assert buttons.count() == rows > 5
    assert page.get_by_role("button", name="Listen to the whole page").count() == 1
    # Tab to the first row button and press it with the keyboard.
    page.keyboard.press("Tab")
    for _ in range(20):
        if page.evaluate("document.activeElement.textContent.trim()") == "Listen":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Listen"
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2
    row_text = page.evaluate("document.activeElement.closest('.row').querySelector('.text').textContent.trim()")
    page.keyboard.press("Enter")
    page.wait_for_function("window.__spoken.length > 0")
    assert page.evaluate("window.__spoken")[0] == row_text
    # The whole page is read row by row, starting with the cover.
    page.evaluate("window.__spoken = []")
    page.get_by_role("button", name="Listen to the whole page").click()
    page.wait_for_function(f"window.__spoken.length >= {rows}")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0].startswith("Our <b>bus</b> & you")
    assert any("sam@example.org" in text for text in spoken)
    context.close()


def test_listen_buttons_can_be_hidden_for_screen_reader_users(browser: Any, outputs: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto(outputs["rich/document"].as_uri())
    toggle = page.get_by_role("button", name="Show listen buttons")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.locator("main .row button.listen:visible").count() == 0
    page.reload()  # the choice is remembered
    assert page.get_by_role("button", name="Show listen buttons").get_attribute("aria-pressed") == "false"
    page.get_by_role("button", name="Show listen buttons").click()
    page.close()


def test_print_stylesheet_hides_the_buttons(browser: Any, outputs: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto(outputs["rich/document"].as_uri())
    assert page.locator("button.listen:visible").count() > 5
    page.emulate_media(media="print")
    assert page.locator("button.listen:visible").count() == 0
    assert page.evaluate("getComputedStyle(document.querySelector('.cover')).breakAfter") == "page"
    page.close()


def test_easy_read_type_rules_hold_in_the_browser(browser: Any, outputs: dict[str, Path]) -> None:
    """No italics, underlining, capitals-only styling, hyphenation or justified text; 16pt body text."""
    page = browser.new_page()
    page.goto(outputs["rich/document"].as_uri())
    problems = page.evaluate(
        """() => {
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            if (!el.textContent.trim() || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
            const s = getComputedStyle(el);
            if (s.fontStyle !== 'normal') out.push('italic ' + el.tagName);
            if (s.textDecorationLine !== 'none') out.push('underline ' + el.tagName);
            if (s.textTransform !== 'none') out.push('transform ' + el.tagName);
            if (s.hyphens === 'auto') out.push('hyphens ' + el.tagName);
            if (s.textAlign === 'justify') out.push('justify ' + el.tagName);
          }
          return out;
        }"""
    )
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p.text')).fontSize)")
    line_height = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p.text')).lineHeight)")
    images = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
    page.close()
    assert problems == []
    assert size == pytest.approx(16 * 96 / 72, abs=0.01)
    assert line_height >= 1.5 * size - 0.5
    assert images == 0


def test_assets_folder_page_loads_its_files_and_passes_axe(browser: Any, tmp_path: Path) -> None:
    opts = options()
    opts.layout.html_assets = True
    written = easyread.write(rich_document(), tmp_path, ("html",), opts)
    page = new_page(browser)
    assert axe_violations(page, written["html"].as_uri()) == []
    broken = page.evaluate("[...document.images].filter(i => i.naturalWidth === 0).map(i => i.src)")
    font = page.evaluate("document.fonts.check('16pt \"Atkinson Hyperlegible\"')")
    listen = page.locator("button.listen").count()
    page.context.close()
    assert broken == []
    assert font
    assert listen > 5


def test_no_script_from_the_input_runs(browser: Any, tmp_path: Path, context) -> None:  # type: ignore[no-untyped-def]
    source = (
        "<html><head><title>Hi</title><script>window.__hacked = 1</script></head><body>"
        "<p onclick='window.__hacked = 2'>Hello <img src=x onerror='window.__hacked = 3'> there.</p>"
        "<p>&lt;script&gt;window.__hacked = 4&lt;/script&gt; is text.</p></body></html>"
    )
    document = easyread.process(easyread.read_string(source, "html", "hack"), context=context)
    written = easyread.write(document, tmp_path, ("html",), Options())
    page = browser.new_page()
    page.goto(written["html"].as_uri())
    page.click("text=Hello")
    hacked = page.evaluate("window.__hacked === undefined")
    page.close()
    assert hacked
    assert written["html"].read_text(encoding="utf-8").count("<script") == 1
