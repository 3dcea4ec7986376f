#pragma once
// The rammeverk's scalar keys in one table (issue 16, after ccache's
// k_config_key_table): reading a file, its allow-list of keys and
// `config show` all walk the same rows. A key's default lives only in
// src/config/default_rammeverk.toml, which is read before every file.
//
// To add a scalar key: one row in kKeys (src/config/rammeverk_keys.cpp),
// its member in Rammeverk (rammeverk.hpp, without a value) and its default
// in default_rammeverk.toml. The unit tests [config][keys] refuse a key
// that is in one of these places and not in the others.

#include <oppteam/config/rammeverk.hpp>

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace oppteam {

// Where a key's value lives in a Rammeverk.
template <typename T>
using RammeverkField = T& (*)(Rammeverk&);

struct RammeverkKey {
  std::string_view section;  // the TOML table: "deadlines"
  std::string_view name;     // the key in it: "decision"
  // The value's type decides how it is read, checked and shown: a string,
  // an integer (within [lo, hi]), a boolean, a language code ("nb", "nn",
  // "en") or a list of strings.
  std::variant<RammeverkField<std::string>, RammeverkField<int>, RammeverkField<bool>, RammeverkField<Lang>,
               RammeverkField<std::vector<std::string>>>
      field;
  int lo = 0;  // integers: the smallest value allowed
  int hi = 0;  // and the largest
  // A further check of a value read from a file: the values it refuses
  // (each reported as `refused_key` with the value), or none.
  std::vector<std::string> (*refused)(const Rammeverk&) = nullptr;
  std::string_view refused_key{};
  // Integers the law bounds: [law_lo, law_hi] within [lo, hi]. A rammeverk
  // may be stricter than the law, never looser; a value outside is refused
  // as `law_key` (which names the statute) with the value and the bound it
  // passes. None when law_key is empty.
  int law_lo = 0;
  int law_hi = 0;
  std::string_view law_key{};

  // "section.name", as in messages and Rammeverk::origin.
  std::string path() const { return std::string(section) + "." + std::string(name); }

  // Calls f with a const reference to this key's value in rv.
  template <typename F>
  void visit(const Rammeverk& rv, F&& f) const {
    // The fields take a Rammeverk& so one table serves reading too; here the value is only read.
    std::visit([&](auto get) { f(std::as_const(get(const_cast<Rammeverk&>(rv)))); }, field);
  }
};

// Every scalar key, grouped by section, each section's keys in the order
// `config show` prints them.
std::span<const RammeverkKey> rammeverk_keys();

// The names of the sections that have scalar keys, in table order.
std::vector<std::string_view> rammeverk_key_sections();

}  // namespace oppteam
