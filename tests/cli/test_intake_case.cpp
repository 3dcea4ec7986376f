// case show (every section, audited) and case list (filters).

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

using namespace intake_test;

TEST_CASE("case show --json has every section of SPEC.md and is an audited read", "[intake]") {
  test::Fixture f(no_assessment_rammeverk());
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "add", "--fnr", "23923901213", "--name", "Per Hansen", "--reporter-type",
                      "fastlege", "--reporter-name", "Dr. Berg", "--received", "2026-02-01", "--need", "Trenger koordinering"});
  REQUIRE(r.code == 0);
  REQUIRE(f.oppteam({"--today", kToday, "consent", "give", "2026/1", "--scope", "utredning", "--form", "muntlig", "--given-by", "person"}).code == 0);
  REQUIRE(f.oppteam({"--today", kToday, "decide", "2026/1", "--grant"}).code == 0);

  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  INFO(show.err);
  REQUIRE(show.code == 0);
  const auto j = show.json();
  for (std::string key : {"case", "status", "person", "referrals", "consents", "assessments", "decision", "team", "plan", "evaluations"})
    CHECK(j.contains(key));
  CHECK(j["case"] == "2026/1");
  CHECK(j["status"] == "granted");
  CHECK(j["person"]["name"] == "Per Hansen");
  CHECK(j["person"]["birth_date"] == "1939-12-23");
  CHECK(j["person"]["age"] == 86);
  CHECK(j["referrals"][0]["reporter_type"] == "fastlege");
  CHECK(j["consents"][0]["scope"] == "utredning");
  CHECK(j["assessments"].is_array());
  CHECK(j["decision"]["outcome"] == "granted");
  CHECK(j["team"].is_null());
  CHECK(j["plan"].is_null());
  CHECK(j["evaluations"].is_array());

  auto text = f.oppteam({"--today", kToday, "case", "show", "2026/1"});
  REQUIRE(text.code == 0);
  CHECK(text.out.find("Sak 2026/1 (innvilget)") != std::string::npos);
  CHECK(text.out.find("1. februar 2026") != std::string::npos);
  CHECK(text.out.find("Samtykker") != std::string::npos);

  auto log = f.oppteam({"--json", "audit", "log", "--case", "2026/1"});
  REQUIRE(log.code == 0);
  int shows = 0;
  const auto entries = log.json()["entries"];
  for (const auto& e : entries) shows += e["action"] == "case.show";
  CHECK(shows == 2);
  CHECK(f.oppteam({"case", "show", "2026/7"}).code == 1);
  CHECK(f.oppteam({"case", "show", "26/1"}).code == 65);
}

TEST_CASE("case list filters by status, reporter type, received dates and overdue", "[intake]") {
  test::Fixture f(no_assessment_rammeverk());
  auto add = [&](const std::string& fnr, const std::string& type, const std::string& received) {
    auto r = f.oppteam({"--today", kToday, "--json", "refer", "add", "--fnr", fnr, "--reporter-type", type, "--received", received,
                        "--need", "Behov"});
    REQUIRE(r.code == 0);
    return r.json()["case"].get<std::string>();
  };
  const auto old_case = add(synthetic_fnr(1, 1, 1950), "fastlege", "2025-12-01");  // 91 days before today: decision overdue
  const auto mid_case = add(synthetic_fnr(2, 1, 1950), "nav", "2026-01-20");       // 41 days: preliminary reply owed
  const auto new_case = add(synthetic_fnr(3, 1, 1950), "fastlege", "2026-02-25");
  REQUIRE(f.oppteam({"--today", kToday, "decide", new_case, "--grant"}).code == 0);

  auto list = [&](std::vector<std::string> filters) {
    std::vector<std::string> a{"--today", kToday, "--json", "case", "list"};
    a.insert(a.end(), filters.begin(), filters.end());
    auto r = f.oppteam(a);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::vector<std::string> cases;
    const auto found = r.json()["cases"];
    for (const auto& c : found) cases.push_back(c["case"]);
    return cases;
  };
  CHECK(list({}).size() == 3);
  CHECK(list({"--status", "granted"}) == std::vector<std::string>{new_case});
  CHECK(list({"--reporter-type", "nav"}) == std::vector<std::string>{mid_case});
  CHECK(list({"--received-from", "2026-01-01"}).size() == 2);
  CHECK(list({"--received-to", "2025-12-31"}) == std::vector<std::string>{old_case});
  CHECK(list({"--overdue"}).size() == 2);
  CHECK(f.oppteam({"case", "list", "--status", "ukjent"}).code == 64);
  auto text = f.oppteam({"--today", kToday, "case", "list", "--overdue"});
  // Both overdue rows carry the overdue marker on their date cell (the last
  // column), and the legend explains it.
  std::size_t marked = 0;
  for (std::size_t pos = 0; (pos = text.out.find(" !\n", pos)) != std::string::npos; ++pos) ++marked;
  CHECK(marked == 2);
  CHECK(text.out.find("! = forfalt") != std::string::npos);
  // The reasons stay in the JSON.
  auto j = f.oppteam({"--today", kToday, "--json", "case", "list", "--overdue"}).json();
  REQUIRE(j["cases"].size() == 2);
  CHECK(j["cases"][0]["overdue"] == "decision");
  CHECK(j["cases"][1]["overdue"] == "preliminary_reply");
  auto all = f.oppteam({"--today", kToday, "case", "list", "--status", "granted"});
  CHECK(all.out.find(" !\n") == std::string::npos);
}
