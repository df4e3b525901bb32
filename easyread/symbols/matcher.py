"""Matching a word or phrase to a picture, with a score.

Order: the curated vocabulary (score 1.0 with the right part of speech, 0.8
with any), then a set entry whose CLDR name is exactly the word (0.7). Below
`min_score` there is no picture: a wrong picture is worse than none.
"""

from __future__ import annotations

from ..model import Symbol
from .sets import SymbolSet
from .vocabulary import Vocabulary


class Matcher:
    """Finds the picture for a term in the active sets, deterministically."""

    def __init__(self, sets: list[SymbolSet], vocabulary: Vocabulary, min_score: float) -> None:
        self.sets = sets
        self.vocabulary = vocabulary
        self.min_score = min_score
        self._by_label: dict[str, tuple[SymbolSet, str]] = {}
        for symbol_set in reversed(sets):
            for entry in symbol_set.entries.values():
                if entry.label:
                    self._by_label[entry.label.lower()] = (symbol_set, entry.id)

    def match(self, term: str, pos: str | None = None) -> Symbol | None:
        """The best picture for a term, or None when nothing is good enough."""
        term = " ".join(term.lower().split())
        candidates: list[tuple[float, SymbolSet, str]] = []
        exact = self.vocabulary.find(term, pos) if pos else None
        loose = exact or self.vocabulary.find(term)
        if loose is not None:
            for symbol_set in self.sets:
                if loose.symbol in symbol_set.entries:
                    candidates.append((1.0 if exact else 0.8, symbol_set, loose.symbol))
                    break
        if term in self._by_label:
            symbol_set, entry_id = self._by_label[term]
            candidates.append((0.7, symbol_set, entry_id))
        if not candidates:
            return None
        score, symbol_set, entry_id = max(candidates, key=lambda c: c[0])
        if score < self.min_score:
            return None
        entry = symbol_set.entries[entry_id]
        return Symbol(
            id=entry.id,
            set_id=symbol_set.id,
            label=term,
            path=entry.path,
            score=score,
            query=term,
        )
