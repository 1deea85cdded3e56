#!/usr/bin/env python3
"""Zones and kept prose on listing, collection and product pages (issue 13).

dump      Runs a winnow binary over every dev page, both renderings (out of source with
          --line-models and --page-type-models, as scripts/score_boilerplate.py does) and
          writes, per page, its non-blank lines with the gold label, the rule and the kind
          that removed each (from the `--explain` record), the page's type call and the
          record's output text, to one JSON file.
simulate  From that file: page F1 (the dev set's token F1 against the gold text) when the
          `context.zone` drops of a related or comment zone (a run of them that no kept line
          breaks) come back because they hold at least MULTIPLE times the tokens of the page's
          largest block of kept lines (`context.items-zone`), on the pages called items and,
          for comparison, on every page; per source and page type, both renderings, with the
          pages that change.

    scripts/probe_list_zones.py dump --winnow BIN [--line-models L --page-type-models P] --out F
    scripts/probe_list_zones.py simulate F
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
    out = {}
    for rendering in ("block", "naive"):
        folder = "cases_naive" if rendering == "naive" else "cases"
        got = sb.run_pages(
            args.winnow,
            args.devset,
            manifest,
            rendering,
            "none",
            args.config,
            args.line_models,
            args.page_type_models,
        )
        for m in manifest:
            record = got.get(m["id"])
            text = sb.read(os.path.join(args.devset, folder, m["id"] + ".txt")).split("\n")
            labels = sb.read(os.path.join(args.devset, folder, m["id"] + ".labels")).split("\n")
            labels += [""] * (len(text) - len(labels))
            removed, output, called = {}, "", None
            if record is not None:
                removed = {
                    r["line"]: (r["rule"], r["kind"])
                    for r in record["winnow"].get("removed_lines", [])
                }
                title = record.get("title") or ""
                output = (
                    (title + "\n" + record.get("text", "")) if title else record.get("text", "")
                )
                called = record["winnow"].get("page_type")
            lines = [
                [n, line.strip(), labels[n - 1].strip(), *removed.get(n, (None, None))]
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


ZONE = "context.zone"
LIST_ZONE_KINDS = ("related-links", "comment-widget")


def largest_kept_block(lines):
    """Tokens of the page's largest block of kept lines in a row."""
    best = current = 0
    for _, text, _, rule, _ in lines:
        current = current + len(sb.tokens(text)) if rule is None else 0
        best = max(best, current)
    return best


def list_zones(lines, multiple):
    """Positions of the zone drops context.items-zone gives back."""
    block = largest_kept_block(lines)
    given, zone, tokens = [], [], 0
    for i, (_, text, _, rule, kind) in enumerate(lines + [[0, "", "", None, None]]):
        if rule == ZONE and kind in LIST_ZONE_KINDS:
            zone.append(i)
            tokens += len(sb.tokens(text))
        elif rule is None:
            if zone and tokens >= multiple * block:
                given += zone
            zone, tokens = [], 0
    return given


def simulate(args):
    pages = json.load(open(args.file))
    gold = {}
    for rendering in ("block", "naive"):
        base = {}
        for key, page in pages.items():
            if key.startswith(rendering + "/"):
                page_id = key.split("/", 1)[1]
                if page_id not in gold:
                    gold[page_id] = sb.read(
                        os.path.join(args.devset, "cases", page_id + ".gold.txt")
                    )
                base[key] = sb.prf(page["output"], gold[page_id])[2]
        for called in ("items", "any"):
            for multiple in (2, 3, 5):
                after, changed = dict(base), []
                for key in base:
                    page = pages[key]
                    if not page["has_record"] or called not in ("any", page["called"]):
                        continue
                    given = list_zones(page["lines"], multiple)
                    if not given:
                        continue
                    extra = "\n".join(page["lines"][i][1] for i in given)
                    after[key] = sb.prf(page["output"] + "\n" + extra, gold[key.split("/", 1)[1]])[
                        2
                    ]
                    changed.append(f"{key.split('/', 1)[1]} {base[key]:.3f}->{after[key]:.3f}")
                groups = collections.defaultdict(list)
                for key in base:
                    page = pages[key]
                    for group in ("source " + page["source"], "type " + page["type"]):
                        groups[group].append((base[key], after[key]))
                sources = [g for g in groups if g.startswith("source ")]
                mean = lambda g, k: sum(x[k] for x in groups[g]) / len(groups[g])  # noqa: E731
                cells = [
                    f"mean of sources {sum(mean(g, 0) for g in sources) / len(sources):.4f} "
                    f"-> {sum(mean(g, 1) for g in sources) / len(sources):.4f}"
                ]
                for group in sorted(groups):
                    low = [sum(x[k] < sb.LOW_F1 for x in groups[group]) for k in (0, 1)]
                    if abs(mean(group, 1) - mean(group, 0)) >= 0.0005 or low[0] != low[1]:
                        cells.append(
                            f"{group} {mean(group, 0):.4f} {mean(group, 1) - mean(group, 0):+.4f}"
                            f" (<0.5 {low[0]} -> {low[1]})"
                        )
                print(f"{rendering} called {called}, multiple {multiple}: " + "; ".join(cells))
                if called == "items" and multiple == 3:
                    print("    pages: " + ", ".join(changed))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--winnow", required=True)
    d.add_argument("--line-models")
    d.add_argument("--page-type-models")
    d.add_argument("--config")
    d.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    d.add_argument("--out", required=True)
    p = sub.add_parser("simulate")
    p.add_argument("file")
    p.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    args = parser.parse_args()
    {"dump": dump, "simulate": simulate}[args.cmd](args)


if __name__ == "__main__":
    main()
