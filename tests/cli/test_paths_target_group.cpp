// Issue 14, point 4: a case's target group, set at referral, assessment or
// decision or by case target-group, with history; the import column
// target_group works; the report by target group counts it.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_intake_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

TEST_CASE("target group at refer add, by case target-group with history, and in the report", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  auto bad = f.oppteam({"--json", "--today", "2026-03-02", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received",
                        "2026-03-02", "--need", "x", "--target-group", "romvesen"});
  CHECK(bad.code == 65);  // a target group the rammeverk does not know
  CHECK(test::error_key(bad) == "choice.unknown");
  CHECK(bad.err.find("skrope_eldre") != std::string::npos);
  auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege",
                      "--received", "2026-03-02", "--need", "x", "--target-group", "skrope_eldre"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string c = r.json()["case"].get<std::string>();
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["target_group"] == "skrope_eldre");

  CHECK(f.oppteam({"--today", "2026-03-05", "case", "target-group", c, "romvesen"}).code == 65);
  auto change = f.oppteam({"--today", "2026-03-05", "--json", "case", "target-group", c, "kronisk_syke"});
  INFO(change.err);
  REQUIRE(change.code == 0);
  CHECK(change.json()["previous"] == "skrope_eldre");
  const auto show = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(show["target_group"] == "kronisk_syke");
  REQUIRE(show["target_groups"].size() == 2);
  test::check_fields(show["target_groups"][0], {{"target_group", "skrope_eldre"}, {"step", "refer"}});
  test::check_fields(show["target_groups"][1], {{"target_group", "kronisk_syke"}, {"step", "case"}, {"set_by", "saksbehandler1"}});

  auto rep = f.oppteam({"--today", "2026-03-31", "--json", "report", "--from", "2026-03-01", "--to", "2026-03-31"});
  REQUIRE(rep.code == 0);
  const auto rows = rep.json()["tables"]["referrals_by_target_group"]["rows"];
  bool found = false;
  for (const auto& row : rows)
    if (row["id"] == "kronisk_syke") found = row["total"] == "<5";
  CHECK(found);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("target group at assess and decide", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto a = f.oppteam(cat({"--today", "2026-03-04", "--json", "assess", c, "--instrument", "kjennetegn", "--target-group",
                          "psykisk_rus"},
                         cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"})));
  INFO(a.err);
  REQUIRE(a.code == 0);
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["target_group"] == "psykisk_rus");
  auto d = f.oppteam({"--today", "2026-03-10", "decide", c, "--grant", "--target-group", "kronisk_syke"});
  INFO(d.err);
  REQUIRE(d.code == 0);
  const auto show = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(show["target_group"] == "kronisk_syke");
  REQUIRE(show["target_groups"].size() == 2);
  CHECK(show["target_groups"][0]["step"] == "assess");
  CHECK(show["target_groups"][1]["step"] == "decide");
}

TEST_CASE("the import column target_group sets the target group of the cases it opens", "[paths]") {
  test::Fixture f(intake_test::example_rammeverk() + "\n");
  const std::string csv = "external_id,fnr,reporter_type,received,need,target_group\n"
                          "a1," + std::string(kFnr) + ",fastlege,2026-03-01,Trenger hjelp,barn_unge\n";
  const std::string file = f.dir.write("batch.csv", csv);
  auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "import", file});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(f.oppteam({"--json", "case", "show", "2026/1"}).json()["target_group"] == "barn_unge");

  const std::string bad = f.dir.write("bad.csv", "external_id,fnr,reporter_type,received,need,target_group\n"
                                                 "b1," + intake_test::synthetic_fnr(3, 4, 1950) +
                                                 ",fastlege,2026-03-01,Hjelp,romvesen\n");
  auto rb = f.oppteam({"--today", "2026-03-02", "--json", "refer", "import", bad});
  CHECK(rb.code == 65);
  const auto errors = rb.json()["errors"];
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]["column"] == "target_group");
}
