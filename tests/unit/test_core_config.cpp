#include <oppteam/config/embedded.hpp>
#include <oppteam/config/rammeverk.hpp>
#include <oppteam/config/rammeverk_keys.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <set>
#include <type_traits>

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

// Whether key k has the same value in a and b.
bool same_value(const RammeverkKey& k, const Rammeverk& a, const Rammeverk& b) {
  bool same = false;
  k.visit(a, [&](const auto& va) {
    k.visit(b, [&](const auto& vb) {
      if constexpr (std::is_same_v<decltype(va), decltype(vb)>) same = va == vb;
    });
  });
  return same;
}

// A valid TOML value for k that differs from its value in `defaults`.
std::string other_value(const RammeverkKey& k, const Rammeverk& defaults) {
  std::string text;
  k.visit(defaults, [&](const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string>) text = v == "4321" ? "\"1234\"" : "\"4321\"";
    else if constexpr (std::is_same_v<T, int>) {
      // Within the law's bounds where the law sets them (law_key).
      const int lo = k.law_key.empty() ? k.lo : k.law_lo, hi = k.law_key.empty() ? k.hi : k.law_hi;
      text = std::to_string(v == lo ? hi : lo);
    }
    else if constexpr (std::is_same_v<T, bool>) text = v ? "false" : "true";
    else if constexpr (std::is_same_v<T, Lang>) text = v == Lang::en ? "\"nn\"" : "\"en\"";
    else text = v == std::vector<std::string>{"plan"} ? "[\"team\"]" : "[\"plan\"]";
  });
  return text;
}

// A value of the wrong type for k, and the problem it is refused with.
std::pair<std::string, std::string_view> wrong_type(const RammeverkKey& k, const Rammeverk& defaults) {
  std::pair<std::string, std::string_view> wrong;
  k.visit(defaults, [&](const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Lang>) wrong = {"7", "config.want_string"};
    else if constexpr (std::is_same_v<T, int>) wrong = {"\"7\"", "config.want_integer"};
    else if constexpr (std::is_same_v<T, bool>) wrong = {"\"yes\"", "config.want_bool"};
    else wrong = {"\"assess\"", "config.want_string_list"};
  });
  return wrong;
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
  CHECK(rv.origin.empty());  // recorded only for config show:
  const Rammeverk shown = with_origins(rv);
  CHECK_FALSE(shown.origin.empty());
  for (const auto& [key, origin] : shown.origin) CHECK(origin == "default");
}

TEST_CASE("the example rammeverk is valid and overrides with origins", "[core][config]") {
  Rammeverk rv = load_rammeverk(embedded::example_rammeverk, "r.toml");
  CHECK(rv.municipality.name == "Eksempel kommune");
  CHECK(rv.municipality.allow_synthetic_ids);
  CHECK(rv.instruments.size() == 2);
  CHECK(with_origins(rv).origin.at("municipality.name") == "r.toml:10");
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

// The key table (rammeverk_keys.hpp, issue 16): every scalar key is in the
// table, has its default in default_rammeverk.toml, is read into its own
// field, is shown by `config show`, and a wrong key or type in its section
// is refused.

TEST_CASE("every key of the key table has its default in default_rammeverk.toml", "[config][keys]") {
  const auto root = toml::parse(embedded::default_rammeverk, std::string("default"));
  const Rammeverk rv = with_origins(default_rammeverk());
  for (const auto& k : rammeverk_keys()) {
    INFO(k.path());
    const auto node = root.at_path(k.path());
    CHECK(static_cast<bool>(node));
    CHECK_FALSE(node.is_table());
    CHECK(rv.origin.count(k.path()) == 1);
  }
}

TEST_CASE("every scalar key of default_rammeverk.toml is in the key table", "[config][keys]") {
  std::set<std::string> table;
  for (const auto& k : rammeverk_keys()) table.insert(k.path());
  const auto root = toml::parse(embedded::default_rammeverk, std::string("default"));
  std::size_t scalars = 0;
  for (const auto& [name, node] : root) {
    INFO(name.str());
    CHECK((node.is_table() || node.is_array_of_tables()));  // no scalar outside a section
    if (!node.is_table()) continue;
    for (const auto& [key, value] : *node.as_table()) {
      if (value.is_table() || value.is_array_of_tables()) continue;  // lists of tables have their own readers
      const std::string path = std::string(name.str()) + "." + std::string(key.str());
      INFO(path);
      CHECK(table.count(path) == 1);
      ++scalars;
    }
  }
  CHECK(scalars == table.size());
}

TEST_CASE("each key of the key table is read into its own field, with its origin, and config show lists it",
          "[config][keys]") {
  const Rammeverk defaults = default_rammeverk();
  for (const auto& k : rammeverk_keys()) {
    if (!k.law_key.empty() && k.law_lo == k.law_hi) continue;  // the law fixes it (consent_age): no other value to read
    const std::string text = "[" + std::string(k.section) + "]\n" + std::string(k.name) + " = " + other_value(k, defaults) + "\n";
    INFO(text);
    Rammeverk rv;
    REQUIRE_NOTHROW(rv = load_rammeverk(text, "r.toml"));
    CHECK_FALSE(same_value(k, rv, defaults));
    CHECK(with_origins(rv).origin.at(k.path()) == "r.toml:2");
    for (const auto& other : rammeverk_keys()) {
      INFO("unchanged: " << other.path());
      if (&other != &k) CHECK(same_value(other, rv, defaults));
    }
    // config show prints it in its section, and what it prints reads back as the same value.
    const std::string shown = show_rammeverk(rv);
    const auto parsed = toml::parse(shown, std::string("shown"));
    CHECK(static_cast<bool>(parsed.at_path(k.path())));
    CHECK(shown.find(std::string(k.name) + " = ") != std::string::npos);
    const Rammeverk again = load_rammeverk(shown, "shown.toml");
    CHECK(same_value(k, again, rv));
  }
}

TEST_CASE("an unknown key in each section of the key table is refused", "[config][keys]") {
  for (auto section : rammeverk_key_sections()) {
    const std::string path = std::string(section) + ".no_such_key";
    auto ps = problems("[" + std::string(section) + "]\nno_such_key = 1\n");
    INFO(path << "\n" << dump(ps));
    CHECK(has(ps, "config.unknown_key", 2, path));
  }
}

TEST_CASE("a value of the wrong type or out of range is refused for each key of the key table", "[config][keys]") {
  const Rammeverk defaults = default_rammeverk();
  for (const auto& k : rammeverk_keys()) {
    const std::string head = "[" + std::string(k.section) + "]\n" + std::string(k.name) + " = ";
    const auto [value, problem] = wrong_type(k, defaults);
    auto ps = problems(head + value + "\n");
    INFO(k.path() << " = " << value << "\n" << dump(ps));
    CHECK(has(ps, std::string(problem), 2, k.path()));
    if (problem == "config.want_integer") {
      CHECK(k.lo < k.hi);
      CHECK(has(problems(head + std::to_string(k.lo - 1) + "\n"), "config.out_of_range", 2, k.path()));
      CHECK(has(problems(head + std::to_string(k.hi + 1) + "\n"), "config.out_of_range", 2, k.path()));
    }
  }
}

TEST_CASE("a key's further check in the key table refuses each bad value: consent for an unknown action", "[config][keys]") {
  auto ps = problems("[rules]\nconsent_required_for = [\"assess\", \"sing\", \"dance\"]\n");
  INFO(dump(ps));
  CHECK(has(ps, "config.bad_consent_action", 2, "rules.consent_required_for"));
  CHECK(std::count_if(ps.begin(), ps.end(), [](const Error::Detail& d) { return d.key == "config.bad_consent_action"; }) == 2);
  CHECK(load_rammeverk("[rules]\nconsent_required_for = [\"plan\"]\n", "r.toml").consent_required_for("plan"));
}

TEST_CASE("config show gives each entry of a list the line it was read from", "[config]") {
  const std::string text =
      "[[reporter_type]]\n"           // 1
      "id = \"fastlege\"\n"
      "label = \"Fastlege\"\n"
      "\n"
      "[[reporter_type]]\n"           // 5
      "id = \"helsesjukepleiar\"\n"
      "label = \"Helsesykepleier\"\n";
  const Rammeverk rv = load_rammeverk(text, "r.toml");
  const std::string shown = show_rammeverk(rv);
  INFO(shown);
  CHECK(shown.find("[[reporter_type]]    # r.toml:1\nid = 'fastlege'") != std::string::npos);
  CHECK(shown.find("[[reporter_type]]    # r.toml:5\nid = 'helsesjukepleiar'") != std::string::npos);
  // Entries of a list the file does not give come from the defaults.
  CHECK(shown.find("[[target_group]]    # default") != std::string::npos);
}

// A rammeverk whose values would give wrong letters or leak small counts is
// refused: an empty municipality name (it stands in every letter), a
// min_count below 3 (a report would show counts of one or two people), and
// a label that is another entry's id or label in the same list (a user who
// types it could mean either).

TEST_CASE("an empty or blank municipality name is refused: it stands in every letter", "[config][sense]") {
  CHECK(has(problems("[municipality]\nname = \"\"\n"), "config.empty_name", 2, "municipality.name"));
  CHECK(has(problems("[municipality]\nname = \"   \"\n"), "config.empty_name", 2, "municipality.name"));
  CHECK(problems("[municipality]\nname = \"Fjellvik kommune\"\n").empty());
}

TEST_CASE("min_count below 3 is refused: a report would show counts of one or two people", "[config][sense]") {
  for (const char* n : {"1", "2"}) {
    INFO(n);
    CHECK(has(problems(std::string("[reports]\nmin_count = ") + n + "\n"), "config.min_count_floor", 2, "reports.min_count"));
  }
  CHECK(problems("[reports]\nmin_count = 3\n").empty());
}

TEST_CASE("a label that is another entry's id or label in the same list is refused as ambiguous", "[config][sense]") {
  // "Fastlege" is the label of lege and the id of fastlege (in any case).
  const auto ps = problems(
      "[[reporter_type]]\nid = \"lege\"\nlabel = \"Fastlege\"\n"
      "[[reporter_type]]\nid = \"fastlege\"\nlabel = \"Lege\"\n");
  CHECK(has(ps, "config.ambiguous_label", 1, "reporter_type[0].label"));
  CHECK(has(ps, "config.ambiguous_label", 4, "reporter_type[1].label"));
  // Two entries with the same label.
  CHECK(has(problems("[[target_group]]\nid = \"a\"\nlabel = \"Eldre\"\n[[target_group]]\nid = \"b\"\nlabel = \"eldre\"\n"),
            "config.ambiguous_label", 4, "target_group[1].label"));
  // Labels that differ only as fold_word reads them ("Skrøpelige eldre", "skropelige-eldre").
  CHECK(has(problems("[[target_group]]\nid = \"a\"\nlabel = \"Skrøpelige eldre\"\n"
                     "[[target_group]]\nid = \"b\"\nlabel = \"skropelige-eldre\"\n"),
            "config.ambiguous_label", 4, "target_group[1].label"));
  // An entry's own id as its label is fine, and so is a label_nn equal to its own label.
  CHECK(problems("[[target_group]]\nid = \"eldre\"\nlabel = \"Eldre\"\nlabel_nn = \"Eldre\"\n").empty());
}
