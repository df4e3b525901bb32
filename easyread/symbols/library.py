"""The active symbol sets, the vocabulary and the user's overrides; matching a word to a picture.

For one word or phrase, the candidates are tried in this order; the first
whose score reaches the threshold wins (deterministic: same input, same picture):

1. the user's overrides (score 1.0, or "no picture");
2. the user's own sets, in the order given, by label or keyword (0.95 / 0.85);
3. the curated vocabulary: a phrase or a lemma with its part of speech, the
   sense chosen by cue words in the sentence (1.0), by an earlier sentence of
   the same document (0.95), or the default sense of a word with several (0.9);
4. the vocabulary's synonyms (0.9 times the above);
5. the same word under another part of speech, when it has one picture (0.55:
   below the threshold, since "the show" is not "to show"; ``symbols search`` lists it);
6. the default set's CLDR names (0.7 for a noun's exact name); their aliases
   (GitHub short codes such as "notes" for musical notes) score 0.55, below
   the threshold, so they are only shown by ``symbols search``.

A word the vocabulary knows but cannot picture here (an ambiguous word with no
cue, or a sense marked "no picture") stops the search before step 6: the
look-alike CLDR name is exactly the wrong picture a person would not choose.
A user's picture named after an ambiguous word is only used for the word's
first, everyday sense (a file called ``chair.png`` shows a chair, not the
person who chairs a meeting).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..model import Symbol
from ..options import SymbolOptions
from . import folder, openmoji
from . import overrides as overrides_file
from .images import BadImage, prepare
from .keys import key
from .overrides import Override
from .sets import ALIAS, NAME, Entry, SymbolSet
from .vocabulary import Sense, Vocabulary

SCORES = {
    "override": 1.0,
    "set-label": 0.95,
    "set-keyword": 0.85,
    "set-concept": 0.9,
    "sense": 1.0,
    "vocabulary": 1.0,
    "memory": 0.95,
    "default-sense": 0.9,
    "synonym": 0.9,
    "other-pos": 0.55,
    "cldr-name": 0.7,
    "cldr-alias": 0.55,
    "cldr-name-not-noun": 0.5,
    "cldr-word": 0.3,
    "ambiguous": 0.5,
}
"""How sure each kind of match is; `SymbolOptions.min_score` (0.6) is the threshold."""

_NOUNISH = (None, "NOUN", "PROPN")


@dataclass(frozen=True, slots=True)
class Cues:
    """What a sentence says around a word, for telling its senses apart."""

    words: frozenset[str] = frozenset()
    """Lookup keys of the sentence's words and lemmas."""
    before: str = ""
    """Key of the lemma just before the word."""
    after: str = ""
    """Key of the lemma just after the word."""
    number_before: bool = False
    """True when a number comes just before the word ("20 minutes")."""

    def count(self, cues: tuple[str, ...]) -> int:
        """How many of a sense's cues this context shows."""
        hits = 0
        for cue in cues:
            if cue == "#num":
                hits += self.number_before
            elif cue[0] == "<":
                hits += cue[1:] == self.before
            elif cue[0] == ">":
                hits += cue[1:] == self.after
            else:
                hits += cue in self.words
        return hits


@dataclass(slots=True)
class Memory:
    """What one document has decided so far, so a concept keeps its sense and its picture."""

    senses: dict[str, Sense] = field(default_factory=dict)
    """Sense chosen by cues, by word key and part of speech."""
    pictures: dict[str, Symbol] = field(default_factory=dict)
    """Picture given to each concept."""


@dataclass(slots=True)
class Found:
    """A candidate picture for a word or phrase, with how it was found."""

    symbol: Symbol | None
    """The picture; None when the answer is "no picture"."""
    score: float
    """How sure the match is, 0 to 1."""
    how: str
    """Which rule found it (a key of `SCORES`, ``override-none`` or ``no-picture``)."""
    concept: str = ""
    """The concept it stands for, for per-document consistency."""
    low: bool = False
    """True for a word that rarely carries a sentence's idea."""
    note: str = ""
    """The vocabulary's sense note, when a sense was chosen."""
    person: bool = False
    """True for a word for people, which gives way as a subject to what they do."""
    action: bool = False
    """True for a verb whose picture is the idea even when it has an object ("phone")."""
    frame: bool = False
    """True for a general noun whose modifier says more than its picture ("advice centres")."""


@dataclass(slots=True)
class _Resolved:
    sense: Sense | None
    how: str
    blocked: bool = False


class Library:
    """Everything needed to choose pictures: sets in priority order, vocabulary, overrides."""

    def __init__(
        self,
        sets: list[SymbolSet],
        vocabulary: Vocabulary,
        overrides: dict[str, Override] | None = None,
        min_score: float = 0.6,
        problems: list[str] | None = None,
    ) -> None:
        self.sets = sets
        self.vocabulary = vocabulary
        self.overrides = dict(overrides or {})
        self.min_score = min_score
        self.problems: list[str] = list(problems or [])
        self.default = next((s for s in sets if s.default), None)
        self.user_sets = [s for s in sets if not s.default]
        self._pictures: dict[str, str | None] = {}
        self._phrases: frozenset[str] | None = None
        self._lemmas = lru_cache(maxsize=65536)(_lemmas)
        for word, override in list(self.overrides.items()):
            if override.target and self._reference(override.target) is None:
                self.problems.append(
                    f"{Path(override.source).name}: {override.word}: "
                    f"no symbol {override.target!r} in the active sets"
                )
                del self.overrides[word]  # a broken line must not hide the word's usual picture
        self.loaded = len(self.problems)
        """How many of `problems` were found while loading (they concern every document)."""

    @classmethod
    def from_options(cls, options: SymbolOptions) -> Library:
        """Load the sets, vocabulary and overrides the options name (user sets first)."""
        taken = {openmoji.SET_ID}
        sets = [folder.load(path, taken) for path in options.sets]
        if options.default_set:
            sets.append(openmoji.load())
        overrides, problems = overrides_file.load(_as_tuple(options.overrides))
        for symbol_set in sets:
            problems += [f"{symbol_set.name}: {problem}" for problem in symbol_set.problems]
        return cls(sets, Vocabulary.load(), overrides, options.min_score, problems)

    # --- looking up ---------------------------------------------------------------

    def phrases(self) -> frozenset[str]:
        """Every phrase of two or more words any source knows (for finding them in sentences)."""
        if self._phrases is None:
            found = {k for k in self.vocabulary.terms() if " " in k}
            found |= {k for k in self.overrides if " " in k}
            for symbol_set in self.user_sets:
                for entry in symbol_set.entries.values():
                    found |= {key(w) for w in (entry.label, *entry.keywords) if " " in key(w)}
            self._phrases = frozenset(found)
        return self._phrases

    def match(
        self,
        forms: Iterable[str],
        pos: str | None = None,
        cues: Cues | None = None,
        memory: Memory | None = None,
        query: str = "",
        exact: bool = False,
    ) -> Found | None:
        """The picture for a word or phrase (tried in each of its `forms`), or None.

        Returns a `Found` whose symbol is None when the answer is "no picture"
        (an override saying so, or a vocabulary sense with no picture). With
        `exact` (for names), only the user's overrides and own pictures count.
        """
        forms = list(dict.fromkeys(f for f in (key(f) for f in forms) if f))
        if exact:
            found_names = self._candidates(
                forms, None, None, memory, query, everything=False, names=True
            )
            return next(
                (f for f in found_names if f.symbol is None or f.score >= self.min_score), None
            )
        for found in self._candidates(forms, pos, cues, memory, query, everything=False):
            if found.symbol is None or found.score >= self.min_score:
                if memory is not None and found.symbol is not None and found.concept:
                    first = memory.pictures.setdefault(found.concept, found.symbol)
                    found.symbol = replace(first, query=found.symbol.query)
                return found
        return None

    def candidates(self, word: str, pos: str | None = None) -> list[Found]:
        """Every picture a word could get, with its score, best first (for ``symbols search``).

        Each vocabulary sense is listed with the cue words that select it; CLDR
        names of a word the vocabulary knows are listed but never used.
        """
        word_key = key(word)
        forms = list(dict.fromkeys([word_key, *self._lemmas(word_key)]))
        found = [
            self._from_override(self.overrides[f], f, word) for f in forms if f in self.overrides
        ]
        for symbol_set in self.user_sets:
            for form in forms:
                for entry, how in symbol_set.lookup(form):
                    path = self.picture(symbol_set, entry)
                    rule = {NAME: "set-label", ALIAS: "set-keyword"}.get(how, "cldr-word")
                    if path is not None:
                        mine = Symbol(
                            entry.id, symbol_set.id, entry.label or form, path, SCORES[rule], word
                        )
                        found.append(Found(mine, mine.score, rule, f"{symbol_set.id}:{entry.id}"))
        known = False
        for form in forms:
            senses = [(s, "") for s in self.vocabulary.senses.get(form, [])]
            senses += [(s, f"same as {s.term}: ") for s in self.vocabulary.synonyms.get(form, [])]
            for sense, prefix in senses:
                if pos and sense.pos and sense.pos != pos:
                    continue
                known = True
                rule = "synonym" if prefix else ("sense" if sense.cues else "vocabulary")
                note = (
                    prefix + sense.note + (f" [cues: {' '.join(sense.cues)}]" if sense.cues else "")
                )
                symbol: Symbol | None = None
                if sense.symbol:
                    symbol = self._default_symbol(sense.symbol, _label(sense), word, SCORES[rule])
                found.append(
                    Found(
                        symbol,
                        symbol.score if symbol else 0.0,
                        rule if symbol else "no-picture",
                        sense.concept,
                        sense.low,
                        note,
                    )
                )
        for candidate in self._from_cldr(forms, pos, word, everything=True):
            if known:
                candidate.note = "not used: the vocabulary knows this word"
            found.append(candidate)
        order = {id(f): n for n, f in enumerate(found)}
        return sorted(found, key=lambda f: (-f.score, order[id(f)]))

    def lookup(self, word: str, pos: str | None = None) -> Symbol | None:
        """The picture for a word out of context; inflected forms work ("buses" finds "bus")."""
        word_key = key(word)
        if len(word) > 1 and word.isalpha() and word.isupper():
            found = self.match(["^" + word_key], pos, query=word)
            return found.symbol if found else None
        found = self.match([word_key], pos, query=word)
        if found is None:
            head, _, last = word_key.rpartition(" ")
            lemmas = [f"{head} {lemma}".strip() for lemma in self._lemmas(last) if lemma != last]
            found = self.match(lemmas, pos, query=word) if lemmas else None
        return found.symbol if found else None

    def symbol_for(self, reference: str, label: str = "", query: str = "") -> Symbol | None:
        """A Symbol for an id in an active set (``1F68C`` or ``set:id``), or None."""
        found = self._reference(reference)
        if found is None:
            return None
        symbol_set, entry = found
        path = self.picture(symbol_set, entry)
        if path is None:
            return None
        return Symbol(
            entry.id,
            symbol_set.id,
            label or symbol_set.label(entry.id) or query,
            path,
            1.0,
            query,
            entry.decorative,
        )

    def picture(self, symbol_set: SymbolSet, entry: Entry) -> str | None:
        """The image file to use for an entry: checked (and shrunk) once for a user's set."""
        if symbol_set.default:
            return entry.path
        if entry.path not in self._pictures:
            try:
                self._pictures[entry.path] = str(prepare(Path(entry.path)))
            except (BadImage, OSError) as error:
                self._pictures[entry.path] = None
                self.problems.append(f"{symbol_set.name}: {error}")
        return self._pictures[entry.path]

    # --- the matching rules ---------------------------------------------------------

    def _candidates(
        self,
        forms: list[str],
        pos: str | None,
        cues: Cues | None,
        memory: Memory | None,
        query: str,
        *,
        everything: bool,
        names: bool = False,
    ) -> Iterable[Found]:
        query = query or (forms[0] if forms else "")
        for form in forms:
            override = self.overrides.get(form.lstrip("^"))
            if override is not None:
                yield self._from_override(override, form, query)
                if not everything:
                    return
        if names:
            yield from self._from_user_sets(forms, None, None, query)
            return
        resolved = self._resolve(forms, pos, cues, memory)
        yield from self._from_user_sets(forms, pos, resolved, query)
        # CLDR names are never acronyms
        forms = [form for form in forms if not form.startswith("^")]
        if resolved is not None and resolved.sense is not None:
            sense = resolved.sense
            if not sense.symbol:
                yield Found(None, 0.0, "no-picture", sense.concept, sense.low, sense.note)
                if not everything:
                    return
            else:
                label = query if resolved.how == "synonym" and query else _label(sense)
                symbol = self._default_symbol(sense.symbol, label, query, SCORES[resolved.how])
                if symbol is not None:
                    yield Found(
                        symbol,
                        symbol.score,
                        resolved.how,
                        sense.concept,
                        sense.low,
                        sense.note,
                        sense.person,
                        sense.action,
                        sense.frame,
                    )
        if resolved is not None and resolved.blocked and not everything:
            return
        if resolved is None or everything:
            yield from self._from_cldr(forms, pos, query, everything)

    def _resolve(
        self, forms: list[str], pos: str | None, cues: Cues | None, memory: Memory | None
    ) -> _Resolved | None:
        vocabulary = self.vocabulary
        for form in forms:
            if form in vocabulary.senses:
                resolved = _choose(vocabulary.senses[form], form, pos, cues, memory)
                if resolved is not None:
                    return resolved
        for form in forms:
            if form in vocabulary.synonyms:
                resolved = _choose(vocabulary.synonyms[form], form, pos, None, None, synonym=True)
                if resolved is not None:
                    if resolved.sense is not None:
                        resolved.how = "synonym"
                    return resolved
        for form in forms:
            senses = vocabulary.senses.get(form)
            if senses and pos is not None:
                pictures = {s.symbol for s in senses}
                if len(pictures) == 1 and not any(s.cues for s in senses):
                    return _Resolved(senses[0], "other-pos")
                return _Resolved(None, "ambiguous", blocked=True)
        return None

    def _from_override(self, override: Override, form: str, query: str) -> Found:
        label = override.label or override.word
        concept = f"override:{form}"
        if override.none:
            return Found(None, 0.0, "override-none", concept)
        if override.path is not None:
            path = self._user_picture(override.path)
            if path is None:
                return Found(None, 0.0, "override-none", concept)
            score = SCORES["override"]
            picture = Symbol(override.path.name, "overrides", label, path, score, query)
            return Found(picture, picture.score, "override", concept)
        symbol = self.symbol_for(override.target, label, query)
        if symbol is None:
            return Found(None, 0.0, "override-none", concept)
        return Found(symbol, SCORES["override"], "override", concept)

    def _user_picture(self, path: Path) -> str | None:
        name = str(path)
        if name not in self._pictures:
            try:
                self._pictures[name] = str(prepare(path))
            except (BadImage, OSError) as error:
                self._pictures[name] = None
                self.problems.append(f"symbol overrides: {error}")
        return self._pictures[name]

    def _from_user_sets(
        self, forms: list[str], pos: str | None, resolved: _Resolved | None, query: str
    ) -> Iterable[Found]:
        if not self.user_sets:
            return
        sense = resolved.sense if resolved else None
        acronyms = {form[1:] for form in forms if form.startswith("^")}
        forms = [form.lstrip("^") for form in forms]
        words = list(forms)
        if sense is not None and sense.key not in words and not sense.key.startswith("@"):
            words.append(sense.key)
        for symbol_set in self.user_sets:
            for word in words:
                for entry, how in symbol_set.lookup(word):
                    if how not in (NAME, ALIAS) or (entry.pos and pos and entry.pos != pos):
                        continue
                    if word in acronyms and not entry.label.isupper():
                        continue  # "SEND" is not a picture named send_,_to.svg
                    rule = (
                        "set-concept"
                        if word not in forms
                        else ("set-label" if how == NAME else "set-keyword")
                    )
                    if resolved is not None and not self._fits(entry, resolved, word):
                        rule = "ambiguous"
                    path = self.picture(symbol_set, entry)
                    if path is None:
                        continue
                    symbol = Symbol(
                        entry.id,
                        symbol_set.id,
                        entry.label or word,
                        path,
                        SCORES[rule],
                        query,
                        entry.decorative,
                    )
                    fitting = sense is not None and rule != "ambiguous"
                    concept = sense.concept if sense and fitting else f"{symbol_set.id}:{entry.id}"
                    person = bool(sense and fitting and sense.person)
                    action = bool(sense and fitting and sense.action)
                    frame = bool(sense and fitting and sense.frame)
                    yield Found(
                        symbol,
                        symbol.score,
                        rule,
                        concept,
                        person=person,
                        action=action,
                        frame=frame,
                    )

    def _fits(self, entry: Entry, resolved: _Resolved, word: str) -> bool:
        """Whether a user's picture named `word` can stand for the sense the vocabulary chose."""
        if resolved.sense is None:
            return False
        if entry.pos and entry.pos == resolved.sense.pos:
            return True
        senses = self.vocabulary.senses.get(word) or self.vocabulary.senses.get(
            resolved.sense.key, []
        )
        return not senses or senses[0] is resolved.sense or len({s.symbol for s in senses}) == 1

    def _from_cldr(
        self, forms: list[str], pos: str | None, query: str, everything: bool
    ) -> Iterable[Found]:
        if self.default is None:
            return
        for form in forms:
            for entry, how in self.default.lookup(form):
                if how == NAME:
                    rule = "cldr-name" if pos in _NOUNISH else "cldr-name-not-noun"
                elif how == ALIAS:
                    rule = "cldr-alias" if pos in _NOUNISH else "cldr-name-not-noun"
                elif everything:
                    rule = "cldr-word"
                else:
                    continue
                label = self.default.label(entry.id)
                symbol = Symbol(entry.id, self.default.id, label, entry.path, SCORES[rule], query)
                yield Found(symbol, symbol.score, rule, f"{self.default.id}:{entry.id}")

    def _default_symbol(
        self, symbol_id: str, label: str, query: str, score: float
    ) -> Symbol | None:
        if self.default is None:
            return None
        entry = self.default.find(symbol_id)
        if entry is None:
            return None
        return Symbol(entry.id, self.default.id, label, entry.path, score, query)

    def _reference(self, reference: str) -> tuple[SymbolSet, Entry] | None:
        set_id, _, entry_id = reference.rpartition(":") if ":" in reference else ("", "", reference)
        for symbol_set in self.sets:
            if set_id and symbol_set.id != set_id:
                continue
            entry = symbol_set.find(entry_id.strip())
            if entry is not None:
                return symbol_set, entry
        return None


def _choose(
    senses: list[Sense],
    form: str,
    pos: str | None,
    cues: Cues | None,
    memory: Memory | None,
    *,
    synonym: bool = False,
) -> _Resolved | None:
    """The sense of a word this context means, or "blocked" when it cannot tell.

    A synonym names one sense outright, so the sense's cues do not apply to it.
    """
    if " " in form:
        pos = None  # a phrase names its concept whatever the tagger calls its head
    fitting = [s for s in senses if not s.pos or pos is None or s.pos == pos]
    if not fitting:
        return None
    if synonym or (len(fitting) == 1 and not fitting[0].cues):
        return _Resolved(fitting[0], "vocabulary")
    remember = f"{form}/{pos}"
    if cues is not None:
        best, hits = None, 0
        for sense in fitting:
            count = cues.count(sense.cues) if sense.cues else 0
            if count > hits:
                best, hits = sense, count
        if best is not None:
            if memory is not None:
                memory.senses[remember] = best
            return _Resolved(best, "sense")
    if memory is not None and remember in memory.senses:
        return _Resolved(memory.senses[remember], "memory")
    if pos is None and fitting[0].cues:
        # out of context, only the everyday sense will do
        return _Resolved(None, "ambiguous", blocked=True)
    defaults = [s for s in fitting if not s.cues]
    if defaults:
        pictures = {s.symbol for s in fitting}
        return _Resolved(defaults[0], "default-sense" if len(pictures) > 1 else "vocabulary")
    return _Resolved(None, "ambiguous", blocked=True)


def _label(sense: Sense) -> str:
    return sense.note if sense.term.startswith("@") else sense.term


def _lemmas(word: str) -> tuple[str, ...]:
    """Dictionary forms of an inflected word, for lookups without a parse ("children": "child")."""
    if " " in word or not word.isalpha():
        return ()
    import lemminflect

    found: list[str] = []
    for upos in ("NOUN", "VERB", "ADJ"):
        found += lemminflect.getLemma(word, upos=upos, lemmatize_oov=True)
    return tuple(dict.fromkeys(found))


def _as_tuple(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)
