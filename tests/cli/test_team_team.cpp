// oppteam team: create and every refusal with its exit code, and the rest of the family.

#include "cli/access_helpers.hpp"
#include "cli/test_team_helpers.hpp"


using namespace team_test;

namespace {

std::string rammeverk_with(const std::string& from, const std::string& to) {
  std::string t = test::read_file(test::source_path("examples/rammeverk.toml"));
  auto at = t.find(from);
  REQUIRE(at != std::string::npos);
  t.replace(at, from.size(), to);
  return t;
}

}  // namespace

TEST_CASE("team create: the core path, JSON and case status", "[team]") {
  test::Fixture f;
  const std::string c = granted_case(f);
  auto r = f.oppteam(cat(cat({"--json"}, core_team(c)), {"--participant", "Per Hansen:bruker", "--participant", "Kari Hansen:parorende"}));
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["case"] == c);
  CHECK(j["case_status"] == "active");
  CHECK(j["team"]["status"] == "active");
  CHECK(j["team"]["created_on"] == "2026-03-11");
  CHECK(j["team"]["coordinator"]["name"] == "Ane Lie");
  CHECK(j["team"]["coordinator"]["role"] == "koordinator");
  CHECK(j["team"]["members"].size() == 6);
  CHECK(j["team"]["members"][1]["kind"] == "gp");
  CHECK(j["team"]["members"][2]["service"] == "nav");
  CHECK(j["team"]["members"][2]["sector"] == "nav");
  CHECK(j["team"]["members"][5]["kind"] == "participant");
  CHECK(j["team"]["services"] == nlohmann::json::array({"nav", "hjemmetjenesten"}));
  CHECK(j["team"]["sectors"] == nlohmann::json::array({"nav", "helse"}));

  auto show = f.oppteam({"team", "show", c});
  REQUIRE(show.code == 0);
  CHECK(show.out.find("Koordinator: Ane Lie (Koordinator)") != std::string::npos);
  CHECK(show.out.find("Hjemmetjenesten") != std::string::npos);
  CHECK(show.out.find("11. mars 2026") != std::string::npos);
  auto log = f.oppteam({"--json", "audit", "log", "--case", c});
  bool create = false, read = false;
  const auto entries = log.json()["entries"];
  for (const auto& e : entries) {
    create = create || e["action"] == "team.create";
    read = read || e["action"] == "team.show";
  }
  CHECK(create);
  CHECK(read);
}

TEST_CASE("team create refusals, each with its exit code and the rule named", "[team]") {
  SECTION("no granted decision: 2") {
    test::Fixture f;
    const std::string c = refer(f);
    consent(f, c, "team");
    auto r = f.oppteam(cat({"--json"}, core_team(c)));
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "team.rule_decision_granted");
  }
  SECTION("a refused case: 2") {
    test::Fixture f;
    const std::string c = refer(f);
    consent(f, c, "utredning");
    consent(f, c, "team");
    REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
    REQUIRE(f.oppteam({"--today", "2026-03-10", "decide", c, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten"}).code == 0);
    CHECK(f.oppteam(core_team(c)).code == 2);
  }
  SECTION("no consent for team: 2") {
    test::Fixture f;
    const std::string c = refer(f);
    consent(f, c, "utredning");
    REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
    grant(f, c);
    auto r = f.oppteam(cat({"--json"}, core_team(c)));
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "rule.consent_required");
  }
  test::Fixture f;
  const std::string c = granted_case(f);
  SECTION("no coordinator though coordinator_required: 2") {
    auto r = f.oppteam({"--json", "team", "create", c, "--gp", "Dr. Berg", "--member", "Ola Dahl:nav_veileder:nav"});
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "team.rule_coordinator_required");
  }
  SECTION("a coordinator whose role may not coordinate: 2") {
    auto r = f.oppteam(cat(cat({"--json"}, core_team(c)), {"--coordinator-role", "hjemmesykepleie"}));
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "team.rule_coordinator_role");
  }
  SECTION("unknown role or service: 65, listing the allowed ids") {
    auto r = f.oppteam({"--json", "team", "create", c, "--coordinator", "Ane Lie", "--member", "Ola Dahl:trollmann:nav"});
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "team.unknown_role");
    CHECK(r.err.find("nav_veileder") != std::string::npos);  // the message lists the allowed ids
    r = f.oppteam({"--json", "team", "create", c, "--coordinator", "Ane Lie", "--member", "Ola Dahl:nav_veileder:posten"});
    CHECK(r.code == 65);
    CHECK(test::error_key(r) == "team.unknown_service");
    CHECK(r.err.find("hjemmetjenesten") != std::string::npos);
    CHECK(f.oppteam({"team", "create", c, "--coordinator", "Ane Lie", "--member", "Ola Dahl"}).code == 64);
    CHECK(f.oppteam({"team", "create", c, "--coordinator", "Ane Lie", "--participant", "Per:bruker:nav"}).code == 64);
  }
  SECTION("a member from a service outside the deling: consent: 2") {
    consent(f, c, "deling:nav", "2026-03-10");
    auto r = f.oppteam(cat({"--json"}, core_team(c)));
    CHECK(r.code == 2);
    CHECK(test::error_key(r) == "team.rule_sharing");
    CHECK(r.err.find("hjemmetjenesten") != std::string::npos);  // names the service
    consent(f, c, "deling:hjemmetjenesten", "2026-03-10");
    CHECK(f.oppteam(core_team(c)).code == 0);
  }
  SECTION("a second team: 2") {
    REQUIRE(f.oppteam(core_team(c)).code == 0);
    CHECK(f.oppteam(core_team(c)).code == 2);
  }
  SECTION("no such case: 1") { CHECK(f.oppteam(core_team("2026/42")).code == 1); }
}

TEST_CASE("team create: a GP where gp_required", "[team]") {
  test::Fixture f(rammeverk_with("gp_required = false", "gp_required = true"));
  const std::string c = granted_case(f);
  auto r = f.oppteam({"--json", "team", "create", c, "--coordinator", "Ane Lie", "--member", "Ola Dahl:nav_veileder:nav"});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "team.rule_gp_required");
  CHECK(f.oppteam({"team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg"}).code == 0);
}

TEST_CASE("team add, remove, coordinator, pause, resume, close", "[team]") {
  test::Fixture f;
  const std::string c = granted_case(f);
  REQUIRE(f.oppteam(core_team(c)).code == 0);

  auto r = f.oppteam({"--json", "--today", "2026-03-12", "team", "add", c, "--member", "Kari Nes:ergoterapeut:fysio_ergo",
                      "--participant", "Per Hansen:bruker"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()["team"]["current"].size() == 6);
  CHECK(f.oppteam({"team", "add", c, "--member", "Kari Nes:ergoterapeut:fysio_ergo"}).code == 2);  // already there
  CHECK(f.oppteam({"team", "add", c}).code == 64);

  r = f.oppteam({"--json", "--today", "2026-04-01", "team", "remove", c, "Ane Lie", "--reason", "Permisjon"});
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["team"]["has_coordinator"] == false);
  CHECK(j["team"]["coordinator"].is_null());
  CHECK(j["team"]["members"][0]["removed_on"] == "2026-04-01");
  CHECK(j["team"]["members"][0]["removed_reason"] == "Permisjon");
  CHECK(f.oppteam({"team", "remove", c, "Ane Lie"}).code == 1);
  // A team whose coordinator left without a replacement shows up in remind.
  auto no_coordinator = [&](const std::string& today) {
    auto rm = f.oppteam({"--json", "--today", today, "remind", "--within", "14"});
    INFO(rm.out << rm.err);
    REQUIRE(rm.code == 0);
    const auto items = rm.json()["items"];
    for (const auto& i : items)
      if (i["kind"] == "no_coordinator" && i["case"] == c) return true;
    return false;
  };
  CHECK(no_coordinator("2026-04-01"));

  r = f.oppteam({"--json", "--today", "2026-04-02", "team", "coordinator", c, "Siri Moe", "--role", "sykepleier"});
  REQUIRE(r.code == 0);
  CHECK(r.json()["team"]["coordinator"]["name"] == "Siri Moe");
  CHECK(r.json()["team"]["coordinator"]["role"] == "sykepleier");
  CHECK(r.json()["team"]["coordinator"]["added_on"] == "2026-04-02");
  CHECK_FALSE(no_coordinator("2026-04-02"));
  CHECK(f.oppteam({"team", "coordinator", c, "Ola Dahl", "--role", "pedagog"}).code == 2);
  CHECK(f.oppteam({"team", "coordinator", c, "Ola Dahl", "--role", "hekser"}).code == 65);
  r = f.oppteam({"--json", "--today", "2026-04-03", "team", "coordinator", c, "Ola Dahl"});
  REQUIRE(r.code == 0);
  auto members = r.json()["team"]["members"];
  int coordinators = 0, current_coordinators = 0;
  for (const auto& m : members) {
    if (m["kind"] != "coordinator") continue;
    ++coordinators;
    if (m["removed_on"].is_null()) ++current_coordinators;
  }
  CHECK(coordinators == 3);  // Ane Lie, Siri Moe, Ola Dahl: history kept
  CHECK(current_coordinators == 1);

  CHECK(f.oppteam({"team", "resume", c}).code == 2);  // not paused
  CHECK(f.oppteam({"team", "pause", c}).code == 64);   // --reason is required
  r = f.oppteam({"--json", "--today", "2026-04-10", "team", "pause", c, "--reason", "Innlagt på sykehus"});
  REQUIRE(r.code == 0);
  CHECK(r.json()["team"]["status"] == "paused");
  CHECK(r.json()["team"]["paused_on"] == "2026-04-10");
  CHECK(f.oppteam({"team", "pause", c, "--reason", "igjen"}).code == 2);

  // Resuming needs valid consent for team again.
  REQUIRE(f.oppteam({"--today", "2026-04-11", "consent", "withdraw", c, "--scope", "team"}).code == 0);
  r = f.oppteam({"--today", "2026-04-12", "team", "resume", c});
  CHECK(r.code == 2);
  consent(f, c, "team", "2026-04-20", "skriftlig");
  r = f.oppteam({"--json", "--today", "2026-04-20", "team", "resume", c});
  REQUIRE(r.code == 0);
  CHECK(r.json()["team"]["status"] == "active");

  CHECK(f.oppteam({"team", "close", c}).code == 64);  // --reason is required
  r = f.oppteam({"--json", "--today", "2026-06-01", "team", "close", c, "--reason", "Målene er nådd"});
  REQUIRE(r.code == 0);
  CHECK(r.json()["team"]["status"] == "closed");
  CHECK(r.json()["team"]["closed_on"] == "2026-06-01");
  CHECK(r.json()["case_status"] == "active");  // the case stays open for its final evaluation
  CHECK(f.oppteam({"team", "close", c, "--reason", "igjen"}).code == 2);
  CHECK(f.oppteam({"team", "add", c, "--member", "X Y:pedagog:skole"}).code == 2);

  auto show = f.oppteam({"--json", "team", "show", c});
  REQUIRE(show.code == 0);
  auto history = show.json()["team"]["history"];
  std::vector<std::string> actions;
  for (const auto& e : history) actions.push_back(e["action"]);
  for (const char* a : {"team.create", "team.add", "team.remove", "team.coordinator", "team.pause", "team.resume", "team.close"})
    CHECK(std::find(actions.begin(), actions.end(), a) != actions.end());
  CHECK(history.back()["date"] == "2026-06-01");
}

TEST_CASE("team show and changes on a case without a team: not found", "[team]") {
  test::Fixture f;
  const std::string c = refer(f);
  CHECK(f.oppteam({"team", "show", c}).code == 1);
  CHECK(f.oppteam({"team", "remove", c, "X"}).code == 1);
  CHECK(f.oppteam({"team", "pause", c, "--reason", "x"}).code == 1);
  CHECK(f.oppteam({"team", "show", "2026/77"}).code == 1);
  CHECK(f.oppteam({"team", "show", "x/y"}).code == 65);
  auto help = f.oppteam({"team", "create", "--help"});
  CHECK(help.code == 0);
  CHECK((help.out.find("Eksempel:") != std::string::npos || help.out.find("Eksempler:") != std::string::npos));  // the help is in the rammeverk's language
}

TEST_CASE("team and assess under [access]: 77 without the permission, the koordinator may read their team", "[team][access]") {
  // The scenario's dates are set with --today: a training role allows it.
  test::Fixture f(access_test::enforced(test::read_file(test::source_path("examples/rammeverk.toml")),
                                        {{"saksbehandler1", {"saksbehandler", "trainer"}}, {"Ane Lie", {"koordinator"}}, {"cron", {"it"}}},
                                        {{"trainer", {"access.other_date"}}}));
  const std::string c = granted_case(f);
  const auto as = [&](const std::string& user, const std::vector<std::string>& args) { return access_test::as(f, user, args); };
  auto r = as("cron", cat({"--json", "assess", c, "--instrument", "kjennetegn", "--assessor", "X", "--profession", "lege"}, kjennetegn_answers()));
  CHECK(r.code == 77);
  CHECK(test::error_key(r) == "access.refused");
  CHECK(r.err.find("assess") != std::string::npos);  // names the permission
  CHECK(as("cron", core_team(c)).code == 77);
  CHECK(as("Ane Lie", {"team", "show", c}).code == 77);  // not yet the coordinator of this case
  REQUIRE(f.oppteam(core_team(c)).code == 0);
  CHECK(as("Ane Lie", {"team", "show", c}).code == 0);    // coordinated:case.read
  CHECK(as("Ane Lie", {"team", "add", c, "--member", "Kari Nes:ergoterapeut:fysio_ergo"}).code == 77);
  CHECK(as("cron", {"team", "show", c}).code == 77);
}
