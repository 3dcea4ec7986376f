// A database killed (SIGKILL) in the middle of a large import holds either
// nothing of it or all of it, and its audit log verifies.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace intake_test;

namespace {

// Writes `n` good referrals (distinct synthetic people) to `path`.
void write_batch(const std::string& path, int n) {
  std::ofstream out(path, std::ios::binary);
  out << "external_id,fnr,name,reporter_type,reporter_name,received,need\n";
  int written = 0;
  for (int year = 1940; written < n; ++year)
    for (int month = 1; month <= 12 && written < n; ++month)
      for (int day = 1; day <= 28 && written < n; ++day)
        for (int k = 0; k < 8 && written < n; ++k, ++written)
          out << "K" << written << "," << synthetic_fnr(day, month, year, k) << ",Person " << written
              << ",fastlege,Dr. Berg,2026-01-15,Trenger koordinering av tjenester\n";
}

pid_t start(const std::vector<std::string>& args, const std::string& home) {
  std::vector<std::string> argv_s{test::binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("HOME", home.c_str(), 1);
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Cases 2026/2 .. 2026/(rows + 1) are the import's (2026/1 was there before).
bool has_case(test::Fixture& f, int seq) {
  auto r = f.oppteam({"--today", kToday, "case", "show", "2026/" + std::to_string(seq)});
  REQUIRE((r.code == 0 || r.code == 1));
  return r.code == 0;
}

}  // namespace

TEST_CASE("kill -9 in the middle of a large import leaves none or all of it, and audit verify passes", "[intake][slow][long]") {
  test::Fixture f;
  // Large enough that both kills land while it stores (a Debug build stores
  // about 50,000 rows a second), small enough to run again to completion.
  const int rows = 60000;
  const std::string file = f.dir.file("big.csv");
  write_batch(file, rows);
  REQUIRE(f.oppteam({"--today", kToday, "refer", "add", "--fnr", "23923901213", "--reporter-type", "bruker", "--need", "Før importen"}).code == 0);

  // Kill at several points: early, and later (the commit itself may or may not have happened).
  for (int delay_ms : {150, 600}) {
    pid_t pid = start({"--db", f.db(), "--as", "it", "--today", kToday, "refer", "import", file}, f.dir.path());
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    INFO("delay " << delay_ms << " ms, killed: " << killed);
    const bool first = has_case(f, 2), last = has_case(f, rows + 1);
    CHECK(has_case(f, 1));
    CHECK(first == last);
    CHECK_FALSE(has_case(f, rows + 2));
    auto verify = f.oppteam({"--json", "audit", "verify"});
    INFO(verify.out);
    CHECK(verify.code == 0);
    if (last) break;  // it finished: nothing more to kill
  }
  // And the import can be run again afterwards, to completion.
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  REQUIRE(r.code == 0);
  CHECK(r.json()["stored"].get<std::uint64_t>() + r.json()["duplicates"].get<std::uint64_t>() == std::uint64_t(rows));
  CHECK(has_case(f, rows + 1));
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}
