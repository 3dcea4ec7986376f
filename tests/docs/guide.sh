#!/bin/bash
# docs/guide.md cannot go stale: every ```console block in it is run, in
# order, in a fresh directory (a new database, OPPTEAM_USER=ane.lie, 80
# columns, no colour), and what the binary prints must be what the guide
# shows under each "$ " line (stdout and stderr as a terminal shows them;
# the real clock's time stamps are compared as TIME). A block right after a
# line "<!-- guide-test: skip -->" is an illustration and is not run.
#
#   bash tests/docs/guide.sh OPPTEAM SOURCE_DIR            check (exit 1 on a difference)
#   GUIDE_UPDATE=1 bash tests/docs/guide.sh OPPTEAM SOURCE_DIR   rewrite docs/guide.md with today's output
set -u
OPPTEAM=$(readlink -f "$1")
SOURCE_DIR=$(readlink -f "$2")
GUIDE=$SOURCE_DIR/docs/guide.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/oppteam-guide-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/bin" "$WORK/run"
ln -s "$OPPTEAM" "$WORK/bin/oppteam"
ln -s "$SOURCE_DIR/examples" "$WORK/run/examples"
export PATH="$WORK/bin:$PATH" LC_ALL=C.UTF-8 HOME=$WORK COLUMNS=80 OPPTEAM_DB=$WORK/run/k.db OPPTEAM_USER=ane.lie
unset NO_COLOR OPPTEAM_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME OPPTEAM_PAGER PAGER LANG LANGUAGE

generated=$WORK/guide.md
in_block=0
skip_next=0
skip_block=0
while IFS= read -r line || [[ -n $line ]]; do
    if ((in_block)); then
        if [[ $line == '```' ]]; then
            in_block=0
            printf '%s\n' "$line" >>"$generated"
        elif ((skip_block)); then
            printf '%s\n' "$line" >>"$generated"
        elif [[ $line == '$ '* ]]; then
            printf '%s\n' "$line" >>"$generated"
            (cd "$WORK/run" && bash -c "${line#\$ }" 2>&1 </dev/null) >>"$generated"
        fi
        # any other line in a block is the old output: replaced by the new
        continue
    fi
    printf '%s\n' "$line" >>"$generated"
    if [[ $line == '<!-- guide-test: skip -->' ]]; then
        skip_next=1
    elif [[ $line == '```console' ]]; then
        in_block=1
        skip_block=$skip_next
        skip_next=0
    elif [[ -n $line ]]; then
        skip_next=0
    fi
done <"$GUIDE"

if [[ -n ${GUIDE_UPDATE:-} ]]; then
    cp "$generated" "$GUIDE"
    echo "docs/guide.md rewritten with today's output"
    exit 0
fi
normalise() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[.0-9]*Z?)?/TIME/g' "$1"; }
if diff -u <(normalise "$GUIDE") <(normalise "$generated") >"$WORK/diff"; then
    echo "docs/guide.md shows what oppteam prints today"
    exit 0
fi
echo "docs/guide.md is stale: what the guide shows (-) and what oppteam prints today (+):"
cat "$WORK/diff"
echo "Rewrite it with: GUIDE_UPDATE=1 bash tests/docs/guide.sh build/oppteam ."
exit 1
