"""Find contact details in the source, for the closing "Contact" section.

Easy read ends with who to contact and how. This stage finds email
addresses, phone numbers (UK and international forms), web addresses and the
people or teams named next to them ("please contact Sam Patel by email ..."),
and stores them on `Document.contacts` in the order they first appear, each
once. Writers show them at the end with a picture for each kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, BlockKind, Contact, Document, Symbol
from . import Context, Stage
from . import symbols as symbols_stage

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
WEB = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]?(?:\(0\))?|0)\d{2,4}(?:[\s-]?\d{2,4}){1,3}(?![\w])")
"""Numbers that start with 0 or a country code, in groups: 01632 960 123, +44 20 7946 0000."""

_TEXT_CUE = re.compile(r"\b(?:text|sms|whatsapp)\b[\s:]*(?:us\s+)?(?:on\s+|at\s+)?$", re.IGNORECASE)
_VERB = r"\b(?:contact|email|e-mail|phone|call|ring|text|write to|speak to|talk to|ask)"
_VERB_BEFORE = re.compile(_VERB + r"\s+$", re.IGNORECASE)
_TEAM_AFTER_VERB = re.compile(
    _VERB + r"\s+((?:[A-Za-z]+\s+){0,4}?(?:team|office|service|helpline|department|desk|line))\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset("email e-mail phone telephone tel text call mobile website web fax".split())
"""Words the language model sometimes takes for a name next to an address."""
_DETERMINERS = frozenset("the a an our your their this that".split())
_TRAILING = ".,;:)]}!?'\""

PICTURES: dict[str, tuple[str, str]] = {
    "email": ("email", "1F4E7"),
    "phone": ("call", "1F4DE"),
    "text": ("mobile phone", "1F4F1"),
    "web": ("website", "1F310"),
    "person": ("person", "1F464"),
}
"""Kind of contact -> (vocabulary term, OpenMoji picture used when the vocabulary has none)."""


@dataclass(slots=True)
class _Found:
    start: int
    contact: Contact


def find(text: str, links: list[tuple[str, str]] | None = None) -> list[Contact]:
    """Contact details in one piece of text, in order (names not included)."""
    found: list[_Found] = []
    taken: list[range] = []

    def add(match: re.Match[str], contact: Contact) -> None:
        span = range(match.start(), match.end())
        if any(span.start < t.stop and t.start < span.stop for t in taken):
            return
        taken.append(span)
        found.append(_Found(match.start(), contact))

    for match in EMAIL.finditer(text):
        address = match[0].rstrip(_TRAILING)
        add(match, Contact("email", address, url=f"mailto:{address}"))
    for match in WEB.finditer(text):
        address = match[0].rstrip(_TRAILING)
        url = address if "://" in address else f"https://{address}"
        add(match, Contact("web", address, url=url))
    for match in PHONE.finditer(text):
        number = match[0].strip()
        digits = re.sub(r"\D", "", number)
        if not 9 <= len(digits) <= 15:
            continue
        kind = "text" if _TEXT_CUE.search(text[: match.start()]) else "phone"
        add(match, Contact(kind, number, url="tel:" + ("+" if number.startswith("+") else "") + digits))
    for words, url in links or []:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "mailto" and not any(c.contact.url == url for c in found):
            address = url.split(":", 1)[1].split("?", 1)[0]
            found.append(_Found(len(text), Contact("email", address, url=url)))
        elif scheme in ("http", "https") and not any(c.contact.url == url for c in found):
            if words and url.rstrip("/").endswith(words.rstrip("/").split("://")[-1]):
                continue  # the link text is the address, already found
            found.append(_Found(len(text), Contact("web", words or url, url=url)))
    return [f.contact for f in sorted(found, key=lambda f: f.start)]


def named(text: str, people: list[str]) -> str:
    """The person or team a sentence tells the reader to contact, or empty."""
    for person in people:
        position = text.find(person)
        if position >= 0 and (_VERB_BEFORE.search(text[:position]) or EMAIL.search(text) or PHONE.search(text)):
            return person
    team = _TEAM_AFTER_VERB.search(text)
    if team is None:
        return ""
    words = team[1].split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    return "the " + " ".join(words)


def _picture(kind: str, context: Context) -> Symbol | None:
    if "symbols" in context.options.disable:
        return None
    term, fallback = PICTURES[kind]
    pictures = symbols_stage.library(context)
    return pictures.lookup(term) or pictures.symbol_for(fallback, label=term, query=term)


def _block_text(block: Block) -> str:
    if block.kind is BlockKind.TABLE:
        return " ".join(cell for row in block.rows for cell in row)
    return block.text


def run(document: Document, context: Context) -> Document:
    """Fill `Document.contacts` from every block (tables too) and their links."""
    candidates: list[tuple[int, str, list[Contact]]] = []
    previous = ""
    for index, block in enumerate(document.blocks):
        text = _block_text(block)
        details = find(text, [(link.text, link.url) for link in block.links])
        if details:
            # "contact the participation team:" often leads into a list of details
            lead_in = previous if previous.rstrip().endswith(":") else ""
            # a table's cells run together, so no name is read from them
            words = "" if block.kind is BlockKind.TABLE else f"{lead_in} {text}".strip()
            candidates.append((index, words, details))
        if block.kind is not BlockKind.LIST_ITEM:
            previous = text
    contacts: list[Contact] = []
    seen: set[tuple[str, str]] = set()
    parsed_texts = context.language().pipe([text for _, text, _ in candidates], batch_size=32)
    for (index, text, details), parsed in zip(candidates, parsed_texts):
        people = [
            ent.text for ent in parsed.ents
            if ent.label_ in ("PERSON", "ORG") and not _NOT_NAMES.intersection(ent.text.lower().split())
            and not re.search(r"[\d@/]", ent.text)
        ]
        name = named(text, people)
        if name and ("person", name.lower()) not in seen:
            seen.add(("person", name.lower()))
            contacts.append(Contact("person", name, block=index))
        for contact in details:
            kind = "phone" if contact.kind == "text" else contact.kind
            key = (kind, re.sub(r"\s", "", contact.value.lower()))
            if key not in seen:
                seen.add(key)
                contact.name, contact.block = name, index
                contacts.append(contact)
    for contact in contacts:
        contact.symbol = _picture(contact.kind, context)
    document.contacts = contacts
    if any(c.symbol for c in contacts):
        symbols_stage.credit_sets(document, symbols_stage.library(context))
    return document


STAGE = Stage(
    name="contacts",
    run=run,
    provides=("contacts",),
    summary="find emails, phone numbers, web addresses and named contacts for the closing section",
)
