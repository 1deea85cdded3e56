#!/usr/bin/env python3
"""Scores `winnow langid` on the development sets of ../shared/devset/langid.

Usage: scripts/score_langid.py [WINNOW_BINARY] [--devset DIR]

For each of sentences.tsv, pairs.tsv and words.tsv (`lang<TAB>text`), writes the text column
to a temporary file, one per line, runs `WINNOW_BINARY langid FILE`, and compares the codes it
prints (one per line) with the labels. Reports accuracy per file (over lines and as the mean
over languages) and, with --per-language, each language's accuracy on sentences.

--half tuning|held-out scores only every other line of each language (the even-numbered ones,
or the odd): constants tuned on one half are reported on the other.
"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile

FILES = ("sentences.tsv", "pairs.tsv", "words.tsv")


def read_cases(path, half=None):
    cases = []
    seen = collections.Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                continue
            language, _, text = line.partition("\t")
            seen[language] += 1
            if half and (seen[language] % 2 == 1) != (half == "tuning"):
                continue
            # One case per output line: a text holding a line break would shift the rest.
            cases.append((language, " ".join(text.splitlines())))
    return cases


def run_langid(binary, texts):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as tmp:
        tmp.write("".join(text + "\n" for text in texts))
        name = tmp.name
    try:
        result = subprocess.run(
            [binary, "langid", name], capture_output=True, text=True, check=False
        )
    finally:
        os.unlink(name)
    if result.returncode != 0:
        sys.exit(f"{binary} langid exited {result.returncode}: {result.stderr.strip()}")
    if result.stderr.strip():
        print(result.stderr.strip(), file=sys.stderr)
    codes = result.stdout.split("\n")
    if codes and codes[-1] == "":
        codes.pop()
    if len(codes) != len(texts):
        sys.exit(f"{binary} langid printed {len(codes)} lines for {len(texts)} inputs")
    return codes


def score(cases, codes):
    per_language = collections.defaultdict(lambda: [0, 0])
    for (language, _), code in zip(cases, codes):
        per_language[language][1] += 1
        if code == language:
            per_language[language][0] += 1
    right = sum(r for r, _ in per_language.values())
    overall = right / len(cases) if cases else 0.0
    mean = sum(r / n for r, n in per_language.values()) / len(per_language)
    return overall, mean, per_language


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(root, ".build/release/winnow"))
    parser.add_argument("--devset", default=os.path.join(root, "..", "shared", "devset", "langid"))
    parser.add_argument("--per-language", action="store_true")
    parser.add_argument("--half", choices=("tuning", "held-out"))
    args = parser.parse_args()
    for file in FILES:
        cases = read_cases(os.path.join(args.devset, file), args.half)
        codes = run_langid(args.binary, [text for _, text in cases])
        overall, mean, per_language = score(cases, codes)
        print(
            f"{file:14} lines {len(cases):6}  accuracy {overall:6.1%}  "
            f"mean over {len(per_language)} languages {mean:6.1%}"
        )
        if args.per_language and file == "sentences.tsv":
            for language, (right, total) in sorted(per_language.items()):
                print(f"  {language} {right / total:6.1%}")


if __name__ == "__main__":
    main()
