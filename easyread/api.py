"""The Python API: read, process and write, or all three with `convert`.

    >>> import easyread
    >>> result = easyread.convert("agenda.md", out_dir="out")   # doctest: +SKIP
    >>> result.outputs["pdf"]                                    # doctest: +SKIP
    PosixPath('out/agenda.pdf')
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import readers, stages, writers
from .errors import EasyreadError
from .model import Document
from .options import Options
from .stages import Context

Source = str | os.PathLike[str] | Document
"""A file path, or a Document already read (for example with `read_string`)."""


@dataclass(slots=True)
class Result:
    """What `convert` made of one input."""

    document: Document
    """The processed document."""
    outputs: dict[str, Path] = field(default_factory=dict)
    """Written files by format."""
    seconds: float = 0.0
    """Time taken, reading to writing."""


def read(source: str | os.PathLike[str], options: Options | None = None) -> Document:
    """Read a .txt, .md, .docx or .html file into a Document."""
    return readers.read(source, (options or Options()).limits)


def read_string(text: str, format: str = "txt", name: str = "text", options: Options | None = None) -> Document:
    """Read a document given as a string (``format``: txt, markdown or html)."""
    return readers.read_string(text, format, name, (options or Options()).limits)


def process(document: Document, options: Options | None = None, context: Context | None = None) -> Document:
    """Run the pipeline stages (sentences, simplify, readability, symbols) over a Document.

    A `context` shares a loaded spaCy pipeline and data between calls; `options`,
    when also given, take precedence over the context's own.
    """
    if context is None:
        context = Context(options or Options())
    elif options is not None and options != context.options:
        context = Context(options, nlp=context.nlp)
    return stages.run(document, context)


def write(
    document: Document,
    out_dir: str | os.PathLike[str],
    formats: tuple[str, ...] | list[str] | None = None,
    options: Options | None = None,
) -> dict[str, Path]:
    """Write a processed Document as ``OUTDIR/<stem>.<format>`` for each format."""
    options = options or Options()
    formats = tuple(formats or options.formats)
    options = options.replace(formats=formats)
    stem = document.metadata.get("stem") or "easyread"
    return writers.write(document, writers.output_paths(stem, Path(out_dir), formats), options)


class Converter:
    """Converts many documents with one loaded pipeline (a batch job's workhorse)."""

    def __init__(self, options: Options | None = None) -> None:
        self.context = Context(options or Options())

    @property
    def options(self) -> Options:
        """The options this converter was made with."""
        return self.context.options

    def convert(self, source: Source, out_dir: str | os.PathLike[str], stem: str | None = None) -> Result:
        """Read (unless given a Document), process and write one document."""
        started = time.perf_counter()
        document = source if isinstance(source, Document) else read(source, self.options)
        document = stages.run(document, self.context)
        stem = stem or document.metadata.get("stem") or "easyread"
        paths = writers.output_paths(stem, Path(out_dir), self.options.formats)
        if not isinstance(source, Document):
            _refuse_overwrite(Path(source), paths)
        writers.write(document, paths, self.options)
        return Result(document, paths, time.perf_counter() - started)


def convert(
    source: Source,
    out_dir: str | os.PathLike[str] = "easyread-output",
    formats: tuple[str, ...] | list[str] | None = None,
    options: Options | None = None,
) -> Result:
    """Turn a document into easy read: ``OUTDIR/<stem>.html`` and ``.pdf`` by default."""
    options = options or Options()
    if formats is not None:
        options = options.replace(formats=tuple(formats))
    return Converter(options).convert(source, out_dir)


def _refuse_overwrite(source: Path, paths: dict[str, Path]) -> None:
    for path in paths.values():
        if path.exists() and path.resolve() == source.resolve():
            raise EasyreadError(
                f"the output {path.name} would overwrite the input; choose another output folder",
                source=str(source),
            )
