"""Everyday words: formal or rare words and phrases become common ones, in the
right form for the sentence ("necessitates" -> "needs", "in order to" -> "to").

Words are looked up by dictionary form and word class in the plain-words
lexicon, so "present" the verb and "present" the noun can differ. Names and
words inside names are never touched.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .data import PlainWord, WordLists
from .words import NAME_TAGS, Part, Word, coarse, inflect, lemma

RULE = "everyday-words"
_VOWEL_SOUND = "aeiou"


def _form(entry: PlainWord, word: Word) -> list[str] | None:
    """The plain words, with the word that carries the grammar put in the form `word` has.

    None when the plain words cannot take that form ("carrying outs").
    """
    words = entry.plain.split()
    tag = _finite(word)
    if entry.pos == "VERB":
        if tag == "VBG" and words[0] == "be" and len(words) > 1:
            return words[1:]  # "a base consisting of" -> "a base made of", not "being made of"
        words[0] = _be(tag, word.token) if words[0] == "be" else inflect(words[0], tag)
        if (
            len(words) > 1
            and words[-1] in _OBJECT_PREPOSITIONS
            and entry.word.split()[-1] != words[-1]  # "consists of the island" keeps its object
            and _no_object(word.token)
        ):
            words.pop()  # "you cannot attend" -> "you cannot go", not "go to"
    elif entry.pos in ("NOUN", "ADJ", "ADV") and len(words) == 1:
        words[0] = inflect(words[0], tag)
    elif entry.pos == "NOUN" and tag == "NNS":
        if words[-1] in _PARTICLES:
            return None
        words[-1] = inflect(words[-1], "NNS")
    return words


def _finite(word: Word) -> str:
    """The word's tag, with a past participle that has its own subject and no helping verb
    taken as the past tense it is ("the team observed the stars")."""
    token = word.token
    if (
        word.tag == "VBN"
        and token is not None
        and any(c.dep_ == "nsubj" for c in token.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    ):
        return "VBD"
    return word.tag


_PARTICLES = frozenset("up out off down back on in over away along".split())
_OBJECT_PREPOSITIONS = frozenset("to with at about for of into against towards by".split())
"""Last words of a replacement that need an object after them ("go to", "go with")."""


def _no_object(token: Token | None) -> bool:
    """Whether a verb stands with no object, before or after it, that a preposition could take."""
    if token is None or any(c.dep_ in ("dobj", "obj") for c in token.children):
        return False
    if any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in token.children):
        return False  # "attend and support the meeting": the object is shared
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return False  # "the meeting we want to attend": the object is the noun before
        node = node.head
    return True
_PLURAL_PRONOUNS = frozenset("we they you these those".split())


def _be(tag: str, token: Token | None) -> str:
    """ "be" agreeing with the subject of the verb it replaces ("they differ" -> "they are different")."""
    if tag == "VB" and token is not None and not any(c.dep_ == "aux" for c in token.children):
        tag = "VBP"  # a present verb tagged as a bare one: "the parts comprise ..."
    if tag not in ("VBP", "VBD"):
        return inflect("be", tag)
    subject = _subject_of(token)
    if tag == "VBP":
        return "am" if subject is not None and subject.lower_ == "i" else "are"
    plural = subject is not None and (
        subject.tag_ in ("NNS", "NNPS")
        or subject.lower_ in _PLURAL_PRONOUNS
        or any(c.dep_ == "conj" for c in subject.children)
    )
    return "were" if plural else "was"


def _subject_of(token: Token | None) -> Token | None:
    """The subject a verb agrees with: its own, a shared one, or the noun a relative clause is about."""
    while token is not None:
        found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            subject = found[0]
            if subject.lower_ in ("which", "who", "that") and token.dep_ == "relcl":
                return token.head
            return subject
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ != "conj" or token.head is token:
            return None
        token = token.head
    return None


def _is_name(word: Word, first: bool) -> bool:
    if word.tag in NAME_TAGS:
        return True
    token = word.token
    if token is not None and (
        (token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_)
        or (
            not token.whitespace_
            and token.i + 1 < len(token.doc)
            and token.nbor(1).text == "-"
        )
    ):
        return True  # part of a hyphenated word such as "co-operate" or "previously-used"
    return not first and word.text[:1].isupper()


def _match_phrase(words: list[Word], start: int, lists: WordLists) -> tuple[PlainWord, int] | None:
    first = words[start]
    if first.text.lower() not in lists.phrase_starts and (
        not first.tag.startswith("VB") or lemma(first.text, first.tag) not in lists.phrase_starts
    ):
        return None
    longest = min(lists.longest_phrase, len(words) - start)
    for size in range(longest, 0, -1):
        window = words[start : start + size]
        parsed = [w.token or w.source for w in window]  # copies of parsed words count too
        if any(t is None or t.is_punct for t in parsed):
            continue
        key = tuple(w.text.lower() for w in window)
        entry = lists.phrases.get(key)
        if entry is None and window[0].tag.startswith("VB"):
            entry = lists.phrases.get((lemma(window[0].text, window[0].tag), *key[1:]))
            if entry is not None and entry.pos != "VERB":
                entry = None
        if entry is not None:
            return entry, size
    return None


_PREPOSITIONS = frozenset("with to for of about on at into in against towards by".split())


def _fits(entry: PlainWord, word: Word, previous: Word | None) -> bool:
    """Whether the everyday words read well where the formal word stands."""
    plain = entry.plain.split()
    token = word.token
    if entry.pos in ("ADJ", "ADV") and word.tag in ("JJR", "JJS", "RBR", "RBS"):
        return len(plain) == 1
    if token is None:
        return True
    if token.dep_ == "amod" and (entry.pos == "VERB" or (entry.pos == "ADJ" and len(plain) > 1)):
        # "an eligible family" cannot become "an able to get family", nor "the distributed
        # files" "the given out files"; a verb's participle used as an adjective often means
        # something else ("an expanded menu" is not "a grown menu")
        return False
    if entry.pos == "ADV" and len(plain) > 1 and token.head.i == token.i + 1:
        # "a lot bigger" and "at first offered" read well; "again and again refused",
        # "a bit eased" and "every year reviewed" do not
        return not token.head.tag_.startswith("VB") or plain[0] in ("at", "in", "on", "for")
    if entry.pos == "VERB" and (
        token.dep_ in ("nsubj", "nsubjpass", "dobj", "compound")
        or (
            word.tag in ("VBZ", "VBP")
            and previous is not None
            and (previous.tag in ("PRP$", "JJ") or previous.text.lower() in ("the", "a", "an"))
        )
    ):
        return False  # a noun read as a verb: "the remains", "skeletal remains" do not "stay"
    if entry.pos == "NOUN" and len(plain) > 1 and token.dep_ == "compound":
        return False  # "leisure centre" is not a "free time centre"
    if entry.pos == "VERB" and word.tag == "VBN" and len(plain) > 1:
        if plain[-1] in _PREPOSITIONS or plain[0] == "be":
            # "was accompanied by" cannot become "was gone with by", nor "as opposed to"
            # "as been against to"; after "have" the phrase reads: "has gone with", "had been against".
            return any(c.dep_ == "aux" and c.lower_ in _HAVE for c in token.children)
    if entry.plain == "so":
        return previous is None or previous.text in (",", ";", "and")
    return True


_HAVE = frozenset({"have", "has", "had", "having", "'ve", "'d"})


def _key(word: Word) -> tuple[str, str]:
    """The word's dictionary form and word class, as the lexicon lists them.

    An "-ing" word heading a phrase is a preposition ("following the war" -> "after the war"),
    not the verb ("following the car").
    """
    token = word.token
    if word.tag == "VBG" and token is not None and token.dep_ == "prep":
        return word.text.lower(), "ADP"
    return lemma(word.text, word.tag), coarse(word.tag)


def replace_words(part: Part, lists: WordLists) -> None:
    """Replace formal words and phrases in a part with their everyday ones."""
    out: list[Word] = []
    words = part.words
    index = 0
    changed = False
    first = True  # no word of the sentence yet: a capital letter is not a name's
    while index < len(words):
        word = words[index]
        if out and first:
            first = not any(w.text.strip(",;:()\"'") for w in out)
        found = _match_phrase(words, index, lists)
        if found is not None and not any(
            _is_name(w, first) for w in words[index + 1 : index + found[1]]
        ):
            phrase, size = found
            replacement = _form(phrase, words[index]) if phrase.pos == "VERB" else phrase.plain.split()
            if replacement is None:
                out.append(word)
                index += 1
                continue
            out.extend(_words(replacement, word, words[index + size - 1].space))
            index += size
            changed = True
            continue
        entry = None
        if word.tag and not _is_name(word, first):  # parsed, or a copy of a parsed word
            entry = lists.plain_words.get(_key(word))
        previous = out[-1] if out else None
        form = _form(entry, word) if entry is not None and _fits(entry, word, previous) else None
        if form is not None:
            out.extend(_words(form, word, word.space))
            changed = True
        else:
            out.append(word)
        index += 1
    if changed:
        _fix_articles(out)
        part.words = out
        part.changed(RULE)


def _words(texts: list[str], original: Word, space: str) -> list[Word]:
    made = [Word(text, " ", None, original.tag) for text in texts]
    if not made:
        return []
    if original.text[:1].isupper():
        made[0].text = made[0].text[:1].upper() + made[0].text[1:]
    made[-1].space = space or " "
    return made


def _fix_articles(words: list[Word]) -> None:
    """ "a"/"an" before a word that a replacement changed."""
    for before, after in zip(words, words[1:]):
        if before.text.lower() in ("a", "an") and after.token is None and after.text:
            wanted = "an" if after.text[0].lower() in _VOWEL_SOUND else "a"
            if before.text[0].isupper():
                wanted = wanted.capitalize()
            before.text = wanted


_UNREAL_MARKS = frozenset("if unless though".split())
"""Words that make "had been" unreal ("if he had been there"): "was" would change the meaning."""


def simpler_tenses(part: Part) -> None:
    """ "had been" -> "was"/"were", "had moved" -> "moved": the plain past tells a reader what
    happened just as well.

    Left alone: a condition or wish ("if he had been there", "she wished she had gone"),
    a question or inversion ("had he been"), "had not moved" (which would need "did"), and
    "had been to Paris" (a visit)."""
    words = part.words
    out: list[Word] = []
    changed = False
    index = 0
    while index < len(words):
        found = _past_perfect(words, index)
        if found is None:
            out.append(words[index])
            index += 1
            continue
        had, position = found
        verb = words[position]
        between = words[index + 1 : position]
        if verb.text.lower() == "been":  # "had not been" -> "was not"
            out.append(Word(_be("VBD", had.head), words[index].space))
            out.extend(between)
        else:  # "had already moved" -> "already moved"
            out.extend(between)
            # "signalled" is its own past tense; only "given" -> "gave" needs a new form
            if not verb.text.endswith("ed"):
                verb = replace(verb, text=inflect(lemma(verb.text, "VBN"), "VBD"))
            out.append(verb)
        index = position + 1
        changed = True
    if changed:
        part.words = out
        part.changed(RULE)


def _past_perfect(words: list[Word], index: int) -> tuple[Token, int] | None:
    """The "had" and the place of the verb of a "had (already) been" or "had moved" that may
    become the plain past, or None."""
    had = _parsed(words[index])
    if had is None or had.lower_ != "had" or had.dep_ != "aux":
        return None
    after = index + 1
    while after < len(words) and _dep(words[after]) in ("advmod", "neg"):
        after += 1
    verb = _parsed(words[after]) if after < len(words) else None
    head = had.head
    if verb is None or verb.tag_ != "VBN":
        return None
    if verb.lower_ == "been":
        if verb.i != head.i and not (verb.dep_ in ("aux", "auxpass") and verb.head.i == head.i):
            return None
        if verb.i == head.i and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            return None  # "had been to Paris": a visit, not "was to Paris"
    elif verb.i != head.i or any(c.dep_ == "neg" for c in head.children):
        return None
    subject = _subject_of(head)
    if subject is None or subject.i > had.i:
        return None
    for node in (head, *head.ancestors):
        if node.lower_ in ("wish", "wished", "wishes"):
            return None
        if any(c.dep_ == "mark" and c.lower_ in _UNREAL_MARKS for c in node.children):
            return None
    return had, after


def _dep(word: Word) -> str:
    token = _parsed(word)
    return token.dep_ if token is not None else ""


def _parsed(word: Word) -> Token | None:
    """The token behind a word, or behind the word a split copied (a shared "had been")."""
    return word.token or word.source
