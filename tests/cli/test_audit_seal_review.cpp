// A seal with no entry stands for a row an upgrade found (docs/audit.md):
// `audit verify` accepts it only while the log holds no entry of the format
// that seals its table. The first command after the upgrade records such
// seals in its `audit.baseline` entry; it must not record one added by hand
// later, or a forged row would pass as written before the upgrade as soon as
// anyone runs a command before the next `audit verify`.

#include "cli/audit_seal_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

namespace {

using robust::Sql;
using seal_test::kForgedAssessment;

// `audit verify --json` on the fixture: (exit code, document).
std::pair<int, nlohmann::json> verify_now(test::Fixture& f) { return seal_test::verify_db(f.db(), f.dir.path()); }

// A seal with no entry for the last row of `table`.
std::string hand_seal(const std::string& table) {
  return "INSERT INTO audit_seal(audit_id, tbl, first_id, last_id) SELECT NULL, '" + table + "', max(id), max(id) FROM " + table;
}

// Forges a row of `table` with `tamper`, then runs a command that writes to
// the log: `audit verify` must still find the row.
void forged_row_stays_found(test::Fixture& f, const std::string& table, const std::vector<std::string>& tamper) {
  {
    Sql sql(f.db());
    for (const auto& s : tamper) sql.exec(s);
  }
  auto shown = f.oppteam({"--today", "2026-03-20", "case", "list"});
  INFO(shown.out << shown.err);
  REQUIRE(shown.code == 0);
  auto [code, doc] = verify_now(f);
  INFO(table << "\n" << doc.dump());
  CHECK(code == 65);
  CHECK(doc["problem"] == "audit.row_unrecorded");
  CHECK(doc["row"]["table"] == table);
}

}  // namespace

TEST_CASE("a forged row with a hand-added seal of no entry is not sealed by the next command", "[audit][seal][review]") {
  test::Fixture f;
  const std::string c = team_test::team_case(f);
  REQUIRE(verify_now(f).first == 0);

  SECTION("an assessment") { forged_row_stays_found(f, "assessment", {kForgedAssessment, hand_seal("assessment")}); }
  SECTION("a team member") {
    forged_row_stays_found(f, "team_member",
                           {"INSERT INTO team_member(team_id, name, role, kind, added_on) "
                            "SELECT team_id, 'Ukjent Person', role, 'member', added_on FROM team_member LIMIT 1",
                            hand_seal("team_member")});
  }
  SECTION("a person, sealed since schema 6") {
    forged_row_stays_found(f, "person",
                           {"INSERT INTO person(fnr, kind, birth_date, name, created_at) "
                            "SELECT '01010112345', kind, birth_date, 'Ukjent Person', created_at FROM person LIMIT 1",
                            hand_seal("person")});
  }
  SECTION("an assessment, the schema version set back so that migration 14 announces it again") {
    {
      Sql sql(f.db());
      sql.exec(kForgedAssessment);
      sql.exec("PRAGMA user_version = 13");
    }
    REQUIRE(f.oppteam({"--today", "2026-03-20", "case", "list"}).code == 0);
    auto [code, doc] = verify_now(f);
    INFO(doc.dump());
    CHECK(code == 65);
    CHECK(doc["problem"] == "audit.row_unrecorded");
    CHECK(doc["row"]["table"] == "assessment");
  }
  SECTION("a seal with no entry for a table that is not sealed does not stop the next command") {
    {
      Sql sql(f.db());
      sql.exec("INSERT INTO audit_seal(audit_id, tbl, first_id, last_id) VALUES (NULL, 'meeting', 1, 1)");
    }
    auto r = f.oppteam({"--today", "2026-03-20", "case", "show", c});
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    auto [code, doc] = verify_now(f);
    INFO(doc.dump());
    CHECK(code == 65);
    CHECK(doc["problem"] == "audit.row_unrecorded");
    CHECK(doc["row"]["table"] == "meeting");
  }
}
