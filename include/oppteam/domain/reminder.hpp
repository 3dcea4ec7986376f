#pragma once
// A reminder (påminnelse): one piece of follow-up work that is due, as the
// reminder query finds it (store/reminder_queries.hpp) and `remind` gives
// it (process/reminders.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// The kinds, in the order of docs/remind.md.
inline constexpr std::string_view kReminderKinds[] = {
    "preliminary_reply", "decision", "no_team", "no_coordinator", "no_plan",
    "evaluation", "measure", "consent_withdrawn", "consent_review", "declined",
    "meeting", "minutes", "action", "team_review", "approval", "stale_case",
    "appeal_review", "appeal_forward", "appeal_outcome"};

struct Reminder {
  std::string case_number;
  std::string kind;
  std::string due;          // ISO date
  std::string responsible;  // the current coordinator, else the case's owner, else the unit
  std::optional<int> measure;         // kind measure
  std::string measure_responsible;    // kind measure: the team member who carries it
  std::string scope;                  // consent kinds: the consent's scope
  std::optional<int> action;          // kind action: the agreed action's number (measure_responsible carries it)
  std::optional<int> meeting;         // kinds meeting and minutes: the meeting's number
  std::string assignee;               // who must act: measure_responsible when set, else responsible
  std::optional<std::int64_t> ref;    // kind approval: the plan revision or assessment id (scope: what)
  bool escalated = false;             // overdue more than escalation.after_days: shown to leaders too
  int days_overdue = 0;               // negative: due in the future
};

}  // namespace oppteam
