"""Nothing lost in a batch: killed runs leave no broken file, reruns finish, outputs reproduce.

Outputs are written to a temporary file and renamed (easyread.files), so a
process killed at any moment leaves each output either absent, as it was, or
complete. ``easyread convert --skip-existing`` finishes a stopped batch
without redoing what is done. The same input and options give byte-identical
HTML and PDF, whatever Python's hash seed.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from easyread.cli import main
from easyread.files import atomic_write, remove_stale_parts, up_to_date

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def easyread_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from easyread.cli import main; sys.exit(main())", *args]


def assert_complete(path: Path) -> None:
    """A whole output: HTML to its closing tag, a PDF that opens and ends properly."""
    data = path.read_bytes()
    if path.suffix == ".html":
        assert data.rstrip().endswith(b"</html>"), path
    else:
        assert data.rstrip().endswith(b"%%EOF"), path
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) >= 1


def batch_inputs(folder: Path, copies: int) -> list[str]:
    names = []
    for index in range(copies):
        for example in sorted(EXAMPLES.iterdir()):
            target = folder / f"{example.stem}-{index}{example.suffix}"
            shutil.copy(example, target)
            names.append(str(target))
    return names


def test_a_batch_killed_mid_way_leaves_no_broken_output_and_a_rerun_finishes(tmp_path: Path) -> None:
    inputs = batch_inputs(tmp_path, copies=3)
    out = tmp_path / "out"
    process = subprocess.Popen(easyread_command("convert", *inputs, "-o", str(out)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and len(list(out.glob("*.pdf"))) >= 2:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the batch finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    finished = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if not p.name.startswith(".")}
    assert 0 < len(finished) < 2 * len(inputs)
    for name in finished:
        assert_complete(out / name)

    rerun = subprocess.run(easyread_command("convert", *inputs, "-o", str(out), "--skip-existing"),
                           capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    done_before = {Path(n).stem for n in finished if n.endswith(".pdf")}
    assert rerun.stderr.count("skipped, its outputs are up to date") == len(done_before)
    outputs = sorted(p.name for p in out.iterdir())
    assert outputs == sorted(f"{Path(n).stem}.{fmt}" for n in inputs for fmt in ("html", "pdf"))
    for name in outputs:
        assert_complete(out / name)
    for name in done_before:  # what was finished was left alone
        assert (out / f"{name}.pdf").stat().st_mtime_ns == finished[f"{name}.pdf"]


WRITER = """
import sys
from pathlib import Path
from easyread.files import atomic_write
atomic_write(Path(sys.argv[1]), b"new " * (8 * 2**20))
"""


def test_killed_while_writing_the_old_file_stays_whole_and_the_leftover_is_cleaned(tmp_path: Path) -> None:
    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"the old, complete file")
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(tmp_path.glob(".agenda.pdf.*.part")):
        time.sleep(0.0005)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert target.read_bytes() == b"the old, complete file"
    (leftover,) = tmp_path.glob(".agenda.pdf.*.part")
    assert str(process.pid) in leftover.name

    atomic_write(target, b"the new file")
    assert target.read_bytes() == b"the new file"
    assert not list(tmp_path.glob(".agenda.pdf.*.part"))


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "notes.html"
    mine = tmp_path / f".notes.html.{os.getpid()}.abc.part"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = tmp_path / f".notes.html.{sleeper.pid}.abc.part"
        dead = tmp_path / ".notes.html.999999999.abc.part"
        other = tmp_path / ".other.html.999999999.abc.part"
        for path in (mine, theirs, dead, other):
            path.write_bytes(b"partial")
        assert remove_stale_parts(target) == [dead]
        assert mine.exists() and theirs.exists() and other.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_skip_existing_redoes_an_input_changed_since(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Notes\n\nWe meet on Tuesday.\n")
    config = tmp_path / "easyread.toml"
    config.write_text('formats = ["html"]\n')
    out = tmp_path / "out"
    args = ["convert", str(source), "-o", str(out), "--config", str(config), "--skip-existing"]
    assert main(args) == 0
    assert main(args) == 0
    assert "skipped" in capsys.readouterr().err
    for changed in (source, config):
        later = time.time() + 5
        os.utime(changed, (later, later))
        assert not up_to_date(source, [out / "notes.html"], config)
        assert main(args) == 0
        assert "skipped" not in capsys.readouterr().err


# -- reproducible output ----------------------------------------------------------------


def convert_in_fresh_process(folder: Path, seed: str, config: Path | None) -> dict[str, bytes]:
    out = folder / f"out-{seed}"
    args = ["convert", str(EXAMPLES / "youth-forum-agenda.md"), str(EXAMPLES / "workshop-letter.docx"),
            "-o", str(out)]
    if config is not None:
        args += ["--config", str(config)]
    result = subprocess.run(easyread_command(*args), capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PYTHONHASHSEED": seed})
    assert result.returncode == 0, result.stderr[-2000:]
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("dated", [True, False], ids=["fixed-date", "no-date"])
def test_same_input_and_options_give_identical_files(tmp_path: Path, dated: bool) -> None:
    config = None
    if dated:
        config = tmp_path / "easyread.toml"
        config.write_text('creation_date = "2026-03-03T10:00:00+00:00"\n')
    first = convert_in_fresh_process(tmp_path, "1", config)
    second = convert_in_fresh_process(tmp_path, "2", config)
    assert len(first) == 4
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"
    pdf = tmp_path / "out-1" / "youth-forum-agenda.pdf"
    with pikepdf.open(pdf) as opened:
        info = {str(k): str(v) for k, v in opened.docinfo.items()}
        xmp = str(opened.open_metadata())
    html = first["youth-forum-agenda.html"].decode()
    if dated:
        assert info["/CreationDate"].startswith("D:20260303100000")
        assert info["/ModDate"].startswith("D:20260303100000")
        assert "2026-03-03T10:00:00" in xmp
        assert re.search(r'<meta name="dcterms.created" content="2026-03-03T10:00:00(Z|\+00:00)">', html)
    else:
        assert "/CreationDate" not in info and "/ModDate" not in info
        assert "CreateDate" not in xmp and "dcterms.created" not in html
