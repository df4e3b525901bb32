"""Choosing the picture: senses, key concepts, names, thresholds, consistency within a document."""

from __future__ import annotations

import pytest

from easyread.options import SymbolOptions
from easyread.stages.symbols import for_parsing
from easyread.symbols.concepts import key_concept, word_symbols
from easyread.symbols.library import Library, Memory

CHAIR_PERSON = "1F9D1-200D-1F3EB"
FURNITURE = "1FA91"
MEMO = "1F4DD"
STOPWATCH = "23F1"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.from_options(SymbolOptions())


def picture(nlp, library: Library, text: str, memory: Memory | None = None) -> str | None:  # type: ignore[no-untyped-def]
    symbol = key_concept(nlp(for_parsing(text))[:], library, memory)
    return symbol.id if symbol else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will look at the minutes of the last meeting.", MEMO),
        ("Please read the minutes before the meeting.", MEMO),
        ("It takes about 20 minutes.", STOPWATCH),
        ("Amira is the chair of the youth forum.", CHAIR_PERSON),
        ("Please tell the chair before the meeting.", CHAIR_PERSON),
        ("There is a chair by the table for you to sit on.", FURNITURE),
        ("We will go to London by train.", "1F686"),
        ("All staff will have training on easy read.", CHAIR_PERSON),
        ("She gave me a present.", "1F381"),
        ("Take one tablet with water every morning.", "1F48A"),
        ("You can fill in the form on a tablet or a computer.", "E267"),
        ("The bus leaves at 2pm.", "1F68C"),
        ("Young people will vote for the new youth council.", "1F5F3"),
        ("This is for young people.", "1F9D1-200D-1F91D-200D-1F9D1"),
        ("Your social worker is Sam Patel.", "1F9D1-200D-1F4BC"),
        ("Children can play football in the park.", "26BD"),
        ("Please wash your hands before lunch.", "E0B2"),
        ("Ask your doctor about it.", "1F9D1-200D-2695-FE0F"),
        ("Food and drinks will be provided.", "1F37D"),
        ("You can choose new frames for your glasses.", "1F453"),
        ("The frame for the photo is on the wall.", "1F5BC"),
        ("Our youth club is open on Wednesdays.", "1F513"),
        ("The youth club meets every Friday.", "E249"),
        ("Here is the youth club programme.", "1F465"),
        ("The plumber could not come.", "1F9D1-200D-1F527"),
        ("Please do not use light switches.", "1F4A1"),
    ],
)
def test_the_picture_shows_the_sentences_main_idea_in_the_right_sense(
    nlp,
    library: Library,
    text: str,
    expected: str,  # type: ignore[no-untyped-def]
) -> None:
    assert picture(nlp, library, text) == expected


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("At present, families fill in a paper form.", "1F381"),
        ("The chair of the forum will open the meeting.", FURNITURE),
        ("Send us the minutes of the meeting.", STOPWATCH),
        ("The table below shows the dates.", "E200"),
        ("We will train staff to write in easy read.", "1F686"),
    ],
)
def test_the_wrong_sense_never_gets_its_picture(
    nlp, library: Library, text: str, wrong: str
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(for_parsing(text))
    assert picture(nlp, library, text) != wrong
    assert wrong not in {w.symbol.id for w in word_symbols(doc[:], library)}


def test_an_ambiguous_word_with_no_cue_gets_no_picture_rather_than_a_guess(
    nlp, library: Library
) -> None:  # type: ignore[no-untyped-def]
    assert library.lookup("chair") is None, (
        "CLDR names it 'chair' (furniture), but it may be the person"
    )
    assert library.lookup("minutes") is None
    assert [c.how for c in library.candidates("chair")][-1] == "cldr-name"


def test_names_of_people_get_a_generic_person_never_a_look_alike(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Mr Bird and Sam Patel will meet Rose Green.")
    pictures = {w.symbol.id for w in word_symbols(doc[:], library)}
    assert "1F426" not in pictures and "1F339" not in pictures, (
        "a bird or a rose for a surname is wrong"
    )
    assert "1F9D1" in pictures, "a generic person picture is fine"
    assert picture(nlp, library, "Sam Patel") == "1F9D1"
    assert picture(nlp, library, "Sam Patel will chair the meeting.") != "1F9D1", (
        "a name is a last resort"
    )


def test_lowercase_words_tagged_as_names_are_still_words(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    """spaCy sometimes calls a common word an organisation; only capitalised names are names."""
    doc = nlp("We will avoid jargon and abbreviations.")
    assert "1F3E2" not in {w.symbol.id for w in word_symbols(doc[:], library)}


def test_an_organisation_or_building_gets_the_picture_of_what_it_is(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert picture(nlp, library, "It will be held at Riverside Youth Centre.") == "E092"


def test_title_case_headings_are_read_as_words_not_names(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert (
        for_parsing("Transport To School And College", heading=True)
        == "Transport to school and college"
    )
    assert for_parsing("Our SEND Promises", heading=True) == "Our SEND promises"
    assert for_parsing("WHAT IS CHANGING", heading=True) == "What is changing"
    assert for_parsing("Meeting With Mr Bird", heading=True) == "Meeting with mr Bird"
    assert (
        for_parsing("We met Rose Green on Tuesday.", heading=False)
        == "We met Rose Green on Tuesday."
    )
    symbol = key_concept(
        nlp(for_parsing("Transport To School And College", heading=True))[:], library
    )
    assert symbol is not None and symbol.id == "1F68C"


def test_acronyms_find_acronyms_only(library: Library) -> None:
    """SEND documents say "SEND" on every page; it must never get the picture for "send"."""
    assert library.lookup("SEND") is None and library.lookup("send").id == "1F4E4"
    assert library.lookup("GP").id == "1F9D1-200D-2695-FE0F" and library.lookup("NHS").id == "1FA7A"


def test_the_same_concept_keeps_its_sense_and_picture_through_a_document(
    nlp, library: Library
) -> None:  # type: ignore[no-untyped-def]
    memory = Memory()
    first = picture(nlp, library, "The chair of the forum will open the meeting.", memory)
    later = picture(nlp, library, "The chair is Amira.", memory)
    assert first == later == CHAIR_PERSON
    assert picture(nlp, library, "The chair is Amira.") is None, (
        "without the document, the sense is unknown"
    )


def test_matching_is_deterministic(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    text = "Officers from the transport team will listen to the views of young people."
    assert len({picture(nlp, Library.from_options(SymbolOptions()), text) for _ in range(3)}) == 1


def test_inflected_forms_find_their_word(library: Library) -> None:
    for word, expected in [
        ("buses", "1F68C"),
        ("children", "1F9D2"),
        ("meetings", "E249"),
        ("went", "1F6B6"),
        ("voted", "1F5F3"),
        ("Councils", "E093"),
    ]:
        symbol = library.lookup(word)
        assert symbol is not None and symbol.id == expected, word


def test_every_match_has_a_score_and_the_threshold_removes_weak_ones() -> None:
    strict = Library.from_options(SymbolOptions(min_score=0.95))
    loose = Library.from_options(SymbolOptions())
    giraffe = loose.lookup("giraffe")
    assert giraffe is not None and giraffe.id == "1F992" and giraffe.score == pytest.approx(0.7)
    assert strict.lookup("giraffe") is None, "a CLDR-name match is below a 0.95 threshold"
    bus = strict.lookup("bus")
    assert bus is not None and bus.score == 1.0
    dancers = [c for c in loose.candidates("dancers") if c.how == "cldr-alias"]
    assert dancers and dancers[0].score < loose.min_score and loose.lookup("dancers") is None


def test_the_vocabulary_stops_a_look_alike_cldr_name(library: Library) -> None:
    """ "pilot" is a person flying a plane in CLDR; a "pilot scheme" is a trial."""
    assert library.lookup("pilot scheme") is None
    assert library.lookup("cricket").id == "1F3CF", (
        "cricket the sport, not the insect CLDR calls cricket"
    )


def test_function_words_and_numbers_get_no_picture(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("It is the 3 of them and it will be there.")
    assert word_symbols(doc[:], library) == []


def test_alt_text_is_the_label_in_words(nlp, library: Library) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Your social worker is Sam Patel.")
    symbol = key_concept(doc[:], library)
    assert symbol is not None and symbol.label == "social worker" and not symbol.decorative
    assert all(w.symbol.label and w.symbol.decorative for w in word_symbols(doc[:], library))
