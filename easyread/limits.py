"""Output limits: too many pictures or pages is a clear error, never a long hang.

Input limits are checked by the readers (`easyread.readers`); these are the
ones that can only be known once a document has been processed: how many
pictures it shows and how many pages its PDF would have.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import EasyreadError
from .model import Document
from .options import Limits

_local = threading.local()


def count_images(document: Document) -> int:
    """How many pictures the document shows: sentence, word, hard-word and contact pictures."""
    sentences = document.sentences()
    count = sum(len(sentence.symbols) + len(sentence.word_symbols) for sentence in sentences)
    count += sum(1 for word in document.hard_words if word.symbol is not None)
    return count + sum(1 for contact in document.contacts if contact.symbol is not None)


def check_images(document: Document, limits: Limits) -> None:
    """Refuse a document with more pictures than `Limits.max_images`."""
    count = count_images(document)
    if count > limits.max_images:
        raise EasyreadError(
            f"the document would show {count} pictures, more than the limit of "
            f"{limits.max_images} (limits.max_images); split it into smaller documents",
            source=document.metadata.get("source") or None,
        )


@contextmanager
def page_limit(max_pages: int, source: str | None = None) -> Iterator[None]:
    """Stop WeasyPrint's layout as soon as it starts page ``max_pages + 1``.

    Counting pages after layout would mean laying out all of a huge document
    first, which can take many minutes; so the page generator WeasyPrint
    lays out with is wrapped (once, for this thread only when a limit is set).
    """
    _install()
    previous = getattr(_local, "max_pages", None)
    _local.max_pages = max_pages
    try:
        yield
    except PageLimitExceeded:
        raise too_many_pages(max_pages, source) from None
    finally:
        _local.max_pages = previous


def too_many_pages(max_pages: int, source: str | None = None) -> EasyreadError:
    """The error for a PDF over the page limit."""
    return EasyreadError(
        f"the PDF would have more than {max_pages} pages (limits.max_pages); "
        "split the document into smaller ones",
        source=source,
    )


class PageLimitExceeded(Exception):
    """Raised inside WeasyPrint's layout to stop it; turned into an `EasyreadError`."""


def _install() -> None:
    import weasyprint.layout as layout

    original = getattr(layout, "make_all_pages", None)
    if original is None or getattr(original, "easyread_limited", False):
        return

    def make_all_pages(*args, **kwargs):  # type: ignore[no-untyped-def]
        limit = getattr(_local, "max_pages", None)
        for number, page in enumerate(original(*args, **kwargs), start=1):
            if limit is not None and number > limit:
                raise PageLimitExceeded(number)
            yield page

    make_all_pages.easyread_limited = True  # type: ignore[attr-defined]
    layout.make_all_pages = make_all_pages


def installed() -> bool:
    """Whether the page limit can stop layout early with this WeasyPrint (checked by the tests)."""
    import weasyprint.layout as layout

    _install()
    return bool(getattr(getattr(layout, "make_all_pages", None), "easyread_limited", False))
