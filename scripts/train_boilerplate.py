#!/usr/bin/env python3
"""Trains the boilerplate stage's line decider on the dev set (../shared/devset/boilerplate).

The decider is two small gradient-boosted tree models over the per-line features the Swift
stage computes (`WinnowFeatures`, a development executable of this package, prints them):
each line's shape, its neighbours', the page's shape (short lines, bullets, sentences, where
its main block lies) and what the rules and the context pass decided (verdict group and kind).
The first model gives every line a probability of being text; the second reads the same
features plus its neighbours' first probabilities (the line before and after, the means over
3 and 10 lines each side and over the page), so one line's verdict informs the next. A line is
kept when the second probability reaches the file's `threshold`; the title and the byline and
date lines keep the rules' verdicts. Labels come from the dev set's `ID.labels`, on both
renderings (`cases/` and `cases_naive/`), and from the seed pages (fixtures/seeds/labels).

The models learn only from the openly licensed sources (wcxb, fundus, readability,
scrapinghub, and cleaneval, dragnet and l3s-gn1, research sets) and the seeds; msvcode-big5,
wwwxmu and zh-cwce (research use only, no licence) are only predicted. Validation leaves one
source out: for each learnt source both models are trained without it (the second on the
first model's out-of-source probabilities of the other sources) and it is predicted; the
three other sources are predicted by the shipped model, which never saw them. Nothing is
tuned on the held-out source.

    scripts/train_boilerplate.py              # LOSO (simulated on labels), then the model
    scripts/train_boilerplate.py --loso-dir D # also write D/SOURCE.txt, each model trained
                                              # without SOURCE, for score_boilerplate.py
                                              # --line-models D (scored by the binary)

The simulated score is the page F1 of the labelled tokens (a line's tokens count as text when
it is labelled keep): close to the dev set's metric, without running the binary. The default
run writes config/boilerplate_model.txt (compiled in: rebuild after).

Features are cached in .build/boilerplate-features/ (delete it after changing the features).
Needs numpy and lightgbm: when they are missing the script makes a virtual environment in
.build/boilerplate-venv, installs pinned versions from PyPI and runs itself there. Run it by
hand after `swift build -c release --product WinnowFeatures`.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "boilerplate-venv")
PINNED = ["numpy==2.4.6", "lightgbm==4.7.0"]


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_venv  # noqa: E402

pinned_venv.ensure(VENV, PINNED, ["numpy", "lightgbm"])
os.environ.setdefault("OMP_NUM_THREADS", "1")

import lightgbm as lgb  # noqa: E402
import numpy as np  # noqa: E402
from line_model_file import read_model  # noqa: E402
from score_boilerplate import DEFAULT_DEVSET, page_type, read, tokens  # noqa: E402

MODEL = os.path.join(REPO, "config", "boilerplate_model.txt")
CACHE = os.path.join(REPO, ".build", "boilerplate-features")
SEEDS = os.path.join(REPO, "fixtures", "seeds")
RENDERINGS = {"block": "cases", "naive": "cases_naive"}
# The second model's extra inputs, in the order LineClassifierPass.swift appends them.
CONTEXT_NAMES = ["p_self", "p_previous", "p_next", "p_window3", "p_window10", "p_page"]
CONTEXT_WINDOWS = (3, 10)
# Verdict groups whose lines keep the rules' verdict: the title is shown before the text, and
# bylines and dates go to the record's metadata.
FIXED_GROUPS = ("title", "meta")
SHOWN_FIXED = ("title",)
# The decider revises the rules' verdicts where it is sure: a kept line goes when its
# probability of text is below `drop_below`, a dropped one comes back above `keep_above`.
# Which model decides and the two thresholds are chosen, for each held-out source, by the
# mean over the OTHER sources of their mean page F1 (on their out-of-source probabilities,
# both renderings).
# The groups of dropped lines it may bring back are part of the choice: all of them, or
# only those the content score dropped (not the lines of a comment or related zone, not a
# rule's cue-based drops, not the context pass's captions and repeated titles).
DROP_BELOW = [0.0, 0.1, 0.2, 0.3]
KEEP_ABOVE = [0.6, 0.8, 0.9, 1.0]
DECIDERS = ("first", "second")
KEEP_GROUPS = (("scoreDrop", "zoneDrop", "contextDrop", "ruleDrop"), ("scoreDrop",))
# A seed page weighs as much as this many dev pages: the seeds are the reference of "clean".
SEED_WEIGHT = 5.0
# Small trees, few of them: the decider runs on every line of every page (its cost is
# bounded by the speed budget, see docs/boilerplate.md). Rows are bagged to keep training
# lean on a shared machine.
PARAMS = dict(
    objective="binary",
    learning_rate=0.15,
    num_leaves=16,
    max_depth=4,
    min_data_in_leaf=200,
    feature_fraction=0.8,
    bagging_fraction=0.3,
    bagging_freq=1,
    max_bin=63,
    lambda_l2=1.0,
    num_threads=1,
    verbose=-1,
    seed=0,
)
ROUNDS_FIRST = 60
ROUNDS_SECOND = 40
CHUNK = 150
# Sources without an open licence (dev-set README): used to evaluate, never to learn from.
CLOSED_SOURCES = ["msvcode-big5", "wwwxmu", "zh-cwce"]


class Lines:
    """The labelled non-blank lines of a set of pages: features, labels, token counts,
    verdict groups, and the page (index into `pages`) of each line, in page order."""

    def __init__(self, names, x, y, size, group, page, pages):
        self.names, self.x, self.y, self.size = names, x, y, size
        self.group, self.page, self.pages = group, page, pages


def extract(tool, files):
    """WinnowFeatures' rows of `files`: (names, [(file, line, group)], values)."""
    keys, blocks, names = [], [], None
    for start in range(0, len(files), CHUNK):
        out = subprocess.run(
            [tool] + files[start : start + CHUNK], check=True, capture_output=True, text=True
        ).stdout.split("\n")
        names = out[0].split("\t")[3:]
        values = []
        for line in out[1:]:
            if line:
                file, number, group, rest = line.split("\t", 3)
                keys.append((file, int(number), group))
                values.append(rest)
        blocks.append(
            np.fromstring("\t".join(values), dtype=np.float32, sep="\t").reshape(
                len(values), len(names)
            )
        )
    return names, keys, np.concatenate(blocks)


def load(tool, pages, rendering):
    """The lines of `pages` ([(id, source, type, text path, labels)]), cached by rendering."""
    path = os.path.join(CACHE, rendering + ".npz")
    if os.path.exists(path):
        data = np.load(path, allow_pickle=False)
        names = list(data["names"])
        return Lines(names, data["x"], data["y"], data["size"], data["group"], data["page"], pages)
    names, keys, x = extract(tool, [p[3] for p in pages])
    index = {p[3]: i for i, p in enumerate(pages)}
    texts = {}
    y = np.zeros(len(keys), dtype=np.int8)
    size = np.zeros(len(keys), dtype=np.float32)
    for row, (file, number, _) in enumerate(keys):
        if file not in texts:
            p = pages[index[file]]
            texts[file] = (read(file).split("\n"), p[4])
        text, labels = texts[file]
        y[row] = number <= len(labels) and labels[number - 1] == "keep"
        size[row] = len(tokens(text[number - 1])) if number <= len(text) else 0
    group = np.array([k[2] for k in keys])
    page = np.array([index[k[0]] for k in keys], dtype=np.int32)
    os.makedirs(CACHE, exist_ok=True)
    np.savez(path, names=np.array(names), x=x, y=y, size=size, group=group, page=page)
    return Lines(names, x, y, size, group, page, pages)


def join(parts):
    """One table of the lines of `parts` (each `load`'s); pages are numbered across them."""
    pages, offset, pieces = [], 0, []
    for part in parts:
        pieces.append(part.page + offset)
        offset += len(part.pages)
        pages.extend(part.pages)
    return Lines(
        parts[0].names,
        np.concatenate([p.x for p in parts]),
        np.concatenate([p.y for p in parts]),
        np.concatenate([p.size for p in parts]),
        np.concatenate([p.group for p in parts]),
        np.concatenate(pieces),
        pages,
    )


def dev_pages(devset, rendering):
    manifest = [json.loads(line) for line in open(os.path.join(devset, "manifest.jsonl"))]
    folder = os.path.join(devset, RENDERINGS[rendering])
    return [
        (
            m["id"],
            m["source"],
            page_type(m),
            os.path.join(folder, m["id"] + ".txt"),
            [l.strip() for l in read(os.path.join(folder, m["id"] + ".labels")).split("\n")],
        )
        for m in manifest
    ]


def seed_pages():
    pages = []
    for name in sorted(os.listdir(os.path.join(SEEDS, "labels"))):
        rows = read(os.path.join(SEEDS, "labels", name)).split("\n")[1:]
        labels = [r.split("\t")[1] for r in rows if r]
        stem = name[: -len(".tsv")]
        pages.append((stem, "seeds", "news", os.path.join(SEEDS, stem + ".txt"), labels))
    return pages


def run_starts(lines):
    """Whether each row starts a line as the stage judges it: `lineFeatures` gives every
    fragment of a run `FragmentRuns` joined its run's row, so a row that repeats the row
    before it on the same page continues a run (rows of distinct runs differ at least in
    `position`, the run's rank over the page's count)."""
    same_page = lines.page[1:] == lines.page[:-1]
    repeats = same_page & np.all(lines.x[1:] == lines.x[:-1], axis=1)
    return np.r_[True, ~repeats]


def page_weights(lines, mask):
    """Each page weighs the same (seed pages SEED_WEIGHT), its lines by their token share."""
    weight = lines.size + 1
    totals = np.bincount(lines.page[mask], weights=weight[mask], minlength=len(lines.pages))
    seeds = np.array([p[1] == "seeds" for p in lines.pages])
    scale = np.where(seeds, SEED_WEIGHT, 1.0)
    return (weight / np.maximum(totals[lines.page], 1e-9) * scale[lines.page])[mask]


def context(lines, p):
    """The second model's extra columns (CONTEXT_NAMES) from the first probabilities `p`,
    over each page's non-blank lines in order (as LineClassifierPass.swift computes them)."""
    out = np.zeros((len(p), len(CONTEXT_NAMES)), dtype=np.float32)
    out[:, 0] = p
    starts = np.flatnonzero(np.r_[True, lines.page[1:] != lines.page[:-1]])
    ends = np.r_[starts[1:], len(p)]
    for start, end in zip(starts, ends):
        q = p[start:end].astype(np.float64)
        n = end - start
        out[start + 1 : end, 1] = q[:-1]
        out[start : end - 1, 2] = q[1:]
        cumulative = np.r_[0.0, np.cumsum(q)]
        ranks = np.arange(n)
        for column, reach in zip((3, 4), CONTEXT_WINDOWS):
            low = np.maximum(0, ranks - reach)
            high = np.minimum(n - 1, ranks + reach)
            around = cumulative[high + 1] - cumulative[low] - q
            out[start:end, column] = around / np.maximum(1, high - low)
        out[start:end, 5] = q.mean()
    return out


def fit(x, y, w, rounds):
    return lgb.train(PARAMS, lgb.Dataset(x, y, weight=w, free_raw_data=True), rounds)


def decide(lines, probability, drop_below, keep_above, keep_groups):
    """Shown lines: the rules' verdicts, revised where the model is sure; the rules' title."""
    fixed = np.isin(lines.group, FIXED_GROUPS)
    kept = np.isin(lines.group, ("content", "heading"))
    back = np.isin(lines.group, keep_groups) & (probability > keep_above)
    shown = np.where(kept, probability >= drop_below, back)
    return np.where(fixed, np.isin(lines.group, SHOWN_FIXED), shown)


def choose_policy(lines, probabilities, pages_mask, source, deciders=DECIDERS):
    """The (decider, drop_below, keep_above, keep_groups) with the best mean over the sources
    of `pages_mask`'s lines of their mean simulated page F1, among `deciders`."""
    best = None
    groups = sorted(set(source[pages_mask]))
    page_source = np.array([p[1] for p in lines.pages])
    used = np.zeros(len(lines.pages), dtype=bool)
    used[lines.page[pages_mask]] = True
    for name in deciders:
        for below in DROP_BELOW:
            for above in KEEP_ABOVE:
                for keep_groups in KEEP_GROUPS:
                    shown = decide(lines, probabilities[name], below, above, keep_groups)
                    f = page_f1(lines, shown, pages_mask)
                    score = np.mean([f[used & (page_source == g)].mean() for g in groups])
                    if best is None or score > best[0]:
                        best = (score, name, below, above, keep_groups)
    return best[1:]


def predict(ensemble, x):
    """The probability of text of each row of `x` under (bias, trees), as the Swift walk."""
    bias, trees = ensemble
    total = np.full(len(x), bias)
    rows = np.arange(len(x))
    for tree in trees:
        nodes = np.array(tree)
        feature = nodes[:, 0].astype(int)
        threshold, left, right = nodes[:, 1], nodes[:, 2].astype(int), nodes[:, 3].astype(int)
        at = np.zeros(len(x), dtype=int)
        while True:
            inner = feature[at] >= 0
            if not inner.any():
                break
            value = x[rows, np.maximum(feature[at], 0)].astype(np.float64)
            step = np.where(value <= threshold[at], left[at], right[at])
            at = np.where(inner, step, at)
        total += nodes[at, 4]
    return 1 / (1 + np.exp(-total))


def page_f1(lines, shown, mask):
    """Per page of `mask`'s lines, the F1 of the labelled tokens of the shown lines."""
    n = len(lines.pages)
    m = mask
    kept = np.bincount(lines.page[m], weights=lines.size[m] * shown[m], minlength=n)
    hit = np.bincount(lines.page[m], weights=lines.size[m] * shown[m] * lines.y[m], minlength=n)
    gold = np.bincount(lines.page[m], weights=lines.size[m] * lines.y[m], minlength=n)
    p = np.where(kept > 0, hit / np.maximum(kept, 1e-9), 0.0)
    r = np.where(gold > 0, hit / np.maximum(gold, 1e-9), 0.0)
    f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-9), 0.0)
    f = np.where((gold == 0) & (kept == 0), 1.0, f)
    return f


def report(title, lines, rules, model, pages_of):
    """Mean simulated page F1 (and share below 0.5) of the rules and the model, by source and
    page type, each page scored by the model that did not see its source."""
    print(f"{title}: simulated page F1 (labelled tokens), rules -> decider")
    mask = np.ones(len(lines.y), dtype=bool)
    f_rules, f_model = page_f1(lines, rules, mask), page_f1(lines, model, mask)
    for key in (1, 2):
        groups = collections.defaultdict(list)
        for i in pages_of:
            groups[lines.pages[i][key]].append(i)
        means = []
        for name in sorted(groups, key=lambda g: -len(groups[g])):
            ids = groups[name]
            a, b = f_rules[ids].mean(), f_model[ids].mean()
            low = np.mean(f_model[ids] < 0.5)
            means.append(b)
            print(f"  {name:<15} {len(ids):>5}  {a:.3f} -> {b:.3f}  <0.5 {100 * low:.1f}%")
        if key == 1:
            print(f"  {'mean of sources':<15} {'':>5}  -> {np.mean(means):.3f}")
    print(
        f"  {'all pages':<15} {len(pages_of):>5}  {f_rules[pages_of].mean():.3f} -> "
        f"{f_model[pages_of].mean():.3f}",
        flush=True,
    )


def export(booster, names, first_width):
    """The trees of `booster` as `tree` and `node FEATURE THRESHOLD LEFT RIGHT VALUE` lines
    (nodes numbered breadth-first from the root; leaves have feature -1)."""
    out = []
    for info in booster.dump_model()["tree_info"]:
        nodes = [info["tree_structure"]]
        rows = []
        position = 0
        while position < len(nodes):
            node = nodes[position]
            if "split_index" in node:
                assert node["decision_type"] == "<=", node["decision_type"]
                left = len(nodes)
                nodes.extend([node["left_child"], node["right_child"]])
                rows.append(
                    f"node {node['split_feature']} {float(node['threshold'])!r}"
                    f" {left} {left + 1} 0"
                )
            else:
                rows.append(f"node -1 0 -1 -1 {float(node['leaf_value'])!r}")
            position += 1
        out.append("tree")
        out.extend(rows)
    return out


def policy_lines(policy):
    name, below, above, keep_groups = policy
    return [
        f"decide_with {name}",
        f"drop_below {below!r}",
        f"keep_above {above!r}",
        "keep_groups " + " ".join(keep_groups),
    ]


def set_policy(path, policy):
    """Rewrites the policy lines of the model file at `path`."""
    lines = [
        l
        for l in open(path).read().split("\n")
        if not l.startswith(
            ("decide_with ", "drop_below ", "keep_above ", "keep_groups ", "threshold ")
        )
    ]
    at = next(i for i, l in enumerate(lines) if l.startswith("context "))
    lines[at + 1 : at + 1] = policy_lines(policy)
    with open(path, "w") as f:
        f.write("\n".join(lines))


def choose_policies(lines, source, rendering, loso_dir):
    """Predicts every source with its held-out model (LOSO_DIR/SOURCE.txt), chooses the
    policy for each source on the other learnt sources (the shipped one on all of them),
    writes the policies into the files and reports the simulated scores."""
    p = {"first": np.zeros(len(lines.y)), "second": np.zeros(len(lines.y))}
    sources = sorted(set(source) - {"seeds"})
    models = {s: read_model(os.path.join(loso_dir, s + ".txt")) for s in sources}
    for s in sources:
        out = source == s
        p["first"][out] = predict(models[s]["first"], lines.x[out])
    c1 = context(lines, p["first"])
    for s in sources:
        out = source == s
        p["second"][out] = predict(models[s]["second"], np.hstack([lines.x[out], c1[out]]))
        print(f"  predicted {s}", flush=True)
    learnt = [s for s in sources if s not in CLOSED_SOURCES]
    shipped = choose_policy(lines, p, np.isin(source, learnt), source)
    print(f"  shipped policy {shipped}", flush=True)
    set_policy(MODEL, shipped)
    shown = np.zeros(len(lines.y), dtype=bool)
    for s in sources:
        policy = shipped
        if s in learnt:
            policy = choose_policy(lines, p, np.isin(source, [t for t in learnt if t != s]), source)
        print(f"  policy without {s}: {policy}", flush=True)
        set_policy(os.path.join(loso_dir, s + ".txt"), policy)
        out = source == s
        name, below, above, keep_groups = policy
        shown[out] = decide(lines, p[name], below, above, keep_groups)[out]
    rules = np.isin(lines.group, ("content", "heading", "title"))
    for index, name in enumerate(RENDERINGS):
        of = sorted({int(i) for i in lines.page[(rendering == index)]})
        report(f"leave source out, {name} rendering", lines, rules, shown, of)


def write_model(path, first, second, names, note):
    lines = (
        [
            f"# Winnow boilerplate line decider: {note}",
            "# Written by scripts/train_boilerplate.py; read by LineClassifier.swift.",
            "features " + " ".join(names),
            "context " + " ".join(CONTEXT_NAMES),
        ]
        + policy_lines(("second", 0.5, 0.5, KEEP_GROUPS[0]))
        + [
            "model first",
            "bias 0.0",
        ]
        + export(first, names, len(names))
        + ["model second", "bias 0.0"]
        + export(second, names, len(names))
    )
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--build", default=os.path.join(REPO, ".build", "release"))
    parser.add_argument("--loso-dir", help="write each source's held-out model here")
    parser.add_argument("--no-loso", action="store_true", help="only train the shipped model")
    parser.add_argument(
        "--policy-only",
        action="store_true",
        help="reuse the models of --loso-dir and config/: choose the policies",
    )
    args = parser.parse_args()
    tool = os.path.join(args.build, "WinnowFeatures")
    parts = [load(tool, dev_pages(args.devset, r), r) for r in RENDERINGS]
    parts.append(load(tool, seed_pages(), "seeds"))
    lines = join(parts)
    pages, names = lines.pages, lines.names
    rendering = np.concatenate([np.full(len(p.y), i) for i, p in enumerate(parts)])
    source = np.array([p[1] for p in pages])[lines.page]
    judged = ~np.isin(lines.group, FIXED_GROUPS)
    print(f"{len(pages)} pages, {len(lines.y)} lines, {len(names)} features", flush=True)

    if args.policy_only:
        choose_policies(lines, source, rendering, args.loso_dir)
        return
    # Learning uses the openly licensed sources (and the seeds); the others are only ever
    # predicted, by the model trained on all of those (the shipped one).
    sources = sorted({p[1] for p in pages} - {"seeds"})
    learnt = [s for s in sources if s not in CLOSED_SOURCES]
    trainable = judged & ~np.isin(source, CLOSED_SOURCES)
    print(f"learning from {', '.join(learnt)} and the seeds", flush=True)
    p1 = np.zeros(len(lines.y))
    firsts = {}
    for held in learnt:
        m = (source != held) & trainable
        firsts[held] = fit(lines.x[m], lines.y[m], page_weights(lines, m), ROUNDS_FIRST)
        out = source == held
        p1[out] = firsts[held].predict(lines.x[out])
        print(f"  first model without {held}", flush=True)
    # The seed pages are in every training set, and the other sources in none: their first
    # probabilities come from the model trained on all learnt sources.
    every = fit(
        lines.x[trainable], lines.y[trainable], page_weights(lines, trainable), ROUNDS_FIRST
    )
    rest = ~np.isin(source, learnt)
    p1[rest] = every.predict(lines.x[rest])
    c1 = context(lines, p1)
    second = fit(
        np.hstack([lines.x[trainable], c1[trainable]]),
        lines.y[trainable],
        page_weights(lines, trainable),
        ROUNDS_SECOND,
    )
    if not args.no_loso:
        for held in learnt:
            m = (source != held) & trainable
            held_second = fit(
                np.hstack([lines.x[m], c1[m]]), lines.y[m], page_weights(lines, m), ROUNDS_SECOND
            )
            print(f"  second model without {held}", flush=True)
            if args.loso_dir:
                os.makedirs(args.loso_dir, exist_ok=True)
                write_model(
                    os.path.join(args.loso_dir, held + ".txt"),
                    firsts[held],
                    held_second,
                    names,
                    f"trained without {held}",
                )
        if args.loso_dir:
            for held in sorted(set(sources) - set(learnt)):
                write_model(
                    os.path.join(args.loso_dir, held + ".txt"),
                    every,
                    second,
                    names,
                    "the shipped model (never trained on this source)",
                )
    write_model(
        MODEL,
        every,
        second,
        names,
        f"trained on {', '.join(learnt)} (both renderings) and the seed pages",
    )
    if args.loso_dir:
        choose_policies(lines, source, rendering, args.loso_dir)
    print(f"wrote {MODEL}; rebuild, then run scripts/score_boilerplate.py")


if __name__ == "__main__":
    main()
