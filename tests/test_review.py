"""The editor's review: what easyread could not settle, grouped, on the command line and in a file."""

from __future__ import annotations

from pathlib import Path

import easyread
from easyread.model import Diagnostic, Document, Sentence
from easyread.options import Options
from easyread.review import checklist, summary
from easyread.writers import output_paths, review

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _document(*codes: str) -> Document:
    return Document(title="Notes", diagnostics=[Diagnostic(code, f"message {n}") for n, code in enumerate(codes)])


def test_checklist_groups_decisions_first_and_reader_notes_together() -> None:
    topics = checklist(_document("ER105", "ER401", "ER301", "ER101", "ER301", "ER999"))
    assert [(t.title, len(t.items)) for t in topics] == [
        ("Sentences still too long", 2),
        ("Sentences with no picture", 1),
        ("What reading the source left out or changed", 2),
        ("Other notes (ER999)", 1),
    ]
    assert summary(_document("ER301", "ER301", "ER302")) == "to check: 2 long sentences, 1 hard word to explain"
    assert summary(_document()) == "nothing flagged; still read it through"


def test_review_file_lists_figures_and_every_diagnostic() -> None:
    document = _document("ER302", "ER301")
    document.scores = {"source": {"words_per_sentence": 21.0}, "output": {"words_per_sentence": 9.5}}
    document.blocks = []
    text = review.to_bytes(document, Options()).decode("utf-8")
    assert "| Words per sentence | 21.0 | 9.5 |" in text
    assert text.index("## Sentences still too long (1)") < text.index("## Hard words with no explanation (1)")
    assert "- message 0 (ER302)" in text and "- message 1 (ER301)" in text


def test_review_format_is_written_beside_the_others(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    assert output_paths("letter", tmp_path, ("html", "review"))["review"].name == "letter.review.md"
    converter = easyread.Converter(Options(formats=("review",)))
    converter.context.nlp = nlp
    result = converter.convert(EXAMPLES / "workshop-letter.docx", tmp_path)
    text = result.outputs["review"].read_text(encoding="utf-8")
    assert text.startswith("# Review: Invitation to a co-production workshop")
    sentences: list[Sentence] = result.document.sentences()
    assert f"- Sentences: {len(sentences)}," in text
    for diagnostic in result.document.diagnostics:
        assert diagnostic.code in text
