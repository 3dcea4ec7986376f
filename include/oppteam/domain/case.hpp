#pragma once
// A case (sak) as the steps of the process see it: its reference (CaseRef),
// its status with the one mapping to and from the text stored in
// case_file.status, and the entries of its log. Plain values: nothing here
// reads the store.

#include <oppteam/domain/stored_names.hpp>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// Where a case is in the process.
enum class CaseStatus { received, granted, refused, active, closed };

// Every status, in the order of the process.
inline constexpr std::array<CaseStatus, 5> kCaseStatuses = {CaseStatus::received, CaseStatus::granted, CaseStatus::refused,
                                                            CaseStatus::active, CaseStatus::closed};

// case_file.status: the one table of its stored text (also what JSON shows).
inline constexpr StoredNames<CaseStatus, 5> kCaseStatusNames{{{{CaseStatus::received, "received"},
                                                               {CaseStatus::granted, "granted"},
                                                               {CaseStatus::refused, "refused"},
                                                               {CaseStatus::active, "active"},
                                                               {CaseStatus::closed, "closed"}}}};
constexpr std::string_view to_stored(CaseStatus s) { return kCaseStatusNames.of(s); }
// The status stored as `text`; nothing for a text that is no status.
constexpr std::optional<CaseStatus> case_status_from(std::string_view text) { return kCaseStatusNames.from(text); }

// A case found by its number: what every step needs to act on it.
struct CaseRef {
  std::int64_t id = 0;
  std::string number;
  CaseStatus status = CaseStatus::received;  // to_stored(status): the text stored and shown
  std::int64_t person_id = 0;
  std::string fnr;          // the person's personal number
  std::string birth_date;   // ISO
  std::string opened_on;    // ISO
};

// One entry of the case log (issue 15).
struct LogEntry {
  std::int64_t id = 0;
  std::string date;        // the day it is about (--today)
  std::string written_by;  // the acting user
  std::string written_at;  // the real time it was written
  std::string text;
};

}  // namespace oppteam

// A case's status in a message's arguments (make_error) is its stored text,
// as it was when the status was held as that text.
template <>
struct fmt::formatter<oppteam::CaseStatus> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(oppteam::CaseStatus s, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(oppteam::to_stored(s), ctx);
  }
};
