#include <oppteam/process/deadlines.hpp>

#include <oppteam/util/dates.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace oppteam {

namespace {
// Never past 9999-12-31 (add_days): a date near the calendar's end keeps its deadlines in it.
Date after(Date from, int days) { return add_days(from, days); }
}  // namespace

Date preliminary_reply_due(const Rammeverk& rv, Date opened) { return after(opened, rv.deadlines.preliminary_reply); }

Date decision_due(const Rammeverk& rv, Date opened, std::optional<Date> promised) {
  const Date target = after(opened, rv.deadlines.decision);
  return promised ? std::max(target, *promised) : target;
}

Date promise_counted_from(const Rammeverk& rv, Date opened, Date sent_on) {
  return after(opened, rv.deadlines.expected_by_within) < sent_on ? sent_on : opened;
}

Date latest_promise(const Rammeverk& rv, Date opened, Date sent_on) {
  return after(promise_counted_from(rv, opened, sent_on), rv.deadlines.expected_by_within);
}

Date team_due(const Rammeverk& rv, Date decided) { return after(decided, rv.deadlines.team_after_decision); }

Date plan_due(const Rammeverk& rv, Date team_created) { return after(team_created, rv.deadlines.plan_after_team); }

Date next_evaluation_due(const Rammeverk& rv, Date from) { return after(from, rv.deadlines.evaluation_interval); }

Date consent_review_due(const Rammeverk& rv, Date given) { return after(given, rv.deadlines.consent_review); }

Date reopen_until(const Rammeverk& rv, Date closed) { return after(closed, rv.deadlines.reopen_within_days); }

Date appeal_deadline(const Rammeverk& rv, Date decided) { return after(decided, rv.deadlines.appeal); }

Date appeal_step_due(const Rammeverk& rv, AppealStatus status, Date since) {
  if (status == AppealStatus::upheld) return after(since, rv.deadlines.appeal_forward);
  if (status == AppealStatus::forwarded) return after(since, rv.deadlines.appeal_outcome);
  return after(since, rv.deadlines.appeal_review);
}

CaseDeadline case_deadline(const Rammeverk& rv, Date opened, bool reply_sent, std::optional<Date> promised, Date today) {
  const Date decision = decision_due(rv, opened, promised);
  if (today > decision) return {CaseDeadline::decision, decision, true};
  if (!reply_sent) {
    const Date reply = preliminary_reply_due(rv, opened);
    if (reply < decision) return {CaseDeadline::preliminary_reply, reply, today > reply};
  }
  return {CaseDeadline::decision, decision, false};
}

Date next_recurrence(Date due, int every, Date today) {
  const Date next = add_days(due, every);
  if (next > today || every < 1) return next;  // (a stored step below 1 is refused on input; no loop on one)
  // Here every <= days_between(due, today), so the product stays within int.
  const int steps = days_between(due, today) / every + 1;
  return add_days(due, steps * every);
}

bool measure_overdue(std::string_view status, std::string_view due_on, Date today) {
  if (status != "planned" && status != "started") return false;
  const auto due = try_parse_date(std::string(due_on));
  return due && *due < today;
}

std::string sql_days(int days) { return fmt::format("{:+d} days", days); }

}  // namespace oppteam
