#pragma once
// Every file oppteam writes (a rejects file, an export, a document) goes
// through OutputFile, so that no option can destroy what the store holds:
// - the target may not be the database or its -wal/-shm/-journal, nor an
//   input of the same command (same file after following links, or the same
//   path once resolved, for a -wal that does not exist at the moment);
// - an existing file is replaced only when the caller says so (--force);
// - the text is written to a temporary file (mode 0600) in the target's
//   folder and renamed into place on commit(), so a failure or a kill leaves
//   no partial file and a symlink at the target is replaced, not followed.
// An existing file without --force is refused by rule (exit 2, as `init`
// over an existing database), and so, even with --force, is another
// database in use or a backup key; a -wal/-shm/-journal name, a target that is the database, an input, a
// folder or not a regular file is a usage error (64); a file that cannot be
// created is 73, a write error 74. `backup` and `restore` answer the same.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam::io {

// The files SQLite keeps for the database at `db_path`: the file itself and
// its -wal, -shm and -journal.
std::vector<std::string> database_files(const std::string& db_path);

// What no output replaces, whatever its name (the checks of
// check_output_target and of backup and restore):
inline constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
inline constexpr std::string_view kBackupKeyPrefix = "oppteam backup ";  // the first line of a backup key
// The first `n` bytes of `path` ("" when it cannot be read).
std::string first_bytes(const std::string& path, std::size_t n);
// A name SQLite uses beside a database (-wal, -shm, -journal).
bool is_sqlite_companion(const std::string& path);
// A database in use: an SQLite file in WAL mode (as every oppteam database;
// a backup is not), or one with a -wal or -shm beside it.
bool is_live_database(const std::string& path);
// A key of `backup keygen` (secret or public).
bool is_backup_key(const std::string& path);

// Throws (exit 64 or 2, see above) when `target` names one of `forbidden` (see above), or
// exists and `force` is false. Exposed so that a command can refuse before
// it does any work.
void check_output_target(const std::string& target, bool force, const std::vector<std::string>& forbidden);

class OutputFile {
 public:
  // Checks the target and creates the temporary file beside it.
  OutputFile(std::string target, bool force, const std::vector<std::string>& forbidden);
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  const std::string& path() const { return target_; }
  // Flushes, syncs and renames the temporary file into place (exit 74 on
  // any write error, and the temporary file is removed).
  void commit();

 private:
  struct Impl;
  std::string target_;
  bool force_;
  std::unique_ptr<Impl> impl_;
};

// Writes `text` to `target` through an OutputFile.
void write_output_file(const std::string& target, const std::string& text, bool force,
                       const std::vector<std::string>& forbidden);

}  // namespace oppteam::io
