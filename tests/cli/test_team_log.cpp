// The case log (issue 15): log add|list, newest first, in case show and
// person export, stored text checked and audited without its content.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

using namespace team_test;

using access_test::as;

TEST_CASE("log add stores dated entries by the acting user and log list shows them newest first", "[team][log]") {
  test::Fixture f;
  const std::string c = refer(f);
  auto a = as(f, "Ane Lie", {"--today", "2026-03-05", "--json", "log", "add", c, "--text", "Ringte fastlegen"});
  INFO(a.out << a.err);
  REQUIRE(a.code == 0);
  CHECK(a.json()["case"] == c);
  CHECK(a.json()["entry"]["date"] == "2026-03-05");
  CHECK(a.json()["entry"]["written_by"] == "Ane Lie");
  REQUIRE(as(f, "Ola Dahl", {"--today", "2026-03-09", "log", "add", c, "--text", "Avtalt hjemmebesøk\nmed datteren"}).code == 0);
  auto l = f.oppteam({"--json", "log", "list", c});
  REQUIRE(l.code == 0);
  const auto doc = l.json();
  REQUIRE(doc["entries"].size() == 2);
  CHECK(doc["entries"][0]["date"] == "2026-03-09");  // newest first
  CHECK(doc["entries"][0]["written_by"] == "Ola Dahl");
  CHECK(doc["entries"][1]["text"] == "Ringte fastlegen");
  auto t = f.oppteam({"log", "list", c});
  REQUIRE(t.code == 0);
  CHECK(t.out.find("Ringte fastlegen") != std::string::npos);
  CHECK(t.out.find("Ola Dahl") < t.out.find("Ane Lie"));

  // case show and person export carry the log, newest first.
  auto cs = f.oppteam({"--json", "case", "show", c});
  REQUIRE(cs.code == 0);
  const auto csd = cs.json();
  REQUIRE(csd["log"].size() == 2);
  CHECK(csd["log"][0]["written_by"] == "Ola Dahl");
  auto ct = f.oppteam({"case", "show", c});
  CHECK(ct.out.find("Ringte fastlegen") != std::string::npos);
  auto pe = f.oppteam({"--json", "person", "export", kFnr});
  INFO(pe.err);
  REQUIRE(pe.code == 0);
  const auto ped = pe.json();
  REQUIRE(ped["cases"][0]["log"].size() == 2);

  // The audit log records the entry, never its text.
  auto au = f.oppteam({"--json", "audit", "log"});
  REQUIRE(au.code == 0);
  CHECK(au.out.find("log.add") != std::string::npos);
  CHECK(au.out.find("Ringte fastlegen") == std::string::npos);
}

TEST_CASE("log add refuses empty, control and missing-case input", "[team][log]") {
  test::Fixture f;
  const std::string c = refer(f);
  CHECK(f.oppteam({"log", "add", c, "--text", ""}).code == 64);
  CHECK(f.oppteam({"log", "add", c, "--text", "a\x1b]0;x\x07"}).code == 65);
  CHECK(f.oppteam({"log", "add", "2026/99", "--text", "x"}).code == 1);
  CHECK(f.oppteam({"log", "add", "20x6/1", "--text", "x"}).code == 65);
  auto l = f.oppteam({"--json", "log", "list", c});
  REQUIRE(l.code == 0);
  CHECK(l.json()["entries"].empty());
}

TEST_CASE("the plan document shows the case log only where the rammeverk says so", "[team][log][plan]") {
  for (const bool with_log : {false, true}) {
    std::string text = test::read_file(test::source_path("examples/rammeverk.toml"));
    const std::string from = "[plan_document]\nlog = false", to = "[plan_document]\nlog = true";
    REQUIRE(text.find(from) != std::string::npos);
    if (with_log) text.replace(text.find(from), from.size(), to);
    test::Fixture f(text);
    const std::string c = granted_case(f);
    REQUIRE(f.oppteam(core_team(c)).code == 0);
    REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
    REQUIRE(as(f, "Ane Lie", {"--today", "2026-03-13", "log", "add", c, "--text", "Ringte fastlegen om medisinene"}).code == 0);
    REQUIRE(as(f, "Ola Dahl", {"--today", "2026-03-20", "log", "add", c, "--text", "Avtalte hjemmebesøk"}).code == 0);
    auto d = f.oppteam({"--today", "2026-03-23", "plan", "show", c, "--document"});
    INFO(d.out << d.err);
    REQUIRE(d.code == 0);
    const auto first = d.out.find("Avtalte hjemmebesøk"), second = d.out.find("Ringte fastlegen om medisinene");
    if (with_log) {
      REQUIRE(first != std::string::npos);
      REQUIRE(second != std::string::npos);
      CHECK(first < second);  // newest first
      CHECK(d.out.find("20. mars 2026, skrevet av Ola Dahl") != std::string::npos);
      CHECK(f.oppteam({"config", "show"}).out.find("[plan_document]\nlog = true") != std::string::npos);
    } else {
      CHECK(first == std::string::npos);
      CHECK(second == std::string::npos);
    }
  }
}
