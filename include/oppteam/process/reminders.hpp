#pragma once
// Reminders (påminnelser): every piece of follow-up work that is due within
// a horizon or overdue, for cron and for a coordinator's morning. Computed
// by one set-based query over the whole store (no per-case loops), so a
// store of a million cases answers in well under a second.

#include <oppteam/domain/reminder.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// The longest look ahead of `remind --within`: ten years (more is exit 64).
inline constexpr int kMaxWithinDays = 3660;

struct ReminderQuery {
  int within = 0;                  // days ahead of today, 0 to kMaxWithinDays; 0: due today or overdue
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

// Who gets an escalated item besides whoever must act: the unit's leaders
// (users of [[access.user]] whose roles grant approve, leaders()), else,
// when the rammeverk names none, the coordinating unit (`remind.unit` in
// the context's language), which then takes their place in `--for` and
// `--by-person` (pending approvals go to the same).
struct Escalation {
  std::vector<std::string> to;
  bool to_leaders = false;  // false: to the unit
};
Escalation escalation(const Context& ctx);

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
