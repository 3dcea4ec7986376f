// Issue 14, points 3 and 8: appeals (klage) through each step with what
// remind owes, and decision letters to the right person from a real person.

#include "cli/test_intake_helpers.hpp"
#include "cli/test_paths_helpers.hpp"
#include "cli/test_team_helpers.hpp"

using namespace team_test;
using paths_test::reminder_kinds;

TEST_CASE("appeal register and review --reverse: a new decision and letter, the one before kept", "[appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  CHECK(f.oppteam({"--today", "2026-03-20", "appeal", "register", c, "--received", "2026-03-21", "--from", "person"}).code == 65);
  auto r = ok(f, {"--today", "2026-03-20", "--json", "appeal", "register", c, "--received", "i dag", "--from", "person"});
  const auto a = r.json()["appeal"];
  CHECK(a["late"] == false);
  CHECK(a["status"] == "received");
  CHECK(a["due"] == "2026-04-10");  // [deadlines] appeal_review = 21
  CHECK(f.oppteam({"--today", "2026-03-21", "appeal", "register", c, "--received", "2026-03-21", "--from", "person"}).code == 2);
  CHECK(reminder_kinds(f, c, "2026-04-09").empty());
  CHECK(reminder_kinds(f, c, "2026-04-10") == std::vector<std::string>{"appeal_review"});
  CHECK(f.oppteam({"--today", "2026-04-01", "appeal", "review", c, "--reverse"}).code == 64);  // --grounds required

  auto v = ok(f, {"--today", "2026-04-01", "--json", "appeal", "review", c, "--reverse", "--grounds", "Ny legeerklæring viser behov"});
  const auto vj = v.json();
  CHECK(vj["appeal"]["status"] == "reversed");
  CHECK(vj["decision"]["outcome"] == "granted");
  const std::string letter = vj["decision"]["letter"].get<std::string>();
  CHECK(letter.find("Vedtaket er gjort etter klage mottatt 20. mars 2026.") != std::string::npos);
  CHECK(letter.find("Ny legeerklæring viser behov") != std::string::npos);
  // A reversed case is granted: a team is owed next, no more appeal steps.
  CHECK(reminder_kinds(f, c, "2026-04-15") == std::vector<std::string>{"no_team"});
  const auto show = ok(f, {"--json", "case", "show", c}).json();
  CHECK(show["status"] == "granted");
  CHECK(show["decision"]["outcome"] == "granted");
  REQUIRE(show["replaced_decisions"].size() == 1);
  CHECK(show["replaced_decisions"][0]["outcome"] == "refused");
  REQUIRE(show["appeals"].size() == 1);
  CHECK(show["appeals"][0]["steps"][0]["result"] == "reverse");
  CHECK(ok(f, {"case", "show", c}).out.find("Klager") != std::string::npos);
  CHECK(ok(f, {"decide", "letter", c}).out == letter);
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("a late appeal upheld, forwarded, returned, upheld again: remind owes each step", "[appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = refused_case(f);
  CHECK(f.oppteam({"--today", "2026-04-20", "appeal", "register", c, "--received", "2026-04-20", "--from", "foresatt"}).code == 64);
  auto r = ok(f, {"--today", "2026-04-20", "--json", "appeal", "register", c, "--received", "2026-04-20", "--from", "verge",
                  "--name", "Ola Verge"});
  CHECK(r.json()["appeal"]["late"] == true);  // after 2026-04-07, registered all the same (fvl § 31)
  CHECK(f.oppteam({"--today", "2026-04-20", "appeal", "register", c, "--received", "2026-04-20", "--from", "person"}).code == 2);
  CHECK(f.oppteam({"--today", "2026-04-21", "appeal", "forward", c}).code == 2);  // not reviewed yet
  ok(f, {"--today", "2026-04-25", "appeal", "review", c, "--uphold", "--grounds", "Ingen nye opplysninger"});
  CHECK(reminder_kinds(f, c, "2026-05-02") == std::vector<std::string>{"appeal_forward"});
  CHECK(f.oppteam({"--today", "2026-05-01", "appeal", "forward", c, "--date", "2026-04-24"}).code == 65);  // before the review
  ok(f, {"--today", "2026-05-01", "appeal", "forward", c, "--date", "2026-05-01"});
  CHECK(reminder_kinds(f, c, "2026-05-02").empty());
  CHECK(reminder_kinds(f, c, "2026-07-30") == std::vector<std::string>{"appeal_outcome"});
  ok(f, {"--today", "2026-06-01", "appeal", "outcome", c, "--returned", "--date", "2026-06-01"});
  CHECK(reminder_kinds(f, c, "2026-06-22") == std::vector<std::string>{"appeal_review"});
  ok(f, {"--today", "2026-06-10", "appeal", "review", c, "--uphold", "--grounds", "Vurdert på nytt"});
  ok(f, {"--today", "2026-06-11", "appeal", "forward", c});
  auto o = ok(f, {"--today", "2026-08-01", "--json", "appeal", "outcome", c, "--upheld", "--date", "2026-07-30"});
  CHECK(o.json()["appeal"]["status"] == "final_upheld");
  CHECK(o.json()["appeal"]["steps"].size() == 6);
  CHECK(reminder_kinds(f, c, "2027-08-01").empty());
  CHECK(ok(f, {"--json", "case", "show", c}).json()["decision"]["outcome"] == "refused");
  auto rep = ok(f, {"--today", "2026-12-31", "--json", "report", "--from", "2026-01-01", "--to", "2026-12-31"});
  CHECK(rep.json()["tables"].contains("appeals_by_outcome"));
  CHECK(rep.out.find("\"final_upheld\"") != std::string::npos);
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("decision letters go to the foresatte of a child and to a verge, signed with the officer's name and title", "[appeals]") {
  test::Fixture f(paths_test::rammeverk() +
                  "\n[[access.user]]\nname = \"saksbehandler1\"\nroles = [\"saksbehandler\"]\n"
                  "full_name = \"Sara Saksbehandler\"\ntitle = \"rådgiver\"\n");
  const std::string child = intake_test::synthetic_fnr(15, 1, 2014);  // 12 in 2026
  const std::string c = refer(f, child);
  ok(f, {"--today", "2026-03-03", "person", "guardian", "add", child, "--name", "Kari Hansen", "--address", "Storgata 1, 6800 Førde"});
  ok(f, {"--today", "2026-03-03", "consent", "give", c, "--scope", "utredning", "--form", "skriftlig", "--given-by", "foresatt",
         "--name", "Kari Hansen"});
  REQUIRE(assess(f, c, "Ane Lie", "sykepleier").code == 0);
  auto d = ok(f, {"--today", "2026-03-10", "--json", "decide", c, "--grant"});
  const std::string letter = d.json()["letter"].get<std::string>();
  CHECK(letter.find("Til: Kari Hansen (foresatte for Per Hansen") != std::string::npos);
  CHECK(letter.find("Storgata 1, 6800 Førde") != std::string::npos);
  CHECK(letter.find("Sara Saksbehandler, rådgiver") != std::string::npos);
  CHECK(letter.find("Koordinerende enhet") != std::string::npos);
  CHECK(letter.find("Rådhusplassen 1, 9999 Eksempelby") != std::string::npos);
  auto again = ok(f, {"--json", "decide", "letter", c});
  CHECK(again.json()["letter"] == letter);

  const std::string adult = kFnr;
  const std::string a = refer(f, adult);
  consent(f, a, "utredning");
  ok(f, {"--today", "2026-03-03", "person", "guardian", "add", adult, "--name", "Ola Verge", "--kind", "verge"});
  CHECK(f.oppteam({"--today", "2026-03-03", "person", "guardian", "add", adult, "--name", "Ola Verge", "--kind", "verge"}).code == 2);
  REQUIRE(assess(f, a, "Ane Lie", "sykepleier").code == 0);
  auto r = ok(f, {"--today", "2026-03-10", "--json", "decide", a, "--refuse", "--grounds", "Ikke behov", "--signed-by",
                  "Per Olsen, fagleder"});
  const std::string refused = r.json()["letter"].get<std::string>();
  CHECK(refused.find("Til: Ola Verge (verge for Per Hansen") != std::string::npos);
  // The letter of a reversal and a foreløpig svar are signed as asked too.
  ok(f, {"--today", "2026-03-12", "appeal", "register", a, "--received", "2026-03-12", "--from", "verge", "--name", "Ola Verge"});
  auto v = ok(f, {"--today", "2026-03-20", "--json", "appeal", "review", a, "--reverse", "--grounds", "Nye opplysninger",
                  "--signed-by", "Kari Leder, enhetsleder"});
  CHECK(v.json()["decision"]["letter"].get<std::string>().find("Kari Leder, enhetsleder") != std::string::npos);
  const std::string third = refer(f, intake_test::synthetic_fnr(16, 1, 1960));
  auto p = ok(f, {"--today", "2026-03-20", "--json", "decide", third, "--preliminary-reply", "--expected-by", "2026-04-30",
                  "--reason", "Venter på legeerklæring", "--signed-by", "Per Olsen, fagleder"});
  CHECK(p.json()["letter"].get<std::string>().find("Per Olsen, fagleder") != std::string::npos);
  CHECK(f.oppteam({"--today", "2026-03-20", "decide", third, "--preliminary-reply", "--expected-by", "2026-04-30", "--signed-by",
                   "Per\x1b[2J"}).code == 65);
  CHECK(refused.find("Per Olsen, fagleder") != std::string::npos);
  CHECK(f.oppteam({"decide", "letter", "2026/99"}).code == 1);
  const auto log = ok(f, {"--json", "audit", "log", "--case", c}).json();
  bool read = false;
  const auto entries = log["entries"];
  for (const auto& e : entries) read = read || e["action"] == "decide.letter.show";
  CHECK(read);
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("person guardian end: a verge whose role ended gets no more letters, the row is kept, and bad ends are refused", "[appeals][guardian]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string adult = kFnr;
  const std::string a = refer(f, adult);
  consent(f, a, "utredning");
  ok(f, {"--today", "2026-03-03", "person", "guardian", "add", adult, "--name", "Ola Verge", "--kind", "verge"});
  ok(f, {"--today", "2026-03-03", "person", "guardian", "add", adult, "--name", "Ola Verge", "--kind", "foresatt"});
  // The name holds as both kinds: which one? (64)
  CHECK(f.oppteam({"--today", "2026-03-06", "person", "guardian", "end", adult, "--name", "Ola Verge"}).code == 64);
  CHECK(f.oppteam({"--today", "2026-03-06", "person", "guardian", "end", adult, "--name", "Kari Annen"}).code == 1);
  CHECK(f.oppteam({"--today", "2026-03-06", "person", "guardian", "end", "03894810016", "--name", "Ola Verge"}).code == 1);
  CHECK(f.oppteam({"--today", "2026-03-06", "person", "guardian", "end", adult, "--name", "Ola Verge", "--kind", "verge", "--on",
                   "2026-03-07"}).code == 65);  // after today
  CHECK(f.oppteam({"--today", "2026-03-06", "person", "guardian", "end", adult, "--name", "Ola Verge", "--kind", "verge", "--on",
                   "2026-03-01"}).code == 65);  // before it was recorded
  auto e = ok(f, {"--today", "2026-03-06", "--json", "person", "guardian", "end", adult, "--name", "Ola Verge", "--kind", "verge",
                  "--on", "2026-03-05"});
  CHECK(e.json()["ended_on"] == "2026-03-05");
  CHECK(e.json()["kind"] == "verge");
  CHECK(f.oppteam({"--today", "2026-03-06", "person", "guardian", "end", adult, "--name", "Ola Verge", "--kind", "verge"}).code == 1);
  ok(f, {"--today", "2026-03-06", "person", "guardian", "end", adult, "--name", "Ola Verge"});  // the foresatt, the one left
  REQUIRE(assess(f, a, "Ane Lie", "sykepleier").code == 0);
  auto r = ok(f, {"--today", "2026-03-10", "--json", "decide", a, "--refuse", "--grounds", "Ikke behov"});
  const std::string letter = r.json()["letter"].get<std::string>();
  CHECK(letter.find("Ola Verge") == std::string::npos);
  CHECK(letter.find("Til: Per Hansen") != std::string::npos);
  // Both rows are kept with when they ended, and shown so.
  const auto show = ok(f, {"--json", "case", "show", a}).json();
  REQUIRE(show["guardians"].size() == 2);
  CHECK(show["guardians"][0]["ended_on"] == "2026-03-05");
  CHECK(show["guardians"][1]["ended_on"] == "2026-03-06");
  CHECK(ok(f, {"case", "show", a}).out.find("avsluttet 5. mars 2026") != std::string::npos);
  CHECK(ok(f, {"audit", "log", "--person", adult}).out.find("verge avsluttet") != std::string::npos);
  CHECK(ok(f, {"person", "export", adult}).out.find("Ola Verge var registrert som verge fra 3. mars 2026 til 5. mars 2026.") !=
        std::string::npos);
  CHECK(ok(f, {"audit", "verify"}).code == 0);
}

TEST_CASE("appeal review --reverse of a case with a team is refused naming the rule, and the plan document shows the appeal", "[appeals]") {
  test::Fixture f(paths_test::rammeverk());
  const std::string c = granted_case(f);
  ok(f, core_team(c));
  CHECK(f.oppteam({"--today", "2026-03-12", "appeal", "register", c, "--received", "2026-03-12", "--from", "person"}).code == 0);
  auto r = f.oppteam({"--json", "--today", "2026-03-13", "appeal", "review", c, "--reverse", "--grounds", "Vil ikke ha team"});
  CHECK(r.code == 2);
  CHECK(test::error_key(r) == "appeal.reverse_wrong_state");
  CHECK(f.oppteam({"--today", "2026-03-13", "appeal", "review", c, "--uphold", "--grounds", "Vedtaket står"}).code == 0);
  // The plan document shows the appeal and where it stands.
  ok(f, {"--today", "2026-03-13", "plan", "goal", c, "--text", "Bo trygt heime"});
  auto doc = ok(f, {"--today", "2026-03-13", "plan", "show", c, "--document"});
  CHECK(doc.out.find("Klager på vedtaket") != std::string::npos);
  CHECK(doc.out.find("Klage mottatt 12. mars 2026 fra personen selv") != std::string::npos);
}
