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
// Whole years from `birth` to `on` (age).
int years_between(Date birth, Date on);

}  // namespace oppteam
