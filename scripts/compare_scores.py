#!/usr/bin/env python3
"""Before/after table of two score files (scripts/score_boilerplate.py --json, or
scripts/lost_pages_census.py --scores): mean token F1 and the share of pages below F1 0.5,
per source and per page type, with the change; the mean of sources; and the pages that moved
across 0.5. Exits 1 when a source loses more than --max-loss (default 0.002) mean F1.

Usage: scripts/compare_scores.py BEFORE.json AFTER.json [--max-loss 0.002] [--markdown]
"""

import argparse
import collections
import json
import sys

LOW_F1 = 0.5


def groups(scores, key):
    out = collections.defaultdict(list)
    for s in scores:
        out[s[key]].append(s)
    return out


def mean(group):
    return sum(s["f1"] for s in group) / len(group)


def low(group):
    return 100 * sum(s["f1"] < LOW_F1 for s in group) / len(group)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--max-loss", type=float, default=0.002)
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    args = parser.parse_args()
    before = json.load(open(args.before))
    after = json.load(open(args.after))
    worst = 0.0
    for key in ("source", "page_type"):
        old, new = groups(before, key), groups(after, key)
        if args.markdown:
            print(f"\n| {key} | pages | before | after | change | <0.5 before | <0.5 after |")
            print("|---|---:|---:|---:|---:|---:|---:|")
        else:
            print(f"-- by {key}")
        for name in sorted(old, key=lambda g: -len(old[g])):
            a, b = mean(old[name]), mean(new[name])
            if key == "source":
                worst = min(worst, b - a)
            cells = (name, len(old[name]), a, b, b - a, low(old[name]), low(new[name]))
            if args.markdown:
                print("| %s | %d | %.3f | %.3f | %+.3f | %.1f %% | %.1f %% |" % cells)
            else:
                print("%-14s %5d  %.3f -> %.3f  %+.4f  <0.5 %4.1f%% -> %4.1f%%" % cells)
    for name, scores in (("before", before), ("after", after)):
        sources = groups(scores, "source")
        means = [mean(g) for g in sources.values()]
        print(
            f"{name}: mean of sources {sum(means) / len(means):.4f}, all pages {mean(scores):.4f},"
            f" <0.5 {low(scores):.1f} % ({sum(s['f1'] < LOW_F1 for s in scores)})"
        )
    old = {s["id"]: s for s in before}
    moved = [
        (s, old[s["id"]]) for s in after if (s["f1"] < LOW_F1) != (old[s["id"]]["f1"] < LOW_F1)
    ]
    for s, o in sorted(moved, key=lambda m: m[0]["f1"] - m[1]["f1"]):
        print(
            f"  moved {o['f1']:.3f} -> {s['f1']:.3f}  {s['source']:<12} {s['page_type']:<13} {s['id']}"
        )
    print(f"worst source change {worst:+.4f} (bar -{args.max_loss})")
    sys.exit(1 if worst < -args.max_loss else 0)


if __name__ == "__main__":
    main()
