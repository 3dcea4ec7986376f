#pragma once
// Helpers of the CLI tests under [access] enforce = true: the login that
// runs the tests may act as the users a test names with --as (a role
// "runner" holding access.act_as), and a run as one of them.

#include "cli/harness.hpp"
#include "unit/access_toml.hpp"

#include <map>
#include <pwd.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace access_test {

using unit::AccessRole;
using unit::AccessUser;

// The login running the tests ("" when it has no passwd entry).
inline std::string login() {
  const auto* pw = ::getpwuid(::getuid());
  return pw ? pw->pw_name : "";
}

// An enforced [access] section (unit::enforced_access_toml) in which the
// login running the tests may act as anyone, followed by `users` and `roles`.
inline std::string acting_access_toml(std::vector<AccessUser> users, std::vector<AccessRole> roles = {}) {
  users.insert(users.begin(), AccessUser{login(), {"runner"}});
  roles.insert(roles.begin(), AccessRole{"runner", {"access.act_as"}});
  return unit::enforced_access_toml(users, roles);
}

// `rammeverk` (TOML) under acting_access_toml(users, roles).
inline std::string enforced(const std::string& rammeverk, const std::vector<AccessUser>& users,
                            const std::vector<AccessRole>& roles = {}) {
  return rammeverk + "\n" + acting_access_toml(users, roles);
}

// A rammeverk of the built-in defaults with synthetic personal numbers
// allowed, followed by `rest` (an [access] section, say).
inline std::string synthetic_ids(const std::string& rest) { return test::municipality_toml() + "\n" + rest; }

// `oppteam --db DB --as USER ARGS` on the database of `f`, with HOME in its
// directory and `env` on top.
inline test::Result as(const test::Fixture& f, const std::string& user, const std::vector<std::string>& args,
                       std::map<std::string, std::string> env = {}) {
  std::vector<std::string> all{"--db", f.db(), "--as", user};
  all.insert(all.end(), args.begin(), args.end());
  env["HOME"] = f.dir.path();
  return test::run(all, "", env);
}

// The same in English (--lang en), for a test that reads a refusal's words.
inline test::Result as_en(const test::Fixture& f, const std::string& user, std::vector<std::string> args,
                          std::map<std::string, std::string> env = {}) {
  args.insert(args.begin(), {"--lang", "en"});
  return as(f, user, args, std::move(env));
}

}  // namespace access_test
