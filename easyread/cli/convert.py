"""``easyread convert``: documents in, easy-read HTML and PDF out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import EasyreadError, UsageError
from ..files import unique_name
from ..options import FORMATS, Options
from ..resources import data_dir
from . import report_internal

EXAMPLE_DEMO = "youth-forum-agenda.md"
"""The bundled example `easyread convert` converts when given no input."""


def _options(config: str | None, **values: Any) -> Options:
    base = Options.from_file(config) if config else Options()
    layout = base.layout
    symbols = base.symbols
    changes: dict[str, Any] = {}
    if values.get("formats"):
        changes["formats"] = tuple(f.strip().lower() for f in values["formats"].split(",") if f.strip())
    if values.get("model"):
        changes["language_model"] = values["model"]
    disable = list(base.disable)
    if values.get("no_simplify"):
        disable.append("simplify")
    if values.get("no_symbols"):
        disable.append("symbols")
    changes["disable"] = tuple(dict.fromkeys(disable))
    if values.get("template"):
        layout.template = values["template"]
    if values.get("font_size") is not None:
        layout.font_size = values["font_size"]
    if values.get("page_size"):
        layout.page_size = values["page_size"].upper()
    if values.get("html_assets"):
        layout.html_assets = True
    if values.get("symbol_sets"):
        symbols.sets = (*symbols.sets, *values["symbol_sets"])
    if values.get("symbol_overrides"):
        symbols.overrides = (*symbols.overrides, *values["symbol_overrides"])
    if values.get("inline_symbols"):
        symbols.inline = True
    return base.replace(layout=layout, symbols=symbols, **changes)


@click.command(
    epilog=(
        "Examples:\n\n\b\n"
        "  easyread convert                       # the bundled example, into ./easyread-output/\n"
        "  easyread convert agenda.md letter.docx -o easy/\n"
        "  easyread convert letter.docx --template letter --format pdf,docx\n"
        "  easyread convert charter.txt --font-size 18 --page-size A5\n"
        "  easyread convert papers/*.docx -o easy/ --skip-existing   # finish a stopped batch\n"
        "  cat notes.txt | easyread convert - -o easy/"
    )
)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=str))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Output folder (default: ./easyread-output).")
@click.option("-f", "--format", "formats", metavar="LIST",
              help=f"Comma-separated output formats: {', '.join(FORMATS)} (default: html,pdf).")
@click.option("--from", "input_format", default="txt", show_default=True,
              type=click.Choice(["txt", "markdown", "html"]), help="Format of standard input (-).")
@click.option("--config", type=click.Path(dir_okay=False, path_type=str), help="TOML options file.")
@click.option("--template", help="Template: document, meeting, letter, or a folder with your own copy.")
@click.option("--font-size", type=click.FloatRange(14, 24), help="Body text size in points (14-24).")
@click.option("--page-size", type=click.Choice(["A4", "A5"], case_sensitive=False), help="Paper size.")
@click.option("--html-assets", is_flag=True,
              help="Put the HTML page's pictures, font and style in a folder beside it.")
@click.option("--symbols", "symbol_sets", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=str),
              help="A folder of your own pictures, used before the default set (repeatable).")
@click.option("--symbol-overrides", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="A .csv, .tsv or .toml file choosing the picture for words (repeatable; later wins).")
@click.option("--inline-symbols", is_flag=True, help="Also put a small picture above each content word.")
@click.option("--no-simplify", is_flag=True, help="Keep the sentences as they are.")
@click.option("--no-symbols", is_flag=True, help="Leave out the pictures.")
@click.option("--model", help="spaCy pipeline to use (default: the English small model).")
@click.option("--skip-existing", is_flag=True,
              help="Skip inputs whose outputs exist and are newer than the input and config "
                   "(finish a batch that was stopped).")
def convert(inputs: tuple[str, ...], out_dir: Path | None, input_format: str, config: str | None,
            skip_existing: bool, **values: Any) -> int:
    """Convert documents (.txt .md .docx .html, or - for standard input) into easy-read HTML, PDF and Word.

    With no INPUTS, converts a bundled example so you can see what easyread makes.
    """
    from ..api import Converter
    from ..files import up_to_date
    from ..readers import read_stdin
    from ..review import summary
    from ..writers import output_paths

    options = _options(config, **values)
    demo = not inputs
    if demo:
        inputs = (str(data_dir("examples") / EXAMPLE_DEMO),)
    out_dir = out_dir or Path("easyread-output")
    converter = Converter(options)
    failed = skipped = 0
    used_stems: set[str] = set()
    for name in inputs:
        try:
            source = read_stdin(input_format, options.limits) if name == "-" else name
            stem = unique_name(Path("stdin" if name == "-" else name).stem, used_stems)
            if skip_existing and name != "-":
                paths = output_paths(stem, out_dir, options.formats)
                if up_to_date(Path(name), paths.values(), *([Path(config)] if config else [])):
                    click.echo(f"{name}: skipped, its outputs are up to date", err=True)
                    skipped += 1
                    continue
            result = converter.convert(source, out_dir, stem=stem)
        except UsageError:
            raise
        except EasyreadError as error:
            failed += 1
            click.echo(f"easyread: error: {error}", err=True)
            continue
        except Exception as error:  # one bad file must never stop a batch
            failed += 1
            report_internal(error, name)
            continue
        written = ", ".join(str(p) for p in result.outputs.values())
        shown = "stdin" if name == "-" else f"the bundled example {EXAMPLE_DEMO}" if demo else name
        click.echo(f"{shown} -> {written} ({result.seconds:.1f} s)", err=True)
        hint = "" if "review" in options.formats else " (details: --format ...,review)"
        click.echo(f"  {summary(result.document)}{hint}", err=True)
    if len(inputs) > 1:
        done = f"{len(inputs) - failed - skipped} converted, "
        click.echo(done + (f"{skipped} skipped, " if skipped else "") + f"{failed} failed", err=True)
    return 1 if failed else 0
