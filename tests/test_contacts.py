"""The contacts stage: emails, phone numbers, web addresses and who to contact."""

from __future__ import annotations

import pytest

import easyread
from easyread.options import Options
from easyread.stages import Context, build
from easyread.stages.contacts import find, named


@pytest.mark.parametrize(
    ("text", "kind", "value", "url"),
    [
        ("Email sam@example.org.uk today.", "email", "sam@example.org.uk", "mailto:sam@example.org.uk"),
        ("Call 01632 960 123.", "phone", "01632 960 123", "tel:01632960123"),
        ("Ring 020 7946 0000 now", "phone", "020 7946 0000", "tel:02079460000"),
        ("Phone +44 20 7946 0000.", "phone", "+44 20 7946 0000", "tel:+442079460000"),
        ("Freephone 0800-123-4567.", "phone", "0800-123-4567", "tel:08001234567"),
        ("Text: 07700 900 456", "text", "07700 900 456", "tel:07700900456"),
        ("See www.example.org.uk/help.", "web", "www.example.org.uk/help", "https://www.example.org.uk/help"),
        ("Go to https://example.org/a?b=1, then", "web", "https://example.org/a?b=1", "https://example.org/a?b=1"),
    ],
)
def test_finds_each_kind(text: str, kind: str, value: str, url: str) -> None:
    (contact,) = find(text)
    assert (contact.kind, contact.value, contact.url) == (kind, value, url)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is on 3 March 2026 from 5pm to 7pm.",
        "We had 1,200 replies and 45 ideas.",
        "Call 999 in an emergency.",
        "It costs £10.50 and takes 20 minutes.",
        "Room 0.12 is on the ground floor.",
    ],
)
def test_ignores_numbers_that_are_not_phone_numbers(text: str) -> None:
    assert find(text) == []


def test_links_add_addresses_not_in_the_text() -> None:
    found = find("Write to us or visit our page.", [("Write to us", "mailto:team@example.org"),
                                                    ("our page", "https://example.org/page"),
                                                    ("Home", "/")])
    assert [(c.kind, c.value) for c in found] == [("email", "team@example.org"), ("web", "our page")]


def test_named_contacts() -> None:
    assert named("Please contact Sam Patel by email.", ["Sam Patel"]) == "Sam Patel"
    assert named("You can contact the participation team:", []) == "the participation team"
    assert named("Amira chaired it.", ["Amira"]) == ""


def test_stage_on_the_agenda_example(context: Context) -> None:
    document = easyread.process(easyread.read("examples/youth-forum-agenda.md"), context=context)
    found = [(c.kind, c.value, c.name) for c in document.contacts]
    assert found == [
        ("person", "Sam Patel", ""),
        ("email", "participation@example.org.uk", "Sam Patel"),
        ("phone", "01632 960 123", "Sam Patel"),
    ]
    assert all(c.symbol and c.symbol.path for c in document.contacts)
    assert "OpenMoji" in {c.name for c in document.credits}


def test_stage_names_the_team_before_a_list(context: Context) -> None:
    document = easyread.process(easyread.read("examples/co-production-charter.txt"), context=context)
    assert [(c.kind, c.value, c.name) for c in document.contacts] == [
        ("person", "the participation team", ""),
        ("email", "participation@example.org.uk", "the participation team"),
        ("phone", "01632 960 123", "the participation team"),
        ("text", "07700 900 456", "the participation team"),
    ]


def test_each_detail_once_and_no_pictures_without_symbols(nlp) -> None:  # type: ignore[no-untyped-def]
    context = Context(Options(disable=("symbols",)), nlp=nlp)
    source = "Help\n\nEmail a@example.org.\n\nOr email A@example.org or phone 01632 960 123 or 01632960123."
    document = easyread.process(easyread.read_string(source, name="twice"), context=context)
    assert [(c.kind, c.value) for c in document.contacts] == [
        ("email", "a@example.org"), ("phone", "01632 960 123")
    ]
    assert all(c.symbol is None for c in document.contacts)
    assert document.credits == []


def test_stage_is_registered_and_can_be_switched_off() -> None:
    assert "contacts" in [s.name for s in build(Options())]
    assert "contacts" not in [s.name for s in build(Options(disable=("contacts",)))]


def test_table_cells_are_searched(context: Context) -> None:
    document = easyread.read_string("| Who | Phone |\n|---|---|\n| Office | 01632 960 999 |\n", "markdown", "t")
    document = easyread.process(document, context=context)
    assert [c.value for c in document.contacts] == ["01632 960 999"]
