#!/usr/bin/env python3
"""Token F1 of Winnow's boilerplate removal on the dev set (../shared/devset/boilerplate).

The metric is the dev set's (see its README): bag-of-tokens precision, recall and F1 between
the output text and the gold main text, per page and averaged over pages. Tokens are NFKC,
case-folded runs of letters and digits; each Han, kana or Thai character is a token of its own;
punctuation is ignored. A page with no output (dropped as empty) scores recall 0.

The record's `title` is prepended to its text by default: the gold texts usually begin with the
headline, and Winnow moves the headline out of `text` into `title` (use --no-title to score
`text` alone). Bylines and dates are not added: the gold usually leaves them out.

With --winnow the summary also gives Rshort: of the input lines the dev set labels `keep`
(ID.labels) that have at most 8 tokens (headings, short paragraphs, list items), the share
Winnow keeps (not among the record's `removed_lines`, run with --explain), over all such lines
of the group.

Scores are printed per source, per page type (the manifest's `page_type`; pages without one
count as their source's kind, news) and per language, each with the share of pages below F1
0.5; "mean of sources" is the mean of the per-source means (the leave-one-source-out number
when each source was judged by a model that did not learn from it, see --line-models).

Renderings and variants: --rendering naive scores `cases_naive/` (each text node its own
line); --variant wrap80 hard-wraps every line at 80 columns, --variant noblank removes the
blank lines (the gold text is the same for all of them).

Usage:
  scripts/score_boilerplate.py --winnow .build/release/winnow      # run the CLI, then score
  scripts/score_boilerplate.py --outputs DIR                       # score DIR/ID.txt files
                                                                   # (and DIR/ID.title if any)
  scripts/score_boilerplate.py --keep-all                          # the keep-everything baseline
Options: --devset DIR (default ../shared/devset/boilerplate beside the repo), --no-title,
--pages (print every page's scores, worst first), --json FILE (write all scores),
--config FILE (passed to winnow), --line-models DIR (leave one source out: the pages of each
source are cleaned with `boilerplate.line_model: DIR/SOURCE.txt`, a model trained without
that source, when the file exists), --page-type-models DIR (the pages listed in
DIR/folds.json are cleaned with `boilerplate.page_types: DIR/FILE`, the page-type model
trained without their fold; see scripts/train_page_type.py).
"""

import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import unicodedata

SHORT_LINE_TOKENS = 8
LOW_F1 = 0.5
WRAP_COLUMNS = 80
# The kind of the pages of a source that has no page types.
SOURCE_KIND = "news"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DEVSET = os.path.join(os.path.dirname(REPO), "shared", "devset", "boilerplate")


def spaceless(ch):
    """Han, kana and Thai: each character is a token of its own."""
    cp = ord(ch)
    return (
        0x0E00 <= cp <= 0x0E7F
        or 0x3040 <= cp <= 0x30FF
        or 0x31F0 <= cp <= 0x31FF
        or 0xFF66 <= cp <= 0xFF9D
        or 0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3134F
    )


def tokens(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    out, run = [], []
    for ch in text:
        if spaceless(ch):
            if run:
                out.append("".join(run))
                run = []
            out.append(ch)
        elif unicodedata.category(ch)[0] in "LNM":
            run.append(ch)
        elif run:
            out.append("".join(run))
            run = []
    if run:
        out.append("".join(run))
    return out


def prf(output, gold):
    out, ref = collections.Counter(tokens(output)), collections.Counter(tokens(gold))
    if not ref and not out:
        return 1.0, 1.0, 1.0
    common = sum((out & ref).values())
    p = common / sum(out.values()) if out else 0.0
    r = common / sum(ref.values()) if ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def page_type(meta):
    """The page's type, or its source's kind when the manifest has none."""
    return meta.get("page_type") or SOURCE_KIND


def variant_text(text, variant):
    """The page as another scraper could hand it over: hard-wrapped at 80 columns (a line
    without spaces is cut at 80 characters) or without its blank lines."""
    lines = text.split("\n")
    if variant == "wrap80":
        out = []
        for line in lines:
            if len(line) <= WRAP_COLUMNS:
                out.append(line)
            elif " " in line.strip():
                out.extend(
                    textwrap.wrap(
                        line, WRAP_COLUMNS, break_long_words=False, break_on_hyphens=False
                    )
                )
            else:
                out.extend(line[i : i + WRAP_COLUMNS] for i in range(0, len(line), WRAP_COLUMNS))
        return "\n".join(out)
    if variant == "noblank":
        return "\n".join(line for line in lines if line.strip())
    return text


def input_text(devset, rendering, variant, page_id):
    folder = "cases_naive" if rendering == "naive" else "cases"
    return variant_text(read(os.path.join(devset, folder, page_id + ".txt")), variant)


def run_winnow(binary, files, config=None):
    """Runs `winnow clean` over the files; returns {id: record}."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.jsonl")
        cmd = [binary, "clean", "--input-format", "text", "--explain", "-o", out]
        if config:
            cmd += ["--config", config]
        proc = subprocess.run(cmd + files, stderr=subprocess.PIPE, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"winnow failed ({proc.returncode}):\n{proc.stderr}")
        records = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                name = os.path.basename(record.get("source") or record["id"])
                records[name[:-4] if name.endswith(".txt") else name] = record
        return records


def run_pages(
    binary, devset, manifest, rendering, variant, config=None, line_models=None, type_models=None
):
    """Writes each page's input (rendering, variant) to a temporary folder and cleans it;
    with `line_models`, each source's pages are cleaned with the model trained without it
    (DIR/SOURCE.txt) when there is one; with `type_models`, each page listed in
    DIR/folds.json with the page-type model trained without its fold. Returns {id: record}."""
    records = {}
    folds = {}
    if type_models:
        folds = json.load(open(os.path.join(type_models, "folds.json")))
    with tempfile.TemporaryDirectory() as tmp:
        groups = collections.defaultdict(list)
        for m in manifest:
            path = os.path.join(tmp, m["id"] + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(input_text(devset, rendering, variant, m["id"]))
            groups[(m["source"], folds.get(m["id"]))].append(path)
        if not line_models and not type_models:
            return run_winnow(binary, [p for paths in groups.values() for p in paths], config)
        for number, ((source, fold), paths) in enumerate(groups.items()):
            settings = []
            model = os.path.abspath(os.path.join(line_models or "", source + ".txt"))
            if line_models and os.path.exists(model):
                settings.append(f"  line_model: {json.dumps(model)}")
            if fold:
                type_model = os.path.abspath(os.path.join(type_models, fold))
                settings.append(f"  page_types: {json.dumps(type_model)}")
            group_config = config
            if settings:
                group_config = os.path.join(tmp, f"group{number}.yaml")
                with open(group_config, "w") as f:
                    f.write("boilerplate:\n" + "\n".join(settings) + "\n")
            records.update(run_winnow(binary, paths, group_config))
    return records


def pages_holding(losses, share):
    """How many pages, largest first, hold `share` of the summed losses (the censuses'
    measure of how concentrated a loss is)."""
    total, running = sum(losses), 0
    for count, loss in enumerate(sorted(losses, reverse=True), 1):
        running += loss
        if running >= share * total:
            return count
    return 0


def probe_arguments(doc):
    """The options every out-of-source probe takes (--devset, --winnow, --line-models,
    --page-type-models), parsed, and the dev set's manifest."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--line-models", required=True)
    parser.add_argument("--page-type-models", required=True)
    args = parser.parse_args()
    manifest = [json.loads(x) for x in open(os.path.join(args.devset, "manifest.jsonl"))]
    return args, manifest


def out_of_source_records(binary, devset, manifest, line_models, type_models):
    """Yields (rendering, meta, record) for each page of `manifest` cleaned by `binary`, block
    rendering first, out of source as `run_pages` cleans them; pages without a record are left
    out."""
    for rendering in ("block", "naive"):
        got = run_pages(binary, devset, manifest, rendering, "none", None, line_models, type_models)
        for m in manifest:
            if m["id"] in got:
                yield rendering, m, got[m["id"]]


def print_summary(scores, with_short=False):
    """Prints mean P, R, F1 and the share of pages below F1 0.5: overall, by source, by page
    type and by language, and the mean of the source means."""

    def summary(name, group):
        n = len(group)
        mean = lambda key: sum(s[key] for s in group) / n
        low = sum(s["f1"] < LOW_F1 for s in group) / n
        line = (
            f"{name:<16} {n:>4}  P {mean('p'):.3f}  R {mean('r'):.3f}  F1 {mean('f1'):.3f}"
            f"  <0.5 {100 * low:4.1f}%"
        )
        if with_short:
            short = sum(s["short"] for s in group)
            kept = sum(s["short_kept"] for s in group)
            line += f"  Rshort {kept / short:.3f} ({short})" if short else "  Rshort -"
        print(line)

    summary("overall", scores)
    by_source = collections.defaultdict(list)
    for s in scores:
        by_source[s["source"]].append(s)
    means = [sum(s["f1"] for s in g) / len(g) for g in by_source.values()]
    print(
        f"{'mean of sources':<16} {len(means):>4}  F1 {sum(means) / len(means):.3f}"
        f"  lowest {min(means):.3f}"
    )
    print_by_group(scores, ("source", "page_type", "lang"), summary)


def print_by_group(scores, keys, summary):
    """Calls summary(name, group) for the groups of `scores` by each of `keys`, largest
    first, under a `-- by KEY` line."""
    for key in keys:
        groups = collections.defaultdict(list)
        for s in scores:
            groups[s[key]].append(s)
        print(f"-- by {key}")
        for name in sorted(groups, key=lambda g: -len(groups[g])):
            summary(name, groups[name])


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--winnow", help="path of a winnow binary")
    source.add_argument("--outputs", help="directory of ID.txt outputs (and ID.title)")
    source.add_argument("--keep-all", action="store_true", help="score the input unchanged")
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--rendering", choices=("block", "naive"), default="block")
    parser.add_argument("--variant", choices=("none", "wrap80", "noblank"), default="none")
    parser.add_argument("--config", help="a winnow config file")
    parser.add_argument("--line-models", help="folder of SOURCE.txt models (leave source out)")
    parser.add_argument(
        "--page-type-models",
        help="folder of page-type models by held-out fold, with folds.json (page id -> file)",
    )
    parser.add_argument("--no-title", action="store_true", help="score text without title")
    parser.add_argument("--pages", action="store_true", help="print each page, worst first")
    parser.add_argument("--json", help="write the scores to this file")
    args = parser.parse_args()

    devset = args.devset
    cases = os.path.join(devset, "cases")
    manifest = [json.loads(l) for l in open(os.path.join(devset, "manifest.jsonl"))]
    records = None
    if args.winnow:
        records = run_pages(
            args.winnow,
            devset,
            manifest,
            args.rendering,
            args.variant,
            args.config,
            args.line_models,
            args.page_type_models,
        )

    def output(page_id):
        if args.keep_all:
            return input_text(devset, args.rendering, args.variant, page_id)
        if records is not None:
            record = records.get(page_id)
            if record is None:
                return ""
            title = "" if args.no_title else (record.get("title") or "")
            return (title + "\n" + record.get("text", "")) if title else record.get("text", "")
        path = os.path.join(args.outputs, page_id + ".txt")
        if not os.path.exists(path):
            return ""
        text = read(path)
        title_path = os.path.join(args.outputs, page_id + ".title")
        if not args.no_title and os.path.exists(title_path) and read(title_path).strip():
            text = read(title_path) + "\n" + text
        return text

    # Short kept lines are counted on the block rendering without variants, whose line
    # numbers the labels follow.
    with_short = records is not None and args.rendering == "block" and args.variant == "none"

    def short_lines(page_id):
        """(short keep lines, of them kept by Winnow) for one page, from its labels."""
        text = read(os.path.join(cases, page_id + ".txt")).split("\n")
        labels = read(os.path.join(cases, page_id + ".labels")).split("\n")
        record = records.get(page_id)
        removed = {r["line"] for r in (record or {}).get("winnow", {}).get("removed_lines", [])}
        total = kept = 0
        for number, (line, label) in enumerate(zip(text, labels), 1):
            if label.strip() != "keep" or not 0 < len(tokens(line)) <= SHORT_LINE_TOKENS:
                continue
            total += 1
            kept += record is not None and number not in removed
        return total, kept

    scores = []
    for m in manifest:
        gold = read(os.path.join(cases, m["id"] + ".gold.txt"))
        p, r, f = prf(output(m["id"]), gold)
        score = {
            "id": m["id"],
            "source": m["source"],
            "lang": m["lang"],
            "page_type": page_type(m),
            "p": p,
            "r": r,
            "f1": f,
        }
        if with_short:
            score["short"], score["short_kept"] = short_lines(m["id"])
        scores.append(score)

    print_summary(scores, with_short)
    if args.pages:
        for s in sorted(scores, key=lambda s: s["f1"]):
            print(f"{s['f1']:.3f} P {s['p']:.3f} R {s['r']:.3f} {s['source']:<12} {s['id']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(scores, f, indent=1)


if __name__ == "__main__":
    main()
