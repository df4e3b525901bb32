"""Which link addresses from a source document may be kept.

A document is untrusted: its links could run script (``javascript:``), carry
content (``data:``) or point at the reader's own files (``file:``). Readers
keep a link only when its address is an absolute ``http``, ``https``,
``mailto`` or ``tel`` address; the link's words always stay in the text.
Writers may show a kept address, never any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a kept link may use."""

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# What browsers ignore when parsing a URL (WHATWG URL standard): leading and
# trailing C0 controls and spaces, and tabs and newlines anywhere. An address
# is judged as a browser would read it, so "java\tscript:" is still script.
_EDGES = "".join(chr(c) for c in range(0x21))
_INNER = re.compile(r"[\t\n\r]")


class Verdict(StrEnum):
    """What happens to a link's address."""

    KEEP = "keep"
    UNSAFE = "unsafe"
    """A scheme outside the allow-list (``javascript:``, ``data:``, ``file:``...)."""
    RELATIVE = "relative"
    """An address relative to the original page, meaningless in the output."""


@dataclass(frozen=True, slots=True)
class Checked:
    """A link address after checking."""

    verdict: Verdict
    url: str
    """The cleaned address (only meaningful when kept)."""
    scheme: str = ""
    """The scheme found, lower case, if any."""


def check(url: str) -> Checked:
    """Decide whether a link address may be kept, as a browser would read it."""
    cleaned = _INNER.sub("", url.strip(_EDGES))
    match = _SCHEME.match(cleaned)
    if not match:
        return Checked(Verdict.RELATIVE, cleaned)
    scheme = match[1].lower()
    if scheme not in SCHEMES:
        return Checked(Verdict.UNSAFE, cleaned, scheme)
    if scheme in ("http", "https"):
        try:
            host = urlsplit(cleaned).hostname
        except ValueError:
            host = None
        if not host:
            return Checked(Verdict.UNSAFE, cleaned, scheme)
    elif len(cleaned) <= len(scheme) + 1:
        return Checked(Verdict.UNSAFE, cleaned, scheme)
    return Checked(Verdict.KEEP, cleaned, scheme)


def safe_url(url: str) -> str | None:
    """The address to keep for a link, or None when it must be dropped."""
    checked = check(url)
    return checked.url if checked.verdict is Verdict.KEEP else None
