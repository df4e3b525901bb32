"""The editor's review: a Markdown checklist of what easyread could not settle.

Written beside the HTML and PDF with ``--format review``: readability before
and after, how many sentences were rewritten and pictured, then every
diagnostic grouped by what the editor has to do about it.
"""

from __future__ import annotations

from ..model import Document
from ..options import Options
from ..review import checklist

_FIGURES = (
    ("words_per_sentence", "Words per sentence"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("flesch_reading_ease", "Flesch reading ease (higher is easier)"),
    ("hard_word_share", "Hard words per 100 words"),
)


def to_bytes(document: Document, options: Options) -> bytes:
    """The review as UTF-8 Markdown."""
    source = document.metadata.get("source", document.title)
    sentences = document.sentences()
    rewritten = sum(1 for s in sentences if s.rules)
    pictured = sum(1 for s in sentences if s.symbols)
    lines = [
        f"# Review: {document.title}",
        "",
        f"easyread made an easy-read draft of {source}. It is a first draft: read it, "
        "and check it with the people it is for, before you share it.",
        "",
        f"- Sentences: {len(sentences)}, of which {rewritten} were rewritten by easyread.",
        f"- Sentences with a picture: {pictured} of {len(sentences)}.",
        f"- Hard words explained: {sum(1 for w in document.hard_words if w.explanation)} "
        f"of {len(document.hard_words)}.",
        "",
    ]
    before, after = document.scores.get("source", {}), document.scores.get("output", {})
    if before and after:
        lines += ["| | source | easy read |", "|---|---:|---:|"]
        for key, label in _FIGURES:
            if key in before and key in after:
                scale = 100 if key == "hard_word_share" else 1
                lines.append(f"| {label} | {before[key] * scale:.1f} | {after[key] * scale:.1f} |")
        lines.append("")
    topics = checklist(document)
    if not topics:
        lines += ["Nothing was flagged. Still read every page before you share it.", ""]
    for topic in topics:
        lines += [f"## {topic.title} ({len(topic.items)})", ""]
        lines += [f"- {_line(d.message)} ({d.code})" for d in topic.items]
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def _line(message: str) -> str:
    return " ".join(message.split()).replace("|", "\\|")
