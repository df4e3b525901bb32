"""What an editor still has to decide about a draft, gathered from its diagnostics.

easyread makes a first draft. The review lists, by kind, what it could not
settle (sentences still long, hard words without an explanation, sentences
without a picture) and what reading the source left out or changed, so the
editor knows exactly where a person is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Diagnostic, Document

TOPICS: dict[str, tuple[str, str, str]] = {
    "ER301": ("Sentences still too long", "long sentence", "long sentences"),
    "ER302": ("Hard words with no explanation", "hard word to explain", "hard words to explain"),
    "ER401": ("Sentences with no picture", "sentence without a picture", "sentences without a picture"),
    "ER402": ("Your pictures or overrides that were skipped", "skipped picture", "skipped pictures"),
}
"""Diagnostic code -> (heading in the review, one of them, several of them)."""

READING = ("What reading the source left out or changed", "note from reading", "notes from reading")
"""Heading and names for the readers' diagnostics (codes beginning ER1)."""


@dataclass(slots=True)
class Topic:
    """One kind of thing to check, with every instance."""

    title: str
    """Heading, such as "Sentences still too long"."""
    one: str
    """What one instance is called ("long sentence")."""
    many: str
    """What several are called ("long sentences")."""
    items: list[Diagnostic] = field(default_factory=list)
    """The diagnostics of this kind, in document order."""


def checklist(document: Document) -> list[Topic]:
    """The document's diagnostics grouped into topics, the editor's decisions first."""
    topics: dict[str, Topic] = {}
    for diagnostic in document.diagnostics:
        code = diagnostic.code
        if code in TOPICS:
            key, names = code, TOPICS[code]
        elif code.startswith("ER1"):
            key, names = "ER1", READING
        else:
            key, names = code, (f"Other notes ({code})", "other note", "other notes")
        topics.setdefault(key, Topic(*names)).items.append(diagnostic)
    order = [*TOPICS, "ER1"]
    ranked = sorted(topics.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    return [topic for _, topic in ranked]


def summary(document: Document) -> str:
    """One line for the command line: "to check: 6 long sentences, 1 sentence without a picture"."""
    parts = [
        f"{len(t.items)} {t.one if len(t.items) == 1 else t.many}" for t in checklist(document)
    ]
    return "to check: " + ", ".join(parts) if parts else "nothing flagged; still read it through"
