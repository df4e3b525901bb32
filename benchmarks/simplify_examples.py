"""Document-level figures on the bundled examples: sentence length and reading grade.

    python benchmarks/simplify_examples.py [--show]

For each example: the share of output sentences with at most 15 words and the
Flesch-Kincaid grade of the output, as the readability stage computes it
(headings, paragraphs and list items; tables are not sentences). With
``--show`` every output sentence is printed with its length, so a person can
read them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="print every output sentence")
    args = parser.parse_args(argv)
    import easyread
    from easyread.options import Options
    from easyread.stages import Context

    context = Context(Options(disable=("symbols",)))
    total = short = 0
    print("| Example | Sentences | ≤ 15 words | FK grade before | FK grade after |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for path in sorted((ROOT / "examples").iterdir()):
        document = easyread.process(easyread.read(path), context=context)
        limit = context.options.simplify.max_words
        lengths = [int(s.scores.get("words", 0)) for s in document.sentences()]
        within = sum(1 for n in lengths if n <= limit)
        total, short = total + len(lengths), short + within
        before = document.scores["source"].get("flesch_kincaid_grade", 0.0)
        after = document.scores["output"].get("flesch_kincaid_grade", 0.0)
        print(
            f"| {path.name} | {len(lengths)} | {100 * within / len(lengths):.0f}% | {before:.1f} | {after:.1f} |"
        )
        if args.show:
            for sentence in document.sentences():
                print(
                    f"    {int(sentence.scores.get('words', 0)):2d} {sentence.text}",
                    file=sys.stderr,
                )
    print(f"| all | {total} | {100 * short / total:.1f}% | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
