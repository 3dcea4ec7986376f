#include <oppteam/io/csv_reader.hpp>

#include <algorithm>

namespace oppteam::io {

namespace {
constexpr std::size_t kBlock = 1 << 16;
}

std::vector<std::string> CsvRecord::fields() const {
  std::vector<std::string> out;
  out.reserve(bounds_.size());
  for (std::size_t i = 0; i < bounds_.size(); ++i) out.emplace_back(field(i));
  return out;
}

CsvReader::CsvReader(std::istream& in, char delimiter) : in_(&in), delimiter_(delimiter) {}

CsvReader::CsvReader(std::string_view bytes, char delimiter)
    : owned_(std::make_unique<std::istringstream>(std::string(bytes))), delimiter_(delimiter) {
  in_ = owned_.get();
}

namespace {

// The delimiter the header line holds most of, outside quotes (',' on a tie
// or when it holds none). Looks only at the first line in `bytes`.
char detect_delimiter(std::string_view bytes) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : bytes) {
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\n' || c == '\r') break;
    else if (c == ',') ++comma;
    else if (c == ';') ++semicolon;
    else if (c == '\t') ++tab;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

}  // namespace

bool CsvReader::fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!in_ || !*in_) return !buf_.empty();
  const std::size_t old = buf_.size();
  buf_.resize(old + kBlock);
  in_->read(buf_.data() + old, static_cast<std::streamsize>(kBlock));
  const auto got = static_cast<std::size_t>(in_->gcount());
  buf_.resize(old + got);
  consumed_ += got;
  return !buf_.empty();
}

int CsvReader::get() {
  if (pos_ >= buf_.size() && !fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_++]);
}

int CsvReader::peek() {
  if (pos_ >= buf_.size() && !fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_]);
}

bool CsvReader::next(CsvRecord& rec) {
  if (!started_) {
    started_ = true;
    while (buf_.size() - pos_ < 3 && in_ && *in_) fill();
    if (buf_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
    if (delimiter_ == kDetectDelimiter) delimiter_ = detect_delimiter(std::string_view(buf_).substr(pos_));
  }
  const char delim = delimiter_;
  for (;;) {
    rec.raw.clear();
    rec.data_.clear();
    rec.bounds_.clear();
    rec.problem = CsvProblem::none;
    rec.line = line_;
    int c = peek();
    if (c < 0) return false;
    if (c == '\n' || c == '\r') {  // an empty line: skipped
      get();
      if (c == '\r' && peek() == '\n') get();
      ++line_;
      continue;
    }

    std::size_t field_start = 0;
    bool fresh = true;         // nothing read yet in this field
    bool in_quotes = false;
    bool after_quote = false;  // a quoted field has closed
    auto end_field = [&] {
      rec.bounds_.emplace_back(static_cast<std::uint32_t>(field_start),
                               static_cast<std::uint32_t>(rec.data_.size() - field_start));
      field_start = rec.data_.size();
      fresh = true;
      after_quote = false;
    };
    // An unbalanced quote: report the record's first line and read the rest again.
    auto recover = [&] {
      rec.problem = CsvProblem::unbalanced_quote;
      rec.bounds_.clear();
      rec.data_.clear();
      const auto nl = rec.raw.find('\n');
      if (nl != std::string::npos) {
        std::string again = rec.raw.substr(nl + 1);
        rec.raw.resize(nl);
        buf_.replace(0, pos_, again);
        pos_ = 0;
      }
      if (!rec.raw.empty() && rec.raw.back() == '\r') rec.raw.pop_back();
      line_ = rec.line + 1;
      rec.last_line = rec.line;
    };

    for (;;) {
      if (pos_ >= buf_.size() && !fill()) {
        if (in_quotes) {
          recover();
          return true;
        }
        end_field();
        rec.last_line = line_;
        return true;
      }
      if (!in_quotes) {
        // Fast path: copy a run of plain bytes at once.
        const char* p = buf_.data() + pos_;
        const char* end = buf_.data() + buf_.size();
        const char* q = p;
        while (q < end && *q != delim && *q != '\n' && *q != '\r' && *q != '"') ++q;
        if (q > p) {
          if (after_quote) rec.problem = CsvProblem::stray_quote;
          if (rec.raw.size() < kMaxRecordBytes) {
            rec.raw.append(p, q);
            rec.data_.append(p, q);
          } else {
            rec.problem = CsvProblem::too_long;
          }
          fresh = false;
          pos_ += static_cast<std::size_t>(q - p);
          continue;
        }
      }
      c = static_cast<unsigned char>(buf_[pos_++]);
      if (in_quotes) {
        if (c == '"') {
          if (peek() == '"') {
            ++pos_;
            rec.raw += "\"\"";
            rec.data_ += '"';
          } else {
            rec.raw += '"';
            in_quotes = false;
            after_quote = true;
          }
        } else if (c == '\r' && peek() == '\n') {
          ++pos_;
          rec.raw += "\r\n";
          rec.data_ += '\n';
          ++line_;
        } else {
          if (c == '\n') ++line_;
          rec.raw += static_cast<char>(c);
          rec.data_ += static_cast<char>(c);
        }
        if (rec.raw.size() > kMaxRecordBytes) {
          recover();
          return true;
        }
        continue;
      }
      if (c == static_cast<unsigned char>(delim)) {
        rec.raw += delim;
        end_field();
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') ++pos_;
        end_field();
        rec.last_line = line_;
        ++line_;
        return true;
      } else {  // '"'
        rec.raw += '"';
        if (fresh && !after_quote) {
          in_quotes = true;
          fresh = false;
        } else {
          rec.problem = CsvProblem::stray_quote;
          rec.data_ += '"';
        }
      }
    }
  }
}

std::string csv_quote(std::string_view field, char delimiter) {
  const char special[] = {delimiter, '"', '\r', '\n', '\0'};
  if (field.find_first_of(special) == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace oppteam::io
