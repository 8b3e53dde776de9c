#!/usr/bin/env bash
# Builds a release build and opens the window on the sample board (a retail-bank canvas).
#   scripts/run.sh            the sample board
#   scripts/run.sh BOARD      another board file
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"

build="$root/build/release"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCC_BUILD_TESTS=OFF -DCC_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j2 --target customer-canvas
bin="$build/app/customer-canvas"

board="${1:-}"
if [ -z "$board" ]; then
  board="$build/sample.ccboard"
  if [ ! -f "$board" ]; then
    echo "Building the sample board $board"
    bash "$root/assets/sample/build_sample_board.sh" "$bin" "$board" >/dev/null
  fi
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat <<MSG
There is no display here (DISPLAY is not set), so the window cannot open.
The program works from the command line too:

  $bin list "$board"
  $bin add "$board" --text "客户希望 App 转账一次成功" --source feedback --quadrant 4
  $bin list "$board" --json
  $bin --help

MSG
  exit 0
fi
exec "$bin" open "$board"
