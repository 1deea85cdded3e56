#!/usr/bin/env bash
# Throughput and peak memory of `winnow clean` on a corpus of >= 200 MB built from the dev set
# and the seeds, with 1 job and with all cores. Usage: bench/run.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-200}
corpus=bench/out/corpus
. bench/corpus.sh
bench_setup "$corpus" "$target_mb" add_seeds
bytes=$corpus_bytes

run() {
  local jobs=$1 log
  log=$(mktemp)
  /usr/bin/time -f '%e %M %U %S' -o "$log" "$winnow" clean "$corpus" --jobs "$jobs" \
    --progress never -o /dev/null 2>/dev/null
  read -r seconds peak_kb user system <"$log"
  rm -f "$log"
  # MB per CPU-second is the per-core rate, steadier than wall clock on a shared machine.
  awk -v b="$bytes" -v s="$seconds" -v k="$peak_kb" -v j="$jobs" -v c="$user" -v y="$system" '
    BEGIN { printf "jobs %d: %.1f s, %.1f MB/s, %.1f MB per CPU-second, peak RSS %.0f MB\n",
      j, s, b / 1e6 / s, b / 1e6 / (c + y), k / 1024 }'
}
run 1
run "$(nproc)"
