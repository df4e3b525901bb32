"""The ``easyread`` command: a thin layer that fills `Options` and calls the API.

Each subcommand lives in its own module of this package and is added to the
group at the bottom of this file.

Exit codes: 0 everything worked, 1 some inputs failed (the others were still
written), 2 a usage error. Errors are one line; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import sys
import traceback

import click

from .._version import __version__
from ..errors import EasyreadError, UsageError


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


def report_internal(error: BaseException, name: str = "") -> None:
    """One line for an unexpected error (a traceback too with --debug)."""
    if _state.debug:
        traceback.print_exception(error)
    where = f"{name}: " if name else ""
    click.echo(
        f"easyread: error: {where}internal error ({type(error).__name__}: {error}); "
        "rerun with --debug and report it",
        err=True,
    )


def _register() -> None:
    from . import convert, symbols, template

    cli.add_command(convert.convert)
    cli.add_command(symbols.symbols)
    cli.add_command(template.template)


_register()


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
        report_internal(error)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
