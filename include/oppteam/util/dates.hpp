#pragma once
// Calendar dates as the tool reads and writes them (ISO `YYYY-MM-DD`).

#include <oppteam/util/clock.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// Parses a strict `YYYY-MM-DD` calendar date; nullopt when it is not one.
std::optional<Date> try_parse_date(std::string_view text);
// Parses a date or throws Error(data) naming `what` (the field) and the text.
Date parse_date(std::string_view text, std::string_view what);
std::string format_date(Date d);
int days_between(Date from, Date to);

// The first date the tool writes (YYYY-MM-DD has no year before 0000).
inline constexpr Date kFirstDate = std::chrono::sys_days(std::chrono::year(0) / std::chrono::January / 1);
// The last date the tool writes (stored dates are YYYY-MM-DD, and SQLite's
// date functions end there too).
inline constexpr Date kLastDate = std::chrono::sys_days(std::chrono::year(9999) / std::chrono::December / 31);
// `from` plus `days`, never past kLastDate: a deadline that would fall after
// the calendar's end is its last day, so what is overdue still shows.
Date add_days(Date from, int days);
// Whole years from `birth` to `on` (age).
int years_between(Date birth, Date on);

}  // namespace oppteam
