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
// over an existing database); a target that is the database, an input, a
// folder or not a regular file is a usage error (64); a file that cannot be
// created is 73, a write error 74. `backup` and `restore` answer the same.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace oppteam::io {

// The files SQLite keeps for the database at `db_path`: the file itself and
// its -wal, -shm and -journal.
std::vector<std::string> database_files(const std::string& db_path);

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
