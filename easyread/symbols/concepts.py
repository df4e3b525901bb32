"""Finding the key concept of a parsed sentence, and a picture for each of its words.

The picture beside a sentence shows its main idea. On the spaCy parse:

1. legal small print gets no picture, and a letter's greeting or closing
   gets a wave (`smallprint`);
2. phrases the library knows are found first ("young people", "social worker",
   and a verb with its object: "wash your hands");
3. each word or phrase is ranked by its role in the main clause (`roles`):
   the object of the main verb or a predicate, the subject when it is the
   news, the action when the objects are abstract or are people; a verb such
   as "say" or "decide" hands its role on to the clause it introduces. Words
   for people give way to what the sentence says about them ("Children can
   play **football**"); words the vocabulary marks ``low`` (member,
   information) come after all others;
4. names of people and places only ever get the user's own picture for that
   exact name or a generic person or place picture, and only when nothing
   else in the sentence has one; an organisation's or building's name gets
   the picture of its last word ("Riverside Youth Centre"); dates and times
   get a calendar or a clock.

The first ranked word with a good enough match gives the sentence its picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..model import Symbol, WordSymbol
from .keys import key
from .library import Cues, Found, Library, Memory
from .roles import LAST, MainClause, role
from .smallprint import GREETING, greeting, small_print

CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})

MONEY = "@money"
GENERIC = {
    "PERSON": "@person",
    "GPE": "@place",
    "LOC": "@place",
    "FAC": "@place",
    "DATE": "@date",
    "TIME": "@time",
    "MONEY": MONEY,
}
"""Entity types and the vocabulary entry holding their generic picture.

Organisations have none: spaCy often takes an unfamiliar first name for one,
and an office block for "Amira" would be an unrelated picture. A name such as
"Parent Carer Forum" still gets the picture of its last word.
"""

WHEN = frozenset({"@date", "@time"})
WHEN_SUBJECT = 1.5
"""Role of a date or time that is the subject of "is": after what the sentence says it is."""

NAMES = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"})
"""Entity types that are names: never pictured by what their words mean."""

TITLES = frozenset("mr mrs ms mx miss dr prof cllr sir dame rev".split())
"""Words before a name that make it a person's."""

PLACE_WORDS = frozenset(
    "lane road street avenue crescent close drive terrace grove square centre center library "
    "station hospital school college academy".split()
)
"""Last words that make a name a place's, whatever spaCy thinks ("Mill Lane", "Station Road")."""
NAMING_VERBS = frozenset({"call", "name", "know"})
"""Verbs that, in the passive before a noun, give a name: "This is **called** a sanction"."""
_PHONE = re.compile(r"^(?:\+?44|0)\d{2,}$")
_SCHOOL_YEAR = re.compile(r"^(?:[Yy]ear|YEAR) ?\d{1,2}$")


@dataclass(slots=True)
class Unit:
    """A word or phrase of a sentence that may get a picture."""

    start: int
    """Index of its first token in the parsed doc."""
    end: int
    """Index just after its last token."""
    forms: list[str]
    """Forms to look up: the words as written, their lemmas."""
    pos: str | None
    """Part of speech of its head word."""
    head: Token
    """Its syntactic head."""
    generic: str = ""
    """Vocabulary entry for a generic picture (``@person``) when the unit is a name or a date."""
    name: bool = False
    """True for a name of a person, place or organisation."""
    head_form: str = ""
    """The word a name or date is about: "centre" in "Riverside Youth Centre", "minutes" in
    "20 minutes"."""


def units(sentence: Span, library: Library) -> list[Unit]:
    """The words and phrases of a sentence that could carry a picture, in reading order."""
    claimed: set[int] = set()
    found: list[Unit] = []
    for entity in sentence.ents:
        if entity.label_ in ("ORG", "FAC") and library.vocabulary.knows(_without_the(entity)):
            continue  # "the Council", "Housing Benefit": known words spaCy took for a name
        if _SCHOOL_YEAR.match(entity.text):
            # "Year 6" is a group of pupils, not a date
            found.append(Unit(entity.start, entity.end, ["year group"], "NOUN", entity.root))
            claimed.update(range(entity.start, entity.end))
        elif _is_name(entity) or _is_when(entity) or entity.label_ == "MONEY":
            head_form = ""
            if (
                entity.label_ in ("ORG", "FAC")
                and len(entity) > 1
                and entity.root.i == entity.end - 1
            ):
                head_form = entity.root.lemma_.lower()
            elif entity.label_ in ("DATE", "TIME") and entity.root.is_alpha:
                head_form = entity.root.lemma_.lower()  # "20 minutes" is about minutes
            label = entity.label_
            if label == "PERSON" and len(entity) > 1 and entity[-1].lower_ in PLACE_WORDS:
                label = "FAC"  # spaCy reads "Mill Lane" as a person
            found.append(
                Unit(
                    entity.start,
                    entity.end,
                    [entity.text],
                    "PROPN",
                    entity.root,
                    GENERIC.get(label, ""),
                    label in NAMES,
                    head_form,
                )
            )
            claimed.update(range(entity.start, entity.end))
    found += _phrases(sentence, library, claimed)
    found += _verb_phrases(sentence, library, claimed)
    for token in sentence:
        if token.i in claimed:
            continue
        if token.like_email or token.like_url:
            generic = "@email" if token.like_email else "@website"
            found.append(Unit(token.i, token.i + 1, [], None, token, generic))
        elif _PHONE.match(token.text):
            found.append(Unit(token.i, token.i + 1, [], None, token, "@phone"))
        elif is_acronym(token.text):
            found.append(Unit(token.i, token.i + 1, [acronym(token.text)], None, token))
        elif token.pos_ == "PROPN" and token.text[:1].isupper():
            name = _name_run(sentence, token, library, claimed)
            if name is not None:
                found.append(name)
                claimed.update(range(name.start, name.end))
            else:
                found.append(Unit(token.i, token.i + 1, [token.text, token.lemma_], "NOUN", token))
        elif token.pos_ in CONTENT and (token.is_alpha or "-" in token.text):
            found.append(Unit(token.i, token.i + 1, [token.text, token.lemma_], _pos(token), token))
    return sorted(found, key=lambda unit: unit.start)


def _without_the(entity: Span) -> str:
    return entity[1:].text if entity[0].lower_ == "the" and len(entity) > 1 else entity.text


def is_acronym(text: str) -> bool:
    """An acronym such as SEND, NHS or GP: capitals only, two letters or more."""
    return len(text) > 1 and text.isalpha() and text.isupper()


def acronym(text: str) -> str:
    """The lookup key of an acronym: "SEND" must not find the verb "send"."""
    return "^" + key(text)


def _pos(token: Token) -> str:
    """The part of speech, mending common slips: "a present" is a noun, not an adjective; a
    lower-case word tagged as a name is a noun ("a new bin"), or a verb when it opens the
    sentence ("book a place")."""
    if token.pos_ == "PROPN" and token.text[:1].islower():
        return "VERB" if token.i == token.sent.start else "NOUN"
    if token.pos_ == "ADJ" and (
        token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
        or any(c.dep_ == "det" for c in token.children)
    ):
        return "NOUN"
    return str(token.pos_)


def _name_run(sentence: Span, token: Token, library: Library, claimed: set[int]) -> Unit | None:
    """Capitalised proper nouns spaCy did not call an entity: a name, unless it is one known word.

    "Mr Bird" and "Rose Green" are names (a title makes it a person); a lone
    "Council" in the middle of a sentence is the word council.
    """
    doc = sentence.doc
    end = token.i
    while (
        end < sentence.end
        and end not in claimed
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
    ):
        end += 1
    before = doc[token.i - 1] if token.i > sentence.start else None
    titled = token.lower_.rstrip(".") in TITLES or (
        before is not None and before.lower_.rstrip(".") in TITLES
    )
    if not titled and end - token.i == 1 and library.vocabulary.knows(token.text):
        return None
    start = token.i - 1 if before is not None and before.lower_.rstrip(".") in TITLES else token.i
    text = doc[start:end].text
    return Unit(start, end, [text], "PROPN", doc[end - 1], "@person" if titled else "", True)


def _is_name(entity: Span) -> bool:
    """A name: a person, place or organisation entity with a capital letter.

    spaCy also tags common words: "jargon" as an organisation, a sentence's
    first word "Tick" as a person. A one-word name must be a proper noun.
    """
    if entity.label_ not in NAMES or not any(t.text[:1].isupper() for t in entity):
        return False
    return len(entity) > 1 or entity[0].pos_ == "PROPN"


def _is_when(entity: Span) -> bool:
    """A date or time with a number and a word ("3 March", "5 pm"), not "2." or "the minutes"."""
    return (
        entity.label_ in ("DATE", "TIME")
        and any(t.like_num for t in entity)
        and any(t.is_alpha for t in entity)
    )


def _phrases(sentence: Span, library: Library, claimed: set[int]) -> list[Unit]:
    known = library.phrases()
    if not known:
        return []
    longest = max(2, library.vocabulary.longest)
    found: list[Unit] = []
    for run in _runs(sentence, claimed):
        size = min(longest, len(run))
        while size >= 2:
            start = 0
            while start + size <= len(run):
                window = run[start : start + size]
                if any(t.i in claimed for t in window):
                    start += 1
                    continue
                forms = _phrase_forms(window)
                if any(form in known for form in forms):
                    doc = sentence.doc
                    span = doc[window[0].i : window[-1].i + 1]
                    found.append(Unit(span.start, span.end, forms, span.root.pos_, span.root))
                    claimed.update(range(span.start, span.end))
                    start += size
                else:
                    start += 1
            size -= 1
    return found


def _verb_phrases(sentence: Span, library: Library, claimed: set[int]) -> list[Unit]:
    """A verb and its object making a known phrase with words between ("wash your hands")."""
    known = library.phrases()
    found: list[Unit] = []
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.i in claimed:
            continue
        for child in verb.children:
            if child.dep_ != "dobj" or not 0 < child.i - verb.i <= 4 or child.i in claimed:
                continue
            forms = [
                f"{verb.lemma_.lower()} {child.lemma_.lower()}",
                f"{verb.lemma_.lower()} {child.lower_}",
            ]
            if any(key(form) in known for form in forms) and not claimed.intersection(
                range(verb.i, child.i + 1)
            ):
                found.append(Unit(verb.i, child.i + 1, forms, "VERB", verb))
                claimed.update(range(verb.i, child.i + 1))
    return found


def _runs(sentence: Span, claimed: set[int]) -> list[list[Token]]:
    """Stretches of words between punctuation (hyphens join words, so they do not break a run)."""
    runs: list[list[Token]] = [[]]
    for token in sentence:
        if token.text in ("-", "\u2010", "\u2011") and not token.whitespace_:
            continue
        if token.tag_ == "POS":
            continue  # "parents' evening" is the phrase "parents evening"
        if token.is_punct or token.is_space or token.i in claimed:
            runs.append([])
        else:
            runs[-1].append(token)
    return [run for run in runs if len(run) > 1]


def _phrase_forms(window: list[Token]) -> list[str]:
    surface = [t.lower_ for t in window]
    lemmas = [t.lemma_.lower() for t in window]
    return list(
        dict.fromkeys(
            [
                " ".join(surface),
                " ".join(surface[:-1] + lemmas[-1:]),
                " ".join(lemmas),
            ]
        )
    )


def cues(sentence: Span, start: int, end: int) -> Cues:
    """The context of the tokens ``start:end`` of a sentence, for choosing between senses."""
    words = frozenset(key(t.lemma_) for t in sentence if t.is_alpha) | frozenset(
        key(t.text) for t in sentence if t.is_alpha
    )
    doc = sentence.doc
    before = doc[start - 1] if start > sentence.start else None
    after = doc[end] if end < sentence.end else None
    return Cues(
        words=words,
        before=key(before.lemma_) if before is not None else "",
        after=key(after.lemma_) if after is not None else "",
        number_before=before is not None
        and (before.like_num or before.lower_ in ("few", "several")),
    )


def match_unit(
    sentence: Span, unit: Unit, library: Library, memory: Memory | None
) -> tuple[Found | None, bool]:
    """The picture for one unit, and whether it is only a generic one (a person, a place, a date).

    A name gets the user's picture for that exact name, or, for an organisation
    or building, its last word's picture ("Riverside Youth Centre" is a centre),
    or the generic picture; never a look-alike picture of its words.
    """
    query = _text(sentence, unit)
    if not (unit.name or unit.generic):
        return library.match(
            unit.forms, unit.pos, cues(sentence, unit.start, unit.end), memory, query=query
        ), False
    found = (
        library.match(unit.forms, None, None, memory, query=query, exact=True)
        if unit.forms
        else None
    )
    if found is not None:
        return found, False
    if unit.head_form:
        context = cues(sentence, unit.head.i, unit.head.i + 1)
        found = library.match([unit.head_form], "NOUN", context, memory, query=query)
        if found is not None and found.symbol is not None and not found.how.startswith("cldr"):
            return found, False
    if unit.generic:
        return library.match([unit.generic], None, None, memory, query=query), True
    return None, False


def rank(unit: Unit, found: Found, generic: bool, head: Token, clause: MainClause) -> float:
    """How well a unit stands for the whole sentence: lower is better (see `roles`).

    `head` stands in for the unit's own head when that head has no picture
    ("exam" in "the exam results" takes the place of "results").
    """
    if generic and unit.generic != MONEY:
        return LAST - 1 if unit.name else LAST - 2
    if unit.generic in WHEN and _said_to_be(head):
        return WHEN_SUBJECT  # "Week 3 is a cooking **challenge**": the day is not the news
    return role(head, found, clause)  # a sum of money is an idea: "You will earn **£7.55**"


def _said_to_be(head: Token) -> bool:
    """The subject of "is" followed by what it is ("Monday is a bank holiday")."""
    verb = head.head
    return (
        head.dep_ == "nsubj"
        and verb.lemma_ == "be"
        and any(c.dep_ == "attr" for c in verb.children)
    )


def _not_its_picture(unit: Unit) -> bool:
    """A word whose own picture would say the opposite or something else.

    "You are not **happy**" is not a smiling face, "**No** experience is needed"
    not a thought bubble, and "This is **called** a sanction" names a thing, it
    does not phone anyone. Phrases keep their picture ("no smoking").
    """
    if unit.end - unit.start != 1:
        return False
    token = unit.head
    if token.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return any(c.dep_ == "neg" for c in token.head.children)
    if token.pos_ == "VERB" and token.lemma_.lower() in NAMING_VERBS:
        children = {c.dep_ for c in token.children}
        return "auxpass" in children and bool(children & {"oprd", "attr"})
    return False


def picture_for(doc: Doc, library: Library) -> Symbol | None:
    """The picture for a text on its own (``symbols match``): a word, a phrase or a sentence.

    A single lower-case word or an acronym is looked up as a word (its everyday
    sense when it has several); anything else, names and addresses included,
    is parsed and gets the picture of its main idea.
    """
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if len(words) == 1 and not (words[0].like_email or words[0].like_url):
        word = words[0].text
        if word.islower() or is_acronym(word):
            return library.lookup(word)
    return key_concept(doc[:], library)


def key_concept(sentence: Span, library: Library, memory: Memory | None = None) -> Symbol | None:
    """The picture of a sentence's main idea, or None when no word has a good enough one.

    Legal small print gets none: no picture explains "statutory rights". A
    letter's greeting ("Dear Mr Okafor") gets the greeting's picture.
    """
    if small_print(sentence, library.vocabulary):
        return None
    if greeting(sentence):
        found = library.match([GREETING], None, None, memory, query=sentence.text)
        if found is not None and found.symbol is not None:
            return found.symbol
    clause = MainClause.of(sentence)
    matched = [
        (unit, *match_unit(sentence, unit, library, memory)) for unit in units(sentence, library)
    ]
    pictured = {
        i
        for unit, found, _ in matched
        if found and found.symbol and not found.low
        for i in range(unit.start, unit.end)
    }
    framed = {
        i
        for unit, found, _ in matched
        if found and found.symbol and found.frame
        for i in range(unit.start, unit.end)
    }
    best: tuple[float, int, Symbol] | None = None
    for unit, found, generic in matched:
        if found is None or found.symbol is None or _not_its_picture(unit):
            continue
        head = unit.head
        if head.dep_ == "compound" and (head.head.i not in pictured or head.head.i in framed):
            # the word it modifies has no picture of its own, or a general one ("advice
            # centres"): take its place
            head = head.head
        place = (rank(unit, found, generic, head, clause), unit.start)
        if best is None or place < best[:2]:
            best = (*place, found.symbol)
    return best[2] if best else None


def word_symbols(
    sentence: Span, library: Library, memory: Memory | None = None
) -> list[WordSymbol]:
    """A small picture for each content word or phrase (inline mode), at offsets in the sentence."""
    found: list[WordSymbol] = []
    doc = sentence.doc
    for unit in units(sentence, library):
        match, _ = match_unit(sentence, unit, library, memory)
        if match is None or match.symbol is None:
            continue
        start = doc[unit.start].idx - sentence.start_char
        end = doc[unit.end - 1].idx + len(doc[unit.end - 1].text) - sentence.start_char
        found.append(WordSymbol(start, end, replace(match.symbol, decorative=True)))
    return found


def _text(sentence: Span, unit: Unit) -> str:
    return sentence.doc[unit.start : unit.end].text
