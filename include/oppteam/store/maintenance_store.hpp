#pragma once
// The SQL of keeping a database file: a consistent copy (VACUUM INTO), the
// checks of `check` and `restore` (integrity, foreign keys, the audit
// log's last entry, counts), and taking a file out of use before it is
// replaced. The rules (what makes a backup unusable, which exit code a
// failed check gives) are process/backup.cpp's.

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oppteam {

// The last audit entry: its id, hash and time ("" when the log is empty).
struct AuditHead {
  std::int64_t id = 0;
  std::string hash;
  std::string at;
};

class MaintenanceStore {
 public:
  explicit MaintenanceStore(Database& db) : db_(db) {}

  // The last row of the audit log (AuditHead{} when it is empty).
  AuditHead last_audit_entry();
  // A copy of the database as committed, written to `path`.
  void vacuum_into(const std::string& path);
  // Reads the schema table: fails (SQLite's error) for a file that is not a
  // database.
  void read_schema();
  // The first row of PRAGMA integrity_check ("ok" when sound).
  std::string integrity_first();
  // Every row of PRAGMA integrity_check that is not "ok".
  std::vector<std::string> integrity_problems();
  // The number of broken references (PRAGMA foreign_key_check).
  std::int64_t foreign_key_violations();
  // The same per table, the table with the most first.
  std::vector<std::pair<std::string, std::int64_t>> foreign_key_violations_by_table();
  std::int64_t case_count();
  // Write-ahead logging, as a database made by init.
  void use_wal();
  // Folds the WAL into the file and turns it off; returns the journal
  // mode now in force ("delete" when it could be turned off).
  std::string fold_wal();
  // Takes the exclusive lock (BEGIN EXCLUSIVE).
  void lock_exclusive();
  // A plain BEGIN and ROLLBACK, for a run of reads that must see one state.
  void begin();
  void rollback();

 private:
  Database& db_;
};

}  // namespace oppteam
