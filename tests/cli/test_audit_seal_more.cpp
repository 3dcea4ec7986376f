// The scores behind a vedtak, the evaluations, an appeal's steps and the
// team's members are sealed like persons and decisions (docs/audit.md):
// every command that writes `assessment`, `evaluation`, `appeal_step` or
// `team_member` seals the rows in its entry, so `audit verify` passes after
// each one; a row of them changed, deleted or inserted with sqlite3 is found;
// and a database of schema 13 (tests/cli/data/schema13.sql) verifies right
// after the upgrade, its rows sealed from its first write on.

#include "cli/audit_seal_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

namespace {

using robust::Sql;
using seal_test::copy_of;
using seal_test::each_is_found;
using seal_test::kForgedAssessment;
using seal_test::Sealed;
using seal_test::Tamper;
using seal_test::verify_db;

const char* const kNewlySealed[] = {"assessment", "evaluation", "appeal_step", "team_member"};

// An UPDATE, a DELETE and an INSERT of a row of each newly sealed table,
// each on its own copy of `db`: every one is found.
void every_change_is_found(const std::string& db, const test::TempDir& dir) {
  std::vector<Tamper> changes = {
      {"assessment", "UPDATE assessment SET score = score + 5, recommendation = 'team' WHERE id = (SELECT min(id) FROM assessment)",
       "audit.row_changed", ""},
      {"evaluation", "UPDATE evaluation SET decision = 'revise' WHERE id = (SELECT min(id) FROM evaluation)", "audit.row_changed", ""},
      {"appeal_step", "UPDATE appeal_step SET result = 'reverse' WHERE id = (SELECT min(id) FROM appeal_step)", "audit.row_changed", ""},
      {"team_member", "UPDATE team_member SET removed_on = NULL, removed_reason = NULL WHERE removed_on IS NOT NULL",
       "audit.row_changed", ""},
  };
  for (const char* t : kNewlySealed) {
    const std::string table = t;
    changes.push_back({table, "DELETE FROM " + table + " WHERE id = (SELECT max(id) FROM " + table + ")", "audit.row_changed", ""});
  }
  const std::vector<Tamper> inserts = {
      {"assessment", kForgedAssessment, "audit.row_unrecorded", ""},
      {"evaluation", "INSERT INTO evaluation(case_id, evaluated_on, decision, created_by, created_at) "
                     "SELECT case_id, evaluated_on, 'close', created_by, created_at FROM evaluation LIMIT 1", "audit.row_unrecorded", ""},
      {"appeal_step", "INSERT INTO appeal_step(appeal_id, step, result, step_on, recorded_by) "
                      "SELECT appeal_id, 'outcome', 'reversed', step_on, recorded_by FROM appeal_step LIMIT 1", "audit.row_unrecorded", ""},
      {"team_member", "INSERT INTO team_member(team_id, name, role, kind, added_on) "
                      "SELECT team_id, 'Ukjent Person', role, 'coordinator', added_on FROM team_member LIMIT 1",
       "audit.row_unrecorded", ""},
  };
  changes.insert(changes.end(), inserts.begin(), inserts.end());
  each_is_found(db, dir, "more_", changes);
}

}  // namespace

TEST_CASE("every command that writes an assessment, an evaluation, an appeal step or a team member seals it, and the log verifies",
          "[audit][seal]") {
  test::Fixture f;
  Sealed s{f};

  // A case along the team's whole life, in 2015 so that purge may take it.
  const std::string a = s.assessed(team_test::kFnr, "2015");
  s.run({"--today", "2015-03-10", "decide", a, "--grant"});
  s.run({"--today", "2015-03-11", "team", "create", a, "--coordinator", "Ane Lie", "--gp", "Dr. Berg", "--member",
         "Ola Dahl:nav_veileder:nav", "--member", "Siri Moe:hjemmesykepleie:hjemmetjenesten"},
        {"team_member"});
  s.run({"--today", "2015-03-12", "team", "add", a, "--participant", "Kari Hansen:parorende"}, {"team_member"});
  s.run({"--today", "2015-03-12", "team", "contact", a, "Kari Hansen", "--email", "kari@example.org", "--phone", "99 88 77 66"},
        {"team_member"});
  s.run({"--today", "2015-03-13", "team", "remove", a, "Ola Dahl", "--reason", "Trengs ikke"}, {"team_member"});
  s.run({"--today", "2015-03-14", "team", "coordinator", a, "Siri Moe", "--role", "sykepleier"}, {"team_member"});
  s.run({"--today", "2015-03-15", "plan", "goal", a, "--text", "Bo trygt heime"});
  s.run({"--today", "2015-03-15", "plan", "participated", a, "--how", "Planmøte heime"});
  s.run({"--today", "2015-04-01", "evaluate", a, "--goal", "1=1", "--decision", "continue"}, {"evaluation"});

  // An appeal through every step: upheld, forwarded, returned, upheld
  // again, forwarded, upheld by statsforvalteren; and one reversed.
  const std::string b = s.assessed(robust::synthetic_fnr(7), "2026", false);
  s.run({"--today", "2026-03-10", "decide", b, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten"});
  s.run({"--today", "2026-03-20", "appeal", "register", b, "--received", "2026-03-20", "--from", "person"});
  s.run({"--today", "2026-03-25", "appeal", "review", b, "--uphold", "--grounds", "Ingen nye opplysninger"}, {"appeal_step"});
  s.run({"--today", "2026-03-26", "appeal", "forward", b}, {"appeal_step"});
  s.run({"--today", "2026-05-01", "appeal", "outcome", b, "--returned", "--date", "2026-05-01"}, {"appeal_step"});
  s.run({"--today", "2026-05-05", "appeal", "review", b, "--uphold", "--grounds", "Fortsatt ingen nye opplysninger"}, {"appeal_step"});
  s.run({"--today", "2026-05-06", "appeal", "forward", b}, {"appeal_step"});
  s.run({"--today", "2026-06-01", "appeal", "outcome", b, "--upheld", "--date", "2026-06-01"}, {"appeal_step"});
  const std::string c = s.assessed(robust::synthetic_fnr(8), "2026", false);
  s.run({"--today", "2026-03-10", "decide", c, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten"});
  s.run({"--today", "2026-03-20", "appeal", "register", c, "--received", "2026-03-20", "--from", "person"});
  s.run({"--today", "2026-03-25", "appeal", "review", c, "--reverse", "--grounds", "Ny legeerklæring viser behov"},
        {"appeal_step", "decision"});

  // Rows in all four tables, each sealed: any change behind oppteam's back is found.
  every_change_is_found(f.db(), f.dir);

  // The case closed by its evaluation, then purged: the rows it deletes are sealed as gone.
  s.run({"--today", "2015-05-01", "evaluate", a, "--goal", "1=2", "--decision", "close", "--reason", "Målet er nådd"},
        {"evaluation"});
  auto p = s.run({"--json", "purge", "--closed-before", "2015-06-01", "--force"},
                 {"assessment", "evaluation", "team_member"});
  CHECK(p.json()["deleted"] == 1);
}

TEST_CASE("a database of schema 13 verifies right after the upgrade, and its first write seals its old assessments, "
          "evaluations, appeal steps and team members",
          "[audit][seal]") {
  test::TempDir dir;
  const std::string db = dir.file("s13.db");
  robust::make_database(db, "tests/cli/data/schema13.sql");  // as oppteam of schema 13 left it
  {
    Sql sql(db);
    REQUIRE(sql.number("PRAGMA user_version") == 13);
    for (const char* t : kNewlySealed) REQUIRE(sql.number(std::string("SELECT count(*) FROM ") + t) > 0);
    REQUIRE(sql.number("SELECT count(*) FROM audit WHERE format = 2") > 10);  // a long log written since schema 6
  }
  // Opening upgrades; the log verifies at once, and the first command that writes to it records the baseline.
  seal_test::verifies_at_once(db, dir.path());
  seal_test::first_write_records_baseline(db, dir.path(), {std::begin(kNewlySealed), std::end(kNewlySealed)});
  auto run = [&](const std::vector<std::string>& args) { seal_test::run_ok(db, dir.path(), args); };
  // Later writes verify too.
  run({"team", "remove", "2026/1", "Siri Moe", "--reason", "Sluttet"});
  REQUIRE(verify_db(db, dir.path()).first == 0);

  SECTION("any change of the old rows is found from now on") { every_change_is_found(db, dir); }
  SECTION("a forged row passed off as written before the upgrade is found") {
    const std::string copy = copy_of(db, dir.file("forged.db"));
    seal_test::tampered_fails(copy, dir.path(),
                              {"assessment",
                               std::string(kForgedAssessment) + ";"
                                   "INSERT INTO audit_seal(audit_id, tbl, first_id, last_id) "
                                   "SELECT NULL, 'assessment', max(id), max(id) FROM assessment",
                               "audit.row_unrecorded", ""});
  }
}
