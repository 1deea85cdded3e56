#!/usr/bin/env bash
# Documents/s and MB/s through Spark local[2] (examples/spark) against `winnow clean --jobs 2`
# on the same JSONL input, built from the dev set. Usage: bench/spark.sh [copies]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
devset=../shared/devset/boilerplate/cases
out=bench/out/spark
rm -rf "$out" && mkdir -p "$out"
swift build -c release --product winnow >/dev/null
winnow=$PWD/.build/release/winnow
bash examples/spark/test.sh --collect-only -q >/dev/null  # sets up the virtual environment
venv=$PWD/examples/spark/.venv
export PATH=$venv/bin:$PATH PYSPARK_PYTHON=$venv/bin/python

"$venv/bin/python" - "$devset" "$copies" "$out/docs.jsonl" <<'PY'
import json, pathlib, sys
cases, copies, target = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pages = sorted(p for p in cases.glob("*.txt") if not p.name.endswith(".gold.txt"))
with open(target, "w", encoding="utf-8") as out:
    for copy in range(copies):
        for page in pages:
            text = page.read_text(encoding="utf-8", errors="replace")
            out.write(json.dumps({"id": f"{copy}/{page.stem}", "text": text}, ensure_ascii=False) + "\n")
PY
docs=$(wc -l <"$out/docs.jsonl")
bytes=$(stat -c %s "$out/docs.jsonl")
echo "input: $docs documents, $((bytes / 1048576)) MiB of JSONL"

report() {
  awk -v n="$docs" -v b="$bytes" -v s="$2" -v what="$1" 'BEGIN {
    printf "%-28s %6.1f s  %8.0f docs/s  %6.1f MB/s\n", what, s, n / s, b / 1e6 / s }'
}
start=$(date +%s%N)
"$winnow" clean --input-format jsonl --jobs 2 --progress never "$out/docs.jsonl" \
  -o "$out/direct.jsonl" 2>/dev/null
report "winnow clean --jobs 2" "$(( ($(date +%s%N) - start) / 1000000 ))e-3"

start=$(date +%s%N)
"$venv/bin/spark-submit" --master 'local[2]' --files "$winnow" --conf spark.ui.enabled=false \
  examples/spark/winnow_spark.py "$out/docs.jsonl" "$out/spark" --split-mb 16 2>/dev/null
report "spark local[2] (with start-up)" "$(( ($(date +%s%N) - start) / 1000000 ))e-3"
