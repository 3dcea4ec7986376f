#pragma once
// Rows held in C++, read by SQL as a table-valued function:
//
//   INSERT INTO referral(case_id, need) SELECT case_id, need FROM oppteam_rows(?1)
//
// with ?1 bound to a RowSource (bind_rows). A batch is then stored with one
// statement per table instead of one per row, and its text is read in place,
// never copied into bound parameters. SQLite's carray extension does this
// for one column of numbers, but it is not built into Debian's libsqlite3
// and a batch has many columns of text, so this small virtual table is
// written here (sqlite.org/vtab.html, "table-valued functions", with the
// pointer passed by sqlite3_bind_pointer as the documentation advises).

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace oppteam {

// NULL, an integer or text (which must stay valid while a statement reads it).
using Cell = std::variant<std::nullptr_t, std::int64_t, std::string_view>;

// Rows for a function registered with register_row_source; `column` counts
// in the order of the names given there.
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual std::size_t rows() const = 0;
  virtual Cell cell(std::size_t row, std::size_t column) const = 0;
};

// Registers the table-valued function `name` on `db` for sources with these
// columns, before preparing statements that read it. Registering the name
// again replaces it (no statement of the old one may still be prepared).
void register_row_source(SQLite::Database& db, const std::string& name, const std::vector<std::string>& columns);

// A statement that reads a RowSource. SQLiteCpp keeps a statement's
// sqlite3_stmt private, and the source must be bound with
// sqlite3_bind_pointer, so this is the thin wrapper that needs. Errors
// throw SQLite::Exception, as SQLiteCpp's do (Database::write maps them).
class RowStatement {
 public:
  RowStatement(SQLite::Database& db, const char* sql);
  ~RowStatement();
  RowStatement(RowStatement&& other) noexcept;
  RowStatement(const RowStatement&) = delete;
  RowStatement& operator=(const RowStatement&) = delete;
  RowStatement& operator=(RowStatement&&) = delete;

  // Parameter `index` (the argument of the function) reads `source`.
  void bind_rows(int index, const RowSource& source);
  // Text that stays valid until the statement is reset.
  void bind_text(int index, std::string_view text);
  void bind_int64(int index, std::int64_t value);
  // Runs to the next row: false when there are no more.
  bool step();
  void reset();
  // Rows the last step inserted, updated or deleted.
  int changes() const;
  std::int64_t column_int64(int column) const;
  std::string_view column_text(int column) const;  // valid until the next step
  // SQLite's statement, for reading a row's values as they are (the audit's row digests).
  sqlite3_stmt* handle() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace oppteam
