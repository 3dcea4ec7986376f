// config store on a database with cases names what no longer fits the
// stored rows, on stderr and in --json: an instrument that scores
// differently under the version stored assessments were scored with (they
// keep their scores), and values in use that the new rammeverk no longer has
// (a reporter type of stored referrals, an instrument version). The file is
// stored all the same.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

std::string edited(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string hash_in_force(test::Fixture& f) {
  auto r = f.oppteam({"config", "show"});
  REQUIRE(r.code == 0);
  const std::string first = r.out.substr(0, r.out.find('\n'));
  REQUIRE(first.find("sha256") != std::string::npos);
  return first;
}

}  // namespace

TEST_CASE("config store names an instrument changed under the version stored assessments used", "[config][store_fit]") {
  const std::string base = paths_test::rammeverk();
  test::Fixture f(base);
  const std::string c = refer(f);
  consent(f, c, "utredning");
  REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
  const std::string before = hash_in_force(f);

  const std::string weight = "  id = \"mange_tjenester\"\n  text = \"Mottar tjenester fra tre eller flere tjenesteytere\"\n"
                             "  domain = \"tjenester\"\n  weight = 2\n";
  const std::string heavier = edited(base, weight, edited(weight, "weight = 2", "weight = 3"));
  const std::string heavier_file = f.dir.write("heavier.toml", heavier);
  auto r = f.oppteam({"--json", "config", "store", heavier_file});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto changed = r.json()["instruments_changed"];
  REQUIRE(changed.size() == 1);
  CHECK(changed[0]["value"] == "kjennetegn 1");
  CHECK(changed[0]["count"] == 1);
  CHECK(r.json()["not_in_rammeverk"].empty());
  CHECK(hash_in_force(f) != before);
  auto text = f.oppteam({"config", "store", heavier_file});
  INFO(text.out << text.err);
  REQUIRE(text.code == 0);
  CHECK(text.err.find("kjennetegn 1") == std::string::npos);  // the same definition again: nothing changed
  // In words, a change is named on stderr as in --json.
  const std::string heaviest = edited(base, weight, edited(weight, "weight = 2", "weight = 4"));
  text = f.oppteam({"config", "store", f.dir.write("heaviest.toml", heaviest)});
  INFO(text.out << text.err);
  REQUIRE(text.code == 0);
  CHECK(text.err.find("kjennetegn 1") != std::string::npos);
  // A text changed under one version scores alike: nothing to say.
  r = f.oppteam({"--json", "config", "store",
                 f.dir.write("worded.toml", edited(heaviest, "tre eller flere tjenesteytere", "minst tre tjenesteytere"))});
  REQUIRE(r.code == 0);
  CHECK(r.json()["instruments_changed"].empty());

  // The change as a new version: the version the stored assessment used,
  // now gone from the rammeverk, is named instead.
  const std::string v2 = edited(base, "id = \"kjennetegn\"\nname = \"Kjennetegn ved store og sammensatte behov\"\nversion = 1",
                                "id = \"kjennetegn\"\nname = \"Kjennetegn ved store og sammensatte behov\"\nversion = 2");
  r = f.oppteam({"--json", "config", "store", f.dir.write("v2.toml", v2)});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["instruments_changed"].empty());
  const auto missing = r.json()["not_in_rammeverk"];
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]["kind"] == "instrument");
  CHECK(missing[0]["value"] == "kjennetegn 1");
  CHECK(missing[0]["count"] == 1);
}

TEST_CASE("config store names a reporter type of stored referrals that the new rammeverk lacks", "[config][store_fit]") {
  const std::string base = paths_test::rammeverk();
  test::Fixture f(base);
  refer(f);  // reporter type fastlege
  const std::string without = edited(base, "[[reporter_type]]\nid = \"fastlege\"\nlabel = \"Fastlege\"\n", "");
  const std::string file = f.dir.write("without.toml", without);
  auto r = f.oppteam({"--json", "config", "store", file});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto missing = r.json()["not_in_rammeverk"];
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]["kind"] == "reporter_type");
  CHECK(missing[0]["value"] == "fastlege");
  CHECK(missing[0]["count"] == 1);
  auto text = f.oppteam({"config", "store", file});
  INFO(text.out << text.err);
  REQUIRE(text.code == 0);
  CHECK(text.err.find("fastlege") != std::string::npos);
  // A rammeverk that keeps every value in use is stored without a word.
  r = f.oppteam({"--json", "config", "store", f.dir.write("base.toml", base)});
  REQUIRE(r.code == 0);
  CHECK(r.json()["not_in_rammeverk"].empty());
}
