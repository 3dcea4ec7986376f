#!/bin/sh
# Mails each person their own reminders: the team member who carries a
# measure or an action, the coordinator their team's work, the coordinating
# unit what no coordinator holds. From `oppteam remind --by-person --json`
# (who must act, and the e-mail address the rammeverk's [[contact]] or the
# team holds) and `oppteam remind --for NAME` (the readable list).
# Nothing due: no mail at all.
#
# Needs jq and a sendmail(8) command (Debian: apt-get install jq, and an MTA
# such as exim4 or msmtp-mta). The addresses go in the message's headers
# (sendmail -t), never on a command line.
# Environment: WITHIN (days ahead, default 7); UNIT_ADDRESS for people with
# no address known; TODAY (YYYY-MM-DD, for tests and training databases);
# SENDMAIL (default: sendmail).
set -eu

WITHIN=${WITHIN:-7}
UNIT_ADDRESS=${UNIT_ADDRESS:-koordinerende-enhet@kommune.example}
SENDMAIL=${SENDMAIL:-sendmail}
today_opt=
[ -z "${TODAY:-}" ] || today_opt="--today=$TODAY"

# A header value in UTF-8 (RFC 2047).
encoded() { printf '=?UTF-8?B?%s?=' "$(printf '%s' "$1" | base64 | tr -d '\n')"; }

# Who must act, with their address (exit 75, busy database: cron retries later).
# shellcheck disable=SC2086
all=$(oppteam $today_opt --json remind --within "$WITHIN" --by-person)
# Each person by position, each field read raw (jq -r): a name may hold a
# backslash or a tab, which a tab-separated list would escape.
count=$(printf '%s\n' "$all" | jq '.people | length')
status=0
i=0
while [ "$i" -lt "$count" ]; do
  name=$(printf '%s\n' "$all" | jq -r --argjson i "$i" '.people[$i].name')
  to=$(printf '%s\n' "$all" | jq -r --argjson i "$i" '.people[$i].email // ""')
  i=$((i + 1))
  [ -n "$to" ] || to=$UNIT_ADDRESS
  # Their own items, as the readable table (--for keeps only theirs).
  # shellcheck disable=SC2086
  body=$(oppteam $today_opt remind --within "$WITHIN" --for="$name")
  if [ -z "$body" ]; then
    # Listed as owing work, yet --for found none: say so (cron mails it)
    # instead of leaving the person without their reminders.
    printf 'remind-mail: no reminders found for %s\n' "$name" >&2
    status=1
    continue
  fi
  {
    printf 'To: %s\n' "$to"
    printf 'Subject: %s\n' "$(encoded "oppteam: påminnelser for $name")"
    printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n'
    printf '%s\n\n%s\n' "Oppgaver som forfaller de neste $WITHIN dagene, for $name:" "$body"
  } | "$SENDMAIL" -t -oi
done
exit "$status"
