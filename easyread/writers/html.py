"""HTML writer: the easy-read page from Jinja2 templates, autoescaped.

The same templates feed the PDF writer. For HTML, the CSS, font and pictures
are embedded as data URLs, so the page is one self-contained file; for PDF
they are file URLs that only easyread's own fetcher will load.
"""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from .._version import __version__
from ..errors import UsageError
from ..model import Document, Sentence, Symbol
from ..options import Options
from ..resources import font_files, templates_dir
from .outline import outline

PICTURE_PX = 106
"""Picture size in CSS pixels: 2.8 cm, above the 2.5 cm easy-read minimum."""

FONT = {"name": "Atkinson Hyperlegible", "licence": "SIL Open Font License 1.1"}


def template_dirs(template: str) -> list[Path]:
    """Folders searched for a template: the chosen one, then the shared parts."""
    bundled = templates_dir()
    if "/" not in template and "\\" not in template and (bundled / template).is_dir():
        chosen = bundled / template
    elif Path(template).is_dir():
        chosen = Path(template)
    else:
        names = sorted(p.name for p in bundled.iterdir() if p.is_dir() and p.name != "common")
        raise UsageError(
            f"unknown template {template!r}; use one of {', '.join(names)} or a folder"
        )
    return [chosen, bundled / "common"]


def environment(template: str) -> SandboxedEnvironment:
    """A sandboxed Jinja2 environment with autoescaping for HTML templates."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in template_dirs(template)]),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marked"] = marked
    return env


def marked(sentence: Sentence) -> Markup:
    """A sentence as HTML, its marked words in bold."""
    text = sentence.text
    out: list[str] = []
    position = 0
    for mark in sorted(sentence.marks, key=lambda m: m.start):
        if mark.start < position or mark.end > len(text) or mark.start >= mark.end:
            continue
        out.append(escape(text[position : mark.start]))
        out.append(Markup('<strong class="{}">{}</strong>').format(mark.kind, text[mark.start : mark.end]))
        position = mark.end
    out.append(escape(text[position:]))
    return Markup("").join(out)


@lru_cache(maxsize=512)
def data_url(path: str) -> str:
    """A file as a base64 data URL (pictures and fonts repeat, so they are cached)."""
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if path.endswith(".ttf"):
        mime = "font/ttf"
    payload = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f"data:{mime};base64,{payload}"


def render(document: Document, options: Options, *, embed: bool = True) -> str:
    """The easy-read page as an HTML string (embedded resources, or file URLs for PDF)."""

    def url(path: str | Path) -> str:
        return data_url(str(path)) if embed else Path(path).resolve().as_uri()

    def image_url(symbol: Symbol) -> str:
        return url(symbol.path) if symbol.path else ""

    env = environment(options.layout.template)
    values: dict[str, Any] = {
        "font_size": options.layout.font_size,
        "page_size": options.layout.page_size.upper(),
        "font_urls": {weight: url(path) for weight, path in font_files().items()},
        "for_print": not embed,
    }
    try:
        css = env.get_template("easyread.css.j2").render(values)
        page = env.get_template("page.html.j2")
    except TemplateNotFound as error:
        raise UsageError(f"template file {error.name} is missing from the template folder") from None
    return page.render(
        document=document,
        nodes=outline(document),
        language=document.language or "en",
        source_name=document.metadata.get("source", document.title),
        version=__version__,
        created=options.creation_date or "",
        css=Markup(css),
        font=FONT,
        picture_px=PICTURE_PX,
        image_url=image_url,
    )


def to_bytes(document: Document, options: Options) -> bytes:
    """The self-contained HTML file's bytes."""
    return render(document, options, embed=True).encode("utf-8")
