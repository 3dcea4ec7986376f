#!/bin/bash
# Drives completions/oppteam.bash as bash does on TAB: COMP_WORDS, COMP_CWORD
# (and COMP_LINE, COMP_POINT), then the completion function, then COMPREPLY.
# Once on its own, once with the bash-completion package loaded.
source "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 1
mkdir bin
ln -s "$OPPTEAM" bin/oppteam
export PATH=$WORK/bin:$PATH
oppteam --db k.db init --config "$SOURCE_DIR/examples/rammeverk.toml" >/dev/null 2>&1 || { fail "init"; finish; }
oppteam --db k.db --as test refer add --fnr 23923901213 --name "Klara Nilsen" --reporter-type fastlege \
    --received 2026-03-02 --need "Trenger koordinering" >/dev/null 2>&1 || fail "refer add"
oppteam --db k.db --as test refer add --fnr 15927044427 --name "Morten Å" --reporter-type nav \
    --received 2026-03-04 --need "Trenger koordinering" >/dev/null 2>&1 || true
touch batch.csv

# complete_with SETUP WORDS...: COMPREPLY, sorted, on one line.
complete_with() {
    local setup=$1
    shift
    bash --norc --noprofile -c '
        '"$setup"'
        source "$1/completions/oppteam.bash"
        shift
        # Split as bash does: ":" and "=" are words of their own.
        COMP_WORDS=()
        for w in "$@"; do
            while [[ $w == *[:=]* ]]; do
                head=${w%%[:=]*}
                sep=${w:${#head}:1}
                [[ -n $head ]] && COMP_WORDS+=("$head")
                COMP_WORDS+=("$sep")
                w=${w:${#head}+1}
            done
            [[ -n $w || ${#COMP_WORDS[@]} -eq 0 || ${COMP_WORDS[-1]} != [:=] ]] && COMP_WORDS+=("$w")
        done
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        COMPREPLY=()
        _oppteam oppteam "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ $//"
    ' _ "$SOURCE_DIR" "$@"
}

run_checks() {
    local setup=$1 label=$2
    check_eq "$label: subcommands by prefix" "$(complete_with "$setup" oppteam re)" "refer remind report restore"
    check_eq "$label: all subcommands, no hidden one" \
        "$(complete_with "$setup" oppteam '')" \
        "appeal approve archive assess audit backup case check config consent decide evaluate init log meeting person plan purge refer remind report restore team"
    check_eq "$label: sub-subcommands" "$(complete_with "$setup" oppteam team c)" "close contact coordinator create"
    check_eq "$label: options of a subcommand" "$(complete_with "$setup" oppteam refer add --rep)" "--reporter-name --reporter-type"
    check_eq "$label: global options" "$(complete_with "$setup" oppteam --d)" "--db"
    check_eq "$label: reporter types from the rammeverk" \
        "$(complete_with "$setup" oppteam --db k.db refer add --reporter-type s)" "skole sykehus"
    check_eq "$label: instruments" "$(complete_with "$setup" oppteam --db k.db assess 2026/1 --instrument k)" "kjennetegn"
    check_eq "$label: instrument items take a value" \
        "$(complete_with "$setup" oppteam --db k.db assess 2026/1 --answer flere)" "flere_diagnoser="
    check_contains "$label: roles" "$(complete_with "$setup" oppteam --db k.db team create 2026/1 --coordinator-role '')" "koordinator"
    # After a ':' bash replaces only what follows it, so that is what is offered.
    check_eq "$label: roles in a member spec" \
        "$(complete_with "$setup" oppteam --db k.db team add 2026/1 --member "Kari Nes:ergo")" "ergoterapeut"
    check_eq "$label: services in a member spec" \
        "$(complete_with "$setup" oppteam --db k.db team add 2026/1 --member "Kari Nes:ergoterapeut:fysio")" "fysio_ergo"
    check_contains "$label: services in consent scopes" \
        "$(complete_with "$setup" oppteam --db k.db consent give 2026/1 --scope deling:)" "hjemmetjenesten"
    check_eq "$label: open case numbers" "$(complete_with "$setup" oppteam --db k.db case show '')" "2026/1"
    check_eq "$label: case numbers after a global option" "$(complete_with "$setup" oppteam --db k.db --json decide 20)" "2026/1"
    check_eq "$label: fixed choices" "$(complete_with "$setup" oppteam --db k.db consent give 2026/1 --form '')" "muntlig skriftlig"
    check_eq "$label: files for import" "$(complete_with "$setup" oppteam --db k.db refer import bat)" "batch.csv"
    check_eq "$label: files for --db" "$(complete_with "$setup" oppteam --db k)" "k.db"
    check_eq "$label: nothing without a database" "$(complete_with "$setup" oppteam --db none.db case show '')" ""
}

run_checks "" "plain bash"
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    run_checks "source /usr/share/bash-completion/bash_completion" "with bash-completion"
else
    echo "note: /usr/share/bash-completion/bash_completion missing (package bash-completion); tested without it"
fi
finish
