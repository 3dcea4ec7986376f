// The rammeverk's key table (issue 16): every scalar key is in the table,
// has its default in default_rammeverk.toml, is read into its own field,
// is shown by `config show`, and a wrong key or type in its section is refused.

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

std::vector<Error::Detail> problems_of(const std::string& toml) {
  try {
    load_rammeverk(toml, "r.toml");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    return e.details;
  }
  return {};
}

// True when some problem has this catalogue key, line 2 of r.toml and key path.
bool refused_as(const std::vector<Error::Detail>& ps, std::string_view key, const std::string& path) {
  return std::any_of(ps.begin(), ps.end(), [&](const Error::Detail& d) {
    return d.key == key && d.args.size() >= 3 && d.args[0] == "r.toml" && d.args[1] == "2" && d.args[2] == path;
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
    else if constexpr (std::is_same_v<T, int>) text = std::to_string(v == k.lo ? k.hi : k.lo);
    else if constexpr (std::is_same_v<T, bool>) text = v ? "false" : "true";
    else if constexpr (std::is_same_v<T, Lang>) text = v == Lang::en ? "\"nn\"" : "\"en\"";
    else text = v == std::vector<std::string>{"plan"} ? "[\"team\"]" : "[\"plan\"]";
  });
  return text;
}

// A value of the wrong type for k, and the problem it is refused with.
std::pair<std::string, std::string_view> wrong_type(const RammeverkKey& k) {
  std::pair<std::string, std::string_view> wrong;
  k.visit(default_rammeverk(), [&](const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Lang>) wrong = {"7", "config.want_string"};
    else if constexpr (std::is_same_v<T, int>) wrong = {"\"7\"", "config.want_integer"};
    else if constexpr (std::is_same_v<T, bool>) wrong = {"\"yes\"", "config.want_bool"};
    else wrong = {"\"assess\"", "config.want_string_list"};
  });
  return wrong;
}

}  // namespace

TEST_CASE("every key of the key table has its default in default_rammeverk.toml", "[config][keys]") {
  const auto root = toml::parse(embedded::default_rammeverk, std::string("default"));
  const Rammeverk rv = default_rammeverk();
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
    const std::string text = "[" + std::string(k.section) + "]\n" + std::string(k.name) + " = " + other_value(k, defaults) + "\n";
    INFO(text);
    Rammeverk rv;
    REQUIRE_NOTHROW(rv = load_rammeverk(text, "r.toml"));
    CHECK_FALSE(same_value(k, rv, defaults));
    CHECK(rv.origin.at(k.path()) == "r.toml:2");
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
    auto ps = problems_of("[" + std::string(section) + "]\nno_such_key = 1\n");
    INFO(path << "\n" << dump(ps));
    CHECK(refused_as(ps, "config.unknown_key", path));
  }
}

TEST_CASE("a value of the wrong type or out of range is refused for each key of the key table", "[config][keys]") {
  for (const auto& k : rammeverk_keys()) {
    const std::string head = "[" + std::string(k.section) + "]\n" + std::string(k.name) + " = ";
    const auto [value, problem] = wrong_type(k);
    auto ps = problems_of(head + value + "\n");
    INFO(k.path() << " = " << value << "\n" << dump(ps));
    CHECK(refused_as(ps, problem, k.path()));
    if (problem == "config.want_integer") {
      CHECK(k.lo < k.hi);
      CHECK(refused_as(problems_of(head + std::to_string(k.lo - 1) + "\n"), "config.out_of_range", k.path()));
      CHECK(refused_as(problems_of(head + std::to_string(k.hi + 1) + "\n"), "config.out_of_range", k.path()));
    }
  }
}
