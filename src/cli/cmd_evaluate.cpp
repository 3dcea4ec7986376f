// oppteam evaluate CASE --goal N=SCORE ... --decision continue|revise|close

#include "cli/commands.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/evaluation.hpp>
#include <oppteam/util/dates.hpp>

#include <fmt/format.h>

namespace oppteam::cli {

void setup_evaluate(CLI::App& app, Session& s) {
  struct Options {
    std::string case_number, next;
    std::vector<std::string> goals, indicators;
    EvaluationInput in;  // the options fill it, but for goals, indicators and --next as typed
  };
  auto [cmd, o] = add_case_subcommand<Options>(
      &app, "evaluate",
      "Evaluate the plan with the person: goal attainment (GAS -2..+2), quality, indicators, decision");
  cmd->add_option("--goal", o->goals, "goal attainment N=SCORE on the GAS scale -2..+2 (repeat per goal)");
  cmd->add_option("--experienced-quality", o->in.quality,
                  "the person's experienced quality, 1 (poor) to 5 (very good)");
  cmd->add_option("--indicator", o->indicators, "a rammeverk indicator ID=VALUE (repeat)");
  cmd->add_option("--comment", o->in.comment, "a comment");
  cmd->add_option("--decision", o->in.decision,
                  "continue | revise (the plan is reopened) | close (team and case are closed)")
      ->required()
      ->check(CLI::IsMember({"continue", "revise", "close"}));
  cmd->add_option("--reason", o->in.reason, "why the team is closed (required with --decision close)");
  cmd->add_option("--next", o->next, "next evaluation date (default: today + deadlines.evaluation_interval)");
  examples(cmd, {"oppteam --db k.db evaluate 2026/1 --goal 1=+1 --experienced-quality 4 --indicator sykehusinnleggelser=0 --decision continue",
                 "oppteam --db k.db evaluate 2026/1 --goal 1=2 --decision close --reason \"Målene er nådd\""});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();
    EvaluationInput& in = o->in;
    for (const auto& g : o->goals) add_goal_score(in, g);
    for (const auto& i : o->indicators) add_indicator_value(in, i);
    in.next = user_date_if_given(s, o->next, "--next");
    const Evaluation e = evaluate(ctx, o->case_number, in);
    std::string text;
    if (e.decision == EvaluationDecision::close) text = s.text("evaluate.done_close", case_label(o->case_number));
    else if (e.decision == EvaluationDecision::revise) text = s.text("evaluate.done_revise", case_label(o->case_number), long_date(e.next_on, ctx.lang));
    else text = s.text("evaluate.done_continue", case_label(o->case_number), long_date(e.next_on, ctx.lang));
    s.emit(to_json(e), text);
  });
}

}  // namespace oppteam::cli
