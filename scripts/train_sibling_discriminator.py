#!/usr/bin/env python3
"""Builds Sources/CWinnowLangModel/sibling_discriminator.txt: a linear model per group of close
siblings that chooses among them once the n-gram model's best language is one of them.

It also writes discriminator_stamp.h beside it (the file's size and SHA-256), so that the build
reassembles discriminator.S, which includes the file with .incbin, whenever the file changes.

Usage: scripts/train_sibling_discriminator.py [--devset DIR] [--output FILE] [--check]

The character n-gram model and the word-frequency lists of sibling_words.txt cannot tell apart
the Malay and the Indonesian of the development set (web text of both countries), nor Bosnian
from Croatian, nor Marathi from Hindi on short text. This learns from the *labelled* sentences,
word pairs and single words of ../shared/devset/langid (Leipzig web corpora via Lingua's test
data, Apache-2.0, whose README allows training shipped models on them), from ONE half only:
the tuning half of scripts/score_langid.py (`--half tuning`: lines 1, 3, 5, ... of each
language). The other half (`--half held-out`) is what the model is judged on.

Per group, a multinomial naive Bayes model (additive smoothing ALPHA) over the text's
features, counted:
- `gram G`: letter n-grams (1 to 4) of each lowercased word with `<` and `>` at its ends;
- `word W`: the word itself;
- `model L`: the language the n-gram model chose, worth MODEL_VALUE.
Words are taken as the language stage takes them (SiblingWords.words): runs of letters and the
combining marks within them, lowercased, over the first 300 letters. Naive Bayes is linear in
these counts, so it is written as the same rows of weights a logistic regression would be
(each feature's log-probabilities, centred over the group's languages), times NB_WEIGHT: it
counts the overlapping n-grams of a word as independent evidence, so its log odds are far
too sure. To them is added, at one nat per nat, `words A B`: the lead of A over B that
sibling_words.txt gives the text (the openly licensed wordfreq and simplemma evidence, see
NOTICE), which knows Malay's `kerana` and `wang` where 100 dev sentences do not.

Which groups ship, the model and its constants were chosen by two-fold cross-validation inside
the tuning half (lines 1, 5, 9, ... against 3, 7, 11, ...), per language against the n-gram
model's answers (mean over the 75 languages of sentences / pairs / words): no discriminator
96.68 / 89.60 / 77.74 %; logistic regression (C 0.03, with sibling_words.txt's lead as a
feature) 97.19 / 89.83 / 77.85; naive Bayes ALPHA 0.1 alone 97.32 / 89.85 / 78.27 (0.03:
97.37 / 89.81 / 78.28; 0.5: 97.24 / 89.89 / 78.19); with the lead, NB_WEIGHT 1 / 0.5 / 0.3 /
0.2: 97.36 / 89.85 / 78.30, 97.35 / 89.91 / 78.31, 97.29 / 89.92 / 78.28, 97.29 / 89.93 /
78.31. 0.2 scores as well as 0.3 and leaves real Malay Malay: at 0.3 a paragraph whose words
lead Malay by 18.4 nats ("Saya telah tinggal di Kuala Lumpur ... kerana ... sedap ...") was
still Indonesian by 1.4, at 0.5 and 1 so was "Saya tidak ada wang kerana bekerja.".
Adding nb/nn/da lowers nn (sentences 89 -> 85 %), so nb/nn/da, like zu/xh, cs/sk, ca/es and
sr/mk, is left to the n-gram model and sibling_words.txt.

--check prints what the model does on each half, given the answers of a binary built without
it (`--baseline BINARY`).

The script installs its pinned dependencies into .build/discriminator-venv and re-runs itself
there.
"""

import argparse
import collections
import os
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedded_file  # noqa: E402
import pinned_venv  # noqa: E402
from score_langid import read_cases  # noqa: E402  (the halves split as it scores them)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "discriminator-venv")
REQUIREMENTS = ["numpy==2.4.6", "scipy==1.17.1", "scikit-learn==1.9.1"]
MODEL_DIR = os.path.join(REPO, "Sources", "CWinnowLangModel")
OUTPUT = os.path.join(MODEL_DIR, "sibling_discriminator.txt")
SIBLING_WORDS = os.path.join(MODEL_DIR, "sibling_words.txt")
FILES = ("sentences.tsv", "pairs.tsv", "words.tsv")

GROUPS = [("id", "ms"), ("bs", "hr"), ("hi", "mr")]
ALPHA = 0.1
NB_WEIGHT = 0.2
# The model's own choice counts as this many occurrences of its feature.
MODEL_VALUE = 3.0
LONGEST_GRAM = 4
SAMPLE_LETTERS = 300
# Weights are written in thousandths; smaller ones are left out.
SCALE = 1000


def is_letter(char):
    """A letter as ScriptTable counts one: of a script other than Common and Inherited
    (Devanagari vowel signs included, its danda excluded)."""
    code = ord(char)
    if 0x0900 <= code <= 0x097F:
        return code not in (0x0964, 0x0965)
    return unicodedata.category(char).startswith("L")


def words(text):
    """SiblingWords.words: lowercased runs of letters and their marks, first 300 letters."""
    found, word, letters = [], [], 0
    for char in text:
        if is_letter(char):
            word.append(char.lower()[0])
            letters += 1
        elif unicodedata.category(char).startswith("M") and word:
            word.append(char)
        elif word:
            found.append("".join(word))
            word = []
        if letters >= SAMPLE_LETTERS:
            break
    if word:
        found.append("".join(word))
    return found


def read_sibling_words():
    tables, pair = {}, None
    with open(SIBLING_WORDS, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            if fields[0] == "pair":
                pair = (fields[1], fields[2])
                tables[pair] = {}
            else:
                tables[pair][fields[0]] = int(fields[1]) / 10
    return tables


def features(text, chosen):
    """The naive Bayes features, counted."""
    counted = collections.Counter()
    found = words(text)
    for word in found:
        counted[("word", word)] += 1
        padded = "<" + word + ">"
        for n in range(1, LONGEST_GRAM + 1):
            for start in range(len(padded) - n + 1):
                gram = padded[start : start + n]
                if gram not in ("<", ">"):
                    counted[("gram", gram)] += 1
    counted[("model", chosen)] = MODEL_VALUE
    return counted


def run_langid(binary, texts):
    result = subprocess.run(
        [binary, "langid"],
        input="".join(t + "\n" for t in texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split("\n")[: len(texts)]


def model_answers(devset, half, baseline):
    """Per file, (language, text, the n-gram model's answer) of one half. The training
    answers come from `baseline`, a build without the discriminator."""
    answered = {}
    for file in FILES:
        cases = read_cases(os.path.join(devset, file), half)
        codes = run_langid(baseline, [text for _, text in cases])
        answered[file] = [(lang, text, code) for (lang, text), code in zip(cases, codes)]
    return answered


def train(group, rows, sibling_words):
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.naive_bayes import MultinomialNB

    samples = [features(text, code) for _, text, code in rows]
    labels = [lang for lang, _, _ in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f"{kind}\t{name}": value for (kind, name), value in s.items()} for s in samples]
    )
    classifier = MultinomialNB(alpha=ALPHA)
    classifier.fit(matrix, labels)
    classes = list(classifier.classes_)
    order = [classes.index(lang) for lang in group]
    log_probabilities = classifier.feature_log_prob_[order]
    # A constant added to one feature's weights for every language changes no choice and no
    # probability: centred, the weights of features no language prefers round to zero.
    log_probabilities = log_probabilities - log_probabilities.mean(axis=0)
    priors = classifier.class_log_prior_[order]
    weights = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        kind, _, key = name.partition("\t")
        weights[(kind, key)] = list(NB_WEIGHT * log_probabilities[:, column])
    bias = list(NB_WEIGHT * (priors - np.mean(priors)))
    for first, second in sibling_words:
        if first in group and second in group:
            weights[("words", f"{first} {second}")] = [
                0.5 if lang == first else -0.5 if lang == second else 0.0 for lang in group
            ]
    return bias, weights


def written(weight):
    return round(weight * SCALE)


def model_lines(group, bias, weights):
    lines = [f"group {' '.join(group)}", "bias " + " ".join(str(written(w)) for w in bias)]
    for (kind, key), row in sorted(weights.items()):
        # The model's choice is given by value: fold it into the weight.
        per_unit = MODEL_VALUE if kind == "model" else 1.0
        values = [written(w * per_unit) for w in row]
        if any(values):
            lines.append(f"{kind} {key} " + " ".join(str(v) for v in values))
    return lines


def leads(text, group, sibling_words):
    """The `words A B` features: the lead of A over B that sibling_words.txt gives."""
    found = words(text)
    return {
        ("words", f"{first} {second}"): sum(table.get(w, 0.0) for w in found)
        for (first, second), table in sibling_words.items()
        if first in group and second in group
    }


def decide(group, bias, weights, text, code, sibling_words, scales=(1.0, 1.0, 1.0)):
    """The group's language for `text`, which the n-gram model took for `code`; `scales`
    multiply the n-gram and word rows, the model's choice and the word-list lead (for
    scripts/short_input_levers.py)."""
    scores = list(bias)
    for feature, value in [
        *features(text, code).items(),
        *leads(text, group, sibling_words).items(),
    ]:
        row = weights.get(feature)
        if row:
            scale = scales[{"model": 1, "words": 2}.get(feature[0], 0)]
            scores = [s + scale * w * value for s, w in zip(scores, row)]
    return group[max(range(len(group)), key=lambda i: scores[i])]


def check(models, answered, sibling_words):
    for file, rows in answered.items():
        before, after = collections.defaultdict(list), collections.defaultdict(list)
        for lang, text, code in rows:
            choice = code
            for group, (bias, weights) in models.items():
                if code in group:
                    choice = decide(group, bias, weights, text, code, sibling_words)
            before[lang].append(code == lang)
            after[lang].append(choice == lang)

        def mean(per):
            return sum(sum(v) / len(v) for v in per.values()) / len(per)

        shown = " ".join(
            f"{lang} {sum(before[lang]) / len(before[lang]):.0%}->"
            f"{sum(after[lang]) / len(after[lang]):.0%}"
            for group in models
            for lang in group
        )
        print(f"  {file:14} mean {mean(before):.2%} -> {mean(after):.2%}  {shown}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", default=os.path.join(REPO, "..", "shared", "devset", "langid"))
    parser.add_argument("--output", default=OUTPUT)
    parser.add_argument(
        "--baseline",
        required=True,
        help="a winnow binary built without the discriminator: its answers are a feature",
    )
    parser.add_argument("--check", action="store_true", help="print both halves' scores")
    args = parser.parse_args()
    pinned_venv.ensure(VENV, REQUIREMENTS, ["numpy", "sklearn"])
    sibling_words = read_sibling_words()
    tuning = model_answers(args.devset, "tuning", args.baseline)
    models = {}
    lines = [
        "# Sibling discriminator, by scripts/train_sibling_discriminator.py. Do not edit.",
        "# group L1 L2 ..., then `bias`, and `KIND KEY` lines with one weight per language",
        "# in thousandths of a natural log: KIND is gram, word, model (per use) or words",
        "# (per nat of sibling_words.txt's lead of the first named over the second).",
    ]
    for group in GROUPS:
        rows = [row for file in FILES for row in tuning[file] if row[0] in group]
        bias, weights = train(group, rows, sibling_words)
        models[group] = (bias, weights)
        group_lines = model_lines(group, bias, weights)
        lines += group_lines
        print(f"{'/'.join(group)}: {len(group_lines) - 2} features", file=sys.stderr)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    embedded_file.write(args.output, data, "WN_SIBLING_DISCRIMINATOR", "discriminator.S")
    print(f"wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    if args.check:
        print("tuning half (trained on):")
        check(models, tuning, sibling_words)
        print("held-out half:")
        check(models, model_answers(args.devset, "held-out", args.baseline), sibling_words)


if __name__ == "__main__":
    main()
