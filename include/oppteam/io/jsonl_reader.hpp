#pragma once
// A streaming JSON Lines reader: one JSON object per line, read in blocks
// from a std::istream so memory stays bounded by the longest line. Blank
// lines are skipped; a UTF-8 byte order mark at the start is ignored. Each
// line is parsed with nlohmann::json. Usable alone (fuzz targets, tests).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam::io {

struct JsonlRecord {
  std::size_t line = 0;     // physical line (1-based)
  std::string raw;          // the line as read, without its line end
  bool ok = false;          // parsed, and an object
  std::string problem;      // when not ok: "not_json" or "not_object"
  std::string parse_error;  // the parser's message when not_json
  nlohmann::json value;     // the object when ok
  // The object's own keys (not those of an object inside it) that appear
  // more than once, each named once: the parser keeps the last of them and
  // drops the others without a word, so the caller must refuse the line.
  std::vector<std::string> repeated_keys;
};

class JsonlReader {
 public:
  static constexpr std::size_t kMaxLineBytes = 1 << 20;

  explicit JsonlReader(std::istream& in);
  // Reads from a copy of `bytes`.
  explicit JsonlReader(std::string_view bytes);

  // Reads the next non-blank line; false at the end of input.
  bool next(JsonlRecord& rec);
  std::uint64_t bytes_read() const { return consumed_; }

 private:
  std::istream* in_;
  std::unique_ptr<std::istringstream> owned_;
  std::size_t line_ = 0;
  std::uint64_t consumed_ = 0;
  // Fills rec.repeated_keys from rec.raw (a line whose object lost a key).
  void note_repeated_keys(JsonlRecord& rec);

  bool started_ = false;
  std::vector<std::string> keys_;  // note_repeated_keys(): the keys of the line's object, as read
};

}  // namespace oppteam::io
