#pragma once
// A fresh database with the example rammeverk for the plan area's unit
// tests. Rows (persons, cases, decisions, teams, plans, measures, consents)
// are inserted with SQL, so these tests depend on no other area's commands,
// and a Context can be made for any date (a fixed Clock per date).

#include "unit/errors.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/context.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace plantest {

using unit::code_of;

inline oppteam::Date day(const std::string& iso) { return *oppteam::try_parse_date(iso); }

struct Fixture {
  Fixture()
      : rv(oppteam::load_rammeverk(oppteam::embedded::example_rammeverk, "test.toml")),
        init_clock(day("2026-01-01")),
        db(oppteam::init_database(tmp.file("k.db"), rv, init_clock, "tester")) {}

  // A context acting on `iso` (the Clock lives as long as the fixture).
  oppteam::Context on(const std::string& iso) {
    clocks.emplace_back(day(iso));
    return oppteam::Context{db, rv, clocks.back(), "tester", oppteam::Lang::en};
  }

  std::int64_t exec_insert(const std::string& sql, const std::vector<std::optional<std::string>>& args) {
    SQLite::Statement q(db.sql(), sql);
    int i = 1;
    for (const auto& a : args) {
      if (a) q.bind(i, *a);
      else q.bind(i);
      ++i;
    }
    q.exec();
    return db.sql().getLastInsertRowid();
  }

  // A person and a case numbered 2026/N, opened on `opened`.
  std::int64_t add_case(int n, const std::string& status, const std::string& opened, const std::string& name = "Per Hansen") {
    // Synthetic personal numbers are not checked here (the store keeps what intake validated).
    const std::string fnr = "2392390" + std::to_string(1000 + n);
    auto person = exec_insert("INSERT INTO person (fnr, kind, birth_date, name, created_at) VALUES (?, 'fodselsnummer', '1939-12-23', ?, '2026-01-01T00:00:00Z')",
                              {fnr, name});
    return exec_insert("INSERT INTO case_file (number, year, seq, person_id, status, opened_on) VALUES (?, 2026, ?, ?, ?, ?)",
                       {"2026/" + std::to_string(n), std::to_string(n), std::to_string(person), status, opened});
  }
  void decide(std::int64_t c, const std::string& outcome, const std::string& on) {
    exec_insert("INSERT INTO decision (case_id, outcome, decided_on, decided_by, appeal_deadline, letter) VALUES (?, ?, ?, 'tester', ?, 'Vedtak')",
                {std::to_string(c), outcome, on, on});
  }
  void preliminary_reply(std::int64_t c, const std::string& on) {
    exec_insert("INSERT INTO preliminary_reply (case_id, sent_on, text, sent_by) VALUES (?, ?, 'Foreløpig svar', 'tester')",
                {std::to_string(c), on});
  }
  std::int64_t team(std::int64_t c, const std::string& status, const std::string& created) {
    return exec_insert("INSERT INTO team (case_id, status, created_on, created_by) VALUES (?, ?, ?, 'tester')",
                       {std::to_string(c), status, created});
  }
  void member(std::int64_t team_id, const std::string& name, const std::string& kind, const std::string& role,
              std::optional<std::string> removed_on = std::nullopt) {
    exec_insert("INSERT INTO team_member (team_id, name, role, kind, added_on, removed_on) VALUES (?, ?, ?, ?, '2026-01-01', ?)",
                {std::to_string(team_id), name, role, kind, removed_on});
  }
  std::int64_t plan(std::int64_t c, const std::string& created, std::optional<std::string> next = std::nullopt,
                    const std::string& status = "open") {
    return exec_insert("INSERT INTO plan (case_id, kind, status, revision, created_on, next_evaluation) VALUES (?, 'oppfolgingsplan', ?, 1, ?, ?)",
                       {std::to_string(c), status, created, next});
  }
  void goal(std::int64_t plan_id, int number, const std::string& text) {
    exec_insert("INSERT INTO goal (plan_id, number, text) VALUES (?, ?, ?)", {std::to_string(plan_id), std::to_string(number), text});
  }
  void measure(std::int64_t plan_id, int number, const std::string& due, const std::string& status = "planned",
               const std::string& responsible = "Siri Moe") {
    exec_insert("INSERT INTO measure (plan_id, goal_number, number, text, responsible, due_on, status) VALUES (?, 1, ?, 'Besøk', ?, ?, ?)",
                {std::to_string(plan_id), std::to_string(number), responsible, due, status});
  }
  std::int64_t consent(std::int64_t c, const std::string& scope, const std::string& given,
                       std::optional<std::string> withdrawn = std::nullopt) {
    return exec_insert("INSERT INTO consent (case_id, scope, form, given_by, given_on, recorded_by, recorded_at, withdrawn_on) "
                       "VALUES (?, ?, 'skriftlig', 'person', ?, 'tester', '2026-01-01T00:00:00Z', ?)",
                       {std::to_string(c), scope, given, withdrawn});
  }
  void what_matters(std::int64_t c, const std::string& text) {
    exec_insert("INSERT INTO what_matters (case_id, text) VALUES (?, ?)", {std::to_string(c), text});
  }
  int count(const std::string& sql) {
    SQLite::Statement q(db.sql(), sql);
    q.executeStep();
    return q.getColumn(0).getInt();
  }

  unit::TempFolder tmp;
  oppteam::Rammeverk rv;
  oppteam::Clock init_clock;
  oppteam::Database db;
  std::deque<oppteam::Clock> clocks;
};

}  // namespace plantest
