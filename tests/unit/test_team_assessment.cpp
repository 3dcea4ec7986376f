// Recording assessments: rules, storage, professions and the rammeverk-hash rule.

#include "unit/test_team_fixture.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/assessment.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;
using unit::code_of;
using unit::key_of;

namespace {

AssessmentInput kjennetegn(const std::string& assessor, const std::string& profession) {
  AssessmentInput in;
  in.case_number = "2026/1";
  in.instrument = "kjennetegn";
  in.assessor = assessor;
  in.profession = profession;
  in.answers = {{"flere_diagnoser", "ja"},  {"funksjonsfall", "2"}, {"psykisk_helse", "nei"}, {"rus", "nei"},
                {"sosiale_forhold", "ja"},  {"mange_tjenester", "ja"}, {"innleggelser", "nei"},
                {"parorende_belastning", "nei"}};
  return in;
}

int count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }

}  // namespace

TEST_CASE("an assessment is scored, stored with instrument version and rammeverk hash, and audited", "[team][assess]") {
  unit::CaseFixture f;
  f.consent("utredning");
  auto in = kjennetegn("Ane Lie", "sykepleier");
  in.what_matters = {"Å bo heime", "  ", "Å treffe barnebarna"};
  const auto r = record_assessment(f.ctx, in);
  CHECK(r.assessment.score == 1 + 2 + 1 + 2);
  CHECK(r.assessment.threshold == 4);
  CHECK(r.assessment.recommendation == "team");
  CHECK(r.assessment.rammeverk_hash == f.rv.hash);
  CHECK_FALSE(f.rv.hash.empty());
  CHECK(r.professions == std::vector<std::string>{"sykepleier"});
  CHECK(r.assessment.what_matters == std::vector<std::string>{"Å bo heime", "Å treffe barnebarna"});

  const auto stored = list_assessments(f.db, f.case_id);
  REQUIRE(stored.size() == 1);
  const auto& a = stored[0];
  CHECK(a.instrument == "kjennetegn");
  CHECK(a.instrument_version == 1);
  CHECK(a.assessor == "Ane Lie");
  CHECK(a.profession == "sykepleier");
  CHECK(a.assessed_on == "2026-03-10");
  CHECK(a.score == 6);
  CHECK(a.answers.at("funksjonsfall") == 2);
  CHECK_FALSE(a.partial);
  REQUIRE(a.domains.size() == 5);
  CHECK(a.domains[0] == std::make_pair(std::string("helse"), 1));
  CHECK(a.domains[1] == std::make_pair(std::string("funksjon"), 2));
  CHECK(a.what_matters.size() == 2);
  CHECK(count(f.db, "SELECT COUNT(*) FROM what_matters WHERE assessment_id = 1") == 2);
  CHECK(count(f.db, "SELECT COUNT(*) FROM audit WHERE action = 'assess' AND object = '2026/1' AND person = '23923901213'") == 1);
  CHECK(audit_verify(f.db).ok);
}

TEST_CASE("several professions assess one case side by side", "[team][assess]") {
  unit::CaseFixture f;
  f.consent("utredning");
  record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier"));
  record_assessment(f.ctx, kjennetegn("Dr. Berg", "lege"));
  const auto r = record_assessment(f.ctx, kjennetegn("Ola Dahl", "sosionom"));
  CHECK(r.professions == std::vector<std::string>{"sykepleier", "lege", "sosionom"});
  record_assessment(f.ctx, kjennetegn("Siri Moe", "sykepleier"));
  CHECK(assessment_professions(f.db, f.case_id).size() == 3);
  CHECK(list_assessments(f.db, f.case_id).size() == 4);
}

TEST_CASE("assessment needs valid consent for utredning where the rammeverk says so", "[team][assess]") {
  unit::CaseFixture f;
  CHECK(key_of([&] { record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == "rule.consent_required");
  CHECK(code_of([&] { record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == ExitCode::refused);
  f.consent("team");  // the wrong scope does not help
  CHECK(code_of([&] { record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == ExitCode::refused);
  f.consent("utredning", "2026-03-11");  // given after today
  CHECK(code_of([&] { record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == ExitCode::refused);
  CHECK(count(f.db, "SELECT COUNT(*) FROM assessment") == 0);

  unit::CaseFixture g;
  g.consent("utredning");
  g.withdraw("utredning", "2026-03-09");
  CHECK(code_of([&] { record_assessment(g.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == ExitCode::refused);
}

TEST_CASE("no consent is needed when the rammeverk does not require it for assess", "[team][assess]") {
  std::string toml(embedded::example_rammeverk);
  const std::string from = "consent_required_for = [\"assess\", \"team\"]";
  toml.replace(toml.find(from), from.size(), "consent_required_for = [\"team\"]");
  unit::CaseFixture f(toml);
  CHECK(record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")).assessment.id == 1);
}

TEST_CASE("a closed or refused case cannot be assessed", "[team][assess]") {
  unit::CaseFixture f;
  f.consent("utredning");
  f.set_status("closed");
  CHECK(key_of([&] { record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == "assess.case_closed");
  f.set_status("refused");
  CHECK(code_of([&] { record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")); }) == ExitCode::refused);
  auto in = kjennetegn("Ane Lie", "sykepleier");
  in.case_number = "2026/9";
  CHECK(code_of([&] { record_assessment(f.ctx, in); }) == ExitCode::not_found);
}

TEST_CASE("bad answers, missing assessor and unknown instruments store nothing", "[team][assess]") {
  unit::CaseFixture f;
  f.consent("utredning");
  auto in = kjennetegn("Ane Lie", "sykepleier");
  in.answers.push_back({"funksjonsfall", "7"});
  CHECK(code_of([&] { record_assessment(f.ctx, in); }) == ExitCode::data);
  in = kjennetegn("", "sykepleier");
  CHECK(code_of([&] { record_assessment(f.ctx, in); }) == ExitCode::usage);
  in = kjennetegn("Ane Lie", " ");
  CHECK(code_of([&] { record_assessment(f.ctx, in); }) == ExitCode::usage);
  in = kjennetegn("Ane Lie", "sykepleier");
  in.instrument = "ukjent";
  CHECK(code_of([&] { record_assessment(f.ctx, in); }) == ExitCode::data);  // not in the rammeverk (SPEC: 65)
  in = kjennetegn("Ane Lie", "sykepleier");
  in.answers.pop_back();
  CHECK(key_of([&] { record_assessment(f.ctx, in); }) == "assess.unanswered");
  CHECK(count(f.db, "SELECT COUNT(*) FROM assessment") == 0);
  in.allow_partial = true;
  const auto r = record_assessment(f.ctx, in);
  CHECK(r.assessment.partial);
  CHECK(r.assessment.unanswered == std::vector<std::string>{"parorende_belastning"});
  CHECK(list_assessments(f.db, f.case_id).at(0).unanswered == std::vector<std::string>{"parorende_belastning"});
}

TEST_CASE("rammeverk-hash rule: changing the instrument's weights never changes a stored score", "[team][assess]") {
  unit::CaseFixture f;
  f.consent("utredning");
  const auto before = record_assessment(f.ctx, kjennetegn("Ane Lie", "sykepleier")).assessment;
  CHECK(before.score == 6);
  CHECK(before.recommendation == "team");

  // A new rammeverk in force: every weight of kjennetegn 2, threshold 20
  // (the highest score: a threshold above it is refused, issue 13).
  std::string toml(embedded::example_rammeverk);
  for (std::size_t at = toml.find("weight = "); at != std::string::npos; at = toml.find("weight = ", at + 1))
    toml.replace(at, std::string("weight = 1").size(), "weight = 2");
  toml.replace(toml.find("recommend_at = 4"), std::string("recommend_at = 4").size(), "recommend_at = 20");
  const Rammeverk changed = load_rammeverk(toml, "changed.toml");
  REQUIRE(changed.hash != f.rv.hash);
  store_rammeverk(f.db, changed, f.clock, "tester");
  Context ctx2{f.db, changed, f.clock, "tester", Lang::en};

  const auto after = record_assessment(ctx2, kjennetegn("Dr. Berg", "lege")).assessment;
  CHECK(after.score == 10);
  CHECK(after.recommendation == "no_team");
  CHECK(after.rammeverk_hash == changed.hash);

  const auto stored = list_assessments(f.db, f.case_id);
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].score == 6);
  CHECK(stored[0].threshold == 4);
  CHECK(stored[0].recommendation == "team");
  CHECK(stored[0].rammeverk_hash == f.rv.hash);
  CHECK(stored[1].score == 10);
  CHECK(stored[1].threshold == 20);
}
