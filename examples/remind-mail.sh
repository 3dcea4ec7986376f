#!/bin/sh
# Mails each coordinator their own reminders (and the coordinating unit the
# items no coordinator holds), from `oppteam remind --json` and `--for`.
# Nothing due: no mail at all.
#
# Needs jq and a mail(1) command (Debian: apt-get install jq bsd-mailx).
# Addresses: one line per person in $OPPTEAM_ADDRESSES, "Name<TAB>address";
# names without a line go to $UNIT_ADDRESS.
set -eu

WITHIN=${WITHIN:-7}
ADDRESSES=${OPPTEAM_ADDRESSES:-/etc/oppteam/addresses.tsv}
UNIT_ADDRESS=${UNIT_ADDRESS:-koordinerende-enhet@kommune.example}

address_of() {
  [ -r "$ADDRESSES" ] && awk -F '\t' -v n="$1" '$1 == n { print $2; exit }' "$ADDRESSES" || true
}

# Everyone who has something due (exit 75, busy database: cron retries later).
all=$(oppteam --json remind --within "$WITHIN")
echo "$all" | jq -r '.items[].responsible' | sort -u | while IFS= read -r name; do
  to=$(address_of "$name")
  [ -n "$to" ] || to=$UNIT_ADDRESS
  # Their own items, as the readable table (--for keeps only theirs).
  body=$(oppteam remind --within "$WITHIN" --for "$name")
  [ -n "$body" ] || continue
  printf '%s\n\n%s\n' "Oppgaver som forfaller de neste $WITHIN dagene, for $name:" "$body" \
    | mail -s "oppteam: påminnelser for $name" "$to"
done
