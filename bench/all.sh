#!/bin/sh
# Every benchmark of issue 18 in one go, with one Release binary, each
# against its floor measured in the same run:
#   import  bench/import_bench.sh  (floor: sqlite3 .import into one table)
#   report  bench/report_bench.sh  (floor: every column it needs, read once)
#   remind  bench/remind_bench.sh  (floor: its own query run by sqlite3;
#                                   case show and plan show under 20 ms)
# The databases of report and remind are generated once under build-rel/
# and reused. Prints the machine, its load, each figure and a summary.
#
#   bench/all.sh                 N=1000000 rows / cases
#   N=100000 bench/all.sh        a quicker look
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-1000000}
bin=${OPPTEAM_BIN:-$root/build-rel/oppteam}
if [ ! -x "$bin" ]; then
  cmake -S "$root" -B "$root/build-rel" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOPPTEAM_TESTS=OFF -DOPPTEAM_WERROR=OFF >/dev/null
  cmake --build "$root/build-rel" --target oppteam >/dev/null
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/oppteam-bench-all-XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM

echo "machine: $(nproc) processors, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load average at the start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "== import ($N random-order referrals, 3 % of persons recurring)"
"$root/bench/import_bench.sh" "$N" "$bin" | tee "$out/import"
echo
echo "== report (1,000,000 cases)"
"$root/bench/report_bench.sh" "$root/build-rel/bench-report-1m.db" "$bin" | tee "$out/report" || true
echo
echo "== remind ($N cases)"
mkdir -p "$root/build-rel/remind-bench"
OPPTEAM_BIN="$bin" BENCH_DIR="$root/build-rel/remind-bench" REUSE=1 KEEP=1 "$root/bench/remind_bench.sh" "$N" | tee "$out/remind"
echo
echo "== summary (load average now: $(cut -d ' ' -f 1-3 /proc/loadavg))"
sed -n 's/^ratio  */import: /p' "$out/import"
sed -n 's/^ratio: /report: /p' "$out/report"
sed -n 's/^\(remind --within [0-9]*\):.*ratio \(.*\)$/\1: \2/p; s/^\(case show\|plan show\|case list\)\(.*\): \([0-9.]* ms\).*$/\1\2: \3/p' "$out/remind"
