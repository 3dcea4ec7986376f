#include <oppteam/i18n/dates.hpp>

#include <oppteam/util/dates.hpp>

#include <array>
#include <chrono>

namespace oppteam {

std::string long_date(Date d, Lang lang) {
  static constexpr std::array<const char*, 12> nb{"januar", "februar", "mars", "april", "mai", "juni",
                                                  "juli", "august", "september", "oktober", "november", "desember"};
  static constexpr std::array<const char*, 12> en{"January", "February", "March", "April", "May", "June",
                                                  "July", "August", "September", "October", "November", "December"};
  const std::chrono::year_month_day ymd{d};
  const unsigned m = unsigned(ymd.month()) - 1;
  const unsigned day = unsigned(ymd.day());
  const int year = int(ymd.year());
  if (lang == Lang::en) return std::to_string(day) + " " + en[m] + " " + std::to_string(year);
  return std::to_string(day) + ". " + nb[m] + " " + std::to_string(year);  // nn months are the same
}

std::string long_date(const std::string& iso, Lang lang) {
  if (auto d = try_parse_date(iso)) return long_date(*d, lang);
  return iso;
}

}  // namespace oppteam
