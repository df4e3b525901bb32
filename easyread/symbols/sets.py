"""Symbol sets: a named, licensed collection of pictures, each with a label and keywords."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Credit
from .keys import key

NAME, ALIAS, WORD = "name", "alias", "word"
"""How an index key reaches an entry: its whole label, a keyword, or one word of its label."""

Names = dict[str, tuple[str, tuple[str, ...]]]
"""Entry id -> (label, keywords), for sets whose labels are loaded only when needed."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One picture of a set."""

    id: str
    """Id within the set (for OpenMoji the hexcode, for a folder the file's path in it)."""
    path: str
    """Image file."""
    label: str = ""
    """What it shows, in words (alternative text)."""
    keywords: tuple[str, ...] = ()
    """Other words that find it."""
    pos: str = ""
    """Part of speech it stands for, when known (``bake_,_to.svg`` is a verb)."""
    decorative: bool = False
    """True when the picture adds nothing for a screen reader."""


@dataclass(slots=True)
class SymbolSet:
    """A collection of pictures with its licence, looked up by id or by words."""

    id: str
    """Short id, such as ``openmoji``."""
    name: str
    """Name shown to users and in the colophon."""
    licence: str
    """Licence of the images."""
    attribution: str = ""
    """The credit line the licence asks for."""
    url: str = ""
    """Where the set comes from."""
    entries: dict[str, Entry] = field(default_factory=dict)
    """Pictures by id."""
    root: Path | None = None
    """The folder every image of a user's set must stay inside."""
    default: bool = False
    """True for the bundled default set, whose pictures the vocabulary names."""
    problems: list[str] = field(default_factory=list)
    """Files that were skipped while loading, in one line each."""
    names: Callable[[], Names] | None = None
    """Loads labels and keywords on first use (the default set's CLDR names)."""
    _names: Names | None = None
    _index: dict[str, list[tuple[str, str]]] | None = None

    def credit(self) -> Credit:
        """The colophon line owed for using this set."""
        return Credit(self.name, self.licence, self.attribution, self.url)

    def find(self, entry_id: str) -> Entry | None:
        """The entry with this id (hexcodes in any letter case)."""
        return self.entries.get(entry_id) or self.entries.get(entry_id.upper())

    def label(self, entry_id: str) -> str:
        """An entry's label, loading lazily loaded names if needed."""
        entry = self.entries.get(entry_id)
        if entry is not None and entry.label:
            return entry.label
        return self._lazy_names().get(entry_id, ("", ()))[0]

    def lookup(self, word: str) -> list[tuple[Entry, str]]:
        """Entries whose label, keywords or label words are this word or phrase, and how."""
        found = self._keyword_index().get(key(word), [])
        return [(self.entries[entry_id], how) for entry_id, how in found]

    def _lazy_names(self) -> Names:
        if self._names is None:
            self._names = self.names() if self.names else {}
        return self._names

    def _keyword_index(self) -> dict[str, list[tuple[str, str]]]:
        if self._index is None:
            names = self._lazy_names()
            index: dict[str, list[tuple[str, str]]] = {}
            for entry in self.entries.values():
                label, keywords = entry.label, entry.keywords
                if not label and entry.id in names:
                    label, keywords = names[entry.id][0], (*keywords, *names[entry.id][1])
                if label:
                    _add(index, [label], entry.id, NAME)
                    _add(index, keywords, entry.id, ALIAS)
                    _add(index, key(label).split(), entry.id, WORD)
            self._index = index
        return self._index


def _add(
    index: dict[str, list[tuple[str, str]]], words: Iterable[str], entry_id: str, how: str
) -> None:
    for word in words:
        found = index.setdefault(key(word), [])
        if all(existing != entry_id for existing, _ in found):
            found.append((entry_id, how))
