// Trial s12 #11, #12 and #15: the words of a few screens and letters.
// --member takes a role and a service by their label as every other option
// does; plan history shows statuses and decisions in the reader's language;
// an appeal from someone unnamed reads without a stray space; an escalated
// reminder names who gets it (the leaders, else the coordinating unit); a
// letter nobody signed by name is signed by the unit, never by a login.
// Personal numbers are synthetic (month + 80).

#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("team create and team add take a member's role and service by their id or their label", "[wording][s12]") {
  test::Fixture f;
  const std::string c = granted_case(f);
  // "NAV-veileder" is nav_veileder's label, "NAV Eksempel" the service nav's, "bruker" in upper case a role's id folded.
  ok(f, {"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg", "--member",
         "Ola Dahl:NAV-veileder:NAV Eksempel", "--member", "Siri Moe:hjemmesykepleie:Hjemmetjenesten", "--participant", "Per Hansen:BRUKER"});
  ok(f, {"--today", "2026-03-11", "team", "add", c, "--member", "Kari Nes:Ergoterapeut:Fysio- og ergoterapitjenesten"});
  const auto team = ok(f, {"--json", "team", "show", c}).json();
  std::map<std::string, std::pair<std::string, std::string>> stored;
  for (const auto& m : team["team"]["members"])
    stored[m["name"].get<std::string>()] = {m["role"].get<std::string>(), m["service"].is_null() ? "" : m["service"].get<std::string>()};
  INFO(team.dump());
  CHECK(stored["Ola Dahl"] == std::make_pair(std::string("nav_veileder"), std::string("nav")));
  CHECK(stored["Siri Moe"] == std::make_pair(std::string("hjemmesykepleie"), std::string("hjemmetjenesten")));
  CHECK(stored["Kari Nes"].first == "ergoterapeut");
  CHECK(stored["Per Hansen"].first == "bruker");

  // A miss names the nearest value, by its label as well as by its id (65).
  auto role = f.oppteam({"--json", "--lang", "en", "team", "add", c, "--member", "Eva Li:NAV-veiledr:nav"});
  CHECK(role.code == 65);
  CHECK(test::error_key(role) == "team.unknown_role");
  CHECK(has(role.out, "nav_veileder"));
  auto service = f.oppteam({"--json", "--lang", "en", "team", "add", c, "--member", "Eva Li:nav_veileder:NAV Eksempl"});
  CHECK(service.code == 65);
  CHECK(test::error_key(service) == "team.unknown_service");
  CHECK(has(service.out, "Did you mean 'nav'?"));
}

TEST_CASE("plan history shows measure and goal statuses and evaluation decisions in the reader's language", "[wording][s12]") {
  test::Fixture f;
  const std::string c = team_case(f);
  ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
  ok(f, {"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Besøk", "--responsible", "Siri Moe", "--due", "2026-04-01"});
  ok(f, {"--today", "2026-03-13", "plan", "status", c, "--measure", "1", "done"});
  ok(f, {"--today", "2026-03-13", "plan", "goal-status", c, "1", "partly"});
  ok(f, {"--today", "2026-03-13", "plan", "participated", c, "--how", "Planmøte"});
  ok(f, {"--today", "2026-03-20", "evaluate", c, "--goal", "1=1", "--indicator", "sykehusinnleggelser=1", "--indicator", "funksjon=3",
         "--decision", "continue"});
  const auto nn = ok(f, {"--lang", "nn", "plan", "history", c}).out;
  INFO(nn);
  CHECK(has(nn, "tiltak 1: utført"));
  CHECK(has(nn, "mål 1: delvis nådd"));
  CHECK(has(nn, ": halde fram"));
  for (const char* id : {": done", ": partly", ": continue"}) CHECK_FALSE(has(nn, id));
  const auto nb = ok(f, {"--lang", "nb", "plan", "history", c}).out;
  CHECK(has(nb, ": fortsette"));
  const auto en = ok(f, {"--lang", "en", "plan", "history", c}).out;
  CHECK(has(en, "goal 1: partly reached"));
}

TEST_CASE("case show reads without a stray space where an appeal names nobody", "[wording][s12]") {
  test::Fixture f;
  const std::string c = refused_case(f);
  ok(f, {"--today", "2026-03-12", "appeal", "register", c, "--received", "2026-03-12", "--from", "person"});
  for (const char* lang : {"en", "nb", "nn"}) {
    const auto shown = ok(f, {"--today", "2026-03-12", "--lang", lang, "case", "show", c}).out;
    INFO(lang << ": " << shown);
    CHECK_FALSE(has(shown, " ,"));
  }
  const auto en = ok(f, {"--today", "2026-03-12", "--lang", "en", "case", "show", c}).out;
  CHECK(has(en, "from the person, against"));
}

TEST_CASE("an escalated reminder names the leaders when there are some, else the coordinating unit, which then gets it", "[wording][s12]") {
  const std::string leader = "\n[[access.user]]\nname = \"Lise Leder\"\nroles = [\"leder\"]\n";
  for (const bool with_leader : {false, true}) {
    test::Fixture f(paths_test::rammeverk() + (with_leader ? leader : ""));
    const std::string c = team_case(f);
    ok(f, {"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"});
    ok(f, {"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Besøk", "--responsible", "Siri Moe", "--due",
           "2026-04-01"});
    // 2026-05-01: the measure is 30 days overdue, past [escalation] after_days (14).
    const auto en = ok(f, {"--today", "2026-05-01", "--lang", "en", "remind"}).out;
    INFO(with_leader << ": " << en);
    CHECK(has(en, "escalated to the leaders") == with_leader);
    CHECK(has(en, "escalated to the coordinating unit") == !with_leader);
    const auto nn = ok(f, {"--today", "2026-05-01", "--lang", "nn", "remind"}).out;
    CHECK(has(nn, "eskalert til leiar") == with_leader);
    CHECK(has(nn, "eskalert til koordinerande eining") == !with_leader);
    // Whoever it is escalated to has it among their items.
    const std::string to = with_leader ? "Lise Leder" : "coordinating unit";
    const auto people = ok(f, {"--today", "2026-05-01", "--lang", "en", "--json", "remind", "--by-person"}).json();
    bool listed = false;
    for (const auto& p : people["people"])
      if (p["name"] == to)
        for (const auto& item : p["items"]) listed = listed || (item["kind"] == "measure" && item["escalated"] == true);
    CHECK(listed);
    const auto mine = ok(f, {"--today", "2026-05-01", "--lang", "en", "--json", "remind", "--for", to}).json();
    bool measure = false;
    for (const auto& item : mine["items"]) measure = measure || item["kind"] == "measure";
    CHECK(measure);
  }
}

TEST_CASE("a letter signed by no one by name is signed by the unit, never by the login", "[wording][s12]") {
  // The example rammeverk: no [[access.user]] (so no full_name for the
  // login saksbehandler1), and the unit "Koordinerende enhet".
  test::Fixture f;
  const std::string c = refer(f);
  consent(f, c, "utredning");
  REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
  const std::string letter = ok(f, {"--today", "2026-03-10", "--json", "decide", c, "--grant"}).json()["letter"].get<std::string>();
  INFO(letter);
  CHECK(has(letter, "Med hilsen\nKoordinerende enhet\nEksempel kommune"));
  CHECK_FALSE(has(letter, "saksbehandler1"));

  // Without a unit: the municipality's name alone, once.
  test::Fixture g(test::municipality_toml("Vik kommune") + test::kQuickRulesToml);
  ok(g, {"--today", "2026-03-02", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received", "2026-03-02", "--need", "x"});
  const std::string plain = ok(g, {"--today", "2026-03-10", "--json", "decide", "2026/1", "--grant"}).json()["letter"].get<std::string>();
  INFO(plain);
  CHECK(has(plain, "Med hilsen\nVik kommune\n"));
  CHECK_FALSE(has(plain, "saksbehandler1"));
  CHECK_FALSE(has(plain, "Vik kommune\nVik kommune"));
}
