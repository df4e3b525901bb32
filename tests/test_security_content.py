"""Untrusted documents: no script, no network, no local file reaches the output.

A document may come from anyone. Its HTML or Markdown can carry scripts,
event handlers, ``javascript:`` links, frames, and pictures or stylesheets
pointing at local files or at the local network. A local HTTP server
started here must receive no request at all, a secret file's content must
never reach the HTML or PDF, and a real browser opening the HTML must run
nothing and fetch nothing. Every case is counted in docs/security.md.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape as html_unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pikepdf
import pytest
import weasyprint
from safety import unsafe_parts

import easyread
from easyread.cli import main
from easyread.fetch import RefusedURL, SafeFetcher
from easyread.links import SCHEMES, Verdict, check
from easyread.model import Document
from easyread.resources import templates_dir

SECRET = "SECRET-e4sy-r3ad-7f1c"
"""What the secret file holds; it must never appear in any output."""


@dataclass
class Server:
    """A web server on 127.0.0.1 that records every request it gets."""

    port: int
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


@pytest.fixture
def server() -> Iterator[Server]:
    record: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            record.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(f"p::after {{ content: '{SECRET}' }}".encode())

        do_POST = do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    running = Server(httpd.server_address[1], record)
    try:
        yield running
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert running.requests == [], f"the test server was contacted: {running.requests}"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret" / "passwords.txt"
    path.parent.mkdir()
    path.write_text(f"{SECRET}\nroot:x:0:0\n")
    return path


def hostile_html(server: Server, secret: Path) -> str:
    """A page that tries everything at once; its visible words are all safe to keep."""
    local = secret.as_uri()
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Parents' evening</title>
<base href="{server.url('base/')}">
<meta http-equiv="refresh" content="0; url={server.url('refresh')}">
<link rel="stylesheet" href="{server.url('link.css')}">
<link rel="attachment" href="{local}">
<link rel="preload" href="{server.url('preload')}" as="image">
<style>@import url("{server.url('import.css')}"); @import "{local}";
body {{ background: url("{server.url('background.png')}"); }}
@font-face {{ font-family: X; src: url("{local}"); }}</style>
<script>window.__pwned = 1; fetch("{server.url('script')}");</script>
<script src="{server.url('script.js')}"></script>
</head>
<body onload="window.__pwned = 2">
<h1 onclick="window.__pwned = 3">Parents' evening</h1>
<p style="background-image: url('{server.url('inline.png')}')">The evening is on Tuesday at 6pm.</p>
<p>Read the <a href="javascript:window.__pwned=4">letter</a>, the <a href=" JAVA&#x09;SCRIPT:alert(1)">form</a>,
the <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">notes</a>,
the <a href="{local}">file</a> and the <a href="vbscript:msgbox(1)">list</a>.</p>
<p>Call us on <a href="tel:01632960789">01632 960789</a> or <a href="https://example.org/evening">see the page</a>.</p>
<img src="{local}" alt="A map of the school" onerror="window.__pwned = 5">
<img src="{server.url('image.png')}" srcset="{server.url('image-2x.png')} 2x" alt="">
<iframe src="{server.url('frame')}">Frame words</iframe>
<object data="{local}">Object words</object>
<embed src="{server.url('embed')}">
<svg><image href="{local}"/><image xlink:href="{server.url('svg.png')}"/><script>window.__pwned = 6</script></svg>
<video poster="{server.url('poster.png')}" src="{server.url('video.mp4')}"></video>
<form action="{server.url('form')}"><input type="image" src="{server.url('input.png')}"><button formaction="{server.url('button')}">Send</button></form>
<a rel="attachment" href="{local}">Attachment</a>
<p>Bring your child’s <b onmouseover="window.__pwned = 7">report</b>.</p>
</body></html>
"""


def hostile_markdown(server: Server, secret: Path) -> str:
    local = secret.as_uri()
    return f"""# Parents' evening

The evening is on Tuesday at 6pm.

Read the [letter](javascript:window.__pwned=4), the [form](JaVaScRiPt:alert(1)),
the [notes](data:text/html;base64,PHNjcmlwdD4=) and the [file]({local}).
Autolink: <javascript:alert(1)> and <{server.url('autolink')}>.

![A map of the school]({local}) ![A photo]({server.url('image.png')})

<img src="{server.url('raw.png')}" onerror="window.__pwned = 5"> Inline <script>window.__pwned = 1</script> text.

<script>window.__pwned = 1; fetch("{server.url('script')}")</script>

<iframe src="{server.url('frame')}"></iframe>

<style>@import url("{server.url('import.css')}");</style>

<p style="background: url({server.url('inline.png')})">Bring your child’s report.</p>

[reference][ref]

[ref]: {local}
"""


def assert_safe_html(page: str) -> None:
    """Nothing active from the input (see `safety.unsafe_parts`), and no secret."""
    problems = unsafe_parts(page)
    assert not problems, problems
    assert SECRET not in page and "__pwned" not in page


def pdf_text_and_objects(path: Path) -> str:
    """Every string the PDF holds: its decoded streams and objects, for searching."""
    parts = []
    with pikepdf.open(path) as pdf:
        assert "/EmbeddedFiles" not in str(pdf.Root.get("/Names", {}))
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:
                    continue
            parts.append(str(obj))
    return "\n".join(parts)


def assert_safe_pdf(path: Path) -> None:
    content = pdf_text_and_objects(path)
    for trace in (SECRET, "root:x:0:0", "/JavaScript", "/Launch", "/EmbeddedFile", "javascript:", "file:"):
        assert trace not in content, trace
    import subprocess

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert SECRET not in text


def assert_safe_docx(path: Path) -> None:
    """No secret in any part, and no outside address but an allowed link."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name).decode("utf-8", "replace")
            assert SECRET not in data, name
            if name.endswith(".rels"):
                for target in re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', data):
                    assert check(html_unescape(target)).verdict is Verdict.KEEP, target


def kept_links(document: Document) -> list[str]:
    return [link.url for block in document.blocks for link in block.links]


# -- end to end ----------------------------------------------------------------------


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_hostile_document_converts_safely(format: str, server: Server, secret: Path, tmp_path: Path) -> None:
    text = hostile_html(server, secret) if format == "html" else hostile_markdown(server, secret)
    document = easyread.read_string(text, format, name="evening")
    result = easyread.convert(document, tmp_path / "out", formats=["html", "pdf", "docx"])
    assert_safe_html(result.outputs["html"].read_text(encoding="utf-8"))
    assert_safe_pdf(result.outputs["pdf"])
    assert_safe_docx(result.outputs["docx"])
    words = " ".join(b.text for b in result.document.blocks)
    assert "Tuesday at 6pm" in words and "report" in words
    for url in kept_links(result.document):
        assert check(url).verdict is Verdict.KEEP and url.split(":")[0] in SCHEMES
    codes = {d.code for d in result.document.diagnostics}
    assert "ER103" in codes  # unsafe links were reported, not silently dropped


def test_hostile_web_page_through_the_command_line(server: Server, secret: Path, tmp_path: Path) -> None:
    page = tmp_path / "evening.html"
    page.write_text(hostile_html(server, secret), encoding="utf-8")
    assert main(["convert", str(page), "-o", str(tmp_path / "out")]) == 0
    assert_safe_html((tmp_path / "out" / "evening.html").read_text(encoding="utf-8"))
    assert_safe_pdf(tmp_path / "out" / "evening.pdf")


def test_word_document_with_hostile_links_and_linked_pictures(server: Server, secret: Path, tmp_path: Path) -> None:
    from docx import Document as Word
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    word = Word()
    paragraph = word.add_paragraph("Read the ")
    for text, url in (("letter", "javascript:alert(1)"), ("file", secret.as_uri()), ("page", "https://example.org/")):
        rel = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        paragraph._p.append(parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:t xml:space="preserve">{text} </w:t></w:r></w:hyperlink>'
        ))
    # A linked (not embedded) picture: Word would fetch it when opening the file.
    paragraph.part.relate_to(server.url("linked.png"), RT.IMAGE, is_external=True)
    paragraph.part.relate_to(secret.as_uri(), RT.IMAGE, is_external=True)
    path = tmp_path / "letter.docx"
    word.save(str(path))
    result = easyread.convert(path, tmp_path / "out", formats=["html", "pdf", "docx"])
    assert kept_links(result.document) == ["https://example.org/"]
    assert_safe_html(result.outputs["html"].read_text(encoding="utf-8"))
    assert_safe_pdf(result.outputs["pdf"])
    assert_safe_docx(result.outputs["docx"])


# -- the HTML in a real browser ---------------------------------------------------------------


def test_output_html_runs_nothing_and_fetches_nothing_in_a_browser(server: Server, secret: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    document = easyread.read_string(hostile_html(server, secret), "html", name="evening")
    page_path = easyread.convert(document, tmp_path, formats=["html"]).outputs["html"]
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("dialog", lambda dialog: requests.append(f"dialog: {dialog.message}"))
            page.goto(page_path.as_uri(), wait_until="load")
            page.wait_for_timeout(300)
            pwned = page.evaluate("() => window.__pwned")
            for link in page.query_selector_all("a[href]"):
                href = link.get_attribute("href") or ""
                assert href.startswith("#") or href.split(":")[0] in SCHEMES, href
        finally:
            browser.close()
    assert pwned is None
    others = [url for url in requests if not url.startswith(("data:", page_path.as_uri()))]
    assert others == []


# -- the fetcher itself -----------------------------------------------------------------


@pytest.fixture
def allowed(tmp_path: Path, secret: Path) -> Path:
    """A folder the fetcher may serve, holding a picture, a link out of it and a named pipe."""
    root = tmp_path / "allowed"
    root.mkdir()
    (root / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>')
    (root / "escape.svg").symlink_to(secret)
    import os

    os.mkfifo(root / "pipe.svg")
    return root


def fetcher_cases(server: Server, secret: Path, allowed: Path) -> dict[str, str]:
    """URL -> why it must be refused."""
    outside = secret.as_posix()
    return {
        server.url("a.png"): "the network",
        server.url("b.css").replace("http:", "https:"): "the network",
        f"ftp://127.0.0.1:{server.port}/c": "the network",
        "file:///etc/passwd": "a system file",
        secret.as_uri(): "a file outside the allowed folders",
        f"file://localhost{outside}": "a file outside, named through localhost",
        f"file://127.0.0.1{outside}": "a file on another host",
        f"file://{allowed.as_posix()}/../secret/passwords.txt": "a path climbing out",
        f"file://{allowed.as_posix()}/%2e%2e/secret/passwords.txt": "an encoded path climbing out",
        (allowed / "escape.svg").as_uri(): "a link out of an allowed folder",
        (allowed / "pipe.svg").as_uri(): "a named pipe (would hang)",
        f"file://{allowed.as_posix()}/missing.svg": "a missing file",
        "file:///dev/zero": "a device",
        "file:///proc/self/environ": "the process's own secrets",
    }


@pytest.mark.weasyprint_warnings
def test_fetcher_refuses_everything_outside_its_folders(server: Server, secret: Path, allowed: Path) -> None:
    cases = fetcher_cases(server, secret, allowed)
    fetcher = SafeFetcher([templates_dir(), allowed])
    for url in cases:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert fetcher.refused == list(cases)
    assert fetcher.fetch((allowed / "dot.svg").as_uri()).read().startswith(b"<svg")
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


@pytest.mark.weasyprint_warnings
def test_weasyprint_with_the_fetcher_loads_nothing_it_should_not(
    server: Server, secret: Path, allowed: Path, tmp_path: Path
) -> None:
    """Even a page that asks for everything (as a broken template might) gets nothing."""
    cases = fetcher_cases(server, secret, allowed)
    urls = list(cases)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image href="{secret.as_uri()}" width="9" height="9"/></svg>'
    import base64

    nested = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    page = "<html lang='en'><head><title>t</title><style>" + "".join(f'@import url("{u}");' for u in urls) + (
        "".join(f'p.x{i} {{ background: url("{u}") }}' for i, u in enumerate(urls))
        + f'@font-face {{ font-family: Y; src: url("{secret.as_uri()}") }} body {{ font-family: Y }}'
    ) + "</style>" + "".join(f'<link rel="stylesheet" href="{u}"><link rel="attachment" href="{u}">' for u in urls) + (
        "</head><body>" + "".join(f'<p class="x{i}"><img src="{u}" alt="x"><object data="{u}"></object>'
                                  f'<a rel="attachment" href="{u}">a</a></p>' for i, u in enumerate(urls))
        + f'<img src="{nested}" alt="nested"><img src="{(allowed / "dot.svg").as_uri()}" alt="allowed"></body></html>'
    )
    fetcher = SafeFetcher([templates_dir(), allowed])
    out = tmp_path / "page.pdf"
    weasyprint.HTML(string=page, base_url=str(allowed), url_fetcher=fetcher).write_pdf(out, pdf_variant="pdf/ua-1")
    assert_safe_pdf(out)
    assert set(urls) <= set(fetcher.refused)
    assert secret.as_uri() in fetcher.refused  # asked for from inside the data: SVG too
    assert (allowed / "dot.svg").as_uri() not in fetcher.refused


# -- links -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, verdict",
    [
        ("https://example.org/a?b=c#d", Verdict.KEEP),
        ("HTTP://EXAMPLE.ORG", Verdict.KEEP),
        ("mailto:team@example.org", Verdict.KEEP),
        ("tel:+441632960789", Verdict.KEEP),
        ("  https://example.org/ ", Verdict.KEEP),
        ("javascript:alert(1)", Verdict.UNSAFE),
        (" \tJaVa\nScRiPt:alert(1)", Verdict.UNSAFE),
        ("java\x00script:alert(1)", Verdict.RELATIVE),
        ("\x01javascript:alert(1)", Verdict.UNSAFE),
        ("vbscript:msgbox(1)", Verdict.UNSAFE),
        ("data:text/html,<script>alert(1)</script>", Verdict.UNSAFE),
        ("file:///etc/passwd", Verdict.UNSAFE),
        ("ftp://example.org/", Verdict.UNSAFE),
        ("blob:https://example.org/x", Verdict.UNSAFE),
        ("http://", Verdict.UNSAFE),
        ("https:///path-only", Verdict.UNSAFE),
        ("http://[::1", Verdict.UNSAFE),
        ("mailto:", Verdict.UNSAFE),
        ("//evil.example/x", Verdict.RELATIVE),
        ("/about", Verdict.RELATIVE),
        ("page.html", Verdict.RELATIVE),
        ("#top", Verdict.RELATIVE),
    ],
)
def test_link_allow_list(url: str, verdict: Verdict) -> None:
    assert check(url).verdict is verdict


def test_relative_links_are_reported_once_per_kind() -> None:
    document = easyread.read_string(
        '<p><a href="/a">One</a> <a href="b.html">two</a> <a href="#c">three</a></p>', "html"
    )
    assert kept_links(document) == []
    (note,) = document.diagnostics
    assert note.code == "ER104" and "2 links" in note.message


def test_docx_hyperlink_archive_is_not_fetched(server: Server, tmp_path: Path) -> None:
    """A relationship pointing at the network is metadata; reading never follows it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(Path(__file__).resolve().parent.parent / "examples" / "workshop-letter.docx") as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{server.url("x.png")}" TargetMode="External"/></Relationships>'.encode(),
                )
            target.writestr(name, data)
    path = tmp_path / "remote.docx"
    path.write_bytes(buffer.getvalue())
    assert easyread.read(path).blocks


# -- the checks themselves can fail ---------------------------------------------------------


@pytest.mark.weasyprint_warnings
def test_the_checks_would_catch_a_leak(server: Server, secret: Path, tmp_path: Path) -> None:
    """Without the safe fetcher WeasyPrint does fetch, and the page checks do object."""
    out = tmp_path / "leaky.pdf"
    page = f'<html lang="en"><title>t</title><link rel="stylesheet" href="{server.url("leak.css")}"><p>x</p></html>'
    weasyprint.HTML(string=page).write_pdf(out)
    assert server.requests == ["/leak.css"]
    with pytest.raises(AssertionError):
        assert_safe_pdf(out)  # the served CSS put the secret into the text
    server.requests.clear()
    for leaky in ('<script>x()</script>', '<iframe src="https://example.org"></iframe>', '<p onclick="x()">a</p>', '<a href="javascript:x()">a</a>',
                  f'<img src="{secret.as_uri()}">', '<p style="background:url(http://127.0.0.1/x)">a</p>'):
        with pytest.raises(AssertionError):
            assert_safe_html(leaky)


@pytest.mark.weasyprint_warnings
def test_a_symbol_picture_that_points_elsewhere_loads_nothing(server: Server, secret: Path, tmp_path: Path) -> None:
    """A picture in the user's own symbol folder is trusted to be shown, not to fetch."""
    from easyread.model import Symbol
    from easyread.options import Options, SymbolOptions

    folder = tmp_path / "my-symbols"
    folder.mkdir()
    picture = folder / "bus.svg"
    picture.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        f'<image href="{server.url("in-svg.png")}" width="5" height="5"/>'
        f'<image xlink:href="{secret.as_uri()}" width="5" height="5"/>'
        f'<style>@import url("{server.url("in-svg.css")}");</style><rect width="4" height="4"/></svg>'
    )
    options = Options(disable=("symbols",), symbols=SymbolOptions(sets=(str(folder),)),
                      formats=("html", "pdf", "docx"))
    document = easyread.process(easyread.read_string("Bus\n\nThe bus comes at 2pm.", name="bus"), options)
    for sentence in document.sentences():
        sentence.symbols = [Symbol("bus", "mine", "a bus", path=str(picture))]
    outputs = easyread.write(document, tmp_path / "out", options=options)
    assert_safe_html(outputs["html"].read_text(encoding="utf-8"))
    assert_safe_pdf(outputs["pdf"])
    assert_safe_docx(outputs["docx"])
