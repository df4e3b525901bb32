"""Limits: each is configurable, documented, and exceeding it is one clear error, not a hang."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import easyread
from easyread.cli import main
from easyread.errors import EasyreadError, UsageError
from easyread.options import Limits, Options
from easyread.stages import Context

ROOT = Path(__file__).resolve().parent.parent
AGENDA = ROOT / "examples" / "youth-forum-agenda.md"


def test_too_many_pictures_is_refused_before_anything_is_written(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    converter = easyread.Converter(Options(limits=Limits(max_images=3)))
    converter.context = Context(converter.options, nlp=nlp)
    with pytest.raises(EasyreadError, match=r"more than the limit of 3 \(limits.max_images\)") as caught:
        converter.convert(AGENDA, tmp_path)
    assert str(caught.value).startswith("youth-forum-agenda.md: ")
    assert not list(tmp_path.iterdir())


def test_limits_come_from_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "easyread.toml"
    config.write_text("[limits]\nmax_pages = 40\nmax-input-bytes = 1048576\n")
    limits = Options.from_file(config).limits
    assert (limits.max_pages, limits.max_input_bytes) == (40, 2**20)


@pytest.mark.parametrize("value", ["0", "-5", '"many"', "true"])
def test_a_limit_must_be_a_positive_number(tmp_path: Path, value: str) -> None:
    config = tmp_path / "easyread.toml"
    config.write_text(f"[limits]\nmax_pages = {value}\n")
    with pytest.raises(UsageError, match="limits.max_pages|option max_pages"):
        Options.from_file(config)


def test_an_input_over_the_limit_is_a_one_line_error_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"The bus comes at 2pm.\n" * 60_000)
    config = tmp_path / "easyread.toml"
    config.write_text("[limits]\nmax_input_bytes = 1048576\n")
    assert main(["convert", str(big), "-o", str(tmp_path / "out"), "--config", str(config)]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == f"easyread: error: {big}: file is 1.3 MB, more than the limit of 1 MB (limits.max_input_bytes)"


def test_every_limit_is_documented() -> None:
    security = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(Limits):
        default = getattr(Limits(), field.name)
        assert f"`{field.name}`" in security, field.name
        assert f"{default:,}".replace(",", "\u2009") in security or f"{default:,}" in security \
            or f"{default / 2**20:g} MB" in security, (field.name, default)
