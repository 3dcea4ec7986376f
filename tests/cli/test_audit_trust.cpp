// The audit log tells the truth (issue 13, points 4, 5, 7 and 12): its time
// is the real clock and the --today date is stored beside it; each entry
// names the rammeverk it was made under; a row of a person, referral,
// consent, decision, goal or measure changed with sqlite3 is found by
// `audit verify`, and so are an emptied log and a chain trimmed behind an
// anchor; a case number is never given twice, purge or not.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sys/stat.h>

namespace {

using robust::Sql;

// The real date, UTC, as YYYY-MM-DD.
std::string real_date(std::chrono::system_clock::time_point t = std::chrono::system_clock::now()) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

const nlohmann::json* last_entry(const nlohmann::json& doc, const std::string& action) {
  const nlohmann::json* found = nullptr;
  for (const auto& e : doc["entries"])
    if (e["action"] == action) found = &e;
  return found;
}

// `audit verify --json`: (exit code, document).
std::pair<int, nlohmann::json> verify(test::Fixture& f, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--json", "audit", "verify"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = f.oppteam(args);
  INFO(r.out << r.err);
  return {r.code, r.out.empty() ? nlohmann::json::object() : r.json()};
}

// A case along the whole path: referral, consents (one withdrawn), an
// assessment, the decision, the team, a plan with two goals and a measure
// whose status changed, and the person's name given by a second referral.
std::string whole_case(test::Fixture& f) {
  auto ok = [&](std::vector<std::string> args) {
    auto r = f.oppteam(args);
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    return r;
  };
  auto r = ok({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", team_test::kFnr, "--reporter-type", "fastlege",
               "--received", "2026-03-02", "--need", "Trenger koordinering"});
  const std::string c = r.json()["case"].get<std::string>();
  ok({"--today", "2026-03-03", "refer", "add", "--fnr", team_test::kFnr, "--name", "Per Hansen", "--reporter-type", "nav",
      "--received", "2026-03-03", "--need", "Mer hjelp"});
  team_test::consent(f, c, "utredning");
  team_test::consent(f, c, "team");
  team_test::consent(f, c, "deling:nav");
  ok({"--today", "2026-03-04", "consent", "withdraw", c, "--scope", "deling:nav", "--reason", "Vil ikke"});
  auto a = team_test::assess(f, c, "Ane Lie", "sykepleier");
  REQUIRE(a.code == 0);
  team_test::grant(f, c);
  ok(team_test::core_team(c));
  ok({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  ok({"--today", "2026-03-12", "plan", "goal", c, "--text", "Gå tur", "--parent", "1"});
  ok({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Ukentlig besøk", "--responsible", "Siri Moe",
      "--due", "2026-05-01"});
  ok({"--today", "2026-03-20", "plan", "status", c, "--measure", "1", "started"});
  ok({"--today", "2026-03-20", "case", "show", c});
  return c;
}

}  // namespace

TEST_CASE("the audit time is the real clock under --today, and acted_on holds the --today date", "[audit]") {
  test::Fixture f;
  const std::string before = real_date();
  auto r = f.oppteam({"--today", "2020-01-01", "refer", "add", "--fnr", team_test::kFnr, "--reporter-type", "fastlege",
                      "--received", "2019-12-01", "--need", "Behov"});
  REQUIRE(r.code == 0);
  auto log = f.oppteam({"--json", "audit", "log"});
  REQUIRE(log.code == 0);
  const auto doc = log.json();
  const auto* e = last_entry(doc, "refer.add");
  REQUIRE(e);
  const std::string at = (*e)["at"].get<std::string>().substr(0, 10);
  CHECK((at == before || at == real_date()));
  CHECK(e->value("acted_on", std::string()) == "2020-01-01");
  // The text lists both.
  auto text = f.oppteam({"audit", "log"});
  CHECK(text.out.find("2020-01-01") != std::string::npos);
  CHECK(text.out.find(at) != std::string::npos);
}

TEST_CASE("each audit entry names the hash of the rammeverk it was made under, stored or --config alike", "[audit]") {
  test::Fixture f;
  std::string stored;
  {
    Sql sql(f.db());
    stored = sql.text("SELECT hash FROM rammeverk ORDER BY id DESC LIMIT 1");
  }
  REQUIRE(stored.size() == 64);
  REQUIRE(f.oppteam({"--today", "2026-03-02", "refer", "add", "--fnr", team_test::kFnr, "--reporter-type", "fastlege",
                     "--received", "2026-03-02", "--need", "Behov"})
              .code == 0);
  // The same text as a --config file gives the same hash.
  REQUIRE(f.oppteam({"--today", "2026-03-02", "--config", test::source_path("examples/rammeverk.toml"), "consent", "give",
                     "2026/1", "--scope", "utredning", "--form", "muntlig", "--given-by", "person"})
              .code == 0);
  // Another text, another hash.
  const std::string other = f.dir.write("other.toml", test::read_file(test::source_path("examples/rammeverk.toml")) + "\n# changed\n");
  REQUIRE(f.oppteam({"--today", "2026-03-02", "--config", other, "consent", "give", "2026/1", "--scope", "team", "--form",
                     "muntlig", "--given-by", "person"})
              .code == 0);
  auto log = f.oppteam({"--json", "audit", "log", "--case", "2026/1"});
  REQUIRE(log.code == 0);
  const auto doc = log.json();
  std::vector<std::string> hashes;
  for (const auto& e : doc["entries"])
    if (e["action"] == "refer.add" || e["action"] == "consent.give") hashes.push_back(e.value("rammeverk", std::string()));
  REQUIRE(hashes.size() == 3);
  CHECK(hashes[0] == stored);
  CHECK(hashes[1] == stored);
  CHECK(hashes[2] != stored);
  CHECK(hashes[2].size() == 64);
  // The text shows its first characters.
  auto text = f.oppteam({"audit", "log", "--case", "2026/1"});
  CHECK(text.out.find(stored.substr(0, 8)) != std::string::npos);
  CHECK(verify(f).first == 0);
}

TEST_CASE("a stored row changed with sqlite3 is found by audit verify (exit 65)", "[audit]") {
  test::Fixture f;
  const std::string c = whole_case(f);
  {
    auto [code, doc] = verify(f);
    REQUIRE(code == 0);
    CHECK(doc["ok"] == true);
  }
  std::string change;
  SECTION("a person's name") { change = "UPDATE person SET name = 'Pål Hansen'"; }
  SECTION("a referral's need") { change = "UPDATE referral SET need = 'Ingenting' WHERE id = 1"; }
  SECTION("a consent's form") { change = "UPDATE consent SET form = 'skriftlig' WHERE scope = 'utredning'"; }
  SECTION("a withdrawn consent made valid again") { change = "UPDATE consent SET withdrawn_on = NULL WHERE scope = 'deling:nav'"; }
  SECTION("a decision's outcome") { change = "UPDATE decision SET outcome = 'refused', grounds = 'Nei'"; }
  SECTION("a plan goal's text") { change = "UPDATE goal SET text = 'Flytte på institusjon' WHERE number = 1"; }
  SECTION("a measure's responsible") { change = "UPDATE measure SET responsible = 'Ola Dahl'"; }
  SECTION("a consent deleted") { change = "DELETE FROM consent WHERE scope = 'team'"; }
  SECTION("a consent inserted") {
    change = "INSERT INTO consent(case_id, scope, form, given_by, given_on, recorded_by, recorded_at) "
             "SELECT case_id, 'deling:helse', 'skriftlig', 'person', '2026-03-03', 'x', 'x' FROM consent LIMIT 1";
  }
  {
    Sql sql(f.db());
    sql.exec(change);
  }
  auto [code, doc] = verify(f);
  INFO(change << "\n" << doc.dump());
  CHECK(code == 65);
  CHECK(doc["ok"] == false);
  CHECK(doc.contains("first_bad_entry"));
}

TEST_CASE("an emptied audit log with its head removed or reset does not verify while the database holds data", "[audit]") {
  test::Fixture f;
  whole_case(f);
  REQUIRE(verify(f).first == 0);
  {
    Sql sql(f.db());
    sql.exec("DELETE FROM audit");
    SECTION("head deleted") { sql.exec("DELETE FROM meta WHERE key = 'audit_head'"); }
    SECTION("head reset") {
      sql.exec("UPDATE meta SET value = '0 0000000000000000000000000000000000000000000000000000000000000000' WHERE key = 'audit_head'");
    }
    SECTION("seals removed too, and every row passed off as written before the upgrade") {
      sql.exec("DELETE FROM meta WHERE key = 'audit_head'");
      sql.exec("DELETE FROM audit_seal");
      for (const char* t : {"person", "referral", "consent", "decision", "goal", "measure"})
        sql.exec(std::string("INSERT INTO audit_seal(audit_id, tbl, first_id, last_id) SELECT NULL, '") + t +
                 "', min(id), max(id) FROM " + t + " HAVING count(*) > 0");
    }
  }
  auto [code, doc] = verify(f);
  INFO(doc.dump());
  CHECK(code == 65);
  CHECK(doc["ok"] == false);
}

TEST_CASE("audit anchor prints the head in one line, and verify --anchor finds a trimmed or rewritten chain", "[audit]") {
  test::Fixture f;
  whole_case(f);
  auto a = f.oppteam({"audit", "anchor"});
  INFO(a.err);
  REQUIRE(a.code == 0);
  REQUIRE(std::count(a.out.begin(), a.out.end(), '\n') == 1);
  // oppteam-audit-anchor ENTRY HASH TIME
  CHECK(a.out.rfind("oppteam-audit-anchor ", 0) == 0);
  auto j = f.oppteam({"--json", "audit", "anchor"});
  REQUIRE(j.code == 0);
  const std::int64_t anchored = j.json().at("entry").get<std::int64_t>();
  CHECK(j.json().at("hash").get<std::string>().size() == 64);
  const std::string file = f.dir.file("anchors.log");
  {
    std::ofstream out(file);
    // Every line is checked: the empty log's head first, a comment, then today's.
    out << "oppteam-audit-anchor 0 0000000000000000000000000000000000000000000000000000000000000000 2026-01-01T00:00:00Z\n";
    out << "# k.db\n";
    out << a.out;
  }
  // Reads after the anchor: entries that record no row.
  for (int i = 0; i < 3; ++i) REQUIRE(f.oppteam({"case", "show", "2026/1"}).code == 0);
  auto ok = f.oppteam({"--json", "audit", "verify", "--anchor", file});
  INFO(ok.out << ok.err);
  REQUIRE(ok.code == 0);
  CHECK(ok.json()["ok"] == true);

  SECTION("the tail trimmed behind the anchor, the head moved back") {
    Sql sql(f.db());
    const std::string keep = std::to_string(anchored - 2);
    const std::string hash = sql.text("SELECT hash FROM audit WHERE id = " + keep);
    sql.exec("DELETE FROM audit WHERE id > " + keep);
    sql.exec("UPDATE meta SET value = '" + keep + " " + hash + "' WHERE key = 'audit_head'");
  }
  SECTION("the anchored entry rewritten") {
    Sql sql(f.db());
    sql.exec("UPDATE audit SET hash = '" + std::string(64, 'a') + "' WHERE id = " + std::to_string(anchored));
  }
  auto bad = f.oppteam({"--json", "audit", "verify", "--anchor", file});
  INFO(bad.out << bad.err);
  CHECK(bad.code == 65);
  CHECK(bad.json()["ok"] == false);
  CHECK(bad.json().contains("first_bad_entry"));
}

namespace {

// A database made by the schema-4 binary (tests/cli/data/schema4.sql), and
// commands run on it as robust::run_on_schema4 does.
struct Schema4 {
  test::TempDir dir;
  std::string db = dir.file("old.db");
  Schema4() { robust::make_schema4_database(db); }
  test::Result run(const std::vector<std::string>& args) {
    auto r = robust::run_on_schema4(db, dir.path(), args);
    INFO(r.out << r.err);
    return r;
  }
};

}  // namespace

TEST_CASE("a database of schema 4 verifies after the upgrade, and its old rows are covered from the first change on", "[audit]") {
  Schema4 old;
  const std::string& db = old.db;
  auto run = [&](const std::vector<std::string>& args) { return old.run(args); };
  REQUIRE(run({"audit", "verify"}).code == 0);
  REQUIRE(run({"consent", "give", "2026/2", "--scope", "utredning", "--form", "muntlig", "--given-by", "person"}).code == 0);
  auto after = run({"audit", "verify"});
  REQUIRE(after.code == 0);
  CHECK(after.json()["ok"] == true);
  // A person written by the old binary, changed behind oppteam's back.
  {
    Sql sql(db);
    sql.exec("UPDATE person SET name = 'Endret' WHERE id = 1");
  }
  CHECK(run({"audit", "verify"}).code == 65);
}

TEST_CASE("an upgraded database knows each case's last change from its audit log, and keeps it from then on", "[audit][remind]") {
  Schema4 old;
  const std::string& db = old.db;
  auto& dir = old.dir;
  auto run = [&](const std::vector<std::string>& args) { return old.run(args); };
  REQUIRE(run({"audit", "verify"}).code == 0);
  // What the audit log says, computed here independently of the migration:
  // the last day of an entry naming the case that is not a read.
  const std::string expected_sql =
      "SELECT group_concat(number || '=' || COALESCE(last, '-'), ' ') FROM (SELECT c.number, "
      "(SELECT max(substr(a.at, 1, 10)) FROM audit a WHERE a.object = c.number AND a.action NOT LIKE '%.show' "
      "AND a.action NOT LIKE '%.list' AND a.action NOT LIKE '%.export' AND a.action <> 'access.refused') AS last "
      "FROM case_file c WHERE c.id <= 5 ORDER BY c.id)";
  std::string expected;
  {
    Sql sql(db);
    expected = sql.text(expected_sql);
  }
  REQUIRE(run({"remind"}).code == 0);  // opens, so upgrades
  Sql sql(db);
  CHECK(sql.text("SELECT group_concat(number || '=' || COALESCE(last_changed, '-'), ' ') FROM "
                 "(SELECT number, last_changed FROM case_file WHERE id <= 5 ORDER BY id)") == expected);
  // A change acted on a later day moves it; a read does not.
  auto on = [&](const std::string& day, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--as", "kari", "--today", day});
    auto r = test::run(args, "", {{"HOME", dir.path()}});
    INFO(r.out << r.err);
    return r;
  };
  REQUIRE(on("2026-04-02", {"consent", "give", "2026/2", "--scope", "utredning", "--form", "muntlig", "--given-by", "person"})
              .code == 0);
  REQUIRE(on("2026-04-20", {"case", "show", "2026/2"}).code == 0);
  CHECK(sql.text("SELECT last_changed FROM case_file WHERE number = '2026/2'") == "2026-04-02");
}

TEST_CASE("entries of the old hash format verify beside the new ones, and a field shifted across a boundary is found", "[audit]") {
  test::Fixture f;
  // An import whose file name holds the unit separator (0x1F): its entry's
  // object has it, which the old joined-by-0x1F hash could not tell apart
  // from the same characters shifted into the next field.
  const std::string name = f.dir.write(std::string("a\x1f") + "b.csv",
                                       "external_id,fnr,name,reporter_type,reporter_name,received,need\n"
                                       "E1," + std::string(team_test::kFnr) + ",,fastlege,,2026-03-02,Behov\n");
  REQUIRE(f.oppteam({"--today", "2026-03-02", "refer", "import", name}).code == 0);
  REQUIRE(verify(f).first == 0);
  {
    Sql sql(f.db());
    const auto id = sql.number("SELECT id FROM audit WHERE action = 'refer.import'");
    sql.exec("UPDATE audit SET object = 'import:a', person = 'b.csv', detail = char(31) || detail WHERE id = " + std::to_string(id));
  }
  auto [code, doc] = verify(f);
  INFO(doc.dump());
  CHECK(code == 65);
  CHECK(doc["problem"] == "audit.edited");
}

TEST_CASE("a purged highest case number is never given again, by refer add or by refer import", "[audit]") {
  // No retention period, so the purge below is allowed whichever date it checks.
  test::Fixture f("[municipality]\nallow_synthetic_ids = true\n[reports]\nretention_years = 0\n");
  auto add = [&](const std::string& fnr) {
    auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege",
                        "--received", "2026-03-02", "--need", "Behov"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    return r.json()["case"].get<std::string>();
  };
  auto purge_highest = [&](const std::string& number) {
    {
      Sql sql(f.db());
      sql.exec("UPDATE case_file SET status = 'closed', closed_on = '2026-03-05' WHERE number = '" + number + "'");
    }
    auto r = f.oppteam({"--today", "2090-01-01", "--json", "purge", "--closed-before", "2026-04-01", "--force"});  // not archived
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    REQUIRE(r.json()["deleted"] == 1);
  };
  CHECK(add(robust::synthetic_fnr(1)) == "2026/1");
  CHECK(add(robust::synthetic_fnr(2)) == "2026/2");
  purge_highest("2026/2");
  CHECK(add(robust::synthetic_fnr(3)) == "2026/3");
  purge_highest("2026/3");
  const std::string file = f.dir.write("b.csv", "external_id,fnr,name,reporter_type,reporter_name,received,need\n"
                                                 "E1," + robust::synthetic_fnr(4) + ",,fastlege,,2026-03-02,Behov\n");
  auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "import", file});
  REQUIRE(r.code == 0);
  auto shown = f.oppteam({"--json", "case", "show", "2026/4"});
  INFO(shown.err);
  CHECK(shown.code == 0);
  CHECK(f.oppteam({"case", "show", "2026/3"}).code == 1);
  CHECK(verify(f).first == 0);
}

// The operations' audit details (init, backup, import) are stored as their
// forms and shown by `audit log` in the reader's language, not as the
// stored English-like text.
TEST_CASE("audit log shows init, backup and an import in the reader's language", "[audit]") {
  test::Fixture f;
  REQUIRE(f.oppteam({"backup", "--to", f.dir.file("copy.db")}).code == 0);
  const std::string csv = f.dir.write("in.csv", "external_id,fnr,reporter_type,received,need\nE1," + std::string(team_test::kFnr) +
                                                    ",fastlege,2026-03-01,Behov\n");
  REQUIRE(f.oppteam({"--today", "2026-03-02", "refer", "import", csv, "--sender", "fag"}).code == 0);
  const auto nb = f.oppteam({"--lang", "nb", "audit", "log"});
  REQUIRE(nb.code == 0);
  CHECK(nb.out.find("databasen opprettet") != std::string::npos);
  CHECK(nb.out.find("sikkerhetskopi til og med oppføring") != std::string::npos);
  CHECK(nb.out.find("head ") == std::string::npos);  // not the stored text
  const auto en = f.oppteam({"--lang", "en", "audit", "log"});
  REQUIRE(en.code == 0);
  CHECK(en.out.find("database created") != std::string::npos);
  CHECK(en.out.find("backup up to entry") != std::string::npos);
  // The stored detail of the import is unchanged (scripts read --json).
  const auto json = f.oppteam({"--json", "audit", "log"}).json();
  bool import_seen = false;
  for (const auto& e : json["entries"])
    if (e["action"] == "refer.import") {
      import_seen = true;
      CHECK(e["detail"].get<std::string>().rfind("sender fag, read 1, stored 1", 0) == 0);
    }
  CHECK(import_seen);
}
