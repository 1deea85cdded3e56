#!/usr/bin/env python3
"""Other products under a product: grids of repeated units below a page's buy button
(issue 13, s23).

A product page sells one thing; below its buy button, the units of a grid that repeat a marker
line ("Help & report", "+ $72.02 delivery", "Add to Cart") are other products (similar items,
"people also viewed", promoted tiles), which the gold of a product page leaves out. On a
listing or a collection the grid is the content, and its first buy button is inside it.

From the records of `scripts/probe_listing_runs.py dump` (each line with its gold label and the
rule that removed it, and the record's output text):

census    Kept tokens inside grid stretches (gold / chrome), by page type and by where the page's
          first buy button stands (none, above the stretch, inside it).
simulate  Kept lines inside the stretches of grids that start below the page's first buy button
          taken out of each record's output; settings `below:N` (the grid starts at least N
          non-blank lines below the buy button) and `below-text:N` (and no paragraph, two kept
          lines of 10+ tokens in a row, inside the grid's stretch). The change of the mean page
          F1 per source and page type, both renderings, and the pages that move by 0.02.
folds     The setting chosen without each held-out group (each source but wcxb; wcxb's pages in
          5 folds by page id): its change on the held-out group.

    scripts/probe_listing_runs.py dump --winnow BIN --line-models L --page-type-models P --out F
    scripts/probe_product_grids.py census F
    scripts/probe_product_grids.py simulate F below:1 below:5 below-text:1
"""

import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402
from probe_customer_reviews import is_buy_button, load, simulate_removals  # noqa: E402
from probe_product_pages import choose_by_folds  # noqa: E402

# ItemUnitsRule's marker: a line of the same tokens, 6 times or more, gaps of 2 to 40 lines
# that differ by at most a factor 2.
MIN_REPEATS, MAX_PERIOD, MAX_SPREAD = 6, 40, 2
PARAGRAPH_TOKENS = 10


def grid_stretches(page):
    """The stretches (first, last line position, inclusive) of the page's grids of repeated
    units, merged where they overlap."""
    places = collections.defaultdict(list)
    for position, tokens in enumerate(page["tokens"]):
        if tokens:
            places[tuple(tokens)].append(position)
    stretches = []
    for positions in places.values():
        if len(positions) < MIN_REPEATS:
            continue
        gaps = [b - a for a, b in zip(positions, positions[1:])]
        if min(gaps) < 2 or max(gaps) > MAX_PERIOD or max(gaps) > MAX_SPREAD * min(gaps):
            continue
        period = sorted(gaps)[len(gaps) // 2]
        last = len(page["tokens"]) - 1
        stretches.append((max(0, positions[0] - period + 1), min(last, positions[-1] + period - 1)))
    merged = []
    for first, last in sorted(stretches):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def first_buy_button(page):
    return next((i for i, t in enumerate(page["tokens"]) if is_buy_button(t)), None)


def holds_paragraphs(page, first, last):
    """Two kept lines of PARAGRAPH_TOKENS or more in a row inside the stretch."""
    previous = False
    for position in range(first, last + 1):
        line, tokens = page["lines"][position], page["tokens"][position]
        paragraph = line[3] is None and len(tokens) >= PARAGRAPH_TOKENS
        if paragraph and previous:
            return True
        previous = paragraph
    return False


def grid_lines(page, setting):
    """The kept lines of the grids below the first buy button, under `setting`."""
    name, value = setting.split(":")
    buy = first_buy_button(page)
    if buy is None:
        return []
    out = []
    for first, last in grid_stretches(page):
        if first < buy + int(value):
            continue
        if name == "below-text" and holds_paragraphs(page, first, last):
            continue
        out += [page["tokens"][p] for p in range(first, last + 1) if page["lines"][p][3] is None]
    return out


def census(args):
    pages = load(args)
    counts = collections.Counter()
    for key, page in pages.items():
        rendering = key.split("/", 1)[0]
        buy = first_buy_button(page)
        for first, last in grid_stretches(page):
            where = "no buy" if buy is None else "below buy" if buy < first else "buy inside"
            for p in range(first, last + 1):
                line = page["lines"][p]
                if line[3] is None:
                    gold = "gold" if line[2] == "keep" else "chrome"
                    counts[(rendering, page["type"], where, gold)] += len(page["tokens"][p])
    for rendering in ("block", "naive"):
        print(f"== {rendering}: kept tokens in grid stretches, gold / chrome")
        types = sorted({k[1] for k in counts if k[0] == rendering})
        for page_type in types:
            cells = []
            for where in ("no buy", "buy inside", "below buy"):
                g = counts[(rendering, page_type, where, "gold")]
                c = counts[(rendering, page_type, where, "chrome")]
                cells.append(f"{where} {g:>6} / {c:>6}")
            print(f"  {page_type:<14} " + "   ".join(cells))


def simulate(args):
    simulate_removals(load(args), args.settings, grid_lines)


def folds(args):
    choose_by_folds(load(args), args.settings, grid_lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("census", "simulate", "folds"))
    parser.add_argument("file")
    parser.add_argument("settings", nargs="*", default=["below:1", "below:5", "below-text:1"])
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    args = parser.parse_args()
    {"census": census, "simulate": simulate, "folds": folds}[args.what](args)


if __name__ == "__main__":
    main()
