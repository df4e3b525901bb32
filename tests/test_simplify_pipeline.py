"""The simplifier inside the pipeline and behind ``easyread simplify``."""

from __future__ import annotations

from pathlib import Path

import pytest

import easyread
from easyread.cli import main
from easyread.model import BlockKind
from easyread.stages import Context


def test_simplify_is_exported_and_reports_sources_and_rules(context: Context) -> None:
    result = easyread.simplify(
        "The form will be sent by the council, and it will arrive prior to the meeting.",
        context=context,
    )
    assert [s.text for s in result.sentences] == [
        "The council will send the form.",
        "The form will arrive before the meeting.",
    ]
    assert all(s.source.startswith("The form will be sent") for s in result.sentences)
    assert result.sentences[0].rules == ["split-clauses", "active-voice"]
    assert result.sentences[1].rules == ["split-clauses", "pronouns", "everyday-words"]


def test_stage_keeps_originals_and_rules(context: Context) -> None:
    document = easyread.read_string(
        "Notes\n\nWe will utilise the hall.\n\nThe bus is red.", name="notes"
    )
    document = easyread.process(document, context=context)
    first, second = document.sentences()[-2:]
    assert (first.text, first.original, first.rules) == (
        "We will use the hall.",
        "We will utilise the hall.",
        ["everyday-words"],
    )
    assert (second.text, second.rules) == ("The bus is red.", [])


def test_stage_turns_a_long_list_into_list_items(context: Context) -> None:
    text = (
        "Thanks\n\nThe charter was written with parents, carers and staff from the council, health services "
        "and schools. Thank you all."
    )
    document = easyread.process(easyread.read_string(text, name="list"), context=context)
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "The charter was written with parents, carers and staff from:"),
        (BlockKind.LIST_ITEM, "the council"),
        (BlockKind.LIST_ITEM, "health services"),
        (BlockKind.LIST_ITEM, "schools"),
        (BlockKind.PARAGRAPH, "Thank you all."),
    ]


def test_hard_words_are_marked_listed_and_rendered(tmp_path: Path, context: Context) -> None:
    text = "Notice\n\nThe consultation closes soon. The consultation is about a quangocratic plan."
    result = easyread.Converter(context.options)
    result.context = context
    outcome = result.convert(easyread.read_string(text, name="hard"), tmp_path)
    document = outcome.document
    words = {h.word: h.explanation for h in document.hard_words}
    assert words["consultation"].startswith("When people are asked")
    assert words["quangocratic"] == ""
    first = document.sentences()[0]
    assert [(first.text[m.start : m.end], m.kind) for m in first.marks] == [
        ("consultation", "hard")
    ]
    second = document.sentences()[1]
    assert [second.text[m.start : m.end] for m in second.marks] == ["quangocratic"]
    assert "hard-words" in document.sentences()[1].flags
    assert any(d.code == "ER302" and d.block == 0 and d.sentence == 1 for d in document.diagnostics)
    html = outcome.outputs["html"].read_text(encoding="utf-8")
    assert "<strong>consultation</strong>" in html
    assert "Hard words" in html and "an editor needs to explain this word" in html


def test_long_sentence_left_for_the_editor(context: Context) -> None:
    text = (
        "Drop-in\n\nChildren and young people with special educational needs and disabilities and their "
        "parents and carers are all welcome at the drop-in sessions in the library."
    )
    document = easyread.process(easyread.read_string(text, name="long"), context=context)
    sentence = document.sentences()[0]
    assert "long" in sentence.flags
    assert any(d.code == "ER301" for d in document.diagnostics)


def test_cli_lines_keeps_line_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text(
        "The form will be sent by the council.\nWe will utilise the hall.\n\nOK.\n",
        encoding="utf-8",
    )
    assert main(["simplify", "--lines", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.split("\n") == [
        "The council will send the form.",
        "We will use the hall.",
        "",
        "OK.",
        "",
    ]


def test_cli_rules_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simplify", "--rules"]) == 0
    assert "split-relatives" in capsys.readouterr().out
    assert main(["simplify", "--disable", "nonsense", "-"]) == 2
    assert "unknown simplification rule 'nonsense'" in capsys.readouterr().err
    assert main(["simplify", "missing-file.txt"]) == 1
    assert "missing-file.txt: file not found" in capsys.readouterr().err


def test_cli_disable_and_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text("We will utilise the hall.\n", encoding="utf-8")
    assert main(["simplify", "--disable", "everyday-words", str(source)]) == 0
    assert capsys.readouterr().out == "We will utilise the hall.\n"
    assert main(["simplify", "--explain", str(source)]) == 0
    captured = capsys.readouterr()
    assert "rules: everyday-words" in captured.err


def test_a_colon_or_a_title_does_not_end_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "contact.txt"
    source.write_text(
        "Contact the team. Phone: 01632 960 123. Please ask Dr. Jones for a copy.\n", encoding="utf-8"
    )
    assert main(["simplify", str(source)]) == 0
    assert capsys.readouterr().out == (
        "Contact the team.\nPhone: 01632 960 123.\nPlease ask Dr. Jones for a copy.\n"
    )
