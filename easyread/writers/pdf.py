"""PDF writer: the HTML page typeset by WeasyPrint as a tagged PDF/UA-1 file.

PDF/UA-1 gives the structure tree screen readers need (headings, lists,
figures with alternative text), the document language and title, bookmarks
from the headings, and embeds the font. Every file WeasyPrint asks for goes
through `SafeFetcher`.

A document longer than four pages gets a contents page: the page is laid out
with or without it as the page estimate says, and again the other way only
when the real page count shows the estimate was wrong.
"""

from __future__ import annotations

from pathlib import Path

import weasyprint

from ..fetch import SafeFetcher
from ..limits import page_limit, too_many_pages
from ..model import Document, Symbol
from ..options import Options
from ..resources import font_dir, openmoji_dir, templates_dir
from . import plan as plans
from .html import render, template_dirs, template_kind
from .plan import CONTENTS_AFTER_PAGES


def allowed_roots(document: Document, options: Options) -> list[Path]:
    """Folders and files the PDF may load: easyread's own, the user's sets and template, the chosen pictures."""
    roots = [templates_dir(), font_dir(), openmoji_dir(), *map(Path, options.symbols.sets)]
    roots += template_dirs(options.layout.template)[:1]
    roots += [Path(symbol.path) for symbol in _symbols(document) if symbol.path]
    return roots


def _symbols(document: Document) -> list[Symbol]:
    found = [symbol for sentence in document.sentences() for symbol in sentence.symbols]
    found += [w.symbol for s in document.sentences() for w in s.word_symbols]
    found += [word.symbol for word in document.hard_words if word.symbol]
    found += [contact.symbol for contact in document.contacts if contact.symbol]
    return found


def layout(document: Document, options: Options, contents: bool | None = None) -> weasyprint.Document:
    """The laid-out pages (tests read the boxes to check where rows fall)."""
    html = render(document, options, embed=False, contents=contents)
    fetcher = SafeFetcher(allowed_roots(document, options))
    page = weasyprint.HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher)
    return page.render(pdf_variant="pdf/ua-1")


def to_bytes(document: Document, options: Options) -> bytes:
    """The PDF file's bytes."""
    source = document.metadata.get("source")
    plan = plans.build(document, options, template_kind(options.layout.template))
    guess = plan.show_contents
    with page_limit(options.limits.max_pages, source):
        pages = layout(document, options, contents=guess)
        # the estimate is checked against the real count; the contents page itself is not counted
        long = len(pages.pages) - (1 if guess else 0) > CONTENTS_AFTER_PAGES
        if plan.contents_worth_showing and long != guess:
            pages = layout(document, options, contents=long)
    if len(pages.pages) > options.limits.max_pages:  # should WeasyPrint's layout not be stoppable early
        raise too_many_pages(options.limits.max_pages, source)
    return pages.write_pdf(pdf_variant="pdf/ua-1")
