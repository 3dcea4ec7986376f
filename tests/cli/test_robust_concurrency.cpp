// Several writers at once (issue 7): 8 processes each make 200 changes to
// the same cases; afterwards every change is there, once, and the audit log
// verifies. A database held locked past the busy timeout gives exit 75 with
// the advice to retry; one released in time is waited for.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace {

constexpr int kProcesses = 8;
const int kChanges = test::scaled(200);
constexpr int kSharedCases = 4;

struct WorkerResult {
  int ok = 0;
  int failed = 0;
  int retries = 0;  // exit 75 answers, each retried
};

// One worker: kChanges referrals (refer add) to the shared cases, each its
// own command and transaction; a busy answer (75) is retried as cron would.
WorkerResult work(const test::Fixture& f, int worker) {
  WorkerResult r;
  for (int i = 0; i < kChanges; ++i) {
    const std::string fnr = robust::synthetic_fnr(i % kSharedCases);
    const std::vector<std::string> args{"--db", f.db(), "--as", "saksbehandler" + std::to_string(worker), "--lang", "en",
                                        "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege",
                                        "--received", "2026-03-02", "--need", "Trenger koordinering",
                                        "--sender", "stress", "--external-id",
                                        "w" + std::to_string(worker) + "-" + std::to_string(i)};
    for (int attempt = 0;; ++attempt) {
      auto res = test::run(args, "", {{"HOME", f.dir.path()}});
      if (res.code == 0) {
        ++r.ok;
        break;
      }
      if (res.code == 75 && attempt < 50) {
        ++r.retries;
        continue;
      }
      ++r.failed;
      std::fprintf(stderr, "worker %d change %d: exit %d: %s\n", worker, i, res.code, res.err.c_str());
      break;
    }
  }
  return r;
}

}  // namespace

TEST_CASE("8 processes x 200 changes to shared cases at once lose nothing", "[robust][concurrency][long]") {
  test::Fixture f;
  for (int c = 0; c < kSharedCases; ++c) {
    auto r = f.oppteam({"refer", "add", "--fnr", robust::synthetic_fnr(c), "--reporter-type", "bruker", "--received",
                        "2026-03-01", "--need", "Første melding"});
    REQUIRE(r.code == 0);
  }

  const auto t0 = std::chrono::steady_clock::now();
  std::vector<pid_t> children;
  std::vector<std::string> result_files;
  for (int w = 0; w < kProcesses; ++w) {
    result_files.push_back(f.dir.file("worker" + std::to_string(w)));
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The child only runs commands and writes its tally: no Catch2 here.
      WorkerResult r;
      try {
        r = work(f, w);
      } catch (...) {
        r.failed = kChanges;
      }
      std::ofstream(result_files.back()) << r.ok << " " << r.failed << " " << r.retries << "\n";
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) CHECK(robust::wait_for(pid) == 0);
  const double seconds = robust::seconds_since(t0);

  WorkerResult total;
  for (const auto& file : result_files) {
    WorkerResult r;
    std::ifstream in(file);
    REQUIRE(in >> r.ok >> r.failed >> r.retries);
    total.ok += r.ok;
    total.failed += r.failed;
    total.retries += r.retries;
  }
  std::cout << "robust: " << kProcesses << " processes x " << kChanges << " changes: " << total.ok << " stored, "
            << total.failed << " failed, " << total.retries << " busy retries, " << seconds << " s\n";
  CHECK(total.failed == 0);
  CHECK(total.ok == kProcesses * kChanges);

  robust::Sql sql(f.db());
  CHECK(sql.text("PRAGMA integrity_check") == "ok");
  // Every change is there exactly once, in one of the shared cases.
  CHECK(sql.number("SELECT count(*) FROM referral WHERE sender = 'stress'") == kProcesses * kChanges);
  CHECK(sql.number("SELECT count(DISTINCT external_id) FROM referral WHERE sender = 'stress'") ==
        kProcesses * kChanges);
  CHECK(sql.number("SELECT count(*) FROM case_file") == kSharedCases);
  CHECK(sql.number("SELECT count(*) FROM person") == kSharedCases);
  for (int w = 0; w < kProcesses; ++w)
    CHECK(sql.number("SELECT count(*) FROM referral WHERE sender = 'stress' AND external_id LIKE 'w" +
                     std::to_string(w) + "-%'") == kChanges);
  // Each change wrote its audit entry in its own transaction.
  CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'refer.add'") == kProcesses * kChanges + kSharedCases);

  auto v = f.oppteam({"--json", "audit", "verify"});
  CHECK(v.code == 0);
  CHECK(v.json()["ok"] == true);
}

TEST_CASE("a database locked past the busy timeout gives exit 75 and the advice to retry", "[robust][concurrency][long]") {
  test::Fixture f;
  robust::Sql holder(f.db());
  holder.exec("BEGIN IMMEDIATE");  // another writer holds the lock

  const std::vector<std::string> add{"--db", f.db(), "--as", "saksbehandler1", "--lang", "en", "refer", "add",
                                     "--fnr", robust::synthetic_fnr(1), "--reporter-type", "fastlege",
                                     "--received", "2026-03-02", "--need", "Behov"};
  const auto t0 = std::chrono::steady_clock::now();
  auto r = test::run(add, "", {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "400"}});
  const double waited = robust::seconds_since(t0);
  CHECK(r.code == 75);
  CHECK(r.err.find("retry") != std::string::npos);
  CHECK(waited >= 0.35);  // it waited for the timeout before giving up

  SECTION("with --json the error is one JSON document") {
    std::vector<std::string> json_args = add;
    json_args.insert(json_args.begin() + 6, "--json");
    auto j = test::run(json_args, "", {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "100"}});
    CHECK(j.code == 75);
    CHECK(j.json()["error"]["code"] == 75);
    CHECK(test::error_key(j) == "db.busy");
  }
  SECTION("nothing of the refused command was written") {
    holder.exec("COMMIT");
    CHECK(holder.number("SELECT count(*) FROM referral") == 0);
    CHECK(test::run(add, "", {{"HOME", f.dir.path()}}).code == 0);
    CHECK(holder.number("SELECT count(*) FROM referral") == 1);
  }
}

TEST_CASE("a lock released within the busy timeout is waited for", "[robust][concurrency]") {
  test::Fixture f;
  robust::Sql holder(f.db());
  holder.exec("BEGIN IMMEDIATE");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    holder.exec("COMMIT");
  });
  const auto t0 = std::chrono::steady_clock::now();
  auto r = test::run({"--db", f.db(), "--as", "saksbehandler1", "refer", "add", "--fnr", robust::synthetic_fnr(2),
                      "--reporter-type", "fastlege", "--received", "2026-03-02", "--need", "Behov"},
                     "", {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "10000"}});
  const double waited = robust::seconds_since(t0);
  release.join();
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(waited >= 0.6);
}

TEST_CASE("a bad OPPTEAM_BUSY_TIMEOUT_MS is a usage error", "[robust][concurrency]") {
  test::Fixture f;
  auto r = test::run({"--db", f.db(), "--as", "x", "audit", "verify"}, "",
                     {{"HOME", f.dir.path()}, {"OPPTEAM_BUSY_TIMEOUT_MS", "soon"}});
  CHECK(r.code == 64);
}
