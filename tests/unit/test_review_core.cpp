// Regressions found by the core review of session 11 (rv-core).

#include "unit/errors.hpp"

#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/user_date.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

// A day set with --today may be the calendar's first (0000-01-01); a date
// counted back from it would be written as "00-1-12-31", which no reader of
// the store takes back: refused as a date beyond the calendar's other end is.
TEST_CASE("a relative date before the calendar's first day is refused, not stored unreadable", "[review_core][dates]") {
  const Date first = *try_parse_date("0000-01-01");
  CHECK(unit::key_of([&] { parse_user_date("-1", "--date", first); }) == "date.before_calendar");
  CHECK(unit::key_of([&] { parse_user_date("i g\xC3\xA5r", "--date", first); }) == "date.before_calendar");
  CHECK(unit::code_of([&] { parse_user_date("-3", "--date", first + std::chrono::days(2)); }) == ExitCode::data);
  CHECK(format_date(parse_user_date("-2", "--date", first + std::chrono::days(2))) == "0000-01-01");
  CHECK(format_date(parse_user_date("i g\xC3\xA5r", "--date", first + std::chrono::days(1))) == "0000-01-01");
}
