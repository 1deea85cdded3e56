#!/usr/bin/env python3
"""Scores the language segments of `winnow clean` on generated mixed-language pages.

Usage: scripts/eval_segments.py [WINNOW_BINARY] [--devset DIR] [--pages N] [--seed S]
                                [--boilerplate] [--half tuning|held-out] [--list-splits]
                                [--compare-lines]

Pages are built from ../shared/devset/langid/sentences.tsv with a seeded random generator:
- mixed pages: 2 or 3 languages, 3 to 6 paragraphs of 2 to 4 sentences each, every paragraph
  in one language and neighbouring paragraphs in different ones;
- sibling pages: the same with the two languages of a pair of close siblings
  (SIBLING_PAIRS: da/nb, id/ms, bs/hr, cs/sk, es/pt, es/ca, af/nl), --sibling-pages of each;
- name pages: 3 paragraphs of 2 to 4 sentences in one language of the Latin or Cyrillic
  script, with one foreign name in another script (Han, Cyrillic, Greek, Hangul, Arabic, or
  Latin for a Cyrillic page) put inside one sentence.
- quote pages: 3 paragraphs in one language, the middle one long enough to be read sentence
  by sentence and holding one sentence of at least QUOTE_LETTERS letters in another language
  of the same script (not a sibling the segmenter merges on purpose, such as ms/id).
They go through `winnow clean --input-format jsonl` as one JSONL file, with the boilerplate
stage switched off (unless --boilerplate) so that the output keeps every paragraph and the
score measures the language stage alone. Pages whose output does not keep all paragraphs are
left out and counted.

Segment F1 (over mixed pages): the gold segments of a page are its paragraphs, with
neighbouring paragraphs of one language merged, in code points of the output text. A predicted
segment (the `segments` of the record, neighbours with the same language merged, `und` included)
is correct when a gold segment has the same language and both its start and end lie within
BOUNDARY_SLACK code points of the gold ones (a line break or space may fall on either side).
Precision = correct predicted / predicted, recall = matched gold / gold, both summed over all
pages, and F1 = 2PR / (P + R). The same pages are also scored per line: `winnow langid` labels
each paragraph on its own, and neighbouring paragraphs with one label form a segment. Each line
reports both, for the mixed pages, the sibling pages, and all of them together.

Quote recall (over quote pages): the foreign sentence comes out as a segment of its own language,
its ends within BOUNDARY_SLACK code points of the sentence's.

False split (over name pages): the page comes out as more than one segment once neighbours
with the same language are merged (the name, or the text around it, got a segment or a
language of its own). Caused by the name: split, while the same page without the name is not
(the dev sentences hold some whole sentences in another language, which split a page with or
without a name). The page language must also be the language of its sentences; pages
where it is not are counted apart. --list-splits prints every split with its kind (see
`split_kind`), the segment that split it and whether `winnow langid` splits the page per line.
--compare-lines prints every paragraph of the mixed and sibling pages that only one of the two
views labels right (the document view: every segment over the paragraph in its language), with
its length: longer than SPLIT_CHARS, the document view reads it sentence by sentence.
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_langid_model import LANGUAGES_BY_SCRIPT  # noqa: E402

BOUNDARY_SLACK = 2
NAMES = {
    "Hani": ["习近平", "李克强", "王小明", "張學友", "周杰倫", "刘慈欣", "孔子", "毛泽东"],
    "Cyrl": ["Владимир Путин", "Лев Толстой", "Юрий Гагарин", "Фёдор Достоевский", "Москва"],
    "Grek": ["Αλέξης Τσίπρας", "Σωκράτης", "Αθήνα", "Νίκος Καζαντζάκης"],
    "Hang": ["김정은", "문재인", "서울", "방탄소년단", "이순신"],
    "Arab": ["محمد", "القاهرة", "نجيب محفوظ", "عبد الله"],
    "Latn": ["Microsoft", "Angela Merkel", "New York", "Google", "Emmanuel Macron"],
}
LATIN_NAME_SCRIPTS = ["Hani", "Cyrl", "Grek", "Hang", "Arab"]
CYRILLIC = set(LANGUAGES_BY_SCRIPT["Cyrillic"])
QUOTE_LETTERS = 120
# Close siblings: a quote in one inside the other is not asked for.
SIBLINGS = [{"bs", "hr", "sr"}, {"ms", "id"}, {"nb", "nn", "da"}]
SIBLING_PAIRS = [
    ("da", "nb"),
    ("id", "ms"),
    ("bs", "hr"),
    ("cs", "sk"),
    ("es", "pt"),
    ("es", "ca"),
    ("af", "nl"),
]
SPLIT_CHARS = 400


def read_sentences(path, half=None):
    """Sentences by language; with `half`, only every other line of each language, split as
    scripts/score_langid.py splits them (the tuning half trains the sibling discriminator)."""
    by_language = collections.defaultdict(list)
    seen = collections.Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            language, _, text = line.rstrip("\n").partition("\t")
            text = " ".join(text.split())
            if not language:
                continue
            seen[language] += 1
            if half and (seen[language] % 2 == 1) != (half == "tuning"):
                continue
            if text:
                by_language[language].append(text)
    return by_language


def paragraph(rng, sentences, language):
    return " ".join(rng.sample(sentences[language], rng.randint(2, 4)))


def mixed_page(rng, sentences, languages, count=None):
    chosen = rng.sample(languages, count or rng.randint(2, 3))
    order = []
    for _ in range(rng.randint(3, 6)):
        options = [code for code in chosen if not order or code != order[-1]]
        order.append(rng.choice(options))
    return [(paragraph(rng, sentences, code), code) for code in order]


def name_page(rng, sentences, latin_languages):
    language = rng.choice(latin_languages + sorted(CYRILLIC & set(sentences)))
    script = "Latn" if language in CYRILLIC else rng.choice(LATIN_NAME_SCRIPTS)
    paragraphs = [paragraph(rng, sentences, language) for _ in range(3)]
    twin = [(text, language) for text in paragraphs]
    target = rng.randrange(3)
    words = paragraphs[target].split(" ")
    words.insert(rng.randrange(1, len(words)), rng.choice(NAMES[script]))
    paragraphs[target] = " ".join(words)
    return [(text, language) for text in paragraphs], twin


def letters(text):
    return sum(ch.isalpha() for ch in text)


def quote_page(rng, sentences, languages):
    """(paragraphs as (text, language), quote sentence, quote language)."""
    while True:
        language = rng.choice(languages)
        script = next(s for s, codes in LANGUAGES_BY_SCRIPT.items() if language in codes)
        related = next((group for group in SIBLINGS if language in group), {language})
        others = [
            code
            for code in LANGUAGES_BY_SCRIPT[script]
            if code in sentences and code not in related
        ]
        quotes = [
            (code, text)
            for code in others
            for text in sentences[code]
            if letters(text) >= QUOTE_LETTERS
        ]
        if quotes:
            break
    quote_language, quote = rng.choice(quotes)
    own = rng.sample(sentences[language], min(8, len(sentences[language])))
    middle = own[:2]
    while len(" ".join(middle)) + len(quote) <= SPLIT_CHARS + 50 and len(middle) < len(own) - 2:
        middle.append(own[len(middle)])
    middle.insert(rng.randrange(1, len(middle)), quote)
    paragraphs = [(own[-2], language), (" ".join(middle), language), (own[-1], language)]
    return paragraphs, quote, quote_language


def gold_segments(paragraphs, output_text):
    """(start, end, language) per run of paragraphs in one language, in code points of the
    output, or None when the output lost or gained paragraphs."""
    lines = output_text.split("\n")
    if len(lines) != len(paragraphs):
        return None
    segments = []
    position = 0
    for index, (line, (_, language)) in enumerate(zip(lines, paragraphs)):
        end = position + len(line) + (1 if index < len(lines) - 1 else 0)
        if segments and segments[-1][2] == language:
            segments[-1] = (segments[-1][0], end, language)
        else:
            segments.append((position, end, language))
        position = end
    return segments


def merged(segments):
    result = []
    for segment in segments:
        start, end, language = segment["start"], segment["end"], segment["language"]
        if result and result[-1][2] == language:
            result[-1] = (result[-1][0], end, language)
        else:
            result.append((start, end, language))
    return result


def matches(predicted, gold):
    return (
        predicted[2] == gold[2]
        and abs(predicted[0] - gold[0]) <= BOUNDARY_SLACK
        and abs(predicted[1] - gold[1]) <= BOUNDARY_SLACK
    )


def split_kind(page_language, segment):
    """What kind of text split a name page: `sibling` (a language of the page language's
    sibling group or pair), `other script`, `und`, or `same script` (another language)."""
    language = segment["language"]
    if language == "und":
        return "und"
    related = [group for group in SIBLINGS if page_language in group] + [
        set(pair) for pair in SIBLING_PAIRS if page_language in pair
    ]
    if any(language in group for group in related):
        return "sibling"
    page_script = next(
        (s for s, codes in LANGUAGES_BY_SCRIPT.items() if page_language in codes), None
    )
    segment_script = next(
        (s for s, codes in LANGUAGES_BY_SCRIPT.items() if language in codes), None
    )
    return "same script" if page_script == segment_script else "other script"


def line_disagreements(paragraphs, record, line_codes):
    """The paragraphs that only one view labels right, as printable lines."""
    rows = []
    position = 0
    for index, (line, (_, gold)) in enumerate(zip(record["text"].split("\n"), paragraphs)):
        end = position + len(line)
        overlapping = [
            segment
            for segment in record.get("segments", [])
            if min(end, segment["end"]) - max(position, segment["start"]) > BOUNDARY_SLACK
        ]
        document_right = {segment["language"] for segment in overlapping} == {gold}
        if document_right != (line_codes[index] == gold):
            length = "long" if len(line) > SPLIT_CHARS else "short"
            labels = ", ".join(
                f"{segment['language']} {segment['confidence']:.3f}" for segment in overlapping
            )
            rows.append(
                f"  {length} {'per line' if document_right else 'document'} wrong: "
                f"{gold} after {paragraphs[index - 1][1] if index else '-'}, {len(line)} chars, "
                f"document [{labels}], per line {line_codes[index]}: {line[:100]!r}"
            )
        position = end + 1
    return rows


def list_splits(binary, splits):
    """Prints each split name page (language, record, twin split too) by kind."""
    lines = [line for _, record, _ in splits for line in record["text"].split("\n")]
    codes = iter(run_langid(binary, lines))
    by_kind = collections.defaultdict(list)
    for language, record, twin_split in splits:
        per_line = {next(codes) for _ in record["text"].split("\n")}
        foreign = [s for s in record["segments"] if s["language"] != language]
        text = record["text"]
        for segment in foreign or record["segments"][:1]:
            kind = split_kind(language, segment) if foreign else "page language wrong"
            by_kind[kind].append(
                f"  {record['id']:>4} {language} -> {segment['language']} "
                f"{segment['confidence']:.3f} {segment['end'] - segment['start']:>4} chars"
                f"{' (twin splits too)' if twin_split else ' (the name)'}"
                f"{' (per line too)' if len(per_line) > 1 else ''}: "
                f"{text[segment['start'] : segment['end']][:160]!r}"
            )
    for kind, entries in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        print(f"{kind}: {len(entries)} segments")
        print("\n".join(entries))


def run_winnow(binary, pages, boilerplate):
    with tempfile.TemporaryDirectory() as directory:
        source = os.path.join(directory, "pages.jsonl")
        with open(source, "w", encoding="utf-8") as handle:
            for identifier, paragraphs in enumerate(pages):
                text = "\n".join(text for text, _ in paragraphs)
                handle.write(
                    json.dumps({"id": identifier, "text": text}, ensure_ascii=False) + "\n"
                )
        config = os.path.join(directory, "config.yaml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(f"boilerplate:\n  enabled: {'true' if boilerplate else 'false'}\n")
        output = os.path.join(directory, "out.jsonl")
        result = subprocess.run(
            [
                binary,
                "clean",
                source,
                "--input-format",
                "jsonl",
                "--config",
                config,
                "--progress",
                "never",
                "-o",
                output,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            sys.exit(f"{binary} clean exited {result.returncode}: {result.stderr.strip()}")
        records = {}
        with open(output, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                records[record["id"]] = record
        return records


def run_langid(binary, lines):
    with tempfile.TemporaryDirectory() as directory:
        source = os.path.join(directory, "lines.txt")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write("".join(line + "\n" for line in lines))
        result = subprocess.run(
            [binary, "langid", source], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            sys.exit(f"{binary} langid exited {result.returncode}: {result.stderr.strip()}")
        return result.stdout.split("\n")[: len(lines)]


def per_line_segments(output_text, codes):
    """Segments of the output text with one label per line, as `merged` takes them."""
    segments = []
    position = 0
    lines = output_text.split("\n")
    for index, (line, code) in enumerate(zip(lines, codes)):
        end = position + len(line) + (1 if index < len(lines) - 1 else 0)
        segments.append({"start": position, "end": end, "language": code})
        position = end
    return segments


class SegmentScore:
    """Segment precision, recall and F1 summed over pages."""

    def __init__(self):
        self.predicted = self.correct = self.gold = self.matched = 0

    def add(self, predicted, gold):
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.correct += sum(any(matches(p, g) for g in gold) for p in predicted)
        found = sum(any(matches(p, g) for p in predicted) for g in gold)
        self.matched += found
        return found == len(gold)

    def __iadd__(self, other):
        for name in ("predicted", "correct", "gold", "matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def summary(self):
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(root, ".build/release/winnow"))
    parser.add_argument("--devset", default=os.path.join(root, "..", "shared", "devset", "langid"))
    parser.add_argument("--pages", type=int, default=500, help="pages of each kind")
    parser.add_argument("--sibling-pages", type=int, default=50, help="pages of each sibling pair")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--boilerplate", action="store_true", help="leave the stage on")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong pages")
    parser.add_argument(
        "--list-splits",
        action="store_true",
        help="print every false split of the name pages, with its kind",
    )
    parser.add_argument(
        "--compare-lines",
        action="store_true",
        help="print the paragraphs that only the document view or only per line labels right",
    )
    parser.add_argument(
        "--half",
        choices=("tuning", "held-out"),
        help="build pages from this half of the sentences only",
    )
    args = parser.parse_args()

    sentences = read_sentences(os.path.join(args.devset, "sentences.tsv"), args.half)
    languages = sorted(code for code, lines in sentences.items() if len(lines) >= 8)
    latin = [code for code in LANGUAGES_BY_SCRIPT["Latin"] if code in languages]
    rng = random.Random(args.seed)
    mixed = [mixed_page(rng, sentences, languages) for _ in range(args.pages)]
    named = [name_page(rng, sentences, latin) for _ in range(args.pages)]
    quoted = [quote_page(rng, sentences, languages) for _ in range(args.pages)]
    siblings = [
        mixed_page(rng, sentences, list(pair), count=2)
        for pair in SIBLING_PAIRS
        if all(code in languages for code in pair)
        for _ in range(args.sibling_pages)
    ]
    records = run_winnow(
        args.binary,
        mixed
        + [page for page, _ in named]
        + [paragraphs for paragraphs, _, _ in quoted]
        + [twin for _, twin in named]
        + siblings,
        args.boilerplate,
    )
    first_sibling = len(mixed) + 2 * len(named) + len(quoted)

    shown = 0
    totals = {"document": SegmentScore(), "per line": SegmentScore()}
    for kind, pages, first in (("mixed", mixed, 0), ("sibling", siblings, first_sibling)):
        kept = [
            (paragraphs, records.get(first + offset)) for offset, paragraphs in enumerate(pages)
        ]
        kept = [
            (paragraphs, record, gold_segments(paragraphs, record["text"]))
            for paragraphs, record in kept
            if record
        ]
        kept = [page for page in kept if page[2] is not None]
        lines = [line for _, record, _ in kept for line in record["text"].split("\n")]
        codes = iter(run_langid(args.binary, lines))
        scores = {"document": SegmentScore(), "per line": SegmentScore()}
        by_pair = collections.defaultdict(SegmentScore)
        by_pair_per_line = collections.defaultdict(SegmentScore)
        disagreements = []
        for paragraphs, record, gold in kept:
            whole = merged(record.get("segments", []))
            line_codes = [next(codes) for _ in record["text"].split("\n")]
            per_line = merged(per_line_segments(record["text"], line_codes))
            if args.compare_lines:
                disagreements.extend(line_disagreements(paragraphs, record, line_codes))
            scores["per line"].add(per_line, gold)
            pair = "/".join(sorted({code for _, code in paragraphs}))
            by_pair[pair].add(whole, gold)
            by_pair_per_line[pair].add(per_line, gold)
            if not scores["document"].add(whole, gold) and shown < args.show // 2:
                shown += 1
                print("gold", gold, "\npredicted", whole, "\n")
        if args.compare_lines:
            print(f"{kind} pages, paragraphs only one view labels right: {len(disagreements)}")
            print("\n".join(sorted(disagreements)))
        if kind == "sibling":
            for mode, pairs in (("document", by_pair), ("per line", by_pair_per_line)):
                print(
                    f"  {mode} F1 by pair: "
                    + ", ".join(
                        f"{pair} {score.summary().split()[-1]}"
                        for pair, score in sorted(pairs.items())
                    )
                )
        for mode, score in scores.items():
            totals[mode] += score
            print(
                f"{kind + ' pages':13} {len(kept):5}  {mode:8}  {score.summary()}  "
                f"(left out: {len(pages) - len(kept)})"
            )
    for mode, score in totals.items():
        print(f"{'all mixed':13} {'':5}  {mode:8}  {score.summary()}")

    split = by_name = wrong_language = skipped = 0
    splits = []
    twins = len(mixed) + len(named) + len(quoted)
    for offset, (paragraphs, _) in enumerate(named):
        record = records.get(len(mixed) + offset)
        if record is None or gold_segments(paragraphs, record["text"]) is None:
            skipped += 1
            continue
        if len(merged(record.get("segments", []))) > 1:
            split += 1
            twin = records.get(twins + offset)
            twin_split = twin is None or len(merged(twin.get("segments", []))) > 1
            by_name += not twin_split
            splits.append((paragraphs[0][1], record, twin_split))
            if shown < args.show:
                shown += 1
                print(
                    "split",
                    paragraphs[0][1],
                    merged(record["segments"]),
                    record["text"][:300],
                    "\n",
                )
        if record.get("language") != paragraphs[0][1]:
            wrong_language += 1
    kept = len(named) - skipped
    if args.list_splits:
        list_splits(args.binary, splits)
    print(
        f"name pages  {kept:5}  false splits {split / kept if kept else 0:.1%}  "
        f"(caused by the name {by_name / kept if kept else 0:.1%})  page language wrong {wrong_language / kept if kept else 0:.1%}  (left out: {skipped})"
    )

    found = skipped = 0
    for offset, (paragraphs, quote, language) in enumerate(quoted):
        record = records.get(len(mixed) + len(named) + offset)
        start = record["text"].find(quote) if record else -1
        if start < 0:
            skipped += 1
            continue
        end = start + len(quote)
        if any(matches(p, (start, end, language)) for p in merged(record.get("segments", []))):
            found += 1
        elif shown < args.show:
            shown += 1
            print("quote", language, quote[:80], merged(record.get("segments", [])), "\n")
    kept = len(quoted) - skipped
    print(
        f"quote pages {kept:5}  quote recall {found / kept if kept else 0:.1%}  "
        f"(left out: {skipped})"
    )


if __name__ == "__main__":
    main()
