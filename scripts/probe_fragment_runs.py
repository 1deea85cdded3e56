#!/usr/bin/env python3
"""Which lines of the naive rendering are fragments of one sentence? (issue 13, `FragmentRuns`)

A naive scraper writes each text node on its own line (`cases_naive/`), so a link inside a
sentence splits it. This probe applies the join cues of `FragmentRuns.swift` (computed here
as the Swift code computes them) to every pair of lines in a row of each naive page and
counts, per cue and per source:

- joins: pairs the cue joins;
- same block: of the joins whose two lines could be found in the block rendering
  (`cases/`, one block per line, list markers ignored), the share that lie in one block line
  (the block rendering is the one that scores better);
- mixed labels: joins of a `keep` line and a `drop` line (the run's one verdict is wrong for
  one of them).

With --write DIR it also writes a dev set copy whose naive pages have each run on one line
(joined by a space: the scorer's tokens do not change), which
`scripts/score_boilerplate.py --devset DIR --rendering naive` scores through any binary: the
simulation that came before the Swift code.

    scripts/probe_fragment_runs.py [--devset D] [--sandwich] [--write DIR]
"""

import argparse
import collections
import json
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402

CONTINUATION = set(",.;:)]!?%”’、，。；：）」』】！？")
OPENING = set("([“‘„«,，、")
SENTENCE_END = set('.!?…。！？"”’)»')
BULLETS = set("•*·▪■●◦-–►▶")
MAX_FRAGMENTS = 64
MIN_LINES_PER_BLANK = 10
LIST_MARKER = re.compile(r"^\s*(?:[*\-•+>#]+|\d+[.)])\s+")
LEXICONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "config", "lexicons.yaml")


def lexicon(name):
    return yaml.load(open(LEXICONS, encoding="utf-8"), Loader=yaml.BaseLoader)[name]


def continuing_words():
    lists = lexicon("continuing_words")
    return {w for words in lists.values() for phrase in words for w in sb.tokens(phrase)}


BYLINE_STARTS = {
    sb.tokens(p)[0] for ps in lexicon("byline_prefix").values() for p in ps if sb.tokens(p)
}


def cue(first, second, words):
    """The cue that joins `second` to `first`, or None (FragmentRuns.continues)."""
    a, b = first.strip(), second.strip()
    if not a or not b or b[0] in BULLETS or b[:2] in ("+ ", "o ") or a[-1] == ":":
        return None
    if b[0] in CONTINUATION:
        return "continuation mark"
    if a[-1] in OPENING:
        return "opening mark"
    last_word = a.split()[-1]
    last = sb.tokens(last_word)
    # A word with a capital is a name or an abbreviation ("Brisbane, AU"), not a preposition.
    if last and last[-1] in words and not any(c.isupper() for c in last_word):
        return "continuing word"
    byline = sb.tokens(b.split()[0])[:1] in ([w] for w in BYLINE_STARTS)
    # A line that ends in a number (a time, a date, a count) is a field of its own.
    ends_field = a[-1] in SENTENCE_END or a[-1] in ";{" or a[-1].isnumeric()
    if b[0].islower() and not ends_field and not byline:
        return "lower case"
    return None


def cues(lines, words, sandwich=False):
    """The cue joining each line to the next (None: a run ends there); none on a page that
    separates its blocks by blank lines (FragmentRuns.minLinesPerBlank)."""
    if sum(not line.strip() for line in lines) * MIN_LINES_PER_BLANK >= len(lines):
        return [None] * len(lines)
    joins = [cue(lines[i], lines[i + 1], words) for i in range(len(lines) - 1)] + [None]
    if sandwich:
        # A short line between a line that ends no sentence and a continued one.
        for i in range(len(lines) - 2):
            a, b = lines[i].strip(), lines[i + 1].strip()
            if joins[i] or not a or not b or a[-1] in SENTENCE_END or a[-1] == ":":
                continue
            if len(b.split()) <= 3 and joins[i + 1] in ("continuation mark", "lower case"):
                joins[i] = "sandwich"
    run = 1
    for i, joined in enumerate(joins):
        if joined and run >= MAX_FRAGMENTS:
            joins[i] = None
        run = run + 1 if joins[i] else 1
    return joins


def squash(text):
    return re.sub(r"\s+", "", text)


def block_lines(block, naive):
    """The block line of each naive line, where the naive line's text is found in order."""
    blocks = [squash(LIST_MARKER.sub("", line)) for line in block]
    found = [None] * len(naive)
    current, position = 0, 0
    for i, line in enumerate(naive):
        text = squash(line)
        if not text:
            continue
        if current < len(blocks) and blocks[current][position : position + len(text)] == text:
            found[i] = current
        else:
            later = range(current + 1, min(len(blocks), current + 50))
            current = next((k for k in later if blocks[k].startswith(text)), None)
            if current is None:
                current, position = found_last(found, i), 0
                continue
            position = 0
            found[i] = current
        position += len(text)
        if position >= len(blocks[current]):
            current, position = current + 1, 0
    return found


def found_last(found, i):
    return next((f for f in reversed(found[:i]) if f is not None), 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--sandwich", action="store_true", help="also join short middles")
    parser.add_argument("--write", help="write a dev set copy with each run on one line")
    args = parser.parse_args()
    words = continuing_words()
    manifest = [json.loads(line) for line in open(os.path.join(args.devset, "manifest.jsonl"))]
    if args.write:
        os.makedirs(os.path.join(args.write, "cases_naive"), exist_ok=True)
        for name in ("cases", "manifest.jsonl"):
            link = os.path.join(args.write, name)
            if not os.path.exists(link):
                os.symlink(os.path.abspath(os.path.join(args.devset, name)), link)
    joins, same, compared, mixed = (collections.Counter() for _ in range(4))
    for meta in manifest:
        page = meta["id"]
        naive = sb.read(os.path.join(args.devset, "cases_naive", page + ".txt")).split("\n")
        labels = sb.read(os.path.join(args.devset, "cases_naive", page + ".labels")).split("\n")
        block = sb.read(os.path.join(args.devset, "cases", page + ".txt")).split("\n")
        found = block_lines(block, naive)
        joined = cues(naive, words, args.sandwich)
        for i, name in enumerate(joined):
            if not name:
                continue
            for key in (name, meta["source"]):
                joins[key] += 1
                if found[i] is not None and found[i + 1] is not None:
                    compared[key] += 1
                    same[key] += found[i] == found[i + 1]
                if i + 1 < len(labels) and {labels[i], labels[i + 1]} == {"keep", "drop"}:
                    mixed[key] += 1
        if args.write:
            out, run = [], []
            for i, line in enumerate(naive):
                run.append(line.strip() if run else line)
                if not joined[i]:
                    out.append(" ".join(run))
                    run = []
            with open(os.path.join(args.write, "cases_naive", page + ".txt"), "w") as f:
                f.write("\n".join(out))
    print(f"{'cue or source':20s} {'joins':>7s} {'same block':>10s} {'mixed labels':>12s}")
    for key in sorted(joins, key=lambda k: -joins[k]):
        share = same[key] / compared[key] if compared[key] else 0.0
        print(f"{key:20s} {joins[key]:7d} {share:10.3f} {mixed[key] / joins[key]:12.3f}")


if __name__ == "__main__":
    main()
