#!/usr/bin/env python3
"""Trains the boilerplate stage's line classifier on the dev set (../shared/devset/boilerplate).

The classifier is a small gradient-boosted tree model over the per-line features the Swift
stage computes (`WinnowFeatures`, a development executable of this package, prints them): it
sees each line's shape, its neighbours and what the rules and the context pass decided, and
overrules the verdicts it is sure are wrong. Labels come from the dev set's `ID.labels`.

How sure it must be (the probabilities below which a kept line goes and above which a dropped
line comes back) and which verdict groups it may overrule are chosen by page token F1 (the
dev set's metric, simulated on the labelled lines) on out-of-fold predictions: the training
pages are split by source, each source predicted by a model trained on the others. Only
choices that keep at least the rules' share of short text lines (headings, list items) count,
and of those about as good as the best (F1_TOLERANCE), the one that keeps most short lines.

    scripts/train_boilerplate.py            # train on all sources, write the model
    scripts/train_boilerplate.py --loso     # leave-one-source-out F1, scored by the binary
    scripts/train_boilerplate.py --cv 5     # page-grouped 5-fold F1, scored by the binary

`--loso` trains one model per held-out source WITHOUT that source, writes it to a temporary
weights file, runs `winnow clean` with `boilerplate.line_model` pointing at it over the
held-out pages and scores them, next to the same pages with `line_model: off` (the rules). It
estimates how the model does on a source it has never seen. `--cv K` does the same with K
folds of pages (each source spread evenly over the folds, a page never split): it estimates
how the model does on new pages of the sources it learnt from. Both print the scores by held
out part, by source and for the Chinese pages, each page scored once, by the model that did
not see it, and the pages the model changed most; both options may be given together (each
takes about 4 minutes on 2 cores).

The default run writes config/boilerplate_model.txt and reports the binary's F1 with it only
after the next `swift build` (scripts/score_boilerplate.py).

Needs numpy and scikit-learn: when they are missing the script makes a virtual environment in
.build/boilerplate-venv, installs them from PyPI and runs itself there. Run it by hand, after
`swift build -c release` (it uses .build/release/WinnowFeatures and .build/release/winnow).
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "boilerplate-venv")


def ensure_packages():
    """Re-runs the script in a venv with numpy and scikit-learn when they are missing."""
    try:
        import numpy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        python = os.path.join(VENV, "bin", "python")
        if not os.path.exists(python):
            subprocess.check_call([sys.executable, "-m", "venv", VENV])
            subprocess.check_call([python, "-m", "pip", "install", "-q", "numpy", "scikit-learn"])
        os.execv(python, [python] + sys.argv)


ensure_packages()

import numpy as np  # noqa: E402
from sklearn.ensemble import GradientBoostingClassifier  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_boilerplate import DEFAULT_DEVSET, prf, read, tokens  # noqa: E402

MODEL = os.path.join(REPO, "config", "boilerplate_model.txt")
# Verdict groups (VerdictGroup.swift) whose kept lines the model may drop, and whose dropped
# lines it may bring back; headings are not dropped (precision must not be bought with them),
# and the rules' cue-based drops, the title, bylines and dates are left alone. Only the
# content score's drops come back: the context pass's (a repeated title, a teaser's time, a
# caption) rest on the page's structure, which the features see only in part (allowed, the
# model brought back seed lines the seeds label dropped).
DROP_GROUPS = [("content",)]
KEEP_GROUPS = [(), ("scoreDrop",)]
DROP_BELOW = [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]
KEEP_ABOVE = [0.5, 0.6, 0.7, 0.8, 0.9]
SHORT_LINE_TOKENS = 8
MINIMUM_LINES = 5  # LineClassifierPass.minimumLines
# LineClassifierPass.droppedShareInverse: the model's drops on a page may take at most one
# in this many of the tokens the rules kept there, or none of them are made.
MAX_DROPPED_SHARE_INVERSE = 2
# F1 differences below this (simulated, out of fold) are noise: within it, short lines decide.
F1_TOLERANCE = 0.001
KEPT_GROUPS = {"content", "heading"}


class Page:
    """One dev-set page: its labelled non-blank lines with features, tokens and rule group."""

    def __init__(self, meta, cases):
        self.id, self.source, self.lang = meta["id"], meta["source"], meta.get("lang", "")
        self.gold = collections.Counter(tokens(read(os.path.join(cases, self.id + ".gold.txt"))))
        self.labels = read(os.path.join(cases, self.id + ".labels")).split("\n")
        self.text = read(os.path.join(cases, self.id + ".txt")).split("\n")
        self.rows, self.groups, self.numbers = [], [], []

    def finish(self):
        self.x = np.array(self.rows, dtype=np.float32).reshape(-1, self.width)
        self.y = np.array(
            [1 if n <= len(self.labels) and self.labels[n - 1].strip() == "keep" else 0
             for n in self.numbers])
        self.bags = [collections.Counter(tokens(self.text[n - 1])) for n in self.numbers]
        self.sizes = np.array([sum(b.values()) for b in self.bags], dtype=np.float64)
        # The rules' own verdict: kept text, the title (scored as text), or not in the text.
        self.kept = np.array([g in KEPT_GROUPS for g in self.groups])
        self.shown = self.kept | np.array([g == "title" for g in self.groups])
        # Gold text lines of at most 8 tokens, and the lines no removal is recorded for.
        self.short = (self.y == 1) & (self.sizes > 0) & (self.sizes <= SHORT_LINE_TOKENS)
        self.meta = np.array([g in ("title", "meta") for g in self.groups])

    def f1(self, shown):
        out = collections.Counter()
        for bag, keep in zip(self.bags, shown):
            if keep:
                out.update(bag)
        if not out and not self.gold:
            return 1.0
        common = sum((out & self.gold).values())
        p = common / sum(out.values()) if out else 0.0
        r = common / sum(self.gold.values()) if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def load_pages(devset, tool):
    cases = os.path.join(devset, "cases")
    manifest = [json.loads(line) for line in open(os.path.join(devset, "manifest.jsonl"))]
    pages = {m["id"]: Page(m, cases) for m in manifest}
    files = [os.path.join(cases, m["id"] + ".txt") for m in manifest]
    out = subprocess.run([tool] + files, check=True, capture_output=True, text=True).stdout
    lines = out.split("\n")
    names = lines[0].split("\t")[3:]
    for line in lines[1:]:
        if not line:
            continue
        fields = line.split("\t")
        page = pages[os.path.basename(fields[0])[: -len(".txt")]]
        page.numbers.append(int(fields[1]))
        page.groups.append(fields[2])
        page.rows.extend(float(v) for v in fields[3:])
    for page in pages.values():
        page.width = len(names)
        page.finish()
    return names, list(pages.values())


def fit(pages):
    """A gradient-boosted tree model on the pages' lines, each page weighing the same and its
    lines by their share of the page's tokens (the metric counts tokens, averaged by page)."""
    x = np.concatenate([p.x for p in pages])
    y = np.concatenate([p.y for p in pages])
    weights = np.concatenate([(p.sizes + 1) / (p.sizes + 1).sum() for p in pages])
    model = GradientBoostingClassifier(
        n_estimators=50, max_depth=3, learning_rate=0.2, subsample=0.8, random_state=0)
    model.fit(x, y, sample_weight=weights * len(pages))
    return model


def decide(page, probability, policy):
    """What the Swift pass shows (kept text or title) for each line under `policy`; like
    LineClassifierPass it leaves pages of few lines alone, and drops lines only when the drops
    leave a kept line and at least half of the tokens the rules kept."""
    drop_groups, drop_below, keep_groups, keep_above = policy
    if len(page.groups) < MINIMUM_LINES:
        return page.shown
    groups = np.array(page.groups)
    drops = np.isin(groups, drop_groups) & (probability < drop_below) & page.kept
    keeps = np.isin(groups, keep_groups) & (probability > keep_above) & ~page.kept
    kept = page.kept.copy()
    if (keeps.any() or (page.kept & ~drops).any()) and (
            page.sizes[drops].sum() * MAX_DROPPED_SHARE_INVERSE <= page.sizes[page.kept].sum()):
        kept[drops] = False
    kept[keeps] = True
    return kept | (groups == "title")


def short_recall(pages, shown):
    """The share of short gold text lines that are not removed (Rshort of the scorer)."""
    total = sum(int(p.short.sum()) for p in pages)
    kept = sum(int((shown[p.id] | p.meta)[p.short].sum()) for p in pages)
    return kept / max(1, total)


def choose_policy(pages):
    """The groups and thresholds with the best mean page F1 on out-of-fold predictions (each
    source of `pages` predicted by a model trained on the others) among those that keep at
    least as many short text lines as the rules alone (precision is not bought with headings);
    of choices within F1_TOLERANCE of that F1, the one that keeps most short lines."""
    sources = sorted({p.source for p in pages})
    probability = {}
    for source in sources:
        model = fit([p for p in pages if p.source != source])
        for page in pages:
            if page.source == source:
                probability[page.id] = model.predict_proba(page.x)[:, 1]
    rules_f1 = np.mean([p.f1(p.shown) for p in pages])
    rules_short = short_recall(pages, {p.id: p.shown for p in pages})
    candidates = [(rules_f1, rules_short, ((), 0.0, (), 1.0))]
    for drop_groups in DROP_GROUPS:
        for keep_groups in KEEP_GROUPS:
            for drop_below in DROP_BELOW:
                for keep_above in KEEP_ABOVE if keep_groups else [1.0]:
                    policy = (drop_groups, drop_below, keep_groups, keep_above)
                    shown = {p.id: decide(p, probability[p.id], policy) for p in pages}
                    score = np.mean([p.f1(shown[p.id]) for p in pages])
                    short = short_recall(pages, shown)
                    if short >= rules_short:
                        candidates.append((score, short, policy))
    # Among the choices within F1_TOLERANCE of the best F1, the one that keeps most short lines.
    best_f1 = max(c[0] for c in candidates)
    score, short, policy = max(
        (c for c in candidates if c[0] >= best_f1 - F1_TOLERANCE), key=lambda c: (c[1], c[0]))
    print(
        f"  policy {policy}: simulated F1 {score:.4f}, Rshort {short:.3f}"
        f" (rules {rules_f1:.4f}, {rules_short:.3f})", flush=True)
    return policy


def write_model(path, model, names, policy, note):
    drop_groups, drop_below, keep_groups, keep_above = policy
    bias = float(model._raw_predict_init(np.zeros((1, len(names)), dtype=np.float32))[0, 0])
    rate = model.learning_rate
    out = [
        f"# Winnow boilerplate line classifier: {note}",
        "# Written by scripts/train_boilerplate.py; read by LineClassifier.swift.",
        "features " + " ".join(names),
        f"bias {bias!r}",
        f"drop_below {drop_below!r}",
        "drop_groups " + " ".join(drop_groups),
        f"keep_above {keep_above!r}",
        "keep_groups " + " ".join(keep_groups),
    ]
    for estimator in model.estimators_[:, 0]:
        tree = estimator.tree_
        out.append("tree")
        for node in range(tree.node_count):
            leaf = tree.children_left[node] < 0
            out.append(
                "node {} {} {} {} {}".format(
                    -1 if leaf else int(tree.feature[node]),
                    repr(float(tree.threshold[node])) if not leaf else "0",
                    int(tree.children_left[node]),
                    int(tree.children_right[node]),
                    repr(float(tree.value[node][0][0]) * rate) if leaf else "0",
                )
            )
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    # The file must reproduce the model: check a few rows against scikit-learn.
    return bias


def check_export(model, pages):
    x = np.concatenate([p.x for p in pages[:5]])
    raw = model._raw_predict_init(x)[:, 0].copy()
    for estimator in model.estimators_[:, 0]:
        raw += model.learning_rate * estimator.predict(x)
    assert np.allclose(raw, model.decision_function(x)), "export does not match the model"


def run_winnow(binary, devset, pages, line_model):
    """Per page id, (F1 with the title before the text, short gold text lines kept, short gold
    text lines) of `winnow clean --explain` with `boilerplate.line_model` set, as
    scripts/score_boilerplate.py counts them."""
    cases = os.path.join(devset, "cases")
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "config.yaml")
        with open(config, "w") as f:
            f.write(f"boilerplate:\n  line_model: {json.dumps(line_model)}\n")
        out = os.path.join(tmp, "out.jsonl")
        files = [os.path.join(cases, p.id + ".txt") for p in pages]
        subprocess.run(
            [binary, "clean", "--input-format", "text", "--explain", "--config", config, "-o", out]
            + files, check=False, stderr=subprocess.DEVNULL)
        records = {}
        for line in open(out, encoding="utf-8"):
            record = json.loads(line)
            records[os.path.basename(record["source"])[: -len(".txt")]] = record
    scores = {}
    for page in pages:
        record = records.get(page.id)
        title = (record or {}).get("title") or ""
        text = (title + "\n" if title else "") + (record or {}).get("text", "")
        f1 = prf(text, read(os.path.join(cases, page.id + ".gold.txt")))[2]
        removed = {r["line"] for r in (record or {}).get("winnow", {}).get("removed_lines", [])}
        short = short_kept = 0
        for number, line in enumerate(page.text, 1):
            label = page.labels[number - 1].strip() if number <= len(page.labels) else ""
            if label == "keep" and 0 < len(tokens(line)) <= SHORT_LINE_TOKENS:
                short += 1
                short_kept += record is not None and number not in removed
        scores[page.id] = (f1, short_kept, short)
    return scores


def held_out(binary, devset, names, parts, tmp):
    """Trains a model (policy chosen on its own training pages) without each part of `parts`
    (name, pages), scores the part's pages with it through the binary, and with the rules
    alone on the same run of pages (the cross-document survey sees the pages of the run);
    returns {page id: (F1, short kept, short)} of the rules and of the model, every page
    scored by the model that left it out."""
    rules, learned = {}, {}
    all_pages = [p for _, part in parts for p in part]
    for name, part in parts:
        print(f"held out: {name} ({len(part)} pages)", flush=True)
        held = {p.id for p in part}
        train = [p for p in all_pages if p.id not in held]
        policy = choose_policy(train)
        model = fit(train)
        path = os.path.join(tmp, f"{name}.txt")
        write_model(path, model, names, policy, f"trained without {name}")
        rules.update(run_winnow(binary, devset, part, "off"))
        learned.update(run_winnow(binary, devset, part, path))
        mean = lambda scores: np.mean([scores[p.id][0] for p in part])
        print(f"  {name}: rules {mean(rules):.4f}  with model {mean(learned):.4f}", flush=True)
    return rules, learned


def report(title, groups, rules, learned):
    """Prints mean page F1 and pooled short-line recall of the rules and the model for each
    (name, pages) group, then for all pages, the Chinese ones and (mean over groups) all."""
    def row(name, pages):
        f1 = lambda scores: np.mean([scores[p.id][0] for p in pages])
        short = lambda scores: (sum(scores[p.id][1] for p in pages)
                                / max(1, sum(scores[p.id][2] for p in pages)))
        print(f"{name:<17} {len(pages):>5}  {f1(rules):8.4f}  {f1(learned):8.4f}"
              f"  {short(rules):12.3f}  {short(learned):12.3f}")
    print(f"{title:<17} pages  F1 rules  F1 model  Rshort rules  Rshort model")
    for name, pages in groups:
        row(name, pages)
    everything = [p for _, pages in groups for p in pages]
    row("all pages", everything)
    row("Chinese pages", [p for p in everything if p.lang == "zh"])
    mean = lambda scores: np.mean([np.mean([scores[p.id][0] for p in pages])
                                   for _, pages in groups])
    print(f"{'mean over groups':<17} {'':>5}  {mean(rules):8.4f}  {mean(learned):8.4f}")
    change = sorted(everything, key=lambda p: learned[p.id][0] - rules[p.id][0])
    print("pages the model changed most (F1 rules -> model): " + ", ".join(
        f"{p.id} {rules[p.id][0]:.3f}->{learned[p.id][0]:.3f}"
        for p in change[:5] + change[-3:]))


def page_folds(pages, k):
    """K folds of pages: each source's pages in a fixed shuffled order dealt out in turn, so
    every fold has about the same share of every source and a page is in exactly one."""
    folds = [[] for _ in range(k)]
    turn = 0
    rng = np.random.RandomState(0)
    for source in sorted({p.source for p in pages}):
        mine = sorted((p for p in pages if p.source == source), key=lambda p: p.id)
        for index in rng.permutation(len(mine)):
            folds[turn % k].append(mine[index])
            turn += 1
    return [(f"fold{i + 1}", fold) for i, fold in enumerate(folds)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--build", default=os.path.join(REPO, ".build", "release"))
    parser.add_argument("--loso", action="store_true", help="leave-one-source-out F1 only")
    parser.add_argument("--cv", type=int, metavar="K", help="page-grouped K-fold F1 only")
    args = parser.parse_args()
    names, pages = load_pages(args.devset, os.path.join(args.build, "WinnowFeatures"))
    binary = os.path.join(args.build, "winnow")
    print(f"{len(pages)} pages, {sum(len(p.y) for p in pages)} lines, {len(names)} features")
    if args.loso or args.cv:
        by_source = [(source, [p for p in pages if p.source == source])
                     for source in sorted({p.source for p in pages})]
        with tempfile.TemporaryDirectory() as tmp:
            if args.loso:
                rules, learned = held_out(binary, args.devset, names, by_source, tmp)
                report("leave source out", by_source, rules, learned)
            if args.cv:
                folds = page_folds(pages, args.cv)
                rules, learned = held_out(binary, args.devset, names, folds, tmp)
                report(f"{args.cv}-fold by page", by_source, rules, learned)
        return
    policy = choose_policy(pages)
    model = fit(pages)
    check_export(model, pages)
    write_model(MODEL, model, names, policy, f"trained on all {len(pages)} dev-set pages")
    print(f"wrote {MODEL}; rebuild, then run scripts/score_boilerplate.py")


if __name__ == "__main__":
    main()
