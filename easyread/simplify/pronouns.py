"""Say the noun again: a pronoun opening a sentence made by a split is replaced by
the noun it stands for ("..., and it stops at the school" -> "The bus stops at
the school").

Only the subject of the clause the sentence was split from is considered,
and only when it agrees with the pronoun: "it" for one thing, "they" for
several, "he" or "she" for a person named by a single name.
"""

from __future__ import annotations

from spacy.tokens import Token

from .words import NAME_TAGS, NOUN_TAGS, Part, noun_phrase

RULE = "pronouns"

_SKIP = frozenset({"but", "so", "this", "is", "because", "when", "maybe", "if", ",", "then", "there"})


def agrees(pronoun: str, noun: Token) -> bool:
    """Whether a subject pronoun can stand for a noun: "it" one thing, "they" several, "he"/"she" a name."""
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if pronoun == "it":
        return noun.tag_ == "NN" and not plural
    if pronoun == "they":
        return plural and noun.tag_ in NOUN_TAGS | NAME_TAGS
    if pronoun in ("he", "she"):
        return noun.tag_ == "NNP" and not plural
    return False


def replace_pronoun(part: Part) -> bool:
    """Put the antecedent's noun in place of a leading subject pronoun; True if changed."""
    noun = part.antecedent
    if noun is None or noun.tag_ not in NOUN_TAGS | NAME_TAGS:
        return False
    for index, word in enumerate(part.words):
        if word.token is None and word.text.lower().strip(",") in _SKIP:
            continue
        token = word.token
        if token is None or token.tag_ != "PRP" or token.dep_ not in ("nsubj", "nsubjpass"):
            return False
        if not agrees(token.lower_, noun):
            return False
        if noun.tag_ in NAME_TAGS and sum(1 for t in noun.sent if t.tag_ in NAME_TAGS) > 2:
            return False  # several names around: which one is meant is not certain
        words = noun_phrase(noun)
        if index == 0:
            words[0].text = words[0].text[:1].upper() + words[0].text[1:]
        elif words[0].tag not in NAME_TAGS:
            words[0].text = words[0].text[:1].lower() + words[0].text[1:]
        words[-1].space = word.space
        part.words[index : index + 1] = words
        part.changed(RULE)
        return True
    return False
