#pragma once
// Helpers for the issue-14 CLI tests (tests/cli/test_paths_*.cpp).

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace paths_test {

// The example rammeverk with stale cases (issue 15) pushed out of these
// tests' years: they check what each step of a case's path owes, and a
// "no change for 60 days" item would be one more thing owed at every step
// (stale cases are tested in test_team_escalation.cpp).
inline std::string rammeverk() {
  std::string text = test::read_file(test::source_path("examples/rammeverk.toml"));
  const std::string from = "stale_days = 60", to = "stale_days = 3650";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Under [access] enforce = true, the login running the tests may act as
// anyone (access.act_as: the tests name users with --as).
using access_test::enforced;
using access_test::as;

// The kinds of the reminders `remind --json` (due today or overdue) gives for case `c` on `today`.
inline std::vector<std::string> reminder_kinds(test::Fixture& f, const std::string& c, const std::string& today) {
  auto r = f.oppteam({"--today", today, "--json", "remind"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = r.json();
  std::vector<std::string> kinds;
  for (const auto& item : j["items"])
    if (item["case"] == c) kinds.push_back(item["kind"].get<std::string>());
  return kinds;
}

}  // namespace paths_test
