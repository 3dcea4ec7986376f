#include <oppteam/util/dates.hpp>

#include <oppteam/util/error.hpp>

#include <date/date.h>

#include <sstream>

namespace oppteam {

std::optional<Date> try_parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  std::istringstream in{std::string(text)};
  date::year_month_day ymd{};
  in >> date::parse("%Y-%m-%d", ymd);
  if (in.fail() || !ymd.ok()) return std::nullopt;
  return date::sys_days(ymd);
}

Date parse_date(std::string_view text, std::string_view what) {
  if (auto d = try_parse_date(text)) return *d;
  throw make_error(ExitCode::data, "error.bad_date", what, text);
}

std::string format_date(Date d) { return date::format("%F", d); }

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

int years_between(Date birth, Date on) {
  const date::year_month_day b{birth}, o{on};
  int years = int(o.year()) - int(b.year());
  if (o.month() < b.month() || (o.month() == b.month() && o.day() < b.day())) --years;
  return years;
}

}  // namespace oppteam
