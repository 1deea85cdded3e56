#!/usr/bin/env python3
"""Is a comment zone a forum thread or an article's comments? (issue 13, `context.thread-zone`)

Runs a winnow binary over every dev page, out of source (each source's lines by its LOSO line
model, each page typed by the page-type file that did not see its fold, as
scripts/score_boilerplate.py does), both renderings, and from the `--explain` records finds
each page's comment zone (its first line dropped by `context.zone` as `comment-widget`, to the
end of the page). For each zone: the tokens kept above it, the lines of LONG tokens or more
inside it and their tokens, the page's type call, the gold share of its `context.zone` drops
(a thread's posts are gold, an article's comments are not), and the page F1 gained when its
`context.zone` drops of RESTORE tokens or more come back (labelled tokens, as
scripts/probe_list_types.py counts them).

Prints, per source and rendering: zones, zones whose drops are mostly gold, those the zone
evidence alone selects (kept above <= ABOVE, >= POSTS long lines holding more tokens than
the kept text above) and those it selects on pages called forum, with the F1 each would
gain; then the thresholds chosen with each group (a wcxb domain fold or a source) left out:
the best forum gain over the other groups while no other page type of them loses more than
0.05 page-F1 in sum, and what the left-out group gets from that choice.

    scripts/probe_thread_zones.py --winnow BIN --line-models L --page-type-models P
"""

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_list_types as pl  # noqa: E402
import score_boilerplate as sb  # noqa: E402

LONG, RESTORE = 20, 10
ABOVE, POSTS = 300, 3
GRID_ABOVE = (100, 150, 200, 250, 300, 400, 500, 700, 1000)
GRID_POSTS = (1, 3, 5, 10, 20)
GRID_RESTORE = (5, 10, 20)


def zone(rows):
    """The features of a page's comment zone, or None when it has none."""
    drops = [i for i, r in enumerate(rows) if r[3] == "context.zone" and r[4] == "comment-widget"]
    if not drops:
        return None
    start = drops[0]
    above = sum(size for _, size, _, rule, _ in rows[:start] if rule is None)
    long = [size for _, size, _, _, _ in rows[start:] if size >= LONG]
    labelled = [(size, gold) for _, size, gold, rule, _ in rows[start:] if rule == "context.zone"]
    four = [r[:4] for r in rows]
    base = pl.f1(four, [r[3] is None for r in rows])
    gains = {
        k: pl.f1(
            four,
            [
                r[3] is None or (i >= start and r[3] == "context.zone" and r[1] >= k)
                for i, r in enumerate(rows)
            ],
        )
        - base
        for k in GRID_RESTORE
    }
    gold = sum(size for size, g in labelled if g) / max(1, sum(size for size, _ in labelled))
    return dict(above=above, posts=len(long), post_tokens=sum(long), gold=gold, gains=gains)


def rows_of(devset, rendering, page_id, record):
    rows = pl.page_rows(devset, rendering, page_id, record)
    kinds = {r["line"]: r["kind"] for r in record["winnow"].get("removed_lines", [])}
    # page_rows keeps (text, tokens, gold, rule); add the kind, matched by line order.
    folder = "cases_naive" if rendering == "naive" else "cases"
    text = sb.read(os.path.join(devset, folder, page_id + ".txt")).split("\n")
    numbers = [n for n, line in enumerate(text, 1) if sb.tokens(line)]
    return [row + (kinds.get(n),) for row, n in zip(rows, numbers)]


def selects(z, above, posts, called=None):
    return (
        z["above"] <= above
        and z["posts"] >= posts
        and z["post_tokens"] > z["above"]
        and (called is None or z["called"] == called)
    )


def fold_groups(page_type_models):
    """A page's group: its wcxb page-type fold (5 folds by domain, folds.json) or its source."""
    folds = json.load(open(os.path.join(page_type_models, "folds.json")))
    return lambda m: folds.get(m["id"], m["source"] + ".txt")[:-4]


def gains_by_group(zones, selected, restore, pages):
    """(group, rendering) -> mean page-F1 change when the zones `selected` accepts give back
    their posts (gain index `restore`); and the forum pages' summed change."""
    total = collections.Counter()
    forum = 0.0
    for z in zones:
        if selected(z):
            total[(z["group"], z["rendering"])] += z["gains"][restore]
            forum += z["gains"][restore] if z["type"] == "forum" else 0.0
    return {g: v / pages[g[0]] for g, v in total.items()}, forum


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--line-models", required=True)
    parser.add_argument("--page-type-models", required=True)
    args = parser.parse_args()
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    folds = json.load(open(os.path.join(args.page_type_models, "folds.json")))
    zones = {}
    for rendering in ("block", "naive"):
        got = sb.run_pages(
            args.winnow,
            args.devset,
            manifest,
            rendering,
            "none",
            None,
            args.line_models,
            args.page_type_models,
        )
        found = []
        for m in manifest:
            record = got.get(m["id"])
            z = record and zone(rows_of(args.devset, rendering, m["id"], record))
            if z:
                z.update(
                    source=m["source"],
                    type=sb.page_type(m),
                    group=folds.get(m["id"], m["source"] + ".txt")[:-4],
                    called=record["winnow"].get("page_type", "prose"),
                )
                found.append(z)
        zones[rendering] = found
        print(
            f"== {rendering}: source, zones, mostly gold, evidence selects (gold / not) and"
            f" gains, with the forum call (gold / not) and gains (restore >= {RESTORE})"
        )
        by = collections.defaultdict(list)
        for z in found:
            by[z["source"]].append(z)
        for source, group in sorted(by.items(), key=lambda x: -len(x[1])):
            ev = [z for z in group if selects(z, ABOVE, POSTS)]
            sel = [z for z in ev if z["called"] == "forum"]
            print(
                f"  {source:<13} {len(group):>4} {sum(z['gold'] >= 0.5 for z in group):>4}"
                f"  {sum(z['gold'] >= 0.5 for z in ev):>3} / {sum(z['gold'] < 0.5 for z in ev):<3}"
                f" {sum(z['gains'][RESTORE] for z in ev):+6.2f}"
                f"  {sum(z['gold'] >= 0.5 for z in sel):>3} / {sum(z['gold'] < 0.5 for z in sel):<3}"
                f" {sum(z['gains'][RESTORE] for z in sel):+6.2f}"
            )
    groups = {z["group"] for found in zones.values() for z in found}

    def choose(train):
        best = None
        for restore in GRID_RESTORE:
            for above in GRID_ABOVE:
                for posts in GRID_POSTS:
                    gain, worst = 0.0, 0.0
                    for found in zones.values():
                        by = collections.Counter()
                        for z in found:
                            if z["group"] in train and selects(z, above, posts, "forum"):
                                by[z["type"]] += z["gains"][restore]
                        gain += by["forum"]
                        worst = min([worst] + [v for t, v in by.items() if t != "forum"])
                    if worst >= -0.05 and (best is None or gain > best[0]):
                        best = (gain, restore, above, posts)
        return best

    print(
        "== left out: thresholds chosen on the other groups (restore, above, posts);"
        " the left-out group's summed page-F1 change by page type, block + naive"
    )
    for held in sorted(groups):
        _, restore, above, posts = choose(groups - {held})
        by = collections.Counter()
        for found in zones.values():
            for z in found:
                if z["group"] == held and selects(z, above, posts, "forum"):
                    by[z["type"]] += z["gains"][restore]
        print(
            f"  {held:<13} restore >= {restore:<2} above <= {above:<4} posts >= {posts:<2} "
            + " ".join(f"{t} {v:+.2f}" for t, v in sorted(by.items()))
        )


if __name__ == "__main__":
    main()
