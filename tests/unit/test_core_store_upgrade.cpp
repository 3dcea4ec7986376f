// Schema 5 rebuilds person and case_file: a database of schema 4 with data
// in them, and in the tables that refer to them, upgrades with every row and
// reference kept. And the row source the import reads its batches through.

#include "unit/temp_db.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/store/row_source.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <sys/stat.h>

using namespace oppteam;

TEST_CASE("a database of schema 4 with cases upgrades to 5 with every row and reference kept", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("v4.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA journal_mode = WAL");
    for (const auto& m : migrations())
      if (m.version <= 4) raw.exec(m.sql);
    raw.exec("PRAGMA user_version = 4");
    raw.exec("PRAGMA foreign_keys = ON");
    raw.exec(
        "INSERT INTO person(id, fnr, kind, birth_date, name, created_at) VALUES "
        "(7, '23923901213', 'fodselsnummer', '1939-12-23', 'Per Hansen', 'x'), (9, '41883900199', 'd_nummer', '1939-08-01', NULL, 'x');"
        "INSERT INTO case_file(id, number, year, seq, person_id, status, opened_on) VALUES "
        "(3, '2025/12', 2025, 12, 7, 'closed', '2025-01-02'), (4, '2026/1', 2026, 1, 7, 'active', '2026-03-02'), "
        "(5, '2026/2', 2026, 2, 9, 'received', '2026-03-03');"
        "INSERT INTO referral(case_id, sender, external_id, reporter_type, received_on, need, content_hash, created_at, created_by) "
        "VALUES (4, 'default', 'E1', 'fastlege', '2026-03-02', 'Behov', "
        // its content hash as schema 4 stored it: all 64 hex digits of the SHA-256
        "'52140b5aa9170bd1b922f87d63807f1d247ad4ebd5058823e1720893cfa64cb4', 'x', 'kari');"
        "INSERT INTO consent(case_id, scope, form, given_by, given_on, recorded_by, recorded_at) "
        "VALUES (4, 'team', 'skriftlig', 'person', '2026-03-02', 'kari', 'x');"
        "INSERT INTO team(case_id, created_on, created_by) VALUES (4, '2026-03-04', 'kari');"
        "INSERT INTO plan(case_id, created_on) VALUES (4, '2026-03-05');");
  }
  ::chmod(path.c_str(), 0600);
  Database db = Database::open(path);
  CHECK(db.schema_version() == latest_schema_version());
  auto count = [&](const char* sql) { return db.sql().execAndGet(sql).getInt64(); };
  CHECK(count("SELECT count(*) FROM person") == 2);
  CHECK(count("SELECT count(*) FROM case_file") == 3);
  CHECK(count("SELECT count(*) FROM referral r JOIN case_file c ON c.id = r.case_id AND c.number = '2026/1'") == 1);
  CHECK(count("SELECT count(*) FROM consent k JOIN case_file c ON c.id = k.case_id AND c.number = '2026/1'") == 1);
  CHECK(count("SELECT count(*) FROM team t JOIN case_file c ON c.id = t.case_id AND c.number = '2026/1'") == 1);
  CHECK(count("SELECT count(*) FROM plan p JOIN case_file c ON c.id = p.case_id AND c.number = '2026/1'") == 1);
  CHECK(count("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.fnr = '23923901213'") == 2);
  SQLite::Statement broken(db.sql(), "PRAGMA foreign_key_check");
  CHECK_FALSE(broken.executeStep());
  CHECK(count("PRAGMA foreign_keys") == 1);
  CHECK(count("SELECT count(*) FROM import_batch") == 0);
  // Schema 13: the names stored before are in the name index, a person without one is not.
  CHECK(count("SELECT rowid FROM person_name_search WHERE person_name_search MATCH 'han AND sen'") == 7);
  CHECK(count("SELECT count(*) FROM person_name_search WHERE person_name_search MATCH 'per'") == 1);

  // Case numbers are found through (year, seq); the rules still hold.
  const CaseRef c = find_case(db, "2026/2");
  CHECK(c.id == 5);
  CHECK(c.fnr == "41883900199");
  CHECK_THROWS(db.sql().exec("UPDATE case_file SET status = 'lost' WHERE id = 5"));
  CHECK_THROWS(db.sql().exec("INSERT INTO case_file(number, year, seq, person_id, opened_on) VALUES ('2026/1', 2026, 1, 7, 'x')"));
  CHECK_THROWS(db.sql().exec("UPDATE person SET kind = 'passport' WHERE id = 7"));
  // A referral stored before is still recognised when it is sent again.
  {
    const Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "examples/rammeverk.toml");
    const Clock clock(*try_parse_date("2026-03-10"));
    const Context ctx{db, rv, clock, "tester", Lang::en};
    const std::string header = "external_id,fnr,name,reporter_type,reporter_name,received,need\n";
    std::istringstream same(header + "E1,23923901213,Per Hansen,fastlege,,2026-03-02,Behov\n");
    const ImportSummary again = import_referrals(ctx, same, "again.csv", ImportOptions{});
    CHECK(again.duplicates == 1);
    CHECK(again.stored == 0);
    std::istringstream changed(header + "E1,23923901213,Per Hansen,fastlege,,2026-03-02,Annet behov\n");
    ImportOptions partial;
    partial.partial = true;
    CHECK(import_referrals(ctx, changed, "changed.csv", partial).conflicts == 1);
  }
  // And the cascade from a case still reaches its rows.
  db.sql().exec("DELETE FROM case_file WHERE id = 4");
  CHECK(count("SELECT count(*) FROM referral") == 0);
  CHECK(count("SELECT count(*) FROM consent") == 0);
}

TEST_CASE("a reference broken before the upgrade does not stop it, and stays as it was", "[core][store]") {
  unit::TempFolder tmp;
  const std::string path = tmp.file("v4.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& m : migrations())
      if (m.version <= 4) raw.exec(m.sql);
    raw.exec("PRAGMA user_version = 4");
    // A consent of a case that is gone (foreign keys were off when it went).
    raw.exec("INSERT INTO consent(case_id, scope, form, given_by, given_on, recorded_by, recorded_at) "
             "VALUES (99, 'team', 'muntlig', 'person', '2026-03-02', 'kari', 'x')");
  }
  ::chmod(path.c_str(), 0600);
  Database db = Database::open(path);
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(db.sql().execAndGet("SELECT count(*) FROM consent WHERE case_id = 99").getInt() == 1);
}

namespace {

class Rows final : public RowSource {
 public:
  std::vector<std::pair<std::string, std::int64_t>> data;
  std::size_t rows() const override { return data.size(); }
  Cell cell(std::size_t row, std::size_t column) const override {
    const auto& [label, n] = data[row];
    if (column == 0) return label.empty() ? Cell(nullptr) : Cell(std::string_view(label));
    return n;
  }
};

}  // namespace

TEST_CASE("a row source is read by SQL as a table, in place, and may be registered again", "[core][store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t(label TEXT, n INTEGER)");
  Rows rows;
  rows.data = {{"en", 1}, {"", 2}, {"tre æøå", 3}};
  for (int round = 0; round < 2; ++round) {  // the import registers it once per batch writer
    register_row_source(db, "test_rows", {"label", "n"});
    RowStatement insert(db, "INSERT INTO t SELECT label, n * 10 FROM test_rows(?1)");
    insert.bind_rows(1, rows);
    CHECK_FALSE(insert.step());
    CHECK(insert.changes() == 3);
  }
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 6);
  CHECK(db.execAndGet("SELECT count(*) FROM t WHERE label IS NULL").getInt() == 2);
  CHECK(db.execAndGet("SELECT group_concat(n) FROM (SELECT n FROM t ORDER BY rowid LIMIT 3)").getString() == "10,20,30");
  CHECK(db.execAndGet("SELECT label FROM t WHERE n = 30 LIMIT 1").getString() == "tre æøå");

  // Read back through a join, with the row's position as its rowid.
  RowStatement join(db, "SELECT s.rowid, t.n FROM test_rows(?1) s JOIN t ON t.label = s.label ORDER BY s.rowid LIMIT 1");
  join.bind_rows(1, rows);
  REQUIRE(join.step());
  CHECK(join.column_int64(0) == 0);
  CHECK(join.column_int64(1) == 10);
  // Without its argument the function is refused, not read from a stale source.
  CHECK_THROWS(db.exec("SELECT * FROM test_rows"));
  rows.data.clear();
  RowStatement empty(db, "SELECT count(*) FROM test_rows(?1)");
  empty.bind_rows(1, rows);
  REQUIRE(empty.step());
  CHECK(empty.column_int64(0) == 0);
}
