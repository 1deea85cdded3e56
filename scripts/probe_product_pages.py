#!/usr/bin/env python3
"""Product pages: where their F1 is lost, recall or precision, and on which kind of page
(issue 13, s22).

From the records of `scripts/probe_listing_runs.py dump --page-type product` (each line with
its gold label and the rule that removed it, and the record's output text):

census    Per rendering: the mean P / R / F1 of the product pages by kind (a shop with a buy
          button, an app store page, a catalogue or spec page without one); the gold tokens
          each rule id dropped (recall loss) and the kept chrome tokens (precision loss); the
          mean F1 if an oracle gave back every dropped gold line, or took out every kept chrome
          line; how many pages carry half of each loss; and, with --lines N, the N largest kept
          chrome lines and dropped gold lines of each page, worst page first, to read.

simulate  Kept lines taken out of each record's output, on every page of the file: settings
          cookies:MIN (lines of MIN tokens or more naming cookies beside a consent word,
          English words only; what `context.cookie-notice` does in 25 languages) and
          footnotes:RUN (runs of RUN or more kept footnote lines of 15 tokens or more, "1. ...",
          "* ...", "† ...", numbers rising; measured, not built). The change of the mean page
          F1 per source and page type, both renderings, and the pages that move by 0.02.

folds     The setting chosen without each held-out group (each source but wcxb; wcxb's pages
          in 5 folds by page id, nearly domain folds): the best mean change over the other
          groups' pages, both renderings, and its change on the held-out group.

    scripts/probe_listing_runs.py dump --winnow BIN --line-models L --page-type-models P \\
        --page-type product --out F
    scripts/probe_product_pages.py census F [--lines N]
    scripts/probe_product_pages.py simulate F [cookies:8 footnotes:3 ...]
    scripts/probe_product_pages.py folds F cookies:8 cookies:15 cookies:30
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
from probe_customer_reviews import is_buy_button, load, simulate_removals  # noqa: E402
from probe_in_page_repeats import f1  # noqa: E402

APP_STORE_HOSTS = ("store.steampowered.com", "apps.apple.com", "play.google.com")
COOKIE = {"cookie", "cookies"}
# Words beside "cookies" in a consent or cookie-policy text and not in a recipe.
CONSENT = set(
    "website site browser device consent preferences third party advertising analytics personal"
    " data tracking technologies opt privacy settings partners".split()
)
FOOTNOTE = re.compile(r"^(?:[*•]\s*)?(?:(\d{1,2})\.|[*†‡§◊¶]+)\s")


def kind(page, url):
    """The census's kind of a product page: an app store's, a shop's (a buy button at a
    line's start), or a catalogue or spec page (neither)."""
    if url and any(host in url for host in APP_STORE_HOSTS):
        return "app store"
    return "shop" if any(is_buy_button(t) for t in page["tokens"]) else "catalogue"


def prf(output, gold):
    common = sum((output & gold).values())
    p = common / sum(output.values()) if output else 0.0
    r = common / sum(gold.values()) if gold else 0.0
    return p, r, f1(output, gold)


def census(args):
    pages = load(args)
    manifest = open(os.path.join(args.devset, "manifest.jsonl"))
    urls = {m["id"]: m.get("url") for m in map(json.loads, manifest)}
    for rendering in ("block", "naive"):
        by_kind = collections.defaultdict(list)
        dropped_gold = collections.Counter()
        kept_chrome = collections.Counter()
        page_losses = []
        for key, page in sorted(pages.items()):
            if not key.startswith(rendering + "/") or page["type"] != "product":
                continue
            page_id = key.split("/", 1)[1]
            output = collections.Counter(sb.tokens(page["output"]))
            page_kind = kind(page, urls.get(page_id))
            gold_back, chrome_out = collections.Counter(output), collections.Counter(output)
            recall_loss = precision_loss = 0
            for line, tokens in zip(page["lines"], page["tokens"]):
                if line[2] == "keep" and line[3] is not None:
                    dropped_gold[line[3]] += len(tokens)
                    gold_back.update(tokens)
                    recall_loss += len(tokens)
                elif line[2] != "keep" and line[3] is None:
                    kept_chrome[page_kind] += len(tokens)
                    chrome_out.subtract(tokens)
                    precision_loss += len(tokens)
            chrome_out = +chrome_out
            scores = prf(output, page["gold"])
            by_kind[page_kind].append(
                (*scores, f1(gold_back, page["gold"]), f1(chrome_out, page["gold"]))
            )
            page_losses.append((scores[2], page_id, page_kind, recall_loss, precision_loss, page))
        print(f"== {rendering}")
        print("  kind        pages   P     R     F1    F1 gold back  F1 chrome out")
        for name, rows in sorted(by_kind.items()) + [("all", sum(by_kind.values(), []))]:
            means = [statistics.mean(col) for col in zip(*rows)]
            print(f"  {name:<10} {len(rows):>5}  " + "  ".join(f"{v:.3f}" for v in means))
        print("  gold tokens dropped, by rule:")
        for rule, count in dropped_gold.most_common(12):
            print(f"    {count:>7}  {rule}")
        print(f"  kept chrome tokens, by kind: {dict(kept_chrome)}")
        recall = [row[3] for row in page_losses]
        precision = [row[4] for row in page_losses]
        print(
            f"  pages carrying half the loss: recall {sb.pages_holding(recall, 0.5)} of {len(recall)}"
            f" ({sum(recall)} tokens), precision {sb.pages_holding(precision, 0.5)} ({sum(precision)} tokens)"
        )
        if args.lines:
            for score, page_id, page_kind, recall_loss, precision_loss, page in sorted(
                page_losses, key=lambda row: row[0]
            ):
                print(
                    f"  -- {page_id} {page_kind} F1 {score:.3f} gold dropped {recall_loss}"
                    f" chrome kept {precision_loss} called {page['called']}"
                )
                rows = [
                    (len(tokens), line)
                    for line, tokens in zip(page["lines"], page["tokens"])
                    if (line[2] == "keep") == (line[3] is not None)
                ]
                for size, line in sorted(rows, key=lambda row: -row[0])[: args.lines]:
                    what = f"lost {line[3]}" if line[2] == "keep" else "kept"
                    print(f"     {size:>5} {what:<30} {line[0]:>5} {line[1][:100]}")


def cookie_lines(page, min_tokens):
    """Kept lines of at least `min_tokens` that name cookies beside a consent word."""
    return [
        tokens
        for line, tokens in zip(page["lines"], page["tokens"])
        if line[3] is None
        and len(tokens) >= min_tokens
        and COOKIE & set(tokens)
        and CONSENT & set(tokens)
    ]


def footnote_lines(page, min_run):
    """Kept lines in runs of at least `min_run` kept footnotes ("1. Testing conducted by ...",
    "* Financing available ...") of 15 tokens or more, numbers rising."""
    out, run, last = [], [], 0
    for line, tokens in zip(page["lines"], page["tokens"]):
        if line[3] is not None:
            continue
        match = FOOTNOTE.match(line[1])
        number = int(match.group(1)) if match and match.group(1) else None
        if match and len(tokens) >= 15 and (number is None or number > last):
            run.append(tokens)
            last = number or last
            continue
        if len(run) >= min_run:
            out += run
        run, last = [], 0
    return out + (run if len(run) >= min_run else [])


def lines_out(page, setting):
    name, value = setting.split(":")
    return {"cookies": cookie_lines, "footnotes": footnote_lines}[name](page, int(value))


def simulate(args):
    simulate_removals(load(args), args.settings, lines_out)


def held_out_group(key, page, count=5):
    """Each source but wcxb is a group; wcxb's pages fall in `count` folds by page id (1,100+
    domains, so nearly domain folds)."""
    if page["source"] != "wcxb":
        return page["source"]
    return f"wcxb-{zlib.crc32(key.split('/', 1)[1].encode()) % count}"


def folds(args):
    choose_by_folds(load(args), args.settings, lines_out)


def choose_by_folds(pages, settings, removed_lines):
    """For each held-out group, the setting with the best mean change over the other groups'
    pages (both renderings), and its change on the held-out group; `removed_lines(page,
    setting)` gives the token lists a setting takes out of a page's output."""
    changes = collections.defaultdict(dict)
    for key, page in pages.items():
        output = collections.Counter(sb.tokens(page["output"]))
        before = f1(output, page["gold"])
        for setting in settings:
            removed = collections.Counter()
            for line in removed_lines(page, setting) if page["has_record"] else []:
                removed.update(line)
            changes[key][setting] = f1(output - removed, page["gold"]) - before if removed else 0
    group = {key: held_out_group(key, page) for key, page in pages.items()}
    for held in sorted(set(group.values())):
        train = [k for k in changes if group[k] != held]
        test = [k for k in changes if group[k] == held]
        best = max(settings, key=lambda s: statistics.mean(changes[k][s] for k in train))
        cells = [
            f"{rendering} {statistics.mean(changes[k][best] for k in test if k.startswith(rendering)):+.4f}"
            for rendering in ("block", "naive")
        ]
        print(
            f"held out {held:<14} chosen {best:<12} {len(test) // 2:>5} pages  " + "  ".join(cells)
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("census", "simulate", "folds"))
    parser.add_argument("file")
    parser.add_argument("settings", nargs="*", default=["cookies:8", "cookies:20", "footnotes:3"])
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--lines", type=int, default=0)
    args = parser.parse_args()
    {"census": census, "simulate": simulate, "folds": folds}[args.what](args)


if __name__ == "__main__":
    main()
