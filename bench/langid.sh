#!/usr/bin/env bash
# Throughput of `winnow langid` on one core: the dev-set sentences (text column of
# ../shared/devset/langid/sentences.tsv), copied until the file holds at least MB megabytes,
# read from stdin with the answers thrown away. Best of three runs.
# Usage: bench/langid.sh [MB]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-60}
sentences=../shared/devset/langid/sentences.tsv
input=bench/out/langid-sentences-$target_mb.txt

swift build -c release --product winnow >/dev/null
winnow=.build/release/winnow

if [ ! -f "$input" ]; then
  mkdir -p bench/out
  one=$(mktemp)
  cut -f2 "$sentences" >"$one"
  copies=$(awk -v t="$target_mb" -v s="$(stat -c %s "$one")" 'BEGIN { print int(t * 1e6 / s) + 1 }')
  for _ in $(seq 1 "$copies"); do cat "$one"; done >"$input.tmp"
  rm -f "$one"
  mv "$input.tmp" "$input"
fi
bytes=$(stat -c %s "$input")

best=0
for _ in 1 2 3; do
  start=$(date +%s.%N)
  taskset -c 0 "$winnow" langid <"$input" >/dev/null
  end=$(date +%s.%N)
  best=$(awk -v b="$bytes" -v s="$start" -v e="$end" -v m="$best" 'BEGIN {
    r = b / 1e6 / (e - s); print (r > m ? r : m) }')
done
awk -v b="$bytes" -v r="$best" 'BEGIN {
  printf "winnow langid: %.1f MB of sentences, %.1f MB/s (best of 3, one core)\n", b / 1e6, r }'
