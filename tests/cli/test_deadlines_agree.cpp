// Issue 16: one due date for one thing. Over generated cases (opened on
// random days, some with one or two foreløpig svar promising random dates,
// earlier or later than the decision's target), on random days, the
// decision's due date that `remind --json`, `case list --overdue --json` and
// `case show --json` give must be the same, and match the rule of
// src/process/deadlines.cpp computed here independently.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <random>

namespace {

using namespace std::chrono;

std::string iso(sys_days d) {
  const year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

}  // namespace

TEST_CASE("remind, case list and case show agree on every decision due date", "[deadlines]") {
  // The defaults of the national guideline: decision 56 days, preliminary reply 30.
  test::Fixture f("[municipality]\nallow_synthetic_ids = true\n");
  std::mt19937 rng(20261129);
  const sys_days base = sys_days(year(2026) / 1 / 5);
  std::map<std::string, sys_days> expected;  // case -> the rule's due date
  const int kCases = test::scaled(24);
  for (int i = 0; i < kCases; ++i) {
    const sys_days opened = base + days(int(rng() % 120));
    const std::string number = "2026/" + std::to_string(i + 1);
    auto r = f.oppteam({"--today", iso(opened), "refer", "add", "--fnr", robust::synthetic_fnr(i + 1), "--reporter-type",
                        "fastlege", "--received", iso(opened), "--need", "Trenger koordinering"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    sys_days due = opened + days(56);
    const int replies = int(rng() % 3);  // none, one or two
    for (int k = 0; k < replies; ++k) {
      const sys_days sent = opened + days(20 + int(rng() % 20));
      const sys_days promised = sent + days(1 + int(rng() % 60));  // before or after the 56-day target
      auto p = f.oppteam({"--today", iso(sent), "decide", number, "--preliminary-reply", "--expected-by", iso(promised),
                          "--reason", "Venter på opplysninger"});
      INFO(p.err);
      REQUIRE(p.code == 0);
      due = std::max(due, promised);
    }
    // Cases are numbered in the order they were referred.
    expected[number] = due;
  }

  for (int day = 0; day < 4; ++day) {
    const std::string today = iso(base + days(60 + int(rng() % 150)));
    INFO("today " << today);
    auto rem = f.oppteam({"--today", today, "--json", "remind", "--within", "400"});
    REQUIRE(rem.code == 0);
    std::map<std::string, std::string> by_remind;
    const auto rem_doc = rem.json();  // kept: a range over a temporary's member would dangle
    for (const auto& item : rem_doc["items"])
      if (item["kind"] == "decision") by_remind[item["case"].get<std::string>()] = item["due"].get<std::string>();
    auto list = f.oppteam({"--today", today, "--json", "case", "list", "--status", "received"});
    REQUIRE(list.code == 0);
    std::map<std::string, std::string> by_list;
    const auto list_doc = list.json();
    for (const auto& c : list_doc["cases"]) by_list[c["case"].get<std::string>()] = c["decision_due"].get<std::string>();
    auto overdue = f.oppteam({"--today", today, "--json", "case", "list", "--overdue"});
    REQUIRE(overdue.code == 0);
    std::map<std::string, std::string> listed_overdue;
    const auto overdue_doc = overdue.json();
    for (const auto& c : overdue_doc["cases"])
      listed_overdue[c["case"].get<std::string>()] = c["overdue"].is_null() ? "" : c["overdue"].get<std::string>();

    for (const auto& [number, due] : expected) {
      INFO(number);
      const std::string want = iso(due);
      CHECK(by_remind[number] == want);
      CHECK(by_list[number] == want);
      auto show = f.oppteam({"--today", today, "--json", "case", "show", number});
      REQUIRE(show.code == 0);
      CHECK(show.json()["deadlines"]["decision"] == want);
      // Overdue in case list exactly when remind says the decision is past due.
      const bool past = want < today;
      CHECK((listed_overdue.count(number) && listed_overdue[number] == "decision") == past);
    }
  }
}
