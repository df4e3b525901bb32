"""Documents the writer and accessibility tests share: the examples through the real
pipeline (processed once per session), and a document built in code that uses every
part of the layout (marks, hard words, inline pictures, contacts, tables, lists).
"""

from __future__ import annotations

import copy
from pathlib import Path

import easyread
from easyread.model import (
    Block,
    BlockKind,
    Contact,
    Credit,
    Document,
    HardWord,
    Mark,
    Sentence,
    Symbol,
    WordSymbol,
)
from easyread.options import LayoutOptions, Options
from easyread.resources import openmoji_dir
from easyread.stages import Context

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt", ".docx", ".html"))
TEMPLATES = ("document", "meeting", "letter")
CREATED = "2026-03-01T09:00:00"

_processed: dict[str, Document] = {}


def processed(name: str, nlp) -> Document:  # type: ignore[no-untyped-def]
    """An example read and run through every stage, once per test session (a copy each time)."""
    if name not in _processed:
        context = Context(Options(), nlp=nlp)
        _processed[name] = easyread.process(easyread.read(ROOT / "examples" / name), context=context)
    return copy.deepcopy(_processed[name])


def options(template: str = "document", **layout: object) -> Options:
    """Options for a template with a fixed date, so outputs are reproducible."""
    return Options(layout=LayoutOptions(template=template, **layout), creation_date=CREATED)  # type: ignore[arg-type]


def symbol(hexcode: str, label: str, decorative: bool = False) -> Symbol:
    """An OpenMoji picture from the installed set."""
    return Symbol(hexcode, "openmoji", label, str(openmoji_dir() / f"{hexcode}.svg"), 1.0, label, decorative)


def line(text: str, picture: Symbol | None = None, **fields: object) -> Sentence:
    """A sentence with an optional picture."""
    return Sentence(text, original=text, symbols=[picture] if picture else [], **fields)  # type: ignore[arg-type]


def rich_document() -> Document:
    """A document that uses every part of the page, built without the pipeline."""
    bus = symbol("1F68C", "bus")
    inline = line(
        "The bus comes at 2pm.",
        bus,
        word_symbols=[WordSymbol(4, 7, symbol("1F68C", "bus")), WordSymbol(17, 20, symbol("1F552", "2pm"))],
    )
    hard = line(
        "The forum will talk about the charter.",
        symbol("1F4DC", "charter"),
        marks=[Mark(30, 37, "hard", "a list of promises"), Mark(4, 9, "key")],
    )
    blocks = [
        Block(BlockKind.HEADING, "1. Welcome", level=2, sentences=[line("1. Welcome", symbol("1F44B", "welcome"))]),
        Block(BlockKind.PARAGRAPH, "Time: 5pm. Led by: Amira.", sentences=[line("Time: 5pm."), line("Led by: Amira.")]),
        Block(BlockKind.PARAGRAPH, "Dear young person,", sentences=[line("Dear young person,")]),
        Block(BlockKind.PARAGRAPH, inline.text, sentences=[inline]),
        Block(BlockKind.PARAGRAPH, hard.text, sentences=[hard, line("A tree is nice.", symbol("1F333", "tree", True))]),
        Block(BlockKind.HEADING, "2. What you need", level=2, sentences=[line("2. What you need")]),
        Block(BlockKind.HEADING, "Things to bring", level=3, sentences=[line("Things to bring")]),
        Block(BlockKind.LIST_ITEM, "a pen", sentences=[line("a pen", symbol("1F58A", "pen"))]),
        Block(BlockKind.LIST_ITEM, "a blue pen", level=1, sentences=[line("a blue pen")]),
        Block(BlockKind.LIST_ITEM, "a book", sentences=[line("a book", symbol("1F4D6", "book"))]),
        Block(BlockKind.LIST_ITEM, "First step", ordered=True, sentences=[line("First step")]),
        Block(BlockKind.TABLE, rows=[["Day", "Time"], ["Monday", "2pm"], ["Friday", "4pm"]], header_rows=1),
        Block(BlockKind.PARAGRAPH, "Yours sincerely,", sentences=[line("Yours sincerely,")]),
        Block(BlockKind.PARAGRAPH, "Sam Patel", sentences=[line("Sam Patel")]),
    ]
    return Document(
        title="Our <b>bus</b> & you",
        language="en-GB",
        metadata={"source": "rich.md", "stem": "rich"},
        blocks=blocks,
        hard_words=[
            HardWord("charter", "a list of promises", symbol("1F4DC", "charter")),
            HardWord("consultation", ""),
        ],
        credits=[Credit("OpenMoji", "CC BY-SA 4.0", "All emojis designed by OpenMoji.", "https://openmoji.org")],
        contacts=[
            Contact("person", "Sam Patel", symbol=symbol("1F464", "person")),
            Contact("email", "sam@example.org", "mailto:sam@example.org", "Sam Patel", symbol("1F4E7", "email")),
            Contact("phone", "01632 960 123", "tel:01632960123", "Sam Patel", symbol("1F4DE", "call")),
            Contact("web", "www.example.org", "https://www.example.org", "", symbol("1F310", "website")),
        ],
    )


def long_document(rows: int = 60) -> Document:
    """Rows of 10 to 60 words under a heading every fourth row, so page breaks fall
    everywhere; each row still fits on a page together with its heading."""
    blocks = []
    for number in range(rows):
        if number % 4 == 0:
            text = f"Part {number // 4 + 1}"
            blocks.append(Block(BlockKind.HEADING, text, level=2, sentences=[line(text, symbol("1F4CB", "list"))]))
        words = " ".join(["Young people will help the council plan the next meeting"] * (1 + (number * 5) % 6))
        kind = BlockKind.LIST_ITEM if number % 8 in (4, 5) else BlockKind.PARAGRAPH
        blocks.append(Block(kind, words, sentences=[line(words + ".", symbol("1F465", "meeting"))]))
    return Document(title="A long paper", language="en-GB", metadata={"source": "long.md", "stem": "long"}, blocks=blocks)
