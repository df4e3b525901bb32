"""Property tests for every reader: any input gives a Document or a one-line EasyreadError.

Readers are fast, so they are fuzzed hard; structured documents check that
nothing written in the source is lost on the way in.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from fuzzing import (
    LINE_ENDINGS,
    Spec,
    any_text,
    assert_clean_error,
    document_text,
    docx_safe,
    examples,
    markers,
    specs,
    to_docx,
    to_html,
    to_markdown,
    to_txt,
)
from hypothesis import assume, currently_in_test_context, event, given
from hypothesis import strategies as st

import easyread
from easyread.errors import EasyreadError
from easyread.model import BlockKind, Document
from easyread.options import Limits
from easyread.readers import READERS, read, read_string
from easyread.readers.html import NOTED, SILENT

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TEXT_FORMATS = ("txt", "markdown", "html")


def outcome_of_string(text: str, format: str, limits: Limits | None = None) -> Document | None:
    """The document read from `text`, or None after checking the error is a clean one."""
    try:
        document = read_string(text, format, name="input", limits=limits)
    except EasyreadError as error:
        assert_clean_error(error, "input")
        _event(f"error: {error.reason[:30]}")
        return None
    _event("document")
    return document


def outcome_of_bytes(data: bytes, folder: Path, suffix: str) -> Document | None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        document = read(path)
    except EasyreadError as error:
        assert_clean_error(error, str(path))
        _event(f"error: {error.reason[:30]}")
        return None
    _event("document")
    return document


def _event(name: str) -> None:
    """Count an outcome in hypothesis's statistics (``--hypothesis-show-statistics``)."""
    if currently_in_test_context():
        event(name)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _alpha(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


# -- arbitrary input --------------------------------------------------------------


@pytest.mark.parametrize("format", TEXT_FORMATS)
@examples(300)
@given(text=any_text)
def test_any_text_gives_a_document_or_a_clean_error(format: str, text: str) -> None:
    document = outcome_of_string(text, format)
    if document is not None:
        assert document.title
        for block in document.blocks:
            assert block.text or block.rows
            assert "\n" not in block.text


@examples(300)
@given(text=any_text)
def test_plain_text_keeps_every_letter_in_order(text: str) -> None:
    """The text reader only removes layout: every letter of the input is still there, in order."""
    document = outcome_of_string(text, "txt")
    assume(document is not None and document.metadata["format"] == "txt")
    assert document is not None
    kept = document.title if document.title != "Input" or not document.blocks else ""
    assert _alpha(kept + " ".join(b.text for b in document.blocks)) == _alpha(text)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
@examples(200)
@given(data=st.binary(max_size=4096))
def test_any_bytes_give_a_document_or_a_clean_error(suffix: str, data: bytes, folder: Path) -> None:
    outcome_of_bytes(data, folder, suffix)


@examples(200)
@given(text=st.text(alphabet=st.characters(codec=None, categories=["Cs", "Ll", "Zs", "Cc"]), max_size=200))
def test_lone_surrogates_are_replaced_and_reported(text: str) -> None:
    document = outcome_of_string(text, "txt")
    if document is not None and re.search("[\ud800-\udfff]", text):
        assert any(d.code == "ER105" for d in document.diagnostics)


# -- structured documents: nothing lost -------------------------------------------


@pytest.mark.parametrize(
    "format, render",
    [("txt", to_txt), ("markdown", to_markdown), ("html", to_html)],
)
@examples(150)
@given(spec=specs())
def test_every_marked_piece_of_text_is_read(format: str, render, spec: Spec) -> None:  # type: ignore[no-untyped-def]
    document = read_string(render(spec), format, name="input")
    assert markers(document_text(document)) == spec.markers()


@examples(100)
@given(spec=specs(), newlines=st.lists(st.sampled_from(LINE_ENDINGS), min_size=1, max_size=3))
def test_mixed_line_endings_read_as_one(spec: Spec, newlines: list[str]) -> None:
    unix = read_string(to_txt(spec), "txt", name="input")
    lines = to_txt(spec).split("\n")
    endings = [newlines[i % len(newlines)] for i in range(len(lines))]
    for i in range(len(lines) - 1):
        if endings[i] == "\r" and not lines[i + 1] and endings[i + 1].startswith("\n"):
            endings[i] = "\r\n"  # "\r" then "\n" would be one Windows line ending
    mixed = "".join(line + ending for line, ending in zip(lines, endings, strict=True))
    assert [(b.kind, b.text) for b in read_string(mixed, "txt", name="input").blocks] == [
        (b.kind, b.text) for b in unix.blocks
    ]


@examples(40)
@given(spec=specs(max_blocks=6))
def test_every_marked_piece_of_a_word_document_is_read(spec: Spec, folder: Path) -> None:
    spec = docx_safe(spec)
    path = folder / "spec.docx"
    path.write_bytes(to_docx(spec))
    document = read(path)
    assert markers(document_text(document)) == spec.markers()
    numbered = [b.ordered for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert numbered == [k == "numbered" for k, _, _ in spec.blocks if k in ("item", "numbered")]


# -- HTML trees, malformed and hostile ---------------------------------------------

_KEPT_TAGS = ["div", "p", "span", "b", "a", "ul", "ol", "li", "table", "tr", "td", "th",
              "caption", "h1", "h2", "h3", "section", "blockquote", "thead", "tbody", "dl", "dt", "dd"]
_DROPPED_TAGS = ["script", "style", "nav", "iframe", "template", "svg", "button", "noscript", "object"]


@st.composite
def html_trees(draw: st.DrawFn) -> tuple[str, set[str], set[str]]:
    """Random well-closed HTML in any nesting (li outside lists, tables in paragraphs...).

    Returns the markup, the markers a reader of the page sees, and those inside
    elements that are left out.
    """
    counter = iter(range(10_000))
    seen: set[str] = set()
    hidden: set[str] = set()

    def node(depth: int, dropped: bool) -> str:
        if depth > 6 or draw(st.integers(0, 3)) == 0:
            choice = draw(st.integers(0, 5))
            if choice == 0:
                return "<br>"
            if choice == 1:
                return f'<img src="file:///etc/passwd" alt="picture mk{next(counter)}q">'
            marker = f"mk{next(counter)}q"
            (hidden if dropped else seen).add(marker)
            return f" w {marker} "
        tag = draw(st.sampled_from(_KEPT_TAGS + _DROPPED_TAGS))
        if tag in ("script", "style"):  # raw text: the first </script> ends it, whatever is inside
            marker = f"mk{next(counter)}q"
            hidden.add(marker)
            return f"<{tag}> w {marker} </{tag}>"
        inner = "".join(node(depth + 1, dropped or tag in _DROPPED_TAGS) for _ in range(draw(st.integers(0, 3))))
        attributes = ' href="https://example.org/x"' if tag == "a" else ""
        return f"<{tag}{attributes}>{inner}</{tag}>"

    body = "".join(node(0, False) for _ in range(draw(st.integers(1, 4))))
    return f"<html><body>{body}<p>end</p></body></html>", seen, hidden


@examples(300)
@given(tree=html_trees())
def test_html_keeps_what_a_reader_sees_and_drops_the_rest(tree: tuple[str, set[str], set[str]]) -> None:
    markup, seen, hidden = tree
    document = read_string(markup, "html", name="input")
    found = markers(document_text(document))
    assert found == seen, (markup, found ^ seen)
    assert not found & hidden


@pytest.mark.parametrize("tag", sorted(NOTED))
def test_html_reports_dropped_content_a_reader_would_see(tag: str) -> None:
    if tag in ("embed", "frame"):  # empty elements: what they show comes from elsewhere
        markup, shown = f'<{tag} src="https://example.org/map">', "embedded"
    else:
        markup, shown = f"<{tag}>Closing date mk1q</{tag}>", "mk1q"
    document = read_string(f"<p>Before.</p>{markup}<p>After.</p>", "html")
    assert "mk1q" not in document_text(document)
    assert any(d.code == "ER101" and shown in d.message for d in document.diagnostics), document.diagnostics


@pytest.mark.parametrize("tag", sorted(SILENT - {"title", "head", "base", "meta", "link", "input"}))
def test_html_drops_invisible_content_and_page_furniture_quietly(tag: str) -> None:
    document = read_string(f"<p>Before.</p><{tag}>hidden mk1q</{tag}><p>After.</p>", "html")
    assert "mk1q" not in document_text(document)
    assert not document.diagnostics


# -- sizes and shapes -------------------------------------------------------------


@pytest.mark.parametrize("format", TEXT_FORMATS)
@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u00a0\u2028\u3000", "\ufeff"])
def test_empty_and_blank_input_is_a_clean_error(format: str, text: str) -> None:
    with pytest.raises(EasyreadError) as caught:
        read_string(text, format, name="input")
    assert_clean_error(caught.value, "input")


def test_a_one_megabyte_line_is_refused_by_the_word_limit() -> None:
    with pytest.raises(EasyreadError, match="limits.max_words"):
        read_string("word " * 210_000, "txt", name="input")


@pytest.mark.parametrize("format", TEXT_FORMATS)
def test_a_one_megabyte_line_within_the_limits_is_split_at_sentence_ends(format: str) -> None:
    sentence = "The bus stops at the school gate at 2pm. "
    text = (sentence * (2**20 // len(sentence) + 1))[: 2**20]
    if format == "html":
        text = f"<p>{text}</p>"
    document = read_string(text, format, name="input", limits=Limits(max_words=10**6))
    limit = Limits().max_paragraph_chars
    assert len(document.blocks) > 2**20 // limit
    assert all(len(block.text) <= limit for block in document.blocks)
    assert all(block.text.endswith(".") for block in document.blocks[:-1])
    assert any(d.code == "ER106" for d in document.diagnostics)
    assert _alpha(document_text(document)).count("bus") == text.count("bus")


def test_a_one_megabyte_word_is_cut_to_paragraph_size() -> None:
    document = read_string("x" * 2**20, "txt", name="input")
    assert sum(len(block.text) for block in document.blocks) == 2**20


@pytest.mark.parametrize("format", TEXT_FORMATS)
def test_ten_thousand_tiny_paragraphs(format: str) -> None:
    if format == "html":
        text = "".join(f"<p>P{i}</p>" for i in range(10_000))
    else:
        text = "\n\n".join(f"P{i}" for i in range(10_000))
    document = read_string(text, format, name="input")
    assert len(document.blocks) >= 9_999
    assert {b.text for b in document.blocks} >= {f"P{i}" for i in range(1, 10_000)}


def test_more_blocks_than_the_limit_is_a_clean_error() -> None:
    with pytest.raises(EasyreadError, match="limits.max_blocks"):
        read_string("\n\n".join(f"Line {i}." for i in range(102)), "txt", limits=Limits(max_blocks=100))


@pytest.mark.parametrize(
    "format, text",
    [
        ("txt", "".join(" " * i + f"- item {i}\n" for i in range(3000))),
        ("markdown", "".join("  " * i + f"- item {i}\n" for i in range(90))),
        ("html", "<ul><li>item 0" + "".join(f"<ul><li>item {i}" for i in range(1, 20_000)) + "</li></ul>" * 20_000),
        ("html", "<div>" * 50_000 + "<p>item 0 deep down</p>" + "</div>" * 50_000),
        ("html", "<p>" + "<span>" * 50_000 + "item 0 deep inside" + "</span>" * 50_000 + "</p>"),
    ],
    ids=["txt-3000-levels", "markdown-90-levels", "html-20000-levels", "html-50000-divs", "html-50000-spans"],
)
def test_deep_nesting_is_read_and_flattened(format: str, text: str) -> None:
    document = read_string(text, format, name="input")
    assert "item 0" in document_text(document)
    assert all(block.level <= 5 for block in document.blocks if block.kind is BlockKind.LIST_ITEM)
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    if len(items) > 6:
        assert any(d.code == "ER107" for d in document.diagnostics)
        assert len(items) == text.count("item ")


def test_markdown_beyond_its_nesting_guard_reports_what_it_left_out() -> None:
    document = read_string("".join("  " * i + "- x\n" for i in range(400)) + "\nafter", "markdown")
    (note,) = [d for d in document.diagnostics if d.code == "ER108"]
    assert "from line 99" in note.message


def test_markdown_nested_beyond_its_guard_and_nothing_else_is_a_clean_error() -> None:
    with pytest.raises(EasyreadError, match="nested more than 100 levels") as caught:
        read_string(">" * 5000 + " deep", "markdown", name="input")
    assert_clean_error(caught.value, "input")


def test_right_to_left_and_emoji_survive_reading() -> None:
    text = "خدمات الشباب 👨\u200d👩\u200d👧 שלום 🏳️\u200d🌈 e\u0301"
    for format in TEXT_FORMATS:
        document = read_string(f"Title\n\n{text}.", format, name="input")
        assert text in document_text(document)


def test_control_characters_are_removed_not_kept() -> None:
    document = read_string("Title\n\nThe bus\x0b comes\x1f at 2pm\x7f.", "txt")
    assert document.blocks[0].text == "The bus comes at 2pm ."


# -- every reader is covered ----------------------------------------------------------


def test_every_reader_is_fuzzed() -> None:
    fuzzed = {"txt", "markdown", "html", "docx"}
    assert {reader.name for reader in READERS} <= fuzzed


def test_examples_still_read() -> None:
    for path in sorted(EXAMPLES.iterdir()):
        document = easyread.read(path)
        assert document.blocks, path


# -- .docx damaged at random -------------------------------------------------------------


@pytest.fixture(scope="module")
def letter() -> bytes:
    return (EXAMPLES / "workshop-letter.docx").read_bytes()


@examples(150)
@given(data=st.data())
def test_damaged_word_documents_give_a_document_or_a_clean_error(data: st.DataObject, letter: bytes, folder: Path) -> None:
    damage = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    raw = bytearray(letter)
    if damage == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif damage == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    else:
        start = data.draw(st.integers(0, len(raw) - 1))
        raw[start : start + data.draw(st.integers(0, 64))] = data.draw(st.binary(max_size=64))
    outcome_of_bytes(bytes(raw), folder, ".docx")


@examples(150)
@given(data=st.data())
def test_word_documents_with_damaged_xml_give_a_document_or_a_clean_error(
    data: st.DataObject, letter: bytes, folder: Path
) -> None:
    with zipfile.ZipFile(io.BytesIO(letter)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
    xml = parts[name].decode("utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(xml)))
        end = min(len(xml), start + data.draw(st.integers(0, 40)))
        filler = data.draw(st.one_of(
            st.text(max_size=20),
            st.sampled_from(['w:val="abc"', 'w:val="-1"', "<w:p>", "</w:p>", "<w:numPr><w:ilvl w:val='x'/></w:numPr>",
                             'r:id="rId999"', "<w:tbl>", "<w:tc><w:p/></w:tc>", '<w:gridSpan w:val="99"/>']),
        ))
        xml = xml[:start] + filler + xml[end:]
    parts[name] = xml.encode("utf-8", "surrogatepass")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    outcome_of_bytes(buffer.getvalue(), folder, ".docx")
