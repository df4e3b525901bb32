"""Rewrite text into easy-read English: short sentences, everyday words, one idea each.

    >>> import easyread
    >>> result = easyread.simplify("The form will be sent by the council.")   # doctest: +SKIP
    >>> result.text                                                            # doctest: +SKIP
    'The council will send the form.'

Twelve named rules, each switchable with ``Options.simplify.disable`` (see
`RULES`, and docs/simplify.md for the details and the word lists). The
pipeline's ``simplify`` stage uses the same engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Diagnostic, HardWord
from ..options import Options
from ..stages import Context
from . import data
from .engine import GROUPS, RULES, SimplifiedSentence, Simplifier, enabled_rules

__all__ = [
    "GROUPS",
    "RULES",
    "SimplifiedSentence",
    "SimplifyResult",
    "Simplifier",
    "enabled_rules",
    "simplifier",
    "simplify",
]

_PARAGRAPH = re.compile(r"\n\s*\n")
_MARKER = re.compile(r"^\s*(#{1,6}\s+|[-*•]\s+|\d{1,3}[.)]\s+)")


@dataclass(slots=True)
class SimplifyResult:
    """What `simplify` made of a text."""

    text: str
    """The simplified text: one sentence a line, a blank line between paragraphs
    (with ``lines=True``: exactly one line for each input line)."""
    sentences: list[SimplifiedSentence] = field(default_factory=list)
    """Every output sentence with its source sentence and the rules that changed it."""
    hard_words: list[HardWord] = field(default_factory=list)
    """Hard words found, with explanations where the glossary has one."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """What an editor still needs to decide."""


def simplifier(context: Context) -> Simplifier:
    """The simplifier of a pipeline context, with its word lists loaded once per context."""
    lists = context.resource("simplify.word-lists", data.load)
    return Simplifier(context.language(), context.options, lists)


def simplify(
    text: str,
    options: Options | None = None,
    *,
    lines: bool = False,
    context: Context | None = None,
) -> SimplifyResult:
    """Simplify a text; with `lines`, each line is simplified on its own and stays one line.

    Pass a `Context` to reuse a loaded pipeline and word lists across calls.
    """
    if context is None:
        context = Context(options or Options())
    engine = simplifier(context)
    if lines:
        inputs = text.split("\n")
        if inputs and inputs[-1] == "":
            inputs.pop()
        units = engine.units(inputs, independent=True)
        out = [" ".join(s.text for s in unit.sentences) for unit in units]
        rendered = "\n".join(out) + ("\n" if out else "")
    else:
        paragraphs = [_pieces(p) for p in _PARAGRAPH.split(text) if p.strip()]
        inputs = [
            body for pieces in paragraphs for marker, body in pieces if not marker.startswith("#")
        ]
        simplified = iter(engine.units(inputs))
        units = []
        blocks = []
        for pieces in paragraphs:
            lines_out = []
            for marker, body in pieces:
                if marker.startswith("#"):
                    lines_out.append(marker + body)
                    continue
                unit = next(simplified)
                units.append(unit)
                shown = [_block(s) for s in unit.sentences]
                indent = " " * len(marker)
                lines_out.append(marker + "\n".join(shown).replace("\n", "\n" + indent))
            blocks.append("\n".join(lines_out))
        rendered = "\n\n".join(blocks) + ("\n" if blocks else "")
    result = SimplifyResult(rendered)
    for unit in units:
        result.sentences.extend(unit.sentences)
        result.hard_words.extend(unit.hard_words)
        result.diagnostics.extend(unit.diagnostics)
    return result


def _pieces(paragraph: str) -> list[tuple[str, str]]:
    """A paragraph's list items and headings as (marker, text); other lines are joined."""
    pieces: list[tuple[str, str]] = []
    for line in paragraph.splitlines():
        if not line.strip():
            continue
        marker = _MARKER.match(line)
        if marker or not pieces or pieces[-1][0]:
            prefix = marker[0].strip() + " " if marker else ""
            pieces.append((prefix, line[marker.end() if marker else 0 :].strip()))
        else:
            pieces[-1] = ("", f"{pieces[-1][1]} {line.strip()}")
    return pieces


def _block(sentence: SimplifiedSentence) -> str:
    return "\n".join([sentence.text, *(f"- {item}" for item in sentence.items)])
