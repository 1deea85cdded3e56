#!/usr/bin/env bash
# Instructions executed by decode + repair + normalize, for two binaries: the steady measure
# on a shared machine (CPU time moves with the load; instruction counts do not). This
# machine's perf has no hardware counters, so valgrind's cachegrind counts them (`I refs`) on
# a 5 MB sample of bench/normalize.sh's corpus: 400 dev-set pages and 5 pages of the
# 50-language clean set. Each binary runs with normalize on and off (boilerplate and
# language off); the difference is the normalize stage's cost.
# Usage: bench/normalize_instructions.sh OLD_BINARY NEW_BINARY   (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d bench/out/normalize-corpus ] || [ ! -d bench/out/normalize-multi ]; then
  echo "run bench/normalize.sh first: it builds the corpora this samples" >&2
  exit 1
fi
sample=bench/out/normalize-sample
if [ ! -f "$sample/.complete" ]; then
  rm -rf "$sample" && mkdir -p "$sample"
  find bench/out/normalize-corpus -name '*.txt' | sort | sed -n 1,400p | xargs -I{} cp {} "$sample/"
  for i in 1 2 3 4 5; do cp "bench/out/normalize-multi/$i.txt" "$sample/multi-$i.txt"; done
  touch "$sample/.complete"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf 'boilerplate:\n  enabled: false\nlanguage:\n  enabled: false\n' >"$scratch/on.yaml"
printf 'normalize:\n  enabled: false\nboilerplate:\n  enabled: false\nlanguage:\n  enabled: false\n' \
  >"$scratch/off.yaml"
count() { # binary config -> instructions
  # valgrind cannot read the DWARF 5 the toolchain writes: count a copy without debug info.
  strip --strip-debug -o "$scratch/bin" "$1"
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$scratch/bin" clean \
    "$sample" --jobs 1 --progress never --config "$2" -o /dev/null 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
for binary in "$@"; do
  on=$(count "$binary" "$scratch/on.yaml")
  off=$(count "$binary" "$scratch/off.yaml")
  echo "$binary: $on instructions with normalize, $off without; normalize $((on - off))"
done
