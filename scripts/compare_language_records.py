#!/usr/bin/env python3
"""Compares the languages of two runs of `winnow clean` over the same inputs, by source.

    python3 scripts/compare_language_records.py BEFORE.jsonl AFTER.jsonl [--show N]

For each source (the record id up to its first '-': wcxb, msvcode, l3s, ...) it counts the
records whose page language changes, those whose segment labels change (the languages of the
segments in order, neighbours with one language merged), and the segments not in the page's
language before and after. --show prints the first N records whose labels change, with both
label sequences. A change of the language stage should leave page languages alone and may move
segments only where it means to.
"""

import argparse
import collections
import json


def read(path):
    with open(path, encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle)}


def labels(record):
    """The languages of the record's segments, neighbours with one language merged."""
    merged = []
    for segment in record.get("segments", []):
        if not merged or merged[-1] != segment["language"]:
            merged.append(segment["language"])
    return merged


def foreign(record):
    return sum(label != record.get("language") for label in labels(record))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    before, after = read(args.before), read(args.after)
    counts = collections.defaultdict(collections.Counter)
    shown = 0
    for identifier in sorted(before.keys() & after.keys()):
        old, new = before[identifier], after[identifier]
        source = counts[identifier.split("-")[0]]
        source["records"] += 1
        source["page language"] += old.get("language") != new.get("language")
        changed = labels(old) != labels(new)
        source["labels"] += changed
        source["foreign before"] += foreign(old)
        source["foreign after"] += foreign(new)
        if changed and shown < args.show:
            shown += 1
            print(f"{identifier}: {old.get('language')} {labels(old)} -> {labels(new)}")
    print(f"records only in one run: {len(before.keys() ^ after.keys())}")
    print("source: records, page language changed, labels changed, segments not in the page's")
    for name, count in sorted(counts.items()):
        print(
            f"  {name}: {count['records']}, {count['page language']}, {count['labels']}, "
            f"{count['foreign before']} -> {count['foreign after']}"
        )
    total = sum(counts.values(), collections.Counter())
    print(
        f"  all: {total['records']}, {total['page language']}, {total['labels']}, "
        f"{total['foreign before']} -> {total['foreign after']}"
    )


if __name__ == "__main__":
    main()
