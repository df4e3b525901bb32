"""Readers: each format against a golden JSON dump of the model, plus the conventions each one promises."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

import easyread
from easyread.errors import EasyreadError
from easyread.model import BlockKind, Document, to_dict
from easyread.readers import read_string

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt", ".docx", ".html"))


def _kinds(document: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in document.blocks]


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_example_matches_golden_model(name: str, update_golden: bool) -> None:
    document = easyread.read(EXAMPLES / name)
    dumped = json.dumps(to_dict(document), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    golden = GOLDEN / f"{name}.json"
    if update_golden:
        golden.write_text(dumped, encoding="utf-8")
    assert golden.exists(), f"no golden file for {name}; run pytest --update-golden"
    assert dumped == golden.read_text(encoding="utf-8")


def test_every_format_has_an_example() -> None:
    assert {Path(n).suffix for n in EXAMPLE_FILES} == {".md", ".txt", ".docx", ".html"}


# --- plain text -------------------------------------------------------------

def test_txt_title_paragraphs_lists_and_headings() -> None:
    text = (
        "Our Promises\n\n"
        "This is the first paragraph,\nwrapped over two lines.\n\n"
        "What we will do\n\n"
        "- listen to you\n* tell you what happened\n  - even when it is bad news\n• pay for travel\n\n"
        "1. first\n2) second\n"
    )
    document = read_string(text, "txt")
    assert document.title == "Our Promises"
    assert _kinds(document)[:2] == [
        ("paragraph", "This is the first paragraph, wrapped over two lines."),
        ("heading", "What we will do"),
    ]
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.text, b.level, b.ordered) for b in items] == [
        ("listen to you", 0, False),
        ("tell you what happened", 0, False),
        ("even when it is bad news", 1, False),
        ("pay for travel", 0, False),
        ("first", 0, True),
        ("second", 0, True),
    ]


def test_txt_long_first_line_is_not_a_title() -> None:
    line = "This first line is far too long to be a title because it goes on and on about the meeting."
    document = read_string(line + "\n\nMore.", "txt", name="notes")
    assert document.title == "Notes"
    assert document.blocks[0].text == line


def test_txt_mixed_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("\ufeffTitle\r\n\r\nOne line.\rTwo line.\n".encode("utf-8"))
    document = easyread.read(path)
    assert document.title == "Title"
    assert document.blocks[0].text == "One line. Two line."


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-8", "Café meeting on Monday."), ("utf-8-sig", "Café meeting."), ("cp1252", "Café – 50p “tea”."), ("utf-16", "Café meeting.")],
)
def test_txt_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode(encoding))
    assert easyread.read(path).blocks[0].text == text


def test_text_in_no_known_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d abc")  # bytes undefined in both UTF-8 and cp1252
    with pytest.raises(EasyreadError, match=r"bad\.txt: .*UTF-8") as error:
        easyread.read(path)
    assert "\n" not in str(error.value)


# --- Markdown -----------------------------------------------------------------

def test_markdown_structure_links_and_emphasis() -> None:
    text = (
        "# Forum news\n\n"
        "Read the *new* **charter** on [our website](https://example.org/charter).\n\n"
        "## Next steps\n\n"
        "1. Vote\n2. Meet\n   - bring a friend\n\n"
        "| Day | Time |\n|---|---|\n| Monday | 5pm |\n\n"
        "<div>Raw <b>HTML</b> text<script>alert(1)</script></div>\n"
    )
    document = read_string(text, "markdown")
    assert document.title == "Forum news"
    paragraph = document.blocks[0]
    assert paragraph.text == "Read the new charter on our website."
    assert [(link.text, link.url) for link in paragraph.links] == [("our website", "https://example.org/charter")]
    assert (document.blocks[1].kind, document.blocks[1].text, document.blocks[1].level) == (BlockKind.HEADING, "Next steps", 2)
    items = [(b.text, b.level, b.ordered) for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("Vote", 0, True), ("Meet", 0, True), ("bring a friend", 1, False)]
    table = next(b for b in document.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == [["Day", "Time"], ["Monday", "5pm"]] and table.header_rows == 1
    assert document.blocks[-1].text == "Raw HTML text"
    assert "alert" not in json.dumps(to_dict(document))


# --- HTML -----------------------------------------------------------------------

def test_html_drops_script_style_nav_and_keeps_structure() -> None:
    text = (
        "<html lang='en-GB'><head><title>Short breaks</title><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a></nav><script>var x = 1;</script>"
        "<h1>Short breaks</h1><p>Hello <a href='https://example.org'>there</a>.</p>"
        "<ul><li>One<ul><li>One point one</li></ul></li><li>Two</li></ul>"
        "<ol><li>First</li></ol>"
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<div>Loose text <em>here</em><p>and a paragraph</p></div>"
        "</body></html>"
    )
    document = read_string(text, "html")
    assert document.title == "Short breaks" and document.language == "en-GB"
    assert _kinds(document)[0] == ("paragraph", "Hello there.")
    assert document.blocks[0].links[0].url == "https://example.org"
    items = [(b.text, b.level, b.ordered) for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("One", 0, False), ("One point one", 1, False), ("Two", 0, False), ("First", 0, True)]
    table = next(b for b in document.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == [["A", "B"], ["1", "2"]] and table.header_rows == 1
    texts = [b.text for b in document.blocks]
    assert texts[-2:] == ["Loose text here", "and a paragraph"]
    dumped = json.dumps(to_dict(document))
    assert "var x" not in dumped and "Home" not in dumped and "p{}" not in dumped


# --- Word -----------------------------------------------------------------------

def _word(tmp_path: Path, build) -> Path:  # type: ignore[no-untyped-def]
    word = docx.Document()
    build(word)
    path = tmp_path / "letter.docx"
    word.save(str(path))
    return path


def test_docx_title_from_first_heading_lists_and_tables(tmp_path: Path) -> None:
    def build(word) -> None:  # type: ignore[no-untyped-def]
        word.add_heading("Your new school bus", level=1)
        word.add_paragraph("The bus will start in May.")
        word.add_paragraph("Bring your pass", style="List Bullet")
        word.add_paragraph("Be on time", style="List Number")
        word.add_heading("Times", level=2)
        table = word.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Stop", "Time"
        table.cell(1, 0).text, table.cell(1, 1).text = "Mill Lane", "8am"

    document = easyread.read(_word(tmp_path, build))
    assert document.title == "Your new school bus"
    assert _kinds(document)[:4] == [
        ("paragraph", "The bus will start in May."),
        ("list_item", "Bring your pass"),
        ("list_item", "Be on time"),
        ("heading", "Times"),
    ]
    assert [b.ordered for b in document.blocks[1:3]] == [False, True]
    assert document.blocks[-1].rows == [["Stop", "Time"], ["Mill Lane", "8am"]]


def test_docx_title_from_core_properties(tmp_path: Path) -> None:
    def build(word) -> None:  # type: ignore[no-untyped-def]
        word.core_properties.title = "Forum minutes"
        word.add_paragraph("We met on Monday.")

    document = easyread.read(_word(tmp_path, build))
    assert document.title == "Forum minutes"
    assert _kinds(document) == [("paragraph", "We met on Monday.")]


def test_example_letter_keeps_reading_order_and_link() -> None:
    document = easyread.read(EXAMPLES / "workshop-letter.docx")
    kinds = [b.kind for b in document.blocks]
    assert kinds.index(BlockKind.TABLE) < kinds.index(BlockKind.LIST_ITEM)
    links = [link for block in document.blocks for link in block.links]
    assert [link.url for link in links] == ["https://www.example.org.uk/workshop"]
    assert document.language == "en-GB"


# --- errors ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("paper.pages", b"x", "unsupported format .pages; supported: .txt .md .docx .html"),
        ("empty.md", b"", "the file is empty"),
        ("blank.txt", b"  \n\n \t", "the file is empty"),
        ("binary.txt", b"\x00\x01\x02\x03PK", "binary file"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a valid .docx"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(EasyreadError) as error:
        easyread.read(path)
    text = str(error.value)
    assert message in text and name in text and "\n" not in text


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(EasyreadError, match="file not found"):
        easyread.read(tmp_path / "nope.txt")
    with pytest.raises(EasyreadError, match="folder, not a file"):
        easyread.read(tmp_path)


def test_string_input_needs_a_text_format() -> None:
    with pytest.raises(EasyreadError, match="unsupported format"):
        read_string("hello", "pages")
    assert read_string("Hello there.", "html").blocks[0].text == "Hello there."
