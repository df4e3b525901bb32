"""Turning input bytes into text, and the small text helpers readers share."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import EasyreadError

_SPACE = re.compile(r"\s+")


def decode(data: bytes, source: str) -> str:
    """Decode text as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252.

    Anything else is refused in one line rather than shown as mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise EasyreadError("text starts like UTF-16 but is not valid UTF-16", source=source) from None
    if b"\x00" in data:
        raise EasyreadError(
            "this looks like a binary file, not text; save it as plain text (UTF-8)", source=source
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_control(text):
            raise EasyreadError(
                "this looks like a binary file, not text; save it as plain text (UTF-8)",
                source=source,
            )
        return normalise_newlines(text)
    raise EasyreadError(
        "text is not in UTF-8 or Windows-1252; save it as UTF-8 and try again", source=source
    )


def normalise_newlines(text: str) -> str:
    """Unix newlines only, whatever the source used."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    return control / len(sample) > 0.05


def clean_inline(text: str) -> str:
    """One line of text: whitespace runs collapsed, control characters dropped."""
    text = "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\t\n" else " "
        for ch in text
    )
    return _SPACE.sub(" ", text).strip()
