// refer add for a person whose case is open adds the referral to that case.
// What it does not store, or changes, it says: a --name other than the one
// on record is not stored (person correct changes a name, with history),
// and a --target-group other than the case's replaces it (kept as history).

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

test::Result refer_again(test::Fixture& f, std::vector<std::string> more) {
  std::vector<std::string> args{"--today", "2026-03-05", "--json", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege",
                                "--received", "2026-03-05", "--need", "Ny henvisning"};
  args.insert(args.end(), more.begin(), more.end());
  return f.oppteam(args);
}

}  // namespace

TEST_CASE("refer add on an open case says that a different --name was not stored", "[intake][open_case]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);  // as "Per Hansen"
  auto r = refer_again(f, {"--name", "Pål Olsen"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["case"] == c);
  CHECK(r.json()["name_on_record"] == "Per Hansen");
  auto text = f.oppteam({"--today", "2026-03-06", "--lang", "en", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege",
                         "--received", "2026-03-06", "--need", "Tredje", "--name", "Pål Olsen"});
  INFO(text.out << text.err);
  REQUIRE(text.code == 0);
  CHECK(text.err.find("Per Hansen") != std::string::npos);
  CHECK(text.err.find("person correct") != std::string::npos);
  // The name on record is unchanged.
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["person"]["name"] == "Per Hansen");
  // The same name, or none, is nothing to say.
  r = refer_again(f, {"--name", "Per Hansen"});
  REQUIRE(r.code == 0);
  CHECK_FALSE(r.json().contains("name_on_record"));
  r = refer_again(f, {});
  REQUIRE(r.code == 0);
  CHECK_FALSE(r.json().contains("name_on_record"));
}

TEST_CASE("refer add on an open case says when it changes the case's target group", "[intake][open_case]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  auto r = refer_again(f, {"--target-group", "skrope_eldre"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK_FALSE(r.json().contains("target_group_before"));  // none was set
  r = refer_again(f, {"--target-group", "psykisk_rus"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["target_group_before"] == "skrope_eldre");
  CHECK(r.json()["target_group"] == "psykisk_rus");
  auto text = f.oppteam({"--today", "2026-03-06", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received",
                         "2026-03-06", "--need", "Tredje", "--target-group", "skrope_eldre"});
  INFO(text.out << text.err);
  REQUIRE(text.code == 0);
  CHECK(text.err.find("Skrøpelige eldre") != std::string::npos);
  CHECK(text.err.find("Personer med psykiske helse- og rusproblemer") != std::string::npos);
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["target_group"] == "skrope_eldre");
}
