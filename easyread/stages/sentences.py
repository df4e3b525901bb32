"""Split each block into sentences on the spaCy parse.

spaCy's parser-based splitting is good on prose; this stage repairs the
cases that matter in council and school papers: titles such as "Dr." and
"Cllr.", and abbreviations such as "e.g." or "etc." followed by more of the
same sentence. Headings stay whole: they never end with a full stop.
"""

from __future__ import annotations

import re

from ..model import BlockKind, Document, Sentence
from . import Context, Stage

TITLES = frozenset("dr mr mrs ms mx prof st cllr rev sr jr no nos".split())
"""Words that, with a full stop, never end a sentence (the next word is a name or number)."""

ABBREVIATIONS = frozenset("e.g i.e etc approx vs cf incl esp dept govt tel ext".split())
"""Abbreviations that end a sentence only when a capital letter follows."""

_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.\s*$")


def split(texts: list[str], context: Context) -> list[list[str]]:
    """Sentences of each text, in order; also used by later stages on new text."""
    nlp = context.language()
    disabled = [name for name in ("ner",) if name in nlp.pipe_names]
    result: list[list[str]] = []
    for doc in nlp.pipe(texts, disable=disabled, batch_size=64):
        result.append(_repair([s.text.strip() for s in doc.sents if s.text.strip()]))
    return result


def _repair(parts: list[str]) -> list[str]:
    merged: list[str] = []
    for part in parts:
        if merged and continues(merged[-1], part):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def continues(previous: str, following: str) -> bool:
    """Whether `following` is the rest of the sentence `previous` (a wrong cut after "Dr." or ":")."""
    match = _LAST_WORD.search(previous)
    if not match:
        return previous.endswith((",", ";", ":", "-", "(")) or following[:1] in ",;:)"
    word = match[1].lower().rstrip(".")
    if word in TITLES:
        return True
    first = following[:1]
    return word in ABBREVIATIONS and (first.islower() or first.isdigit())


def run(document: Document, context: Context) -> Document:
    """Fill `Block.sentences` for every block that has text."""
    prose = [b for b in document.blocks if b.kind is not BlockKind.TABLE and b.text]
    split_blocks = [b for b in prose if b.kind is not BlockKind.HEADING]
    for block in prose:
        if block.kind is BlockKind.HEADING:
            block.sentences = [Sentence(block.text, original=block.text)]
    for block, parts in zip(split_blocks, split([b.text for b in split_blocks], context), strict=True):
        block.sentences = [Sentence(text, original=text) for text in parts]
    return document


STAGE = Stage(
    name="sentences",
    run=run,
    provides=("sentences",),
    summary="split blocks into sentences on the spaCy parse",
)
