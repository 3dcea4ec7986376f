// The team reviews itself (issue 15): team review CASE --answer ITEM=VALUE,
// its reminder at deadlines.team_review_interval, and the report's
// aggregates per period with small counts suppressed.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

using namespace team_test;

namespace {

std::vector<std::string> full_review(const std::string& c, const std::string& today, const std::string& roles = "ja",
                                     const std::string& person = "4") {
  return {"--today", today, "team", "review", c, "--answer", "roller_avklart=" + roles, "--answer", "medlemmer_informert=ja",
          "--answer", "koordinator_tid_myndighet=nei", "--answer", "brukers_opplevelse=" + person, "--answer",
          "parorendes_opplevelse=3"};
}

std::string case_with_team(test::Fixture& f, const std::string& fnr = kFnr) {
  std::string c = refer(f, fnr);
  consent(f, c, "utredning");
  consent(f, c, "team");
  REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
  grant(f, c);
  auto r = f.oppteam(core_team(c));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  return c;
}

std::vector<std::string> review_items(test::Fixture& f, const std::string& day) {
  auto r = f.oppteam({"--today", day, "--json", "remind"});
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  std::vector<std::string> out;
  for (const auto& i : doc["items"])
    if (i["kind"] == "team_review") out.push_back(i["due"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("team review records every item of the rammeverk and refuses bad answers", "[team][review]") {
  test::Fixture f;
  const std::string c = case_with_team(f);
  auto r = f.oppteam(cat({"--json"}, full_review(c, "2026-06-01")));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  CHECK(doc["review"]["date"] == "2026-06-01");
  CHECK(doc["review"]["answers"]["roller_avklart"] == true);
  CHECK(doc["review"]["answers"]["koordinator_tid_myndighet"] == false);
  CHECK(doc["review"]["answers"]["brukers_opplevelse"] == 4);

  auto missing = f.oppteam({"--json", "team", "review", c, "--answer", "roller_avklart=ja"});
  CHECK(missing.code == 64);
  CHECK(test::error_key(missing) == "review.missing");
  CHECK(missing.err.find("parorendes_opplevelse") != std::string::npos);  // names what is missing
  auto bad = full_review(c, "2026-06-02");
  bad[6] = "rolle_avklart=ja";
  // An unknown item is a value the rammeverk does not know (65, as in
  // assess); so is a value the item does not take.
  CHECK(f.oppteam(bad).code == 65);
  CHECK(f.oppteam(full_review(c, "2026-06-02", "kanskje")).code == 65);
  CHECK(f.oppteam(full_review(c, "2026-06-02", "ja", "6")).code == 65);
  CHECK(f.oppteam(full_review(c, "2026-06-02", "ja", "4x")).code == 65);

  auto list = f.oppteam({"--json", "team", "review", c});
  REQUIRE(list.code == 0);
  const auto ld = list.json();
  CHECK(ld["reviews"].size() == 1);
  CHECK(ld["items"].size() == 5);
  auto text = f.oppteam({"team", "review", c});
  CHECK(text.out.find("Rollene i teamet er avklart") != std::string::npos);

  test::Fixture g;
  const std::string lone = refer(g);
  CHECK(g.oppteam(full_review(lone, "2026-06-01")).code == 2);  // no team
}

TEST_CASE("the team review is reminded at its interval from the team's start, then from the last review", "[team][review][remind]") {
  test::Fixture f;
  const std::string c = case_with_team(f);  // team created 2026-03-11; interval 180 days
  CHECK(review_items(f, "2026-09-06").empty());
  CHECK(review_items(f, "2026-09-07") == std::vector<std::string>{"2026-09-07"});
  REQUIRE(f.oppteam(full_review(c, "2026-09-08")).code == 0);
  CHECK(review_items(f, "2026-09-08").empty());
  CHECK(review_items(f, "2027-03-06").empty());
  CHECK(review_items(f, "2027-03-07") == std::vector<std::string>{"2027-03-07"});
}

TEST_CASE("report aggregates the team reviews per period and hides small counts", "[team][review][report]") {
  test::Fixture f;
  // Five teams review themselves in the third quarter, two in the fourth.
  std::vector<std::string> cases;
  for (int i = 0; i < 7; ++i) {
    const std::string fnr = intake_test::synthetic_fnr(i + 1, 3, 1950);
    auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege",
                        "--received", "2026-03-02", "--need", "Trenger koordinering"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const std::string c = r.json()["case"].get<std::string>();
    consent(f, c, "utredning");
    consent(f, c, "team");
    REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
    grant(f, c);
    REQUIRE(f.oppteam(core_team(c)).code == 0);
    cases.push_back(c);
  }
  for (std::size_t i = 0; i < 5; ++i)
    REQUIRE(f.oppteam(full_review(cases[i], "2026-08-0" + std::to_string(i + 1), i < 4 ? "ja" : "nei")).code == 0);
  for (std::size_t i = 5; i < 7; ++i) REQUIRE(f.oppteam(full_review(cases[i], "2026-11-02")).code == 0);
  auto r = f.oppteam({"--json", "report", "--from", "2026-07-01", "--to", "2026-12-31", "--by", "quarter"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  INFO(doc.dump());
  // The scale item: Q3 has 5 reviews (shown, mean 4), Q4 two (hidden).
  bool q3 = false, q4 = false;
  for (const auto& x : doc["team_review_scales"]) {
    if (x["item"] != "brukers_opplevelse") continue;
    if (x["period"] == "2026-Q3") {
      q3 = true;
      CHECK(x["reviews"] == 5);
      CHECK(x["mean"] == 4.0);
    }
    if (x["period"] == "2026-Q4") {
      q4 = true;
      CHECK(x["reviews"] == "<5");
      CHECK(x["mean"].is_null());
    }
  }
  CHECK(q3);
  CHECK(q4);
  // The yes/no item "roles clear": 4 yes and 1 no in Q3 are both below 5: hidden.
  const std::string text = f.oppteam({"report", "--from", "2026-07-01", "--to", "2026-12-31", "--by", "quarter"}).out;
  CHECK(text.find("Rollene i teamet er avklart") != std::string::npos);
  CHECK(r.out.find("team_review.roller_avklart") != std::string::npos);
}
