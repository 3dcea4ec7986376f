// Input as Norwegian users type it (issue 17): personal numbers pasted with
// spaces or dots, control-digit errors that say what is wrong. All personal numbers here are synthetic (month + 80).

#include "unit/errors.hpp"

#include <oppteam/domain/personal_number.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <string>

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
