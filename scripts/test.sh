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
echo "build: $SECONDS s"

# A throwaway PostgreSQL cluster for the team-server tests (CC_TEST_PG), removed at the end
# whatever happens; tests that need it skip only when CC_TEST_PG is unset.
eval "$("$root/scripts/pg_cluster.sh" start)"
trap '"$root/scripts/pg_cluster.sh" stop "$CC_TEST_PG_DIR"' EXIT
echo "test cluster: $CC_TEST_PG"

(cd "$build" && ctest --output-on-failure -j2 --timeout 600 "$@")
echo "build and tests: $SECONDS s"

# The window under AddressSanitizer and UndefinedBehaviorSanitizer: the headless window tests
# (every action, dialog and button pressed) and the end-to-end runs of the window, against a
# build of just the program and gui_tests with the sanitizers in every library they link.
# Leaks are not checked: the display stack (Mesa, fontconfig, GLFW) keeps memory to the end.
asan="$root/build/asan"
asan_start=$SECONDS
# -O1 and line tables only: the build is about half the time of an optimised one with full debug
# information, and the reports still name the file and line.
sanitize="-O1 -g1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=None -DCC_BUILD_TESTS=ON -DCC_BUILD_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_C_FLAGS="$sanitize" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$asan" -j2 --target customer-canvas gui_tests
(cd "$asan" && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j2 --timeout 600 -R '^(gui\.|e2e_workshop_|e2e_wall$)')
echo "sanitizer build and run: $((SECONDS - asan_start)) s"

# The command line without a display stack (CC_BUILD_GUI=OFF): it builds with no OpenGL, GLFW or
# Dear ImGui, and its command-line tests pass (the storage suite, the same code in both builds,
# runs above only: the whole run stays well under half an hour).
headless="$root/build/headless"
cmake -S "$root" -B "$headless" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_BUILD_GUI=OFF -DCC_BUILD_TESTS=ON \
  -DCC_BUILD_BENCH=OFF >/dev/null
cmake --build "$headless" -j2 --target customer-canvas cli_tests
if ldd "$headless/app/customer-canvas" | grep -Eq 'libGL|libglfw'; then
  echo "the headless customer-canvas links a display library" >&2
  exit 1
fi
(cd "$headless" && ctest --output-on-failure -j2 --timeout 600 -R '^cli\.')
echo "headless build and tests: $SECONDS s in all so far"

seconds="${CC_FUZZ_SECONDS:-10}"
if [ "$seconds" != "0" ]; then
  "$root/scripts/fuzz.sh" "$seconds"
fi
echo "test.sh: $SECONDS s in all"
