"""Split long sentences into short ones, on the dependency parse.

Each function looks at one part (a sentence being rewritten) and returns the
new parts, or None when its pattern is not there or cannot be split safely.
A split never drops a word that carries meaning: it only removes the commas,
"and" and relative pronouns that joined the pieces, and adds the words that
make each piece a sentence ("This is because", the repeated noun).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from .pronouns import agrees as _agrees
from .words import (
    ADV_TAGS,
    NAME_TAGS,
    NOUN_TAGS,
    SUBJECTS,
    VERB_TAGS,
    Part,
    Word,
    copies,
    inflect,
    inserted,
    lemma,
    lower_first,
    noun_phrase,
    subtree,
    upper_first,
    word_count,
)

MIN_WORDS = 3
"""A split is made only when every new sentence has at least this many words."""

Splitter = Callable[[Part], list[Part] | None]

_END = frozenset(".!?")
_CONNECTIVES = {"and": "", "but": "But", "yet": "But", "so": "So", "or": "Or"}
_DEGREE = frozenset("mostly partly mainly largely simply just only probably perhaps".split())
"""Words that may stand before "because" and stay with it."""
_ABOUT_CLAUSE = frozenset("mean make allow lead result cause show help let enable give".split())
"""Verbs after ", which" that usually speak of the whole clause before: "This means ..."."""
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _balanced(words: list[Word]) -> bool:
    depth = 0
    for word in words:
        depth += (
            word.text.count("(")
            + word.text.count("[")
            - word.text.count(")")
            - word.text.count("]")
        )
        if depth < 0:
            return False
    return depth == 0 and sum(w.text.count('"') for w in words) % 2 == 0


def _parts(
    old: Part, rule: str, *pieces: list[Word], antecedent: Token | None = None
) -> list[Part] | None:
    if any(word_count(p) < MIN_WORDS or not _balanced(p) for p in pieces):
        return None
    made = [Part(list(p), [*old.rules, rule]) for p in pieces]
    for part in made[1:]:
        part.antecedent = antecedent
    made[0].antecedent = old.antecedent
    return made


def _select(part: Part, chosen: Callable[[int], bool]) -> list[Word]:
    """Parsed words that are chosen, with the inserted words that sit among them.

    An inserted word ("common" for "not uncommon") goes with the parsed word
    before it, or with the one after it when it opens the part or follows
    punctuation ("..., please complete").
    """
    words = part.words
    picked: list[Word] = []
    for index, word in enumerate(words):
        if word.token is not None:
            if chosen(word.token.i):
                picked.append(word)
            continue
        before = next((w for w in reversed(words[:index]) if w.token is not None), None)
        after = next((w for w in words[index + 1 :] if w.token is not None), None)
        punct = before is not None and before.token is not None and before.token.is_punct
        anchor = after if before is None or (punct and after is not None) else before
        if anchor is None or (anchor.token is not None and chosen(anchor.token.i)):
            picked.append(word)
    return picked


def _without(part: Part, drop: set[int]) -> list[Word]:
    return _select(part, lambda i: i not in drop)


def _only(part: Part, keep: set[int]) -> list[Word]:
    return _select(part, lambda i: i in keep)


def _is_comma(token: Token, inside: set[int]) -> bool:
    return token.i in inside and token.text == ","


def _name_before(head: Token, comma: Token) -> list[Word]:
    """The words that say again what a name is: the whole name up to the comma ("The Friends
    of Mill Park"), or for a common noun "the" with its describing words."""
    if head.tag_ in NAME_TAGS and head.left_edge.i < comma.i and comma.i - head.left_edge.i <= 8:
        words = copies(list(head.doc[head.left_edge.i : comma.i]))
        if not any(w.text in "(),;" for w in words):
            return words
    return noun_phrase(head)


def _with_brackets(span: set[int], inside: set[int], doc_tokens: Token) -> set[int]:
    """A span grown to include the closing bracket of any bracket it opens."""
    doc = doc_tokens.doc
    grown = set(span)
    for index in sorted(span):
        if doc[index].text in ("(", "["):
            close = ")" if doc[index].text == "(" else "]"
            end = next((j for j in range(index + 1, len(doc)) if doc[j].text == close), None)
            if end is not None and end in inside:
                grown |= set(range(index, end + 1)) & inside
    return grown


def _subject(verb: Token) -> Token | None:
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    return found[0] if found else None


def _doc_token(token: Token, offset: int) -> Token | None:
    index = token.i + offset
    return token.doc[index] if 0 <= index < len(token.doc) else None


def relatives(part: Part) -> list[Part] | None:
    """ ", which sets out ..." / ", who ..." become a sentence of their own, the noun repeated."""
    inside = part.tokens()
    for word in part.words:
        verb = word.token
        if verb is None or verb.head.i not in inside:
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            made = _reduced_relative(part, verb, inside)
            if made:
                return made
            continue
        if verb.dep_ not in ("relcl", "advcl"):
            continue
        pronoun = verb.left_edge
        if (
            pronoun.lower_ == "where"
            and verb.dep_ == "relcl"
            and verb.head.tag_ in NOUN_TAGS | NAME_TAGS | {"CD"}
        ):
            made = _where(part, verb, inside)
            if made:
                return made
            continue
        if (
            pronoun.lower_ == "when"
            and verb.dep_ == "relcl"
            and verb.tag_ == "VBD"
            and (verb.head.tag_ == "CD" or verb.head.lower_ in _TIMES)
        ):
            made = _where(part, verb, inside)  # "in 1870, when he joined" -> "Then he joined"
            if made:
                return made
            continue
        before = _doc_token(pronoun, -1)
        if pronoun.lower_ not in ("which", "who") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if before is None or not _is_comma(before, inside):
            continue
        head = verb.head
        if verb.dep_ == "advcl" and pronoun.lower_ != "which":
            continue
        if pronoun.lower_ == "which" and (
            head.tag_ in VERB_TAGS
            or verb.dep_ == "advcl"
            or lemma(verb.text, verb.tag_) in _ABOUT_CLAUSE
        ):
            subject = [Word("this")]
        elif head.tag_ in NOUN_TAGS | NAME_TAGS and not _ends_a_noun_phrase(
            head, of=pronoun.lower_ == "who"
        ):  # "the resident of Vanity Fair, who ...": the resident, not Vanity Fair
            holder = _aside_holder(head, inside)  # ", with fine livery, which took him": the carriage
            if holder is None and _agrees_with(_finite_verb(verb), head):
                subject = _name_before(head, before)
            elif holder not in (None, head) and _agrees_with(_finite_verb(verb), holder):
                subject = noun_phrase(holder)
            else:
                continue  # "the form for short breaks, which is ...": "is" is about the form
        else:
            continue
        clause = _with_brackets(subtree(verb, inside), inside, verb)
        drop = clause | {before.i}
        after = _doc_token(verb.doc[max(clause)], 1)
        if after is not None and _is_comma(after, inside):
            drop.add(after.i)
        main = _without(part, drop)
        new = subject + [
            w for w in _only(part, clause) if w.token is None or w.token.i != pronoun.i
        ]
        return _parts(part, "split-relatives", main, new)
    return None


def _ends_a_noun_phrase(noun: Token, of: bool = False) -> bool:
    """ "a school for deaf students in Hartford, which later became ...": the clause may be about
    the school or about Hartford. A place that ends a phrase describing another noun is not a
    safe thing to repeat; with `of`, nor is the noun after "of" ("an asteroid of the M-type")."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and (prep.lower_ in _PLACE_PREPOSITIONS or (of and prep.lower_ == "of"))
        and prep.head.tag_ in NOUN_TAGS
    )


_PLACE_PREPOSITIONS = frozenset(
    "in at near to from into across around inside outside within towards toward".split()
)


_TIMES = frozenset(
    "year years day days time week month season century decade age period era morning evening night".split()
    + [m for m in _MONTHS_DAYS]
)
"""Nouns a ", when ..." clause can follow: the clause tells what happened at that time."""

_STATE_PARTICIPLES = frozenset(
    "located situated known called based named used made composed considered".split()
)


def _past(root: Token | None) -> bool:
    return root is not None and (
        root.tag_ == "VBD" or any(c.lower_ in ("had", "was", "were") for c in root.children)
    )


def _between_commas(
    span: set[int], inside: set[int], doc_token: Token
) -> tuple[Token, Token] | None:
    """The comma before a span and the comma or full stop after it, if both are there."""
    doc = doc_token.doc
    before = _doc_token(doc[min(span)], -1)
    after = _doc_token(doc[max(span)], 1)
    if before is None or after is None or not _is_comma(before, inside):
        return None
    if after.text in _END:
        return before, after
    if not _is_comma(after, inside):
        return None
    following = _doc_token(after, 1)
    if following is None or following.tag_ not in VERB_TAGS:
        return None  # more of a list follows, not the rest of the sentence
    return before, after


def _reduced_relative(part: Part, verb: Token, inside: set[int]) -> list[Part] | None:
    """ "The centre, opened in 2024, is ..." -> "The centre was opened in 2024. The centre is ..."."""
    head = verb.head
    if head.tag_ not in NOUN_TAGS | NAME_TAGS or verb.left_edge.i != verb.i:
        return None
    if head.dep_ == "pobj" and (head.head.lower_ == "by" or _ends_a_noun_phrase(head, of=True)):
        # "a novel by Brian Jacques, published in 1989": the novel was published; "an asteroid
        # of the M-type, discovered by ...": the asteroid was
        return None
    span = _with_brackets(subtree(verb, inside), inside, verb)
    commas = _between_commas(span, inside, verb)
    if commas is None or any(verb.doc[i].dep_ in SUBJECTS for i in span):
        return None
    before, after = commas
    drop = span | {before.i} | ({after.i} if after.text == "," else set())
    plural = head.tag_ in ("NNS", "NNPS")
    if verb.lower_ in _STATE_PARTICIPLES:
        be = "are" if plural else "is"
    else:
        be = "were" if plural else "was"
    new = _name_before(head, before) + [Word(be)] + _only(part, span)
    root = part.root()
    if root is not None and head.i < root.i:
        upper_first(new)
        return _parts(part, "split-relatives", new, _without(part, drop))
    return _parts(part, "split-relatives", _without(part, drop), new)


def _where(part: Part, verb: Token, inside: set[int]) -> list[Part] | None:
    """ "He moved to Leeds, where he studied art." -> "He moved to Leeds. There, he studied art.";
    "He stayed until 1870, when he joined the army." -> "... until 1870. Then he joined the army."."""
    where = verb.left_edge
    opening = "There," if where.lower_ == "where" else "Then"
    before = _doc_token(where, -1)
    if before is None or not _is_comma(before, inside) or _subject(verb) is None:
        return None
    clause = _with_brackets(subtree(verb, inside), inside, verb)
    if any(i > max(clause) and not verb.doc[i].is_punct for i in inside):
        return None  # the clause sits inside the sentence: moving it out would break the rest
    new = [w for w in _only(part, clause) if w.token is None or w.token.i != where.i]
    lower_first(new)
    main = _without(part, clause | {before.i})
    root = Part(main, []).root()
    return _parts(
        part,
        "split-relatives",
        main,
        inserted(opening) + new,
        # after "Then" the story of the subject goes on; after "There," "it" may be anything
        antecedent=_subject(root) if root is not None and opening == "Then" else None,
    )


_DROPPED_LEADS = frozenset({"thus", "thereby", "so"})
"""Words before a trailing participle that only say "and so": the new sentence does without them."""
_KEPT_LEADS = frozenset("first then later eventually finally soon initially".split())
"""Words before a trailing participle that say when: "..., first playing in Memphis" keeps "first"."""


def participles(part: Part) -> list[Part] | None:
    """ ", making the journey shorter" at the end -> "The council made the journey shorter."."""
    inside = part.tokens()
    root = part.root()
    if root is None or root.tag_ not in VERB_TAGS:
        return None
    subject = _subject(root)
    if (
        subject is None
        or subject.dep_ == "expl"
        or subject.lower_ in ("which", "who", "that", "what")
    ):
        return None
    for verb in root.children:
        if verb.dep_ not in ("advcl", "xcomp") or verb.tag_ != "VBG" or verb.i not in inside:
            continue
        if verb.left_edge.i not in (verb.i, verb.i - 1) or _subject(verb) is not None:
            continue
        lead = verb.doc[verb.left_edge.i] if verb.left_edge.i != verb.i else None
        if lead is not None and lead.lower_ not in _DROPPED_LEADS | _KEPT_LEADS:
            continue
        span = _with_brackets(subtree(verb, inside), inside, verb)
        before = _doc_token(verb.doc[min(span)], -1)
        if before is None or not _is_comma(before, inside) or verb.i < root.i:
            continue
        if any(i > max(span) and not verb.doc[i].is_punct for i in inside):
            continue
        helpers = [c for c in root.children if c.dep_ == "aux" and c.tag_ == "MD"]
        plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they", "you", "i")
        if helpers:
            tag, extra = "VB", copies(helpers[:1])
        elif _past(root):
            tag, extra = "VBD", []
        else:
            tag, extra = ("VBP" if plural else "VBZ"), []
        subject_words = (
            noun_phrase(subject)
            if len(list(subject.subtree)) > 4
            else copies(sorted(subject.subtree, key=lambda t: t.i))
        )
        lower_first(subject_words)
        rest = [
            w
            for w in _only(part, span)
            if w.token is None
            or w.token.i not in (verb.i,)
            and (lead is None or w.token.i != lead.i)
        ]
        kept = copies([lead]) if lead is not None and lead.lower_ in _KEPT_LEADS else []
        new = (
            subject_words
            + extra
            + kept
            + [Word(inflect(lemma(verb.text, "VBG"), tag), " ", None, tag)]
            + rest
        )
        return _parts(
            part, "split-adverbials", _without(part, span | {before.i}), new, antecedent=subject
        )
    return None


def appositives(part: Part) -> list[Part] | None:
    """ "Amira, chair of the forum, will ..." -> "Amira will ... Amira is chair of the forum"."""
    inside = part.tokens()
    root = part.root()
    for word in part.words:
        token = word.token
        if token is None or token.dep_ != "appos" or token.head.i not in inside:
            continue
        head = token.head
        if head.tag_ not in NOUN_TAGS | NAME_TAGS or token.tag_ == "CD":
            continue
        if head.tag_ in NAME_TAGS and token.tag_ in NAME_TAGS:
            continue  # "Riverside Youth Centre, Mill Lane": an address, not a description
        if head.lower_ in _MONTHS_DAYS or token.lower_ in _MONTHS_DAYS:
            continue
        if any(c.dep_ in ("conj", "cc", "nummod") for c in head.children):
            continue  # "He travelled 200 miles, an achievement": about the whole sentence
        span = _with_brackets(subtree(token, inside), inside, token)
        if any(token.doc[i].dep_ in ("conj", "cc") for i in span):
            continue
        if token.doc[min(span)].tag_ in ADV_TAGS | {"IN", "VBG", "TO"}:
            continue  # "especially the ...", "including ...": not a second name for the noun
        commas = _between_commas(span, inside, token)
        if commas is None:
            continue
        before, after = commas
        drop = span | {before.i} | ({after.i} if after.text == "," else set())
        past = _past(root)
        plural = head.tag_ in ("NNS", "NNPS")
        verb = ("were" if plural else "was") if past else ("are" if plural else "is")
        new = _name_before(head, before) + [Word(verb)] + _only(part, span)
        if root is not None and head.i < root.i:
            upper_first(new)  # said first: the reader meets the person before what they do
            return _parts(part, "split-appositives", new, _without(part, drop))
        return _parts(part, "split-appositives", _without(part, drop), new)
    return None


def _has_clause(tokens: list[Token]) -> bool:
    return any(t.tag_ in VERB_TAGS - {"MD"} for t in tokens) and any(
        t.dep_ in SUBJECTS for t in tokens
    )


def _semicolon(part: Part) -> list[Part] | None:
    """Split at a semicolon that has a whole clause on each side."""
    depth = 0
    for index, word in enumerate(part.words):
        depth += word.text.count("(") - word.text.count(")")
        if word.text != ";" or depth or word.token is None:
            continue
        first, second = part.words[:index], part.words[index + 1 :]
        if not all(
            _has_clause([w.token for w in side if w.token is not None]) for side in (first, second)
        ):
            continue
        lower_first(second)
        heads = [w.token for w in first if w.token is not None and w.token.dep_ in SUBJECTS]
        return _parts(part, "split-clauses", first, second, antecedent=heads[0] if heads else None)
    return None


def clauses(part: Part) -> list[Part] | None:
    """Main clauses joined by ", and", ", but" or ";" become separate sentences."""
    made = _semicolon(part)
    if made:
        return made
    inside = part.tokens()
    root = part.root()
    if root is None:
        return None
    for conj in root.children:
        if conj.dep_ not in ("conj", "parataxis") or conj.i not in inside:
            continue
        if conj.tag_ not in VERB_TAGS:
            continue
        second = _with_brackets(subtree(conj, inside), inside, conj)
        start = min(second)
        # Everything after the second clause must belong to it or be punctuation.
        if any(i > start and i not in second and not root.doc[i].is_punct for i in inside):
            continue
        gap: list[Token] = []
        index = start - 1
        while index in inside and (root.doc[index].is_punct or root.doc[index].dep_ == "cc"):
            gap.insert(0, root.doc[index])
            index -= 1
        if gap and root.i > gap[0].i:
            continue  # "Only smuggling X, and aid improved Y": the first half has no verb
        words = [t.lower_ for t in gap if t.dep_ == "cc"]
        punct = [t.text for t in gap if t.is_punct]
        if not gap or (not words and ";" not in punct and ":" not in punct):
            continue
        if _is_maybe(part) and (not words or words[-1] != "or"):
            continue  # "Maybe you cannot come but would like to help. If so, ...": one condition
        maybe = _is_maybe(part) and _subject(conj) is not None
        if words and (
            words[-1] not in _CONNECTIVES
            or (words[-1] == "or" and not maybe and not _both_permitted(root, conj))
        ):
            continue  # "A or B" is only two sentences when both are things someone can do
        if not words and ":" in punct:
            continue
        first = [w for w in part.words if w.token is None or (w.token.i < gap[0].i)]
        rest = _only(part, {i for i in inside if i >= start})
        subject = _subject(conj)
        if subject is None:
            copied = _shared_subject(root, conj)
            if copied is None or any(
                root.doc[i].tag_ in NOUN_TAGS | NAME_TAGS | {"PRP", "PRP$"}
                and root.doc[i].dep_ != "pobj"
                and root.doc[i].head.dep_ != "pobj"
                for i in range(gap[-1].i + 1, conj.i)
            ):
                continue  # "..., and its crater measures": a subject the parse missed
            # "after the meeting, wrote ..." -> "after the meeting, the chair wrote ..."
            comma = next(
                (
                    n
                    for n, w in enumerate(rest)
                    if w.text == "," and w.token is not None and w.token.i < conj.i
                ),
                None,
            )
            rest = (
                rest[: comma + 1] + copied + rest[comma + 1 :]
                if comma is not None
                else copied + rest
            )
        else:
            lower_first(rest)
        connective = _CONNECTIVES.get(words[-1], "") if words else ""
        if connective == "Or" and maybe:
            connective = "Or maybe"  # "Maybe you need help, or you need ..." -> "Or maybe you need ..."
        if connective:
            rest = inserted(connective) + rest
        return _parts(part, "split-clauses", first, rest, antecedent=_subject(root))
    return None


def _is_maybe(part: Part) -> bool:
    """Whether the part is a condition the "if" split made ("Maybe you need help ...")."""
    return bool(part.words) and part.words[0].token is None and part.words[0].text == "Maybe"


def _both_permitted(first: Token, second: Token) -> bool:
    """Both clauses say what someone can or may do, so "or" joins two choices."""

    def permits(verb: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in ("can", "could", "may") for c in verb.children)

    return permits(first) and permits(second) and _subject(second) is not None


def _shared_subject(root: Token, conj: Token) -> list[Word] | None:
    """Subject (and helping verbs) of the first clause, to repeat for a second verb without its own.

    "The town has a school and is expected to grow" -> "The town is expected to grow";
    "We will meet and decide" -> "We will decide"; "It was built in 1850 and renamed in
    1900" -> "It was renamed in 1900". A helping verb is repeated only when the second
    verb needs it, and never a negated one ("did not sing and dance" is not two sentences).
    """
    subject = _subject(root)
    if subject is None or subject.dep_ == "expl" or subject.lower_ in _RELATIVE:
        return None
    helpers = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    negated = any(c.dep_ == "neg" for c in root.children)
    own = [c for c in conj.children if c.dep_ in ("aux", "auxpass") and c.i < conj.i]
    if own:
        carried: list[Token] = []  # "... and is expected to grow": the verb brings its own
    elif conj.tag_ == "VB":
        carried = [a for a in helpers if a.tag_ == "MD" or a.lower_ in ("do", "does", "did")]
        if not carried or negated:
            return None
    elif conj.tag_ in ("VBD", "VBZ", "VBP"):
        if _tense(root, helpers) != _tense(conj, []) and lemma(conj.text, conj.tag_) != "be":
            return None  # a past and a present verb joined by "and": the parse is probably wrong
        carried = []
    elif conj.tag_ == "VBN" and helpers and not negated and lemma(root.text, "VBN") != "bear":
        carried = helpers  # "was built and renamed" -> "was renamed" ("was born and then helped": no)
    else:
        return None
    found = _subject_words(subject)
    if found is None:
        return None
    return found + copies(carried)


_RELATIVE = frozenset({"which", "who", "that", "what", "whom", "whose"})


def _tense(verb: Token, helpers: list[Token]) -> str:
    """ "past", "present" or "other" (a modal or a bare form), from the first helping verb or the verb."""
    first = helpers[0] if helpers else verb
    if first.lower_ in ("was", "were", "had", "did") or first.tag_ == "VBD":
        return "past"
    if first.lower_ in ("is", "are", "am", "has", "have", "does", "do") or first.tag_ in (
        "VBZ",
        "VBP",
    ):
        return "present"
    return "other"


def _subject_words(subject: Token) -> list[Word] | None:
    """The words that say the subject again: all of a short one, "the" and its noun for a long one."""
    words = sorted(subject.subtree, key=lambda t: t.i)
    if len(words) <= 4 or (
        subject.tag_ in NAME_TAGS
        and len(words) <= 6
        and all(t.tag_ in NAME_TAGS or t.lower_ in ("of", "the") for t in words)
    ):
        found = copies(words)
    elif subject.tag_ in NOUN_TAGS | NAME_TAGS and not any(t.text in "()," for t in words):
        found = noun_phrase(subject)
    else:
        return None
    lower_first(found)
    return found


def adverbials(part: Part) -> list[Part] | None:
    """ "A because B" -> "A. This is because B."; "although", "if" and "when" likewise."""
    inside = part.tokens()
    root = part.root()
    if root is None or any(w.text == ";" for w in part.words):
        return None  # several clauses: which one the link word belongs to is not certain
    orphans = [
        h for h in part.heads() if h.dep_ == "advcl" and h.i != root.i
    ]  # its main verb was removed
    last = max(i for i in inside if not root.doc[i].is_punct)
    trailing = [
        w.token
        for w in part.words
        if w.token is not None
        and w.token.dep_ == "advcl"
        and w.token.head.i != root.i
        and w.token.head.i in inside
        and max(subtree(w.token, inside)) == last
    ]  # ends the sentence: it is about all of it
    for clause in [*root.children, *orphans, *trailing]:
        if clause.dep_ != "advcl" or clause.i not in inside or _subject(clause) is None:
            continue
        marks = [
            c
            for c in clause.children
            if c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ == "when")
        ]
        if not marks:
            continue
        link = marks[0].lower_
        lead_word = clause.left_edge.lower_
        if lead_word == "so" and link in ("so", "that") and any(m.lower_ == "that" for m in marks):
            link = "so that"
            marks = [m for m in marks if m.lower_ == "that"]
        elif clause.left_edge.i != marks[0].i and not (
            lead_word == "even" and link in ("though", "when", "if")
        ):
            if not (
                link == "because" and lead_word in _DEGREE and clause.left_edge.i == marks[0].i - 1
            ):
                continue
        span = _with_brackets(subtree(clause, inside), inside, clause)
        lead = {i for i in span if i <= marks[0].i}
        body = _only(part, span - lead)
        lower_first(body)
        fronted = max(span) < root.i
        if fronted:
            _name_ahead(body, clause, root)
        drop = set(span)
        neighbour = (
            _doc_token(clause.doc[max(span)], 1)
            if fronted
            else _doc_token(clause.doc[min(span)], -1)
        )
        if neighbour is not None and _is_comma(neighbour, inside):
            drop.add(neighbour.i)
        rest = _without(part, drop)
        if any(i > max(span) and not clause.doc[i].is_punct for i in inside) and not fronted:
            continue
        if link == "because":
            degree = [lead_word] if lead_word in _DEGREE else []  # "mostly because" keeps "mostly"
            pieces = [rest, inserted(" ".join(["This is", *degree, "because"])) + body]
        elif link in ("although", "though"):
            if fronted:
                lower_first(rest)
                pieces = [body, inserted("But") + rest]
            else:
                pieces = [rest, inserted("But") + body]
        elif (
            link == "if"
            and lead_word != "even"
            and "split-adverbials" not in part.rules
            and _plain_condition(clause, inside)
            and (fronted or not _after_alternatives(clause, root, inside))
        ):
            lower_first(rest)
            pieces = [inserted("Maybe") + body, inserted("If so,") + rest]
        elif link == "while" and not fronted and _comma_before(clause, inside):
            # "while" may mean "at the same time" or "but": say neither rather than the wrong one.
            pieces = [rest, body]
        elif link in ("when", "if") and lead_word == "even" and not fronted:
            doer = _subject(root)
            modal = [c for c in root.children if c.dep_ == "aux" and c.tag_ == "MD"]
            if doer is None or not modal or len(list(doer.subtree)) > 3:
                continue
            again = copies(sorted(doer.subtree, key=lambda t: t.i)) + copies(modal[:1])
            lower_first(again)
            pieces = [rest, again + inserted(f"do this even {link}") + body]
        elif (
            link == "when" and lead_word != "even" and not fronted and _comma_before(clause, inside)
        ):
            pieces = [rest, inserted("This is when") + body]
        elif link == "so that" and not fronted:
            pieces = [rest, inserted("This is so that") + body]
        elif link == "when" and lead_word == "when" and fronted and _past(clause) and _past(root):
            # "When he learned Russian, he studied ..." -> "He learned Russian. Then he studied ..."
            lower_first(rest)
            pieces = [body, inserted("Then") + rest]
        else:
            continue
        return _parts(part, "split-adverbials", *pieces, antecedent=_subject(root))
    return None


def _name_ahead(body: list[Word], clause: Token, root: Token) -> None:
    """ "Although they were small, the probes ..." -> "The probes were small. But the probes ...":
    a pronoun in a clause said first stands for the subject that follows it."""
    pronoun = _subject(clause)
    subject = _subject(root)
    if pronoun is None or subject is None or pronoun.tag_ != "PRP" or subject.tag_ == "PRP":
        return
    if not _agrees(pronoun.lower_, subject):
        return
    found = _subject_words(subject)
    if found is None:
        return
    for index, word in enumerate(body):
        if word.token is not None and word.token.i == pronoun.i:
            found[-1].space = word.space
            body[index : index + 1] = found
            return


def _plain_condition(clause: Token, inside: set[int]) -> bool:
    """An "if" clause that states one plain condition (not "if you could ...", a polite request,
    nor "if A, and if B", where the second condition would be cut from its sentence)."""
    if sum(1 for i in inside if clause.doc[i].lower_ == "if") > 1:
        return False
    for child in clause.children:
        if child.dep_ == "aux" and child.lower_ in ("could", "might"):
            return False
        if (
            child.dep_ == "aux"
            and child.lower_ == "would"
            and clause.lower_ not in ("like", "love")
        ):
            return False
    return True


def _after_alternatives(clause: Token, root: Token, inside: set[int]) -> bool:
    """A condition at the end that may belong to the last of two choices only: "open to people
    aged 11 to 19, or up to 25 if you have a disability" is not "Maybe you have a disability"."""
    doc = clause.doc
    return any(
        doc[i].dep_ == "cc" and doc[i].lower_ == "or" and doc[i].head.i != root.i
        for i in inside
        if root.i < i < clause.left_edge.i
    )


def _comma_before(clause: Token, inside: set[int]) -> bool:
    before = _doc_token(clause.left_edge, -1)
    return before is not None and _is_comma(before, inside)


def _comma_pieces(words: list[Word], start: int) -> list[list[Word]]:
    """The words from `start` to the closing stop, cut at each comma (the commas dropped)."""
    end = len(words)
    while end > start and words[end - 1].text in ".!?":
        end -= 1
    pieces: list[list[Word]] = [[]]
    for word in words[start:end]:
        if word.text == ",":
            pieces.append([])
        else:
            pieces[-1].append(word)
    return pieces


def lists(part: Part, max_words: int) -> list[Part] | None:
    """A list of three or more things at the end of a sentence becomes bullet points."""
    inside = part.tokens()
    for word in part.words:
        head = word.token
        if head is None or head.dep_ == "conj" or head.i not in inside:
            continue
        items = _conjuncts(head)
        if len(items) < 3 or not all(i.i in inside for i in items):
            continue
        joins = {
            c.i
            for item in items
            for c in item.children
            if c.dep_ in ("cc", "punct") and c.i > item.i
        }
        joins |= {c.i for item in items for c in item.children if c.dep_ == "preconj"}
        if not any(head.doc[i].dep_ == "cc" for i in joins):
            continue
        if sum(1 for i in joins if head.doc[i].text == ",") < len(items) - 2:
            continue  # "A and B and C" is not a list a reader needs as bullets
        spans = []
        for item in items:
            own = subtree(item, inside)
            for other in items:
                if other.i != item.i and other.i in own:
                    own -= subtree(other, inside)
            spans.append(sorted(own - joins))
        start, end = spans[0][0], max(spans[-1])
        if any(i > end and not head.doc[i].is_punct for i in inside):
            continue
        if any(b[0] <= a[-1] for a, b in zip(spans, spans[1:])):
            continue
        # words put in before the list ("If so,") belong to the introduction, not the first bullet
        cut = next(n for n, w in enumerate(part.words) if w.token is not None and w.token.i >= start)
        listed = Part(part.words[cut:], part.rules)
        intro = part.words[:cut] + [w for w in listed.words if w.token is None or w.token.i < start]
        if intro and intro[-1].text.endswith(","):  # "If so," before the bullets becomes "If so:"
            trimmed = intro[-1].text[:-1]
            intro = intro[:-1] + ([replace(intro[-1], text=trimmed)] if trimmed else [])
        lengths = [len(s) for s in spans]
        if word_count(intro) < 2 or (word_count(part.words) <= max_words and max(lengths) < 3):
            continue
        bullets = [_only(listed, set(s)) for s in spans]
        for bullet in bullets:
            lower_first(bullet)
        made = Part([*intro, Word(":")], [*part.rules, "split-lists"], items=bullets)
        made.antecedent = part.antecedent
        return [made]
    return None


_WH = frozenset("what how which who where when why whether".split())


def question_lists(part: Part) -> list[Part] | None:
    """ "... to know what works, what is hard, and what could be better." -> bullets.

    The parse rarely links such clauses as one list, so the pattern is read
    from the words: three or more pieces, each starting with the same kind
    of question word, split by commas with "and" or "or" before the last.
    """
    words = part.words
    start = next((n for n, w in enumerate(words) if w.text.lower() in _WH and n > 1), None)
    if start is None or words[start - 1].text in (",", ";"):
        return None
    pieces = _comma_pieces(words, start)
    joined = any(w.text.lower() in ("and", "or") for piece in pieces for w in piece)
    if pieces and pieces[-1] and pieces[-1][0].text.lower() in ("and", "or"):
        pieces[-1] = pieces[-1][1:]
    if len(pieces) < 3 or not all(p and p[0].text.lower() in _WH for p in pieces):
        return None
    if not joined:
        return None
    made = Part([*words[:start], Word(":")], [*part.rules, "split-lists"], items=pieces)
    made.antecedent = part.antecedent
    return [made]


def _conjuncts(head: Token) -> list[Token]:
    found = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.tag_[:2] == head.tag_[:2]:
            found.extend(_conjuncts(child))
    return sorted(found, key=lambda t: t.i)


def _reaches_end(span: set[int], inside: set[int], doc_token: Token) -> bool:
    """Whether only punctuation follows the span in the part."""
    return not any(i > max(span) and not doc_token.doc[i].is_punct for i in inside)


def restrictive(part: Part) -> list[Part] | None:
    """ "He helped the committee that designed the seal." -> "He helped the committee.
    This committee designed the seal." Only a clause that ends the sentence and describes
    its object; "this"/"these" keep the link to the noun it picks out."""
    inside = part.tokens()
    for word in part.words:
        verb = word.token
        if verb is None or verb.i not in inside:
            continue
        head = verb.head
        if lemma(head.text, head.tag_) in _RELATIVE_ADVERB_NOUNS:
            continue  # "the way families apply": "how", not a thing the clause is about
        if verb.dep_ != "relcl" and not (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and verb.left_edge.i == verb.i == head.i + 1
            and any(c.dep_ in ("det", "poss") for c in head.children)
        ):
            continue  # "a case setting up a rule" is split; "in turn changing ..." is not
        if (
            head.i not in inside
            or head.tag_ not in NOUN_TAGS
            or head.dep_ in SUBJECTS | {"conj", "appos"}
        ):
            continue
        span = _with_brackets(subtree(verb, inside), inside, verb)
        opening = _doc_token(verb.doc[min(span)], -1)
        if not _reaches_end(span, inside, verb) or (opening is not None and opening.text == ","):
            continue
        pronoun = verb.left_edge
        if _two_nouns(head) and (pronoun.lower_ != "who" or not _definite(head)):
            continue  # "a wardrobe in the house that leads to ...": which noun it describes is not certain
        lead = _doc_token(head.left_edge, -1)
        if lead is not None and lead.text == ",":
            continue  # ", a post he held": a description of something said before
        pointing = _pointing(head)
        if verb.dep_ == "acl":
            # "a legal case setting up a rule" -> "This case sets up a rule"
            tag = "VBD" if _past(part.root()) else ("VBP" if head.tag_ == "NNS" else "VBZ")
            body = [w for w in _only(part, span) if w.token is None or w.token.i != verb.i]
            new = pointing + [Word(inflect(lemma(verb.text, "VBG"), tag), " ", None, tag)] + body
        elif pronoun.lower_ in ("who", "which", "that") and pronoun.dep_ in ("nsubj", "nsubjpass"):
            if pronoun.i not in inside or not _agrees_with(verb, head):
                continue  # "which is" was dropped as clutter: the clause is no longer a sentence
            body = [w for w in _only(part, span) if w.token is None or w.token.i != pronoun.i]
            new = pointing + body
        elif (doer := _subject(verb)) is not None and doer.left_edge.i == min(span):
            # "the promises the council makes to you" -> "The council makes these promises to you"
            if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "attr") for c in verb.children):
                continue  # the noun's place in the clause is not straight after the verb
            if any(
                c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
                for c in verb.children
            ):
                continue  # "the house he lived in"
            body = _only(part, span)
            after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")])
            at = next(n for n, w in enumerate(body) if w.token is not None and w.token.i == after)
            new = body[: at + 1] + pointing + body[at + 1 :]
        else:
            continue
        main = _without(part, span)
        if word_count(main) < 5 or word_count(new) < 4:
            continue
        return _parts(part, "split-relatives", main, new)
    return None


_QUANTIFIERS = frozenset("many several few some various numerous other such own more most".split())


_RELATIVE_ADVERB_NOUNS = frozenset("way time reason place day year moment extent".split())


def _pointing(head: Token) -> list[Word]:
    """ "this committee", "these young people": the noun again, pointing back to the one just
    named, with its describing words when they are few ("these acts", not "these many acts")."""
    words = [
        w
        for w in noun_phrase(head, "these" if head.tag_ == "NNS" else "this")
        if w.text.lower() not in _QUANTIFIERS and w.tag != "CD"
    ]
    if head.tag_ not in NAME_TAGS and word_count(words) > 4:
        words = [words[0], *copies([head])]
    return words


def _definite(noun: Token) -> bool:
    """Whether a noun names particular things ("the views", "young people"), not "a child"."""
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    return not dets and noun.tag_ == "NNS" or any(d not in ("a", "an", "any", "every", "each", "no") for d in dets)


def _two_nouns(noun: Token) -> bool:
    """Whether another noun stands just before `noun`'s preposition ("a wardrobe in the house")."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    before = _doc_token(prep, -1)
    if before is not None and before.tag_ in NOUN_TAGS | NAME_TAGS:
        return True
    holder = prep.head
    if holder.tag_ in NOUN_TAGS | NAME_TAGS:
        return True
    return any(c.dep_ == "dobj" and c.i < prep.i for c in holder.children)


def _aside_holder(noun: Token, inside: set[int]) -> Token | None:
    """For a noun ending a phrase set off by a comma (", with fine livery, which took him"),
    the noun before that phrase, which the clause after it most likely describes
    (the noun itself when no such noun is found); None when there is no such phrase."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    before = _doc_token(prep, -1)
    if before is None or not _is_comma(before, inside):
        return None
    holder = prep.head
    if holder.tag_ in NOUN_TAGS | NAME_TAGS:
        return holder
    objects = [c for c in holder.children if c.dep_ == "dobj" and c.i < prep.i]
    return objects[0] if objects else noun


def _finite_verb(verb: Token) -> Token:
    """The word of a clause that agrees with its subject: the verb or its first helping verb."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return helpers[0] if helpers else verb


def _agrees_with(verb: Token, noun: Token) -> bool:
    """Whether a present-tense verb agrees with the noun the parse says it describes
    ("a series of games that simulate ..." describes the games, not the series)."""
    if verb.tag_ == "VBZ" or verb.lower_ == "was":
        return noun.tag_ in ("NN", "NNP")
    if verb.tag_ == "VBP" or verb.lower_ == "were":
        return noun.tag_ in ("NNS", "NNPS")
    return True


def topics(part: Part) -> list[Part] | None:
    """ "We invite you to a workshop about the new service for families." -> "We invite you to
    a workshop. The workshop is about the new service for families." """
    inside = part.tokens()
    root = part.root()
    for word in part.words:
        prep = word.token
        if prep is None or prep.lower_ != "about" or prep.dep_ != "prep" or prep.i not in inside:
            continue
        head = prep.head
        if head.i not in inside or head.tag_ not in NOUN_TAGS or head.dep_ in SUBJECTS:
            continue
        span = _with_brackets(subtree(prep, inside), inside, prep)
        if not _reaches_end(span, inside, prep) or len(span) < 4:
            continue
        plural = head.tag_ == "NNS"
        be = ("were" if plural else "was") if _past(root) else ("are" if plural else "is")
        again = noun_phrase(head)
        if word_count(again) > 3 and head.tag_ in NOUN_TAGS and again[0].source is None:
            again = [again[0], *copies([head])]  # "the workshop", just named: no need for all its words
        new = again + [Word(be)] + _only(part, span)
        return _parts(part, "split-relatives", _without(part, span), new)
    return None


_COMPLETED_BY_TO = frozenset(
    """
    be have get go use need want try seem appear like love hate prefer hope plan decide ask
    help allow expect begin start continue fail manage agree refuse choose wish intend tend
    able promise offer learn forget remember mean aim attempt claim pretend prepare arrange
    afford deserve dare threaten encourage invite tell order persuade force enable require
    permit teach advise remind urge happen grow cease hesitate struggle strive seek vow
    volunteer opt elect resolve swear wait long bother neglect design set know say believe
    consider think report expect suppose train appoint choose name select vote serve
    """.split()
)
"""Verbs whose "to ..." completes them ("we want to go", "it was designed to last"): not a purpose."""
_ARRIVING = frozenset("attend come visit arrive return travel gather meet stop".split())
"""Verbs a purpose may follow straight away ("officers will attend to listen")."""


def purposes(part: Part) -> list[Part] | None:
    """ "You will work in groups to share ideas." -> "You will work in groups. This is to share ideas." """
    inside = part.tokens()
    root = part.root()
    if root is None or root.tag_ not in VERB_TAGS or root.tag_ == "MD":
        return None
    subject = _subject(root)
    if lemma(root.text, root.tag_) in _COMPLETED_BY_TO or (
        subject is not None and subject.lower_ in ("it", "there")
    ):
        return None  # "it took 3 months to ...": the "to" clause is what took 3 months
    for clause, opening in _purpose_clauses(root):
        if clause.i not in inside or _subject(clause) is not None:
            continue
        if lemma(clause.text, "VB") in ("be", "become", "find"):
            continue  # "... to become champion": a result, not a purpose
        main = [root.doc[i] for i in inside if root.i < i < opening.i]
        between = [t for t in main if not t.is_punct and t.dep_ != "advmod"]
        if not between and lemma(root.text, root.tag_) not in _ARRIVING:
            continue  # "they voted to leave": the "to" may complete the verb
        if any(t.tag_ == "JJS" or t.lower_ in _PICKING for t in main) or (
            between and between[-1].lower_ in _NOUNS_WITH_TO
        ):
            continue  # "the first city to ...", "the right to ...": the "to" describes a noun
        span = _with_brackets(subtree(opening, inside) | subtree(clause, inside), inside, opening)
        if not _reaches_end(span, inside, clause):
            continue
        drop = set(span)
        comma = _doc_token(opening, -1)
        if comma is not None and _is_comma(comma, inside):
            drop.add(comma.i)
        new = inserted("This was" if _past(root) else "This is") + _only(part, span)
        return _parts(part, "split-adverbials", _without(part, drop), new)
    return None


def _purpose_clauses(root: Token) -> list[tuple[Token, Token]]:
    """Infinitives after the main verb that may say why, each with the word that opens it:
    "to share ideas" (opened by "to"), "in order to listen" (opened by "in")."""
    found: list[tuple[Token, Token]] = []
    for child in root.children:
        if child.i < root.i:
            continue
        if child.dep_ in ("advcl", "xcomp") and child.tag_ == "VB":
            opening = child.left_edge
            if opening.lower_ == "to" and opening.dep_ == "aux":
                found.append((child, opening))
        elif child.dep_ == "prep" and child.lower_ == "in":
            order = [c for c in child.children if c.dep_ == "pobj" and c.lower_ == "order"]
            verbs = [c for o in order for c in o.children if c.tag_ == "VB" and c.dep_ == "acl"]
            if verbs:
                found.append((verbs[0], child))  # "in order to": made "to" by everyday words
    return found


_PICKING = frozenset("first second third last next only".split())
_NOUNS_WITH_TO = frozenset(
    """
    demand decision plan attempt effort right way time chance opportunity ability need order
    power permission request desire wish call bid move campaign proposal agreement promise
    offer motion vote place money reason freedom licence license authority duty obligation
    """.split()
)
"""Nouns a "to ..." clause often describes ("the right to vote")."""


def frames(part: Part) -> list[Part] | None:
    """ "We will discuss whether A and whether B." -> "We will discuss whether A. We will discuss
    whether B.": the words before two joined clauses are said again for the second."""
    inside = part.tokens()
    root = part.root()
    for word in part.words:
        first = word.token
        if first is None or first.dep_ != "ccomp" or first.i not in inside or first.head != root:
            continue
        marks = [c for c in first.children if c.dep_ == "mark" and c.i in inside]
        if not marks or marks[0].lower_ not in ("whether", "that", "if") or marks[0].i != first.left_edge.i:
            continue
        for conj in first.children:
            if conj.dep_ != "conj" or conj.i not in inside or conj.tag_ not in VERB_TAGS:
                continue
            if conj.left_edge.lower_ != marks[0].lower_:
                continue
            second = _with_brackets(subtree(conj, inside), inside, conj)
            if not _reaches_end(second, inside, conj):
                continue
            frame = sorted(i for i in inside if i < marks[0].i)
            frame_words = _only(part, set(frame))
            if not frame or word_count(frame_words) > 10 or any(w.text in ";:()" for w in frame_words):
                continue
            joins = {
                i
                for i in subtree(first, inside) - second
                if first.doc[i].is_punct or first.doc[i].dep_ == "cc"
            }
            end = max(subtree(first, inside) - second - joins)
            gap = {i for i in joins if end < i < min(second)}
            repeated = copies([first.doc[i] for i in frame])
            made = _parts(
                part,
                "split-clauses",
                _without(part, second | gap),
                repeated + _only(part, second),
            )
            if made:
                return made
    return None


_PEOPLE = frozenset(
    """
    people children adults families pupils students parents carers patients residents men
    women boys girls persons teenagers members users tenants learners
    """.split()
)


def people_with(part: Part) -> list[Part] | None:
    """ "... to children and young people with special educational needs." -> "... to children
    and young people. These children and young people have special educational needs." """
    inside = part.tokens()
    root = part.root()
    for word in part.words:
        prep = word.token
        if prep is None or prep.lower_ != "with" or prep.dep_ != "prep" or prep.i not in inside:
            continue
        head = prep.head
        if (
            head.i not in inside
            or head.tag_ != "NNS"
            or head.lower_ not in _PEOPLE
            or head.dep_ in SUBJECTS
        ):
            continue
        span = _with_brackets(subtree(prep, inside), inside, prep)
        if not _reaches_end(span, inside, prep) or len(span) < 3:
            continue
        if any(
            head.doc[i].lower_ in ("their", "them", "they") or head.doc[i].lower_ in _PEOPLE
            for i in span
        ):
            continue  # "with special needs and their families": the families are not what they have
        group = sorted(i for i in subtree(head, inside) - span if not head.doc[i].is_punct)
        if not group or max(group) != prep.i - 1:
            continue
        who = [w for w in copies([head.doc[i] for i in group]) if w.source is None or w.source.dep_ != "det"]
        lower_first(who)
        have = "had" if _past(root) else "have"
        new = [Word("these"), *who, Word(have)] + [
            w for w in _only(part, span) if w.token is None or w.token.i != prep.i
        ]
        return _parts(part, "split-relatives", _without(part, span), new)
    return None


def phrase_lists(part: Part, max_words: int) -> list[Part] | None:
    """ "You can book online at X, by email at Y or by phoning Z." -> "You can book:" and three
    bullets: three or more ways of doing something, each starting with "by", "at", "online"..."""
    root = part.root()
    if root is None or root.tag_ not in VERB_TAGS or word_count(part.words) <= max_words:
        return None
    taken = {root.i} | {
        t.i for c in root.children if c.dep_ in ("prt", "dobj", "dative", "aux") for t in c.subtree
    }
    words = part.words
    start = next(
        (
            n
            for n, w in enumerate(words)
            if w.token is not None and w.token.i > root.i and w.token.i not in taken
        ),
        None,
    )
    if start is None or words[start - 1].tag in ("RB", "JJ"):
        return None  # "... online at X, by email ...": the parse put the first way in the intro
    pieces = _comma_pieces(words, start)
    last = pieces[-1]
    joins = [n for n, w in enumerate(last) if w.text.lower() in ("or", "and") and n + 1 < len(last)]
    if last and last[0].text.lower() in ("or", "and"):
        pieces[-1] = last[1:]
    elif joins and last[joins[-1] + 1].tag in ("IN", "RB", "TO"):
        pieces[-1:] = [last[: joins[-1]], last[joins[-1] + 1 :]]
    else:
        return None
    if len(pieces) < 3 or not all(p and p[0].tag in ("IN", "RB", "TO") for p in pieces):
        return None
    if any(word_count(p) > 8 for p in pieces):
        return None
    made = Part([*words[:start], Word(":")], [*part.rules, "split-lists"], items=pieces)
    made.antecedent = part.antecedent
    return [made]


_PREPOSITION_LIKE = frozenset(
    "following according compared assuming including given considering regarding concerning "
    "starting beginning depending excluding".split()
)
"""Participles that work as prepositions ("Following the war, ..."): not about the subject."""


_EARLIER = frozenset("initially originally first once formerly".split())


def fronted_participles(part: Part) -> list[Part] | None:
    """ "Set up in 1892, the club is ..." -> "The club was set up in 1892. The club is ...";
    "Working from home, she wrote ..." -> "She worked from home. She wrote ..."."""
    inside = part.tokens()
    root = part.root()
    if root is None or root.tag_ not in VERB_TAGS:
        return None
    subject = _subject(root)
    if subject is None or subject.dep_ == "expl" or subject.lower_ in _RELATIVE:
        return None
    for verb in root.children:
        if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBG") or verb.i not in inside:
            continue
        if verb.i > root.i or verb.lower_ in _PREPOSITION_LIKE or _subject(verb) is not None:
            continue
        if any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children):
            continue  # "When ...", "Having been ...": other rules or none
        span = _with_brackets(subtree(verb, inside), inside, verb)
        after = _doc_token(verb.doc[max(span)], 1)
        if min(span) != min(inside) or after is None or not _is_comma(after, inside):
            continue
        lead = [verb.doc[i] for i in span if i < verb.i]
        if any(t.dep_ != "advmod" for t in lead):
            continue
        if any(verb.doc[i].dep_ in SUBJECTS | {"conj"} for i in span):
            continue  # a clause or a second participle inside: not one thing said about the subject
        words = _subject_words(subject)
        if words is None:
            continue
        plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they", "you")
        past = _past(root) or any(t.lower_ in _EARLIER for t in lead)
        said = _only(part, span)
        lower_first(said)
        if verb.tag_ == "VBN":
            if verb.lower_ in _STATE_PARTICIPLES and not past:
                be = "are" if plural else "is"
            else:
                be = "were" if plural else "was"  # "Set up in 1892, the club ..." happened once
            new = words + [Word(be)] + said
        else:
            tag = "VBD" if past else ("VBP" if plural else "VBZ")
            rest = [w for w in said if w.token is None or w.token.i != verb.i]
            at = next((n for n, w in enumerate(rest) if w.token is None or w.token.i > verb.i), len(rest))
            new = words + rest[:at] + [Word(inflect(lemma(verb.text, "VBG"), tag), " ", None, tag)] + rest[at:]
        upper_first(new)
        main = _without(part, span | {after.i})
        return _parts(part, "split-adverbials", new, main, antecedent=subject)
    return None


SPLITTERS: tuple[tuple[str, Splitter], ...] = (
    ("split-relatives", relatives),
    ("split-appositives", appositives),
    ("split-clauses", clauses),
    ("split-adverbials", adverbials),
    ("split-adverbials", participles),
    ("split-adverbials", fronted_participles),
    ("split-clauses", frames),
    ("split-adverbials", purposes),
    ("split-relatives", topics),
    ("split-relatives", people_with),
    ("split-relatives", restrictive),
)
"""Splitting functions and the rule each belongs to, in the order they are tried."""


JOINED_IDEAS = frozenset({relatives, appositives, clauses})
"""Splitters for two ideas joined into one sentence: used on shorter sentences too (one idea each)."""


def split(
    part: Part,
    enabled: set[str],
    max_words: int,
    bullets: bool,
    length: Callable[[list[Word]], int] = word_count,
    one_idea_from: int = 0,
) -> list[Part]:
    """Split a part again and again while it is too long and a rule applies.

    `length` counts the words the reader will see (a date gains its weekday later).
    From `one_idea_from` words (0: never), joined ideas are split in shorter sentences too.
    """
    done: list[Part] = []
    todo = [part]
    for _ in range(40):  # a bound, not a limit a real sentence reaches
        if not todo:
            break
        current = todo.pop(0)
        made = None
        words = length(current.words)
        long = words > max_words
        ideas = 0 < one_idea_from <= words
        semicolon = any(w.text == ";" for w in current.words)  # always two ideas: always split
        if long or ideas or semicolon:
            for name, splitter in SPLITTERS:
                if name not in enabled or (_is_maybe(current) and splitter is not clauses):
                    continue  # "Maybe A. If so, B": A is split only into "Or maybe ..." choices
                if long or (ideas and splitter in JOINED_IDEAS) or splitter is clauses:
                    made = splitter(current)
                    if made:
                        break
        if not made and bullets and "split-lists" in enabled and current.items is None:
            made = (
                lists(current, max_words)
                or question_lists(current)
                or phrase_lists(current, max_words)
            )
            if made:
                done.extend(made)
                continue
        if made:
            todo = made + todo
        else:
            done.append(current)
    return done + todo
