"""Give each sentence the picture of its main idea (and, in inline mode, each word its own).

The work is in `easyread.symbols`: `concepts` picks the key concept of a
parsed sentence, `library` matches it to a picture. This stage parses the
sentences, keeps one `Memory` per document (so a word keeps its sense and
its picture from the first sentence to the last), credits the sets used, and
tells the editor which sentences have no picture.
"""

from __future__ import annotations

from ..model import BlockKind, Diagnostic, Document, Sentence, Severity
from ..symbols import concepts
from ..symbols.concepts import TITLES
from ..symbols.library import Library, Memory
from ..symbols.smallprint import small_print
from . import Context, Stage

NO_PICTURE = "ER401"
"""Diagnostic: no picture fits a sentence; an editor should choose one or leave it."""

SKIPPED = "ER402"
"""Diagnostic: a user's picture, overrides line or set file was skipped (the reason says why)."""


def library(context: Context) -> Library:
    """The symbol library for the context's options, loaded once per context (a batch shares it)."""
    return context.resource(
        "symbols.library", lambda: Library.from_options(context.options.symbols)
    )


def for_parsing(text: str, heading: bool = False) -> str:
    """Text as the parser should see it: Title Case Headings lowered, so words are not names.

    spaCy tags every capitalised word of "Transport To School And College" as a
    proper noun; names never get a picture, so the heading would get none. Only
    headings are lowered ("Rose Green" in a sentence is a name), and a word after
    a title stays a name ("Meeting With Mr Bird"). The lowered text has the same
    length, so character offsets still line up.
    """
    if not heading:
        return text
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) > 1 and all(w.isupper() for w in words):
        return text[:1] + text[1:].lower()  # A HEADING IN CAPITALS
    capitals = sum(1 for w in words if w[0].isupper() and not w.isupper())
    if len(words) < 2 or capitals < 0.6 * len(words):
        return text
    parts = _split_keep(text)
    lowered = [parts[0]]
    for index, part in enumerate(parts[1:], start=1):
        after_title = index >= 2 and parts[index - 2].lower().rstrip(".") in TITLES
        keep = (part.isupper() and len(part) > 1) or after_title
        lowered.append(part if keep else part.lower())
    result = "".join(lowered)
    return result if len(result) == len(text) else text


def _split_keep(text: str) -> list[str]:
    parts: list[str] = []
    current = ""
    for char in text:
        if char.isspace():
            parts += [current, char] if current else [char]
            current = ""
        else:
            current += char
    return [*parts, current] if current else parts


def run(document: Document, context: Context) -> Document:
    """Pick each sentence's picture (and word pictures in inline mode); credit the sets used."""
    symbols = library(context)
    memory = Memory()
    inline = context.options.symbols.inline
    already = len(symbols.problems)
    places = [
        (b, s, sentence)
        for b, block in enumerate(document.blocks)
        for s, sentence in enumerate(block.sentences)
    ]
    headings = {b for b, block in enumerate(document.blocks) if block.kind is BlockKind.HEADING}
    texts = [for_parsing(sentence.text, b in headings) for b, _, sentence in places]
    parsed = context.language().pipe(texts, batch_size=64)
    for (block_index, sentence_index, sentence), doc in zip(places, parsed, strict=True):
        span = doc[:]
        symbol = concepts.key_concept(span, symbols, memory)
        sentence.symbols = [symbol] if symbol else []
        sentence.word_symbols = concepts.word_symbols(span, symbols, memory) if inline else []
        if symbol is None:
            legal = small_print(span, symbols.vocabulary)
            _no_picture(document, sentence, block_index, sentence_index, legal)
    for word in document.hard_words:
        if word.symbol is None:
            word.symbol = symbols.lookup(word.word)
    credit_sets(document, symbols)
    for problem in (
        symbols.problems[: symbols.loaded] + symbols.problems[max(already, symbols.loaded) :]
    ):
        document.diagnostics.append(Diagnostic(SKIPPED, problem, Severity.WARNING, "symbols"))
    return document


def _no_picture(
    document: Document, sentence: Sentence, block: int, index: int, legal: bool
) -> None:
    if "no-picture" not in sentence.flags:
        sentence.flags.append("no-picture")
    excerpt = sentence.text if len(sentence.text) <= 60 else sentence.text[:57] + "..."
    advice = (
        "legal small print, which no picture explains; say it plainly or leave it out"
        if legal
        else "choose one with an overrides file or leave it"
    )
    document.diagnostics.append(
        Diagnostic(
            NO_PICTURE,
            f"no picture fits \u201c{excerpt}\u201d: {advice}",
            Severity.INFO,
            "symbols",
            block,
            index,
        )
    )


def credit_sets(document: Document, symbols: Library) -> None:
    """Add a colophon credit for every set whose pictures the document uses."""
    used = {s.set_id for sentence in document.sentences() for s in sentence.symbols}
    used |= {contact.symbol.set_id for contact in document.contacts if contact.symbol}
    used |= {w.symbol.set_id for sentence in document.sentences() for w in sentence.word_symbols}
    used |= {word.symbol.set_id for word in document.hard_words if word.symbol}
    named = {credit.name for credit in document.credits}
    for symbol_set in symbols.sets:
        if symbol_set.id in used and symbol_set.name not in named:
            document.credits.append(symbol_set.credit())
            named.add(symbol_set.name)


STAGE = Stage(
    name="symbols",
    run=run,
    requires=("sentences",),
    provides=("symbols",),
    summary="pair each sentence with the picture of its main idea",
)
