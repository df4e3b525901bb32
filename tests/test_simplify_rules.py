"""Each simplification rule against its fixture file, and the word lists' own rules.

The fixture files in tests/fixtures/simplify/ are plain text a linguist can
extend: a title line, then ".", the input, ".", the expected output, ".".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from easyread.errors import UsageError
from easyread.options import Options, SimplifyOptions
from easyread.simplify import RULES, data, enabled_rules, simplify
from easyread.stages import Context

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "simplify"


@dataclass(frozen=True)
class Case:
    file: str
    title: str
    rules: tuple[str, ...]
    source: str
    expected: str


def read_cases(path: Path) -> list[Case]:
    """Cases of one fixture file."""
    rules = (path.stem,)
    cases: list[Case] = []
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("rules:"):
            rules = tuple(r.strip() for r in line[len("rules:") :].split(","))
            index += 1
        elif line.strip() and lines[index + 1] == ".":
            end_source = lines.index(".", index + 2)
            end_expected = lines.index(".", end_source + 1)
            cases.append(
                Case(
                    path.stem,
                    line.strip(),
                    rules,
                    "\n".join(lines[index + 2 : end_source]),
                    "\n".join(lines[end_source + 1 : end_expected]),
                )
            )
            index = end_expected + 1
        else:
            index += 1
    return cases


CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in read_cases(path)]


def test_every_rule_has_fixture_cases() -> None:
    files = {case.file for case in CASES}
    assert files == set(RULES)
    for rule in RULES:
        changed = [
            c for c in CASES if c.file == rule and c.source != c.expected.split("\nhard:")[0]
        ]
        assert changed or rule == "hard-words", f"{rule} has no case where it changes the text"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}:{i}" for i, c in enumerate(CASES)])
def test_fixture_case(case: Case, nlp) -> None:  # type: ignore[no-untyped-def]
    off = tuple(rule for rule in RULES if rule not in case.rules)
    context = Context(Options(simplify=SimplifyOptions(disable=off)), nlp=nlp)
    result = simplify(case.source, context=context)
    got = result.text.strip()
    if case.expected.rsplit("\n", 1)[-1].startswith("hard:"):
        marks = " ".join(f"[{s.text[m.start : m.end]}]" for s in result.sentences for m in s.marks)
        got = f"{got}\nhard: {marks}".rstrip()
    assert got == case.expected.rstrip()


def test_rules_switch_off_singly_and_as_a_group() -> None:
    assert "everyday-words" not in enabled_rules(
        Options(simplify=SimplifyOptions(disable=("everyday-words",)))
    )
    off = enabled_rules(Options(simplify=SimplifyOptions(disable=("split",))))
    assert not any(rule.startswith("split-") for rule in off)
    with pytest.raises(UsageError, match="unknown simplification rule 'split-everything'"):
        enabled_rules(Options(simplify=SimplifyOptions(disable=("split-everything",))))


def test_a_switched_off_rule_changes_nothing(context: Context) -> None:
    on = simplify("The council will utilise the room.", context=context)
    context = Context(
        Options(simplify=SimplifyOptions(disable=("everyday-words",))), nlp=context.nlp
    )
    off = simplify("The council will utilise the room.", context=context)
    assert on.text.strip() == "The council will use the room."
    assert off.text.strip() == "The council will utilise the room."


def test_plain_words_lexicon_is_large_and_only_makes_words_commoner() -> None:
    lists = data.load()
    entries = [*lists.plain_words.values(), *lists.phrases.values()]
    assert len(entries) >= 1500
    assert {e.pos for e in entries} <= data.POS
    for entry in entries:
        before, after = zipf_frequency(entry.word, "en"), zipf_frequency(entry.plain, "en")
        if " " in entry.word:
            assert after > before or len(entry.plain.split()) < len(entry.word.split()), entry
        else:
            assert after > before, entry


def test_glossary_and_abbreviations() -> None:
    lists = data.load()
    assert len(lists.glossary) >= 300
    assert all(text[:1].isupper() and text.endswith(".") for text in lists.glossary.values())
    for name in ("SEND", "EHCP", "SENCO", "NHS", "CAMHS", "GP"):
        assert lists.abbreviations[name]


def test_lines_mode_keeps_one_line_per_input_line(context: Context) -> None:
    text = "The form will be sent by the council.\n\nWe will utilise the room, and it is big.\n"
    result = simplify(text, lines=True, context=context)
    assert result.text.split("\n")[:-1] == [
        "The council will send the form.",
        "",
        "We will use the room, and it is big.",
    ]
