#!/usr/bin/env bash
# Installs what is missing, builds, runs every test with ctest, then a short fuzz run of every
# parser. Exits non-zero on any failure.
#   CC_FUZZ_SECONDS=N  seconds per fuzz target (default 10; 0 skips the fuzz run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"

build="$root/build/test"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON -DCC_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2

(cd "$build" && ctest --output-on-failure -j2 --timeout 600 "$@")

seconds="${CC_FUZZ_SECONDS:-10}"
if [ "$seconds" != "0" ]; then
  "$root/scripts/fuzz.sh" "$seconds"
fi
