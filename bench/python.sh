#!/usr/bin/env bash
# Python's Cleaner.clean_many against the CLI on the same JSONL: N small documents (default
# 100,000; two sentences of the dev set's 75 languages each), best of three runs each.
#   bench/python.sh [N]
# Needs a release build (swift build -c release); the package is imported from python/.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$repo/bench/out/python"
WINNOW_BINARY=$repo/.build/release/winnow PYTHONPATH=$repo/python "${PYTHON:-python3}" - "$repo" "${1:-100000}" <<'PY'
import json, os, resource, subprocess, sys, time
import winnow

try:  # the caller parses its input with the package's own JSON library, as a user would
    from orjson import loads
except ImportError:
    from json import loads

repo, count = sys.argv[1], int(sys.argv[2])
tsv = os.path.join(repo, "..", "shared", "devset", "langid", "sentences.tsv")
sentences = [line.split("\t", 1)[1].strip() for line in open(tsv, encoding="utf-8")]
path = os.path.join(repo, "bench", "out", "python", f"docs-{count}.jsonl")
with open(path, "w", encoding="utf-8") as out:
    for n in range(count):
        text = sentences[n % len(sentences)] + "\n" + sentences[(7 * n + 3) % len(sentences)]
        out.write(json.dumps({"id": f"d{n}", "text": text}, ensure_ascii=False) + "\n")
mb = os.path.getsize(path) / 1e6
binary = os.environ["WINNOW_BINARY"]


def cli():
    command = [binary, "clean", "--input-format", "jsonl", "--errors", "inline"]
    command += ["--drops", "inline", "--progress", "never", path]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def python():
    with open(path, encoding="utf-8") as lines:
        results = winnow.Cleaner().clean_many(loads(line) for line in lines)
        assert sum(1 for _ in results) == count


def measure(run):
    """Wall seconds, this process's CPU seconds and winnow's CPU seconds of one run."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return wall, cpu, child


# Alternating runs, so that a change in the machine's load hits both sides alike.
runs = {"cli": [], "python": []}
for _ in range(3):
    runs["cli"].append(measure(cli))
    runs["python"].append(measure(python))
cli_s, py_s = (min(wall for wall, _, _ in runs[side]) for side in ("cli", "python"))
_, py_cpu, py_child = min(runs["python"])
print(f"{count} documents, {mb:.1f} MB")
print(f"winnow clean (CLI)   {cli_s:6.2f} s  {count / cli_s:8.0f} docs/s  {mb / cli_s:5.1f} MB/s")
print(f"Cleaner.clean_many   {py_s:6.2f} s  {count / py_s:8.0f} docs/s  {mb / py_s:5.1f} MB/s")
print(f"clean_many's throughput is {cli_s / py_s:.0%} of the CLI's")
print(
    f"clean_many's own CPU: {py_cpu * 1e6 / count:.1f} us per document "
    f"({py_cpu / py_child:.0%} on top of winnow's {py_child:.2f} CPU s)"
)
PY
