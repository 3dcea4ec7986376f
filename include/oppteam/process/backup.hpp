#pragma once
// Backup, restore and the health check (issue 20).
//
// A backup is a consistent copy of the database taken while others read
// and write (SQLite's VACUUM INTO, one read transaction), written 0600
// under a temporary name beside the target, fsynced and renamed into
// place. It holds the audit head of the moment it was taken; the backup is
// audited in the source database ("backup", who, when, where to, head).
//
// An encrypted backup (--encrypt-to PUBKEY) is a small container:
//   line 1  "oppteam-backup 1"
//   line 2  a JSON header: audit head and its date, schema version, when made
//   then    the stream key sealed to the recipient's public key
//           (crypto_box_seal, 80 bytes), the secretstream header (24 bytes),
//           and the database in chunks of 64 KiB, each encrypted and
//           authenticated (crypto_secretstream_xchacha20poly1305) with the
//           two text lines as additional data; the last chunk is tagged FINAL.
// Neither side holds the database in memory. A wrong key, a changed byte or
// a missing end is found, and nothing is left behind (exit 65).
//
// A restore checks the copy before it is used (integrity, foreign keys, the
// audit chain, a schema not newer than this program) in a temporary file
// beside the target, and renames it into place only when all hold.

#include <oppteam/process/context.hpp>
#include <oppteam/store/database.hpp>
#include <oppteam/store/maintenance_store.hpp>
#include <oppteam/util/clock.hpp>
#include <oppteam/util/error.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

struct KeyPairFiles {
  std::string secret_path;  // KEYFILE, 0600
  std::string public_path;  // KEYFILE.pub, 0600 (it may be shared)
};

// Writes a new key pair: the secret key to `out` and the public key to
// `out`.pub, both created 0600 and never over an existing file (exit 2).
KeyPairFiles backup_keygen(const std::string& out);

struct BackupOptions {
  std::string to;
  bool force = false;                      // replace an existing file at `to`
  std::optional<std::string> encrypt_to;   // a public key file of backup_keygen
};

struct BackupResult {
  std::string path;
  AuditHead head;
  int schema_version = 0;
  bool encrypted = false;
  std::int64_t bytes = 0;  // size of the file written
};

// Makes a backup of ctx.db at options.to (see above) and audits it in
// ctx.db. Refuses (exit 2) an existing target without `force`, and always
// a target that is the database, its -wal, -shm or -journal, or a key file.
BackupResult make_backup(Context& ctx, const BackupOptions& options);

struct RestoreOptions {
  std::string from;
  std::string to;
  bool force = false;              // replace an existing database at `to`
  std::optional<std::string> key;  // the secret key file, for an encrypted backup
  std::string login;               // the login running the program (for [access])
};

struct RestoreResult {
  std::string path;
  bool encrypted = false;
  AuditHead head;            // the backup's audit head
  std::int64_t entries = 0;  // audit entries restored
  std::int64_t cases = 0;
  int schema_version = 0;
  // The database replaced (--force): its audit head, and whether its log
  // went on after the backup's (the work since the backup is gone).
  std::optional<AuditHead> replaced_head;
  bool replaced_newer = false;
};

// Restores `options.from` to `options.to`. The acting user needs the
// permission "restore" under the backup's own stored [access] rules and,
// when an existing database is replaced, under that database's rules too.
// The restored database gets one audit entry "restore" naming the file and
// the head. Nothing is left at `to` (or beside it) when any check fails.
RestoreResult restore_backup(const RestoreOptions& options, const Clock& clock, const std::string& actor, Lang lang);

// --- oppteam check ---

struct CheckOptions {
  std::string db_path;
  // Verify the audit head against this anchor file. Not implemented here:
  // see check_anchor() in src/process/backup.cpp.
  std::optional<std::string> anchor;
  std::optional<std::string> backup_dir;   // the newest regular file in it is the last backup
  std::optional<std::string> last_backup;  // or this file
  std::int64_t min_free_mb = 100;
  std::int64_t max_backup_age_hours = 26;
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// One line of `oppteam check`.
struct CheckLine {
  std::string name;  // database | integrity | foreign_keys | audit | anchor | modes | disk | backup
  bool ok = true;
  ExitCode code = ExitCode::ok;  // the exit code this problem maps to (docs/operations.md)
  std::string key;               // catalogue key of the detail
  std::vector<std::string> args;
};

struct CheckReport {
  std::vector<CheckLine> lines;
  bool ok() const;
  // The exit code of the worst problem (0 when all hold). Worst first:
  // database, integrity, audit, anchor, foreign_keys, modes, disk, backup.
  ExitCode exit_code() const;
};

// Opens the database for `check`: no refusal of its mode (that is a line of
// the check) and no migration. Sets `line` to the database line; nullopt
// when it cannot be opened.
std::optional<Database> open_for_check(const std::string& path, CheckLine& line);

// Runs every check. `ctx` is the context of the database open_for_check
// opened, null when it could not be opened or its context not be made (the
// checks that need it are left out); `database_line` is open_for_check's
// line, or why the context could not be made. With a context the acting
// user needs "check" first (audited refusal, exit 77). Texts of nested
// problems (the audit chain's) are rendered in `lang`.
CheckReport run_checks(const CheckOptions& options, const Context* ctx, CheckLine database_line, Lang lang);

// Requires `permission` under the [access] rules stored in `db` for `actor`
// (run by `login`): builds the context of that database and calls
// authorize_actor() and authorize() (audited refusal, exit 77).
void authorize_in(Database& db, const Clock& clock, const std::string& actor, const std::string& login, Lang lang,
                  std::string_view permission);

}  // namespace oppteam
