"""Words of a sentence being rewritten, and helpers to read the spaCy parse.

Rules never re-parse: a sentence is parsed once and every rule edits a list
of `Word`s, each still pointing at its token so later rules can read the
parse. Words a rule inserts ("This is because") have no token.

The coarse word class is read from the fine-grained tag (``NN``, ``VBZ``...)
because the simplifier runs spaCy without its attribute ruler and
lemmatizer, which cost more time than the tagger and parser together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getInflection, getLemma
from spacy.tokens import Token

from .hardwords import zipf

NOUN_TAGS = frozenset({"NN", "NNS"})
NAME_TAGS = frozenset({"NNP", "NNPS"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
ADJ_TAGS = frozenset({"JJ", "JJR", "JJS"})
ADV_TAGS = frozenset({"RB", "RBR", "RBS"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

_COARSE = {
    **dict.fromkeys(NOUN_TAGS, "NOUN"),
    **dict.fromkeys(NAME_TAGS, "PROPN"),
    **dict.fromkeys(VERB_TAGS - {"MD"}, "VERB"),
    **dict.fromkeys(ADJ_TAGS, "ADJ"),
    **dict.fromkeys(ADV_TAGS, "ADV"),
    "MD": "AUX",
    "IN": "ADP",
    "CD": "NUM",
}


def coarse(tag: str) -> str:
    """The word class (``NOUN``, ``VERB``, ``ADJ``...) of a Penn Treebank tag."""
    return _COARSE.get(tag, "X")


@lru_cache(maxsize=65536)
def lemma(word: str, tag: str) -> str:
    """The dictionary form of a word, from lemminflect (cached: texts repeat words)."""
    upos = coarse(tag)
    if upos not in ("NOUN", "VERB", "ADJ", "ADV", "AUX"):
        return word.lower()
    found = getLemma(word.lower(), upos="VERB" if upos == "AUX" else upos, lemmatize_oov=False)
    return found[0].lower() if found else word.lower()


_PLURALS = {"person": "people"}
"""Plurals lemminflect gives in a formal form first ("persons")."""

_BRITISH = {("get", "VBN"): "got", ("fit", "VBD"): "fitted", ("fit", "VBN"): "fitted"}
"""Forms where lemminflect gives the American one ("gotten")."""


@lru_cache(maxsize=65536)
def inflect(word: str, tag: str) -> str:
    """`word` (a dictionary form) put into the form that `tag` asks for."""
    if tag in ("NN", "VB", "JJ", "RB", "NNP") or coarse(tag) == "X":
        return word
    if tag == "NNS" and word in _PLURALS:
        return _PLURALS[word]
    if (word, tag) in _BRITISH:
        return _BRITISH[word, tag]
    found = getInflection(word, tag=tag)
    return found[0] if found else word


@dataclass(slots=True)
class Word:
    """One word or punctuation mark of a sentence being rewritten."""

    text: str
    """What is shown."""
    space: str = " "
    """Whitespace after it."""
    token: Token | None = None
    """The parsed token it comes from; None for words a rule inserted or copied."""
    copied_tag: str = ""
    """The tag of the token a copied word came from (a repeated noun keeps its class)."""
    source: Token | None = None
    """The token a copied word repeats (copies keep the spacing between them: "long-lived")."""

    @property
    def tag(self) -> str:
        """The fine-grained tag, or empty for inserted words."""
        return self.token.tag_ if self.token is not None else self.copied_tag


def from_tokens(tokens: list[Token]) -> list[Word]:
    """Words for parsed tokens, keeping their spacing."""
    return [Word(t.text, t.whitespace_ or "", t) for t in tokens]


def copies(tokens: list[Token]) -> list[Word]:
    """Words repeating tokens elsewhere in the sentence (not part of the parse of this clause)."""
    words = [Word(t.text, t.whitespace_ or "", None, t.tag_, t) for t in tokens]
    if tokens and tokens[0].is_sent_start:
        lower_first(words)  # "Officers" at the start of a sentence is "officers" elsewhere
    return words


def inserted(text: str) -> list[Word]:
    """Words for new text a rule adds (no parse behind them)."""
    return [Word(part) for part in text.split()]


def indexes(words: list[Word]) -> set[int]:
    """Token indexes of the parsed words in a list."""
    return {w.token.i for w in words if w.token is not None}


def subtree(token: Token, within: set[int] | None = None) -> set[int]:
    """Indexes of a token's subtree, limited to `within` when given."""
    found = {t.i for t in token.subtree}
    return found & within if within is not None else found


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]%])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")
_DOUBLE_PUNCT = re.compile(r"([,;:])\s*(?:[,;:]\s*)+")
_COMMA_BEFORE_END = re.compile(r"[,;:]\s*([.!?])")
_SPACES = re.compile(r"\s{2,}")


def render(words: list[Word]) -> str:
    """The text of a list of words, with stray spaces and doubled punctuation tidied."""
    parts: list[str] = []
    for word, following in zip(words, [*words[1:], None]):
        parts.append(word.text)
        joined = following is not None and (
            (
                word.token is not None
                and following.token is not None
                and following.token.i == word.token.i + 1
            )
            or (
                word.source is not None
                and following.source is not None
                and following.source.i == word.source.i + 1
            )
        )
        parts.append(word.space if joined else " ")
    return tidy("".join(parts))


def tidy(text: str) -> str:
    """Tidy spacing and punctuation left behind when words are removed or moved."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _DOUBLE_PUNCT.sub(lambda m: m[1] + " ", text)
    text = _COMMA_BEFORE_END.sub(r"\1", text)
    text = text.strip().lstrip(",;: ").strip()
    return text.replace(" 's", "'s").replace(" n't", "n't")


def sentence_case(text: str, stop: bool = True) -> str:
    """Capital first letter and (with `stop`) a full stop at the end, as a new sentence needs."""
    text = text.strip().rstrip(",;").strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if stop and text[-1] not in ".!?:":
        if text[-1] in "\"'”’)" and len(text) > 1 and text[-2] in ".!?":
            return text
        text += "."
    return text


def lower_first(words: list[Word]) -> None:
    """Lower-case the first word unless it is a name, "I" or an acronym.

    A capitalised word that English does not know ("Baduhenna") is taken for a name
    even when the parser did not tag it as one.
    """
    for word in words:
        if word.token is not None and word.token.is_punct:
            continue
        if (
            word.tag in NAME_TAGS
            or word.text == "I"
            or (word.text.isupper() and word.text != "A")
            or zipf(word.text.lower()) < 1.0
        ):
            return
        word.text = word.text[:1].lower() + word.text[1:]
        return


def upper_first(words: list[Word]) -> None:
    """Capitalise the first word."""
    for word in words:
        if word.text.strip():
            word.text = word.text[:1].upper() + word.text[1:]
            return


def word_count(words: list[Word]) -> int:
    """Words that count towards sentence length (punctuation does not)."""
    return sum(1 for w in words if any(ch.isalnum() for ch in w.text))


@dataclass(slots=True)
class Part:
    """A sentence of the output while rules still work on it."""

    words: list[Word]
    """Its words in order."""
    rules: list[str]
    """Names of the rules that made or changed it."""
    items: list[list[Word]] | None = None
    """Bullet points that follow it, when the lists rule turned a list into bullets."""
    antecedent: Token | None = None
    """Subject of the clause this part was split from, which a leading pronoun may stand for."""

    def tokens(self) -> set[int]:
        """Indexes of the parsed tokens in this part."""
        return indexes(self.words)

    def heads(self) -> list[Token]:
        """Parsed words whose head lies outside the part (one, unless a rule removed a word)."""
        inside = self.tokens()
        return [
            w.token
            for w in self.words
            if w.token is not None
            and not w.token.is_punct
            and (w.token.head.i not in inside or w.token.head.i == w.token.i)
        ]

    def root(self) -> Token | None:
        """The head of the clause: the first verb among the heads, else the first head."""
        heads = self.heads()
        inside = self.tokens()
        unmarked = [
            t for t in heads if not any(c.dep_ == "mark" and c.i in inside for c in t.children)
        ]
        verbs = [t for t in heads if t.tag_ in VERB_TAGS and t.dep_ != "advcl"]
        verbs = verbs or [t for t in unmarked if t.tag_ in VERB_TAGS]
        found = verbs or [t for t in heads if t.tag_ in VERB_TAGS] or heads
        return found[0] if found else None

    def changed(self, rule: str) -> None:
        """Record that `rule` changed this part."""
        if rule not in self.rules:
            self.rules.append(rule)


def noun_phrase(head: Token, article: str = "") -> list[Word]:
    """The words that repeat a noun: its name, or "the" with its describing words.

    Used when a split makes a new sentence that must say again what it is about.
    `article` replaces "the" where the new sentence must point back ("these promises").
    """
    keep = {"compound", "amod", "nmod", "poss", "nummod", "flat"}
    left = [c for c in head.lefts if c.dep_ in keep]
    tokens = sorted({t for c in left for t in c.subtree} | {head}, key=lambda t: t.i)
    if head.tag_ in NAME_TAGS:
        return copies(_known_name(tokens))
    if any(c.dep_ == "poss" for c in left):
        return copies(tokens)
    words = copies(tokens)
    dets = [c for c in head.lefts if c.dep_ == "det"]
    det = dets[0].lower_ if dets else ""
    if article:
        return [Word(article), *words]
    if not dets:
        return words  # "soy milk", "officers": no article before, none after
    return [Word(det if det in _POINTING else "the"), *words]


def _known_name(tokens: list[Token]) -> list[Token]:
    """A name said again by the name people know: 'Andrew "Andy" Murray' -> "Andy Murray"."""
    doc = tokens[0].doc
    for token in tokens[:-1]:
        if 0 < token.i < len(doc) - 1 and doc[token.i - 1].is_quote and doc[token.i + 1].is_quote:
            return [token, tokens[-1]]
    return tokens


_POINTING = frozenset("the this that these those our your their his her its my".split())
"""Determiners a repeated noun keeps ("our promises" stays "our promises"; "a form" becomes "the form")."""
