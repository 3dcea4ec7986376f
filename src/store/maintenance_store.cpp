#include <oppteam/store/maintenance_store.hpp>

#include <SQLiteCpp/Statement.h>

namespace oppteam {

AuditHead MaintenanceStore::last_audit_entry() {
  AuditHead h;
  SQLite::Statement q(db_.sql(), "SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1");
  if (q.executeStep()) {
    h.id = q.getColumn(0).getInt64();
    h.hash = q.getColumn(1).getString();
    h.at = q.getColumn(2).getString();
  }
  return h;
}

void MaintenanceStore::vacuum_into(const std::string& path) {
  SQLite::Statement q(db_.sql(), "VACUUM INTO ?");
  q.bind(1, path);
  q.exec();
}

void MaintenanceStore::read_schema() { db_.sql().exec("SELECT count(*) FROM sqlite_schema"); }

std::string MaintenanceStore::integrity_first() { return db_.sql().execAndGet("PRAGMA integrity_check").getString(); }

std::vector<std::string> MaintenanceStore::integrity_problems() {
  SQLite::Statement q(db_.sql(), "PRAGMA integrity_check");
  std::vector<std::string> out;
  while (q.executeStep()) {
    std::string row = q.getColumn(0).getString();
    if (row != "ok") out.push_back(std::move(row));
  }
  return out;
}

std::int64_t MaintenanceStore::foreign_key_violations() {
  return db_.sql().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt64();
}

std::vector<std::pair<std::string, std::int64_t>> MaintenanceStore::foreign_key_violations_by_table() {
  SQLite::Statement q(db_.sql(), "SELECT \"table\", count(*) FROM pragma_foreign_key_check GROUP BY 1 ORDER BY 2 DESC");
  std::vector<std::pair<std::string, std::int64_t>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  return out;
}

std::int64_t MaintenanceStore::case_count() { return db_.sql().execAndGet("SELECT count(*) FROM case_file").getInt64(); }

void MaintenanceStore::use_wal() { db_.sql().exec("PRAGMA journal_mode = WAL"); }

std::string MaintenanceStore::fold_wal() {
  // PASSIVE: never waits. Leaving WAL mode below folds in the rest of the
  // log and deletes it, and fails at once (the mode stays "wal") while
  // another connection has the database open. TRUNCATE would first wait the
  // whole busy timeout for that connection, now that a -wal with frames
  // stays between commands (Database::kKeepWalBytes).
  db_.sql().exec("PRAGMA wal_checkpoint(PASSIVE)");
  return db_.sql().execAndGet("PRAGMA journal_mode = DELETE").getString();
}

void MaintenanceStore::lock_exclusive() { db_.sql().exec("BEGIN EXCLUSIVE"); }

void MaintenanceStore::begin() { db_.sql().exec("BEGIN"); }

void MaintenanceStore::rollback() { db_.sql().exec("ROLLBACK"); }

}  // namespace oppteam
