// oppteam plan goal-status CASE GOAL reached|partly|dropped|active [--note TEXT]   (issue 14)

#include "cli/commands.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/plan.hpp>

namespace oppteam::cli {

namespace {
struct GoalStatusOptions {
  std::string case_number, status, note;
  int goal = 0;
};
}  // namespace

void setup_plan_goals(CLI::App& plan_cmd, Session& s) {
  auto [cmd, o] =
      add_case_subcommand<GoalStatusOptions>(&plan_cmd, "goal-status",
                                             "Mark a goal reached, partly reached, dropped, or active again; "
                                             "the history is kept, plan show and the document give it");
  cmd->add_option("GOAL", o->goal, "the goal's number")->required();
  cmd->add_option("STATUS", o->status, "reached, partly, dropped or active")
      ->required()
      ->check(CLI::IsMember({"reached", "partly", "dropped", "active"}));
  cmd->add_option("--note", o->note, "a note on the goal's state");
  examples(cmd, {"oppteam --db k.db plan goal-status 2026/1 1 reached --note \"Trygg heime med nattpatrulje\"",
                 "oppteam --db k.db plan goal-status 2026/1 2 partly"});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();
    const Goal g = set_goal_status(ctx, o->case_number, o->goal, o->status, o->note);
    nlohmann::json doc = {{"case", case_label(o->case_number)}, {"goal", g.number}, {"status", std::string(to_stored(g.status))}};
    if (!g.status_note.empty()) doc["note"] = g.status_note;
    s.emit(doc, s.text("goal_status.set", g.number, case_label(o->case_number), s.text("case.goal_status." + std::string(to_stored(g.status)))));
  });
}

}  // namespace oppteam::cli
