#!/usr/bin/env python3
"""Related zones that are a listing's items, chosen by wcxb's domain folds (issue 13).

From the file `scripts/probe_list_zones.py dump` writes (the `--explain` records of every dev
page, both renderings, out of source): a run of `context.zone` drops (of the zone kinds tried)
that no kept line breaks comes back (its lines are added to the record's output; token F1 is
a bag) when the kept lines above it (WHERE = above), or all kept lines of the page (WHERE =
page), hold at most RUNNING tokens in lines of 20 tokens or more (no article's paragraphs),
the kept lines above it at most TOTAL tokens in all, and its drops hold at least MULTIPLE times
the tokens of every kept line of the page. Pages called forum are left out
(`context.thread-zone` decides there), as `context.list-zone` does.

Prints each variant's mean gain by page type and its worst source, both renderings; then, for
each of wcxb's five domain folds held out, the variant chosen on the others (the best mean
gain over the training wcxb pages of both renderings, no training group, a source or a wcxb
fold in one rendering, losing more than 0.002, and no training page above F1 0.8 falling
below 0.3: the acceptance bar) and its gain on the held-out fold.

    scripts/probe_list_zone_folds.py DUMP [--folds /work/models/page-type-folds/folds.json]
"""

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402

ZONE = "context.zone"
KIND_SETS = (("related-links",), ("related-links", "comment-widget"))
RUNNING_TEXT_TOKENS = 20
LOSS_GUARD = 0.002
WHOLE_PAGE = (0.8, 0.3)


def zone_runs(lines, kinds):
    """Each run of zone drops of `kinds` no kept line breaks: (positions, kept tokens above,
    kept tokens above in lines of running text)."""
    runs, run, stats = [], [], None
    above = running = 0
    for i, (_, _, _, rule, kind, size) in enumerate(lines + [[0, "", "", None, None, 0]]):
        if rule == ZONE and kind in kinds:
            if not run:
                stats = (above, running)
            run.append(i)
        elif rule is None:
            if run:
                runs.append((run, *stats))
                run = []
            above += size
            running += size if size >= RUNNING_TEXT_TOKENS else 0
    return runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--folds", default="/work/models/page-type-folds/folds.json")
    args = parser.parse_args()
    pages = json.load(open(args.dump))
    folds = json.load(open(args.folds))
    gold, base, prep = {}, {}, {}
    for key, page in pages.items():
        page_id = key.split("/", 1)[1]
        if page_id not in gold:
            gold[page_id] = sb.read(os.path.join(args.devset, "cases", page_id + ".gold.txt"))
        base[key] = sb.prf(page["output"], gold[page_id])[2]
        for line in page["lines"]:
            line.append(len(sb.tokens(line[1])))
        kept = [line[5] for line in page["lines"] if line[3] is None]
        page_running = sum(size for size in kept if size >= RUNNING_TEXT_TOKENS)
        runs = {kinds: zone_runs(page["lines"], kinds) for kinds in KIND_SETS}
        prep[key] = (sum(kept), page_running, runs)

    def after(variant):
        kinds, where, most_running, most_above, multiple = variant
        out = {}
        for key, page in pages.items():
            if not page["has_record"] or page["called"] == "forum":
                continue
            kept, page_running, runs = prep[key]
            extra = []
            for run, above, running in runs[kinds]:
                running = page_running if where == "page" else running
                tokens = sum(page["lines"][i][5] for i in run)
                fits = running <= most_running and above <= most_above
                if fits and tokens and tokens >= multiple * kept:
                    extra += [page["lines"][i][1] for i in run]
            if extra:
                output = page["output"] + "\n" + "\n".join(extra)
                out[key] = sb.prf(output, gold[key.split("/", 1)[1]])[2]
        return out

    variants = [
        (kinds, where, running, above, multiple)
        for kinds in KIND_SETS
        for where in ("above", "page")
        for running in (30, 60)
        for above in (100, 200, 400, 10**9)
        for multiple in (0, 1, 2, 3)
    ]
    results = {v: after(v) for v in variants}

    def gain(variant, keys):
        return sum(results[variant].get(k, base[k]) - base[k] for k in keys) / len(keys)

    def loses_page(variant, keys):
        high, low = WHOLE_PAGE
        return any(base[k] > high and results[variant].get(k, base[k]) < low for k in keys)

    def group(key):
        page = pages[key]
        if page["source"] != "wcxb":
            return page["source"]
        return os.path.splitext(folds[key.split("/", 1)[1]])[0]

    groups = collections.defaultdict(list)
    by_type = collections.defaultdict(list)
    by_source = collections.defaultdict(list)
    for key in base:
        rendering = key.split("/", 1)[0]
        groups[(rendering, group(key))].append(key)
        by_type[(rendering, pages[key]["type"])].append(key)
        by_source[(rendering, pages[key]["source"])].append(key)
    for v in variants:
        types = " ".join(
            f"{t} {gain(v, by_type[('block', t)]):+.4f}/{gain(v, by_type[('naive', t)]):+.4f}"
            for t in ("listing", "collection", "product", "service", "article", "news")
        )
        worst = min((gain(v, keys), "/".join(g)) for g, keys in by_source.items())
        print(
            f"{'+'.join(k[:7] for k in v[0])} running {v[1]}<={v[2]} above<={v[3]} x{v[4]}: "
            f"pages {len(results[v])}; {types}; worst source {worst[0]:+.4f} {worst[1]}"
        )
    held_out = collections.defaultdict(list)
    for fold in sorted({g for _, g in groups if g.startswith("wcxb-")}):
        training = [g for g in groups if g[1] != fold]
        wcxb = [k for g in training if g[1].startswith("wcxb-") for k in groups[g]]
        allowed = [
            (gain(v, wcxb), v)
            for v in variants
            if all(gain(v, groups[g]) >= -LOSS_GUARD for g in training)
            and not any(loses_page(v, groups[g]) for g in training)
        ]
        chosen = max(allowed)[1]
        cells = []
        for rendering in ("block", "naive"):
            keys = groups[(rendering, fold)]
            listing = [k for k in keys if pages[k]["type"] == "listing"]
            cells.append(
                f"{rendering} {gain(chosen, keys):+.4f} (listing {len(listing)}: "
                f"{gain(chosen, listing) if listing else 0:+.4f})"
            )
            for k in keys:
                held_out[(rendering, pages[k]["type"])].append(
                    results[chosen].get(k, base[k]) - base[k]
                )
        print(f"held out {fold}: chose {chosen[0]} {chosen[1:]}; " + "; ".join(cells))
    for (rendering, page_type), gains in sorted(held_out.items()):
        print(f"held out, {rendering} {page_type}: {sum(gains) / len(gains):+.4f} ({len(gains)})")


if __name__ == "__main__":
    main()
