#!/bin/sh
# Nightly encrypted backup of the oppteam database, with rotation: writes
# DIR/oppteam-YYYY-MM-DDTHHMMSSZ.db.enc (encrypted to PUBKEY, mode 0600) and
# then keeps the newest KEEP of those files, deleting older ones. Only files
# with exactly that name pattern are ever deleted, and only after a backup
# succeeded: a failing night never eats into the copies kept.
#
#   backup-rotate.sh DIR PUBKEY [KEEP]      (KEEP defaults to 14)
#
# The database is $OPPTEAM_DB (or --db in OPPTEAM_BACKUP_ARGS). Exit code:
# oppteam's (75, busy, is retried once after 5 minutes), 64 for bad arguments.
# See docs/operations.md and examples/crontab.
set -eu

usage() { echo "usage: backup-rotate.sh DIR PUBKEY [KEEP]" >&2; exit 64; }
if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
dir=$1
pub=$2
keep=${3:-14}
case $keep in '' | *[!0-9]*) usage ;; esac
[ "$keep" -ge 1 ] || usage
[ -d "$dir" ] || { echo "backup-rotate.sh: $dir is not a folder" >&2; exit 66; }

umask 077
target="$dir/oppteam-$(date -u +%Y-%m-%dT%H%M%SZ).db.enc"
# shellcheck disable=SC2086 # OPPTEAM_BACKUP_ARGS holds options, split on purpose
oppteam ${OPPTEAM_BACKUP_ARGS:-} backup --to "$target" --encrypt-to "$pub" || {
  rc=$?
  [ "$rc" -eq 75 ] || exit "$rc"
  sleep "${OPPTEAM_RETRY_SECONDS:-300}"
  oppteam ${OPPTEAM_BACKUP_ARGS:-} backup --to "$target" --encrypt-to "$pub"
}

# The names sort by time; keep the newest KEEP.
for f in "$dir"/oppteam-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z.db.enc; do
  if [ -f "$f" ]; then printf '%s\n' "$f"; fi
done | sort -r | tail -n "+$((keep + 1))" | while IFS= read -r old; do
  rm -f -- "$old"
done
