#!/usr/bin/env python3
"""How clean the record's `comments` field is on the dev set (../shared/devset/boilerplate).

The gold texts leave reader comments out, so a token of `comments` that is in the gold text is
article text lost into the comments, and one that is not is comment (or other page chrome).
Tokens are score_boilerplate.py's (NFKC, case-folded runs of letters and digits; each Han,
kana or Thai character one token). Bags of tokens, per page:

  in_gold  = |comments ∩ (gold − text)|   the comments' tokens the gold holds and the text
                                          (with the title) did not already match; counting
                                          against the gold's unmatched rest keeps common words
                                          that the text matched from counting twice
  purity   = 1 − in_gold / |comments|     share of the comments' tokens NOT in the gold
  lost     = in_gold / |gold|             share of the gold's tokens that went to comments

Summed over the pages of a group (token-weighted). Line labels give a second view (block
rendering only): of the lines moved to comments (`"to": "comments"` in removed_lines), the
share the dev set labels `keep`.

It also checks that `text` is the same with `boilerplate.comments: field` as with `drop`
(the field must not change the article), and reports how many pages `keep` changes.

  python3 scripts/score_comments.py --winnow .build/release/winnow [--rendering naive]
      [--json FILE] [--pages]
"""

import argparse
import collections
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402


def mode_config(tmp, mode):
    path = os.path.join(tmp, f"comments-{mode}.yaml")
    with open(path, "w") as f:
        f.write(f"boilerplate:\n  comments: {mode}\n")
    return path


def run_mode(args, manifest, tmp, mode):
    return sb.run_pages(
        args.winnow,
        args.devset,
        manifest,
        args.rendering,
        "none",
        mode_config(tmp, mode),
    )


def page_scores(args, m, record):
    """Token and line counts of one page's comments."""
    gold = collections.Counter(
        sb.tokens(sb.read(os.path.join(args.devset, "cases", m["id"] + ".gold.txt")))
    )
    text = (record.get("title") or "") + "\n" + record.get("text", "")
    rest = gold - collections.Counter(sb.tokens(text))
    comments = record.get("comments", [])
    bag = collections.Counter(sb.tokens("\n".join(comments)))
    moved = [
        r["line"] for r in record["winnow"].get("removed_lines", []) if r.get("to") == "comments"
    ]
    # The labels number the lines of the block rendering only.
    keep_lines = 0 if args.rendering == "block" else None
    if args.rendering == "block" and moved:
        labels = sb.read(os.path.join(args.devset, "cases", m["id"] + ".labels")).split("\n")
        keep_lines = sum(labels[n - 1].strip() == "keep" for n in moved if n <= len(labels))
    return {
        "id": m["id"],
        "source": m["source"],
        "page_type": sb.page_type(m),
        "comments": len(comments),
        "tokens": sum(bag.values()),
        "in_gold": sum((bag & rest).values()),
        "gold": sum(gold.values()),
        "lines": len(moved),
        "keep_lines": keep_lines,
    }


def summary(name, group):
    with_comments = [s for s in group if s["comments"]]
    tokens = sum(s["tokens"] for s in group)
    in_gold = sum(s["in_gold"] for s in group)
    gold = sum(s["gold"] for s in group)
    lines = sum(s["lines"] for s in group)
    keep = sum(s["keep_lines"] or 0 for s in group)
    labelled = all(s["keep_lines"] is not None for s in group)
    purity = f"{1 - in_gold / tokens:.3f}" if tokens else "  -  "
    keep_share = f"{keep / lines:.3f}" if lines and labelled else "  -  "
    print(
        f"{name:<14} {len(group):>5} {len(with_comments):>6} {sum(s['comments'] for s in group):>8}"
        f" {tokens:>9} {purity:>7} {in_gold / gold if gold else 0:>7.4f} {lines:>7} {keep_share:>7}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", required=True, help="path of a winnow binary")
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--rendering", choices=("block", "naive"), default="block")
    parser.add_argument("--pages", action="store_true", help="print each page with comments")
    parser.add_argument("--json", help="write the per-page numbers to this file")
    args = parser.parse_args()

    manifest = [json.loads(l) for l in open(os.path.join(args.devset, "manifest.jsonl"))]
    with tempfile.TemporaryDirectory() as tmp:
        records = {mode: run_mode(args, manifest, tmp, mode) for mode in ("drop", "field", "keep")}

    changed = [
        i
        for i, r in records["field"].items()
        if r.get("text") != records["drop"].get(i, {}).get("text")
    ]
    kept_more = [
        i
        for i, r in records["keep"].items()
        if r.get("text") != records["drop"].get(i, {}).get("text")
    ]
    print(
        f"records: {len(records['field'])}; text differs between field and drop on {len(changed)} pages"
        f"; keep changes the text of {len(kept_more)} pages"
    )

    scores = [
        page_scores(args, m, records["field"][m["id"]])
        for m in manifest
        if m["id"] in records["field"]
    ]
    print(
        f"{'group':<14} {'pages':>5} {'w/comm':>6} {'comments':>8} {'tokens':>9} {'purity':>7} {'lost':>7}"
        f" {'lines':>7} {'keep%':>7}"
    )
    summary("all", scores)
    sb.print_by_group(scores, ("source", "page_type"), summary)
    if args.pages:
        for s in sorted(scores, key=lambda s: -s["in_gold"]):
            if s["comments"]:
                print(
                    f"{s['id']:<50} comments {s['comments']:>4} tokens {s['tokens']:>6} in_gold {s['in_gold']:>6}"
                    f" gold {s['gold']:>6}"
                )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(scores, f, indent=1)


if __name__ == "__main__":
    main()
