#!/usr/bin/env python3
"""Lexical evidence from the whole line for the line decider, simulated out of source (issue 13).

Every word of a line counts, not only its start and end (`simulate_lexical.py`): the line's
tokens (the scorer's tokenizer: NFKC, case-folded, letters/marks/digits; each digit run
folded to "0"; a Han, kana or Thai character is a token of its own) give unigram keys
`u w` and bigram keys `b w1 w2` (so Han, kana and Thai text gives character bigrams), each
key counted at most `CAP` times per line. The keys fall into 2^18 buckets (`--bits`;
FNV-1a, 32 bits, of the tagged key's UTF-8 bytes, as `simulate_lexical.py`). A weighted
naive Bayes table gives each bucket its log-odds of "text": each key occurrence weighs its
line's row weight (each page the same, its lines by token share, as the trees' rows) shared
over the line's keys, shrunk towards 0 by `ALPHA` of that weight as prior. A line's score is
the mean log-odds of its keys (capped counts as weights): ONE number per line, 0 on a line
without keys. `--long-only`: only lines of more than `LONG` tokens get it (the others 0).
`--neighbours`: also its mean over 3 lines each side.

Stacking and measure are `simulate_lexical.py`'s (`Setting.simulate`): the table that scores
a held-out source never saw it, the trees' training rows are scored by tables fitted without
the held-out source and without their own, the policies are chosen without the held-out
source, the baseline is the LOSO models of `--loso-dir`. One more column: the lexical
decision on the pages whose TRUE type is listing, collection or product only (the baseline's
elsewhere): an upper bound of using the score only on pages the page-type model calls items.

    .build/boilerplate-venv/bin/python scripts/simulate_bagofwords.py --loso-dir .build/loso-models

Writes nothing but its cache of the keys' hashes (.build/bagofwords-hashes.npz).
Measured and not shipped: docs/boilerplate.md, "Lexical evidence from the whole line".
"""

import argparse
import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import simulate_lexical as sl  # noqa: E402
from score_boilerplate import tokens  # noqa: E402
from train_page_type import COARSE  # noqa: E402

np = sl.np
tb = sl.tb

BITS = 18
CAP = 3
ALPHA = 0.002
LONG = 10
KEY_CACHE = os.path.join(tb.REPO, ".build", "bagofwords-hashes.npz")


def line_keys(text):
    """The tagged unigram and bigram keys of a line with their counts (at most CAP)."""
    words = [sl.fold_digits(t) for t in tokens(text)]
    keys = ["u " + w for w in words] + [f"b {a} {b}" for a, b in zip(words, words[1:])]
    counts = {}
    for key in keys:
        counts[key] = min(CAP, counts.get(key, 0) + 1)
    return counts


def hash_lines(texts):
    """(keys per line, hashes, counts) of `texts`; each distinct key hashed once."""
    known, sizes, hashes, counts = {}, [], [], []
    for text in texts:
        keys = line_keys(text)
        sizes.append(len(keys))
        for key, count in keys.items():
            if key not in known:
                known[key] = sl.fnv1a(key)
            hashes.append(known[key])
            counts.append(count)
    return (
        np.array(sizes, dtype=np.int64),
        np.array(hashes, dtype=np.uint32),
        np.array(counts, dtype=np.uint8),
    )


def key_table(lines):
    """Each row's keys as (row of each key, its 32-bit hash, its count); cached."""
    if os.path.exists(KEY_CACHE):
        data = np.load(KEY_CACHE)
        if len(data["sizes"]) == len(lines.y):
            sizes, hashes, counts = data["sizes"], data["hashes"], data["counts"]
            return np.repeat(np.arange(len(sizes), dtype=np.int32), sizes), hashes, counts
    texts = sl.page_texts(lines.pages, lines.page, lines.size)
    chunks = [texts[i : i + 20000] for i in range(0, len(texts), 20000)]
    with multiprocessing.Pool(2) as pool:
        parts = pool.map(hash_lines, chunks)
    sizes, hashes, counts = (np.concatenate(column) for column in zip(*parts))
    np.savez(KEY_CACHE, sizes=sizes, hashes=hashes, counts=counts)
    return np.repeat(np.arange(len(sizes), dtype=np.int32), sizes), hashes, counts


class Table:
    """Fits and applies the bucket log-odds over the rows' keys."""

    def __init__(self, lines, weight, keys, bits):
        self.row, hashes, counts = keys
        self.bucket = (hashes & np.uint32((1 << bits) - 1)).astype(np.int64)
        self.buckets = 1 << bits
        self.count = counts.astype(np.float64)
        totals = np.bincount(self.row, weights=self.count, minlength=len(lines.y))
        self.totals = totals
        # Each key occurrence's share of its line's row weight.
        self.mass = weight[self.row] * self.count / np.maximum(totals[self.row], 1)
        self.label = lines.y[self.row].astype(bool)

    def fit(self, rows):
        chosen = rows[self.row]
        b, mass, label = self.bucket[chosen], self.mass[chosen], self.label[chosen]
        text = np.bincount(b[label], weights=mass[label], minlength=self.buckets)
        other = np.bincount(b[~label], weights=mass[~label], minlength=self.buckets)
        prior = text.sum() / (text.sum() + other.sum())
        return np.log((text + ALPHA * prior) / (other + ALPHA * (1 - prior))) - np.log(
            prior / (1 - prior)
        )

    def score(self, log_odds, rows):
        chosen = rows[self.row]
        sums = np.bincount(
            self.row[chosen],
            weights=log_odds[self.bucket[chosen]] * self.count[chosen],
            minlength=len(rows),
        )
        return (sums / np.maximum(self.totals, 1))[rows]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sl.common_arguments(parser)
    parser.add_argument("--bits", type=int, default=BITS, help="2^bits buckets")
    parser.add_argument("--long-only", action="store_true", help=f"only lines of > {LONG} tokens")
    args = parser.parse_args()
    setting = sl.Setting(args)
    lines = setting.lines
    keys = key_table(lines)
    print(f"{len(lines.y)} lines, {len(keys[1])} keys", flush=True)
    table = Table(lines, setting.weight, keys, args.bits)
    scored = lines.size > LONG if args.long_only else np.ones(len(lines.y), dtype=bool)

    def scorer(fitted_on, rows):
        return np.where(scored[rows], table.score(table.fit(fitted_on), rows), 0.0)

    items = np.array([COARSE.get(p[2]) == "items" for p in lines.pages])[lines.page]
    setting.simulate(args, scorer, gates=[("listing, collection, product", items)])


if __name__ == "__main__":
    main()
