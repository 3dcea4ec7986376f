// Issue 14, point 7: corrections without loss. A person's name, a
// referral's need, date and reporter, a goal's or measure's text,
// responsible and due date are corrected and a consent or an assessment
// entered in error is voided, each with a reason; the old value is kept,
// shown in case show and person export, and audited with before and after.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

TEST_CASE("correct name, referral, goal and measure: the old value is kept and shown", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = granted_case(f);
  REQUIRE(f.oppteam(core_team(c)).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt hjeme"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Besøk", "--responsible",
                     "Siri Moe", "--due", "2026-04-01"}).code == 0);

  // A reason is required.
  CHECK(f.oppteam({"--today", "2026-03-13", "person", "correct", kFnr, "--name", "Per Hanssen"}).code == 64);
  auto name = ok(f, {"--today", "2026-03-13", "--json", "person", "correct", kFnr, "--name", "Per Hanssen", "--reason", "Feilstavet"});
  test::check_fields(name.json(), {{"before", "Per Hansen"}, {"after", "Per Hanssen"}});

  const auto shown = f.oppteam({"--json", "case", "show", c}).json();
  const auto referral_id = shown["referrals"][0]["id"].get<std::int64_t>();
  auto need = f.oppteam({"--today", "2026-03-13", "refer", "correct", c, std::to_string(referral_id), "--need",
                         "Trenger koordinering av hjemmetjenester", "--received", "2026-03-01", "--reason", "Skrevet av feil"});
  INFO(need.err);
  REQUIRE(need.code == 0);
  CHECK(f.oppteam({"--today", "2026-03-13", "refer", "correct", c, "999", "--need", "x", "--reason", "y"}).code == 1);
  CHECK(f.oppteam({"--today", "2026-03-13", "refer", "correct", c, std::to_string(referral_id), "--received", "2027-01-01",
                   "--reason", "y"}).code == 65);
  REQUIRE(f.oppteam({"--today", "2026-03-13", "plan", "correct", c, "--goal", "1", "--text", "Bo trygt heime", "--reason", "Skrivefeil"}).code == 0);
  auto measure = f.oppteam({"--today", "2026-03-13", "plan", "correct", c, "--measure", "1", "--responsible", "Ola Dahl", "--due", "2026-04-15",
                            "--reason", "Byttet ansvarlig"});
  INFO(measure.err);
  REQUIRE(measure.code == 0);

  const auto j = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(j["person"]["name"] == "Per Hanssen");
  CHECK(j["referrals"][0]["need"] == "Trenger koordinering av hjemmetjenester");
  CHECK(j["referrals"][0]["received"] == "2026-03-01");
  CHECK(j["plan"]["goals"][0]["text"] == "Bo trygt heime");
  CHECK(j["plan"]["measures"][0]["responsible"] == "Ola Dahl");
  CHECK(j["plan"]["measures"][0]["due"] == "2026-04-15");
  const auto corrections = j["corrections"];
  REQUIRE(corrections.size() == 6);  // name, need, received, goal text, responsible, due
  CHECK(corrections[0]["field"] == "name");
  CHECK(corrections[0]["before"] == "Per Hansen");
  CHECK(corrections[0]["after"] == "Per Hanssen");
  CHECK(corrections[0]["reason"] == "Feilstavet");
  CHECK(corrections[0]["corrected_by"] == "saksbehandler1");
  auto text = f.oppteam({"case", "show", c});
  CHECK(text.out.find("Per Hansen") != std::string::npos);  // the old name is still shown, as history

  auto exp = f.oppteam({"--json", "person", "export", kFnr});
  INFO(exp.err);
  REQUIRE(exp.code == 0);
  CHECK(exp.out.find("Feilstavet") != std::string::npos);

  auto verify = f.oppteam({"--json", "audit", "verify"});
  INFO(verify.out);
  CHECK(verify.code == 0);
  auto log = f.oppteam({"--json", "audit", "log", "--case", c});
  int corrections_audited = 0;
  const auto entries = log.json()["entries"];
  for (const auto& e : entries) corrections_audited += e["action"].get<std::string>().rfind("correct.", 0) == 0;
  CHECK(corrections_audited >= 3);  // referral, goal, measure (the name is about the person, not the case)
}

TEST_CASE("void a consent or an assessment entered in error", "[paths]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  consent(f, c, "utredning");
  auto list = f.oppteam({"--json", "consent", "list", c});
  const auto consent_id = list.json()["consents"][0]["id"].get<std::int64_t>();
  CHECK(f.oppteam({"--today", "2026-03-04", "case", "void", c, "--consent", std::to_string(consent_id)}).code == 64);
  auto v = f.oppteam({"--today", "2026-03-04", "case", "void", c, "--consent", std::to_string(consent_id), "--reason",
                      "Registrert på feil sak"});
  INFO(v.err);
  REQUIRE(v.code == 0);
  // The voided consent no longer counts: assess needs consent for utredning.
  auto a = assess(f, c, "Ane Lie", "sykepleier");
  CHECK(a.code == 2);
  const auto j = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(j["consents"][0]["voided"] == true);
  CHECK(j["consents"][0]["valid"] == false);

  consent(f, c, "utredning", "2026-03-04");
  a = assess(f, c, "Ane Lie", "sykepleier");
  REQUIRE(a.code == 0);
  const auto k = f.oppteam({"--json", "case", "show", c}).json();
  const auto assessment_id = k["assessments"][0]["id"].get<std::int64_t>();
  auto va = f.oppteam({"--today", "2026-03-05", "case", "void", c, "--assessment", std::to_string(assessment_id), "--reason",
                       "Feil person kartlagt"});
  INFO(va.err);
  REQUIRE(va.code == 0);
  // A decision needs an assessment that stands.
  CHECK(f.oppteam({"--today", "2026-03-10", "decide", c, "--grant"}).code == 2);
  const auto m = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(m["assessments"][0]["voided"] == true);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}
