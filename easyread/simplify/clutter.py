"""Remove clutter: asides in brackets, filler phrases and double negatives.

An aside in brackets that carries facts (a number, a name, a "not" or a
"must") or asks the reader to do something ("(bring your lunch)") is never
thrown away: when it is a clause of its own it becomes a sentence after the
one it was in, otherwise it stays where it is. An abbreviation being
defined, "(SEND)", is left for the abbreviations rule. Brackets that only
repeat a measure in other units ("3 miles (4.8 km)") or point elsewhere
("(table 2)", "(Patel 2024, 14)") go: the easy-read text stands alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from .data import WordLists
from .numbers import MONTHS
from .words import (
    NAME_TAGS,
    NOUN_TAGS,
    SUBJECTS,
    VERB_TAGS,
    Part,
    Word,
    copies,
    inserted,
    noun_phrase,
    word_count,
)

RULE = "remove-clutter"

_OPEN = {"(": ")", "[": "]"}
_FACT_WORDS = frozenset(
    "not no never nor n't cannot must may might should shall can could will would only except unless".split()
)
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z&]*[A-Z]s?$")
_YEAR = re.compile(r"^[12][0-9]{3}$")
_MONTHS = frozenset(m.lower() for m in MONTHS) | frozenset(m[:3].lower() for m in MONTHS)
_UNITS = frozenset(
    """mm cm m km in inch inches ft foot feet yd yard yards mi mile miles nmi metre metres meter
    meters kilometre kilometres kilometer kilometers ha hectare hectares acre acres sq square kg g
    lb lbs oz pound pounds st stone ton tons tonne tonnes l litre litres liter liters gal gallon
    gallons mph kph km/h km2 m2 mi2 ft2 kn knot knots hp kw mw bhp ° °c °f c f k ² ³ km² m² mi² ft²""".split()
)
"""Units of measure: a bracket holding only a figure in another unit says the same thing twice."""
_FIGURE = re.compile(r"[\d.,]+")
_OPERATORS = frozenset("+ = − × ÷ * < > ≤ ≥ ^".split())
_MEASURE_GLUE = frozenset("to and - – / ; , x by per h s about approximately around c. ~".split())
_POINTER = re.compile(
    r"^(?:see|cf\.?)\b|^citation needed$"
    r"|^(?:tables?|figures?|figs?\.|charts?|appendix|annex|p\.|pp\.|pages?|footnotes?|notes?) [\w.–-]+$",
    re.IGNORECASE,
)
_AUTHOR = r"[A-Z][\w'’-]+"
_CITATION = re.compile(
    rf"^{_AUTHOR}(?:(?: and| &) {_AUTHOR}| et al\.?,?|,) [12]\d{{3}}[a-z]?(?:[,:] \d+(?: ?[-–] ?\d+)?)?$"
    rf"|^{_AUTHOR} [12]\d{{3}}[a-z]?[,:] \d+(?: ?[-–] ?\d+)?$"
)
"""A pointer to a table, a page or a source ("(table 3)", "(Smith 2004, 111)", "[12]"): the
easy-read text stands alone, so it goes."""


def _carries_facts(tokens: list[Token]) -> bool:
    return any(
        t.like_num
        or t.tag_ in NAME_TAGS
        or t.lower_ in _FACT_WORDS
        or t.is_currency
        or "@" in t.text
        for t in tokens
    )


def _is_measure(words: list[Word]) -> bool:
    """Words with a figure followed by a unit: "44 miles", "6.4 ° C", "140 mph"."""
    texts = [w.text.lower() for w in words]
    return any(
        _FIGURE.fullmatch(text) and any(t in _UNITS for t in texts[i + 1 : i + 3])
        for i, text in enumerate(texts)
    )


def _same_measure(before: list[Word], inner: list[Word]) -> bool:
    """ "44 miles (71 km)": the bracket gives a measure just given, in another unit."""
    texts = [w.text.lower() for w in inner]
    return (
        _is_measure(before)
        and _is_measure(inner)
        and all(_FIGURE.fullmatch(t) or t in _UNITS or t in _MEASURE_GLUE for t in texts)
    )


def _reference(opening: str, inner: list[Word]) -> bool:
    """ "(see Chapter 2)", "(table 3)", "[12]": a pointer elsewhere, not part of what is said."""
    text = "".join(w.text + w.space for w in inner).strip()
    if not inner or inner[0].text.lower() in _MONTHS:
        return False
    if re.fullmatch(r"\d+|[a-z]", text):
        return opening.startswith("[")  # "[12]" is a footnote mark; "(12)" may be an age
    return bool(_POINTER.match(text) or _CITATION.match(text))


def _formula(words: list[Word], start: int, end: int) -> bool:
    """ "(a + b) + c": brackets in a sum or a formula group terms; they are not an aside."""
    near = [w.text for w in words[start : end + 1]]
    if end + 1 < len(words):
        near.append(words[end + 1].text)
    near.append(words[start - 1].text)
    return any(text in _OPERATORS for text in near)


def _instruction(inner: list[Word]) -> list[Word] | None:
    """ "(bring your lunch)", "(note: use the side door)": something the reader must do is
    never dropped; it becomes a sentence of its own."""
    words = list(inner)
    if len(words) > 2 and words[0].text.lower() in ("note", "nb", "n.b.") and words[1].text == ":":
        words = words[2:]
    first = words[0].token if words else None
    if first is None or len(words) < 2 or any(w.text == "," for w in words):
        return None  # "(bring, read)": examples of verbs, not an instruction
    if first.lower_ == "please" or first.tag_ == "VB":
        return [Word(words[0].text[:1].upper() + words[0].text[1:], words[0].space, first), *words[1:]]
    return None


def _is_clause(tokens: list[Token]) -> bool:
    return any(t.tag_ in VERB_TAGS for t in tokens) and any(t.dep_ in SUBJECTS for t in tokens)


def _relative_to_noun(words: list[Word]) -> list[Word]:
    """ "(which ran for six weeks)" as a sentence: "The consultation ran for six weeks"."""
    first = words[0].token
    if first is None or first.lower_ not in ("which", "who"):
        return words
    verb = first.head
    if verb.dep_ != "relcl" or verb.head.tag_ not in NOUN_TAGS | NAME_TAGS:
        return words
    return noun_phrase(verb.head) + words[1:]


def _born(before: Word, inner: list[Word]) -> list[Word] | None:
    """ "Jane Smith (born 4 May 1950, Leeds)" -> a sentence of its own: "Jane Smith was born on
    4 May 1950 in Leeds"."""
    while inner and inner[0].text in (";", ","):
        inner = inner[1:]  # "(; born ...)": left where a pronunciation was taken out
    if (
        len(inner) < 2
        or inner[0].text.lower() != "born"
        or before.token is None
        or before.tag not in NAME_TAGS
    ):
        return None
    name = before.token
    while (
        name.dep_ in ("compound", "flat") and name.head.tag_ in NAME_TAGS and name.head.i > name.i
    ):
        name = name.head
    said = list(inner)
    while said[-1].text.lower() in ("in", "at", "on", ","):
        said.pop()  # "(born 27 August 1970 in )": the place was lost
    if len(said) < 2:
        return None
    first = said[1].text
    if first.lower() in _MONTHS or (first.isdigit() and len(first) <= 2):
        said.insert(1, Word("on"))
    elif first.isdigit() and len(first) == 4:
        said.insert(1, Word("in"))
    for index in range(2, len(said) - 1):
        if (
            said[index].text == ","
            and _YEAR.match(said[index - 1].text)
            and said[index + 1].tag in NAME_TAGS
            and said[index + 1].text.lower() not in _MONTHS
        ):
            # "born 4 April 1972, Moscow" -> "born on 4 April 1972 in Moscow"
            said[index - 1 : index + 1] = [replace(said[index - 1], space=" "), Word("in")]
            break
    return noun_phrase(name) + [Word("was")] + said


_ALIASES: tuple[tuple[str, str], ...] = (
    ("also known as", "also called"),
    ("also called", "also called"),
    ("also spelled", "also spelled"),
    ("aka", "also called"),
    ("a.k.a.", "also called"),
    ("or", "also called"),
    ("often called", "often called"),
    ("sometimes called", "sometimes called"),
    ("known as", "also called"),
    ("called", "also called"),
    ("now known as", "now called"),
    ("now called", "now called"),
    ("now", "now called"),
    ("formerly known as", "once called"),
    ("formerly called", "once called"),
    ("formerly", "once called"),
    ("later known as", "later called"),
    ("later called", "later called"),
    ("later", "later called"),
    ("literally meaning", "means"),
    ("meaning", "means"),
    ("literally", "means"),
)
"""How a bracket gives another name, and the words that say it in a sentence of its own."""


def _alias(before: Word, inner: list[Word]) -> list[Word] | None:
    """ "Victoria Island (or Kitlineq)" -> a sentence of its own: "Victoria Island is also called
    Kitlineq"; "(Gaelic: ...)" -> "In Gaelic, ... is called ..."."""
    token = before.token
    if token is None or token.tag_ not in NOUN_TAGS | NAME_TAGS or not token.is_alpha or len(inner) < 2:
        return None
    texts = [w.text.lower() for w in inner]
    name = _name_ending(token)
    plural = token.tag_ in ("NNS", "NNPS")
    if inner[0].text[:1].isupper() and texts[1] == ":" and ":" not in texts[2:] and len(inner) > 2:
        said = inserted(f"In {inner[0].text},") + name
        return said + inserted("are called" if plural else "is called") + inner[2:]
    for opening, saying in _ALIASES:
        size = len(opening.split())
        if tuple(texts[:size]) != tuple(opening.split()) or len(inner) <= size:
            continue
        if opening == "or" and not (inner[1].text[:1].isupper() or inner[1].text in "\"“"):
            return None  # "(or often shortened RCT)": not simply another name
        if saying == "means":
            verb = ["mean" if plural else "means"]
        elif saying.startswith(("once", "later")):
            verb = ["were" if plural else "was", *saying.split()]
        else:
            verb = ["are" if plural else "is", *saying.split()]
        return name + inserted(" ".join(verb)) + inner[size:]
    return None


def _name_ending(token: Token) -> list[Word]:
    """The noun phrase that ends with `token`: the whole name ("Victoria Island") or "the" and its noun."""
    if token.text[:1].isupper() and not token.is_sent_start:
        start = token.i
        while start > 0 and token.i - start < 6:
            previous = token.doc[start - 1]
            if not (previous.text[:1].isupper() or previous.lower_ in ("of", "the")):
                break
            start -= 1
        while token.doc[start].lower_ in ("of", "the") and start < token.i:
            start += 1
        return copies(list(token.doc[start : token.i + 1]))
    return noun_phrase(token)


def brackets(part: Part) -> list[Part]:
    """Drop asides in brackets, or move those with facts into a sentence of their own."""
    words = part.words
    keep: list[Word] = []
    moved: list[list[Word]] = []
    index = 0
    changed = False
    while index < len(words):
        word = words[index]
        close = _OPEN.get(word.text.rstrip(";,"))  # "(;" is one token
        end = (
            next((j for j in range(index + 1, len(words)) if words[j].text == close), None)
            if close
            else None
        )
        if close is None or end is None or index == 0:
            keep.append(word)
            index += 1
            continue
        inner = words[index + 1 : end]
        tokens = [w.token for w in inner if w.token is not None]
        if (len(inner) == 1 and _ABBREVIATION.match(inner[0].text)) or _formula(words, index, end):
            keep.extend(words[index : end + 1])
        elif _reference(word.text, inner) or _same_measure(words[max(0, index - 6) : index], inner):
            changed = True
        elif _carries_facts(tokens):
            born = _born(words[index - 1], inner) or _alias(words[index - 1], inner)
            if born is not None:
                moved.append(born)
                changed = True
            elif _is_clause(tokens) and word_count(inner) >= 3:
                moved.append(_relative_to_noun(inner))
                changed = True
            else:
                keep.extend(words[index : end + 1])
        elif (instruction := _instruction(inner)) is not None:
            moved.append(instruction)
            changed = True
        else:
            changed = True
        index = end + 1
    if not changed:
        return [part]
    part.words = keep
    part.changed(RULE)
    return [part, *(Part(list(m), [*part.rules]) for m in moved)]


def phrases(part: Part, lists: WordLists) -> None:
    """Remove filler phrases ("it should be noted that") and undo double negatives."""
    words = part.words
    out: list[Word] = []
    index = 0
    changed = False
    longest = lists.longest_phrase
    while index < len(words):
        match = None
        if words[index].text.lower() not in lists.clutter_starts:
            out.append(words[index])
            index += 1
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            key = tuple(w.text.lower() for w in words[index : index + size])
            if key in lists.clutter:
                match = (size, lists.clutter[key])
                break
        if match is None:
            out.append(words[index])
            index += 1
            continue
        size, replacement = match
        original = words[index]
        following = words[index + size] if index + size < len(words) else None
        if replacement:
            new = [Word(text) for text in replacement.split()]
            new[-1].space = words[index + size - 1].space
            if original.text[:1].isupper():
                new[0].text = new[0].text[:1].upper() + new[0].text[1:]
            out.extend(new)
        else:
            if following is not None and following.text == ",":
                size += 1  # the comma that set the filler off
                if out and out[-1].text == ",":
                    out.pop()
            at_start = not any(w.text.strip(",") for w in out)
            if at_start and index + size < len(words):
                nxt = words[index + size]
                if nxt.tag not in NAME_TAGS and nxt.text != "I" and not nxt.text.isupper():
                    nxt.text = nxt.text[:1].upper() + nxt.text[1:]
        index += size
        changed = True
    if changed:
        part.words = out
        part.changed(RULE)


_THAT_AFTER = frozenset(
    "say said says think know mean means meant show shows hope feel believe agree "
    "confirm find found tell told sure ensure".split()
)


_PASSIVE_HELPERS = (
    ("is",),
    ("are",),
    ("was",),
    ("were",),
    ("has", "been"),
    ("have", "been"),
    ("had", "been"),
)


def optional_words(part: Part) -> None:
    """Drop words the grammar or the meaning does not need: "means that it" -> "means it",
    "the form which is enclosed" -> "the form enclosed", "we also meet" -> "we meet"."""
    words = part.words
    drop: set[int] = set()
    for index, word in enumerate(words):
        token = word.token
        if token is None or index == 0:
            continue
        previous = words[index - 1]
        if (
            token.lower_ == "that"
            and token.dep_ == "mark"
            and token.head.dep_ == "ccomp"
            and previous.text.lower() in _THAT_AFTER
        ):
            drop.add(index)
        elif (
            token.lower_ in ("which", "that", "who")
            and token.dep_ == "nsubjpass"
            and previous.text != ","
        ):
            for helpers in _PASSIVE_HELPERS:
                end = index + 1 + len(helpers)
                following = [w.text.lower() for w in words[index + 1 : end]]
                if end < len(words) and following == list(helpers) and words[end].tag == "VBN":
                    drop.update(range(index, end))
                    break
        elif (
            token.lower_ == "also"
            and token.dep_ == "advmod"
            and token.head.tag_ in VERB_TAGS
            and previous.text.lower() != "but"  # "not only ... but also" needs it
            and previous.text not in ",;("
        ):
            drop.add(index)  # "also" links to what came before, which a split may have moved
    if drop:
        part.words = [w for i, w in enumerate(words) if i not in drop]
        part.changed(RULE)
