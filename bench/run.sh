#!/usr/bin/env bash
# Throughput and peak memory of `winnow clean` on a corpus of >= 200 MB built from the dev set
# and the seeds, with 1 job and with all cores. Usage: bench/run.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-200}
devset=../shared/devset/boilerplate/cases
corpus=bench/out/corpus
[ -d "$devset" ] || { echo "bench: $devset not found (the dev set sits beside the checkout)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

swift build -c release --product winnow >/dev/null
winnow=.build/release/winnow

# The corpus: copies of every dev-set page and seed, in numbered folders, until it is big enough.
if [ ! -f "$corpus/.complete-$target_mb" ]; then
  rm -rf "$corpus"
  round=0
  while :; do
    dir=$(printf '%s/%04d' "$corpus" "$round")
    mkdir -p "$dir"
    for f in "$devset"/*.txt fixtures/seeds/*.txt; do
      case "$f" in *.gold.txt) continue ;; esac
      cp "$f" "$dir/"
    done
    round=$((round + 1))
    size=$(du -sm --apparent-size "$corpus" | cut -f1)
    [ "$size" -ge "$target_mb" ] && break
  done
  touch "$corpus/.complete-$target_mb"
fi
bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$corpus" -type f -name '*.txt' | wc -l)
echo "corpus: $files files, $((bytes / 1048576)) MiB"

run() {
  local jobs=$1 log
  log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$winnow" clean "$corpus" --jobs "$jobs" --progress never \
    -o /dev/null 2>/dev/null
  read -r seconds peak_kb <"$log"
  rm -f "$log"
  awk -v b="$bytes" -v s="$seconds" -v k="$peak_kb" -v j="$jobs" 'BEGIN {
    printf "jobs %d: %.1f s, %.1f MB/s, peak RSS %.0f MB\n", j, s, b / 1e6 / s, k / 1024 }'
}
run 1
run "$(nproc)"
