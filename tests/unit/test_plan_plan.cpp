// The plan and its evaluation: the rules (active team, consent, team
// members, participation), revisions and snapshots, recurring measures,
// the § 19 document, and what each evaluation decision does.

#include "unit/test_plan_fixture.hpp"

#include <oppteam/process/cases.hpp>
#include <oppteam/process/evaluation.hpp>
#include <oppteam/process/plan.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;
using plantest::code_of;
using plantest::Fixture;

namespace {

// A case with an active team (coordinator Ane Lie, member Siri Moe) and team consent.
struct TeamCase {
  Fixture f;
  std::int64_t case_id = 0, team_id = 0;
  TeamCase() {
    case_id = f.add_case(1, "active", "2026-03-02");
    f.decide(case_id, "granted", "2026-03-20");
    f.consent(case_id, "team", "2026-03-03");
    team_id = f.team(case_id, "active", "2026-03-25");
    f.member(team_id, "Ane Lie", "coordinator", "sykepleier");
    f.member(team_id, "Siri Moe", "member", "hjemmesykepleie");
    f.member(team_id, "Gammel Medlem", "member", "nav_veileder", "2026-03-30");
    f.what_matters(case_id, "Å bo heime");
    f.what_matters(case_id, "Gå tur med hunden");
  }
  std::string ref() { return "2026/1"; }  // operations take the case number and check it themselves
};

MeasureInput measure(const std::string& responsible, const std::string& due, std::optional<int> every = std::nullopt) {
  MeasureInput m;
  m.goal = 1;
  m.text = "Ukentlig besøk";
  m.responsible = responsible;
  m.due = plantest::day(due);
  m.every_days = every;
  m.scope = "1 time";
  m.how = "Hjemmebesøk";
  return m;
}

}  // namespace

TEST_CASE("a plan needs an active team and, when the rammeverk asks, consent", "[plan]") {
  Fixture f;
  auto c = f.add_case(1, "granted", "2026-03-02");
  auto ctx = f.on("2026-04-01");
  const std::string ref = "2026/1";
  CHECK(code_of([&] { add_goal(ctx, ref, "Bo trygt heime", {}, {}); }) == ExitCode::refused);
  auto t = f.team(c, "paused", "2026-03-25");
  (void)t;
  CHECK(code_of([&] { add_goal(ctx, ref, "Bo trygt heime", {}, {}); }) == ExitCode::refused);
  f.db.sql().exec("UPDATE team SET status = 'active'");
  f.rv.rules.consent_required_for.push_back("plan");
  CHECK(code_of([&] { add_goal(ctx, ref, "Bo trygt heime", {}, {}); }) == ExitCode::refused);
  f.consent(c, "team", "2026-03-03");
  CHECK(add_goal(ctx, ref, "Bo trygt heime", {}, {}) == 1);
  CHECK(f.count("SELECT count(*) FROM plan") == 1);
  CHECK(f.count("SELECT count(*) FROM audit WHERE action = 'plan.goal'") == 1);
}

TEST_CASE("goals, delmål and goals from what matters to the person", "[plan]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  CHECK(add_goal(ctx, c, "Bo trygt heime", {}, {}) == 1);
  CHECK(add_goal(ctx, c, "", 2, {}) == 2);
  CHECK(add_goal(ctx, c, "Klare trappa", {}, 1) == 3);
  CHECK(code_of([&] { add_goal(ctx, c, "x", {}, 9); }) == ExitCode::not_found);
  CHECK(code_of([&] { add_goal(ctx, c, "", 3, {}); }) == ExitCode::not_found);
  CHECK(code_of([&] { add_goal(ctx, c, "", {}, {}); }) == ExitCode::usage);
  Plan p = show_plan(ctx, c);
  REQUIRE(p.goals.size() == 3);
  CHECK(p.goals[1].text == "Gå tur med hunden");
  CHECK(p.goals[1].source == "what_matters:2");
  CHECK(p.goals[2].parent == 1);
  CHECK(p.kind == PlanKind::follow_up);  // no consent with scope ip
  CHECK(p.revision == 3);
}

TEST_CASE("a plan is an individual plan when the person consented to one", "[plan]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  CHECK(code_of([&] { set_plan_kind(ctx, c, "ip"); }) == ExitCode::refused);
  tc.f.consent(tc.case_id, "ip", "2026-03-28");
  add_goal(ctx, c, "Bo trygt heime", {}, {});
  CHECK(show_plan(ctx, c).kind == PlanKind::ip);
  set_plan_kind(ctx, c, "oppfolgingsplan");
  CHECK(show_plan(ctx, c).kind == PlanKind::follow_up);
  CHECK(code_of([&] { set_plan_kind(ctx, c, "annet"); }) == ExitCode::usage);
}

TEST_CASE("the responsible for a measure must be a current team member", "[plan]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  CHECK(code_of([&] { add_measure(ctx, c, measure("Siri Moe", "2026-05-01")); }) == ExitCode::not_found);  // no plan
  add_goal(ctx, c, "Bo trygt heime", {}, {});
  CHECK(code_of([&] { add_measure(ctx, c, measure("Ukjent Person", "2026-05-01")); }) == ExitCode::refused);
  CHECK(code_of([&] { add_measure(ctx, c, measure("Gammel Medlem", "2026-05-01")); }) == ExitCode::refused);
  auto bad_goal = measure("Siri Moe", "2026-05-01");
  bad_goal.goal = 7;
  CHECK(code_of([&] { add_measure(ctx, c, bad_goal); }) == ExitCode::not_found);
  CHECK(add_measure(ctx, c, measure("Siri Moe", "2026-05-01")) == 1);
  CHECK(add_measure(ctx, c, measure("Ane Lie", "2026-05-02")) == 2);
}

TEST_CASE("measure status, a recurring measure done moves to its next date", "[plan]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  add_goal(ctx, c, "Bo trygt heime", {}, {});
  add_measure(ctx, c, measure("Siri Moe", "2026-05-01"));
  add_measure(ctx, c, measure("Siri Moe", "2026-04-07", 7));
  CHECK(set_measure_status(ctx, c, 1, "started").status == MeasureStatus::started);
  CHECK(set_measure_status(ctx, c, 1, "done").status == MeasureStatus::done);
  auto m = set_measure_status(ctx, c, 2, "done");
  CHECK(m.status == MeasureStatus::planned);
  CHECK(m.due_on == "2026-04-14");
  CHECK(set_measure_status(ctx, c, 2, "done").due_on == "2026-04-21");
  CHECK(code_of([&] { set_measure_status(ctx, c, 9, "done"); }) == ExitCode::not_found);
  CHECK(code_of([&] { set_measure_status(ctx, c, 1, "finished"); }) == ExitCode::usage);
}

TEST_CASE("every change is a revision, old revisions are shown from their snapshot", "[plan]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  add_goal(ctx, c, "Bo trygt heime", {}, {});
  add_measure(ctx, c, measure("Siri Moe", "2026-05-01"));
  PlanFields fields;
  fields.resources = "Gode naboer";
  fields.period_to = plantest::day("2027-04-01");
  set_plan_fields(ctx, c, fields);
  add_goal(ctx, c, "Gå tur", {}, {});
  auto history = plan_history(ctx, c);
  REQUIRE(history.size() == 4);
  CHECK(history[0].change == "goal 1 added");
  CHECK(history[1].change == "measure 1 added under goal 1");
  CHECK(history[3].revision == 4);
  Plan r2 = show_plan(ctx, c, 2);
  CHECK(r2.revision == 2);
  CHECK(r2.goals.size() == 1);
  CHECK(r2.measures.size() == 1);
  CHECK(r2.resources.empty());
  Plan now = show_plan(ctx, c);
  CHECK(now.goals.size() == 2);
  CHECK(now.resources == "Gode naboer");
  CHECK(now.period_to == "2027-04-01");
  CHECK(code_of([&] { show_plan(ctx, c, 9); }) == ExitCode::not_found);
  CHECK(tc.f.count("SELECT count(*) FROM audit WHERE action = 'plan.show'") == 2);  // the failed one showed nothing
  // The snapshot keeps the team as it was: a member removed later is still in revision 2.
  tc.f.db.sql().exec("UPDATE team_member SET removed_on = '2026-04-02' WHERE name = 'Siri Moe'");
  CHECK(show_plan(ctx, c, 2).team.size() == 2);
  CHECK(show_plan(ctx, c).team.size() == 1);
}

TEST_CASE("the plan document holds what § 19 asks, as text and as a printable page", "[plan]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  add_goal(ctx, c, "Bo trygt heime", {}, {});
  add_goal(ctx, c, "Klare <trappa> & mer", {}, 1);
  add_measure(ctx, c, measure("Siri Moe", "2026-05-01", 7));
  PlanFields fields;
  fields.resources = "Gode naboer";
  fields.needs = "Hjelp med medisiner";
  fields.contributions = "Datteren handler";
  set_plan_fields(ctx, c, fields);
  record_participation(ctx, c, "Planmøte heime");
  Plan p = show_plan(ctx, c);
  const std::string text = plan_document_text(ctx, p);
  for (const char* part : {"Follow-up plan for Per Hansen", "My goals", "Goal 1: Bo trygt heime", "Sub-goal 2",
                           "My resources", "Gode naboer", "My needs for services", "Hjelp med medisiner", "My coordinator",
                           "Ane Lie", "Who takes part", "Siri Moe", "Datteren handler", "Measure 1: Ukentlig besøk",
                           "Responsible: Siri Moe", "Scope: 1 time", "How it is carried out: Hjemmebesøk", "Repeats every 7 days",
                           "The plan applies from", "next on 30 June 2026", "Planmøte heime", "The consents the plan rests on",
                           "Follow-up team"}) {
    INFO(part);
    CHECK(text.find(part) != std::string::npos);
  }
  CHECK(text.find("Gammel Medlem") == std::string::npos);
  const std::string html = plan_document_html(ctx, p);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("Klare &lt;trappa&gt; &amp; mer") != std::string::npos);
  CHECK(html.find("<trappa>") == std::string::npos);
  auto nb = tc.f.on("2026-04-01");
  nb.lang = Lang::nb;
  CHECK(plan_document_text(nb, p).find("Mine mål") != std::string::npos);
}

TEST_CASE("evaluation needs the person's participation and checks its values", "[plan][evaluate]") {
  TeamCase tc;
  auto ctx = tc.f.on("2026-04-01");
  auto c = tc.ref();
  EvaluationInput in;
  in.decision = "continue";
  CHECK(code_of([&] { evaluate(ctx, c, in); }) == ExitCode::not_found);  // no plan
  add_goal(ctx, c, "Bo trygt heime", {}, {});
  in.goals[1] = 1;
  CHECK(code_of([&] { evaluate(ctx, c, in); }) == ExitCode::refused);  // no participation
  record_participation(ctx, c, "Planmøte heime");
  auto bad = in;
  bad.goals[1] = 3;
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::data);  // off its scale: bad input data (SPEC: 65)
  bad = in;
  bad.goals[5] = 0;
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::not_found);
  bad = in;
  bad.quality = 6;
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::data);
  bad = in;
  bad.indicators["ukjent"] = 1;
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::data);  // not in the rammeverk (SPEC: 65)
  bad = in;
  bad.indicators["sykehusinnleggelser"] = -1;
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::data);
  bad = in;
  bad.indicators["funksjon"] = 6;
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::data);
  bad = in;
  bad.decision = "close";
  CHECK(code_of([&] { evaluate(ctx, c, bad); }) == ExitCode::usage);  // no reason
  CHECK(tc.f.count("SELECT count(*) FROM evaluation") == 0);

  in.quality = 4;
  in.indicators["sykehusinnleggelser"] = 0;
  in.indicators["funksjon"] = 3;
  auto e = evaluate(ctx, c, in);
  CHECK(e.next_on == "2026-06-30");
  CHECK(show_plan(ctx, c).next_evaluation == "2026-06-30");
  CHECK(tc.f.count("SELECT count(*) FROM indicator_value") == 2);
  CHECK(parse_goal_score("1=+1") == std::pair{1, 1});
  CHECK(parse_goal_score("2=-2") == std::pair{2, -2});
  CHECK(code_of([] { parse_goal_score("1:+1"); }) == ExitCode::usage);
  CHECK(parse_goal_score("1=+3") == std::pair{1, 3});  // the range is evaluate's to check (65)
  CHECK(code_of([] {
          EvaluationInput twice;
          add_goal_score(twice, "1=1");
          add_goal_score(twice, "1=-2");
        }) == ExitCode::usage);
  CHECK(code_of([] { parse_indicator_value("x"); }) == ExitCode::usage);
}

TEST_CASE("evaluation decisions: continue, revise, close, the series is kept", "[plan][evaluate]") {
  TeamCase tc;
  auto c = tc.ref();
  {
    auto ctx = tc.f.on("2026-04-01");
    add_goal(ctx, c, "Bo trygt heime", {}, {});
    record_participation(ctx, c, "Planmøte heime");
  }
  EvaluationInput in;
  in.goals[1] = -1;
  in.decision = "continue";
  in.next = plantest::day("2026-08-01");
  auto ctx = tc.f.on("2026-07-01");
  CHECK(evaluate(ctx, c, in).next_on == "2026-08-01");
  in.goals[1] = 0;
  in.decision = "revise";
  in.next.reset();
  auto ctx2 = tc.f.on("2026-08-01");
  evaluate(ctx2, c, in);
  CHECK(show_plan(ctx2, c).status == PlanStatus::revising);
  record_participation(ctx2, c, "Nytt planmøte");
  CHECK(show_plan(ctx2, c).status == PlanStatus::open);
  in.goals[1] = 2;
  in.decision = "close";
  in.reason = "Målene er nådd";
  auto ctx3 = tc.f.on("2026-10-01");
  auto e = evaluate(ctx3, c, in);
  CHECK(e.next_on.empty());
  CHECK(tc.f.count("SELECT count(*) FROM team WHERE status = 'closed' AND closed_on = '2026-10-01'") == 1);
  CHECK(tc.f.count("SELECT count(*) FROM case_file WHERE status = 'closed' AND close_reason = 'Målene er nådd'") == 1);
  CHECK(show_plan(ctx3, c).status == PlanStatus::closed);
  CHECK(code_of([&] { add_goal(ctx3, c, "Mer", {}, {}); }) == ExitCode::refused);
  CHECK(code_of([&] { evaluate(ctx3, c, in); }) == ExitCode::refused);
  auto series = list_evaluations(tc.f.db, tc.case_id);
  REQUIRE(series.size() == 3);
  CHECK(series[0].goals.at(1) == -1);
  CHECK(series[1].decision == EvaluationDecision::revise);
  CHECK(series[2].goals.at(1) == 2);
  CHECK(to_json(series[2])["decision"] == "close");
}
