# Shared by the tests/ux/*.sh tests: run as `bash SCRIPT OPPTEAM SOURCE_DIR BUILD_DIR`.
# Each test works in a fresh temporary directory, counts failed checks and
# exits 1 when any failed (77, "skipped", when a tool it needs is missing).

set -u
OPPTEAM=$(readlink -f "$1")
SOURCE_DIR=$(readlink -f "$2")
BUILD_DIR=$(readlink -f "${3:-$(dirname "$OPPTEAM")}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/oppteam-ux-XXXXXX")
FAILED=0
CHECKS=0
export LC_ALL=C.UTF-8
export HOME=$WORK
unset NO_COLOR OPPTEAM_DB OPPTEAM_CONFIG OPPTEAM_USER XDG_DATA_HOME XDG_CONFIG_HOME COLUMNS

need_tool() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "SKIP: $1 is not installed (Debian package: ${2:-$1})"
        exit 77
    fi
}

pass() { CHECKS=$((CHECKS + 1)); }
fail() {
    CHECKS=$((CHECKS + 1))
    FAILED=$((FAILED + 1))
    echo "FAIL: $*"
}

# check_contains DESCRIPTION TEXT NEEDLE: NEEDLE must occur in TEXT.
check_contains() {
    if [[ $2 == *"$3"* ]]; then pass; else
        fail "$1: expected to find [$3] in:"
        printf '%s\n' "$2" | sed 's/^/    | /'
    fi
}
check_not_contains() {
    if [[ $2 != *"$3"* ]]; then pass; else
        fail "$1: did not expect [$3] in:"
        printf '%s\n' "$2" | sed 's/^/    | /'
    fi
}
check_eq() {
    if [[ $2 == "$3" ]]; then pass; else fail "$1: expected [$3], got [$2]"; fi
}

finish() {
    if ((FAILED > 0)); then
        echo "$FAILED of $CHECKS checks failed"
        exit 1
    fi
    echo "all $CHECKS checks passed"
    exit 0
}

# --- tmux: a person at a terminal ---------------------------------------
TMUX_SOCKET="oppteam-ux-$$"
tmux_() { tmux -L "$TMUX_SOCKET" -f /dev/null "$@"; }
cleanup() {
    tmux -L "$TMUX_SOCKET" kill-server >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

# start_screen NAME WIDTH HEIGHT COMMAND...: runs COMMAND in a detached
# session of that size; "EXIT=<code>" is printed when it ends.
start_screen() {
    local name=$1 width=$2 height=$3
    shift 3
    local cmd
    printf -v cmd '%q ' "$@"
    tmux_ new-session -d -s "$name" -x "$width" -y "$height" \
        "cd $(printf %q "$WORK") && $cmd; echo EXIT=\$?; sleep 600"
}

# screen NAME [-e]: the visible text of the pane (with -e: with its colours).
screen() { tmux_ capture-pane -p -t "$1" ${2:-} -S 0 -E -; }

# wait_for NAME TEXT: waits (up to 10 s) until TEXT is on the screen.
wait_for() {
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(screen "$1") == *"$2"* ]] && return 0
        sleep 0.1
    done
    fail "timed out waiting for [$2] on screen $1:"
    screen "$1" | sed 's/^/    | /'
    return 1
}

# type_line NAME TEXT: types TEXT as a person would, then Enter.
type_line() {
    [[ -n $2 ]] && tmux_ send-keys -t "$1" -l "$2"
    tmux_ send-keys -t "$1" Enter
}
