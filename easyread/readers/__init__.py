"""Readers turn a file or a string into the one document model.

Each format has one module; this table is the only place that knows them all.
Formats never import writers, and writers never import readers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import EasyreadError
from ..model import BlockKind, Document
from ..options import Limits
from . import docx, html, markdown, txt
from .text import decode


@dataclass(frozen=True, slots=True)
class Reader:
    """A supported input format."""

    name: str
    """Format name used in metadata and on the command line."""
    extensions: tuple[str, ...]
    """File name endings that select this reader."""
    parse: Callable[[bytes, str], Document]
    """Turns the file's bytes (and its name, for messages) into a Document."""


def _text_reader(parse: Callable[[str, str], Document]) -> Callable[[bytes, str], Document]:
    return lambda data, source: parse(decode(data, source), source)


READERS: tuple[Reader, ...] = (
    Reader("txt", (".txt", ".text"), _text_reader(txt.parse)),
    Reader("markdown", (".md", ".markdown"), _text_reader(markdown.parse)),
    Reader("docx", (".docx",), docx.parse_bytes),
    Reader("html", (".html", ".htm"), _text_reader(html.parse)),
)
"""Every input format, in the order shown to users."""

SUPPORTED = " ".join(ext for reader in READERS for ext in reader.extensions[:1])


def reader_for(name: str) -> Reader:
    """The reader for a file name or a format name, or a one-line error."""
    lowered = name.lower()
    for reader in READERS:
        if lowered == reader.name or lowered.endswith(reader.extensions):
            return reader
    suffix = Path(name).suffix or "(no extension)"
    raise EasyreadError(f"unsupported format {suffix}; supported: {SUPPORTED}", source=name)


def read(path: str | os.PathLike[str], limits: Limits | None = None) -> Document:
    """Read a file into a Document (the reader is chosen by the file extension)."""
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise EasyreadError("this is a folder, not a file", source=source)
    reader = reader_for(source)
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        if size > limits.max_input_bytes:
            raise EasyreadError(
                f"file is {size / 2**20:.1f} MB, more than the limit of "
                f"{limits.max_input_bytes / 2**20:.0f} MB",
                source=source,
            )
        with open(path, "rb") as handle:
            data = handle.read(limits.max_input_bytes + 1)
    except FileNotFoundError:
        raise EasyreadError("file not found", source=source) from None
    except PermissionError:
        raise EasyreadError("cannot read file: permission denied", source=source) from None
    except IsADirectoryError:
        raise EasyreadError("this is a folder, not a file", source=source) from None
    except OSError as error:
        raise EasyreadError(f"cannot read file: {error.strerror or error}", source=source) from None
    return _finish(reader, data, source, path.stem, limits)


def read_string(
    text: str, format: str = "txt", name: str = "text", limits: Limits | None = None
) -> Document:
    """Read a document given as a string (``format`` is txt, markdown or html)."""
    reader = reader_for(format)
    if reader.name == "docx":
        raise EasyreadError("a .docx document cannot be given as text; give the file", source=name)
    return _finish(reader, text.encode("utf-8"), name, name, limits or Limits())


def read_stdin(format: str = "txt", limits: Limits | None = None) -> Document:
    """Read a document from standard input."""
    limits = limits or Limits()
    data = sys.stdin.buffer.read(limits.max_input_bytes + 1)
    return _finish(reader_for(format), data, "stdin", "stdin", limits)


def _finish(reader: Reader, data: bytes, source: str, stem: str, limits: Limits) -> Document:
    if len(data) > limits.max_input_bytes:
        raise EasyreadError(
            f"input is more than the limit of {limits.max_input_bytes / 2**20:.0f} MB", source=source
        )
    if not data.strip():
        raise EasyreadError("the file is empty", source=source)
    try:
        document = reader.parse(data, source)
    except RecursionError:
        raise EasyreadError("the document is nested too deeply to read", source=source) from None
    if not document.blocks and not document.title:
        raise EasyreadError("no text found in this document", source=source)
    if len(document.blocks) > limits.max_blocks:
        raise EasyreadError(
            f"document has {len(document.blocks)} paragraphs, more than the limit of "
            f"{limits.max_blocks}",
            source=source,
        )
    first = document.blocks[0] if document.blocks else None
    if first and first.kind is BlockKind.HEADING and first.text.casefold() == document.title.casefold():
        document.blocks.pop(0)  # the title is shown once, on the cover
    document.metadata.setdefault("source", Path(source).name)
    document.metadata.setdefault("format", reader.name)
    document.metadata.setdefault("stem", stem)
    if not document.title:
        document.title = stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Easy read"
    return document
