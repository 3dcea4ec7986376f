// consent give | withdraw | list, and decide (with the letter and the state rules).

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

using namespace intake_test;

namespace {

std::string refer(test::Fixture& f, const std::string& fnr, const std::string& received = "2026-02-01") {
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "add", "--fnr", fnr, "--name", "Kasper", "--reporter-type", "skole",
                      "--received", received, "--need", "Koordinering rundt familien"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return r.json()["case"].get<std::string>();
}

}  // namespace

TEST_CASE("consent for a 12-year-old: refused when given by the person, accepted from a parent", "[intake]") {
  test::Fixture f;
  const std::string kasper = synthetic_fnr(15, 1, 2014);  // 12 on 2026-03-02
  const auto c = refer(f, kasper);
  auto by_person = f.oppteam({"--json", "--today", kToday, "consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
  CHECK(by_person.code == 2);
  CHECK(test::error_key(by_person) == "consent.minor");
  CHECK(by_person.err.find("16") != std::string::npos);  // names the consent age
  auto no_name = f.oppteam({"--today", kToday, "consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "foresatt"});
  CHECK(no_name.code == 64);
  auto by_parent = f.oppteam({"--today", kToday, "--json", "consent", "give", c, "--scope", "utredning", "--form", "skriftlig",
                              "--given-by", "foresatt", "--name", "Pia Olsen", "--document", "arkiv 2026/77-1"});
  INFO(by_parent.err);
  REQUIRE(by_parent.code == 0);
  CHECK(by_parent.json()["recorded_by"] == "saksbehandler1");
  auto list = f.oppteam({"--today", kToday, "--json", "consent", "list", c});
  REQUIRE(list.code == 0);
  const auto j = list.json()["consents"];
  REQUIRE(j.size() == 1);
  CHECK(j[0]["given_by"] == "foresatt");
  CHECK(j[0]["giver_name"] == "Pia Olsen");
  CHECK(j[0]["document_ref"] == "arkiv 2026/77-1");
  CHECK(j[0]["valid"] == true);
}

TEST_CASE("consent for an adult: the person, or a verge with a reason, never a foresatt, bad scopes are usage errors", "[intake]") {
  test::Fixture f;
  const auto c = refer(f, "23923901213");
  auto give = [&](std::vector<std::string> extra) {
    std::vector<std::string> a{"--today", kToday, "consent", "give", c, "--form", "muntlig"};
    a.insert(a.end(), extra.begin(), extra.end());
    return f.oppteam(a).code;
  };
  CHECK(give({"--scope", "team", "--given-by", "foresatt", "--name", "X"}) == 2);
  CHECK(give({"--scope", "team", "--given-by", "verge", "--name", "Verge Vik"}) == 2);
  CHECK(give({"--scope", "team", "--given-by", "verge", "--name", "Verge Vik", "--reason", "Mangler samtykkekompetanse"}) == 0);
  CHECK(give({"--scope", "utredning", "--given-by", "person"}) == 0);
  CHECK(give({"--scope", "deling:nav", "--given-by", "person"}) == 0);
  CHECK(give({"--scope", "deling:postkontoret", "--given-by", "person"}) == 65);  // a service the rammeverk lacks
  CHECK(give({"--scope", "alt", "--given-by", "person"}) == 64);
  CHECK(f.oppteam({"--today", kToday, "consent", "give", "2026/99", "--scope", "team", "--form", "muntlig", "--given-by", "person"}).code == 1);
}

TEST_CASE("withdrawal is recorded, never deleted, and takes effect at once", "[intake]") {
  test::Fixture f;
  const auto c = refer(f, "23923901213");
  REQUIRE(f.oppteam({"--today", "2026-02-10", "consent", "give", c, "--scope", "team", "--form", "skriftlig", "--given-by", "person"}).code == 0);
  auto w = f.oppteam({"--today", kToday, "--json", "consent", "withdraw", c, "--scope", "team", "--reason", "Vil ikke nå"});
  INFO(w.err);
  REQUIRE(w.code == 0);
  CHECK(w.json()["withdrawn"].size() == 1);
  CHECK(w.json()["team_paused"] == false);  // no team yet
  auto list = f.oppteam({"--today", kToday, "--json", "consent", "list", c});
  const auto j = list.json()["consents"];
  REQUIRE(j.size() == 1);
  CHECK(j[0]["withdrawn_on"] == kToday);
  CHECK(j[0]["withdrawn_by"] == "saksbehandler1");
  CHECK(j[0]["withdraw_reason"] == "Vil ikke nå");
  CHECK(j[0]["valid"] == false);
  // Nothing left to withdraw.
  CHECK(f.oppteam({"--today", kToday, "consent", "withdraw", c, "--scope", "team"}).code == 2);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("decide needs an assessment when the rammeverk says so, and happens once", "[intake]") {
  test::Fixture f;  // example rammeverk: assessment_before_decision = true
  const auto c = refer(f, "23923901213");
  auto early = f.oppteam({"--json", "--today", kToday, "decide", c, "--grant"});
  CHECK(early.code == 2);
  CHECK(test::error_key(early) == "decide.needs_assessment");
  CHECK(f.oppteam({"--today", kToday, "decide", c, "--refuse"}).code == 64);  // no grounds
  CHECK(f.oppteam({"--today", kToday, "decide", c}).code == 64);              // neither
  CHECK(f.oppteam({"--today", kToday, "decide", "2026/9", "--grant"}).code == 1);
}

TEST_CASE("decide grants or refuses with a letter that states the right to appeal, and only once", "[intake]") {
  test::Fixture f(no_assessment_rammeverk());
  const auto c1 = refer(f, "23923901213");
  auto g = f.oppteam({"--today", kToday, "--json", "decide", c1, "--grant"});
  INFO(g.err);
  REQUIRE(g.code == 0);
  CHECK(g.json()["outcome"] == "granted");
  CHECK(g.json()["appeal_deadline"] == "2026-03-30");  // 28 days
  const std::string letter = g.json()["letter"];
  for (std::string s : {"Eksempel kommune", "Statsforvalteren", "§ 7-2", "§ 7-5", "30. mars 2026", "innvilget"})
    CHECK(letter.find(s) != std::string::npos);
  auto twice = f.oppteam({"--today", kToday, "decide", c1, "--refuse", "--grounds", "Feil"});
  CHECK(twice.code == 2);

  const auto c2 = refer(f, synthetic_fnr(5, 6, 1950));
  auto r = f.oppteam({"--today", kToday, "decide", c2, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten alene"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("avslått") != std::string::npos);
  CHECK(r.out.find("Behovet dekkes av hjemmetjenesten alene") != std::string::npos);
  CHECK(r.out.find("Klagerett") != std::string::npos);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", c2});
  CHECK(show.json()["status"] == "refused");
  CHECK(show.json()["decision"]["grounds"] == "Behovet dekkes av hjemmetjenesten alene");
  // A refused case is closed for a new referral: the next one opens a new case.
  CHECK(refer(f, synthetic_fnr(5, 6, 1950), "2026-03-01") != c2);
}

TEST_CASE("the letter is in the rammeverk's language", "[intake]") {
  std::string en = no_assessment_rammeverk();
  en.replace(en.find("language = \"nb\""), 15, "language = \"en\"");
  test::Fixture f(en);
  const auto c = refer(f, "23923901213");
  auto g = f.oppteam({"--today", kToday, "--json", "--lang", "nb", "decide", c, "--grant"});
  REQUIRE(g.code == 0);
  const std::string letter = g.json()["letter"];
  CHECK(letter.find("Right to appeal") != std::string::npos);
  CHECK(letter.find("30 March 2026") != std::string::npos);
}

TEST_CASE("a foreløpig svar is recorded before the decision, not after", "[intake]") {
  test::Fixture f(no_assessment_rammeverk());
  const auto c = refer(f, "23923901213", "2026-01-20");
  CHECK(f.oppteam({"--today", kToday, "decide", c, "--preliminary-reply"}).code == 64);
  CHECK(f.oppteam({"--today", kToday, "decide", c, "--preliminary-reply", "--expected-by", "2026-01-01"}).code == 65);
  auto p = f.oppteam({"--today", kToday, "--json", "decide", c, "--preliminary-reply", "--expected-by", "2026-04-15",
                      "--reason", "Venter på kartlegging"});
  INFO(p.err);
  REQUIRE(p.code == 0);
  CHECK(std::string(p.json()["letter"]).find("15. april 2026") != std::string::npos);
  CHECK(std::string(p.json()["letter"]).find("§ 11 a") != std::string::npos);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", c});
  CHECK(show.json()["preliminary_replies"].size() == 1);
  REQUIRE(f.oppteam({"--today", kToday, "decide", c, "--grant"}).code == 0);
  CHECK(f.oppteam({"--today", kToday, "decide", c, "--preliminary-reply", "--expected-by", "2026-04-15"}).code == 2);
}
