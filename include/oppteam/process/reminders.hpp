#pragma once
// Reminders (påminnelser): every piece of follow-up work that is due within
// a horizon or overdue, for cron and for a coordinator's morning. Computed
// by one set-based query over the whole store (no per-case loops), so a
// store of a million cases answers in well under a second.

#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// The kinds, in the order of docs/remind.md.
inline constexpr std::string_view kReminderKinds[] = {
    "preliminary_reply", "decision", "no_team", "no_coordinator", "no_plan",
    "evaluation", "measure", "consent_withdrawn", "consent_review", "declined"};

struct Reminder {
  std::string case_number;
  std::string kind;
  std::string due;          // ISO date
  std::string responsible;  // the current coordinator, else the case's owner, else the unit
  std::optional<int> measure;         // kind measure
  std::string measure_responsible;    // kind measure: the team member who carries it
  std::string scope;                  // consent kinds: the consent's scope
  int days_overdue = 0;               // negative: due in the future
};

struct ReminderQuery {
  int within = 0;                  // days ahead of today; 0: due today or overdue
  std::optional<std::string> for_name;  // keep the items this person (or the unit) is responsible for
};

// The items due on or before today + within, sorted by due date, then case
// number. A read of case data: the query runs on one read snapshot (no write
// lock held meanwhile), then one audit entry for the whole run is written;
// a database locked past the busy timeout is exit 75.
std::vector<Reminder> remind(const Context& ctx, const ReminderQuery& q);

// The same query as one SQL text with every parameter written in as a
// literal: what `remind` runs, for sqlite3 (the benchmark's floor) and DBAs.
std::string remind_sql(const Context& ctx, const ReminderQuery& q);

nlohmann::json to_json(const Reminder& r);

}  // namespace oppteam
