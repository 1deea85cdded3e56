#!/usr/bin/env bash
# Two builds of winnow timed in turn on the same corpus, one job each, so that a busy or
# slower machine weighs on both alike: CPU seconds (user + system) and MB per CPU-second of
# each round, then the best of each.
# Usage: bench/compare.sh OLD_BINARY NEW_BINARY [MB] [ROUNDS]   (defaults: 60 MB, 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 target_mb=${3:-60} rounds=${4:-3}
corpus=bench/out/corpus-stages
. bench/corpus.sh
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
build_corpus "$corpus" "$target_mb" add_seeds

cpu() {  # prints the CPU seconds of one run of binary $1
  local log
  log=$(mktemp)
  /usr/bin/time -f '%U %S %M' -o "$log" "$1" clean "$corpus" --jobs 1 --progress never \
    -o /dev/null 2>/dev/null || true
  awk '{ printf "%.2f %d\n", $1 + $2, $3 / 1024 }' "$log"
  rm -f "$log"
}

best_old="" best_new=""
for round in $(seq "$rounds"); do
  read -r o om < <(cpu "$old")
  read -r n nm < <(cpu "$new")
  awk -v r="$round" -v o="$o" -v n="$n" -v b="$corpus_bytes" -v om="$om" -v nm="$nm" 'BEGIN {
    printf "round %d: old %.2f s (%.1f MB/CPU-s, %d MB), new %.2f s (%.1f MB/CPU-s, %d MB)\n",
      r, o, b / 1e6 / o, om, n, b / 1e6 / n, nm }'
  best_old=$(awk -v a="$o" -v b="$best_old" 'BEGIN { print (b == "" || a < b) ? a : b }')
  best_new=$(awk -v a="$n" -v b="$best_new" 'BEGIN { print (b == "" || a < b) ? a : b }')
done
awk -v o="$best_old" -v n="$best_new" -v b="$corpus_bytes" 'BEGIN {
  printf "best: old %.1f MB per CPU-second, new %.1f (%+.1f %%)\n",
    b / 1e6 / o, b / 1e6 / n, (o / n - 1) * 100 }'
