#pragma once
// A fresh database with the example rammeverk and one case, for the unit
// tests of assessment and team. Fixture rows (person, case, consent,
// decision) are inserted with SQL so these tests do not depend on intake.

#include "unit/audit_fixture.hpp"
#include "unit/errors.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <functional>
#include <memory>
#include <string>

namespace unit {



struct CaseFixture {
  explicit CaseFixture(std::string rammeverk_toml = std::string(oppteam::embedded::example_rammeverk))
      : rv(oppteam::load_rammeverk(rammeverk_toml, "test.toml")),
        clock(*oppteam::try_parse_date("2026-03-10")),
        db(oppteam::init_database(tmp.file("k.db"), rv, clock, "tester")),
        ctx{db, rv, clock, "tester", oppteam::Lang::en} {
    sql([&] {
      db.sql().exec(
          "INSERT INTO person (fnr, kind, birth_date, name, created_at) VALUES "
          "('23923901213', 'fodselsnummer', '1939-12-23', 'Per Hansen', '2026-03-02T10:00:00Z')");
      db.sql().exec(
          "INSERT INTO case_file (number, year, seq, person_id, status, opened_on) VALUES ('2026/1', 2026, 1, 1, "
          "'received', '2026-03-02')");
      case_id = db.sql().getLastInsertRowid();
    });
  }

  // Fixture SQL, sealed in the audit log as a command's changes would be.
  template <typename Write>
  void sql(Write write) {
    as_command(db, rv, clock, write);
  }

  void consent(const std::string& scope, const std::string& given_on = "2026-03-03") {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO consent (case_id, scope, form, given_by, given_on, recorded_by, recorded_at) "
                        "VALUES (?, ?, 'muntlig', 'person', ?, 'tester', '2026-03-03T10:00:00Z')");
    q.bind(1, case_id);
    q.bind(2, scope);
    q.bind(3, given_on);
    sql([&] { q.exec(); });
  }
  void withdraw(const std::string& scope, const std::string& on) {
    SQLite::Statement q(db.sql(), "UPDATE consent SET withdrawn_on = ?, withdrawn_by = 'person' WHERE case_id = ? AND scope = ?");
    q.bind(1, on);
    q.bind(2, case_id);
    q.bind(3, scope);
    sql([&] { q.exec(); });
  }
  void grant() {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter) "
                        "VALUES (?, 'granted', '2026-03-05', 'tester', '2026-04-02', 'Vedtak')");
    q.bind(1, case_id);
    sql([&] { q.exec(); });
    set_status("granted");
  }
  void set_status(const std::string& status) {
    SQLite::Statement q(db.sql(), "UPDATE case_file SET status = ? WHERE id = ?");
    q.bind(1, status);
    q.bind(2, case_id);
    q.exec();
  }
  std::string case_status() {
    SQLite::Statement q(db.sql(), "SELECT status FROM case_file WHERE id = ?");
    q.bind(1, case_id);
    q.executeStep();
    return q.getColumn(0).getString();
  }

  TempFolder tmp;
  oppteam::Rammeverk rv;
  oppteam::Clock clock;
  oppteam::Database db;
  oppteam::Context ctx;
  std::int64_t case_id = 0;
};

}  // namespace unit
