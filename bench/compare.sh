#!/usr/bin/env bash
# MB per CPU-second of two winnow binaries on the same corpus (the dev-set pages and the
# multilingual clean set, as bench/normalize.sh builds it), one job, timed in turn so that
# both see the same load: the whole pipeline (default config), and decode + repair +
# normalize alone (boilerplate and language stages off).
# Usage: bench/compare.sh OLD_BINARY NEW_BINARY [MB] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 target_mb=${3:-40} rounds=${4:-3}
corpus=bench/out/compare-corpus
. bench/corpus.sh
add_clean_set() {
  for _ in 1 2 3 4 5 6 7 8; do cut -f2 fixtures/normalize/clean.tsv; echo; done >"$1/clean-set.txt"
}
build_corpus "$corpus" "$target_mb" add_clean_set
normalize_only=$(mktemp --suffix .yaml)
printf 'boilerplate:\n  enabled: false\nlanguage:\n  enabled: false\n' >"$normalize_only"
trap 'rm -f "$normalize_only"' EXIT

# Prints the CPU seconds (user + system) of one run.
cpu_seconds() {
  local log
  log=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$log" "$@" --jobs 1 --progress never -o /dev/null 2>/dev/null
  awk '{print $1 + $2}' "$log"
  rm -f "$log"
}

for label in "whole pipeline" "decode + repair + normalize"; do
  config=()
  [ "$label" = "whole pipeline" ] || config=(--config "$normalize_only")
  best_old=0 best_new=0
  for _ in $(seq "$rounds"); do
    for which in old new; do
      binary=${!which}
      rate=$(awk -v b="$corpus_bytes" -v c="$(cpu_seconds "$binary" clean "$corpus" "${config[@]}")" \
        'BEGIN { printf "%.2f", b / 1e6 / c }')
      if [ "$which" = old ]; then
        best_old=$(awk -v a="$best_old" -v r="$rate" 'BEGIN { print (r > a ? r : a) }')
      else
        best_new=$(awk -v a="$best_new" -v r="$rate" 'BEGIN { print (r > a ? r : a) }')
      fi
    done
  done
  awk -v l="$label" -v o="$best_old" -v n="$best_new" 'BEGIN {
    printf "%s: old %.1f, new %.1f MB per CPU-second (best of rounds), %+.1f %%\n",
      l, o, n, 100 * (n - o) / o }'
done
