"""PDF writer: the HTML page typeset by WeasyPrint as a tagged PDF/UA-1 file.

PDF/UA-1 gives the structure tree screen readers need (headings, lists,
figures with alternative text), the document language and title, and embeds
the font. Every file WeasyPrint asks for goes through `SafeFetcher`.
"""

from __future__ import annotations

from pathlib import Path

import weasyprint

from ..fetch import SafeFetcher
from ..limits import page_limit
from ..model import Document, Symbol
from ..options import Options
from ..resources import font_dir, openmoji_dir, templates_dir
from .html import render


def allowed_roots(document: Document, options: Options) -> list[Path]:
    """Folders and files the PDF may load: easyread's own, the user's sets, the chosen pictures."""
    roots = [templates_dir(), font_dir(), openmoji_dir(), *map(Path, options.symbols.sets)]
    roots += [Path(symbol.path) for symbol in _symbols(document) if symbol.path]
    return roots


def _symbols(document: Document) -> list[Symbol]:
    found = [symbol for sentence in document.sentences() for symbol in sentence.symbols]
    found += [w.symbol for s in document.sentences() for w in s.word_symbols]
    found += [word.symbol for word in document.hard_words if word.symbol]
    return found


def to_bytes(document: Document, options: Options) -> bytes:
    """The PDF file's bytes."""
    html = render(document, options, embed=False)
    fetcher = SafeFetcher(allowed_roots(document, options))
    pdf = weasyprint.HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher)
    with page_limit(options.limits.max_pages, document.metadata.get("source")):
        return pdf.write_pdf(pdf_variant="pdf/ua-1")
