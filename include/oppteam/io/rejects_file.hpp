#pragma once
// The rejects file of `refer import --rejects FILE` (SPEC.md, "Batch intake
// format"): every rejected row, unchanged, with the reason it was rejected.
// CSV: the header with a `reason` column added, then each row as read with
// its reason quoted after it (a malformed row quoted whole, so the file
// stays readable). JSON Lines: each object with a "reason" key added; a
// line that is not an object becomes {"raw": ..., "reason": ...}.

#include <oppteam/io/import_format.hpp>
#include <oppteam/io/output_file.hpp>

#include <optional>
#include <string>
#include <vector>

namespace oppteam::io {

// The rows written as they are judged. The file is kept only when it was
// closed, i.e. every row was read and judged (also when the import is then
// refused as a whole); after a read or store error it would be a misleading
// part, and it is removed.
class RejectsFile {
 public:
  // No file when `path` is empty. The file may be none of `forbidden` (the
  // database's files and the input), nor an existing file unless
  // `replace`; it is written under a temporary name and appears only when
  // closed.
  RejectsFile(const std::string& path, ImportFormat format, bool replace, const std::vector<std::string>& forbidden);
  RejectsFile(const RejectsFile&) = delete;
  RejectsFile& operator=(const RejectsFile&) = delete;

  bool active() const { return !path_.empty(); }
  // The CSV header as read and its delimiter (nothing is written for JSON Lines).
  void header(const std::string& raw, char delimiter);
  void row(const ImportRow& row, const std::string& reason);
  // Every row was judged: the file appears under its name.
  void close();

 private:
  ImportFormat format_;
  char delimiter_ = ',';
  std::string path_;
  std::optional<OutputFile> file_;
  bool replaced_ = false;
};

}  // namespace oppteam::io
