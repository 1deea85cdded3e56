#!/usr/bin/env bash
# What each stage costs the pipeline: `winnow clean` on one core over the bench corpus with
# the default configuration, then with one stage (or the cross-document survey) switched off.
# Prints wall-clock and CPU-time throughput and the share of the default run's CPU time each
# part takes.
# CPU time (user + system) is the steadier measure on a shared machine.
# Usage: bench/stages.sh [MB]   (corpus size, default 60; WINNOW=path measures another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-60}
corpus=bench/out/corpus-stages
. bench/corpus.sh
bench_setup "$corpus" "$target_mb" add_seeds
configs=$(mktemp -d)
trap 'rm -rf "$configs"' EXIT
printf 'boilerplate:\n  cross_document:\n    enabled: false\n' >"$configs/survey.yaml"
printf 'normalize:\n  enabled: false\n' >"$configs/normalize.yaml"
printf 'language:\n  enabled: false\n' >"$configs/language.yaml"
printf 'language:\n  enabled: false\nboilerplate:\n  cross_document:\n    enabled: false\n' \
  >"$configs/language-survey.yaml"
printf 'language:\n  enabled: false\nboilerplate:\n  enabled: false\n' >"$configs/both.yaml"

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

row() { # row LABEL WALL CPU SHARE_LABEL SHARE_CPU_SECONDS
  awk -v b="$corpus_bytes" -v w="$2" -v c="$3" -v all="$cpu_all" -v l="$1" -v p="${4:-}" -v s="${5:-0}" '
    BEGIN { printf "%-36s %6.1f MB/s wall %6.1f MB/s CPU", l, b/1e6/w, b/1e6/c
      if (p != "") printf "   %s: %4.1f %% of CPU time", p, 100 * s / all
      printf "\n" }'
}
read -r wall_all cpu_all < <(cpu_seconds "")
row "all stages (default)" "$wall_all" "$cpu_all"
for part in survey normalize language; do
  read -r wall cpu < <(cpu_seconds "$configs/$part.yaml")
  row "without $part" "$wall" "$cpu" "$part" "$(awk -v a="$cpu_all" -v c="$cpu" 'BEGIN{print a-c}')"
done
# Switching boilerplate off alone sends every chrome line to the language stage, which then
# costs more than boilerplate saved; and it stops the survey too. So the stage's own cost is
# measured with the language stage and the survey off.
read -r wall cpu < <(cpu_seconds "$configs/language-survey.yaml")
row "without language and survey" "$wall" "$cpu"
cpu_without_language_survey=$cpu
read -r wall cpu < <(cpu_seconds "$configs/both.yaml")
row "without language and boilerplate" "$wall" "$cpu" boilerplate \
  "$(awk -v a="$cpu_without_language_survey" -v c="$cpu" 'BEGIN{print a-c}')"
