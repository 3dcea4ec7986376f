// oppteam case close | reopen   (issue 14: every path a case takes)

#include "cli/commands.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/closing.hpp>
#include <oppteam/process/owner.hpp>
#include <oppteam/process/target_group.hpp>

namespace oppteam::cli {

namespace {

struct CloseOptions {
  std::string case_number, reason, note, to_municipality;
};

struct ReopenOptions {
  std::string case_number, reason;
};

struct AssignOptions {
  std::string case_number, to;
};

struct TargetGroupOptions {
  std::string case_number, target_group;
};

}  // namespace

void setup_case_paths(CLI::App& case_cmd, Session& s) {
  auto [close, c] = add_case_subcommand<CloseOptions>(
      &case_cmd, "close",
      "Close a case at any stage with a reason of the rammeverk ([[closing_reason]]); ends every reminder, "
      "closes an open team and plan");
  close->add_option("--reason", c->reason, "a closing reason of the rammeverk (id or label): declines, withdrawn, "
                                          "no_need, moved, died, transferred, team_ended by default")
      ->required();
  close->add_option("--note", c->note, "a note on the closing");
  close->add_option("--to-municipality", c->to_municipality, "where the person moved (for a reason such as moved)");
  examples(close, {"oppteam --db k.db case close 2026/1 --reason declines --note \"Ønsker ikke oppfølging\"",
                   "oppteam --db k.db case close 2026/2 --reason moved --to-municipality Bergen"});
  close->callback([&s, c] {
    Context& ctx = s.ctx();
    const CaseClosed r = close_case(ctx, c->case_number, {c->reason, c->note, c->to_municipality});
    // The reason by its label (the rammeverk's words; its id in English), not its id.
    const ClosingReason* reason = ctx.rv.find_closing_reason(r.reason);
    const std::string reason_text = reason ? reason->in_text(s.lang()) : r.reason;
    const std::string stage(to_stored(r.stage));
    std::string text = s.text("closing.closed", r.case_number, reason_text, s.text("case.status." + stage));
    if (r.team_closed) text += "\n" + s.text("closing.team_closed");
    if (r.pending_approval) text += "\n" + s.text("closing.pending_approval", r.case_number);
    s.emit({{"case", r.case_number}, {"status", std::string(to_stored(CaseStatus::closed))}, {"reason", r.reason}, {"stage", stage},
            {"closed_on", r.closed_on},
            {"team_closed", r.team_closed}, {"plan_closed", r.plan_closed}, {"pending_approval", r.pending_approval}},
           text);
  });

  auto [reopen, o] = add_case_subcommand<ReopenOptions>(
      &case_cmd, "reopen",
      "Reopen a case closed by case close, within [deadlines] reopen_within_days; its team and plan come back");
  reopen->add_option("--reason", o->reason, "why the case is reopened")->required();
  examples(reopen, {"oppteam --db k.db case reopen 2026/2 --reason \"Flyttet tilbake\""});
  reopen->callback([&s, o] {
    Context& ctx = s.ctx();
    const CaseReopened r = reopen_case(ctx, o->case_number, o->reason);
    const std::string status(to_stored(r.status));
    std::string text = s.text("closing.reopened", r.case_number, s.text("case.status." + status));
    if (r.team_paused) text += "\n" + s.text("closing.team_paused_consent");
    s.emit({{"case", r.case_number}, {"status", status}, {"team_reopened", r.team_reopened}, {"team_paused", r.team_paused},
            {"plan_reopened", r.plan_reopened}},
           text);
  });

  auto [assign, a] = add_case_subcommand<AssignOptions>(
      &case_cmd, "assign",
      "Make a saksbehandler the case's owner: responsible until the team has a koordinator, and after; "
      "reminders without a koordinator go to the owner");
  assign->add_option("--to", a->to, "the user who owns the case (under enforce, one of [[access.user]])")->required();
  examples(assign, {"oppteam --db k.db case assign 2026/1 --to kari", "oppteam --db k.db case list --mine"});
  assign->callback([&s, a] {
    Context& ctx = s.ctx();
    const CaseAssigned r = assign_case(ctx, a->case_number, a->to);
    s.emit({{"case", r.case_number}, {"owner", r.owner},
            {"previous", r.previous.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.previous)}},
           s.text("owner.assigned", r.case_number, r.owner));
  });

  auto [group, g] = add_case_subcommand<TargetGroupOptions>(&case_cmd, "target-group",
                                                            "Set or change the case's target group (målgruppe); "
                                                            "every value set is kept in the case's history");
  group->add_option("TARGET_GROUP", g->target_group, "a [[target_group]] of the rammeverk (id or label)")->required();
  examples(group, {"oppteam --db k.db case target-group 2026/1 skrope_eldre"});
  group->callback([&s, g] {
    Context& ctx = s.ctx();
    const TargetGroupSet r = set_target_group(ctx, g->case_number, g->target_group, "case");
    s.emit({{"case", r.case_number}, {"target_group", r.target_group},
            {"previous", r.previous.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.previous)}},
           s.text("target_group.set", r.case_number, r.target_group));
  });
}

}  // namespace oppteam::cli
