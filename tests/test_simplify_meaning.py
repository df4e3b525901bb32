"""Meaning is never lost: numbers, dates, money, names, negations and modal verbs survive.

Property-based over generated sentences (kept to a modest number of
examples: each one goes through spaCy) and over the example documents.
"""

from __future__ import annotations

import re
from collections import Counter

from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import easyread
from easyread.simplify import data, simplify
from easyread.stages import Context

NAMES = ["Amira", "Sam Patel", "Riverside Youth Centre", "Doctor Jones"]
SUBJECTS = ["the council", "the chair", "our team", "the school", "Amira", "Sam Patel", "we", "you"]
MODALS = ["must", "may", "cannot", "will", "should", "can", "might", "could not", "will not"]
VERBS = [
    "send the letter",
    "check the form",
    "pay for travel",
    "meet the families",
    "read every answer",
]
EXTRAS = [
    "on 3 March 2026",
    "at 5pm",
    "for £25",
    "within 15 working days",
    "by 7 April 2026",
    "with 2 helpers",
    "at Riverside Youth Centre",
    "before the meeting",
    "every 6 months",
    "along a 3 mile (5 km) path",
]
LINKS = [", and ", ", but ", "; ", " because ", ", although ", ", which means that "]
PROTECTED = re.compile(
    r"£\d+|\b\d+(?:pm|am)?\b|\b(?:not|never|no|must|may|cannot|might|should|can|could|will)\b"
)

clause = st.builds(
    lambda subject, modal, verb, extra: f"{subject} {modal} {verb} {extra}",
    st.sampled_from(SUBJECTS),
    st.sampled_from(MODALS),
    st.sampled_from(VERBS),
    st.sampled_from(EXTRAS),
)
passive = st.builds(
    lambda modal, name: f"the form {modal} be signed by {name}",
    st.sampled_from(["must", "will", "can", "may"]),
    st.sampled_from(NAMES),
)
sentence = st.builds(
    lambda first, link, second: (
        (first + link + second)[0].upper() + (first + link + second)[1:] + "."
    ),
    st.one_of(clause, passive),
    st.sampled_from(LINKS),
    st.one_of(clause, passive),
)


def protected(text: str) -> Counter[str]:
    """Counts of the words and figures that carry meaning."""
    words = Counter(m[0].lower() for m in PROTECTED.finditer(text))
    for name in NAMES:
        if name in text:
            words[name] = text.count(name)
    return words


CLUTTER = [" ".join(words) for words in data.load().clutter]


def assert_kept(source: str, output: str) -> None:
    # Filler formulas and double negatives are documented rewrites ("we would be grateful if you
    # could" -> "please", "not uncommon" -> "common"): their words do not count.
    for phrase in CLUTTER:
        source = re.sub(rf"\b{re.escape(phrase)}\b", " ", source, flags=re.IGNORECASE)
    # A measure given again in other units says the same thing twice: "3 mile (5 km)".
    source = re.sub(r"(\d (?:mile|miles|kg)) \(\d+ (?:km|lb)\)", r"\1", source)
    before, after = protected(source), protected(output)
    missing = {word: n - after[word] for word, n in before.items() if after[word] < n}
    assert not missing, f"lost {missing}\n  in:  {source}\n  out: {output}"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sentence)
def test_generated_sentences_keep_their_meaning(context: Context, text: str) -> None:
    assert_kept(text, simplify(text, context=context).text)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(sentence, min_size=1, max_size=4))
def test_lines_mode_keeps_meaning_line_by_line(context: Context, lines: list[str]) -> None:
    result = simplify("\n".join(lines) + "\n", lines=True, context=context)
    outputs = result.text.split("\n")[:-1]
    assert len(outputs) == len(lines)
    for source, output in zip(lines, outputs):
        assert_kept(source, output)


def test_examples_keep_their_meaning(context: Context) -> None:
    for path in sorted(EXAMPLES.iterdir()):
        document = easyread.process(easyread.read(path), context=context)
        by_source: dict[str, list[str]] = {}
        for sentence in document.sentences():
            by_source.setdefault(sentence.original, []).append(sentence.text)
        for block in document.blocks:
            if block.kind == "list_item" and "split-lists" in block.sentences[0].rules:
                by_source.setdefault(block.sentences[0].original, []).append(block.text)
        assert by_source, path
        for source, outputs in by_source.items():
            assert_kept(source, " ".join(outputs))
