#include <oppteam/io/jsonl_reader.hpp>

#include <algorithm>

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
    rec.repeated_keys.clear();
    keys_.clear();
    // The keys of the object itself (depth 1) as they are read: a key twice
    // is seen only here (the parsed object holds the last one).
    const auto note_key = [this, &rec](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
      if (depth != 1 || event != nlohmann::json::parse_event_t::key) return true;
      const auto& key = parsed.get_ref<const std::string&>();
      if (std::find(keys_.begin(), keys_.end(), key) == keys_.end()) keys_.push_back(key);
      else if (std::find(rec.repeated_keys.begin(), rec.repeated_keys.end(), key) == rec.repeated_keys.end())
        rec.repeated_keys.push_back(key);
      return true;
    };
    rec.value = nlohmann::json::parse(rec.raw, note_key, false);
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
