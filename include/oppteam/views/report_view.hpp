#pragma once
// `report` for people: the report's tables, lead times, late decisions,
// goal attainment, indicators and team review scales as text tables.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/terminal.hpp>
#include <oppteam/process/report.hpp>

#include <string>

namespace oppteam {

// Readable tables in `lang`, laid out for `style`.
std::string report_text(const Report& r, Lang lang, const TerminalStyle& style);

}  // namespace oppteam
