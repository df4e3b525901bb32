"""Recognising a file by its first bytes, so a wrongly named file gets a helpful error.

A PDF renamed ``.txt`` or an old ``.doc`` renamed ``.docx`` would otherwise
give a vague "binary file" or "damaged" message.
"""

from __future__ import annotations

import re

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "pdf", "a PDF file; easyread cannot read PDF: save or export the document as .docx or .txt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole",
     "an old Word .doc (or other Office) file; open it in Word and save it as .docx"),
    (b"{\\rtf", "rtf", "a Rich Text (.rtf) file; open it in Word and save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "image", "a picture (PNG), not a document"),
    (b"\xff\xd8\xff", "image", "a picture (JPEG), not a document"),
    (b"GIF87a", "image", "a picture (GIF), not a document"),
    (b"GIF89a", "image", "a picture (GIF), not a document"),
    (b"PK\x03\x04", "zip", "a zip archive (such as a .docx file), not text"),
    (b"PK\x05\x06", "zip", "an empty zip archive, not a document"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def sniff(data: bytes) -> tuple[str, str] | None:
    """(kind, what to tell the user) when the bytes are a known non-text format, else None."""
    for signature, kind, message in _SIGNATURES:
        if data.startswith(signature):
            if kind == "zip" and b"word/document.xml" in data[:65536] + data[-65536:]:
                return kind, "a Word .docx file with the wrong name ending; rename it to end in .docx"
            return kind, message
    return None


def looks_like_html(data: bytes) -> bool:
    """True when text starts as a web page does (``<!DOCTYPE html>`` or ``<html>``)."""
    return bool(_HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))
