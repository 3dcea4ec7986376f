#!/bin/bash
# A case worker at a terminal, driven through tmux (send-keys, capture-pane):
# the interactive prompts of `refer add` and `assess`, a `case show` screen at
# 80 columns with Norwegian text, and colour only without NO_COLOR.
source "$(dirname "$0")/lib.sh"
need_tool tmux

cd "$WORK" || exit 1
export OPPTEAM_DB=$WORK/k.db OPPTEAM_USER=koordinator
"$OPPTEAM" init --config "$SOURCE_DIR/examples/rammeverk.toml" >/dev/null 2>&1 || { fail "init"; finish; }

# --- refer add with every field missing: it asks, a person answers --------
start_screen refer 80 24 "$OPPTEAM" --today 2026-03-05 refer add
wait_for refer "Fødselsnummer eller D-nummer"
type_line refer "12885011267"                  # a typo in the control digits
wait_for refer "kontrollsifrene"
s=$(screen refer)
check_contains "a bad personal number is explained and asked again" "$s" "12885011267"
type_line refer "12885011266"
wait_for refer "Navn (kan stå tomt):"
type_line refer "Klara Nilsen"
wait_for refer "Meldertype (nummer, id eller betegnelse):"
s=$(screen refer)
check_contains "reporter types are listed with numbers and labels" "$s" "3) fastlege"
check_contains "labels are Norwegian" "$s" "Pårørende"
type_line refer "3"
wait_for refer "Melderens navn"
type_line refer "Dr. Berg"
# --received defaults to today: not asked for (issue 17).
wait_for refer "Beskrivelse av behovet"
check_not_contains "a field with a default is not asked for" "$(screen refer)" "Mottatt dato"
type_line refer "Klara (75) bor alene, har falt to ganger i vinter og har hjemmesykepleie, fastlege og fysioterapeut som ikke snakker sammen. Datteren i Bø er sliten."
wait_for refer "Målgruppe (nummer"               # issue 14: the target group, listed with numbers
s=$(screen refer)
check_contains "target groups are listed with numbers and labels" "$s" "3) skrope_eldre"
type_line refer "3"
wait_for refer "EXIT="
s=$(screen refer)
check_contains "refer add opens the case" "$s" "Ny sak 2026/1 er opprettet."
check_contains "refer add succeeds" "$s" "EXIT=0"
check_eq "the referral is stored as typed" \
    "$("$OPPTEAM" --json case show 2026/1 | grep -c 'Datteren i Bø er sliten')" "1"

"$OPPTEAM" --today 2026-03-06 consent give 2026/1 --scope utredning --form muntlig --given-by person >/dev/null 2>&1
"$OPPTEAM" --today 2026-03-06 consent give 2026/1 --scope team --form skriftlig --given-by person >/dev/null 2>&1

# --- assess at a terminal: asked item by item --------------------------------
start_screen assess 80 24 "$OPPTEAM" --today 2026-03-10 assess 2026/1 --instrument kjennetegn
wait_for assess "Navn på den som kartlegger:"
type_line assess "Ane Lie"
wait_for assess "Profesjon"
type_line assess "sykepleier"
wait_for assess "[1/8]"
s=$(screen assess)
check_contains "the first item is shown with its text" "$s" "Flere samtidige sykdommer eller diagnoser"
type_line assess "ja"
wait_for assess "[2/8]"
type_line assess "nei"                          # a scale item wants a number
wait_for assess "heltall fra 0"
type_line assess "2"
for answer in nei nei ja ja ja ja; do
    type_line assess "$answer"
    sleep 0.2
done
wait_for assess "Hva er viktig for deg?"
type_line assess "Å bo heime så lenge som mogleg"
type_line assess ""
wait_for assess "EXIT="
s=$(screen assess)
check_contains "assess shows the recommendation" "$s" "Anbefaling: oppfølgingsteam"
check_contains "assess shows what matters in the person's words" "$s" "Å bo heime så lenge som mogleg"
check_contains "assess succeeds" "$s" "EXIT=0"
check_contains "scores are right-aligned under their header" "$s" "Poeng  Maks"

"$OPPTEAM" --today 2026-03-12 decide 2026/1 --grant >/dev/null 2>&1
"$OPPTEAM" --today 2026-03-14 team create 2026/1 --coordinator "Ane Lie" --gp "Dr. Berg" \
    --member "Siri Moe:hjemmesykepleie:hjemmetjenesten" --participant "Klara Nilsen:bruker" >/dev/null 2>&1
"$OPPTEAM" --today 2026-03-20 plan goal 2026/1 --text "Bo trygt heime" >/dev/null 2>&1
"$OPPTEAM" --today 2026-03-20 plan measure 2026/1 --goal 1 --text "Ukentlig besøk og fallforebyggende trening" \
    --responsible "Siri Moe" --due 2026-05-01 >/dev/null 2>&1

# --- case show at 80 columns ------------------------------------------------
start_screen show 80 80 "$OPPTEAM" --today 2026-05-10 case show 2026/1
wait_for show "EXIT="
s=$(screen show)
check_contains "case show names the case" "$s" "Sak 2026/1"
check_contains "dates are Norwegian" "$s" "5. mars 2026"
check_contains "the need starts in its column" "$s" "5. mars 2026  Fastlege  Dr. Berg        Klara (75) bor alene"
# The long need is wrapped by the table, not by the terminal: its second line
# starts under the first, 40 columns in.
check_contains "the need is wrapped in its column" "$s" "$(printf '%40s' '')i vinter og har hjemmesykepleie"
check_contains "the tail of the need is not lost" "$s" "Bø er sliten."
check_contains "a goal in the person's words" "$s" "Bo trygt heime"
check_contains "team status in Norwegian" "$s" "Status: aktivt"
check_contains "member kinds in Norwegian" "$s" "deltaker"
check_contains "measure status in Norwegian" "$s" "planlagt"
check_contains "recommendation in Norwegian" "$s" "oppfølgingsteam"
check_not_contains "no English codes on a Norwegian screen" "$s" "planned"
while IFS= read -r line; do
    width=$(printf '%s' "$line" | wc -m)
    if ((width > 80)); then fail "a line of case show is wider than 80 columns: [$line]"; fi
done <<<"$s"
pass
if [[ -n ${OPPTEAM_UX_SCREEN:-} ]]; then printf '%s\n' "$s" >"$OPPTEAM_UX_SCREEN"; fi
# The same screen with colours: table headers are bold on a terminal.
check_contains "a terminal gets colour" "$(screen show -e)" $'\e['

# --- NO_COLOR: the same screen without a single escape ---------------------
start_screen plain 80 80 env NO_COLOR=1 "$OPPTEAM" --today 2026-05-10 case show 2026/1
wait_for plain "EXIT="
check_not_contains "NO_COLOR turns colour off" "$(screen plain -e)" $'\e['
check_contains "NO_COLOR keeps the text" "$(screen plain)" "Klara (75) bor alene"
# An error at a terminal: the prefix is red, but not with NO_COLOR.
start_screen err 80 24 "$OPPTEAM" case show 2026/99
wait_for err "EXIT="
check_contains "errors are coloured at a terminal" "$(screen err -e)" $'\e['
check_contains "a missing case exits 1" "$(screen err)" "EXIT=1"
start_screen err2 80 24 env NO_COLOR=1 "$OPPTEAM" case show 2026/99
wait_for err2 "EXIT="
check_not_contains "no colour in errors with NO_COLOR" "$(screen err2 -e)" $'\e['

# --- team show at 80 columns: names whole, less important columns dropped ---
start_screen team 80 40 env NO_COLOR=1 "$OPPTEAM" --today 2026-05-10 team show 2026/1
wait_for team "EXIT="
s=$(screen team)
check_contains "team show exits 0" "$s" "EXIT=0"
for name in "Ane Lie" "Dr. Berg" "Siri Moe" "Klara Nilsen"; do
    check_contains "member $name on one line" "$s" $'\n'"$name  "
done
check_contains "history in Norwegian" "$s" "lagt til: medlem Siri Moe"
while IFS= read -r line; do
    width=$(printf '%s' "$line" | wc -m)
    if ((width > 80)); then fail "a line of team show is wider than 80 columns: [$line]"; fi
done <<<"$s"
pass

finish
