"""What goes on the easy-read page, decided once for every writer.

The plan turns the processed document into the parts a reader meets in
order: a cover, contents (for long documents), sections of rows, the hard
words, who to contact, and the credits. HTML, PDF and Word all lay out the
same plan, so the three files say the same thing in the same order.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ..model import Block, BlockKind, Contact, Credit, Document, HardWord, Sentence, Symbol
from ..options import Options
from ..resources import openmoji_credit, openmoji_dir
from .outline import ListNode, Node, outline

COVER_PICTURES = {"meeting": ("meeting", "1F465"), "letter": ("letter", "2709")}
"""Cover picture by template when no picture of the document fits the title."""
DEFAULT_COVER = ("document", "1F4C4")
TIME_PICTURE = ("time", "1F570")
PERSON_PICTURE = ("person", "1F464")

CONTACT_LABELS = {"email": "Email", "phone": "Phone", "text": "Text", "web": "Website"}
"""What the reader sees before each kind of contact detail."""

_TIME = re.compile(r"^\s*(?:time|when)\s*:\s*(?P<value>.+?)\s*\.?\s*$", re.IGNORECASE)
_LEAD = re.compile(
    r"^\s*(?:led by|who|speaker|presented by|presenter)\s*:\s*(?P<value>.+?)\s*\.?\s*$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm)\s+(?:regards|wishes)|"
    r"with\s+(?:best\s+wishes|thanks)|many\s+thanks|thank\s+you)\s*,?\s*$",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^\s*(?:dear|hello|hi)\b", re.IGNORECASE)


@dataclass(slots=True)
class AgendaItem:
    """When an agenda item is and who leads it (the meeting template shows these)."""

    number: str = ""
    """The item's number, such as ``3``, when its heading starts with one."""
    title: str = ""
    """The heading without its number."""
    time: str = ""
    """When the item starts, such as ``5pm``."""
    lead: str = ""
    """Who leads it."""


@dataclass(slots=True)
class Section:
    """A level-2 heading and everything under it (or what comes before the first one)."""

    id: str
    """Anchor for links from the contents."""
    heading: Node | None
    """The heading, or None for the rows before the first heading."""
    nodes: list[Node | ListNode] = field(default_factory=list)
    """Everything under the heading, in order."""
    agenda: AgendaItem = field(default_factory=AgendaItem)
    """Time and leader, when the section is an agenda item."""
    rest: list[Node | ListNode] = field(default_factory=list)
    """`nodes` without the sentences that gave the agenda time and leader."""


@dataclass(slots=True)
class ContactGroup:
    """The ways to reach one person or team (or anyone, when no name is given)."""

    name: str
    """Who to contact, or empty."""
    person: Contact | None
    """The person's own entry, with its picture."""
    details: list[Contact] = field(default_factory=list)
    """Email, phone, text and web entries, in the order found."""


@dataclass(slots=True)
class Cover:
    """The first thing a reader sees."""

    title: str
    about: str
    """"This is an easy read version of ..."."""
    date_text: str
    """The date written out: ``Tuesday 3 March 2026``."""
    date_iso: str
    picture: Symbol | None


@dataclass(slots=True)
class Plan:
    """Every part of the easy-read page, in reading order."""

    cover: Cover
    sections: list[Section]
    contents: list[tuple[str, str]]
    """(anchor, words) of each entry of the contents list."""
    show_contents: bool
    """Whether to show the contents list (documents longer than 4 pages)."""
    hard_words: list[HardWord]
    contacts: list[ContactGroup]
    contacts_title: str
    credits: list[Credit]
    greeting: Sentence | None = None
    """A letter's "Dear ..." line."""
    sign_off: list[Sentence] = field(default_factory=list)
    """A letter's closing words and signature ("Yours sincerely, Sam Patel")."""
    estimated_pages: int = 1
    explanations: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    """id(sentence) -> (word, meaning) pairs explained under that sentence."""

    def explained(self, sentence: Sentence) -> list[tuple[str, str]]:
        """Hard words to explain right under this sentence (each only the first time)."""
        return self.explanations.get(id(sentence), [])

    @property
    def contents_worth_showing(self) -> bool:
        """A contents list needs at least two entries to help anyone find their way."""
        return len(self.contents) >= 2

    def meaning(self, word: HardWord) -> str:
        """What follows "<word> means" in the hard words list."""
        return means(word.explanation) if word.explanation else NO_MEANING


NO_MEANING = "(an editor needs to explain this word)"
"""Shown in place of an explanation nobody has written yet."""

_OPENING_WORD = re.compile(r"^([A-Z][a-z]*)\b")


def means(explanation: str) -> str:
    """An explanation written as a sentence, made to follow "<word> means".

    Glossary entries start with a capital ("A group that meets..."); after
    "forum means" the first word is lower-cased, unless it is a name such as
    "Ofsted" (a word that is rare in lower case).
    """
    from wordfreq import zipf_frequency

    match = _OPENING_WORD.match(explanation)
    if match and match[1] != "I" and zipf_frequency(match[1].lower(), "en") >= 4.0:
        return match[1].lower() + explanation[match.end() :]
    return explanation


CONTENTS_AFTER_PAGES = 4
"""Documents longer than this many pages get a contents list."""


def pictures_on(options: Options) -> bool:
    """Whether the writer may add its own pictures (cover, agenda, contacts)."""
    return "symbols" not in options.disable and options.symbols.default_set


def openmoji_symbol(label: str, hexcode: str) -> Symbol:
    """A picture of the bundled OpenMoji set chosen by the layout itself."""
    return Symbol(hexcode, "openmoji", label, str(openmoji_dir() / f"{hexcode}.svg"), 1.0, label)


def written_date(value: str | None) -> tuple[str, str]:
    """A date as easy read writes it (``Tuesday 3 March 2026``) and as ISO, today when not given."""
    day: date = date.today()
    if value:
        try:
            day = datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    return f"{day:%A} {day.day} {day:%B %Y}", day.isoformat()


def w3c_datetime(value: str | None) -> str:
    """An ISO date-time in the W3C form PDF metadata needs (a time needs a zone; UTC assumed)."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def build(document: Document, options: Options, template: str = "", contents: bool | None = None) -> Plan:
    """The plan for a document; `contents` forces the contents list on or off (the PDF measures)."""
    blocks = document.blocks
    first = blocks[0] if blocks else None
    if first and first.kind is BlockKind.HEADING and first.text.strip().lower() == document.title.strip().lower():
        blocks = blocks[1:]  # the title is already on the cover
    nodes = outline(dataclasses.replace(document, blocks=blocks))
    sections = _sections(nodes)
    greeting, sign_off = _letter_parts(sections) if template == "letter" else (None, [])
    groups = _contact_groups(document.contacts)
    only_web = all(c.kind == "web" for c in document.contacts)
    contacts_title = "Find out more" if only_web else "Who to contact"
    entries = [(s.id, s.heading.block.text) for s in sections if s.heading and s.heading.level == 2]
    if document.hard_words and options.layout.hard_words != "page":
        entries.append(("hard-words", "Hard words"))
    if groups:
        entries.append(("contact", contacts_title))
    credits = list(document.credits)
    if pictures_on(options) and "OpenMoji" not in {c.name for c in credits}:
        credits.append(openmoji_credit())  # the layout's own pictures (cover, clock, person)
    plan = Plan(
        cover=_cover(document, options, template),
        sections=sections,
        contents=entries,
        show_contents=False,
        hard_words=document.hard_words if options.layout.hard_words != "page" else [],
        contacts=groups,
        contacts_title=contacts_title,
        credits=credits,
        greeting=greeting,
        sign_off=sign_off,
        explanations=_explanations(document) if options.layout.hard_words != "list" else {},
    )
    plan.estimated_pages = estimate_pages(plan, options)
    if contents is None:
        contents = plan.estimated_pages > CONTENTS_AFTER_PAGES
    plan.show_contents = bool(contents) and plan.contents_worth_showing
    return plan


def _cover(document: Document, options: Options, template: str) -> Cover:
    source = document.metadata.get("source_title") or document.title
    kind = "letter" if template == "letter" else "document"
    about = f"This is an easy read version of the {kind} called “{source}”."
    date_text, date_iso = written_date(document.metadata.get("date") or options.creation_date)
    picture = None
    if pictures_on(options):
        title_words = set(re.findall(r"[a-z]+", document.title.lower()))
        for sentence in document.sentences()[:40]:
            for symbol in sentence.symbols:
                if symbol.path and not symbol.decorative and set(symbol.query.lower().split()) <= title_words:
                    picture = symbol
                    break
            if picture:
                break
        if picture is None:
            picture = openmoji_symbol(*COVER_PICTURES.get(template, DEFAULT_COVER))
    return Cover(document.title, about, date_text, date_iso, picture)


def _sections(nodes: list[Node | ListNode]) -> list[Section]:
    sections: list[Section] = []
    current = Section("start", None)
    for node in nodes:
        if isinstance(node, Node) and node.kind == "heading" and node.level == 2:
            if current.heading or current.nodes:
                sections.append(current)
            current = Section(f"section-{len(sections) + 1}", node)
        else:
            current.nodes.append(node)
    if current.heading or current.nodes:
        sections.append(current)
    for section in sections:
        _agenda(section)
    return sections


def _agenda(section: Section) -> None:
    """Find "Time: 5pm." and "Led by: Amira." lines under an agenda heading."""
    section.rest = list(section.nodes)
    if section.heading is None:
        return
    words = section.heading.block.text
    number = re.match(r"^\s*(\d{1,2})[.)]?\s+(.*)$", words)
    item = AgendaItem(number[1] if number else "", number[2] if number else words)
    used: set[int] = set()
    for node in section.nodes[:3]:
        if not isinstance(node, Node) or node.kind != "paragraph":
            continue
        for sentence in node.block.sentences:
            if not item.time and (match := _TIME.match(sentence.text)):
                item.time = match["value"]
                used.add(id(sentence))
            elif not item.lead and (match := _LEAD.match(sentence.text)):
                item.lead = match["value"]
                used.add(id(sentence))
    section.agenda = item
    if used:
        section.rest = [_without(node, used) for node in section.nodes]
        section.rest = [n for n in section.rest if not (isinstance(n, Node) and n.kind == "paragraph" and not n.block.sentences)]


def _without(node: Node | ListNode, used: set[int]) -> Node | ListNode:
    if not isinstance(node, Node) or node.kind != "paragraph":
        return node
    kept = [s for s in node.block.sentences if id(s) not in used]
    if len(kept) == len(node.block.sentences):
        return node
    block = Block(node.block.kind, node.block.text, sentences=kept, links=node.block.links, meta=node.block.meta)
    return Node(node.kind, block, level=node.level)


def _letter_parts(sections: list[Section]) -> tuple[Sentence | None, list[Sentence]]:
    """Take a letter's greeting and sign-off out of the rows, so they can be laid out as in a letter."""
    greeting = None
    for section in sections[:2]:
        for node in section.nodes[:3]:
            if isinstance(node, Node) and node.kind == "paragraph" and len(node.block.sentences) == 1:
                if _GREETING.match(node.block.sentences[0].text):
                    greeting = node.block.sentences[0]
                    section.nodes = [n for n in section.nodes if n is not node]
                    section.rest = [n for n in section.rest if n is not node]
                    break
        if greeting is not None:
            break
    sign_off: list[Sentence] = []
    if sections:
        last = sections[-1]
        for position, node in enumerate(last.nodes):
            if isinstance(node, Node) and node.kind == "paragraph" and node.block.sentences:
                if _CLOSING.match(node.block.sentences[0].text):
                    tail = last.nodes[position:]
                    if all(isinstance(n, Node) and n.kind == "paragraph" for n in tail) and len(tail) <= 4:
                        sign_off = [s for n in tail for s in n.block.sentences]  # type: ignore[union-attr]
                        last.nodes = last.nodes[:position]
                        last.rest = [n for n in last.rest if all(n is not t for t in tail)]
                    break
    return greeting, sign_off


def _contact_groups(contacts: list[Contact]) -> list[ContactGroup]:
    groups: dict[str, ContactGroup] = {}
    for contact in contacts:
        key = contact.value.lower() if contact.kind == "person" else contact.name.lower()
        group = groups.setdefault(key, ContactGroup(contact.name if contact.kind != "person" else contact.value, None))
        if contact.kind == "person":
            group.person = contact
        else:
            group.details.append(contact)
    return [g for g in groups.values() if g.details or g.person]


def _explanations(document: Document) -> dict[int, list[tuple[str, str]]]:
    """Hard words explained on the page: under the first sentence that uses each one."""
    meanings = {w.word.lower(): w.explanation for w in document.hard_words if w.explanation}
    done: set[str] = set()
    result: dict[int, list[tuple[str, str]]] = {}
    for sentence in document.sentences():
        for mark in sorted(sentence.marks, key=lambda m: m.start):
            word = sentence.text[mark.start : mark.end]
            meaning = mark.note or meanings.get(word.lower(), "")
            if mark.kind != "hard" or not meaning or word.lower() in done:
                continue
            done.add(word.lower())
            if _defines(sentence.text, mark.start, mark.end):
                continue  # "Co-production means ..." says it already: a box would repeat it
            result.setdefault(id(sentence), []).append((word, means(meaning)))
    return result


def _defines(text: str, start: int, end: int) -> bool:
    """Whether the sentence opens by explaining the word itself: "Co-production means ..."."""
    return start <= 4 and text[end:].lower().startswith((" means ", " is short for ", " stands for "))


def rows(plan: Plan) -> list[tuple[int, bool, bool]]:
    """(characters, has a picture, is a heading) for every row of the page, in order."""
    found: list[tuple[int, bool, bool]] = []

    def sentences(items: list[Sentence]) -> None:
        found.extend((len(s.text), bool(s.symbols), False) for s in items)

    def walk(node: Node | ListNode) -> None:
        if isinstance(node, ListNode):
            for item in node.items:
                sentences(item.block.sentences)
                for child in item.children:
                    walk(child)
        elif node.kind == "table":
            found.extend((40, False, False) for _ in node.header + node.body)
        else:
            sentences(node.block.sentences)

    for section in plan.sections:
        if section.heading:
            found.append((len(section.heading.block.text), True, True))
        for node in section.nodes:
            walk(node)
    found.extend((len(w.word) + len(w.explanation) + 7, w.symbol is not None, False) for w in plan.hard_words)
    found.extend((30, True, False) for g in plan.contacts for _ in range(len(g.details) + 1))
    return found


def estimate_pages(plan: Plan, options: Options) -> int:
    """Printed pages, estimated from the rows' lengths (the PDF writer counts them exactly)."""
    a4 = options.layout.page_size.upper() == "A4"
    usable_cm, text_cm = (25.2, 13.4) if a4 else (17.5, 8.2)
    em_cm = options.layout.font_size * 2.54 / 72
    total = 0.0
    for characters, picture, heading in rows(plan):
        size = em_cm * (1.4 if heading else 1.0)
        lines = math.ceil(characters * 0.56 * size / text_cm)
        height = max(options.layout.picture_size if picture else 0.0, lines * size * (1.3 if heading else 1.5))
        total += height + 0.6 * em_cm + (em_cm if heading else 0.0)
    per_page = usable_cm - 2.5  # rows are never split, so the end of each page is left empty
    return 1 + max(1, math.ceil(total / per_page))
