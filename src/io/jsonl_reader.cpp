#include <oppteam/io/jsonl_reader.hpp>

#include <algorithm>

namespace oppteam::io {

JsonlReader::JsonlReader(std::istream& in) : in_(&in) {}

JsonlReader::JsonlReader(std::string_view bytes)
    : in_(nullptr), owned_(std::make_unique<std::istringstream>(std::string(bytes))) {
  in_ = owned_.get();
}

namespace {

// The members of the object that the text `raw` (which the parser read as
// an object) holds at its top level, counted in the text: the colons outside
// strings at depth 1. More than the parsed object's members means a key
// twice, which the parser dropped without a word. (Counting costs a few
// per cent of parsing; a parser callback on every row cost a fifth.)
std::size_t top_level_members(std::string_view raw) {
  std::size_t members = 0;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character, a quote too
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{': case '[': ++depth; break;
      case '}': case ']': --depth; break;
      case ':': members += depth == 1; break;
      default: break;
    }
  }
  return members;
}

}  // namespace

void JsonlReader::note_repeated_keys(JsonlRecord& rec) {
  // Parsed again with a callback that sees each key of the object itself
  // (depth 1) as it is read.
  keys_.clear();
  const auto note_key = [this, &rec](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (depth != 1 || event != nlohmann::json::parse_event_t::key) return true;
    const auto& key = parsed.get_ref<const std::string&>();
    if (std::find(keys_.begin(), keys_.end(), key) == keys_.end()) keys_.push_back(key);
    else if (std::find(rec.repeated_keys.begin(), rec.repeated_keys.end(), key) == rec.repeated_keys.end())
      rec.repeated_keys.push_back(key);
    return true;
  };
  [[maybe_unused]] const auto again = nlohmann::json::parse(rec.raw, note_key, false);
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
    rec.value = nlohmann::json::parse(rec.raw, nullptr, false);
    if (rec.value.is_object() && top_level_members(rec.raw) != rec.value.size()) note_repeated_keys(rec);
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
