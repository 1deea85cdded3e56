#!/usr/bin/env bash
# Builds a wheel of the Python package with the winnow binary inside it:
#   python/build_wheel.sh [OUT_DIR]      (default: python/dist)
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib); the wheel
# still needs the system's ICU 72, zlib and libstdc++ (Debian/Ubuntu: libicu72, zlib1g, libstdc++6).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/python/dist}
scratch=$repo/.build-wheel

swift build -c release --product winnow --static-swift-stdlib --scratch-path "$scratch" \
  --package-path "$repo"
mkdir -p "$repo/python/winnow/bin"
install -m 755 "$scratch/release/winnow" "$repo/python/winnow/bin/winnow"
echo "== shared libraries the bundled binary needs:"
ldd "$repo/python/winnow/bin/winnow" | awk '{print "   " $1}'

venv=$scratch/wheel-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q "wheel==0.45.1" "setuptools==75.6.0" "build==1.2.2"
rm -rf "$repo/python/build" "$repo/python/"*.egg-info
"$venv/bin/python" -m build --wheel --no-isolation --outdir "$out" "$repo/python"
# The binary makes the wheel specific to this platform, though the Python code is not.
arch=$(uname -m)
for wheel in "$out"/winnow_text-*-py3-none-any.whl; do
  "$venv/bin/python" -m wheel tags --remove --platform-tag "linux_$arch" "$wheel"
done
ls "$out"/*.whl
