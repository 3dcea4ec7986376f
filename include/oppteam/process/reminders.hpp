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

struct ReminderQuery {
  int within = 0;                  // days ahead of today; 0: due today or overdue
  // keep the items this person (or the unit) is responsible for or carries (measures, actions)
  // A leader ([[access.user]] with role leder) also gets every escalated
  // item and every pending approval.
  std::optional<std::string> for_name;
  bool escalated_only = false;  // only escalated items (and pending approvals)
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

// The items of one person who must act on them (Reminder::assignee), with
// the contact details the rammeverk's [[contact]] or a team holds.
struct PersonReminders {
  std::string name;
  std::string email;  // empty: none known
  std::string phone;
  std::vector<Reminder> items;
};

// `items` grouped by assignee, people in Norwegian name order, each
// person's items in the order given. Reads contact details (no audit: the
// remind run that produced the items is audited).
std::vector<PersonReminders> group_by_person(const Context& ctx, const std::vector<Reminder>& items);

nlohmann::json to_json(const PersonReminders& p);

}  // namespace oppteam
