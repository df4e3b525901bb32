"""Keeping a freshly read document within what later stages and writers can handle.

Every reader's output passes through `guard`, so the limits hold whatever
the format: too many blocks is an error; a paragraph too long for the
language model is split at sentence ends; lists nested deeper than a page can
show are brought up to the deepest level shown; an overlong title is
shortened and kept in full as the first paragraph. Each change is reported.
"""

from __future__ import annotations

import re

from ..errors import EasyreadError
from ..model import Block, BlockKind, Diagnostic, Document, Severity
from ..options import Limits

LIST_LEVELS = 6
"""Deepest list nesting kept (levels 0-5); easy read rarely nests lists at all."""

TITLE_CHARS = 200
"""Longest title kept whole."""

_SENTENCE_END = re.compile(r"[.!?。！？]['\"”’)\]]*\s")


def guard(document: Document, limits: Limits, source: str) -> None:
    """Refuse or adjust a document that is beyond the limits, reporting each change."""
    if len(document.blocks) > limits.max_blocks:
        raise EasyreadError(
            f"document has {len(document.blocks)} paragraphs, more than the limit of "
            f"{limits.max_blocks} (limits.max_blocks); split it into smaller documents",
            source=source,
        )
    words = sum(len(block.text.split()) + sum(len(" ".join(row).split()) for row in block.rows)
                for block in document.blocks)
    if words > limits.max_words:
        raise EasyreadError(
            f"document has {words} words, more than the limit of {limits.max_words} "
            "(limits.max_words); split it into smaller documents",
            source=source,
        )
    _shorten_title(document)
    _split_long(document, limits.max_paragraph_chars)
    if len(document.blocks) > limits.max_blocks:
        raise EasyreadError(
            f"document has {len(document.blocks)} paragraphs once long ones are split, more than "
            f"the limit of {limits.max_blocks} (limits.max_blocks); split it into smaller documents",
            source=source,
        )
    _flatten_lists(document)


def _shorten_title(document: Document) -> None:
    title = document.title
    if len(title) <= TITLE_CHARS:
        return
    cut = title.rfind(" ", 0, TITLE_CHARS - 1)
    document.title = title[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS - 1].rstrip() + "…"
    document.blocks.insert(0, Block(BlockKind.PARAGRAPH, title))
    document.diagnostics.append(
        Diagnostic(
            "ER109",
            f"The title was {len(title)} characters long, so it was shortened; "
            "the whole title is the first paragraph.",
            Severity.WARNING,
            stage="read",
            block=0,
        )
    )


def _split_long(document: Document, limit: int) -> None:
    if all(len(block.text) <= limit for block in document.blocks):
        return
    blocks: list[Block] = []
    for block in document.blocks:
        if len(block.text) <= limit:
            blocks.append(block)
            continue
        parts = split_text(block.text, limit)
        document.diagnostics.append(
            Diagnostic(
                "ER106",
                f"A paragraph of {len(block.text)} characters was split into {len(parts)} "
                "paragraphs at sentence ends; check where it breaks.",
                Severity.WARNING,
                stage="read",
                block=len(blocks),
            )
        )
        for index, part in enumerate(parts):
            kind = block.kind if index == 0 or block.kind is not BlockKind.HEADING else BlockKind.PARAGRAPH
            links = [link for link in block.links if link.text in part]
            blocks.append(
                Block(kind, part, level=block.level, ordered=block.ordered, links=links,
                      meta=dict(block.meta))
            )
    document.blocks = blocks


def split_text(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters: at a sentence end, else a space."""
    parts: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > limit // 4 else window.rfind(" ")
        if cut <= limit // 4:
            cut = limit
        parts.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        parts.append(text)
    return [part for part in parts if part]


def _flatten_lists(document: Document) -> None:
    deepest = LIST_LEVELS - 1
    moved = 0
    for block in document.blocks:
        if block.kind is BlockKind.LIST_ITEM and block.level > deepest:
            block.level = deepest
            moved += 1
        elif block.level < 0:
            block.level = 0
    if moved:
        document.diagnostics.append(
            Diagnostic(
                "ER107",
                f"{moved} list items were nested more than {LIST_LEVELS} levels deep; "
                f"they are shown at level {LIST_LEVELS}.",
                Severity.INFO,
                stage="read",
            )
        )
