"""Word writer: the same easy-read page as an editable .docx, built with python-docx.

Staff edit the draft in Word before checking it with the people it is for, so
the file must pass Word's accessibility checker as it is: real heading
styles, alternative text on every picture (``descr`` on ``wp:docPr``),
decorative pictures marked decorative, rows as a borderless two-column
layout table with no header row (read row by row), the title and language in
the document properties, and the text in 16pt Atkinson Hyperlegible (Word
uses a similar font when it is not installed).

Pictures are PNG: Word's SVG support varies, so SVG symbols are drawn at
print resolution with cairosvg.
"""

from __future__ import annotations

import copy
import io
from functools import lru_cache
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from .._version import __version__
from ..model import Document, Sentence, Symbol
from ..options import Options
from . import plan as plans
from .html import FONT, template_kind
from .outline import ListNode, Node
from .plan import CONTACT_LABELS, PERSON_PICTURE, TIME_PICTURE, Plan

COVER_CM = 6.0
WORD_PICTURE_CM = 0.9
GAP_CM = 0.5
"""Space between a row's picture and its words."""
PRINT_DPI = 300
TEXT_COLOUR = RGBColor(0x1A, 0x1A, 0x1A)
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
PAGE_CM = {"A4": (21.0, 29.7, 2.0), "A5": (14.8, 21.0, 1.5)}
"""Page width, height and margin in centimetres."""


@lru_cache(maxsize=256)
def png(path: str, size_cm: float) -> bytes | None:
    """A picture as PNG bytes at print resolution, or None when it cannot be read."""
    source = Path(path)
    try:
        if source.suffix.lower() == ".svg":
            import cairosvg

            pixels = round(size_cm / 2.54 * PRINT_DPI)
            return bytes(cairosvg.svg2png(url=str(source), output_width=pixels, output_height=pixels))
        if source.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif"):
            return source.read_bytes()
    except Exception:  # a broken picture must not stop the document: it is left out
        return None
    return None


class _Writer:
    """Builds one Word document from a plan."""

    def __init__(self, document: Document, options: Options, plan: Plan) -> None:
        self.document = document
        self.options = options
        self.plan = plan
        self.word = docx.Document()
        self.size = options.layout.font_size
        width, _, margin = PAGE_CM[options.layout.page_size.upper()]
        self.picture_cm = options.layout.picture_size
        self.text_cm = width - 2 * margin - self.picture_cm - 0.5

    # Set-up ---------------------------------------------------------------

    def setup(self) -> None:
        word = self.word
        width, height, margin = PAGE_CM[self.options.layout.page_size.upper()]
        section = word.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(width), Cm(height)
        section.left_margin = section.right_margin = section.top_margin = Cm(margin)
        section.bottom_margin = Cm(margin + 0.5)
        language = self.document.language or "en"
        normal = word.styles["Normal"]
        self._font(normal, self.size)
        normal.paragraph_format.line_spacing = 1.5
        normal.paragraph_format.space_after = Pt(6)
        r_pr = normal.element.get_or_add_rPr()
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        lang.set(qn("w:val"), language)
        for level, scale in ((1, 1.75), (2, 1.4), (3, 1.15), (4, 1.15), (5, 1.15), (6, 1.15)):
            style = word.styles[f"Heading {level}"]
            self._font(style, self.size * scale, bold=True)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.space_after = Pt(6)
        properties = word.core_properties
        properties.title = self.document.title
        properties.language = language
        properties.subject = f"Easy read version of {self.document.metadata.get('source', self.document.title)}"
        properties.keywords = "easy read"
        properties.author = self.document.metadata.get("author", "")
        properties.comments = f"Made with easyread {__version__}"
        self._page_numbers(section)

    def _font(self, style, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
        font = style.font
        font.name = FONT["name"]
        font.size = Pt(size)
        font.bold = bold
        font.italic = False
        font.underline = False
        font.all_caps = False
        font.color.rgb = TEXT_COLOUR
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(key), FONT["name"])
        for key in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(key), None)

    def _page_numbers(self, section) -> None:  # type: ignore[no-untyped-def]
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = 1  # centred
        paragraph.add_run("Page ").font.size = Pt(14)
        self._field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ").font.size = Pt(14)
        self._field(paragraph, "NUMPAGES", "1")

    @staticmethod
    def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(14)
        for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
            if kind == "instr":
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = f" {text} "
            elif kind == "text":
                element = OxmlElement("w:t")
                element.text = text
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run._r.append(element)

    # Pictures --------------------------------------------------------------

    def picture(self, paragraph: Paragraph, symbol: Symbol | None, size_cm: float | None = None,
                decorative: bool | None = None) -> bool:
        """Add a picture with alternative text (or marked decorative) to a paragraph."""
        size_cm = size_cm or self.picture_cm
        if symbol is None or not symbol.path:
            return False
        data = png(symbol.path, size_cm)
        if data is None:
            return False
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(size_cm), height=Cm(size_cm))
        doc_pr = shape._inline.docPr
        decorative = symbol.decorative if decorative is None else decorative
        doc_pr.set("descr", "" if decorative else symbol.label)
        doc_pr.set("name", f"{symbol.set_id} {symbol.id}")
        if decorative:
            ext_list = OxmlElement("a:extLst")
            ext = OxmlElement("a:ext")
            ext.set("uri", DECORATIVE_URI)
            mark = ext.makeelement(f"{{{DECORATIVE_NS}}}decorative", {"val": "1"})
            ext.append(mark)
            ext_list.append(ext)
            doc_pr.append(ext_list)
        return True

    # Text ------------------------------------------------------------------

    def sentence(self, paragraph: Paragraph, sentence: Sentence, prefix: str = "") -> None:
        """A sentence's words, marked words in bold, small pictures before words in inline mode."""
        text = sentence.text
        marks = [m for m in sentence.marks if 0 <= m.start < m.end <= len(text)]
        words = {w.start: w for w in sentence.word_symbols if 0 <= w.start < w.end <= len(text)}
        cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks),
                       *words, *(w.end for w in words.values())})
        if prefix:
            paragraph.add_run(prefix).bold = True
        for start, stop in zip(cuts, cuts[1:]):
            if start in words:
                self.picture(paragraph, words[start].symbol, WORD_PICTURE_CM, decorative=True)
            run = paragraph.add_run(text[start:stop])
            if any(m.start <= start and stop <= m.end for m in marks):
                run.bold = True

    # Layout ----------------------------------------------------------------

    def rows_table(self) -> Table:
        """A borderless two-column layout table: picture | words, no header row."""
        table = self.word.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        look = tbl_pr.find(qn("w:tblLook"))
        if look is None:
            look = OxmlElement("w:tblLook")
            tbl_pr.append(look)
        for key, value in (("w:val", "0000"), ("w:firstRow", "0"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                           ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")):
            look.set(qn(key), value)
        for column, width in zip(table.columns, (self.picture_cm + 0.3, self.text_cm)):
            column.width = Cm(width)  # the grid Word and LibreOffice lay out from
        return table

    def row(self, table: Table, symbol: Symbol | None) -> Paragraph:
        """A row of the layout table; returns the words paragraph to fill."""
        cells = table.add_row().cells
        row = table.rows[-1]
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)  # a sentence never breaks across pages
        for cell, width in zip(cells, (self.picture_cm + 0.3, self.text_cm)):
            cell.width = Cm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        picture_paragraph = cells[0].paragraphs[0]
        picture_paragraph.paragraph_format.space_after = Pt(0)
        picture_paragraph.paragraph_format.line_spacing = 1.0
        self.picture(picture_paragraph, symbol)
        words = cells[1].paragraphs[0]
        words.paragraph_format.left_indent = Cm(GAP_CM)
        return words

    def heading(self, text: str, level: int, symbol: Symbol | None = None, number: str = "") -> None:
        """A real Word heading, its picture before the words."""
        paragraph = self.word.add_heading(level=min(level, 9))
        if self.picture(paragraph, symbol):
            paragraph.add_run("\t")
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(self.picture_cm + 0.5))
        if number:
            paragraph.add_run(f"{number}. ")
        paragraph.add_run(text)

    def node(self, table_holder: list[Table | None], item: Node | ListNode, depth: int = 0) -> None:
        """Lay out one outline node, opening a rows table when needed."""
        if isinstance(item, ListNode):
            for position, entry in enumerate(item.items, start=1):
                for index, line in enumerate(entry.block.sentences):
                    marker = (f"{position}. " if item.ordered else "• ") if index == 0 else ""
                    words = self.row(self._table(table_holder), line.symbols[0] if line.symbols else None)
                    words.paragraph_format.left_indent = Cm(GAP_CM + 0.6 * depth)
                    self.sentence(words, line, marker)
                for child in entry.children:
                    self.node(table_holder, child, depth + 1)
            return
        if item.kind == "heading":
            table_holder[0] = None
            first = item.block.sentences[0] if item.block.sentences else None
            self.heading(item.block.text, item.level, first.symbols[0] if first and first.symbols else None)
            return
        if item.kind == "table":
            table_holder[0] = None
            self.data_table(item)
            return
        for line in item.block.sentences:
            words = self.row(self._table(table_holder), line.symbols[0] if line.symbols else None)
            self.sentence(words, line)
            for word, meaning in self.plan.explained(line):
                words.add_run().add_break()
                words.add_run(word).bold = True
                words.add_run(f" means {meaning}")

    def _table(self, holder: list[Table | None]) -> Table:
        table = holder[0]
        if table is None:
            table = holder[0] = self.rows_table()
        return table

    def data_table(self, node: Node) -> None:
        """A table from the source stays a real table, its header row marked as such."""
        rows = node.header + node.body
        if not rows:
            return
        columns = max(len(r) for r in rows)
        table = self.word.add_table(rows=0, cols=columns)
        table.style = self.word.styles["Table Grid"]
        for index, cells in enumerate(rows):
            row = table.add_row()
            if index < len(node.header):
                header = OxmlElement("w:tblHeader")
                row._tr.get_or_add_trPr().append(header)
            for cell, text in zip(row.cells, cells):
                run = cell.paragraphs[0].add_run(text)
                run.bold = index < len(node.header)
        self.word.add_paragraph()

    def cover(self, kind: str) -> None:
        cover = self.plan.cover
        if cover.picture is not None:
            paragraph = self.word.add_paragraph()
            self.picture(paragraph, cover.picture, self.picture_cm if kind == "letter" else COVER_CM)
        self.word.add_heading(cover.title, level=1)
        self.word.add_paragraph(cover.about)
        self.word.add_paragraph(f"This version was made on {cover.date_text}.")
        if kind != "letter":
            self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def build(self) -> bytes:
        self.setup()
        kind = template_kind(self.options.layout.template)
        self.cover(kind)
        pictures = plans.pictures_on(self.options)
        if self.plan.greeting is not None:
            self.sentence(self.word.add_paragraph(), self.plan.greeting)
        for section in self.plan.sections:
            holder: list[Table | None] = [None]
            agenda = section.agenda if kind == "meeting" else None
            nodes = section.rest if agenda and (agenda.time or agenda.lead) else section.nodes
            if section.heading is not None:
                first = section.heading.block.sentences[0] if section.heading.block.sentences else None
                symbol = first.symbols[0] if first and first.symbols else None
                if agenda and (agenda.time or agenda.lead):
                    self.heading(agenda.title, section.heading.level, symbol, agenda.number)
                    for label, value, picture in (("Time", agenda.time, TIME_PICTURE), ("Who", agenda.lead, PERSON_PICTURE)):
                        if value:
                            words = self.row(self._table(holder), plans.openmoji_symbol(*picture) if pictures else None)
                            words.add_run(f"{label}: ").bold = True
                            words.add_run(value)
                else:
                    self.heading(section.heading.block.text, section.heading.level, symbol)
            for item in nodes:
                self.node(holder, item)
        if self.plan.sign_off:
            holder = [None]
            words = self.row(self._table(holder), plans.openmoji_symbol(*PERSON_PICTURE) if pictures else None)
            for index, line in enumerate(self.plan.sign_off):
                if index:
                    words.add_run().add_break()
                self.sentence(words, line)
        self.hard_words()
        self.contacts()
        self.colophon()
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()

    def hard_words(self) -> None:
        if not self.plan.hard_words:
            return
        self.word.add_heading("Hard words", level=2)
        table = self.rows_table()
        for word in self.plan.hard_words:
            words = self.row(table, word.symbol)
            words.add_run(word.word).bold = True
            words.add_run(f" means {self.plan.meaning(word)}")

    def contacts(self) -> None:
        if not self.plan.contacts:
            return
        self.word.add_heading(self.plan.contacts_title, level=2)
        table = self.rows_table()
        for group in self.plan.contacts:
            if group.person is not None:
                words = self.row(table, group.person.symbol)
                words.add_run("You can contact ")
                words.add_run(group.person.value).bold = True
                words.add_run(".")
            for detail in group.details:
                words = self.row(table, detail.symbol)
                words.add_run(f"{CONTACT_LABELS[detail.kind]}: ")
                self.link(words, detail.value, detail.url)

    def link(self, paragraph: Paragraph, text: str, url: str) -> None:
        """A hyperlink in bold (easy read does not underline)."""
        if not url:
            paragraph.add_run(text).bold = True
            return
        relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = paragraph.add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0x00, 0x36, 0x8C)
        link.append(copy.deepcopy(run._r))
        run._r.getparent().replace(run._r, link)

    def colophon(self) -> None:
        lines = [
            f"Made with easyread {__version__} from {self.document.metadata.get('source', 'a document')}. "
            "Check it with the people it is for before you share it."
        ]
        for credit in self.plan.credits:
            licence = "" if credit.licence in credit.attribution else f" Licence: {credit.licence}."
            lines.append(f"{credit.name}: {credit.attribution or credit.name}{licence}")
        lines.append(f"Font: {FONT['name']}, {FONT['licence']}.")
        for text in lines:
            paragraph = self.word.add_paragraph()
            paragraph.add_run(text).font.size = Pt(14)


def to_bytes(document: Document, options: Options) -> bytes:
    """The .docx file's bytes."""
    plan = plans.build(document, options, template_kind(options.layout.template), contents=False)
    return _Writer(document, options, plan).build()

