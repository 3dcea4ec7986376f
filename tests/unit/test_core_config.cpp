#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace oppteam;

namespace {

// The problems a rammeverk text has, each as "KEY@LINE:problem-key:KEYPATH".
std::vector<Error::Detail> problems(const std::string& toml) {
  try {
    load_rammeverk(toml, "r.toml");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    return e.details;
  }
  return {};
}

// True when some problem has this catalogue key, line and key path.
bool has(const std::vector<Error::Detail>& ps, const std::string& key, int line, const std::string& path) {
  return std::any_of(ps.begin(), ps.end(), [&](const Error::Detail& d) {
    return d.key == key && d.args.size() >= 3 && d.args[0] == "r.toml" && d.args[1] == std::to_string(line) &&
           d.args[2] == path;
  });
}

std::string dump(const std::vector<Error::Detail>& ps) {
  std::string s;
  for (const auto& d : ps) s += render_message(Lang::en, d.key, d.args) + "\n";
  return s;
}

}  // namespace

TEST_CASE("an empty file gives the national guideline's defaults", "[core][config]") {
  Rammeverk rv = load_rammeverk("", "r.toml");
  CHECK(rv.deadlines.appeal == 28);
  CHECK(rv.deadlines.preliminary_reply == 30);
  CHECK(rv.rules.consent_age == 16);
  CHECK(rv.reporter_types.size() == 9);
  REQUIRE(rv.find_instrument("kjennetegn"));
  CHECK(rv.reports.min_count == 5);
  for (const auto& [key, origin] : rv.origin) CHECK(origin == "default");
}

TEST_CASE("the example rammeverk is valid and overrides with origins", "[core][config]") {
  Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "r.toml");
  CHECK(rv.municipality.name == "Eksempel kommune");
  CHECK(rv.municipality.allow_synthetic_ids);
  CHECK(rv.instruments.size() == 2);
  CHECK(rv.origin.at("municipality.name") == "r.toml:10");
  CHECK(rv.import_map.columns.at("personnummer") == "fnr");
  CHECK_FALSE(show_rammeverk(rv).empty());
  // What config show prints is itself a valid rammeverk with the same content.
  Rammeverk again = load_rammeverk(show_rammeverk(rv), "shown.toml");
  CHECK(again.municipality.name == rv.municipality.name);
  CHECK(again.instruments.size() == rv.instruments.size());
  CHECK(again.services.size() == rv.services.size());
}

TEST_CASE("a TOML syntax error names file and line", "[core][config]") {
  auto ps = problems("[municipality]\nname = \"x\"\nnumber = \n");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].key == "config.syntax");
  CHECK(ps[0].args[1] == "3");
}

TEST_CASE("unknown keys are reported with their line", "[core][config]") {
  auto ps = problems("[municipality]\nname = \"A\"\nnavn = \"B\"\n\n[deadlinez]\nx = 1\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.unknown_key", 3, "municipality.navn"));
  CHECK(has(ps, "config.unknown_key", 5, "deadlinez"));
}

TEST_CASE("wrong types are reported with their line", "[core][config]") {
  auto ps = problems("[deadlines]\nappeal = \"28\"\n[rules]\ngp_required = 1\nconsent_required_for = \"assess\"\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.want_integer", 2, "deadlines.appeal"));
  CHECK(has(ps, "config.want_bool", 4, "rules.gp_required"));
  CHECK(has(ps, "config.want_string_list", 5, "rules.consent_required_for"));
}

TEST_CASE("values out of range and bad enumerations are reported", "[core][config]") {
  auto ps = problems("[deadlines]\nappeal = -3\n[municipality]\nlanguage = \"sv\"\nnumber = \"12\"\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.out_of_range", 2, "deadlines.appeal"));
  CHECK(has(ps, "config.bad_language", 4, "municipality.language"));
  CHECK(has(ps, "config.bad_municipality_number", 5, "municipality.number"));
}

TEST_CASE("duplicate ids are reported at the second entry", "[core][config]") {
  auto ps = problems(
      "[[reporter_type]]\nid = \"fastlege\"\nlabel = \"A\"\n\n[[reporter_type]]\nid = \"fastlege\"\nlabel = \"B\"\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.duplicate_id", 5, "reporter_type[1].id"));
}

TEST_CASE("dangling references: a service's sector and an item's domain", "[core][config]") {
  auto ps = problems(
      "[[service]]\nid = \"nav\"\nlabel = \"NAV\"\nsector = \"velferd\"\n\n"
      "[[instrument]]\nid = \"k\"\nname = \"K\"\nrecommend_at = 1\n"
      "  [[instrument.item]]\n  id = \"a\"\n  text = \"A\"\n  domain = \"ukjent\"\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.unknown_reference", 1, "service[0].sector"));
  CHECK(has(ps, "config.unknown_reference", 10, "instrument[0].item[0].domain"));
}

TEST_CASE("an instrument without items is reported", "[core][config]") {
  auto ps = problems("[[instrument]]\nid = \"tom\"\nname = \"Tom\"\nrecommend_at = 1\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.empty_instrument", 1, "instrument[0].item"));
}

TEST_CASE("missing required keys and bad ids are reported", "[core][config]") {
  auto ps = problems("[[role]]\nid = \"Koordinator X\"\n\n[[instrument]]\nid = \"i\"\nname = \"I\"\n"
                     "  [[instrument.item]]\n  id = \"a\"\n  text = \"A\"\n  domain = \"helse\"\n  scale = [3, 1]\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.bad_id", 2, "role[0].id"));
  CHECK(has(ps, "config.missing_key", 1, "role[0].label"));
  CHECK(has(ps, "config.missing_key", 4, "instrument[0].recommend_at"));
  CHECK(has(ps, "config.bad_range", 11, "instrument[0].item[0].scale"));
}

TEST_CASE("every problem is reported at once, not only the first", "[core][config]") {
  auto ps = problems("[municipality]\nfoo = 1\n[deadlines]\nappeal = \"x\"\n[[service]]\nid = \"s\"\nlabel = \"S\"\nsector = \"nope\"\n");
  CHECK(ps.size() >= 3);
}

TEST_CASE("access users must name defined roles", "[core][config]") {
  auto ps = problems("[access]\nenforce = true\n[[access.role]]\nid = \"leder\"\npermissions = [\"report\"]\n"
                     "[[access.user]]\nname = \"kari\"\nroles = [\"sjef\"]\n");
  INFO(dump(ps));
  CHECK(std::any_of(ps.begin(), ps.end(), [](const auto& d) { return d.key == "config.unknown_reference"; }));
}

TEST_CASE("every catalogue message exists in nb, nn and en with the same placeholders", "[core][i18n]") {
  auto count = [](std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
      if (s[i] == '{' && s[i + 1] == '}') ++n;
    return n;
  };
  std::set<std::string_view> keys;
  for (const auto& e : catalogue()) {
    INFO(e.key);
    CHECK(keys.insert(e.key).second);  // no key twice
    CHECK_FALSE(e.nb.empty());
    CHECK_FALSE(e.nn.empty());
    CHECK_FALSE(e.en.empty());
    CHECK(count(e.nb) == count(e.en));
    CHECK(count(e.nn) == count(e.en));
  }
}
