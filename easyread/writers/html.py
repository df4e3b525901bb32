"""HTML writer: the easy-read page from Jinja2 templates, autoescaped.

The same templates feed the PDF writer. For HTML the CSS, font, pictures and
the read-aloud script are embedded (data URLs and inline elements), so the
page is one self-contained file; with ``layout.html_assets`` they go in a
folder beside it instead. For PDF they are file URLs that only easyread's own
fetcher will load.

The page carries a Content-Security-Policy that allows only its own style
and script (by hash) and its own pictures and font: even if a document's text
somehow held markup, no script from an input could ever run.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from .._version import __version__
from ..errors import UsageError
from ..files import atomic_write
from ..model import Document, Sentence, Symbol
from ..options import Options
from ..resources import font_files, templates_dir
from . import plan as plans
from .plan import CONTACT_LABELS, PERSON_PICTURE, TIME_PICTURE

FONT = {"name": "Atkinson Hyperlegible", "licence": "SIL Open Font License 1.1"}

SCRIPT_FILE = "read-aloud.js"
"""The page's only script (in the template folders; a user's copy may replace it)."""


def template_dirs(template: str) -> list[Path]:
    """Folders searched for a template: the chosen one, then the shared parts."""
    bundled = templates_dir()
    if "/" not in template and "\\" not in template and (bundled / template).is_dir():
        chosen = bundled / template
    elif Path(template).is_dir():
        chosen = Path(template)
    else:
        raise UsageError(
            f"unknown template {template!r}; use one of {', '.join(template_names())} or a folder"
        )
    return [chosen, bundled / "common"]


def template_names() -> list[str]:
    """The bundled templates a user can choose by name."""
    return sorted(p.name for p in templates_dir().iterdir() if p.is_dir() and p.name != "common")


def template_kind(template: str) -> str:
    """Which bundled layout a template is: its name, or for a folder the ``kind`` file in it."""
    if template in template_names():
        return template
    marker = Path(template) / "kind"
    if marker.is_file():
        kind = marker.read_text(encoding="utf-8").strip()
        if kind in template_names():
            return kind
    return "document"


def environment(template: str) -> SandboxedEnvironment:
    """A sandboxed Jinja2 environment with autoescaping for HTML templates."""
    return SandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in template_dirs(template)]),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(slots=True)
class Resources:
    """How the page refers to its pictures and font: embedded, beside it, or as file URLs."""

    url: Callable[[str], str]
    """File path -> URL written into the page."""
    for_print: bool
    """True when the page is for WeasyPrint (the PDF)."""
    picture_px: int = 106
    """Row picture size in CSS pixels (106 px is 2.8 cm)."""


_HYPHENATED = re.compile(r"\w+(?:[-‐]\w+)+")


def unbroken(text: str) -> Markup:
    """Text with hyphenated words (co-production) kept on one line: easy read never splits a word."""
    out: list[str] = []
    position = 0
    for match in _HYPHENATED.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(Markup('<span class="nobreak">{}</span>').format(match[0]))
        position = match.end()
    out.append(escape(text[position:]))
    return Markup("").join(out)


def sentence_html(sentence: Sentence, resources: Resources) -> Markup:
    """A sentence as HTML: marked words in bold, small pictures above words in inline mode."""
    text = sentence.text
    marks = [m for m in sentence.marks if 0 <= m.start < m.end <= len(text)]
    words = []
    end = 0
    for word in sorted(sentence.word_symbols, key=lambda w: w.start):
        path = word.symbol.path
        if word.start >= end and 0 <= word.start < word.end <= len(text) and path and Path(path).is_file():
            words.append(word)
            end = word.end
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks),
                   *(w.start for w in words), *(w.end for w in words)})
    out: list[str] = []
    for start, stop in zip(cuts, cuts[1:]):
        opening = next((w for w in words if w.start == start), None)
        if opening is not None:
            out.append(Markup('<span class="ws-word">{}<span class="ws-text">').format(
                small_picture(opening.symbol, resources)))
        piece = unbroken(text[start:stop])
        mark = next((m for m in marks if m.start <= start and stop <= m.end), None)
        if mark is not None:
            piece = Markup('<strong class="{}">{}</strong>').format(mark.kind, piece)
        out.append(piece)
        if any(w.end == stop for w in words):
            out.append(Markup("</span></span>"))
    return Markup("").join(out)


def picture_html(symbol: Symbol | None, resources: Resources, size: str = "") -> Markup:
    """A row's picture: an image with alternative text, or a decorative background.

    WeasyPrint tags an ``<img alt="">`` as a Figure without /Alt, which breaks
    PDF/UA, so in the PDF a decorative picture is a CSS background (an artifact).
    """
    if symbol is None or not symbol.path or not Path(symbol.path).is_file():
        return Markup("")  # a picture that has gone missing is left out, not a broken image
    url = resources.url(symbol.path)
    css_class = f"picture-img {size}".strip()
    if symbol.decorative and resources.for_print:
        return Markup('<span class="{} decorative" style="background-image: url(&quot;{}&quot;)"></span>').format(
            css_class, url)
    alt = "" if symbol.decorative else symbol.label
    return Markup('<img class="{}" src="{}" alt="{}" width="{}" height="{}">').format(
        css_class, url, alt, resources.picture_px, resources.picture_px)


def small_picture(symbol: Symbol, resources: Resources) -> Markup:
    """A small picture above a word (inline mode): decorative, since the word is right below it."""
    url = resources.url(symbol.path or "")
    if resources.for_print:
        return Markup('<span class="ws-picture" style="background-image: url(&quot;{}&quot;)"></span>').format(url)
    return Markup('<img class="ws-picture" src="{}" alt="" width="40" height="40">').format(url)


@lru_cache(maxsize=512)
def data_url(path: str) -> str:
    """A file as a base64 data URL (pictures and fonts repeat, so they are cached)."""
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if path.endswith(".ttf"):
        mime = "font/ttf"
    payload = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f"data:{mime};base64,{payload}"


def _template(env: SandboxedEnvironment, name: str) -> Any:
    try:
        return env.get_template(name)
    except TemplateNotFound as error:
        raise UsageError(f"template file {error.name} is missing from the template folder") from None


def style_and_script(
    env: SandboxedEnvironment, options: Options, font_url: Callable[[str], str], for_print: bool
) -> tuple[str, str]:
    """The page's CSS (rendered with the layout options) and its read-aloud script (none in print)."""
    values: dict[str, Any] = {
        "font_size": options.layout.font_size,
        "page_size": options.layout.page_size.upper(),
        "font_urls": {weight: font_url(str(path)) for weight, path in font_files().items()},
        "for_print": for_print,
        "picture_cm": options.layout.picture_size,
    }
    css = _template(env, "easyread.css.j2").render(values)
    script = "" if for_print else _template(env, SCRIPT_FILE).render()
    return css, script


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render(
    document: Document,
    options: Options,
    *,
    embed: bool = True,
    contents: bool | None = None,
    url: Callable[[str], str] | None = None,
    assets: str = "",
) -> str:
    """The easy-read page as an HTML string.

    ``embed`` puts resources inside the page (HTML); otherwise they are file
    URLs (PDF) or, with `url` and `assets`, files in an assets folder.
    `contents` forces the contents list on or off.
    """
    if url is None:
        url = data_url if embed else (lambda path: Path(path).resolve().as_uri())
    for_print = not embed and not assets
    resources = Resources(url, for_print, round(options.layout.picture_size / 2.54 * 96))
    template = options.layout.template
    env = environment(template)
    kind = template_kind(template)
    plan = plans.build(document, options, kind, contents=contents)
    css, script = style_and_script(env, options, url, for_print)
    page = _template(env, "page.html.j2")
    if assets:
        policy = ("default-src 'none'; img-src 'self'; font-src 'self'; style-src 'self'; "
                  "script-src 'self'; base-uri 'none'; form-action 'none'")
    else:
        policy = (f"default-src 'none'; img-src data:; font-src data:; style-src {_hash(css)}; "
                  f"script-src {_hash(script)}; base-uri 'none'; form-action 'none'")
    pictures = plans.pictures_on(options)
    return page.render(
        document=document,
        plan=plan,
        template_kind=kind,
        language=document.language or "en",
        version=__version__,
        created=plans.w3c_datetime(options.creation_date),
        css=Markup(css),
        script=Markup(script),
        assets=assets,
        policy=policy,
        for_print=for_print,
        font=FONT,
        picture_px=resources.picture_px,
        contact_labels=CONTACT_LABELS,
        time_picture=plans.openmoji_symbol(*TIME_PICTURE) if pictures else None,
        person_picture=plans.openmoji_symbol(*PERSON_PICTURE) if pictures else None,
        picture=lambda symbol, size="": picture_html(symbol, resources, size),
        sentence=lambda s: sentence_html(s, resources),
        words=unbroken,
        image_url=lambda symbol: url(symbol.path) if symbol and symbol.path else "",
    )


def to_bytes(document: Document, options: Options) -> bytes:
    """The self-contained HTML file's bytes."""
    return render(document, options, embed=True).encode("utf-8")


def write_with_assets(document: Document, options: Options, path: Path) -> None:
    """Write the HTML page and, beside it, a ``<stem>-files`` folder with its CSS, font, pictures and script.

    The folder is filled first and the page written last, each file
    atomically, so a reader never opens a page whose files are missing.
    """
    folder = path.with_name(f"{path.stem}-files")
    folder.mkdir(parents=True, exist_ok=True)
    copied: dict[str, str] = {}

    def copy(source: str) -> str:
        """Copy a file into the folder once and return its name there (names kept unique)."""
        if source not in copied:
            name = Path(source).name
            if name in copied.values():
                name = f"{hashlib.sha256(source.encode()).hexdigest()[:8]}-{name}"
            atomic_write(folder / name, Path(source).read_bytes())
            copied[source] = name
        return copied[source]

    page = render(document, options, embed=False, url=lambda p: f"{folder.name}/{copy(p)}", assets=folder.name)
    css, script = style_and_script(environment(options.layout.template), options, copy, False)
    atomic_write(folder / "easyread.css", css.encode("utf-8"))
    atomic_write(folder / SCRIPT_FILE, script.encode("utf-8"))
    atomic_write(path, page.encode("utf-8"))

