#include <oppteam/views/team_review_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/table.hpp>

#include <fmt/format.h>

namespace oppteam {

namespace {

std::string answer_text(Lang lang, const ReviewItem& item, const TeamReview& r) {
  const auto it = r.answers.find(item.id);
  if (it == r.answers.end()) return "-";
  if (item.scale) return std::to_string(it->second);
  return tr(lang, it->second ? "meeting.view.yes" : "meeting.view.no");
}

}  // namespace

std::string render_team_reviews(const Rammeverk& rv, const std::vector<TeamReview>& reviews, Lang lang,
                                const TerminalStyle& style) {
  std::vector<std::string> headers{tr(lang, "review.col.item")};
  for (const auto& r : reviews) headers.push_back(long_date(r.date, lang));
  Table t(std::move(headers));
  for (const auto& item : rv.team_review_items) {
    std::vector<std::string> row{item.text_in(lang) + " (" + item.id + ", " +
                                 (item.scale ? fmt::format("{}-{}", item.scale->first, item.scale->second)
                                             : tr(lang, "review.yes_no")) + ")"};
    for (const auto& r : reviews) row.push_back(answer_text(lang, item, r));
    t.add(std::move(row));
  }
  std::string out = reviews.empty() ? tr(lang, "review.none") + "\n\n" : "";
  return out + t.render(style);
}

}  // namespace oppteam
