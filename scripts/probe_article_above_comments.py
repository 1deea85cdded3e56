#!/usr/bin/env python3
"""Which evidence tells a thread whose opening post lacks its replies' chrome from an article
above reader comments? (issue 13, s23; `ArticleAboveComments`)

After the page-type model calls a page forum, `ArticleAboveComments` decides it as prose when
its comment zone (from the first line `context.zone` dropped as a comment widget) has per-post
chrome templates (short lines, numbers folded, recurring once per post) and nothing above the
zone shows a thread. This probe reads the three kinds of thread evidence on every dev page with
such a zone, whatever the page-type call (both renderings; the rules and the context pass
alone, as the page-type model sees them: the binary with `line_model: off`):

- chrome: a template of the zone stands above it (s22, the only evidence then);
- posts: a template recurs once per post among the lines above the zone and stands in it too
  (the zone opened at a later post);
- header: one of the 3 non-blank lines right above the opening (the first kept line of 20+
  tokens) has the shape of a header the zone repeats once per post (a name, numbers and date
  words: `PostHeaderShape`).

For each source and page type: pages, pages with a zone, with templates, with chrome (the
overrule never fires), then among the others those with posts, with a header, and the pages the
overrule still decides as prose ("article"). Whether the gold keeps the zone is shown too: the
share of the zone's tokens labelled keep (a thread's gold keeps its replies, an article's drops
its comments). `--pages` lists every page where the overrule fired before, with its evidence.

This mirrors the Swift code over page lines. Two approximations: a page line counts as kept when
the record does not list it among its removed lines and it is not the title (Swift reads the
summary of its run: bylines and dates are not kept there), and on the naive rendering the runs
`FragmentRuns` joins are read as their page lines, as the Swift code does.

    scripts/probe_article_above_comments.py [--winnow .build/release/winnow] [--pages]
"""

import argparse
import collections
import json
import os
import sys
import tempfile

import yaml
from score_boilerplate import DEFAULT_DEVSET, REPO, page_type, read, run_pages, tokens
from thread_chrome import DIGIT, chrome_key, per_post_templates

POST_TOKENS = 20  # ThreadZoneRule.postTokens
HEADER_TOKENS = 12  # PostHeaderShape.maxTokens
HEADER_LINES = 3  # ArticleAboveComments.openingHeaderLines
CONFIG = "boilerplate:\n  line_model: off\n  comments: drop\n"


def date_phrases():
    """The lexicons' date words of every language, as token tuples, longest first."""
    lexicons = yaml.safe_load(open(os.path.join(REPO, "config", "lexicons.yaml")))
    phrases = {tuple(tokens(p)) for words in lexicons["date_words"].values() for p in words}
    return sorted((p for p in phrases if p), key=len, reverse=True)


def header_shape(line, dates):
    """PostHeaderShape.key: each token a number (0), a date word (D) or another word (W), a run
    of other words one W; None over HEADER_TOKENS tokens or without all three."""
    if len(line) > HEADER_TOKENS:
        return None
    out, i = [], 0
    while i < len(line):
        match = next((p for p in dates.get(line[i], ()) if tuple(line[i : i + len(p)]) == p), None)
        if match:
            kind, i = "D", i + len(match)
        else:
            kind, i = ("0" if DIGIT.search(line[i]) else "W"), i + 1
        if not (kind == "W" and out and out[-1] == "W"):
            out.append(kind)
    return " ".join(out) if {"0", "D", "W"} <= set(out) else None


def evidence(text, record, dates):
    """The page's zone and evidence, or None without a zone or without templates in it."""
    removed = {x["line"] - 1: (x["rule"], x["kind"]) for x in record["winnow"]["removed_lines"]}
    zone_drop = ("context.zone", "comment-widget")
    start = next((i for i in sorted(removed) if removed[i] == zone_drop), None)
    if start is None:
        return {"zone": False}
    title = (record.get("title") or "").strip()
    above = [
        (chrome_key(t), tokens(t), i not in removed and t.strip() != title)
        for i, t in enumerate(text[:start])
        if tokens(t)
    ]
    zone = [(chrome_key(t), tokens(t)) for t in text[start:] if tokens(t)]
    templates = per_post_templates([key for key, _ in zone])
    out = {"zone": True, "start": start, "templates": bool(templates)}
    if not templates:
        return out
    out["chrome"] = any(key[0] in templates for key, _, _ in above)
    posts = per_post_templates([key for key, _, _ in above])
    out["posts"] = sorted(posts.keys() & {key[0] for key, _ in zone})
    opening = next(
        (n for n, (_, t, kept) in enumerate(above) if kept and len(t) >= POST_TOKENS), None
    )
    shapes = [(header_shape(t, dates), len(t)) for _, t in zone]
    headers = per_post_templates(shapes, HEADER_TOKENS + 1)
    out["header"] = []
    if opening is not None and headers:
        for _, t, _ in above[max(0, opening - HEADER_LINES) : opening]:
            if header_shape(t, dates) in headers:
                out["header"].append(" ".join(t))
    out["article"] = not (out["chrome"] or out["posts"] or out["header"])
    return out


def zone_kept_share(text, labels, start):
    """The share of the zone's tokens the gold labels keep."""
    sizes = [(len(tokens(t)), label) for t, label in zip(text[start:], labels[start:])]
    total = sum(n for n, _ in sizes)
    return sum(n for n, label in sizes if label == "keep") / total if total else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", default=os.path.join(REPO, ".build", "release", "winnow"))
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--pages", action="store_true", help="list the pages the overrule read")
    args = parser.parse_args()
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    dates = collections.defaultdict(list)
    for phrase in date_phrases():
        dates[phrase[0]].append(phrase)
    columns = ["pages", "zone", "templates", "chrome", "fired", "posts", "header", "article"]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as config:
        config.write(CONFIG)
        config.flush()
        for rendering in ("block", "naive"):
            folder = "cases_naive" if rendering == "naive" else "cases"
            records = run_pages(args.winnow, args.devset, manifest, rendering, "none", config.name)
            counts = collections.defaultdict(collections.Counter)
            kept_share = collections.defaultdict(list)
            for m in manifest:
                group = f"wcxb {page_type(m)}" if m["source"] == "wcxb" else m["source"]
                counts[group]["pages"] += 1
                if m["id"] not in records:
                    continue
                path = os.path.join(args.devset, folder, m["id"])
                text = read(path + ".txt").split("\n")
                ev = evidence(text, records[m["id"]], dates)
                for key in ("zone", "templates", "chrome"):
                    counts[group][key] += bool(ev.get(key))
                if not ev.get("templates") or ev["chrome"]:
                    continue
                share = zone_kept_share(text, read(path + ".labels").split("\n"), ev["start"])
                counts[group]["fired"] += 1
                for key in ("posts", "header", "article"):
                    counts[group][key] += bool(ev[key])
                kept_share[(group, ev["article"])].append(share)
                if args.pages:
                    verdict = "article" if ev["article"] else "thread"
                    print(
                        f"{rendering} {m['id']} ({group}): {verdict}; gold keeps {share:.0%} of "
                        f"the zone; posts {ev['posts'][:3]} header {ev['header'][:2]}"
                    )
            print(
                f"\n{rendering}: " + " | ".join(columns) + " | zone kept by gold (thread/article)"
            )
            for group in sorted(counts):
                row = " | ".join(str(counts[group][c]) for c in columns)
                means = [kept_share[(group, a)] for a in (False, True)]
                shares = " / ".join(f"{sum(s) / len(s):.2f}" if s else "-" for s in means)
                print(f"{group}: {row} | {shares}")


if __name__ == "__main__":
    sys.exit(main())
