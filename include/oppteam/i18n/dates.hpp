#pragma once
// Dates for people: "2. mars 2026" in nb and nn, "2 March 2026" in en.
// (ISO dates are used in JSON and CSV.)

#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/clock.hpp>

#include <string>

namespace oppteam {

std::string long_date(Date d, Lang lang);
// The same for an ISO date text; returns the text unchanged when it is not one.
std::string long_date(const std::string& iso, Lang lang);

}  // namespace oppteam
