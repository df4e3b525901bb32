"""The pipeline: named stages, each a plain callable Document -> Document.

Every stage declares what it needs and what it provides, so a pipeline with a
stage switched off is checked when it is built, not halfway through a batch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.language import Language

from .. import nlp as nlp_loader
from ..errors import UsageError
from ..model import Document
from ..options import Options

T = TypeVar("T")


@dataclass(slots=True)
class Context:
    """What stages share while processing: the options, the spaCy pipeline, loaded data.

    One context can serve many documents in a batch, so data such as symbol
    sets is loaded once per context, not once per document.
    """

    options: Options = field(default_factory=Options)
    """The options every stage reads."""
    nlp: Language | None = None
    """The spaCy pipeline; loaded on first use when not given."""
    cache: dict[str, Any] = field(default_factory=dict)
    """Loaded data kept for the life of the context, by name."""

    def language(self) -> Language:
        """The spaCy pipeline, loaded once."""
        if self.nlp is None:
            self.nlp = nlp_loader.load(self.options.language_model)
        return self.nlp

    def resource(self, name: str, factory: Callable[[], T]) -> T:
        """Data loaded once per context by `factory` and kept under `name`."""
        if name not in self.cache:
            self.cache[name] = factory()
        return self.cache[name]  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step of the pipeline."""

    name: str
    """The name used to switch the stage off."""
    run: Callable[[Document, Context], Document]
    """The step itself."""
    requires: tuple[str, ...] = ()
    """What earlier stages must have provided."""
    provides: tuple[str, ...] = ()
    """What this stage adds to the document."""
    summary: str = ""
    """One line for ``--help`` and the docs."""


def registry() -> tuple[Stage, ...]:
    """All stages in the order they run."""
    from . import contacts, readability, sentences, simplify, symbols

    return (sentences.STAGE, simplify.STAGE, readability.STAGE, symbols.STAGE, contacts.STAGE)


def build(options: Options) -> list[Stage]:
    """The stages the options switch on, checked so each finds what it requires."""
    stages = registry()
    known = {stage.name for stage in stages}
    unknown = [name for name in options.disable if name not in known]
    if unknown:
        raise UsageError(f"unknown stage {unknown[0]!r}; stages: {', '.join(sorted(known))}")
    chosen = [stage for stage in stages if stage.name not in options.disable]
    provided: set[str] = set()
    for stage in chosen:
        missing = [need for need in stage.requires if need not in provided]
        if missing:
            raise UsageError(
                f"stage {stage.name!r} needs {missing[0]!r}, which is switched off"
            )
        provided.update(stage.provides)
    return chosen


def run(document: Document, context: Context) -> Document:
    """Run the configured stages over a document."""
    for stage in build(context.options):
        document = stage.run(document, context)
    return document
