# Sourced by the benchmarks: builds a corpus of at least TARGET_MB from the dev-set pages, in
# numbered folders (one copy of the pages each), plus whatever the caller's EXTRAS function
# adds to each folder. Sets `corpus_bytes` and `corpus_files`.
# Usage: build_corpus DIR TARGET_MB EXTRAS
build_corpus() {
  local corpus=$1 target_mb=$2 extras=$3 devset=../shared/devset/boilerplate/cases
  [ -d "$devset" ] || {
    echo "bench: $devset not found (the dev set sits beside the checkout)" >&2
    exit 2
  }
  if [ ! -f "$corpus/.complete-$target_mb" ]; then
    rm -rf "$corpus"
    local round=0 dir size f
    while :; do
      dir=$(printf '%s/%04d' "$corpus" "$round")
      mkdir -p "$dir"
      for f in "$devset"/*.txt; do
        case "$f" in *.gold.txt) continue ;; esac
        cp "$f" "$dir/"
      done
      "$extras" "$dir"
      round=$((round + 1))
      size=$(du -sm --apparent-size "$corpus" | cut -f1)
      [ "$size" -ge "$target_mb" ] && break
    done
    touch "$corpus/.complete-$target_mb"
  fi
  corpus_bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  corpus_files=$(find "$corpus" -type f -name '*.txt' | wc -l)
  echo "corpus: $corpus_files files, $((corpus_bytes / 1048576)) MiB"
}

# The common start of the throughput benchmarks: the release binary (sets `winnow`; WINNOW=path
# measures another build instead) and the corpus (as build_corpus).
# Usage: bench_setup DIR TARGET_MB EXTRAS
bench_setup() {
  command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
  [ -n "${WINNOW:-}" ] || swift build -c release --product winnow >/dev/null
  winnow=${WINNOW:-.build/release/winnow}
  build_corpus "$@"
}

# An EXTRAS function: the seed pages in every folder.
add_seeds() { cp fixtures/seeds/*.txt "$1/"; }
