// The plan area's statuses: one mapping each to and from the strings the
// database, the revisions' snapshots and the JSON hold.

#include <oppteam/domain/evaluation.hpp>
#include <oppteam/domain/meeting.hpp>
#include <oppteam/domain/plan.hpp>

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
