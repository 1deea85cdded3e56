#!/usr/bin/env python3
"""Measures a calibrated second stage for close sibling pairs against the sibling
discriminator that ships, learnt and judged as scripts/train_sibling_discriminator.py is.

Usage: scripts/sibling_second_stage.py --baseline BINARY [--devset DIR]

BINARY is a build whose sibling_discriminator.txt holds no group: its `langid` answers are the
n-gram model's (after sibling_words.txt), the input of either decider. Both deciders are then
applied in Python exactly as the binary applies the shipped one (train_sibling_discriminator.py
`decide`; its answers on the held-out half equal the release build's, bar one rounding).

The second stage, per pair (A, B):
1. naive Bayes (additive smoothing ALPHA) over the letter n-grams and words of
   train_sibling_discriminator.features, as two log odds of B over A (n-grams, words),
   computed out of fold (FOLDS folds of the training rows);
2. a logistic regression over those log odds, sibling_words.txt's lead of B over A, whether the
   n-gram model chose B or A, and the number of words (a per-word constant, which lets short
   texts lean otherwise than sentences), fitted on the texts the model gives to the pair; every
   language has as many training texts, so the prior is even before the model's choice;
3. the threshold: an offset (OFFSETS, nats toward B) chosen by two-fold cross-validation inside
   the tuning half (every other line of each language), the best mean accuracy of the pair
   over sentences, pairs and words among the offsets that lose neither language more than a
   point of sentences against the decider the pair has (`PREVIOUS`) and beat its mean (else
   none is chosen and the pair is left as it is).
It is linear in the same features, so it fits sibling_discriminator.txt's format unchanged (the
per-word constant rides on each word's `<x` gram).

Printed per pair: the cross-validated sweep of the threshold, the offset chosen, and per
language the accuracy (sentences, pairs, words) of the decider that ships and of the second
stage trained on the whole tuning half, on the held-out half and on the whole set. Then, for
the held-out sentences the shipped decider gets wrong, whether they hold a textbook marker
(`MARKERS`) of their own language, of the sibling, or none.
"""

import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_venv  # noqa: E402
import train_sibling_discriminator as shipped  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = shipped.FILES
ALPHA = 0.1
FOLDS = 5
CALIBRATION_C = 1.0
OFFSETS = [step / 4 for step in range(-12, 13)]
# Per pair, how it is decided today: the shipped naive Bayes, or (None) the n-gram model.
PREVIOUS = {
    ("id", "ms"): shipped.train,
    ("bs", "hr"): shipped.train,
    ("hi", "mr"): shipped.train,
    ("nb", "nn"): None,
}
# Textbook markers of one language against its sibling (word prefixes): standard Croatian
# against Bosnian usage, Malaysian against Indonesian, Nynorsk against Bokmål.
MARKERS = {
    "hr": "tijekom tisuć obitelj tvornic obran poduzeć znanstv uvjet tjed sveučilišt kemij "
    "povijest siječ veljač ožuj travan travnj svib lipanj lipnj srpan srpnj kolovoz rujan rujn "
    "listopad studen prosin glazb tvrtk sustav milijun kazališt računal zrakoplov nogomet",
    "bs": "šta hiljad histori univerzitet hemij porodic komšij fabrik odbran preduzeć nauč "
    "uslov sedmic januar februar mart april avgust august septemb oktob novemb decemb "
    "hljeb lahk uticaj",
    "ms": "tak kerana daripada boleh wang kerajaan bermula selari sahaja mahupun iaitu kereta "
    "bas percuma kempen",
    "id": "karena bisa uang pemerintah sejajar saja maupun yaitu mobil bis gratis kampanye gue "
    "nggak",
    "nn": "ikkje eg kva korleis ein dei ho frå vere berre mykje heile òg noko kvar saman meir",
    "nb": "ikke jeg hva hvordan en de hun fra være bare mye hele også noe hver sammen mer",
}
# Prefixes for the longer markers, whole words for the short ones (`eg`, `ein`, `bas`).
WHOLE_WORD = 4


class NaiveBayes:
    """The first stage: the log odds of the pair's second language over its first, split
    into the n-grams' part and the words'."""

    def __init__(self, group, texts, labels):
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.naive_bayes import MultinomialNB

        self.vectorizer = DictVectorizer()
        matrix = self.vectorizer.fit_transform([self.counts(text) for text in texts])
        classifier = MultinomialNB(alpha=ALPHA).fit(matrix, labels)
        classes = list(classifier.classes_)
        log_probabilities = classifier.feature_log_prob_
        self.delta = (
            log_probabilities[classes.index(group[1])] - log_probabilities[classes.index(group[0])]
        )
        self.names = [tuple(n.split("\t", 1)) for n in self.vectorizer.get_feature_names_out()]

    @staticmethod
    def counts(text):
        counted = shipped.features(text, None)
        del counted[("model", None)]
        return {f"{kind}\t{key}": value for (kind, key), value in counted.items()}

    def log_odds(self, texts):
        import numpy as np

        matrix = self.vectorizer.transform([self.counts(text) for text in texts])
        is_word = np.array([kind == "word" for kind, _ in self.names])
        return np.stack([matrix @ (self.delta * ~is_word), matrix @ (self.delta * is_word)], 1)


def pair_lead(text, group, sibling_words):
    """sibling_words.txt's lead of the pair's second language over its first."""
    return sum(
        value if feature[1].split()[0] == group[1] else -value
        for feature, value in shipped.leads(text, group, sibling_words).items()
    )


def train_calibrated(group, rows, sibling_words, offset=0.0):
    """The second stage as (bias, weights) of sibling_discriminator.txt, from rows of
    (language, text, the n-gram model's answer)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    texts = [text for _, text, _ in rows]
    labels = [lang for lang, _, _ in rows]
    codes = [code for _, _, code in rows]
    seen, fold = collections.Counter(), []
    for lang in labels:
        fold.append(seen[lang] % FOLDS)
        seen[lang] += 1
    out_of_fold = np.zeros((len(rows), 2))
    for held in range(FOLDS):
        inside = [i for i, f in enumerate(fold) if f != held]
        outside = [i for i, f in enumerate(fold) if f == held]
        first = NaiveBayes(group, [texts[i] for i in inside], [labels[i] for i in inside])
        out_of_fold[outside] = first.log_odds([texts[i] for i in outside])
    inputs = np.array(
        [
            [*odds, pair_lead(text, group, sibling_words), code == group[1], code == group[0]]
            + [len(shipped.words(text))]
            for text, code, odds in zip(texts, codes, out_of_fold)
        ],
        dtype=float,
    )
    consulted = np.array([code in group for code in codes])
    calibration = LogisticRegression(C=CALIBRATION_C, max_iter=1000)
    calibration.fit(inputs[consulted], np.array(labels)[consulted] == group[1])
    gram, word, lead, second_chosen, first_chosen, per_word = calibration.coef_[0]
    first = NaiveBayes(group, texts, labels)

    def row(log_odds):
        return [-log_odds / 2, log_odds / 2]

    weights = {}
    for (kind, key), delta in zip(first.names, first.delta):
        log_odds = delta * (word if kind == "word" else gram)
        if kind == "gram" and len(key) == 2 and key.startswith("<"):
            log_odds += per_word
        weights[(kind, key)] = row(log_odds)
    # shipped.decide counts the model's choice MODEL_VALUE times.
    weights[("model", group[1])] = row(second_chosen / shipped.MODEL_VALUE)
    weights[("model", group[0])] = row(first_chosen / shipped.MODEL_VALUE)
    for first_language, second_language in sibling_words:
        if {first_language, second_language} == set(group):
            sign = 1 if first_language == group[1] else -1
            weights[("words", f"{first_language} {second_language}")] = row(sign * lead)
    return row(calibration.intercept_[0] + offset), weights


def log_odds(group, model, text, code, sibling_words):
    """The second stage's log odds of the pair's second language, as `decide` adds them."""
    bias, weights = model
    total = bias[1] - bias[0]
    for feature, value in [
        *shipped.features(text, code).items(),
        *shipped.leads(text, group, sibling_words).items(),
    ]:
        row = weights.get(feature)
        if row:
            total += (row[1] - row[0]) * value
    return total


def pair_rows(answered, group, keep=lambda index: True):
    """(file, language, text, model's answer) of the pair's languages, `keep` by the line's
    number within its language (1, 2, ...)."""
    rows = []
    for file in FILES:
        seen = collections.Counter()
        for lang, text, code in answered[file]:
            if lang in group:
                seen[lang] += 1
                if keep(seen[lang]):
                    rows.append((file, lang, text, code))
    return rows


def accuracies(rows, choices):
    """Per (file, language), the share of `choices` that are right."""
    right = collections.defaultdict(list)
    for (file, lang, _, _), choice in zip(rows, choices):
        right[(file, lang)].append(choice == lang)
    return {key: sum(v) / len(v) for key, v in right.items()}


def previous_choices(group, model, rows, sibling_words):
    if model is None:
        return [code for _, _, _, code in rows]
    return [
        shipped.decide(group, *model, text, code, sibling_words) if code in group else code
        for _, _, text, code in rows
    ]


def calibrated_choices(group, rows, odds, offset):
    return [
        code if code not in group else group[1] if value + offset > 0 else group[0]
        for (_, _, _, code), value in zip(rows, odds)
    ]


def cross_validate(group, tuning, sibling_words):
    """The threshold's sweep in two-fold cross-validation inside the tuning half, and the
    offset chosen (None when no offset keeps both languages' sentences)."""
    rows, before, odds = [], [], []
    for fold in (0, 1):
        train = pair_rows(tuning, group, lambda i: i % 2 != fold)
        test = pair_rows(tuning, group, lambda i: i % 2 == fold)
        train_rows = [(lang, text, code) for _, lang, text, code in train]
        model = train_calibrated(group, train_rows, sibling_words)
        previous = PREVIOUS[group]
        old = previous(group, train_rows, sibling_words) if previous else None
        rows += test
        before += previous_choices(group, old, test, sibling_words)
        odds += [log_odds(group, model, text, code, sibling_words) for _, _, text, code in test]
    was = accuracies(rows, before)
    swept = {
        offset: accuracies(rows, calibrated_choices(group, rows, odds, offset))
        for offset in OFFSETS
    }

    def mean(result):
        return sum(result.values()) / len(result)

    def shown(result):
        return "  ".join(
            f"{file[:4]} " + "/".join(f"{100 * result[(file, lang)]:.0f}" for lang in group)
            for file in FILES
        )

    print(f"{'/'.join(group)}: cross-validated inside the tuning half (sentences, pairs, words)")
    print(f"  previous      {shown(was)}  mean {mean(was):.1%}")
    for offset, result in swept.items():
        print(f"  offset {offset:+5.2f} {shown(result)}  mean {mean(result):.1%}")
    allowed = [
        offset
        for offset, result in swept.items()
        if all(result[("sentences.tsv", l)] >= was[("sentences.tsv", l)] - 0.01 for l in group)
    ]
    better = [offset for offset in allowed if mean(swept[offset]) > mean(was)]
    chosen = max(better, key=lambda offset: (mean(swept[offset]), -abs(offset)), default=None)
    print(f"  chosen offset: {chosen}")
    return chosen


def markers(text, lang):
    found = re.findall(r"\w+", text.lower())
    return any(
        word == marker if len(marker) < WHOLE_WORD else word.startswith(marker)
        for marker in MARKERS[lang].split()
        for word in found
    )


def compare(group, tuning, held_out, offset, sibling_words):
    train_rows = [(l, t, c) for _, l, t, c in pair_rows(tuning, group)]
    previous = PREVIOUS[group]
    old = previous(group, train_rows, sibling_words) if previous else None
    model = train_calibrated(group, train_rows, sibling_words, offset)
    results = {}
    for half, answered in (("tuning", tuning), ("held-out", held_out)):
        rows = pair_rows(answered, group)
        odds = [log_odds(group, model, text, code, sibling_words) for _, _, text, code in rows]
        results[half] = (
            rows,
            previous_choices(group, old, rows, sibling_words),
            calibrated_choices(group, rows, odds, 0.0),
        )
    for name, halves in (("held-out", ["held-out"]), ("whole set", ["tuning", "held-out"])):
        rows = [r for h in halves for r in results[h][0]]
        for label, column in (("previous", 1), ("second stage", 2)):
            result = accuracies(rows, [c for h in halves for c in results[h][column]])
            print(
                f"  {name:9} {label:12} "
                + "  ".join(
                    f"{file[:4]} "
                    + " ".join(f"{lang} {100 * result[(file, lang)]:.1f}" for lang in group)
                    for file in FILES
                )
            )
    if not all(lang in MARKERS for lang in group):
        return
    rows, before, _ = results["held-out"]
    kinds = collections.Counter()
    for (file, lang, text, code), choice in zip(rows, before):
        if file != "sentences.tsv" or choice == lang:
            continue
        sibling = next(other for other in group if other != lang)
        own, other = markers(text, lang), markers(text, sibling)
        kinds[
            "outside the pair"
            if choice not in group
            else "own marker"
            if own and not other
            else "sibling's marker"
            if other and not own
            else "both"
            if own
            else "no marker"
        ] += 1
    print(f"  held-out sentence errors of the previous decider: {dict(kinds)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", default=os.path.join(REPO, "..", "shared", "devset", "langid"))
    parser.add_argument("--baseline", required=True, help="a build without the discriminator")
    args = parser.parse_args()
    pinned_venv.ensure(shipped.VENV, shipped.REQUIREMENTS, ["numpy", "sklearn"])
    sibling_words = shipped.read_sibling_words()
    tuning = shipped.model_answers(args.devset, "tuning", args.baseline)
    held_out = shipped.model_answers(args.devset, "held-out", args.baseline)
    for group in PREVIOUS:
        offset = cross_validate(group, tuning, sibling_words)
        if offset is not None:
            compare(group, tuning, held_out, offset, sibling_words)


if __name__ == "__main__":
    main()
