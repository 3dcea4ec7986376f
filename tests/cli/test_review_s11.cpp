// Review of session 11 (r-cli): what refer add says about a person's open
// case must not tell more than the acting user may read, and its advice
// must be a command that runs.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

namespace {

// The example rammeverk under enforcement: sara a saksbehandler, mona of a
// role that may add referrals and nothing else (no case.read).
std::string intake_only() {
  return access_test::enforced(test::read_file(test::source_path("examples/rammeverk.toml")),
                               {{"sara", {"saksbehandler"}}, {"mona", {"mottak"}}}, {{"mottak", {"refer.add"}}});
}

std::vector<std::string> refer_args(const std::string& fnr, const std::string& name) {
  return {"--json",   "refer",      "add",    "--fnr", fnr, "--name", name, "--reporter-type", "fastlege",
          "--received", "2026-03-02", "--need", "Trenger koordinering"};
}

using team_test::cat;

// The same command in words, as a terminal gets it (no --json).
std::vector<std::string> text_args(std::vector<std::string> args) {
  args.erase(args.begin());
  return args;
}

}  // namespace

TEST_CASE("refer add does not tell a user who may not read cases the name on record", "[intake][open_case][access]") {
  test::Fixture f(intake_only());
  auto first = access_test::as(f, "sara", refer_args(team_test::kFnr, "Per Hansen"));
  INFO(first.out << first.err);
  REQUIRE(first.code == 0);
  // Any name typed for a known number would otherwise answer with the name
  // the municipality holds for it: a lookup from number to name.
  auto r = access_test::as(f, "mona", refer_args(team_test::kFnr, "Hvem som helst"));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(r.json().contains("name_on_record"));
  CHECK(r.out.find("Per Hansen") == std::string::npos);
  CHECK(r.err.find("Per Hansen") == std::string::npos);
  // Nor in words (--json writes no advice on stderr to look for).
  r = access_test::as(f, "mona", text_args(refer_args(team_test::kFnr, "Hvem som helst")));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Per Hansen") == std::string::npos);
  CHECK(r.err.find("Per Hansen") == std::string::npos);
  // One who may read the case is told, as before.
  r = access_test::as(f, "sara", refer_args(team_test::kFnr, "Hvem som helst"));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["name_on_record"] == "Per Hansen");
}

TEST_CASE("refer add's advice to correct the name names the personal number as one argument", "[intake][open_case]") {
  test::Fixture f;
  team_test::refer(f);
  // A number typed with a space is accepted; the advised command must still run.
  auto r = f.oppteam({"--today", "2026-03-05", "--lang", "en", "refer", "add", "--fnr", "239239 01213", "--name", "Pål Olsen",
                      "--reporter-type", "fastlege", "--received", "2026-03-05", "--need", "Ny henvisning"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("person correct 23923901213 --name") != std::string::npos);
}

TEST_CASE("refer add does not tell a user who may not read cases the target group it replaced", "[intake][open_case][access]") {
  test::Fixture f(intake_only());
  auto first = access_test::as(f, "sara", cat(refer_args(team_test::kFnr, "Per Hansen"), {"--target-group", "psykisk_rus"}));
  INFO(first.out << first.err);
  REQUIRE(first.code == 0);
  // The case's target group is health information of the person's.
  auto r = access_test::as(f, "mona", cat(refer_args(team_test::kFnr, "Per Hansen"), {"--target-group", "skrope_eldre"}));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(r.json().contains("target_group_before"));
  CHECK(r.out.find("psykisk_rus") == std::string::npos);
  CHECK(r.err.find("psykisk") == std::string::npos);
  r = access_test::as(f, "mona", text_args(cat(refer_args(team_test::kFnr, "Per Hansen"), {"--target-group", "psykisk_rus"})));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Skrøpelige eldre") == std::string::npos);
  CHECK(r.err.find("Skrøpelige eldre") == std::string::npos);
  // One who may read the case is told, as before.
  r = access_test::as(f, "sara", cat(refer_args(team_test::kFnr, "Per Hansen"), {"--target-group", "skrope_eldre"}));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["target_group_before"] == "psykisk_rus");
}
