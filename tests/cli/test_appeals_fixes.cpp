// Review fixes of issue 14's paths: reopen and the team consent, voiding a
// team consent, one user date parser for refer correct and refer add
// --declined, case close through the team's own close, and no
// self-assignment through a coordinated: grant.

#include "cli/test_paths_helpers.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"


using namespace team_test;

namespace {

std::int64_t team_consent_id(test::Fixture& f, const std::string& c) {
  const auto j = f.oppteam({"--json", "consent", "list", c}).json();
  for (const auto& k : j["consents"])
    if (k["scope"] == "team") return k["id"].get<std::int64_t>();
  FAIL("no team consent");
  return 0;
}

}  // namespace

TEST_CASE("case reopen leaves the team paused when its team consent no longer holds", "[paths][appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = team_case(f);
  REQUIRE(f.oppteam({"--today", "2026-03-21", "case", "close", c, "--reason", "moved", "--to-municipality", "Bergen"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-22", "consent", "withdraw", c, "--scope", "team", "--reason", "Vil ikke"}).code == 0);
  auto back = f.oppteam({"--today", "2026-04-01", "--json", "case", "reopen", c, "--reason", "Flyttet tilbake"});
  INFO(back.err);
  REQUIRE(back.code == 0);
  CHECK(back.json()["team_paused"] == true);
  const auto j = f.oppteam({"--today", "2026-04-01", "--json", "case", "show", c}).json();
  CHECK(j["team"]["status"] == "paused");
  // It stays paused until a team consent is given again.
  CHECK(f.oppteam({"--today", "2026-04-01", "team", "resume", c}).code == 2);
  consent(f, c, "team", "2026-04-02");
  CHECK(f.oppteam({"--today", "2026-04-02", "team", "resume", c}).code == 0);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("case void of the team consent pauses the team and keeps a real withdrawal's who and why", "[paths][appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = team_case(f);
  const std::string id = std::to_string(team_consent_id(f, c));
  auto v = f.oppteam({"--today", "2026-03-12", "case", "void", c, "--consent", id, "--reason", "Feil sak"});
  INFO(v.err);
  REQUIRE(v.code == 0);
  CHECK(f.oppteam({"--json", "case", "show", c}).json()["team"]["status"] == "paused");
  // Voiding twice is refused.
  CHECK(f.oppteam({"--today", "2026-03-12", "case", "void", c, "--consent", id, "--reason", "Igjen"}).code == 2);

  // A consent withdrawn by the person, voided later by someone else: the withdrawal's who and why stay.
  consent(f, c, "team", "2026-03-13");
  const auto list = f.oppteam({"--json", "consent", "list", c}).json();
  const std::string second = std::to_string(list["consents"].back()["id"].get<std::int64_t>());
  REQUIRE(f.oppteam({"--today", "2026-03-14", "consent", "withdraw", c, "--id", second, "--reason", "Personen trakk"}).code == 0);
  auto v2 = test::run({"--db", f.db(), "--as", "leder2", "--today", "2026-03-15", "case", "void", c, "--consent", second,
                       "--reason", "Feilregistrert"},
                      "", {{"HOME", f.dir.path()}});
  INFO(v2.err);
  REQUIRE(v2.code == 0);
  const auto after = f.oppteam({"--json", "consent", "list", c}).json();
  const auto k = after["consents"].back();
  CHECK(k["withdrawn_by"] == "saksbehandler1");
  CHECK(k["withdraw_reason"] == "Personen trakk");
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("refer correct and refer add --declined take the dates users type", "[paths][appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refer(f);
  const auto r = ok(f, {"--today", "2026-03-05", "--json", "refer", "correct", c, "1", "--received", "i dag", "--reason", "Feil dato"});
  CHECK(r.json()["after"] == "2026-03-05");
  const auto d = ok(f, {"--today", "2026-03-05", "--json", "refer", "add", "--fnr", robust::synthetic_fnr(2), "--reporter-type",
                        "fastlege", "--received", "i dag", "--need", "Screening", "--declined", "muntlig"});
  CHECK(d.json()["status"] == "closed");
}

TEST_CASE("case close closes the team by the team's own close and stores the reason's id", "[paths][appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = team_case(f);
  REQUIRE(f.oppteam({"--today", "2026-03-21", "case", "close", c, "--reason", "died"}).code == 0);
  const auto j = f.oppteam({"--json", "case", "show", c}).json();
  CHECK(j["close_reason"] == "died");
  CHECK(j["team"]["close_reason"] == "died");
  CHECK(j["team"]["closed_on"] == "2026-03-21");
}

TEST_CASE("a koordinator cannot assign the case to themselves through a coordinated: grant", "[paths][appeals]") {
  test::Fixture f(paths_test::enforced(paths_test::rammeverk(),
                                       {{"leder1", {"saksbehandler", "datoer"}}, {"Ane Lie", {"koordinator", "fordeler"}},
                                        {"kari", {"saksbehandler"}}},
                                       {{"datoer", {"access.other_date", "audit.*"}}, {"fordeler", {"coordinated:case.assign"}}}));
  const auto as = [&](const std::string& user, const std::vector<std::string>& args) { return paths_test::as(f, user, args); };
  const std::string fnr = kFnr;
  auto r = as("leder1", {"--today", "2026-03-02", "--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege",
                         "--received", "2026-03-02", "--need", "x"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string c = r.json()["case"].get<std::string>();
  for (const char* scope : {"utredning", "team"})
    REQUIRE(as("leder1", {"--today", "2026-03-03", "consent", "give", c, "--scope", scope, "--form", "muntlig", "--given-by",
                          "person"}).code == 0);
  REQUIRE(as("leder1", cat({"--today", "2026-03-04", "assess", c, "--instrument", "kjennetegn"},
                           cat(kjennetegn_answers(), {"--assessor", "Ane Lie", "--profession", "sykepleier"}))).code == 0);
  REQUIRE(as("leder1", {"--today", "2026-03-10", "decide", c, "--grant"}).code == 0);
  REQUIRE(as("leder1", {"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg"}).code == 0);

  auto self = as("Ane Lie", {"--json", "case", "assign", c, "--to", "Ane Lie"});
  CHECK(self.code == 77);
  CHECK(test::error_key(self) == "access.refused_self_assign");
  CHECK(self.err.find("case.assign") != std::string::npos);  // names the permission
  CHECK(as("Ane Lie", {"case", "assign", c, "--to", "kari"}).code == 0);
  // Refused like every other refusal: audited.
  const auto log = as("leder1", {"--json", "audit", "log", "--case", c}).json();
  int refused = 0;
  const auto entries = log["entries"];
  for (const auto& e : entries) refused += e["action"] == "access.refused";
  CHECK(refused == 1);
  // Appeals need appeal.write: a koordinator has none, a saksbehandler has appeal.*.
  CHECK(as("Ane Lie", {"appeal", "register", c, "--received", "i dag", "--from", "person"}).code == 77);
  CHECK(as("kari", {"appeal", "register", c, "--received", "i dag", "--from", "person"}).code == 0);
  CHECK(as("leder1", {"audit", "verify"}).code == 0);
}
