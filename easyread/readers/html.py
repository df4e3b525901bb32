"""HTML reader: headings, paragraphs, lists and tables, in document order.

Only text is taken from HTML. Scripts, styles, navigation, form controls,
frames and embedded objects are dropped, so nothing active in a web page
reaches the output; content a reader of the page would have seen (frames,
media, drawings, formulas, pictures) is reported in a diagnostic (see
`notes`). Link addresses are kept only when they are safe
(`easyread.links`).

The tree is walked with an explicit stack, not recursion, so a page nested
thousands of levels deep still converts. Python's ``html.parser`` does not
close ``<li>``, ``<p>`` or ``<td>`` implicitly as browsers do; the walker
treats such an element opened directly inside another as its next sibling.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import PageElement, PreformattedString

from ..model import Block, BlockKind, Document, Link
from .notes import Notes
from .text import clean_inline

SILENT = frozenset(
    "script style noscript template head meta link title base nav button select textarea input".split()
)
"""Elements left out without a note: invisible, or page furniture (menus and form controls)."""

NOTED = {
    "iframe": "embedded",
    "frame": "embedded",
    "frameset": "embedded",
    "object": "embedded",
    "embed": "embedded",
    "audio": "media",
    "video": "media",
    "svg": "drawing",
    "canvas": "drawing",
    "math": "formula",
}
"""Elements left out and reported (by kind of content, see `notes.KINDS`)."""

DROPPED = SILENT | NOTED.keys()
"""Elements whose content never reaches the document."""

_ALWAYS_NOTED = frozenset({"embedded", "media"})
"""Kinds reported even without text: the reader of the page would see something there."""

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption "
    "figure footer header hgroup hr li main ol p pre section summary table ul html center "
    "form legend".split()
)
_TABLE_PARTS = frozenset("thead tbody tfoot colgroup col".split())
_CELLS = frozenset("td th tr caption".split())
_SIBLINGS = {"li": ("li",), "p": ("p",), "td": ("td", "th"), "th": ("td", "th")}
"""Elements a browser closes when the same kind opens inside them."""


def parse(text: str, source: str) -> Document:
    """Parse a whole HTML page; the title comes from ``<title>`` or the first ``<h1>``."""
    soup = _soup(text)
    notes = Notes("html")
    document = Document(blocks=_Walker(notes).walk(soup))
    title = soup.find("title")
    if title is not None:
        document.title = clean_inline(title.get_text())
    root = soup.find("html")
    if isinstance(root, Tag) and root.get("lang"):
        document.language = clean_inline(str(root.get("lang")))[:35]
    if not document.title:
        first_h1 = next((b for b in document.blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
        document.title = first_h1.text if first_h1 else ""
    document.diagnostics.extend(notes.diagnostics())
    return document


def parse_fragment(text: str, notes: Notes) -> list[Block]:
    """Blocks of an HTML fragment (raw HTML inside Markdown); what is left out goes to `notes`."""
    return _Walker(notes).walk(_soup(text))


def _soup(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # A one-line document such as "index.html" is text to read, not a mistake.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(text, "html.parser")


@dataclass(slots=True)
class _Text:
    """Words being gathered for one block, table cell or caption."""

    parts: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def text(self) -> str:
        return clean_inline("".join(self.parts))


@dataclass(slots=True)
class _Table:
    """A table being built."""

    block: Block
    rows: list[list[str]] = field(default_factory=list)
    all_headers: list[bool] = field(default_factory=list)
    """For each row, whether every cell is a header cell."""
    before: list[_Text] = field(default_factory=list)
    """Its caption and any text outside its cells, shown before it."""
    stray: _Text | None = None
    implicit_row: int | None = None
    """The row that cells outside any ``<tr>`` go into."""

    def new_row(self) -> int:
        self.rows.append([])
        self.all_headers.append(True)
        return len(self.rows) - 1


@dataclass(slots=True)
class _Frame:
    """An open element that matters to the layout of what is inside it."""

    element: Tag
    role: str
    """``text`` (gathers words), ``list``, ``table``, ``row``, ``block``, ``flat`` or ``link``."""
    text: _Text | None = None
    """Where a text frame gathers words; for a link, the text it is part of."""
    block: Block | None = None
    """The block a text frame fills (None for table cells and captions)."""
    table: _Table | None = None
    """The table a table, row or cell frame belongs to."""
    row: int = -1
    """The row of a row or cell frame."""
    slot: int = 0
    """A cell's place in its row; a link's first part; 1 for an ordered list or a spaced element."""


class _Walker:
    """Walks the tree once, without recursion, gathering text into blocks."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.blocks: list[Block] = []
        self.pending = _Text()
        self.frames: list[_Frame] = []
        self.structure: list[_Frame] = []
        """The open text, list, table and row frames, innermost last."""
        self.list_depth = 0

    def walk(self, root: Tag) -> list[Block]:
        stack: list[tuple[PageElement, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._leave()
            elif isinstance(node, Tag):
                if self._enter(node):
                    stack.append((node, True))
                    stack.extend((child, False) for child in reversed(node.contents))
            elif not isinstance(node, PreformattedString):
                self._write(str(node))
        self._flush()
        return [block for block in self.blocks if block.text or block.rows]

    # -- text ---------------------------------------------------------------

    def _target(self) -> _Text:
        top = self.structure[-1] if self.structure else None
        if top is None or top.role == "list":
            return self.pending
        if top.role in ("table", "row"):
            table = top.table
            assert table is not None
            if table.stray is None:  # text outside the cells: browsers show it first
                table.stray = _Text()
                table.before.append(table.stray)
            return table.stray
        assert top.text is not None
        return top.text

    def _write(self, text: str) -> None:
        self._target().parts.append(text)

    def _flush(self) -> None:
        text = self.pending.text()
        if text:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, links=self.pending.links))
        self.pending = _Text()

    # -- entering and leaving elements -------------------------------------

    def _enter(self, element: Tag) -> bool:
        """Open an element; False when its content is left out."""
        name = element.name.lower()
        if name in SILENT:
            return False
        if name in NOTED:
            self._note(element, NOTED[name])
            return False
        if name == "img":
            alt = str(element.get("alt") or "")
            if clean_inline(alt):
                self.notes.left_out("picture", alt)
            return False
        if name == "br":
            self._write(" ")
            return False
        if name == "a":
            target = self._target()
            self._push(_Frame(element, "link", text=target, slot=len(target.parts)))
            return True
        top = self.structure[-1] if self.structure else None
        if top is not None and top.role == "text":
            self._enter_in_text(element, name, top)
        elif top is not None and top.role in ("table", "row"):
            self._enter_in_table(element, name, top)
        elif top is not None and top.role == "list" and name == "li":
            self._open_text(element, BlockKind.LIST_ITEM)
        else:
            self._enter_in_flow(element, name)
        return True

    def _enter_in_flow(self, element: Tag, name: str) -> None:
        if name in _HEADINGS:
            self._flush()
            self._open_text(element, BlockKind.HEADING, level=_HEADINGS[name])
        elif name == "p":
            self._flush()
            self._open_text(element, BlockKind.PARAGRAPH)
        elif name in ("ul", "ol"):
            self._flush()
            self._open_list(element, name)
        elif name == "li":
            self._flush()
            self._open_text(element, BlockKind.LIST_ITEM)
        elif name == "table":
            self._flush()
            table = _Table(Block(BlockKind.TABLE))
            self.blocks.append(table.block)
            self._push(_Frame(element, "table", table=table), structural=True)
        elif name in _BLOCKS:
            self._flush()
            self._push(_Frame(element, "block"))
        else:
            self._push(_Frame(element, "flat"))

    def _enter_in_text(self, element: Tag, name: str, top: _Frame) -> None:
        top_name = top.element.name.lower()
        direct = element.parent is top.element
        if direct and top_name == "p" and (name in _BLOCKS or name in _HEADINGS):
            # A browser ends the paragraph here; what follows is laid out on its own.
            self._close_text(top)
            self.structure.pop()
            top.role = "block"
            self._enter_in_flow(element, name)
            return
        sibling = direct and name in _SIBLINGS.get(top_name, ())
        if sibling and top.table is not None and top.row >= 0:  # a cell opened inside a cell
            self._open_cell(element, name, top.table, top.row)
        elif sibling and top.block is not None:
            self._open_text(element, top.block.kind, level=top.block.level)
        elif direct and name == "tr" and top.table is not None and top.row >= 0:
            self._open_row(element, top.table)
        elif name in ("ul", "ol") and top_name == "li":
            self._open_list(element, name)
        else:
            spaced = name in _BLOCKS or name in _HEADINGS or name in _CELLS
            if spaced:
                self._write(" ")
            self._push(_Frame(element, "flat", slot=int(spaced)))

    def _enter_in_table(self, element: Tag, name: str, top: _Frame) -> None:
        table = top.table
        assert table is not None
        if name == "tr":
            self._open_row(element, table)
        elif name in ("td", "th"):
            if top.role == "row":
                row = top.row
            else:
                if table.implicit_row is None:
                    table.implicit_row = table.new_row()
                row = table.implicit_row
            self._open_cell(element, name, table, row)
        elif name in _TABLE_PARTS:
            self._push(_Frame(element, "flat"))
        else:  # a caption, or anything else outside the cells: shown before the table
            text = _Text()
            table.before.append(text)
            self._push(_Frame(element, "text", text=text, table=table), structural=True)

    def _leave(self) -> None:
        frame = self.frames.pop()
        if self.structure and self.structure[-1] is frame:
            self.structure.pop()
        if frame.role == "text":
            self._close_text(frame)
        elif frame.role == "list":
            self.list_depth -= 1
        elif frame.role == "table":
            self._close_table(frame)
        elif frame.role == "block":
            self._flush()
        elif frame.role == "flat" and frame.slot:
            self._write(" ")
        elif frame.role == "link":
            self._close_link(frame)

    # -- helpers -----------------------------------------------------------

    def _push(self, frame: _Frame, structural: bool = False) -> _Frame:
        self.frames.append(frame)
        if structural:
            self.structure.append(frame)
        return frame

    def _open_text(self, element: Tag, kind: BlockKind, level: int = 0) -> None:
        ordered = False
        if kind is BlockKind.LIST_ITEM:
            level = max(0, self.list_depth - 1)
            lists = (f for f in reversed(self.structure) if f.role == "list")
            ordered = next((f.slot == 1 for f in lists), False)
        block = Block(kind, level=level, ordered=ordered)
        self.blocks.append(block)
        self._push(_Frame(element, "text", text=_Text(), block=block), structural=True)

    def _open_list(self, element: Tag, name: str) -> None:
        self.list_depth += 1
        self._push(_Frame(element, "list", slot=int(name == "ol")), structural=True)

    def _open_row(self, element: Tag, table: _Table) -> None:
        table.implicit_row = None
        self._push(_Frame(element, "row", table=table, row=table.new_row()), structural=True)

    def _open_cell(self, element: Tag, name: str, table: _Table, row: int) -> None:
        cells = table.rows[row]
        cells.append("")
        if name != "th":
            table.all_headers[row] = False
        frame = _Frame(element, "text", text=_Text(), table=table, row=row, slot=len(cells) - 1)
        self._push(frame, structural=True)

    def _close_text(self, frame: _Frame) -> None:
        assert frame.text is not None
        if frame.block is not None:
            frame.block.text = frame.text.text()
            frame.block.links = frame.text.links
        elif frame.table is not None and frame.row >= 0:
            frame.table.rows[frame.row][frame.slot] = frame.text.text()
            frame.table.block.links.extend(frame.text.links)

    def _close_table(self, frame: _Frame) -> None:
        table = frame.table
        assert table is not None
        block = table.block
        for cells, all_headers in zip(table.rows, table.all_headers, strict=True):
            if any(cells):
                if all_headers and len(block.rows) == block.header_rows:
                    block.header_rows += 1
                block.rows.append(cells)
        before = [Block(BlockKind.PARAGRAPH, t.text(), links=t.links) for t in table.before]
        before = [b for b in before if b.text]
        if before:
            index = next(i for i in range(len(self.blocks) - 1, -1, -1) if self.blocks[i] is block)
            self.blocks[index:index] = before

    def _close_link(self, frame: _Frame) -> None:
        href = frame.element.get("href")
        if not href or frame.text is None:
            return
        words = clean_inline("".join(frame.text.parts[frame.slot :]))
        if words:
            link = self.notes.link(words, str(href))
            if link is not None:
                frame.text.links.append(link)

    def _note(self, element: Tag, kind: str) -> None:
        text = element.get_text(" ")
        if clean_inline(text) or kind in _ALWAYS_NOTED:
            self.notes.left_out(kind, text)
