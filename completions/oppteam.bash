# bash completion for oppteam                              -*- shell-script -*-
#
# Installed as share/bash-completion/completions/oppteam. The candidates come
# from the program itself ("oppteam complete words -- WORDS..."), so new
# subcommands and options complete without changing this file, and values
# come from the rammeverk in force (reporter types, instruments, items, roles,
# services, indicators) and the database (open case numbers). --db and
# --config typed on the command line are passed along.

_oppteam() {
    local cur cword
    local -a words
    if declare -F _init_completion >/dev/null 2>&1; then
        # Keep "--answer=x" and "Navn:rolle" as one word.
        _init_completion -n =: || return
    else
        # Without bash-completion: join what bash split at ':' and '='
        # ("Kari Nes:ergo" arrives as "Kari Nes" ":" "ergo").
        words=()
        local j w glue=0
        for ((j = 0; j <= COMP_CWORD && j < ${#COMP_WORDS[@]}; j++)); do
            w=${COMP_WORDS[j]}
            if ((${#words[@]} > 1)) && [[ $w == ":" || $w == "=" || $glue == 1 ]]; then
                words[${#words[@]} - 1]+=$w
                [[ $w == ":" || $w == "=" ]] && glue=1 || glue=0
            else
                words+=("$w")
                glue=0
            fi
        done
        cword=$((${#words[@]} - 1))
        cur=${words[cword]}
    fi

    local prog=${words[0]}
    [[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}

    # The global options that choose where values come from.
    local -a globals=()
    local i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db | --config | --as)
                globals+=("${words[i]}" "${words[i + 1]}")
                ((i++))
                ;;
            --db=* | --config=* | --as=*)
                globals+=("${words[i]}")
                ;;
        esac
    done

    local out
    out=$("$prog" "${globals[@]}" complete words -- "${words[@]:1:cword-1}" "$cur" 2>/dev/null) || return 0

    COMPREPLY=()
    if [[ $out == "@files" ]]; then
        compopt -o filenames 2>/dev/null
        # Never the files SQLite keeps beside a database (they stay between
        # commands): no option of oppteam takes one.
        local f
        while IFS= read -r f; do
            [[ $f == *-wal || $f == *-shm || $f == *-journal ]] || COMPREPLY+=("$f")
        done < <(compgen -f -- "$cur")
        return 0
    fi
    local line
    while IFS= read -r line; do
        [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$line")
    done <<<"$out"
    # "item=" and "indicator=" wait for their value: no space after them.
    if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *= ]]; then
        compopt -o nospace 2>/dev/null
    fi
    # bash replaces only the part of the word after its last ':' (when ':'
    # breaks words, as it does by default): offer that part.
    if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
        local colon_prefix=${cur%"${cur##*:}"} k
        for k in "${!COMPREPLY[@]}"; do
            COMPREPLY[k]=${COMPREPLY[k]#"$colon_prefix"}
        done
    fi
    return 0
}
complete -F _oppteam oppteam
