// Input as Norwegian users type it (issue 17): personal numbers pasted with
// spaces or dots, control-digit errors that say what is wrong, dates in
// Norwegian forms. All personal numbers here are synthetic (month + 80).

#include "unit/errors.hpp"

#include <oppteam/domain/personal_number.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>
#include <oppteam/util/user_date.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oppteam;

namespace {

const PersonalNumberOptions kSynthetic{true, std::nullopt};

std::string nb_message_of(const std::string& text) {
  try {
    PersonalNumber::parse(text, kSynthetic);
  } catch (const Error& e) {
    return render_message(Lang::nb, e.key(), e.args());
  }
  return {};
}

const char* const kToday = "2026-03-02";

// A day (ISO) and the forms a user may type to mean it.
struct MeantDay {
  const char* iso;
  std::vector<std::string> typed;
};

// Checks that each form of `days`, typed to `option` on kToday, is read as its day.
void check_typed_dates(const std::string& option, const std::vector<MeantDay>& days) {
  const Date today = *try_parse_date(kToday);
  for (const auto& day : days) {
    for (const auto& typed : day.typed) {
      INFO(option << " " << typed);
      CHECK(parse_user_date(typed, option, today) == *try_parse_date(day.iso));
    }
  }
}

}  // namespace

TEST_CASE("a personal number pasted with spaces or dots is the same number", "[nb]") {
  const auto plain = PersonalNumber::parse("23923901213", kSynthetic);
  for (std::string pasted : {"239239 01213", "239239.01213", " 23923901213 ", "23.92.39 012 13"}) {
    INFO(pasted);
    const auto p = PersonalNumber::parse(pasted, kSynthetic);
    CHECK(p == plain);
    CHECK(p.str() == "23923901213");
  }
  // Other separators stay errors, and the count of digits is what is told.
  CHECK(unit::key_of([] { PersonalNumber::parse("239239-0121", kSynthetic); }) == "pnr.not_digits");
  CHECK(unit::key_of([] { PersonalNumber::parse("239239 0121", kSynthetic); }) == "pnr.length");
  CHECK(unit::key_of([] { PersonalNumber::parse("   ", kSynthetic); }) == "pnr.length");
}

TEST_CASE("a wrong control digit says the control digits do not match, whichever digit is wrong", "[nb]") {
  // Last digit wrong, tenth digit wrong, both wrong: one message, no digit number.
  for (std::string bad : {"23923901214", "23923901203", "23923901290"}) {
    INFO(bad);
    CHECK(unit::key_of([&] { PersonalNumber::parse(bad, kSynthetic); }) == "pnr.control_digits");
    CHECK(unit::code_of([&] { PersonalNumber::parse(bad, kSynthetic); }) == ExitCode::data);
    const std::string m = nb_message_of(bad);
    CHECK(m.find("kontrollsifrene") != std::string::npos);
    CHECK(m.find("kontrollsiffer 2") == std::string::npos);
    CHECK(m.find(bad) != std::string::npos);
  }
}

TEST_CASE("a date typed by a user in the past: i går (yesterday) and -N days", "[nb][trial]") {
  check_typed_dates("--received", {{"2026-03-01", {"i g\xC3\xA5r", "ig\xC3\xA5r", "I G\xC3\x85R", " -1 "}},
                                   {"2026-02-16", {"-14"}},
                                   {kToday, {"-0"}}});
}

TEST_CASE("a date typed by a user: ISO, D.M.YYYY, DD.MM.YYYY, i dag, i morgen and +N days", "[nb]") {
  check_typed_dates("--received", {{"2026-03-02", {"2026-03-02", "2.3.2026", "02.03.2026", " 2.3.2026 "}},
                                   {"2025-12-31", {"31.12.2025"}}});
  check_typed_dates("--date", {{kToday, {"i dag", "I dag"}}, {"2026-03-03", {"i morgen", "i morgon"}}});
  check_typed_dates("--due", {{"2026-03-16", {"+14"}}, {kToday, {"+0"}}});
  const Date today = *try_parse_date(kToday);
  // Not dates: each refused with 65, naming the option and the forms.
  for (std::string bad : {"", "30.2.2026", "2.3.26", "2026-3-2", "1.2.3.2026", "+", "+x", "+99999999999999999999", "-",
                          "-99999", "--3", "i overmorgen", "i forgårs", "2..2026", "32.1.2026", "0.1.2026"}) {
    INFO(bad);
    try {
      parse_user_date(bad, "--due", today);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::data);
      CHECK(e.key() == "date.bad_input");
      const std::string m = render_message(Lang::nb, e.key(), e.args());
      CHECK(m.find("--due") != std::string::npos);
      CHECK(m.find("2.3.2026") != std::string::npos);
      CHECK(m.find("i morgen") != std::string::npos);
      CHECK(render_message(Lang::nn, e.key(), e.args()).find("i morgon") != std::string::npos);
      CHECK(render_message(Lang::en, e.key(), e.args()).find("tomorrow") != std::string::npos);
    }
  }
  // Stored data and import files stay strict ISO.
  CHECK_FALSE(try_parse_date("2.3.2026"));
  CHECK_FALSE(try_parse_date("i dag"));
}
