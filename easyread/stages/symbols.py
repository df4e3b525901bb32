"""Choose a picture for each sentence: the picture of its main idea.

The key concept is looked for in this order: a vocabulary phrase of several
words ("young people"), the subject of the main clause, its object, the main
verb, then any other noun. Names of people and places are never matched to
an unrelated picture. The same word always gets the same picture.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Document, Symbol
from ..symbols import Matcher, Vocabulary, openmoji
from . import Context, Stage

_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "attr", "pobj", "dative")
_WEAK_VERBS = frozenset("be have do get make go can will may must should would could".split())
_NAMES = frozenset("PERSON GPE LOC FAC ORG NORP".split())


def matcher(context: Context) -> Matcher:
    """The matcher for the options' symbol sets, loaded once per context."""

    def build() -> Matcher:
        sets = [openmoji()] if context.options.symbols.default_set else []
        return Matcher(sets, Vocabulary.load(), context.options.symbols.min_score)

    return context.resource("symbols.matcher", build)


def candidates(sentence: Span, longest_phrase: int) -> list[tuple[str, str]]:
    """(term, part of speech) pairs for a parsed sentence, best first."""
    found: list[tuple[str, str]] = []
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    for size in range(min(longest_phrase, 4), 1, -1):
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if any(_is_name(t) for t in window):
                continue
            lemmas = " ".join([*(t.lower_ for t in window[:-1]), window[-1].lemma_.lower()])
            found.append((lemmas, window[-1].pos_))
            found.append((" ".join(t.lower_ for t in window), window[-1].pos_))
    root = sentence.root
    ordered: list[Token] = []
    ordered += [t for t in root.children if t.dep_ in _SUBJECTS]
    ordered += [t for t in root.children if t.dep_ in _OBJECTS]
    ordered += [g for t in root.children if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    if root.pos_ == "VERB" and root.lemma_.lower() not in _WEAK_VERBS:
        ordered.append(root)
    ordered += [t for t in words if t.pos_ in ("NOUN", "VERB", "ADJ")]
    for token in ordered:
        if token.pos_ in ("NOUN", "VERB", "ADJ") and not _is_name(token):
            found.append((token.lemma_.lower(), token.pos_))
            found.append((token.lower_, token.pos_))
    return found


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMES


def choose(sentence: Span, symbol_matcher: Matcher) -> Symbol | None:
    """The picture for a sentence's main idea, or None."""
    for term, pos in candidates(sentence, symbol_matcher.vocabulary.longest):
        symbol = symbol_matcher.match(term, pos)
        if symbol is not None:
            return symbol
    return None


def run(document: Document, context: Context) -> Document:
    """Give each sentence the picture of its main idea and credit the sets used."""
    symbol_matcher = matcher(context)
    sentences = document.sentences()
    nlp = context.language()
    for sentence, parsed in zip(sentences, nlp.pipe([s.text for s in sentences], batch_size=64), strict=True):
        symbol = choose(parsed[:], symbol_matcher)
        sentence.symbols = [symbol] if symbol else []
    used = {s.set_id for sentence in sentences for s in sentence.symbols}
    for symbol_set in symbol_matcher.sets:
        if symbol_set.id in used and symbol_set.name not in {c.name for c in document.credits}:
            document.credits.append(symbol_set.credit())
    return document


STAGE = Stage(
    name="symbols",
    run=run,
    requires=("sentences",),
    provides=("symbols",),
    summary="pair each sentence with the picture of its main idea",
)
