#include <oppteam/util/dates.hpp>
#include <oppteam/util/user_date.hpp>

#include <oppteam/util/error.hpp>

#include <date/date.h>


namespace oppteam {

// Strict YYYY-MM-DD by hand, not date::parse: the import checks a date per
// row and the report reads millions, and stream parsing costs more than
// the rest of either. The one date parser of the code base (format_date
// below is its one writer).
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

namespace {

// D.M.YYYY or DD.MM.YYYY (the Norwegian way of writing a date).
std::optional<Date> try_parse_dotted(std::string_view text) {
  int v[3] = {0, 0, 0};
  int f = 0, digits = 0;
  for (char c : text) {
    if (c == '.') {
      if (digits == 0 || f == 2) return std::nullopt;
      ++f;
      digits = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    v[f] = v[f] * 10 + (c - '0');
    if (++digits > (f == 2 ? 4 : 2)) return std::nullopt;
  }
  if (f != 2 || digits != 4) return std::nullopt;
  const date::year_month_day ymd{date::year{v[2]}, date::month{unsigned(v[1])}, date::day{unsigned(v[0])}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days(ymd);
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// `text` without the spaces around it.
std::string_view without_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<Date> try_parse_written_date(std::string_view text) {
  text = without_spaces(text);
  if (auto d = try_parse_date(text)) return d;
  return try_parse_dotted(text);
}

Date parse_user_date(std::string_view typed, std::string_view what, Date today, DateHint hint) {
  // A date as written, else a relative one.
  const std::string_view text = without_spaces(typed);
  if (auto d = try_parse_written_date(text)) return *d;
  // A relative date counts from `today` and may not leave the calendar
  // at either end (a date before year 0000 would be stored unreadable).
  const auto ahead = [&](int days) {
    if (days >= (kLastDate - today).count() + 1) throw make_error(ExitCode::data, "date.beyond_calendar", what, typed);
    return today + std::chrono::days(days);
  };
  const auto back = [&](int days) {
    if (days >= (today - kFirstDate).count() + 1) throw make_error(ExitCode::data, "date.before_calendar", what, typed);
    return today - std::chrono::days(days);
  };
  const std::string word = lower_ascii(text);
  if (word == "i dag" || word == "idag") return today;
  if (word == "i morgen" || word == "i morgon" || word == "imorgen" || word == "imorgon") return ahead(1);
  // i går, the same in nb and nn (with å or Å: lower_ascii leaves them as they are).
  if (word == "i g\xC3\xA5r" || word == "ig\xC3\xA5r" || word == "i g\xC3\x85r" || word == "ig\xC3\x85r")
    return back(1);
  // +N or -N days from today; at most four digits (27 years), so no overflow.
  if (text.size() >= 2 && text.size() <= 5 && (text[0] == '+' || text[0] == '-') &&
      text.substr(1).find_first_not_of("0123456789") == std::string_view::npos) {
    int n = 0;
    for (char c : text.substr(1)) n = n * 10 + (c - '0');
    return text[0] == '-' ? back(n) : ahead(n);
  }
  throw make_error(ExitCode::data, hint == DateHint::past ? "date.bad_past_input" : "date.bad_input", what, typed);
}

// By hand, as try_parse_date reads: the import writes a birth date per
// row, and date::format's stream costs some 50 times as much. A year
// outside 0-9999 (never a person's) is left to date::format.
std::string format_date(Date d) {
  const date::year_month_day ymd{d};
  const int y = int(ymd.year());
  if (y < 0 || y > 9999) return date::format("%F", d);
  const unsigned m = unsigned(ymd.month()), day = unsigned(ymd.day());
  const char text[10] = {char('0' + y / 1000),     char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10),
                         '-',                      char('0' + m / 10),       char('0' + m % 10),      '-',
                         char('0' + day / 10),     char('0' + day % 10)};
  return std::string(text, sizeof text);
}

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

Date add_days(Date from, int days) {
  if (days > 0 && days >= (kLastDate - from).count()) return kLastDate;
  return from + std::chrono::days(days);
}

int years_between(Date birth, Date on) {
  const date::year_month_day b{birth}, o{on};
  int years = int(o.year()) - int(b.year());
  if (o.month() < b.month() || (o.month() == b.month() && o.day() < b.day())) --years;
  return years;
}

}  // namespace oppteam
