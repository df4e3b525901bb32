"""``easyread symbols``: look up pictures, see the candidates, list the active sets."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from ..options import Options
from ..symbols.library import Found, Library


def _set_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose the symbol sets, shared by every ``symbols`` subcommand."""
    decorators = [
        click.option(
            "--config", type=click.Path(dir_okay=False, path_type=str), help="TOML options file."
        ),
        click.option(
            "--symbols",
            "symbol_sets",
            multiple=True,
            type=click.Path(exists=True, file_okay=False, path_type=str),
            help="A folder of your own pictures, used before the default set (repeatable).",
        ),
        click.option(
            "--symbol-overrides",
            "overrides",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=str),
            help="A .csv, .tsv or .toml file choosing the picture for words (repeatable).",
        ),
        click.option("--no-default-set", is_flag=True, help="Leave out the bundled OpenMoji set."),
        click.option(
            "--min-score",
            type=click.FloatRange(0, 1),
            help="Below this score, no picture (default 0.6).",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _options(
    config: str | None,
    symbol_sets: tuple[str, ...],
    overrides: tuple[str, ...],
    no_default_set: bool,
    min_score: float | None,
) -> Options:
    options = Options.from_file(config) if config else Options()
    symbols = options.symbols
    symbols.sets = (*symbols.sets, *symbol_sets)
    symbols.overrides = (*symbols.overrides, *overrides)
    if no_default_set:
        symbols.default_set = False
    if min_score is not None:
        symbols.min_score = min_score
    return options.replace(symbols=symbols)


def _library(options: Options) -> Library:
    library = Library.from_options(options.symbols)
    for problem in library.problems:
        click.echo(f"easyread: warning: {problem}", err=True)
    return library


@click.group(
    epilog='Examples:\n\n  easyread symbols match bus "the minutes of the meeting"\n\n'
    "  easyread symbols search chair\n\n  easyread symbols sets --symbols my-pictures/"
)
def symbols() -> None:
    """Find the picture easyread would choose, see the candidates, list the symbol sets."""


@symbols.command(
    epilog='Examples:\n\n  easyread symbols match bus "social worker" "20 minutes"\n\n'
    "  printf 'chair of the forum\\nsit on a chair\\n' | easyread symbols match"
)
@click.argument("texts", nargs=-1)
@_set_options
@click.option("--model", help="spaCy pipeline to use (default: the English small model).")
def match(texts: tuple[str, ...], model: str | None, **values: Any) -> int:
    """Print the picture for each TEXT (a word, phrase or sentence) as one JSON object per line.

    With no TEXT, reads one text per line from standard input. A single word is
    looked up as a word (its everyday sense when it has several); a phrase or a
    sentence is parsed and gets the picture of its main idea, as `easyread
    convert` would choose it.
    """
    from .. import nlp as nlp_loader
    from ..symbols.concepts import picture_for

    options = _options(**values)
    library = _library(options)
    nlp = nlp_loader.load(model or options.language_model)
    lines = texts or tuple(line.rstrip("\r\n") for line in sys.stdin)
    queries = [line for line in lines if line.strip()]
    for query, doc in zip(queries, nlp.pipe([q.strip() for q in queries]), strict=True):
        symbol = picture_for(doc, library)
        record = {
            "query": query,
            "id": None,
            "label": None,
            "set": None,
            "path": None,
            "score": 0.0,
        }
        if symbol is not None:
            record.update(
                id=symbol.id,
                label=symbol.label,
                set=symbol.set_id,
                path=symbol.path,
                score=round(symbol.score, 3),
            )
        click.echo(json.dumps(record, ensure_ascii=False))
    return 0


@symbols.command(
    epilog="Examples:\n\n  easyread symbols search chair\n\n"
    "  easyread symbols search train --pos VERB"
)
@click.argument("word", nargs=-1, required=True)
@click.option(
    "--pos",
    type=click.Choice(["NOUN", "VERB", "ADJ", "ADV"], case_sensitive=False),
    help="Part of speech, to see only the senses for it.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_set_options
def search(word: tuple[str, ...], pos: str | None, as_json: bool, **values: Any) -> int:
    """List every candidate picture for WORD with its score, best first.

    A word with several senses lists each; those below the threshold would
    never be chosen. Use it to decide on an overrides line.
    """
    options = _options(**values)
    library = _library(options)
    text = " ".join(word)
    found = library.candidates(text, pos.upper() if pos else None)
    if as_json:
        for candidate in found:
            click.echo(json.dumps(_record(text, candidate), ensure_ascii=False))
        return 0
    if not found:
        click.echo(f"no candidates for {text!r}")
        return 0
    click.echo(
        _table(
            ("score", "set", "id", "label", "found by", "sense"),
            [(f"{c.score:.2f}", *(_columns(c)), c.note) for c in found],
        )
    )
    click.echo(f"threshold: {library.min_score:.2f} (lower scores are never chosen)")
    return 0


@symbols.command(
    epilog="Examples:\n\n  easyread symbols sets\n\n"
    "  easyread symbols sets --symbols my-pictures/ --json"
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_set_options
def sets(as_json: bool, **values: Any) -> int:
    """List the active symbol sets in priority order, with their picture counts and licences."""
    options = _options(**values)
    library = _library(options)
    rows = [
        {
            "set": s.id,
            "name": s.name,
            "pictures": len(s.entries),
            "licence": s.licence,
            "attribution": s.attribution,
            "url": s.url,
            "folder": str(s.root) if not s.default else None,
        }
        for s in library.sets
    ]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return 0
    click.echo(
        _table(
            ("set", "name", "pictures", "licence"),
            [(str(r["set"]), str(r["name"]), str(r["pictures"]), str(r["licence"])) for r in rows],
        )
    )
    terms = len(library.vocabulary.terms())
    click.echo(
        f"vocabulary: {len(library.vocabulary)} senses, {terms} words and phrases; "
        f"overrides: {len(library.overrides)}"
    )
    return 0


def _record(query: str, found: Found) -> dict[str, Any]:
    symbol = found.symbol
    return {
        "query": query,
        "id": symbol.id if symbol else None,
        "label": symbol.label if symbol else None,
        "set": symbol.set_id if symbol else None,
        "path": symbol.path if symbol else None,
        "score": round(found.score, 3),
        "how": found.how,
        "sense": found.note,
    }


def _columns(found: Found) -> tuple[str, str, str, str]:
    symbol = found.symbol
    if symbol is None:
        return ("-", "-", "(no picture)", found.how)
    return (symbol.set_id, symbol.id, symbol.label, found.how)


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    rows = [header, *rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
