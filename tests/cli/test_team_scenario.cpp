// A case worker's whole case, from referral to team, with three assessors of
// different professions (the core path of SPEC.md as a script drives it).

#include "cli/test_team_helpers.hpp"

using namespace team_test;

TEST_CASE("scenario: from referral to team with three assessors of different professions", "[team][scenario]") {
  test::Fixture f;
  const std::string c = refer(f);
  CHECK(c == "2026/1");
  consent(f, c, "utredning", "2026-03-03", "muntlig");

  auto r1 = assess(f, c, "Ane Lie", "sykepleier", "2026-03-04");
  INFO(r1.out << r1.err);
  REQUIRE(r1.code == 0);
  auto r2 = f.oppteam({"--today", "2026-03-05", "--json", "assess", c, "--instrument", "risiko", "--answer", "alder_over_75=ja",
                       "--answer", "legemidler=ja", "--answer", "fall=ja", "--answer", "bor_alene=nei", "--assessor",
                       "Dr. Berg", "--profession", "lege"});
  INFO(r2.out << r2.err);
  REQUIRE(r2.code == 0);
  CHECK(r2.json()["score"] == 3);
  CHECK(r2.json()["recommendation"] == "team");
  auto r3 = f.oppteam(cat({"--today", "2026-03-06", "--json", "assess", c, "--instrument", "kjennetegn"},
                          answered(kjennetegn_answers(), {"--answer", "sosiale_forhold=nei", "--what-matters", "Å bo heime",
                                                     "--what-matters", "Å klare meg sjølv", "--assessor", "Ola Dahl",
                                                     "--profession", "sosionom"})));
  INFO(r3.out << r3.err);
  REQUIRE(r3.code == 0);
  CHECK(r3.json()["score"] == 5);
  CHECK(r3.json()["professions"] == nlohmann::json::array({"sykepleier", "lege", "sosionom"}));

  grant(f, c, "2026-03-10");
  consent(f, c, "team", "2026-03-10", "skriftlig");
  auto team = f.oppteam(cat(cat({"--json"}, core_team(c)), {"--participant", "Per Hansen:bruker"}));
  INFO(team.out << team.err);
  REQUIRE(team.code == 0);
  CHECK(team.json()["case_status"] == "active");
  CHECK(team.json()["team"]["coordinator"]["name"] == "Ane Lie");

  // case show holds the three assessments side by side, the decision and the team.
  auto show = f.oppteam({"--json", "case", "show", c});
  INFO(show.out << show.err);
  REQUIRE(show.code == 0);
  auto j = show.json();
  CHECK(j["status"] == "active");
  REQUIRE(j["assessments"].size() == 3);
  std::vector<std::string> professions;
  for (const auto& a : j["assessments"]) professions.push_back(a["profession"]);
  CHECK(professions == std::vector<std::string>{"sykepleier", "lege", "sosionom"});
  CHECK(j["assessments"][2]["score"] == 5);
  CHECK_FALSE(j["team"].is_null());

  auto verify = f.oppteam({"--json", "audit", "verify"});
  REQUIRE(verify.code == 0);
  CHECK(verify.json()["ok"] == true);
}
