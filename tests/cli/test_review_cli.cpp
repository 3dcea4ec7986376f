// Review of session 11 (rv-cli), through the real binary: what the CLI
// layer's changes of sessions 10 and 11 left open.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

void refer_one(test::Fixture& f) {
  auto r = f.oppteam({"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                      "--need", "Trenger koordinering"});
  INFO(r.err);
  REQUIRE(r.code == 0);
}

}  // namespace

TEST_CASE("case export, case transfer and refer import --rejects never write over the rammeverk file in force, as --pdf does not",
          "[review][rvcli][files]") {
  test::Fixture f;
  refer_one(f);
  const std::string toml = test::read_file(test::source_path("examples/rammeverk.toml"));
  const std::string config = f.dir.write("rammeverk.toml", toml);
  // One good row and one rejected (no need), so the import writes its rejects file.
  const std::string batch = f.dir.write("batch.csv",
                                        "external_id,fnr,name,reporter_type,reporter_name,received,need\n"
                                        "X1,23923901213,,fastlege,,2026-03-02,Trenger koordinering\n"
                                        "X2,23923901213,,fastlege,,2026-03-03,\n");
  const std::vector<std::vector<std::string>> commands = {
      {"case", "export", "2026/1", "--fhir", "--out", config, "--force"},
      {"case", "transfer", "2026/1", "--to", "Bergen kommune", "--out", config, "--force"},
      {"decide", "letter", "2026/1", "--pdf", config, "--force"},  // the model: refused already
      {"refer", "import", batch, "--partial", "--rejects", config, "--force"},
  };
  for (const auto& command : commands) {
    std::vector<std::string> args{"--json", "--config", config};
    args.insert(args.end(), command.begin(), command.end());
    auto r = f.oppteam(args);
    INFO(command[1] << ": " << r.out << r.err);
    CHECK(r.code == 64);
    CHECK(test::error_key(r) == "output.protected");
    CHECK(test::read_file(config) == toml);
  }
}

TEST_CASE("remind --within out of range is refused by the rule's home (remind.within_range), not by a copy in the CLI",
          "[review][rvcli][remind]") {
  test::Fixture f;
  for (const std::string within : {"-1", "3661", "3000000"}) {
    auto r = f.oppteam({"--json", "remind", "--within", within});
    INFO(within << ": " << r.out << r.err);
    CHECK(r.code == 64);
    CHECK(test::error_key(r) == "remind.within_range");
  }
  for (const std::string within : {"0", "3660"}) {
    auto r = f.oppteam({"--json", "remind", "--within", within});
    INFO(within << ": " << r.out << r.err);
    CHECK(r.code == 0);
  }
}

TEST_CASE("refer add's note of a changed target group shows the stored rammeverk's labels without their control characters",
          "[review][rvcli][open_case]") {
  test::Fixture f;
  auto refer = [&](const std::string& group) {
    return f.oppteam({"refer", "add", "--fnr", "23923901213", "--reporter-type", "fastlege", "--received", "2026-03-02",
                      "--need", "Trenger koordinering", "--target-group", group});
  };
  REQUIRE(refer("skrope_eldre").code == 0);
  // A rammeverk stored before control characters were refused is still read
  // (docs/config.md); its labels reach the terminal through stderr here.
  {
    robust::Sql sql(f.db());
    sql.exec("UPDATE rammeverk SET toml = replace(toml, 'label = \"Skrøpelige eldre\"', "
             "'label = \"Skr\\u001b]0;eid\\u0007\\u001b[2Jøpelige eldre\"')");
    REQUIRE(sql.text("SELECT count(*) FROM rammeverk WHERE toml LIKE '%u001b%'") != "0");
  }
  auto r = refer("psykisk_rus");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("psykiske") != std::string::npos);  // the note is there
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x07') == std::string::npos);
}

TEST_CASE("assess at a terminal shows the stored rammeverk's instrument, items and domains without their control characters",
          "[review][rvcli][assess]") {
  test::Fixture f;
  const std::string c = team_test::refer(f);
  team_test::consent(f, c, "utredning");
  {
    robust::Sql sql(f.db());
    for (const std::string text : {"Kjennetegn ved store og sammensatte behov", "Flere samtidige sykdommer eller diagnoser"})
      sql.exec("UPDATE rammeverk SET toml = replace(toml, '\"" + text + "\"', '\"\\u001b]0;eid\\u0007" + text + "\"')");
  }
  auto r = test::run_pty({"--db", f.db(), "--today", "2026-03-04", "assess", c, "--instrument", "kjennetegn", "--assessor", "A",
                          "--profession", "lege"},
                         {{"[1/8]", "\x04"}}, f.dir.path());
  INFO(r.out);
  CHECK_FALSE(r.timed_out);
  CHECK(r.code == 64);
  CHECK(r.out.find("Flere samtidige") != std::string::npos);
  CHECK(r.out.find("\x1b]0;eid") == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
}
