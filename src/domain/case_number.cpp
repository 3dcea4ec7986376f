#include <oppteam/domain/case_number.hpp>

#include <oppteam/util/error.hpp>

#include <charconv>

namespace oppteam {

CaseNumber CaseNumber::parse(std::string_view text) {
  const auto slash = text.find('/');
  auto bad = [&] { return make_error(ExitCode::data, "case.bad_number", text); };
  if (slash != 4 || text.size() < 6 || text.size() > 14) throw bad();
  int year = 0, seq = 0;
  auto [p1, e1] = std::from_chars(text.data(), text.data() + 4, year);
  auto [p2, e2] = std::from_chars(text.data() + 5, text.data() + text.size(), seq);
  if (e1 != std::errc{} || p1 != text.data() + 4 || e2 != std::errc{} || p2 != text.data() + text.size()) throw bad();
  if (year < kFirstYear || seq < 1 || text[5] == '0') throw bad();
  return CaseNumber(year, seq);
}

}  // namespace oppteam
