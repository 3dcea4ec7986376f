#!/bin/bash
# The manual page built from the real help (build/oppteam.1) shows every
# subcommand and sub-subcommand, and `cmake --install` puts it and the bash
# completion where man and bash look.
source "$(dirname "$0")/lib.sh"
need_tool help2man
need_tool man man-db

# render_page PAGE: the page as man shows it at 80 columns, into $text; a
# failed check (and status 1) when it was not built.
render_page() {
    if [[ ! -r $1 ]]; then
        fail "$1 was not built (the 'manpage' target)"
        return 1
    fi
    text=$(MANWIDTH=80 man -l "$1" 2>/dev/null)
}

render_page "$BUILD_DIR/oppteam.1" || finish
check_contains "NAME" "$text" "oppteam - follow-up teams for people with large and complex needs"
check_contains "Norwegian letters survive" "$text" "oppfølgingsteam for personer med store og sammensatte behov"
for section in COMMANDS ENVIRONMENT "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
    check_contains "section $section" "$text" "$section"
done
check_contains "exit code 75 explained" "$text" "retry later"
check_not_contains "the hidden completion command stays hidden" "$text" "oppteam complete"
count=0
while IFS= read -r cmd; do
    check_contains "a section for oppteam $cmd" "$text" "   oppteam $cmd"$'\n'
    check_contains "the usage of oppteam $cmd" "$text" "Usage: oppteam $cmd"
    count=$((count + 1))
    while IFS= read -r sub; do
        [[ -z $sub ]] && continue
        check_contains "a section for oppteam $cmd $sub" "$text" "   oppteam $cmd $sub"$'\n'
        count=$((count + 1))
    done < <("$OPPTEAM" complete commands -- "$cmd")
done < <("$OPPTEAM" complete commands)
((count >= 30)) && pass || fail "only $count commands found"

# The page is current: it was generated from this very binary's help.
check_contains "the page carries the refer add options" "$text" "--reporter-type"

# The Bokmål and Nynorsk pages (issue 17): the same commands, in their language.
for lang in nb nn; do
    page_l=$BUILD_DIR/oppteam.$lang.1
    render_page "$page_l" || continue
    text_l=$text
    check_contains "$lang: the usage of oppteam case list" "$text_l" "Bruk: oppteam case list"
    check_not_contains "$lang: no English usage line" "$text_l" "Usage: oppteam"
    check_contains "$lang: the refer add options" "$text_l" "--reporter-type"
    # Every heading in the page's language, help2man's own ones too.
    if [[ $lang == nb ]]; then headings=(NAVN OVERSIKT BESKRIVELSE VALG KOMMANDOER); else headings=(NAMN OVERSYN SKILDRING VAL KOMMANDOAR); fi
    for heading in "${headings[@]}"; do
        grep -qx "$heading" <<<"$text_l" && pass || fail "$lang: no heading $heading"
    done
    for english in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS; do
        grep -qx "$english" <<<"$text_l" && fail "$lang: an English heading $english" || pass
    done
    grep -q '^\.TH .*"[A-Z][a-z]* [0-9]\{4\}"' "$page_l" && fail "$lang: an English month in the page's date" || pass
done
check_contains "nb: its name" "$(MANWIDTH=80 man -l "$BUILD_DIR/oppteam.nb.1" 2>/dev/null)" "oppteam - oppfølgingsteam for personer"
check_contains "nb: in Bokmål" "$(MANWIDTH=80 man -l "$BUILD_DIR/oppteam.nb.1" 2>/dev/null)" "Hver underkommando"
check_contains "nn: in Nynorsk" "$(MANWIDTH=80 man -l "$BUILD_DIR/oppteam.nn.1" 2>/dev/null)" "Kvar underkommando"

# cmake --install puts the page and the completion in place.
if command -v cmake >/dev/null && [[ -r $BUILD_DIR/cmake_install.cmake ]]; then
    cmake --install "$BUILD_DIR" --prefix "$WORK/prefix" >/dev/null 2>&1 || fail "cmake --install"
    [[ -r $WORK/prefix/share/man/man1/oppteam.1 ]] && pass || fail "share/man/man1/oppteam.1 not installed"
    for lang in nb nn; do
        [[ -r $WORK/prefix/share/man/$lang/man1/oppteam.1 ]] && pass || fail "share/man/$lang/man1/oppteam.1 not installed"
    done
    [[ -r $WORK/prefix/share/bash-completion/completions/oppteam ]] && pass ||
        fail "share/bash-completion/completions/oppteam not installed"
    [[ -x $WORK/prefix/bin/oppteam ]] && pass || fail "bin/oppteam not installed"
fi
finish
