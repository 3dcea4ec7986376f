// refer add and refer import check a referral's fields with one function
// (issue 16, point 5): what one of them refuses, the other refuses too, for
// the same reason. The deliberate differences stay: the import requires
// external_id and reads dates as strict YYYY-MM-DD (SPEC.md), refer add
// takes dates as people write them (2.3.2026, i dag).

#include "cli/harness.hpp"
#include "cli/test_intake_helpers.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace intake_test;

namespace {

using Fields = std::map<std::string, std::string>;

// A good referral, every field set.
Fields good_referral() {
  return {{"external_id", "S1"},        {"fnr", synthetic_fnr(4, 5, 1950)}, {"name", "Per Hansen"},
          {"reporter_type", "fastlege"}, {"reporter_name", "Dr. Berg"},    {"received", "2026-02-01"},
          {"need", "Trenger koordinering"}};
}

test::Result refer_add(test::Fixture& f, const Fields& fields, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"--today", kToday, "--json", "refer", "add"};
  for (const auto& [column, value] : fields) {
    std::string option = "--" + column;
    for (auto& c : option)
      if (c == '_') c = '-';
    args.push_back(option);
    args.push_back(value);
  }
  args.insert(args.end(), extra.begin(), extra.end());
  return f.oppteam(args);
}

// The fields as one JSON Lines row (JSON carries any byte a field may hold).
test::Result refer_import(test::Fixture& f, const Fields& fields, const std::vector<std::string>& extra = {}) {
  nlohmann::json row = nlohmann::json::object();
  for (const auto& [column, value] : fields) row[column] = value;
  const std::string file = f.dir.write("one.jsonl", row.dump() + "\n");
  std::vector<std::string> args = {"--today", kToday, "--json", "refer", "import", file};
  args.insert(args.end(), extra.begin(), extra.end());
  return f.oppteam(args);
}

std::size_t case_count(test::Fixture& f) {
  auto r = f.oppteam({"--today", kToday, "--json", "case", "list"});
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  return doc["cases"].size();
}

// The one error of an all-or-nothing import of one bad row: its column and key.
std::pair<std::string, std::string> only_error(const test::Result& r) {
  INFO(r.out << r.err);
  CHECK(r.code == 65);
  const auto doc = r.json();
  REQUIRE(doc.contains("errors"));
  REQUIRE(doc["errors"].size() == 1);
  return {doc["errors"][0]["column"].get<std::string>(), doc["errors"][0]["key"].get<std::string>()};
}

struct BadField {
  std::string column, value;
  std::string import_key;  // empty: the same key as refer add's (which the CLI may refuse before the library sees it)
};

}  // namespace

TEST_CASE("a need of only spaces is refused by refer add and by the import, and nothing is stored", "[intake][split]") {
  test::Fixture f;
  Fields spaces = good_referral();
  spaces["need"] = "   ";
  const auto add = refer_add(f, spaces);
  INFO(add.out << add.err);
  CHECK(add.code == 65);
  CHECK(test::error_key(add) == "refer.need_empty");

  CHECK(only_error(refer_import(f, spaces)) == std::pair<std::string, std::string>("need", "import.need_empty"));

  const std::string rejects = f.dir.file("rejects.jsonl");
  const auto partial = refer_import(f, spaces, {"--partial", "--rejects", rejects});
  INFO(partial.out << partial.err);
  REQUIRE(partial.code == 65);
  CHECK(partial.json()["stored"] == 0);
  CHECK(partial.json()["rejected"] == 1);
  CHECK(test::read_file(rejects).find("\"reason\"") != std::string::npos);
  CHECK(case_count(f) == 0);
}

TEST_CASE("every bad field is refused by refer add and by the import for the same reason", "[intake][split]") {
  test::Fixture f;
  const std::vector<BadField> bad = {
      {"need", " \t\n \t", "import.need_empty"},         // spaces, tabs and line breaks only
      {"need", "Behov\x1b[2J", ""},                      // a terminal escape
      {"name", "Per\nHansen", ""},                       // a line break in a one-line field
      {"reporter_name", "Dr.\rBerg", ""},                // a stray CR
      {"external_id", "S\x07", ""},                      // a control character
      {"fnr", bad_control(synthetic_fnr(4, 5, 1950)), ""},
      {"reporter_type", "naboen", "refer.unknown_reporter_type"},  // refer add: the option's choices (exit 64)
      {"received", "2026-04-01", ""},                    // after --today
      {"target_group", "ingen_slik_gruppe", "target_group.unknown"},
  };
  for (const auto& b : bad) {
    Fields fields = good_referral();
    fields[b.column] = b.value;
    INFO(b.column << " = " << b.value);
    const auto add = refer_add(f, fields);
    INFO(add.out << add.err);
    CHECK(add.code != 0);
    const std::string add_key = test::error_key(add);
    CHECK(!add_key.empty());

    const auto [column, key] = only_error(refer_import(f, fields));
    CHECK(column == b.column);
    CHECK(key == (b.import_key.empty() ? add_key : b.import_key));
  }
  CHECK(case_count(f) == 0);
}

TEST_CASE("a sender with a control character is refused by refer add and by the import", "[intake][split]") {
  test::Fixture f;
  const std::string sender = "fagsystem\x1b[2J";
  const auto add = refer_add(f, good_referral(), {"--sender", sender});
  INFO(add.out << add.err);
  CHECK(add.code == 65);
  CHECK(test::error_key(add) == "text.control");

  const auto imported = refer_import(f, good_referral(), {"--sender", sender});
  INFO(imported.out << imported.err);
  CHECK(imported.code == 65);
  CHECK(test::error_key(imported) == "text.control");
  CHECK(case_count(f) == 0);
}
