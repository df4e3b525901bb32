"""Active voice where the doer is named: "The form will be sent by the council" ->
"The council will send the form".

Only the simple, common shapes are turned round: one passive verb heading the
clause, a "by" phrase naming the doer, and a subject that is a plain noun
phrase. Anything else (no "by", a negation without a helping verb to carry it,
a clause as subject) is left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from .words import NAME_TAGS, NOUN_TAGS, Part, Word, copies, inflect, lemma, lower_first, subtree

RULE = "active-voice"

_SUBJECT_TO_OBJECT = {"i": "me", "we": "us", "he": "him", "she": "her", "they": "them"}
_OBJECT_TO_SUBJECT = {v: k for k, v in _SUBJECT_TO_OBJECT.items()} | {"me": "I"}
_PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i", "us", "them", "me"})
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december today tomorrow tonight noon midnight end time "
    "week month year morning afternoon evening night day date deadline then now".split()
)
_BE = frozenset({"be", "is", "are", "am", "was", "were", "been", "being"})


def _plural(head: Token) -> bool:
    if head.lower_ in _PLURAL_PRONOUNS:
        return True
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)


def _agree(word: str, plural: bool) -> str:
    """A helping verb made to agree with its new subject."""
    forms = {
        "is": "are",
        "are": "are",
        "was": "were",
        "were": "were",
        "has": "have",
        "have": "have",
        "am": "are",
    }
    singular = {
        "is": "is",
        "are": "is",
        "was": "was",
        "were": "was",
        "has": "has",
        "have": "has",
        "am": "is",
    }
    table = forms if plural else singular
    return table.get(word.lower(), word)


def make_active(part: Part) -> bool:
    """Turn the part's passive clause round when it is safe; True if it changed."""
    inside = part.tokens()
    verb = part.root()
    if verb is None or verb.tag_ != "VBN":
        return False
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubjpass" and c.i in inside]
    passive = [c for c in children if c.dep_ == "auxpass" and c.lower_ in _BE]
    agents = [c for c in children if c.dep_ == "agent" and c.i in inside]
    if len(subjects) != 1 or len(passive) != 1 or len(agents) != 1:
        return False
    subject, be, agent = subjects[0], passive[0], agents[0]
    doers = [c for c in agent.children if c.dep_ == "pobj"]
    if len(doers) != 1 or subject.lower_ in ("which", "who", "that", "what", "it", "there"):
        return False
    doer = doers[0]
    if doer.tag_ not in NOUN_TAGS | NAME_TAGS | {"PRP"} or any(
        t.like_num or t.lower_ in _TIME_WORDS for t in doer.subtree
    ):
        return False  # "by Friday", "by 5pm": a deadline, not someone doing something
    after_agent = max(subtree(agent, inside)) + 1
    if any(c.dep_ == "prep" and c.i == after_agent for c in children):
        return False  # "written by young people from the forum": the parse may have cut the doer in two
    helpers = [c for c in children if c.dep_ == "aux" and c.i < verb.i]
    negated = any(c.dep_ == "neg" for c in children)
    if negated and not any(h.tag_ == "MD" or h.lower_ in ("has", "have", "had") for h in helpers):
        return False
    if any(c.dep_ in ("csubjpass", "ccomp", "xcomp") for c in children):
        return False
    subject_span = subtree(subject, inside)
    agent_span = subtree(agent, inside)
    if not subject_span or max(subject_span) > be.i or min(agent_span) < verb.i:
        return False
    if any(t.dep_ in ("relcl", "acl") for t in subject.subtree) and len(subject_span) > 6:
        return False

    plural = _plural(doer)
    if be.lower_ in ("is", "are", "am"):
        tag = "VBP" if plural else "VBZ"
    elif be.lower_ in ("was", "were"):
        tag = "VBD"
    elif be.lower_ == "be":
        tag = "VB"
    elif be.lower_ == "been":
        tag = "VBN"
    else:  # being: "is being sent" -> "is sending"
        tag = "VBG"
    if be.lower_ in ("is", "are", "am", "was", "were") and helpers:
        return False
    new_verb = inflect(lemma(verb.text, "VBN"), tag)
    if new_verb == verb.text and tag not in ("VBN", "VBD"):
        return False

    doer_words = [
        w
        for w in part.words
        if w.token is not None and w.token.i in agent_span and w.token.i != agent.i
    ]
    for word in doer_words:
        if word.token is not None and word.token.i == doer.i and word.text.lower() in _OBJECT_TO_SUBJECT:
            word.text = _OBJECT_TO_SUBJECT[word.text.lower()]
    object_words = copies(sorted((subject.doc[i] for i in subject_span), key=lambda t: t.i))
    lower_first(object_words)
    if len(object_words) == 1 and object_words[0].text.lower() in _SUBJECT_TO_OBJECT:
        object_words[0].text = _SUBJECT_TO_OBJECT[object_words[0].text.lower()]

    before: list[Word] = []
    middle: list[Word] = []
    after: list[Word] = []
    bucket = before  # inserted words stay with the words around them
    for word in part.words:
        token = word.token
        if token is None:
            bucket.append(word)
            continue
        if token.i in subject_span or token.i in agent_span or token.i == be.i:
            continue
        if token.i < min(subject_span):
            bucket = before
        elif token.i == verb.i:
            word = Word(new_verb, word.space, None, tag)
            bucket = middle
        elif token.i < verb.i or (token.dep_ == "prt" and token.head.i == verb.i):
            if token.i in {h.i for h in helpers} and word.text.lower() in (
                "is",
                "are",
                "was",
                "were",
                "has",
                "have",
                "am",
            ):
                word.text = _agree(word.text, plural)
            bucket = middle
        else:
            bucket = after
        bucket.append(word)
    if doer.tag_ not in NAME_TAGS and not doer_words[0].text.isupper():
        doer_words[0].text = doer_words[0].text[:1].lower() + doer_words[0].text[1:]
    starts_sentence = not any(w.text.strip(",") for w in before)
    if starts_sentence:
        doer_words[0].text = doer_words[0].text[:1].upper() + doer_words[0].text[1:]
    part.words = before + doer_words + middle + object_words + after
    part.changed(RULE)
    return True
