#!/usr/bin/env python3
"""Why pages score below token F1 0.5: a census of the lost pages, by cause.

Cleans the dev pages through the binary as scripts/score_boilerplate.py does (same options:
--line-models and --page-type-models give the out-of-source run), then, for every page below
F1 0.5, names the cause from the record's `removed_lines` (run with --explain) and the dev
set's line labels (ID.labels, one per input line, both renderings):

- recall lost (R < 0.5): the gold-`keep` tokens that were removed, summed by the rule that
  removed them; the rule with most of them is the cause. Zone drops (`context.zone`) are
  split by the line that opened the zone: the nearest removed line before the first lost
  zone line whose rule opens zones (comment header, comment widget, commenter line, reply
  subject, related header), and whether that opener stood above the page's first kept
  `keep` line (a zone opened above the article swallows it) or below it;
- precision lost (P < 0.5, R >= 0.5): off-article text kept; the cause is `kept` with the
  share of the output that the gold does not hold;
- no record: the page was dropped whole.

Prints, per source and per cause, the number of lost pages and the tokens the cause costs
(gold tokens removed for a recall cause, off-gold tokens kept for a precision cause), and with
--pages every lost page with its cause, F1, P, R and (for zones) the opener's text. --below
moves the bar (0.7 counts the pages between 0.5 and 0.7 too); --skip-types leaves page types
out (the item types, listing,collection,product, have their own census).

--by-rule adds, over the lost pages, the gold tokens removed by each rule (recall pages) and
the off-gold tokens kept by each rule that kept them (precision pages; `winnow explain` of
each page with its source's and fold's models) and where they stand against the gold: before
the first line labelled `keep`, between, or after the last.

Usage:
  scripts/lost_pages_census.py --winnow .build/release/winnow \
      --line-models DIR --page-type-models DIR [--rendering naive] [--pages] [--json F] \
      [--below 0.7] [--skip-types listing,collection,product] [--by-rule]
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402

ZONE_RULE = "context.zone"
OPENERS = {
    "builtin.comment-header": "comment header",
    "builtin.comment-widget": "comment widget",
    "builtin.commenter-line": "commenter line",
    "builtin.reply-subject": "reply subject",
    "builtin.related-header": "related header",
}


def lost_by_rule(text_lines, labels, removed):
    """{rule: gold-keep tokens it removed} and the removals by line number."""
    lost = collections.Counter()
    for number, (line, label) in enumerate(zip(text_lines, labels), 1):
        removal = removed.get(number)
        if removal is None or label.strip() != "keep":
            continue
        lost[removal["rule"]] += len(sb.tokens(line))
    return lost


def zone_opener(labels, removed):
    """(opener removal, above the first kept keep line?) for the page's first lost zone line."""
    zone_lines = [
        n for n, r in removed.items() if r["rule"] == ZONE_RULE and labels[n - 1].strip() == "keep"
    ]
    if not zone_lines:
        return None, False
    first = min(zone_lines)
    opener = None
    for number in range(first - 1, 0, -1):
        removal = removed.get(number)
        if removal and removal["rule"] in OPENERS:
            opener = removal
            break
    kept_keep = [
        n for n, label in enumerate(labels, 1) if label.strip() == "keep" and n not in removed
    ]
    above = opener is not None and (not kept_keep or opener["line"] < min(kept_keep))
    return opener, above


def kept_off_gold(text_lines, labels, record):
    """Tokens of the lines labelled `drop` that the record kept."""
    removed = {r["line"] for r in record.get("winnow", {}).get("removed_lines", [])}
    return sum(
        len(sb.tokens(line))
        for number, (line, label) in enumerate(zip(text_lines, labels), 1)
        if label.strip() == "drop" and number not in removed
    )


def cause_tokens(record, cause, text_lines, labels):
    """The tokens a lost page's cause costs: off-gold tokens kept for a precision cause, the
    gold tokens its rule removed for a recall cause (all gold tokens for a missing record)."""
    if record is None:
        return sum(
            len(sb.tokens(line))
            for line, label in zip(text_lines, labels)
            if label.strip() == "keep"
        )
    if cause == "kept off-article text":
        return kept_off_gold(text_lines, labels, record)
    removed = {r["line"]: r for r in record.get("winnow", {}).get("removed_lines", [])}
    lost = lost_by_rule(text_lines, labels, removed)
    return lost.most_common(1)[0][1] if lost else 0


def page_config(folder, source, page_id, line_models, type_models, folds):
    """A config file in `folder` that cleans the page as `sb.run_pages` does, or None."""
    settings = []
    model = os.path.abspath(os.path.join(line_models or "", source + ".txt"))
    if line_models and os.path.exists(model):
        settings.append(f"  line_model: {json.dumps(model)}")
    if folds.get(page_id):
        fold = os.path.abspath(os.path.join(type_models, folds[page_id]))
        settings.append(f"  page_types: {json.dumps(fold)}")
    if not settings:
        return None
    path = os.path.join(folder, page_id + ".yaml")
    with open(path, "w") as f:
        f.write("boilerplate:\n" + "\n".join(settings) + "\n")
    return path


def kept_rules(binary, page, config, labels):
    """{(rule, place): off-gold tokens kept} of one page from `winnow explain`: each kept line
    labelled `drop`, by the rule that kept it and its place against the gold's `keep` lines."""
    command = [binary, "explain", "--color", "never", page] + (
        ["--config", config] if config else []
    )
    out = subprocess.run(command, capture_output=True, text=True).stdout.split("\n")
    gold = [n for n, label in enumerate(labels, 1) if label.strip() == "keep"]
    kept = collections.Counter()
    for row in out:
        head, _, text = row.partition(" | ")
        fields = head.split()
        if len(fields) < 4 or fields[1] != "keep" or not fields[0].isdigit():
            continue
        number = int(fields[0])
        if number > len(labels) or labels[number - 1].strip() != "drop":
            continue
        place = (
            "before the gold"
            if not gold or number < gold[0]
            else "after the gold"
            if number > gold[-1]
            else "inside the gold"
        )
        kept[(fields[3], place)] += len(sb.tokens(text))
    return kept


def cause_of(record, score, text_lines, labels):
    """(cause, detail) of one lost page."""
    if record is None:
        return "no record", ""
    if score["r"] >= sb.LOW_F1:
        return "kept off-article text", f"P {score['p']:.2f}"
    removed = {r["line"]: r for r in record.get("winnow", {}).get("removed_lines", [])}
    lost = lost_by_rule(text_lines, labels, removed)
    if not lost:
        return "gold not in labelled lines", ""
    rule, _ = lost.most_common(1)[0]
    if rule == ZONE_RULE:
        opener, above = zone_opener(labels, removed)
        if opener is None:
            return "zone (opener not found)", ""
        where = "above the article" if above else "inside/below the article"
        return f"zone: {OPENERS[opener['rule']]} {where}", opener.get("text", "")[:80]
    if rule.startswith("model.page-type"):
        return "page-type decider", rule
    return rule, ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--rendering", choices=("block", "naive"), default="block")
    parser.add_argument("--config")
    parser.add_argument("--line-models")
    parser.add_argument("--page-type-models")
    parser.add_argument("--pages", action="store_true", help="list every lost page")
    parser.add_argument("--below", type=float, default=sb.LOW_F1, help="the F1 of a lost page")
    parser.add_argument("--skip-types", default="", help="page types to leave out, by commas")
    parser.add_argument("--by-rule", action="store_true", help="tokens by rule, both kinds")
    parser.add_argument("--json", help="write every lost page with its cause")
    parser.add_argument("--scores", help="write every page's scores (score_boilerplate's --json)")
    args = parser.parse_args()

    manifest = [json.loads(line) for line in open(os.path.join(args.devset, "manifest.jsonl"))]
    records = sb.run_pages(
        args.winnow,
        args.devset,
        manifest,
        args.rendering,
        "none",
        args.config,
        args.line_models,
        args.page_type_models,
    )
    folder = os.path.join(args.devset, "cases_naive" if args.rendering == "naive" else "cases")
    skipped = set(filter(None, args.skip_types.split(",")))
    gold_folder = os.path.join(args.devset, "cases")
    lost_pages = []
    scores = []
    removed_by_rule = collections.Counter()
    kept_by_rule = collections.Counter()
    folds = {}
    if args.page_type_models:
        folds = json.load(open(os.path.join(args.page_type_models, "folds.json")))
    configs = tempfile.TemporaryDirectory()
    pages_by_source = collections.Counter(m["source"] for m in manifest)
    for m in manifest:
        record = records.get(m["id"])
        title = (record or {}).get("title") or ""
        output = (title + "\n" if title else "") + (record or {}).get("text", "")
        p, r, f = sb.prf(output, sb.read(os.path.join(gold_folder, m["id"] + ".gold.txt")))
        scores.append(
            dict(
                id=m["id"],
                source=m["source"],
                lang=m["lang"],
                page_type=sb.page_type(m),
                p=p,
                r=r,
                f1=f,
            )
        )
        if f >= args.below or sb.page_type(m) in skipped:
            continue
        score = {"p": p, "r": r, "f1": f}
        text_lines = sb.read(os.path.join(folder, m["id"] + ".txt")).split("\n")
        labels = sb.read(os.path.join(folder, m["id"] + ".labels")).split("\n")
        cause, detail = cause_of(record, score, text_lines, labels)
        if args.by_rule and record is not None and cause == "kept off-article text":
            page = os.path.join(configs.name, m["id"] + ".txt")
            with open(page, "w", encoding="utf-8") as f:
                f.write(sb.input_text(args.devset, args.rendering, "none", m["id"]))
            config = page_config(
                configs.name, m["source"], m["id"], args.line_models, args.page_type_models, folds
            )
            kept_by_rule.update(kept_rules(args.winnow, page, config, labels))
        elif args.by_rule and record is not None:
            removed = {r["line"]: r for r in record.get("winnow", {}).get("removed_lines", [])}
            removed_by_rule.update(lost_by_rule(text_lines, labels, removed))
        lost_pages.append(
            dict(
                id=m["id"],
                source=m["source"],
                page_type=sb.page_type(m),
                cause=cause,
                detail=detail,
                tokens=cause_tokens(record, cause, text_lines, labels),
                **score,
            )
        )

    by_cause = collections.Counter(p["cause"] for p in lost_pages)
    tokens_by_cause = collections.Counter()
    for page in lost_pages:
        tokens_by_cause[page["cause"]] += page["tokens"]
    by_source = collections.defaultdict(collections.Counter)
    for page in lost_pages:
        by_source[page["source"]][page["cause"]] += 1
    total = len(manifest)
    share = 100 * len(lost_pages) / total
    print(f"lost pages (F1 < {args.below}): {len(lost_pages)} of {total} ({share:.1f} %)")
    print("-- by cause (pages, tokens the cause costs)")
    for cause, count in by_cause.most_common():
        print(f"{count:>5} {tokens_by_cause[cause]:>8}  {cause}")
    print("-- by source")
    for source in sorted(by_source, key=lambda s: -sum(by_source[s].values())):
        counts = by_source[source]
        n = sum(counts.values())
        share = 100 * n / pages_by_source[source]
        causes = ", ".join(f"{c} {k}" for k, c in counts.most_common())
        print(f"{source:<13} {n:>4} ({share:4.1f} %): {causes}")
    print("-- by page type")
    by_type = collections.defaultdict(collections.Counter)
    for page in lost_pages:
        by_type[page["page_type"]][page["cause"]] += 1
    for kind in sorted(by_type, key=lambda t: -sum(by_type[t].values())):
        counts = by_type[kind]
        causes = ", ".join(f"{c} {k}" for k, c in counts.most_common())
        print(f"{kind:<13} {sum(counts.values()):>4}: {causes}")
    if args.by_rule:
        print("-- recall pages: gold tokens removed, by rule")
        for rule, count in removed_by_rule.most_common():
            print(f"{count:>8}  {rule}")
        print("-- precision pages: off-gold tokens kept, by rule and place")
        for (rule, place), count in kept_by_rule.most_common():
            print(f"{count:>8}  {rule:<32} {place}")
    configs.cleanup()
    if args.pages:
        for page in sorted(lost_pages, key=lambda p: (p["cause"], p["source"], p["f1"])):
            print(
                f"{page['f1']:.3f} P {page['p']:.2f} R {page['r']:.2f} {page['source']:<12} "
                f"{page['page_type']:<13} {page['id']:<28} {page['tokens']:>6} {page['cause']}"
                f"  {page['detail']}"
            )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(lost_pages, f, indent=1, ensure_ascii=False)
    if args.scores:
        with open(args.scores, "w") as f:
            json.dump(scores, f, indent=1)


if __name__ == "__main__":
    main()
