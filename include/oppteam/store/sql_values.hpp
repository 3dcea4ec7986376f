#pragma once
// Small helpers of the stores for values that may be NULL: a text column
// read as "" when NULL, an integer column as nothing when NULL, and a text
// bound as NULL when empty.

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace oppteam::sqlv {

inline std::string text(SQLite::Statement& q, int i) {
  auto c = q.getColumn(i);
  return c.isNull() ? std::string() : c.getString();
}

inline std::optional<int> opt_int(SQLite::Statement& q, int i) {
  auto c = q.getColumn(i);
  return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

inline void bind_text(SQLite::Statement& q, int i, const std::string& v) {
  if (v.empty()) q.bind(i);
  else q.bind(i, v);
}

}  // namespace oppteam::sqlv
