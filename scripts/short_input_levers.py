#!/usr/bin/env python3
"""Measures, inside the tuning half of the development set only, what would change the
language of short inputs (single words and word pairs), lever by lever.

Usage: scripts/short_input_levers.py [--devset DIR]

Each case of the tuning half (`score_langid.py --half tuning`) is scored by the Python twin
of the n-gram model (score_langid_model.py: every candidate of the text's script, total
log-likelihood); a short text never leaves the beam (under 24 letters), so the totals are the
model's own. The tuning half is split in two folds (its lines 1, 5, 9, ... of each language
against 3, 7, 11, ...): what a lever learns comes from one fold and is scored on the other,
both ways, and the change of the mean over languages (sentences, pairs, words; points) is
printed against the same pipeline without the lever. The pipeline simulated is the n-gram
model's choice, then the sibling discriminator for its groups (id/ms, bs/hr, hi/mr; trained
on the other fold as scripts/train_sibling_discriminator.py trains it), which is what the
binary does up to sibling_words.txt's settling of the model's top two.

Levers:
- `prior`: a log-prior per language (learnt on words and pairs by maximizing the
  likelihood of the right language, L2 penalty REG), added to the model's totals.
- `ties`: how many short texts have two languages with exactly equal totals.
- `reach M N`: on texts of at most N words whose best language is outside a group, the
  discriminator chooses within the group when the group's best is less than M nats behind.
- `short scales`: on texts of at most 2 words, the discriminator's n-gram/word rows, its
  model-choice row and sibling_words.txt's lead scaled (or the discriminator skipped).
- `group G N`: a new group (nb/nn/da, cs/sk, zu/xh, af/nl) consulted on at most N words,
  trained on the fold alone or also on the fold's sentences cut into single words and pairs.
"""

import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_venv  # noqa: E402
import score_langid_model as twin  # noqa: E402
import train_sibling_discriminator as nb  # noqa: E402
from score_langid import read_cases  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = nb.FILES
GROUPS = [tuple(group) for group in nb.GROUPS]
REG = (0.01, 0.003)
# sibling_words.txt as train_sibling_discriminator.py reads it, once the venv is in place.
SIBLING_WORDS = {}


class Case:
    def __init__(self, language, text, totals):
        self.language, self.text, self.totals = language, text, totals
        self.words = nb.words(text)
        # Ties go to the first code, as in NgramLanguageModel.
        self.order = sorted(totals, key=lambda code: (-totals[code], code)) if totals else []


def scored_cases(devset, model):
    """Per file, the tuning half's cases with the twin's total per candidate (None when the
    script has one language)."""
    cases = {}
    for file in FILES:
        cases[file] = []
        for language, text in read_cases(os.path.join(devset, file), "tuning"):
            script = twin.dominant_script(text)
            candidates = twin.LANGUAGES_BY_SCRIPT.get(script, []) if script else []
            totals = None
            if len(candidates) > 1:
                weight = sum(w * len(word) for word, w in twin.words(text))
                totals = {code: mean * weight for code, mean in model.rank(text, candidates)}
            cases[file].append(Case(language, text, totals))
    return cases


def folds(cases):
    seen, first, second = collections.Counter(), [], []
    for case in cases:
        seen[case.language] += 1
        (first if seen[case.language] % 2 else second).append(case)
    return first, second


def mean_accuracy(cases, choose):
    right = collections.defaultdict(lambda: [0, 0])
    for case in cases:
        right[case.language][1] += 1
        right[case.language][0] += not case.order or choose(case) == case.language
    return 100 * sum(r / n for r, n in right.values()) / len(right)


def discriminators(cases, groups, extra=()):
    rows = [(c.language, c.text, c.order[0]) for c in cases if c.order] + list(extra)
    return {g: nb.train(g, [r for r in rows if r[0] in g], SIBLING_WORDS) for g in groups}


def discriminated(case, models, best=None, scales=(1, 1, 1)):
    """The pipeline's choice: the model's best, then its group's discriminator."""
    best = best or case.order[0]
    for group, (bias, weights) in models.items():
        if best in group:
            return nb.decide(group, bias, weights, case.text, best, SIBLING_WORDS, scales)
    return best


def fitted_prior(cases, reg, steps=100, rate=5.0):
    import numpy as np

    languages = sorted({code for c in cases if c.order for code in c.totals})
    index = {code: i for i, code in enumerate(languages)}
    data = [
        (index[c.language], [index[k] for k in c.totals], np.array(list(c.totals.values())))
        for c in cases
        if c.order and c.language in c.totals
    ]
    prior = np.zeros(len(languages))
    for _ in range(steps):
        gradient = np.zeros(len(languages))
        for right, columns, totals in data:
            scores = totals + prior[columns]
            p = np.exp(scores - scores.max())
            np.add.at(gradient, columns, p / p.sum())
            gradient[right] -= 1
        prior -= rate * (gradient / len(data) + reg * prior)
    return {code: prior[i] for code, i in index.items()}


def plain(split):
    """The plain pipeline's mean per file, averaged over both directions."""
    means = collections.Counter()
    for a, b in ((0, 1), (1, 0)):
        models = discriminators([c for f in FILES for c in split[f][a]], GROUPS)
        for file in FILES:
            means[file] += mean_accuracy(split[file][b], lambda c: discriminated(c, models)) / 2
    return " ".join(f"{f.split('.')[0]} {means[f]:.2f} %" for f in FILES)


def cross_validated(split, lever):
    """The change of the mean per file that `lever` makes against the plain pipeline, averaged
    over both directions. `lever(case, models, state)` gives a test case's language, `models`
    being the discriminator trained on the other fold and `state` what the lever's optional
    `setup(train cases by file, models)` learnt there."""
    change = collections.Counter()
    for a, b in ((0, 1), (1, 0)):
        train = {f: split[f][a] for f in FILES}
        models = discriminators([c for f in FILES for c in train[f]], GROUPS)
        state = lever.setup(train, models) if hasattr(lever, "setup") else None
        for file in FILES:
            test = split[file][b]
            before = mean_accuracy(test, lambda c: discriminated(c, models))
            after = mean_accuracy(test, lambda c: lever(c, models, state))
            change[file] += (after - before) / 2
    return " ".join(f"{f.split('.')[0]} {change[f]:+.2f}" for f in FILES)


def prior_lever(reg):
    def lever(case, models, prior):
        best = max(
            case.totals, key=lambda k: (case.totals[k] + prior.get(k, 0), k == case.order[0])
        )
        return discriminated(case, models, best)

    lever.setup = lambda train, models: fitted_prior(
        [c for f in ("pairs.tsv", "words.tsv") for c in train[f]], reg
    )
    return lever


def reach_lever(margin, most_words):
    def lever(case, models, _):
        best = case.order[0]
        if len(case.words) <= most_words:
            for group in models:
                inside = [k for k in case.order if k in group]
                if best not in group and inside:
                    if case.totals[best] - case.totals[inside[0]] < margin:
                        return discriminated(case, models, inside[0])
        return discriminated(case, models)

    return lever


def scaled_lever(scales):
    def lever(case, models, _):
        if len(case.words) > 2:
            return discriminated(case, models)
        if scales is None:
            return case.order[0]
        return discriminated(case, models, scales=scales)

    return lever


def group_lever(group, most_words, cut_sentences, model):
    def lever(case, models, extra):
        if case.order[0] in group and len(case.words) <= most_words:
            return discriminated(case, extra)
        return discriminated(case, models)

    def setup(train, models):
        extra = []
        if cut_sentences:
            pieces = []
            for case in train["sentences.tsv"]:
                if case.language in group:
                    tokens = case.text.split()
                    for n in (1, 2):
                        pieces += [
                            (case.language, " ".join(tokens[i : i + n]))
                            for i in range(0, len(tokens) - n + 1, n)
                        ]
            for lang, text in pieces:
                ranked = model.rank(text, twin.LANGUAGES_BY_SCRIPT["Latin"])
                extra.append((lang, text, ranked[0][0] if ranked else "und"))
        return discriminators([c for f in FILES for c in train[f]], [group], extra)

    lever.setup = setup
    return lever


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", default=os.path.join(REPO, "..", "shared", "devset", "langid"))
    args = parser.parse_args()
    pinned_venv.ensure(nb.VENV, nb.REQUIREMENTS, ["numpy", "sklearn"])
    global SIBLING_WORDS
    SIBLING_WORDS = nb.read_sibling_words()
    model = twin.Model(os.path.join(REPO, "Sources", "CWinnowLangModel", "langid.bin"))
    cases = scored_cases(args.devset, model)
    split = {f: folds(cases[f]) for f in FILES}
    short = [c for f in ("pairs.tsv", "words.tsv") for c in cases[f] if c.order]
    tied = sum(1 for c in short if c.totals[c.order[0]] == c.totals[c.order[1]])
    print(f"ties: {tied} of {len(short)} words and pairs")
    print(f"plain pipeline: {plain(split)}", flush=True)
    for reg in REG:
        print(f"prior REG {reg}: {cross_validated(split, prior_lever(reg))}", flush=True)
    for margin, most_words in ((2, 1), (4, 1), (2, 2), (4, 2)):
        print(
            f"reach {margin} {most_words}: {cross_validated(split, reach_lever(margin, most_words))}"
        )
    for scales in (None, (0.5, 1, 1), (2, 1, 1), (1, 0, 1), (1, 2, 1), (1, 1, 3)):
        print(f"short scales {scales}: {cross_validated(split, scaled_lever(scales))}", flush=True)
    for group in (("nb", "nn", "da"), ("cs", "sk"), ("xh", "zu"), ("af", "nl")):
        for most_words in (1, 2):
            for cut in (False, True):
                lever = group_lever(group, most_words, cut, model)
                name = f"group {'/'.join(group)} {most_words}{' cut' if cut else ''}"
                print(f"{name}: {cross_validated(split, lever)}", flush=True)


if __name__ == "__main__":
    main()
