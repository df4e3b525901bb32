"""Rewrite sentences into easy-read English.

First version: two named rules, each switchable with
``Options.simplify.disable``:

- ``split-semicolon``: a sentence made of two clauses joined by ";" becomes
  two sentences;
- ``everyday-words``: a few formal phrases become everyday ones
  ("in order to" -> "to", "prior to" -> "before").

Every output sentence keeps its source sentence in `Sentence.original` and
the names of the rules that changed it in `Sentence.rules`.
"""

from __future__ import annotations

import re

from ..model import Document, Sentence
from . import Context, Stage

PHRASES: dict[str, str] = {
    "in order to": "to",
    "prior to": "before",
    "with regard to": "about",
    "in relation to": "about",
    "in the event that": "if",
    "a number of": "some",
    "at this point in time": "now",
    "utilise": "use",
    "utilize": "use",
    "commence": "start",
    "terminate": "end",
}
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PHRASES) + r")\b", re.IGNORECASE)
_MIN_CLAUSE_WORDS = 3


def split_semicolon(text: str) -> list[str]:
    """Split at semicolons when each side is a clause of a few words."""
    parts = [p.strip() for p in text.split(";")]
    if len(parts) < 2 or any(len(p.split()) < _MIN_CLAUSE_WORDS for p in parts):
        return [text]
    sentences = []
    for index, part in enumerate(parts):
        if index < len(parts) - 1 and part[-1:] not in ".!?":
            part += "."
        sentences.append(part[:1].upper() + part[1:])
    return sentences


def everyday_words(text: str) -> str:
    """Replace formal phrases with everyday ones, keeping a capital letter at the start."""

    def replace(match: re.Match[str]) -> str:
        word = PHRASES[match[0].lower()]
        return word[:1].upper() + word[1:] if match[0][:1].isupper() else word

    return _PHRASE.sub(replace, text)


def simplify_sentence(sentence: Sentence, disabled: tuple[str, ...]) -> list[Sentence]:
    """The easy-read sentences for one sentence."""
    texts = [sentence.text]
    rules: list[str] = list(sentence.rules)
    if "split-semicolon" not in disabled:
        texts = split_semicolon(sentence.text)
        if len(texts) > 1:
            rules.append("split-semicolon")
    result = []
    for text in texts:
        own_rules = list(rules)
        if "everyday-words" not in disabled:
            replaced = everyday_words(text)
            if replaced != text:
                own_rules.append("everyday-words")
                text = replaced
        result.append(Sentence(text, original=sentence.original or sentence.text, rules=own_rules))
    return result


def run(document: Document, context: Context) -> Document:
    """Simplify every sentence of every block except headings."""
    disabled = context.options.simplify.disable
    for block in document.blocks:
        if block.kind == "heading":
            continue
        block.sentences = [
            new for sentence in block.sentences for new in simplify_sentence(sentence, disabled)
        ]
    return document


STAGE = Stage(
    name="simplify",
    run=run,
    requires=("sentences",),
    provides=("simplified",),
    summary="rewrite sentences into short sentences and everyday words",
)
