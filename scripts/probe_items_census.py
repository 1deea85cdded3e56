#!/usr/bin/env python3
"""Where listing and collection pages lose tokens (issue 13, s22).

From a `scripts/probe_collection_units.py dump` file (every non-blank line's verdict, kind,
rule and gold label, out of source): for the pages of the given true types, per rendering,

- recall: gold tokens dropped, by (called type, rule, kind);
- precision: chrome tokens kept, by place (above the first gold line, between the first and
  the last, below the last) and by (called type, rule);
- how many pages hold half and 80 % of the tokens lost either way;
- the labelled-token page F1 with each kind of error undone by an oracle.

    scripts/probe_items_census.py F [--types listing,collection] [--top 14] [--pages 12]
"""

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_collection_units as units  # noqa: E402
import score_boilerplate as sb  # noqa: E402


def place(index, first, last):
    if first is None or index < first:
        return "above"
    return "below" if index > last else "between"


def census(pages, rendering, types, top, listed):
    lost, kept, places = collections.Counter(), collections.Counter(), collections.Counter()
    oracle = collections.defaultdict(list)
    per_page = []
    for key, page in sorted(pages.items()):
        if not key.startswith(rendering + "/") or page["type"] not in types:
            continue
        rows = [(len(sb.tokens(x[5])), x[4]) for x in page["lines"]]
        shown = [x[1] != "drop" for x in page["lines"]]
        golds = [i for i, (_, g) in enumerate(rows) if g]
        first, last = (golds[0], golds[-1]) if golds else (None, None)
        page_lost = page_kept = 0
        for i, ((_, verdict, kind, rule, gold, _), (size, _)) in enumerate(
            zip(page["lines"], rows)
        ):
            if gold and verdict == "drop":
                lost[(page["called"], rule, kind)] += size
                page_lost += size
            if not gold and verdict != "drop":
                kept[(page["called"], rule)] += size
                places[place(i, first, last)] += size
                page_kept += size
        score = units.f1(rows, shown)
        per_page.append((score, key, page["type"], page["called"], page_lost, page_kept))
        oracle["as is"].append(score)
        oracle["gold drops back"].append(units.f1(rows, [s or g for s, (_, g) in zip(shown, rows)]))
        oracle["kept chrome out"].append(
            units.f1(rows, [s and g for s, (_, g) in zip(shown, rows)])
        )
        for where in ("above", "between", "below"):
            oracle[f"kept chrome {where} out"].append(
                units.f1(
                    rows,
                    [
                        s and (g or place(i, first, last) != where)
                        for i, (s, (_, g)) in enumerate(zip(shown, rows))
                    ],
                )
            )
    print(f"== {rendering}: {','.join(types)}: {len(per_page)} pages")
    for name, values in oracle.items():
        print(f"  mean F1 {name:<24} {sum(values) / max(1, len(values)):.3f}")
    losses = [p[4] for p in per_page]
    chrome = [p[5] for p in per_page]
    print(
        f"  gold tokens lost {sum(losses)}: half in {sb.pages_holding(losses, 0.5)} pages, "
        f"80 % in {sb.pages_holding(losses, 0.8)}"
    )
    print(
        f"  chrome tokens kept {sum(chrome)}: half in {sb.pages_holding(chrome, 0.5)} pages, "
        f"80 % in {sb.pages_holding(chrome, 0.8)}; by place {dict(places)}"
    )
    print("  gold tokens lost (called, rule, kind):")
    for k, v in lost.most_common(top):
        print(f"    {v:>7} {k}")
    print("  chrome tokens kept (called, rule):")
    for k, v in kept.most_common(top):
        print(f"    {v:>7} {k}")
    print("  pages losing most (F1, page, type, called, gold lost, chrome kept):")
    for p in sorted(per_page, key=lambda p: -(p[4] + p[5]))[:listed]:
        print(f"    {p[0]:.3f} {p[1]} {p[2]} {p[3]} {p[4]} {p[5]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--types", default="listing,collection")
    parser.add_argument("--top", type=int, default=14)
    parser.add_argument("--pages", type=int, default=12)
    args = parser.parse_args()
    pages = json.load(open(args.file))
    for rendering in ("block", "naive"):
        census(pages, rendering, args.types.split(","), args.top, args.pages)


if __name__ == "__main__":
    main()
