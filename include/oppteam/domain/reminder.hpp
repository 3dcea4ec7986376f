#pragma once
// A reminder (påminnelse): one piece of follow-up work that is due, as the
// reminder query finds it (store/reminder_queries.hpp) and `remind` gives
// it (process/reminders.hpp).

#include <oppteam/domain/stored_names.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// What a reminder is about: a closed set, each with the one text the
// reminder query gives for it and `remind --json` shows (kind).
enum class ReminderKind {
  preliminary_reply, decision, no_team, no_coordinator, no_plan, evaluation, measure, consent_withdrawn, consent_review,
  declined, meeting, minutes, action, team_review, approval, stale_case, appeal_review, appeal_forward, appeal_outcome
};

// The kinds with their texts, in the order of docs/remind.md.
inline constexpr StoredNames<ReminderKind, 19> kReminderKindNames{{{{ReminderKind::preliminary_reply, "preliminary_reply"},
                                                                    {ReminderKind::decision, "decision"},
                                                                    {ReminderKind::no_team, "no_team"},
                                                                    {ReminderKind::no_coordinator, "no_coordinator"},
                                                                    {ReminderKind::no_plan, "no_plan"},
                                                                    {ReminderKind::evaluation, "evaluation"},
                                                                    {ReminderKind::measure, "measure"},
                                                                    {ReminderKind::consent_withdrawn, "consent_withdrawn"},
                                                                    {ReminderKind::consent_review, "consent_review"},
                                                                    {ReminderKind::declined, "declined"},
                                                                    {ReminderKind::meeting, "meeting"},
                                                                    {ReminderKind::minutes, "minutes"},
                                                                    {ReminderKind::action, "action"},
                                                                    {ReminderKind::team_review, "team_review"},
                                                                    {ReminderKind::approval, "approval"},
                                                                    {ReminderKind::stale_case, "stale_case"},
                                                                    {ReminderKind::appeal_review, "appeal_review"},
                                                                    {ReminderKind::appeal_forward, "appeal_forward"},
                                                                    {ReminderKind::appeal_outcome, "appeal_outcome"}}}};
constexpr std::string_view to_stored(ReminderKind k) { return kReminderKindNames.of(k); }
constexpr std::optional<ReminderKind> reminder_kind_from(std::string_view text) { return kReminderKindNames.from(text); }

struct Reminder {
  std::string case_number;
  ReminderKind kind = ReminderKind::decision;
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
