#!/usr/bin/env python3
"""The file layout of Winnow's n-gram language model (langid.bin, version 3): the layout the
scorer reads in place (NgramTable.swift), so that loading it lays nothing out again.

Used by scripts/train_langid_model.py to write the model. Run on its own, it reads a model
file back into its records and checks that writing them again gives the same bytes:

    python3 scripts/langid_layout.py [Sources/CWinnowLangModel/langid.bin]

Layout (little-endian):

    "WNLM" u32 version (3), u32 languageCount, u32 bucketBits, u32 dataByteCount,
    f32 quantumStep, f32 backoffPenalty, f32 unseenPenalty,
    languageCount x 4 bytes ISO 639-1 code (ASCII, zero padded),
    zero bytes up to a multiple of 64,
    directory: one 64-byte line per RUNS_PER_LINE sub-buckets (the last one padded): u32 where
    the line's first sub-bucket starts in data, then RUNS_PER_LINE + 1 x u16 where each of its
    sub-buckets starts from there, the last entry where the line's last one ends (so a lookup
    reads one cache line of the directory),
    data: dataByteCount bytes of records (at a multiple of 64, so records sit in cache lines as
    in the file),
    GUARD_BYTES zero bytes (the most a lookup reads past a record it starts inside the data).

An n-gram's 64-bit hash (see train_langid_model.py) picks its bucket by its top bucketBits
bits; its fingerprint is the low 16 bits, whose low SUB_BUCKET_BITS pick one of the bucket's
2^SUB_BUCKET_BITS sub-buckets: sub-bucket = bucket << SUB_BUCKET_BITS | fingerprint & 7. A
sub-bucket's records keep the order the writer gives them (most looked-up first). A record:

    u16 tag: the fingerprint's upper 13 bits, and in its low 3 bits (which the sub-bucket
        already says) the posting count if it is below 8, or 0;
    u8 postingCount, only when the tag's low bits are 0;
    postings: below MASK_THRESHOLD postings, postingCount x (u8 language, u8 quantum); from
        MASK_THRESHOLD on, a 128-bit mask of the languages (two u64), then one quantum per
        language of the model at the language's index (0 for the languages not in the mask).
"""

import struct
import sys

VERSION = 3
SUB_BUCKET_BITS = 3
COUNT_CODE_MASK = (1 << SUB_BUCKET_BITS) - 1
RUNS_PER_LINE = 29
LINE_BYTES = 64
# Must equal NgramTable.maskThreshold, maximumLanguages and guardBytes in Swift.
MASK_THRESHOLD = 16
MAXIMUM_LANGUAGES = 128
GUARD_BYTES = 192
HEADER = "<4sIIIIfff"


def encode_record(fingerprint, entries, language_count):
    """One record: `entries` is [(language index, quantum)] in language order."""
    count = len(entries)
    if not 0 < count <= min(255, language_count):
        sys.exit(f"an n-gram has {count} postings")
    high_bits = fingerprint & ~COUNT_CODE_MASK & 0xFFFF
    if count <= COUNT_CODE_MASK:
        out = bytearray(struct.pack("<H", high_bits | count))
    else:
        out = bytearray(struct.pack("<HB", high_bits, count))
    if count >= MASK_THRESHOLD:
        mask = sum(1 << language for language, _ in entries)
        quanta = bytearray(language_count)
        for language, quantum in entries:
            quanta[language] = quantum
        out += mask.to_bytes(16, "little") + quanta
    else:
        for language, quantum in entries:
            out += struct.pack("<BB", language, quantum)
    return out


def pack(languages, constants, bucket_bits, buckets):
    """The file's bytes. `constants` is (quantumStep, backoffPenalty, unseenPenalty);
    `buckets[b]` lists bucket b's records as (fingerprint, entries), most looked-up first."""
    if not 0 < len(languages) <= MAXIMUM_LANGUAGES:
        sys.exit(f"{len(languages)} languages: the masks hold {MAXIMUM_LANGUAGES}")
    sub_bucket_count = len(buckets) << SUB_BUCKET_BITS
    runs = [bytearray() for _ in range(sub_bucket_count)]
    for bucket, records in enumerate(buckets):
        for fingerprint, entries in records:
            sub_bucket = bucket << SUB_BUCKET_BITS | fingerprint & COUNT_CODE_MASK
            runs[sub_bucket] += encode_record(fingerprint, entries, len(languages))
    starts = [0]
    for run in runs:
        starts.append(starts[-1] + len(run))
    line_count = -(-sub_bucket_count // RUNS_PER_LINE)
    directory = bytearray()
    for line in range(line_count):
        first = line * RUNS_PER_LINE
        base = starts[first]
        bounds = [starts[min(first + slot, sub_bucket_count)] for slot in range(RUNS_PER_LINE + 1)]
        if bounds[-1] - base > 0xFFFF:
            sys.exit("a line of sub-buckets holds more than 64 KiB of records")
        directory += struct.pack(f"<I{RUNS_PER_LINE + 1}H", base, *(at - base for at in bounds))
    data = b"".join(runs)
    out = bytearray(b"WNLM")
    out += struct.pack("<IIIIfff", VERSION, len(languages), bucket_bits, len(data), *constants)
    out += b"".join(code.encode("ascii").ljust(4, b"\0") for code in languages)
    out += bytes(-len(out) % LINE_BYTES)
    return bytes(out + directory + data + bytes(GUARD_BYTES))


def unpack(blob):
    """(languages, constants, bucket_bits, buckets) of a version-3 file, as `pack` takes them."""
    magic, version, language_count, bucket_bits, data_count, *constants = struct.unpack_from(
        HEADER, blob
    )
    if magic != b"WNLM" or version != VERSION:
        sys.exit(f"not a version {VERSION} model")
    position = struct.calcsize(HEADER)
    languages = []
    for _ in range(language_count):
        languages.append(blob[position : position + 4].rstrip(b"\0").decode("ascii"))
        position += 4
    sub_bucket_count = 1 << (bucket_bits + SUB_BUCKET_BITS)
    position += -position % LINE_BYTES
    starts = []
    for line in range(-(-sub_bucket_count // RUNS_PER_LINE)):
        base, *offsets = struct.unpack_from(f"<I{RUNS_PER_LINE + 1}H", blob, position)
        starts += [base + offset for offset in offsets[:RUNS_PER_LINE]]
        position += LINE_BYTES
    data = blob[position : position + data_count]
    starts = starts[:sub_bucket_count] + [data_count]
    buckets = [[] for _ in range(1 << bucket_bits)]
    for sub_bucket in range(sub_bucket_count):
        at, end = starts[sub_bucket], starts[sub_bucket + 1]
        while at < end:
            fingerprint, entries, at = decode_record(data, at, sub_bucket, language_count)
            buckets[sub_bucket >> SUB_BUCKET_BITS].append((fingerprint, entries))
    return languages, tuple(constants), bucket_bits, buckets


def decode_record(data, at, sub_bucket, language_count):
    """(fingerprint, entries, where the next record starts) of the record at `at` in
    `sub_bucket`: the inverse of `encode_record`."""
    tag = struct.unpack_from("<H", data, at)[0]
    fingerprint = tag & ~COUNT_CODE_MASK | sub_bucket & COUNT_CODE_MASK
    count, at = (tag & COUNT_CODE_MASK, at + 2) if tag & COUNT_CODE_MASK else (data[at + 2], at + 3)
    if count >= MASK_THRESHOLD:
        mask = int.from_bytes(data[at : at + 16], "little")
        quanta = data[at + 16 : at + 16 + language_count]
        entries = [(i, quanta[i]) for i in range(language_count) if mask >> i & 1]
        return fingerprint, entries, at + 16 + language_count
    entries = [(data[at + 2 * i], data[at + 2 * i + 1]) for i in range(count)]
    return fingerprint, entries, at + 2 * count


class Reader:
    """Looks n-gram records up in a version-3 file in place, as NgramTable.swift does: the
    sub-bucket's line of the directory gives where its records start and end."""

    def __init__(self, blob):
        magic, version, language_count, bucket_bits, data_count, *constants = struct.unpack_from(
            HEADER, blob
        )
        if magic != b"WNLM" or version != VERSION:
            raise ValueError(f"not a version {VERSION} Winnow language model")
        position = struct.calcsize(HEADER)
        self.languages = [
            blob[position + 4 * i : position + 4 * i + 4].rstrip(b"\0").decode("ascii")
            for i in range(language_count)
        ]
        position += 4 * language_count
        position += -position % LINE_BYTES
        self.bucket_bits = bucket_bits
        self.constants = tuple(constants)
        self.directory = memoryview(blob)[position:]
        line_count = -(-(1 << (bucket_bits + SUB_BUCKET_BITS)) // RUNS_PER_LINE)
        data_start = position + line_count * LINE_BYTES
        self.data = blob[data_start : data_start + data_count]
        if len(self.data) != data_count:
            raise ValueError("the model file is cut short")

    def entries(self, fingerprint_hash):
        """[(language index, quantum)] of the n-gram with this 64-bit hash ([] if absent)."""
        bucket = fingerprint_hash >> (64 - self.bucket_bits)
        fingerprint = fingerprint_hash & 0xFFFF
        sub_bucket = bucket << SUB_BUCKET_BITS | fingerprint & COUNT_CODE_MASK
        line, slot = divmod(sub_bucket, RUNS_PER_LINE)
        base = struct.unpack_from("<I", self.directory, line * LINE_BYTES)[0]
        start, end = struct.unpack_from("<2H", self.directory, line * LINE_BYTES + 4 + 2 * slot)
        at, end = base + start, base + end
        while at < end:
            found, entries, at = decode_record(self.data, at, sub_bucket, len(self.languages))
            if found == fingerprint:
                return entries
        return []


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Sources/CWinnowLangModel/langid.bin"
    with open(path, "rb") as handle:
        blob = handle.read()
    if pack(*unpack(blob)) != blob:
        sys.exit(f"{path}: its records written again give other bytes")
    print(f"{path}: {len(blob)} bytes, the layout of its own records")


if __name__ == "__main__":
    main()
