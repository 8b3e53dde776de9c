#!/usr/bin/env bash
# Builds a release build, runs every benchmark and prints one table; the rows are also written
# as JSON to bench-results/bench.json. Benchmarks measure and report; they do not fail on a number.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"

build="$root/build/bench"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCC_BUILD_TESTS=ON -DCC_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2

out="$root/bench-results"
mkdir -p "$out"
work="$(mktemp -d)"
# A throwaway PostgreSQL cluster for the team-server load benchmark, removed at the end.
eval "$("$root/scripts/pg_cluster.sh" start)"
trap 'rm -rf "$work"; "$root/scripts/pg_cluster.sh" stop "$CC_TEST_PG_DIR"' EXIT
rows="$work/rows.jsonl"
: > "$rows"
for b in "$build"/tests/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "running $(basename "$b") ..." >&2
  "$b" "$work" >> "$rows"
done

python3 - "$rows" "$out/bench.json" <<'PY'
import json, sys, platform, os, datetime
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
meta = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores"}
json.dump({"meta": meta, "rows": rows}, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
print(f"\nBenchmarks ({meta['machine']}, {meta['date']})\n")
print("| benchmark | result | target | floor (same run) | ratio |")
print("|---|---|---|---|---|")
for r in rows:
    floor = f"{r['floor']:.2f} {r['unit']} ({r['floor_name']})" if "floor" in r else ""
    ratio = f"{r['ratio']:.2f}×" if "ratio" in r else ""
    print(f"| {r['name']} | {r['value']:.2f} {r['unit']} | {r['target']} | {floor} | {ratio} |")
print(f"\nwritten to {sys.argv[2]}")
PY
