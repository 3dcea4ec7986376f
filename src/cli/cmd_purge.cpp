// oppteam purge --closed-before DATE [--dry-run]

#include "cli/commands.hpp"

#include <oppteam/process/purge.hpp>
#include <oppteam/util/dates.hpp>

namespace oppteam::cli {

void setup_purge(CLI::App& app, Session& s) {
  struct Options {
    std::string before;
    bool dry_run = false;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("purge", "Delete closed cases (retention); the audit log is kept and stays verifiable");
  cmd->add_option("--closed-before", o->before, "delete cases closed before this date, YYYY-MM-DD")->required();
  cmd->add_flag("--dry-run", o->dry_run, "only list what would be deleted");
  cmd->add_flag("--force", o->force, "also delete cases not yet archived (archive export)");
  examples(cmd, {"oppteam --db k.db purge --closed-before 2016-01-01 --dry-run",
                 "oppteam --db k.db purge --closed-before 2016-01-01"});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();
    const Date before = user_date(s, o->before, "--closed-before");
    auto r = purge_closed(ctx, before, o->dry_run, o->force);
    nlohmann::json doc = {{"dry_run", r.dry_run}, {"closed_before", r.closed_before}, {"cases", r.cases},
                          {"deleted", r.dry_run ? 0 : r.cases.size()}, {"persons_deleted", r.persons_deleted},
                          {"not_archived", r.not_archived}};
    std::string text = s.text(r.dry_run ? "purge.dry_run" : "purge.done", r.cases.size(), r.closed_before, r.persons_deleted) + "\n";
    for (const auto& c : r.cases) text += "  " + c + "\n";
    s.emit(doc, text);
  });
}

}  // namespace oppteam::cli
