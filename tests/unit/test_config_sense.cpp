// A rammeverk whose values would give wrong letters or leak small counts is
// refused: an empty municipality name (it stands in every letter), a
// min_count below 3 (a report would show counts of one or two people), and
// a label that is another entry's id or label in the same list (a user who
// types it could mean either).

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

std::vector<Error::Detail> problems(const std::string& toml) {
  try {
    load_rammeverk(toml, "r.toml");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    return e.details;
  }
  return {};
}

bool has(const std::vector<Error::Detail>& ps, const std::string& key, const std::string& line, const std::string& path) {
  for (const auto& p : ps)
    if (p.key == key && p.args.size() >= 3 && p.args[1] == line && p.args[2] == path) return true;
  return false;
}

}  // namespace

TEST_CASE("an empty or blank municipality name is refused: it stands in every letter", "[config][sense]") {
  CHECK(has(problems("[municipality]\nname = \"\"\n"), "config.empty_name", "2", "municipality.name"));
  CHECK(has(problems("[municipality]\nname = \"   \"\n"), "config.empty_name", "2", "municipality.name"));
  CHECK(problems("[municipality]\nname = \"Fjellvik kommune\"\n").empty());
}

TEST_CASE("min_count below 3 is refused: a report would show counts of one or two people", "[config][sense]") {
  for (const char* n : {"1", "2"}) {
    INFO(n);
    CHECK(has(problems(std::string("[reports]\nmin_count = ") + n + "\n"), "config.min_count_floor", "2", "reports.min_count"));
  }
  CHECK(problems("[reports]\nmin_count = 3\n").empty());
}

TEST_CASE("a label that is another entry's id or label in the same list is refused as ambiguous", "[config][sense]") {
  // "Fastlege" is the label of lege and the id of fastlege (in any case).
  const auto ps = problems(
      "[[reporter_type]]\nid = \"lege\"\nlabel = \"Fastlege\"\n"
      "[[reporter_type]]\nid = \"fastlege\"\nlabel = \"Lege\"\n");
  CHECK(has(ps, "config.ambiguous_label", "1", "reporter_type[0].label"));
  CHECK(has(ps, "config.ambiguous_label", "4", "reporter_type[1].label"));
  // Two entries with the same label.
  CHECK(has(problems("[[target_group]]\nid = \"a\"\nlabel = \"Eldre\"\n[[target_group]]\nid = \"b\"\nlabel = \"eldre\"\n"),
            "config.ambiguous_label", "4", "target_group[1].label"));
  // An entry's own id as its label is fine, and so is a label_nn equal to its own label.
  CHECK(problems("[[target_group]]\nid = \"eldre\"\nlabel = \"Eldre\"\nlabel_nn = \"Eldre\"\n").empty());
}
