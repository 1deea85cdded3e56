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
"""

import argparse
import json
import os
import sys

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


def read_jsonl_lines(spark_context, paths, split_mb):
    """JSONL lines in input order, split at "\\n" only (a trailing "\\r" is left to Winnow)."""
    conf = {"textinputformat.record.delimiter": "\n"}
    if split_mb:
        conf["mapreduce.input.fileinputformat.split.maxsize"] = str(split_mb << 20)
    return spark_context.newAPIHadoopFile(
        ",".join(paths),
        TEXT_INPUT_FORMAT,
        "org.apache.hadoop.io.LongWritable",
        "org.apache.hadoop.io.Text",
        conf=conf,
    ).map(lambda offset_and_line: offset_and_line[1])


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
    return " ".join(command)


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
    if args.text_input:
        documents = read_text_pages(context, args.input)
    else:
        documents = read_jsonl_lines(context, args.input, args.split_mb)

    binary = shipped_path(context, args.winnow)
    if args.config:
        args.config = shipped_path(context, args.config)
    environment = {"LC_ALL": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin"}
    cleaned = documents.pipe(winnow_command(binary, args), env=environment, checkCode=True)

    staging = f"{args.output.rstrip('/')}.partial-{context.applicationId}"
    try:
        cleaned.saveAsTextFile(staging)
    except Exception:
        print(f"winnow_spark: job failed; partial output left in {staging}", file=sys.stderr)
        raise
    commit_output(context, staging, args.output)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
