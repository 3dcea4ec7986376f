#include <oppteam/i18n/numbers.hpp>

#include <fmt/format.h>

namespace oppteam {

std::string decimal(double value, Lang lang, DecimalStyle style) {
  std::string s = style.plus ? fmt::format("{:+.{}f}", value, style.places) : fmt::format("{:.{}f}", value, style.places);
  if (style.trim_zero && style.places > 0) {
    const std::string zeros = "." + std::string(std::size_t(style.places), '0');
    if (s.size() > zeros.size() && s.compare(s.size() - zeros.size(), zeros.size(), zeros) == 0) s.resize(s.size() - zeros.size());
  }
  if (lang != Lang::en) {
    const auto point = s.find('.');
    if (point != std::string::npos) s[point] = ',';
  }
  return s;
}

}  // namespace oppteam
