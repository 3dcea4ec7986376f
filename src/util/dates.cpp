#include <oppteam/util/dates.hpp>

#include <oppteam/util/error.hpp>

#include <date/date.h>


namespace oppteam {

// Strict YYYY-MM-DD by hand, not date::parse: the import checks a date per
// row and the report reads millions, and stream parsing costs more than
// the rest of either. The one date parser of the code base.
std::optional<Date> try_parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f)
    for (int i = 0; i < len[f]; ++i) {
      const char c = text[std::size_t(start[f] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[f] = v[f] * 10 + (c - '0');
    }
  const date::year_month_day ymd{date::year{v[0]}, date::month{unsigned(v[1])}, date::day{unsigned(v[2])}};
  if (!ymd.ok()) return std::nullopt;
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
