"""Word (.docx) reader built on python-docx, in document order.

Headings come from heading styles, lists from list styles or Word numbering,
tables stay tables. The title is the core property, else a Title-styled
paragraph, else the first heading.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from ..errors import EasyreadError
from ..model import Block, BlockKind, Document, Link
from .text import clean_inline

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""A .docx that would unpack to more than this is refused before it is opened (zip bombs)."""

_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def parse_bytes(data: bytes, source: str) -> Document:
    """Parse the bytes of a .docx file into the document model."""
    word = _open(data, source)
    numbering = _Numbering(word)
    document = Document()
    for item in word.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph(item, numbering)
            if block is None:
                continue
            if block.kind is BlockKind.HEADING and block.level == 0:
                document.title = document.title or block.text
                continue
            document.blocks.append(block)
        elif isinstance(item, Table):
            document.blocks.append(_table(item))
    properties = word.core_properties
    if properties.title and properties.title.strip():
        document.title = clean_inline(properties.title)
    elif not document.title:
        first = next((b for b in document.blocks if b.kind is BlockKind.HEADING), None)
        document.title = first.text if first is not None else ""
    if properties.language:
        document.language = clean_inline(properties.language)[:35]
    if properties.author:
        document.metadata["author"] = clean_inline(properties.author)
    document.blocks = [b for b in document.blocks if b.text or b.rows]
    return document


def _open(data: bytes, source: str) -> WordDocument:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise EasyreadError(
                    f"refused: the .docx would unpack to {unpacked // 2**20} MB "
                    f"(limit {MAX_UNPACKED_BYTES // 2**20} MB)",
                    source=source,
                )
            if "word/document.xml" not in archive.namelist():
                raise EasyreadError("not a Word document: word/document.xml is missing", source=source)
        return docx.Document(io.BytesIO(data))
    except EasyreadError:
        raise
    except zipfile.BadZipFile:
        raise EasyreadError("not a valid .docx file (it is not a zip archive, or it is damaged)", source=source) from None
    except Exception as error:  # python-docx raises many types on damaged parts
        raise EasyreadError(f"cannot read this .docx file: {type(error).__name__}", source=source) from None


def _paragraph(paragraph: Paragraph, numbering: _Numbering) -> Block | None:
    text, links = _runs(paragraph)
    if not text:
        return None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.lower() == "title":
        return Block(BlockKind.HEADING, text, level=0, links=links)
    heading = _HEADING.match(style)
    if heading:
        return Block(BlockKind.HEADING, text, level=max(1, int(heading[1])), links=links)
    list_info = numbering.list_info(paragraph, style)
    if list_info is not None:
        level, ordered = list_info
        return Block(BlockKind.LIST_ITEM, text, level=level, ordered=ordered, links=links)
    return Block(BlockKind.PARAGRAPH, text, links=links)


def _runs(paragraph: Paragraph) -> tuple[str, list[Link]]:
    parts: list[str] = []
    links: list[Link] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            words = clean_inline(item.text)
            parts.append(item.text)
            if words and item.address:
                links.append(Link(words, item.address))
        else:
            parts.append(item.text)
    return clean_inline("".join(parts)), links


def _table(table: Table) -> Block:
    block = Block(BlockKind.TABLE)
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            cells.append(clean_inline(" ".join(p.text for p in cell.paragraphs)))
        if any(cells):
            block.rows.append(cells)
    # Word marks repeating header rows with w:tblHeader; most tables in letters
    # and papers have an unmarked header row, so the first row is assumed one.
    marked = sum(1 for row in table.rows if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None)
    block.header_rows = marked or (1 if len(block.rows) > 1 else 0)
    return block


class _Numbering:
    """Looks up whether a numbered paragraph is a bulleted or a numbered list."""

    def __init__(self, word: WordDocument) -> None:
        try:
            self.root = word.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.root = None

    def list_info(self, paragraph: Paragraph, style: str) -> tuple[int, bool] | None:
        """(nesting level, ordered) for a list paragraph, None for any other."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        lowered = style.lower()
        if num_pr is None:
            if lowered.startswith("list bullet"):
                return _style_level(lowered), False
            if lowered.startswith("list number"):
                return _style_level(lowered), True
            return None
        ilvl, num_id_element = num_pr.find(qn("w:ilvl")), num_pr.find(qn("w:numId"))
        level = int(ilvl.get(qn("w:val"), 0)) if ilvl is not None else 0
        num_id = int(num_id_element.get(qn("w:val"), 0)) if num_id_element is not None else None
        if num_id is None or num_id == 0:
            return None
        return level, self._ordered(num_id, level, default=lowered.startswith("list number"))

    def _ordered(self, num_id: int, level: int, default: bool) -> bool:
        if self.root is None:
            return default
        nums = self.root.xpath(f'./w:num[@w:numId="{int(num_id)}"]/w:abstractNumId/@w:val')
        if not nums:
            return default
        formats = self.root.xpath(
            f'./w:abstractNum[@w:abstractNumId="{int(nums[0])}"]'
            f'/w:lvl[@w:ilvl="{int(level)}"]/w:numFmt/@w:val'
        )
        return bool(formats) and formats[0] not in ("bullet", "none")


def _style_level(style: str) -> int:
    digits = re.findall(r"\d+", style)
    return max(0, int(digits[-1]) - 1) if digits else 0
