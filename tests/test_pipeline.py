"""The pipeline: stage registry, sentence splitting, readability, and what convert writes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup

import easyread
from easyread import stages
from easyread.errors import UsageError
from easyread.model import Block, BlockKind, Document
from easyread.options import Options
from easyread.stages import Context, sentences

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# --- registry -------------------------------------------------------------------

def test_stages_run_in_order_and_can_be_switched_off() -> None:
    names = [s.name for s in stages.build(Options())]
    assert names == ["sentences", "simplify", "readability", "symbols", "contacts"]
    assert [s.name for s in stages.build(Options(disable=("symbols", "simplify")))] == ["sentences", "readability", "contacts"]


def test_pipeline_is_checked_when_built() -> None:
    with pytest.raises(UsageError, match="needs 'sentences', which is switched off"):
        stages.build(Options(disable=("sentences",)))
    with pytest.raises(UsageError, match="unknown stage 'spelling'"):
        stages.build(Options(disable=("spelling",)))


def test_options_reject_unknown_keys_and_bad_values(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown option layout.colour"):
        Options.from_dict({"layout": {"colour": "red"}})
    with pytest.raises(UsageError, match="font size"):
        Options.from_dict({"layout": {"font_size": 30}})
    config = tmp_path / "easyread.toml"
    config.write_text('formats = ["pdf"]\n[layout]\nfont-size = 18\npage_size = "A5"\n', encoding="utf-8")
    options = Options.from_file(config)
    assert options.formats == ("pdf",) and options.layout.font_size == 18 and options.layout.page_size == "A5"


# --- sentences ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Smith will see you on Monday. Please bring your letter.",
         ["Dr. Smith will see you on Monday.", "Please bring your letter."]),
        ("Bring things to do, e.g. a book or a game. We start at 2pm.",
         ["Bring things to do, e.g. a book or a game.", "We start at 2pm."]),
        ("Tickets cost £3.50 each. Children under 5 go free.",
         ["Tickets cost £3.50 each.", "Children under 5 go free."]),
        ("Bring pens, paper etc. to the meeting. Cllr. Jones will chair it.",
         ["Bring pens, paper etc. to the meeting.", "Cllr. Jones will chair it."]),
        ("We talked about rights, i.e. what you are allowed to do.",
         ["We talked about rights, i.e. what you are allowed to do."]),
    ],
)
def test_sentence_splitting_handles_abbreviations(context: Context, text: str, expected: list[str]) -> None:
    assert sentences.split([text], context) == [expected]


def test_headings_stay_whole_and_list_items_without_full_stops(context: Context) -> None:
    document = Document(blocks=[
        Block(BlockKind.HEADING, "Item 1. Welcome", level=2),
        Block(BlockKind.LIST_ITEM, "bring a friend"),
        Block(BlockKind.TABLE, rows=[["a", "b"]]),
    ])
    sentences.run(document, context)
    assert [s.text for s in document.blocks[0].sentences] == ["Item 1. Welcome"]
    assert [s.text for s in document.blocks[1].sentences] == ["bring a friend"]
    assert document.blocks[2].sentences == []


# --- readability ----------------------------------------------------------------

def test_readability_scores_sentences_and_document(context: Context) -> None:
    document = easyread.read_string(
        "Notes\n\nThe council will send you a letter. "
        "Notwithstanding the aforementioned considerations, the consultation necessitates comprehensive participation.",
    )
    document = easyread.process(document, Options(disable=("simplify", "symbols")), context)
    easy, hard = document.sentences()
    assert not easy.symbols and not hard.rules, "symbols and simplify were switched off"
    assert easy.scores["flesch_kincaid_grade"] < hard.scores["flesch_kincaid_grade"]
    assert easy.scores["flesch_reading_ease"] > hard.scores["flesch_reading_ease"]
    assert easy.scores["hard_word_share"] == 0 < hard.scores["hard_word_share"]
    assert "hard-words" in hard.flags and "hard-words" not in easy.flags
    assert document.scores["output"]["sentences"] == 2
    assert document.scores["output"]["words_per_sentence"] == pytest.approx((7 + 9) / 2)


def test_textstat_scores_offline_in_a_fresh_process() -> None:
    """textstat must never try to download data: score with the network blocked."""
    script = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network blocked by test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from easyread.stages.readability import scores
        result = scores(["The council will send you a letter about the meeting."], 3.5)
        print(result["flesch_kincaid_grade"], result["words"])
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    grade, words = run.stdout.split()
    assert float(words) == 10 and -5 < float(grade) < 10


# --- convert: HTML and PDF -------------------------------------------------------

@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, nlp) -> dict[str, easyread.Result]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("out")
    converter = easyread.Converter(Options())
    converter.context.nlp = nlp
    return {p.name: converter.convert(p, out) for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".md", ".txt", ".docx", ".html")}


def test_convert_writes_html_and_pdf_for_every_example(converted: dict[str, easyread.Result]) -> None:
    assert len(converted) == 4
    for name, result in converted.items():
        stem = Path(name).stem
        assert sorted(p.name for p in result.outputs.values()) == [f"{stem}.html", f"{stem}.pdf"]
        assert all(p.stat().st_size > 1000 for p in result.outputs.values())


def test_html_is_easy_read_structure(converted: dict[str, easyread.Result]) -> None:
    result = converted["youth-forum-agenda.md"]
    soup = BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.title.string == "Youth Forum Meeting: Agenda"
    assert [h.name for h in soup.find_all("h1")] == ["h1"]
    rows = soup.select("main .row")
    assert len(rows) >= len(result.document.sentences())
    for row in rows:
        children = [c for c in row.children if getattr(c, "name", None)]
        assert "picture" in children[0]["class"], "the picture column comes first (left)"
    images = soup.select("main img")
    assert images and all(img.get("alt") and img["src"].startswith("data:image/svg+xml;base64,") for img in images)
    assert not soup.find("script", src=True) and not soup.find("link", rel="stylesheet"), "self-contained"
    css = soup.style.string
    assert "font-size: 16.0pt" in css and "line-height: 1.5" in css and "justify" not in css
    assert "Atkinson Hyperlegible" in css and "data:font/ttf;base64," in css


def test_pdf_is_tagged_titled_with_language_and_embedded_fonts(converted: dict[str, easyread.Result]) -> None:
    for name, result in converted.items():
        with pikepdf.open(result.outputs["pdf"]) as pdf:
            root = pdf.Root
            assert str(root.Lang).startswith("en"), name
            assert root.MarkInfo.Marked is True and "/StructTreeRoot" in root, name
            assert root.ViewerPreferences.DisplayDocTitle is True, name
            assert str(pdf.docinfo.Title) == result.document.title, name
            assert len(pdf.pages) >= 1
            fonts = {}
            for page in pdf.pages:
                for font in page.Resources.Font.values():
                    descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                    fonts[str(descendant.BaseFont)] = "/FontFile2" in descendant.FontDescriptor or "/FontFile3" in descendant.FontDescriptor
            assert any("Atkinson-Hyperlegible" in f for f in fonts), (name, fonts)
            assert all(fonts.values()), f"{name}: fonts not embedded: {fonts}"


def test_pdf_has_page_numbers(converted: dict[str, easyread.Result]) -> None:
    result = converted["youth-forum-agenda.md"]
    run = subprocess.run(["pdftotext", "-layout", str(result.outputs["pdf"]), "-"], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.fail("pdftotext (poppler-utils) is needed: scripts/setup installs it")
    with pikepdf.open(result.outputs["pdf"]) as pdf:
        pages = len(pdf.pages)
    assert f"Page 1 of {pages}" in run.stdout and f"Page {pages} of {pages}" in run.stdout


def test_convert_from_python_with_a_document(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    document = easyread.read_string("Bus times\n\nThe bus leaves at 2pm.", name="bus-times")
    result = easyread.convert(document, out_dir=tmp_path, formats=["html"])
    assert list(result.outputs) == ["html"] and result.outputs["html"].name == "bus-times.html"
    assert not (tmp_path / "bus-times.pdf").exists()


def test_output_never_overwrites_the_input(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text("<p>Hello there.</p>", encoding="utf-8")
    with pytest.raises(easyread.EasyreadError, match="overwrite the input"):
        easyread.convert(source, out_dir=tmp_path, formats=["html"])
    assert source.read_text(encoding="utf-8") == "<p>Hello there.</p>"
