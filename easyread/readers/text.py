"""Turning input bytes into text, and the small text helpers readers share."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..errors import EasyreadError

_SPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)
"""Soft hyphen, zero-width space, word joiner and stray byte-order marks: removed outright.

Other format characters stay: zero-width joiners build emoji and Persian
words, and direction marks keep right-to-left text in order.
"""
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
"""Bytes Windows-1252 does not define: text holding them is in some other encoding."""
_BINARY = "this looks like a binary file, not text; save it as plain text (UTF-8)"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from a file, and how."""

    text: str
    encoding: str
    """The encoding used: ``utf-8``, ``utf-16``, ``utf-32`` or ``cp1252``."""
    replaced: int = 0
    """How many undecodable bytes became U+FFFD (�)."""


def decode(data: bytes, source: str) -> Decoded:
    """Decode text: UTF-8 (with or without BOM), UTF-16/32 (BOM or clear pattern), or Windows-1252.

    A UTF-8 file with a few bad bytes keeps its good text and marks the bad
    bytes with U+FFFD (the caller says so in a diagnostic) rather than being
    decoded as Windows-1252 and garbled throughout. Binary data, and text in
    any other encoding, is refused.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _finish(data, encoding.removesuffix("-sig"), encoding, source)
    wide = _utf16_without_bom(data)
    if wide:
        return _finish(data, "utf-16", wide, source)
    if b"\x00" in data[:8192]:
        raise EasyreadError(_BINARY, source=source)
    try:
        return _checked(Decoded(normalise_newlines(data.decode("utf-8")), "utf-8"), source)
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", "replace")
    replaced = as_utf8.count("\ufffd") - data.count("\ufffd".encode())
    if sum(1 for ch in as_utf8 if ord(ch) > 0x7F and ch != "\ufffd") >= replaced:
        # Mostly good UTF-8 with a few bad bytes, as when texts are pasted together.
        return _checked(Decoded(normalise_newlines(as_utf8), "utf-8", replaced), source)
    if any(byte in data for byte in _CP1252_UNDEFINED):
        # Neither UTF-8 nor Windows-1252: guessing further would garble the text.
        raise EasyreadError(
            "text is not in UTF-8 or Windows-1252; save it as UTF-8 and try again", source=source
        )
    return _finish(data, "cp1252", "cp1252", source)


def _finish(data: bytes, name: str, codec: str, source: str) -> Decoded:
    text = data.decode(codec, "replace")
    replaced = text.count("\ufffd") - data.decode(codec, "ignore").count("\ufffd")
    return _checked(Decoded(normalise_newlines(text), name, replaced), source)


def _checked(decoded: Decoded, source: str) -> Decoded:
    if _mostly_control(decoded.text) or decoded.replaced > max(16, len(decoded.text) // 20):
        raise EasyreadError(_BINARY, source=source)
    return decoded


def _utf16_without_bom(data: bytes) -> str:
    """``utf-16-le`` or ``-be`` when the bytes have UTF-16's pattern of zero bytes, else ``""``.

    Text in Latin script saved as UTF-16 has a zero byte in every other place;
    binary files do not keep to one side.
    """
    sample = data[:4096]
    if len(sample) < 16 or len(data) % 2:
        return ""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even == 0:
        return "utf-16-le"
    if even > 0.6 * half and odd == 0:
        return "utf-16-be"
    return ""


def normalise_newlines(text: str) -> str:
    """Unix newlines only, whatever the source used."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_control(text: str) -> bool:
    """True for binary data: text has few control characters (a short text may have a couple)."""
    sample = text[:4096]
    control = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    return control > 8 and control / len(sample) > 0.05


def clean_inline(text: str) -> str:
    """One line of text: whitespace runs collapsed, control characters and invisible marks dropped."""
    text = text.translate(_INVISIBLE)
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    return _SPACE.sub(" ", text).strip()
