#!/usr/bin/env bash
# Time and peak memory of `winnow report` over a run of `winnow clean --explain` on the dev set
# (each page `copies` times, as JSONL). The report streams its input: memory should stay flat
# as the input grows. Usage: bench/report.sh [copies]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-5}
devset=../shared/devset/boilerplate/cases
out=bench/out/report
rm -rf "$out" && mkdir -p "$out"
swift build -c release --product winnow >/dev/null
winnow=$PWD/.build/release/winnow

python3 - "$devset" "$copies" "$out/docs.jsonl" <<'PY'
import json, pathlib, sys
cases, copies, target = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pages = sorted(p for p in cases.glob("*.txt") if not p.name.endswith(".gold.txt"))
with open(target, "w", encoding="utf-8") as out:
    for copy in range(copies):
        for page in pages:
            text = page.read_text(encoding="utf-8", errors="replace")
            out.write(json.dumps({"id": f"{copy}/{page.stem}", "text": text}, ensure_ascii=False) + "\n")
PY
"$winnow" clean --input-format jsonl --explain --drops inline --errors inline --progress never \
  "$out/docs.jsonl" -o "$out/cleaned.jsonl" 2>/dev/null
lines=$(wc -l <"$out/cleaned.jsonl")
bytes=$(stat -c %s "$out/cleaned.jsonl")
echo "input of the report: $lines lines, $((bytes / 1048576)) MiB of 'winnow clean --explain' output"

for sample in 20 200; do
  /usr/bin/time -f "%e %M" -o "$out/time" \
    "$winnow" report "$out/cleaned.jsonl" --sample "$sample" -o "$out/report-$sample.html"
  read -r seconds kilobytes <"$out/time"
  awk -v n="$lines" -v b="$bytes" -v s="$seconds" -v k="$kilobytes" -v sample="$sample" \
    -v size="$(stat -c %s "$out/report-$sample.html")" 'BEGIN {
    printf "winnow report --sample %-4d %6.2f s  %7.0f lines/s  %6.1f MB/s  peak RSS %5.1f MiB  report %5.1f MiB\n",
      sample, s, n / s, b / 1e6 / s, k / 1024, size / 1048576 }'
done
