// refer add: opening and joining cases, refusals, and the prompts at a terminal.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace intake_test;

namespace {

test::Result add(test::Fixture& f, const std::string& fnr, const std::string& received, const std::string& type = "fastlege") {
  return f.oppteam({"--today", kToday, "--json", "refer", "add", "--fnr", fnr, "--name", "Per Hansen", "--reporter-type", type,
                    "--reporter-name", "Dr. Berg", "--received", received, "--need", "Trenger koordinering"});
}

}  // namespace

TEST_CASE("refer add opens a case YYYY/N by the received year, and joins the person's open case", "[intake]") {
  test::Fixture f;
  const std::string per = "23923901213";
  auto r1 = add(f, per, "2026-03-02");
  INFO(r1.err);
  REQUIRE(r1.code == 0);
  CHECK(r1.json()["case"] == "2026/1");
  CHECK(r1.json()["new_case"] == true);

  auto r2 = add(f, per, "2026-03-01", "sykehus");
  REQUIRE(r2.code == 0);
  CHECK(r2.json()["case"] == "2026/1");
  CHECK(r2.json()["new_case"] == false);

  auto r3 = add(f, synthetic_fnr(5, 6, 1950), "2026-02-20");
  REQUIRE(r3.code == 0);
  CHECK(r3.json()["case"] == "2026/2");

  auto r4 = add(f, synthetic_fnr(6, 6, 1951), "2025-12-30");
  REQUIRE(r4.code == 0);
  CHECK(r4.json()["case"] == "2025/1");

  // Without --json the case number alone is on stdout, for scripts.
  auto r5 = f.oppteam({"--today", kToday, "refer", "add", "--fnr", synthetic_fnr(7, 6, 1952), "--reporter-type", "nav",
                       "--received", "2026-03-02", "--need", "Koordinering av NAV og helse"});
  REQUIRE(r5.code == 0);
  CHECK(r5.out == "2026/3\n");

  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  REQUIRE(show.code == 0);
  CHECK(show.json()["referrals"].size() == 2);
  CHECK(show.json()["person"]["fnr"] == per);
}

TEST_CASE("refer add refuses bad input with exit 65 and missing fields with exit 64, storing nothing", "[intake]") {
  test::Fixture f;
  const std::string per = "23923901213";
  CHECK(add(f, bad_control(per), "2026-03-02").code == 65);
  CHECK(add(f, per, "2026-02-30").code == 65);
  CHECK(add(f, per, "2026-04-01").code == 65);  // after --today
  CHECK(add(f, per, "2026-03-02", "naboen").code == 65);  // a reporter type the rammeverk does not know (SPEC: 65)
  auto missing = f.oppteam({"--json", "--today", kToday, "refer", "add", "--fnr", per, "--reporter-type", "fastlege"});
  CHECK(missing.code == 64);
  CHECK(test::error_key(missing) == "error.missing_option");
  CHECK(missing.err.find("--need") != std::string::npos);  // names the option
  CHECK(f.oppteam({"--today", kToday, "refer", "add", "--reporter-type", "fastlege", "--need", "x"}).code == 64);
  auto list = f.oppteam({"--today", kToday, "--json", "case", "list"});
  REQUIRE(list.code == 0);
  CHECK(list.json()["cases"].empty());
}

TEST_CASE("refer add with an external_id is idempotent and reports a conflict", "[intake]") {
  test::Fixture f;
  std::vector<std::string> base{"--today", kToday, "--json", "refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege",
                                "--received", "2026-03-01", "--sender", "eprakt", "--external-id", "A-1"};
  auto first = base;
  first.insert(first.end(), {"--need", "Trenger koordinering"});
  REQUIRE(f.oppteam(first).code == 0);
  auto again = f.oppteam(first);
  REQUIRE(again.code == 0);
  CHECK(again.json()["duplicate"] == true);
  CHECK(again.json()["case"] == "2026/1");
  auto other = base;
  other.insert(other.end(), {"--need", "Noe helt annet"});
  CHECK(f.oppteam(other).code == 65);
}

TEST_CASE("refer add at a terminal asks for each missing field, shows the reporter types, and re-asks after a mistake", "[intake]") {
  test::Fixture f;
  const std::string per = synthetic_fnr(15, 1, 2014);
  auto r = test::run_pty({"--db", f.db(), "--as", "saksbehandler1", "--today", kToday, "refer", "add"},
                      {{"(11 sifre)", bad_control(per)},
                       {"(11 sifre)", per},
                       {"Navn (kan", "Kasper Olsen"},
                       {"Meldertype (nummer", "7"},
                       {"Melderens navn", "Helsesykepleier Lie"},
                       {"Beskrivelse av behovet", "Mange tjenester rundt familien"},
                       {"Målgruppe (nummer", "romvesen"},  // issue 14: the target group, re-asked after a mistake
                       {"Målgruppe (nummer", "1"}},
                      f.dir.path());
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kontrollsifrene") != std::string::npos);  // the mistake was explained
  CHECK(r.out.find("barn_unge") != std::string::npos);        // the target groups shown
  CHECK(r.out.find("skole") != std::string::npos);           // allowed values shown
  CHECK(r.out.find("2026/1") != std::string::npos);
  CHECK(r.out.find("Mottatt dato") == std::string::npos);  // --received has a default (today): not asked for
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  REQUIRE(show.code == 0);
  const auto j = show.json();
  CHECK(j["person"]["fnr"] == per);
  CHECK(j["person"]["name"] == "Kasper Olsen");
  CHECK(j["referrals"][0]["reporter_type"] == "skole");
  CHECK(j["referrals"][0]["received"] == kToday);
  CHECK(j["referrals"][0]["need"] == "Mange tjenester rundt familien");
  CHECK(j["target_group"] == "barn_unge");
}

TEST_CASE("refer add at a terminal stops with exit 64 when input ends at a required field", "[intake]") {
  test::Fixture f;
  // Ctrl-D at the optional name leaves it empty; at the reporter type, which is required, it stops.
  auto r = test::run_pty({"--db", f.db(), "--as", "saksbehandler1", "--today", kToday, "refer", "add", "--fnr", "23923901213"},
                      {{"Navn (kan", "\x04"}, {"Meldertype (nummer", "\x04"}}, f.dir.path());
  INFO(r.out);
  CHECK(r.code == 64);
  CHECK(r.out.find("--reporter-type") != std::string::npos);
  CHECK(r.out.find("--name") == std::string::npos);
}

TEST_CASE("refer add at a terminal refuses a control character in a name or need when it is typed, and asks again", "[intake][trial]") {
  test::Fixture f;
  const std::string per = synthetic_fnr(16, 1, 2014);
  // Before: every question was asked, then all was thrown away naming --name.
  auto r = test::run_pty({"--db", f.db(), "--as", "saksbehandler1", "--today", kToday, "refer", "add"},
                         {{"(11 sifre)", per},
                          {"Navn (kan", "Ola \x1b[31mRed"},
                          {"Navn (kan", "Ola Red"},
                          {"Meldertype (nummer", "3"},
                          {"Melderens navn", "Dr\x1b Berg"},
                          {"Melderens navn", "Dr Berg"},
                          {"Beskrivelse av behovet", "Treng \x1b[2J hjelp"},
                          {"Beskrivelse av behovet", "Treng hjelp"},
                          {"Målgruppe (nummer", ""}},
                         f.dir.path());
  INFO(r.out);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kontrolltegn") != std::string::npos);  // the mistake was explained
  CHECK(r.out.find("--name") == std::string::npos);        // not named by an option nobody typed
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  REQUIRE(show.code == 0);
  const auto j = show.json();
  CHECK(j["person"]["name"] == "Ola Red");
  CHECK(j["referrals"][0]["reporter_name"] == "Dr Berg");
  CHECK(j["referrals"][0]["need"] == "Treng hjelp");
}
