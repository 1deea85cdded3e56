#!/usr/bin/env python3
"""Compares the languages of two runs of `winnow clean` over the same inputs, by source.

    python3 scripts/compare_language_records.py BEFORE.jsonl AFTER.jsonl [--show N]
                                                [--manifest PATH]

For each source (the record id up to its first '-': wcxb, msvcode, l3s, ...), and each page
type of the dev set's manifest (its `page_type`, else `untyped`), it counts the
records whose page language changes, those whose segment labels change (the languages of the
segments in order, neighbours with one language merged), and the segments not in the page's
language before and after. --show prints the first N records whose labels change, with both
label sequences. A change of the language stage should leave page languages alone and may move
segments only where it means to.
"""

import argparse
import collections
import json
import os


def read(path):
    with open(path, encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle)}


def page_types(path):
    """{page id: page type} from the dev set's manifest ({} when it is not there)."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return {page["id"]: page.get("page_type") or "untyped" for page in map(json.loads, handle)}


def page_id(record_id):
    """The manifest's id of a record cleaned from a file of the dev set (NAME.txt,
    NAME.gold.txt, NAME.labels)."""
    for suffix in (".gold.txt", ".txt", ".labels"):
        if record_id.endswith(suffix):
            return record_id[: -len(suffix)]
    return record_id


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
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument(
        "--manifest",
        default=os.path.join(root, "..", "shared", "devset", "boilerplate", "manifest.jsonl"),
    )
    args = parser.parse_args()
    before, after = read(args.before), read(args.after)
    types = page_types(args.manifest)
    groups = {"source": collections.defaultdict(collections.Counter)}
    if types:
        groups["page type"] = collections.defaultdict(collections.Counter)
    shown = 0
    for identifier in sorted(before.keys() & after.keys()):
        old, new = before[identifier], after[identifier]
        changed = labels(old) != labels(new)
        keys = {"source": identifier.split("-")[0]}
        if types:
            keys["page type"] = types.get(page_id(identifier), "untyped")
        for group, key in keys.items():
            count = groups[group][key]
            count["records"] += 1
            count["page language"] += old.get("language") != new.get("language")
            count["labels"] += changed
            count["foreign before"] += foreign(old)
            count["foreign after"] += foreign(new)
        if changed and shown < args.show:
            shown += 1
            print(f"{identifier}: {old.get('language')} {labels(old)} -> {labels(new)}")
    print(f"records only in one run: {len(before.keys() ^ after.keys())}")
    for group, counts in groups.items():
        print(
            f"{group}: records, page language changed, labels changed, segments not in the page's"
        )
        for name, count in sorted(counts.items()):
            print(
                f"  {name}: {count['records']}, {count['page language']}, {count['labels']}, "
                f"{count['foreign before']} -> {count['foreign after']}"
            )
    total = sum(groups["source"].values(), collections.Counter())
    print(
        f"all: {total['records']}, {total['page language']}, {total['labels']}, "
        f"{total['foreign before']} -> {total['foreign after']}"
    )


if __name__ == "__main__":
    main()
