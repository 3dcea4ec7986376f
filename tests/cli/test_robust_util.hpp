#pragma once
// Helpers of the robustness tests ([robust]): synthetic personal numbers,
// starting oppteam without waiting for it, and looking into the database
// with SQLite itself (integrity_check, counts) as an outsider would.

#include "cli/harness.hpp"

#include <sqlite3.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace robust {

// A valid synthetic fødselsnummer (month + 80) for the n-th person; never a
// real month. Distinct for n below 12 * 28 * 90 * 40.
std::string synthetic_fnr(int n);

// Writes at `path` the database that `sql_file` (relative to the source
// tree) makes, mode 0600; throws on failure.
void make_database(const std::string& path, const std::string& sql_file);
// Writes at `path` the database of schema 4 that the oppteam before batch
// storing made (tests/cli/data/schema4.sql), mode 0600; throws on failure.
void make_schema4_database(const std::string& path);
// `oppteam --db DB --as kari --today 2026-03-20 --json ARGS` with HOME at
// `home`: a command on the schema-4 database, on a day after its rows.
test::Result run_on_schema4(const std::string& db, const std::string& home, const std::vector<std::string>& args);

// Starts `oppteam ARGS` in the background (stdin, stdout, stderr on
// /dev/null) with HOME at `home`; returns its pid.
pid_t spawn(const std::vector<std::string>& args, const std::string& home,
            const std::map<std::string, std::string>& env = {});

// Waits for `pid`; returns its exit code, or 128 + signal.
int wait_for(pid_t pid);

// A database connection for checks, outside oppteam.
class Sql {
 public:
  explicit Sql(const std::string& path);
  ~Sql();
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;
  // The first column of the first row as text ("" when no row).
  std::string text(const std::string& query);
  long long number(const std::string& query);
  void exec(const std::string& sql);  // throws std::runtime_error on failure
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace robust
