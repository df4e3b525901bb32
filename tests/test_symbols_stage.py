"""The symbols stage on whole documents: examples, credits, diagnostics, inline mode."""

from __future__ import annotations

from pathlib import Path

import pytest

import easyread
from easyread.model import HardWord
from easyread.options import Options, SymbolOptions
from easyread.stages import Context
from easyread.stages import symbols as stage

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def examples(nlp) -> dict[str, easyread.Document]:  # type: ignore[no-untyped-def]
    context = Context(Options(), nlp=nlp)
    return {
        path.name: easyread.process(easyread.read(path), context=context)
        for path in sorted(EXAMPLES.iterdir())
        if path.suffix in (".md", ".txt", ".docx", ".html")
    }


def test_nine_in_ten_example_sentences_get_a_picture(
    examples: dict[str, easyread.Document],
) -> None:
    sentences = [s for document in examples.values() for s in document.sentences()]
    with_picture = [s for s in sentences if s.symbols]
    assert len(sentences) > 50
    assert len(with_picture) >= 0.9 * len(sentences)


def test_known_pictures_in_the_agenda(examples: dict[str, easyread.Document]) -> None:
    """Spot checks that were looked at by eye on the rendered agenda."""
    by_text = {
        s.text: s.symbols[0].id if s.symbols else None
        for s in examples["youth-forum-agenda.md"].sentences()
    }
    assert by_text["The chair will welcome everyone to the meeting."] == "1F9D1-200D-1F3EB", (
        "the person, not furniture"
    )
    assert by_text["Time: 5pm."] == "1F570"
    assert by_text["Food and drinks will be provided."] == "1F37D"
    minutes = [pid for text, pid in by_text.items() if text.startswith("2. Minutes")]
    assert minutes == ["1F4DD"], "minutes of a meeting are notes, not a clock"


def test_sentences_without_a_picture_are_flagged_for_the_editor(
    examples: dict[str, easyread.Document],
) -> None:
    for document in examples.values():
        missing = [s for s in document.sentences() if not s.symbols]
        notes = [d for d in document.diagnostics if d.code == stage.NO_PICTURE]
        assert len(notes) == len(missing)
        assert all("no-picture" in s.flags for s in missing)
        assert all(d.block is not None and d.sentence is not None for d in notes)


def test_the_default_set_is_credited_once(examples: dict[str, easyread.Document]) -> None:
    for document in examples.values():
        assert [c.name for c in document.credits].count("OpenMoji") == 1
        (credit,) = [c for c in document.credits if c.name == "OpenMoji"]
        assert credit.licence == "CC BY-SA 4.0" and credit.attribution


def test_no_sets_means_no_pictures_and_no_credit(nlp) -> None:  # type: ignore[no-untyped-def]
    options = Options(symbols=SymbolOptions(default_set=False))
    document = easyread.process(
        easyread.read_string("Title\n\nThe bus is late."), options, Context(options, nlp=nlp)
    )
    assert not any(s.symbols for s in document.sentences()) and document.credits == []


def test_inline_mode_puts_a_picture_over_each_content_word(nlp) -> None:  # type: ignore[no-untyped-def]
    options = Options(symbols=SymbolOptions(inline=True))
    document = easyread.read_string(
        "Bus times\n\nThe youth forum will meet at the council offices on Monday."
    )
    document = easyread.process(document, options, Context(options, nlp=nlp))
    sentence = document.sentences()[-1]
    words = {sentence.text[w.start : w.end]: w.symbol for w in sentence.word_symbols}
    assert {"youth forum", "meet", "council offices"} <= set(words)
    assert words["meet"].id == "E249" and words["youth forum"].id == "1F465"
    assert all(w.symbol.decorative for w in sentence.word_symbols), "the word itself is right below"
    starts = [w.start for w in sentence.word_symbols]
    assert starts == sorted(starts) and sentence.symbols, "the sentence still has its main picture"


def test_inline_mode_is_off_by_default(examples: dict[str, easyread.Document]) -> None:
    assert not any(s.word_symbols for d in examples.values() for s in d.sentences())


def test_inline_mode_renders_with_the_current_templates(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    options = Options(symbols=SymbolOptions(inline=True))
    document = easyread.read_string("Bus times\n\nThe bus leaves the school at 2pm.", name="bus")
    converter = easyread.Converter(options)
    converter.context = Context(options, nlp=nlp)
    result = converter.convert(document, tmp_path)
    assert result.outputs["pdf"].read_bytes().startswith(b"%PDF-")
    assert 'alt="bus"' in result.outputs["html"].read_text(encoding="utf-8")
    assert any(s.word_symbols for s in result.document.sentences())


def test_hard_words_get_a_picture_when_one_fits(nlp) -> None:  # type: ignore[no-untyped-def]
    document = easyread.read_string("Notes\n\nThe consultation closes soon.")
    document.hard_words = [
        HardWord("consultation", "asking people what they think"),
        HardWord("jargon"),
    ]
    context = Context(Options(disable=("simplify",)), nlp=nlp)
    document = easyread.process(document, context.options, context)
    consultation, jargon = document.hard_words
    assert consultation.symbol is not None and consultation.symbol.id == "E24A"
    assert jargon.symbol is None


def test_problems_with_the_users_files_become_warnings_on_every_document(
    nlp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    overrides = tmp_path / "o.csv"
    overrides.write_text("word,symbol\nbus,../outside.png\n", encoding="utf-8")
    options = Options(symbols=SymbolOptions(overrides=(str(overrides),)))
    context = Context(options, nlp=nlp)
    for _ in range(2):
        document = easyread.process(
            easyread.read_string("Title\n\nThe bus is late."), options, context
        )
        warnings = [d for d in document.diagnostics if d.code == stage.SKIPPED]
        assert len(warnings) == 1 and "paths must stay inside" in warnings[0].message
