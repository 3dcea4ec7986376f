// Crash safety (issue 7): oppteam is killed with SIGKILL at random moments
// during batch imports and team changes, 40 times. After each kill the
// database passes PRAGMA integrity_check and `audit verify`, and each
// command's changes are there whole or not at all.
//
// The random moments come from a fixed seed (OPPTEAM_CRASH_SEED overrides
// it) so a failure can be repeated.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace {

const int kKills = test::scaled(40);
// Enough that storing, not start-up, fills most of an import's time (a
// Debug build stores 1,000 rows in about 0.02 s, and starts in 0.02 s);
// the database grows by it after each of the kills, and is verified whole
// after each, so a larger batch makes the test quadratic in it.
constexpr int kRowsPerImport = 1000;

// A rammeverk that lets a team be made right after the referral, so the
// test reaches team changes without the whole assessment path.
const std::string kRammeverk = test::municipality_toml("Krasj kommune") + "\n" + test::kQuickRulesToml;

// A batch of kRowsPerImport referrals of new people with external ids "b<batch>-<row>".
std::string batch_csv(int batch) {
  std::ostringstream out;
  out << "external_id,fnr,name,reporter_type,reporter_name,received,need\n";
  for (int row = 0; row < kRowsPerImport; ++row)
    out << "b" << batch << "-" << row << "," << robust::synthetic_fnr(1000 + batch * kRowsPerImport + row)
        << ",Person " << row << ",fastlege,Dr. Berg,2026-03-02,\"Trenger koordinering, rad " << row << "\"\n";
  return out.str();
}

std::vector<std::string> import_args(const test::Fixture& f, const std::string& file) {
  return {"--db", f.db(), "--as", "it1", "refer", "import", file, "--sender", "crash"};
}

std::vector<std::string> team_add_args(const test::Fixture& f, int k) {
  return {"--db", f.db(), "--as", "saksbehandler1", "team", "add", "2026/1",
          "--member", "Alfa " + std::to_string(k) + ":sykepleier:helse",
          "--member", "Beta " + std::to_string(k) + ":nav_veileder:nav"};
}

// How long a command takes when left alone (seconds).
double timed(const std::vector<std::string>& args, const std::string& home) {
  const auto t0 = std::chrono::steady_clock::now();
  const int code = robust::wait_for(robust::spawn(args, home));
  REQUIRE(code == 0);
  return robust::seconds_since(t0);
}

// The database's promises after any kill.
void check_database(const test::Fixture& f) {
  {
    robust::Sql sql(f.db());
    CHECK(sql.text("PRAGMA integrity_check") == "ok");
    CHECK(sql.number("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    // No case without a referral, no person without a case.
    CHECK(sql.number("SELECT count(*) FROM case_file c WHERE NOT EXISTS "
                     "(SELECT 1 FROM referral r WHERE r.case_id = c.id)") == 0);
    CHECK(sql.number("SELECT count(*) FROM person p WHERE NOT EXISTS "
                     "(SELECT 1 FROM case_file c WHERE c.person_id = p.id)") == 0);
  }
  auto v = test::run({"--db", f.db(), "--as", "revisor", "--json", "audit", "verify"}, "", {{"HOME", f.dir.path()}});
  INFO(v.out << v.err);
  CHECK(v.code == 0);
  CHECK(v.json()["ok"] == true);
}

}  // namespace

TEST_CASE("kill -9 during imports and team changes leaves whole commands or none", "[robust][crash][long]") {
  test::Fixture f(kRammeverk);
  const std::string home = f.dir.path();
  REQUIRE(f.oppteam({"refer", "add", "--fnr", robust::synthetic_fnr(0), "--reporter-type", "bruker", "--received",
                     "2026-03-01", "--need", "Behov"})
              .code == 0);
  {
    auto d = f.oppteam({"decide", "2026/1", "--grant", "--date", "2026-03-03"});
    INFO(d.err);
    REQUIRE(d.code == 0);
    auto t = f.oppteam({"team", "create", "2026/1", "--coordinator", "Ane Lie", "--gp", "Dr. Berg"});
    INFO(t.err);
    REQUIRE(t.code == 0);
  }

  // How long each kind of command runs undisturbed: kills land within that.
  const std::string warmup = f.dir.write("warmup.csv", batch_csv(kKills + 10));
  // A run that is slower than the others (a busy machine) would send kills
  // after most commands have finished; the quicker of two keeps them inside.
  const double import_seconds =
      std::min(timed(import_args(f, warmup), home),
               timed(import_args(f, f.dir.write("warmup2.csv", batch_csv(kKills + 11))), home));
  const double team_seconds = timed(team_add_args(f, kKills + 10), home);

  unsigned seed = 20261123;
  if (const char* s = std::getenv("OPPTEAM_CRASH_SEED")) seed = unsigned(std::strtoul(s, nullptr, 10));
  std::mt19937 rng(seed);
  int killed_mid_run = 0, finished_first = 0, imports = 0, team_changes = 0;

  for (int k = 0; k < kKills; ++k) {
    const bool team_change = k % 3 == 2;
    std::vector<std::string> args;
    double span = 0;
    if (team_change) {
      args = team_add_args(f, k);
      span = team_seconds;
      ++team_changes;
    } else {
      args = import_args(f, f.dir.write("batch" + std::to_string(k) + ".csv", batch_csv(k)));
      span = import_seconds;
      ++imports;
    }
    // Up to a fifth longer than the command takes alone: kills land in its
    // start, its storing and its commit, and some after it has finished (a
    // round killed after the command finished checks only what a plain run
    // does, so few are spent on it: 40 kills land as many mid-run as 50 did
    // with half as long again, on a database that grows less).
    std::uniform_real_distribution<double> when(0.0, 1.2 * span);
    const double delay = when(rng);
    const pid_t pid = robust::spawn(args, home);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    ::kill(pid, SIGKILL);
    const int code = robust::wait_for(pid);
    if (code == 128 + SIGKILL) ++killed_mid_run;
    else ++finished_first;
    INFO("kill " << k << " (seed " << seed << ") after " << delay << " s; exit " << code);
    CHECK((code == 0 || code == 128 + SIGKILL));

    check_database(f);
    robust::Sql sql(f.db());
    if (team_change) {
      const auto members = sql.number("SELECT count(*) FROM team_member WHERE name IN ('Alfa " + std::to_string(k) +
                                       "', 'Beta " + std::to_string(k) + "')");
      CHECK((members == 0 || members == 2));
      if (code == 0) CHECK(members == 2);
    } else {
      const std::string like = "'b" + std::to_string(k) + "-%'";
      const auto rows = sql.number("SELECT count(*) FROM referral WHERE sender = 'crash' AND external_id LIKE " + like);
      CHECK((rows == 0 || rows == kRowsPerImport));
      if (code == 0) CHECK(rows == kRowsPerImport);
      // Its audit entry went with it: the import's one entry, linked to
      // exactly the referrals it stored, or nothing.
      const auto entries = sql.number(
          "SELECT count(*) FROM import_batch b JOIN audit a ON a.id = b.audit_id AND a.action = 'refer.import' "
          "WHERE b.first_referral = (SELECT min(id) FROM referral WHERE sender = 'crash' AND external_id LIKE " + like +
          ") AND b.last_referral = (SELECT max(id) FROM referral WHERE sender = 'crash' AND external_id LIKE " + like + ")");
      CHECK(entries == (rows ? 1 : 0));
    }
  }
  // After all of it the database still takes work.
  auto last = test::run(import_args(f, f.dir.write("last.csv", batch_csv(kKills))), "", {{"HOME", home}});
  INFO(last.err);
  CHECK(last.code == 0);
  check_database(f);

  std::cout << "robust: " << kKills << " kills (seed " << seed << "): " << killed_mid_run << " mid-run, "
            << finished_first << " after the command had finished; " << imports << " imports of " << kRowsPerImport
            << " rows (" << import_seconds << " s each), " << team_changes << " team changes (" << team_seconds
            << " s each); every check held\n";
  // Kills land at random times, and on a loaded machine many land after a
  // command has finished: a fifth mid-run is enough to show the test is not
  // vacuous (it ran 33 to 39 of 40 here on four seeds, at load 5 on 2 cores;
  // 50 kills up to 1.5 times the span ran 36 to 47 on the same seeds).
  CHECK(killed_mid_run >= kKills / 5);
}
