#pragma once
// A case (sak) as the steps of the process see it: its reference (CaseRef),
// its status with the one mapping to and from the text stored in
// case_file.status, and the entries of its log. Plain values: nothing here
// reads the store.

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

// The text stored in case_file.status (and shown in JSON) for `s`.
constexpr std::string_view to_stored(CaseStatus s) {
  switch (s) {
    case CaseStatus::received: return "received";
    case CaseStatus::granted: return "granted";
    case CaseStatus::refused: return "refused";
    case CaseStatus::active: return "active";
    case CaseStatus::closed: return "closed";
  }
  return "";
}

// The status stored as `text`; nothing for a text that is no status.
constexpr std::optional<CaseStatus> case_status_from(std::string_view text) {
  for (const CaseStatus s : kCaseStatuses)
    if (to_stored(s) == text) return s;
  return std::nullopt;
}

// The stored texts by name, for code that compares a CaseRef's status.
inline constexpr std::string_view kCaseReceived = to_stored(CaseStatus::received);
inline constexpr std::string_view kCaseGranted = to_stored(CaseStatus::granted);
inline constexpr std::string_view kCaseRefused = to_stored(CaseStatus::refused);
inline constexpr std::string_view kCaseActive = to_stored(CaseStatus::active);
inline constexpr std::string_view kCaseClosed = to_stored(CaseStatus::closed);

// A case found by its number: what every step needs to act on it.
struct CaseRef {
  std::int64_t id = 0;
  std::string number;
  std::string status;       // as stored (see state())
  std::int64_t person_id = 0;
  std::string fnr;          // the person's personal number
  std::string birth_date;   // ISO
  std::string opened_on;    // ISO

  // The status, or nothing for a stored text that is no status.
  std::optional<CaseStatus> state() const { return case_status_from(status); }
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
