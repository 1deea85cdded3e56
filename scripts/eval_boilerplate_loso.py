#!/usr/bin/env python3
"""Leave-one-source-out token F1 of Winnow's boilerplate stage on the dev set.

The stage's numeric thresholds (the `boilerplate:` keys length_low, length_high, stopwords_low,
stopwords_high, cjk_stopword_scale) were tuned on the whole dev set, so its F1 there is
optimistic. Here each source of the manifest is held out in turn: the thresholds are chosen
from a small grid by mean page F1 on the OTHER sources, and the held-out source is scored with
them. The mean of the held-out F1s estimates the F1 on pages from an unseen source.

The line classifier is switched off here: its own leave-one-source-out F1, with a model
trained without each held-out source, comes from `scripts/train_boilerplate.py --loso-dir D`
and `scripts/score_boilerplate.py --line-models D`.

Every grid point is one `winnow clean --config POINT.yaml` run over all pages (scored per
page with score_boilerplate.py's metric), so the choice for each held-out source costs
nothing more.

Usage:
  scripts/eval_boilerplate_loso.py --winnow .build/release/winnow [--workers 2] [--json FILE]
"""

import argparse
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_boilerplate import DEFAULT_DEVSET, REPO, prf, read  # noqa: E402

# A few values around each tuned default; config/default.yaml's values must be in the grid.
GRID = {
    "length_low": [30, 40, 55],
    "length_high": [80, 100, 130],
    "stopwords_low": [0.15, 0.20, 0.25],
    "stopwords_high": [0.28, 0.32, 0.38],
    "cjk_stopword_scale": [0.2, 0.3, 0.4],
}


def defaults():
    """The grid keys' values in the `boilerplate:` section of config/default.yaml."""
    values, inside = {}, False
    with open(os.path.join(REPO, "config", "default.yaml"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith(" "):
                inside = line.startswith("boilerplate:")
                continue
            key, _, value = line.strip().partition(":")
            if inside and key in GRID:
                values[key] = float(value)
    return values


def score_point(job):
    """Runs winnow with one grid point; returns {page id: F1}."""
    binary, cases, ids, golds, point = job
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "config.yaml")
        with open(config, "w") as f:
            # The rules alone: the built-in line classifier saw every source in training
            # (train_boilerplate.py --loso-dir and score_boilerplate.py --line-models give its
            # held-out scores).
            f.write('boilerplate:\n  line_model: "off"\n')
            for key, value in point.items():
                f.write(f"  {key}: {value}\n")
        out = os.path.join(tmp, "out.jsonl")
        files = [os.path.join(cases, i + ".txt") for i in ids]
        cmd = [
            binary,
            "clean",
            "--input-format",
            "text",
            "--jobs",
            "1",
            "--progress",
            "never",
            "--config",
            config,
            "-o",
            out,
        ] + files
        proc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"winnow failed ({proc.returncode}):\n{proc.stderr}")
        texts = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                name = os.path.basename(record.get("source") or record["id"])
                name = name[:-4] if name.endswith(".txt") else name
                title = record.get("title") or ""
                text = record.get("text", "")
                texts[name] = (title + "\n" + text) if title else text
    return {i: prf(texts.get(i, ""), golds[i])[2] for i in ids}


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", required=True, help="path of a winnow binary")
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--workers", type=int, default=2, help="winnow runs in parallel")
    parser.add_argument("--json", help="write the grid's per-source means and the choices")
    args = parser.parse_args()

    cases = os.path.join(args.devset, "cases")
    manifest = [json.loads(l) for l in open(os.path.join(args.devset, "manifest.jsonl"))]
    ids = [m["id"] for m in manifest]
    source_of = {m["id"]: m["source"] for m in manifest}
    golds = {i: read(os.path.join(cases, i + ".gold.txt")) for i in ids}
    keys = list(GRID)
    points = [dict(zip(keys, values)) for values in itertools.product(*GRID.values())]
    configured = defaults()
    default = next(
        (n for n, p in enumerate(points) if all(abs(p[k] - configured[k]) < 1e-9 for k in keys)),
        None,
    )
    if default is None:
        sys.exit(f"the grid lacks config/default.yaml's values {configured}")
    binary = os.path.abspath(args.winnow)
    print(f"{len(points)} grid points, {len(ids)} pages", file=sys.stderr)
    with Pool(args.workers) as pool:
        jobs = [(binary, cases, ids, golds, p) for p in points]
        page_scores = []
        for done, scores in enumerate(pool.imap(score_point, jobs), 1):
            page_scores.append(scores)
            if done % 10 == 0:
                print(f"  {done}/{len(points)}", file=sys.stderr)

    sources = sorted(set(source_of.values()), key=lambda s: -list(source_of.values()).count(s))
    by_source = [
        {s: mean(f for i, f in scores.items() if source_of[i] == s) for s in sources}
        for scores in page_scores
    ]
    print(f"{'held out':<12} {'pages':>5}  {'LOSO F1':>7}  {'default':>7}  {'best':>6}  chosen")
    held_out = []
    held_out_pages = []
    choices = {}
    for source in sources:
        pages = [i for i in ids if source_of[i] != source]

        def others(n):
            return mean(page_scores[n][i] for i in pages)

        chosen = max(range(len(points)), key=lambda n: (others(n), n == default))
        best = max(row[source] for row in by_source)
        f1 = by_source[chosen][source]
        held_out.append(f1)
        held_out_pages += [page_scores[chosen][i] for i in ids if source_of[i] == source]
        choices[source] = points[chosen]
        count = sum(1 for i in ids if source_of[i] == source)
        shown = " ".join(f"{k}={points[chosen][k]}" for k in keys)
        print(
            f"{source:<12} {count:>5}  {f1:7.3f}  {by_source[default][source]:7.3f}  "
            f"{best:6.3f}  {shown}"
        )
    print(
        f"{'mean/source':<12} {len(ids):>5}  {mean(held_out):7.3f}  "
        f"{mean(by_source[default].values()):7.3f}"
    )
    print(
        f"{'mean/page':<12} {len(ids):>5}  {mean(held_out_pages):7.3f}  "
        f"{mean(page_scores[default].values()):7.3f}"
    )
    print(
        "(LOSO F1: held-out source scored with the thresholds chosen on the others; default:"
        " config/default.yaml; best: the grid's best for that source, an upper bound)"
    )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {"grid": GRID, "points": points, "by_source": by_source, "choices": choices},
                f,
                indent=1,
            )


if __name__ == "__main__":
    main()
