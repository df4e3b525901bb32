"""The document as writers lay it out: headings in order, list items grouped into lists.

Shared by every writer, so HTML, PDF and Word show the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, BlockKind, Document


@dataclass(slots=True)
class ListItem:
    """One item of a list, with any lists nested under it."""

    block: Block
    children: list[ListNode] = field(default_factory=list)


@dataclass(slots=True)
class ListNode:
    """A bulleted or numbered list."""

    ordered: bool
    items: list[ListItem] = field(default_factory=list)
    kind: str = "list"


@dataclass(slots=True)
class Node:
    """A heading, paragraph or table, ready to lay out."""

    kind: str
    block: Block
    level: int = 0
    header: list[list[str]] = field(default_factory=list)
    body: list[list[str]] = field(default_factory=list)


def outline(document: Document) -> list[Node | ListNode]:
    """Group blocks for layout; heading levels start at 2 (the title is 1) and never skip."""
    levels = [b.level for b in document.blocks if b.kind is BlockKind.HEADING]
    lowest = min(levels, default=1)
    previous = 1
    nodes: list[Node | ListNode] = []
    pending: list[Block] = []
    for block in [*document.blocks, None]:
        if block is not None and block.kind is BlockKind.LIST_ITEM:
            pending.append(block)
            continue
        if pending:
            nodes.append(_list(pending))
            pending = []
        if block is None:
            break
        if block.kind is BlockKind.HEADING:
            level = max(2, min(block.level - lowest + 2, previous + 1, 6))
            previous = level
            nodes.append(Node("heading", block, level=level))
        elif block.kind is BlockKind.TABLE:
            head = block.rows[: block.header_rows]
            nodes.append(Node("table", block, header=head, body=block.rows[block.header_rows :]))
        else:
            nodes.append(Node("paragraph", block))
    return nodes


def _list(blocks: list[Block]) -> ListNode:
    root = ListNode(ordered=blocks[0].ordered)
    stack: list[tuple[ListNode, int]] = [(root, blocks[0].level)]
    for block in blocks:
        while len(stack) > 1 and block.level < stack[-1][1]:
            stack.pop()
        node, level = stack[-1]
        if block.level > level and node.items:
            child = ListNode(ordered=block.ordered)
            node.items[-1].children.append(child)
            stack.append((child, block.level))
            node = child
        node.items.append(ListItem(block))
    return root
