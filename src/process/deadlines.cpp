#include <oppteam/process/deadlines.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace oppteam {

namespace {
Date after(Date from, int days) { return from + std::chrono::days(days); }
}  // namespace

Date preliminary_reply_due(const Rammeverk& rv, Date opened) { return after(opened, rv.deadlines.preliminary_reply); }

Date decision_due(const Rammeverk& rv, Date opened, std::optional<Date> promised) {
  const Date target = after(opened, rv.deadlines.decision);
  return promised ? std::max(target, *promised) : target;
}

Date team_due(const Rammeverk& rv, Date decided) { return after(decided, rv.deadlines.team_after_decision); }

Date plan_due(const Rammeverk& rv, Date team_created) { return after(team_created, rv.deadlines.plan_after_team); }

Date next_evaluation_due(const Rammeverk& rv, Date from) { return after(from, rv.deadlines.evaluation_interval); }

Date consent_review_due(const Rammeverk& rv, Date given) { return after(given, rv.deadlines.consent_review); }

Date reopen_until(const Rammeverk& rv, Date closed) { return after(closed, rv.deadlines.reopen_within_days); }

Date appeal_deadline(const Rammeverk& rv, Date decided) { return after(decided, rv.deadlines.appeal); }

Date appeal_step_due(const Rammeverk& rv, std::string_view status, Date since) {
  if (status == "upheld") return after(since, rv.deadlines.appeal_forward);
  if (status == "forwarded") return after(since, rv.deadlines.appeal_outcome);
  return after(since, rv.deadlines.appeal_review);
}

std::string sql_days(int days) { return fmt::format("{:+d} days", days); }

}  // namespace oppteam
