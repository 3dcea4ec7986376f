#pragma once
// Dates as users type them (options, prompts): `2026-03-02`, `2.3.2026`,
// `02.03.2026`, `i dag`, `i morgen`, `+14`, and (beyond SPEC.md's list)
// `i går` and `-3` for days before today; an import file's dates as
// written (the same without the relative forms). Stored data stays strict
// ISO (try_parse_date in dates.hpp). Implemented in src/util/dates.cpp
// beside the strict parser.

#include <oppteam/util/clock.hpp>

#include <optional>
#include <string_view>

namespace oppteam {

// A date as written down: YYYY-MM-DD, D.M.YYYY or DD.MM.YYYY, spaces
// around it ignored; nullopt otherwise. No relative form: in a file, "i dag"
// would mean the day it is read, not the day it was written.
std::optional<Date> try_parse_written_date(std::string_view text);

// The forms the error of a date that is not one suggests: any, or those of
// a date that may not be after today (a received date: i dag, i går, -3).
enum class DateHint { any, past };

// The date `text` names, relative forms counted from `today`; throws
// Error(data, exit 65) naming `what` (the option) and the accepted forms.
Date parse_user_date(std::string_view text, std::string_view what, Date today, DateHint hint = DateHint::any);

}  // namespace oppteam
