// Permissions a command needs for everything it changes (found in review):
// `refer add --declined` also records a consent decline and closes the
// case; `meeting action --measure` also changes the plan; a meeting
// participant's address never receives someone's reminders.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <pwd.h>
#include <unistd.h>

namespace {

struct Enforced {
  std::string config;
  Enforced(const std::string& role_permissions) {
    const auto* pw = ::getpwuid(::getuid());
    const std::string login = pw ? pw->pw_name : "";
    config = test::read_file(test::source_path("examples/rammeverk.toml")) +
             "\n[access]\nenforce = true\n"
             "[[access.user]]\nname = \"" + login + "\"\nroles = [\"runner\"]\n"
             "[[access.role]]\nid = \"runner\"\npermissions = [\"access.act_as\"]\n"
             "[[access.user]]\nname = \"sara\"\nroles = [\"saksbehandler\"]\n"
             "[[access.user]]\nname = \"mona\"\nroles = [\"smal\"]\n"
             "[[access.role]]\nid = \"smal\"\npermissions = [" + role_permissions + "]\n";
  }
};

test::Result as(test::Fixture& f, const std::string& user, std::vector<std::string> args) {
  std::vector<std::string> all{"--db", f.db(), "--as", user};
  all.insert(all.end(), args.begin(), args.end());
  return test::run(all, "", {{"HOME", f.dir.path()}});
}

}  // namespace

TEST_CASE("refer add --declined needs the right to record a decline and to close a case", "[paths][access]") {
  Enforced e("\"refer.add\"");
  test::Fixture f(e.config);
  auto r = as(f, "mona", {"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                          "--need", "Trenger koordinering", "--declined", "muntlig"});
  INFO(r.out << r.err);
  CHECK(r.code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM case_file") == 0);
  // The plain referral is still theirs to add.
  auto plain = as(f, "mona", {"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received",
                              "2026-03-02", "--need", "Trenger koordinering"});
  INFO(plain.err);
  CHECK(plain.code == 0);
}

TEST_CASE("meeting action --measure needs the plan's permission as well as the meeting's", "[team][access]") {
  Enforced e("\"meeting.*\", \"case.read\"");
  test::Fixture f(e.config);
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
  auto m = as(f, "mona", {"meeting", "action", "2026/1", "1", "--text", "Ukentlig besøk", "--responsible", "Ane Lie",
                          "--due", "2026-05-01", "--measure", "1"});
  INFO(m.out << m.err);
  CHECK(m.code == 77);
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM measure") == 0);
  // Without --measure the action is the meeting's own, and theirs to record.
  auto plain = as(f, "mona", {"meeting", "action", "2026/1", "1", "--text", "Ringe NAV", "--responsible", "Ane Lie",
                              "--due", "2026-05-01"});
  INFO(plain.err);
  CHECK(plain.code == 0);
  // Whoever adds a participant does not choose where the coordinator's
  // reminders are mailed: --by-person takes addresses from the rammeverk
  // and the team only.
  auto mail = as(f, "sara", {"--json", "remind", "--by-person", "--within", "400"});
  INFO(mail.out << mail.err);
  REQUIRE(mail.code == 0);
  CHECK(mail.out.find("Ane Lie") != std::string::npos);
  CHECK(mail.out.find("mallory@evil.example") == std::string::npos);
}
