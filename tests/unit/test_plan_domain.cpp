// The plan area's statuses: one mapping each to and from the strings the
// database, the revisions' snapshots and the JSON hold.

#include <oppteam/domain/evaluation.hpp>
#include <oppteam/domain/meeting.hpp>
#include <oppteam/domain/plan.hpp>
#include <oppteam/domain/reminder.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oppteam;

namespace {

// Every value maps to its expected stored name and back; the names are
// those of the schema's CHECK constraints.
template <class E, class From>
void check_mapping(const std::vector<std::pair<E, std::string>>& expected, From from) {
  for (const auto& [value, name] : expected) {
    CHECK(std::string(to_stored(value)) == name);
    REQUIRE(from(name).has_value());
    CHECK(*from(name) == value);
  }
  CHECK_FALSE(from("").has_value());
  CHECK_FALSE(from("Open").has_value());
  CHECK_FALSE(from("unknown").has_value());
}

}  // namespace

TEST_CASE("plan kinds and statuses map to their stored names and back", "[plan][domain]") {
  check_mapping<PlanKind>({{PlanKind::ip, "ip"}, {PlanKind::follow_up, "oppfolgingsplan"}}, plan_kind_from);
  check_mapping<PlanStatus>({{PlanStatus::open, "open"}, {PlanStatus::revising, "revising"}, {PlanStatus::closed, "closed"}},
                            plan_status_from);
}

TEST_CASE("goal statuses, goal marks and measure statuses map to their stored names and back", "[plan][domain]") {
  check_mapping<GoalStatus>({{GoalStatus::open, "open"},
                             {GoalStatus::reached, "reached"},
                             {GoalStatus::partly, "partly"},
                             {GoalStatus::dropped, "dropped"}},
                            goal_status_from);
  check_mapping<GoalMark>(
      {{GoalMark::reached, "reached"}, {GoalMark::partly, "partly"}, {GoalMark::dropped, "dropped"}, {GoalMark::active, "active"}},
      goal_mark_from);
  CHECK_FALSE(goal_mark_from("open").has_value());  // a goal is made open again with "active"
  CHECK_FALSE(goal_status_from("active").has_value());
  CHECK(status_after(GoalMark::active) == GoalStatus::open);
  CHECK(status_after(GoalMark::reached) == GoalStatus::reached);
  CHECK(status_after(GoalMark::partly) == GoalStatus::partly);
  CHECK(status_after(GoalMark::dropped) == GoalStatus::dropped);
  check_mapping<MeasureStatus>({{MeasureStatus::planned, "planned"},
                                {MeasureStatus::started, "started"},
                                {MeasureStatus::done, "done"},
                                {MeasureStatus::cancelled, "cancelled"}},
                               measure_status_from);
}

TEST_CASE("evaluation decisions and meeting statuses map to their stored names and back", "[plan][domain]") {
  check_mapping<EvaluationDecision>({{EvaluationDecision::continue_plan, "continue"},
                                     {EvaluationDecision::revise, "revise"},
                                     {EvaluationDecision::close, "close"}},
                                    evaluation_decision_from);
  check_mapping<MeetingStatus>({{MeetingStatus::planned, "planned"}, {MeetingStatus::held, "held"}}, meeting_status_from);
  check_mapping<ActionStatus>({{ActionStatus::open, "open"}, {ActionStatus::done, "done"}}, action_status_from);
}

TEST_CASE("reminder kinds map to the texts of the reminder query and remind --json, and back", "[plan][domain][remind]") {
  // The texts and their order are those of docs/remind.md (and of remind --json before the kinds were an enum).
  const std::vector<std::pair<ReminderKind, std::string>> kinds = {
      {ReminderKind::preliminary_reply, "preliminary_reply"}, {ReminderKind::decision, "decision"},
      {ReminderKind::no_team, "no_team"},                     {ReminderKind::no_coordinator, "no_coordinator"},
      {ReminderKind::no_plan, "no_plan"},                     {ReminderKind::evaluation, "evaluation"},
      {ReminderKind::measure, "measure"},                     {ReminderKind::consent_withdrawn, "consent_withdrawn"},
      {ReminderKind::consent_review, "consent_review"},       {ReminderKind::declined, "declined"},
      {ReminderKind::meeting, "meeting"},                     {ReminderKind::minutes, "minutes"},
      {ReminderKind::action, "action"},                       {ReminderKind::team_review, "team_review"},
      {ReminderKind::approval, "approval"},                   {ReminderKind::stale_case, "stale_case"},
      {ReminderKind::appeal_review, "appeal_review"},         {ReminderKind::appeal_forward, "appeal_forward"},
      {ReminderKind::appeal_outcome, "appeal_outcome"}};
  check_mapping<ReminderKind>(kinds, reminder_kind_from);
  REQUIRE(kReminderKindNames.rows.size() == kinds.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) CHECK(kReminderKindNames.rows[i].first == kinds[i].first);
  CHECK_FALSE(reminder_kind_from("measure_due").has_value());  // a label of the screen, not a kind
}
