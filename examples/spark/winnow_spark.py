"""Clean documents with Winnow under Apache Spark.

Each partition of JSONL documents is piped through the unchanged `winnow` binary
(`winnow clean --input-format jsonl --errors inline`), and the output is JSONL again:
one record or one inline error record per input document, in input order.

    spark-submit --master 'local[2]' --files .build/release/winnow \
        examples/spark/winnow_spark.py docs.jsonl out/

Data-loss pitfalls this job closes, each covered by examples/spark/test_winnow_spark.py:
- `RDD.pipe` ignores the child's exit status unless `checkCode=True`, and gives the child an
  empty environment unless `env=` says otherwise.
- JSONL is split at "\n" only: Hadoop's default line reader also splits at a lone "\r", and
  Python's `str.splitlines` at U+2028, U+2029 and U+0085, all of which are legal in JSON text.
- A bad record must not fail the task: `--errors inline` turns it into an error record.
- Output is written to a staging directory and renamed into place only when the whole job
  succeeded, so partial output of a failed job never looks like a result.
- A line longer than --max-record-mb fails the job at once, naming its file and byte offset:
  Hadoop's line reader holds a whole line in the JVM heap, and one 80 MB line exhausted the
  default heap and left the job hanging. The reader is told to skip such lines (in constant
  memory), and the gap it leaves between the byte offsets of two lines gives them away.
- Hadoop decodes each line as UTF-8 and replaces bytes that are not with U+FFFD, where a
  direct run reports them. A line whose UTF-8 length differs from the bytes it took in the
  file was altered so; it goes on marked `"winnow_spark": {"invalid_utf8": true}` (a member
  the record keeps), and the job counts such lines on stderr. (A truncated 4-byte sequence
  replaced by one U+FFFD keeps its length and is not caught.)
- Winnow numbers the lines of the stream it is given, which is one partition: its error
  records' `line` and the ids `-:N` of objects without an id would count from each
  partition's start. They are rewritten to global positions: an error record's `source` is
  the input file and `offset` the line's byte offset in it (instead of `line`), and a
  positional id becomes `FILE@OFFSET`.
"""

import argparse
import array
import json
import os
import re
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession

TEXT_INPUT_FORMAT = "org.apache.hadoop.mapreduce.lib.input.TextInputFormat"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="+", help="JSONL files (or text files with --text-input)")
    parser.add_argument("output", help="output directory; must not exist yet")
    parser.add_argument(
        "--text-input",
        action="store_true",
        help="inputs are plain-text pages, one document per file, read as UTF-8",
    )
    parser.add_argument("--text-field", default="text", help="JSON field holding the text")
    parser.add_argument(
        "--winnow",
        default="winnow",
        help="the binary: a name shipped with --files, or an absolute path on every executor",
    )
    parser.add_argument("--config", help="a Winnow config shipped with --files (its name)")
    parser.add_argument(
        "--split-mb",
        type=int,
        help="largest input split in MiB (more, smaller partitions; input order is kept)",
    )
    parser.add_argument(
        "--max-record-mb",
        type=int,
        default=64,
        help="a longer JSONL line fails the job (default 64, Winnow's max_document_bytes)",
    )
    return parser.parse_args(argv)


def shipped_path(spark_context, name):
    """Where a file given with --files (or an absolute path) is, as the executors see it.

    In local mode executors share the driver's SparkFiles directory; on YARN the file is
    localized into each container's working directory, where the Python workers run.
    """
    if os.path.isabs(name):
        return name
    if spark_context.master.startswith("local"):
        return SparkFiles.get(name)
    return "./" + name


LINE_MAX_LENGTH = "mapreduce.input.linerecordreader.line.maxlength"


def read_jsonl_lines(spark_context, paths, split_mb, max_record_bytes):
    """JSONL lines as (file, byte offset, line), in input order, split at "\\n" only (a
    trailing "\\r" is left to Winnow). Lines over `max_record_bytes` are skipped by the reader
    without being held; `checked_lines` notices the gap. Returns the RDD and the file of each
    partition."""
    conf = {"textinputformat.record.delimiter": "\n", LINE_MAX_LENGTH: str(max_record_bytes)}
    if split_mb:
        conf["mapreduce.input.fileinputformat.split.maxsize"] = str(split_mb << 20)
    parts, files = [], []
    for path in paths:
        lines = spark_context.newAPIHadoopFile(
            path,
            TEXT_INPUT_FORMAT,
            "org.apache.hadoop.io.LongWritable",
            "org.apache.hadoop.io.Text",
            conf=conf,
        ).map(lambda offset_and_line, path=path: (path, offset_and_line[0], offset_and_line[1]))
        parts.append(lines)
        files += [path] * lines.getNumPartitions()
    return spark_context.union(parts), files


def file_length(spark_context, path):
    jvm = spark_context._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    file_system = hadoop_path.getFileSystem(spark_context._jsc.hadoopConfiguration())
    return file_system.getFileStatus(hadoop_path).getLen()


def partition_ends(spark_context, lines, files):
    """Where the bytes of each partition's lines end: the next partition's first line of the
    same file, else the file's end. A small job that reads one line per partition."""

    def first_offset(index, records):
        for _, offset, _ in records:
            return [(index, offset)]
        return [(index, None)]

    firsts = dict(lines.mapPartitionsWithIndex(first_offset).collect())
    ends = []
    for index, path in enumerate(files):
        following = (
            firsts[later]
            for later in range(index + 1, len(files))
            if files[later] == path and firsts[later] is not None
        )
        ends.append(next(following, None))
        if ends[-1] is None:
            ends[-1] = file_length(spark_context, path)
    return ends


def checked_lines(records, end, max_record_bytes, altered):
    """The partition's lines, each followed by where the next one starts: a distance over
    `max_record_bytes` + 1 means the reader skipped a longer line there, or cut it into
    pieces (it does where the line crosses a split), and the job fails; a UTF-8 length other
    than the distance (less its "\\n") means bytes were replaced."""
    previous = None
    for record in records:
        if previous is not None:
            yield checked(previous, record[1], False, max_record_bytes, altered)
        previous = record
    if previous is not None:
        yield checked(previous, end, True, max_record_bytes, altered)


def checked(record, next_start, at_end, max_record_bytes, altered):
    path, offset, line = record
    distance = next_start - offset
    if distance > max_record_bytes + 1:
        raise ValueError(
            f"{path}: a line at or after byte offset {offset} is longer than {max_record_bytes} "
            "bytes (--max-record-mb); the job stops rather than lose it"
        )
    encoded = line.encode("utf-8")
    if len(encoded) != distance - 1 and not (at_end and len(encoded) == distance):
        altered.add(1)
        opening = len(encoded) - len(encoded.lstrip())
        if encoded[opening : opening + 1] == b"{":
            mark = b'"winnow_spark": {"invalid_utf8": true}'
            rest = encoded[opening + 1 :]
            separator = b"" if rest.strip() == b"}" else b", "
            encoded = encoded[: opening + 1] + mark + separator + rest
    return offset, encoded


POSITIONAL_ID = re.compile(r'"id":"-:(\d+)"(,"source":"-")?')


def globalized(output_line, path, offsets):
    """Winnow's output line with stream positions turned into positions in `path`.

    An error record (no `winnow` member; all of it written by Winnow) is rewritten whole. A
    record is edited only where Winnow gave a positional id, the last `"id":"-:N"` (its own
    members follow the input's, which stay byte for byte, so `1e400` stays `1e400`)."""
    if '"winnow":{"encoding":' not in output_line:
        record = json.loads(output_line)
        number = record.pop("line", None)
        if record.get("source") == "-" and number is not None:
            offset = offsets[number - 1]
            record.update(source=path, offset=offset)
            if record.get("id") == f"-:{number}":
                record["id"] = f"{path}@{offset}"
        return json.dumps(record, ensure_ascii=False)
    matches = list(POSITIONAL_ID.finditer(output_line))
    if not matches:
        return output_line
    match = matches[-1]
    offset = offsets[int(match.group(1)) - 1]
    replacement = '"id":' + json.dumps(f"{path}@{offset}", ensure_ascii=False)
    if match.group(2):
        replacement += ',"source":' + json.dumps(path, ensure_ascii=False)
    return output_line[: match.start()] + replacement + output_line[match.end() :]


def run_winnow(command, environment, path, lines):
    """Pipes `lines` (offset, bytes) through `command` and yields its output with global
    positions. Like `RDD.pipe(checkCode=True)`, but bytes in, and positions kept."""
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment
    )
    offsets = array.array("q")
    failure = []

    def feed():
        try:
            for offset, encoded in lines:
                offsets.append(offset)
                process.stdin.write(encoded + b"\n")
        except BaseException as error:  # noqa: BLE001 - re-raised on the task's thread
            failure.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    for output_line in process.stdout:
        yield globalized(output_line.decode("utf-8").rstrip("\n"), path, offsets)
    feeder.join()
    status = process.wait()
    if failure:
        raise failure[0]
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} exited with status {status}")


def read_text_pages(spark_context, paths):
    """One JSONL line per text file, its path as the id, in path order."""

    def as_json(path_and_bytes):
        path, content = path_and_bytes
        text = content.decode("utf-8", errors="replace")
        return json.dumps({"id": path, "text": text}, ensure_ascii=False)

    return spark_context.binaryFiles(",".join(paths)).sortByKey().map(as_json)


def winnow_command(binary, args):
    command = [binary, "clean", "--input-format", "jsonl", "--errors", "inline"]
    command += ["--text-field", args.text_field, "--progress", "never"]
    if args.config:
        command += ["--config", args.config]
    return command


def commit_output(spark_context, staging, output):
    """Renames the finished staging directory to the output through Hadoop's file system, so
    the same code works on local disk, HDFS and object stores."""
    jvm = spark_context._jvm
    hadoop_conf = spark_context._jsc.hadoopConfiguration()
    source = jvm.org.apache.hadoop.fs.Path(staging)
    file_system = source.getFileSystem(hadoop_conf)
    if not file_system.rename(source, jvm.org.apache.hadoop.fs.Path(output)):
        raise RuntimeError(f"could not rename {staging} to {output}")


def main(argv):
    args = parse_arguments(argv)
    spark = SparkSession.builder.appName("winnow").getOrCreate()
    context = spark.sparkContext
    binary = shipped_path(context, args.winnow)
    if args.config:
        args.config = shipped_path(context, args.config)
    environment = {"LC_ALL": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin"}
    command = winnow_command(binary, args)
    altered = context.accumulator(0)
    if args.text_input:
        documents = read_text_pages(context, args.input)
        cleaned = documents.pipe(" ".join(command), env=environment, checkCode=True)
    else:
        max_record_bytes = args.max_record_mb << 20
        lines, files = read_jsonl_lines(context, args.input, args.split_mb, max_record_bytes)
        ends = partition_ends(context, lines, files)

        def clean_partition(index, records):
            checked_records = checked_lines(records, ends[index], max_record_bytes, altered)
            return run_winnow(command, environment, files[index], checked_records)

        cleaned = lines.mapPartitionsWithIndex(clean_partition)

    staging = f"{args.output.rstrip('/')}.partial-{context.applicationId}"
    try:
        cleaned.saveAsTextFile(staging)
    except Exception:
        print(f"winnow_spark: job failed; partial output left in {staging}", file=sys.stderr)
        raise
    commit_output(context, staging, args.output)
    if altered.value:
        print(
            f"winnow_spark: {altered.value} lines had bytes that are not UTF-8, replaced by "
            'U+FFFD by Hadoop (marked "winnow_spark": {"invalid_utf8": true})',
            file=sys.stderr,
        )
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
