#include "unit/errors.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/store/name_search.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <sys/stat.h>

using namespace oppteam;

namespace {

using unit::code_of;

const Clock kClock{*try_parse_date("2026-03-02")};

}  // namespace

TEST_CASE("a new database is 0600 in a 0700 folder, WAL, at the latest schema", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("sub/dir/k.db");
  Database db = init_database(path, default_rammeverk(), kClock, "tester");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(tmp.file("sub/dir").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(stored_rammeverk(db).deadlines.appeal == 28);
}

TEST_CASE("init refuses to overwrite, open refuses a missing or world-readable file", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("k.db");
  init_database(path, default_rammeverk(), kClock, "tester");
  CHECK(code_of([&] { init_database(path, default_rammeverk(), kClock, "tester"); }) == ExitCode::refused);
  CHECK(code_of([&] { Database::open(tmp.file("none.db")); }) == ExitCode::no_input);
  ::chmod(path.c_str(), 0644);
  CHECK(code_of([&] { Database::open(path); }) == ExitCode::permission);
  ::chmod(path.c_str(), 0660);  // group access is a supported deployment (docs/deployment.md)
  CHECK(code_of([&] { Database::open(path); }) == ExitCode::ok);
}

TEST_CASE("a database at schema version 1 upgrades without losing data", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("old.db");
  {
    // What an oppteam of schema version 1 made.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(migrations().front().sql);
    raw.exec("PRAGMA user_version = 1");
    raw.exec("INSERT INTO person(fnr, kind, birth_date, name, created_at) VALUES ('23923901213', 'fodselsnummer', '1939-12-23', 'Per Hansen', 'x')");
    raw.exec("INSERT INTO case_file(number, year, seq, person_id, opened_on) VALUES ('2026/1', 2026, 1, 1, '2026-03-02')");
  }
  ::chmod(path.c_str(), 0600);
  Database db = Database::open(path);
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(db.sql().execAndGet("SELECT name FROM person WHERE fnr = '23923901213'").getString() == "Per Hansen");
  CHECK(db.sql().execAndGet("SELECT count(*) FROM case_file").getInt() == 1);
  // The tables of later versions exist and work.
  db.sql().exec("INSERT INTO plan(case_id, created_on) VALUES (1, '2026-04-01')");
  CHECK(db.sql().execAndGet("SELECT count(*) FROM plan").getInt() == 1);
}

TEST_CASE("a database from a newer oppteam is refused, untouched", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("k.db");
  { init_database(path, default_rammeverk(), kClock, "tester"); }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 999");
  }
  CHECK(code_of([&] { Database::open(path); }) == ExitCode::refused);
}

TEST_CASE("a write that fails leaves nothing behind", "[core][store]") {
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  const int before = db.sql().execAndGet("SELECT count(*) FROM audit").getInt();
  CHECK_THROWS(db.write([&] {
    AuditWriter w(db, kClock, "tester", "");
    w.append("test", "x");
    w.flush();
    throw make_error(ExitCode::refused, "test.fail");
  }));
  CHECK(db.sql().execAndGet("SELECT count(*) FROM audit").getInt() == before);
  CHECK(audit_verify(db).ok);
}

TEST_CASE("a locked database is exit 75 after the busy timeout", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("k.db");
  Database db = init_database(path, default_rammeverk(), kClock, "tester");
  Database other = Database::open(path, 50);
  db.sql().exec("BEGIN IMMEDIATE");
  CHECK(code_of([&] { other.write([&] { audit_append(other, kClock, "b", "x", "y"); }); }) == ExitCode::temp_fail);
  db.sql().exec("ROLLBACK");
}

TEST_CASE("audit verify finds an edited, removed, inserted or truncated entry", "[core][audit]") {
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  for (int i = 0; i < 5; ++i) audit_append(db, kClock, "kari", "case.show", "2026/" + std::to_string(i + 1), "23923901213");
  auto r = audit_verify(db);
  REQUIRE(r.ok);
  const auto n = r.entries;
  CHECK(n == 7);  // init, config.store and five reads

  SECTION("edited") {
    db.sql().exec("UPDATE audit SET actor = 'mallory' WHERE id = 4");
    r = audit_verify(db);
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_entry == 4);
    CHECK(r.problem == "audit.edited");
  }
  SECTION("removed") {
    db.sql().exec("DELETE FROM audit WHERE id = 3");
    r = audit_verify(db);
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_entry == 3);
    CHECK(r.problem == "audit.removed");
  }
  SECTION("truncated at the end") {
    db.sql().exec("DELETE FROM audit WHERE id = 7");
    r = audit_verify(db);
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_entry == 7);
  }
  SECTION("inserted at the end, bypassing the log") {
    db.sql().exec("INSERT INTO audit(id, at, actor, action, prev_hash, hash) SELECT 8, at, actor, action, hash, hash FROM audit WHERE id = 7");
    r = audit_verify(db);
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_entry == 8);
  }
  SECTION("listing by person") {
    AuditFilter f;
    f.person = "23923901213";
    CHECK(audit_list(db, f).size() == 5);
  }
}

TEST_CASE("migration versions are consecutive from 1", "[core][store]") {
  int expected = 1;
  for (const auto& m : migrations()) CHECK(m.version == expected++);
  CHECK(latest_schema_version() == int(migrations().size()));
}

TEST_CASE("a closing connection leaves a small -wal for the next command and folds a large one into the database",
          "[core][store][wal]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("k.db");
  const std::string wal = path + "-wal";
  init_database(path, default_rammeverk(), kClock, "tester");
  {
    Database db = Database::open(path);
    db.write([&] { db.set_meta("small", "a few pages"); });
  }
  // No checkpoint at close: no fdatasync, and the next command does not make
  // the -wal anew. Its changes are still there for every later connection.
  REQUIRE(std::filesystem::exists(wal));
  CHECK(std::filesystem::file_size(wal) <= std::uintmax_t(Database::kKeepWalBytes));
  {
    Database db = Database::open(path);
    CHECK(db.meta("small") == "a few pages");
    // More than kKeepWalBytes in the -wal: this close copies it into the
    // database and removes it, so it never grows past one command's writes.
    db.write([&] { db.set_meta("large", std::string(std::size_t(Database::kKeepWalBytes) * 2, 'x')); });
  }
  CHECK(!std::filesystem::exists(wal));
  CHECK(!std::filesystem::exists(path + "-shm"));
  Database db = Database::open(path);
  CHECK(db.meta("small") == "a few pages");
  CHECK(db.meta("large")->size() == std::size_t(Database::kKeepWalBytes) * 2);
}

TEST_CASE("indexing a large batch of names leaves the name index in one segment", "[core][store][name_search]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("k.db");
  Database db = init_database(path, default_rammeverk(), kClock, "tester");
  // As after a batch import: persons with names the index has not seen yet,
  // enough that one INSERT into the index writes several segments.
  const int persons = 15 * int(kOptimizeAfter);
  db.write([&] {
    db.sql().exec(fmt::format(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) "
        "INSERT INTO person(fnr, kind, birth_date, name, created_at) "
        "SELECT printf('%011d', i), 'fodselsnummer', '1980-01-01', "
        "printf('Navn%d Etternavn%d-%d', i % 997, i % 1009, i), '2026-03-02' FROM n",
        persons));
  });
  std::int64_t added = 0;
  db.write([&] { added = bring_name_index_up_to_date(db); });
  CHECK(added == persons);
  CHECK(db.sql().execAndGet("SELECT count(DISTINCT segid) FROM person_name_search_idx").getInt() == 1);
  // And the search still finds a name in it.
  SQLite::Statement q(db.sql(), "SELECT count(*) FROM person_name_search WHERE person_name_search MATCH ? AND rowid = 1");
  q.bind(1, name_index_query("Navn1 Etternavn1-1"));
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 1);
}
