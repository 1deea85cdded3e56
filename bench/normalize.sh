#!/usr/bin/env bash
# Decode + repair + normalize throughput on one core, on clean UTF-8 text (the dev set pages
# and the multilingual clean set, fixtures/normalize/clean.tsv): first in process (the
# release-mode NormalizeThroughputTests, no reading or writing of records), then end to end
# with `winnow clean --jobs 1` and the boilerplate and language stages off, with normalize
# on and off. Each line gives the wall clock and the CPU time (user + system, or the thread's
# in process): on a shared machine only the second means anything.
# Usage: bench/normalize.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-100}
corpus=bench/out/normalize-corpus
. bench/corpus.sh

# Each folder: the dev-set pages and one page of the multilingual clean set.
add_clean_set() {
  for _ in 1 2 3 4 5 6 7 8; do cut -f2 fixtures/normalize/clean.tsv; echo; done >"$1/clean-set.txt"
}
bench_setup "$corpus" "$target_mb" add_clean_set
bytes=$corpus_bytes

config_with() {
  local file
  file=$(mktemp --suffix .yaml)
  printf 'normalize:\n  enabled: %s\nboilerplate:\n  enabled: false\nlanguage:\n  enabled: false\n' \
    "$1" >"$file"
  echo "$file"
}

run() {
  local label=$1 config start end times
  config=$(config_with "$2")
  times=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$times" \
    "$winnow" clean "$corpus" --jobs 1 --progress never --config "$config" -o /dev/null 2>/dev/null
  end=$(date +%s.%N)
  rm -f "$config"
  awk -v b="$bytes" -v s="$start" -v e="$end" -v l="$label" '{
    printf "%s: %.2f s, %.1f MB/s, %.1f MB per CPU-second\n", l, e - s, b / 1e6 / (e - s), b / 1e6 / ($1 + $2) }' "$times"
  rm -f "$times"
}
# A second, harder corpus: the 50-language clean set alone (every line non-ASCII, many
# scripts), 20 MB.
multi=bench/out/normalize-multi
if [ ! -f "$multi/.complete" ]; then
  rm -rf "$multi" && mkdir -p "$multi"
  for i in $(seq 1 400); do
    for _ in 1 2 3 4 5 6 7 8 9 10; do cut -f2 fixtures/normalize/clean.tsv; echo; done >"$multi/$i.txt"
  done
  touch "$multi/.complete"
fi
in_process() {
  echo -n "$1: "
  WINNOW_BENCH="$PWD/$2" swift test -c release -Xswiftc -enable-testing \
    --scratch-path .build-bench --filter NormalizeThroughputTests 2>/dev/null | grep -o 'decode + .*MB/s.*'
}
in_process "dev set + clean set, in process" "$corpus"
in_process "clean set in 50 languages only, in process" "$multi"
run "read + decode + emit (normalize off)" false
run "read + decode + repair + normalize + emit" true
