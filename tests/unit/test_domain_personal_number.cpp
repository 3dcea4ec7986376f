#include <oppteam/domain/personal_number.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

// Builds a valid number from a birth date part and an individual number
// under the pre-2032 rule (all test numbers are synthetic or made up here).
std::string make(const std::string& nine) {
  auto k = control_digits(nine);
  REQUIRE(k);
  return nine + *k;
}

// A number whose first control digit fits only the 2032 rule (remainder r in 1..3).
std::string make_2032(const std::string& nine, int remainder) {
  static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int s = 0;
  for (int i = 0; i < 9; ++i) s += (nine[i] - '0') * w1[i];
  for (int k1 = 0; k1 <= 9; ++k1) {
    if ((s + k1) % 11 != remainder) continue;
    std::string ten = nine + char('0' + k1);
    int s2 = 0;
    for (int i = 0; i < 10; ++i) s2 += (ten[i] - '0') * w2[i];
    int k2 = (11 - s2 % 11) % 11;
    if (k2 == 10) return {};
    return ten + char('0' + k2);
  }
  return {};
}

ExitCode code_of(const std::string& n, PersonalNumberOptions o = {}) {
  try {
    PersonalNumber::parse(n, o);
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}

std::string key_of(const std::string& n, PersonalNumberOptions o = {}) {
  try {
    PersonalNumber::parse(n, o);
  } catch (const Error& e) {
    return e.key();
  }
  return "";
}

const PersonalNumberOptions kSynthetic{true, std::nullopt};

}  // namespace

TEST_CASE("the SPEC's example number is a valid synthetic fødselsnummer") {
  auto p = PersonalNumber::parse("23923901213", kSynthetic);
  CHECK(p.kind() == PersonalNumberKind::fodselsnummer);
  CHECK(p.synthetic());
  CHECK(format_date(p.birth_date()) == "1939-12-23");
  CHECK(p.age_on(*try_parse_date("2026-03-02")) == 86);
  CHECK(key_of("23923901213") == "pnr.synthetic_not_allowed");
}

TEST_CASE("century comes from the individual number") {
  CHECK(format_date(PersonalNumber::parse(make("018180123"), kSynthetic).birth_date()) == "1980-01-01");
  CHECK(format_date(PersonalNumber::parse(make("018890124"), kSynthetic).birth_date()) == "1990-08-01");
  CHECK(format_date(PersonalNumber::parse(make("158814512"), kSynthetic).birth_date()) == "2014-08-15");
  CHECK(format_date(PersonalNumber::parse(make("158875612"), kSynthetic).birth_date()) == "1875-08-15");
  CHECK(format_date(PersonalNumber::parse(make("158845912"), kSynthetic).birth_date()) == "1945-08-15");
  // 750-899 with a year 40-99 tells no century.
  CHECK(key_of(make("018850800"), kSynthetic) == "pnr.century_unknown");
}

TEST_CASE("D-nummer: first digit + 4") {
  auto p = PersonalNumber::parse(make("410890123"), kSynthetic);  // synthetic month
  CHECK(p.kind() == PersonalNumberKind::d_nummer);
  CHECK(format_date(p.birth_date()) == "1990-08-01");
  auto d_synthetic = make("718150123");  // day 31 + 40, month 01
  CHECK(PersonalNumber::parse(d_synthetic, kSynthetic).kind() == PersonalNumberKind::d_nummer);
}

TEST_CASE("a number holding other characters than the digits 0-9 is named so, whatever its length (fullwidth digits counted 33)") {
  CHECK(key_of("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x98\xEF\xBC\x95\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90"
               "\xEF\xBC\x97\xEF\xBC\x99") == "pnr.not_digits");  // "１２８５５０１００７９", pasted from a PDF
  CHECK(key_of("12855010079; DROP") == "pnr.not_digits");
  CHECK(key_of("1234x") == "pnr.not_digits");
  CHECK(key_of("1234") == "pnr.length");  // digits only: then the count is the reason
  CHECK(key_of("239239 01213 4") == "pnr.length");
}

TEST_CASE("H-nummer: month + 40 (also NAV's synthetic numbers)") {
  auto p = PersonalNumber::parse(make("034560123"));
  CHECK(p.kind() == PersonalNumberKind::h_nummer);
  CHECK_FALSE(p.synthetic());
  CHECK(format_date(p.birth_date()) == "1960-05-03");
}

TEST_CASE("each kind of invalid number is refused with its reason and exit 65") {
  CHECK(code_of("1234") == ExitCode::data);
  CHECK(key_of("1234") == "pnr.length");
  CHECK(key_of("123456789012") == "pnr.length");
  CHECK(key_of("2392390121x") == "pnr.not_digits");
  CHECK(key_of("23923901214", kSynthetic) == "pnr.control_digits");
  // 31 February (synthetic month 82).
  CHECK(key_of(make("318290123"), kSynthetic) == "pnr.bad_date");
  // Month 13.
  CHECK(key_of(make("011390123"), kSynthetic) == "pnr.bad_date");
  // Month 93 (synthetic 13).
  CHECK(key_of(make("019390123"), kSynthetic) == "pnr.bad_date");
  // 29 February in a leap year is fine, in another year not.
  CHECK(code_of(make("298284002"), kSynthetic) == ExitCode::ok);
  CHECK(key_of(make("298283001"), kSynthetic) == "pnr.bad_date");
}

TEST_CASE("the 2032 rule: a first control digit from 12, 13 or 14 is accepted, the century must be given") {
  for (int remainder = 1; remainder <= 3; ++remainder) {
    std::string n = make_2032("158832512", remainder);
    if (n.empty()) continue;  // no second control digit exists for this one
    INFO(n);
    CHECK(key_of(n, kSynthetic) == "pnr.century_unknown");
    PersonalNumberOptions with_year{true, 2032};
    auto p = PersonalNumber::parse(n, with_year);
    CHECK(p.new_control_rule());
    CHECK(format_date(p.birth_date()) == "2032-08-15");
    PersonalNumberOptions wrong_year{true, 1931};
    CHECK(key_of(n, wrong_year) == "pnr.birth_year_mismatch");
  }
  // Remainder 4 is valid under no rule.
  std::string bad = make_2032("158832512", 4);
  if (!bad.empty()) CHECK(key_of(bad, kSynthetic) == "pnr.control_digits");
}

TEST_CASE("masked form hides the individual number") {
  CHECK(PersonalNumber::parse("23923901213", kSynthetic).masked() == "239239*****");
}

TEST_CASE("a personal number's kind maps to its stored text and back", "[domain][personal_number]") {
  for (auto k : {PersonalNumberKind::fodselsnummer, PersonalNumberKind::d_nummer, PersonalNumberKind::h_nummer}) {
    CHECK(personal_number_kind_from(to_stored(k)) == k);
    CHECK(kind_name(k) == to_stored(k));
  }
  CHECK(to_stored(PersonalNumberKind::d_nummer) == "d_nummer");
  CHECK_FALSE(personal_number_kind_from("fnr"));
}
