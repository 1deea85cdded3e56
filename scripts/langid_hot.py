#!/usr/bin/env python3
"""Chooses the n-grams the language model keeps in its small hot table (NgramHotTable.swift):
the ones scoring looks up most on web text, counted on dev-set text, so that most lookups stay
in a few hundred KB of cache instead of reading the 10 MB table at random.

    python3 scripts/langid_hot.py --count 4096           # writes langid_hot.bin
    python3 scripts/langid_hot.py --coverage PAGES_DIR   # how many lookups a list would keep hot

The hot table holds a copy of the big table's answer for each listed n-gram (made at load), so
which n-grams are listed never changes a score, only where the answer is read from. The
counting text: the kept lines (`.gold.txt`) of the dev pages except those of PAGES_DIR (by
default the 400 pages the speed measurements use, left out so that they measure text the list
was not counted on) and the dev sentences, each line's first LETTERS_PER_LINE letters (the
check of a page's expected language reads 24 to 48). Every order of every letter counts once:
scoring looks up the longest n-gram of each letter, and starts loading the shorter ones too.

An n-gram is listed by its "lookup identity": the top 16 and the low 16 bits of its 64-bit hash
(`u32`: top << 16 | low). With a model of at most 16 bucket bits, two hashes with the same
identity have the same bucket and fingerprint, so the big table gives them the same answer.
File: "WNHT" u32 version (1), u32 count, count x u32 identity (most looked up first).
"""

import argparse
import collections
import glob
import os
import struct
import sys
import unicodedata

import embedded_file
import langid_layout
from train_langid_model import ngram_hash

DEVSET = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "devset")
MODEL = os.path.join(os.path.dirname(__file__), "..", "Sources", "CWinnowLangModel", "langid.bin")
OUTPUT = os.path.join(
    os.path.dirname(__file__), "..", "Sources", "CWinnowLangModel", "langid_hot.bin"
)
MAXIMUM_ORDER = 5
LETTERS_PER_LINE = 64
VERSION = 1


def one_letter_word(character):
    """Han, kana and Hangul letters are words of their own (LetterScanner.swift)."""
    name = unicodedata.name(character, "")
    return name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY", "HIRAGANA", "KATAKANA", "HANGUL"))


def letters_of(line):
    """(letter, starts a word) for the line's letters, lowercased as the scanner does."""
    in_word = False
    for character in line:
        if not unicodedata.category(character).startswith("L"):
            in_word = False
            continue
        for lowered in character.lower():
            if one_letter_word(lowered):
                yield lowered, True
                in_word = False
            else:
                yield lowered, not in_word
                in_word = True


def identity(ngram):
    h = ngram_hash(ngram)
    return (h >> 48) << 16 | h & 0xFFFF


def count_lookups(lines, counts):
    """Adds the n-grams scoring looks up in each line's first LETTERS_PER_LINE letters."""
    for line in lines:
        word = ""
        for index, (letter, starts_word) in enumerate(letters_of(line)):
            if index == LETTERS_PER_LINE:
                break
            word = letter if starts_word else (word + letter)[-MAXIMUM_ORDER:]
            for order in range(1, len(word) + 1):
                counts[identity(word[-order:])] += 1


def gold_lines(pages, left_out):
    for path in sorted(glob.glob(os.path.join(pages, "*.gold.txt"))):
        if os.path.basename(path)[: -len(".gold.txt")] in left_out:
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            yield from handle


def page_lines(folder):
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as handle:
            yield from handle


def sentence_lines():
    with open(os.path.join(DEVSET, "langid", "sentences.tsv"), encoding="utf-8") as handle:
        for row in handle:
            yield row.split("\t", 1)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=4096, help="n-grams to list")
    parser.add_argument("--left-out", default="/tmp/ic/pages", help="pages not counted")
    parser.add_argument("--coverage", help="a folder of pages: print the share of lookups kept")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()

    left_out = {name[: -len(".txt")] for name in os.listdir(args.left_out) if name.endswith(".txt")}
    counts = collections.Counter()
    count_lookups(gold_lines(os.path.join(DEVSET, "boilerplate", "cases"), left_out), counts)
    count_lookups(sentence_lines(), counts)
    hot = [key for key, _ in counts.most_common(args.count)]

    with open(MODEL, "rb") as handle:
        languages, _, bucket_bits, buckets = langid_layout.unpack(handle.read())
    record_bytes = {}
    for bucket, records in enumerate(buckets):
        for fingerprint, entries in records:
            size = len(langid_layout.encode_record(fingerprint, entries, len(languages)))
            record_bytes.setdefault(bucket << 16 | fingerprint, size)
    present = sum(1 for key in hot if key in record_bytes)
    postings = sum(record_bytes.get(key, 0) for key in hot)
    print(
        f"{len(counts)} identities counted, {sum(counts.values())} lookups; the top {len(hot)}: "
        f"{sum(counts[k] for k in hot) / sum(counts.values()):.1%} of them, {present} in the "
        f"model, {postings} bytes of records",
        file=sys.stderr,
    )
    if args.coverage:
        measured = collections.Counter()
        count_lookups(page_lines(args.coverage), measured)
        total = sum(measured.values())
        for size in (1024, 2048, 4096, 8192, 16384, 32768, 65536):
            kept = set(hot[:size])
            share = sum(n for key, n in measured.items() if key in kept) / total
            size_bytes = sum(record_bytes.get(key, 0) for key in hot[:size])
            print(f"top {size}: {share:.1%} of {total} lookups, {size_bytes} bytes of records")
        return
    if bucket_bits > 16:
        sys.exit("the identities assume at most 16 bucket bits")
    blob = struct.pack(f"<4sII{len(hot)}I", b"WNHT", VERSION, len(hot), *hot)
    embedded_file.write(args.output, blob, "WN_LANGID_HOT", "langid_hot.S")
    print(f"wrote {args.output}: {len(blob)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
