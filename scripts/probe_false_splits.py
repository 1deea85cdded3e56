#!/usr/bin/env python3
"""A census of the false splits of `winnow clean` on the name pages of scripts/eval_segments.py.

Usage: scripts/probe_false_splits.py [WINNOW_BINARY] [--half held-out] [--seed S] [--pages N]

Builds the same pages as scripts/eval_segments.py (same seed, same half, same order), runs only
the name pages and the sibling pages through `winnow clean`, and prints one row per segment
that leaves a name page's language: the page, the paragraph it starts in, the language it was
given and how surely, its length in characters and letters, its script, what `winnow langid`
says of that paragraph alone, the n-gram model's lead per letter of the split language over the
page's (scripts/score_langid_model.py's twin of the Swift model, all letters, no beam) and its
kind:

- `name`: the segment holds the inserted name and the page without it does not split;
- `machine text`: at least MACHINE_SHARE of its letters are in tokens no language writes: HTTP
  header fields (`Cache-Control:`), web addresses and paths, identifiers (`MSG_Mode=`);
- `sibling`: a language of the page language's sibling group or pair;
- `other script` or `same script`: another language.

Then the same lead for every paragraph of the sibling pages, by whether the document view
labelled it right, so that a rule against a kind of split can be weighed against what it
would cost the sibling pages.
"""

import argparse
import collections
import os
import random
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_segments as pages  # noqa: E402
from score_langid_model import LANGUAGES_BY_SCRIPT, Model, dominant_script, words  # noqa: E402

MACHINE_SHARE = 0.2
MACHINE_TOKEN = re.compile(
    r"^(?:[A-Za-z]+(?:-[A-Za-z]+)+:|[A-Za-z]+:$|\S*(?:/|\.[A-Za-z]{2,}\S*/|www[.-]|_|=)\S*)$"
)


def machine_share(text):
    """The share of letters in tokens that are header fields, addresses, paths or identifiers."""
    total = machine = 0
    for token in text.split():
        count = sum(ch.isalpha() for ch in token)
        total += count
        if MACHINE_TOKEN.match(token):
            machine += count
    return machine / total if total else 0.0


def lead_per_letter(model, text, language, rival):
    """The model's mean log-probability per letter of `rival` minus that of `language`."""
    letters = sum(len(word) for word, _ in words(text))
    if not letters:
        return 0.0
    totals = model.totals(text, [language, rival], letters)
    return (totals[rival] - totals[language]) / letters


def kind_of(page_language, segment, text, name, twin_split):
    if name and name in text and not twin_split:
        return "name"
    if machine_share(text) >= MACHINE_SHARE:
        return "machine text"
    return pages.split_kind(page_language, segment)


def paragraph_index(record_text, position):
    return record_text.count("\n", 0, position)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(root, ".build/release/winnow"))
    parser.add_argument("--devset", default=os.path.join(root, "..", "shared", "devset", "langid"))
    parser.add_argument(
        "--model", default=os.path.join(root, "Sources/CWinnowLangModel/langid.bin")
    )
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--sibling-pages", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--half", choices=("tuning", "held-out"))
    args = parser.parse_args()

    # The same generator calls, in the same order, as eval_segments.main.
    sentences = pages.read_sentences(os.path.join(args.devset, "sentences.tsv"), args.half)
    languages = sorted(code for code, lines in sentences.items() if len(lines) >= 8)
    latin = [code for code in LANGUAGES_BY_SCRIPT["Latin"] if code in languages]
    rng = random.Random(args.seed)
    for _ in range(args.pages):
        pages.mixed_page(rng, sentences, languages)
    named = [pages.name_page(rng, sentences, latin) for _ in range(args.pages)]
    for _ in range(args.pages):
        pages.quote_page(rng, sentences, languages)
    siblings = [
        pages.mixed_page(rng, sentences, list(pair), count=2)
        for pair in pages.SIBLING_PAIRS
        if all(code in languages for code in pair)
        for _ in range(args.sibling_pages)
    ]
    records = pages.run_winnow(
        args.binary,
        [page for page, _ in named] + siblings + [twin for _, twin in named],
        boilerplate=False,
    )
    twins = len(named) + len(siblings)
    model = Model(args.model)

    rows = []
    for index, (paragraphs, twin) in enumerate(named):
        record = records.get(index)
        if record is None or len(pages.merged(record.get("segments", []))) < 2:
            continue
        language = paragraphs[0][1]
        inserted = next(
            (
                name
                for names in pages.NAMES.values()
                for name in names
                if name in record["text"] and all(name not in text for text, _ in twin)
            ),
            None,
        )
        twin_record = records.get(twins + index)
        twin_split = twin_record is None or len(pages.merged(twin_record["segments"])) > 1
        lines = record["text"].split("\n")
        for segment in record["segments"]:
            if segment["language"] == language:
                continue
            text = record["text"][segment["start"] : segment["end"]]
            rows.append(
                {
                    "page": index,
                    "language": language,
                    "split": segment["language"],
                    "confidence": segment["confidence"],
                    "chars": len(text),
                    "letters": sum(ch.isalpha() for ch in text),
                    "script": dominant_script(text) or "-",
                    "paragraph": paragraph_index(record["text"], segment["start"]),
                    "paragraph chars": len(
                        lines[paragraph_index(record["text"], segment["start"])]
                    ),
                    "lead": lead_per_letter(model, text, language, segment["language"])
                    if segment["language"] in model.languages and language in model.languages
                    else float("nan"),
                    "kind": kind_of(language, segment, text, inserted, twin_split),
                    "text": text,
                    "line": lines[paragraph_index(record["text"], segment["start"])],
                }
            )
    per_line = iter(pages.run_langid(args.binary, [row["line"] for row in rows]))
    for row in rows:
        row["per line"] = next(per_line)

    by_kind = collections.defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    split_pages = len({row["page"] for row in rows})
    print(
        f"name pages split: {split_pages} of {len(named)}; segments off the page language: {len(rows)}"
    )
    for kind, entries in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        print(f"\n{kind}: {len(entries)} segments on {len({r['page'] for r in entries})} pages")
        for row in entries:
            print(
                f"  {row['page']:>4} {row['language']}->{row['split']} {row['confidence']:.3f}"
                f" lead {row['lead']:+.2f}/letter {row['chars']:>4} chars {row['letters']:>4}"
                f" letters {row['script']} paragraph {row['paragraph']}"
                f" ({row['paragraph chars']} chars, per line {row['per line']}):"
                f" {row['text'][:110]!r}"
            )

    # The sibling pages' paragraphs, for the cost of a rule on sibling leads.
    first = len(named)
    leads = collections.defaultdict(list)
    for offset, paragraphs in enumerate(siblings):
        record = records.get(first + offset)
        if record is None or pages.gold_segments(paragraphs, record["text"]) is None:
            continue
        counts = collections.Counter()
        for text, code in paragraphs:
            counts[code] += pages.letters(text)
        position = 0
        for line, (_, gold) in zip(record["text"].split("\n"), paragraphs):
            end = position + len(line)
            labels = {
                s["language"]
                for s in record["segments"]
                if min(end, s["end"]) - max(position, s["start"]) > pages.BOUNDARY_SLACK
            }
            leading = counts.most_common(1)[0][0]
            pair = "/".join(sorted(counts))
            if gold != leading and gold in model.languages:
                right = "right" if labels == {gold} else "wrong"
                leads[(pair, right)].append(lead_per_letter(model, line, leading, gold))
            position = end + 1
    print("\nsibling pages, paragraphs in the page's other language: lead over the leading one")
    for (pair, right), values in sorted(leads.items()):
        print(
            f"  {pair:6} {right:5} {len(values):4} paragraphs  median"
            f" {statistics.median(values):+.2f}  min {min(values):+.2f}  max {max(values):+.2f}"
            f"  below 0: {sum(value < 0 for value in values)}"
        )


if __name__ == "__main__":
    main()
