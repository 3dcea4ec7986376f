#pragma once
// A JSON value of a document as a line of text for people: a string as it
// is, null as nothing, anything else (a number, a flag) as JSON writes it.

#include <nlohmann/json.hpp>

#include <string>

namespace oppteam {

inline std::string json_text(const nlohmann::json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

}  // namespace oppteam
