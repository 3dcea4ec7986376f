#!/bin/bash
# Screens that fit (issue 17, points 4, 7 and 10): at a terminal of 80
# columns, in nb and nn, with long Norwegian names, `case show`, `case list`,
# `remind`, `plan show`, `team show`, `person export` and a decision letter
# have no line wider than the terminal and no word split without the mark
# (‐); a measure not yet due is not "past its deadline"; `case list` names
# the overdue foreløpig svar; long output goes through the pager.
# With OPPTEAM_UX_SCREENS=DIR the nn screens are also written there as text.
source "$(dirname "$0")/lib.sh"
need_tool tmux

cd "$WORK" || exit 1
export OPPTEAM_DB=$WORK/k.db OPPTEAM_USER=koordinator
o() { "$OPPTEAM" "$@" >/dev/null 2>&1 || fail "setup: oppteam $*"; }
o init --config "$SOURCE_DIR/examples/rammeverk.toml"
# A municipality writing its letters in Nynorsk (and deciding without an assessment).
sed -e 's/^language = "nb"/language = "nn"/' -e 's/^assessment_before_decision = true/assessment_before_decision = false/' \
    "$SOURCE_DIR/examples/rammeverk.toml" >"$WORK/nn.toml"

KRISTIN="Kristin Marie Østby-Haugland"
o --today 2026-03-02 refer add --fnr 12885011266 --name "$KRISTIN" --reporter-type fastlege \
    --reporter-name "Dr. Ingebjørg Sæther-Kvalvåg" --need "Kristin bur åleine etter at mannen døydde, har falle to gonger i vinter og treng at heimesjukepleia, fastlegen og fysioterapeuten snakkar saman."
o --today 2026-03-04 consent give 2026/1 --scope utredning --form muntlig --given-by person
o --today 2026-03-10 assess 2026/1 --instrument kjennetegn --answer flere_diagnoser=ja --answer funksjonsfall=2 \
    --answer psykisk_helse=nei --answer rus=nei --answer sosiale_forhold=ja --answer mange_tjenester=ja \
    --answer innleggelser=ja --answer parorende_belastning=ja --what-matters "Å bu heime så lenge som mogleg" \
    --assessor "Ane Margrethe Kristiansen-Lie" --profession sykepleier
o --today 2026-03-13 consent give 2026/1 --scope team --form skriftlig --given-by person
# The decision letters are captured below, at a terminal.
o --today 2026-04-01 refer add --fnr 05849811292 --name "Per Olav Bjørnstad-Kristiansen" --reporter-type nav --need "Treng hjelp."
o --today 2026-04-20 refer add --fnr 23923901213 --name "Åse Ødegård" --reporter-type skole --need "Treng hjelp."
o --today 2026-04-21 consent give 2026/3 --scope utredning --form muntlig --given-by person

# width_ok NAME TEXT: no line wider than 80 columns.
width_ok() {
    local line width
    while IFS= read -r line; do
        width=$(printf '%s' "$line" | wc -m)
        if ((width > 80)); then fail "$1: a line is wider than 80 columns: [$line]"; fi
    done <<<"$2"
    pass
}
# words_whole NAME TEXT WORD...: each WORD is on the screen whole, or split
# with the mark (a piece of it followed by ‐ at a line's end), or broken after
# a hyphen of its own.
words_whole() {
    local name=$1 text=$2 w
    shift 2
    for w in "$@"; do
        if [[ $text == *"$w"* ]]; then pass; continue; fi
        local head=${w%%-*}
        if [[ $w == *-* && $text == *"$head-"* && $text == *"${w#*-}"* ]]; then pass; continue; fi
        if grep -qE "(^| )${w:0:3}[^ ]*‐( |\$)" <<<"$text"; then pass; continue; fi
        fail "$name: [$w] is split without a mark:"
        printf '%s\n' "$text" | sed 's/^/    | /'
    done
}
# joined NAME: the pane's text with the lines the terminal wrapped joined
# again (capture-pane -J), so that a line wider than the pane shows as such.
joined() { tmux_ capture-pane -p -J -t "$1" -S 0 -E -; }
# shot NAME LANG TODAY ARGS...: the screen of `oppteam --lang LANG --today TODAY ARGS` at 80 columns.
shot() {
    local name=$1 lang=$2 today=$3
    shift 3
    start_screen "$name" 80 150 env NO_COLOR=1 "$OPPTEAM" --no-pager --lang "$lang" --today "$today" "$@"
    wait_for "$name" "EXIT=" || return
    local s
    s=$(joined "$name" | sed -e 's/ *$//' -e '/^EXIT=/,$d')
    check_contains "$name exits 0" "$(screen "$name")" "EXIT=0"
    width_ok "$name" "$s"
    if [[ -n ${OPPTEAM_UX_SCREENS:-} && $lang == nn ]]; then printf '%s\n' "$s" >"$OPPTEAM_UX_SCREENS/$name.txt"; fi
    SHOT=$s
}

# --- the decision letters, in the municipality's language -----------------
shot letter_nb nb 2026-03-12 decide 2026/1 --grant
words_whole letter_nb "$SHOT" "Østby-Haugland" "Statsforvalteren" "pasient-"
check_contains "the nb letter is there" "$SHOT" "Klagerett"
shot letter_nn nn 2026-05-02 --config "$WORK/nn.toml" decide 2026/3 --refuse --grounds "Behovet kan dekkjast av skulen og helsestasjonen i samarbeid; det er ikkje behov for eit oppfølgingsteam no."
words_whole letter_nn "$SHOT" "Statsforvaltaren" "oppfølgingsteam" "helsestasjonen"

o --today 2026-03-14 team create 2026/1 --coordinator "Ane Margrethe Kristiansen-Lie" --gp "Dr. Ingebjørg Sæther-Kvalvåg" \
    --member "Siri Moe:hjemmesykepleie:hjemmetjenesten" --member "Jonas Berg-Andreassen:fysioterapeut:fysio_ergo" \
    --participant "$KRISTIN:bruker"
o --today 2026-03-20 plan goal 2026/1 --text "Å bu heime så lenge som mogleg"
o --today 2026-03-20 plan measure 2026/1 --goal 1 --text "Fallførebyggjande trening to gonger i veka" --responsible "Jonas Berg-Andreassen" --due 2026-04-15
o --today 2026-03-20 plan measure 2026/1 --goal 1 --text "Felles legemiddelgjennomgang med fastlege og heimesjukepleie" --responsible "Siri Moe" --due 2026-05-15
o --today 2026-03-20 plan participated 2026/1 --how "Planmøte heime hos Kristin"
o --today 2026-04-16 evaluate 2026/1 --goal 1=+1 --experienced-quality 4 --indicator sykehusinnleggelser=0 --decision continue

for lang in nb nn; do
    shot "case_show_$lang" "$lang" 2026-05-04 case show 2026/1
    words_whole "case show $lang" "$SHOT" "Østby-Haugland" "Kristiansen-Lie" "legemiddelgjennomgang" "sykehusinnleggelser=0" "Sæther-Kvalvåg"
    if grep -qE "9.\(terskel.4\)" <<<"$SHOT"; then pass; else fail "case show $lang: the score with its threshold, never wrapped"; fi
    check_not_contains "case show $lang: not as nine of four" "$SHOT" "9/4"
    check_contains "case show $lang: the overdue measure is marked" "$SHOT" "15. april 2026 !"
    check_not_contains "case show $lang: role ids are shown as labels" "$SHOT" "hjemmesykepleie "
    check_contains "case show $lang: service labels" "$SHOT" "Hjemmetjenesten"

    shot "case_list_$lang" "$lang" 2026-05-04 case list
    words_whole "case list $lang" "$SHOT" "Fødselsnummer" "Bjørnstad-Kristiansen" "Østby-Haugland"
    check_contains "case list $lang: the overdue reply's date is marked" "$SHOT" "1. mai 2026 !"
    check_not_contains "case list $lang: a deadline still to come is not marked" "$SHOT" "20. mai 2026 !"

    shot "remind_$lang" "$lang" 2026-05-04 remind --within 14
    words_whole "remind $lang" "$SHOT" "Berg-Andreassen"
    check_contains "remind $lang: the measure not yet due" "$SHOT" "om 11 dag"
    check_contains "remind $lang: a measure not yet due is coming due, not past its deadline" "$SHOT" "nærm"

    shot "plan_show_$lang" "$lang" 2026-05-04 plan show 2026/1
    words_whole "plan show $lang" "$SHOT" "legemiddelgjennomgang" "Berg-Andreassen" "Østby-Haugland"

    shot "team_show_$lang" "$lang" 2026-05-04 team show 2026/1
    words_whole "team show $lang" "$SHOT" "Kristiansen-Lie" "Sæther-Kvalvåg" "Østby-Haugland"

    shot "person_export_$lang" "$lang" 2026-05-04 person export 12885011266
    words_whole "person export $lang" "$SHOT" "Østby-Haugland" "Datatilsynet"
    check_contains "person export $lang: who read it" "$SHOT" "koordinator"
    check_not_contains "person export $lang: no raw keys" "$SHOT" "content_hash"
    check_not_contains "person export $lang: no flags" "$SHOT" "partial"
done

# --- the pager: long output at a terminal, as git does ----------------------
# (CI=true turns the pager off, as it should; these screens stand for a
# person at a terminal, so each runs without it.)
start_screen pager 80 10 env -u CI NO_COLOR=1 PAGER="sed s/^/P:/" "$OPPTEAM" --today 2026-05-04 case show 2026/1
wait_for pager "EXIT="
check_contains "a long screen goes through \$PAGER" "$(tmux_ capture-pane -p -t pager -S -200)" "P:Sak 2026/1"
start_screen nopager 80 10 env -u CI NO_COLOR=1 PAGER="sed s/^/P:/" "$OPPTEAM" --no-pager --today 2026-05-04 case show 2026/1
wait_for nopager "EXIT="
check_not_contains "--no-pager prints directly" "$(screen nopager)" "P:"
start_screen dumb 80 10 env -u CI NO_COLOR=1 TERM=dumb PAGER="sed s/^/P:/" "$OPPTEAM" --today 2026-05-04 case show 2026/1
wait_for dumb "EXIT="
check_not_contains "no pager with TERM=dumb" "$(screen dumb)" "P:"
start_screen short 80 40 env -u CI NO_COLOR=1 PAGER="sed s/^/P:/" "$OPPTEAM" --today 2026-05-04 case list --limit 1
wait_for short "EXIT="
check_not_contains "a short list is not paged" "$(screen short)" "P:"
check_contains "the list says what it left out" "$(screen short)" "… og 2 til"

finish
