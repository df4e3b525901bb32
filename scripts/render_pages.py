#!/usr/bin/env python3
"""Render the first pages of every example, in every template, to PNG for the docs.

    .venv/bin/python scripts/render_pages.py              # into docs/images/
    .venv/bin/python scripts/render_pages.py --pages 4 --dpi 60 --out /tmp/pages

Each example goes through the whole pipeline and the PDF writer; pdftoppm
(poppler-utils) draws the pages, and the first few are put side by side in
one picture per example and template: ``<example>-<template>.png``. One page
of the agenda is also drawn large for the README: ``readme-page.png``. The
date is fixed so the pictures only change when the layout does.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import easyread  # noqa: E402
from easyread.options import LayoutOptions, Options  # noqa: E402
from easyread.stages import Context  # noqa: E402

TEMPLATES = ("document", "meeting", "letter")
EXAMPLES = ("youth-forum-agenda.md", "workshop-letter.docx", "co-production-charter.txt", "council-news.html")


def side_by_side(pages: list[Path], target: Path) -> None:
    """Put page pictures in a row with a grey gap, as a reader would lay them out."""
    from PIL import Image

    images = [Image.open(page).convert("RGB") for page in pages]
    gap = 12
    width = sum(i.width for i in images) + gap * (len(images) + 1)
    height = max(i.height for i in images) + 2 * gap
    sheet = Image.new("RGB", (width, height), (110, 110, 110))
    x = gap
    for image in images:
        sheet.paste(image, (x, gap))
        x += image.width + gap
    sheet.convert("P", palette=Image.Palette.ADAPTIVE, colors=96).save(target, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images", help="folder for the PNG files")
    parser.add_argument("--pages", type=int, default=3, help="pages shown per example (default 3)")
    parser.add_argument("--dpi", type=int, default=45, help="resolution (default 45)")
    parser.add_argument("--templates", nargs="*", default=TEMPLATES, help="templates to render")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    context = Context(Options())
    documents = {
        name: easyread.process(easyread.read(ROOT / "examples" / name), context=context) for name in EXAMPLES
    }
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for template in args.templates:
            options = Options(layout=LayoutOptions(template=template), creation_date="2026-03-01T09:00:00")
            for name, document in documents.items():
                stem = f"{Path(name).stem}-{template}"
                document.metadata["stem"] = stem
                pdf = easyread.write(document, folder, ("pdf",), options)["pdf"]
                subprocess.run(
                    ["pdftoppm", "-png", "-r", str(args.dpi), "-l", str(args.pages), str(pdf), str(folder / stem)],
                    check=True,
                )
                pages = sorted(folder.glob(f"{stem}-*.png"))
                target = args.out / f"{stem}.png"
                side_by_side(pages, target)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                if (name, template) == README_PAGE[:2]:
                    _readme_page(pdf, args.out / "readme-page.png", folder)
    return 0


README_PAGE = ("youth-forum-agenda.md", "meeting", 3)
"""The example, template and page shown in the README: the first page of the agenda's items."""


def _readme_page(pdf: Path, target: Path, folder: Path) -> None:
    page = str(README_PAGE[2])
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", page, "-l", page, "-singlefile", str(pdf), str(folder / "readme")],
        check=True,
    )
    side_by_side([folder / "readme.png"], target)
    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)


if __name__ == "__main__":
    sys.exit(main())
