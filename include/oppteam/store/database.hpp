#pragma once
// The SQLite store: creation (mode 0600, WAL, busy timeout), opening with
// the permission check, versioned migrations, and transactions in which
// SQLite's exceptions become oppteam::Error with the exit code of SPEC.md.

#include <oppteam/util/error.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <functional>
#include <type_traits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct Migration {
  int version;
  const char* name;
  const char* sql;
  // Rebuilds tables others refer to: applied with foreign keys off, and
  // rolled back (exit 65) when PRAGMA foreign_key_check finds more broken
  // references after it than before.
  bool rebuilds_tables = false;
};

// Every migration in order; the last one's version is the current schema.
const std::vector<Migration>& migrations();
int latest_schema_version();

class Database {
 public:
  static constexpr int kDefaultBusyTimeoutMs = 5000;

  // Creates a new database at `path`: refuses (exit 2) when it exists,
  // creates a missing folder with mode 0700, the file with mode 0600, and
  // applies every migration, then `fill` (the first rows). The database is
  // built under a temporary name in the same folder and renamed into place
  // only when whole, so a crash or kill leaves no database or a whole one.
  // Exit 73 when it cannot be created, 77 when its folder is open to others.
  static Database create(const std::string& path, int busy_timeout_ms = kDefaultBusyTimeoutMs,
                         const std::function<void(Database&)>& fill = {});

  // Opens an existing database: exit 66 when missing, 77 when others may
  // read it or its -wal/-shm, or may write its folder (see
  // docs/deployment.md), 2 when its schema is newer than this program;
  // migrates an older one. Access is checked for the effective ids, so a
  // setgid binary opens a database of its group.
  static Database open(const std::string& path, int busy_timeout_ms = kDefaultBusyTimeoutMs);

  // Refuses (73, db.leftover_log) to make a database at `path` where none is
  // but its -wal or -journal is, not empty: what a deleted database left of
  // its last changes, which SQLite would replay into the new one.
  static void check_no_leftover_log(const std::string& path);

  // Opens `path` as it is, with no permission check or migration (tests).
  static Database open_raw(const std::string& path, int busy_timeout_ms = kDefaultBusyTimeoutMs);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  // Closes the connection. A small -wal is left for the next command (see
  // kKeepWalBytes); a larger one is copied into the database and removed.
  ~Database();

  // The largest -wal a closing connection leaves as it is. SQLite's own
  // close copies the -wal into the database and deletes it: two fdatasync,
  // and the next command makes the -wal anew (two more, one of the folder).
  // A command that only reads a case writes its audit entry (a few pages);
  // those fsyncs were a fifth of its time. Left below this size, the -wal
  // costs the next open a read of at most this much, and every command
  // still sees every change (readers read the -wal). The close that finds
  // it larger copies and removes it, as before.
  static constexpr long long kKeepWalBytes = 1 << 20;

  SQLite::Database& sql() { return *db_; }
  const std::string& path() const { return path_; }
  int schema_version();

  // Applies the migrations above the current version, each in its own transaction.
  void migrate();

  // Key/value of the meta table.
  std::optional<std::string> meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);

  // Runs `f` inside a write transaction (BEGIN IMMEDIATE: the lock is taken
  // up front, so a busy database is waited for and then exit 75). Commits
  // when `f` returns; rolls back on any exception. SQLite errors become Error.
  template <typename F>
  auto write(F&& f) -> decltype(f());

  // Runs `f` with SQLite errors turned into Error (for reads). Opens no
  // transaction: each statement of `f` sees the latest commit (use
  // snapshot() when they must agree with each other).
  template <typename F>
  auto read_per_statement(F&& f) -> decltype(f());

  // Runs `f` on one read snapshot (a deferred transaction, ended when `f`
  // returns), so that every statement of `f` sees the same state while
  // others write: a check that reads a count, a chain and its head in
  // turn never mistakes a commit in between for damage. Inside a
  // transaction already open, `f` simply runs in it.
  template <typename F>
  auto snapshot(F&& f) -> decltype(f());

  // Runs `f` once no transaction is open: at once when none is, else just
  // after the outermost write() or snapshot() has ended, committed or
  // rolled back. For what must be kept whatever becomes of the change: an
  // audited refusal (src/process/access.cpp) found inside a transaction.
  // An error of `f` is dropped (the error that ended the transaction wins).
  void after_transaction(std::function<void()> f);

 private:
  Database(std::unique_ptr<SQLite::Database> db, std::string path);
  void configure(int busy_timeout_ms);
  bool in_transaction() const;
  void begin_immediate();
  void commit();
  void rollback() noexcept;
  // Runs and forgets what after_transaction() queued.
  void run_after_transaction() noexcept;
  // Calls run_after_transaction() when the outermost transaction ends.
  struct AfterTransaction {
    Database& db;
    ~AfterTransaction() { db.run_after_transaction(); }
  };

  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  std::vector<std::function<void()>> after_;
};

// Turns an SQLite failure into the Error of SPEC.md: busy/locked → 75,
// full disk or I/O → 74, read-only → 77, constraint → 65, others → 74.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& path);

template <typename F>
auto Database::write(F&& f) -> decltype(f()) {
  // Nested: part of the caller's transaction. A caller that catches an
  // error of `f` must not go on with the transaction: the batch INSERTs of
  // the import say OR FAIL and leave a failed statement half applied.
  if (in_transaction()) return f();
  try {
    begin_immediate();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, path_);
  }
  const AfterTransaction after{*this};
  try {
    if constexpr (std::is_void_v<decltype(f())>) {
      f();
      commit();
    } else {
      auto result = f();
      commit();
      return result;
    }
  } catch (const SQLite::Exception& e) {
    rollback();
    rethrow_sqlite(e, path_);
  } catch (...) {
    rollback();
    throw;
  }
}

template <typename F>
auto Database::snapshot(F&& f) -> decltype(f()) {
  if (in_transaction()) return read_per_statement(std::forward<F>(f));
  return read_per_statement([&] {
    db_->exec("BEGIN DEFERRED");
    const AfterTransaction after{*this};
    try {
      if constexpr (std::is_void_v<decltype(f())>) {
        f();
        db_->exec("COMMIT");
      } else {
        auto result = f();
        db_->exec("COMMIT");
        return result;
      }
    } catch (...) {
      rollback();
      throw;
    }
  });
}

template <typename F>
auto Database::read_per_statement(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, path_);
  }
}

}  // namespace oppteam
