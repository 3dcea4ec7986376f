// Input as Norwegian users type it (issue 17): pasted personal numbers,
// Norwegian and relative dates, batch files from Norwegian Excel.
// Personal numbers are synthetic (month + 80) only.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

using namespace intake_test;

namespace {

// refer add with the fields a script gives; `fnr` and `received` as typed.
test::Result add(test::Fixture& f, const std::string& fnr, const std::string& received, const std::string& today = kToday) {
  return f.oppteam({"--today", today, "--json", "refer", "add", "--fnr", fnr, "--reporter-type", "fastlege", "--received", received,
                    "--need", "Trenger koordinering"});
}

// `r` (a --json run) ended with 65 and the error `key`, and its message
// holds each of `named` and none of `unnamed`.
void check_bad_data(const test::Result& r, const std::string& key, const std::vector<std::string>& named,
                    const std::vector<std::string>& unnamed) {
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == key);
  INFO(r.err);
  for (const auto& part : named) CHECK(r.err.find(part) != std::string::npos);
  for (const auto& part : unnamed) CHECK(r.err.find(part) == std::string::npos);
}

}  // namespace

TEST_CASE("a personal number pasted with a space or dots works in refer add, person export and an import row", "[nb]") {
  test::Fixture f;
  auto r = add(f, "239239 01213", "2026-03-02");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  REQUIRE(show.code == 0);
  CHECK(show.json()["person"]["fnr"] == "23923901213");

  auto exp = f.oppteam({"--today", kToday, "--json", "person", "export", "239239.01213"});
  INFO(exp.err);
  CHECK(exp.code == 0);

  const std::string other = synthetic_fnr(4, 5, 1960);
  const std::string spaced = other.substr(0, 6) + " " + other.substr(6);
  auto file = f.dir.write("batch.csv", "external_id,fnr,reporter_type,received,need\n"
                                       "X1," + spaced + ",nav,2026-02-01,Et behov\n");
  auto imp = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  INFO(imp.out << imp.err);
  REQUIRE(imp.code == 0);
  CHECK(imp.json()["stored"] == 1);
  auto show2 = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/2"});
  REQUIRE(show2.code == 0);
  CHECK(show2.json()["person"]["fnr"] == other);
}

TEST_CASE("a personal number with a wrong control digit is explained as control digits that do not match", "[nb]") {
  test::Fixture f;
  check_bad_data(add(f, "23923901214", "2026-03-02"), "pnr.control_digits", {"kontrollsifrene"}, {"kontrollsiffer 2"});
}

TEST_CASE("date options take Norwegian and relative dates, output stays ISO in JSON", "[nb]") {
  test::Fixture f;
  auto r = add(f, "23923901213", "i dag", "2.3.2026");
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto r2 = add(f, synthetic_fnr(4, 5, 1960), "1.3.2026");
  INFO(r2.err);
  REQUIRE(r2.code == 0);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  REQUIRE(show.code == 0);
  CHECK(show.json()["referrals"][0]["received"] == "2026-03-02");
  auto show2 = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/2"});
  REQUIRE(show2.code == 0);
  CHECK(show2.json()["referrals"][0]["received"] == "2026-03-01");
  auto rep = f.oppteam({"--today", kToday, "--json", "report", "--from", "01.01.2026", "--to", "+0"});
  INFO(rep.err);
  CHECK(rep.code == 0);
}

TEST_CASE("a bad date names the option and the accepted forms, exit 65", "[nb]") {
  test::Fixture f;
  // A received date cannot be after today: its hint gives the forms of the past (session 10).
  check_bad_data(add(f, "23923901213", "30.2.2026"), "date.bad_past_input", {"--received", "2.3.2026"}, {"i morgen"});
  check_bad_data(f.oppteam({"--json", "--lang", "en", "--today", "tomorrowish", "report"}), "date.bad_input",
                 {"--today", "tomorrow"}, {});
}

namespace {

std::string batch(char delimiter, const std::string& name = "Per Hansen") {
  const std::string d(1, delimiter);
  return "external_id" + d + "fnr" + d + "name" + d + "reporter_type" + d + "received" + d + "need\r\n" +
         "S1" + d + synthetic_fnr(1, 2, 1950) + d + name + d + "fastlege" + d + "2026-02-01" + d + "\"Trenger koordinering, snart\"\r\n" +
         "S2" + d + synthetic_fnr(2, 2, 1960) + d + d + "nav" + d + "2026-02-02" + d + "\"Et behov; med semikolon\"\r\n";
}

}  // namespace

TEST_CASE("refer import reads semicolon and tab separated files as Norwegian Excel writes them", "[nb]") {
  for (char d : {';', '\t', ','}) {
    test::Fixture f;
    auto file = f.dir.write("batch.csv", batch(d));
    auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
    INFO(int(d) << r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.json()["stored"] == 2);
    auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
    CHECK(show.json()["referrals"][0]["need"] == "Trenger koordinering, snart");
    auto show2 = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/2"});
    CHECK(show2.json()["referrals"][0]["need"] == "Et behov; med semikolon");
  }
  // --delimiter overrides the detection: a semicolon file read as commas has unknown columns.
  test::Fixture f;
  auto file = f.dir.write("batch.csv", batch(';'));
  auto r = f.oppteam({"--json", "--today", kToday, "refer", "import", file, "--delimiter", ","});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "import.bad_header");
  auto ok = f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--delimiter", ";"});
  INFO(ok.err);
  CHECK(ok.code == 0);
  CHECK(f.oppteam({"--today", kToday, "refer", "import", file, "--delimiter", "x"}).code == 64);
}

TEST_CASE("a Windows-1252 batch file is refused naming iconv, or converted with --encoding windows-1252", "[nb]") {
  test::Fixture f;
  // "Bjørn Åsæther" in Windows-1252: ø = F8, Å = C5, æ = E6.
  auto file = f.dir.write("batch.csv", batch(';', "Bj\xF8rn \xC5s\xE6ther"));
  auto r = f.oppteam({"--json", "--today", kToday, "refer", "import", file});
  INFO(r.err);
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "import.failed");
  CHECK(r.err.find("iconv -f WINDOWS-1252 -t UTF-8") != std::string::npos);  // the fix
  CHECK(r.err.find("--encoding windows-1252") != std::string::npos);

  auto c = f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--encoding", "windows-1252"});
  INFO(c.out << c.err);
  REQUIRE(c.code == 0);
  CHECK(c.json()["stored"] == 2);
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  CHECK(show.json()["person"]["name"] == "Bjørn Åsæther");
  CHECK(f.oppteam({"--today", kToday, "refer", "import", file, "--encoding", "ebcdic"}).code == 64);
}
