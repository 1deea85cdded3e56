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
NOTICE), which knows Malay's `kerana` and `wang` where 100 dev sentences do not. And, for the
pairs of LEAD_GROUPS, `lead`: the n-gram model's lead of the first language over the second
(both scored alone over the text's first 300 letters, no beam; NgramLeads, through the Python
twin of the model), per nat, with an offset added to the bias: the model's scores say more
than its choice, but the model alone leans to one sibling (it calls 88 of 100 Croatian tuning
sentences Croatian and 58 of 100 Bosnian ones Bosnian). The weight and offset of such a pair
are chosen by `choose_lead` (two-fold cross-validation inside the tuning half, LEAD_WEIGHTS x
OFFSETS: the best mean of the pair's two languages over sentences, pairs and words that loses
neither more than a point of sentences); a group of NEW_GROUPS ships only if that beats the
n-gram model's own answers.

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
Adding nb/nn/da without the lead lowered nn (sentences 89 -> 85 %); nb/nn is a candidate again
with the lead (NEW_GROUPS). Da, zu/xh, cs/sk, ca/es and sr/mk are left to the n-gram model and
sibling_words.txt.

--check prints what the model does on each half, given the answers of a binary built without
it (`--baseline BINARY`: its answers are the `model` feature and tell which texts a group is
consulted on).

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
import score_langid_model as ngram_twin  # noqa: E402
from score_langid import read_cases  # noqa: E402  (the halves split as it scores them)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "discriminator-venv")
REQUIREMENTS = ["numpy==2.4.6", "scipy==1.17.1", "scikit-learn==1.9.1"]
MODEL_DIR = os.path.join(REPO, "Sources", "CWinnowLangModel")
OUTPUT = os.path.join(MODEL_DIR, "sibling_discriminator.txt")
SIBLING_WORDS = os.path.join(MODEL_DIR, "sibling_words.txt")
FILES = ("sentences.tsv", "pairs.tsv", "words.tsv")

GROUPS = [("id", "ms"), ("bs", "hr"), ("hi", "mr"), ("nb", "nn")]
# Groups the n-gram model alone decided before: one ships only when cross-validation finds it
# better than the model's own answers (the others are compared with naive Bayes alone).
NEW_GROUPS = {("nb", "nn")}
# The pairs that weigh the n-gram model's lead: its cross-validated choice also held on the
# held-out half only here; on id/ms, bs/hr and hi/mr it lost a language held-out sentences or
# words (bs 65 -> 52 %, mr words 86 -> 74 %; docs/language.md, section 1f), so those keep naive
# Bayes alone.
LEAD_GROUPS = {("nb", "nn")}
# Tried for the weight of the n-gram model's lead between a pair, and the offset (nats toward
# the pair's first language) added to its bias.
LEAD_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0)
OFFSETS = tuple(step / 4 for step in range(-12, 13))
# A choice may cost either language of the pair at most this share of its sentences.
MOST_SENTENCES_LOST = 0.01
LANGID_MODEL = os.path.join(REPO, "Sources", "CWinnowLangModel", "langid.bin")
ALPHA = 0.1
NB_WEIGHT = 0.2
# The model's own choice counts as this many occurrences of its feature.
MODEL_VALUE = 3.0
LONGEST_GRAM = 4
SAMPLE_LETTERS = 300
# The row of the n-gram model's lead between a pair (`lead`, no key in the file).
LEAD_FEATURE = ("lead", "")
# Rows of features whose every weight is smaller are left out: they move a sentence's hundred
# n-grams by well under a nat, and without them the model files stay within 12 MB.
SMALLEST_WEIGHT = 0.015
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
        row = list(NB_WEIGHT * log_probabilities[:, column])
        if max(abs(weight) for weight in row) >= SMALLEST_WEIGHT:
            weights[(kind, key)] = row
    bias = list(NB_WEIGHT * (priors - np.mean(priors)))
    for first, second in sibling_words:
        if first in group and second in group:
            weights[("words", f"{first} {second}")] = [
                0.5 if lang == first else -0.5 if lang == second else 0.0 for lang in group
            ]
    return bias, weights


class NgramLeads:
    """The n-gram model's lead of a pair's first language over its second on a text: their
    weighted log-likelihoods over its first SAMPLE_LETTERS letters, both scored to the end, as
    LanguageIdentifier scores the pair for the discriminator (score_langid_model.py's twin of
    the Swift model). Memoized: cross-validation asks for each text many times."""

    def __init__(self):
        self.model = ngram_twin.Model(LANGID_MODEL)
        self.known = {}

    def lead(self, text, group):
        key = (text, group)
        if key not in self.known:
            totals = self.model.totals(text, group, SAMPLE_LETTERS)
            self.known[key] = totals[group[0]] - totals[group[1]]
        return self.known[key]


def halves(rows):
    """Rows split as lines 1, 3, 5, ... against 2, 4, 6, ... of each language."""
    seen, first, second = collections.Counter(), [], []
    for row in rows:
        seen[row[0]] += 1
        (first if seen[row[0]] % 2 else second).append(row)
    return first, second


def choose_lead(group, tuning, sibling_words, ngram_leads):
    """The weight of the n-gram model's lead and the bias offset for `group`, by two-fold
    cross-validation inside the tuning half: the best mean accuracy of the pair over the
    three files among the choices that lose neither language more than MOST_SENTENCES_LOST
    of its sentences against the reference (naive Bayes alone, or for NEW_GROUPS the n-gram
    model's answers), and only if it beats the reference's mean; None when a new group does
    not."""
    folds = {file: halves([r for r in tuning[file] if r[0] in group]) for file in FILES}
    # Per file, (language, the model's answer, naive Bayes' margin for the first, lead).
    scored = {file: [] for file in FILES}
    for fold in (0, 1):
        rows = [row for file in FILES for row in folds[file][fold]]
        bias, weights = train(group, rows, sibling_words)
        for file in FILES:
            for lang, text, code in folds[file][1 - fold]:
                if code not in group:
                    scored[file].append((lang, code, 0.0, 0.0))
                    continue
                scores = group_scores(group, bias, weights, text, code, sibling_words)
                scored[file].append(
                    (lang, code, scores[0] - scores[1], ngram_leads.lead(text, group))
                )

    def accuracies(choose):
        found = {}
        for file in FILES:
            right = collections.Counter(
                lang for lang, *rest in scored[file] if choose(*rest) == lang
            )
            total = collections.Counter(lang for lang, *_ in scored[file])
            found[file] = {lang: right[lang] / total[lang] for lang in group}
        return found

    def mean(found):
        return sum(sum(per.values()) for per in found.values()) / (len(FILES) * len(group))

    def chooser(weight, offset):
        def choose(code, margin, lead):
            if code not in group:
                return code
            return group[0] if margin + weight * lead + offset >= 0 else group[1]

        return choose

    reference = accuracies(
        (lambda code, margin, lead: code) if group in NEW_GROUPS else chooser(0.0, 0.0)
    )
    best, chosen = mean(reference), None if group in NEW_GROUPS else (0.0, 0.0)
    for weight in LEAD_WEIGHTS:
        for offset in OFFSETS:
            found = accuracies(chooser(weight, offset))
            allowed = all(
                found["sentences.tsv"][lang]
                >= reference["sentences.tsv"][lang] - MOST_SENTENCES_LOST
                for lang in group
            )
            if allowed and mean(found) > best + 1e-9:
                best, chosen = mean(found), (weight, offset)
    print(
        f"{'/'.join(group)}: cross-validated mean {mean(reference):.2%} -> {best:.2%}, "
        f"lead weight and offset {chosen}",
        file=sys.stderr,
    )
    return chosen


def written(weight):
    return round(weight * SCALE)


def model_lines(group, bias, weights):
    lines = [f"group {' '.join(group)}", "bias " + " ".join(str(written(w)) for w in bias)]
    for (kind, key), row in sorted(weights.items()):
        # The model's choice is given by value: fold it into the weight.
        per_unit = MODEL_VALUE if kind == "model" else 1.0
        values = [written(w * per_unit) for w in row]
        if any(values):
            lines.append(" ".join([kind, *([key] if key else []), *map(str, values)]))
    return lines


def leads(text, group, sibling_words):
    """The `words A B` features: the lead of A over B that sibling_words.txt gives."""
    found = words(text)
    return {
        ("words", f"{first} {second}"): sum(table.get(w, 0.0) for w in found)
        for (first, second), table in sibling_words.items()
        if first in group and second in group
    }


def decide(group, bias, weights, text, code, sibling_words, scales=(1.0, 1.0, 1.0), lead=0.0):
    """The group's language for `text`, which the n-gram model took for `code` with `lead`
    nats for the group's first language over its second (NgramLeads); `scales` multiply the
    n-gram and word rows, the model's choice and the word-list lead (for
    scripts/short_input_levers.py)."""
    scores = group_scores(group, bias, weights, text, code, sibling_words, scales, lead)
    return group[max(range(len(group)), key=lambda i: scores[i])]


def group_scores(group, bias, weights, text, code, sibling_words, scales=(1.0, 1.0, 1.0), lead=0.0):
    """Each language's score in `decide`."""
    scores = list(bias)
    for feature, value in [
        *features(text, code).items(),
        *leads(text, group, sibling_words).items(),
        (LEAD_FEATURE, lead),
    ]:
        row = weights.get(feature)
        if row:
            scale = scales[{"model": 1, "words": 2}.get(feature[0], 0)]
            scores = [s + scale * w * value for s, w in zip(scores, row)]
    return scores


def check(models, answered, sibling_words, ngram_leads):
    for file, rows in answered.items():
        before, after = collections.defaultdict(list), collections.defaultdict(list)
        for lang, text, code in rows:
            choice = code
            for group, (bias, weights) in models.items():
                if code in group:
                    lead = ngram_leads.lead(text, group)
                    choice = decide(group, bias, weights, text, code, sibling_words, lead=lead)
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
    ngram_leads = NgramLeads()
    tuning = model_answers(args.devset, "tuning", args.baseline)
    models = {}
    lines = [
        "# Sibling discriminator, by scripts/train_sibling_discriminator.py. Do not edit.",
        "# group L1 L2 ..., then `bias`, and `KIND KEY` lines with one weight per language",
        "# in thousandths of a natural log: KIND is gram, word, model (per use), words",
        "# (per nat of sibling_words.txt's lead of the first named over the second) or lead",
        "# (no KEY; per nat of the n-gram model's lead of the group's first over its second).",
    ]
    for group in GROUPS:
        chosen = (
            choose_lead(group, tuning, sibling_words, ngram_leads)
            if group in LEAD_GROUPS
            else (0.0, 0.0)
        )
        if chosen is None:
            continue
        rows = [row for file in FILES for row in tuning[file] if row[0] in group]
        bias, weights = train(group, rows, sibling_words)
        weight, offset = chosen
        weights[LEAD_FEATURE] = [weight / 2, -weight / 2]
        bias = [bias[0] + offset / 2, bias[1] - offset / 2]
        models[group] = (bias, weights)
        group_lines = model_lines(group, bias, weights)
        lines += group_lines
        print(f"{'/'.join(group)}: {len(group_lines) - 2} features", file=sys.stderr)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    embedded_file.write(args.output, data, "WN_SIBLING_DISCRIMINATOR", "discriminator.S")
    print(f"wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    if args.check:
        print("tuning half (trained on):")
        check(models, tuning, sibling_words, ngram_leads)
        print("held-out half:")
        held_out = model_answers(args.devset, "held-out", args.baseline)
        check(models, held_out, sibling_words, ngram_leads)


if __name__ == "__main__":
    main()
