#pragma once
// The lookup of a catalogue by key: the message catalogue (messages.cpp)
// and the help catalogue (src/cli/help_i18n.cpp) are each one table of
// entries with a `key`, indexed once.

#include <string_view>
#include <unordered_map>
#include <vector>

namespace oppteam {

// Every entry of `entries` by its key; of two entries with one key, the first.
template <typename Entry>
std::unordered_map<std::string_view, const Entry*> index_by_key(const std::vector<Entry>& entries) {
  std::unordered_map<std::string_view, const Entry*> index;
  for (const auto& e : entries) index.emplace(e.key, &e);
  return index;
}

}  // namespace oppteam
