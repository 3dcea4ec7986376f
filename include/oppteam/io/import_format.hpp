#pragma once

#include <istream>
#include <memory>
// The batch intake format of SPEC.md ("Batch intake format"): CSV with a
// header row, or JSON Lines, with the contract's columns in any order and a
// rammeverk column map for senders that name them differently. An
// ImportSource streams rows with the columns already mapped; checking the
// values themselves (personal number, reporter type, dates) is the
// referral process's job.

#include <oppteam/io/csv_reader.hpp>
#include <oppteam/io/jsonl_reader.hpp>
#include <oppteam/util/error.hpp>

#include <array>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam::io {

enum class ImportFormat { csv, jsonl };

// By `explicit_format` ("csv" or "jsonl"; exit 64 otherwise) when given,
// else by the file name: .jsonl / .ndjson / .json are JSON Lines, the rest CSV.
ImportFormat choose_import_format(std::string_view path, std::string_view explicit_format);

// The contract's columns.
enum Column : std::size_t {
  kExternalId, kFnr, kName, kReporterType, kReporterName, kReceived, kNeed,
  kTargetGroup,  // optional: the target group of a case the row opens (issue 14)
  kColumnCount
};
std::string_view column_name(std::size_t column);
// The column (CSV) or key (JSON Lines) a rejects file adds to each row it
// writes (RejectsFile): read and ignored, unless the rammeverk maps it, so
// that a rejects file, fixed, imports again.
inline constexpr std::string_view kReasonColumn = "reason";
bool column_required(std::size_t column);
// The column with `name`, or nullopt.
std::optional<std::size_t> column_by_name(std::string_view name);

// A problem with a row; `column` is empty when it concerns the whole row.
// `key` names a catalogue message; `args` fill it; `details` follow it in
// the same reason (the nearest valid value).
struct RowProblem {
  RowProblem(std::string column_, std::string key_, std::vector<std::string> args_ = {}, std::vector<Error::Detail> details_ = {})
      : column(std::move(column_)), key(std::move(key_)), args(std::move(args_)), details(std::move(details_)) {}
  std::string column;
  std::string key;
  std::vector<std::string> args;
  std::vector<Error::Detail> details;
};

struct ImportRow {
  std::size_t line = 0;
  std::array<std::string, kColumnCount> value;
  std::array<bool, kColumnCount> present{};
  std::vector<RowProblem> problems;  // problems of form, found while reading
  std::string_view raw;              // the row's original text (valid until the next row)
  bool malformed = false;            // raw is not a complete record (unbalanced quote)
};

class ImportSource {
 public:
  // Reads the header (CSV) at once: throws Error(data, exit 65) when the
  // input is empty, or the header has unknown, repeated or missing columns,
  // all of them listed in the error's details.
  // A CSV's delimiter is detected from its header line unless `delimiter`
  // names it.
  ImportSource(std::istream& in, ImportFormat format, const std::map<std::string, std::string>& column_map,
               char delimiter = CsvReader::kDetectDelimiter);

  // The next row; false at the end of the input. Throws Error(io, exit 74)
  // when the input could not be read to its end.
  bool next(ImportRow& row);
  ImportFormat format() const { return format_; }
  // The CSV header as read (for a rejects file); empty for JSON Lines.
  const std::string& header_raw() const { return header_raw_; }
  // The CSV delimiter in use (',' for JSON Lines).
  char delimiter() const { return csv_ ? csv_->delimiter() : ','; }
  std::uint64_t bytes_read() const;

 private:
  // Maps a name of the file to a contract column: -1 ignored (mapped to
  // "", or the rejects file's reason), -2 unknown.
  long map_name(std::string_view name) const;
  // Throws Error(io) when the stream failed to read (badbit), not ended.
  void check_read() const;

  ImportFormat format_;
  const std::map<std::string, std::string>& column_map_;
  std::istream& in_;
  std::optional<CsvReader> csv_;
  std::optional<JsonlReader> jsonl_;
  CsvRecord csv_rec_;
  JsonlRecord jsonl_rec_;
  std::vector<long> csv_columns_;  // per file column: contract column, or -1 (ignored)
  std::string header_raw_;
};

// The delimiter a user names (--delimiter): ",", ";", "tab" or a tab
// character; throws Error(usage, 64) for any other.
char parse_delimiter(std::string_view text);

// False when the file's first 64 KiB (whole lines) are not UTF-8, e.g. a
// "CSV" saved by Norwegian Excel (Windows-1252: æ ø å as E6 F8 E5).
bool head_is_utf8(const std::string& path);

// A Windows-1252 (or ISO 8859-1) file's bytes as UTF-8 (iconv).
std::string windows1252_to_utf8(std::string_view bytes);

// Reads `source` (Windows-1252) as UTF-8, converting 64 KiB at a time: a
// batch of any size converts in constant memory (one byte is one
// character, so a block boundary never splits one).
class Windows1252Input : public std::istream {
 public:
  explicit Windows1252Input(std::istream& source);
  ~Windows1252Input() override;

 private:
  struct Buf;
  std::unique_ptr<Buf> buf_;
};

}  // namespace oppteam::io
