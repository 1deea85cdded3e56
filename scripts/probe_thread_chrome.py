#!/usr/bin/env python3
"""Does a comment zone repeat a thread's per-post chrome? (issue 13, `context.thread-chrome`)

Runs a winnow binary over every dev page, out of source as scripts/score_boilerplate.py does
(each source's lines by its LOSO line model, each page typed by the fold that never saw it),
both renderings,
and from the `--explain` records finds the comment zone of each page not called forum as
scripts/probe_thread_zones.py does. For each zone, the evidence of `context.thread-chrome`,
computed here as the rule computes it (tokens as the scorer counts them):

- templates: the most short lines (<= CHROME tokens, digits folded) that repeat at least 3
  times, each with a line of SEPARATOR+ tokens between two thirds of its occurrences, with
  counts within one of each other ("Share", "Improve this answer", "Follow" once per answer);
- numbers: the longest run of consecutive post numbers "#4", "#5", "#6" on short lines;

and the page F1 gained when the zone's `context.zone` drops of RESTORE tokens or more come
back (labelled tokens). Prints what each evidence selects per group (wcxb's pages by their
page-type fold, 5 folds by domain; every other source whole), then the
thresholds chosen with each group left out: the largest forum gain over the other groups'
forum pages while no other group (per rendering, mean over its pages) loses more than 0.002,
and what the left-out group gets from that choice.

    scripts/probe_thread_chrome.py --winnow BIN --line-models L --page-type-models P
"""

import argparse
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_thread_zones as pz  # noqa: E402
import score_boilerplate as sb  # noqa: E402

CHROME, SEPARATOR, NUMBER_LINE, POSTS = 5, 8, 8, 3
POST_NUMBER = re.compile(r"(?<![0-9A-Za-z\u0080-\uffff])#(\d{1,5})(?![0-9A-Za-z\u0080-\uffff])")
GRID_ABOVE = (300, 500, 700, 1000, 1500, 10**9)
GRID_TEMPLATES = (3, 4, 5, 6, 99)
GRID_NUMBERS = (3, 4, 99)
GRID_RESTORE = (5, 10)
BAR = -0.002


def templates(zone):
    """The most short-line templates recurring once per post, counts within one."""
    seen = {}
    last_post = -1
    for i, (text, size) in enumerate(zone):
        if size >= SEPARATOR:
            last_post = i
        if not 0 < size <= CHROME:
            continue
        key = " ".join("0" if re.search(r"\d", t) else t.lower() for t in sb.tokens(text))
        entry = seen.setdefault(key, [0, i, 0])
        if entry[0]:
            entry[2] += last_post > entry[1]
        entry[0] += 1
        entry[1] = i
    by_count = collections.Counter(
        n for n, _, gaps in seen.values() if n >= 3 and gaps * 3 >= (n - 1) * 2
    )
    return max((v + by_count.get(c + 1, 0) for c, v in by_count.items()), default=0)


def number_run(zone):
    longest = run = 0
    previous = None
    for text, size in zone:
        m = POST_NUMBER.search(text) if size <= NUMBER_LINE else None
        if not m:
            continue
        n = int(m.group(1))
        run = run + 1 if previous is not None and n == previous + 1 else 1
        longest, previous = max(longest, run), n
    return longest


def zone_of(rows):
    """probe_thread_zones' zone features (kept tokens above, posts, gains by restore size),
    with the zone's templates and post-number run."""
    z = pz.zone(rows)
    if z:
        start = next(
            i for i, r in enumerate(rows) if r[3] == "context.zone" and r[4] == "comment-widget"
        )
        zone = [(text, size) for text, size, *_ in rows[start:]]
        z.update(templates=templates(zone), numbers=number_run(zone))
    return z


def selects(z, above, tpl, num):
    return (
        z["posts"] >= POSTS
        and z["above"] <= above
        and (z["templates"] >= tpl or z["numbers"] >= num)
    )


def gains_by_group(zones, choice, pages):
    """(group, rendering) -> mean page F1 change; and the forum pages' summed change."""
    above, tpl, num, k = choice
    return pz.gains_by_group(zones, lambda z: selects(z, above, tpl, num), k, pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--line-models", required=True)
    parser.add_argument("--page-type-models", required=True)
    args = parser.parse_args()
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    group_of = pz.fold_groups(args.page_type_models)
    pages = collections.Counter(group_of(m) for m in manifest)
    forum_pages = collections.Counter(group_of(m) for m in manifest if sb.page_type(m) == "forum")
    zones = []
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
        for m in manifest:
            # The rule runs on pages not called forum (on those, context.thread-zone does).
            if m["id"] not in got or got[m["id"]]["winnow"].get("page_type") == "forum":
                continue
            z = zone_of(pz.rows_of(args.devset, rendering, m["id"], got[m["id"]]))
            if z:
                z.update(group=group_of(m), rendering=rendering, type=sb.page_type(m))
                zones.append(z)
    grid = [
        (a, t, n, k)
        for a in GRID_ABOVE
        for t in GRID_TEMPLATES
        for n in GRID_NUMBERS
        for k in GRID_RESTORE
    ]
    shipped = (300, 5, 99, 5)  # post numbers off
    print(f"== the shipped evidence {shipped} (above, templates, numbers, restore): per group")
    by_group, forum = gains_by_group(zones, shipped, pages)
    for g, v in sorted(by_group.items()):
        print(f"  {g[0]:<14} {g[1]:<6} {v:+.4f} per page")
    print(f"  forum pages: {forum:+.2f} page-F1 in sum over both renderings")
    print("== chosen with each group left out (forum gain of the others, none below the bar)")
    for held in sorted(pages):
        best = None
        for choice in grid:
            by_group, _ = gains_by_group([z for z in zones if z["group"] != held], choice, pages)
            if min(by_group.values(), default=0) < BAR:
                continue
            forum = sum(
                z["gains"][choice[3]]
                for z in zones
                if z["group"] != held and z["type"] == "forum" and selects(z, *choice[:3])
            )
            if best is None or forum > best[0] + 1e-9:
                best = (forum, choice)
        choice = best[1]
        by_group, forum = gains_by_group([z for z in zones if z["group"] == held], choice, pages)
        mean = {r: by_group.get((held, r), 0.0) for r in ("block", "naive")}
        print(
            f"  {held:<14} chose {choice}: held out {mean['block']:+.4f} / {mean['naive']:+.4f}"
            f" per page (forum pages {forum_pages[held]}: {forum:+.2f} in sum)"
        )


if __name__ == "__main__":
    main()
