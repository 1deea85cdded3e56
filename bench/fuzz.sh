#!/usr/bin/env bash
# Seeded random fuzzing of the decoder (the whole pipeline), the input readers (text, JSONL,
# WET, plain and gzip) and the config loader, SECONDS each (default 60), from the fixtures
# as seeds. A crash or a failed invariant stops with the reproducer in bench/out/fuzz/<target>/current.
# Usage: bench/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
seed=${2:-1}
swift build -c release --product WinnowFuzz >/dev/null
fuzz=$PWD/.build/release/WinnowFuzz
status=0
for target in decode readers config; do
  scratch=bench/out/fuzz/$target
  rm -rf "$scratch" && mkdir -p "$scratch"
  case $target in
    decode) seeds=(fixtures/seeds/*.txt fixtures/encodings/*.txt fixtures/encodings/*.bin) ;;
    readers) seeds=(fixtures/seeds/*.txt fixtures/normalize/* bench/fuzz-seeds/*) ;;
    config) seeds=(config/default.yaml fixtures/configs/*.yaml) ;;
  esac
  if ! "$fuzz" "$target" "$seconds" "$seed" "$scratch" "${seeds[@]}"; then
    echo "fuzz.sh: $target failed (exit status above); reproducer: $scratch/current"
    status=1
  fi
done
exit $status
