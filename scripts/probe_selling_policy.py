#!/usr/bin/env python3
"""Pages that sell keep less of what the items model doubts: the items type's `drop_below`
raised on pages with a buy button, chosen with wcxb's pages held out (issue 13, s23).

sweep   Cleans the pages that hold a buy button (`probe_customer_reviews.is_buy_button`, on
        either rendering) out of source, with copies of the page-type fold files whose items
        tiers drop kept lines below each VALUE, and writes each page's F1 per setting and
        rendering to OUT (JSON). On a page called items with a buy button, that is what
        `LineClassifierPass.sellingDropBelow` = VALUE does; other pages do not move.
choose  From OUT and the base scores of main with the same models (score_boilerplate.py
        --json, both renderings): for each held-out group (wcxb's pages in 5 folds by page
        id, nearly domain folds; every other source one group), the value with the best mean
        change of page F1 on the other groups' pages (both renderings; the base keeps
        main's), and its change on the held-out group; then each value's change by page type.

    scripts/probe_selling_policy.py sweep --winnow MAIN_BIN --line-models L \\
        --page-type-models P --out OUT 0.3 0.4 0.5
    scripts/probe_selling_policy.py choose OUT BASE_BLOCK.json BASE_NAIVE.json
"""

import argparse
import collections
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402
from probe_customer_reviews import is_buy_button  # noqa: E402

BUY_LINE_CHARS = 120
ITEMS_TIER = re.compile(r"^(type items call_at \S+) drop_below (\S+)", re.M)


def sells(devset, page_id):
    for folder in ("cases", "cases_naive"):
        for line in sb.read(os.path.join(devset, folder, page_id + ".txt")).split("\n"):
            # A buy button is a short line; tokenizing every line of 5,000 pages is slow.
            if len(line) <= BUY_LINE_CHARS and is_buy_button([t.lower() for t in sb.tokens(line)]):
                return True
    return False


def raised_folds(source, target, value):
    """Copies the page-type fold folder with each items tier's drop_below at least `value`."""
    os.makedirs(target, exist_ok=True)
    for name in os.listdir(source):
        path = os.path.join(source, name)
        if name.endswith(".txt"):
            text = ITEMS_TIER.sub(
                lambda m: f"{m.group(1)} drop_below {max(float(m.group(2)), value)}", sb.read(path)
            )
            with open(os.path.join(target, name), "w") as f:
                f.write(text)
        else:
            shutil.copy(path, target)


def sweep(args):
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    manifest = [m for m in manifest if sells(args.devset, m["id"])]
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for value in args.values:
            folds = os.path.join(tmp, value)
            raised_folds(args.page_type_models, folds, float(value))
            for rendering in ("block", "naive"):
                got = sb.run_pages(
                    args.winnow, args.devset, manifest, rendering, "none", None,
                    args.line_models, folds,
                )  # fmt: skip
                for m in manifest:
                    record = got.get(m["id"]) or {}
                    title = record.get("title") or ""
                    text = record.get("text", "")
                    output = title + "\n" + text if title else text
                    gold = sb.read(os.path.join(args.devset, "cases", m["id"] + ".gold.txt"))
                    scores[f"{value}/{rendering}/{m['id']}"] = sb.prf(output, gold)[2]
                print(f"{value} {rendering} done", flush=True)
    with open(args.out, "w") as f:
        json.dump(scores, f)


def choose(args):
    swept = json.load(open(args.out))
    base = {}
    for rendering, path in (("block", args.base_block), ("naive", args.base_naive)):
        for s in json.load(open(path)):
            base[(rendering, s["id"])] = s
    values = sorted({key.split("/")[0] for key in swept})
    settings = ["base"] + values

    def change(setting, rendering, page_id):
        key = f"{setting}/{rendering}/{page_id}"
        if setting == "base" or key not in swept:
            return 0.0
        return swept[key] - base[(rendering, page_id)]["f1"]

    def group(s):
        if s["source"] != "wcxb":
            return s["source"]
        return f"wcxb-{zlib.crc32(s['id'].encode()) % 5}"

    pages = [(r, i) for (r, i) in base]
    for held in sorted({group(s) for s in base.values()}):
        train = [(r, i) for r, i in pages if group(base[(r, i)]) != held]
        test = [(r, i) for r, i in pages if group(base[(r, i)]) == held]
        best = max(settings, key=lambda v: sum(change(v, r, i) for r, i in train))
        cells = [
            f"{rendering} {statistics.mean(change(best, r, i) for r, i in test if r == rendering):+.4f}"
            for rendering in ("block", "naive")
        ]
        print(f"held out {held:<13} chosen {best:<5} " + "  ".join(cells))
    for value in values:
        print(f"-- drop_below {value}: change of the mean page F1 (block / naive)")
        by = collections.defaultdict(lambda: collections.defaultdict(list))
        for r, i in pages:
            s = base[(r, i)]
            for name in (s["page_type"], "source " + s["source"]):
                by[name][r].append(change(value, r, i))
        for name in sorted(by, key=lambda n: -len(by[n]["block"])):
            cells = [f"{statistics.mean(by[name][r]):+.4f}" for r in ("block", "naive")]
            print(f"  {name:<20} {len(by[name]['block']):>5}  " + " / ".join(cells))
        moved = sorted(((change(value, r, i), r, i) for r, i in pages), key=lambda row: row[0])
        for delta, r, i in moved[:6] + moved[-6:]:
            if abs(delta) >= 0.02:
                print(f"    {delta:+.3f} {r} {i} ({base[(r, i)]['page_type']})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("sweep")
    s.add_argument("--winnow", required=True)
    s.add_argument("--line-models", required=True)
    s.add_argument("--page-type-models", required=True)
    s.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    s.add_argument("--out", required=True)
    s.add_argument("values", nargs="+")
    c = sub.add_parser("choose")
    c.add_argument("out")
    c.add_argument("base_block")
    c.add_argument("base_naive")
    args = parser.parse_args()
    {"sweep": sweep, "choose": choose}[args.what](args)


if __name__ == "__main__":
    main()
