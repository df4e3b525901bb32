"""Hard words: rare words left after simplifying, explained or flagged for the editor.

A word is hard when its wordfreq Zipf frequency is below
`Options.hard_word_zipf` (default 3.5: about 3 uses in every million words
of English), or when the built-in glossary has it (the glossary holds the
jargon of council, health, school and care papers, such as "consultation",
which is common in those papers but not for their readers). Names, numbers
and abbreviations are not hard words. The first use of each hard word in a
document is marked; its explanation comes from the glossary, or is left
empty for an editor to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getLemma
from wordfreq import zipf_frequency

from ..model import HardWord, Mark

RULE = "hard-words"
_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq Zipf frequency of an English word (cached: documents repeat words)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=16384)
def _forms(word: str) -> tuple[str, ...]:
    lower = word.lower()
    forms = [lower]
    for upos in ("NOUN", "VERB", "ADJ"):
        forms.extend(getLemma(lower, upos=upos, lemmatize_oov=False))
    return tuple(dict.fromkeys(forms))


def explanation(word: str, glossary: dict[str, str]) -> str | None:
    """The glossary's explanation of a word or of its dictionary form, if any."""
    lower = word.lower()
    for form in (lower, *_endings(lower)):
        if form in glossary:
            return glossary[form]
    if lower[-1:] not in "sdg":
        return None  # no ending that a dictionary form would lose
    for form in _forms(word):
        if form in glossary:
            return glossary[form]
    return None


def _endings(word: str) -> tuple[str, ...]:
    """Guesses at the dictionary form of a plural or past form ("carers" -> "carer")."""
    found: list[str] = []
    for ending, back in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            found.append(word[: -len(ending)] + back)
    return tuple(found)


@dataclass(slots=True)
class Found:
    """A hard word found in a sentence."""

    start: int
    end: int
    word: str
    explanation: str | None


_ADDRESS = re.compile(
    r"\S+@\S+|\b(?:https?://|www\.)\S+|\b\S+\.(?:org|com|gov|nhs|net|ac|sch)(?:\.uk)?\S*",
    re.IGNORECASE,
)


def _rarity(word: str, threshold: float) -> float:
    """Zipf frequency of a word, or of its dictionary form if that is commoner ("phoning")."""
    found = zipf(word.lower())
    if found >= threshold:
        return found
    return max(zipf(form) for form in _forms(word))


def find(text: str, names: set[str], glossary: dict[str, str], threshold: float) -> list[Found]:
    """Hard words in a sentence, in order, skipping names and abbreviations."""
    found: list[Found] = []
    text = _ADDRESS.sub(lambda m: " " * len(m[0]), text)  # e-mail and web addresses are not words
    for match in _WORD.finditer(text):
        word = match[0]
        for ending in ("'s", "’s"):
            word = word.removesuffix(ending)
        if word in names or (match.start() > 0 and word[0].isupper()) or word.isupper():
            continue
        known = explanation(word, glossary)
        if known is None and _rarity(word, threshold) >= threshold:
            continue
        found.append(Found(match.start(), match.start() + len(word), word, known))
    return found


def mark(
    text: str,
    names: set[str],
    glossary: dict[str, str],
    threshold: float,
    seen: dict[str, HardWord],
) -> tuple[list[Mark], list[HardWord]]:
    """Marks for hard words used for the first time in the document, and their list entries."""
    marks: list[Mark] = []
    new: list[HardWord] = []
    for hit in find(text, names, glossary, threshold):
        key = (_forms(hit.word)[1] if len(_forms(hit.word)) > 1 else hit.word).lower()
        if key in seen:
            continue
        entry = HardWord(hit.word, hit.explanation or "")
        seen[key] = entry
        new.append(entry)
        marks.append(Mark(hit.start, hit.end, kind="hard", note=entry.explanation))
    return marks, new
