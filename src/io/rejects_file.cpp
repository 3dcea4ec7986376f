#include <oppteam/io/rejects_file.hpp>

#include <oppteam/io/csv_reader.hpp>
#include <oppteam/util/text.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace oppteam::io {

RejectsFile::RejectsFile(const std::string& path, ImportFormat format, bool replace,
                         const std::vector<std::string>& forbidden)
    : format_(format) {
  if (path.empty()) return;
  file_.emplace(path, replace, forbidden);
  path_ = path;
}

void RejectsFile::header(const std::string& raw, char delimiter) {
  delimiter_ = delimiter;
  if (!active() || format_ != ImportFormat::csv) return;
  file_->stream() << raw << delimiter_ << kReasonColumn << "\r\n";
}

void RejectsFile::row(const ImportRow& row, const std::string& reason) {
  if (!active()) return;
  if (format_ == ImportFormat::csv) {
    if (row.malformed) file_->stream() << csv_quote(row.raw, delimiter_) << delimiter_ << csv_quote(reason, delimiter_) << "\r\n";
    else file_->stream() << row.raw << delimiter_ << csv_quote(reason, delimiter_) << "\r\n";
    return;
  }
  std::string_view raw = row.raw;
  const auto last = raw.find_last_not_of(" \t");
  if (!row.malformed && last != std::string_view::npos && raw[last] == '}') {
    std::string_view body = raw.substr(0, last);
    const auto before = body.find_last_not_of(" \t\r\n");
    const bool empty_object = before != std::string_view::npos && body[before] == '{';
    file_->stream() << body << (empty_object ? "" : ",") << '"' << kReasonColumn << "\":" << dump_json(reason, -1, replaced_) << "}\n";
  } else {
    // A line that is not UTF-8 cannot be a JSON string as it is: its bad bytes become U+FFFD.
    file_->stream() << dump_json(nlohmann::json{{"raw", std::string(raw)}, {std::string(kReasonColumn), reason}}, -1, replaced_) << "\n";
  }
}

void RejectsFile::close() {
  if (!active()) return;
  file_->commit();
}

}  // namespace oppteam::io
