#!/usr/bin/env python3
"""The runs of lines the content score drops on listing and collection pages (issue 13).

dump      Runs a winnow binary over every dev page, both renderings, out of source (each
          source's lines by its LOSO line model, each page typed by the page-type file that
          did not see its fold, as scripts/score_boilerplate.py does) and writes, per page, its
          non-blank lines with the gold label and the rule that removed each (from the
          `--explain` record) and the record's output text, to one JSON file; with
          --page-type TYPE ..., only the pages of those types.
runs      From that file: the runs of content-score drops (as `context.list-items` forms
          them) on every page of 40 tokens or more, with the gold share of their tokens by page
          type and by run shape (share of item-sized lines, share of tokens in them, share of
          lines whose text recurs in the run), and the gold share of the lines a grid of
          repeated markers spans (`context.item-units`'s stretch, before its item and block
          tests).
simulate  From that file: page F1 (the dev set's token F1 against the gold text) when the
          content-score drops a grid of item units spans are given back (added to the
          record's output, a bag of tokens), for the shipped thresholds and one change of each;
          per source and page type, both renderings, and the pages below F1 0.5.

    scripts/probe_listing_runs.py dump --winnow BIN --line-models L --page-type-models P --out F
    scripts/probe_listing_runs.py runs F
    scripts/probe_listing_runs.py simulate F
"""

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402


def dump(args):
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    if args.page_type:
        manifest = [m for m in manifest if sb.page_type(m) in args.page_type]
    out = {}
    for rendering in ("block", "naive"):
        folder = "cases_naive" if rendering == "naive" else "cases"
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
            record = got.get(m["id"])
            text = sb.read(os.path.join(args.devset, folder, m["id"] + ".txt")).split("\n")
            labels = sb.read(os.path.join(args.devset, folder, m["id"] + ".labels")).split("\n")
            labels += [""] * (len(text) - len(labels))
            removed = {}
            output = ""
            called = None
            if record is not None:
                removed = {r["line"]: r["rule"] for r in record["winnow"].get("removed_lines", [])}
                title = record.get("title") or ""
                output = (
                    (title + "\n" + record.get("text", "")) if title else record.get("text", "")
                )
                called = record["winnow"].get("page_type")
            lines = [
                [n, line.strip(), labels[n - 1].strip(), removed.get(n)]
                for n, line in enumerate(text, 1)
                if line.strip()
            ]
            out[rendering + "/" + m["id"]] = {
                "source": m["source"],
                "type": sb.page_type(m),
                "called": called,
                "has_record": record is not None,
                "output": output,
                "lines": lines,
            }
    with open(args.out, "w") as f:
        json.dump(out, f)


CS = "builtin.content-score"
# context.list-items's run and item size; context.item-units's shipped thresholds.
MAX_GAP, ITEM_SIZE, BLOCK_MULTIPLE, MIN_RUN, MIN_RUN_TOKENS = 2, 20, 3, 6, 40
SHIPPED = dict(min_repeats=6, max_period=40, spread=2.0, unit_share=0.8, multiple=3)


def size(text):
    """Characters without white space, Han counting three (LineContext.size)."""
    return sum(3 if sb.spaceless(c) else 1 for c in text if not c.isspace())


def largest_kept_block(lines):
    """(tokens, (first, last) line positions, line count) of the largest block of kept lines."""
    best, start, tokens, count = (0, None, 0), None, 0, 0
    for i, (_, text, _, rule) in enumerate(lines):
        if rule is None:
            start = i if start is None else start
            tokens += len(sb.tokens(text))
            count += 1
            if tokens > best[0]:
                best = (tokens, (start, i), count)
        else:
            start, tokens, count = None, 0, 0
    return best


def score_drop_runs(lines):
    """The runs of content-score drops as context.list-items forms them."""
    _, block, block_lines = largest_kept_block(lines)
    runs, run, gap = [], [], 0
    for i, (_, _, _, rule) in enumerate(lines):
        if rule == CS:
            run.append(i)
            gap = 0
            continue
        if rule is None:
            gap = 0
            ends = block_lines >= 2 and block[0] <= i <= block[1]
        else:
            gap += 1
            ends = gap > MAX_GAP
        if ends and run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def item_units(lines, min_repeats, max_period, spread, unit_share, multiple):
    """Positions of the content-score drops context.item-units gives back (as in Swift:
    markers recurring with regular gaps, most units holding an item-sized drop, the stretch
    widened by one period each side, markers left out, the block test)."""
    where = collections.defaultdict(list)
    for i, (_, text, _, _) in enumerate(lines):
        where[text.casefold()].append(i)
    given, markers = set(), set()
    for text, at in where.items():
        if len(at) < min_repeats:
            continue
        gaps = [b - a for a, b in zip(at, at[1:])]
        if min(gaps) < 2 or max(gaps) > max_period or max(gaps) > spread * min(gaps):
            continue
        held = sum(
            any(lines[i][3] == CS and size(lines[i][1]) >= ITEM_SIZE for i in range(a, b))
            for a, b in zip(at, at[1:])
        )
        if held < unit_share * len(gaps):
            continue
        period = sorted(gaps)[len(gaps) // 2]
        markers.add(text)
        first, last = max(0, at[0] - period + 1), min(len(lines) - 1, at[-1] + period - 1)
        given.update(i for i in range(first, last + 1) if lines[i][3] == CS)
    given = {i for i in given if lines[i][1].casefold() not in markers}
    tokens = sum(len(sb.tokens(lines[i][1])) for i in given)
    if not given or tokens < multiple * largest_kept_block(lines)[0]:
        return set()
    return given


def runs(args):
    pages = json.load(open(args.file))
    for rendering in ("block", "naive"):
        tally = collections.defaultdict(lambda: [0, 0, 0])

        def add(group, tokens, gold):
            tally[group][0] += 1
            tally[group][1] += tokens
            tally[group][2] += gold

        for key, page in pages.items():
            if not key.startswith(rendering + "/"):
                continue
            lines = page["lines"]
            for run in score_drop_runs(lines):
                sizes = [len(sb.tokens(lines[i][1])) for i in run]
                total = sum(sizes)
                if len(run) < MIN_RUN or total < MIN_RUN_TOKENS:
                    continue
                gold = sum(k for i, k in zip(run, sizes) if lines[i][2] == "keep")
                items = [size(lines[i][1]) >= ITEM_SIZE for i in run]
                share = sum(items) / len(run)
                token_share = sum(k for k, big in zip(sizes, items) if big) / total
                texts = collections.Counter(lines[i][1] for i in run)
                recurring = sum(texts[lines[i][1]] >= 3 for i in run) / len(run)
                kind = page["type"]
                add(f"runs, {kind}", total, gold)
                for name, value in (
                    ("item-sized lines", share),
                    ("tokens in item-sized lines", token_share),
                    ("lines recurring 3+ times", recurring),
                ):
                    band = next(b for b in (0.3, 0.5, 0.7, 1.01) if value < b)
                    add(f"{name} < {min(band, 1.0)}, {kind}", total, gold)
            spanned = item_units(lines, **dict(SHIPPED, unit_share=0.0, multiple=0))
            if spanned:
                gold = sum(len(sb.tokens(lines[i][1])) for i in spanned if lines[i][2] == "keep")
                add(
                    f"grid stretch, {page['type']}",
                    sum(len(sb.tokens(lines[i][1])) for i in spanned),
                    gold,
                )
                add(
                    f"grid stretch, source {page['source']}",
                    sum(len(sb.tokens(lines[i][1])) for i in spanned),
                    gold,
                )
        print(f"== {rendering}: runs / stretches, tokens, gold share of the tokens")
        for group in sorted(tally):
            n, tokens, gold = tally[group]
            print(f"{group:<48} {n:5d} {tokens:8d} {gold / max(tokens, 1):.2f}")


def simulate(args):
    pages = json.load(open(args.file))
    gold_text = {}
    variants = [("shipped", SHIPPED)] + [
        (f"{name} {value}", dict(SHIPPED, **{name: value}))
        for name, values in (
            ("min_repeats", (4, 5, 8)),
            ("max_period", (25, 60)),
            ("spread", (1.5, 3.0)),
            ("unit_share", (0.0, 0.6, 1.0)),
            ("multiple", (0, 2, 5)),
        )
        for value in values
    ]
    for rendering in ("block", "naive"):
        base = {}
        outputs = {}
        for key, page in pages.items():
            if not key.startswith(rendering + "/"):
                continue
            page_id = key.split("/", 1)[1]
            if page_id not in gold_text:
                gold_text[page_id] = sb.read(
                    os.path.join(args.devset, "cases", page_id + ".gold.txt")
                )
            outputs[key] = page["output"]
            base[key] = sb.prf(page["output"], gold_text[page_id])[2]
        for name, setting in variants:
            after = {}
            for key in base:
                page = pages[key]
                given = item_units(page["lines"], **setting) if page["has_record"] else set()
                if not given:
                    after[key] = base[key]
                    continue
                extra = "\n".join(page["lines"][i][1] for i in sorted(given))
                after[key] = sb.prf(outputs[key] + "\n" + extra, gold_text[key.split("/", 1)[1]])[2]
            groups = collections.defaultdict(list)
            for key in base:
                page = pages[key]
                for group in ("source " + page["source"], "type " + page["type"], "all pages"):
                    groups[group].append((base[key], after[key]))
            sources = [g for g in groups if g.startswith("source ")]
            mean = lambda g, k: sum(x[k] for x in groups[g]) / len(groups[g])  # noqa: E731
            cells = [
                f"mean of sources {sum(mean(g, 0) for g in sources) / len(sources):.4f} "
                f"-> {sum(mean(g, 1) for g in sources) / len(sources):.4f}"
            ]
            for group in sorted(groups):
                low = [sum(x[k] < sb.LOW_F1 for x in groups[group]) for k in (0, 1)]
                if (
                    abs(mean(group, 1) - mean(group, 0)) >= 0.0005
                    or low[0] != low[1]
                    or group == "all pages"
                ):
                    cells.append(
                        f"{group} {mean(group, 0):.4f} {mean(group, 1) - mean(group, 0):+.4f}"
                        f" (<0.5 {low[0]} -> {low[1]})"
                    )
            print(f"{rendering} {name}: " + "; ".join(cells))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--winnow", required=True)
    d.add_argument("--line-models")
    d.add_argument("--page-type-models")
    d.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    d.add_argument("--out", required=True)
    d.add_argument("--page-type", nargs="*", help="only pages of these types (all by default)")
    for name in ("runs", "simulate"):
        p = sub.add_parser(name)
        p.add_argument("file")
        p.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    args = parser.parse_args()
    {"dump": dump, "runs": runs, "simulate": simulate}[args.cmd](args)


if __name__ == "__main__":
    main()
