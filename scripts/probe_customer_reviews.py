#!/usr/bin/env python3
"""Kept chrome on product pages, and customer reviews below a reviews header (issue 13,
context.customer-reviews).

From the records of `scripts/probe_listing_runs.py dump` (every dev page, both renderings, out
of source: each line with its gold label and the rule that removed it, and the record's
output text):

census    Product pages: the kept chrome tokens above the first gold line, between gold lines
          and below the last one, and the mean page F1 when each part is taken out (an
          oracle); and, on every source and page type, how many pages have a buy button
          (`buy_button` of config/lexicons.yaml at the start of a line of at most 8 tokens).

simulate  The rule's variants: on pages with a buy button, below a reviews header (a line of
          `review_header` phrases and numbers, at most 5 words, not a "* " list item), kept
          lines of at least MIN tokens with a `first_person` word are taken out of the output.
          A setting is min_tokens:header, header one of "first" (the page's first header),
          "after" (the first header below the first buy button; the shipped rule), "last",
          "last-after". Prints the change of the mean page F1 per source and page type, both
          renderings ("!" marks a loss beyond 0.002), and each page that moves by 0.02.

policy    Not shipped: on pages with a buy button, kept lines of at least MIN tokens whose share
          of policy words (POLICY: privacy, cookies, refund, shipping, warranty, terms, ...;
          English only) is at least SHARE taken out of the output; the change per rendering and
          page type, and the pages that lose more than 0.03, for a small grid.

folds     The setting chosen without each of 5 folds of wcxb's pages (by page id; 1,100+
          domains, so nearly domain folds): the grid's setting with the best mean change over
          the other folds' pages of both renderings, and its change on the held-out fold.

    scripts/probe_listing_runs.py dump --winnow BIN --line-models L --page-type-models P --out F
    scripts/probe_customer_reviews.py census F
    scripts/probe_customer_reviews.py simulate F [SETTING ...]
    scripts/probe_customer_reviews.py folds F [SETTING ...]
    scripts/probe_customer_reviews.py policy F
"""

import argparse
import collections
import json
import os
import re
import statistics
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402
from probe_in_page_repeats import f1, print_changes  # noqa: E402

LEXICONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "config", "lexicons.yaml")
BUY_BUTTON_TOKENS, HEADER_WORDS = 8, 5
POLICY = set(
    "privacy cookie cookies personal data refund refunds return returns returned shipping"
    " delivery warranty terms policy policies consent agree eligible purchase purchases payment"
    " payments charges fees tax taxes financing apr credit subject conditions applicable law".split()
)
POLICY_GRID = [(15, 0.08), (15, 0.12), (15, 0.16), (20, 0.1), (30, 0.1)]
DEFAULT_SETTINGS = ["8:first", "8:after", "8:last", "8:last-after", "5:after", "20:after"]
BULLET = re.compile(r"^\s*[•*·▪-]\s")


def lexicon(name):
    """The phrases of one list of config/lexicons.yaml (flow lists by language), as tokens."""
    text = sb.read(LEXICONS)
    body = text.split("\n" + name + ":\n", 1)[1]
    body = re.split(r"\n(?=\S)", body, maxsplit=1)[0]
    phrases = []
    for group in re.findall(r"\[([^\]]*)\]", body, re.S):
        phrases += [tuple(sb.tokens(p)) for p in group.split(",") if p.strip()]
    return phrases


BUY, HEADER, FIRST_PERSON = (lexicon(n) for n in ("buy_button", "review_header", "first_person"))


def is_buy_button(tokens):
    return len(tokens) <= BUY_BUTTON_TOKENS and any(tuple(tokens[: len(p)]) == p for p in BUY if p)


def is_header(text, tokens, phrases=None, glue=()):
    """A line made of the phrases (review_header's by default), numbers and glue words, few
    words, not a list item."""
    phrases = HEADER if phrases is None else phrases
    if BULLET.match(text) or len([t for t in tokens if not t.isdigit()]) > HEADER_WORDS:
        return False
    i, found = 0, 0
    while i < len(tokens):
        match = max((len(p) for p in phrases if tuple(tokens[i : i + len(p)]) == p), default=0)
        if match:
            i, found = i + match, found + 1
        elif tokens[i].isdigit() or tokens[i] in glue:
            i += 1
        else:
            return False
    return found > 0


def has_first_person(tokens):
    return any(tuple(tokens[i : i + len(p)]) == p for i in range(len(tokens)) for p in FIRST_PERSON)


def load(args):
    pages = json.load(open(args.file))
    gold = {}
    for key, page in pages.items():
        page_id = key.split("/", 1)[1]
        if page_id not in gold:
            path = os.path.join(args.devset, "cases", page_id + ".gold.txt")
            gold[page_id] = collections.Counter(sb.tokens(sb.read(path)))
        page["gold"] = gold[page_id]
        page["tokens"] = [[t.lower() for t in sb.tokens(line[1])] for line in page["lines"]]
    return pages


def census(args):
    pages = load(args)
    buy = collections.Counter()
    total = collections.Counter()
    for key, page in pages.items():
        if key.startswith("block/"):
            group = page["source"] + (":" + page["type"] if page["source"] == "wcxb" else "")
            total[group] += 1
            buy[group] += any(is_buy_button(t) for t in page["tokens"])
    print("pages with a buy button (block rendering):")
    for group in sorted(total):
        print(f"  {group:<22} {buy[group]:>4} / {total[group]}")
    for rendering in ("block", "naive"):
        parts = collections.Counter()
        oracle = collections.defaultdict(list)
        for key, page in pages.items():
            if not key.startswith(rendering + "/") or page["type"] != "product":
                continue
            lines = page["lines"]
            gold_at = [i for i, line in enumerate(lines) if line[2] == "keep"]
            first, last = (gold_at[0], gold_at[-1]) if gold_at else (0, -1)

            def part(i):
                return "above" if i < first else "below" if i > last else "between"

            for i, line in enumerate(lines):
                if line[3] is None and line[2] != "keep":
                    parts[part(i)] += len(page["tokens"][i])
            for name, out in (
                ("as is", ()),
                ("chrome above out", ("above",)),
                ("chrome below out", ("below",)),
                ("chrome above and below out", ("above", "below")),
                ("all kept chrome out", ("above", "below", "between")),
            ):
                output = collections.Counter()
                for i, line in enumerate(lines):
                    if line[3] is None and (line[2] == "keep" or part(i) not in out):
                        output.update(sb.tokens(line[1]))
                oracle[name].append(f1(output, page["gold"]))
        print(f"{rendering}: product pages' kept chrome tokens by place: {dict(parts)}")
        for name, values in oracle.items():
            print(f"  {name:<28} mean page F1 (input lines) {statistics.mean(values):.3f}")


def reviews(page, min_tokens, header):
    """Token lists of the kept lines the rule takes out."""
    tokens = page["tokens"]
    buys = [i for i, t in enumerate(tokens) if is_buy_button(t)]
    if not buys:
        return []
    heads = [i for i, line in enumerate(page["lines"]) if is_header(line[1], tokens[i])]
    if header.endswith("after"):
        heads = [i for i in heads if i > buys[0]]
    if not heads:
        return []
    start = heads[-1] if header.startswith("last") else heads[0]
    return [
        sb.tokens(line[1])
        for i, line in enumerate(page["lines"])
        if i > start
        and line[3] is None
        and len(tokens[i]) >= min_tokens
        and has_first_person(tokens[i])
    ]


def simulate_removals(pages, settings, lines_out):
    """Change of the mean page F1 per source and page type when, under each setting, the
    token lists `lines_out(page, setting)` are taken out of each record's output; prints each
    page that moves by 0.02, then the table."""
    base = collections.defaultdict(list)
    after = collections.defaultdict(lambda: collections.defaultdict(list))
    for key, page in pages.items():
        rendering = key.split("/", 1)[0]
        output = collections.Counter(sb.tokens(page["output"]))
        before = f1(output, page["gold"])
        groups = [
            (rendering, "source", page["source"]),
            (rendering, "type", page["type"]),
            (rendering, "all", "pages"),
        ]
        for group in groups:
            base[group].append(before)
        for setting in settings:
            value = before
            removed = collections.Counter()
            for line in lines_out(page, setting) if page["has_record"] else []:
                removed.update(line)
            if removed:
                value = f1(output - removed, page["gold"])
                if abs(value - before) >= 0.02:
                    print(
                        f"  {setting:<12} {key:<32} {page['type']:<10} {before:.3f} -> {value:.3f}"
                    )
            for group in groups:
                after[setting][group].append(value)
    print_changes(base, after, settings)


def simulate(args):
    def lines_out(page, setting):
        min_tokens, header = setting.split(":")
        return reviews(page, int(min_tokens), header)

    simulate_removals(load(args), args.settings, lines_out)


def folds(args, count=5):
    pages = load(args)
    changes = collections.defaultdict(dict)
    for key, page in pages.items():
        if page["source"] != "wcxb" or not page["has_record"]:
            continue
        output = collections.Counter(sb.tokens(page["output"]))
        before = f1(output, page["gold"])
        for setting in args.settings:
            min_tokens, header = setting.split(":")
            removed = collections.Counter()
            for line in reviews(page, int(min_tokens), header):
                removed.update(line)
            changes[key][setting] = f1(output - removed, page["gold"]) - before if removed else 0.0
    fold_of = {key: zlib.crc32(key.split("/", 1)[1].encode()) % count for key in changes}
    for held in range(count):
        train = [k for k in changes if fold_of[k] != held]
        test = [k for k in changes if fold_of[k] == held]
        best = max(args.settings, key=lambda s: statistics.mean(changes[k][s] for k in train))
        product = [k for k in test if pages[k]["type"] == "product"]
        print(
            f"fold {held}: chosen {best:<12} held-out wcxb {len(test)} pages"
            f" {statistics.mean(changes[k][best] for k in test):+.4f},"
            f" product {len(product)} {statistics.mean(changes[k][best] for k in product):+.4f}"
        )


def policy(args):
    pages = load(args)
    for min_tokens, share in POLICY_GRID:
        changes = collections.defaultdict(list)
        losers = []
        for key, page in pages.items():
            tokens = page["tokens"]
            if not page["has_record"] or not any(is_buy_button(t) for t in tokens):
                continue
            output = collections.Counter(sb.tokens(page["output"]))
            before = f1(output, page["gold"])
            removed = collections.Counter()
            for i, line in enumerate(page["lines"]):
                t = tokens[i]
                if line[3] is None and len(t) >= min_tokens:
                    if sum(w in POLICY for w in t) >= share * len(t):
                        removed.update(sb.tokens(line[1]))
            value = f1(output - removed, page["gold"]) if removed else before
            changes[(key.split("/", 1)[0], page["type"])].append(value - before)
            if value - before < -0.03:
                losers.append(f"{key} {before:.3f} -> {value:.3f}")
        counts = collections.Counter(
            (key.split("/", 1)[0], page["type"]) for key, page in pages.items()
        )
        cells = [
            f"{r} {t} {sum(v) / counts[(r, t)]:+.4f}"
            for (r, t), v in sorted(changes.items())
            if abs(sum(v)) > 1e-4
        ]
        print(f"{min_tokens} tokens, share {share}: " + "; ".join(cells))
        for loser in losers:
            print("  loses", loser)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("census", "simulate", "folds", "policy"))
    parser.add_argument("file")
    parser.add_argument("settings", nargs="*", default=DEFAULT_SETTINGS)
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    args = parser.parse_args()
    {"census": census, "simulate": simulate, "folds": folds, "policy": policy}[args.what](args)


if __name__ == "__main__":
    main()
