#!/usr/bin/env python3
"""Are the dropped lines between two kept lines the text's code? (issue 13, `context.code-gap`)

Runs a winnow binary over every dev page, out of source (each source's lines by its LOSO line
model, each page typed by the page-type file that did not see its fold, as
scripts/score_boilerplate.py does), both renderings, and from the `--explain` records finds
each page's gaps: the runs of dropped lines between two kept lines. A gap's lowercase share
is the share of its tokens in lines with a lowercase letter and no uppercase letter or letter
without case (code, commands, identifiers; a menu, a share bar, a price or a related link
between two paragraphs is not). For each share
threshold of GRID it counts the page F1 (labelled tokens, as scripts/probe_list_types.py
counts them) when the gaps at or above it give back their weak drops (WEAK: the content
score's, the line model's and the stray-fragment rule's; a cue rule's drop stays).

Prints the mean page F1 by source and by wcxb page type, both renderings, for each threshold;
then the threshold chosen with each group (a wcxb domain fold or a source) left out (the best
mean page F1 over the other groups' pages, both renderings, among the thresholds that cost no
other group more than GUARD on either rendering) and the left-out group's change.

    scripts/probe_code_gaps.py --winnow BIN --line-models L --page-type-models P
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_list_types as pl  # noqa: E402
import probe_thread_zones as pz  # noqa: E402
import score_boilerplate as sb  # noqa: E402

WEAK = ("builtin.content-score", "model.line-classifier", "builtin.stray-fragment")
GUARD = 0.002
GRID = (None, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def is_lowercase(line):
    """A lowercase letter, no uppercase letter and no letter without case (Han, Arabic, Thai),
    as the rule's scan."""
    return any(c.islower() for c in line) and not any(c.isalpha() and not c.islower() for c in line)


def gap_f1s(rows):
    """The page F1 for each threshold of GRID (None: as winnow left it)."""
    kept = [i for i, (_, _, _, rule) in enumerate(rows) if rule is None]
    shares = []
    for a, b in zip(kept, kept[1:]):
        gap = rows[a + 1 : b]
        size = sum(r[1] for r in gap)
        if size:
            lower = sum(r[1] for r in gap if is_lowercase(r[0]))
            shares.append((lower / size, range(a + 1, b)))
    out = []
    for threshold in GRID:
        shown = [rule is None for _, _, _, rule in rows]
        for share, span in shares:
            if threshold is not None and share >= threshold:
                for i in span:
                    shown[i] = shown[i] or rows[i][3] in WEAK
        out.append(pl.f1(rows, shown))
    return out


def main():
    args, manifest = sb.probe_arguments(__doc__)
    group_of = pz.fold_groups(args.page_type_models)
    pages = []
    for rendering, m, record in sb.out_of_source_records(
        args.winnow, args.devset, manifest, args.line_models, args.page_type_models
    ):
        rows = pl.page_rows(args.devset, rendering, m["id"], record)
        kind = sb.page_type(m) if m["source"] == "wcxb" else m["source"]
        pages.append((rendering, kind, group_of(m), gap_f1s(rows)))

    def mean(selected, column):
        return sum(p[3][column] for p in selected) / max(1, len(selected))

    for rendering in ("block", "naive"):
        by = collections.defaultdict(list)
        for p in pages:
            if p[0] == rendering:
                by[p[1]].append(p)
        names = sorted(by)
        print(f"== {rendering}: mean page F1 by source / wcxb page type, per lowercase share")
        print(" " * 10 + "".join(f"{n[:11]:>12}" for n in names))
        for column, threshold in enumerate(GRID):
            label = "as is" if threshold is None else f">= {threshold}"
            print(f"{label:<10}" + "".join(f"{mean(by[n], column):>12.3f}" for n in names))
    groups = sorted({p[2] for p in pages})
    split = {
        (g, r): [p for p in pages if p[2] == g and p[0] == r]
        for g in groups
        for r in ("block", "naive")
    }

    def guarded(column, held):
        return all(
            mean(split[(g, r)], column) - mean(split[(g, r)], 0) >= -GUARD
            for g in groups
            if g != held
            for r in ("block", "naive")
        )

    print("== left out: threshold chosen on the other groups; the group's mean page F1 change")
    for held in groups:
        train = [p for p in pages if p[2] != held]
        allowed = [c for c in range(1, len(GRID)) if guarded(c, held)] or [0]
        column = max(allowed, key=lambda c: mean(train, c))
        change = "  ".join(
            f"{r} {mean(split[(held, r)], column) - mean(split[(held, r)], 0):+.4f}"
            for r in ("block", "naive")
        )
        print(f"  {held:<13} >= {GRID[column]}  {change}")


if __name__ == "__main__":
    main()
