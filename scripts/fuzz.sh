#!/usr/bin/env bash
# A short fuzz run of every parser (libFuzzer, clang, address and undefined-behaviour sanitizers).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 15)
# A crash leaves its input in build/fuzz/crashes/; copy it into tests/fuzz/corpus/<target>/ so
# that it becomes a regression test, and fix the parser.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-15}"
build="$root/build/fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_FUZZ=ON \
  -DCC_BUILD_GUI=OFF -DCC_BUILD_BENCH=OFF -DCC_BUILD_TESTS=ON >/dev/null
targets=()
for src in "$root"/tests/fuzz/fuzz_*.cpp; do
  [ -e "$src" ] || continue
  targets+=("$(basename "$src" .cpp)")
done
[ ${#targets[@]} -gt 0 ] || { echo "no fuzz targets"; exit 0; }
cmake --build "$build" -j2 --target "${targets[@]}"
mkdir -p "$build/crashes"
status=0
for t in "${targets[@]}"; do
  work="$(mktemp -d)"
  cp -r "$root/tests/fuzz/corpus/$t/." "$work/" 2>/dev/null || true
  if LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0" \
     "$build/tests/$t" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix="$build/crashes/$t-" -print_final_stats=0 >"$build/$t.log" 2>&1; then
    echo "fuzz $t: $(grep -Eo 'Done [0-9]+ runs' "$build/$t.log" | tail -1) in ${seconds} s, no crash"
  else
    echo "fuzz $t: FAILED, see $build/$t.log and $build/crashes/"
    tail -30 "$build/$t.log"
    status=1
  fi
  rm -rf "$work"
done
exit $status
