"""``easyread template``: list the page templates, or copy one to make your own."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from ..errors import UsageError
from ..resources import templates_dir

ABOUT = {
    "document": "one idea per row, a cover, contents for long documents (the default)",
    "meeting": "an agenda: each item with its number, time, who leads it and a picture",
    "letter": "a letter: no cover page, the greeting and who it is from kept as in a letter",
}


@click.group(epilog="Example:\n\n  easyread template copy meeting our-agenda/\n\n"
                    "  easyread convert agenda.docx --template our-agenda/")
def template() -> None:
    """List the page templates, or copy one into a folder to change it."""


@template.command("list", epilog="Example:\n\n  easyread template list")
def list_templates() -> None:
    """Show the templates you can choose with --template."""
    for path in sorted(p for p in templates_dir().iterdir() if p.is_dir() and p.name != "common"):
        click.echo(f"{path.name:10} {ABOUT.get(path.name, '')}")


@template.command("copy", epilog="Example:\n\n  easyread template copy letter our-letters/")
@click.argument("name")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def copy(name: str, folder: Path) -> None:
    """Copy template NAME, with the shared parts it uses, into FOLDER (which must not exist)."""
    source = templates_dir() / name
    if name == "common" or not source.is_dir():
        names = sorted(p.name for p in templates_dir().iterdir() if p.is_dir() and p.name != "common")
        raise UsageError(f"unknown template {name!r}; use one of {', '.join(names)}")
    if folder.exists():
        raise UsageError(f"{folder} already exists; choose a new folder name")
    shutil.copytree(source, folder)
    for part in (templates_dir() / "common").iterdir():
        if part.is_file():
            shutil.copy2(part, folder / part.name)
    click.echo(f"Copied the {name} template to {folder}. Use it with: easyread convert FILE --template {folder}")
