#!/usr/bin/env python3
"""Kept lines that repeat an earlier kept line of the same page (issue 13, context.in-page-repeat).

From the records of `scripts/probe_listing_runs.py dump` (every dev page, both renderings, out
of source: each line with its gold label and the rule that removed it, and the record's output
text), simulates page F1 when the later copies of kept lines are taken out of the output (a bag
of tokens, as the dev set's token F1 counts them), for a grid of settings:

    min_tokens  a line of at least this many scorer tokens can be a copy
    split       1: only when a removed line lies between the copy and the first one (another
                block of kept text); 0: any later copy
    gate        the page-type calls the rule runs on: "all", or calls joined by "+"
                ("items+forum"; pages called prose have no call in the records: "None")
    paragraph   optional: a line of at least this many tokens is a copy even without a
                removed line between (0 or absent: never)

It prints, per setting, the change of the mean page F1 per source, per page type and per call,
both renderings; "!" marks a loss beyond 0.002.

    scripts/probe_listing_runs.py dump --winnow BIN --line-models L --page-type-models P --out F
    scripts/probe_in_page_repeats.py F [SETTING ...]  # min_tokens:split:gate[:paragraph]
"""

import argparse
import collections
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402

DEFAULT_SETTINGS = [
    "1:0:all",
    "3:0:all",
    "10:0:all",
    "3:1:all",
    "10:1:all",
    "3:0:items+forum",
    "1:1:items+forum",
    "3:1:items+forum",
    "6:1:items+forum",
    "10:1:items+forum",
    "3:1:items",
    "3:1:items+forum:10",
    "3:1:items+forum:20",
    "3:1:items+forum:40",
]


def f1(output, gold):
    common = sum((output & gold).values())
    out, ref = sum(output.values()), sum(gold.values())
    if not out and not ref:
        return 1.0
    p = common / out if out else 0.0
    r = common / ref if ref else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def later_copies(lines, min_tokens, split, paragraph=0):
    """Token lists of the kept lines that repeat an earlier kept line (the copies that go)."""
    first, copies, block = {}, [], 0
    for _, text, _, rule in lines:
        if rule is not None:
            block += 1
            continue
        key = tuple(sb.tokens(text))
        if not key:
            continue
        if key not in first:
            first[key] = block
        elif len(key) >= min_tokens and (
            not split or first[key] != block or (paragraph and len(key) >= paragraph)
        ):
            copies.append(key)
    return copies


def print_changes(base, after, settings):
    """Each group's page count, mean page F1 and its change under each setting."""
    print("group pages base " + " ".join(settings))
    for group in sorted(base):
        mean = statistics.mean(base[group])
        cells = []
        for setting in settings:
            change = statistics.mean(after[setting][group]) - mean
            cells.append(f"{change:+.4f}{'!' if change < -0.002 else ' '}")
        print(" ".join(group), len(base[group]), f"{mean:.4f}", " ".join(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("settings", nargs="*", default=DEFAULT_SETTINGS)
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    args = parser.parse_args()

    pages = json.load(open(args.file))
    gold = {}
    base = collections.defaultdict(list)
    after = collections.defaultdict(lambda: collections.defaultdict(list))
    for key, page in pages.items():
        rendering, page_id = key.split("/", 1)
        if page_id not in gold:
            path = os.path.join(args.devset, "cases", page_id + ".gold.txt")
            gold[page_id] = collections.Counter(sb.tokens(sb.read(path)))
        output = collections.Counter(sb.tokens(page["output"]))
        before = f1(output, gold[page_id])
        groups = [
            (rendering, "source", page["source"]),
            (rendering, "type", page["type"]),
            (rendering, "call", str(page["called"])),
            (rendering, "all", "pages"),
        ]
        for group in groups:
            base[group].append(before)
        for setting in args.settings:
            min_tokens, split, gate, *paragraph = setting.split(":")
            value = before
            if page["has_record"] and (gate == "all" or str(page["called"]) in gate.split("+")):
                removed = collections.Counter()
                copies = later_copies(
                    page["lines"], int(min_tokens), split == "1", int((paragraph or ["0"])[0])
                )
                for copy in copies:
                    removed.update(copy)
                if removed:
                    value = f1(output - removed, gold[page_id])
            for group in groups:
                after[setting][group].append(value)
    print_changes(base, after, args.settings)


if __name__ == "__main__":
    main()
