// Trial s12, findings 2, 8 and 14: a case is not closed while an appeal is
// owed (forvaltningsloven § 33) and remind never drops one; an evaluation's
// --next stays within the rammeverk's interval, a goal is scored once, and
// a value off its scale is bad input data (65) in evaluate as in team
// review; a recurring measure marked done moves to its first date after
// today.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;
using paths_test::reminder_kinds;

namespace {

// The message key of a failed run (test::error_key), "" for a run that
// succeeded, so a check that expects a refusal fails on its own.
std::string key_of(const test::Result& r) { return r.code == 0 ? std::string() : test::error_key(r); }

// The rule refusal of run `r` (which had --json): exit 2, its key, and the
// command that ends the appeal named under it.
void check_appeal_owed(const test::Result& r, const std::string& key, const std::string& command) {
  INFO(r.out << r.err);
  CHECK(r.code == 2);
  CHECK(key_of(r) == key);
  CHECK(r.json()["error"].dump().find(command) != std::string::npos);
}

bool has(const std::vector<std::string>& kinds, const std::string& kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// A team case (team_case) with goal 1 and the person's part in the plan recorded on 2026-03-12.
std::string planned_case(test::Fixture& f) {
  const std::string c = team_case(f);
  ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  ok(f, {"--today", "2026-03-12", "plan", "participated", c, "--how", "Planmøte heime"});
  return c;
}

std::string status_of(test::Fixture& f, const std::string& c) {
  return ok(f, {"--json", "case", "show", c}).json()["status"].get<std::string>();
}

}  // namespace

TEST_CASE("case close is refused while an appeal is owed, naming the step that ends it", "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  ok(f, {"--today", "2026-03-20", "appeal", "register", c, "--received", "2026-03-20", "--from", "person"});
  const std::vector<std::string> close{"--today", "2026-03-21", "--json", "case", "close", c, "--reason", "withdrawn"};

  check_appeal_owed(f.oppteam(close), "closing.appeal_review_owed", "oppteam appeal review " + c);
  CHECK(status_of(f, c) == "refused");
  CHECK(has(reminder_kinds(f, c, "2026-04-10"), "appeal_review"));

  ok(f, {"--today", "2026-03-22", "appeal", "review", c, "--uphold", "--grounds", "Ingen nye opplysninger"});
  check_appeal_owed(f.oppteam(close), "closing.appeal_forward_owed", "oppteam appeal forward " + c);

  ok(f, {"--today", "2026-03-23", "appeal", "forward", c});
  check_appeal_owed(f.oppteam(close), "closing.appeal_outcome_owed", "oppteam appeal outcome " + c);
  CHECK(status_of(f, c) == "refused");

  // Statsforvalteren has decided: nothing is owed, the case closes.
  ok(f, {"--today", "2026-03-24", "appeal", "outcome", c, "--upheld", "--date", "2026-03-24"});
  ok(f, close);
  CHECK(status_of(f, c) == "closed");
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("evaluate --decision close, team close --close-case and case transfer are refused while an appeal is owed",
          "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  ok(f, {"--today", "2026-03-15", "appeal", "register", c, "--received", "2026-03-15", "--from", "person"});

  check_appeal_owed(f.oppteam({"--today", "2026-03-20", "--json", "evaluate", c, "--goal", "1=0", "--decision", "close",
                               "--reason", "Målene er nådd"}),
                    "closing.appeal_review_owed", "oppteam appeal review " + c);
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["evaluations"].empty());
  check_appeal_owed(f.oppteam({"--today", "2026-03-20", "--json", "team", "close", c, "--reason", "Ferdig", "--close-case"}),
                    "closing.appeal_review_owed", "oppteam appeal review " + c);
  consent(f, c, "overforing", "2026-03-20");
  check_appeal_owed(f.oppteam({"--today", "2026-03-20", "--json", "case", "transfer", c, "--to", "Bergen kommune", "--out",
                               f.dir.file("bundle.json")}),
                    "closing.appeal_review_owed", "oppteam appeal review " + c);
  CHECK(status_of(f, c) == "active");
  CHECK(has(reminder_kinds(f, c, "2026-04-05"), "appeal_review"));

  // The team alone may close (the case stays open and owes the review).
  ok(f, {"--today", "2026-03-20", "team", "close", c, "--reason", "Ferdig"});
  CHECK(has(reminder_kinds(f, c, "2026-04-05"), "appeal_review"));
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("remind keeps an appeal owed in a case closed before the rule", "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  ok(f, {"--today", "2026-03-20", "appeal", "register", c, "--received", "2026-03-20", "--from", "person"});
  {
    // A database from before the rule: the case was closed with the appeal open.
    robust::Sql sql(f.db());
    sql.exec("UPDATE case_file SET status = 'closed' WHERE number = '" + c + "'");
  }
  CHECK(has(reminder_kinds(f, c, "2026-04-10"), "appeal_review"));
  ok(f, {"--today", "2026-03-22", "appeal", "review", c, "--uphold", "--grounds", "Ingen nye opplysninger"});
  CHECK(has(reminder_kinds(f, c, "2026-03-29"), "appeal_forward"));
}

TEST_CASE("evaluate --next is no later than the rammeverk's evaluation interval", "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  // 2026-11-09 + 90 days (deadlines.evaluation_interval) = 2027-02-07.
  auto late = f.oppteam({"--today", "2026-11-09", "--json", "evaluate", c, "--goal", "1=1", "--decision", "continue", "--next",
                         "2099-01-01"});
  INFO(late.out << late.err);
  CHECK(late.code == 65);
  CHECK(key_of(late) == "evaluate.next_too_late");
  CHECK(late.json()["error"].dump().find("evaluation_interval") != std::string::npos);
  CHECK(f.oppteam({"--today", "2026-11-09", "--json", "evaluate", c, "--decision", "continue", "--next", "2027-02-08"}).code == 65);
  auto edge = ok(f, {"--today", "2026-11-09", "--json", "evaluate", c, "--decision", "continue", "--next", "2027-02-07"});
  CHECK(edge.json()["next_evaluation"] == "2027-02-07");
  // Not after the evaluation's day: a bad date, 65 as for a meeting (it was 64).
  auto past = f.oppteam({"--today", "2026-11-10", "--json", "evaluate", c, "--decision", "continue", "--next", "2026-11-10"});
  CHECK(past.code == 65);
  CHECK(key_of(past) == "evaluate.next_not_future");
}

TEST_CASE("evaluate refuses a goal scored twice (64) and a value off its scale as bad input data (65)", "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  auto run = [&](std::vector<std::string> more) {
    std::vector<std::string> args{"--today", "2026-04-01", "--json", "evaluate", c, "--decision", "continue"};
    args.insert(args.end(), more.begin(), more.end());
    return f.oppteam(args);
  };
  auto twice = run({"--goal", "1=1", "--goal", "1=-2"});
  CHECK(twice.code == 64);
  CHECK(key_of(twice) == "evaluate.goal_twice");
  auto twice_ind = run({"--indicator", "funksjon=2", "--indicator", "funksjon=3"});
  CHECK(twice_ind.code == 64);
  CHECK(key_of(twice_ind) == "evaluate.indicator_twice");

  CHECK(run({"--goal", "1=3"}).code == 65);
  CHECK(key_of(run({"--goal", "1=3"})) == "evaluate.gas_range");
  CHECK(run({"--experienced-quality", "6"}).code == 65);
  CHECK(run({"--indicator", "funksjon=6"}).code == 65);
  CHECK(run({"--indicator", "sykehusinnleggelser=-1"}).code == 65);
  // A malformed value stays a usage error.
  CHECK(run({"--goal", "1:3"}).code == 64);
  CHECK(run({"--indicator", "funksjon=mye"}).code == 64);
  // team review, unchanged: 65 for a value off its scale, 64 for an item twice.
  const std::vector<std::string> answers{"--answer", "roller_avklart=ja", "--answer", "medlemmer_informert=ja", "--answer",
                                         "koordinator_tid_myndighet=ja", "--answer", "parorendes_opplevelse=3"};
  std::vector<std::string> review{"--today", "2026-04-01", "--json", "team", "review", c, "--answer", "brukers_opplevelse=9"};
  review.insert(review.end(), answers.begin(), answers.end());
  CHECK(f.oppteam(review).code == 65);
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["evaluations"].empty());
}

TEST_CASE("a recurring measure marked done moves to its first date after today", "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  auto measure = [&](const std::string& due) {
    ok(f, {"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Tilsyn", "--responsible", "Siri Moe", "--due",
           due, "--every", "7"});
  };
  auto done = [&](int n, const std::string& today) {
    return ok(f, {"--today", today, "--json", "plan", "status", c, "--measure", std::to_string(n), "done"}).json();
  };
  measure("2026-09-10");  // 1: 82 days overdue on 2026-12-01
  measure("2026-12-01");  // 2: due today
  measure("2026-12-10");  // 3: due later: done early, one step on
  measure("2026-11-24");  // 4: due a step ago
  // 2026-09-10 + 12 × 7 = 2026-12-03, the first step after 2026-12-01.
  CHECK(done(1, "2026-12-01")["due"] == "2026-12-03");
  CHECK(done(2, "2026-12-01")["due"] == "2026-12-08");
  CHECK(done(3, "2026-12-01")["due"] == "2026-12-17");
  CHECK(done(4, "2026-12-01")["due"] == "2026-12-08");
  const auto plan = ok(f, {"--today", "2026-12-01", "--json", "plan", "show", c}).json();
  for (const auto& m : plan["measures"]) {
    INFO(m.dump());
    CHECK(m["due"].get<std::string>() > "2026-12-01");
    CHECK(m["status"] == "planned");
  }
}

// Trial s12 #15: --every 100000 was taken (a measure reminded once in 273 years).
TEST_CASE("a recurring measure recurs at least once a year", "[close_rules]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  auto measure = [&](const std::string& every) {
    return f.oppteam({"--today", "2026-03-12", "--json", "plan", "measure", c, "--goal", "1", "--text", "Tilsyn", "--responsible",
                      "Siri Moe", "--due", "2026-04-01", "--every", every});
  };
  for (const std::string every : {"0", "367", "100000"}) {
    auto r = measure(every);
    INFO(every << ": " << r.out << r.err);
    CHECK(r.code == 65);
    CHECK(key_of(r) == "plan.bad_every");
  }
  for (const std::string every : {"1", "366"}) CHECK(measure(every).code == 0);
}
