"""HTML reader: headings, paragraphs, lists and tables, in document order.

Only text is taken from HTML. Scripts, styles, navigation, forms, frames and
embedded objects are dropped, so nothing active in a web page reaches the
output.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from ..model import Block, BlockKind, Document, Link
from .text import clean_inline

DROPPED = frozenset(
    "script style nav noscript template iframe frame frameset object embed svg math "
    "canvas audio video form button select textarea input head meta link".split()
)
"""Elements whose content never reaches the document."""

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption "
    "figure footer header hgroup hr li main ol p pre section summary table ul html center".split()
)


def parse(text: str, source: str) -> Document:
    """Parse a whole HTML page; the title comes from ``<title>`` or the first ``<h1>``."""
    soup = BeautifulSoup(text, "html.parser")
    document = Document(blocks=_Walker().walk(soup))
    title = soup.find("title")
    if title is not None:
        document.title = clean_inline(title.get_text())
    root = soup.find("html")
    if isinstance(root, Tag) and root.get("lang"):
        document.language = clean_inline(str(root.get("lang")))[:35]
    if not document.title:
        first_h1 = next((b for b in document.blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
        document.title = first_h1.text if first_h1 else ""
    return document


def parse_fragment(text: str) -> list[Block]:
    """Blocks of an HTML fragment (used for raw HTML inside Markdown)."""
    return _Walker().walk(BeautifulSoup(text, "html.parser"))


class _Walker:
    """Walks the tree once, collecting loose inline text into paragraphs."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pending: list[str] = []
        self.pending_links: list[Link] = []

    def walk(self, root: Tag) -> list[Block]:
        self._children(root, list_depth=0)
        self._flush()
        return [block for block in self.blocks if block.text or block.rows]

    def _flush(self) -> None:
        text = clean_inline("".join(self.pending))
        if text:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, links=self.pending_links))
        self.pending = []
        self.pending_links = []

    def _children(self, element: Tag, list_depth: int) -> None:
        for child in element.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.pending.append(str(child))
            elif isinstance(child, Tag):
                self._element(child, list_depth)

    def _element(self, element: Tag, list_depth: int) -> None:
        name = element.name.lower()
        if name in DROPPED or name == "title":
            return
        if name in _HEADINGS:
            self._flush()
            text, links = _inline(element)
            self.blocks.append(Block(BlockKind.HEADING, text, level=_HEADINGS[name], links=links))
        elif name == "p":
            self._flush()
            text, links = _inline(element)
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, links=links))
        elif name in ("ul", "ol"):
            self._flush()
            self._list(element, ordered=name == "ol", depth=list_depth)
        elif name == "table":
            self._flush()
            self.blocks.append(_table(element))
        elif name == "br":
            self.pending.append(" ")
        elif name in _BLOCKS:
            self._flush()
            self._children(element, list_depth)
            self._flush()
        else:
            text, links = _inline(element)
            self.pending.append(f" {text} " if name in ("td", "th") else text)
            self.pending_links.extend(links)

    def _list(self, element: Tag, ordered: bool, depth: int) -> None:
        for item in element.find_all("li", recursive=False):
            text, links = _inline(item, skip=("ul", "ol"))
            self.blocks.append(
                Block(BlockKind.LIST_ITEM, text, level=depth, ordered=ordered, links=links)
            )
            for nested in item.find_all(("ul", "ol"), recursive=False):
                self._list(nested, ordered=nested.name == "ol", depth=depth + 1)


def _inline(element: Tag, skip: tuple[str, ...] = ()) -> tuple[str, list[Link]]:
    parts: list[str] = []
    links: list[Link] = []

    def visit(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in DROPPED or name in skip:
                continue
            if name == "br" or name in _BLOCKS or name in _HEADINGS:
                parts.append(" ")
            start = len(parts)
            visit(child)
            if name in _BLOCKS or name in _HEADINGS:
                parts.append(" ")
            if name == "a" and child.get("href"):
                words = clean_inline("".join(parts[start:]))
                if words:
                    links.append(Link(words, str(child.get("href"))))

    visit(element)
    return clean_inline("".join(parts)), links


def _table(element: Tag) -> Block:
    block = Block(BlockKind.TABLE)
    for row in element.find_all("tr"):
        if row.find_parent("table") is not element:
            continue
        cells = row.find_all(("td", "th"), recursive=False)
        texts = []
        for cell in cells:
            text, links = _inline(cell)
            texts.append(text)
            block.links.extend(links)
        if any(texts):
            if all(cell.name == "th" for cell in cells) and len(block.rows) == block.header_rows:
                block.header_rows += 1
            block.rows.append(texts)
    return block
