"""The wheel carries templates, symbols and examples, so an installed easyread works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    (path,) = out.glob("easyread-*.whl")
    return path


def test_wheel_contains_data_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "easyread/py.typed",
        "easyread/_data/templates/common/base.html.j2",
        "easyread/_data/templates/document/page.html.j2",
        "easyread/_data/symbols/vocabulary.tsv",
        "easyread/_data/examples/youth-forum-agenda.md",
    ):
        assert required in names, required


def test_installed_wheel_converts_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import easyread, easyread.resources as r, sys;"
        "print(r.templates_dir());"
        "sys.exit(easyread.cli.main(['convert', '--format', 'html']))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-c", "import easyread.cli;" + script], cwd=elsewhere,
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().startswith(str(target)), "templates must come from the installed wheel"
    assert (elsewhere / "easyread-output" / "youth-forum-agenda.html").is_file()
