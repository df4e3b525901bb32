"""Plain text reader: paragraphs, bullet and numbered lists, a title and simple headings.

Conventions (documented in docs/getting-started.md):
- a blank line separates paragraphs; wrapped lines of a paragraph are joined;
- a line starting with ``-``, ``*``, ``•`` or ``1.`` / ``1)`` is a list item,
  indented items are nested;
- a short first line standing alone, with more text after it, is the title;
- a later short line standing alone, without end punctuation, is a heading.
"""

from __future__ import annotations

import re

from ..model import Block, BlockKind, Document
from .text import clean_inline

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*•‣▪◦●]|\d{1,3}[.)])[ \t]+(?P<text>\S.*)$")
_TITLE_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12


def parse(text: str, source: str) -> Document:
    """Parse plain text into the document model."""
    paragraphs = _paragraphs(text)
    document = Document()
    if len(paragraphs) > 1 and _is_title(paragraphs[0]):
        document.title = clean_inline(paragraphs.pop(0)[0])
    for lines in paragraphs:
        document.blocks.extend(_blocks(lines, more_follows=lines is not paragraphs[-1]))
    return document


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_title(lines: list[str]) -> bool:
    return (
        len(lines) == 1
        and len(lines[0].strip()) <= _TITLE_MAX_CHARS
        and not _BULLET.match(lines[0])
    )


def _is_heading(lines: list[str], more_follows: bool) -> bool:
    line = lines[0].strip()
    return (
        more_follows
        and len(lines) == 1
        and len(line.split()) <= _HEADING_MAX_WORDS
        and line[-1] not in ".!?,;:"
        and line[0].isupper()
        and not _BULLET.match(lines[0])
    )


def _blocks(lines: list[str], more_follows: bool) -> list[Block]:
    if _is_heading(lines, more_follows):
        return [Block(BlockKind.HEADING, clean_inline(lines[0]), level=2)]
    blocks: list[Block] = []
    indents: list[int] = []
    for line in lines:
        match = _BULLET.match(line)
        if match:
            indent = len(match["indent"].expandtabs(4))
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            blocks.append(
                Block(
                    BlockKind.LIST_ITEM,
                    clean_inline(match["text"]),
                    level=len(indents) - 1,
                    ordered=match["mark"][0].isdigit(),
                )
            )
        elif blocks:
            blocks[-1].text = clean_inline(f"{blocks[-1].text} {line}")
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, clean_inline(line)))
    return [block for block in blocks if block.text]
