"""One typed set of options shared by the Python API, the CLI and config files.

Every default is here and documented. Unknown keys are rejected, so a typo in
a config file is an error rather than a silently ignored setting.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

FORMATS = ("html", "pdf", "docx", "review")
"""Output formats easyread can write."""


@dataclass(slots=True)
class SimplifyOptions:
    """How the simplify stage rewrites text."""

    max_words: int = 15
    """Sentences longer than this are split where a rule can do it safely."""
    one_idea_from: int = 11
    """Sentences with at least this many words are also split where two ideas are joined
    (", and ...", ", which ...", a description between commas), even within max_words; 0: never."""
    disable: tuple[str, ...] = ()
    """Names of simplification rules to switch off."""


@dataclass(slots=True)
class SymbolOptions:
    """Which pictures are used and how."""

    sets: tuple[str, ...] = ()
    """Extra symbol set folders, tried before the default set in this order."""
    overrides: tuple[str, ...] = ()
    """Files choosing the picture for words: symbol id or image (project, then document; later wins)."""
    default_set: bool = True
    """Whether the bundled OpenMoji set is used."""
    min_score: float = 0.6
    """Below this match score a sentence gets no picture rather than a wrong one."""
    inline: bool = False
    """Also show a small picture above each content word (Widgit style)."""


@dataclass(slots=True)
class LayoutOptions:
    """How the output pages look."""

    template: str = "document"
    """Template name (``document``) or a folder holding the user's own copy."""
    font_size: float = 16.0
    """Body text size in points (14 to 24)."""
    page_size: str = "A4"
    """``A4`` or ``A5``, portrait."""
    html_assets: bool = False
    """Put the HTML page's CSS, font, pictures and script in a folder beside it, not inside it."""
    picture_size: float = 2.8
    """Size of each row's picture in print, in centimetres (2.5 to 5; easy read asks for 2.5 or more)."""
    hard_words: str = "both"
    """Where hard words are explained: ``page`` (under the sentence that first uses one),
    ``list`` (a "Hard words" list at the end) or ``both``."""


@dataclass(slots=True)
class Limits:
    """Guards against inputs that would exhaust memory or time (see docs/security.md)."""

    max_input_bytes: int = 20 * 1024 * 1024
    """Largest input file accepted."""
    max_unpacked_bytes: int = 100 * 1024 * 1024
    """Largest total a .docx may unpack to; checked before anything is unpacked."""
    max_blocks: int = 20_000
    """Most headings, paragraphs and list items in one document."""
    max_words: int = 50_000
    """Most words in one document: more would take minutes and make hundreds of pages."""
    max_paragraph_chars: int = 10_000
    """Longer paragraphs are split at sentence ends (with a diagnostic), so the language model copes."""
    max_pages: int = 300
    """Most pages in a PDF; a longer document is refused before it is laid out in full."""
    max_images: int = 5_000
    """Most pictures in one output document."""

    def __post_init__(self) -> None:
        for item in dataclasses.fields(self):
            if getattr(self, item.name) < 1:
                raise UsageError(f"option limits.{item.name} must be at least 1")


@dataclass(slots=True)
class Options:
    """Everything that changes what `easyread.convert` produces."""

    language_model: str | None = None
    """spaCy pipeline to load; None picks the installed English small model."""
    disable: tuple[str, ...] = ()
    """Names of pipeline stages to switch off (``simplify``, ``symbols``...)."""
    formats: tuple[str, ...] = ("html", "pdf")
    """Which files `convert` writes."""
    hard_word_zipf: float = 3.5
    """A word rarer than this wordfreq Zipf frequency counts as hard."""
    creation_date: str | None = None
    """ISO date-time for the cover and the HTML and PDF metadata (reproducible builds).

    None puts today's date on the cover and no date in the metadata."""
    simplify: SimplifyOptions = field(default_factory=SimplifyOptions)
    """Simplification settings."""
    symbols: SymbolOptions = field(default_factory=SymbolOptions)
    """Picture settings."""
    layout: LayoutOptions = field(default_factory=LayoutOptions)
    """Page settings."""
    limits: Limits = field(default_factory=Limits)
    """Size limits."""

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown:
            raise UsageError(f"unknown format {unknown[0]!r}; supported: {', '.join(FORMATS)}")
        if not 14 <= self.layout.font_size <= 24:
            raise UsageError("font size must be between 14 and 24 points")
        if self.layout.page_size.upper() not in ("A4", "A5"):
            raise UsageError("page size must be A4 or A5")
        if not 2.5 <= self.layout.picture_size <= 5:
            raise UsageError("picture size must be between 2.5 and 5 centimetres")
        if self.layout.hard_words not in ("page", "list", "both"):
            raise UsageError("hard words must be explained on the page, in a list, or both")

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Options:
        """Build options from nested dicts (a parsed config file), rejecting unknown keys."""
        return _build(cls, values, "")

    @classmethod
    def from_file(cls, path: str | Path) -> Options:
        """Read options from a TOML config file."""
        try:
            with open(path, "rb") as handle:
                values = tomllib.load(handle)
        except OSError as error:
            raise UsageError(f"cannot read config file: {error.strerror}", source=str(path)) from None
        except tomllib.TOMLDecodeError as error:
            raise UsageError(f"config file is not valid TOML: {error}", source=str(path)) from None
        return cls.from_dict(values)

    def replace(self, **changes: Any) -> Options:
        """A copy with some top-level fields changed."""
        return dataclasses.replace(self, **changes)


def _build(cls: type, values: dict[str, Any], prefix: str) -> Any:
    if not isinstance(values, dict):
        raise UsageError(f"option {prefix.rstrip('.') or 'options'} must be a table")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in names:
            raise UsageError(f"unknown option {prefix}{key}")
        kwargs[name] = _coerce(hints[name], value, f"{prefix}{key}")
    return cls(**kwargs)


def _coerce(hint: Any, value: Any, name: str) -> Any:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, f"{name}.")
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _coerce(inner, value, name)
    if origin is tuple:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise UsageError(f"option {name} must be a list")
        return tuple(str(item).strip() for item in items if str(item).strip())
    if hint is bool:
        if not isinstance(value, bool):
            raise UsageError(f"option {name} must be true or false")
        return value
    if hint in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(f"option {name} must be a number")
        return hint(value)
    if hint is str:
        if not isinstance(value, str):
            raise UsageError(f"option {name} must be text")
        return value
    raise UsageError(f"option {name} has an unsupported type")  # pragma: no cover
