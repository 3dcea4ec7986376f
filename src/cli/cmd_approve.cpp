// oppteam approve CASE --what plan|assessment|closing [--reject --reason TEXT] (issue 15).

#include "cli/commands.hpp"

#include <oppteam/process/access.hpp>
#include <oppteam/process/approval.hpp>
#include <oppteam/views/approval_view.hpp>

namespace oppteam::cli {

void setup_approve(CLI::App& app, Session& s) {
  struct Options {
    std::string case_number, what, reason;
    bool reject = false;
  };
  auto [cmd, o] = add_case_subcommand<Options>(
      &app, "approve",
      "A leader approves (or rejects) a pending plan revision or assessment, where [approvals] asks for it");
  cmd->add_option("--what", o->what, "plan, assessment or closing")->required()->check(CLI::IsMember({"plan", "assessment", "closing"}));
  cmd->add_flag("--reject", o->reject, "reject it (the team must change it again); needs --reason");
  cmd->add_option("--reason", o->reason, "why (required with --reject)");
  examples(cmd, {"oppteam --db k.db --as leder approve 2026/1 --what plan",
                 "oppteam --db k.db --as leder approve 2026/1 --what assessment --reject --reason \"Mangler pårørendes syn\""});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();
    const Approval a = decide_approval(ctx, o->case_number, o->what, o->reject, o->reason);
    nlohmann::json doc = to_json(a);
    doc["case"] = case_label(o->case_number);
    s.emit(doc, render_approval_decided(case_label(o->case_number), a, o->reject, s.lang()));
  });
}

}  // namespace oppteam::cli
