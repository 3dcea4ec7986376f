// The plan area's repositories and views: PlanStore, EvaluationStore and
// MeetingStore read and write rows as domain values (statuses as enums), a
// stored status of no known value is a storage error, and the plan screen
// is composed from a Plan alone in the style it is given.

#include "unit/test_plan_fixture.hpp"

#include <oppteam/io/table.hpp>
#include <oppteam/store/evaluation_store.hpp>
#include <oppteam/store/meeting_store.hpp>
#include <oppteam/store/plan_store.hpp>
#include <oppteam/views/plan_view.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;
using plantest::code_of;
using plantest::Fixture;

TEST_CASE("the plan store writes a plan, goals, marks and measures and reads them back as domain values", "[plan][store]") {
  Fixture f;
  const auto case_id = f.add_case(1, "active", "2026-03-02");
  PlanStore store(f.db);
  CHECK_FALSE(store.plan_of_case(case_id).has_value());
  const auto plan_id = store.create(case_id, PlanKind::ip, "2026-04-01");
  CHECK(store.plan_of_case(case_id) == plan_id);
  CHECK(store.status(plan_id) == PlanStatus::open);
  store.add_goal(plan_id, store.next_goal_number(plan_id), std::nullopt, "Bo trygt heime", "");
  store.add_goal(plan_id, store.next_goal_number(plan_id), 1, "Klare trappa", "what_matters:1");
  store.add_goal_mark(plan_id, 1, GoalMark::reached, "Trygg", "2026-04-02", "tester");
  store.add_goal_mark(plan_id, 2, GoalMark::dropped, "", "2026-04-02", "tester");
  store.add_goal_mark(plan_id, 2, GoalMark::active, "", "2026-04-03", "tester");
  Measure m;
  m.number = store.next_measure_number(plan_id);
  m.goal = 1;
  m.text = "Besøk";
  m.responsible = "Siri Moe";
  m.due_on = "2026-05-01";
  m.every_days = 7;
  store.add_measure(plan_id, m);
  store.set_measure_status(plan_id, 1, MeasureStatus::started, "2026-05-08");
  store.set_participation(plan_id, "Planmøte", "2026-04-02");

  const auto p = store.read(plan_id);
  REQUIRE(p.has_value());
  CHECK(p->kind == PlanKind::ip);
  CHECK(p->status == PlanStatus::open);
  CHECK(p->created_on == "2026-04-01");
  CHECK(p->period_from == "2026-04-01");
  CHECK(p->participated_how == "Planmøte");
  REQUIRE(p->goals.size() == 2);
  CHECK(p->goals[0].status == GoalStatus::reached);
  CHECK(p->goals[0].status_note == "Trygg");
  CHECK(p->goals[1].status == GoalStatus::open);  // made active again
  CHECK(p->goals[1].parent == 1);
  CHECK(p->goals[1].source == "what_matters:1");
  REQUIRE(p->measures.size() == 1);
  CHECK(p->measures[0].status == MeasureStatus::started);
  CHECK(p->measures[0].due_on == "2026-05-08");
  CHECK(p->measures[0].every_days == 7);
  CHECK(store.read_goal(plan_id, 1)->status == GoalStatus::reached);
  CHECK_FALSE(store.read_goal(plan_id, 9).has_value());
  CHECK_FALSE(store.measure(plan_id, 9).has_value());
  CHECK_FALSE(store.read(plan_id + 1).has_value());

  CHECK(store.bump_revision(plan_id) == 1);
  store.add_revision(plan_id, 1, "2026-04-02T10:00:00Z", "tester", "{}", "{\"kind\":\"ip\"}");
  CHECK(store.snapshot(plan_id, 1) == std::optional<std::string>("{\"kind\":\"ip\"}"));
  CHECK_FALSE(store.snapshot(plan_id, 2).has_value());
  CHECK(store.revisions(plan_id).size() == 1);

  store.set_next_evaluation(plan_id, "2026-10-01", true);
  CHECK(store.status(plan_id) == PlanStatus::revising);
  store.close(plan_id);
  CHECK(store.status(plan_id) == PlanStatus::closed);
  CHECK(store.read(plan_id)->next_evaluation.empty());
}

TEST_CASE("a stored status of no known value is a storage error, not a plan", "[plan][store]") {
  Fixture f;
  const auto case_id = f.add_case(1, "active", "2026-03-02");
  const auto plan_id = f.plan(case_id, "2026-04-01");
  f.goal(plan_id, 1, "Bo trygt heime");
  f.db.sql().exec("PRAGMA ignore_check_constraints = ON");
  f.db.sql().exec("UPDATE plan SET kind = 'annet'");
  CHECK(code_of([&] { PlanStore(f.db).read(plan_id); }) == ExitCode::data);
}

TEST_CASE("the evaluation store keeps goals, indicators and the decision", "[plan][store]") {
  Fixture f;
  const auto case_id = f.add_case(1, "active", "2026-03-02");
  Evaluation e;
  e.evaluated_on = "2026-06-01";
  e.goals = {{1, 2}, {2, -1}};
  e.quality = 4;
  e.indicators = {{"sykehusinnleggelser", 0}};
  e.decision = EvaluationDecision::revise;
  e.next_on = "2026-12-01";
  e.created_by = "tester";
  EvaluationStore store(f.db);
  const auto id = store.add(case_id, e, "2026-06-01T10:00:00Z");
  const auto all = store.of_case(case_id);
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == id);
  CHECK(all[0].case_number == "2026/1");
  CHECK(all[0].goals == e.goals);
  CHECK(all[0].indicators == e.indicators);
  CHECK(all[0].decision == EvaluationDecision::revise);
  CHECK(all[0].quality == 4);
  CHECK(all[0].reason.empty());
}

TEST_CASE("the meeting store turns a planned meeting into a held one with participants and actions", "[plan][store]") {
  Fixture f;
  const auto case_id = f.add_case(1, "active", "2026-03-02");
  MeetingStore store(f.db);
  const int number = store.next_meeting_number(case_id);
  const auto id = store.add_meeting(case_id, number, "ansvarsgruppemote", "2026-04-10", "Rådhuset", MeetingStatus::planned, "tester");
  REQUIRE(store.planned_on(case_id, "2026-04-10").has_value());
  CHECK(store.planned_on(case_id, "2026-04-10")->id == id);
  store.record_held(id, "ansvarsgruppemote", "", true, std::string("Referat"), "2026-04-10");
  store.add_participants(id, {{"Kari Hansen", "parorende", "", "kari@example.org", ""}});
  CHECK_FALSE(store.planned_on(case_id, "2026-04-10").has_value());
  CHECK(store.is_participant(id, "Kari Hansen"));
  CHECK_FALSE(store.is_participant(id, "Ola Dahl"));
  MeetingAction a;
  a.number = store.next_action_number(case_id);
  a.meeting = number;
  a.text = "Søke TT-kort";
  a.responsible = "Kari Hansen";
  a.due_on = "2026-04-20";
  store.add_action(id, case_id, a);
  store.finish_action(case_id, a.number, "2026-04-15");
  const auto meetings = store.meetings(case_id);
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0].status == MeetingStatus::held);
  CHECK(meetings[0].place == "Rådhuset");  // kept: no new place given
  CHECK(meetings[0].minutes == std::optional<std::string>("Referat"));
  REQUIRE(meetings[0].participants.size() == 1);
  CHECK(meetings[0].participants[0].email == "kari@example.org");
  REQUIRE(meetings[0].actions.size() == 1);
  CHECK(meetings[0].actions[0].status == ActionStatus::done);
  CHECK(meetings[0].actions[0].done_on == "2026-04-15");
}

TEST_CASE("the plan screen is made from the plan alone and marks overdue measures only in the plan as it stands", "[plan][view]") {
  Fixture f;
  Plan p;
  p.case_number = "2026/1";
  p.person_name = "Per Hansen";
  p.revision = 3;
  p.created_on = "2026-04-01";
  p.goals.push_back({1, std::nullopt, "Bo trygt heime", "", GoalStatus::reached, "Trygg"});
  Measure m;
  m.number = 1;
  m.goal = 1;
  m.text = "Ukentlig besøk";
  m.responsible = "Siri Moe";
  m.due_on = "2026-04-10";
  p.measures.push_back(m);
  const TerminalStyle plain{0, false};
  const std::vector<Evaluation> none;
  const std::string now = views::plan_screen(p, &none, f.rv, plantest::day("2026-05-01"), Lang::en, plain);
  CHECK(now.find("2026/1") != std::string::npos);
  CHECK(now.find("Bo trygt heime") != std::string::npos);
  CHECK(now.find("Trygg") != std::string::npos);
  CHECK(now.find(mark_legend(Lang::en)) != std::string::npos);
  const std::string then = views::plan_screen(p, nullptr, f.rv, plantest::day("2026-05-01"), Lang::en, plain);
  CHECK(then.find(mark_legend(Lang::en)) == std::string::npos);
  const std::string before = views::plan_screen(p, &none, f.rv, plantest::day("2026-04-05"), Lang::en, plain);
  CHECK(before.find(mark_legend(Lang::en)) == std::string::npos);
  const TerminalStyle colour{0, true};
  CHECK(views::plan_screen(p, &none, f.rv, plantest::day("2026-05-01"), Lang::en, colour).find("\x1b[") != std::string::npos);
  CHECK(now.find("\x1b[") == std::string::npos);
}
