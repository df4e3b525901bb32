"""Which word of a real sentence the picture shows: roles in the main clause, small print, greetings.

Sentences are as the simplifier writes them. Each case was looked at by eye
against the picture chosen; they fail if a change brings back a less useful
word of the sentence or a picture for legal small print.
"""

from __future__ import annotations

import pytest

import easyread
from easyread.options import Options, SymbolOptions
from easyread.stages import Context
from easyread.stages import symbols as stage
from easyread.symbols.concepts import key_concept
from easyread.symbols.library import Library
from easyread.symbols.roles import MainClause
from easyread.symbols.smallprint import greeting, small_print

MONEY, SHIELD, WAVE = "1F4B7", "1F6E1", "1F44B"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.from_options(SymbolOptions())


def picture(nlp, library: Library, text: str) -> str | None:  # type: ignore[no-untyped-def]
    symbol = key_concept(nlp(text)[:], library)
    return symbol.id if symbol else None


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("The council has found the money to build it.", MONEY, "the object is the news"),
        ("Pizza will be provided.", "1F355", "the subject is the news"),
        ("Please remember that all uniform must be labelled.", "1F454", "'remember that' hands on"),
        ("Your doctor has asked for you to have a blood test.", "1FA78", "'ask for' hands on"),
        ("We have decided that your son can get free transport.", "1F68C", "'decide that'"),
        ("You must phone the transport team before 7:30am.", "1F4DE", "phoning is the idea"),
        ("It helps to protect your child and your family from flu.", SHIELD, "people give way"),
        ("Children should come to school in their PE kit.", "1F3EB", "people give way"),
        ("Ask your doctor about it.", "1F9D1-200D-2695-FE0F", "but not after ask or tell"),
        ("Maybe your child is unwell.", "1F912", "what is said about the person"),
        ("BSL interpreters will be at the event.", "1F9CF", "people who are the news"),
        ("I will take part in activities like canoeing and climbing.", "1F6F6", "examples"),
        ("We will send you a new bin.", "1F5D1", "a lower-case word tagged as a name"),
        ("Year 6 will visit their new secondary school.", "1F3EB", "Year 6 is not a date"),
        ("Maybe you do not agree with the final plan.", "1F44E", "not a thumbs up"),
        ("You must not smoke in the building.", "1F6AD", "not a cigarette"),
        ("Children can play football in the park.", "26BD", "unchanged"),
        (
            "If your fingers turn blue, go to the emergency department.",
            "1F3E5",
            "main clause after 'if'",
        ),
        ("You can use the pool on Saturday.", "1F3CA", "a swimming pool"),
        ("We play pool at the youth club.", "1F3B1", "the game"),
        ("The food bank is open on Monday.", "1F96B", "a food bank is not a bank"),
        ("You will earn £7.55 an hour while you study.", MONEY, "a sum of money is the object"),
        (
            "We recommend that you have your eyes tested again.",
            "1F441",
            "'recommend that' hands on",
        ),
        ("No experience is needed, and we will give you gloves.", "1F9E4", "'no experience'"),
        ("Please help your child brush their teeth.", "1F9B7", "'help' hands on to an action"),
        ("The interpreter will help you understand.", "1F91D", "but not to one with no object"),
        ("In week 2 a local DJ is running a music workshop.", "1F3B5", "a general noun's modifier"),
        ("Advice centres are open on Mondays.", "1F4AC", "a general noun's modifier"),
        ("It is a friendly place to have a cup of tea.", "2615", "a general noun comes late"),
        ("Young people said they want more places to go.", "E0A9", "but before people"),
        ("A new youth centre will open in the spring.", "E092", "a phrase is not general"),
        ("Week 3 is a cooking challenge.", "1F373", "a date is not what it is said to be"),
    ],
)
def test_the_picture_shows_the_main_idea_of_a_real_sentence(
    nlp,  # type: ignore[no-untyped-def]
    library: Library,
    text: str,
    expected: str,
    why: str,
) -> None:
    assert picture(nlp, library, text) == expected, why


def test_a_verb_that_introduces_a_clause_hands_its_role_on(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("We have decided that your son can get free transport.")
    clause = MainClause.of(doc[:])
    decided, get = doc[2], doc[7]
    assert (decided.text, get.text) == ("decided", "get")
    assert clause.verbs == {decided.i, get.i} and clause.hosts == {decided.i}
    assert clause.light(decided), "its own picture gives way to the clause it introduces"


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in this letter affects your statutory rights.",
        "This notice is issued under section 11 of the Housing Act 1985.",
        "Where the context so requires, the singular includes the plural.",
        "Notice is hereby given pursuant to the regulations.",
        "Save as otherwise provided herein.",
    ],
)
def test_legal_small_print_gets_no_picture(nlp, library: Library, text: str) -> None:  # type: ignore[no-untyped-def]
    assert small_print(nlp(text)[:], library.vocabulary)
    assert picture(nlp, library, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Children and Families Act 2014 gives you the right to appeal.",
        "Please read the terms and conditions before you sign.",
        "Maybe your son will not be going to school on a particular day.",
    ],
)
def test_ordinary_sentences_are_not_small_print(nlp, library: Library, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not small_print(nlp(text)[:], library.vocabulary)
    assert picture(nlp, library, text) is not None


def test_a_letters_greeting_and_closing_get_a_wave(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    for text in ("Dear tenant", "Dear Mr and Mrs Okafor", "Yours sincerely", "Best wishes"):
        assert greeting(nlp(text)[:]), text
        assert picture(nlp, library, text) == WAVE, text
    assert not greeting(nlp("Dear parents, we are writing about the trip.")[:])


def test_small_print_is_told_apart_for_the_editor(nlp) -> None:  # type: ignore[no-untyped-def]
    document = easyread.read_string(
        "Terms\n\nNothing in this letter affects your statutory rights.\n\nThe bus leaves at 2pm.",
        name="terms",
    )
    result = easyread.process(document, context=Context(Options(), nlp=nlp))
    notes = [d.message for d in result.diagnostics if d.code == stage.NO_PICTURE]
    assert any("legal small print" in note for note in notes)
    assert all("statutory" in note for note in notes if "legal" in note)


@pytest.mark.parametrize(
    "text",
    ["Maybe you are still not happy.", "This is called a sanction.", "No experience is needed."],
)
def test_a_word_whose_picture_would_say_the_opposite_gets_none(
    nlp, library: Library, text: str
) -> None:  # type: ignore[no-untyped-def]
    """Not a smiling face for "not happy", nor a phone for "is called", nor a thought for "no experience"."""
    assert picture(nlp, library, text) is None
