#!/usr/bin/env python3
"""Builds Winnow's character n-gram language model from Lingua's n-gram tables.

Run by hand, not by CI:

    python3 scripts/train_langid_model.py            # fetches the wheel with pip
    python3 scripts/train_langid_model.py --wheel lingua_language_detector-1.3.5-py3-none-any.whl

It creates a throw-away venv with `brotli` (the only third-party need), downloads
lingua-language-detector 1.3.5 (Apache-2.0, by Peter M. Stahl) with `pip download --no-deps`,
reads its per-language tables of relative n-gram frequencies (orders 1-5, built from the
Leipzig corpora), keeps the most probable n-grams of each order per language, quantizes their
log-probabilities to one byte and writes Sources/CWinnowLangModel/langid.bin (assembled into
the binary by langid.S) and langid_stamp.h (its size and SHA-256, so the build notices a new
model).

The file's layout (version 3, the one the scorer reads in place) is written by
scripts/langid_layout.py. Within a bucket, records come in order of how often scoring looks
them up (the n-gram's probability summed over the languages), so a lookup mostly reads the
first record of its sub-bucket.

An n-gram is the lowercased letters as Unicode scalar values; its 64-bit hash is FNV-1a over
the scalar values followed by the murmur3 finalizer; the top bucketBits bits pick the bucket,
the low 16 bits are the fingerprint. A posting's log-probability is -quantum * quantumStep: for
order 1 the letter's frequency, for order n > 1 the probability of the last letter given the
n - 1 before it.
"""

import argparse
import heapq
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

import embedded_file
import langid_layout

LINGUA = "lingua-language-detector==1.3.5"
ORDER_FILES = ["unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"]
# Most probable n-grams kept per language for each order 1-5 (orders 1 and 2 are small).
KEEP_PER_ORDER = [1_000_000, 1_000_000, 10_000, 14_000, 17_000]
BUCKET_BITS = 16
QUANTUM_STEP = 16.0 / 255.0
BACKOFF_PENALTY = -1.0
UNSEEN_PENALTY = -10.0
MASK64 = (1 << 64) - 1


def ngram_hash(ngram):
    """FNV-1a over the scalar values, then the murmur3 64-bit finalizer."""
    h = 0xCBF29CE484222325
    for ch in ngram:
        h = ((h ^ ord(ch)) * 0x100000001B3) & MASK64
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK64
    h ^= h >> 33
    return h


def ensure_brotli():
    """Re-runs this script inside a throw-away venv that has brotli, unless it is importable."""
    try:
        import brotli  # noqa: F401

        return
    except ImportError:
        pass
    if os.environ.get("WINNOW_TRAIN_VENV"):
        sys.exit("brotli is still missing inside the training venv")
    venv = tempfile.mkdtemp(prefix="winnow-train-venv-")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "brotli"], check=True)
    env = dict(os.environ, WINNOW_TRAIN_VENV=venv)
    os.execve(python, [python] + sys.argv, env)


def fetch_wheel():
    target = tempfile.mkdtemp(prefix="winnow-lingua-")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", target, LINGUA],
        check=True,
    )
    wheels = [name for name in os.listdir(target) if name.endswith(".whl")]
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {target}, found {wheels}")
    return os.path.join(target, wheels[0])


def read_tables(wheel):
    """Yields (language, [dict ngram -> log probability] for orders 1-5)."""
    import brotli

    prefix = "lingua/language-models/"
    with zipfile.ZipFile(wheel) as archive:
        languages = sorted(
            {
                name[len(prefix) :].split("/")[0]
                for name in archive.namelist()
                if name.startswith(prefix) and name.endswith(".json.br")
            }
        )
        for language in languages:
            tables = []
            for order_file in ORDER_FILES:
                path = f"{prefix}{language}/{order_file}.json.br"
                table = {}
                if path in archive.namelist():
                    model = json.loads(brotli.decompress(archive.read(path)))
                    for fraction, ngrams in model["ngrams"].items():
                        numerator, denominator = fraction.split("/")
                        log_probability = math.log(int(numerator) / int(denominator))
                        for ngram in ngrams.split(" "):
                            table[ngram] = log_probability
                tables.append(table)
            yield language, tables


def prune(tables):
    """Keeps per order the n-grams of highest joint probability (chain of their prefixes);
    returns per order {n-gram: (log probability, joint log probability)}."""
    kept = []
    joint_previous = {}
    for order, table in enumerate(tables):
        joint = {}
        for ngram, log_probability in table.items():
            base = 0.0 if order == 0 else joint_previous.get(ngram[:-1], -30.0)
            joint[ngram] = base + log_probability
        limit = KEEP_PER_ORDER[order]
        chosen = heapq.nlargest(limit, joint, key=joint.get) if len(joint) > limit else joint
        kept.append({ngram: (table[ngram], joint[ngram]) for ngram in chosen})
        joint_previous = joint
    return kept


def quantize(log_probability):
    return min(255, round(-log_probability / QUANTUM_STEP))


def build(wheel, output):
    languages = []
    postings = {}  # hash -> {language index: quantum}
    ngram_of_hash = {}
    # How often scoring looks an n-gram up, roughly: its probability in running text, summed
    # over the languages (per order, since every letter looks up each order once).
    frequency = {}
    collisions = 0
    for language, tables in read_tables(wheel):
        index = len(languages)
        languages.append(language)
        for table in prune(tables):
            for ngram, (log_probability, joint) in table.items():
                h = ngram_hash(ngram)
                key = (h >> (64 - BUCKET_BITS), h & 0xFFFF)
                frequency[key] = frequency.get(key, 0.0) + math.exp(joint)
                previous = ngram_of_hash.setdefault(key, ngram)
                if previous != ngram:
                    collisions += 1
                postings.setdefault(key, {}).setdefault(index, quantize(log_probability))
        print(f"{language}: {[len(t) for t in tables]}", file=sys.stderr, flush=True)
    if len(languages) > 128:
        sys.exit("too many languages for the 128-bit language masks")

    bucket_count = 1 << BUCKET_BITS
    records = [[] for _ in range(bucket_count)]
    for (bucket, fingerprint), by_language in postings.items():
        records[bucket].append((fingerprint, sorted(by_language.items())))
    # The n-grams looked up most come first in their bucket, so in their sub-bucket: a lookup
    # reads the records in order, and the first cache line is the one most likely loaded.
    for bucket, bucket_records in enumerate(records):
        bucket_records.sort(key=lambda record: (-frequency[(bucket, record[0])], record[0]))
    constants = (QUANTUM_STEP, BACKOFF_PENALTY, UNSEEN_PENALTY)
    blob = langid_layout.pack(languages, constants, BUCKET_BITS, records)
    embedded_file.write(output, blob, "WN_LANGID_MODEL", "langid.S")
    posting_count = sum(len(v) for v in postings.values())
    print(
        f"wrote {output}: {len(languages)} languages, {len(postings)} n-grams, "
        f"{posting_count} postings, {collisions} hash collisions merged, "
        f"{len(blob)} bytes",
        file=sys.stderr,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", help="use this lingua wheel instead of downloading it")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument(
        "--output", default=os.path.join(root, "Sources/CWinnowLangModel/langid.bin")
    )
    arguments = parser.parse_args()
    ensure_brotli()
    wheel = arguments.wheel or fetch_wheel()
    build(wheel, arguments.output)


if __name__ == "__main__":
    main()
