// oppteam team review CASE [--answer ITEM=VALUE]...: the team reviews itself (issue 15).

#include "cli/commands.hpp"

#include <oppteam/io/table.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/team_review.hpp>
#include <oppteam/views/team_review_view.hpp>


namespace oppteam::cli {

void setup_team_review(CLI::App& team_cmd, Session& s) {
  struct Options {
    std::string case_number;
    std::vector<std::string> answers;
  };
  auto [cmd, o] = add_case_subcommand<Options>(
      &team_cmd, "review",
      "The team reviews itself: answer every [[team_review.item]]; without --answer, show the items and past reviews");
  cmd->add_option("--answer", o->answers, "ITEM=VALUE: ja|nei for a yes/no item, a number for a scale item (repeat)")
      ->allow_extra_args(false);
  examples(cmd, {"oppteam --db k.db team review 2026/1",
                 "oppteam --db k.db team review 2026/1 --answer roller_avklart=ja --answer medlemmer_informert=ja "
                 "--answer koordinator_tid_myndighet=nei --answer brukers_opplevelse=4 --answer parorendes_opplevelse=3"});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();
    if (o->answers.empty()) {
      const auto reviews = list_team_reviews(ctx, o->case_number);
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& r : reviews) arr.push_back(to_json(ctx.rv, r));
      nlohmann::json items = nlohmann::json::array();
      for (const auto& i : ctx.rv.team_review_items)
        items.push_back({{"id", i.id}, {"text", i.text_in(s.lang())},
                         {"scale", i.scale ? nlohmann::json::array({i.scale->first, i.scale->second}) : nlohmann::json()}});
      s.emit({{"case", case_label(o->case_number)}, {"items", items}, {"reviews", arr}}, render_team_reviews(ctx.rv, reviews, s.lang(), s.style()));
      return;
    }
    const TeamReview r = add_team_review(ctx, o->case_number, o->answers);
    s.emit({{"case", case_label(o->case_number)}, {"review", to_json(ctx.rv, r)}}, s.text("review.recorded", case_label(o->case_number)));
  });
}

}  // namespace oppteam::cli
