// Regressions found by the core review of session 11 (rv-core).

#include "unit/errors.hpp"
#include "unit/intake_world.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/user_date.hpp>

#include <catch2/catch.hpp>

#include <string>

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

// config store names the values stored rows use that the new rammeverk
// lacks. A target group is stored by its id: a rammeverk that renames the
// id and keeps the label (which folds to the old id) no longer has it.
TEST_CASE("config store names a stored target group whose id the new rammeverk renamed", "[review_core][config]") {
  unit::IntakeWorld w;
  ReferralInput in;
  in.fnr = unit::synthetic("018155");
  in.reporter_type = "fastlege";
  in.received = "2026-02-01";
  in.need = "Koordinering";
  in.target_group = "kronisk_syke";
  add_referral(w.ctx, in);

  std::string text(embedded::example_rammeverk);
  const std::string old_entry = "id = \"kronisk_syke\"\nlabel = \"Kronisk syke\"";
  REQUIRE(text.find(old_entry) != std::string::npos);
  text.replace(text.find(old_entry), old_entry.size(), "id = \"kronisk\"\nlabel = \"Kronisk syke\"");
  const Rammeverk renamed = load_rammeverk(text, "renamed.toml");

  const StoredRammeverk stored = store_rammeverk(w.ctx, renamed);
  bool named = false;
  for (const auto& v : stored.not_in_rammeverk) named = named || (v.kind == "target_group" && v.value == "kronisk_syke");
  CHECK(named);
}
