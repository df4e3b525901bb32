"""Markdown reader built on markdown-it-py (CommonMark plus tables).

Emphasis is dropped (easy read avoids italics); link text is kept and the URL
is kept as a `Link`; raw HTML goes through the HTML reader, so scripts and
styles are dropped the same way.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Block, BlockKind, Document, Link
from . import html
from .text import clean_inline

_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")


def parse(text: str, source: str) -> Document:
    """Parse Markdown into the document model; a leading level-1 heading is the title."""
    document = Document(blocks=_blocks(_PARSER.parse(text)))
    first = document.blocks[0] if document.blocks else None
    if first and first.kind is BlockKind.HEADING and first.level == 1:
        document.title = first.text
    return document


def _blocks(tokens: list[Token]) -> list[Block]:
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
            text, links = _inline(token.children or [])
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
            blocks.extend(html.parse_fragment(token.content))
    return [block for block in blocks if block.text or block.rows]


def _inline(children: list[Token]) -> tuple[str, list[Link]]:
    parts: list[str] = []
    links: list[Link] = []
    link_start: list[tuple[int, str]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "link_open":
            link_start.append((len(parts), str(child.attrs.get("href", ""))))
        elif kind == "link_close" and link_start:
            start, url = link_start.pop()
            words = clean_inline("".join(parts[start:]))
            if words and url:
                links.append(Link(words, url))
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            parts.append(" ")
    return clean_inline("".join(parts)), links
