"""Privacy: converting a document never touches the network.

Documents hold children's and families' details, so easyread must make no
connection and no name lookup, ever, even when a document names addresses on
the local network. Python's audit hooks see every socket the interpreter
creates, every connection, every DNS lookup and every urllib request; the
hook here records and refuses each one while a conversion runs, in this
process through the API and in a child process through the command line.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import easyread
from easyread.options import Options

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

NETWORK_EVENTS = (
    "socket.", "urllib.Request", "http.client.", "ftplib.", "smtplib.", "poplib.", "imaplib.",
    "nntplib.", "telnetlib.", "webbrowser.open",
)
"""Audit events of any socket use, name lookup or URL request: none may happen while converting.

A urllib request for a ``file:`` URL is a local read and is allowed: the Word
writer's SVG renderer (cairosvg) opens pictures that way. Anything an SVG
itself refers to, cairosvg only loads from ``data:`` URLs.
"""

CONNECTING_EVENTS = (
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.getnameinfo", "socket.sendto", "socket.sendmsg", *NETWORK_EVENTS[1:],
)
"""Audit events of a connection, a lookup or data sent: none may happen in a whole CLI run.

Start-up is allowed to create a socket: importing spaCy imports urllib3,
which binds a socket to ::1 to learn whether IPv6 exists. Nothing is sent;
binding to any other address counts as network use.
"""

_attempts: list[str] = []
_armed = False


def _local(event: str, args: tuple[object, ...]) -> bool:
    """A urllib request for a file: URL reads a local file (cairosvg opens SVGs that way)."""
    return event == "urllib.Request" and str(args[0]).startswith("file:")


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _armed and event.startswith(NETWORK_EVENTS) and not _local(event, args):
        _attempts.append(f"{event} {args!r:.200}")
        raise ConnectionRefusedError(f"network use blocked by the test: {event}")


sys.addaudithook(_hook)  # hooks cannot be removed; this one acts only while armed


@contextmanager
def no_network() -> Iterator[list[str]]:
    """Refuse and record every network attempt inside the block."""
    global _armed
    _attempts.clear()
    _armed = True
    try:
        yield _attempts
    finally:
        _armed = False


def test_the_guard_sees_an_attempt() -> None:
    import socket
    import urllib.request

    with no_network() as attempts:
        for attempt in (lambda: socket.getaddrinfo("example.org", 80),
                        lambda: urllib.request.urlopen("https://example.org/"),
                        lambda: socket.create_connection(("127.0.0.1", 9)),
                        lambda: urllib.request.urlopen("http://127.0.0.1:9/")):
            try:
                attempt()
            except OSError:
                pass
    assert len(attempts) >= 4


def test_converting_every_example_to_every_format_uses_no_network(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    converter = easyread.Converter(Options(formats=("html", "pdf", "docx")))
    converter.context.nlp = nlp
    hostile = easyread.read_string(
        '<html lang="en"><head><link rel="stylesheet" href="http://127.0.0.1:9/a.css"></head>'
        '<body><p>The bus <img src="http://127.0.0.1:9/b.png" alt="bus"> comes at '
        '<a href="https://example.org/">2pm</a>.</p></body></html>', "html", name="hostile")
    with no_network() as attempts:
        for path in sorted(EXAMPLES.iterdir()):
            result = converter.convert(path, tmp_path)
            assert all(path.stat().st_size > 0 for path in result.outputs.values())
        converter.convert(hostile, tmp_path)
    assert attempts == []


CHILD = """
import sys
attempts = []
def hook(event, args):
    outward = event == "socket.bind" and args[1][0] not in ("::1", "127.0.0.1")
    local = event == "urllib.Request" and str(args[0]).startswith("file:")
    if outward or (event.startswith(tuple(sys.argv[1].split(","))) and not local):
        attempts.append(event)
        raise ConnectionRefusedError(event)
sys.addaudithook(hook)
from easyread.cli import main
code = main(sys.argv[2:])
print("ATTEMPTS", len(attempts), attempts[:5], file=sys.stderr)
sys.exit(code)
"""


def test_the_command_line_uses_no_network(tmp_path: Path) -> None:
    """The whole CLI run, from start-up and model loading to the last PDF, in a fresh process."""
    inputs = [str(p) for p in sorted(EXAMPLES.iterdir())]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, ",".join(CONNECTING_EVENTS), "convert", *inputs, "-o", str(tmp_path),
         "--format", "html,pdf,docx"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ATTEMPTS 0 []" in result.stderr
    assert len(list(tmp_path.glob("*.pdf"))) == len(list(tmp_path.glob("*.docx"))) == len(inputs)
