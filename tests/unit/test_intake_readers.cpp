// The CSV and JSON Lines readers and the import format, on their own.

#include <oppteam/io/csv_reader.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/io/jsonl_reader.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace oppteam;
using namespace oppteam::io;

namespace {

struct Rec {
  std::size_t line;
  std::vector<std::string> fields;
  CsvProblem problem;
  std::string raw;
};

std::vector<Rec> read_all(std::string_view text) {
  CsvReader r(text);
  CsvRecord rec;
  std::vector<Rec> out;
  while (r.next(rec)) out.push_back({rec.line, rec.fields(), rec.problem, rec.raw});
  return out;
}

}  // namespace

TEST_CASE("CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF and a BOM", "[intake]") {
  auto recs = read_all("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",z\r\n3,,\r\n");
  REQUIRE(recs.size() == 4);
  CHECK(recs[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK(recs[1].fields == std::vector<std::string>{"1", "x, y", "say \"hi\""});
  CHECK(recs[1].line == 2);
  CHECK(recs[2].fields == std::vector<std::string>{"2", "two\nlines", "z"});
  CHECK(recs[2].raw == "2,\"two\r\nlines\",z");
  CHECK(recs[3].line == 5);  // the quoted line break moved it on
  CHECK(recs[3].fields == std::vector<std::string>{"3", "", ""});
  for (const auto& r : recs) CHECK(r.problem == CsvProblem::none);
}

TEST_CASE("CSV: LF only, blank lines skipped, no final line end", "[intake]") {
  auto recs = read_all("a,b\n\n1,2\n\n\n3,4");
  REQUIRE(recs.size() == 3);
  CHECK(recs[1].line == 3);
  CHECK(recs[2].line == 6);
  CHECK(recs[2].fields == std::vector<std::string>{"3", "4"});
}

TEST_CASE("CSV: an unbalanced quote is reported on its line and reading goes on with the next line", "[intake]") {
  auto recs = read_all("a,b\n1,\"open\n2,ok\n3,fine\n");
  REQUIRE(recs.size() == 4);
  CHECK(recs[1].line == 2);
  CHECK(recs[1].problem == CsvProblem::unbalanced_quote);
  CHECK(recs[1].raw == "1,\"open");
  CHECK(recs[2].line == 3);
  CHECK(recs[2].fields == std::vector<std::string>{"2", "ok"});
  CHECK(recs[3].line == 4);
}

TEST_CASE("CSV: a quote inside an unquoted field, or text after a closing quote, is a stray quote", "[intake]") {
  auto recs = read_all("ab\"c,d\n\"x\"y,z\n");
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].problem == CsvProblem::stray_quote);
  CHECK(recs[1].problem == CsvProblem::stray_quote);
  CHECK(csv_quote("plain") == "plain");
  CHECK(csv_quote("a,\"b\"") == "\"a,\"\"b\"\"\"");
}

TEST_CASE("CSV: reads across block boundaries from a stream", "[intake]") {
  std::string text = "id,need\n";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",\"behov " + std::to_string(i) + "\nlinje to\"\n";
  std::istringstream in(text);
  CsvReader r(in);
  CsvRecord rec;
  std::size_t n = 0;
  REQUIRE(r.next(rec));
  while (r.next(rec)) {
    REQUIRE(rec.size() == 2);
    REQUIRE(rec.problem == CsvProblem::none);
    CHECK(rec.line == 2 + 2 * n);
    ++n;
  }
  CHECK(n == 20000);
  CHECK(r.bytes_read() == text.size());
}

TEST_CASE("JSON Lines: objects, blank lines, bad JSON and non-objects with their lines", "[intake]") {
  JsonlReader r(std::string_view("\xEF\xBB\xBF{\"a\":\"1\"}\r\n\n[1,2]\n{oops\n{\"b\":2}"));
  JsonlRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.ok);
  CHECK(rec.line == 1);
  CHECK(rec.value["a"] == "1");
  REQUIRE(r.next(rec));
  CHECK(rec.line == 3);
  CHECK(rec.problem == "not_object");
  REQUIRE(r.next(rec));
  CHECK(rec.line == 4);
  CHECK(rec.problem == "not_json");
  CHECK_FALSE(rec.parse_error.empty());
  REQUIRE(r.next(rec));
  CHECK(rec.ok);
  CHECK(rec.line == 5);
  CHECK_FALSE(r.next(rec));
}

TEST_CASE("JSON Lines: a key twice in the object is named (the parser keeps only the last), one inside a nested object is not", "[intake]") {
  JsonlReader r(std::string_view("{\"fnr\":\"1\",\"a\":{\"x\":1,\"x\":2},\"fnr\":\"2\",\"fnr\":\"3\"}\n{\"fnr\":\"1\"}\n"));
  JsonlRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.ok);
  CHECK(rec.repeated_keys == std::vector<std::string>{"fnr"});
  REQUIRE(r.next(rec));
  CHECK(rec.repeated_keys.empty());
  // Colons and quotes inside strings, nested objects and arrays: no key twice.
  JsonlReader q(std::string_view(R"({"a:b":"x\":y","c":{"d":1,"e":[{"f":":"}]},"g\\":"h"})" "\n"
                                 R"({"k\"":"1", "k\"" : "2"})" "\n"));
  REQUIRE(q.next(rec));
  CHECK(rec.ok);
  CHECK(rec.repeated_keys.empty());
  REQUIRE(q.next(rec));
  CHECK(rec.repeated_keys == std::vector<std::string>{"k\""});
}

TEST_CASE("import format: the header is mapped, unknown and missing columns are all reported", "[intake]") {
  std::map<std::string, std::string> map{{"personnummer", "fnr"}, {"intern", ""}};
  {
    std::istringstream in("external_id,personnummer,reporter_type,received,need,intern\nX,1,fastlege,2026-01-01,n,skip\n");
    ImportSource src(in, ImportFormat::csv, map);
    ImportRow row;
    REQUIRE(src.next(row));
    CHECK(row.line == 2);
    CHECK(row.present[kFnr]);
    CHECK(row.value[kFnr] == "1");
    CHECK_FALSE(row.present[kName]);
    CHECK(row.problems.empty());
  }
  {
    std::istringstream in("fnr,diagnose,hemmelig\n");
    try {
      ImportSource src(in, ImportFormat::csv, map);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::data);
      CHECK(e.details.size() == 2 + 4);  // two unknown, four required missing
    }
  }
  CHECK(choose_import_format("a.jsonl", "") == ImportFormat::jsonl);
  CHECK(choose_import_format("a.csv", "") == ImportFormat::csv);
  CHECK(choose_import_format("a.csv", "jsonl") == ImportFormat::jsonl);
  CHECK_THROWS_AS(choose_import_format("a.csv", "xml"), Error);
}
