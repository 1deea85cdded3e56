#!/usr/bin/env python3
"""Kept chrome and lost items on collection and service pages (issue 13).

dump     Runs `winnow explain` over the dev set's pages (both renderings) out of source: each
         source's lines by its LOSO line model, each page typed by the page-type file that did
         not see its fold (as scripts/score_boilerplate.py does), and writes, per page, every
         non-blank line's verdict, kind, rule and gold label, and the type the page was called,
         to one JSON file (two processes at a time).
census   From that file: for the pages of one true type below an F1, the tokens of gold lines
         dropped and of chrome lines kept, by rule and by called type, and the labelled-token
         page F1 when one kind of error is undone by an oracle. A line is shown unless its
         verdict is a drop (dates and bylines moved to the metadata count as shown).
simulate From that file: `context.item-units` as shipped and with one test changed (the
         spread test leaving out the longest share of the gaps, a lower block test, markers
         whose numbers may differ), its given-back lines counted as the content-score drops
         they were before it; the mean labelled-token page F1 per source and page type, and
         the pages that move by more than 0.05.

    scripts/probe_collection_units.py dump --winnow BIN --line-models L --page-type-models P \
        --out F [--types collection,service,...]
    scripts/probe_collection_units.py census F --type collection [--below 0.7]
    scripts/probe_collection_units.py simulate F
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_listing_runs as runs  # noqa: E402
import score_boilerplate as sb  # noqa: E402

# `winnow explain`'s line: number, verdict, kind, rule (with a score after model rules), text.
EXPLAIN_LINE = re.compile(
    r"^\s*(\d+) (keep|drop|blank|meta)\s+(\S+)\s+(\S+)(?: [\d.]+)?\s*\| ?(.*)$"
)
CALLED = re.compile(r"; page type (\w+)")


def explain_page(binary, config, path):
    """[(line number, verdict, kind, rule, text)] of the non-blank lines and the called type."""
    out = subprocess.run(
        [binary, "explain", "--color", "never", "--config", config, path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines, called = [], "prose"
    for raw in out.split("\n"):
        m = EXPLAIN_LINE.match(raw)
        if m and m.group(2) != "blank":
            lines.append((int(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)))
        elif raw.startswith("-- kept"):
            found = CALLED.search(raw)
            called = found.group(1) if found else "prose"
    return lines, called


def dump(args):
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    if args.types:
        manifest = [m for m in manifest if sb.page_type(m) in args.types.split(",")]
    folds = json.load(open(os.path.join(args.page_type_models, "folds.json")))
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for m in manifest:
            settings = []
            line_model = os.path.abspath(os.path.join(args.line_models, m["source"] + ".txt"))
            if os.path.exists(line_model):
                settings.append(f"  line_model: {json.dumps(line_model)}")
            if m["id"] in folds:
                model = os.path.abspath(os.path.join(args.page_type_models, folds[m["id"]]))
                settings.append(f"  page_types: {json.dumps(model)}")
            config = os.path.join(tmp, m["id"] + ".yaml")
            with open(config, "w") as f:
                f.write("boilerplate:\n" + "\n".join(settings) + "\n")
            for rendering in ("block", "naive"):
                folder = "cases_naive" if rendering == "naive" else "cases"
                jobs.append((m, rendering, config, os.path.join(args.devset, folder, m["id"])))
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = pool.map(lambda j: explain_page(args.winnow, j[2], j[3] + ".txt"), jobs)
            for (m, rendering, _, stem), (lines, called) in zip(jobs, results):
                labels = sb.read(stem + ".labels").split("\n")
                out[rendering + "/" + m["id"]] = {
                    "source": m["source"],
                    "type": sb.page_type(m),
                    "called": called,
                    "lines": [
                        [n, verdict, kind, rule, labels[n - 1].strip() == "keep", text]
                        for n, verdict, kind, rule, text in lines
                        if n <= len(labels)
                    ],
                }
    with open(args.out, "w") as f:
        json.dump(out, f)


def f1(rows, shown):
    kept = sum(size for (size, _), s in zip(rows, shown) if s)
    gold = sum(size for size, g in rows if g)
    hit = sum(size for (size, g), s in zip(rows, shown) if s and g)
    if gold == 0 and kept == 0:
        return 1.0
    return 0.0 if hit == 0 else 2 * hit / (kept + gold)


def census(args):
    pages = json.load(open(args.file))
    for rendering in ("block", "naive"):
        lost, kept = collections.Counter(), collections.Counter()
        f1s = collections.defaultdict(list)
        chosen = 0
        for key, page in pages.items():
            if not key.startswith(rendering + "/") or page["type"] != args.type:
                continue
            rows = [(len(sb.tokens(x[5])), x[4]) for x in page["lines"]]
            shown = [x[1] != "drop" for x in page["lines"]]
            if f1(rows, shown) >= args.below:
                continue
            chosen += 1
            called = page["called"]
            for (n, verdict, kind, rule, gold, text), (size, _) in zip(page["lines"], rows):
                if gold and verdict == "drop":
                    lost[(called, rule, kind)] += size
                if not gold and verdict != "drop":
                    kept[(called, rule, kind)] += size
            f1s["as is"].append(f1(rows, shown))
            f1s["gold drops back"].append(f1(rows, [s or g for s, (_, g) in zip(shown, rows)]))
            f1s["kept chrome out"].append(f1(rows, [s and g for s, (_, g) in zip(shown, rows)]))
        print(f"== {rendering}: {args.type} pages below {args.below}: {chosen}")
        for name, values in f1s.items():
            print(f"  mean F1 {name:<18} {sum(values) / max(1, len(values)):.3f}")
        print("  gold tokens lost (called, rule, kind):")
        for k, v in lost.most_common(args.top):
            print(f"    {v:>7} {k}")
        print("  chrome tokens kept (called, rule, kind):")
        for k, v in kept.most_common(args.top):
            print(f"    {v:>7} {k}")


DIGITS = re.compile(r"\d+")
SHIPPED = dict(min_repeats=6, max_period=40, spread=2.0, unit_share=0.8, multiple=3)
VARIANTS = [
    ("shipped", {}),
    ("irregular gaps 0.2", dict(irregular=0.2)),
    ("spread 3", dict(spread=3.0)),
    ("block multiple 2", dict(multiple=2)),
    ("irregular gaps 0.2, block multiple 2", dict(irregular=0.2, multiple=2)),
    ("numbers masked, irregular gaps 0.2", dict(masked=True, irregular=0.2)),
]


class Page:
    """A page's lines as the item-units rule saw them: the lines it gave back count as the
    content-score drops they were; tokens and marker keys computed once."""

    def __init__(self, page):
        self.lines = page["lines"]
        self.tokens = [len(sb.tokens(x[5])) for x in self.lines]
        self.gold = [x[4] for x in self.lines]
        self.score_drop = [
            x[3] in (runs.CS, "context.item-units") and (x[1] == "drop" or x[3] != runs.CS)
            for x in self.lines
        ]
        self.kept = [x[1] != "drop" and x[3] != "context.item-units" for x in self.lines]
        self.item_sized = [runs.size(x[5]) >= runs.ITEM_SIZE for x in self.lines]
        words = [" ".join(sb.tokens(x[5])).casefold() for x in self.lines]
        self.keys = {False: words, True: [DIGITS.sub("0", w) for w in words]}
        block = best = 0
        for k, kept in zip(self.tokens, self.kept):
            block = block + k if kept else 0
            best = max(best, block)
        self.largest_block = best

    def given(self, irregular=0.0, masked=False, **setting):
        """The lines context.item-units gives back under `setting` (see ItemUnitsRule)."""
        s = dict(SHIPPED, **setting)
        where = collections.defaultdict(list)
        for i, key in enumerate(self.keys[masked]):
            if key:
                where[key].append(i)
        given, markers = set(), set()
        for key, at in where.items():
            if len(at) < s["min_repeats"]:
                continue
            gaps = sorted(b - a for a, b in zip(at, at[1:]))
            regular = len(gaps) - int(irregular * len(gaps))
            if gaps[0] < 2 or gaps[-1] > s["max_period"]:
                continue
            if gaps[regular - 1] > s["spread"] * gaps[0]:
                continue
            held = sum(
                any(self.score_drop[i] and self.item_sized[i] for i in range(a, b))
                for a, b in zip(at, at[1:])
            )
            if held < s["unit_share"] * len(gaps):
                continue
            period = gaps[len(gaps) // 2]
            markers.add(key)
            first, last = max(0, at[0] - period + 1), min(len(self.lines) - 1, at[-1] + period - 1)
            given.update(i for i in range(first, last + 1) if self.score_drop[i])
        given = {i for i in given if self.keys[masked][i] not in markers}
        if not given or sum(self.tokens[i] for i in given) < s["multiple"] * self.largest_block:
            return set()
        return given

    def f1(self, given):
        return f1(
            list(zip(self.tokens, self.gold)), [k or i in given for i, k in enumerate(self.kept)]
        )


def simulate(args):
    pages = json.load(open(args.file))
    for rendering in ("block", "naive"):
        chosen = {k: Page(p) for k, p in pages.items() if k.startswith(rendering + "/")}
        base = {k: page.f1(page.given()) for k, page in chosen.items()}
        for name, setting in VARIANTS[1:]:
            groups = collections.defaultdict(list)
            moved = []
            for key, page in chosen.items():
                after = page.f1(page.given(**setting))
                for group in ("source " + pages[key]["source"], "type " + pages[key]["type"]):
                    groups[group].append(after - base[key])
                if abs(after - base[key]) > 0.05:
                    moved.append(f"{key.split('/')[1]} {base[key]:.2f}->{after:.2f}")
            cells = [
                f"{g} {sum(v) / len(v):+.4f}"
                for g, v in sorted(groups.items())
                if abs(sum(v) / len(v)) >= 0.0005
            ]
            print(f"{rendering} {name}: " + ("; ".join(cells) or "no group moves"))
            if moved:
                print("    pages: " + ", ".join(moved))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--winnow", required=True)
    d.add_argument("--line-models", required=True)
    d.add_argument("--page-type-models", required=True)
    d.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    d.add_argument("--types")
    d.add_argument("--out", required=True)
    c = sub.add_parser("census")
    c.add_argument("file")
    c.add_argument("--type", required=True)
    c.add_argument("--below", type=float, default=0.7)
    c.add_argument("--top", type=int, default=12)
    s = sub.add_parser("simulate")
    s.add_argument("file")
    args = parser.parse_args()
    {"dump": dump, "census": census, "simulate": simulate}[args.cmd](args)


if __name__ == "__main__":
    main()
