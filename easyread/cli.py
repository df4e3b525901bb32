"""The ``easyread`` command: a thin layer that fills `Options` and calls the API.

Exit codes: 0 everything worked, 1 some inputs failed (the others were still
written), 2 a usage error. Errors are one line; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .errors import EasyreadError, UsageError
from .options import FORMATS, Options
from .resources import data_dir

EXAMPLE_DEMO = "youth-forum-agenda.md"
"""The bundled example `easyread convert` converts when given no input."""


class _State:
    debug: bool = False


_state = _State()


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example:\n\n  easyread convert meeting-paper.docx -o easy/",
)
@click.version_option(__version__, "--version", "-V", prog_name="easyread")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def cli(debug: bool) -> None:
    """Turn documents into easy read: short sentences, everyday words, a picture beside every idea."""
    _state.debug = debug


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
    if values.get("symbol_sets"):
        symbols.sets = (*symbols.sets, *values["symbol_sets"])
    return base.replace(layout=layout, symbols=symbols, **changes)


@cli.command(
    epilog=(
        "Examples:\n\n"
        "  easyread convert                      # the bundled example, into ./easyread-output/\n\n"
        "  easyread convert agenda.md letter.docx -o easy/\n\n"
        "  easyread convert charter.txt --format pdf --font-size 18\n\n"
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
@click.option("--template", help="Template name or a folder with your own copy.")
@click.option("--font-size", type=click.FloatRange(14, 24), help="Body text size in points (14-24).")
@click.option("--page-size", type=click.Choice(["A4", "A5"], case_sensitive=False), help="Paper size.")
@click.option("--symbols", "symbol_sets", multiple=True, type=click.Path(file_okay=False, path_type=str),
              help="A folder of your own pictures, used before the default set (repeatable).")
@click.option("--no-simplify", is_flag=True, help="Keep the sentences as they are.")
@click.option("--no-symbols", is_flag=True, help="Leave out the pictures.")
@click.option("--model", help="spaCy pipeline to use (default: the English small model).")
def convert(inputs: tuple[str, ...], out_dir: Path | None, input_format: str, config: str | None,
            **values: Any) -> int:
    """Convert documents (.txt .md .docx .html, or - for standard input) into easy-read HTML and PDF.

    With no INPUTS, converts a bundled example so you can see what easyread makes.
    """
    from .api import Converter
    from .readers import read_stdin

    options = _options(config, **values)
    if not inputs:
        inputs = (str(data_dir("examples") / EXAMPLE_DEMO),)
    out_dir = out_dir or Path("easyread-output")
    converter = Converter(options)
    failed = 0
    used_stems: set[str] = set()
    for name in inputs:
        try:
            source = read_stdin(input_format, options.limits) if name == "-" else name
            stem = _unique_stem(Path("stdin" if name == "-" else name).stem, used_stems)
            result = converter.convert(source, out_dir, stem=stem)
        except UsageError:
            raise
        except EasyreadError as error:
            failed += 1
            click.echo(f"easyread: error: {error}", err=True)
            continue
        except Exception as error:  # one bad file must never stop a batch
            failed += 1
            _report_internal(error, name)
            continue
        written = ", ".join(str(p) for p in result.outputs.values())
        click.echo(f"{'stdin' if name == '-' else name} -> {written} ({result.seconds:.1f} s)", err=True)
    if len(inputs) > 1:
        click.echo(f"{len(inputs) - failed} converted, {failed} failed", err=True)
    return 1 if failed else 0


def _unique_stem(stem: str, used: set[str]) -> str:
    candidate, number = stem, 2
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    used.add(candidate)
    return candidate


def _report_internal(error: BaseException, name: str = "") -> None:
    if _state.debug:
        traceback.print_exception(error)
    where = f"{name}: " if name else ""
    click.echo(
        f"easyread: error: {where}internal error ({type(error).__name__}: {error}); "
        "rerun with --debug and report it",
        err=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this directly)."""
    _state.debug = False
    try:
        result = cli.main(args=argv, prog_name="easyread", standalone_mode=False)
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.exceptions.Abort:
        click.echo("easyread: stopped", err=True)
        return 130
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "easyread"
        click.echo(f"easyread: error: {error.format_message()} (see: {command} --help)", err=True)
        return 2
    except click.ClickException as error:
        click.echo(f"easyread: error: {error.format_message()}", err=True)
        return 1
    except UsageError as error:
        click.echo(f"easyread: error: {error}", err=True)
        return 2
    except EasyreadError as error:
        click.echo(f"easyread: error: {error}", err=True)
        return 1
    except Exception as error:
        _report_internal(error)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
