"""The curated easy-read vocabulary: words and phrases mapped to the best picture."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EasyreadError
from ..resources import symbols_dir


@dataclass(frozen=True, slots=True)
class Term:
    """A vocabulary line."""

    term: str
    """Lower-case word or phrase, as a lemma."""
    pos: str
    """spaCy coarse part of speech (NOUN, VERB, ADJ...)."""
    symbol: str
    """Symbol id in the default set."""
    note: str = ""
    """Which sense of the word this picture is for."""


@dataclass(slots=True)
class Vocabulary:
    """Terms by (term, part of speech), plus the longest phrase length for matching."""

    terms: dict[tuple[str, str], Term] = field(default_factory=dict)
    """Lookup table."""
    longest: int = 1
    """Words in the longest phrase."""

    @classmethod
    def load(cls, path: Path | None = None) -> Vocabulary:
        """Read a vocabulary TSV (the bundled one by default)."""
        path = path or symbols_dir() / "vocabulary.tsv"
        vocabulary = cls()
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                lines = (line for line in handle if not line.startswith("#"))
                for row in csv.DictReader(lines, delimiter="\t"):
                    term = Term(
                        row["term"].strip().lower(),
                        row["pos"].strip().upper(),
                        row["symbol"].strip(),
                        (row.get("note") or "").strip(),
                    )
                    vocabulary.terms.setdefault((term.term, term.pos), term)
                    vocabulary.longest = max(vocabulary.longest, len(term.term.split()))
        except (OSError, KeyError, csv.Error) as error:
            raise EasyreadError(f"cannot read symbol vocabulary: {error}", source=str(path)) from None
        return vocabulary

    def find(self, term: str, pos: str | None = None) -> Term | None:
        """The entry for a term with this part of speech, or with any when `pos` is None."""
        term = term.lower()
        if pos is not None:
            return self.terms.get((term, pos))
        return next((t for (word, _), t in self.terms.items() if word == term), None)
