#!/bin/sh
# Import benchmark (issues 3 and 18): N synthetic referrals shaped like a
# real batch (random order, about 3 % of persons recurring; see
# import_gen.py) imported by `oppteam refer import` (validated, stored,
# audited, one transaction), against a floor measured in the same run.
#
# The floor does the job's least work: sqlite3's `.import` of the same CSV
# into one table that stores each referral once (a unique index on
# external_id) and can find a person by number (an index on the personal
# number), with oppteam's page size (16 KiB) and import cache (24 MiB).
# Prints both wall and CPU times, the ratio and the peak RSS of each (GNU
# time -v), and the schema's own bound: the same rows put into oppteam's
# tables by set-based SQL with no validation.
#
# Usage: bench/import_bench.sh [N] [OPPTEAM_BINARY] [CSV]
#   N               rows (default 1000000)
#   OPPTEAM_BINARY  default build-rel/oppteam (build it with
#                   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DOPPTEAM_TESTS=OFF)
#   CSV             an existing batch of N rows to use instead of generating one
#   IMPORT_GEN_ARGS extra arguments for import_gen.py (e.g. --ordered)
# Needs: python3, sqlite3, /usr/bin/time (Debian package "time").
set -eu

N=${1:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=${2:-$ROOT/build-rel/oppteam}
[ -x "$BIN" ] || { echo "import_bench: no binary at $BIN (build it first)" >&2; exit 66; }
command -v sqlite3 >/dev/null || { echo "import_bench: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 69; }
[ -x /usr/bin/time ] || { echo "import_bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 69; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/oppteam-import-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
CSV=$WORK/referrals.csv

if [ -n "${3:-}" ]; then
  cp "$3" "$CSV"
else
  echo "generating $N synthetic referrals ..." >&2
  # shellcheck disable=SC2086
  python3 "$HERE/import_gen.py" "$N" "$CSV" ${IMPORT_GEN_ARGS:-}
fi
SIZE=$(wc -c < "$CSV")

# Read the file once so both runs start from the page cache.
cat "$CSV" > /dev/null

# wall seconds and max RSS (KiB) from a GNU time -v report
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
# user + system CPU seconds (a fairer figure than wall time on a busy machine)
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$1"; }

# The floor: sqlite3 .import into one table that stores each referral once
# and finds a person by number, with oppteam's page size and cache.
# The floor and oppteam run in turn, ROUNDS times each (IMPORT_ROUNDS,
# default 3), and each figure is the median of its rounds: on this kind of
# machine one run of either varies by a quarter from the next, so a ratio
# of single runs says as much about the minute as about the code.
ROUNDS=${IMPORT_ROUNDS:-3}
DB=$WORK/k.db
FLOOR_DB=$WORK/floor.db
round=1
while [ "$round" -le "$ROUNDS" ]; do
  rm -f "$FLOOR_DB" "$FLOOR_DB-wal" "$FLOOR_DB-shm" "$DB" "$DB-wal" "$DB-shm"
  sqlite3 "$FLOOR_DB" "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;
CREATE TABLE referral (external_id TEXT, fnr TEXT, name TEXT, reporter_type TEXT, reporter_name TEXT, received TEXT, need TEXT);
CREATE UNIQUE INDEX referral_external ON referral(external_id);
CREATE INDEX referral_fnr ON referral(fnr);" > /dev/null
  /usr/bin/time -v -o "$WORK/floor.time.$round" sqlite3 -cmd "PRAGMA cache_size=-24576" "$FLOOR_DB" ".import --csv --skip 1 $CSV referral"
  # oppteam: a fresh database with the example rammeverk (synthetic numbers allowed).
  "$BIN" --db "$DB" --as bench init --example > /dev/null
  /usr/bin/time -v -o "$WORK/oppteam.time.$round" "$BIN" --db "$DB" --as bench --today 2026-11-23 --json refer import "$CSV" > "$WORK/summary.json"
  round=$((round + 1))
done
FLOOR_ROWS=$(sqlite3 "$FLOOR_DB" "SELECT count(*) FROM referral")
STORED=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['stored'])" "$WORK/summary.json")
VERIFY=$("$BIN" --db "$DB" --json audit verify | python3 -c "import json,sys; d=json.load(sys.stdin); print('ok' if d['ok'] else 'BROKEN', d['entries'])")
# The schema's own bound: the same rows put into oppteam's tables (same
# schema, same indexes) by set-based SQL from a staging table, with no
# validation, hashing or audit. What the import costs above this is
# oppteam's; what this costs above the floor is the schema's.
BOUND_DB=$WORK/bound.db
"$BIN" --db "$BOUND_DB" --as bench init --example > /dev/null
cat > "$WORK/bound.sql" <<SQL
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -24576;
CREATE TEMP TABLE st (external_id TEXT, fnr TEXT, name TEXT, reporter_type TEXT, reporter_name TEXT, received TEXT, need TEXT);
.import --csv --skip 1 $CSV st
.timer on
BEGIN;
INSERT INTO person(fnr, kind, birth_date, name, created_at)
  SELECT fnr, 'fodselsnummer', '1950-01-01', name, '2026-11-23T10:00:00Z' FROM st WHERE true
  ON CONFLICT(fnr) DO NOTHING;
INSERT INTO case_file(id, number, year, seq, person_id, status, opened_on)
  SELECT st.rowid, '2026/' || st.rowid, 2026, st.rowid, p.id, 'received', received FROM st JOIN person p ON p.fnr = st.fnr;
INSERT INTO referral(case_id, sender, external_id, reporter_type, reporter_name, received_on, need, content_hash, created_at, created_by)
  SELECT rowid, 'default', external_id, reporter_type, reporter_name, received, need,
         '0123456789abcdef0123456789abcdef', '2026-11-23T10:00:00Z', 'bench' FROM st;
COMMIT;
SQL
BT=$(sqlite3 "$BOUND_DB" < "$WORK/bound.sql" | awk '/^Run Time/ { s += $4 } END { printf "%.2f", s }')

# Per round: wall, CPU and RSS of each; the figures are medians.
each() { r=1; while [ "$r" -le "$ROUNDS" ]; do "$1" "$WORK/$2.time.$r"; r=$((r + 1)); done | tr '\n' ' '; }
FT=$(each wall floor); OT=$(each wall oppteam)
FR=$(each rss floor); OR=$(each rss oppteam)
FC=$(each cpu floor); OC=$(each cpu oppteam)
python3 - "$N" "$SIZE" "$FT" "$OT" "$FR" "$OR" "$FLOOR_ROWS" "$STORED" "$VERIFY" "$FC" "$OC" "$BT" <<'PY'
import statistics, sys
n, size, ft, ot, fr, orss, floor_rows, stored, verify, fc, oc, bt = sys.argv[1:]
runs = lambda s: [float(x) for x in s.split()]
ft_runs, ot_runs, fc_runs, oc_runs = runs(ft), runs(ot), runs(fc), runs(oc)
ft, ot, fc, oc = (statistics.median(r) for r in (ft_runs, ot_runs, fc_runs, oc_runs))
fr, orss, bt = max(runs(fr)), max(runs(orss)), float(bt)
show = lambda r: " ".join(f"{x:.1f}" for x in r)
print(f"rows                 {int(n):>12,}   file {int(size) / 2**20:.1f} MiB   rounds {len(ft_runs)} (medians; each round's wall in [])")
print(f"sqlite3 .import      {ft:>10.2f} s wall  {fc:8.2f} s CPU   peak RSS {fr / 1024:7.1f} MiB   rows {int(floor_rows):,}   [{show(ft_runs)}]")
print(f"oppteam refer import {ot:>10.2f} s wall  {oc:8.2f} s CPU   peak RSS {orss / 1024:7.1f} MiB   stored {int(stored):,}   [{show(ot_runs)}]")
print(f"schema bound (SQL)   {bt:>10.2f} s wall  ({bt / ft:.2f} x the floor: the same rows into oppteam's tables, no checks)")
print(f"ratio                {ot / ft:>10.2f} x wall {oc / fc:7.2f} x CPU  (target <= 1.25 x; memory target < 64 MiB)")
print(f"audit verify         {verify}")
PY
