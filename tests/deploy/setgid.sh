#!/usr/bin/env bash
# The shared-server layout of docs/deployment.md, exactly as written, on
# this machine: a system group no person belongs to, the binary setgid to
# it, the data folder 2770, the database 0660, and two ordinary users who
# reach the database only through the binary. Needs root (useradd,
# setpriv); reported as skipped (77) otherwise. CI runs it as root.
#
# usage: setgid.sh BUILT_OPPTEAM SOURCE_DIR
set -uo pipefail
built=$1
src=$2
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null || ! command -v useradd >/dev/null; then
  echo "skipped: needs root, setpriv and useradd"
  exit 77
fi

# LeakSanitizer cannot trace a setgid process (and a setgid process does not
# read ASAN_OPTIONS): the sanitizer build skips; CI's plain build runs it.
if grep -q "__asan_init" "$built" 2>/dev/null; then
  echo "skipped: a sanitizer build cannot run setgid"
  exit 77
fi

tag=$$
group="optg$tag"
saksbehandler="optsb$tag"
rapport="optra$tag"
root=$(mktemp -d /var/tmp/oppteam-setgid.XXXXXX)
failures=0

cleanup() {
  rm -rf "$root"
  userdel "$saksbehandler" 2>/dev/null
  userdel "$rapport" 2>/dev/null
  groupdel "$group" 2>/dev/null
}
trap cleanup EXIT

check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: expected $2, got $3"
    failures=$((failures + 1))
  fi
}

# As USER, with the environment a login shell would give (no group oppteam).
as_user() {
  local user=$1
  shift
  (cd / && setpriv --reuid="$user" --regid="$user" --init-groups -- \
    env -i PATH=/usr/bin:/bin HOME=/nonexistent OPPTEAM_DB="$root/var/oppteam.db" "$@")
}

# 1. A system group that no person belongs to; two users, each with their own group.
groupadd --system "$group"
useradd --no-create-home --user-group --shell /usr/sbin/nologin "$saksbehandler"
useradd --no-create-home --user-group --shell /usr/sbin/nologin "$rapport"

chmod 0755 "$root"
mkdir -p "$root/bin" "$root/etc"
# 2. The binary, setgid to that group.
install -o root -g "$group" -m 2755 "$built" "$root/bin/oppteam"
install -D -o root -g root -m 0644 "$(dirname "$built")/oppteam-pdf.so" "$root/lib/oppteam/oppteam-pdf.so"
# 3. The data folder: group-owned, setgid, closed to others.
install -d -o root -g "$group" -m 2770 "$root/var"

cat > "$root/etc/rammeverk.toml" <<TOML
[municipality]
name = "Eksempel kommune"
allow_synthetic_ids = true

[access]
enforce = true

[[access.user]]
name = "$saksbehandler"
roles = ["saksbehandler"]

[[access.user]]
name = "$rapport"
roles = ["rapport"]

[[access.user]]
name = "root"
roles = ["admin"]

[[access.role]]
id = "admin"
permissions = ["*"]
TOML
chown root:"$group" "$root/etc/rammeverk.toml"
chmod 0640 "$root/etc/rammeverk.toml"

# 4. The database, created through the binary under the group's umask.
(umask 007 && "$root/bin/oppteam" --db "$root/var/oppteam.db" init --config "$root/etc/rammeverk.toml" >/dev/null)
check "init as root" 0 $?
chgrp "$group" "$root/var/oppteam.db"*
chmod 0660 "$root/var/oppteam.db"*

# A saksbehandler works through the binary.
out=$(as_user "$saksbehandler" /bin/sh -c 'umask 007; exec "$0" --json refer add --fnr 23923901213 --reporter-type fastlege --received 2026-03-02 --need "Trenger koordinering"' "$root/bin/oppteam" 2>&1)
code=$?
check "saksbehandler: refer add through the setgid binary" 0 "$code"
[ "$code" -eq 0 ] || echo "$out"
as_user "$saksbehandler" "$root/bin/oppteam" case show 2026/1 >/dev/null 2>&1
check "saksbehandler: case show" 0 $?

# A PDF through the setgid binary: its renderer module is loaded from the
# installed layout, and only from a file no one but root may change.
mkdir -p "$root/tmp" && chmod 1777 "$root/tmp"
as_user "$saksbehandler" "$root/bin/oppteam" person export 23923901213 --pdf "$root/tmp/innsyn.pdf" >/dev/null 2>&1
check "saksbehandler: a PDF through the setgid binary" 0 $?
check "the PDF is a PDF" "%PDF" "$(head -c 4 "$root/tmp/innsyn.pdf" 2>/dev/null)"
chmod 0666 "$root/lib/oppteam/oppteam-pdf.so"
out=$(as_user "$saksbehandler" "$root/bin/oppteam" --json person export 23923901213 --pdf "$root/tmp/innsyn2.pdf" 2>/dev/null)
check "a renderer module others may write is not loaded" 77 $?
check "a renderer module others may write: the reason" 1 "$(printf '%s' "$out" | grep -c '"key": "pdf.module_unsafe"')"
chmod 0644 "$root/lib/oppteam/oppteam-pdf.so"

# The rapport user may report but not register.
as_user "$rapport" "$root/bin/oppteam" report >/dev/null 2>&1
check "rapport: report" 0 $?
as_user "$rapport" "$root/bin/oppteam" refer add --fnr 23923901213 --reporter-type fastlege --received 2026-03-02 --need x >/dev/null 2>&1
check "rapport: refer add is refused" 77 $?

# The pager runs as the user alone: the user's $PAGER (and a shell started
# from less) must not inherit the database's group from the setgid binary.
cat > "$root/bin/spy-pager" <<'SH'
#!/bin/sh
id -G > "$SPY_OUT"
cat > /dev/null
SH
chmod 0755 "$root/bin/spy-pager"
if command -v script >/dev/null; then
  as_user "$saksbehandler" TERM=xterm LINES=2 PAGER="$root/bin/spy-pager" SPY_OUT="$root/tmp/groups" \
    script -qec "$root/bin/oppteam case show 2026/1" /dev/null >/dev/null 2>&1
  check "the pager ran" 1 "$([ -s "$root/tmp/groups" ] && echo 1 || echo 0)"
  gid=$(getent group "$group" | cut -d: -f3)
  check "the pager does not hold the database's group" 0 "$(tr ' ' '\n' < "$root/tmp/groups" 2>/dev/null | grep -cx "$gid")"
fi

# Neither user can read the database's files directly.
for user in "$saksbehandler" "$rapport"; do
  as_user "$user" /bin/cat "$root/var/oppteam.db" >/dev/null 2>&1
  check "$user: cat of the database is refused" 1 $?
  as_user "$user" /bin/ls "$root/var" >/dev/null 2>&1
  check "$user: the data folder cannot be listed" 2 $?
done
# Nor through their own copy of the binary (no setgid bit).
cp "$built" "$root/bin/own-copy"
chmod 0755 "$root/bin/own-copy"
as_user "$saksbehandler" "$root/bin/own-copy" case show 2026/1 >/dev/null 2>&1
code=$?
[ "$code" -ne 0 ]
check "saksbehandler: a copy of the binary without setgid cannot open the database" 0 $?

# The -wal and -shm that SQLite made while the users worked are closed to others.
for side in "$root/var/oppteam.db-wal" "$root/var/oppteam.db-shm"; do
  if [ -e "$side" ]; then
    mode=$(stat -c %a "$side")
    check "$(basename "$side") is not open to others (mode $mode)" 0 $(( 0$mode & 07 ))
  fi
done

# Opened to others, each is refused with 77 (and closed again). Both stay
# between commands (a small -wal is left for the next one: Database::kKeepWalBytes).
for f in "$root/var/oppteam.db-wal" "$root/var/oppteam.db-shm"; do
  [ -e "$f" ] || continue
  chmod 0666 "$f"
  out=$(as_user "$saksbehandler" "$root/bin/oppteam" --json case show 2026/1 2>/dev/null)
  code=$?  # before the $(basename) below, which sets $? again
  check "$(basename "$f") mode 666 is refused" 77 $code
  check "$(basename "$f") mode 666: the reason" 1 "$(printf '%s' "$out" | grep -c '"key": "db.side_file_open"')"
  chmod 0660 "$f"
done
chmod o+w "$root/var"
out=$(as_user "$saksbehandler" "$root/bin/oppteam" --json case show 2026/1 2>/dev/null)
check "a data folder writable by others is refused" 77 $?
check "a data folder writable by others: the reason" 1 "$(printf '%s' "$out" | grep -c '"key": "db.folder_open"')"
chmod o-w "$root/var"

# The audit log names the real users.
"$root/bin/oppteam" --db "$root/var/oppteam.db" --json audit verify >/dev/null 2>&1
check "audit verify as root" 0 $?
actors=$("$root/bin/oppteam" --db "$root/var/oppteam.db" --json audit log 2>/dev/null | grep -c "\"$saksbehandler\"")
[ "${actors:-0}" -ge 1 ]
check "the audit log names the saksbehandler" 0 $?

echo "setgid layout: $failures failure(s)"
[ "$failures" -eq 0 ]
