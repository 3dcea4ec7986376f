// The units of issue 16's views slice, each alone: the repositories of
// remind, report, access, the rammeverk and the file's upkeep; the remind
// view; the FHIR composer (plain data in, a bundle out, no database).

#include "unit/temp_db.hpp"

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/config/embedded.hpp>
#include <oppteam/documents/fhir.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/store/access_store.hpp>
#include <oppteam/store/maintenance_store.hpp>
#include <oppteam/store/rammeverk_store.hpp>
#include <oppteam/store/reminder_queries.hpp>
#include <oppteam/store/report_queries.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/remind_view.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

const Clock kClock{*try_parse_date("2026-03-02")};

Reminder item(std::string case_number, std::string kind, std::string due, int days_overdue) {
  Reminder r;
  r.case_number = std::move(case_number);
  r.kind = *reminder_kind_from(kind);
  r.due = std::move(due);
  r.responsible = "Ane Lie";
  r.assignee = r.responsible;
  r.days_overdue = days_overdue;
  return r;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("remind's query as one SQL text: every parameter written in as a quoted literal", "[views][remind]") {
  ReminderParams p;
  p.text = {{":horizon", "2026-03-16"}, {":today", "2026-03-02"}, {":unit", "Koordinerende enhet"}};
  p.for_name = "Kari O'Neil";
  const std::string sql = ReminderQueries::literal_sql(p);
  CHECK(sql.find(":horizon") == std::string::npos);
  CHECK(sql.find(":today") == std::string::npos);
  CHECK(sql.find(":unit") == std::string::npos);
  CHECK(sql.find(":for ") == std::string::npos);
  CHECK(sql.find("'2026-03-16'") != std::string::npos);
  CHECK(sql.find("'Koordinerende enhet'") != std::string::npos);
  // A quote in a name is doubled: the text stays one SQL literal.
  CHECK(sql.find("'Kari O''Neil'") != std::string::npos);
  CHECK(sql.rfind(";\n") == sql.size() - 2);
  p.for_name.reset();
  CHECK(ReminderQueries::literal_sql(p).find("(NULL IS NULL OR") != std::string::npos);
}

TEST_CASE("remind's query on an empty store finds nothing, and the SQL text runs as it is", "[views][remind]") {
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  ReminderParams p;
  p.text = {{":horizon", "2026-03-16"}, {":today", "2026-03-02"}, {":unit", "enhet"}};
  for (const char* name : {":pr_cut", ":dec_cut", ":team_cut", ":plan_cut", ":eval_cut", ":cons_cut", ":meet_cut", ":min_cut",
                           ":rev_cut", ":stale_cut"})
    p.text.emplace_back(name, "2026-03-01");
  for (const char* name : {":pr_mod", ":dec_mod", ":team_mod", ":plan_mod", ":eval_mod", ":cons_mod", ":meet_mod", ":min_mod",
                           ":rev_mod", ":apr_mod", ":apf_mod", ":apo_mod", ":stale_mod"})
    p.text.emplace_back(name, "+14 days");
  CHECK(db.read_per_statement([&] { return ReminderQueries(db).due(p); }).empty());
  SQLite::Statement q(db.sql(), ReminderQueries::literal_sql(p));
  CHECK_FALSE(q.executeStep());
}

TEST_CASE("the reminder table marks overdue and due work and ends with the legend", "[views][remind]") {
  const std::vector<Reminder> items = {item("2026/1", "decision", "2026-02-27", 3), item("2026/2", "no_plan", "2026-03-02", 0)};
  const std::string text = remind_text(items, Lang::en, TerminalStyle{});
  CHECK(text.find("2026/1") != std::string::npos);
  CHECK(text.find("2026/2") != std::string::npos);
  CHECK(text.find(tr(Lang::en, "remind.kind.decision")) != std::string::npos);
  CHECK(text.find(tr(Lang::en, "remind.note.overdue", 3)) != std::string::npos);
  CHECK(text.find(tr(Lang::en, "remind.note.today")) != std::string::npos);
  CHECK(text.find(" " + std::string(kOverdueMarker) + " ") != std::string::npos);
  CHECK(text.find(" " + std::string(kWarningMarker) + " ") != std::string::npos);
  CHECK(text.ends_with(mark_legend(Lang::en) + "\n"));
  CHECK(remind_text(std::vector<Reminder>{}, Lang::en, TerminalStyle{}).empty());
  // The style passed in is the one used: coloured only when it says so.
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(remind_text(items, Lang::en, TerminalStyle{0, true}).find('\x1b') != std::string::npos);
}

TEST_CASE("the reminders by person: one table under each name and address, one legend", "[views][remind]") {
  std::vector<PersonReminders> people = {{"Ane Lie", "ane@example.org", "", {item("2026/1", "decision", "2026-02-27", 3)}},
                                         {"Per Berg", "", "", {item("2026/2", "no_plan", "2026-03-02", 0)}}};
  const std::string text = remind_text(people, Lang::nb, TerminalStyle{});
  CHECK(text.starts_with("Ane Lie <ane@example.org>\n"));
  CHECK(text.find("\n\nPer Berg\n") != std::string::npos);
  CHECK(count_of(text, mark_legend(Lang::nb)) == 1);
}

TEST_CASE("report's grouped counts by period, and its period keys as SQL", "[views][report]") {
  CHECK(report_period_sql("", "x.d") == "'all'");
  CHECK(report_period_sql("month", "x.d") == "substr(x.d, 1, 7)");
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  ReportQueries q(db);
  CHECK(q.max_case_id() == 0);
  CHECK(q.appeals_by_outcome("quarter", "2026-01-01", "2026-12-31").empty());
  const auto scores = q.goal_scores("2026-01-01", "2026-12-31");
  CHECK(scores.cases == 0);
  CHECK_FALSE(scores.mean);
  {
    SQLite::Statement s(db.sql(), "SELECT " + report_period_sql("quarter", "'2026-05-17'"));
    REQUIRE(s.executeStep());
    CHECK(s.getColumn(0).getString() == "2026-Q2");
  }
}

TEST_CASE("the stored rammeverk: none before init stores one, the newest after", "[views][store]") {
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  RammeverkStore store(db);
  CHECK(store.any());
  store.insert("2026-03-02T10:00:00Z", "tester", "second.toml", "abc", "# second\n");
  const auto newest = store.newest();
  REQUIRE(newest);
  CHECK(newest->source_name == "second.toml");
  CHECK(newest->toml == "# second\n");
}

TEST_CASE("access facts on an empty store: nobody coordinates or owns a case that is not there", "[views][store]") {
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  AccessStore store(db);
  CHECK_FALSE(store.coordinates("Ane Lie", 1));
  CHECK_FALSE(store.owns("Ane Lie", 1));
  db.sql().exec("INSERT INTO person (fnr, kind, birth_date, created_at) VALUES ('23923901213', 'fodselsnummer', '1939-03-23', 'x')");
  db.sql().exec("INSERT INTO case_file (number, year, seq, person_id, status, opened_on, owner) "
                "VALUES ('2026/1', 2026, 1, 1, 'received', '2026-03-01', 'Ane Lie')");
  CHECK(store.owns("Ane Lie", 1));
  CHECK_FALSE(store.owns("Per Berg", 1));
  CHECK_FALSE(store.coordinates("Ane Lie", 1));
}

TEST_CASE("the file's upkeep: a sound new database, its audit head, a copy", "[views][store]") {
  unit::TempFolder tmp;
  Database db = init_database(tmp.file("k.db"), default_rammeverk(), kClock, "tester");
  MaintenanceStore store(db);
  CHECK(store.integrity_first() == "ok");
  CHECK(store.integrity_problems().empty());
  CHECK(store.foreign_key_violations() == 0);
  CHECK(store.foreign_key_violations_by_table().empty());
  CHECK(store.case_count() == 0);
  const AuditHead head = store.last_audit_entry();
  CHECK(head.id >= 1);
  CHECK(head.hash.size() == 64);
  store.vacuum_into(tmp.file("copy.db"));
  Database copy = Database::open_raw(tmp.file("copy.db"));
  CHECK(MaintenanceStore(copy).last_audit_entry().hash == head.hash);
}

TEST_CASE("a FHIR bundle is composed from plain data, without a database", "[views][fhir]") {
  const Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "test.toml");
  nlohmann::json rows = nlohmann::json::object();
  for (const char* list : {"appeal_steps", "appeals", "assessments", "consents", "evaluations", "goals", "measures",
                           "preliminary_replies", "referrals", "replaced_decisions", "team_members", "what_matters"})
    rows[list] = nlohmann::json::array();
  for (const char* one : {"decision", "plan", "team"}) rows[one] = nullptr;
  const FhirCase c{"2026/7", true, StoredPerson{"23923901213", "fodselsnummer", "1939-03-23", std::string("Kari Nordmann")}};
  const nlohmann::json bundle = compose_fhir_bundle(rv, c, rows);
  CHECK(bundle["resourceType"] == "Bundle");
  CHECK(bundle["identifier"]["value"] == "2026/7");
  const nlohmann::json& patient = bundle["entry"][0]["resource"];
  CHECK(patient["resourceType"] == "Patient");
  // A synthetic number (month + 80) is never under the national OID.
  CHECK(patient["identifier"][0]["system"] == std::string(kSysSyntheticNumber));
  CHECK(patient["name"][0]["text"] == "Kari Nordmann");
  // The same data give the same bundle (fullUrls are derived, not random).
  CHECK(compose_fhir_bundle(rv, c, rows) == bundle);
}

TEST_CASE("remind's audit detail for one person is a message, read back in every form", "[views][audit]") {
  const std::string stored = audit_detail("remind", "audit.d.remind_for_escalated", {"3", "7", "Ane Lie"});
  CHECK(stored == "3 items, within 7 days, for Ane Lie, escalated");
  const auto read = read_audit_detail("remind", stored);
  REQUIRE(read);
  CHECK(read->key == "audit.d.remind_for_escalated");
  REQUIRE(read->args.size() == 3);
  CHECK(read->args[2].value == "Ane Lie");
  const auto plain = read_audit_detail("remind", "3 items, within 7 days, for Ane Lie");
  REQUIRE(plain);
  CHECK(plain->key == "audit.d.remind_for");
  CHECK(plain->args[2].value == "Ane Lie");
  const auto everyone = read_audit_detail("remind", "3 items, within 7 days");
  REQUIRE(everyone);
  CHECK(everyone->key == "audit.d.remind");
}
