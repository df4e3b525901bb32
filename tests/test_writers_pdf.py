"""The PDF: PDF/UA-1 by the page-validation checker, its structure tree read with
pikepdf, and where rows fall on the pages read from WeasyPrint's own layout.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import page as validator
import pikepdf
import pytest
from writers_support import (
    EXAMPLES,
    TEMPLATES,
    long_document,
    options,
    processed,
    rich_document,
    symbol,
)

import easyread
from easyread.model import Document
from easyread.writers import pdf

A4 = (595.28, 841.89)
A5 = (419.53, 595.28)


def structure(pdf_file: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element of a tagged PDF, in reading order."""

    def walk(node: Any) -> Iterator[pikepdf.Dictionary]:
        if isinstance(node, pikepdf.Array):
            for child in node:
                yield from walk(child)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            if "/K" in node:
                yield from walk(node.K)

    yield from walk(pdf_file.Root.StructTreeRoot.K)


def check_pdf(path: Path, document: Document) -> None:
    """PDF/UA-1 with 0 failed rules, plus what a screen reader relies on."""
    report = validator.validate_pdf(str(path), profile=validator.ValidationProfile.PDF_UA_1)
    assert report.failures == [], f"{path.name}: {report}"
    with pikepdf.open(path) as pdf_file:
        assert str(pdf_file.Root.Lang) == document.language
        assert bool(pdf_file.Root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf_file.open_metadata().get("dc:title")) == document.title
        elements = list(structure(pdf_file))
        figures = [e for e in elements if e.S == "/Figure"]
        assert figures, "no pictures tagged"
        assert all(str(f.get("/Alt", "")).strip() for f in figures)
        levels = [int(str(e.S)[2:]) for e in elements if str(e.S) in {f"/H{n}" for n in range(1, 7)}]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
        assert len(pdf_file.open_outline().root) >= 1  # bookmarks from the headings
        fonts = {
            str(font.BaseFont): font
            for page in pdf_file.pages
            for font in page.Resources.get("/Font", {}).values()
        }
        assert fonts and all("Atkinson" in name and "Italic" not in name for name in fonts)
        for font in fonts.values():
            descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), "font not embedded"


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_example_passes_pdf_ua(template: str, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    for name in EXAMPLES:
        document = processed(name, nlp)
        written = easyread.write(document, tmp_path, ("pdf",), options(template))
        check_pdf(written["pdf"], document)


@pytest.mark.parametrize("template", TEMPLATES)
def test_rich_document_passes_pdf_ua(template: str, tmp_path: Path) -> None:
    document = rich_document()
    written = easyread.write(document, tmp_path, ("pdf",), options(template))
    check_pdf(written["pdf"], document)
    with pikepdf.open(written["pdf"]) as pdf_file:
        alts = sorted(str(e.Alt) for e in structure(pdf_file) if e.S == "/Figure")
    # The tree is decorative (an artifact) and so are the small inline pictures:
    # "bus" is the cover picture (the title has the word) and the row's picture, no more.
    assert "tree" not in alts
    assert alts.count("bus") == 2
    assert {"charter", "email", "call", "website", "person"} <= set(alts)


@pytest.mark.weasyprint_warnings
def test_checks_catch_a_picture_without_alt(tmp_path: Path) -> None:
    import weasyprint

    path = tmp_path / "bad.pdf"
    image = symbol("1F68C", "bus").path
    html = f'<html lang="en"><head><title>x</title></head><body><h1>x</h1><img src="{Path(image).as_uri()}" alt=""></body></html>'
    weasyprint.HTML(string=html).write_pdf(path, pdf_variant="pdf/ua-1")
    with pytest.raises(AssertionError):
        check_pdf(path, Document(title="x", language="en"))


def pages_of(laid_out: Any) -> dict[str, list[tuple[int, Any]]]:
    """Row elements -> pages they appear on, and the order rows appear on each page."""
    seen: dict[int, set[int]] = {}
    order: list[list[Any]] = []
    for number, page in enumerate(laid_out.pages):
        on_page: list[Any] = []
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or "row" not in (element.get("class") or "").split():
                continue
            seen.setdefault(id(element), set()).add(number)
            if not on_page or on_page[-1] is not element:
                on_page.append(element)
        order.append(on_page)
    return {"split": [e for e in seen.values() if len(e) > 1], "order": order}  # type: ignore[dict-item]


@pytest.mark.parametrize(("page_size", "font_size"), [("A4", 16), ("A5", 16), ("A4", 24), ("A5", 14)])
def test_rows_never_split_and_headings_never_end_a_page(page_size: str, font_size: int) -> None:
    laid_out = pdf.layout(long_document(), options(page_size=page_size, font_size=font_size))
    assert len(laid_out.pages) > 4
    found = pages_of(laid_out)
    assert found["split"] == []
    for page_rows in found["order"][:-1]:
        if page_rows:
            last = page_rows[-1]
            assert "heading-row" not in last.get("class"), "a heading is alone at the bottom of a page"
    width, height = (A4 if page_size == "A4" else A5)
    assert laid_out.pages[0].width == pytest.approx(width * 4 / 3, abs=1)
    assert laid_out.pages[0].height == pytest.approx(height * 4 / 3, abs=1)


def page_text(laid_out: Any, number: int) -> str:
    return " ".join(box.text for box in laid_out.pages[number]._page_box.descendants() if hasattr(box, "text"))


def test_page_numbers_cover_and_contents_for_long_documents(tmp_path: Path) -> None:
    document = long_document()
    written = easyread.write(document, tmp_path, ("pdf",), options())
    check_pdf(written["pdf"], document)
    laid_out = pdf.layout(document, options(), contents=True)
    total = len(laid_out.pages)
    assert f"Page 1 of {total}" in page_text(laid_out, 0)
    assert f"Page {total} of {total}" in page_text(laid_out, total - 1)
    cover = page_text(laid_out, 0)
    assert "A long paper" in cover and "This is an easy read version" in cover and "2026" in cover
    contents = page_text(laid_out, 1)
    assert "What is in this document" in contents
    assert "Part 2" in contents and "(page" in contents
    with pikepdf.open(written["pdf"]) as pdf_file:
        assert len(pdf_file.pages) == total


def test_short_documents_have_no_contents_page(tmp_path: Path) -> None:
    written = easyread.write(rich_document(), tmp_path, ("pdf",), options())
    with pikepdf.open(written["pdf"]) as pdf_file:
        assert len(pdf_file.pages) <= 4
        titles = [item.title for item in pdf_file.open_outline().root[0].children]
    assert "What is in this document" not in titles and "Hard words" in titles


@pytest.mark.parametrize("rows", [8, 12, 16, 60])
def test_contents_page_follows_the_real_page_count(rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The estimate only saves a layout: a wrong one is corrected by counting the pages."""
    from easyread.writers import plan

    document = long_document(rows)
    bare = len(pdf.layout(document, options(), contents=False).pages)
    for wrong in (0, 99):  # an estimate that says short, then one that says long
        monkeypatch.setattr(plan, "estimate_pages", lambda *_, pages=wrong: pages)
        with pikepdf.open(io.BytesIO(pdf.to_bytes(document, options()))) as pdf_file:
            titles = [item.title for item in pdf_file.open_outline().root[0].children]
        assert ("What is in this document" in titles) is (bare > plan.CONTENTS_AFTER_PAGES), (rows, wrong, bare)


@pytest.mark.parametrize("font_size", [14, 16, 24])
def test_body_text_uses_the_chosen_size(font_size: int) -> None:
    laid_out = pdf.layout(rich_document(), options(font_size=font_size))
    sizes = {
        round(box.style["font_size"] * 0.75, 1)
        for page in laid_out.pages
        for box in page._page_box.descendants()
        if getattr(box, "element_tag", "") == "p" and "text" in (box.element.get("class") or "") and hasattr(box, "text")
    }
    assert sizes == {float(font_size)}


def test_inline_pictures_sit_above_their_words() -> None:
    laid_out = pdf.layout(rich_document(), options())
    boxes = [b for p in laid_out.pages for b in p._page_box.descendants()]
    pictures = [b for b in boxes if getattr(b, "element", None) is not None and b.element.get("class") == "ws-picture"]
    assert len(pictures) == 2
    assert all(b.background and b.background.layers[0].image is not None for b in pictures)
    words = {
        b.text: b for b in boxes
        if hasattr(b, "text") and b.element is not None and b.element.get("class") == "ws-text"
    }
    assert set(words) == {"bus", "2pm"}
    for picture, word in zip(pictures, ("bus", "2pm")):
        assert picture.position_y + picture.height <= words[word].position_y + 1


@pytest.mark.parametrize(("page_size", "font_size"), [("A4", 16), ("A4", 24), ("A5", 16), ("A5", 24)])
def test_the_cover_fits_on_its_page(page_size: str, font_size: int, nlp) -> None:  # type: ignore[no-untyped-def]
    document = processed("workshop-letter.docx", nlp)
    laid_out = pdf.layout(document, options(page_size=page_size, font_size=font_size), contents=True)
    cover = page_text(laid_out, 0)
    assert document.title.split()[0] in cover and "This version was made on" in cover
    assert "What is in this document" in page_text(laid_out, 1)


def test_without_pictures_every_output_is_still_valid(tmp_path: Path) -> None:
    """--no-symbols: no pictures at all, not even the cover's, and the files still pass."""
    document = rich_document()
    for sentence in document.sentences():
        sentence.symbols, sentence.word_symbols = [], []
    for word in document.hard_words:
        word.symbol = None
    for contact in document.contacts:
        contact.symbol = None
    written = easyread.write(document, tmp_path, ("pdf", "html", "docx"), options().replace(disable=("symbols",)))
    report = validator.validate_pdf(str(written["pdf"]), profile=validator.ValidationProfile.PDF_UA_1)
    assert report.failures == []
    with pikepdf.open(written["pdf"]) as pdf_file:
        assert not [e for e in structure(pdf_file) if e.S == "/Figure"]
    assert "<img" not in written["html"].read_text(encoding="utf-8")
    assert b"word/media/" not in written["docx"].read_bytes()
