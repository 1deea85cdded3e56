#!/usr/bin/env python3
"""Do a page's repeated short-line templates tell forum and item pages from prose? (issue 13)

`context.thread-chrome` finds a thread by the short lines its software repeats once per post
("Share", "Quote", "Posts: 0", digits folded). This probe computes such counts once per page
as candidate page-type features, over the whole page (templates separated by a post of 8+
tokens or an item of 4+) and over the zone (`zone_features`: from the first line a zone
rule dropped to the page's end), and measures what they do to the page-type model's calls
out of group: the groups of scripts/train_page_type.py (wcxb's
pages in 5 folds by domain, every other learnt source whole; the closed sources typed by
the model of all learnt pages), the same trees and parameters, both renderings. Prints, per
feature set and call threshold, the confusion (true type, called type) per held-out group
and in sum.

    .build/boilerplate-venv/bin/python scripts/probe_page_type_chrome.py
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import thread_chrome  # noqa: E402
import train_page_type as tp  # noqa: E402

tb, np = tp.tb, tp.np
POST = 8  # a line this long separates two posts
ITEM = 4  # a line this long separates two items
THRESHOLDS = (0.3, 0.4, 0.5, 0.7)


def line_key(text):
    """A line's template key and token count (`thread_chrome.chrome_key`)."""
    return thread_chrome.chrome_key(text)


def page_lines(path):
    """Each non-blank line's `line_key`."""
    text = open(path, encoding="utf-8", errors="replace").read().split("\n")
    return [line_key(t) for t in text if t.strip()]


def recurring(lines, separator):
    """The counts of the templates that recur once per unit (a line of `separator`+ tokens
    between two thirds of their occurrences)."""
    return list(thread_chrome.per_post_templates(lines, separator).values())


def cluster(counts):
    """The most templates with counts within one of each other, and that count."""
    by = collections.Counter(counts)
    best, at = 0, 0
    for c, v in by.items():
        if v + by.get(c + 1, 0) > best:
            best, at = v + by.get(c + 1, 0), c
    return best, at


def chrome_features(lines):
    n = max(1, len(lines))
    post = recurring(lines, POST)
    item = recurring(lines, ITEM)
    post_best, post_at = cluster(post)
    item_best, item_at = cluster(item)
    return [
        post_best,
        np.log1p(post_at),
        post_best * post_at / n,
        item_best,
        np.log1p(item_at),
        item_best * item_at / n,
        len(post),
        len(item),
    ]


CHROME_NAMES = [
    "post_templates",
    "post_template_repeats",
    "post_template_cover",
    "item_templates",
    "item_template_repeats",
    "item_template_cover",
    "post_recurring",
    "item_recurring",
]
SETS = {
    "shipped": [],
    "+post": [0, 1, 2],
    "+item": [3, 4, 5],
    "+post+item": [0, 1, 2, 3, 4, 5],
    "+all": list(range(8)),
    "+zone": [8, 9, 10],
    "+zone+post": [0, 1, 2, 8, 9, 10],
}


# The thread chrome of a page's zone, as ThreadChromeRule.swift counts it.
ZONE_NAMES = ["zone_templates", "zone_posts", "zone_tokens_above"]
DROPPED = ("scoreDrop", "zoneDrop", "contextDrop", "ruleDrop")
POST_TOKENS = 20  # a zone line this long is a post (ThreadZoneRule.postTokens)


def zone_values(rows):
    """A page's zone values from its rows [((key, size), verdict group)]: the zone runs from
    the first zoneDrop line to the end; its templates as `context.thread-chrome` counts them,
    its posts (log) and the tokens kept above it (log)."""
    start = next((i for i, (_, g) in enumerate(rows) if g == "zoneDrop"), len(rows))
    above = sum(line[1] for line, g in rows[:start] if g not in DROPPED)
    zone = [line for line, _ in rows[start:]]
    posts = sum(1 for _, n in zone if n >= POST_TOKENS)
    return [cluster(recurring(zone, POST))[0], np.log1p(posts), np.log1p(above)]


def zone_features(tool, devset, lines):
    """The zone values of every page of `lines` (both renderings, as `load_lines`
    joins them), from each row's text (by its line number) and verdict group."""
    numbers = tp.row_numbers(tool, devset)
    assert len(numbers) == len(lines.group), "the rows differ from the cached features"
    out = np.zeros((len(lines.pages), len(ZONE_NAMES)), dtype=np.float32)
    bounds = np.flatnonzero(np.diff(np.r_[-1, lines.page, len(lines.pages)]))
    for a, b in zip(bounds[:-1], bounds[1:]):
        page = lines.page[a]
        text = tb.read(lines.pages[page][3]).split("\n")
        rows = [(line_key(text[n - 1]), g) for n, g in zip(numbers[a:b], lines.group[a:b])]
        out[page] = zone_values(rows)
    return out


def main():
    devset = tb.DEFAULT_DEVSET
    lines, rendering = tp.load_lines(devset)
    pages = lines.pages
    source = np.array([p[1] for p in pages])
    fine = np.array([p[2] for p in pages])
    coarse = np.array([tp.COARSE.get(t, "prose") for t in fine])
    tool = os.path.join(tb.REPO, ".build", "release", "WinnowFeatures")
    names, base = tp.page_features(lines)
    cache = os.path.join(tb.REPO, ".build", "page-chrome-features.npy")
    if os.path.exists(cache):
        chrome = np.load(cache)
    else:
        chrome = np.array([chrome_features(page_lines(p[3])) for p in pages], dtype=np.float32)
        np.save(cache, chrome)
    zone = zone_features(tool, devset, lines)
    chrome = np.hstack([chrome, zone])
    print(f"{len(pages)} pages", flush=True)
    for t in ("forum", "items", "prose"):
        for k, name in enumerate(CHROME_NAMES + ZONE_NAMES):
            w = (coarse == t) & (source == "wcxb")
            o = source != "wcxb"
            print(
                f"  {t:<6} {name:<22} wcxb mean {chrome[w, k].mean():6.2f}"
                f"  other sources {chrome[o, k].mean():6.2f}"
                if t == "prose"
                else f"  {t:<6} {name:<22} wcxb mean {chrome[w, k].mean():6.2f}"
            )
    group, _, learnt = tp.held_out_groups(devset, pages, source)
    groups = sorted(set(group[learnt]))
    labels = {t: (coarse == t).astype(int) for t in ("forum", "items")}
    for set_name, columns in SETS.items():
        if len(sys.argv) > 1 and set_name not in sys.argv[1:]:
            continue
        x = np.hstack([base, chrome[:, columns]]).astype(np.float32)
        prob = {t: np.full(len(pages), np.nan) for t in labels}
        for g in groups:
            test = np.flatnonzero(group == g)
            train = np.flatnonzero(learnt & (group != g))
            for t in labels:
                prob[t][test] = tp.fit(x[train], labels[t][train]).predict(x[test])
        closed = np.flatnonzero(~learnt)
        for t in labels:
            prob[t][closed] = tp.fit(x[learnt], labels[t][learnt]).predict(x[closed])
        print(f"\n== {set_name} ({x.shape[1]} features)")
        for t in labels:
            for at in THRESHOLDS:
                called = prob[t] >= at
                true = coarse == t
                wcxb = source == "wcxb"
                per_source = collections.Counter(source[called & ~true & ~wcxb])
                print(
                    f"  {t:<5} @{at}: called {np.sum(called & true)}/{np.sum(true)}"
                    f"  wcxb other types called {np.sum(called & ~true & wcxb)}"
                    f"  other sources called {np.sum(called & ~true & ~wcxb)}"
                    f" {dict(sorted(per_source.items()))}"
                )
        at = {"forum": 0.4, "items": 0.5}
        for g in groups + ["closed"]:
            ids = closed if g == "closed" else np.flatnonzero(group == g)
            got = np.full(len(ids), "prose", dtype=object)
            got[prob["forum"][ids] >= at["forum"]] = "forum"
            got[prob["items"][ids] >= at["items"]] = "items"
            c = collections.Counter(zip(coarse[ids], got))
            cells = " ".join(f"{a[0]}>{b[0]}:{n}" for (a, b), n in sorted(c.items()) if a != b)
            hits = " ".join(
                f"{a}:{c[(a, a)]}/{np.sum(coarse[ids] == a)}" for a in ("forum", "items")
            )
            print(f"  {g:<12} {hits}  wrong: {cells}")


if __name__ == "__main__":
    main()
