#pragma once
// The case log (issue 15): short dated entries by the acting user between
// meetings (what happened, who was called, what was agreed). Entries are
// never changed or deleted; the audit log records each one without its text.

#include <oppteam/domain/case.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace oppteam {

// The most one entry may hold (bytes).
inline constexpr std::size_t kMaxLogEntryBytes = 8 * 1024;

// LogEntry is in domain/case.hpp.

// Adds an entry dated today. Exit 64 for an empty text, 65 for text that
// fails require_text or is longer than kMaxLogEntryBytes, 2 when the case is closed.
LogEntry add_log_entry(const Context& ctx, std::string_view case_number, const std::string& text);

// The case's entries, newest first. list_log audits the read;
// read_log does not (for callers that audit their own read: case show, export).
std::vector<LogEntry> list_log(const Context& ctx, std::string_view case_number);
std::vector<LogEntry> read_log(Database& db, std::int64_t case_id);

nlohmann::json to_json(const LogEntry& e);

}  // namespace oppteam
