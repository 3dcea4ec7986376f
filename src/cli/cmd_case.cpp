// oppteam case show CASE | case list [filters]   ("case export" is added by setup_case_export)

#include "cli/commands.hpp"

#include <oppteam/io/terminal.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/case_view.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/views/case_view.hpp>

namespace oppteam::cli {

namespace {
struct ListOptions {
  std::string status, reporter_type, from, to;
  bool overdue = false;
  std::size_t limit = 0;
  std::string owner;
  bool mine = false, unassigned = false;
  std::string name;
  bool all = false;
};

// A list for people shows this many rows unless --limit or --all says
// otherwise, and says how many it left out; --json lists everything.
constexpr std::size_t kDefaultListLimit = 50;
}  // namespace

void setup_case(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "case", "Show, list and export cases",
                                {"oppteam --db k.db case show 2026/1", "oppteam --db k.db case list --overdue"});

  add_case_command(cmd, "show",
                   "Everything about a case: person, referrals, consents, assessments, decision, "
                   "team, plan and evaluations (an audited read)",
                   {"oppteam --db k.db case show 2026/1", "oppteam --db k.db case show 2026/1 --json"},
                   [&s](const std::string& number) {
                     const auto doc = show_case(s.ctx(), number);
                     s.emit(doc, s.json() ? "" : render_case(doc, s.lang(), s.style()));
                   });

  auto o = std::make_shared<ListOptions>();
  auto* list = cmd->add_subcommand("list", "List cases, filtered by status, reporter type, received date or overdue");
  list->add_option("--status", o->status, "received, granted, refused, active or closed");
  list->add_option("--reporter-type", o->reporter_type, "cases with a referral from this reporter type");
  list->add_option("--received-from", o->from, "first referral received on or after, YYYY-MM-DD");
  list->add_option("--received-to", o->to, "first referral received on or before, YYYY-MM-DD");
  list->add_flag("--overdue", o->overdue, "only undecided cases past the preliminary-reply or decision deadline");
  auto* limit_opt = list->add_option("--limit", o->limit, "at most this many cases (default 50 on screen; --json: all)");
  list->add_flag("--all", o->all, "every case, however many")->excludes(limit_opt);
  list->add_option("--name", o->name, "cases of people whose name contains TEXT (any case; an audited read of each)");
  auto* owner_opt = list->add_option("--owner", o->owner, "only the cases this user owns (case assign)");
  auto* mine_opt = list->add_flag("--mine", o->mine, "only the cases the acting user owns");
  auto* unassigned_opt = list->add_flag("--unassigned", o->unassigned, "only the cases nobody owns");
  owner_opt->excludes(mine_opt)->excludes(unassigned_opt);
  mine_opt->excludes(unassigned_opt);
  examples(list, {"oppteam --db k.db case list --status received --overdue",
                  "oppteam --db k.db case list --reporter-type fastlege --received-from 2026-01-01 --json"});
  list->callback([&s, o] {
    CaseFilter f;
    if (!o->status.empty()) {  // an id by now (bind_choices)
      f.status = case_status_from(o->status);
      if (!f.status) throw make_error(ExitCode::usage, "case.bad_status", o->status);
    }
    f.reporter_type = o->reporter_type;
    f.received_from = user_date_if_given(s, o->from, "--received-from");
    f.received_to = user_date_if_given(s, o->to, "--received-to");
    f.overdue = o->overdue;
    f.limit = o->all ? 0 : o->limit ? o->limit : s.json() ? 0 : kDefaultListLimit;
    require_text(o->name, "--name", TextField::line);
    f.name = o->name;
    f.owner = o->mine ? s.ctx().actor : o->owner;
    f.unassigned = o->unassigned;
    const auto doc = list_cases(s.ctx(), f);
    s.emit(doc, s.json() ? "" : render_case_list(doc, s.lang(), s.style()));
  });
}

}  // namespace oppteam::cli
