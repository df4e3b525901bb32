"""The Word file: opens with python-docx, alt text on every picture, real headings,
a layout table read row by row, the title and language set, 16pt Atkinson Hyperlegible.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image
from writers_support import EXAMPLES, TEMPLATES, options, processed, rich_document

import easyread
from easyread.model import Document
from easyread.options import Options
from easyread.writers import WRITERS

DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def pictures(word: docx.document.Document) -> list:  # type: ignore[type-arg]
    """Every wp:docPr in the body (inline pictures)."""
    return list(word.element.body.iter(f"{WP}docPr"))


def check_docx(path: Path, document: Document) -> docx.document.Document:
    word = docx.Document(str(path))
    found = pictures(word)
    assert found, "no pictures"
    for doc_pr in found:
        decorative = any(True for _ in doc_pr.iter(DECORATIVE))
        assert decorative or doc_pr.get("descr", "").strip(), f"picture {doc_pr.get('name')} has no alt text"
    assert word.core_properties.title == document.title
    assert word.core_properties.language == document.language
    normal = word.styles["Normal"]
    assert normal.font.name == "Atkinson Hyperlegible"
    assert normal.font.size.pt == 16
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == document.language
    headings = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].style.name == "Heading 1" and headings[0].text == document.title
    levels = [int(p.style.name.split()[-1]) for p in headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    for table in word.tables:
        header_rows = [r for r in table.rows if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None]
        if len(table.columns) == 2 and not header_rows:
            look = table._tbl.tblPr.find(qn("w:tblLook"))
            assert look.get(qn("w:firstRow")) == "0"  # a layout table: no header row
            assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    for run in (r for p in word.paragraphs for r in p.runs):
        assert not run.italic and not run.underline
    return word


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_example_makes_an_accessible_word_file(template: str, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    for name in EXAMPLES:
        document = processed(name, nlp)
        written = easyread.write(document, tmp_path, ("docx",), options(template))
        check_docx(written["docx"], document)


def test_rich_document_layout(tmp_path: Path) -> None:
    document = rich_document()
    written = easyread.write(document, tmp_path, ("docx",), options())
    word = check_docx(written["docx"], document)
    alts = [d.get("descr") for d in pictures(word)]
    assert "bus" in alts and "charter" in alts and "email" in alts
    decorative = [d for d in pictures(word) if any(True for _ in d.iter(DECORATIVE))]
    assert len(decorative) == 3  # the tree and the two small pictures above words
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "The forum will talk about the charter." in text
    assert "charter means a list of promises" in text  # explained on the page
    assert "Email: sam@example.org" in text
    runs = [r for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert any(r.text == "charter" and r.bold for r in runs)
    assert any(r.text == "forum" and r.bold for r in runs)
    data_tables = [t for t in word.tables if len(t.columns) == 3 or t.rows[0].cells[0].text == "Day"]
    assert data_tables and data_tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert "NUMPAGES" in footer and "PAGE" in footer
    section = word.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    with zipfile.ZipFile(written["docx"]) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert images and all(n.endswith(".png") for n in images)
        biggest = max((archive.read(n) for n in images), key=len)
        assert Image.open(io.BytesIO(biggest)).width >= 300  # print resolution, not a thumbnail
    with zipfile.ZipFile(written["docx"]) as archive:
        body = archive.read("word/document.xml").decode()
        assert 'w:hyperlink' in body and "mailto:sam@example.org" in archive.read("word/_rels/document.xml.rels").decode()
    assert "OpenMoji" in "\n".join(p.text for p in word.paragraphs)


def test_a5_and_font_size_options(tmp_path: Path) -> None:
    written = easyread.write(rich_document(), tmp_path, ("docx",), options(page_size="A5", font_size=20))
    word = docx.Document(str(written["docx"]))
    assert round(word.sections[0].page_width.cm, 1) == 14.8
    assert word.styles["Normal"].font.size.pt == 20


def test_meeting_template_shows_time_and_who(tmp_path: Path) -> None:
    written = easyread.write(rich_document(), tmp_path, ("docx",), options("meeting"))
    word = docx.Document(str(written["docx"]))
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "Time: 5pm" in text and "Who: Amira" in text
    assert "Time: 5pm." not in [p.text for p in word.paragraphs]


def test_docx_is_a_registered_format(tmp_path: Path) -> None:
    assert "docx" in WRITERS
    result = easyread.convert(rich_document(), tmp_path, formats=["docx"], options=Options(creation_date="2026-03-01"))
    assert set(result.outputs) == {"docx"}
    assert result.outputs["docx"].read_bytes().startswith(b"PK")
