"""The curated easy-read vocabulary: words and phrases mapped to the best picture.

The vocabulary is ours, written for easy-read documents (council and
youth-forum papers, school, health and care letters). Each line is one sense
of a word: the same word may have several lines, told apart by part of speech
and by cue words that show which sense a sentence means ("chair" the person
who leads a meeting is cued by "meeting", "forum", "lead"; "chair" the seat by
"sit", "table"). A sense with no picture (symbol ``-``) records that we know
the word and that no picture in the default set fits: the matcher must not
fall back to a look-alike CLDR name for it.

File format (tab separated, ``#`` starts a comment line)::

    term  pos  symbol  sense  cues  synonyms  weight

- ``term``: the word or phrase as a lemma (``young people``, ``social worker``);
  ``@person``, ``@place``... are the generic pictures for names and dates.
- ``pos``: spaCy coarse part of speech (NOUN VERB ADJ ADV...), or empty for any.
- ``symbol``: the id in the default set (OpenMoji hexcode), or ``-`` for none.
- ``sense``: which meaning this picture is for, in plain words.
- ``cues``: words that select this sense when they are in the sentence;
  ``#num`` means "a number just before", ``<at`` "the word just before is at",
  ``>of`` "the word just after is of". A word with several senses and no cue
  in the sentence gets the sense without cues, or no picture if every sense has cues.
- ``synonyms``: other words and phrases for the same sense, comma separated.
- ``weight``: ``low`` for words that rarely carry a sentence's idea (member,
  people, information): another word of the sentence is preferred; ``person``
  for words for people (carer, pupils): as the subject of a sentence they give
  way to what the sentence says they do ("Children can play football");
  ``action`` for verbs whose picture is the idea even when they have an object
  ("**phone** the transport team"); ``legal`` for the words of legal small print
  (hereby, statutory): a sentence with one gets no picture, as no picture
  explains it; ``frame`` for general nouns whose picture says little about
  what kind they are (centre, place, workshop, equipment): a word before them
  with a picture takes their place ("**advice** centres", "a **music**
  workshop"), and on their own they come after the main clause's other words.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EasyreadError
from ..resources import symbols_dir
from .keys import key

POS_TAGS = frozenset("NOUN PROPN VERB ADJ ADV NUM PRON ADP DET INTJ".split())
"""Parts of speech a vocabulary line may name (spaCy's coarse tags)."""

NO_PICTURE = "-"
"""The symbol column's value for "we know this word and no picture fits"."""

WEIGHTS = frozenset({"", "low", "person", "action", "legal", "frame"})
"""Values of the weight column (see the module docstring)."""

_CUE = re.compile(r"^(#num|[<>]?[\w'@][\w' ]*)$")
_COLUMNS = ("term", "pos", "symbol", "sense", "cues", "synonyms", "weight")


@dataclass(frozen=True, slots=True)
class Sense:
    """One line of the vocabulary: a word or phrase in one meaning, and its picture."""

    term: str
    """The word or phrase as written in the file."""
    key: str
    """Its lookup form (see `keys.key`)."""
    pos: str
    """Part of speech, or empty for any."""
    symbol: str
    """Symbol id in the default set; empty when no picture fits this sense."""
    note: str = ""
    """Which meaning this is, in plain words."""
    cues: tuple[str, ...] = ()
    """Context that selects this sense (see the module docstring)."""
    synonyms: tuple[str, ...] = ()
    """Other words for the same sense."""
    low: bool = False
    """True when the word rarely carries the idea of a sentence."""
    person: bool = False
    """True for a word for people (carer, pupils): as a subject, what they do is the idea."""
    action: bool = False
    """True for a verb whose picture is the idea even when it has an object (phone, email)."""
    legal: bool = False
    """True for a word or phrase of legal small print: its sentence gets no picture."""
    frame: bool = False
    """True for a general noun (centre, workshop) whose modifier says more than its picture."""
    line: int = 0
    """Line number in the vocabulary file, for messages."""

    @property
    def concept(self) -> str:
        """A stable name for this sense, so a document can give it the same picture every time."""
        return f"{self.key}/{self.pos or '*'}/{self.line}"


@dataclass(slots=True)
class Vocabulary:
    """Senses by lookup key and by synonym key."""

    senses: dict[str, list[Sense]] = field(default_factory=dict)
    """Every sense of a term, by the term's key, in file order."""
    synonyms: dict[str, list[Sense]] = field(default_factory=dict)
    """Senses reachable through a synonym, by the synonym's key."""
    longest: int = 1
    """Words in the longest term or synonym (how far phrase matching must look)."""
    legal: set[str] = field(default_factory=set)
    """Keys of the words and phrases of legal small print (weight ``legal``), synonyms included."""

    @classmethod
    def load(cls, path: Path | None = None) -> Vocabulary:
        """Read a vocabulary TSV (the bundled one by default)."""
        path = path or symbols_dir() / "vocabulary.tsv"
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                return cls.parse(handle.read(), str(path))
        except OSError as error:
            raise EasyreadError(
                f"cannot read symbol vocabulary: {error.strerror}", source=str(path)
            ) from None

    @classmethod
    def parse(cls, text: str, source: str = "vocabulary") -> Vocabulary:
        """Parse vocabulary text; a malformed line is a one-line error naming the line."""
        vocabulary = cls()
        rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        header_seen = False
        for number, row in enumerate(rows, start=1):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if not header_seen:
                if tuple(c.strip() for c in row[: len(_COLUMNS)]) != _COLUMNS:
                    raise EasyreadError(
                        f"line {number}: the header must be: {' '.join(_COLUMNS)}", source=source
                    )
                header_seen = True
                continue
            vocabulary.add(_sense(row, number, source))
        return vocabulary

    def add(self, sense: Sense) -> None:
        """Add one sense (later lines never replace earlier ones: file order is priority).

        A term or synonym written in capitals ("SEND", "GP") is an acronym: it is
        also filed under ``^`` and its key, the only key capitals in a text look up.
        """
        self.senses.setdefault(sense.key, []).append(sense)
        if _is_acronym(sense.term):
            self.senses.setdefault("^" + sense.key, []).append(sense)
        self.longest = max(self.longest, len(sense.key.split()))
        if sense.legal:
            self.legal.update((sense.key, *sense.synonyms))
        for synonym in sense.synonyms:
            self.synonyms.setdefault(synonym, []).append(sense)
            self.longest = max(self.longest, len(synonym.split()))

    def __len__(self) -> int:
        return sum(len(senses) for senses in self.senses.values())

    def terms(self) -> set[str]:
        """Every word and phrase the vocabulary knows, synonyms included."""
        return set(self.senses) | set(self.synonyms)

    def knows(self, text: str) -> bool:
        """True when a word or phrase is in the vocabulary (as a term or a synonym)."""
        found = key(text)
        return found in self.senses or found in self.synonyms

    def ambiguous(self, lookup: str) -> bool:
        """True when a word has several senses with different pictures, or only "no picture"."""
        senses = self.senses.get(lookup, [])
        pictures = {sense.symbol for sense in senses}
        return len(pictures) > 1 or pictures == {""}


def _sense(row: list[str], number: int, source: str) -> Sense:
    cells = [cell.strip() for cell in row] + [""] * (len(_COLUMNS) - len(row))
    term, pos, symbol, note, cues, synonyms, weight = cells[: len(_COLUMNS)]
    where = f"line {number}"
    if not term:
        raise EasyreadError(f"{where}: the term is empty", source=source)
    pos = pos.upper()
    if pos and pos not in POS_TAGS:
        raise EasyreadError(f"{where}: unknown part of speech {pos!r}", source=source)
    if not symbol:
        raise EasyreadError(
            f"{where}: no symbol (write {NO_PICTURE} when no picture fits)", source=source
        )
    cue_list = tuple(cue.lower() for cue in cues.split())
    bad = [cue for cue in cue_list if not _CUE.match(cue)]
    if bad:
        raise EasyreadError(f"{where}: bad cue {bad[0]!r}", source=source)
    if weight not in WEIGHTS:
        raise EasyreadError(
            f"{where}: weight must be empty or one of: {' '.join(sorted(WEIGHTS - {''}))}",
            source=source,
        )
    names = [s.strip() for s in synonyms.split(",") if key(s)]
    return Sense(
        term=term,
        key=key(term),
        pos=pos,
        symbol="" if symbol == NO_PICTURE else symbol.upper(),
        note=note,
        cues=tuple(key(cue) if cue[0].isalpha() else cue for cue in cue_list),
        synonyms=tuple(("^" if _is_acronym(s) else "") + key(s) for s in names),
        low=weight == "low",
        person=weight == "person",
        action=weight == "action",
        legal=weight == "legal",
        frame=weight == "frame",
        line=number,
    )


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
