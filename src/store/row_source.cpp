#include <oppteam/store/row_source.hpp>

#include <sqlite3.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace oppteam {

namespace {

constexpr const char* kPointerType = "oppteam_row_source";

// The module's declaration: its columns, and a hidden one for the argument.
// SQLite frees it (the client data) when the name is registered again, and
// may disconnect a table of the old registration after that: so neither a
// table nor SQLite keeps a pointer into it (the methods are one static
// struct, a table copies its column count).
struct Module {
  std::string declaration;
  int columns = 0;
};

struct Table {
  sqlite3_vtab base{};
  int columns = 0;
};

struct Cursor {
  sqlite3_vtab_cursor base{};
  int columns = 0;  // of the function; the next one is the hidden argument
  const RowSource* source = nullptr;
  std::size_t row = 0;
};

int connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  const auto* module = static_cast<const Module*>(aux);
  const int rc = sqlite3_declare_vtab(db, module->declaration.c_str());
  if (rc != SQLITE_OK) return rc;
  auto* t = new (std::nothrow) Table;
  if (!t) return SQLITE_NOMEM;
  t->columns = module->columns;
  *out = &t->base;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab* vtab) {
  delete reinterpret_cast<Table*>(vtab);
  return SQLITE_OK;
}

// The only plan: a full scan, given the hidden argument by equality.
int best_index(sqlite3_vtab* vtab, sqlite3_index_info* info) {
  const int hidden = reinterpret_cast<Table*>(vtab)->columns;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.iColumn != hidden || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) return SQLITE_CONSTRAINT;
    info->aConstraintUsage[i].argvIndex = 1;
    info->aConstraintUsage[i].omit = 1;
    info->estimatedCost = 1000;
    info->estimatedRows = 1000;
    return SQLITE_OK;
  }
  // Without its argument the function has no rows to give.
  return SQLITE_CONSTRAINT;
}

int open(sqlite3_vtab* vtab, sqlite3_vtab_cursor** out) {
  auto* c = new (std::nothrow) Cursor;
  if (!c) return SQLITE_NOMEM;
  c->columns = reinterpret_cast<Table*>(vtab)->columns;
  *out = &c->base;
  return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cursor) {
  delete reinterpret_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cursor, int, const char*, int argc, sqlite3_value** argv) {
  auto* c = reinterpret_cast<Cursor*>(cursor);
  c->row = 0;
  c->source = argc > 0 ? static_cast<const RowSource*>(sqlite3_value_pointer(argv[0], kPointerType)) : nullptr;
  return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cursor) {
  ++reinterpret_cast<Cursor*>(cursor)->row;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cursor) {
  const auto* c = reinterpret_cast<Cursor*>(cursor);
  return !c->source || c->row >= c->source->rows();
}

int column(sqlite3_vtab_cursor* cursor, sqlite3_context* ctx, int i) {
  const auto* c = reinterpret_cast<Cursor*>(cursor);
  if (i >= c->columns) {  // the hidden argument
    sqlite3_result_null(ctx);
    return SQLITE_OK;
  }
  const Cell cell = c->source->cell(c->row, std::size_t(i));
  if (const auto* n = std::get_if<std::int64_t>(&cell)) {
    sqlite3_result_int64(ctx, *n);
  } else if (const auto* s = std::get_if<std::string_view>(&cell)) {
    // The source keeps its text alive while the statement runs.
    sqlite3_result_text(ctx, s->data(), int(s->size()), SQLITE_STATIC);
  } else {
    sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cursor, sqlite_int64* out) {
  *out = sqlite_int64(reinterpret_cast<Cursor*>(cursor)->row);
  return SQLITE_OK;
}

}  // namespace

void register_row_source(SQLite::Database& db, const std::string& name, const std::vector<std::string>& columns) {
  auto module = std::make_unique<Module>();
  module->columns = int(columns.size());
  module->declaration = "CREATE TABLE x(";
  for (const auto& c : columns) module->declaration += c + ", ";
  module->declaration += "source HIDDEN)";
  static const sqlite3_module methods = [] {
    sqlite3_module m{};
    m.iVersion = 0;
    m.xCreate = nullptr;  // eponymous only: used as a function, never created
    m.xConnect = connect;
    m.xBestIndex = best_index;
    m.xDisconnect = disconnect;
    m.xDestroy = disconnect;
    m.xOpen = open;
    m.xClose = close;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
  }();
  // SQLite owns the module from here and frees it when the connection
  // closes or the name is registered again.
  Module* raw = module.release();
  const int rc = sqlite3_create_module_v2(db.getHandle(), name.c_str(), &methods, raw,
                                          [](void* p) { delete static_cast<Module*>(p); });
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
}

RowStatement::RowStatement(SQLite::Database& db, const char* sql) : db_(db.getHandle()), stmt_(nullptr) {
  const int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

RowStatement::~RowStatement() { sqlite3_finalize(stmt_); }

RowStatement::RowStatement(RowStatement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

void RowStatement::bind_rows(int index, const RowSource& source) {
  const int rc = sqlite3_bind_pointer(stmt_, index, const_cast<RowSource*>(&source), kPointerType, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

void RowStatement::bind_text(int index, std::string_view text) {
  const int rc = sqlite3_bind_text(stmt_, index, text.data(), int(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

void RowStatement::bind_int64(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

bool RowStatement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db_, rc);
}

void RowStatement::reset() { sqlite3_reset(stmt_); }

int RowStatement::changes() const { return sqlite3_changes(db_); }

std::int64_t RowStatement::column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view RowStatement::column_text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string_view(text, std::size_t(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

}  // namespace oppteam
