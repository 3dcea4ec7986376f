#pragma once
// The stores' one way to hand values to SQL and read rows back, so that a
// repository states its SQL and its values and nothing else:
//
//   sql::insert(db_, "INSERT INTO t (a, b, c) VALUES (?, ?, ?)", a, sql::null_if_empty(b), status);
//   return sql::Query(db_, "SELECT id, name, status FROM t WHERE id = ?", id).first([](sql::Row& r) {
//     return T{r.int64(), r.text(), r.stored(status_from, "t.status")};
//   });
//
// Parameters are bound in order, as SQLiteCpp's SQLite::bind
// (VariadicBind.h) does, with the values the stores hold added: an empty
// std::optional is NULL, a status enum is its stored text (to_stored), a
// text wrapped in null_if_empty is NULL when empty, a bool is 1 or 0.
// Columns are read in order by Row; a stored text that is no value of its
// enum is exit 65, store.bad_value (stored_enum).

#include <oppteam/store/database.hpp>
#include <oppteam/store/stored_enum.hpp>

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace oppteam::sql {

// A text bound as NULL when empty: the domain's "none" of a text column
// that may be NULL. Holds a reference: use it within the call it is made for.
struct NullIfEmpty {
  const std::string& text;
};
inline NullIfEmpty null_if_empty(const std::string& text) { return {text}; }

// Binds one value at `index` (from 1); bind() below binds them all.
inline void bind_one(SQLite::Statement& q, int index, int value) { q.bind(index, value); }
inline void bind_one(SQLite::Statement& q, int index, std::int64_t value) { q.bind(index, value); }
inline void bind_one(SQLite::Statement& q, int index, double value) { q.bind(index, value); }
inline void bind_one(SQLite::Statement& q, int index, bool value) { q.bind(index, value ? 1 : 0); }
inline void bind_one(SQLite::Statement& q, int index, const char* value) { q.bind(index, value); }
inline void bind_one(SQLite::Statement& q, int index, const std::string& value) { q.bind(index, value); }
inline void bind_one(SQLite::Statement& q, int index, std::string_view value) { q.bind(index, std::string(value)); }
inline void bind_one(SQLite::Statement& q, int index, std::nullopt_t) { q.bind(index); }
inline void bind_one(SQLite::Statement& q, int index, NullIfEmpty value) {
  if (value.text.empty()) q.bind(index);
  else q.bind(index, value.text);
}
// A status enum as its stored text (the to_stored of its domain header).
template <class E>
  requires std::is_enum_v<E>
void bind_one(SQLite::Statement& q, int index, E value) {
  q.bind(index, std::string(to_stored(value)));
}
template <class T>
void bind_one(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) bind_one(q, index, *value);
  else q.bind(index);
}

// Binds `values` to the parameters 1, 2, ... of `q`, in order.
template <class... Values>
void bind(SQLite::Statement& q, const Values&... values) {
  [[maybe_unused]] int index = 0;
  (bind_one(q, ++index, values), ...);
}

// Runs `sql` (an INSERT, UPDATE or DELETE) with `values` bound; returns
// the number of rows it changed.
template <class... Values>
int exec(Database& db, const std::string& sql, const Values&... values) {
  SQLite::Statement q(db.sql(), sql);
  bind(q, values...);
  return q.exec();
}

// Runs the INSERT `sql` with `values` bound; returns the new row's id.
template <class... Values>
std::int64_t insert(Database& db, const std::string& sql, const Values&... values) {
  exec(db, sql, values...);
  return db.sql().getLastInsertRowid();
}

// The columns of the current row of `q`, read in order from `first`: each
// call reads the next column. Read them in braced initialisers ({r.a(),
// r.b()}: left to right) or one statement at a time, never as a function's
// arguments or both sides of `=`, whose order C++ does not fix.
class Row {
 public:
  explicit Row(SQLite::Statement& q, int first = 0) : q_(q), next_(first) {}

  std::int64_t int64() { return column().getInt64(); }
  int integer() { return column().getInt(); }
  // An integer column as a yes or no (0 is no).
  bool flag() { return column().getInt() != 0; }
  // Text, "" when NULL (the domain's "none").
  std::string text() {
    const auto c = column();
    return c.isNull() ? std::string() : c.getString();
  }
  std::optional<std::string> text_or_none() {
    const auto c = column();
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
  }
  std::optional<int> integer_or_none() {
    const auto c = column();
    return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
  }
  // A stored status as its enum through the domain's `from`; a text of no
  // value (NULL reads as "") is exit 65, store.bad_value, naming `where`.
  template <class E>
  E stored(std::optional<E> (*from)(std::string_view), std::string_view where) {
    return stored_enum(from, where, text());
  }
  // Reads the next columns into `fields`, in order, each as its type
  // reads above (an optional as none when NULL); a status enum is read
  // with stored().
  template <class... Fields>
  void read(Fields&... fields) {
    (read_one(fields), ...);
  }

 private:
  SQLite::Column column() { return q_.getColumn(next_++); }
  void read_one(std::int64_t& field) { field = int64(); }
  void read_one(int& field) { field = integer(); }
  void read_one(bool& field) { field = flag(); }
  void read_one(std::string& field) { field = text(); }
  void read_one(std::optional<std::string>& field) { field = text_or_none(); }
  void read_one(std::optional<int>& field) { field = integer_or_none(); }

  SQLite::Statement& q_;
  int next_;
};

// A SELECT with its parameters bound. `read` below is anything callable
// with a Row& (a lambda, or a Row member such as &sql::Row::text).
class Query {
 public:
  template <class... Values>
  Query(Database& db, const std::string& sql, const Values&... values) : q_(db.sql(), sql) {
    bind(q_, values...);
  }

  // Steps to the next row; false when there is none.
  bool next() { return q_.executeStep(); }
  // The current row's columns, from `first`.
  Row row(int first = 0) { return Row(q_, first); }

  // Every row, read.
  template <class F>
  auto all(F&& read) {
    std::vector<std::remove_cvref_t<std::invoke_result_t<F&, Row&>>> out;
    while (q_.executeStep()) {
      Row r(q_);
      out.push_back(std::invoke(read, r));
    }
    return out;
  }
  // The first row, read; none when there is no row.
  template <class F>
  auto first(F&& read) -> std::optional<std::remove_cvref_t<std::invoke_result_t<F&, Row&>>> {
    if (!q_.executeStep()) return std::nullopt;
    Row r(q_);
    return std::invoke(read, r);
  }
  // The first row of a query that always has one (an aggregate, a row
  // known to be there), read; SQLite's error when it has none.
  template <class F>
  auto one(F&& read) {
    q_.executeStep();
    Row r(q_);
    return std::invoke(read, r);
  }

  // Runs the statement again with `values` bound (a statement prepared
  // once and re-read in a loop).
  template <class... Values>
  void rebind(const Values&... values) {
    q_.reset();
    bind(q_, values...);
  }

 private:
  SQLite::Statement q_;
};

}  // namespace oppteam::sql
