#include <oppteam/views/check_view.hpp>

#include <fmt/format.h>

namespace oppteam {

std::string check_detail(const CheckLine& line, Lang lang) { return render_message(lang, line.key, line.args); }

std::string render_check_report(const CheckReport& report, Lang lang) {
  std::string text;
  for (const auto& l : report.lines)
    text += fmt::format("{:<4}  {:<14}  {}\n", l.ok ? "ok" : "FAIL", tr(lang, "check.label." + l.name), check_detail(l, lang));
  return text;
}

}  // namespace oppteam
