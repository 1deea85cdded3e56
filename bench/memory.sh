#!/usr/bin/env bash
# Peak memory of `winnow` on each hostile input shape of issue 12, with the default limits,
# under /usr/bin/time -v. Prints a Markdown table (shape, input, exit status, seconds, peak
# RSS); the target is under 300 MB for every row. Usage: bench/memory.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || swift build -c release --product winnow >/dev/null
winnow=$PWD/.build/release/winnow
out=bench/out/memory
rm -rf "$out" && mkdir -p "$out"
python=$(command -v python3)

# --- inputs -----------------------------------------------------------------------------
"$python" - "$out" <<'PY'
import gzip, os, sys
out = sys.argv[1]
def path(name): return os.path.join(out, name)
# 4 M JSONL lines whose text is in a member the run is not told about: all fail in a row.
with open(path("wrong-field.jsonl"), "w") as f:
    line = '{"body": "a short document that has its text under another name"}\n'
    for _ in range(4): f.write(line * 1_000_000)
# A 20 MB page of 10.5 M one-character lines, and one just under limits.max_lines.
with open(path("tiny-lines.txt"), "w") as f: f.write("a\n" * 10_500_000)
with open(path("max-lines.txt"), "w") as f: f.write("a\n" * 199_999)
# A page of the seeds' prose just under limits.max_document_bytes (64 MiB), in paragraphs
# of about 400 bytes, so that it stays under limits.max_lines and is cleaned.
seeds = sorted(os.listdir("fixtures/seeds"))
words = " ".join(open(os.path.join("fixtures/seeds", s), encoding="utf-8").read()
                 for s in seeds if s.endswith(".txt")).split()
paragraphs, line = [], []
for word in words:
    line.append(word)
    if sum(len(w) + 1 for w in line) >= 400:
        paragraphs.append(" ".join(line)); line = []
block = ("\n".join(paragraphs) + "\n").encode("utf-8")
with open(path("max-bytes.txt"), "wb") as f:
    written = 0
    while written + len(block) < (64 << 20) - 1024:
        f.write(block); written += len(block)
# A 10 MB .jsonl.gz that expands to 10 GiB: one endless line.
with gzip.open(path("bomb.jsonl.gz"), "wb", compresslevel=9) as f:
    f.write(b'{"text": "')
    chunk = b"x" * (1 << 24)
    for _ in range(640): f.write(chunk)
    f.write(b'"}\n')
# YAML: aliases to aliases (7 levels, 9 each) and 5,000 levels of nesting.
levels = "abcdefg"
with open(path("alias-bomb.yaml"), "w") as f:
    f.write('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n')
    for prev, name in zip(levels, levels[1:]):
        f.write(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n")
with open(path("deep.yaml"), "w") as f: f.write("boilerplate: " + "[" * 5000 + "]" * 5000 + "\n")
# A user regex that backtracks catastrophically, over a page of 2,000 lines.
with open(path("slow-regex.yaml"), "w") as f:
    f.write("boilerplate:\n  rules:\n    - id: slow\n      kind: junk\n"
            "      regex: '(a+)+$'\n      action: drop-line\n")
with open(path("regex-page.txt"), "w") as f:
    f.write("\n".join(f"Paragraph {i} of the story: " + "a" * 28 + "!" for i in range(2000)))
PY

# --- runs -------------------------------------------------------------------------------
echo "| shape | input | exit | seconds | peak RSS (MB) |"
echo "|---|---|---|---|---|"
measure() {
  local shape=$1 size=$2
  shift 2
  local log
  log=$(mktemp)
  set +e
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$out/stderr.txt"
  local status=$?
  set -e
  local seconds peak
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$log")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  rm -f "$log"
  echo "| $shape | $size | $status | $seconds | $peak |"
}
size() { du -h --apparent-size "$1" | cut -f1; }
stream() { # shape size command...: the command's stdout piped into winnow
  local shape=$1 size=$2 source=$3
  shift 3
  measure "$shape" "$size" bash -c "$source | \"\$@\"" _ "$@"
}

measure "4 M failed JSONL records in a row (--text-field text, text under body)" \
  "$(size $out/wrong-field.jsonl)" "$winnow" clean "$out/wrong-field.jsonl" --progress never \
  --errors /dev/null
measure "page of 10.5 M one-character lines (over limits.max_lines)" \
  "$(size $out/tiny-lines.txt)" "$winnow" clean "$out/tiny-lines.txt" --progress never
measure "page of 199,999 one-character lines (just under limits.max_lines)" \
  "$(size $out/max-lines.txt)" "$winnow" clean "$out/max-lines.txt" --progress never
measure "page of prose in 400-byte lines just under limits.max_document_bytes, --jobs 1" \
  "$(size $out/max-bytes.txt)" "$winnow" clean "$out/max-bytes.txt" --progress never --jobs 1
measure "two such pages, --jobs 2" "2 x $(size $out/max-bytes.txt)" \
  "$winnow" clean "$out/max-bytes.txt" "$out/max-bytes.txt" --progress never --jobs 2
stream "WET from /dev/zero (no line ends)" "1 GiB" "head -c 1G /dev/zero" \
  "$winnow" clean --input-format wet --progress never
stream "JSONL from /dev/zero (no line ends)" "1 GiB" "head -c 1G /dev/zero" \
  "$winnow" clean --input-format jsonl --progress never
measure ".jsonl.gz of one line expanding to 10 GiB" "$(size $out/bomb.jsonl.gz)" \
  "$winnow" clean "$out/bomb.jsonl.gz" --progress never
measure "YAML alias bomb (7 levels of 9 aliases)" "$(size $out/alias-bomb.yaml)" \
  "$winnow" config check "$out/alias-bomb.yaml"
measure "YAML nested 5,000 deep" "$(size $out/deep.yaml)" \
  "$winnow" config check "$out/deep.yaml"
measure "user regex (a+)+\$ over 2,000 lines" "$(size $out/regex-page.txt)" \
  "$winnow" clean "$out/regex-page.txt" --config "$out/slow-regex.yaml" --progress never
