// oppteam remind [--within DAYS] [--for NAME]: due and overdue follow-up work.

#include "cli/commands.hpp"

#include <oppteam/process/reminders.hpp>
#include <oppteam/views/remind_view.hpp>

namespace oppteam::cli {

void setup_remind(CLI::App& app, Session& s) {
  struct Options {
    int within = 0;
    std::string for_name;
    bool print_sql = false;
    bool by_person = false;
    bool escalated = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("remind",
                                 "Due and overdue work: replies, decisions, teams, plans, evaluations, measures, consents. "
                                 "Prints nothing (exit 0) when nothing is due, so cron sends no mail");
  // The range is remind's rule (remind.within_range, src/process/reminders.cpp), not checked again here.
  cmd->add_option("--within", o->within, "also what falls due within DAYS days, 0 to 3660 (default 0: due today or overdue)");
  cmd->add_option("--for", o->for_name,
                  "only the items NAME is responsible for or carries (a measure, an action); a leader of [[access.user]] "
                  "also gets escalated items and pending approvals");
  cmd->add_flag("--by-person", o->by_person,
                "group the items by who must act (a measure's or action's responsible, else the coordinator), "
                "with their e-mail address");
  cmd->add_flag("--escalated", o->escalated,
                "only the items overdue more than [escalation] after_days, and pending approvals (for the unit's leaders)");
  cmd->add_flag("--print-sql", o->print_sql, "print the query remind runs, with its parameters, for sqlite3; run nothing");
  examples(cmd, {"oppteam --db k.db remind --within 14", "oppteam --db k.db remind --for \"Ane Lie\" --json",
                 "oppteam --db k.db remind --by-person --within 7",
                 "oppteam --db k.db remind --print-sql | sqlite3 k.db"});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();
    ReminderQuery q;
    q.within = o->within;
    if (!o->for_name.empty()) q.for_name = o->for_name;
    q.escalated_only = o->escalated;
    if (o->print_sql) {
      s.out() << remind_sql(ctx, q);
      return;
    }
    const auto items = remind(ctx, q);
    const auto people = o->by_person ? group_by_person(ctx, items) : std::vector<PersonReminders>{};
    if (s.json()) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& r : items) arr.push_back(to_json(r));
      nlohmann::json doc = {{"items", arr}};  // nothing due: {"items": []}
      if (o->by_person) {
        doc["people"] = nlohmann::json::array();
        for (const auto& p : people) doc["people"].push_back(to_json(p));
      }
      s.emit(doc, "");
      return;
    }
    if (items.empty()) return;  // nothing due: silence, so cron sends no mail
    const bool to_leaders = escalation(ctx).to_leaders;
    const std::string text = o->by_person ? remind_text(people, ctx.lang, s.style(), to_leaders)
                                          : remind_text(items, ctx.lang, s.style(), to_leaders);
    s.emit(nullptr, text);  // (text only: --json returned above)
  });
}

}  // namespace oppteam::cli
