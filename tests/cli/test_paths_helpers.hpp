#pragma once
// Helpers for the issue-14 CLI tests (tests/cli/test_paths_*.cpp).

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <pwd.h>
#include <string>
#include <unistd.h>
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

// `rammeverk` under [access] enforce = true, in which the login running the
// tests may act as anyone (access.act_as: the tests name users with --as),
// followed by `users` ([[access.user]] and [[access.role]] entries).
inline std::string enforced(const std::string& rammeverk, const std::string& users) {
  const auto* pw = ::getpwuid(::getuid());
  const std::string login = pw ? pw->pw_name : "";
  return rammeverk + "\n[access]\nenforce = true\n[[access.user]]\nname = \"" + login + "\"\nroles = [\"runner\"]\n" +
         "[[access.role]]\nid = \"runner\"\npermissions = [\"access.act_as\"]\n" + users;
}

// Runs oppteam on the database of `f` as `user`.
inline test::Result as(test::Fixture& f, const std::string& user, const std::vector<std::string>& args) {
  std::vector<std::string> all{"--db", f.db(), "--as", user};
  all.insert(all.end(), args.begin(), args.end());
  return test::run(all, "", {{"HOME", f.dir.path()}});
}

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
