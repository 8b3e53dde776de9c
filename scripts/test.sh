#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"

build="$root/build/test"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON -DCC_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2

cd "$build"
ctest --output-on-failure -j2 --timeout 600 "$@"
