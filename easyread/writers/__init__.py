"""Writers turn the document model into files; each format has one module."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..files import atomic_write
from ..limits import check_images
from ..model import Document
from ..options import Options
from . import docx, html, pdf, review

WRITERS: dict[str, Callable[[Document, Options], bytes]] = {
    "html": html.to_bytes,
    "pdf": pdf.to_bytes,
    "docx": docx.to_bytes,
    "review": review.to_bytes,
}
"""Output format -> function producing the file's bytes."""

EXTENSIONS = {"review": "review.md"}
"""File name endings that differ from the format name."""


def output_paths(stem: str, out_dir: Path, formats: tuple[str, ...]) -> dict[str, Path]:
    """Where each format of a document goes: ``OUTDIR/<stem>.<extension>``."""
    return {fmt: out_dir / f"{stem}.{EXTENSIONS.get(fmt, fmt)}" for fmt in formats}


def write(
    document: Document, paths: dict[str, Path], options: Options
) -> dict[str, Path]:
    """Write each format to its path atomically (no half-written file is ever left)."""
    check_images(document, options.limits)
    for fmt, path in paths.items():
        if fmt == "html" and options.layout.html_assets:
            html.write_with_assets(document, options, path)
        else:
            atomic_write(path, WRITERS[fmt](document, options))
    return paths
