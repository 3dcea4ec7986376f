#pragma once
// The `case show` screen and the `case list` table: the documents that
// show_case() and list_cases() return (process/case_view.hpp), laid out for
// people in their language. A view reads only what it is given.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace oppteam {

// The case document (show_case) as a screen of headed sections and tables.
std::string render_case(const nlohmann::json& doc, Lang lang, const TerminalStyle& style);

// The list (list_cases) as a table with the next deadline of each case, a
// legend when a row is marked overdue, and how many it shows or left out.
std::string render_case_list(const nlohmann::json& doc, Lang lang, const TerminalStyle& style);

// The case log's entries (to_json of each LogEntry, newest first) as a
// table of date, writer and text: `log list` and the log of `case show`.
std::string render_log(const nlohmann::json& entries, Lang lang, const TerminalStyle& style);

}  // namespace oppteam
