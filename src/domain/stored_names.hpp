#pragma once
// The one table of an enum's stored names: to_stored and the *_from of a
// domain enum both read it, so the two directions cannot disagree.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace oppteam::domain_detail {

template <class E, std::size_t N>
using StoredNames = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
constexpr std::string_view stored_name(const StoredNames<E, N>& names, E value) {
  for (const auto& [e, name] : names)
    if (e == value) return name;
  return {};
}

template <class E, std::size_t N>
constexpr std::optional<E> from_stored_name(const StoredNames<E, N>& names, std::string_view stored) {
  for (const auto& [e, name] : names)
    if (name == stored) return e;
  return std::nullopt;
}

}  // namespace oppteam::domain_detail
