"""A user's own symbol set: a folder of pictures named by word, or a folder with ``symbols.csv``.

Three ways to describe a folder, from least to most work for the user:

1. Just pictures named by what they show: ``meeting.png``, ``young_people.jpg``,
   Mulberry's ``bake_,_to.svg`` (a verb: "to bake"). Sub-folders are read too.
2. A ``symbols.csv`` with columns ``file,label,keywords`` (and optionally
   ``pos`` and ``decorative``): only the files it lists are used.
3. Either of those plus a ``set.toml`` giving ``name``, ``licence``,
   ``attribution`` and ``url``, shown in the colophon of every output.

Nothing a folder names may lead outside it (see `safepath`).
"""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

from ..errors import EasyreadError
from ..files import unique_name
from .images import is_picture
from .keys import key
from .safepath import OutsideFolder, inside, walk
from .sets import Entry, SymbolSet
from .vocabulary import POS_TAGS

MAX_FILES = 50_000
"""Most pictures read from one folder (Mulberry has about 3,500, ARASAAC about 13,000)."""

MAX_CSV_BYTES = 5 * 1024 * 1024
"""Largest ``symbols.csv`` or ``set.toml`` accepted."""

NOT_STATED = "not stated (add a set.toml)"
"""The licence shown for a folder whose owner has not said what it is."""

_VARIANT = re.compile(r"(?:[\s_]+\d+[a-z]?|\s*\(\d+\))$", re.IGNORECASE)
_TO_VERB = re.compile(r"\s*,\s*to$", re.IGNORECASE)
_SET_KEYS = {"id", "name", "licence", "license", "attribution", "url"}


def load(folder: str | Path, taken: set[str] | None = None) -> SymbolSet:
    """Read a user's folder as a symbol set; a missing folder is a one-line error."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise EasyreadError("symbol set folder not found", source=str(folder))
    about = _about(root)
    set_id = unique_name(
        key(str(about.get("id") or root.resolve().name)).replace(" ", "-") or "symbols",
        taken or set(),
    )
    symbol_set = SymbolSet(
        id=set_id,
        name=str(about.get("name") or root.resolve().name),
        licence=str(about.get("licence") or about.get("license") or NOT_STATED),
        attribution=str(about.get("attribution") or ""),
        url=str(about.get("url") or ""),
        root=root.resolve(),
    )
    if (root / "symbols.csv").is_file():
        _from_csv(symbol_set, root)
    else:
        _from_names(symbol_set, root)
    return symbol_set


def label_from_name(file_name: str) -> tuple[str, str]:
    """The label and part of speech a file name gives: ``bake_,_to.svg`` is ("bake", "VERB")."""
    stem = Path(file_name).stem.replace("_", " ").strip()
    stem = " ".join(stem.split())
    pos = ""
    if _TO_VERB.search(stem):
        stem, pos = _TO_VERB.sub("", stem), "VERB"
    stem = _VARIANT.sub("", stem).strip(" ,")
    return stem, pos


def _about(root: Path) -> dict[str, object]:
    if not (root / "set.toml").is_file():
        return {}
    path = _own_file(root, "set.toml")
    try:
        data = tomllib.loads(_small_text(path))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise EasyreadError(f"set.toml is not valid TOML: {error}", source=str(path)) from None
    unknown = sorted(set(data) - _SET_KEYS)
    if unknown:
        raise EasyreadError(
            f"unknown key {unknown[0]!r} in set.toml; use {', '.join(sorted(_SET_KEYS))}",
            source=str(path),
        )
    if any(not isinstance(value, str) for value in data.values()):
        raise EasyreadError("every value in set.toml must be text", source=str(path))
    return data


def _from_names(symbol_set: SymbolSet, root: Path) -> None:
    for name in walk(root, MAX_FILES):
        if not is_picture(name):
            continue
        try:
            path = inside(root, name)
        except OutsideFolder as error:
            symbol_set.problems.append(str(error))
            continue
        label, pos = label_from_name(name)
        if label:
            symbol_set.entries[name] = Entry(name, str(path), label, pos=pos)


def _from_csv(symbol_set: SymbolSet, root: Path) -> None:
    path = _own_file(root, "symbols.csv")
    try:
        rows = list(csv.DictReader(_small_text(path).splitlines()))
    except (csv.Error, UnicodeDecodeError) as error:
        raise EasyreadError(f"symbols.csv cannot be read: {error}", source=str(path)) from None
    columns = {c.strip().lower() for c in (rows[0].keys() if rows else []) if c}
    if rows and not {"file", "label"} <= columns:
        raise EasyreadError(
            "symbols.csv needs the columns file, label and keywords", source=str(path)
        )
    for number, raw in enumerate(rows, start=2):
        row = {
            (k or "").strip().lower(): (v or "").strip()
            for k, v in raw.items()
            if isinstance(v, str)
        }
        name = row.get("file", "")
        if not name:
            continue
        if not is_picture(name):
            symbol_set.problems.append(
                f"symbols.csv line {number}: {name}: not a PNG, JPEG or SVG file"
            )
            continue
        try:
            image = inside(root, name)
        except OutsideFolder as error:
            symbol_set.problems.append(f"symbols.csv line {number}: {error}")
            continue
        pos = row.get("pos", "").upper()
        keywords = tuple(
            k.strip() for k in re.split(r"[;,|]", row.get("keywords", "")) if k.strip()
        )
        symbol_set.entries[name] = Entry(
            id=name,
            path=str(image),
            label=row.get("label") or label_from_name(name)[0],
            keywords=keywords,
            pos=pos if pos in POS_TAGS else "",
            decorative=row.get("decorative", "").lower() in ("1", "yes", "true", "y"),
        )


def _own_file(root: Path, name: str) -> Path:
    try:
        return inside(root, name)
    except OutsideFolder as error:
        raise EasyreadError(str(error), source=str(root)) from None


def _small_text(path: Path) -> str:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise EasyreadError(
            f"{path.name} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB", source=str(path)
        )
    return path.read_text(encoding="utf-8-sig")
