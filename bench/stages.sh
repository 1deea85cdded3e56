#!/usr/bin/env bash
# What each stage costs the pipeline: `winnow clean` on one core over the bench corpus with
# the default configuration, then with one stage (or the cross-document survey) switched off.
# Prints wall-clock and CPU-time throughput and the share of CPU time each part takes.
# CPU time (user + system) is the steadier measure on a shared machine.
# Usage: bench/stages.sh [MB]   (corpus size, default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-60}
corpus=bench/out/corpus-stages
. bench/corpus.sh
bench_setup "$corpus" "$target_mb" add_seeds
configs=$(mktemp -d)
trap 'rm -rf "$configs"' EXIT
printf 'boilerplate:\n  cross_document:\n    enabled: false\n' >"$configs/survey.yaml"
for stage in normalize boilerplate language; do
  printf '%s:\n  enabled: false\n' "$stage" >"$configs/$stage.yaml"
done

# cpu_seconds CONFIG_OR_EMPTY: runs the corpus on one job; prints "wall cpu".
cpu_seconds() {
  local log extra=()
  log=$(mktemp)
  [ -n "$1" ] && extra=(--config "$1")
  /usr/bin/time -f '%e %U %S' -o "$log" "$winnow" clean "$corpus" --jobs 1 --progress never \
    "${extra[@]}" -o /dev/null 2>/dev/null
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$log"
  rm -f "$log"
}

read -r wall_all cpu_all < <(cpu_seconds "")
awk -v b="$corpus_bytes" -v w="$wall_all" -v c="$cpu_all" 'BEGIN {
  printf "%-28s %6.1f MB/s wall %6.1f MB/s CPU\n", "all stages (default)", b/1e6/w, b/1e6/c }'
for part in survey normalize boilerplate language; do
  read -r wall cpu < <(cpu_seconds "$configs/$part.yaml")
  awk -v b="$corpus_bytes" -v w="$wall" -v c="$cpu" -v all="$cpu_all" -v p="$part" 'BEGIN {
    printf "%-28s %6.1f MB/s wall %6.1f MB/s CPU   %s costs %4.1f %% of CPU time\n",
      "without " p, b/1e6/w, b/1e6/c, p, 100 * (all - c) / all }'
done
