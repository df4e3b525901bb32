#!/usr/bin/env python3
"""Time converting each bundled example to HTML and PDF, and the peak memory of the process.

    python benchmarks/convert_examples.py [--repeat 3] [--markdown]

The spaCy model load is timed separately, since a batch pays it once.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import easyread
from easyread import nlp
from easyread.options import Options

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="conversions per example (median reported)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()

    started = time.perf_counter()
    pipeline = nlp.load()
    load_seconds = time.perf_counter() - started

    converter = easyread.Converter(Options())
    converter.context.nlp = pipeline
    rows = []
    with tempfile.TemporaryDirectory() as out:
        for path in sorted(EXAMPLES.iterdir()):
            if path.suffix not in (".md", ".txt", ".docx", ".html"):
                continue
            times = []
            for _ in range(args.repeat):
                result = converter.convert(path, out)
                times.append(result.seconds)
            sentences = len(result.document.sentences())
            rows.append((path.name, sentences, statistics.median(times), min(times)))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.markdown:
        print("| example | sentences | median s | best s |\n|---|---:|---:|---:|")
        for name, sentences, median, best in rows:
            print(f"| {name} | {sentences} | {median:.2f} | {best:.2f} |")
        print(f"\nspaCy model load: {load_seconds:.2f} s; peak memory: {peak_mb:.0f} MB")
    else:
        for name, sentences, median, best in rows:
            print(f"{name:32} {sentences:4d} sentences  median {median:.2f} s  best {best:.2f} s")
        print(f"model load {load_seconds:.2f} s, peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
