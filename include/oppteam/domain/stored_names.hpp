#pragma once
// The one table between a closed set of values (an enum class) and the
// strings the database stores for them. Each status header holds one such
// table; `to_stored` and `..._from` of that status read it both ways.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace oppteam {

template <class E, std::size_t N>
struct StoredNames {
  std::array<std::pair<E, std::string_view>, N> rows;

  constexpr StoredNames(std::array<std::pair<E, std::string_view>, N> r) : rows(r) {}

  // The stored string of `value` (every value has one row).
  constexpr std::string_view of(E value) const {
    for (const auto& [e, s] : rows)
      if (e == value) return s;
    return {};
  }
  // The value stored as `text`; none for a string of no row.
  constexpr std::optional<E> from(std::string_view text) const {
    for (const auto& [e, s] : rows)
      if (s == text) return e;
    return std::nullopt;
  }
};

}  // namespace oppteam
