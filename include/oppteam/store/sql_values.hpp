#pragma once
// Small helpers of the stores for values that may be NULL: a text column
// read as "" when NULL (the domain's "none"), an integer column as nothing
// when NULL, and a text bound as NULL when empty.

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace oppteam::sql {

// Column `col` as text, "" when NULL.
inline std::string text_or_empty(SQLite::Statement& q, int col) {
  auto c = q.getColumn(col);
  return c.isNull() ? std::string() : c.getString();
}

// Column `col` as text, nothing when NULL.
inline std::optional<std::string> text_or_none(SQLite::Statement& q, int col) {
  auto c = q.getColumn(col);
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

// Column `col` as an integer, nothing when NULL.
inline std::optional<int> int_or_none(SQLite::Statement& q, int col) {
  auto c = q.getColumn(col);
  return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

// Binds `value` at `index`, NULL when empty.
inline void bind_text_or_null(SQLite::Statement& q, int index, const std::string& value) {
  if (value.empty()) q.bind(index);
  else q.bind(index, value);
}

}  // namespace oppteam::sql
