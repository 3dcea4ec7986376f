// Review of session 11 (rv-cli), through the real binary: what the CLI
// layer's changes of sessions 10 and 11 left open.

#include "cli/harness.hpp"

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

TEST_CASE("case export and case transfer never write over the rammeverk file in force, as --pdf does not",
          "[review][rvcli][files]") {
  test::Fixture f;
  refer_one(f);
  const std::string toml = test::read_file(test::source_path("examples/rammeverk.toml"));
  const std::string config = f.dir.write("rammeverk.toml", toml);
  const std::vector<std::vector<std::string>> commands = {
      {"case", "export", "2026/1", "--fhir", "--out", config, "--force"},
      {"case", "transfer", "2026/1", "--to", "Bergen kommune", "--out", config, "--force"},
      {"decide", "letter", "2026/1", "--pdf", config, "--force"},  // the model: refused already
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
