// refer import: CSV (RFC 4180) and JSON Lines, all or nothing and --partial,
// re-import, conflicts, the column map.

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace intake_test;

namespace {

const std::string kHeader = "external_id,fnr,name,reporter_type,reporter_name,received,need\r\n";

std::string good_rows() {
  // A UTF-8 BOM, CRLF, a quoted field with a comma, doubled quotes and a line break.
  return "\xEF\xBB\xBF" + kHeader +
         "A1," + synthetic_fnr(1, 2, 1950) + ",\"Hansen, Per\",fastlege,Dr. Berg,2026-02-01,\"Trenger \"\"koordinering\"\"\r\nav tjenester\"\r\n" +
         "A2," + synthetic_fnr(2, 2, 1960) + ",Klara Moe,sykehus,,2026-02-02,Mange innleggelser\r\n" +
         "A3," + synthetic_fnr(3, 2, 1970) + ",,nav,NAV Eksempel,2026-02-03,Arbeid og helse\r\n";
}

// Every kind of bad row, each on a known line (the header is line 1).
std::string bad_file() {
  std::string t = kHeader;
  t += "B1," + synthetic_fnr(1, 3, 1950) + ",God Rad,fastlege,,2026-02-01,Et behov\r\n";               // line 2: good
  t += "B2," + bad_control(synthetic_fnr(2, 3, 1950)) + ",,fastlege,,2026-02-01,Et behov\r\n";         // line 3: control digit
  t += "B3," + synthetic_fnr(3, 3, 1950) + ",,naboen,,2026-02-01,Et behov\r\n";                        // line 4: reporter type
  t += "B4," + synthetic_fnr(4, 3, 1950) + ",,fastlege,,2026-02-30,Et behov\r\n";                      // line 5: impossible date
  t += "B5," + synthetic_fnr(5, 3, 1950) + ",,fastlege,,2026-02-01,\r\n";                              // line 6: missing need
  t += "B6," + synthetic_fnr(6, 3, 1950) + ",,fastlege,,2026-02-01,Et godt behov\r\n";                 // line 7: good
  t += "B7," + synthetic_fnr(7, 3, 1950) + ",,fastlege,,2026-02-01,\"Et behov uten slutt\r\n";         // line 8: unbalanced quote
  return t;
}

std::set<std::pair<int, std::string>> error_lines(const nlohmann::json& errors) {
  std::set<std::pair<int, std::string>> out;
  for (const auto& e : errors) out.insert({e["line"].get<int>(), e["column"].is_null() ? "" : e["column"].get<std::string>()});
  return out;
}

std::size_t case_count(test::Fixture& f) {
  auto r = f.oppteam({"--today", kToday, "--json", "case", "list"});
  REQUIRE(r.code == 0);
  return r.json()["cases"].size();
}

}  // namespace

TEST_CASE("import of a CSV with a BOM, CRLF and quoted fields stores every row", "[intake]") {
  test::Fixture f;
  auto file = f.dir.write("batch.csv", good_rows());
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  auto j = r.json();
  CHECK(j["read"] == 3);
  CHECK(j["stored"] == 3);
  CHECK(j["duplicates"] == 0);
  CHECK(j["rejected"] == 0);
  CHECK(j["errors"].empty());
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/1"});
  REQUIRE(show.code == 0);
  CHECK(show.json()["person"]["name"] == "Hansen, Per");
  CHECK(show.json()["referrals"][0]["need"] == "Trenger \"koordinering\"\nav tjenester");
  CHECK(show.json()["referrals"][0]["external_id"] == "A1");
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("re-importing a file stores nothing new, the same external_id with other content is a conflict", "[intake]") {
  test::Fixture f;
  auto file = f.dir.write("batch.csv", good_rows());
  REQUIRE(f.oppteam({"--today", kToday, "refer", "import", file}).code == 0);
  auto again = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  REQUIRE(again.code == 0);
  CHECK(again.json()["read"] == 3);
  CHECK(again.json()["stored"] == 0);
  CHECK(again.json()["duplicates"] == 3);
  CHECK(case_count(f) == 3);

  // Another sender may use the same ids.
  auto other_sender = f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--sender", "sykehuset"});
  REQUIRE(other_sender.code == 0);
  CHECK(other_sender.json()["stored"] == 3);

  // A2 changed: a conflict, never overwritten.
  std::string changed = kHeader + "A2," + synthetic_fnr(2, 2, 1960) + ",Klara Moe,sykehus,,2026-02-02,Noe annet\r\n";
  auto cfile = f.dir.write("changed.csv", changed);
  auto c = f.oppteam({"--today", kToday, "--json", "refer", "import", cfile});
  CHECK(c.code == 65);
  CHECK(c.out.find("A2") != std::string::npos);
  {
    // One JSON document: the summary with each bad row, and the error.
    auto j = c.json();
    CHECK(j["error"]["code"] == 65);
    CHECK(j["read"] == 1);
    CHECK(j["stored"] == 0);
    CHECK(j["rejected"] == 1);
    REQUIRE(j["errors"].size() == 1);
    CHECK(j["errors"][0]["line"] == 2);
    CHECK(j["errors"][0]["column"] == "external_id");
  }
  auto p = f.oppteam({"--today", kToday, "--json", "refer", "import", cfile, "--partial", "--rejects", f.dir.file("rej.csv")});
  REQUIRE(p.code == 65);
  CHECK(p.json()["rejected"] == 1);
  CHECK(p.json()["conflicts"] == 1);
  CHECK(p.json()["errors"][0]["column"] == "external_id");
  auto show = f.oppteam({"--today", kToday, "--json", "case", "show", "2026/2"});
  CHECK(show.json()["referrals"][0]["need"] == "Mange innleggelser");
}

TEST_CASE("all or nothing: every bad row is listed with line, column and reason, and nothing is stored", "[intake]") {
  test::Fixture f;
  auto file = f.dir.write("bad.csv", bad_file());
  auto r = f.oppteam({"--today", kToday, "refer", "import", file});
  INFO(r.err);
  CHECK(r.code == 65);
  for (std::string line : {"linje 3, fnr", "linje 4, reporter_type", "linje 5, received", "linje 6, need", "linje 8:"})
    CHECK(r.err.find(line) != std::string::npos);
  CHECK(r.err.find("kontrollsifrene") != std::string::npos);
  CHECK(r.err.find("naboen") != std::string::npos);
  CHECK(r.err.find("2026-02-30") != std::string::npos);
  CHECK(r.err.find("anførselstegn") != std::string::npos);
  CHECK(case_count(f) == 0);

  auto j = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  CHECK(j.code == 65);
  CHECK(j.json()["error"]["code"] == 65);
  CHECK(test::error_key(j) == "import.failed");
  CHECK(j.json()["error"]["details"].size() == 5);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}

TEST_CASE("partial import stores the good rows, writes the bad ones unchanged plus a reason to --rejects, and exits 65 (0 with none rejected)", "[intake]") {
  test::Fixture f;
  auto file = f.dir.write("bad.csv", bad_file());
  const std::string rejects = f.dir.file("rejected.csv");
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--partial", "--rejects", rejects});
  INFO(r.out << r.err);
  // SPEC.md's exit codes: 65 for "rows rejected in an import". With --partial
  // the good rows are stored all the same; the exit code tells a script that
  // the rejects file needs a person. One JSON document: the summary and the error.
  REQUIRE(r.code == 65);
  CHECK(test::error_key(r) == "import.rows_rejected");
  auto j = r.json();
  CHECK(j["read"] == 7);
  CHECK(j["stored"] == 2);
  CHECK(j["rejected"] == 5);
  CHECK(error_lines(j["errors"]) == std::set<std::pair<int, std::string>>{
                                        {3, "fnr"}, {4, "reporter_type"}, {5, "received"}, {6, "need"}, {8, ""}});
  for (const auto& e : j["errors"]) CHECK_FALSE(e["reason"].get<std::string>().empty());
  CHECK(case_count(f) == 2);

  const std::string rej = test::read_file(rejects);
  CHECK(rej.rfind("external_id,fnr,name,reporter_type,reporter_name,received,need,reason\r\n", 0) == 0);
  const std::string bad_line = "B3," + synthetic_fnr(3, 3, 1950) + ",,naboen,,2026-02-01,Et behov,";
  CHECK(rej.find(bad_line) != std::string::npos);  // unchanged, then the reason
  CHECK(rej.find("B1,") == std::string::npos);
  // The rejects file can be fixed and imported again: the good rows are duplicates by then.
  CHECK(f.oppteam({"--today", kToday, "refer", "import", file, "--partial"}).code == 64);  // --partial needs --rejects

  // As text: the summary on stdout, the error on stderr naming the rejects file.
  auto t = f.oppteam({"--today", kToday, "refer", "import", file, "--partial", "--rejects", rejects, "--force"});
  INFO(t.out << t.err);
  CHECK(t.code == 65);
  CHECK(t.out.find(rejects) != std::string::npos);
  CHECK(t.err.find(rejects) != std::string::npos);
  CHECK(case_count(f) == 2);  // the good rows again: duplicates now

  // Every row rejected: 65 too, nothing stored.
  auto none = f.oppteam({"--today", kToday, "--json", "refer", "import", f.dir.write("none.csv", kHeader + "Z1,123,,fastlege,,2026-02-01,x\r\n"),
                         "--partial", "--rejects", f.dir.file("none.rej.csv")});
  CHECK(none.code == 65);
  CHECK(none.json()["stored"] == 0);

  // Nothing rejected: 0, and no error object.
  auto good = f.oppteam({"--today", kToday, "--json", "refer", "import", f.dir.write("good.csv", good_rows()), "--partial", "--rejects",
                         f.dir.file("good.rej.csv")});
  CHECK(good.code == 0);
  CHECK_FALSE(good.json().contains("error"));
  CHECK(good.json()["stored"] == 3);
}

TEST_CASE("JSON Lines import, with the rammeverk's column map and a bad line", "[intake]") {
  test::Fixture f;
  std::string t;
  t += "{\"external_id\": \"J1\", \"personnummer\": \"" + synthetic_fnr(1, 4, 1940) +
       "\", \"reporter_type\": \"parorende\", \"mottatt\": \"2026-01-10\", \"behov\": \"Datter ber om hjelp\", \"kilde_system\": \"x\"}\n";
  t += "\n";
  t += "{\"external_id\": \"J2\", \"fnr\": \"" + synthetic_fnr(2, 4, 1940) +
       "\", \"reporter_type\": \"bruker\", \"received\": \"2026-01-11\", \"need\": \"Vil bo heime\", \"name\": \"Ola\"}\n";
  t += "{\"external_id\": \"J3\", \"fnr\": 12345}\n";
  t += "not json\n";
  auto file = f.dir.write("batch.jsonl", t);
  auto all = f.oppteam({"--today", kToday, "--json", "refer", "import", file});
  CHECK(all.code == 65);
  CHECK(case_count(f) == 0);
  const std::string rejects = f.dir.file("rej.jsonl");
  auto r = f.oppteam({"--today", kToday, "--json", "refer", "import", file, "--partial", "--rejects", rejects});
  INFO(r.out << r.err);
  REQUIRE(r.code == 65);
  CHECK(r.json()["read"] == 4);
  CHECK(r.json()["stored"] == 2);
  CHECK(r.json()["rejected"] == 2);
  auto lines = error_lines(r.json()["errors"]);
  CHECK(lines.count({4, "fnr"}) == 1);
  CHECK(lines.count({5, ""}) == 1);
  const std::string rej = test::read_file(rejects);
  CHECK(rej.find("\"external_id\": \"J3\"") != std::string::npos);
  CHECK(rej.find("\"reason\":") != std::string::npos);
  // Each rejected line is valid JSON again.
  std::size_t start = 0;
  while (start < rej.size()) {
    auto nl = rej.find('\n', start);
    CHECK_FALSE(nlohmann::json::parse(rej.substr(start, nl - start), nullptr, false).is_discarded());
    start = nl + 1;
  }
  // --format forces JSON Lines whatever the name.
  auto named = f.dir.write("batch.txt", t.substr(0, t.find('\n') + 1));
  auto forced = f.oppteam({"--today", kToday, "--json", "refer", "import", named, "--format", "jsonl"});
  REQUIRE(forced.code == 0);
  CHECK(forced.json()["duplicates"] == 1);
}

TEST_CASE("a header with an unknown or missing column is refused before any row", "[intake]") {
  test::Fixture f;
  auto unknown = f.dir.write("u.csv", "external_id,fnr,reporter_type,received,need,diagnose\n1,23923901213,fastlege,2026-01-01,x,y\n");
  auto r = f.oppteam({"--json", "--today", kToday, "refer", "import", unknown});
  CHECK(r.code == 65);
  CHECK(test::error_key(r) == "import.bad_header");
  CHECK(r.err.find("diagnose") != std::string::npos);  // names the column
  auto missing = f.dir.write("m.csv", "external_id,fnr,reporter_type,need\n1,23923901213,fastlege,x\n");
  auto m = f.oppteam({"--json", "--today", kToday, "refer", "import", missing});
  CHECK(m.code == 65);
  CHECK(test::error_key(m) == "import.bad_header");
  CHECK(m.err.find("received") != std::string::npos);
  // Mapped names (the example rammeverk maps personnummer, mottatt and behov; kilde_system is ignored).
  auto mapped = f.dir.write("ok.csv", "external_id,personnummer,reporter_type,mottatt,behov,kilde_system\n1,23923901213,fastlege,2026-01-01,x,y\n");
  CHECK(f.oppteam({"--today", kToday, "refer", "import", mapped}).code == 0);
  CHECK(f.oppteam({"--today", kToday, "refer", "import", f.dir.file("nope.csv")}).code == 66);
  CHECK(f.oppteam({"--today", kToday, "refer", "import", f.dir.write("e.csv", "")}).code == 65);
}

TEST_CASE("the examples/batch files import cleanly", "[intake]") {
  test::Fixture f;
  auto csv = f.oppteam({"--today", "2026-11-23", "--json", "refer", "import", test::source_path("examples/batch.csv")});
  INFO(csv.out << csv.err);
  REQUIRE(csv.code == 0);
  CHECK(csv.json()["rejected"] == 0);
  auto jsonl = f.oppteam({"--today", "2026-11-23", "--json", "refer", "import", test::source_path("examples/batch.jsonl")});
  INFO(jsonl.out << jsonl.err);
  REQUIRE(jsonl.code == 0);
  CHECK(jsonl.json()["rejected"] == 0);
}
