// Issue 14, point 1: a case can end at any stage (case close), be reopened
// within the rammeverk's period (case reopen), and the report counts
// closings by reason and stage.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;
using paths_test::reminder_kinds;

namespace {

// A case with a team (coordinator Ane Lie) and a plan with one goal and a measure due soon.
std::string active_case(test::Fixture& f) {
  const std::string c = team_case(f);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  auto m = f.oppteam({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Ukentlig besøk", "--responsible",
                      "Siri Moe", "--due", "2026-03-20"});
  INFO(m.err);
  REQUIRE(m.code == 0);
  return c;
}

}  // namespace

TEST_CASE("case close at intake ends every reminder, is shown, and is refused twice", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  // Two months on, a foreløpig svar and a vedtak are owed.
  CHECK(reminder_kinds(f, c, "2026-05-10") == std::vector<std::string>{"preliminary_reply", "decision"});

  auto bad = f.oppteam({"--json", "--today", "2026-05-10", "case", "close", c, "--reason", "gone_fishing"});
  CHECK(bad.code == 65);  // a closing reason the rammeverk does not know
  CHECK(test::error_key(bad) == "choice.unknown");
  CHECK(bad.err.find("declines") != std::string::npos);  // names the valid reasons
  auto moved_nowhere = f.oppteam({"--json", "--today", "2026-05-10", "case", "close", c, "--reason", "moved"});
  CHECK(moved_nowhere.code == 64);
  CHECK(test::error_key(moved_nowhere) == "closing.municipality_required");
  CHECK(moved_nowhere.err.find("--to-municipality") != std::string::npos);  // names the option
  auto municipality_without_move =
      f.oppteam({"--json", "--today", "2026-05-10", "case", "close", c, "--reason", "declines", "--to-municipality", "Bergen"});
  CHECK(municipality_without_move.code == 64);
  CHECK(test::error_key(municipality_without_move) == "closing.municipality_not_for");

  auto r = ok(f, {"--today", "2026-05-10", "--json", "case", "close", c, "--reason", "declines", "--note", "Ønsker ikke oppfølging nå"});
  test::check_fields(r.json(), {{"status", "closed"}, {"stage", "received"}});
  CHECK(reminder_kinds(f, c, "2026-05-10").empty());
  CHECK(reminder_kinds(f, c, "2027-05-10").empty());

  const auto j = ok(f, {"--today", "2026-05-10", "--json", "case", "show", c}).json();
  test::check_fields(j, {{"status", "closed"}, {"close_reason", "declines"}, {"closed_on", "2026-05-10"}});
  REQUIRE(j["closings"].size() == 1);
  test::check_fields(j["closings"][0], {{"reason", "declines"},
                                        {"stage", "received"},
                                        {"note", "Ønsker ikke oppfølging nå"},
                                        {"closed_by", "saksbehandler1"}});
  auto text = f.oppteam({"--today", "2026-05-10", "case", "show", c});
  CHECK(text.out.find("Personen ønsker ikke oppfølging") != std::string::npos);

  auto twice = f.oppteam({"--today", "2026-05-11", "case", "close", c, "--reason", "died"});
  CHECK(twice.code == 2);
  // A closed case takes no new consent.
  CHECK(f.oppteam({"--today", "2026-05-11", "consent", "give", c, "--scope", "team", "--form", "muntlig", "--given-by", "person"}).code == 2);
  auto verify = f.oppteam({"--json", "audit", "verify"});
  CHECK(verify.code == 0);
  bool audited = false;
  auto log = f.oppteam({"--json", "audit", "log", "--case", c});
  const auto entries = log.json()["entries"];
  for (const auto& e : entries) audited = audited || e["action"] == "case.close";
  CHECK(audited);
}

TEST_CASE("case close of an active case closes its team and plan, reopen restores them within the period", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = active_case(f);
  CHECK(reminder_kinds(f, c, "2026-03-21") == std::vector<std::string>{"measure"});

  auto moved = f.oppteam({"--today", "2026-03-21", "--json", "case", "close", c, "--reason", "moved", "--to-municipality",
                          "Bergen"});
  INFO(moved.err);
  REQUIRE(moved.code == 0);
  CHECK(moved.json()["stage"] == "active");
  CHECK(moved.json()["team_closed"] == true);
  CHECK(moved.json()["plan_closed"] == true);
  CHECK(reminder_kinds(f, c, "2026-03-21").empty());
  CHECK(reminder_kinds(f, c, "2027-03-21").empty());
  auto show = f.oppteam({"--today", "2026-03-21", "--json", "case", "show", c});
  const auto j = show.json();
  CHECK(j["team"]["status"] == "closed");
  CHECK(j["plan"]["status"] == "closed");
  CHECK(j["closings"][0]["to_municipality"] == "Bergen");

  // Reopening needs a reason; too late is refused with the rule named.
  CHECK(f.oppteam({"--today", "2026-04-01", "case", "reopen", c}).code == 64);
  auto late = f.oppteam({"--json", "--today", "2026-08-01", "case", "reopen", c, "--reason", "Flyttet tilbake"});
  CHECK(late.code == 2);
  CHECK(test::error_key(late) == "closing.reopen_too_late");
  CHECK(late.err.find("90") != std::string::npos);  // names the limit

  auto back = f.oppteam({"--today", "2026-04-01", "--json", "case", "reopen", c, "--reason", "Flyttet tilbake"});
  INFO(back.err);
  REQUIRE(back.code == 0);
  CHECK(back.json()["status"] == "active");
  auto again = f.oppteam({"--today", "2026-04-01", "--json", "case", "show", c});
  const auto k = again.json();
  CHECK(k["status"] == "active");
  CHECK(k["team"]["status"] == "active");
  CHECK(k["plan"]["status"] == "open");
  CHECK(k["closings"][0]["reopened_on"] == "2026-04-01");
  CHECK(k["closings"][0]["reopen_reason"] == "Flyttet tilbake");
  CHECK(reminder_kinds(f, c, "2026-04-01") == std::vector<std::string>{"measure"});
  // An open case cannot be reopened.
  CHECK(f.oppteam({"--today", "2026-04-02", "case", "reopen", c, "--reason", "x"}).code == 2);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("the reopen period comes from the rammeverk", "[paths]") {
  test::Fixture f("[municipality]\nallow_synthetic_ids = true\n[deadlines]\nreopen_within_days = 10\n");
  const std::string c = refer(f);
  REQUIRE(f.oppteam({"--today", "2026-03-05", "case", "close", c, "--reason", "withdrawn"}).code == 0);
  CHECK(f.oppteam({"--today", "2026-03-16", "case", "reopen", c, "--reason", "Ny melding"}).code == 2);
  CHECK(f.oppteam({"--today", "2026-03-15", "case", "reopen", c, "--reason", "Ny melding"}).code == 0);
  auto show = f.oppteam({"--json", "case", "show", c});
  CHECK(show.json()["status"] == "received");
}

TEST_CASE("case reopen is refused when a new referral has opened another case for the person", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  REQUIRE(f.oppteam({"--today", "2026-03-05", "case", "close", c, "--reason", "withdrawn"}).code == 0);
  auto again = f.oppteam({"--today", "2026-03-06", "--json", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege",
                          "--received", "2026-03-06", "--need", "Ny melding"});
  REQUIRE(again.code == 0);
  const std::string other = again.json()["case"].get<std::string>();
  CHECK(other != c);
  auto r = f.oppteam({"--json", "--today", "2026-03-07", "case", "reopen", c, "--reason", "Feil"});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "closing.other_open_case");
  CHECK(r.err.find(other) != std::string::npos);  // names the open case
}

TEST_CASE("closing reasons come from the rammeverk, and config show lists them", "[paths]") {
  test::Fixture f(
      "[municipality]\nallow_synthetic_ids = true\n"
      "[[closing_reason]]\nid = \"annet\"\nlabel = \"Annet\"\n"
      "[[closing_reason]]\nid = \"flyttet\"\nlabel = \"Flyttet\"\nneeds_municipality = true\n");
  const std::string c = refer(f);
  CHECK(f.oppteam({"--today", "2026-03-05", "case", "close", c, "--reason", "declines"}).code == 65);  // not in this rammeverk
  CHECK(f.oppteam({"--today", "2026-03-05", "case", "close", c, "--reason", "flyttet"}).code == 64);
  CHECK(f.oppteam({"--today", "2026-03-05", "case", "close", c, "--reason", "Annet"}).code == 0);  // its label
  auto show = f.oppteam({"config", "show"});
  CHECK(show.out.find("[[closing_reason]]") != std::string::npos);
  CHECK(show.out.find("reopen_within_days") != std::string::npos);
}

TEST_CASE("report counts closings by reason and stage, small counts suppressed", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  for (int i = 0; i < 6; ++i) {
    auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", robust::synthetic_fnr(i + 1),
                        "--reporter-type", "fastlege", "--received", "2026-03-02", "--need", "Trenger koordinering"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string c = r.json()["case"].get<std::string>();
    auto close = f.oppteam({"--today", "2026-03-10", "case", "close", c, "--reason", i < 5 ? "declines" : "died"});
    INFO(close.err);
    REQUIRE(close.code == 0);
  }
  auto r = f.oppteam({"--today", "2026-03-31", "--json", "report", "--from", "2026-01-01", "--to", "2026-03-31"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = r.json();
  const auto reasons = j["tables"]["closings_by_reason"]["rows"];
  std::map<std::string, nlohmann::json> by_reason;
  for (const auto& row : reasons) by_reason[row["id"].get<std::string>()] = row["total"];
  CHECK(by_reason["declines"] == 5);
  CHECK(by_reason["died"] == "<5");
  const auto stages = j["tables"]["closings_by_stage"]["rows"];
  std::map<std::string, nlohmann::json> by_stage;
  for (const auto& row : stages) by_stage[row["id"].get<std::string>()] = row["total"];
  // All six were closed at "received": shown beside the total 6, that would
  // tell that no case was closed at any other stage, so it is hidden too.
  CHECK(by_stage["received"] == "x");
  CHECK(j["tables"]["closings_by_stage"]["total"] == 6);
  auto text = f.oppteam({"--today", "2026-03-31", "report", "--from", "2026-01-01", "--to", "2026-03-31"});
  CHECK(text.out.find("Avslutninger etter årsak") != std::string::npos);
}
