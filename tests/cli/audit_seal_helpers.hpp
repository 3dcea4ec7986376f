#pragma once
// Helpers of the seal tests ([audit][seal]): `audit verify` as a document,
// a row no command wrote, a change made behind oppteam's back on a copy of
// the database, and commands run with a check that each one seals what it
// wrote.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace seal_test {

// An assessment no command wrote: a copy of the first with the score raised.
inline constexpr const char* kForgedAssessment =
    "INSERT INTO assessment(case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, "
    "score, threshold, recommendation, answers, domains, created_by, created_at) "
    "SELECT case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, 12, threshold, "
    "'team', answers, domains, created_by, created_at FROM assessment LIMIT 1";

// `audit verify --json` as saksbehandler1 on `db` with HOME at `home`: (exit code, document).
inline std::pair<int, nlohmann::json> verify_db(const std::string& db, const std::string& home) {
  auto r = test::run({"--db", db, "--as", "saksbehandler1", "--json", "audit", "verify"}, "", {{"HOME", home}});
  INFO(r.out << r.err);
  return {r.code, r.out.empty() ? nlohmann::json::object() : r.json()};
}

// A copy of the database file `db` (no write is open on it), for one change made behind oppteam's back.
inline std::string copy_of(const std::string& db, const std::string& to) {
  namespace fs = std::filesystem;
  fs::copy_file(db, to, fs::copy_options::overwrite_existing);
  if (fs::exists(db + "-wal")) fs::copy_file(db + "-wal", to + "-wal", fs::copy_options::overwrite_existing);
  ::chmod(to.c_str(), 0600);
  return to;
}

// One change behind oppteam's back: the table changed, the SQL, the problem
// `audit verify` must report, and a query giving the id it must name (asked
// before the change; "" when any row of the table will do).
struct Tamper {
  std::string table;
  std::string sql;
  std::string problem;
  std::string id_sql;
};

// Makes the change on `db`, then `audit verify` must fail with its problem,
// naming a row of its table (and the id its query gave).
inline void tampered_fails(const std::string& db, const std::string& home, const Tamper& t) {
  long long id = 0;
  {
    robust::Sql raw(db);
    if (!t.id_sql.empty()) id = raw.number(t.id_sql);
    raw.exec(t.sql);
  }
  auto [code, doc] = verify_db(db, home);
  INFO(t.sql << "\n" << doc.dump());
  CHECK(code == 65);
  CHECK(doc["ok"] == false);
  CHECK(doc["problem"] == t.problem);
  CHECK(doc["row"]["table"] == t.table);
  if (!t.id_sql.empty()) CHECK(doc["row"]["id"] == id);
}

// Each change on its own copy of `db` (files named after `prefix` in `dir`): every one is found.
inline void each_is_found(const std::string& db, const test::TempDir& dir, const std::string& prefix,
                          const std::vector<Tamper>& changes) {
  int n = 0;
  for (const auto& t : changes)
    tampered_fails(copy_of(db, dir.file(prefix + std::to_string(++n) + "_" + t.table + ".db")), dir.path(), t);
}

// `oppteam --db DB --as saksbehandler1 --today 2026-06-01 ARGS` with HOME at `home`; it must succeed.
inline test::Result run_ok(const std::string& db, const std::string& home, const std::vector<std::string>& args) {
  std::vector<std::string> all{"--db", db, "--as", "saksbehandler1", "--today", "2026-06-01"};
  all.insert(all.end(), args.begin(), args.end());
  auto r = test::run(all, "", {{"HOME", home}});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  return r;
}

// Opening `db`, a database of an older schema, upgrades it; its log verifies at once.
inline void verifies_at_once(const std::string& db, const std::string& home) {
  auto [code, doc] = verify_db(db, home);
  INFO(doc.dump());
  REQUIRE(code == 0);
  CHECK(doc["ok"] == true);
}

// The first command that writes to the log of the upgraded `db` (case show
// 2026/1) records the baseline: one audit.baseline entry, sealing each of
// `tables` at once, and no seal is left without an entry; the log verifies.
inline void first_write_records_baseline(const std::string& db, const std::string& home, const std::vector<std::string>& tables) {
  run_ok(db, home, {"case", "show", "2026/1"});
  {
    robust::Sql sql(db);
    CHECK(sql.number("SELECT count(*) FROM audit WHERE action = 'audit.baseline'") == 1);
    CHECK(sql.number("SELECT count(*) FROM audit_seal WHERE audit_id IS NULL") == 0);
    for (const auto& t : tables) {
      INFO(t);
      CHECK(sql.number("SELECT count(*) FROM audit_seal s JOIN audit a ON a.id = s.audit_id "
                       "WHERE a.action = 'audit.baseline' AND s.tbl = '" + t + "'") == 1);
    }
  }
  REQUIRE(verify_db(db, home).first == 0);
}

// Runs commands on a fixture, checking after each that the log verifies
// and that the command's entries sealed rows of the tables it wrote.
struct Sealed {
  test::Fixture& f;
  test::Result run(const std::vector<std::string>& args, std::vector<std::string> tables = {}) {
    const long long before = robust::Sql(f.db()).number("SELECT coalesce(max(id), 0) FROM audit");
    auto r = f.oppteam(args);
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    auto [code, doc] = verify_db(f.db(), f.dir.path());
    INFO(doc.dump());
    CHECK(code == 0);
    robust::Sql sql(f.db());
    for (const auto& t : tables) {
      INFO(t);
      CHECK(sql.number("SELECT count(*) FROM audit_seal WHERE tbl = '" + t + "' AND audit_id > " + std::to_string(before)) > 0);
    }
    return r;
  }
  // refer add, consents and an assessment on `year`-03-04 (`more`: further
  // options of assess; its what-matters answers are sealed too); returns the case number.
  std::string assessed(const std::string& fnr, const std::string& year, bool team_consent = true,
                       const std::vector<std::string>& more = {}) {
    auto r = run({"--today", year + "-03-02", "--json", "refer", "add", "--fnr", fnr, "--name", "Per Hansen", "--reporter-type",
                  "fastlege", "--received", year + "-03-02", "--need", "Trenger koordinering"});
    const std::string c = r.json()["case"].get<std::string>();
    for (const char* scope : {"utredning", "team"})
      if (team_consent || std::string(scope) == "utredning")
        run({"--today", year + "-03-03", "consent", "give", c, "--scope", scope, "--form", "muntlig", "--given-by", "person"});
    std::vector<std::string> sealed{"assessment"};
    if (std::find(more.begin(), more.end(), "--what-matters") != more.end()) sealed.push_back("what_matters");
    run(team_test::cat({"--today", year + "-03-04", "assess", c, "--instrument", "kjennetegn"},
                       team_test::cat(team_test::kjennetegn_answers(),
                                      team_test::cat({"--assessor", "Ane Lie", "--profession", "sykepleier"}, more))),
        sealed);
    return c;
  }
};

}  // namespace seal_test
