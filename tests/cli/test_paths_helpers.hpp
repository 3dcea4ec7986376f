#pragma once
// Helpers for the issue-14 CLI tests (tests/cli/test_paths_*.cpp).

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace paths_test {

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
