#!/usr/bin/env python3
"""Builds Sources/CWinnowLangModel/sibling_words.txt: the words that tell close siblings apart.

It also writes siblings_stamp.h beside it (the file's size and SHA-256), so that the build
reassembles siblings.S, which includes the file with .incbin, whenever the file changes.

Usage: scripts/train_sibling_words.py [--output FILE]

The character n-gram model cannot separate some close siblings (Malay and Indonesian, Bokmål,
Nynorsk and Danish, ...): their letter sequences are nearly the same, their words are not.
For each pair of siblings this writes the words whose frequency differs most between the two,
each with a weight: the natural log of how much more often the first language uses it than the
second (negative: the second), clipped to +-MAX_WEIGHT. The language stage adds these weights
over a text's words when the model's two best candidates are such a pair.

Evidence comes from openly licensed word data on PyPI (see NOTICE), never from the development
sets scripts/score_langid.py scores:
- wordfreq 3.1.1 (data CC BY-SA 4.0): word frequencies of ms, id, nb, da, cs, sk, es, pt, ca.
- simplemma 2.0.0 (MIT; word forms from lexicons and Wiktionary): which word forms Nynorsk
  and Bokmål have, since wordfreq has no Nynorsk list. A frequent Bokmål word that Nynorsk
  lacks counts for Bokmål (and against Nynorsk beside Danish), a Nynorsk form that Bokmål
  lacks counts NYNORSK_ONLY for Nynorsk, when it is used at all: wordfreq's large Bokmål list,
  which has some Nynorsk text in it, knows it. (The other 62,000 forms are too rare to matter.)

The script installs its pinned dependencies into .build/sibling-venv and re-runs itself there.
"""

import argparse
import math
import os
import sys

import embedded_file
import pinned_venv

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "sibling-venv")
REQUIREMENTS = ["wordfreq==3.1.1", "simplemma==2.0.0"]
OUTPUT = os.path.join(REPO, "Sources", "CWinnowLangModel", "sibling_words.txt")

# Pairs told apart by frequency lists (both languages in wordfreq).
FREQUENCY_PAIRS = [
    ("id", "ms"),
    ("da", "nb"),
    ("cs", "sk"),
    ("es", "pt"),
    ("ca", "es"),
    ("ca", "pt"),
]
# Pairs with Nynorsk, told apart by simplemma's Nynorsk word forms and the other's frequencies.
NYNORSK_PAIRS = [("nb", "nn"), ("da", "nn")]
# Frequencies below this are not in wordfreq's small lists: a word missing from one list is
# taken to have this frequency there.
FLOOR = 1e-6
# A word must be this much more frequent in one language to be kept, and weighs at most this.
MIN_WEIGHT = 0.7
MAX_WEIGHT = 4.0
# A Nynorsk form that Bokmål (or Danish) lacks: about as telling as a word 20 times as common
# in one language.
NYNORSK_ONLY = 3.0
# Words kept per pair, most frequent first: the rest are too rare to matter on web text.
WORDS_PER_PAIR = 6000


def is_word(word):
    return len(word) >= 2 and word.isalpha() and word == word.lower()


def frequencies(language):
    import wordfreq

    return {
        w: f
        for w, f in wordfreq.get_frequency_dict(language, wordlist="small").items()
        if is_word(w)
    }


def word_forms(language):
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary(language)
    forms = set()
    for form, lemma in dictionary.items():
        forms.add(form.lower())
        forms.add(lemma.lower())
    return {w for w in forms if is_word(w)}


def clip(weight):
    return max(-MAX_WEIGHT, min(MAX_WEIGHT, weight))


def frequency_pair(first, second):
    """Weights from two frequency lists: log ratio of the frequencies."""
    a, b = frequencies(first), frequencies(second)
    weights = {}
    for word in set(a) | set(b):
        fa, fb = a.get(word, 0.0), b.get(word, 0.0)
        weight = clip(math.log((fa + FLOOR) / (fb + FLOOR)))
        if abs(weight) >= MIN_WEIGHT:
            weights[word] = (weight, max(fa, fb))
    return weights


def nynorsk_only_forms():
    """Nynorsk word forms that Bokmål lacks and that are in use."""
    import wordfreq

    used = wordfreq.get_frequency_dict("nb", wordlist="large")
    return {word for word in word_forms("nn") - word_forms("nb") if word in used}


def nynorsk_pair(other, nynorsk_forms, nynorsk_only):
    """Weights for (other, nn): frequent words of `other` that Nynorsk lacks count for
    `other`; Nynorsk forms that Bokmål lacks (and `other` does not use) count for Nynorsk."""
    frequent = frequencies(other)
    weights = {}
    for word, frequency in frequent.items():
        if word not in nynorsk_forms:
            weight = clip(math.log(frequency / FLOOR) / 2)
            if weight >= MIN_WEIGHT:
                weights[word] = (weight, frequency)
    for word in nynorsk_only:
        if frequent.get(word, 0.0) < 10 * FLOOR:
            weights[word] = (-NYNORSK_ONLY, 0.0)
    return weights


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()
    pinned_venv.ensure(VENV, REQUIREMENTS, ["wordfreq", "simplemma"])
    tables = {pair: frequency_pair(*pair) for pair in FREQUENCY_PAIRS}
    nynorsk, nynorsk_only = word_forms("nn"), nynorsk_only_forms()
    for pair in NYNORSK_PAIRS:
        tables[pair] = nynorsk_pair(pair[0], nynorsk, nynorsk_only)
    lines = [
        "# Words that tell close siblings apart, by scripts/train_sibling_words.py (see NOTICE).",
        "# pair A B, then one line per word: WORD WEIGHT, the weight in tenths of a natural log,",
        "# positive for A. Do not edit by hand.",
    ]
    for (first, second), weights in tables.items():
        # Frequent words first; Nynorsk-only forms (no frequency) after them, alphabetically.
        ranked = sorted(weights.items(), key=lambda item: (-item[1][1], item[0]))
        frequent = [item for item in ranked if item[1][1] > 0][:WORDS_PER_PAIR]
        unranked = [item for item in ranked if item[1][1] == 0]
        lines.append(f"pair {first} {second}")
        for word, (weight, _) in sorted(frequent + unranked):
            lines.append(f"{word} {round(weight * 10)}")
        print(
            f"{first}/{second}: {len(frequent)} frequent words, {len(unranked)} forms",
            file=sys.stderr,
        )
    data = ("\n".join(lines) + "\n").encode("utf-8")
    embedded_file.write(args.output, data, "WN_SIBLING_WORDS", "siblings.S")
    print(f"wrote {args.output} ({os.path.getsize(args.output)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
