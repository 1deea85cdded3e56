#!/usr/bin/env bash
# Throughput of `winnow langid` on one core: the dev-set sentences (text column of
# ../shared/devset/langid/sentences.tsv), copied until the file holds at least MB megabytes,
# read from stdin with the answers thrown away. Best of three runs.
# Usage: bench/langid.sh [MB]   (default 60; WINNOW=path measures another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-60}
sentences=../shared/devset/langid/sentences.tsv
input=bench/out/langid-sentences-$target_mb.txt

command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
[ -n "${WINNOW:-}" ] || swift build -c release --product winnow >/dev/null
winnow=${WINNOW:-.build/release/winnow}

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

# Wall-clock and CPU (user + sys) time: on a busy machine the CPU time is the steadier one.
best_wall=0
best_cpu=0
log=$(mktemp)
for _ in 1 2 3; do
  /usr/bin/time -f '%e %U %S' -o "$log" taskset -c 0 "$winnow" langid <"$input" >/dev/null
  read -r wall user sys <"$log"
  read -r best_wall best_cpu < <(awk -v b="$bytes" -v w="$wall" -v c="$user + $sys" \
    -v bw="$best_wall" -v bc="$best_cpu" 'BEGIN {
      split(c, p, " [+] "); cpu = p[1] + p[2]
      rw = b / 1e6 / w; rc = b / 1e6 / cpu
      print (rw > bw ? rw : bw), (rc > bc ? rc : bc) }')
done
rm -f "$log"
awk -v b="$bytes" -v w="$best_wall" -v c="$best_cpu" 'BEGIN {
  printf "winnow langid: %.1f MB of sentences, %.1f MB/s wall-clock, %.1f MB/s of CPU time (best of 3, one core)\n", b / 1e6, w, c }'
