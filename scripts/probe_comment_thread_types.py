#!/usr/bin/env python3
"""Does the page's first comment zone tell an article with reader comments from a thread of
posts? (issue 13, s22)

The page-type model calls blog posts and stories with long reader-comment threads (dragnet's
Slashdot-like pages) forum with 0.6-0.98. Two kinds of evidence around the page's comment
zone (from its first row a zone rule dropped as a comment widget):

- its shape (`ZONE_NAMES`, not shipped): where it starts, the kept tokens and long kept lines
  above it, its posts (lines of POST_TOKENS tokens) and the kept tokens above against one post;
- its chrome (`zone_chrome_above`, measured, not shipped): how many of its per-post templates
  also stand above it, as a thread's first post carries them and an article does not.

For each, the values per kind of page (wcxb forum, article and other pages, dragnet, the other
sources; among pages whose zone has templates for the chrome), then the forum calls out of
group as scripts/train_page_type.py makes them (wcxb's pages in 5 folds by domain, every
other learnt source whole; the closed sources typed by the model of all learnt pages; the
same trees and parameters, both renderings), and the dragnet pages called forum from `--min`.

    scripts/probe_comment_thread_types.py --cache DIR [--build DIR] [--min 0.4]
"""

import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import thread_chrome  # noqa: E402
import train_page_type as tp  # noqa: E402  (re-runs itself in the venv when needed)

tb, np = tp.tb, tp.np
ZONE_NAMES = [
    "comment_zone_start",
    "log_kept_tokens_above_zone",
    "log_long_kept_above_zone",
    "log_zone_posts",
    "log_above_over_post",
]
POST_TOKENS = 20  # a zone line this long is a post (ThreadZoneRule.postTokens)
CALLS = (0.4, 0.7, 0.9)


def zone_shape(lines):
    """Each page's ZONE_NAMES values over its judged rows (one per run)."""
    at = {n: i for i, n in enumerate(lines.names)}
    rows = np.flatnonzero(tb.run_starts(lines))
    page = lines.page[rows]
    tokens = np.rint(np.expm1(lines.x[rows, at["log_tokens"]].astype(np.float64)))
    kept = np.isin(lines.group[rows], tp.KEPT_GROUPS)
    comment = (lines.group[rows] == "zoneDrop") & (lines.x[rows, at["kind_comment-widget"]] == 1)
    out = np.zeros((len(lines.pages), len(ZONE_NAMES)))
    starts = np.flatnonzero(np.r_[True, page[1:] != page[:-1]])
    for a, b in zip(starts, np.r_[starts[1:], len(rows)]):
        zone = np.flatnonzero(comment[a:b])
        start = zone[0] if len(zone) else b - a
        size = tokens[a:b]
        long = size >= POST_TOKENS
        posts = np.sum(long[start:])
        post_mean = size[start:][long[start:]].mean() if posts else 0.0
        above = np.log1p(size[:start][kept[a:b][:start]].sum())
        out[page[a]] = [
            start / (b - a),
            above,
            np.log1p(np.sum(long[:start] & kept[a:b][:start])),
            np.log1p(posts),
            above - np.log1p(post_mean) if posts else 0.0,
        ]
    return out


def zone_chrome_above(lines, numbers):
    """Each page's count of its comment zone's per-post templates that also stand above the
    zone, over the page lines; 0 without a zone (the page-type feature measured in s22)."""
    out = np.zeros(len(lines.pages))
    for page, keys, start in tp.comment_zones(lines, numbers):
        templates = thread_chrome.per_post_templates(keys[start:])
        out[page] = len(templates.keys() & {key for key, _ in keys[:start]})
    return out


def zone_templates(lines, numbers):
    """Each page's count of per-post templates in its comment zone (0 without a zone)."""
    out = np.zeros(len(lines.pages))
    for page, keys, start in tp.comment_zones(lines, numbers):
        out[page] = len(thread_chrome.per_post_templates(keys[start:]))
    return out


def out_of_group(x, labels, group, learnt):
    """Each page's forum probability from a model trained without its group (the closed
    sources: the model of all learnt pages)."""
    prob = np.full(len(group), np.nan)
    for g in sorted(set(group[learnt])):
        test = np.flatnonzero(group == g)
        train = np.flatnonzero(learnt & (group != g))
        prob[test] = tp.fit(x[train], labels[train]).predict(x[test])
    closed = np.flatnonzero(~learnt)
    prob[closed] = tp.fit(x[learnt], labels[learnt]).predict(x[closed])
    return prob


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=tb.DEFAULT_DEVSET)
    parser.add_argument("--cache", required=True, help="a folder of train_boilerplate.py's")
    parser.add_argument("--build", default=os.path.join(tb.REPO, ".build", "release"))
    parser.add_argument("--min", type=float, default=0.4, help="print dragnet pages from this")
    args = parser.parse_args()
    tb.CACHE = args.cache
    lines, rendering = tp.load_lines(args.devset)
    numbers = tp.row_numbers(os.path.join(args.build, "WinnowFeatures"), args.devset)
    pages = lines.pages
    source = np.array([p[1] for p in pages])
    fine = np.array([p[2] for p in pages])
    coarse = np.array([tp.COARSE.get(t, "prose") for t in fine])
    _, base = tp.page_features(lines)
    above = zone_chrome_above(lines, numbers)
    shape = zone_shape(lines)
    templates = zone_templates(lines, numbers)
    kinds = {
        "wcxb forum": (source == "wcxb") & (coarse == "forum"),
        "wcxb article": (source == "wcxb") & (fine == "article"),
        "wcxb other": (source == "wcxb") & (coarse != "forum") & (fine != "article"),
        "dragnet": source == "dragnet",
        "other sources": (source != "wcxb") & (source != "dragnet"),
    }
    for r, name in enumerate(tb.RENDERINGS):
        print(f"{name}: means of the zone's shape ({', '.join(ZONE_NAMES)})")
        for kind, mask in kinds.items():
            print(
                f"  {kind:<14} "
                + "  ".join(f"{v:5.2f}" for v in shape[mask & (rendering == r)].mean(0))
            )
        print(f"{name}: pages whose zone has per-post templates, and their templates above it")
        for kind, mask in kinds.items():
            m = mask & (rendering == r) & (templates > 0)
            print(
                f"  {kind:<14} {np.sum(m):4d} pages, {templates[m].mean():5.2f} templates,"
                f" {np.mean(above[m] > 0):.2f} with one above, {above[m].mean():5.2f} above"
            )
    group, _, learnt = tp.held_out_groups(args.devset, pages, source)
    labels = (coarse == "forum").astype(int)
    probs = {
        "shipped features": out_of_group(base, labels, group, learnt),
        "+ zone shape": out_of_group(
            np.hstack([base, shape]).astype(np.float32), labels, group, learnt
        ),
        "+ zone_chrome_above": out_of_group(
            np.hstack([base, above[:, None]]).astype(np.float32), labels, group, learnt
        ),
    }
    for set_name, prob in probs.items():
        print(f"\n== {set_name}: pages called forum")
        for r, name in enumerate(tb.RENDERINGS):
            here = rendering == r
            for at in CALLS:
                called = here & (prob >= at)
                wrong = called & (coarse != "forum")
                other = collections.Counter(source[wrong & (source != "wcxb")])
                print(
                    f"  {name:<6} from {at}: wcxb forum {np.sum(called & kinds['wcxb forum'])}"
                    f"/{np.sum(here & kinds['wcxb forum'])}, wcxb other types"
                    f" {np.sum(wrong & (source == 'wcxb'))}, other sources"
                    f" {sum(other.values())} {dict(sorted(other.items()))}"
                )
        dragnet = np.flatnonzero((source == "dragnet") & (prob >= args.min))
        print(
            f"  dragnet from {args.min}: "
            + " ".join(
                f"{pages[i][0][8:]}/{list(tb.RENDERINGS)[rendering[i]][0]} {prob[i]:.2f}"
                for i in dragnet
            )
        )


if __name__ == "__main__":
    main()
