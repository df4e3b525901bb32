"""``easyread simplify``: text in, easy-read text out (no pictures, no layout)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import EasyreadError
from ..options import Limits, Options


def _read(source: str, limits: Limits) -> str:
    from ..readers import read_bytes
    from ..readers.text import decode

    if source == "-":
        data = sys.stdin.buffer.read(limits.max_input_bytes + 1)
        name = "stdin"
        if len(data) > limits.max_input_bytes:
            raise EasyreadError("input is larger than the limit (limits.max_input_bytes)", source=name)
    else:
        data, name = read_bytes(Path(source), limits), source
    return decode(data, name).text


@click.command(
    epilog=(
        "Examples:\n\n"
        "  easyread simplify letter.txt\n\n"
        "  easyread simplify --lines sentences.txt > simple.txt   # one output line per input line\n\n"
        "  echo 'The form will be sent by the council.' | easyread simplify -\n\n"
        "  easyread simplify notes.txt --disable split --disable everyday-words\n\n"
        "  easyread simplify --rules                               # list the rules"
    )
)
@click.argument(
    "source", required=False, default="-", type=click.Path(path_type=str, allow_dash=True)
)
@click.option(
    "--lines",
    is_flag=True,
    help="Treat each line as a separate text and print exactly one line for each.",
)
@click.option(
    "--disable",
    multiple=True,
    metavar="RULE",
    help="Switch a rule off (repeatable; 'split' switches off all splitting rules).",
)
@click.option(
    "--max-words",
    type=click.IntRange(5, 60),
    help="Longest sentence to leave unsplit (default 15).",
)
@click.option(
    "--explain", is_flag=True, help="Also show, for each sentence, its source and the rules used."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--rules", "list_rules", is_flag=True, help="List the rules and exit.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=str), help="TOML options file.")
@click.option("--model", help="spaCy pipeline to use (default: the English small model).")
def simplify(
    source: str,
    lines: bool,
    disable: tuple[str, ...],
    max_words: int | None,
    explain: bool,
    as_json: bool,
    list_rules: bool,
    config: str | None,
    model: str | None,
) -> int:
    """Rewrite a text file (or - for standard input) into easy-read English.

    Prints one sentence a line, a blank line between paragraphs, lists as
    bullet points. Sentences the rules could not shorten and hard words with
    no explanation are reported on standard error.
    """
    from ..simplify import RULES, enabled_rules
    from ..simplify import simplify as run

    if list_rules:
        for name, summary in RULES.items():
            click.echo(f"{name:18} {summary}")
        return 0
    options = Options.from_file(config) if config else Options()
    settings = options.simplify
    settings.disable = tuple(dict.fromkeys([*settings.disable, *disable]))
    if max_words is not None:
        settings.max_words = max_words
    options = options.replace(simplify=settings, language_model=model or options.language_model)
    enabled_rules(options)  # a misspelt rule name fails before the model loads
    result = run(_read(source, options.limits), options, lines=lines)
    if as_json:
        click.echo(json.dumps(_as_dict(result), ensure_ascii=False, indent=2))
        return 0
    click.echo(result.text, nl=False)
    if explain:
        for sentence in result.sentences:
            rules = ", ".join(sentence.rules) or "unchanged"
            click.echo(f"\n{sentence.text}\n  from: {sentence.source}\n  rules: {rules}", err=True)
    if not lines:
        for diagnostic in result.diagnostics:
            click.echo(f"easyread: {diagnostic.code}: {diagnostic.message}", err=True)
    return 0


def _as_dict(result: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(result)
