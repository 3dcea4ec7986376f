#include "cli/test_robust_util.hpp"

#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>


namespace robust {

namespace {

// The two mod-11 control digits, or nullopt when none exists.
std::optional<std::string> control(const std::string& nine) {
  static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int s = 0;
  for (int i = 0; i < 9; ++i) s += (nine[i] - '0') * w1[i];
  int k1 = 11 - s % 11;
  if (k1 == 11) k1 = 0;
  if (k1 == 10) return std::nullopt;
  std::string ten = nine + char('0' + k1);
  s = 0;
  for (int i = 0; i < 10; ++i) s += (ten[i] - '0') * w2[i];
  int k2 = 11 - s % 11;
  if (k2 == 11) k2 = 0;
  if (k2 == 10) return std::nullopt;
  return ten + char('0' + k2);
}

}  // namespace

std::string synthetic_fnr(int n) {
  const int day = 1 + n % 28;
  const int month = 81 + (n / 28) % 12;  // synthetic: month + 80
  const int year = 10 + (n / 336) % 90;  // 1910-1999 with individual numbers 000-499
  const int base = (n / 30240) % 40 * 10;
  for (int ind = base; ind < base + 10; ++ind) {
    char nine[32];
    std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", day, month, year, ind);
    if (auto f = control(std::string(nine).substr(0, 9))) return *f;
  }
  throw std::runtime_error("no synthetic number for " + std::to_string(n));
}

test::Result run_on_schema4(const std::string& db, const std::string& home, const std::vector<std::string>& args) {
  std::vector<std::string> all{"--db", db, "--as", "kari", "--today", "2026-03-20", "--json"};
  all.insert(all.end(), args.begin(), args.end());
  return test::run(all, "", {{"HOME", home}});
}

void make_schema4_database(const std::string& path) { make_database(path, "tests/cli/data/schema4.sql"); }

void make_database(const std::string& path, const std::string& sql_file) {
  sqlite3* raw = nullptr;
  if (sqlite3_open(path.c_str(), &raw) != SQLITE_OK) {
    sqlite3_close(raw);
    throw std::runtime_error("cannot create " + path);
  }
  const std::string sql = test::read_file(test::source_path(sql_file));
  char* message = nullptr;
  const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &message);
  const std::string why = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(raw);
  if (rc != SQLITE_OK) throw std::runtime_error(sql_file + ": " + why);
  ::chmod(path.c_str(), 0600);
}

pid_t spawn(const std::vector<std::string>& args, const std::string& home,
            const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> vars = env;
  vars.emplace("HOME", home);
  test::Command command(args, vars);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, command.argv()[0], &fa, nullptr, command.argv(), command.envp());
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("posix_spawn failed");
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Sql::Sql(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path);
  sqlite3_busy_timeout(db_, 10000);
}

Sql::~Sql() { sqlite3_close(db_); }

std::string Sql::text(const std::string& query) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, query.c_str(), -1, &st, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(db_) + ": " + query);
  std::string out;
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(st, 0);
    if (t) out = reinterpret_cast<const char*>(t);
  } else if (rc != SQLITE_DONE) {
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    throw std::runtime_error("step: " + msg + ": " + query);
  }
  sqlite3_finalize(st);
  return out;
}

long long Sql::number(const std::string& query) { return std::stoll(text(query)); }

void Sql::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(msg + ": " + sql);
  }
}

}  // namespace robust
