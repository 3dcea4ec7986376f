// The last three tables that qualify a sealed row are sealed too
// (docs/audit.md): an evaluation's indicators (`indicator_value`), an
// assessment's "what matters" answers (`what_matters`) and the corrections,
// voids included (`correction`). Every command that writes them seals the
// rows in its entry, so `audit verify` passes after each one; a row of them
// changed, deleted or inserted with sqlite3 is found, named by table and id;
// and databases of schema 13 and 14 (tests/cli/data/) verify right after the
// upgrade, their rows sealed from the first write on.

#include "cli/audit_seal_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

namespace {

using robust::Sql;
using seal_test::Sealed;
using seal_test::Tamper;
using seal_test::verify_db;

const char* const kLastSealed[] = {"indicator_value", "what_matters", "correction"};

// The first row of `table` (by rowid: indicator_value had no id column before schema 15).
std::string first_row(const std::string& table) { return "(SELECT min(rowid) FROM " + table + ")"; }

// A query of the id `audit verify` names for a change of row `row` (a
// subquery) of `table`: the row's own, or when the last seal of it sealed
// a range (an upgrade's baseline, an evaluation's indicators), the range's first.
std::string named_id(const std::string& table, const std::string& row) {
  return "SELECT coalesce((SELECT first_id FROM audit_seal WHERE tbl = '" + table + "' AND " + row +
         " BETWEEN first_id AND last_id ORDER BY audit_id DESC LIMIT 1), " + row + ")";
}

// An UPDATE, a DELETE and an INSERT of a row of each of the three tables,
// each on its own copy of `db`: every one is found, with the row's id.
void every_change_is_found(const std::string& db, const test::TempDir& dir) {
  const std::string void_row = "(SELECT min(rowid) FROM correction WHERE field = 'void')";
  seal_test::each_is_found(
      db, dir, "last_",
      {
          {"indicator_value", "UPDATE indicator_value SET value = value + 3 WHERE rowid = " + first_row("indicator_value"),
           "audit.row_changed", named_id("indicator_value", first_row("indicator_value"))},
          {"what_matters", "UPDATE what_matters SET text = 'Å flytte' WHERE rowid = " + first_row("what_matters"),
           "audit.row_changed", named_id("what_matters", first_row("what_matters"))},
          {"correction", "UPDATE correction SET reason = 'Ingen grunn' WHERE rowid = " + first_row("correction"),
           "audit.row_changed", named_id("correction", first_row("correction"))},
          {"indicator_value", "DELETE FROM indicator_value WHERE rowid = " + first_row("indicator_value"), "audit.row_changed",
           named_id("indicator_value", first_row("indicator_value"))},
          {"what_matters", "DELETE FROM what_matters WHERE rowid = " + first_row("what_matters"), "audit.row_changed",
           named_id("what_matters", first_row("what_matters"))},
          // A void undone: the consent or assessment counts again.
          {"correction", "DELETE FROM correction WHERE rowid = " + void_row, "audit.row_changed", named_id("correction", void_row)},
          {"indicator_value",
           "INSERT INTO indicator_value(evaluation_id, indicator, value) "
           "SELECT evaluation_id, 'legevaktbesok', 7 FROM indicator_value LIMIT 1",
           "audit.row_unrecorded", "SELECT max(rowid) + 1 FROM indicator_value"},
          {"what_matters",
           "INSERT INTO what_matters(case_id, assessment_id, text) SELECT case_id, assessment_id, 'Ingen sa dette' "
           "FROM what_matters LIMIT 1",
           "audit.row_unrecorded", "SELECT max(rowid) + 1 FROM what_matters"},
          {"correction",
           "INSERT INTO correction(case_id, person_id, object, object_id, field, before, after, reason, corrected_on, "
           "corrected_by) SELECT case_id, person_id, 'assessment', object_id, 'void', '', 'void', reason, corrected_on, "
           "corrected_by FROM correction WHERE case_id IS NOT NULL LIMIT 1",
           "audit.row_unrecorded", "SELECT max(rowid) + 1 FROM correction"},
      });
}

const std::vector<std::string> kIndicators = {"--indicator", "sykehusinnleggelser=1", "--indicator", "funksjon=3"};

}  // namespace

TEST_CASE("every command that writes an indicator value, a what-matters answer or a correction seals it, and the log verifies",
          "[audit][seal]") {
  test::Fixture f;
  Sealed s{f};
  using team_test::cat;

  // A case along its whole life, in 2015 so that purge may take it.
  const std::string a = s.assessed(team_test::kFnr, "2015", true, {"--what-matters", "Å bo heime", "--what-matters", "Å treffe barnebarna"});
  s.run({"--today", "2015-03-10", "decide", a, "--grant"});
  s.run({"--today", "2015-03-11", "team", "create", a, "--coordinator", "Ane Lie", "--gp", "Dr. Berg", "--member",
         "Siri Moe:hjemmesykepleie:hjemmetjenesten"});
  s.run({"--today", "2015-03-12", "plan", "goal", a, "--from-what-matters", "1"});
  s.run({"--today", "2015-03-12", "plan", "measure", a, "--goal", "1", "--text", "Besøk", "--responsible", "Siri Moe", "--due",
         "2015-04-01"});
  s.run({"--today", "2015-03-12", "plan", "participated", a, "--how", "Planmøte heime"});
  s.run(cat({"--today", "2015-04-01", "evaluate", a, "--goal", "1=1", "--decision", "continue"}, kIndicators),
        {"evaluation", "indicator_value"});
  s.run({"--today", "2015-04-02", "person", "correct", team_test::kFnr, "--name", "Per Hanssen", "--reason", "Feilstavet"},
        {"person", "correction"});
  s.run({"--today", "2015-04-02", "refer", "correct", a, "1", "--need", "Trenger koordinering av tjenester", "--reason",
         "Skrevet av feil"},
        {"referral", "correction"});
  s.run({"--today", "2015-04-02", "plan", "correct", a, "--goal", "1", "--text", "Bo trygt heime", "--reason", "Skrivefeil"},
        {"goal", "correction"});
  s.run({"--today", "2015-04-02", "plan", "correct", a, "--measure", "1", "--due", "2015-04-15", "--reason", "Ny dato"},
        {"measure", "correction"});

  // A consent and an assessment voided as entered in error.
  const std::string b = s.assessed(robust::synthetic_fnr(7), "2026", false, {"--what-matters", "Å kunne jobbe"});
  auto team = s.run({"--today", "2026-03-05", "--json", "consent", "give", b, "--scope", "team", "--form", "muntlig", "--given-by",
                     "person"});
  s.run({"--today", "2026-03-05", "case", "void", b, "--consent", std::to_string(team.json()["id"].get<long long>()), "--reason",
         "Registrert på feil sak"},
        {"consent", "correction"});
  auto again = s.run(cat({"--today", "2026-03-06", "--json", "assess", b, "--instrument", "kjennetegn"},
                         cat(team_test::kjennetegn_answers(), {"--assessor", "Ola Dahl", "--profession", "sykepleier"})),
                     {"assessment"});
  s.run({"--today", "2026-03-07", "case", "void", b, "--assessment", std::to_string(again.json()["assessment"].get<long long>()),
         "--reason", "Feil person kartlagt"},
        {"correction"});

  // Rows in all three tables, each sealed: any change behind oppteam's back is found.
  every_change_is_found(f.db(), f.dir);

  // The case closed by its evaluation, then purged with its person: the
  // rows it deletes are sealed as gone, the correction of the name too.
  s.run(cat({"--today", "2015-05-01", "evaluate", a, "--goal", "1=2", "--decision", "close", "--reason", "Målet er nådd"}, kIndicators),
        {"evaluation", "indicator_value"});
  auto p = s.run({"--json", "purge", "--closed-before", "2015-06-01", "--force"}, {"indicator_value", "what_matters", "correction"});
  CHECK(p.json()["deleted"] == 1);
  Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM correction WHERE case_id IS NULL") == 0);
  CHECK(sql.number("SELECT count(*) FROM indicator_value") == 0);
  CHECK(sql.number("SELECT count(*) FROM what_matters") == 1);  // case b's
}

TEST_CASE("a database of schema 14 verifies right after the upgrade, keeps every indicator value, what-matters answer and "
          "correction, and its first write seals them",
          "[audit][seal]") {
  test::TempDir dir;
  const std::string db = dir.file("s14.db");
  robust::make_database(db, "tests/cli/data/schema14.sql");  // as oppteam of schema 14 left it
  std::vector<std::string> rows_before;
  {
    Sql sql(db);
    REQUIRE(sql.number("PRAGMA user_version") == 14);
    for (const char* t : kLastSealed) REQUIRE(sql.number(std::string("SELECT count(*) FROM ") + t) > 0);
    REQUIRE(sql.number("SELECT count(*) FROM audit WHERE format = 3") > 10);  // a log written by schema 14
    rows_before.push_back(sql.text("SELECT group_concat(rowid || ':' || evaluation_id || ':' || indicator || '=' || value, ' ') "
                                   "FROM (SELECT rowid, * FROM indicator_value ORDER BY rowid)"));
    rows_before.push_back(sql.text("SELECT group_concat(text, '|') FROM (SELECT text FROM what_matters ORDER BY id)"));
    rows_before.push_back(sql.text("SELECT group_concat(field || ':' || reason, '|') FROM (SELECT * FROM correction ORDER BY id)"));
  }
  seal_test::verifies_at_once(db, dir.path());  // opening upgrades
  {
    // Every row kept, each indicator value with its old rowid as its id.
    Sql sql(db);
    CHECK(sql.number("SELECT count(*) FROM pragma_table_info('indicator_value') WHERE name = 'id' AND pk = 1") == 1);
    CHECK(sql.text("SELECT group_concat(id || ':' || evaluation_id || ':' || indicator || '=' || value, ' ') "
                   "FROM (SELECT * FROM indicator_value ORDER BY id)") == rows_before[0]);
    CHECK(sql.text("SELECT group_concat(text, '|') FROM (SELECT text FROM what_matters ORDER BY id)") == rows_before[1]);
    CHECK(sql.text("SELECT group_concat(field || ':' || reason, '|') FROM (SELECT * FROM correction ORDER BY id)") == rows_before[2]);
  }

  seal_test::first_write_records_baseline(db, dir.path(), {std::begin(kLastSealed), std::end(kLastSealed)});
  auto run = [&](const std::vector<std::string>& args) { seal_test::run_ok(db, dir.path(), args); };
  // Later writes verify too, those of the three tables among them.
  run(team_test::cat({"evaluate", "2026/1", "--goal", "1=2", "--decision", "continue"}, kIndicators));
  run({"person", "correct", team_test::kFnr, "--name", "Per Hansen", "--reason", "Rettet tilbake"});
  REQUIRE(verify_db(db, dir.path()).first == 0);

  SECTION("any change of the old rows is found from now on") { every_change_is_found(db, dir); }
  SECTION("a forged correction passed off as written before the upgrade is found, also after the next command") {
    const std::string copy = seal_test::copy_of(db, dir.file("forged.db"));
    {
      Sql sql(copy);
      sql.exec("INSERT INTO correction(case_id, person_id, object, object_id, field, before, after, reason, corrected_on, "
               "corrected_by) SELECT case_id, person_id, object, object_id, field, before, after, reason, corrected_on, "
               "corrected_by FROM correction WHERE field = 'void' LIMIT 1");
      sql.exec("INSERT INTO audit_seal(audit_id, tbl, first_id, last_id) SELECT NULL, 'correction', max(id), max(id) FROM correction");
    }
    seal_test::run_ok(copy, dir.path(), {"case", "list"});
    auto [forged, found] = verify_db(copy, dir.path());
    INFO(found.dump());
    CHECK(forged == 65);
    CHECK(found["problem"] == "audit.row_unrecorded");
    CHECK(found["row"]["table"] == "correction");
  }
}

TEST_CASE("a database of schema 13 upgraded past schema 14 verifies at once, and the three tables written after are sealed",
          "[audit][seal]") {
  test::TempDir dir;
  const std::string db = dir.file("s13.db");
  robust::make_database(db, "tests/cli/data/schema13.sql");  // as oppteam of schema 13 left it
  REQUIRE(Sql(db).number("PRAGMA user_version") == 13);
  seal_test::verifies_at_once(db, dir.path());
  // The baseline: the four tables schema 14 sealed; the three of schema 15 hold no rows yet.
  seal_test::first_write_records_baseline(db, dir.path(), {"assessment", "evaluation", "appeal_step", "team_member"});
  auto run = [&](const std::vector<std::string>& args) { return seal_test::run_ok(db, dir.path(), args); };
  auto assessed = run(team_test::cat({"--json", "assess", "2026/1", "--instrument", "kjennetegn", "--what-matters", "Å bo heime"},
                                     team_test::cat(team_test::kjennetegn_answers(), {"--assessor", "Ola Dahl", "--profession", "sykepleier"})));
  run(team_test::cat({"evaluate", "2026/1", "--goal", "1=1", "--decision", "continue"}, kIndicators));
  run({"case", "void", "2026/1", "--assessment", std::to_string(assessed.json()["assessment"].get<long long>()), "--reason",
       "Feil sak"});
  REQUIRE(verify_db(db, dir.path()).first == 0);
  {
    Sql sql(db);
    for (const char* t : kLastSealed) {
      INFO(t);
      CHECK(sql.number(std::string("SELECT count(*) FROM audit_seal WHERE audit_id IS NOT NULL AND tbl = '") + t + "'") > 0);
    }
  }
  every_change_is_found(db, dir);
}
