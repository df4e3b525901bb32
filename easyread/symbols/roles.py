"""Which word of a sentence stands for the whole sentence: its role in the main clause.

The picture beside a sentence shows its main idea: usually the object of the
main verb or a predicate noun ("The council has found **the money**"), the
subject when it is the news ("**Pizza** will be provided"), the action when
the objects are abstract or are people ("It helps to **protect** your child").
The main clause is not always the root verb's: "We have decided that your son
can get free **transport**" is about the transport, so a verb that only
introduces another clause (say, decide, remember, ask for) hands its role on
to that clause. Words for people give way to what the sentence says about
them; a word in a subordinate or relative clause is used only when the main
clause has nothing with a picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .library import Found

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "attr", "oprd", "dative", "acomp"})
LIGHT_VERBS = frozenset(
    "be have do get make go come let can will may might must shall should would could "
    "need want like try hope plan aim able use give take put keep find offer provide bring "
    "see join".split()
)
"""Verbs that rarely carry a sentence's idea on their own ("we want to hear" is about hearing;
"you can **join** the youth forum")."""

CLAUSE_VERBS = frozenset(
    "say think know understand remember notice hope believe decide agree feel wish "
    "expect ask arrange mean learn explain like love want need recommend suggest advise".split()
)
"""Verbs that introduce another clause, which then holds the news ("Please remember that
all **uniform** must be labelled"; "Your doctor has asked for you to have a **blood test**")."""

HELPING = frozenset({"help"})
"""Verbs that hand their role on to an action with an object ("Please help your child brush
their **teeth**"), but not to one without ("The interpreter will **help** you understand")."""

SPEECH_VERBS = frozenset("ask tell".split())
"""Verbs whose object, a person, is worth a picture: "Ask your **doctor** about it"."""

EXAMPLES = frozenset({"like", "as", "including"})
"""Prepositions before examples, which say more than the word they illustrate: "activities like
**canoeing**", "equipment, including **helmets**"."""

FRAME = 4.1
"""Added to the role of a general noun such as "centre" or "workshop": as an object it comes after
the sentence's other nouns ("a place to have a cup of **tea**") but before a subject that is
people ("Young people want more **places** to go")."""

LAST = 99
"""Role of a unit with a generic picture only (a person, a place): a last resort."""


@dataclass(frozen=True, slots=True)
class MainClause:
    """The verbs of a sentence's main clause, found once per sentence."""

    root: int
    """Index of the root token."""
    verbs: frozenset[int]
    """The root and the verbs that carry its action ("want to **hear**", "said they **want**")."""
    hosts: frozenset[int]
    """Verbs that only introduce another clause of the main clause ("**decided** that")."""

    @classmethod
    def of(cls, sentence: Span) -> MainClause:
        """Follow the root's chained verbs and, for verbs like "say", the clause they introduce."""
        root = _true_root(sentence.root)
        verbs, hosts = {root.i}, set()
        todo = [root]
        while todo:
            verb = todo.pop()
            for child in verb.children:
                if child.pos_ not in ("VERB", "AUX") or child.i in verbs:
                    continue
                chained = child.dep_ == "xcomp"
                if _introduces(verb, child):
                    hosts.add(verb.i)
                    chained = True
                if chained:
                    verbs.add(child.i)
                    todo.append(child)
        return cls(root.i, frozenset(verbs), frozenset(hosts))

    def light(self, verb: Token) -> bool:
        """True for a verb whose own picture rarely shows the idea."""
        return verb.lemma_.lower() in LIGHT_VERBS or verb.i in self.hosts


def role(head: Token, found: Found, clause: MainClause) -> float:
    """How well a word or phrase with this head stands for its sentence: lower is better.

    Tokens are compared by index: spaCy makes a new Token object on every access.
    """
    head = _stand_in(head)
    governor = head.head
    in_main = governor.i in clause.verbs
    light = clause.light(head)
    role: float
    if head.dep_ in SUBJECTS and in_main:
        described = {c.dep_ for c in governor.children} & {"acomp", "attr"}
        if found.person and governor.lemma_ == "be":
            # "Your child is unwell" is about being unwell; "Interpreters will be there" is not
            role = 1.5 if described else 0
        elif found.person and head.dep_ == "nsubjpass":
            role = 1.5  # "An interpreter can be booked": the people are the news
        elif found.person and head.dep_ == "nsubj":
            role = 5.2  # "Children can play football" is about football
        elif any(c.dep_ == "oprd" for c in governor.children) or (
            clause.light(governor) and any(c.dep_ == "dobj" for c in governor.children)
        ):
            role = 1.5  # "The council has found the money", "Answers are kept private"
        else:
            role = 0  # "Pizza will be provided"
    elif head.dep_ == "compound" and governor.i == clause.root and governor.pos_ == "VERB":
        role = 0  # "the bus leaves": spaCy sometimes hangs a lower-case subject on the verb
    elif head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
        role = 0
    elif in_main and (
        head.dep_ in OBJECTS or (head.dep_ == "xcomp" and head.pos_ in ("NOUN", "PROPN"))
    ):
        people = found.person and head.dep_ in ("dobj", "dative")
        if people and (
            head.dep_ == "dative"
            or not (clause.light(governor) or governor.lemma_.lower() in SPEECH_VERBS)
        ):
            role = 2.5  # "It helps to protect your child": the action is the idea
        else:
            role = 1.2 if head.dep_ == "dative" else 1
    elif head.i in clause.verbs and head.pos_ == "VERB" and found.action:
        role = 0.5  # "You must phone the transport team"
    elif head.i in clause.verbs and head.i != clause.root and not light:
        role = 2
    elif head.i == clause.root and head.pos_ == "VERB" and not light:
        role = 3 if len(clause.verbs) > 1 else 2
    elif head.dep_ == "pobj" and governor.head.i in clause.verbs:
        role = 4
    elif head.pos_ in ("NOUN", "PROPN"):
        role = 5.5 if head.dep_ == "poss" else 5  # "your child's check-up" is about the check-up
    elif head.pos_ == "VERB" and not light:
        role = 6
    elif head.pos_ in ("ADJ", "ADV"):
        role = 7
    else:
        role = 8
    return role + (20 if found.low else 0) + (FRAME if found.frame else 0)


def _stand_in(head: Token) -> Token:
    """The word whose role this one plays: the first of a list ("football and tennis"), or
    the word an example illustrates ("activities like **canoeing**")."""
    while True:
        if head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        elif (
            head.dep_ in ("pobj", "pcomp")
            and head.head.lower_ in EXAMPLES
            and head.head.head.pos_ in ("NOUN", "PROPN")
        ):
            head = head.head.head
        else:
            return head


def _true_root(root: Token) -> Token:
    """The main verb when spaCy made an "if" clause the root: "If your fingers turn blue, **go**
    to the emergency department" (the main clause is joined to it as a conjunct)."""
    if not any(c.dep_ == "mark" for c in root.children):
        return root
    after = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    main = [
        c
        for c in after
        if not any(m.dep_ == "mark" for m in c.children)
        and any(t.text == "," for t in root.doc[root.i : c.i])
    ]
    return main[-1] if main else root


def _introduces(verb: Token, child: Token) -> bool:
    """True when `verb` only introduces the clause headed by `child`, which holds the news."""
    lemma = verb.lemma_.lower()
    if lemma in HELPING:
        return child.dep_ == "ccomp" and any(c.dep_ == "dobj" for c in child.children)
    return lemma in CLAUSE_VERBS and (
        child.dep_ == "ccomp" or (child.dep_ == "advcl" and _for_to(child))
    )


def _for_to(verb: Token) -> bool:
    """A clause such as "for you to have a blood test"."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
