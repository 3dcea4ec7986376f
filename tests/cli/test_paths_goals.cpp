// Issue 14, point 5: goals have a life. plan goal-status marks a goal
// reached, partly reached, dropped or active again, with a note; plan show,
// the § 19 document and case show give it, and the report counts goals reached.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

std::string planned_case(test::Fixture& f) {
  const std::string c = team_case(f);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Komme i jobb"}).code == 0);
  return c;
}

}  // namespace

TEST_CASE("plan goal-status gives a goal its life, shown in plan show, the document and case show", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  CHECK(f.oppteam({"--today", "2026-04-01", "plan", "goal-status", c, "1", "finished"}).code == 64);
  CHECK(f.oppteam({"--today", "2026-04-01", "plan", "goal-status", c, "9", "reached"}).code == 1);
  auto r = f.oppteam({"--today", "2026-04-01", "--json", "plan", "goal-status", c, "1", "reached", "--note", "Trygg med nattpatrulje"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["status"] == "reached");
  REQUIRE(f.oppteam({"--today", "2026-04-02", "plan", "goal-status", c, "2", "partly"}).code == 0);

  auto show = f.oppteam({"--today", "2026-04-02", "--json", "plan", "show", c});
  INFO(show.err);
  REQUIRE(show.code == 0);
  const auto j = show.json();
  CHECK(j["goals"][0]["status"] == "reached");
  CHECK(j["goals"][0]["status_note"] == "Trygg med nattpatrulje");
  CHECK(j["goals"][1]["status"] == "partly");
  auto doc = f.oppteam({"--today", "2026-04-02", "plan", "show", c, "--document"});
  CHECK(doc.out.find("nådd") != std::string::npos);
  CHECK(doc.out.find("delvis nådd") != std::string::npos);
  auto text = f.oppteam({"--today", "2026-04-02", "case", "show", c});
  CHECK(text.out.find("delvis nådd") != std::string::npos);

  // Back to active: the history keeps every step.
  REQUIRE(f.oppteam({"--today", "2026-04-03", "plan", "goal-status", c, "2", "active"}).code == 0);
  const auto k = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(k["plan"]["goals"][1]["status"] == "open");
  CHECK(k["goal_statuses"].size() == 3);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("report counts goals reached in the period", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = planned_case(f);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "plan", "goal-status", c, "1", "reached"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-04-01", "plan", "goal-status", c, "2", "dropped"}).code == 0);
  auto r = f.oppteam({"--today", "2026-04-30", "--json", "report", "--from", "2026-04-01", "--to", "2026-04-30"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto rows = r.json()["tables"]["goals_by_status"]["rows"];
  std::map<std::string, nlohmann::json> by;
  for (const auto& row : rows) by[row["id"].get<std::string>()] = row["total"];
  CHECK(by["reached"] == "<5");
  CHECK(by["dropped"] == "<5");
}
