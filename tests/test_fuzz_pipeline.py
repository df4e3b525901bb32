"""Property tests for the whole pipeline, through the public API.

Whatever the stages do to a sentence, three things must hold for any input:
the outcome is a Document or a one-line `EasyreadError`; every source
sentence is still accounted for (see `unaccounted`); and the writers turn
the result into HTML and PDF. The pipeline loads spaCy, so example counts are
modest; the readers are fuzzed far harder in test_fuzz_readers.py.
"""

from __future__ import annotations

import copy
import io
import logging
import re
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup
from fuzzing import (
    Spec,
    any_text,
    assert_clean_error,
    examples,
    nasty_text,
    specs,
    to_html,
    to_markdown,
    to_txt,
)
from hypothesis import given
from hypothesis import strategies as st
from safety import unsafe_parts

import easyread
from easyread import limits
from easyread.errors import EasyreadError
from easyread.model import Block, BlockKind, Document
from easyread.options import Limits, Options
from easyread.stages import Context
from easyread.writers import html as html_writer
from easyread.writers import pdf as pdf_writer

RENDER = {"txt": to_txt, "markdown": to_markdown, "html": to_html}


@pytest.fixture(scope="module")
def pipeline(nlp) -> Context:  # type: ignore[no-untyped-def]
    """One context for every example (hypothesis reruns the test body, not the fixture)."""
    return Context(Options(), nlp=nlp)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _block_source(block: Block) -> str:
    if block.kind is BlockKind.TABLE:
        return _squash("".join(cell for row in block.rows for cell in row))
    return _squash(block.text)


def _accounts_for(block: Block, source: str) -> bool:
    """Whether the block's sentences' originals, in order, make up `source`.

    A source sentence split into several output sentences gives each the
    same `original`, so a run of equal originals counts once.
    """
    if block.kind is BlockKind.TABLE:
        return _block_source(block) == source
    originals = [_squash(s.original) for s in block.sentences]
    runs = [o for i, o in enumerate(originals) if o and (i == 0 or o != originals[i - 1])]
    position = 0
    for original in runs:
        if not source.startswith(original, position):
            return False
        while source.startswith(original, position):
            position += len(original)
    return position == len(source)


def unaccounted(before: Document, after: Document) -> list[str]:
    """Source blocks whose text no output block's sentences account for, and no diagnostic explains.

    The contract for every stage: each source block reappears (in order) as a
    block whose sentences' ``original`` texts make up its text; a stage may
    add blocks, but one that drops or rewrites a source sentence without
    keeping it as an ``original`` must add a Diagnostic whose ``block`` is
    that block's index.
    """
    explained = {d.block for d in after.diagnostics if d.block is not None}
    missing = []
    position = 0
    for index, block in enumerate(before.blocks):
        source = _block_source(block)
        for k in range(position, len(after.blocks)):
            if _accounts_for(after.blocks[k], source):
                position = k + 1
                break
        else:
            if index not in explained:
                missing.append(block.text[:80] or str(block.rows)[:80])
    return missing


MISSING_GLYPH = ".notdef glyph rendered"
"""WeasyPrint's warning for a character no installed font has (emoji, CJK on a bare machine).

The PDF is still written, with an empty box for the character; which fonts a
machine has is outside easyread, so these tests accept that warning and no other.
"""


@pytest.fixture
def missing_glyphs_only(caplog: pytest.LogCaptureFixture):  # type: ignore[no-untyped-def]
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    others = [r.getMessage() for r in caplog.records
              if r.name.startswith("weasyprint") and MISSING_GLYPH not in r.getMessage()]
    assert not others, others


def _convert(document: Document, context: Context, pdf: bool = False) -> Document:
    before = copy.deepcopy(document)
    after = easyread.process(document, context.options, context)
    assert not unaccounted(before, after)
    page = html_writer.to_bytes(after, context.options).decode("utf-8")
    assert page.rstrip().endswith("</html>")
    assert not unsafe_parts(page)
    shown = _squash(BeautifulSoup(page, "html.parser").get_text())
    sentences = after.sentences()
    for sentence in sentences[:100] + sentences[-100:]:
        assert _squash(sentence.text) in shown, sentence.text
    if pdf:
        data = pdf_writer.to_bytes(after, context.options)
        assert len(pikepdf.open(io.BytesIO(data)).pages) >= 1
    return after


@examples(25)
@given(format=st.sampled_from(sorted(RENDER)), spec=specs(max_blocks=5))
def test_structured_documents_go_through_whole(format: str, spec: Spec, pipeline: Context) -> None:
    document = easyread.read_string(RENDER[format](spec), format, name="input")
    _convert(document, pipeline)


@examples(25)
@given(format=st.sampled_from(sorted(RENDER)), text=any_text)
def test_any_text_goes_through_or_gives_a_clean_error(format: str, text: str, pipeline: Context) -> None:
    try:
        document = easyread.read_string(text, format, name="input")
    except EasyreadError as error:
        assert_clean_error(error, "input")
        return
    _convert(document, pipeline)


@pytest.mark.weasyprint_warnings
@pytest.mark.usefixtures("missing_glyphs_only")
@examples(4)
@given(spec=specs(max_blocks=4), noise=nasty_text)
def test_troublesome_text_reaches_the_pdf(spec: Spec, noise: str, pipeline: Context) -> None:
    text = to_markdown(spec) + f"\n\n{noise}\n"
    try:
        document = easyread.read_string(text, "markdown", name="input")
    except EasyreadError as error:  # a NUL, say: "this looks like a binary file"
        assert_clean_error(error, "input")
        return
    _convert(document, pipeline, pdf=True)


CASES = {
    "right-to-left": "Title\n\nمرحبا بكم في اجتماع الشباب. נפגש ביום שלישי.\n\nThe bus (שלום) comes at 2pm.",
    "emoji": "Title\n\nWe 👨\u200d👩\u200d👧 meet at the 🏫 school 🏳️\u200d🌈.\n\n👍🏽👍🏽👍🏽",
    "control": "Title\n\nThe \x07bus\x1b[31m comes\x08 at 2pm.\x7f\n\n\x0cNext page.",
    "mixed line endings": "Title\r\n\r\nThe bus comes\rat 2pm.\n\nWe meet\r\non Tuesday.\r\r- one\n- two\r\n- three",
    "whitespace runs": "Title\n\n\u00a0\u2003The   bus\u2028comes\t\tat 2pm.\u3000",
    "deep list": "Title\n\n" + "".join("  " * i + f"- level {i}\n" for i in range(40)),
}


@pytest.mark.weasyprint_warnings
@pytest.mark.usefixtures("missing_glyphs_only")
@pytest.mark.parametrize("name", sorted(CASES))
def test_awkward_text_converts_to_html_and_pdf(name: str, pipeline: Context) -> None:
    document = easyread.read_string(CASES[name], "txt", name="input")
    _convert(document, pipeline, pdf=True)


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t", "\x00\x01\x02"])
def test_empty_input_is_a_clean_error_from_the_api(text: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(text.encode())
    with pytest.raises(EasyreadError) as caught:
        easyread.convert(path, tmp_path / "out")
    assert_clean_error(caught.value, str(path))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_ten_thousand_tiny_paragraphs(pipeline: Context) -> None:
    document = easyread.read_string("\n\n".join(f"Item {i}." for i in range(10_000)), name="tiny")
    after = _convert(document, pipeline)
    assert len(after.sentences()) == 9_999  # the first line is the title


def test_a_document_over_the_page_limit_stops_early(pipeline: Context, tmp_path: Path) -> None:
    """Layout stops at the first page over the limit: a clear error, the HTML kept, no PDF."""
    document = easyread.read_string("\n\n".join(f"Item {i}." for i in range(1_500)), name="long")
    converter = easyread.Converter(Options(limits=Limits(max_pages=10)))
    converter.context.nlp = pipeline.language()
    with pytest.raises(EasyreadError, match=r"more than 10 pages \(limits.max_pages\)") as caught:
        converter.convert(document, tmp_path)
    assert_clean_error(caught.value, "long")
    assert (tmp_path / "long.html").read_text(encoding="utf-8").count('class="row"') >= 1_499
    assert not (tmp_path / "long.pdf").exists()
    assert not list(tmp_path.glob(".*.part"))


def test_the_page_limit_can_stop_layout_early() -> None:
    """The page limit hooks into WeasyPrint's page generator; this fails if WeasyPrint renames it."""
    assert limits.installed()


def test_a_one_megabyte_line_is_a_quick_clean_error(tmp_path: Path) -> None:
    """Refused when read (limits.max_words), before minutes of language processing."""
    path = tmp_path / "line.txt"
    path.write_text("The bus stops at the school gate at 2pm. " * 26_000)
    assert path.stat().st_size > 2**20
    with pytest.raises(EasyreadError, match=r"limits\.max_words") as caught:
        easyread.convert(path, tmp_path / "out")
    assert_clean_error(caught.value, str(path))
    assert not (tmp_path / "out").exists()
