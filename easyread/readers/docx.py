"""Word (.docx) reader built on python-docx, in document order.

Headings come from heading styles, lists from list styles or Word numbering,
tables stay tables. The title is the core property, else a Title-styled
paragraph, else the first heading.

A .docx is a zip archive of XML parts, and an untrusted one can be a zip
bomb or damaged anywhere. The archive is checked from its directory before
anything is unpacked (`check_archive`), and any failure inside python-docx
becomes one clear error. Text that python-docx's own paragraph API skips is
still read: tracked insertions, content controls, fields, smart tags and
text boxes. Footnotes, endnotes, comments, diagrams and charts are left out
and reported.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from ..errors import EasyreadError
from ..model import Block, BlockKind, Diagnostic, Document, Link, Severity
from ..options import Limits
from .notes import Notes
from .text import clean_inline

MAX_ENTRIES = 5_000
"""Most files a .docx archive may hold (a long report with pictures has a few hundred)."""

MAX_RATIO = 200
"""Largest unpacked-to-packed size ratio for a part over `RATIO_FLOOR` (Word's XML packs about 10:1)."""

RATIO_FLOOR = 1024 * 1024
"""Parts smaller than this are not ratio-checked: small parts of repeated text pack very tightly."""

_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

_P, _TBL, _R, _HYPERLINK = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:hyperlink")
_TXBX = qn("w:txbxContent")
_CONTAINERS = frozenset(
    qn(f"w:{name}")
    for name in "ins moveTo smartTag sdt sdtContent fldSimple customXml dir bdo".split()
) | {f"{_MC}AlternateContent", f"{_MC}Choice"}
"""Elements whose content is read as if it stood in their place."""
_FORMULAS = frozenset({f"{_MATH}oMath", f"{_MATH}oMathPara"})
_DRAWING_TEXT = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
_NOTE_PARTS = {
    "/word/footnotes.xml": ("footnote", qn("w:footnote")),
    "/word/endnotes.xml": ("endnote", qn("w:endnote")),
    "/word/comments.xml": ("comment", qn("w:comment")),
}


def parse_bytes(data: bytes, source: str, limits: Limits | None = None) -> Document:
    """Parse the bytes of a .docx file into the document model."""
    check_archive(data, source, limits or Limits())
    try:
        return _parse(docx.Document(io.BytesIO(data)))
    except EasyreadError:
        raise
    except RecursionError:
        raise EasyreadError("the document is nested too deeply to read", source=source) from None
    except zipfile.BadZipFile as error:
        raise EasyreadError(f"this .docx file is damaged ({error})", source=source) from None
    except etree.XMLSyntaxError as error:
        raise EasyreadError(
            f"this .docx file is damaged: a part is not valid XML ({error.msg})", source=source
        ) from None
    except MemoryError:
        raise EasyreadError("this .docx file is too large to read", source=source) from None
    except Exception as error:  # python-docx raises many types on damaged parts
        raise EasyreadError(
            f"this .docx file is damaged and cannot be read ({type(error).__name__})", source=source
        ) from None


def check_archive(data: bytes, source: str, limits: Limits) -> None:
    """Refuse an archive that is damaged, a zip bomb, or not a Word document, before unpacking."""
    declared = _declared_entries(data)
    if declared is not None and declared > MAX_ENTRIES:
        raise EasyreadError(
            f"refused: the .docx holds {declared} files (limit {MAX_ENTRIES}); it is not a normal "
            "Word document",
            source=source,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise EasyreadError(
            "not a valid .docx file (it is damaged or cut short; open it in Word and save it again)",
            source=source,
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise EasyreadError(
            f"refused: the .docx holds {len(entries)} files (limit {MAX_ENTRIES})", source=source
        )
    names = [entry.filename for entry in entries]
    if len(set(names)) != len(names):
        raise EasyreadError("this .docx file is damaged: it holds two parts with one name", source=source)
    if "word/document.xml" not in names:
        raise EasyreadError("not a Word document: word/document.xml is missing", source=source)
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise EasyreadError("this .docx file is encrypted; save it without a password", source=source)
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked_bytes:
        raise EasyreadError(
            f"refused: the .docx would unpack to {unpacked / 2**20:.0f} MB "
            f"(limit {limits.max_unpacked_bytes / 2**20:g} MB, limits.max_unpacked_bytes)",
            source=source,
        )
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise EasyreadError(
                f"refused: {entry.filename} in the .docx unpacks {entry.file_size // max(entry.compress_size, 1)} "
                f"times larger than it is packed (limit {MAX_RATIO}); this is how zip bombs work",
                source=source,
            )


def _declared_entries(data: bytes) -> int | None:
    """The entry count in the zip's end record, read before Python builds its whole directory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    (total,) = struct.unpack_from("<H", data, end + 10)
    return None if total == 0xFFFF else total


def _parse(word: WordDocument) -> Document:
    notes = Notes("docx")
    numbering = _Numbering(word)
    document = Document()
    boxed = 0
    for item, in_box in _items(word):
        if isinstance(item, Table):
            document.blocks.append(_table(item, notes))
            continue
        block = _paragraph(item, numbering, notes)
        if block is None:
            continue
        boxed += in_box
        if block.kind is BlockKind.HEADING and block.level == 0:
            document.title = document.title or block.text
            continue
        document.blocks.append(block)
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
    if boxed:
        notes.add(
            Diagnostic(
                "ER110",
                f"Text boxes gave {boxed} paragraph{'s' if boxed > 1 else ''}; each is placed "
                "after the paragraph its box is anchored to. Check the order.",
                Severity.INFO,
                stage="docx",
            )
        )
    _note_other_parts(word, notes)
    document.diagnostics.extend(notes.diagnostics())
    return document


def _items(word: WordDocument) -> Iterator[tuple[Paragraph | Table, bool]]:
    """Paragraphs and tables in reading order, with whether each is inside a text box.

    Content controls and similar wrappers are opened; a paragraph's text boxes
    follow it. An explicit stack keeps deep nesting from recursing.
    """
    body = word.element.body
    parent = word._body
    stack: list[tuple[Iterator[etree._Element], bool]] = [(iter(body), False)]
    while stack:
        children, in_box = stack[-1]
        element = next(children, None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if tag == _P:
            yield Paragraph(element, parent), in_box
            boxes = _text_boxes(element)
            if boxes:
                stack.append((iter([child for box in boxes for child in box]), True))
        elif tag == _TBL:
            yield Table(element, parent), in_box
        elif tag in _CONTAINERS:
            stack.append((iter(element), in_box))


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in a paragraph (not their fallback copies, not boxes in boxes)."""
    found = []
    for box in paragraph.iter(_TXBX):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag == _TXBX or ancestor.tag == f"{_MC}Fallback":
                break
            ancestor = ancestor.getparent()
        else:
            found.append(box)
    return found


def _paragraph(paragraph: Paragraph, numbering: _Numbering, notes: Notes) -> Block | None:
    text, links = _runs(paragraph, notes)
    if not text:
        return None
    style = _style_name(paragraph)
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


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):  # a style id the styles part lacks
        return ""
    return (style.name if style is not None else "") or ""


def _runs(paragraph: Paragraph, notes: Notes) -> tuple[str, list[Link]]:
    """A paragraph's text, including tracked insertions, fields and content controls."""
    parts: list[str] = []
    links: list[Link] = []
    open_links: list[tuple[etree._Element, int]] = []
    stack: list[tuple[etree._Element, bool]] = [(child, False) for child in reversed(paragraph._p)]
    while stack:
        element, leaving = stack.pop()
        if leaving:
            start = open_links.pop()[1]
            words = clean_inline("".join(parts[start:]))
            address = _address(paragraph, element)
            if words and address:
                link = notes.link(words, address)
                if link is not None:
                    links.append(link)
            continue
        tag = element.tag
        if tag == _R:
            parts.append(element.text or "")  # python-docx's run text: w:t, tabs, breaks
            for formula in element.iter(*_FORMULAS):
                notes.left_out("formula", "".join(formula.itertext()))
        elif tag == _HYPERLINK or tag in _CONTAINERS:
            if tag == _HYPERLINK:
                open_links.append((element, len(parts)))
                stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
        elif tag in _FORMULAS:
            notes.left_out("formula", "".join(element.itertext()))
    return clean_inline("".join(parts)), links


def _address(paragraph: Paragraph, hyperlink: etree._Element) -> str:
    rel_id = hyperlink.get(qn("r:id"))
    if not rel_id:
        return ""  # a jump within the document
    relationship = paragraph.part.rels.get(rel_id)
    return relationship.target_ref if relationship is not None and relationship.is_external else ""


def _table(table: Table, notes: Notes) -> Block:
    block = Block(BlockKind.TABLE)
    previous_row: list[object] = []
    for row in table.rows:
        cells: list[str] = []
        elements = [cell._tc for cell in row.cells]
        for index, element in enumerate(elements):
            # python-docx repeats a merged cell in every grid place it covers; say it once.
            repeated = (index and element is elements[index - 1]) or (
                index < len(previous_row) and element is previous_row[index]
            )
            cells.append("" if repeated else _cell_text(element, table, notes))
        previous_row = list(elements)
        if any(cells):
            block.rows.append(cells)
    # Word marks repeating header rows with w:tblHeader; most tables in letters
    # and papers have an unmarked header row, so the first row is assumed one.
    marked = sum(
        1 for row in table.rows
        if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
    )
    block.header_rows = min(marked, len(block.rows)) or (1 if len(block.rows) > 1 else 0)
    return block


def _cell_text(cell: etree._Element, table: Table, notes: Notes) -> str:
    """All text of a table cell, nested tables and text boxes included, as one line."""
    texts = []
    for element in cell.iter(_P):
        if any(a.tag == f"{_MC}Fallback" for a in element.iterancestors()):
            continue
        texts.append(_runs(Paragraph(element, table), notes)[0])
    return clean_inline(" ".join(texts))


def _note_other_parts(word: WordDocument, notes: Notes) -> None:
    """Report footnotes, endnotes, comments, diagrams and charts that hold text: they are left out."""
    for part in word.part.package.iter_parts():
        name = str(part.partname)
        found = _NOTE_PARTS.get(name)
        if found is None and name.startswith(("/word/diagrams/data", "/word/charts/chart")):
            found = ("drawing", _DRAWING_TEXT)
        if found is None:
            continue
        kind, tag = found
        try:
            root = part.element if hasattr(part, "element") else etree.fromstring(
                part.blob, etree.XMLParser(resolve_entities=False, no_network=True)
            )
        except etree.XMLSyntaxError:
            continue
        if kind == "drawing":  # a SmartArt diagram or a chart: one item, all its words
            text = " ".join(t.text or "" for t in root.iter(tag))
            if clean_inline(text):
                notes.left_out(kind, text)
            continue
        for note in root.iter(tag):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(t.text or "" for t in note.iter(qn("w:t")))
            if clean_inline(text):
                notes.left_out(kind, text)


class _Numbering:
    """Looks up whether a numbered paragraph is a bulleted or a numbered list."""

    def __init__(self, word: WordDocument) -> None:
        try:
            self.root = word.part.numbering_part.element
        except (KeyError, NotImplementedError, ValueError):
            self.root = None

    def list_info(self, paragraph: Paragraph, style: str) -> tuple[int, bool] | None:
        """(nesting level, ordered) for a list paragraph, None for any other."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        lowered = style.lower()
        level, num_id = 0, None
        if num_pr is not None:
            ilvl, num_id_element = num_pr.find(qn("w:ilvl")), num_pr.find(qn("w:numId"))
            try:
                level = int(ilvl.get(qn("w:val"), 0)) if ilvl is not None else 0
                num_id = int(num_id_element.get(qn("w:val"), 0)) if num_id_element is not None else None
            except ValueError:  # a damaged numbering property: read as a plain paragraph
                num_pr = None
        if num_pr is None:
            if lowered.startswith("list bullet"):
                return _style_level(lowered), False
            if lowered.startswith("list number"):
                return _style_level(lowered), True
            return None
        if num_id is None or num_id == 0:
            return None
        return max(0, min(level, 8)), self._ordered(num_id, level, default=lowered.startswith("list number"))

    def _ordered(self, num_id: int, level: int, default: bool) -> bool:
        if self.root is None:
            return default
        nums = self.root.xpath(f'./w:num[@w:numId="{int(num_id)}"]/w:abstractNumId/@w:val')
        if not nums:
            return default
        try:
            abstract = int(nums[0])
        except ValueError:
            return default
        formats = self.root.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract}"]'
            f'/w:lvl[@w:ilvl="{int(level)}"]/w:numFmt/@w:val'
        )
        return bool(formats) and formats[0] not in ("bullet", "none")


def _style_level(style: str) -> int:
    digits = re.findall(r"\d+", style)
    return max(0, min(int(digits[-1]) - 1, 8)) if digits else 0
