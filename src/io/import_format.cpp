#include <oppteam/io/import_format.hpp>

#include <oppteam/util/error.hpp>
#include <oppteam/util/text.hpp>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

namespace oppteam::io {

namespace {
constexpr std::array<std::string_view, kColumnCount> kNames{"external_id", "fnr",      "name", "reporter_type",
                                                            "reporter_name", "received", "need", "target_group"};
constexpr std::array<bool, kColumnCount> kRequired{true, true, false, true, false, true, true, false};
}  // namespace

std::string_view column_name(std::size_t column) { return kNames.at(column); }
bool column_required(std::size_t column) { return kRequired.at(column); }

std::optional<std::size_t> column_by_name(std::string_view name) {
  for (std::size_t i = 0; i < kColumnCount; ++i)
    if (kNames[i] == name) return i;
  return std::nullopt;
}

ImportFormat choose_import_format(std::string_view path, std::string_view explicit_format) {
  if (!explicit_format.empty()) {
    if (explicit_format == "csv") return ImportFormat::csv;
    if (explicit_format == "jsonl" || explicit_format == "ndjson") return ImportFormat::jsonl;
    throw make_error(ExitCode::usage, "import.bad_format", explicit_format);
  }
  for (std::string_view ext : {".jsonl", ".ndjson", ".json"})
    if (path.ends_with(ext)) return ImportFormat::jsonl;
  return ImportFormat::csv;
}

long ImportSource::map_name(std::string_view name) const {
  if (auto it = column_map_.find(std::string(name)); it != column_map_.end()) {
    if (it->second.empty()) return -1;
    if (auto c = column_by_name(it->second)) return static_cast<long>(*c);
    return -2;
  }
  if (auto c = column_by_name(name)) return static_cast<long>(*c);
  if (name == kReasonColumn) return -1;
  return -2;
}

ImportSource::ImportSource(std::istream& in, ImportFormat format, const std::map<std::string, std::string>& column_map,
                           char delimiter)
    : format_(format), column_map_(column_map), in_(in) {
  if (format_ == ImportFormat::jsonl) {
    jsonl_.emplace(in);
    return;
  }
  csv_.emplace(in, delimiter);
  const bool header = csv_->next(csv_rec_);
  check_read();
  if (!header) throw make_error(ExitCode::data, "import.empty");
  header_raw_ = csv_rec_.raw;
  Error err = make_error(ExitCode::data, "import.bad_header", csv_rec_.line);
  if (csv_rec_.problem != CsvProblem::none) err.details.push_back({"import.header_malformed", {}});
  std::array<int, kColumnCount> seen{};
  for (std::size_t i = 0; i < csv_rec_.size(); ++i) {
    std::string name(csv_rec_.field(i));
    // Trim spaces around header names (common in hand-made files).
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const long c = map_name(name);
    if (c == -2) err.details.push_back({"import.unknown_column", {name}});
    if (c >= 0 && seen[std::size_t(c)]++) err.details.push_back({"import.repeated_column", {std::string(column_name(std::size_t(c)))}});
    csv_columns_.push_back(c);
  }
  for (std::size_t c = 0; c < kColumnCount; ++c)
    if (kRequired[c] && !seen[c]) err.details.push_back({"import.missing_column", {std::string(kNames[c])}});
  if (!err.details.empty()) throw err;
}

bool head_is_utf8(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1 << 16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.size() == (1u << 16)) {  // more follows: judge whole lines only
    const auto nl = head.rfind('\n');
    head.resize(nl == std::string::npos ? 0 : nl);
  }
  return valid_utf8(head);
}

char parse_delimiter(std::string_view text) {
  if (text == ",") return ',';
  if (text == ";") return ';';
  if (text == "tab" || text == "\t" || text == "\\t") return '\t';
  throw make_error(ExitCode::usage, "import.bad_delimiter", text);
}

std::string windows1252_to_utf8(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw make_error(ExitCode::io, "import.no_converter", "WINDOWS-1252");
  std::string out(bytes.size() * 3 + 16, '\0');  // at most three UTF-8 bytes per byte
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &to, &out_left) != static_cast<std::size_t>(-1)) break;
    if (errno != EILSEQ) break;
    // The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): U+FFFD.
    ++in;
    --in_left;
    for (char c : std::string_view("\xEF\xBF\xBD")) {
      *to++ = c;
      --out_left;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

struct Windows1252Input::Buf : std::streambuf {
  explicit Buf(std::istream& s) : source(s) {}
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    char block[1 << 16];
    source.read(block, sizeof block);
    const std::streamsize n = source.gcount();
    if (n <= 0) return traits_type::eof();
    converted = windows1252_to_utf8(std::string_view(block, std::size_t(n)));
    setg(converted.data(), converted.data(), converted.data() + converted.size());
    return traits_type::to_int_type(*gptr());
  }
  std::istream& source;
  std::string converted;
};

Windows1252Input::Windows1252Input(std::istream& source) : std::istream(nullptr), buf_(std::make_unique<Buf>(source)) {
  rdbuf(buf_.get());
}

Windows1252Input::~Windows1252Input() = default;

// The readers stop at the end of the input and at a read error alike (the
// stream sets badbit, e.g. on EIO); only the end is the end of the file.
void ImportSource::check_read() const {
  if (in_.bad()) throw make_error(ExitCode::io, "import.read_failed", bytes_read());
}

std::uint64_t ImportSource::bytes_read() const { return csv_ ? csv_->bytes_read() : jsonl_->bytes_read(); }

bool ImportSource::next(ImportRow& row) {
  row.problems.clear();
  row.present.fill(false);
  row.malformed = false;
  if (csv_) {
    if (!csv_->next(csv_rec_)) {
      check_read();
      return false;
    }
    row.line = csv_rec_.line;
    row.raw = csv_rec_.raw;
    switch (csv_rec_.problem) {
      case CsvProblem::none: break;
      case CsvProblem::unbalanced_quote:
        row.malformed = true;
        row.problems.push_back({"", "import.unbalanced_quote", {}});
        return true;
      case CsvProblem::stray_quote: row.problems.push_back({"", "import.stray_quote", {}}); break;
      case CsvProblem::too_long:
        row.malformed = true;
        row.problems.push_back({"", "import.too_long", {std::to_string(CsvReader::kMaxRecordBytes)}});
        return true;
    }
    if (csv_rec_.size() != csv_columns_.size()) {
      row.problems.push_back({"", "import.field_count", {std::to_string(csv_rec_.size()), std::to_string(csv_columns_.size())}});
      return true;
    }
    for (std::size_t i = 0; i < csv_columns_.size(); ++i) {
      const long c = csv_columns_[i];
      if (c < 0) continue;
      const auto v = csv_rec_.field(i);
      if (v.empty()) continue;
      row.value[std::size_t(c)].assign(v);
      row.present[std::size_t(c)] = true;
    }
    return true;
  }
  if (!jsonl_->next(jsonl_rec_)) {
    check_read();
    return false;
  }
  row.line = jsonl_rec_.line;
  row.raw = jsonl_rec_.raw;
  if (!jsonl_rec_.ok) {
    row.malformed = true;
    if (jsonl_rec_.problem == "not_object") row.problems.push_back({"", "import.not_object", {}});
    else row.problems.push_back({"", "import.not_json", {jsonl_rec_.parse_error}});
    return true;
  }
  // A key twice, or two keys for one column (a mapped name and the
  // contract's): the row is refused, as the CSV header is (which of the two
  // values was meant cannot be known; the parser kept one of them).
  for (const auto& key : jsonl_rec_.repeated_keys) {
    const long c = map_name(key);
    // An unknown key (-2) is refused once, below; an ignored one (-1) not at all.
    if (c >= 0) row.problems.push_back({std::string(kNames[std::size_t(c)]), "import.repeated_key", {key}});
  }
  std::array<const std::string*, kColumnCount> key_of{};
  for (const auto& [key, v] : jsonl_rec_.value.items()) {
    const long c = map_name(key);
    if (c == -1) continue;
    if (c == -2) {
      row.problems.push_back({key, "import.unknown_column", {key}});
      continue;
    }
    const std::string*& first = key_of[std::size_t(c)];
    if (first) {
      const std::string column(kNames[std::size_t(c)]);
      row.problems.push_back({column, "import.keys_same_column", {*first, key, column}});
      continue;
    }
    first = &key;
    if (v.is_null()) continue;
    if (!v.is_string()) {
      row.problems.push_back({std::string(kNames[std::size_t(c)]), "import.not_string", {}});
      continue;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty()) continue;
    row.value[std::size_t(c)] = s;
    row.present[std::size_t(c)] = true;
  }
  return true;
}

}  // namespace oppteam::io
