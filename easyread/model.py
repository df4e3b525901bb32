"""The one document model every reader produces and every writer consumes.

Dataclasses only: no I/O, no parsing, no rendering. Readers fill `Block.text`;
stages fill sentences, scores, symbols and diagnostics; writers only read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    """What a block is, which decides how it is laid out."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


class Severity(StrEnum):
    """How much a diagnostic matters to the editor."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(slots=True)
class Symbol:
    """A picture chosen for a sentence or a word."""

    id: str
    """The symbol's id in its set (for OpenMoji, the hexcode such as ``1F68C``)."""
    set_id: str
    """The id of the symbol set it comes from."""
    label: str
    """What the picture shows, in words; used as its alternative text."""
    path: str | None = None
    """Image file on disk, or None when the set has no image for it."""
    score: float = 0.0
    """How sure the matcher is, from 0 to 1."""
    query: str = ""
    """The word or phrase of the sentence the picture stands for."""
    decorative: bool = False
    """True when the picture adds nothing for a screen reader."""


@dataclass(slots=True)
class Mark:
    """A span of a sentence's text shown in bold (a key or hard word)."""

    start: int
    """Character offset where the span starts in `Sentence.text`."""
    end: int
    """Character offset just after the span."""
    kind: str = "key"
    """``key`` for a key word, ``hard`` for a hard word explained elsewhere."""
    note: str = ""
    """Explanation shown to the reader, if any."""


@dataclass(slots=True)
class WordSymbol:
    """A small picture above one word (inline, Widgit-style mode)."""

    start: int
    """Character offset of the word in `Sentence.text`."""
    end: int
    """Character offset just after the word."""
    symbol: Symbol
    """The picture for that word."""


@dataclass(slots=True)
class Sentence:
    """One line of easy-read text: ideally one idea with one picture."""

    text: str
    """The text as it will be shown."""
    original: str = ""
    """The source sentence this one came from (same as `text` when unchanged)."""
    scores: dict[str, float] = field(default_factory=dict)
    """Readability figures for this sentence (see the readability stage)."""
    symbols: list[Symbol] = field(default_factory=list)
    """Pictures for the sentence; the first one goes in the picture column."""
    flags: list[str] = field(default_factory=list)
    """Problems an editor should look at, such as ``long`` or ``hard-words``."""
    rules: list[str] = field(default_factory=list)
    """Names of the simplification rules that changed this sentence."""
    marks: list[Mark] = field(default_factory=list)
    """Spans shown in bold."""
    word_symbols: list[WordSymbol] = field(default_factory=list)
    """Pictures above single words, for inline mode."""


@dataclass(slots=True)
class Link:
    """A hyperlink found in the source: the words are kept, the URL as metadata."""

    text: str
    """The link's words as they appear in the block text."""
    url: str
    """Where the link pointed in the source."""


@dataclass(slots=True)
class Block:
    """A heading, paragraph, list item or table, in reading order."""

    kind: BlockKind
    """What the block is."""
    text: str = ""
    """The block's plain text (inline formatting removed)."""
    level: int = 0
    """Heading level (1-6) or list nesting depth (0 = top level)."""
    ordered: bool = False
    """True for an item of a numbered list."""
    sentences: list[Sentence] = field(default_factory=list)
    """The block's sentences, filled by the sentences stage."""
    rows: list[list[str]] = field(default_factory=list)
    """Cell texts of a table, row by row."""
    header_rows: int = 0
    """How many of the first rows of a table are header rows."""
    links: list[Link] = field(default_factory=list)
    """Links in the block."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Scratch space for stages (for example an agenda item's time)."""


@dataclass(slots=True)
class Diagnostic:
    """Something an editor should know: a problem fixed, or one left for a person."""

    code: str
    """A stable code such as ``ER201`` (documented in docs/diagnostics.md)."""
    message: str
    """One line in plain words."""
    severity: Severity = Severity.WARNING
    """How much it matters."""
    stage: str = ""
    """The reader or stage that raised it."""
    block: int | None = None
    """Index of the block it is about, if any."""
    sentence: int | None = None
    """Index of the sentence within that block, if any."""


@dataclass(slots=True)
class HardWord:
    """A word the reader may not know, with what it means."""

    word: str
    """The word as it appears in the text."""
    explanation: str = ""
    """An easy-read explanation, or empty when an editor must write one."""
    symbol: Symbol | None = None
    """A picture for the word, if one fits."""


@dataclass(slots=True)
class Credit:
    """Attribution owed to the maker of something used in the output."""

    name: str
    """What was used, such as a symbol set or a font."""
    licence: str
    """Its licence, such as ``CC BY-SA 4.0``."""
    attribution: str = ""
    """The line the licence asks to be shown."""
    url: str = ""
    """Where to find it."""


@dataclass(slots=True)
class Contact:
    """A way to reach someone, found in the source, for the closing "Contact" section."""

    kind: str
    """``email``, ``phone``, ``text`` (a mobile number to text), ``web`` or ``person``."""
    value: str
    """What the reader sees: the address, number, web address or name."""
    url: str = ""
    """A link for it (``mailto:``, ``tel:``, ``https:``), or empty."""
    name: str = ""
    """The person or team it belongs to, when the source says."""
    symbol: Symbol | None = None
    """A picture for the kind of contact."""
    block: int | None = None
    """Index of the block it was found in."""


@dataclass(slots=True)
class Document:
    """A whole document, from reading to writing."""

    title: str = ""
    """The document title."""
    language: str = "en"
    """BCP 47 language tag of the text."""
    metadata: dict[str, str] = field(default_factory=dict)
    """Source file name, format, author and other facts about the source."""
    blocks: list[Block] = field(default_factory=list)
    """The content, in reading order."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """What readers and stages noticed."""
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    """Whole-document readability figures, keyed ``source`` and ``output``."""
    hard_words: list[HardWord] = field(default_factory=list)
    """Words listed with explanations at the end of the document."""
    credits: list[Credit] = field(default_factory=list)
    """Licences and attributions to show in the colophon."""
    contacts: list[Contact] = field(default_factory=list)
    """Contact details found in the source (see the contacts stage)."""

    def sentences(self) -> list[Sentence]:
        """All sentences in reading order (tables excluded)."""
        return [s for block in self.blocks for s in block.sentences]


def to_dict(document: Document) -> dict[str, Any]:
    """A JSON-ready dict of the document, for golden files and debugging."""
    return asdict(document)
