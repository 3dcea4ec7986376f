#pragma once
// Optional text columns: an empty string is stored as NULL and a NULL is
// read as an empty string (the domain's "none").

#include <SQLiteCpp/Statement.h>

#include <string>

namespace oppteam::sql {

// Binds `value` at `index`, NULL when empty.
inline void bind_text_or_null(SQLite::Statement& q, int index, const std::string& value) {
  if (value.empty()) q.bind(index);
  else q.bind(index, value);
}

// Column `col` as text, "" when NULL.
inline std::string text_or_empty(SQLite::Statement& q, int col) {
  return q.getColumn(col).isNull() ? std::string() : q.getColumn(col).getString();
}

}  // namespace oppteam::sql
