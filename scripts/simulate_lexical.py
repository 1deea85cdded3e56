#!/usr/bin/env python3
"""Lexical evidence learnt from data for the line decider, simulated out of source (issue 13).

Each line's start and end become hashed keys: the first word, the first word pair and the
last word (case-folded, each digit run folded to "0"); on a line that starts in Han, kana or
Thai, the first 2 and 3 characters and the last 2 instead. The keys fall into 2^18 buckets
(`--bits`; FNV-1a, 32 bits, of the tagged key's UTF-8 bytes). A weighted naive Bayes model gives each
bucket its log-odds of "text" (each page weighs the same, its lines by token share, as the
trees' rows; shrunk towards 0 by `ALPHA` page-weights of prior), and a line's lexical score
is the sum over its keys: ONE number per line (with `--neighbours`, also its mean over 3
lines each side).

Stacking is honest: for each held-out learnt source S, the naive Bayes model that scores S
is fitted on the other learnt sources and the seeds; the trees are trained on the other
sources' rows with scores that are themselves out of source (the score of a training source
T comes from a model fitted without S and T; the seeds' from one fitted without S). The
first model (the decider's, as shipped: 60 trees) is trained on the cached features plus
the lexical columns, and each held-out source's policy is chosen on the other learnt
sources exactly as `train_boilerplate.py` does. The baseline is the shipped LOSO models'
first probabilities (`--loso-dir`), with their policies re-chosen by the same grid, so the
two differ only by the lexical columns.

    .build/boilerplate-venv/bin/python scripts/simulate_lexical.py --loso-dir .build/loso-models

Prints, per source and per page type, block and naive, the simulated page F1 (labelled
tokens) of the rules, the baseline, the lexical probabilities under the baseline's policies
and under their own, and the (source, rendering) pairs that lose more than 0.002 against the
baseline. Writes nothing but its cache of the keys' hashes (.build/lexical-hashes.npz).
Measured and not shipped: docs/boilerplate.md, "Lexical evidence learnt from data".
"""

import argparse
import collections
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_boilerplate as tb  # noqa: E402  (re-runs itself in the venv when needed)
from score_boilerplate import read, spaceless, tokens  # noqa: E402

np = tb.np

# Buckets: 2^BITS (the --bits option tries others).
BITS = 18
KEYS = 3
ALPHA = 0.5
WINDOW = 3
KEY_CACHE = os.path.join(tb.REPO, ".build", "lexical-hashes.npz")
LOSS_BAR = 0.002


def fold_digits(token):
    """Each run of decimal digits as one "0"."""
    out, digit = [], False
    for ch in token:
        if unicodedata.category(ch) == "Nd":
            if not digit:
                out.append("0")
            digit = True
        else:
            out.append(ch)
            digit = False
    return "".join(out)


def line_keys(text):
    """The tagged keys of a line's start and end (at most KEYS)."""
    words = [fold_digits(t) for t in tokens(text)]
    if not words:
        return []
    if len(words[0]) == 1 and spaceless(words[0]):
        return ["c2 " + "".join(words[:2]), "c3 " + "".join(words[:3]), "e2 " + "".join(words[-2:])]
    keys = ["w " + words[0], "l " + words[-1]]
    if len(words) > 1:
        keys.append("p " + words[0] + " " + words[1])
    return keys


def fnv1a(key):
    """FNV-1a (32 bits) of the key's UTF-8 bytes; its low bits are the bucket."""
    h = 0x811C9DC5
    for byte in key.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def visible(line):
    return any(unicodedata.category(c)[0] not in "ZC" for c in line)


def page_texts(pages, page, size):
    """The text of each row (the non-blank lines WinnowFeatures printed), aligned on the raw
    files: lines with a visible character, or, where normalization blanked others, the
    non-blank lines matched in order by their token count."""
    texts = []
    counts = np.bincount(page, minlength=len(pages))
    starts = np.r_[0, np.cumsum(counts)]
    for i, p in enumerate(pages):
        raw = read(p[3]).split("\n")
        rows = [l for l in raw if visible(l)]
        if len(rows) != counts[i]:
            candidates = [l for l in raw if l.strip()]
            rows, at = [], 0
            for n in size[starts[i] : starts[i + 1]]:
                while at < len(candidates) and len(tokens(candidates[at])) != n:
                    at += 1
                rows.append(candidates[at] if at < len(candidates) else "")
                at += 1
        texts.extend(rows)
    return texts


def key_table(lines, bits):
    """Rows x KEYS bucket numbers in 2^bits buckets (-1 where a line has fewer keys); the
    hashes are cached."""
    table = None
    if os.path.exists(KEY_CACHE):
        table = np.load(KEY_CACHE)["hashes"]
    if table is None or len(table) != len(lines.y):
        texts = page_texts(lines.pages, lines.page, lines.size)
        table = np.full((len(texts), KEYS), -1, dtype=np.int64)
        for row, text in enumerate(texts):
            for k, key in enumerate(line_keys(text)):
                table[row, k] = fnv1a(key)
        np.savez(KEY_CACHE, hashes=table)
    return np.where(table >= 0, table & ((1 << bits) - 1), -1)


def fit_log_odds(keys, y, weight, buckets):
    """Each bucket's shrunk log-odds of text from the weighted rows."""
    valid = keys >= 0
    w = np.repeat(weight[:, None], KEYS, axis=1)[valid]
    b = keys[valid]
    label = np.repeat(y[:, None], KEYS, axis=1)[valid]
    text = np.bincount(b, weights=w * label, minlength=buckets)
    other = np.bincount(b, weights=w * (1 - label), minlength=buckets)
    prior = text.sum() / (text.sum() + other.sum())
    return np.log((text + ALPHA * prior) / (other + ALPHA * (1 - prior))) - np.log(
        prior / (1 - prior)
    )


def score(keys, log_odds):
    return np.where(keys >= 0, log_odds[np.maximum(keys, 0)], 0.0).sum(axis=1)


def window_mean(lines, s):
    """The mean of `s` over WINDOW lines each side (the line itself excluded), per page."""
    out = np.zeros(len(s))
    starts = np.flatnonzero(np.r_[True, lines.page[1:] != lines.page[:-1]])
    ends = np.r_[starts[1:], len(s)]
    for start, end in zip(starts, ends):
        q = s[start:end]
        n = end - start
        cumulative = np.r_[0.0, np.cumsum(q)]
        ranks = np.arange(n)
        low = np.maximum(0, ranks - WINDOW)
        high = np.minimum(n - 1, ranks + WINDOW)
        out[start:end] = (cumulative[high + 1] - cumulative[low] - q) / np.maximum(1, high - low)
    return out


def columns(lines, s, neighbours):
    if neighbours:
        return np.c_[s, window_mean(lines, s)].astype(np.float32)
    return s[:, None].astype(np.float32)


def lexical_probabilities(lines, scorer, source, learnt, trainable, neighbours):
    """Out-of-source first probabilities with the lexical columns: each learnt source by the
    trees trained without it, the other sources by the trees trained on all learnt ones.
    `scorer(fitted_on, rows)` is the lexical score of `rows` by a table fitted on the rows of
    the mask `fitted_on`."""
    p = np.zeros(len(lines.y))
    for held in learnt + [None]:
        train_sources = [s for s in learnt if s != held] + ["seeds"]
        inside = trainable & np.isin(source, train_sources)
        # Training rows: each source scored by a table fitted without it (and without held).
        s = np.zeros(len(lines.y))
        for t in train_sources:
            rows = source == t
            s[rows] = scorer(inside & (source != t), rows)
        out = ~inside if held is None else source == held
        out = out & ~np.isin(source, train_sources)
        s[out] = scorer(inside, out)
        x_lex = columns(lines, s, neighbours)
        model = tb.fit(
            np.hstack([lines.x[inside], x_lex[inside]]),
            lines.y[inside],
            tb.page_weights(lines, inside),
            tb.ROUNDS_FIRST,
        )
        p[out] = model.predict(np.hstack([lines.x[out], x_lex[out]]))
        print(
            f"  first model with lexical columns without {held or 'any learnt source'}", flush=True
        )
    return p


def choose_policies(lines, p, source, learnt):
    """Each source's policy chosen without it (the shipped one for the unlearnt sources), as
    `train_boilerplate.choose_policies`, the first model deciding."""
    probabilities = {"first": p}
    shipped = tb.choose_policy(lines, probabilities, np.isin(source, learnt), source, ("first",))
    policies = {}
    for s in sorted(set(source) - {"seeds"}):
        policies[s] = shipped
        if s in learnt:
            others = np.isin(source, [t for t in learnt if t != s])
            policies[s] = tb.choose_policy(lines, probabilities, others, source, ("first",))
        print(f"  policy without {s}: {policies[s]}", flush=True)
    return policies


def shown_by(lines, p, source, policies):
    """Each source's shown lines under its policy."""
    shown = np.zeros(len(lines.y), dtype=bool)
    for s, policy in policies.items():
        out = source == s
        shown[out] = tb.decide(lines, p, *policy[1:])[out]
    return shown


def compare(lines, rendering, shown, names):
    """Mean page F1 per source and page type, each rendering, of each named `shown`; each
    column after the second (the baseline) also as its difference against the baseline."""
    mask = np.ones(len(lines.y), dtype=bool)
    f = [tb.page_f1(lines, s, mask) for s in shown]
    losses = []
    for index, rname in enumerate(tb.RENDERINGS):
        of = sorted({int(i) for i in lines.page[rendering == index]})
        print(f"{rname} rendering: " + " -> ".join(names) + " (simulated page F1; <0.5 share)")
        for key, label in ((1, "source"), (2, "page type")):
            groups = collections.defaultdict(list)
            for i in of:
                groups[lines.pages[i][key]].append(i)
            means = []
            for g in sorted(groups, key=lambda g: -len(groups[g])):
                ids = groups[g]
                values = [x[ids].mean() for x in f]
                means.append(values)
                low = [100 * np.mean(x[ids] < 0.5) for x in f]
                print(
                    f"  {g:<15} {len(ids):>5}  "
                    + "  ".join(
                        f"{v:.4f} ({l:.1f}%)" + (f" {v - values[1]:+.4f}" if c > 1 else "")
                        for c, (v, l) in enumerate(zip(values, low))
                    )
                )
                for c in range(2, len(f)):
                    if key == 1 and values[c] - values[1] < -LOSS_BAR:
                        losses.append((names[c], g, rname, round(float(values[c] - values[1]), 4)))
            if key == 1:
                m = np.mean(means, axis=0)
                print(f"  {'mean of ' + label + 's':<21} " + "  ".join(f"{v:.4f}" for v in m))
        low = [100 * np.mean(x[of] < 0.5) for x in f]
        print(
            f"  {'all pages':<15} {len(of):>5}  "
            + "  ".join(f"{x[of].mean():.4f} ({l:.1f}%)" for x, l in zip(f, low)),
            flush=True,
        )
    print("losses beyond the bar:", losses or "none")


def common_arguments(parser):
    parser.add_argument("--devset", default=tb.DEFAULT_DEVSET)
    parser.add_argument("--build", default=os.path.join(tb.REPO, ".build", "release"))
    parser.add_argument("--loso-dir", required=True, help="the LOSO line models (baseline)")
    parser.add_argument("--neighbours", action="store_true", help="add the window mean")


class Setting:
    """The cached lines of both renderings and the seeds, with each row's rendering and
    source, the learnt sources, the trainable rows and their weights."""

    def __init__(self, args):
        tool = os.path.join(args.build, "WinnowFeatures")
        parts = [tb.load(tool, tb.dev_pages(args.devset, r), r) for r in tb.RENDERINGS]
        parts.append(tb.load(tool, tb.seed_pages(), "seeds"))
        self.lines = tb.join(parts)
        self.rendering = np.concatenate([np.full(len(p.y), i) for i, p in enumerate(parts)])
        self.source = np.array([p[1] for p in self.lines.pages])[self.lines.page]
        judged = ~np.isin(self.lines.group, tb.FIXED_GROUPS)
        self.sources = sorted({p[1] for p in self.lines.pages} - {"seeds"})
        self.learnt = [s for s in self.sources if s not in tb.CLOSED_SOURCES]
        self.trainable = judged & ~np.isin(self.source, tb.CLOSED_SOURCES)
        self.weight = np.zeros(len(self.lines.y))
        self.weight[self.trainable] = tb.page_weights(self.lines, self.trainable)

    def simulate(self, args, scorer, gates=()):
        """The baseline against the lexical probabilities of `scorer`, printed; each of
        `gates` (name, row mask) adds a column: the lexical decision on its rows only."""
        lines, source, learnt = self.lines, self.source, self.learnt
        base = np.zeros(len(lines.y))
        for s in self.sources:
            out = source == s
            base[out] = tb.predict(
                tb.read_model(os.path.join(args.loso_dir, s + ".txt"))["first"], lines.x[out]
            )
        print("baseline policies:", flush=True)
        base_policies = choose_policies(lines, base, source, learnt)
        p = lexical_probabilities(lines, scorer, source, learnt, self.trainable, args.neighbours)
        print("lexical policies:", flush=True)
        lexical_policies = choose_policies(lines, p, source, learnt)
        rules = np.isin(lines.group, ("content", "heading", "title"))
        shown = [
            rules,
            shown_by(lines, base, source, base_policies),
            shown_by(lines, p, source, base_policies),
            shown_by(lines, p, source, lexical_policies),
        ]
        names = ["rules", "baseline", "lexical (baseline's policies)", "lexical"]
        for name, rows in gates:
            shown.append(np.where(rows, shown[3], shown[1]))
            names.append("lexical on " + name)
        compare(lines, self.rendering, shown, names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    common_arguments(parser)
    parser.add_argument("--bits", type=int, default=BITS, help="2^bits buckets")
    args = parser.parse_args()
    setting = Setting(args)
    lines, weight = setting.lines, setting.weight
    keys = key_table(lines, args.bits)
    print(f"{len(lines.y)} lines, {np.mean(keys[:, 0] >= 0):.3f} with keys", flush=True)
    buckets = 1 << args.bits

    def scorer(fitted_on, rows):
        table = fit_log_odds(keys[fitted_on], lines.y[fitted_on], weight[fitted_on], buckets)
        return score(keys[rows], table)

    setting.simulate(args, scorer)


if __name__ == "__main__":
    main()
