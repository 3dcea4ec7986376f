#pragma once
// A streaming CSV reader (RFC 4180): quoted fields with embedded commas,
// doubled quotes and line breaks, CRLF or LF line ends, a UTF-8 byte order
// mark at the start. It reads from a std::istream in blocks, so memory stays
// bounded by the longest record, never by the file. Hand-written because no
// packaged C++ CSV library streams with exact line numbers, keeps each
// record's original bytes (for a rejects file) and recovers after an
// unbalanced quote; it is usable alone (fuzz targets, tests).

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam::io {

// What is wrong with a record as CSV (not with its content).
enum class CsvProblem {
  none,
  unbalanced_quote,   // a quoted field never closed (reported at its first line)
  stray_quote,        // a quote inside an unquoted field, or text after a closing quote
  too_long,           // the record is longer than CsvReader::kMaxRecordBytes
};

struct CsvRecord {
  std::size_t line = 0;        // physical line (1-based) on which the record starts
  std::size_t last_line = 0;   // physical line on which it ends
  CsvProblem problem = CsvProblem::none;
  std::string raw;             // the record's original bytes, without its line end

  std::size_t size() const { return bounds_.size(); }
  // The field's text, quotes removed and doubled quotes undone (CRLF inside
  // a quoted field becomes LF).
  std::string_view field(std::size_t i) const {
    return std::string_view(data_).substr(bounds_[i].first, bounds_[i].second);
  }
  std::vector<std::string> fields() const;

 private:
  friend class CsvReader;
  std::string data_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bounds_;  // offset, length in data_
};

class CsvReader {
 public:
  static constexpr std::size_t kMaxRecordBytes = 1 << 20;

  // Reads ',' separated fields unless `delimiter` says another: ';' or
  // '\t', or kDetectDelimiter, which picks the one of ',', ';' and tab that
  // the header line (the first line) holds most of.
  static constexpr char kDetectDelimiter = '\0';
  explicit CsvReader(std::istream& in, char delimiter = ',');
  // Reads from a byte buffer that must outlive the reader.
  explicit CsvReader(std::string_view bytes, char delimiter = ',');

  // Reads the next record into `rec` (reusing its memory). Returns false at
  // the end of input. Empty lines are skipped. A record with a problem is
  // still returned (fields may be incomplete); after an unbalanced quote
  // reading resumes on the line after the record's first line.
  bool next(CsvRecord& rec);

  // Bytes consumed so far (for progress).
  std::uint64_t bytes_read() const { return consumed_; }

  // The delimiter in use (after the first next(), the detected one).
  char delimiter() const { return delimiter_; }

 private:
  bool fill();
  int get();          // next byte or -1
  int peek();

  std::istream* in_ = nullptr;
  std::unique_ptr<std::istringstream> owned_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::uint64_t consumed_ = 0;
  bool started_ = false;
  char delimiter_ = ',';
};

// Quotes a field for CSV output when it needs it.
std::string csv_quote(std::string_view field, char delimiter = ',');

}  // namespace oppteam::io
