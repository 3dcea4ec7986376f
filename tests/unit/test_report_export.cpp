// case export --fhir, person export and purge on the three cases of
// tests/fhir/cases.sql (a child with parental consent, an elderly person
// with a withdrawn consent, a closed case).

#include "unit/audit_fixture.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/embedded.hpp>
#include <oppteam/documents/person_document.hpp>
#include <oppteam/process/fhir.hpp>
#include <oppteam/process/person_export.hpp>
#include <oppteam/process/purge.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace oppteam;

namespace {

struct Cases {
  unit::TempFolder tmp;
  Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "test.toml");
  Clock clock{*try_parse_date("2026-06-01")};
  Database db = init_database(tmp.file("k.db"), rv, clock, "tester");
  Context ctx{db, rv, clock, "saksbehandler1", Lang::nb};

  Cases() {
    std::ifstream in(std::string(OPPTEAM_SOURCE_DIR) + "/tests/fhir/cases.sql");
    std::stringstream sql;
    sql << in.rdbuf();
    REQUIRE(!sql.str().empty());
    // Its own BEGIN and COMMIT give way to the fixture's transaction.
    std::string text = sql.str();
    for (const char* statement : {"BEGIN;\n", "COMMIT;\n"}) {
      const auto at = text.find(statement);
      REQUIRE(at != std::string::npos);
      text.erase(at, std::string(statement).size());
    }
    unit::as_command(db, rv, clock, [&] { db.sql().exec(text); });
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Statement q(db.sql(), sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }
};

std::vector<nlohmann::json> of_type(const nlohmann::json& bundle, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const auto& e : bundle["entry"])
    if (e["resource"]["resourceType"] == type) out.push_back(e["resource"]);
  return out;
}

void collect_refs(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == "reference" && v.is_string()) out.push_back(v.get<std::string>());
      else collect_refs(v, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_refs(v, out);
  }
}

}  // namespace

TEST_CASE("FHIR bundle of a child's case: parental consent, team, plan, references resolve", "[report]") {
  Cases c;
  auto b = export_case_fhir(c.ctx, "2026/1");
  CHECK(b["resourceType"] == "Bundle");
  CHECK(b["type"] == "collection");
  std::set<std::string> urls;
  for (const auto& e : b["entry"]) {
    const std::string u = e["fullUrl"];
    CHECK(u.rfind("urn:uuid:", 0) == 0);
    CHECK(u.size() == 45);
    CHECK(urls.insert(u).second);
  }
  std::vector<std::string> refs;
  collect_refs(b, refs);
  CHECK(!refs.empty());
  for (const auto& r : refs) CHECK(urls.count(r) == 1);

  auto patients = of_type(b, "Patient");
  REQUIRE(patients.size() == 1);
  // a synthetic test number (month + 80): never under the fødselsnummer OID
  CHECK(patients[0]["identifier"][0]["system"] == "urn:oppteam:identifier:synthetic-personal-number");
  CHECK(patients[0]["identifier"][0]["value"] == "14851650181");
  CHECK(patients[0]["birthDate"] == "2016-05-14");
  auto consents = of_type(b, "Consent");
  REQUIRE(consents.size() == 3);
  auto related = of_type(b, "RelatedPerson");
  REQUIRE(related.size() == 1);
  CHECK(related[0]["name"][0]["text"] == "Pia Nilsen");
  CHECK(related[0]["relationship"][0]["coding"][0]["code"] == "PRN");  // foresatt: a parent (and pårørende in the team)
  std::string mother_url;
  for (const auto& e : b["entry"])
    if (e["resource"]["resourceType"] == "RelatedPerson") mother_url = e["fullUrl"];
  for (const auto& k : consents) {
    CHECK(k["status"] == "active");
    CHECK(k["performer"][0]["reference"] == mother_url);
  }
  CHECK(consents[2]["scope"]["coding"][0]["code"] == "patient-privacy");
  CHECK(of_type(b, "ServiceRequest").size() == 1);
  CHECK(of_type(b, "QuestionnaireResponse").size() == 1);
  CHECK(of_type(b, "RiskAssessment").size() == 1);
  auto team = of_type(b, "CareTeam");
  REQUIRE(team.size() == 1);
  CHECK(team[0]["participant"].size() == 4);
  CHECK(team[0]["participant"][3]["period"]["end"] == "2026-04-01");
  auto plan = of_type(b, "CarePlan");
  REQUIRE(plan.size() == 1);
  CHECK(plan[0]["activity"].size() == 2);
  CHECK(plan[0]["goal"].size() == 2);
  CHECK(of_type(b, "Goal").size() == 2);

  // deterministic: the same case exports to the same bundle
  CHECK(export_case_fhir(c.ctx, "2026/1") == b);
  // audited with the person, one entry per export
  CHECK(c.count("SELECT COUNT(*) FROM audit WHERE action = 'case.export' AND object = '2026/1' AND person = '14851650181'") == 2);
}

TEST_CASE("FHIR bundle: a withdrawn consent is inactive, evaluations become Observations", "[report]") {
  Cases c;
  auto b = export_case_fhir(c.ctx, "2026/2");
  auto consents = of_type(b, "Consent");
  REQUIRE(consents.size() == 2);
  CHECK(consents[0]["status"] == "active");
  CHECK(consents[1]["status"] == "inactive");
  CHECK(consents[1]["provision"]["period"]["end"] == "2026-05-02");
  CHECK(of_type(b, "ServiceRequest").size() == 2);
  CHECK(of_type(b, "CareTeam")[0]["status"] == "suspended");
  auto obs = of_type(b, "Observation");
  CHECK(obs.size() == 5);  // 2 indicators, 1 goal score, quality, and the evaluation's decision holding them
  CHECK(obs[4]["hasMember"].size() == 4);
  CHECK(of_type(b, "QuestionnaireResponse")[0]["status"] == "in-progress");
}

TEST_CASE("FHIR bundle of a closed case, unknown and malformed case numbers", "[report]") {
  Cases c;
  auto b = export_case_fhir(c.ctx, "2025/7");
  CHECK(of_type(b, "CareTeam")[0]["status"] == "inactive");
  CHECK(of_type(b, "CarePlan")[0]["status"] == "completed");
  auto goals = of_type(b, "Goal");
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["lifecycleStatus"] == "completed");
  CHECK(goals[1]["lifecycleStatus"] == "cancelled");
  CHECK_THROWS_MATCHES(export_case_fhir(c.ctx, "2025/99"), Error, Catch::Predicate<Error>([](const Error& e) { return e.code() == ExitCode::not_found; }));
  CHECK_THROWS_MATCHES(export_case_fhir(c.ctx, "x/1"), Error, Catch::Predicate<Error>([](const Error& e) { return e.code() == ExitCode::data; }));
}

TEST_CASE("deterministic UUIDs are RFC 9562 version 8", "[report]") {
  auto u = deterministic_urn_uuid("oppteam:9999:2026/1:Patient:1");
  CHECK(u == deterministic_urn_uuid("oppteam:9999:2026/1:Patient:1"));
  CHECK(u != deterministic_urn_uuid("oppteam:9999:2026/1:Patient:2"));
  CHECK(u[9 + 14] == '8');
  CHECK(std::string("89ab").find(u[9 + 19]) != std::string::npos);
}

TEST_CASE("person export: every case row and who has read or changed them, audited", "[report]") {
  Cases c;
  export_case_fhir(c.ctx, "2026/2");  // an earlier read the export must show
  auto doc = export_person(c.ctx, "03894810016");
  CHECK(doc["person"]["name"] == "Klara Berg");
  REQUIRE(doc["cases"].size() == 1);
  const auto& k = doc["cases"][0];
  CHECK(k["case"]["number"] == "2026/2");
  CHECK(k["referrals"].size() == 2);
  CHECK(k["consents"].size() == 2);
  CHECK(k["consents"][1]["withdraw_reason"] == "Ønsker ikke team lenger");
  CHECK(k["evaluations"][0]["indicators"].size() == 2);
  CHECK(k["team_members"].size() == 1);
  bool saw_export = false;
  for (const auto& a : doc["audit"]) saw_export |= a["action"] == "case.export" && a["actor"] == "saksbehandler1";
  CHECK(saw_export);
  CHECK(c.count("SELECT COUNT(*) FROM audit WHERE action = 'person.export' AND person = '03894810016'") == 1);
  const std::string text = compose_person_document(doc, c.ctx.rv, c.ctx.lang);
  INFO(text);
  // The case; who read it, in words; and the person's rights.
  for (const char* part : {"Sak 2026/2", "saksbehandler1 hentet ut saken (sak 2026/2)", "saksbehandler1", "Datatilsynet", "Retting"}) {
    INFO(part);
    CHECK(text.find(part) != std::string::npos);
  }
  // No raw keys, flags or JSON for the person to decode.
  for (const char* raw : {"content_hash", "partial", "case.export", "status granted", "{\"", "_id", "created_at"})
    CHECK(text.find(raw) == std::string::npos);
  CHECK_THROWS_MATCHES(export_person(c.ctx, "21875520048x"), Error, Catch::Predicate<Error>([](const Error& e) { return e.code() == ExitCode::not_found; }));
}

TEST_CASE("purge deletes closed cases and their rows, keeps the audit chain verifiable", "[report]") {
  Cases c;
  c.rv.reports.retention_years = 0;
  export_case_fhir(c.ctx, "2025/7");  // an audit entry naming the person
  auto dry = purge_closed(c.ctx, *try_parse_date("2026-01-01"), true);
  CHECK(dry.cases == std::vector<std::string>{"2025/7"});
  CHECK(dry.persons_deleted == 1);
  CHECK(c.count("SELECT COUNT(*) FROM case_file") == 3);
  const auto audit_before = c.count("SELECT COUNT(*) FROM audit");

  auto none = purge_closed(c.ctx, *try_parse_date("2025-12-15"), false);  // closed_on is not before
  CHECK(none.cases.empty());

  // Never archived: refused (2) unless forced.
  CHECK_THROWS_MATCHES(purge_closed(c.ctx, *try_parse_date("2026-01-01"), false), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == ExitCode::refused; }));
  CHECK(c.count("SELECT COUNT(*) FROM case_file") == 3);
  auto done = purge_closed(c.ctx, *try_parse_date("2026-01-01"), false, true);
  CHECK(done.cases == std::vector<std::string>{"2025/7"});
  CHECK(c.count("SELECT COUNT(*) FROM case_file") == 2);
  CHECK(c.count("SELECT COUNT(*) FROM person WHERE fnr = '21875520048'") == 0);
  for (const char* t : {"referral", "consent", "assessment", "what_matters", "decision", "team", "plan", "evaluation"})
    CHECK(c.count(std::string("SELECT COUNT(*) FROM ") + t + " WHERE case_id = 3") == 0);
  CHECK(c.count("SELECT COUNT(*) FROM team_member WHERE team_id = 3") == 0);
  CHECK(c.count("SELECT COUNT(*) FROM goal WHERE plan_id = 3") == 0);
  CHECK(c.count("SELECT COUNT(*) FROM indicator_value WHERE evaluation_id IN (2, 3)") == 0);
  // the audit log is only appended to: one entry by case number, no person
  CHECK(c.count("SELECT COUNT(*) FROM audit") == audit_before + 1);
  CHECK(c.count("SELECT COUNT(*) FROM audit WHERE action = 'purge' AND object = '2025/7' AND person = ''") == 1);
  auto v = audit_verify(c.db);
  CHECK(v.ok);
}

TEST_CASE("purge respects the retention period of the rammeverk", "[report]") {
  Cases c;
  c.rv.reports.retention_years = 10;
  CHECK(format_date(purge_limit(c.rv, *try_parse_date("2026-06-01"))) == "2016-06-01");
  CHECK(format_date(purge_limit(c.rv, *try_parse_date("2028-02-29"))) == "2018-02-28");
  CHECK_THROWS_MATCHES(purge_closed(c.ctx, *try_parse_date("2026-01-01"), true), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == ExitCode::refused; }));
  CHECK(c.count("SELECT COUNT(*) FROM case_file") == 3);
  auto ok = purge_closed(c.ctx, *try_parse_date("2016-06-01"), false);
  CHECK(ok.cases.empty());
}
