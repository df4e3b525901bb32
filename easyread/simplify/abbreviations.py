"""Abbreviations spelt out the first time they are used.

The long form comes from the document itself when it defines the
abbreviation ("Special Educational Needs Coordinator (SENCO)"), otherwise
from the built-in list in ``data/abbreviations.tsv``. The first use becomes
"long form (ABBR)"; later uses stay short, as the reader now knows them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

RULE = "abbreviations"

_DEFINITION = re.compile(r"((?:[\w'’-]+\s+){1,10})\(([A-Z][A-Za-z&]*[A-Z]s?)\)")
_ABBREVIATION = re.compile(r"(?<![\w(&-])([A-Z][A-Z&]*[A-Z]s?)(?![\w&)-])")
_SMALL = frozenset({"and", "of", "for", "the", "in", "on", "to", "a", "&"})


@dataclass(slots=True)
class Known:
    """What the reader has been told so far in this document."""

    long_forms: dict[str, str] = field(default_factory=dict)
    """Long forms defined by the document, by abbreviation."""
    explained: set[str] = field(default_factory=set)
    """Abbreviations already spelt out."""
    uses: Counter[str] = field(default_factory=Counter)
    """How often each abbreviation is used in the whole document (its definitions in brackets aside)."""


def _initials_match(words: list[str], abbreviation: str) -> int:
    """How many of the last words spell the abbreviation, or 0.

    The shortest run of words that starts with the abbreviation's first letter,
    whose first letters appear in it in order, and that contains all its letters.
    """
    letters = abbreviation.rstrip("s").replace("&", "").upper()
    words = [w.strip(",;:\"'") for w in words]
    for size in range(1, len(words) + 1):
        tail = [w for w in words[-size:] if w]
        if not tail or tail[0][0].upper() != letters[0]:
            continue
        content = [w for w in tail if w.lower() not in _SMALL]
        if len(content) > len(letters):
            return 0
        initials = "".join(w[0].upper() for w in content)
        if (
            len(content) >= min(2, len(letters))
            and _subsequence(initials, letters)
            and _subsequence(letters, "".join(content).upper())
        ):
            return size
    return 0


def _subsequence(needle: str, haystack: str) -> bool:
    position = 0
    for char in needle:
        position = haystack.find(char, position) + 1
        if position == 0:
            return False
    return True


def find_definitions(text: str, known: Known) -> None:
    """Learn the abbreviations a text defines, such as "Education, Health and Care Plan (EHCP)",
    and count the abbreviations it uses."""
    known.uses.update(match[1] for match in _ABBREVIATION.finditer(text))
    if "(" not in text:
        return
    for match in _DEFINITION.finditer(text):
        words = match[1].split()
        size = _initials_match(words, match[2])
        if size:
            known.long_forms.setdefault(match[2], " ".join(words[-size:]))


def expand(text: str, known: Known, built_in: dict[str, str]) -> str:
    """Spell out each abbreviation the first time it appears; drop a definition the document
    never uses again ("central processing unit (CPU)" with no later "CPU")."""
    if "(" in text:
        unused: list[str] = []
        for match in _DEFINITION.finditer(text):
            if _initials_match(match[1].split(), match[2]):
                known.explained.add(match[2])
                if not known.uses[match[2]]:
                    unused.append(match[2])
        for abbreviation in unused:
            text = text.replace(f" ({abbreviation})", "", 1)
    if not _ABBREVIATION.search(text):
        return text

    def replace(match: re.Match[str]) -> str:
        abbreviation = match[1]
        if abbreviation in known.explained:
            return abbreviation
        long_form = known.long_forms.get(abbreviation) or built_in.get(abbreviation)
        if not long_form:
            return abbreviation
        known.explained.add(abbreviation)
        following = text[match.end() : match.end() + 2]
        if following.startswith(" (") or following.startswith("("):
            return abbreviation
        return f"{long_form} ({abbreviation})"

    return _ABBREVIATION.sub(replace, text)
