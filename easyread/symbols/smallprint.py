"""Sentences whose picture is not one of their words: legal small print, and a letter's greeting.

No picture explains "Nothing in this letter affects your statutory rights",
and a picture of one of its words ("letter", "rights") would suggest a
meaning it does not have: such sentences get no picture. The vocabulary
marks the words and phrases of legal small print (weight ``legal``); a
sentence that cites a law ("under section 11 of the Housing Act 1985")
without speaking to the reader is small print too.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .keys import key
from .vocabulary import Vocabulary

_CITATION = re.compile(r"\b(?:Act|Regulations?|Order) (?:1[89]|20)\d\d\b|\b[Ss]ection \d")
_READER = frozenset("you your yours we our us i my me".split())
_OPENINGS = frozenset({"dear", "hello", "hi"})
_CLOSINGS = frozenset({"yours sincerely", "yours faithfully", "best wishes", "kind regards"})

GREETING = "@greeting"
"""The vocabulary entry for the picture of a letter's greeting or closing."""


def small_print(sentence: Span, vocabulary: Vocabulary) -> bool:
    """True for legal small print: a legal word or phrase, or a law cited without "you" or "we"."""
    words = [key(t.text) for t in sentence if not (t.is_punct or t.is_space)]
    if vocabulary.legal.intersection(words):
        return True
    text = f" {' '.join(words)} "
    if any(" " in term and f" {term} " in text for term in vocabulary.legal):
        return True
    return bool(_CITATION.search(sentence.text)) and not _READER.intersection(words)


def greeting(sentence: Span) -> bool:
    """True for the greeting or closing of a letter ("Dear tenant", "Yours sincerely")."""
    if any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return False
    words = [t.lower_ for t in sentence if t.is_alpha]
    return bool(words) and (words[0] in _OPENINGS or " ".join(words[:2]) in _CLOSINGS)
