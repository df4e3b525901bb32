"""The ``easyread`` command end to end, in a subprocess, as users run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from easyread.cli import cli, main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def easyread(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command-line interface the way a user does."""
    return subprocess.run(
        [sys.executable, "-m", "easyread", *args],
        capture_output=True, text=True, cwd=cwd, input=stdin, timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def test_convert_example_to_html_and_pdf(tmp_path: Path) -> None:
    run = easyread("convert", str(EXAMPLES / "youth-forum-agenda.md"), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["youth-forum-agenda.html", "youth-forum-agenda.pdf"]
    assert "youth-forum-agenda.pdf" in run.stderr


def test_convert_without_input_converts_the_bundled_example(tmp_path: Path) -> None:
    run = easyread("convert", "--format", "html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "easyread-output" / "youth-forum-agenda.html").is_file()


def test_batch_goes_on_after_a_bad_file_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pages"
    bad.write_text("hello", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    run = easyread("convert", str(bad), str(EXAMPLES / "co-production-charter.txt"), str(missing),
                   "-o", str(tmp_path / "out"), "-f", "html")
    assert run.returncode == 1
    assert (tmp_path / "out" / "co-production-charter.html").is_file()
    errors = [line for line in run.stderr.splitlines() if line.startswith("easyread: error:")]
    assert errors == [
        f"easyread: error: {bad}: unsupported format .pages; supported: .txt .md .docx .html",
        f"easyread: error: {missing}: file not found",
    ]
    assert "Traceback" not in run.stderr
    assert "1 converted, 2 failed" in run.stderr


def test_same_stem_in_one_batch_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "notes.txt").write_text("First notes.", encoding="utf-8")
    (tmp_path / "b" / "notes.txt").write_text("Second notes.", encoding="utf-8")
    run = easyread("convert", str(tmp_path / "a" / "notes.txt"), str(tmp_path / "b" / "notes.txt"),
                   "-o", str(tmp_path / "out"), "-f", "html")
    assert run.returncode == 0, run.stderr
    assert "First notes." in (tmp_path / "out" / "notes.html").read_text(encoding="utf-8")
    assert "Second notes." in (tmp_path / "out" / "notes-2.html").read_text(encoding="utf-8")


def test_standard_input(tmp_path: Path) -> None:
    run = easyread("convert", "-", "--from", "markdown", "-o", str(tmp_path), "-f", "html",
                   stdin="# Club news\n\nThe club meets on Friday.\n")
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "stdin.html").read_text(encoding="utf-8")
    assert "<title>Club news</title>" in html and "The club meets on Friday." in html


@pytest.mark.parametrize(
    "args",
    [("convert", "--bogus"), ("convert", "--format", "xml", "x.txt"), ("convert", "--font-size", "40", "x.txt"), ("nonsense",)],
)
def test_usage_errors_exit_2_in_one_line(args: tuple[str, ...]) -> None:
    run = easyread(*args)
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("easyread: error:")


def test_debug_shows_a_traceback_for_internal_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import easyread.api

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(easyread.api.Converter, "convert", explode)
    source = str(EXAMPLES / "co-production-charter.txt")
    assert main(["convert", source, "-o", str(tmp_path)]) == 1
    quiet = capsys.readouterr().err
    assert "internal error (RuntimeError: boom)" in quiet and "Traceback" not in quiet
    assert main(["--debug", "convert", source, "-o", str(tmp_path)]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_version_and_help_with_examples() -> None:
    from easyread import __version__

    run = easyread("--version")
    assert run.returncode == 0 and __version__ in run.stdout
    commands: list[list[str]] = [[]]
    for name, command in cli.commands.items():
        commands.append([name])
        commands += [[name, sub] for sub in getattr(command, "commands", {})]
    for words in commands:
        run = easyread(*words, "--help")
        assert run.returncode == 0, run.stderr
        assert "Example" in run.stdout, f"easyread {' '.join(words)} --help has no example"
