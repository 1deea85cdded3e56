#!/usr/bin/env python3
"""What the line decision loses on forum, listing, collection and product pages (issue 13).

Two measurements, written nothing, numbers in docs/boilerplate.md ("What the list types lose"):

records  Runs a winnow binary over the dev set's pages of the four types, out of source (each
         source's lines by its LOSO line model, each page typed by the page-type file that did
         not see its fold, as scripts/score_boilerplate.py does), and counts from the
         `--explain` records against the dev set's line labels: the gold tokens each rule
         drops, by true type and called type; the gold share of a few line shapes ("Label:
         value" rows, prices, short and long lines); and each type's mean labelled-token page
         F1 when one kind of error is repaired by an oracle (the gold lines one rule dropped
         brought back, or the kept chrome of one size dropped).

ceiling  From the cached line features (.build/boilerplate-features/, train_boilerplate.py's),
         wcxb's pages of each list type typed perfectly: each domain fold's lines by an own
         line model trained on the other folds' pages of some types (all item pages, product
         only, listing and collection), under the shipped items policy and under the best
         policy of the training script's grid for that type alone (an upper bound); and the
         same with five page-relative line features added (share of the page's tokens and of
         its kept tokens above the line, size against the page's median line, the run of long
         lines it sits in, the page's share of long-line tokens).

    scripts/probe_list_types.py records --winnow BIN --line-models L --page-type-models P
    scripts/probe_list_types.py ceiling
"""

import argparse
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402

TYPES = ("forum", "listing", "collection", "product")
ITEM_TYPES = ("listing", "collection", "product")
# Shapes counted in the census (a test of what the gold keeps, not a rule of Winnow's).
SPEC_ROW = re.compile(r"^[^:：]{1,30}[:：]\s*\S")
PRICE = re.compile(r"[$€£¥]\s?\d|\d[\d.,]*\s?(€|\$|USD|EUR|kr|zł)")
LONG = 40


def page_rows(devset, rendering, page_id, record):
    """(tokens, gold, rule that removed it or None) of each non-blank line of a page."""
    folder = "cases_naive" if rendering == "naive" else "cases"
    text = sb.read(os.path.join(devset, folder, page_id + ".txt")).split("\n")
    labels = [
        x.strip() for x in sb.read(os.path.join(devset, folder, page_id + ".labels")).split("\n")
    ]
    removed = {r["line"]: r["rule"] for r in record["winnow"].get("removed_lines", [])}
    rows = []
    for number, (line, label) in enumerate(zip(text, labels), 1):
        size = len(sb.tokens(line))
        if size:
            rows.append((line.strip(), size, label == "keep", removed.get(number)))
    return rows


def shape(line, size):
    if SPEC_ROW.match(line) and size <= 12:
        return "label: value"
    if PRICE.search(line) and size <= 12:
        return "price"
    if size <= 3:
        return "<= 3 tokens"
    if size <= 10:
        return "4-10 tokens"
    return "11-40 tokens" if size <= LONG else "> 40 tokens"


def f1(rows, shown):
    kept = sum(size for (_, size, _, _), s in zip(rows, shown) if s)
    gold = sum(size for _, size, g, _ in rows if g)
    hit = sum(size for (_, size, g, _), s in zip(rows, shown) if s and g)
    if gold == 0 and kept == 0:
        return 1.0
    return 0.0 if hit == 0 else 2 * hit / (kept + gold)


REPAIRS = {
    "as is": lambda line, size, gold, rule: rule is None,
    "gold back: context.zone": lambda line, size, gold, rule: rule is None
    or (gold and rule == "context.zone"),
    "gold back: content-score": lambda line, size, gold, rule: rule is None
    or (gold and rule == "builtin.content-score"),
    "gold back: every rule": lambda line, size, gold, rule: rule is None or gold,
    "chrome out: > 40 tokens": lambda line, size, gold, rule: rule is None
    and (gold or size <= LONG),
    "chrome out: <= 10 tokens": lambda line, size, gold, rule: rule is None and (gold or size > 10),
    "chrome out: all": lambda line, size, gold, rule: rule is None and gold,
}


def records(args):
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    chosen = [m for m in manifest if sb.page_type(m) in TYPES]
    for rendering in ("block", "naive"):
        got = sb.run_pages(
            args.winnow,
            args.devset,
            chosen,
            rendering,
            "none",
            None,
            args.line_models,
            args.page_type_models,
        )
        lost = collections.defaultdict(collections.Counter)
        shapes = collections.defaultdict(collections.Counter)
        repaired = collections.defaultdict(lambda: collections.defaultdict(list))
        for m in chosen:
            record = got.get(m["id"])
            if record is None:
                continue
            t = sb.page_type(m)
            called = record["winnow"].get("page_type", "prose")
            rows = page_rows(args.devset, rendering, m["id"], record)
            c = lost[(t, called)]
            c["pages"] += 1
            for line, size, gold, rule in rows:
                c["gold" if gold else "chrome"] += size
                if gold and rule:
                    c["lost"] += size
                    c["lost " + rule] += size
                if not gold and not rule:
                    c["chrome kept"] += size
                s = shapes[(t, shape(line, size))]
                s[("gold" if gold else "chrome") + (" dropped" if rule else " kept")] += size
            for name, repair in REPAIRS.items():
                repaired[t][name].append(f1(rows, [repair(*r) for r in rows]))
        print(f"== {rendering}: gold tokens lost by rule, by (true type, called type)")
        for key in sorted(lost):
            c = lost[key]
            kept_gold = c["gold"] - c["lost"]
            rules = sorted(
                ((v, k[5:]) for k, v in c.items() if k.startswith("lost ")), reverse=True
            )
            print(
                f"  {key[0]:<10} called {key[1]:<6} {c['pages']:>3} pages"
                f"  recall {kept_gold / max(1, c['gold']):.3f}"
                f"  precision {kept_gold / max(1, kept_gold + c['chrome kept']):.3f}"
                f"  lost: {', '.join(f'{r} {v}' for v, r in rules[:4])}"
            )
        print(f"== {rendering}: line shapes, tokens gold kept/dropped, chrome kept/dropped")
        for key in sorted(shapes):
            s = shapes[key]
            gold = s["gold kept"] + s["gold dropped"]
            total = gold + s["chrome kept"] + s["chrome dropped"]
            print(
                f"  {key[0]:<10} {key[1]:<13} gold {s['gold kept']:>6}/{s['gold dropped']:<6}"
                f" chrome {s['chrome kept']:>6}/{s['chrome dropped']:<6}"
                f" gold share {gold / max(1, total):.2f}"
            )
        print(f"== {rendering}: mean labelled-token page F1 under oracle repairs")
        print("  " + " " * 26 + "".join(f"{t:>12}" for t in TYPES))
        for name in REPAIRS:
            means = [sum(repaired[t][name]) / max(1, len(repaired[t][name])) for t in TYPES]
            print(f"  {name:<26}" + "".join(f"{v:>12.3f}" for v in means))


def page_relative(lines, kept, np):
    """The five page-relative line features of the `ceiling` test."""
    n = len(lines.y)
    out = np.zeros((n, 5), dtype=np.float32)
    starts = np.flatnonzero(np.r_[True, lines.page[1:] != lines.page[:-1]])
    log_size = lines.x[:, list(lines.names).index("log_size")]
    for start, end in zip(starts, np.r_[starts[1:], n]):
        size = lines.size[start:end].astype(np.float64)
        total = max(size.sum(), 1)
        k = size * kept[start:end]
        long_ = size > LONG
        run = np.zeros(end - start)
        i = 0
        while i < end - start:
            j = i
            while j < end - start and long_[j] == long_[i]:
                j += 1
            run[i:j] = (j - i) if long_[i] else 0
            i = j
        out[start:end, 0] = (np.cumsum(size) - size) / total
        out[start:end, 1] = log_size[start:end] - np.median(log_size[start:end])
        out[start:end, 2] = (np.cumsum(k) - k) / max(k.sum(), 1)
        out[start:end, 3] = np.log1p(run)
        out[start:end, 4] = (size * long_).sum() / total
    return out


def ceiling(args):
    import train_page_type as tp

    tb, np = tp.tb, tp.np
    lines, rendering = tp.load_lines(args.devset)
    pages = lines.pages
    source = np.array([p[1] for p in pages])
    fine = np.array([p[2] for p in pages])
    _, wcxb_fold, _ = tp.held_out_groups(args.devset, pages, source)
    line_fold, line_fine = wcxb_fold[lines.page], fine[lines.page]
    fixed = np.isin(lines.group, tb.FIXED_GROUPS)
    shown_fixed = np.isin(lines.group, tb.SHOWN_FIXED)
    kept = np.isin(lines.group, tp.KEPT_GROUPS)
    in_groups = {g: np.isin(lines.group, g) for g in tp.KEEP_GROUPS}

    def simulate(q, groups, above, below, at):
        back = in_groups[groups][at] & (q[at] > above)
        shown = np.where(kept[at], q[at] >= below, back)
        shown = np.where(fixed[at], shown_fixed[at], shown)
        view = tb.Lines(None, None, lines.y[at], lines.size[at], None, lines.page[at], pages)
        return tb.page_f1(view, shown, np.ones(len(shown), dtype=bool))

    def out_of_fold(x, types):
        q = np.zeros(len(lines.y))
        for held in range(tp.FOLDS):
            m = np.isin(line_fine, types) & (line_fold >= 0) & (line_fold != held) & ~fixed
            model = tb.fit(x[m], lines.y[m], tb.page_weights(lines, m), tb.ROUNDS_FIRST)
            q[line_fold == held] = model.predict(x[line_fold == held])
        return q

    wider = np.hstack([lines.x, page_relative(lines, kept, np)])
    trials = [
        ("items model", lines.x, ITEM_TYPES),
        ("product-only model", lines.x, ("product",)),
        ("listing+collection model", lines.x, ("listing", "collection")),
        ("items model + 5 page-relative", wider, ITEM_TYPES),
    ]
    print("wcxb pages typed perfectly, mean simulated page F1 (both renderings):")
    for name, x, types in trials:
        q = out_of_fold(x, types)
        for t in ITEM_TYPES:
            ids = np.flatnonzero((fine == t) & (source == "wcxb"))
            at = np.flatnonzero(np.isin(lines.page, ids))
            results = []
            for groups in tp.KEEP_GROUPS:
                for above in tp.OWN_KEEP_ABOVE:
                    for below in tp.OWN_DROP_BELOW:
                        f = simulate(q, groups, above, below, at)[ids]
                        by = [f[rendering[ids] == r].mean() for r in (0, 1)]
                        results.append((f.mean(), *by, groups[-1], above, below))
            shipped = next(r for r in results if r[3:] == ("scoreDrop", 0.3, 0.2))
            best = max(results)
            print(
                f"  {name:<30} {t:<10} shipped policy {shipped[0]:.3f}"
                f" (block {shipped[1]:.3f}, naive {shipped[2]:.3f})"
                f"  best {best[0]:.3f} (block {best[1]:.3f}, naive {best[2]:.3f};"
                f" up to {best[3]}, keep_above {best[4]}, drop_below {best[5]})",
                flush=True,
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("records", "ceiling"))
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    parser.add_argument("--winnow")
    parser.add_argument("--line-models")
    parser.add_argument("--page-type-models")
    args = parser.parse_args()
    if args.what == "records" and not args.winnow:
        parser.error("records needs --winnow")
    (records if args.what == "records" else ceiling)(args)


if __name__ == "__main__":
    main()
