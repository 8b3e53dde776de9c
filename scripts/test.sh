#!/usr/bin/env bash
# Installs what is missing, builds, runs every test with ctest, then a short fuzz run of every
# parser, with a throwaway PostgreSQL cluster for the team-server tests. Exits non-zero on any failure.
#   CC_FUZZ_SECONDS=N  seconds per fuzz target (default 10; 0 skips the fuzz run)
set -euo pipefail
# The tests expect the interface in English unless they ask for another language themselves.
export LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"

build="$root/build/test"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_TESTS=ON -DCC_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2

# A throwaway PostgreSQL cluster for the team-server tests (CC_TEST_PG), removed at the end
# whatever happens; tests that need it skip only when CC_TEST_PG is unset.
eval "$("$root/scripts/pg_cluster.sh" start)"
trap '"$root/scripts/pg_cluster.sh" stop "$CC_TEST_PG_DIR"' EXIT
echo "test cluster: $CC_TEST_PG"

(cd "$build" && ctest --output-on-failure -j2 --timeout 600 "$@")

# The command line without a display stack (CC_BUILD_GUI=OFF): it builds with no OpenGL, GLFW or
# Dear ImGui, and its command-line and storage tests pass (the long stress runs, the same code in
# both builds, run above only).
headless="$root/build/headless"
cmake -S "$root" -B "$headless" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_GUI=OFF -DCC_BUILD_TESTS=ON \
  -DCC_BUILD_BENCH=OFF >/dev/null
cmake --build "$headless" -j2 --target customer-canvas cli_tests storage_tests
if ldd "$headless/app/customer-canvas" | grep -Eq 'libGL|libglfw'; then
  echo "the headless customer-canvas links a display library" >&2
  exit 1
fi
(cd "$headless" && ctest --output-on-failure -j2 --timeout 600 -R '^(cli|storage)\.' -E 'Stress|OpenUnderLoad')

seconds="${CC_FUZZ_SECONDS:-10}"
if [ "$seconds" != "0" ]; then
  "$root/scripts/fuzz.sh" "$seconds"
fi
