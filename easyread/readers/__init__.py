"""Readers turn a file or a string into the one document model.

Each format has one module; this table is the only place that knows them all.
Formats never import writers, and writers never import readers.

Whatever the input, reading ends in a Document or in an `EasyreadError`
whose one-line message names the file and the problem; `guard` then keeps
the document within the limits later stages rely on.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import EasyreadError
from ..model import BlockKind, Diagnostic, Document, Severity
from ..options import Limits
from . import docx, html, markdown, txt
from .guard import guard
from .sniff import looks_like_html, sniff
from .text import decode


@dataclass(frozen=True, slots=True)
class Reader:
    """A supported input format."""

    name: str
    """Format name used in metadata and on the command line."""
    extensions: tuple[str, ...]
    """File name endings that select this reader."""
    parse: Callable[[bytes, str, Limits], Document]
    """Turns the file's bytes (and its name, for messages) into a Document."""


def _text_reader(parse: Callable[[str, str], Document]) -> Callable[[bytes, str, Limits], Document]:
    def read_text(data: bytes, source: str, limits: Limits) -> Document:
        decoded = decode(data, source)
        document = parse(decoded.text, source)
        if decoded.encoding != "utf-8":
            document.metadata.setdefault("encoding", decoded.encoding)
        if decoded.replaced:
            document.diagnostics.append(_unreadable(decoded.replaced, "bytes", decoded.encoding.upper()))
        return document

    return read_text


def _unreadable(count: int, what: str, encoding: str) -> Diagnostic:
    return Diagnostic(
        "ER105",
        f"{count} {what} of the text could not be read as {encoding} and show as “\ufffd”; "
        "check those places against the original.",
        Severity.WARNING,
        stage="read",
    )


READERS: tuple[Reader, ...] = (
    Reader("txt", (".txt", ".text"), _text_reader(txt.parse)),
    Reader("markdown", (".md", ".markdown"), _text_reader(markdown.parse)),
    Reader("docx", (".docx",), docx.parse_bytes),
    Reader("html", (".html", ".htm"), _text_reader(html.parse)),
)
"""Every input format, in the order shown to users."""

_SURROGATE = re.compile("[\ud800-\udfff]")

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
    limits = limits or Limits()
    reader = reader_for(source) if not path.is_dir() else None
    data = read_bytes(path, limits)
    assert reader is not None  # a folder was refused when it was opened
    return _finish(reader, data, source, path.stem, limits)


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing anything that is not a regular file of acceptable size."""
    source = str(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise _open_error(path, source, error) from None
    except ValueError:  # a NUL character in the name
        raise EasyreadError("cannot read file: the name is not a valid file name", source=source) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise EasyreadError("this is a folder, not a file", source=source)
        if not stat.S_ISREG(info.st_mode):
            raise EasyreadError(
                "this is not a regular file (it is a pipe, device or socket); give a document file",
                source=source,
            )
        if info.st_size > limits.max_input_bytes:
            raise EasyreadError(
                f"file is {info.st_size / 2**20:.1f} MB, more than the limit of "
                f"{_megabytes(limits.max_input_bytes)} (limits.max_input_bytes)",
                source=source,
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limits.max_input_bytes + 1)
    except OSError as error:
        raise EasyreadError(f"cannot read file: {error.strerror or error}", source=source) from None
    finally:
        os.close(fd)


def _open_error(path: Path, source: str, error: OSError) -> EasyreadError:
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return EasyreadError("the link points to a file that does not exist", source=source)
        return EasyreadError("file not found", source=source)
    if error.errno in (errno.EACCES, errno.EPERM):
        return EasyreadError("cannot read file: permission denied", source=source)
    if error.errno == errno.EISDIR:
        return EasyreadError("this is a folder, not a file", source=source)
    if error.errno == errno.ELOOP:
        return EasyreadError("cannot read file: too many symbolic links (a link loop)", source=source)
    if error.errno == errno.ENAMETOOLONG:
        return EasyreadError("cannot read file: the name is too long", source=source)
    return EasyreadError(f"cannot read file: {error.strerror or error}", source=source)


def read_string(
    text: str, format: str = "txt", name: str = "text", limits: Limits | None = None
) -> Document:
    """Read a document given as a string (``format`` is txt, markdown or html)."""
    reader = reader_for(format)
    if reader.name == "docx":
        raise EasyreadError("a .docx document cannot be given as text; give the file", source=name)
    # Lone surrogates (from badly decoded file names, say) cannot be encoded.
    text, replaced = _SURROGATE.subn("\ufffd", text)
    document = _finish(reader, text.encode("utf-8"), name, name, limits or Limits())
    if replaced:
        document.diagnostics.append(_unreadable(replaced, "characters", "Unicode"))
    return document


def read_stdin(format: str = "txt", limits: Limits | None = None) -> Document:
    """Read a document from standard input."""
    limits = limits or Limits()
    data = sys.stdin.buffer.read(limits.max_input_bytes + 1)
    return _finish(reader_for(format), data, "stdin", "stdin", limits)


def _finish(reader: Reader, data: bytes, source: str, stem: str, limits: Limits) -> Document:
    if len(data) > limits.max_input_bytes:
        raise EasyreadError(
            f"input is more than the limit of {_megabytes(limits.max_input_bytes)} "
            "(limits.max_input_bytes)",
            source=source,
        )
    if not data.strip():
        raise EasyreadError("the file is empty", source=source)
    reader, note = _check_kind(reader, data, source)
    try:
        document = reader.parse(data, source, limits)
    except RecursionError:
        raise EasyreadError("the document is nested too deeply to read", source=source) from None
    if note:
        document.diagnostics.insert(0, note)
    if not document.blocks and not document.title:
        raise EasyreadError("no text found in this document", source=source)
    first = document.blocks[0] if document.blocks else None
    if first and first.kind is BlockKind.HEADING and first.text.casefold() == document.title.casefold():
        document.blocks.pop(0)  # the title is shown once, on the cover
    guard(document, limits, source)
    document.metadata.setdefault("source", Path(source).name)
    document.metadata.setdefault("format", reader.name)
    document.metadata.setdefault("stem", stem)
    if not document.title:
        document.title = stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Easy read"
    return document


def _check_kind(reader: Reader, data: bytes, source: str) -> tuple[Reader, Diagnostic | None]:
    """Refuse a file whose bytes are another format; read a web page named .txt as HTML."""
    found = sniff(data)
    if found is not None:
        kind, message = found
        if not (kind == "zip" and reader.name == "docx"):
            raise EasyreadError(f"this is {message}", source=source)
    elif reader.name == "docx":
        raise EasyreadError(
            "not a valid .docx file (it is not a zip archive); if it is text, "
            "give it a .txt name",
            source=source,
        )
    if reader.name == "txt" and looks_like_html(data):
        note = Diagnostic(
            "ER100",
            "This text file holds a web page (HTML), so it was read as HTML.",
            Severity.INFO,
            stage="read",
        )
        return reader_for("html"), note
    return reader, None


def _megabytes(size: int) -> str:
    return f"{size / 2**20:g} MB"
