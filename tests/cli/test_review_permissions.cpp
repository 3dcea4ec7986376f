// Permissions a command needs for everything it changes (found in review):
// `refer add --declined` also records a consent decline and closes the
// case; `meeting action --measure` also changes the plan; a meeting
// participant's address never receives someone's reminders.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

namespace {

// The example rammeverk under enforcement: sara a saksbehandler, mona of a
// role "smal" holding only `permissions`.
std::string enforced(const std::vector<std::string>& permissions) {
  return access_test::enforced(test::read_file(test::source_path("examples/rammeverk.toml")),
                               {{"sara", {"saksbehandler"}}, {"mona", {"smal"}}}, {{"smal", permissions}});
}

using access_test::as;

// mona is refused `refused` (77) and nothing is stored in `table`, while
// `allowed`, the same without what needs the permission, is hers to run.
void refused_but_allowed(test::Fixture& f, const std::vector<std::string>& refused, const std::string& table,
                         const std::vector<std::string>& allowed) {
  auto r = as(f, "mona", refused);
  INFO(r.out << r.err);
  CHECK(r.code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM " + table) == 0);
  auto plain = as(f, "mona", allowed);
  INFO(plain.err);
  CHECK(plain.code == 0);
}

}  // namespace

TEST_CASE("refer add --declined needs the right to record a decline and to close a case", "[paths][access]") {
  test::Fixture f(enforced({"refer.add"}));
  // The plain referral is still theirs to add.
  refused_but_allowed(f,
                      {"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                       "--need", "Trenger koordinering", "--declined", "muntlig"},
                      "case_file",
                      {"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                       "--need", "Trenger koordinering"});
}

TEST_CASE("meeting action --measure needs the plan's permission as well as the meeting's", "[team][access]") {
  test::Fixture f(enforced({"meeting.*", "case.read"}));
  auto step = [&](std::vector<std::string> args) {
    auto r = as(f, "sara", args);
    INFO(r.err);
    REQUIRE(r.code == 0);
  };
  step({"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02", "--need", "Behov"});
  step({"consent", "give", "2026/1", "--scope", "team", "--form", "skriftlig", "--given-by", "person"});
  step({"consent", "give", "2026/1", "--scope", "utredning", "--form", "skriftlig", "--given-by", "person"});
  step({"assess", "2026/1", "--instrument", "kjennetegn", "--answer", "flere_diagnoser=1", "--answer", "funksjonsfall=2",
        "--answer", "psykisk_helse=0", "--answer", "rus=0", "--answer", "sosiale_forhold=1", "--answer", "mange_tjenester=1",
        "--answer", "innleggelser=1", "--answer", "parorende_belastning=0", "--what-matters", "Å bo heime", "--assessor",
        "Ane Lie", "--profession", "sykepleier"});
  auto d = as(f, "sara", {"decide", "2026/1", "--grant"});
  if (d.code != 0) {  // the saksbehandler may not decide: a leader does
    auto l = test::run({"--db", f.db(), "--as", "leder", "decide", "2026/1", "--grant"}, "",
                       {{"HOME", f.dir.path()}});
    INFO(l.err);
    REQUIRE(l.code == 0);
  }
  step({"team", "create", "2026/1", "--coordinator", "Ane Lie", "--gp", "Dr. Berg"});
  step({"plan", "goal", "2026/1", "--text", "Bo trygt heime"});
  step({"meeting", "add", "2026/1", "--kind", "planmote", "--date", "i dag", "--participant",
        "Ane Lie:koordinator:email=mallory@evil.example"});
  // Without --measure the action is the meeting's own, and theirs to record.
  refused_but_allowed(f,
                      {"meeting", "action", "2026/1", "1", "--text", "Ukentlig besøk", "--responsible", "Ane Lie", "--due",
                       "+30", "--measure", "1"},
                      "measure",
                      {"meeting", "action", "2026/1", "1", "--text", "Ringe NAV", "--responsible", "Ane Lie", "--due",
                       "+30"});
  // Whoever adds a participant does not choose where the coordinator's
  // reminders are mailed: --by-person takes addresses from the rammeverk
  // and the team only.
  auto mail = as(f, "sara", {"--json", "remind", "--by-person", "--within", "400"});
  INFO(mail.out << mail.err);
  REQUIRE(mail.code == 0);
  CHECK(mail.out.find("Ane Lie") != std::string::npos);
  CHECK(mail.out.find("mallory@evil.example") == std::string::npos);
}
