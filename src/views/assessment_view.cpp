#include <oppteam/views/assessment_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

std::string render_assessment(const Rammeverk& rv, const Instrument& instrument, const AssessmentResult& r, Lang lang,
                              const TerminalStyle& style) {
  const Assessment& a = r.assessment;
  const Scoring& sc = r.scoring;
  Table table({tr(lang, "assess.col_domain"), tr(lang, "assess.col_score"), tr(lang, "assess.col_max")});
  for (const auto& d : sc.domains) table.add({domain_label(rv, d.domain, lang), std::to_string(d.score), std::to_string(d.max)});
  std::string text = tr(lang, "assess.header", a.id, a.case_number, instrument.name_in(lang), a.instrument_version) + "\n";
  text += tr(lang, "assess.by", a.assessor, a.profession, long_date(a.assessed_on, lang)) + "\n\n";
  text += table.render(style);
  text += "\n" + tr(lang, "assess.total", a.score, sc.max, a.threshold) + "\n";
  const bool team = recommendation_from(a.recommendation) == Recommendation::team;
  text += tr(lang, team ? "assess.recommend_team" : "assess.recommend_no_team") + "\n";
  if (!a.unanswered.empty()) text += tr(lang, "assess.partial_list", a.unanswered.size(), join(a.unanswered)) + "\n";
  if (!a.what_matters.empty()) {
    text += "\n" + tr(lang, "assess.what_matters_header") + "\n";
    for (const auto& w : a.what_matters) text += "  - " + w + "\n";
  }
  text += "\n" + tr(lang, "assess.professions", join(r.professions)) + "\n";
  return text;
}

}  // namespace oppteam
