#pragma once
// The SQL of `remind`: one set-based query over the whole store (one
// SELECT per kind of reminder, joined by UNION ALL; no per-case loops), so
// a store of a million cases answers in well under a second. Its day
// counts, cut-off dates and the unit's name are parameters, computed by
// process/reminders.cpp from the rammeverk (process/deadlines); which items
// a leader also gets, what is escalated and who must act are the
// process's too. Runs inside the caller's read.

#include <oppteam/domain/reminder.hpp>
#include <oppteam/store/database.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oppteam {

struct ReminderParams {
  // Named parameters (":horizon", ":pr_cut", ...) and their text values,
  // longer names first, so that a textual substitution never hits a prefix.
  std::vector<std::pair<std::string, std::string>> text;
  std::optional<std::string> for_name;  // ":for": only this person's items; none: everyone's
};

class ReminderQueries {
 public:
  explicit ReminderQueries(Database& db) : db_(db) {}

  // The items due on or before :horizon, sorted by due date, then case
  // number: case, kind, due date, responsible (the current koordinator,
  // else the case's owner, else :unit), and what the item is about (a
  // measure, an action, a meeting, an approval's ref; a scope or what).
  // Reminder::assignee, days_overdue and escalated are left for the caller.
  std::vector<Reminder> due(const ReminderParams& p);

  // The same query as one SQL text with every parameter written in as a
  // literal, for sqlite3 (the benchmark's floor) and DBAs.
  static std::string literal_sql(const ReminderParams& p);

 private:
  Database& db_;
};

}  // namespace oppteam
