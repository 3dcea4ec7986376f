#pragma once
// Dates as users type them (options, prompts): `2026-03-02`, `2.3.2026`,
// `02.03.2026`, `i dag`, `i morgen`, `+14`. Stored data and import files
// stay strict ISO (try_parse_date in dates.hpp). Implemented in
// src/util/dates.cpp beside the strict parser.

#include <oppteam/util/clock.hpp>

#include <string_view>

namespace oppteam {

// The date `text` names, relative forms counted from `today`; throws
// Error(data, exit 65) naming `what` (the option) and the accepted forms.
Date parse_user_date(std::string_view text, std::string_view what, Date today);

}  // namespace oppteam
