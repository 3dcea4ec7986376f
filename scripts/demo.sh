#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and run the main job on the
# embedded default: a database made from examples/rammeverk.toml, the
# example batch taken in, and the reminders printed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPPTEAM_TESTS=OFF >/dev/null
cmake --build build

db=${OPPTEAM_DEMO_DB:-build/demo/oppteam.db}
rm -f "$db" "$db-wal" "$db-shm"
export OPPTEAM_USER=${OPPTEAM_USER:-demo}
oppteam() { build/oppteam --db "$db" "$@"; }

echo "== oppteam init (examples/rammeverk.toml)"
oppteam init --config examples/rammeverk.toml
echo "== oppteam refer import examples/batch.csv"
oppteam refer import examples/batch.csv
echo "== oppteam remind --within 14"
oppteam remind --within 14
echo "== done: the database is $db"
