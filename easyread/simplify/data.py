"""The word lists the rules use, read from the tab-separated files in ``data/``.

The files are written by the easyread team and meant to be extended by
people who do not write Python: one entry a line, columns separated by a
tab, ``#`` starts a comment. They are loaded once per pipeline context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EasyreadError

DATA_DIR = Path(__file__).resolve().parent / "data"
POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "ADP", "PHRASE"})
"""Word classes a plain-words entry can have (ADP: a preposition, "during");
PHRASE matches any words as written."""


@dataclass(frozen=True, slots=True)
class PlainWord:
    """One entry of the plain-words lexicon."""

    word: str
    """The formal word (dictionary form) or phrase."""
    pos: str
    """Its word class: NOUN, VERB, ADJ, ADV, ADP, or PHRASE."""
    plain: str
    """The everyday word or phrase that replaces it."""


@dataclass(slots=True)
class WordLists:
    """Everything the simplification rules look words up in."""

    plain_words: dict[tuple[str, str], PlainWord] = field(default_factory=dict)
    """Single words by (dictionary form, word class)."""
    phrases: dict[tuple[str, ...], PlainWord] = field(default_factory=dict)
    """Phrases of several words by their lower-case words."""
    glossary: dict[str, str] = field(default_factory=dict)
    """Easy-read explanations of hard words, by lower-case word."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Long forms of abbreviations, by abbreviation as written."""
    clutter: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Filler phrases (replaced by nothing) and double negatives (replaced by their meaning)."""
    longest_phrase: int = 1
    """Number of words in the longest phrase of the lexicon or clutter list."""
    phrase_starts: frozenset[str] = frozenset()
    """First words of the lexicon's phrases, so most words are passed over with one look-up."""
    clutter_starts: frozenset[str] = frozenset()
    """First words of the clutter list's phrases."""

    def index(self) -> WordLists:
        """Fill the fields derived from the lists (after loading or changing them)."""
        self.longest_phrase = max((len(k) for k in [*self.phrases, *self.clutter]), default=1)
        self.phrase_starts = frozenset(k[0] for k in self.phrases)
        self.clutter_starts = frozenset(k[0] for k in self.clutter)
        return self


def rows(path: Path, columns: int) -> list[list[str]]:
    """The entries of a data file: tab-separated, comments and blank lines skipped."""
    found: list[list[str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EasyreadError(
            f"easyread is not installed correctly: {error.strerror}", source=str(path)
        ) from error
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        while len(cells) < columns:
            cells.append("")
        if len(cells) > columns or not cells[0]:
            raise EasyreadError(
                f"line {number}: expected {columns} tab-separated columns", source=path.name
            )
        found.append(cells)
    return found


def load(folder: Path = DATA_DIR) -> WordLists:
    """Read all word lists from `folder`."""
    lists = WordLists()
    for word, pos, plain in rows(folder / "plain-words.tsv", 3):
        if pos not in POS or not plain:
            raise EasyreadError(
                f"bad entry for {word!r}: word class {pos!r}", source="plain-words.tsv"
            )
        entry = PlainWord(word.lower(), pos, plain)
        if " " in word or pos == "PHRASE":
            lists.phrases[tuple(word.lower().split())] = entry
        else:
            lists.plain_words[(word.lower(), pos)] = entry
    lists.glossary = {word.lower(): text for word, text in rows(folder / "glossary.tsv", 2)}
    lists.abbreviations = dict(rows(folder / "abbreviations.tsv", 2))
    lists.clutter = {tuple(p.lower().split()): r for p, r in rows(folder / "clutter.tsv", 2)}
    return lists.index()
