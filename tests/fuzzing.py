"""Hypothesis profiles, document strategies and checks shared by the fuzz tests.

Example counts are modest so CI stays fast; set ``EASYREAD_FUZZ_SCALE=20``
(for instance) to run every fuzz test twenty times as hard. docs/security.md
records the counts run.

Generated documents carry marker words (``mk0q``, ``mk1q``...) in every
sentence, list item, cell and heading, so a test can tell exactly which
piece of text a reader or stage lost.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field

import docx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from easyread.errors import EasyreadError
from easyread.model import BlockKind, Document

SCALE = max(1, int(os.environ.get("EASYREAD_FUZZ_SCALE", "1")))
"""Multiplies every fuzz test's example count."""

settings.register_profile(
    "easyread-fuzz",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
)


def examples(count: int) -> settings:
    """Fuzz settings running `count` examples (times EASYREAD_FUZZ_SCALE)."""
    return settings(settings.get_profile("easyread-fuzz"), max_examples=count * SCALE)


# -- outcomes -------------------------------------------------------------------


def assert_clean_error(error: EasyreadError, source: str) -> None:
    """An error a user can act on: one line, naming the input."""
    message = str(error)
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(f"{source}: "), message
    assert len(error.reason) > 10, message


def document_text(document: Document) -> str:
    """Everything a reader kept: title, block text and table cells, one space apart."""
    parts = [document.title]
    for block in document.blocks:
        parts.append(block.text)
        parts.extend(cell for row in block.rows for cell in row)
    return " ".join(parts)


MARKER = re.compile(r"mk\d+q")


def markers(text: str) -> set[str]:
    """The marker words in a text."""
    return set(MARKER.findall(text))


# -- text with the characters that break things ------------------------------------

NASTY = (
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e",  # direction marks
    "👨\u200d👩\u200d👧",  # family emoji, joined with ZWJ
    "🏳️\u200d🌈",
    "👍🏽",
    "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # flag of England (tag characters)
    "e\u0301",  # e + combining acute
    "日本語のテキスト",
    "\u00adsoft\u00adhyphen",
    "zero\u200bwidth",
    "\ufeffbom",
    "\x07\x1b[31m",  # bell, terminal escape
    "\t",
    "\u2028",  # line separator
    "\u00a0",  # no-break space
    "&amp; &lt;b&gt;",
    "<b>",
    "*stars*",
    "[brackets](x)",
    "#",
    "1.",
    "- ",
    "\\",
    "\ufffd",
)
"""Fragments that have broken text tools: scripts, joiners, controls, markup characters."""

LINE_ENDINGS = ("\n", "\r\n", "\r")

nasty_text = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=12)), min_size=1, max_size=12
).map("".join)
"""Short text dense with troublesome characters."""

any_text = st.one_of(
    st.text(max_size=3000),
    nasty_text,
    st.lists(st.one_of(nasty_text, st.sampled_from(LINE_ENDINGS * 3)), max_size=40).map("".join),
)
"""Arbitrary Unicode (no lone surrogates), weighted towards the troublesome."""

_WORDS = st.sampled_from(
    "the bus young people meeting school council family you we will come at on "
    "café naïve résumé".split()
)


# -- documents with known content ------------------------------------------------


@dataclass
class Spec:
    """A generated document: what each format is rendered from, with its markers."""

    title: str
    blocks: list[tuple[str, int, list[str]]] = field(default_factory=list)
    """(kind, level, texts): kind is heading, paragraph, item, numbered or table
    (a table's texts are its cells, three to a row)."""

    def markers(self) -> set[str]:
        return markers(self.title + " " + " ".join(" ".join(texts) for _, _, texts in self.blocks))


@st.composite
def specs(draw: st.DrawFn, max_blocks: int = 8, nasty: bool = True) -> Spec:
    """A document of headings, paragraphs, lists and tables, each piece with a marker."""
    counter = iter(range(10_000))

    def sentence() -> str:
        words = draw(st.lists(_WORDS, min_size=1, max_size=8))
        if nasty and draw(st.booleans()):
            words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(NASTY[:12])))
        words.insert(draw(st.integers(0, len(words))), f"mk{next(counter)}q")
        text = " ".join(words)
        return text[:1].upper() + text[1:] + draw(st.sampled_from(".!?"))

    title = f"Title mk{next(counter)}q"
    spec = Spec(title)
    level = 0
    for _ in range(draw(st.integers(1, max_blocks))):
        kind = draw(st.sampled_from(["heading", "paragraph", "paragraph", "item", "numbered", "table"]))
        if kind == "heading":
            spec.blocks.append((kind, draw(st.integers(2, 4)), [f"Part mk{next(counter)}q"]))
        elif kind == "paragraph":
            spec.blocks.append((kind, 0, [sentence() for _ in range(draw(st.integers(1, 3)))]))
        elif kind in ("item", "numbered"):
            previous = spec.blocks[-1] if spec.blocks else None
            nested = previous is not None and previous[0] == kind
            level = draw(st.integers(0, min(level + 1, 3))) if nested else 0
            spec.blocks.append((kind, level, [sentence()]))
        else:
            rows = draw(st.integers(1, 3))
            spec.blocks.append((kind, 0, [f"c mk{next(counter)}q" for _ in range(rows * 3)]))
    return spec


def _cells(texts: list[str]) -> list[list[str]]:
    return [texts[i : i + 3] for i in range(0, len(texts), 3)]


def to_txt(spec: Spec, newline: str = "\n") -> str:
    lines = [spec.title, ""]
    for kind, level, texts in spec.blocks:
        if kind == "heading":
            lines += [texts[0], ""]
        elif kind == "paragraph":
            lines += [" ".join(texts), ""]
        elif kind in ("item", "numbered"):
            mark = "1." if kind == "numbered" else "-"
            lines.append(f"{'  ' * level}{mark} {texts[0]}")
        else:
            lines += ["  ".join(row) for row in _cells(texts)] + [""]
    return newline.join(lines)


def to_markdown(spec: Spec) -> str:
    lines = [f"# {spec.title}", ""]
    for kind, level, texts in spec.blocks:
        if kind == "heading":
            lines += [f"{'#' * level} {texts[0]}", ""]
        elif kind == "paragraph":
            lines += [" ".join(texts), ""]
        elif kind in ("item", "numbered"):
            mark, width = ("1.", 3) if kind == "numbered" else ("-", 2)
            lines.append(f"{' ' * width * level}{mark} {texts[0]}")
        else:
            rows = _cells(texts)
            lines += ["", "| " + " | ".join(rows[0]) + " |", "|---|---|---|"]
            lines += ["| " + " | ".join(row) + " |" for row in rows[1:]] + [""]
    return "\n".join(lines)


def to_html(spec: Spec) -> str:
    out = [f"<!DOCTYPE html><html lang='en'><head><title>{spec.title}</title></head><body>"]
    out.append(f"<h1>{spec.title}</h1>")
    open_lists: list[str] = []
    for kind, level, texts in spec.blocks:
        if kind in ("item", "numbered"):
            tag = "ol" if kind == "numbered" else "ul"
            while len(open_lists) > level + 1:
                out.append(f"</li></{open_lists.pop()}>")
            if len(open_lists) == level + 1:
                out.append("</li>")
            while len(open_lists) < level + 1:
                out.append(f"<{tag}>")
                open_lists.append(tag)
            out.append(f"<li>{_escape(texts[0])}")
            continue
        while open_lists:
            out.append(f"</li></{open_lists.pop()}>")
        if kind == "heading":
            out.append(f"<h{level}>{_escape(texts[0])}</h{level}>")
        elif kind == "paragraph":
            out.append(f"<p>{_escape(' '.join(texts))}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in _cells(texts))
            out.append(f"<table>{rows}</table>")
    while open_lists:
        out.append(f"</li></{open_lists.pop()}>")
    return "".join(out) + "</body></html>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_docx(spec: Spec) -> bytes:
    word = docx.Document()
    word.core_properties.title = spec.title
    for kind, level, texts in spec.blocks:
        if kind == "heading":
            word.add_heading(texts[0], level=level)
        elif kind == "paragraph":
            word.add_paragraph(" ".join(texts))
        elif kind in ("item", "numbered"):
            style = "List Number" if kind == "numbered" else "List Bullet"
            word.add_paragraph(_xml_safe(texts[0]), style=style if level == 0 else f"{style} {level + 1}")
        else:
            rows = _cells(texts)
            table = word.add_table(rows=len(rows), cols=3)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _xml_safe(text: str) -> str:
    # XML 1.0 cannot hold most control characters; Word could never have saved them.
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def docx_safe(spec: Spec) -> Spec:
    """The spec with characters removed that no real .docx can contain."""
    return Spec(
        spec.title,
        [(kind, level, [_xml_safe(t) for t in texts]) for kind, level, texts in spec.blocks],
    )


def kinds(document: Document) -> list[BlockKind]:
    """The kinds of a document's blocks, in order (handy in failure messages)."""
    return [block.kind for block in document.blocks]
