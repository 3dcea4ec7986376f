#include <oppteam/domain/personal_number.hpp>

#include <oppteam/util/dates.hpp>
#include <oppteam/util/error.hpp>

#include <array>
#include <chrono>

namespace oppteam {

namespace {

constexpr std::array<int, 9> kWeights1{3, 7, 6, 1, 8, 9, 4, 5, 2};
constexpr std::array<int, 10> kWeights2{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

int digit(std::string_view s, std::size_t i) { return s[i] - '0'; }

int weighted_sum(std::string_view s, const int* weights, std::size_t n) {
  int sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += digit(s, i) * weights[i];
  return sum;
}

// Century from the individual number (digits 7-9) under the rules in force
// before 2032; nullopt where the combination gives none.
std::optional<int> century_of(int individual, int yy) {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (individual >= 500 && yy <= 39) return 2000;
  if (individual >= 900 && yy >= 40) return 1900;
  return std::nullopt;
}

}  // namespace

std::string_view kind_name(PersonalNumberKind kind) { return to_stored(kind); }

std::optional<std::string> control_digits(std::string_view nine) {
  int k1 = (11 - weighted_sum(nine, kWeights1.data(), 9) % 11) % 11;
  if (k1 == 10) return std::nullopt;
  std::string ten = std::string(nine) + char('0' + k1);
  int k2 = (11 - weighted_sum(ten, kWeights2.data(), 10) % 11) % 11;
  if (k2 == 10) return std::nullopt;
  return std::string{char('0' + k1), char('0' + k2)};
}

PersonalNumber PersonalNumber::parse(std::string_view typed, const PersonalNumberOptions& options) {
  const std::string shown(typed);
  // A number pasted as "239239 01213" or "239239.01213": spaces and dots
  // are dropped (copied only when there are any, so an import pays nothing).
  std::string kept;
  std::string_view text = typed;
  if (typed.find_first_of(" .") != std::string_view::npos) {
    for (char c : typed)
      if (c != ' ' && c != '.') kept += c;
    text = kept;
  }
  // Other characters first: the length of a text that holds them (bytes of
  // fullwidth digits pasted from a PDF, "; DROP") says nothing.
  for (char c : text)
    if (c < '0' || c > '9') throw make_error(ExitCode::data, "pnr.not_digits", shown);
  if (text.size() != 11) throw make_error(ExitCode::data, "pnr.length", shown, text.size());

  // Second control digit: unchanged by the 2032 rule, weighted sum mod 11 == 0.
  // Either digit wrong is one mistake to the user: the number is mistyped.
  if ((weighted_sum(text, kWeights2.data(), 10) + digit(text, 10)) % 11 != 0)
    throw make_error(ExitCode::data, "pnr.control_digits", shown);
  // First control digit: remainder 0 under the old rule (sum computed from
  // 11); from 2032 also 1, 2 or 3 (computed from 12, 13 or 14).
  const int rem1 = (weighted_sum(text, kWeights1.data(), 9) + digit(text, 9)) % 11;
  if (rem1 > 3) throw make_error(ExitCode::data, "pnr.control_digits", shown);

  PersonalNumber p;
  p.digits_ = std::string(text);
  p.new_rule_ = rem1 != 0;

  int day = digit(text, 0) * 10 + digit(text, 1);
  int month = digit(text, 2) * 10 + digit(text, 3);
  const int yy = digit(text, 4) * 10 + digit(text, 5);
  const int individual = digit(text, 6) * 100 + digit(text, 7) * 10 + digit(text, 8);

  if (day > 40) {
    p.kind_ = PersonalNumberKind::d_nummer;
    day -= 40;
  }
  if (month > 80) {
    p.synthetic_ = true;
    month -= 80;
  } else if (month > 40) {
    if (p.kind_ == PersonalNumberKind::d_nummer) throw make_error(ExitCode::data, "pnr.bad_date", shown);
    p.kind_ = PersonalNumberKind::h_nummer;
    month -= 40;
  }
  if (p.synthetic_ && !options.allow_synthetic) throw make_error(ExitCode::data, "pnr.synthetic_not_allowed", shown);

  std::optional<int> year;
  if (options.birth_year) {
    if (*options.birth_year % 100 != yy) throw make_error(ExitCode::data, "pnr.birth_year_mismatch", shown, *options.birth_year);
    year = *options.birth_year;
  } else if (!p.new_rule_) {
    if (auto c = century_of(individual, yy)) year = *c + yy;
  }
  if (!year) throw make_error(ExitCode::data, "pnr.century_unknown", shown);

  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{*year}, std::chrono::month{unsigned(month)}, std::chrono::day{unsigned(day)}};
  if (month < 1 || month > 12 || day < 1 || !ymd.ok()) throw make_error(ExitCode::data, "pnr.bad_date", shown);
  p.birth_date_ = sys_days{ymd};
  return p;
}

int PersonalNumber::age_on(Date day) const { return years_between(birth_date_, day); }

std::string PersonalNumber::masked() const { return digits_.substr(0, 6) + "*****"; }

}  // namespace oppteam
