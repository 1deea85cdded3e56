#!/usr/bin/env python3
"""How much kept text may lie above a forum thread's comment zone? (issue 13, s20)

`context.thread-zone` gives a comment zone's posts back on pages called forum when the kept
text above the zone is short (a title and an opening post). On many forum threads the zone
opens at the first quote of a later post ("X said:"), so the title and the first posts are
kept above it and the bound of 300 tokens stops the rule. This probe runs a winnow binary (run
it with main's, before the change) over every dev page, out of source as
scripts/score_boilerplate.py does, both renderings; for every page called forum with a comment
zone (scripts/probe_thread_zones.py's zone: kept tokens above, lines of 20+ tokens inside and
their tokens) and the page F1 gained when the zone's `context.zone` drops of K tokens or more come
back (the kept lines' text against the gold text, tokens counted as the scorer counts them), it
tries a grid: kept above <= A, the posts' tokens > R x the kept tokens above, restore
K. Groups: wcxb's 5 domain folds (the page-type models' folds.json) and every other source
whole; per (group, rendering) the mean page-F1 change must stay >= BAR. Prints the in-sample
table and, with each group left out, the choice with the best forum gain over the others and
what the held-out group gets from it.

    scripts/probe_forum_zone_bound.py --winnow BASE_BIN --line-models L --page-type-models P
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_thread_zones as pz  # noqa: E402
import score_boilerplate as sb  # noqa: E402

GRID_ABOVE = (300, 400, 500, 700, 1000, 1500, 10**9)
GRID_RATIO = (0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3)
GRID_RESTORE = (5, 10)
POSTS = 3
BAR = -0.002


def zone_of(rows, gold):
    """probe_thread_zones' zone (kept tokens above, posts, their tokens), with the page F1
    gained by restoring its `context.zone` drops of K tokens or more, K in GRID_RESTORE."""
    z = pz.zone(rows)
    if z is None:
        return None
    start = next(
        i for i, r in enumerate(rows) if r[3] == "context.zone" and r[4] == "comment-widget"
    )

    def f1(k):
        kept = [
            r[0]
            for i, r in enumerate(rows)
            if r[3] is None or (k and i >= start and r[3] == "context.zone" and r[1] >= k)
        ]
        return sb.prf("\n".join(kept), gold)[2]

    base = f1(0)
    z["gains"] = {k: f1(k) - base for k in GRID_RESTORE}
    return z


def selects(z, above, ratio):
    return z["posts"] >= POSTS and z["above"] <= above and z["post_tokens"] > ratio * z["above"]


def gains(zones, choice, pages):
    """(group, rendering) -> mean page-F1 change, and the forum pages' summed change."""
    above, ratio, k = choice
    return pz.gains_by_group(zones, lambda z: selects(z, above, ratio), k, pages)


def main():
    args, manifest = sb.probe_arguments(__doc__)
    group_of = pz.fold_groups(args.page_type_models)
    pages = collections.Counter(group_of(m) for m in manifest)
    zones = []
    for rendering, m, record in sb.out_of_source_records(
        args.winnow, args.devset, manifest, args.line_models, args.page_type_models
    ):
        if record["winnow"].get("page_type") != "forum":
            continue
        gold = sb.read(os.path.join(args.devset, "cases", m["id"] + ".gold.txt"))
        z = zone_of(pz.rows_of(args.devset, rendering, m["id"], record), gold)
        if z:
            z.update(id=m["id"], group=group_of(m), rendering=rendering, type=sb.page_type(m))
            zones.append(z)
    grid = [(a, r, k) for a in GRID_ABOVE for r in GRID_RATIO for k in GRID_RESTORE]
    print("== in sample: (above, ratio, restore): forum pages' F1 change in sum, worst group")
    for choice in grid:
        by_group, forum = gains(zones, choice, pages)
        worst = min(by_group.values(), default=0.0)
        print(f"  {choice}: forum {forum:+.2f}, worst (group, rendering) {worst:+.4f} per page")
    print("== chosen with each group left out")
    for held in sorted(pages):
        rest = [z for z in zones if z["group"] != held]
        allowed = [c for c in grid if min(gains(rest, c, pages)[0].values(), default=0) >= BAR]
        choice = max(allowed, key=lambda c: gains(rest, c, pages)[1])
        by_group, forum = gains([z for z in zones if z["group"] == held], choice, pages)
        mean = {r: by_group.get((held, r), 0.0) for r in ("block", "naive")}
        print(
            f"  {held:<14} chose {choice}: held out {mean['block']:+.4f} / {mean['naive']:+.4f}"
            f" per page (forum pages: {forum:+.2f} in sum)"
        )
    shipped = (1000, 0.5, 10)
    print(f"== pages the shipped choice {shipped} changes by more than 0.005")
    for z in sorted(zones, key=lambda z: z["gains"][10]):
        if selects(z, *shipped[:2]) and abs(z["gains"][10]) > 0.005:
            print(f"  {z['rendering']:<6} {z['id']:<16} {z['type']:<8} {z['gains'][10]:+.2f}")


if __name__ == "__main__":
    main()
