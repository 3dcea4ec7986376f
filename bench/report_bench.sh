#!/bin/sh
# Benchmark of `oppteam report` over 1,000,000 cases (issue 18) against
# the scan floor: every column the report needs, read once from every
# table it reads, by the sqlite3 shell (bench/report_floor.sql). No report
# can do less work; the target is at most 3 x the floor.
#
#   bench/report_bench.sh [DB] [OPPTEAM_BINARY]
#     DB              default build-rel/bench-report-1m.db (generated with
#                     bench/report_gen.sql when missing: a few minutes, ~850 MB)
#     OPPTEAM_BINARY  default build-rel/oppteam (cmake -S . -B build-rel -G Ninja
#                     -DCMAKE_BUILD_TYPE=Release -DOPPTEAM_TESTS=OFF)
#   RUNS=n            runs of each side (default 3); the best of each is compared
#
# Prints wall and CPU (user + system) seconds of each side and both ratios;
# on a busy machine the CPU ratio is the fairer one. Exit 0 when the wall
# ratio of the best runs is at most 3.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${2:-$root/build-rel/oppteam}
db=${1:-$root/build-rel/bench-report-1m.db}
runs=${RUNS:-3}
[ -x "$bin" ] || { echo "report_bench: no binary at $bin (build it first)" >&2; exit 66; }
command -v sqlite3 >/dev/null || { echo "report_bench: needs sqlite3" >&2; exit 69; }
[ -x /usr/bin/time ] || { echo "report_bench: needs /usr/bin/time (apt-get install time)" >&2; exit 69; }
export HOME="${TMPDIR:-/tmp}" OPPTEAM_USER=bench
unset OPPTEAM_DB OPPTEAM_CONFIG || true

if [ ! -f "$db" ]; then
  echo "generating $db (1,000,000 cases) ..."
  t0=$(date +%s)
  "$bin" --db "$db" init --config "$root/examples/rammeverk.toml" >/dev/null
  sqlite3 "$db" < "$root/bench/report_gen.sql"
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  echo "generated in $(( $(date +%s) - t0 )) s"
fi
# A database made by an older version is upgraded by its first open, before
# the floor reads tables a later schema added.
"$bin" --db "$db" --json audit log --limit 1 >/dev/null
sqlite3 "$db" "SELECT 'cases ' || (SELECT COUNT(*) FROM case_file) || ', referrals ' || (SELECT COUNT(*) FROM referral) ||
  ', teams ' || (SELECT COUNT(*) FROM team) || ', members ' || (SELECT COUNT(*) FROM team_member) ||
  ', evaluations ' || (SELECT COUNT(*) FROM evaluation) || ', indicator values ' || (SELECT COUNT(*) FROM indicator_value)"
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg), $(nproc) processors"

work=$(mktemp -d "${TMPDIR:-/tmp}/oppteam-report-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
# "WALL CPU" of the best (least wall) of $runs runs of a command
best() {
  b=""
  i=0
  while [ $i -lt $runs ]; do
    /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null
    line=$(awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/t")
    if [ -z "$b" ] || awk "BEGIN { exit !(${line%% *} < ${b%% *}) }"; then b=$line; fi
    i=$((i + 1))
  done
  echo "$b"
}
f=$(best sqlite3 "$db" ".read $root/bench/report_floor.sql")
r=$(best "$bin" --db "$db" --today 2026-01-15 report --from 2025-01-01 --to 2025-12-31 --by quarter --json)
echo "scan floor (sqlite3, report_floor.sql): ${f%% *} s wall, ${f#* } s CPU (best of $runs)"
echo "oppteam report --by quarter --json:     ${r%% *} s wall, ${r#* } s CPU (best of $runs)"
awk -v f="$f" -v r="$r" 'BEGIN { split(f, a, " "); split(r, b, " ");
  printf "ratio: %.2f x wall, %.2f x CPU (target <= 3 x)\n", b[1] / a[1], b[2] / a[2]; exit !(b[1] <= 3 * a[1]) }'
