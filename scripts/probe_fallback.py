#!/usr/bin/env python3
"""When does the decider's fallback fire, and would a block chosen by the model's own scores
bring back the pages lost to recall? A probe, out of source.

Cleans the dev pages through the binary out of source (as scripts/score_boilerplate.py does
with --line-models and --page-type-models), then reads every non-blank line's features with
WinnowFeatures (the rules' and context pass's verdicts, before the decider) and gives each
line the first model's probability of text from the line model file that did not see its
source. Per page it reports the shipped fallback (`winnow.fallback`) and simulates another:
the *model block*, the run of lines whose sum of tokens x (p - CENTRE) is largest; when the
record keeps less than 1 / SHARE_INVERSE of the block's tokens and the block holds at least
MIN_BLOCK tokens, the block's removed lines with p >= CENTRE come back (added to the record's
text; the metric is a bag of tokens, so order does not matter). Prints, per rendering, how
many pages each fallback fires on, the F1 change per source and page type, and every page it
moves.

Usage:
  scripts/probe_fallback.py --winnow .build/release/winnow --features .build/release/WinnowFeatures \
      --line-models DIR --page-type-models DIR [--rendering block|naive] [--json F]
"""

import argparse
import collections
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402
from line_model_file import read_model  # noqa: E402

CENTRE = 0.5
SHARE_INVERSE = 5
MIN_BLOCK = 50
CHUNK = 150


def probability(model, row):
    """The ensemble's probability of text for one row of feature values (TreeEnsemble.swift)."""
    bias, trees = model
    total = bias
    for nodes in trees:
        at = 0
        while nodes[at][0] >= 0:
            feature, threshold, left, right, _ = nodes[at]
            at = left if row[feature] <= threshold else right
        total += nodes[at][4]
    return 1 / (1 + math.exp(-total))


def scored_rows(tool, paths, model):
    """{path: [(line number, group, p)]} of the non-blank lines of `paths`, p the model's
    probability of text (the feature values are not kept: a page set holds a million rows)."""
    rows = collections.defaultdict(list)
    for start in range(0, len(paths), CHUNK):
        out = subprocess.run(
            [tool] + paths[start : start + CHUNK], check=True, capture_output=True, text=True
        ).stdout.split("\n")
        for line in out[1:]:
            if line:
                path, number, group, rest = line.split("\t", 3)
                values = [float(v) for v in rest.split("\t")]
                rows[path].append((int(number), group, probability(model, values)))
    return rows


def model_block(lines, centre):
    """(first, last) ranks of the maximum-sum run of tokens x (p - centre), or None."""
    best, best_span, running, start = 0.0, None, 0.0, 0
    for rank, line in enumerate(lines):
        if running <= 0:
            running, start = 0.0, rank
        running += line["tokens"] * (line["p"] - centre)
        if running > best:
            best, best_span = running, (start, rank)
    return best_span


def page_lines(text_lines, labels, rows, removed):
    """The page's non-blank lines with tokens, gold label, p and whether the record kept them."""
    lines = []
    for number, group, p in rows:
        text = text_lines[number - 1] if number <= len(text_lines) else ""
        lines.append(
            dict(
                number=number,
                text=text,
                tokens=len(sb.tokens(text)),
                gold=number <= len(labels) and labels[number - 1].strip() == "keep",
                p=p,
                kept=number not in removed,
                group=group,
            )
        )
    return lines


def simulate(lines, centre=CENTRE, share_inverse=SHARE_INVERSE):
    """(fires, lines brought back, block tokens) of the model-block fallback on one page."""
    span = model_block(lines, centre)
    if span is None:
        return False, [], 0
    block = lines[span[0] : span[1] + 1]
    block_tokens = sum(line["tokens"] for line in block)
    kept_tokens = sum(line["tokens"] for line in lines if line["kept"])
    if block_tokens < MIN_BLOCK or kept_tokens * share_inverse >= block_tokens:
        return False, [], block_tokens
    back = [line for line in block if not line["kept"] and line["p"] >= centre]
    return True, back, block_tokens


# (centre, share inverse) settings compared in one line each; the first is reported in full.
VARIANTS = [(CENTRE, SHARE_INVERSE), (0.5, 3), (0.5, 2), (0.3, 5), (0.3, 3), (0.7, 3)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--features", required=True, help="the WinnowFeatures binary")
    parser.add_argument("--line-models", required=True)
    parser.add_argument("--page-type-models")
    parser.add_argument("--rendering", choices=("block", "naive"), default="block")
    parser.add_argument("--json", help="write every page's scores before and after")
    args = parser.parse_args()
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    records = sb.run_pages(
        args.winnow,
        args.devset,
        manifest,
        args.rendering,
        "none",
        None,
        args.line_models,
        args.page_type_models,
    )
    folder = os.path.join(args.devset, "cases_naive" if args.rendering == "naive" else "cases")
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        by_source = collections.defaultdict(list)
        for m in manifest:
            path = os.path.join(tmp, m["id"] + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(sb.input_text(args.devset, args.rendering, "none", m["id"]))
            by_source[m["source"]].append(path)
        rows = {}
        for source, paths in by_source.items():
            model = read_model(os.path.join(args.line_models, source + ".txt"))["first"]
            rows.update(scored_rows(args.features, paths, model))
        for m in manifest:
            record = records.get(m["id"])
            if record is None:
                continue
            gold = sb.read(os.path.join(args.devset, "cases", m["id"] + ".gold.txt"))
            title = record.get("title") or ""
            output = (title + "\n" if title else "") + record.get("text", "")
            text_lines = sb.read(os.path.join(folder, m["id"] + ".txt")).split("\n")
            labels = sb.read(os.path.join(folder, m["id"] + ".labels")).split("\n")
            removed = {r["line"] for r in record.get("winnow", {}).get("removed_lines", [])}
            path = os.path.join(tmp, m["id"] + ".txt")
            lines = page_lines(text_lines, labels, rows.get(path, []), removed)
            before_f1 = sb.prf(output, gold)
            variants = []
            for centre, share_inverse in VARIANTS:
                fires, back, block_tokens = simulate(lines, centre, share_inverse)
                after = output + "\n" + "\n".join(line["text"] for line in back)
                variants.append((fires, sb.prf(after, gold)[2] if back else before_f1[2]))
            fires, back, block_tokens = simulate(lines)
            after_f1 = sb.prf(output + "\n" + "\n".join(x["text"] for x in back), gold)
            lost_gold = [x for x in lines if x["gold"] and not x["kept"]]
            lost_tokens = sum(x["tokens"] for x in lost_gold)
            scores.append(
                dict(
                    id=m["id"],
                    source=m["source"],
                    page_type=sb.page_type(m),
                    shipped=bool(record.get("winnow", {}).get("fallback")),
                    fires=fires,
                    back=len(back),
                    back_tokens=sum(line["tokens"] for line in back),
                    back_gold=sum(line["tokens"] for line in back if line["gold"]),
                    p=before_f1[0],
                    r=before_f1[1],
                    f1=before_f1[2],
                    f1_after=after_f1[2],
                    variants=variants,
                    kept_tokens=sum(x["tokens"] for x in lines if x["kept"]),
                    block_tokens=block_tokens,
                    lost_gold_tokens=lost_tokens,
                    lost_gold_p=sum(x["p"] * x["tokens"] for x in lost_gold) / max(1, lost_tokens),
                    lost_gold_groups=dict(collections.Counter(x["group"] for x in lost_gold)),
                )
            )
    report(scores)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(scores, f, indent=1)


def report(scores):
    """Fires, F1 by source and page type before and after, and the pages that move."""
    print(f"pages {len(scores)}; shipped fallback fires on {sum(s['shipped'] for s in scores)}")
    print(f"model-block fallback fires on {sum(s['fires'] for s in scores)}")
    lost = [s for s in scores if s["f1"] < sb.LOW_F1]
    recall = [s for s in lost if s["r"] < sb.LOW_F1]
    print(f"pages below 0.5: {len(lost)} (recall < 0.5: {len(recall)})")
    print(f"  of them the model block fires on {sum(s['fires'] for s in recall)} recall pages")
    for key in ("source", "page_type"):
        groups = collections.defaultdict(list)
        for s in scores:
            groups[s[key]].append(s)
        print(f"-- by {key}")
        for name in sorted(groups, key=lambda g: -len(groups[g])):
            group = groups[name]
            before = sum(s["f1"] for s in group) / len(group)
            after = sum(s["f1_after"] for s in group) / len(group)
            print(f"{name:<14} {len(group):>5} {before:.4f} -> {after:.4f} ({after - before:+.4f})")
    print("-- variants (centre, share inverse): fires, change per source, pages up / down")
    for number, (centre, share_inverse) in enumerate(VARIANTS):
        by_source = collections.defaultdict(list)
        for s in scores:
            by_source[s["source"]].append(s["variants"][number][1] - s["f1"])
        changes = {k: sum(v) / len(v) for k, v in by_source.items()}
        moved = [s["variants"][number][1] - s["f1"] for s in scores]
        print(
            f"{centre} {share_inverse}: fires {sum(s['variants'][number][0] for s in scores)}"
            f" mean of sources {sum(changes.values()) / len(changes):+.4f}"
            f" worst {min(changes.values()):+.4f} ({min(changes, key=changes.get)})"
            f" up {sum(x > 0.005 for x in moved)} down {sum(x < -0.005 for x in moved)}"
        )
    print("-- recall pages below 0.5: kept tokens, model block, lost gold (mean p, groups)")
    for s in sorted(recall, key=lambda s: (s["source"], s["f1"])):
        print(
            f"{s['f1']:.3f} {s['source']:<12} {s['page_type']:<13} {s['id']:<28}"
            f" kept {s['kept_tokens']} block {s['block_tokens']} lost {s['lost_gold_tokens']}"
            f" p {s['lost_gold_p']:.2f} {s['lost_gold_groups']}"
        )
    print("-- pages that move")
    for s in sorted(scores, key=lambda s: s["f1_after"] - s["f1"]):
        if s["f1_after"] != s["f1"]:
            print(
                f"{s['f1']:.3f} -> {s['f1_after']:.3f} {s['source']:<12} {s['page_type']:<13}"
                f" {s['id']:<28} back {s['back']} lines {s['back_tokens']} tokens"
                f" ({s['back_gold']} gold)"
            )


if __name__ == "__main__":
    main()
