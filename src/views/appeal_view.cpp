#include <oppteam/views/appeal_view.hpp>

#include <oppteam/i18n/dates.hpp>

namespace oppteam {

std::string render_appeal_state(const Appeal& a, Lang lang) {
  std::string text = tr(lang, "appeal.status." + std::string(to_stored(a.status)), a.case_number, long_date(a.status_on, lang));
  if (a.late) text += "\n" + tr(lang, "appeal.late_from_letter", long_date(a.deadline, lang));
  if (!a.due.empty()) text += "\n" + tr(lang, "appeal.due", long_date(a.due, lang));
  return text;
}

}  // namespace oppteam
