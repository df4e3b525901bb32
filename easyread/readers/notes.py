"""What a reader left out or changed, told to the editor once per kind.

Readers deliberately leave some things out: embedded frames, drawings,
footnotes, unsafe links. Content a reader of the source would see must not
vanish silently, so each reader records what it dropped here and the notes
become diagnostics: one per kind, with a count and examples, so a long web
page gives a few useful lines rather than hundreds. Page furniture (menus,
form controls, Word's headers and footers) is left out without a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..links import Verdict, check
from ..model import Diagnostic, Link, Severity
from .text import clean_inline

_SAMPLE_CHARS = 60
_SAMPLES = 3


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of content a reader leaves out."""

    code: str
    severity: Severity
    one: str
    many: str
    why: str = ""


KINDS: dict[str, Kind] = {
    "embedded": Kind("ER101", Severity.INFO, "embedded frame or object", "embedded frames or objects",
                     "easyread does not load other pages"),
    "media": Kind("ER101", Severity.INFO, "video or sound clip", "video or sound clips"),
    "drawing": Kind("ER101", Severity.WARNING, "drawing with words in it",
                    "drawings with words in them", "put anything the reader needs in the text"),
    "formula": Kind("ER101", Severity.WARNING, "formula", "formulas",
                    "write what the reader needs to know in words"),
    "footnote": Kind("ER101", Severity.WARNING, "footnote", "footnotes",
                     "put anything the reader needs in the main text"),
    "endnote": Kind("ER101", Severity.WARNING, "endnote", "endnotes",
                    "put anything the reader needs in the main text"),
    "comment": Kind("ER101", Severity.INFO, "review comment", "review comments"),
    "picture": Kind("ER102", Severity.INFO, "picture from the source", "pictures from the source",
                    "easyread chooses its own pictures; check nothing important was in them"),
    "unsafe-link": Kind("ER103", Severity.WARNING, "unsafe link address", "unsafe link addresses",
                        "only http, https, mailto and tel links are kept; the words stay"),
    "relative-link": Kind("ER104", Severity.INFO, "link to a page of the original site",
                          "links to pages of the original site",
                          "they have no full address; the words stay"),
}
"""Every kind of left-out content, with its diagnostic code and words."""


@dataclass(slots=True)
class Notes:
    """Collects what one reader left out, then reports it as diagnostics."""

    stage: str
    """The reader's name, recorded on each diagnostic."""
    counts: dict[str, int] = field(default_factory=dict)
    samples: dict[str, list[str]] = field(default_factory=dict)
    extra: list[Diagnostic] = field(default_factory=list)

    def left_out(self, kind: str, text: str = "") -> None:
        """Record one left-out item of `kind`, with its visible text if any."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        sample = clean_inline(text)
        samples = self.samples.setdefault(kind, [])
        if sample and len(samples) < _SAMPLES and sample not in samples:
            if len(sample) > _SAMPLE_CHARS:
                sample = sample[: _SAMPLE_CHARS - 1].rstrip() + "…"
            samples.append(sample)

    def link(self, words: str, url: str) -> Link | None:
        """A Link for a source link, or None (noted) when its address may not be kept."""
        checked = check(url)
        if checked.verdict is Verdict.KEEP:
            return Link(words, checked.url)
        if checked.verdict is Verdict.UNSAFE:
            self.left_out("unsafe-link", f"{checked.scheme}:")
        elif checked.url and not checked.url.startswith("#"):
            # Links within the same page (#part) point nowhere in the output either,
            # but saying so for every table of contents would be noise.
            self.left_out("relative-link", checked.url)
        return None

    def add(self, diagnostic: Diagnostic) -> None:
        """Add a diagnostic that is not a count of left-out items."""
        self.extra.append(diagnostic)

    def diagnostics(self) -> list[Diagnostic]:
        """One diagnostic per kind of left-out content, in a stable order."""
        found = list(self.extra)
        for name, kind in KINDS.items():
            count = self.counts.get(name, 0)
            if not count:
                continue
            what = kind.one if count == 1 else kind.many
            message = f"Left out {count} {what}"
            samples = self.samples.get(name, [])
            if samples:
                message += ": " + ", ".join(f"“{s}”" for s in samples)
                if count > len(samples):
                    message += ", …"
            if kind.why:
                message += f" ({kind.why})"
            found.append(Diagnostic(kind.code, message + ".", kind.severity, stage=self.stage))
        return found
