"""The pipeline's simplify stage: a thin layer over `easyread.simplify`.

Each sentence of each paragraph and list item is rewritten by the engine;
headings and tables stay as they are. The stage also restructures blocks
where a rule asks for it: a list of three or more things split out of a
sentence becomes list-item blocks after the sentence that introduces it.
Hard words go to `Document.hard_words`, and what the rules could not fix
goes to the diagnostics, so the editor sees what needs a human decision.
"""

from __future__ import annotations

from ..model import Block, BlockKind, Diagnostic, Document, Sentence
from ..simplify import simplifier
from ..simplify.engine import SimplifiedSentence
from . import Context, Stage


def _sentence(done: SimplifiedSentence, original: Sentence) -> Sentence:
    return Sentence(
        done.text,
        original=original.original or original.text,
        rules=[*original.rules, *done.rules],
        marks=list(done.marks),
        flags=[*original.flags, *(f for f in done.flags if f not in original.flags)],
    )


def run(document: Document, context: Context) -> Document:
    """Simplify every paragraph and list item; headings and tables are left whole."""
    engine = simplifier(context)
    prose = [b for b in document.blocks if b.kind in _PROSE]
    units = iter(engine.units([s.text for block in prose for s in block.sentences]))
    found: list[tuple[Diagnostic, Sentence]] = []
    rebuilt: list[Block] = []
    for block in document.blocks:
        if block.kind not in _PROSE:
            rebuilt.append(block)
            continue
        sources, block.sentences, current = block.sentences, [], block
        rebuilt.append(current)
        for source in sources:
            unit = next(units)
            document.hard_words.extend(unit.hard_words)
            for done in unit.sentences:
                sentence = _sentence(done, source)
                current.sentences.append(sentence)
                found.extend((d, sentence) for d in done.diagnostics)
                if done.items:
                    # The list goes after its intro; the rest of the paragraph after the list.
                    level = block.level + 1 if block.kind is BlockKind.LIST_ITEM else 0
                    for item, marks in zip(done.items, done.item_marks or [[]] * len(done.items)):
                        bullet = Sentence(
                            item, original=sentence.original, rules=["split-lists"], marks=marks
                        )
                        rebuilt.append(
                            Block(BlockKind.LIST_ITEM, item, level=level, sentences=[bullet])
                        )
                    current = Block(block.kind, level=block.level, ordered=block.ordered)
                    rebuilt.append(current)
    document.blocks = [b for b in rebuilt if b.kind not in _PROSE or b.sentences]
    for block in document.blocks:
        if block.kind in _PROSE:
            block.text = " ".join(s.text for s in block.sentences)
    _place(document, found)
    return document


_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def _place(document: Document, found: list[tuple[Diagnostic, Sentence]]) -> None:
    """Give each diagnostic the index of its block and sentence, as they are now."""
    where = {
        id(sentence): (b, s)
        for b, block in enumerate(document.blocks)
        for s, sentence in enumerate(block.sentences)
    }
    for diagnostic, sentence in found:
        diagnostic.block, diagnostic.sentence = where.get(id(sentence), (None, None))
        document.diagnostics.append(diagnostic)


STAGE = Stage(
    name="simplify",
    run=run,
    requires=("sentences",),
    provides=("simplified",),
    summary="rewrite sentences into short sentences and everyday words",
)
