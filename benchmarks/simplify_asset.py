"""Measure the simplifier against people: SARI and FKGL on the ASSET validation set.

ASSET (2,000 English sentences, each simplified by 10 people) is evaluation
data under a non-commercial licence, so it is never copied into this
repository: pass its folder and the scorer as arguments or in the
environment.

    pip install -e ".[bench]"
    python benchmarks/simplify_asset.py --asset PATH/TO/asset --scorer PATH/TO/sari_eval.py \\
        [--ablation] [--write-docs] [--limit N]

What it does:
1. runs ``easyread simplify --lines`` over ``asset.valid.orig`` (all rules on,
   then, with ``--ablation``, once with each rule switched off) and scores
   each output with the scorer (corpus SARI, FKGL with the CMU dictionary);
2. measures speed in-process on one core, model load excluded: sentences
   per second through the simplifier (parse + rules);
3. with ``--write-docs``, writes the table between the markers in
   docs/quality.md ("Simplification" section).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUALITY = ROOT / "docs" / "quality.md"
BEGIN = "<!-- simplify-asset:begin -->"
END = "<!-- simplify-asset:end -->"


def run_cli(orig: Path, out: Path, disable: list[str]) -> None:
    """Simplify ASSET through the command line, as a user would."""
    command = [sys.executable, "-m", "easyread", "simplify", "--lines", str(orig)]
    for name in disable:
        command += ["--disable", name]
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run(
            command, check=True, stdout=handle, env={**os.environ, "OMP_NUM_THREADS": "1"}
        )


def score(scorer: Path, asset: Path, out: Path, orig: Path, refs: list[Path]) -> dict[str, float]:
    """SARI and FKGL of an output file, from the scorer's JSON."""
    command = [
        sys.executable,
        str(scorer),
        str(out),
        "--json",
        "--orig",
        str(orig),
        "--refs",
        ",".join(str(r) for r in refs),
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def halves(
    scorer: Path, asset: Path, work: Path, out: Path, orig: Path, refs: list[Path]
) -> dict[str, dict[str, float]]:
    """Scores of the even- and odd-numbered lines on their own: how well tuning carries over."""
    found: dict[str, dict[str, float]] = {}
    for name, start in (("even", 0), ("odd", 1)):
        paths = []
        for number, source in enumerate([out, orig, *refs]):
            lines = source.read_text(encoding="utf-8").splitlines(keepends=True)[start::2]
            path = work / f"{name}.{number}"
            path.write_text("".join(lines), encoding="utf-8")
            paths.append(path)
        found[name] = score(scorer, asset, paths[0], paths[1], paths[2:])
    return found


def speed(lines: list[str], runs: int = 3) -> dict[str, float]:
    """Sentences per second through the simplifier on one core, model loaded first.

    The first run starts with empty word caches (a fresh batch); the best of
    `runs` shows the machine's speed with the least interference from other
    work. The share of time spent in spaCy's parser is reported too.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from easyread.options import Options
    from easyread.simplify import simplifier
    from easyread.stages import Context

    context = Context(Options())
    engine = simplifier(context)
    engine.units(lines[:20], independent=True)  # load the word lists and the model's weights
    totals: list[float] = []
    parses: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        engine.units(lines, independent=True)
        totals.append(time.perf_counter() - started)
        started = time.perf_counter()
        for _doc in engine.parse(lines):
            pass
        parses.append(time.perf_counter() - started)
    words = sum(len(line.split()) for line in lines)
    return {
        "first": len(lines) / totals[0],
        "best": len(lines) / min(totals),
        "words_best": words / min(totals),
        "parse_share": min(parses) / min(totals),
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"),
    }


def table(rows: list[tuple[str, dict[str, float]]], base: dict[str, float]) -> str:
    lines = [
        "| Configuration | SARI | ΔSARI | add | keep | delete | FKGL (cmudict) | BLEU |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result in rows:
        delta = result["SARI"] - base["SARI"]
        lines.append(
            f"| {name} | {result['SARI']:.2f} | {delta:+.2f} | {result['SARI_add']:.2f} | "
            f"{result['SARI_keep']:.2f} | {result['SARI_del']:.2f} | "
            f"{result['FKGL_cmudict_corpus']:.2f} | {result['BLEU']:.1f} |"
        )
    return "\n".join(lines)


def write_docs(text: str) -> None:
    content = QUALITY.read_text(encoding="utf-8")
    if BEGIN not in content or END not in content:
        raise SystemExit(f"{QUALITY} has no {BEGIN} ... {END} markers")
    head, rest = content.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    QUALITY.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--asset",
        type=Path,
        default=os.environ.get("EASYREAD_ASSET"),
        help="folder holding asset.valid.orig and asset.valid.simp.0-9 (or $EASYREAD_ASSET)",
    )
    parser.add_argument(
        "--scorer",
        type=Path,
        default=os.environ.get("EASYREAD_SARI"),
        help="the sari_eval.py scorer (or $EASYREAD_SARI)",
    )
    parser.add_argument(
        "--ablation", action="store_true", help="also score with each rule switched off"
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences")
    parser.add_argument(
        "--write-docs", action="store_true", help="write the table into docs/quality.md"
    )
    args = parser.parse_args(argv)
    if not args.asset or not args.scorer:
        parser.error("give --asset and --scorer (or set EASYREAD_ASSET and EASYREAD_SARI)")
    from easyread.simplify import RULES

    orig = args.asset / "asset.valid.orig"
    refs = [args.asset / f"asset.valid.simp.{i}" for i in range(10)]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.limit:
            cut = work / "orig.txt"
            cut.write_text(
                "".join(orig.open(encoding="utf-8").readlines()[: args.limit]), encoding="utf-8"
            )
            cut_refs = []
            for number, ref in enumerate(refs):
                path = work / f"ref.{number}"
                path.write_text(
                    "".join(ref.open(encoding="utf-8").readlines()[: args.limit]), encoding="utf-8"
                )
                cut_refs.append(path)
            orig, refs = cut, cut_refs
        configurations: list[tuple[str, list[str]]] = [
            ("copy the input (no rule)", list(RULES)),
            ("all rules", []),
        ]
        if args.ablation:
            configurations += [(f"without {name}", [name]) for name in RULES]
        rows = []
        split_halves: dict[str, dict[str, float]] = {}
        for label, disable in configurations:
            out = work / "out.txt"
            run_cli(orig, out, disable)
            result = score(args.scorer, args.asset, out, orig, refs)
            rows.append((label, result))
            print(
                f"{label:32} SARI {result['SARI']:.2f}  FKGL {result['FKGL_cmudict_corpus']:.2f}",
                flush=True,
            )
            if not disable:
                split_halves = halves(args.scorer, args.asset, work, out, orig, refs)
                for name, found in split_halves.items():
                    print(
                        f"  {name} lines: SARI {found['SARI']:.2f}  "
                        f"FKGL {found['FKGL_cmudict_corpus']:.2f}"
                    )
        lines = [line.rstrip("\n") for line in orig.open(encoding="utf-8")]
    fast = speed(lines)
    print(
        f"speed: first run {fast['first']:.0f} sentences/s, best {fast['best']:.0f} sentences/s "
        f"({fast['words_best']:.0f} words/s), parsing {100 * fast['parse_share']:.0f}% of the time, "
        f"load average {fast['load']:.1f}"
    )
    base = rows[1][1]
    text = "\n".join(
        [
            f"Measured on the ASSET validation split ({len(lines)} sentences, 10 references each) with",
            "`python benchmarks/simplify_asset.py --asset ASSET_DIR --scorer sari_eval.py --ablation --write-docs`.",
            'ΔSARI is the change from "all rules": a negative figure means the rule helps.',
            "",
            table(rows, base),
            "",
            "With all rules on, the even-numbered lines (0, 2, 4 ..., read while tuning the rules) score "
            f"SARI {split_halves['even']['SARI']:.2f} (FKGL {split_halves['even']['FKGL_cmudict_corpus']:.2f});",
            "the odd-numbered lines (1, 3, 5 ..., not read in the later rounds of tuning) score "
            f"SARI {split_halves['odd']['SARI']:.2f} (FKGL {split_halves['odd']['FKGL_cmudict_corpus']:.2f}).",
            "",
            f"Speed, one core, model load excluded: {fast['first']:.0f} sentences/s on the first run (empty word",
            f"caches), {fast['best']:.0f} sentences/s ({fast['words_best']:.0f} words/s) at best of 3 runs; spaCy's",
            f"parse takes {100 * fast['parse_share']:.0f}% of the time. Load average during the run: {fast['load']:.1f}",
            "on 2 cores"
            + (" (other work was running), so these figures are lower bounds." if fast["load"] > 1 else "."),
        ]
    )
    if args.write_docs:
        write_docs(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
