"""What readers keep, and how they report what they leave out.

Word keeps text in places python-docx's paragraph API does not look: tracked
insertions, content controls, fields, text boxes. Those are read; notes,
comments, diagrams and charts are reported. Web pages lose their menus and
forms with a note, never silently.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fuzzing import document_text

import easyread
from easyread.model import BlockKind, Document

W = nsdecls("w")
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def save(word: docx.document.Document, path: Path) -> Document:
    word.save(str(path))
    return easyread.read(path)


def codes(document: Document) -> list[str]:
    return [d.code for d in document.diagnostics]


def test_docx_tracked_changes_content_controls_and_fields(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("Start")
    for xml in (
        f'<w:ins {W} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins>',
        f'<w:del {W} w:id="2" w:author="a"><w:r><w:delText> deleted</w:delText></w:r></w:del>',
        f'<w:sdt {W}><w:sdtContent><w:r><w:t xml:space="preserve"> control</w:t></w:r></w:sdtContent></w:sdt>',
        f'<w:fldSimple {W} w:instr="DATE"><w:r><w:t xml:space="preserve"> 3 March</w:t></w:r></w:fldSimple>',
        f'<w:smartTag {W} w:element="place"><w:r><w:t xml:space="preserve"> Leeds</w:t></w:r></w:smartTag>',
        f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}><w:instrText> PAGE </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))
    body = word.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>A paragraph in a content control.</w:t></w:r></w:p>'
        f'<w:customXml w:element="x"><w:p><w:r><w:t>And one in custom XML.</w:t></w:r></w:p></w:customXml>'
        "</w:sdtContent></w:sdt>"
    ))
    document = save(word, tmp_path / "changes.docx")
    assert [b.text for b in document.blocks] == [
        "Start inserted control 3 March Leeds",
        "A paragraph in a content control.",
        "And one in custom XML.",
    ]
    assert not document.diagnostics


def test_docx_text_boxes_follow_their_paragraph_once(tmp_path: Path) -> None:
    word = docx.Document()
    anchor = word.add_paragraph("The poster says:")
    box = "<w:txbxContent><w:p><w:r><w:t>Free swimming on Saturdays.</w:t></w:r></w:p></w:txbxContent>"
    anchor._p.append(parse_xml(
        f'<w:r {W} {MC} {WPS} {VML}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    ))
    word.add_paragraph("After the poster.")
    document = save(word, tmp_path / "poster.docx")
    assert [b.text for b in document.blocks] == [
        "The poster says:", "Free swimming on Saturdays.", "After the poster."
    ]
    assert codes(document) == ["ER110"]


def test_docx_merged_cells_are_said_once(tmp_path: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Timetable"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Monday"
    for row in (1, 2):
        table.cell(row, 1).text, table.cell(row, 2).text = f"{row}pm", f"Room {row}"
    document = save(word, tmp_path / "merged.docx")
    assert document.blocks[0].rows == [
        ["Timetable", "", ""], ["Monday", "1pm", "Room 1"], ["", "2pm", "Room 2"]
    ]


def add_part(word: docx.document.Document, name: str, content_type: str, relationship: str, xml: str) -> None:
    part = Part(PackURI(name), content_type, xml.encode(), word.part.package)
    word.part.relate_to(part, relationship)


def test_docx_notes_comments_diagrams_and_charts_are_reported(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("The main text.")
    add_part(word, "/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES,
             f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Only on weekdays.</w:t></w:r></w:p></w:footnote>'
             "</w:footnotes>")
    add_part(word, "/word/endnotes.xml", CT.WML_ENDNOTES, RT.ENDNOTES,
             f'<w:endnotes {W}><w:endnote w:id="1"><w:p><w:r><w:t>Source: survey.</w:t></w:r></w:p></w:endnote></w:endnotes>')
    add_part(word, "/word/diagrams/data1.xml", "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
             RT.DIAGRAM_DATA,
             '<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
             'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:t>Apply</a:t><a:t>Meet us</a:t></dgm:dataModel>')
    document = save(word, tmp_path / "notes.docx")
    messages = {d.message.split(":")[0]: d for d in document.diagnostics}
    assert "Left out 1 footnote" in messages and "Only on weekdays" in messages["Left out 1 footnote"].message
    assert "Left out 1 endnote" in messages
    assert "Apply Meet us" in messages["Left out 1 drawing with words in it"].message
    assert "---" not in str(document.diagnostics)
    assert document_text(document).count("main text") == 1


def test_docx_damaged_numbering_still_reads(tmp_path: Path) -> None:
    word = docx.Document()
    item = word.add_paragraph("An item with a broken list level.")
    item._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="x"/><w:numId w:val="7"/></w:numPr>'))
    word.add_paragraph("Styled with a missing style.")._p.get_or_add_pPr().append(
        parse_xml(f'<w:pStyle {W} w:val="NoSuchStyle"/>'))
    document = save(word, tmp_path / "numbering.docx")
    assert [b.text for b in document.blocks] == ["An item with a broken list level.", "Styled with a missing style."]


@pytest.mark.parametrize(
    "markup, expected",
    [
        ("<ul><li>a<li>b</ul><p>x<p>y", [(BlockKind.LIST_ITEM, "a"), (BlockKind.LIST_ITEM, "b"),
                                         (BlockKind.PARAGRAPH, "x"), (BlockKind.PARAGRAPH, "y")]),
        ("<p>Before<table><tr><td>1<td>2<tr><td>3</table>after", [
            (BlockKind.PARAGRAPH, "Before"), (BlockKind.TABLE, [["1", "2"], ["3"]]), (BlockKind.PARAGRAPH, "after")]),
        ("<table><caption>Times</caption>loose<tr><th>Day<th>Time</tr><tr><td>Mon<td><table><tr><td>2pm</table></table>",
         [(BlockKind.PARAGRAPH, "Times"), (BlockKind.PARAGRAPH, "loose"), (BlockKind.TABLE, [["Day", "Time"], ["Mon", "2pm"]])]),
        ("<ul><div><li>a</li></div><li>b<div><ul><li>c</li></ul></div>d</li></ul>", [
            (BlockKind.LIST_ITEM, "a"), (BlockKind.LIST_ITEM, "b d"), (BlockKind.LIST_ITEM, "c")]),
        ("<p>a<div>b</div>c</p>", [(BlockKind.PARAGRAPH, "a"), (BlockKind.PARAGRAPH, "b"), (BlockKind.PARAGRAPH, "c")]),
        ("<form><h2>Apply</h2><label>Name</label><input name=n><button>Send</button></form>", [
            (BlockKind.HEADING, "Apply"), (BlockKind.PARAGRAPH, "Name")]),
    ],
    ids=["unclosed-items", "table-in-paragraph", "caption-nested-table", "lists-in-divs", "div-in-p", "form"],
)
def test_html_reads_as_a_browser_shows(markup: str, expected: list[tuple[BlockKind, object]]) -> None:
    document = easyread.read_string(markup, "html")
    got = [(b.kind, b.rows if b.kind is BlockKind.TABLE else b.text) for b in document.blocks]
    assert got == expected


def test_html_header_rows_of_th_cells() -> None:
    document = easyread.read_string(
        "<table><tr><th>Day</th><th>Time</th></tr><tr><th>Mon</th><td>2pm</td></tr></table>", "html")
    assert document.blocks[0].header_rows == 1
