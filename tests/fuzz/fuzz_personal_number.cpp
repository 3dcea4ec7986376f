// PersonalNumber::parse on any bytes: it either yields a number whose
// promises hold or throws Error(data, exit 65), for every option set.
// Spaces and dots in the input are dropped (a pasted "239239 01213").

#include "fuzz_check.hpp"

#include <oppteam/domain/personal_number.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace oppteam;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64) return -1;  // the parser's interest ends long before this
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string digits_typed;
  for (char c : text)
    if (c != ' ' && c != '.') digits_typed += c;
  for (int variant = 0; variant < 4; ++variant) {
    PersonalNumberOptions o;
    o.allow_synthetic = (variant & 1) != 0;
    if (variant & 2) o.birth_year = 1900 + int(size * 7 % 200);
    fuzz::expect_only(ExitCode::data, [&] {
      PersonalNumber p = PersonalNumber::parse(text, o);
      fuzz::require(p.str() == digits_typed, "str() is the input without spaces and dots");
      fuzz::require(p.str().size() == 11, "11 digits");
      for (char c : p.str()) fuzz::require(c >= '0' && c <= '9', "digits only");
      fuzz::require(o.allow_synthetic || !p.synthetic(), "synthetic only when allowed");
      fuzz::require(p.masked().substr(0, 6) == p.str().substr(0, 6) && p.masked().find_first_of("0123456789", 6) ==
                        std::string::npos,
                    "masked() shows the birth date part only");
      const Date born = p.birth_date();
      (void)p.age_on(born);
      // Parsing the same number again gives the same number.
      fuzz::require(PersonalNumber::parse(p.str(), o) == p, "parse is stable");
    });
  }
  return 0;
}
