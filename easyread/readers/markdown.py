"""Markdown reader built on markdown-it-py (CommonMark plus tables).

Emphasis is dropped (easy read avoids italics); link text is kept and a safe
URL is kept as a `Link`; raw HTML goes through the HTML reader, so scripts,
styles and frames are dropped, and reported, the same way.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import EasyreadError
from ..model import Block, BlockKind, Diagnostic, Document, Link, Severity
from . import html
from .notes import Notes
from .text import clean_inline

MAX_NESTING = 200
"""markdown-it's guard against deep recursion: lists and quotes nested deeper are skipped.

About 100 levels of lists or 200 of quotes; the skipped lines are reported.
"""

_PARSER = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
# markdown-it leaves a link with an unsafe address as literal text, URL and
# all. Accepting every address here lets the reader keep the link's words and
# drop the address through the one allow-list in `easyread.links`.
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]


def parse(text: str, source: str) -> Document:
    """Parse Markdown into the document model; a leading level-1 heading is the title."""
    notes = Notes("markdown")
    tokens = _PARSER.parse(text)
    document = Document(blocks=_blocks(tokens, notes))
    if _check_nesting(tokens, notes) and not document.blocks:
        raise EasyreadError(
            f"all the text is nested more than {MAX_NESTING // 2} levels deep in lists or quotes; "
            "use fewer levels",
            source=source,
        )
    first = document.blocks[0] if document.blocks else None
    if first and first.kind is BlockKind.HEADING and first.level == 1:
        document.title = first.text
    document.diagnostics.extend(notes.diagnostics())
    return document


def _check_nesting(tokens: list[Token], notes: Notes) -> bool:
    """Report text skipped by markdown-it's nesting guard; True if there was any."""
    deepest = next((i for i, t in enumerate(tokens) if t.level >= MAX_NESTING - 1), None)
    if deepest is None:
        return False
    opener = next((t for t in reversed(tokens[: deepest + 1]) if t.map), None)
    where = f" from line {opener.map[0] + 1}" if opener and opener.map else ""
    notes.add(
        Diagnostic(
            "ER108",
            f"Left out text nested more than {MAX_NESTING // 2} levels deep in lists or quotes"
            f"{where}; use fewer levels.",
            Severity.ERROR,
            stage="markdown",
        )
    )
    return True


def _blocks(tokens: list[Token], notes: Notes) -> list[Block]:
    blocks: list[Block] = []
    lists: list[bool] = []  # ordered flag of each open list
    items: list[Block | None] = []  # the block of each open list item, once it has text
    heading: int = 0
    table: Block | None = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            items.append(None)
        elif kind == "list_item_close":
            items.pop()
        elif kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "table_open":
            table = Block(BlockKind.TABLE)
            blocks.append(table)
        elif kind == "table_close":
            table = None
        elif kind == "tr_open" and table is not None:
            table.rows.append([])
        elif kind == "thead_close" and table is not None:
            table.header_rows = len(table.rows)
        elif kind == "inline":
            text, links = _inline(token.children or [], notes)
            if table is not None and table.rows:
                table.rows[-1].append(text)
                table.links.extend(links)
            elif heading:
                blocks.append(Block(BlockKind.HEADING, text, level=heading, links=links))
                heading = 0
            elif items and items[-1] is not None:
                item = items[-1]
                item.text = clean_inline(f"{item.text} {text}")
                item.links.extend(links)
            elif items:
                item = Block(
                    BlockKind.LIST_ITEM, text, level=len(lists) - 1, ordered=lists[-1], links=links
                )
                items[-1] = item
                blocks.append(item)
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, text, links=links))
        elif kind in ("fence", "code_block"):
            blocks.append(Block(BlockKind.PARAGRAPH, clean_inline(token.content)))
        elif kind == "html_block":
            blocks.extend(html.parse_fragment(token.content, notes))
    return [block for block in blocks if block.text or block.rows]


def _inline(children: list[Token], notes: Notes) -> tuple[str, list[Link]]:
    if any(child.type == "html_inline" for child in children):
        return _inline_html(children, notes)
    parts: list[str] = []
    links: list[Link] = []
    link_start: list[tuple[int, str]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            notes.left_out("picture", child.content)
        elif kind == "link_open":
            link_start.append((len(parts), str(child.attrs.get("href", ""))))
        elif kind == "link_close" and link_start:
            start, url = link_start.pop()
            words = clean_inline("".join(parts[start:]))
            if words and url:
                link = notes.link(words, url)
                if link is not None:
                    links.append(link)
    return clean_inline("".join(parts)), links


def _inline_html(children: list[Token], notes: Notes) -> tuple[str, list[Link]]:
    """Inline text with raw HTML in it, read by the HTML reader so tags are handled one way.

    Text between ``<script>`` and ``</script>`` written inline is dropped, not shown.
    """
    renderer: Any = _PARSER.renderer  # the HTML renderer; the protocol type omits renderInline
    markup = renderer.renderInline(children, _PARSER.options, {})
    blocks = html.parse_fragment(markup, notes)
    text = clean_inline(" ".join(block.text or " ".join(map(" ".join, block.rows)) for block in blocks))
    return text, [link for block in blocks for link in block.links]
