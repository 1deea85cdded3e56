#!/usr/bin/env python3
"""Simulates the list-page guard on `winnow clean --explain` records and validates its two
thresholds by page folds inside wcxb (the only source with page types).

The guard: on a page whose main block (the run of lines with the largest sum of kept tokens
minus dropped tokens) holds less than BLOCK of the page's tokens, and whose kept share is
below KEPT, the lines dropped by the content score or the line decider come back (cue-rule,
zone and position drops stay). Token F1 is a bag of tokens, so restoring a line adds its
tokens to the output. Folds: a page is in half 0 or 1 by the SHA-1 of its id; thresholds are
chosen on one half (mean F1 of its pages) and reported on the other, then swapped. The
thresholds chosen on all of wcxb are applied to the other sources too (before / after).

  python3 scripts/list_guard_folds.py --winnow .build/release/winnow [--rendering naive]
"""

import argparse
import collections
import hashlib
import itertools
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402

RESTORED_RULES = {"builtin.content-score", "model.line-classifier"}
BLOCK_GRID = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
KEPT_GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
LINES_GRID = [0, 20, 40, 60, 80, 100, 150]


def half(page_id):
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 2


def page_facts(devset, rendering, m, record):
    """(gold counter, output counter, restorable counter, block share, kept share, number of
    restorable lines)."""
    lines = sb.input_text(devset, rendering, "none", m["id"]).split("\n")
    removed = {r["line"]: r["rule"] for r in record.get("winnow", {}).get("removed_lines", [])}
    title = record.get("title") or ""
    out = collections.Counter(sb.tokens((title + "\n" if title else "") + record.get("text", "")))
    back = collections.Counter()
    restorable = 0
    total = kept_total = 0
    best = run = kept_run = best_kept = 0
    for number, line in enumerate(lines, 1):
        toks = sb.tokens(line)
        if not toks:
            continue
        total += len(toks)
        dropped = number in removed
        if dropped and removed[number] in RESTORED_RULES:
            back.update(toks)
            restorable += 1
        if run <= 0:
            run = kept_run = 0
        run += -max(1, len(toks)) if dropped else len(toks)
        if not dropped:
            kept_run += len(toks)
            kept_total += len(toks)
        if run > best:
            best, best_kept = run, kept_run
    total = max(1, total)
    gold = collections.Counter(
        sb.tokens(sb.read(os.path.join(devset, "cases", m["id"] + ".gold.txt")))
    )
    return gold, out, back, best_kept / total, kept_total / total, restorable


def f1(out, gold):
    common = sum((out & gold).values())
    if not out and not gold:
        return 1.0
    p = common / sum(out.values()) if out else 0.0
    r = common / sum(gold.values()) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def fires(p, rule):
    """The guard fires on page `p` under `rule` = (block, kept, lines), None = never."""
    if rule is None:
        return False
    block, kept, lines = rule
    return p["block"] < block and p["kept"] < kept and p["lines"] >= lines


def scores(pages, rule):
    """Each page's F1 with the guard under `rule`."""
    return [p["f1_on"] if fires(p, rule) else p["f1_off"] for p in pages]


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def choose(pages):
    """(mean F1, rule): the grid's best rule on `pages` (ties: the first, most cautious)."""
    best = (mean(scores(pages, None)), None)
    for rule in itertools.product(BLOCK_GRID, KEPT_GRID, LINES_GRID):
        value = mean(scores(pages, rule))
        if value > best[0] + 1e-9:
            best = (value, rule)
    return best


def table(pages, rule, key):
    groups = collections.defaultdict(list)
    for p, on in zip(pages, scores(pages, rule)):
        groups[p[key]].append((p["f1_off"], on, fires(p, rule)))
    for name in sorted(groups, key=lambda g: -len(groups[g])):
        g = groups[name]
        print(
            f"| {name} | {len(g)} | {mean([a for a, _, _ in g]):.3f} | {mean([b for _, b, _ in g]):.3f} "
            f"| {sum(f for _, _, f in g)} | {100 * mean([a < 0.5 for a, _, _ in g]):.1f}% "
            f"| {100 * mean([b < 0.5 for _, b, _ in g]):.1f}% |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", help="path of a winnow binary (not needed with --records)")
    parser.add_argument("--records", help="cache of the records: read if it exists, else written")
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--rendering", choices=("block", "naive"), default="block")
    parser.add_argument("--line-models", help="folder of SOURCE.txt models (leave source out)")
    parser.add_argument("--lines", type=int, help="fix the minimum of restorable lines (grid: no)")
    parser.add_argument(
        "--fixed", help="BLOCK,KEPT,LINES: report these thresholds instead of choosing"
    )
    args = parser.parse_args()
    if args.lines is not None:
        LINES_GRID[:] = [args.lines]
    manifest = [json.loads(l) for l in open(os.path.join(args.devset, "manifest.jsonl"))]
    cache = args.records
    if cache and os.path.exists(cache):
        with open(cache) as f:
            records = json.load(f)
    else:
        if not args.winnow:
            sys.exit("--winnow is needed (no --records file yet)")
        records = sb.run_pages(
            args.winnow, args.devset, manifest, args.rendering, "none", line_models=args.line_models
        )
        if cache:
            with open(cache, "w") as f:
                json.dump(records, f)
    pages = []
    for m in manifest:
        gold, out, back, block, kept, lines = page_facts(
            args.devset, args.rendering, m, records.get(m["id"], {})
        )
        pages.append(
            {
                "id": m["id"],
                "source": m["source"],
                "type": sb.page_type(m),
                "half": half(m["id"]),
                "block": block,
                "kept": kept,
                "lines": lines,
                "f1_off": f1(out, gold),
                "f1_on": f1(out + back, gold),
            }
        )
    wcxb = [p for p in pages if p["source"] == "wcxb"]
    header = "| page_type | pages | before | after | guarded | before <0.5 | after <0.5 |\n|---|---:|---:|---:|---:|---:|---:|"
    for held in (0, 1):
        train = [p for p in wcxb if p["half"] != held]
        test = [p for p in wcxb if p["half"] == held]
        value, rule = choose(train)
        print(
            f"\nwcxb half {held} held out; chosen on half {1 - held} (block, kept, lines): {rule} "
            f"(its mean {mean(scores(train, None)):.3f} -> {value:.3f})"
        )
        print(header)
        table(test, rule, "type")
    if args.fixed:
        rule = tuple(float(x) for x in args.fixed.split(","))
    else:
        rule = choose(wcxb)[1]
    print(f"\nall sources, (block, kept, lines) = {rule}")
    print(header.replace("page_type", "source"))
    table(pages, rule, "source")
    print("\nall wcxb by page type")
    print(header)
    table(wcxb, rule, "type")


if __name__ == "__main__":
    main()
