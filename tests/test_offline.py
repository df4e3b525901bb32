"""Converting never touches the network: documents about children stay on the machine."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import easyread
from easyread.options import Options

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_convert_in_process_with_sockets_blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp) -> None:  # type: ignore[no-untyped-def]
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    converter = easyread.Converter(Options())
    converter.context.nlp = nlp
    for name in ("workshop-letter.docx", "council-news.html"):
        result = converter.convert(EXAMPLES / name, tmp_path)
        assert result.outputs["pdf"].stat().st_size > 0
    assert attempts == []


def test_cli_in_a_fresh_process_makes_no_connection(tmp_path: Path) -> None:
    """A sitecustomize module blocks and records every connection attempt in the child process."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    log = tmp_path / "attempts.log"
    loaded = tmp_path / "hook-loaded"
    (hooks / "sitecustomize.py").write_text(textwrap.dedent(f"""
        import pathlib, socket
        pathlib.Path({str(loaded)!r}).touch()
        def refuse(*args, **kwargs):
            with open({str(log)!r}, "a") as handle:
                handle.write(repr(args[:2]) + "\\n")
            raise OSError("network blocked by test")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
    """), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run(
        [sys.executable, "-m", "easyread", "convert", str(EXAMPLES / "youth-forum-agenda.md"), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert loaded.exists(), "the blocking hook did not load, so the test proves nothing"
    assert (tmp_path / "out" / "youth-forum-agenda.pdf").is_file()
    assert not log.exists(), log.read_text()
