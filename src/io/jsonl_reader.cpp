#include <oppteam/io/jsonl_reader.hpp>

namespace oppteam::io {

JsonlReader::JsonlReader(std::istream& in) : in_(&in) {}

JsonlReader::JsonlReader(std::string_view bytes)
    : in_(nullptr), owned_(std::make_unique<std::istringstream>(std::string(bytes))) {
  in_ = owned_.get();
}

bool JsonlReader::next(JsonlRecord& rec) {
  for (;;) {
    rec.raw.clear();
    if (!std::getline(*in_, rec.raw)) {
      if (rec.raw.empty()) return false;
    }
    ++line_;
    consumed_ += rec.raw.size() + 1;
    if (!started_) {
      started_ = true;
      if (rec.raw.starts_with("\xEF\xBB\xBF")) rec.raw.erase(0, 3);
    }
    if (!rec.raw.empty() && rec.raw.back() == '\r') rec.raw.pop_back();
    if (rec.raw.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
    rec.line = line_;
    rec.ok = false;
    rec.problem.clear();
    rec.parse_error.clear();
    rec.value = nlohmann::json::parse(rec.raw, nullptr, false);
    if (rec.value.is_discarded()) {
      rec.problem = "not_json";
      try {
        [[maybe_unused]] auto again = nlohmann::json::parse(rec.raw);
      } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
        rec.parse_error = e.what();
      }
    } else if (!rec.value.is_object()) {
      rec.problem = "not_object";
    } else {
      rec.ok = true;
    }
    return true;
  }
}

}  // namespace oppteam::io
