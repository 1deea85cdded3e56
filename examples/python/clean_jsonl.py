#!/usr/bin/env python3
"""Cleans a JSONL file from Python: python3 examples/python/clean_jsonl.py IN.jsonl OUT.jsonl

Each kept document's record (every input field, plus winnow's) goes to OUT; drops and
failures are counted on stderr."""

import collections
import json
import sys

import winnow

source, target = sys.argv[1], sys.argv[2]
outcomes = collections.Counter()
with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
    for result in winnow.Cleaner().clean_many(json.loads(line) for line in lines):
        outcomes[type(result).__name__] += 1
        if isinstance(result, winnow.Record):
            out.write(json.dumps(result.fields, ensure_ascii=False) + "\n")
print(dict(outcomes), file=sys.stderr)
