#!/usr/bin/env python3
"""Measures Winnow's language model (langid.bin) on the development set.

    python3 scripts/score_langid_model.py [--model PATH] [--devset ../shared/devset/langid]

A plain-Python twin of NgramLanguageModel.swift: it reads the same binary file and scores the
same way (lowercase, letters only, Han/kana/Hangul letters as one-letter words, candidates are
the languages of the dominant script, longest n-gram (up to 5) ending at each letter with a
penalty per backed-off order, letters of capitalized words weighted by CAPITALIZED_WORD_WEIGHT).
Prints the accuracy per file, averaged over languages.
"""

import argparse
import collections
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from langid_layout import Reader  # noqa: E402
from train_langid_model import ngram_hash  # noqa: E402

# Mirror ModelScriptRange.swift (first, last, script) and ModelScriptTable.swift.
SCRIPT_RANGES = [
    (0x41, 0x5A, "Latin"),
    (0x61, 0x7A, "Latin"),
    (0xAA, 0xAA, "Latin"),
    (0xBA, 0xBA, "Latin"),
    (0xC0, 0xD6, "Latin"),
    (0xD8, 0xF6, "Latin"),
    (0xF8, 0x2AF, "Latin"),
    (0x370, 0x3FF, "Greek"),
    (0x400, 0x52F, "Cyrillic"),
    (0x530, 0x58F, "Armenian"),
    (0x590, 0x5FF, "Hebrew"),
    (0x600, 0x6FF, "Arabic"),
    (0x750, 0x77F, "Arabic"),
    (0x8A0, 0x8FF, "Arabic"),
    (0x900, 0x97F, "Devanagari"),
    (0x980, 0x9FF, "Bengali"),
    (0xA00, 0xA7F, "Gurmukhi"),
    (0xA80, 0xAFF, "Gujarati"),
    (0xB80, 0xBFF, "Tamil"),
    (0xC00, 0xC7F, "Telugu"),
    (0xE00, 0xE7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2C60, 0x2C7F, "Latin"),
    (0x2D00, 0x2D2F, "Georgian"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x2E80, 0x2FDF, "Han"),
    (0x3005, 0x3007, "Han"),
    (0x3021, 0x3029, "Han"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"),
    (0x3130, 0x318F, "Hangul"),
    (0x31F0, 0x31FF, "Katakana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA720, 0xA7FF, "Latin"),
    (0xA960, 0xA97F, "Hangul"),
    (0xAC00, 0xD7FF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF21, 0xFF3A, "Latin"),
    (0xFF41, 0xFF5A, "Latin"),
    (0xFF66, 0xFF9F, "Katakana"),
    (0xFFA0, 0xFFDC, "Hangul"),
    (0x20000, 0x3FFFF, "Han"),
]
# Mirror NgramLanguageModel.beamInterval, .beamWidth, .beamStart and .chunkSize.
BEAM_INTERVAL = 8
BEAM_WIDTH = 40.0
BEAM_START = 24
CHUNK_SIZE = 24
# Mirror NgramLanguageModel.capitalizedWordWeight.
CAPITALIZED_WORD_WEIGHT = 0.5
ONE_LETTER_WORD_SCRIPTS = {"Han", "Hiragana", "Katakana", "Hangul"}
LANGUAGES_BY_SCRIPT = {
    "Latin": "af az bs ca cs cy da de en eo es et eu fi fr ga hr hu id is it la lg lt lv mi ms "
    "nb nl nn pl pt ro sk sl sn so sq st sv sw tl tn tr ts vi xh yo zu".split(),
    "Cyrillic": "be bg kk mk mn ru sr uk".split(),
    "Arabic": "ar fa ur".split(),
    "Devanagari": "hi mr".split(),
    "Han": "ja zh".split(),
    "Hiragana": ["ja"],
    "Katakana": ["ja"],
    "Hangul": ["ko"],
    "Greek": ["el"],
    "Hebrew": ["he"],
    "Armenian": ["hy"],
    "Georgian": ["ka"],
    "Bengali": ["bn"],
    "Gurmukhi": ["pa"],
    "Gujarati": ["gu"],
    "Tamil": ["ta"],
    "Telugu": ["te"],
    "Thai": ["th"],
}


def script_of(scalar):
    code = ord(scalar)
    for first, last, script in SCRIPT_RANGES:
        if first <= code <= last:
            return script
    return None


class Model:
    def __init__(self, path):
        with open(path, "rb") as handle:
            self.reader = Reader(handle.read())
        self.languages = self.reader.languages
        self.step, self.backoff, self.unseen = self.reader.constants
        self.cache = {}

    def postings(self, ngram):
        """{language index: log probability} of an n-gram, memoized for speed in Python."""
        found = self.cache.get(ngram)
        if found is None:
            entries = self.reader.entries(ngram_hash(ngram))
            found = {language: -quantum * self.step for language, quantum in entries}
            self.cache[ngram] = found
        return found

    def add_letter(self, prefix, weight, candidates, scores):
        """Adds to `scores` each candidate's log probability of the last letter of `prefix`:
        the longest n-gram (up to 5) ending there that it knows, less a penalty per order
        backed off, or the unseen penalty."""
        longest = min(5, len(prefix))
        unresolved = set(candidates)
        for order in range(longest, 0, -1):
            for language, log_probability in self.postings(prefix[len(prefix) - order :]).items():
                if language in unresolved:
                    unresolved.discard(language)
                    scores[language] += weight * (
                        log_probability + (longest - order) * self.backoff
                    )
            if not unresolved:
                break
        for language in unresolved:
            scores[language] += weight * self.unseen

    def rank(self, text, candidates):
        """Candidates best first as (code, weighted mean log-probability per letter), each letter
        weighted as its word (see `words`). Every BEAM_INTERVAL letters from BEAM_START on,
        candidates more than BEAM_WIDTH (times the mean letter weight) behind the best stop being
        scored; they rank after the survivors, by their mean when they were dropped. Scoring
        stops as soon as a drop leaves a single candidate (a lone candidate from the start is
        scored on CHUNK_SIZE letters)."""
        alive = [self.languages.index(code) for code in candidates]
        scores = dict.fromkeys(alive, 0.0)
        dropped = {}
        letters = 0
        total_weight = 0.0
        for word, weight in words(text):
            for end in range(1, len(word) + 1):
                if letters % CHUNK_SIZE == 0 and letters > 0 and len(alive) == 1:
                    break
                letters += 1
                total_weight += weight
                self.add_letter(word[:end], weight, alive, scores)
                if letters % BEAM_INTERVAL == 0 and letters >= BEAM_START and len(alive) > 1:
                    top = max(scores[language] for language in alive)
                    floor = top - BEAM_WIDTH * total_weight / letters
                    for language in [language for language in alive if scores[language] < floor]:
                        dropped[language] = scores[language] / total_weight
                        alive.remove(language)
                    if len(alive) == 1:
                        break
            else:
                continue
            break
        if letters == 0:
            return []
        survivors = sorted(((-scores[i] / total_weight, self.languages[i]) for i in alive))
        others = sorted(((-mean, self.languages[i]) for i, mean in dropped.items()))
        return [(code, -negative) for negative, code in survivors + others]

    def totals(self, text, candidates, letter_limit):
        """Each candidate's weighted log-likelihood over the first `letter_limit` letters, all
        scored to the end (no beam): NgramLanguageModel.verdict with an infinite beam width."""
        indices = [self.languages.index(code) for code in candidates]
        scores = dict.fromkeys(indices, 0.0)
        letters = 0
        for word, weight in words(text):
            for end in range(1, len(word) + 1):
                if letters == letter_limit:
                    break
                letters += 1
                self.add_letter(word[:end], weight, indices, scores)
        return {self.languages[index]: score for index, score in scores.items()}


def words(text):
    """Lowercased letter runs with their weight (CAPITALIZED_WORD_WEIGHT when the first letter
    changed when lowercased, else 1); a Han, kana or Hangul letter is a word of its own."""
    result, current, weight = [], [], 1.0
    for scalar in text:
        lowered_scalar = scalar.lower()
        for lowered in lowered_scalar:
            if unicodedata.category(lowered)[0] != "L":
                if current:
                    result.append(("".join(current), weight))
                    current = []
            elif script_of(lowered) in ONE_LETTER_WORD_SCRIPTS:
                if current:
                    result.append(("".join(current), weight))
                    current = []
                result.append((lowered, 1.0))
            else:
                if not current:
                    weight = CAPITALIZED_WORD_WEIGHT if lowered_scalar != scalar else 1.0
                current.append(lowered)
    if current:
        result.append(("".join(current), weight))
    return result


def dominant_script(text):
    counts = collections.Counter()
    for word, _ in words(text):
        for scalar in word:
            script = script_of(scalar)
            if script in LANGUAGES_BY_SCRIPT:
                counts[script] += 1
    return counts.most_common(1)[0][0] if counts else None


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--model", default=os.path.join(root, "Sources/CWinnowLangModel/langid.bin")
    )
    parser.add_argument(
        "--devset", default=os.path.join(os.path.dirname(root), "shared/devset/langid")
    )
    parser.add_argument("--per-language", type=int, default=0, help="0 means all lines")
    parser.add_argument("files", nargs="*", default=["sentences", "pairs", "words"])
    arguments = parser.parse_args()
    model = Model(arguments.model)
    for name in arguments.files:
        lines = collections.defaultdict(list)
        with open(os.path.join(arguments.devset, f"{name}.tsv"), encoding="utf-8") as file:
            for line in file:
                language, text = line.rstrip("\n").split("\t", 1)
                lines[language].append(text)
        accuracies = {}
        for language, texts in sorted(lines.items()):
            if arguments.per_language:
                texts = texts[: arguments.per_language]
            right = 0
            for text in texts:
                script = dominant_script(text)
                ranked = model.rank(text, LANGUAGES_BY_SCRIPT.get(script, [])) if script else []
                right += bool(ranked) and ranked[0][0] == language
            accuracies[language] = right / len(texts)
        worst = sorted(accuracies.items(), key=lambda item: item[1])[:8]
        print(
            f"{name}: {100 * sum(accuracies.values()) / len(accuracies):.2f} % "
            f"(worst: {', '.join(f'{k} {100 * v:.0f}' for k, v in worst)})",
            flush=True,
        )


if __name__ == "__main__":
    main()
