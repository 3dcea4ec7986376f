#include <oppteam/views/report_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/numbers.hpp>
#include <oppteam/io/table.hpp>

#include <fmt/format.h>

namespace oppteam {

std::string report_text(const Report& r, Lang lang, const TerminalStyle& style) {
  std::string out = tr(lang, "report.heading_people", long_date(r.from, lang), long_date(r.to, lang), r.min_count) + "\n";
  const bool one = r.periods.size() == 1;
  for (const auto& t : r.tables) {
    out += "\n" + (t.title.empty() ? tr(lang, "report.table." + t.id) : t.title) + "\n";
    std::vector<std::string> headers{""};
    if (!one) headers.insert(headers.end(), r.periods.begin(), r.periods.end());
    headers.push_back(tr(lang, "report.total"));
    Table tab(headers);
    const auto& s = t.table;
    for (std::size_t i = 0; i <= t.row_ids.size(); ++i) {
      std::vector<std::string> row{i < t.row_ids.size() ? t.row_labels[i] : tr(lang, "report.total")};
      if (!one)
        for (std::size_t c = 0; c < r.periods.size(); ++c) row.push_back(s.display(i, c));
      row.push_back(s.display(i, s.cols()));
      tab.add(row);
    }
    out += tab.render(style);
  }
  out += "\n" + tr(lang, "report.table.lead_times") + "\n";
  Table lt({"", tr(lang, "report.n"), tr(lang, "report.median"), tr(lang, "report.p90")});
  for (const auto& l : r.lead_times) {
    lt.add({tr(lang, "report.lead." + l.id), l.suppressed ? report_hidden(l.n, r.min_count) : std::to_string(l.n),
            l.median ? decimal(*l.median, lang, {.places = 1, .trim_zero = true}) : "-", l.p90 ? std::to_string(*l.p90) : "-"});
  }
  out += lt.render(style);
  out += "\n" + tr(lang, "report.late", r.late.limit_days,
                   r.late.decisions_suppressed ? report_hidden(r.late.decisions, r.min_count) : std::to_string(r.late.decisions),
                   r.late.late_suppressed ? report_hidden(r.late.late_without_reply, r.min_count)
                                          : std::to_string(r.late.late_without_reply),
                   r.late.share ? decimal(*r.late.share * 100, lang, {.places = 1}) + " %" : "-") + "\n";
  out += tr(lang, "report.goal_attainment",
            r.goal_attainment.suppressed ? report_hidden(r.goal_attainment.cases, r.min_count) : std::to_string(r.goal_attainment.cases),
            r.goal_attainment.mean ? decimal(*r.goal_attainment.mean, lang, {.plus = true}) : "-") + "\n";
  out += "\n" + tr(lang, "report.table.indicators") + "\n";
  if (r.indicators.empty()) {
    out += tr(lang, "report.none") + "\n";
  } else {
    Table it({tr(lang, "report.quarter"), tr(lang, "report.indicator"), tr(lang, "report.cases"), tr(lang, "report.sum"), tr(lang, "report.mean")});
    for (const auto& iq : r.indicators) {
      it.add({iq.quarter, iq.label, iq.suppressed ? report_hidden(iq.cases, r.min_count) : std::to_string(iq.cases),
              iq.sum ? std::to_string(*iq.sum) : "-", iq.mean ? decimal(*iq.mean, lang) : "-"});
    }
    out += it.render(style);
  }
  if (!r.team_review_scales.empty()) {
    out += "\n" + tr(lang, "report.table.team_review_scales") + "\n";
    Table ts({tr(lang, "report.period"), tr(lang, "report.review_item"), tr(lang, "report.reviews"), tr(lang, "report.mean")});
    for (const auto& x : r.team_review_scales)
      ts.add({x.period, x.text, x.suppressed ? report_hidden(x.reviews, r.min_count) : std::to_string(x.reviews),
              x.mean ? decimal(*x.mean, lang) : "-"});
    out += ts.render(style);
  }
  return out;
}

}  // namespace oppteam
