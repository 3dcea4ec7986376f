#pragma once
// A status read from the store as its domain enum: the domain's one mapping
// (e.g. measure_status_from), and a storage failure (exit 65,
// "store.bad_value") for a value no version of oppteam wrote.

#include <oppteam/util/error.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

template <class E>
E stored_enum(std::optional<E> (*from)(std::string_view), std::string_view where, const std::string& value) {
  if (auto e = from(value)) return *e;
  throw make_error(ExitCode::data, "store.bad_value", std::string(where), value);
}

}  // namespace oppteam
