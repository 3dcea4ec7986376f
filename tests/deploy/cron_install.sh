#!/usr/bin/env bash
# Cron after install (issue 17, point 12): `cmake --install` into a DESTDIR,
# then the installed crontab's reminder line run as cron runs it: `env -i`
# with only the crontab's variables (PATH among them) and /bin/sh. The
# crontab's paths name the install prefix; here they are looked up under the
# DESTDIR, the way a package's files are before they are unpacked.
#
# usage: cron_install.sh BUILD_DIR
set -uo pipefail
build=$1
root=$(mktemp -d "${TMPDIR:-/tmp}/oppteam-cron.XXXXXX")
trap 'rm -rf "$root"' EXIT
prefix=/opt/oppteam-crontest
dest=$root/dest
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if ! DESTDIR=$dest cmake --install "$build" --prefix "$prefix" >"$root/install.log" 2>&1; then
  cat "$root/install.log"
  echo "FAIL: cmake --install"
  exit 1
fi

crontab=$(ls "$dest$prefix"/share/doc/oppteam/examples/crontab 2>/dev/null)
[ -n "$crontab" ] || { echo "FAIL: no crontab installed under share/doc/oppteam/examples"; exit 1; }
for script in remind-mail.sh backup-rotate.sh; do
  [ -x "$dest$prefix/share/doc/oppteam/examples/$script" ] || fail "$script is not installed as a program"
done

# Every absolute path the crontab names under the prefix must be installed.
grep -o "$prefix[^ :;]*" "$crontab" | sort -u | while read -r p; do
  [ -e "$dest$p" ] || echo "FAIL: the crontab names $p, which is not installed"
done | tee "$root/missing"
[ -s "$root/missing" ] && failures=$((failures + 1))

path_line=$(grep -E '^PATH=' "$crontab" | head -1)
[ -n "$path_line" ] || fail "the crontab sets no PATH"
echo "$path_line" | grep -q "$prefix/bin" || fail "the crontab's PATH does not hold $prefix/bin: $path_line"
# The jobs act as the crontab's own login (oppteam-cron): a fixed
# OPPTEAM_USER would be refused under enforce = true (act_as), and would
# name someone else in the audit log.
! grep -qE '^OPPTEAM_USER=' "$crontab" || fail "the crontab sets OPPTEAM_USER: the jobs must act as their own login"
remind_line=$(grep -E '^[0-9].* oppteam remind' "$crontab" | head -1)
[ -n "$remind_line" ] || { echo "FAIL: no reminder line"; exit 1; }
command=$(echo "$remind_line" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print }')

# The crontab's variables, with the prefix moved under the DESTDIR and the
# database in this test's folder.
db=$root/data/oppteam.db
mkdir -p "$root/data" && chmod 700 "$root/data"
vars=()
while IFS= read -r line; do
  line=${line//$prefix/$dest$prefix}
  case $line in OPPTEAM_DB=*) line="OPPTEAM_DB=$db" ;; esac
  vars+=("$line")
done < <(grep -E '^[A-Z_]+=' "$crontab")

oppteam=$dest$prefix/bin/oppteam
"$oppteam" --db "$db" init --config "$dest$prefix/share/doc/oppteam/examples/rammeverk.toml" >/dev/null 2>"$root/init.err" \
  || { cat "$root/init.err"; echo "FAIL: init"; exit 1; }
# A referral received 40 days ago: its foreløpig svar is overdue, so remind prints it.
received=$(date -d '40 days ago' +%F)
"$oppteam" --db "$db" --as saksbehandler refer add --fnr 23923901213 --reporter-type fastlege --received "$received" \
  --need "Trenger koordinering" >/dev/null 2>"$root/add.err" || { cat "$root/add.err"; echo "FAIL: refer add"; exit 1; }

out=$(cd "$root" && env -i HOME="$root" LOGNAME=cron SHELL=/bin/sh "${vars[@]}" /bin/sh -c "$command" 2>&1)
rc=$?
[ $rc -eq 0 ] || fail "the crontab's reminder command exited $rc: $out"
echo "$out" | grep -q "$(date -d '40 days ago' +%Y)/1" || fail "the reminder command printed no item: $out"

# The installed binary finds its PDF renderer where the install put it
# (PREFIX/lib/oppteam, found from the binary's own path: here under DESTDIR).
"$oppteam" --db "$db" --as saksbehandler person export 23923901213 --pdf "$root/innsyn.pdf" >/dev/null 2>"$root/pdf.err" \
  || fail "the installed binary made no PDF: $(cat "$root/pdf.err")"

[ $failures -eq 0 ] && echo "ok: the installed crontab's reminder line runs under env -i"
[ $failures -eq 0 ]
