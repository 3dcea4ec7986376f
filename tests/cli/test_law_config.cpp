// The rammeverk may not loosen the law (tests/unit/test_config_law.cpp has
// each bound): config check, init and config store refuse such a file with
// exit 78, naming file, line and key.

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

// The example rammeverk with the first `from` of each edit replaced by its `to`.
std::string example_with(const std::vector<std::pair<std::string, std::string>>& edits) {
  std::string text = test::read_file(test::source_path("examples/rammeverk.toml"));
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return text;
}

// The number of details of the error of `r` (a --json run) that name `part`.
std::size_t details_naming(const test::Result& r, const std::string& part) {
  std::size_t n = 0;
  const auto j = r.json();
  for (const auto& d : j["error"]["details"]) n += d.get<std::string>().find(part) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("config check, init and config store refuse a rammeverk that loosens the law (exit 78)", "[law][config]") {
  test::TempDir dir;
  const std::string bad = dir.write("r.toml", example_with({{"consent_age = 16", "consent_age = 18"},
                                                           {"appeal = 28", "appeal = 7 "},
                                                           {"preliminary_reply = 30", "preliminary_reply = 120"}}));

  auto r = test::run({"--json", "config", "check", bad});
  CHECK(r.code == 78);
  CHECK(test::error_key(r) == "config.invalid");
  CHECK(r.json()["error"]["details"].size() == 3);  // each with its statute
  CHECK(details_naming(r, "§ 11 a") == 1);
  CHECK(details_naming(r, "§ 7-5") == 1);
  CHECK(details_naming(r, "§ 4-3") == 1);
  r = test::run({"--lang", "en", "config", "check", bad});
  CHECK(r.code == 78);
  CHECK(r.err.find(bad + ":22: deadlines.appeal") != std::string::npos);  // file, line and key
  CHECK(r.err.find("§ 7-5") != std::string::npos);                       // and the statute

  r = test::run({"--db", dir.file("k.db"), "--json", "init", "--config", bad}, "", {{"HOME", dir.path()}});
  CHECK(r.code == 78);
  CHECK(test::error_key(r) == "config.invalid");

  test::Fixture f;
  r = f.oppteam({"--json", "config", "store", bad});
  CHECK(r.code == 78);
  CHECK(test::error_key(r) == "config.invalid");
  CHECK(f.oppteam({"--json", "config", "show"}).json()["toml"].get<std::string>().find("appeal = 7") == std::string::npos);

  // A longer appeal deadline and a sooner foreløpig svar are the municipality's to choose.
  const std::string good = dir.write("ok.toml", example_with({{"appeal = 28", "appeal = 42"}}));
  CHECK(test::run({"config", "check", good}).code == 0);
}

TEST_CASE("config check and config store refuse a blank name, a min_count below 3 and an ambiguous label (exit 78)", "[law][config]") {
  test::TempDir dir;
  // "Fastlege" as the label of the reporter type nav: it is fastlege's id too.
  const std::string bad = dir.write("r.toml", example_with({{"name = \"Eksempel kommune\"", "name = \" \""},
                                                           {"min_count = 5", "min_count = 2"},
                                                           {"[[reporter_type]]\nid = \"nav\"\nlabel = \"NAV\"",
                                                            "[[reporter_type]]\nid = \"nav\"\nlabel = \"Fastlege\""}}));

  auto r = test::run({"--lang", "en", "--json", "config", "check", bad});
  INFO(r.out << r.err);
  CHECK(r.code == 78);
  CHECK(test::error_key(r) == "config.invalid");
  CHECK(details_naming(r, "municipality.name") == 1);
  CHECK(details_naming(r, "reports.min_count") == 1);
  CHECK(details_naming(r, "could mean either") >= 1);

  test::Fixture f;
  r = f.oppteam({"--json", "config", "store", bad});
  CHECK(r.code == 78);
  CHECK(f.oppteam({"--json", "config", "show"}).json()["toml"].get<std::string>().find("min_count = 2") == std::string::npos);
}
