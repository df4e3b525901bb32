"""The user's choice of picture for a word: an overrides file.

One line per word or phrase, in a spreadsheet-friendly CSV (or TSV)::

    word,symbol,label
    chair,1F5E3,the chair of the meeting
    Amira,photos/amira.jpg,Amira
    minutes,none,

or in TOML (``chair = "1F5E3"``). The symbol is an id in an active set
(``1F5E3``, or ``myset:meeting.png`` to name the set), an image file relative
to the overrides file's folder (it must stay inside that folder), or ``none``
for "no picture for this word". Several files can be given (a project's, then
a document's); a later file wins.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import EasyreadError
from .images import is_picture
from .keys import key
from .safepath import OutsideFolder, inside

MAX_BYTES = 5 * 1024 * 1024
"""Largest overrides file accepted."""

_SET_REFERENCE = re.compile(r"^[\w-]{2,}:(?![/\\])")

NONE_VALUES = frozenset({"", "-", "none", "no picture"})
"""Values meaning "show no picture for this word"."""


@dataclass(frozen=True, slots=True)
class Override:
    """One word or phrase the user gave a picture (or none)."""

    word: str
    """The word or phrase as written in the file."""
    target: str
    """A symbol id (``1F5E3`` or ``set:id``); empty for an image file or for no picture."""
    path: Path | None = None
    """The image file, when the user named one."""
    label: str = ""
    """Alternative text; the word itself when empty."""
    source: str = ""
    """The file the line came from."""

    @property
    def none(self) -> bool:
        """True when the user asked for no picture."""
        return not self.target and self.path is None


def load(paths: tuple[str, ...] | list[str]) -> tuple[dict[str, Override], list[str]]:
    """Overrides by word key from every file in order (later files win), and the lines skipped."""
    found: dict[str, Override] = {}
    problems: list[str] = []
    for name in paths:
        for override in _read(Path(name).expanduser(), problems):
            found[key(override.word)] = override
    return found, problems


def _read(path: Path, problems: list[str]) -> list[Override]:
    if not path.is_file():
        raise EasyreadError("symbol overrides file not found", source=str(path))
    if path.stat().st_size > MAX_BYTES:
        raise EasyreadError(
            f"symbol overrides file is larger than {MAX_BYTES // (1024 * 1024)} MB",
            source=str(path),
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise EasyreadError("symbol overrides file must be UTF-8 text", source=str(path)) from None
    suffix = path.suffix.lower()
    if suffix == ".toml":
        rows = _toml_rows(text, path)
    elif suffix in (".csv", ".tsv", ".txt"):
        rows = _table_rows(text, "\t" if suffix == ".tsv" else ",", path)
    else:
        raise EasyreadError("symbol overrides must be a .csv, .tsv or .toml file", source=str(path))
    overrides = []
    for where, word, value, label in rows:
        if not key(word):
            continue
        try:
            overrides.append(_override(path, word, value, label))
        except OutsideFolder as error:
            problems.append(f"{path.name} {where}: {error}")
    return overrides


def _override(path: Path, word: str, value: str, label: str) -> Override:
    value = value.strip()
    source = str(path)
    if value.lower() in NONE_VALUES:
        return Override(word, "", None, label, source)
    if not _SET_REFERENCE.match(value) and (is_picture(value) or "/" in value or "\\" in value):
        return Override(word, "", inside(path.parent, value), label, source)
    return Override(word, value, None, label, source)


def _table_rows(text: str, delimiter: str, path: Path) -> list[tuple[str, str, str, str]]:
    try:
        table = list(csv.reader(text.splitlines(), delimiter=delimiter))
    except csv.Error as error:
        raise EasyreadError(f"symbol overrides cannot be read: {error}", source=str(path)) from None
    table = [row for row in table if row and not row[0].lstrip().startswith("#")]
    if not table:
        return []
    header = [cell.strip().lower() for cell in table[0]]
    if "word" not in header or "symbol" not in header:
        raise EasyreadError(
            "symbol overrides need a header line: word,symbol,label", source=str(path)
        )
    word, symbol = header.index("word"), header.index("symbol")
    label = header.index("label") if "label" in header else None
    rows = []
    for number, row in enumerate(table[1:], start=2):
        cells = row + [""] * len(header)
        rows.append(
            (
                f"line {number}",
                cells[word],
                cells[symbol],
                cells[label] if label is not None else "",
            )
        )
    return rows


def _toml_rows(text: str, path: Path) -> list[tuple[str, str, str, str]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise EasyreadError(
            f"symbol overrides are not valid TOML: {error}", source=str(path)
        ) from None
    rows = []
    for word, value in data.items():
        if isinstance(value, str):
            rows.append((f"key {word!r}", word, value, ""))
        elif isinstance(value, dict) and isinstance(value.get("symbol", ""), str):
            rows.append(
                (f"key {word!r}", word, value.get("symbol", ""), str(value.get("label", "")))
            )
        else:
            raise EasyreadError(
                f"override {word!r} must be text or a table with symbol and label", source=str(path)
            )
    return rows
