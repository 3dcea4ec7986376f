#pragma once
// Every due date of the process, computed here and nowhere else. `case
// show`, `case list`, `plan`, `evaluate` and the plan document call these
// functions; `remind`, which computes the same dates per row in SQL over
// the whole store, takes its day counts and rules from here too (see
// remind_sql), so that a user sees one due date for one thing wherever it
// is shown. The day counts are the rammeverk's [deadlines].

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/domain/decision.hpp>
#include <oppteam/util/clock.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// A foreløpig svar is owed this long after the case was opened
// (forvaltningsloven § 11a: when the case cannot be decided within a month).
Date preliminary_reply_due(const Rammeverk& rv, Date opened);

// The vedtak's target: deadlines.decision days after the case was opened,
// or the latest date promised in a foreløpig svar (`promised`) when that is
// later: a promise moves the due date, it never brings it forward.
Date decision_due(const Rammeverk& rv, Date opened, std::optional<Date> promised);

// The latest date a foreløpig svar may promise the vedtak: the guideline
// expects a decision within reasonable time, so a promise may not silence
// the decision's reminder for years (deadlines.expected_by_within after the
// case was opened; in a case already older than that, after `sent_on`, the
// reply's own date, so that it may still be sent one).
Date latest_promise(const Rammeverk& rv, Date opened, Date sent_on);
// The day latest_promise counts from: `opened`, or `sent_on` in an older case.
Date promise_counted_from(const Rammeverk& rv, Date opened, Date sent_on);

// After a vedtak granting a team, the team should be in place by then
// (deadlines.team_after_decision).
Date team_due(const Rammeverk& rv, Date decided);

// After the team is made, its plan should exist by then (deadlines.plan_after_team).
Date plan_due(const Rammeverk& rv, Date team_created);

// The next evaluation when none is set: deadlines.evaluation_interval after
// `from` (the plan's creation, or the last evaluation).
Date next_evaluation_due(const Rammeverk& rv, Date from);

// A consent given on `given` should be reviewed by then (deadlines.consent_review).
Date consent_review_due(const Rammeverk& rv, Date given);

// A case closed on `closed` may be reopened until then, that day included
// (deadlines.reopen_within_days).
Date reopen_until(const Rammeverk& rv, Date closed);

// A decision's appeal deadline: deadlines.appeal after the letter's date
// (pasient- og brukerrettighetsloven § 7-5). The law counts from the day the
// letter was received, which oppteam does not know: this is the last day
// for a letter received on its own date, as the letter says. A decision
// made in the appeal case has none (process/appeal.cpp).
Date appeal_deadline(const Rammeverk& rv, Date decided);

// The due date of the step an open appeal owes, from the date of its last
// step (`since`): a review (status received or returned,
// deadlines.appeal_review), the forwarding (upheld, deadlines.appeal_forward)
// or a follow-up of statsforvalteren's outcome (forwarded,
// deadlines.appeal_outcome).
Date appeal_step_due(const Rammeverk& rv, AppealStatus status, Date since);

// What an undecided (received) case waits for: the foreløpig svar while none
// is sent and its date has not passed, else the vedtak. `overdue` when that
// date has passed; an unsent foreløpig svar past its date is what is overdue
// until the vedtak's own date passes too.
struct CaseDeadline {
  enum Kind { preliminary_reply, decision } kind;
  Date date;
  bool overdue;
};
CaseDeadline case_deadline(const Rammeverk& rv, Date opened, bool reply_sent, std::optional<Date> promised, Date today);

// The next date of a recurring measure (every `every` days, due `due`)
// marked done on `today`: at least one step on, and the first step after
// today, so a measure done late is not left overdue (nor done once for
// every step it missed). Never past 9999-12-31 (add_days).
Date next_recurrence(Date due, int every, Date today);

// A measure still to do (planned or started) is overdue the day after its
// due date (`due_on` ISO; none or unreadable: never).
bool measure_overdue(std::string_view status, std::string_view due_on, Date today);

// The same offsets as SQLite date modifiers ("+56 days"), for SQL that
// computes these dates per row; the decision's promised date is applied in
// that SQL as max(date(opened, modifier), latest expected_by), as above.
std::string sql_days(int days);

}  // namespace oppteam
