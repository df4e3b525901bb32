"""The simplifier: parse once, run the rules in order, keep track of what changed.

Order matters: asides are removed before sentences are split (a split must
not cut a bracket in two); splitting comes before active voice and pronouns
(they work clause by clause); everyday words after them (they rely on the
original words); numbers, dates and abbreviations work on the finished text;
hard words are judged last, on what the reader will actually see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model import Diagnostic, HardWord, Mark, Severity
from ..options import Options
from ..stages.sentences import continues
from . import abbreviations, clutter, everyday, hardwords, numbers, pronouns, split, voice
from .data import WordLists
from .words import NAME_TAGS, Part, Word, from_tokens, render, sentence_case, word_count

RULES: dict[str, str] = {
    "split-relatives": 'a clause such as ", which ..." or ", who ..." becomes a new sentence that repeats the noun',
    "split-appositives": '"Amira, chair of the forum, will ..." becomes "Amira is chair of the forum. Amira will ..."',
    "split-clauses": 'main clauses joined by ", and", ", but" or ";" become separate sentences',
    "split-adverbials": 'clauses with "because", "although", "if" or "when" become their own sentence, the link word kept',
    "split-lists": "a list of 3 or more things at the end of a sentence becomes bullet points",
    "everyday-words": 'formal words and phrases become everyday ones ("utilise" -> "use")',
    "remove-clutter": "asides in brackets, filler phrases and double negatives are removed",
    "active-voice": '"The form will be sent by the council" becomes "The council will send the form"',
    "numbers-dates": 'number words to digits, "50%" to "half", dates in full, times as "2pm"',
    "abbreviations": "abbreviations are spelt out the first time they are used",
    "hard-words": "rare words left are marked and explained, or flagged for the editor",
    "pronouns": "a pronoun starting a sentence made by a split is replaced by its noun",
}
"""Every rule by name, with what it does; names are used to switch rules off."""

GROUPS: dict[str, tuple[str, ...]] = {
    "split": tuple(name for name in RULES if name.startswith("split-")),
}
"""Names that switch off several rules at once."""

_UNUSED_PIPES = ("ner", "lemmatizer", "attribute_ruler")
"""spaCy components the rules do not read (lemmas come from lemminflect), left off for speed."""


def enabled_rules(options: Options) -> set[str]:
    """The rules the options leave on; an unknown name is an error."""
    from ..errors import UsageError

    off: set[str] = set()
    for name in options.simplify.disable:
        if name in GROUPS:
            off.update(GROUPS[name])
        elif name in RULES:
            off.add(name)
        else:
            known = ", ".join([*RULES, *GROUPS])
            raise UsageError(f"unknown simplification rule {name!r}; rules: {known}")
    return set(RULES) - off


@dataclass(slots=True)
class SimplifiedSentence:
    """One sentence of the simplified text and where it came from."""

    text: str
    """The new sentence."""
    source: str
    """The sentence of the input it was made from."""
    rules: list[str] = field(default_factory=list)
    """Names of the rules that changed it (empty when it is unchanged)."""
    items: list[str] = field(default_factory=list)
    """Bullet points that follow it, when a list was turned into bullets."""
    item_marks: list[list[Mark]] = field(default_factory=list)
    """Hard words in each bullet point, as `marks` is for `text`."""
    marks: list[Mark] = field(default_factory=list)
    """Hard words in `text`, with their explanations."""
    flags: list[str] = field(default_factory=list)
    """What an editor should still look at: ``long``, ``hard-words``."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """The same, explained in a line each."""


@dataclass(slots=True)
class Memory:
    """What the reader already knows at this point of the document."""

    known: abbreviations.Known = field(default_factory=abbreviations.Known)
    """Abbreviations defined and already spelt out."""
    hard: dict[str, HardWord] = field(default_factory=dict)
    """Hard words already marked, by dictionary form."""


@dataclass(slots=True)
class Unit:
    """The simplified sentences of one piece of input (a line, or a block's sentence)."""

    sentences: list[SimplifiedSentence]
    """The output sentences, in order."""
    hard_words: list[HardWord]
    """Hard words used here for the first time in the document."""
    diagnostics: list[Diagnostic]
    """What the editor must decide about these sentences."""


class Simplifier:
    """Simplifies text with one loaded spaCy pipeline and one set of word lists."""

    def __init__(self, nlp: Language, options: Options, lists: WordLists) -> None:
        self.nlp = nlp
        self.options = options
        self.lists = lists
        self.rules = enabled_rules(options)

    def parse(self, texts: Iterable[str]) -> Iterable[Doc]:
        """Parse texts with only the spaCy components the rules use."""
        disabled = [name for name in _UNUSED_PIPES if name in self.nlp.pipe_names]
        return self.nlp.pipe(texts, disable=disabled, batch_size=128)

    def units(self, texts: list[str], independent: bool = False) -> list[Unit]:
        """Simplify each text; with `independent`, each is a separate document (``--lines``)."""
        memory = Memory()
        if not independent and "abbreviations" in self.rules:
            for text in texts:
                abbreviations.find_definitions(text, memory.known)
        results: list[Unit] = []
        for text, doc in zip(texts, self.parse(texts)):
            if independent:
                memory = Memory()
                if "abbreviations" in self.rules:
                    abbreviations.find_definitions(text, memory.known)
            results.append(self._unit(doc, memory, bullets=not independent))
        return results

    def _unit(self, doc: Doc, memory: Memory, bullets: bool) -> Unit:
        unit = Unit([], [], [])
        names = {t.text for t in doc if t.tag_ in NAME_TAGS}
        for sent in _sentences(doc):
            if not sent.text.strip():
                continue
            for part in self._parts(sent, bullets):
                unit.sentences.append(self._finish(part, sent.text.strip(), names, memory, unit))
        return unit

    def _parts(self, sent: Span, bullets: bool) -> list[Part]:
        rules = self.rules
        parts = [Part(from_tokens(list(sent)), [])]
        if "remove-clutter" in rules:
            parts = clutter.brackets(parts[0])
            for part in parts:
                clutter.phrases(part, self.lists)
                clutter.optional_words(part)
        if rules & set(GROUPS["split"]):
            limit = self.options.simplify.max_words
            parts = [
                new
                for part in parts
                for new in split.split(
                    part, rules, limit, bullets, self._length, self.options.simplify.one_idea_from
                )
            ]
        for part in parts:
            if "active-voice" in rules:
                voice.make_active(part)
            if "pronouns" in rules and part.antecedent is not None:
                pronouns.replace_pronoun(part)
            if "everyday-words" in rules:
                everyday.replace_words(part, self.lists)
                everyday.simpler_tenses(part)
            if "numbers-dates" in rules:
                numbers.number_words(part)
            for item in part.items or []:
                piece = Part(item, [])
                if "everyday-words" in rules:
                    everyday.replace_words(piece, self.lists)
                if "numbers-dates" in rules:
                    numbers.number_words(piece)
                item[:] = piece.words
        return parts

    def _length(self, words: list[Word]) -> int:
        """Words the reader will see: dates gain their weekday when numbers and dates are rewritten."""
        count = word_count(words)
        if "numbers-dates" not in self.rules:
            return count
        text = render(words)
        return count + len(numbers.rewrite(text).split()) - len(text.split())

    def _text(self, text: str, part: Part, memory: Memory) -> str:
        if "numbers-dates" in self.rules:
            new = numbers.rewrite(text)
            if new != text:
                part.changed(numbers.RULE)
                text = new
        if "abbreviations" in self.rules:
            new = abbreviations.expand(text, memory.known, self.lists.abbreviations)
            if new != text:
                part.changed(abbreviations.RULE)
                text = new
        return text

    def _finish(
        self, part: Part, source: str, names: set[str], memory: Memory, unit: Unit
    ) -> SimplifiedSentence:
        text = self._text(render(part.words), part, memory)
        if part.items:
            text = text[:1].upper() + text[1:]
        else:
            text = sentence_case(text, stop=_made_sentence(part) or source[-1:] in ".!?:;")
        items = [self._text(render(item), part, memory).rstrip(".,;") for item in part.items or []]
        sentence = SimplifiedSentence(text, source, list(part.rules), items)
        if sentence.text == source and not items:
            sentence.rules = []
        words = self._length(part.words)
        if words > self.options.simplify.max_words and not items:
            sentence.flags.append("long")
            sentence.diagnostics.append(
                Diagnostic(
                    "ER301",
                    f"sentence still has {words} words; "
                    f"shorten it to {self.options.simplify.max_words} or fewer: {_quote(text)}",
                    Severity.WARNING,
                    "simplify",
                )
            )
        if "hard-words" in self.rules:
            sentence.marks = self._hard_words(text, sentence, names, memory, unit)
            sentence.item_marks = [
                self._hard_words(item, sentence, names, memory, unit) for item in items
            ]
            if sentence.marks or any(sentence.item_marks):
                sentence.rules.append(hardwords.RULE)
        unit.diagnostics.extend(sentence.diagnostics)
        return sentence

    def _hard_words(
        self, text: str, sentence: SimplifiedSentence, names: set[str], memory: Memory, unit: Unit
    ) -> list[Mark]:
        """Marks for the hard words of `text`; those with no explanation are flagged."""
        marks, new = hardwords.mark(
            text, names, self.lists.glossary, self.options.hard_word_zipf, memory.hard
        )
        for entry in new:
            unit.hard_words.append(entry)
            if entry.explanation:
                continue
            if "hard-words" not in sentence.flags:
                sentence.flags.append("hard-words")
            sentence.diagnostics.append(
                Diagnostic(
                    "ER302",
                    f"hard word {entry.word!r} has no explanation; "
                    "write one or use an everyday word",
                    Severity.WARNING,
                    "simplify",
                )
            )
        return marks


def _sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, rejoined where one "starts" with a small letter or follows a
    colon or a title such as "Dr." (wrong cuts: "Phone: 01632 960 123" is one sentence)."""
    spans: list[Span] = []
    for sent in doc.sents:
        first = sent.text.lstrip()[:1]
        if spans and (first.islower() or continues(spans[-1].text.strip(), sent.text.strip())):
            spans[-1] = doc[spans[-1].start : sent.end]
        else:
            spans.append(sent)
    return spans


def _made_sentence(part: Part) -> bool:
    """Whether a rule made this part a new sentence (a heading left whole gets no full stop)."""
    return any(rule.startswith("split-") or rule == clutter.RULE for rule in part.rules)


def _quote(text: str, limit: int = 60) -> str:
    return f'"{text if len(text) <= limit else text[: limit - 3] + "..."}"'
