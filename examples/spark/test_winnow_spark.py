"""Runs winnow_spark.py under spark-submit in local[2] mode and checks that every input
document is accounted for, in order. Run through examples/spark/test.sh."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WINNOW = Path(os.environ.get("WINNOW_BIN", HERE.parent.parent / ".build/release/winnow")).resolve()
DOCUMENTS = 20_000

ARTICLE = [
    "The ministers met in Seoul on Monday to discuss the alliance, the budget for the next "
    "year and the security of the region, and they agreed to meet again in the spring.",
    "Die Minister trafen sich am Montag in Seoul, um über die Zusammenarbeit, den Haushalt "
    "und die Sicherheit der Region zu sprechen, und sie wollen sich im Frühjahr wieder treffen.",
    "两国部长周一在首尔会晤，讨论了同盟关系、明年的预算和地区安全问题，并同意明年春天再次会面。",
    "Министры встретились в понедельник в Сеуле, чтобы обсудить союз, бюджет на следующий год "
    "и безопасность региона, и договорились встретиться снова весной.",
]
CHROME = ["Subscribe Free To Our Daily Newsletters", "© 2024 Example Media. All rights reserved."]
TAIL = "The tail sentence of this paragraph follows a separator that must not split the record."
# Legal inside JSON strings, and line ends to naive splitters (str.splitlines, Hadoop's "\r").
TRICKY = ["\u2028", "\u2029", "\u0085", "\r", "\n", "\t", "\\", '"', "/", "\u00a0"]
BAD_LINES = [
    "this is not json",
    '["an", "array"]',
    '{"id": "no-text", "body": "the text is missing"}',
    '{"id": "number-text", "text": 42}',
    '{"id": "truncated", "text": "cut off',
]


def make_input(path, rng):
    """Writes DOCUMENTS lines, some bad, some with CRLF ends; returns what each line is (the
    id, or the byte offset of a bad line)."""
    expected = []
    offset = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        for number in range(DOCUMENTS):
            if number % 997 == 13:
                line = BAD_LINES[number % len(BAD_LINES)]
                expected.append(offset)
            else:
                doc_id = f"doc-{number:05d}"
                paragraphs = rng.sample(ARTICLE, 2) + [rng.choice(CHROME)]
                paragraphs[0] += rng.choice(TRICKY) + TAIL
                document = {"id": doc_id, "n": number, "big": 10**30, "text": "\n".join(paragraphs)}
                line = json.dumps(document, ensure_ascii=False)
                expected.append(doc_id)
            written = line + ("\r\n" if number % 5 == 0 else "\n")
            out.write(written)
            offset += len(written.encode("utf-8"))
    return expected


def spark_submit(tmp_path, input_path, output, *extra):
    config = tmp_path / "winnow.yaml"
    config.write_text("output:\n  keep_empty: true\n", encoding="utf-8")
    spark_submit_bin = Path(sys.executable).parent / "spark-submit"
    command = [
        str(spark_submit_bin),
        "--master",
        "local[2]",
        "--files",
        f"{WINNOW},{config}",
        "--conf",
        "spark.ui.enabled=false",
        str(HERE / "winnow_spark.py"),
        str(input_path),
        str(output),
        "--config",
        "winnow.yaml",
        "--split-mb",
        "1",
        *extra,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def read_output(directory):
    lines = []
    for part in sorted(directory.glob("part-*")):
        with open(part, encoding="utf-8", newline="\n") as handle:
            lines += [line.rstrip("\n") for line in handle]
    return [json.loads(line) for line in lines]


def test_every_document_is_accounted_for_in_order(tmp_path):
    assert WINNOW.is_file(), f"build the binary first: {WINNOW}"
    input_path = tmp_path / "docs.jsonl"
    expected = make_input(input_path, random.Random(7))
    output = tmp_path / "out"

    result = spark_submit(tmp_path, input_path, output)

    assert result.returncode == 0, result.stderr[-4000:]
    assert (output / "_SUCCESS").exists()
    assert len(list(output.glob("part-*"))) >= 2, "the input should span several partitions"
    records = read_output(output)
    assert len(records) == len(expected)
    for position, (record, doc_id) in enumerate(zip(records, expected)):
        if isinstance(doc_id, int):
            assert "error" in record, f"line {position + 1} should be an error record: {record}"
            # Positions are global (the file and the byte offset), not counted per partition.
            assert record["source"] == str(input_path), record
            assert record["offset"] == doc_id, record
            assert "line" not in record, record
        else:
            assert record.get("id") == doc_id, f"line {position + 1}: {record}"
            assert "error" not in record
            assert record["big"] == 10**30 and record["n"] == position
            assert "tail sentence of this paragraph" in record["text"], record["text"]


def test_a_failing_binary_fails_the_job_and_leaves_no_result(tmp_path):
    failing = tmp_path / "failing-winnow"
    failing.write_text("#!/bin/sh\ncat >/dev/null\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    input_path = tmp_path / "docs.jsonl"
    input_path.write_text('{"id": "a", "text": "hello world"}\n', encoding="utf-8")
    output = tmp_path / "out"

    result = spark_submit(tmp_path, input_path, output, "--winnow", str(failing))

    assert result.returncode != 0
    assert not output.exists(), "a failed job must not leave something that looks like a result"


def test_an_oversized_line_fails_the_job_fast_naming_it(tmp_path):
    input_path = tmp_path / "docs.jsonl"
    long_line = json.dumps({"id": "long", "text": "x" * (3 << 20)})
    with open(input_path, "w", encoding="utf-8") as out:
        out.write(
            '{"id": "a", "text": "before"}\n' + long_line + '\n{"id": "b", "text": "after"}\n'
        )
    output = tmp_path / "out"

    result = spark_submit(tmp_path, input_path, output, "--max-record-mb", "1")

    assert result.returncode != 0
    assert "docs.jsonl: a line at or after byte offset" in result.stderr, result.stderr[-4000:]
    assert "is longer than 1048576 bytes" in result.stderr
    assert not output.exists()


def test_invalid_utf8_is_marked_and_ids_are_global(tmp_path):
    input_path = tmp_path / "docs.jsonl"
    good = b'{"id": "good", "n": 1e400, "text": "A plain page about the town and its river."}\n'
    bad = b'{"id": "bad", "text": "A caf\xe9 page about the town and its river."}\n'
    anonymous = b'{"text": "A page without an id, about the town and its river."}\n'
    with open(input_path, "wb") as out:
        out.write(good + bad + anonymous)
    output = tmp_path / "out"

    result = spark_submit(tmp_path, input_path, output)

    assert result.returncode == 0, result.stderr[-4000:]
    lines = (output / "part-00000").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"id":"good","n":1e400,'), "input members stay as written"
    records = read_output(output)
    assert "winnow_spark" not in records[0]
    assert records[1]["id"] == "bad" and records[1]["winnow_spark"] == {"invalid_utf8": True}
    assert records[2]["id"] == f"{input_path}@{len(good) + len(bad)}"
    assert records[2]["source"] == str(input_path)
    assert "1 lines had bytes that are not UTF-8" in result.stdout + result.stderr
