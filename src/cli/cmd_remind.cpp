// oppteam remind [--within DAYS] [--for NAME]: due and overdue follow-up work.

#include "cli/commands.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/reminders.hpp>

#include <fmt/format.h>

#include <map>

namespace oppteam::cli {

void setup_remind(CLI::App& app, Session& s) {
  struct Options {
    int within = 0;
    std::string for_name;
    bool print_sql = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("remind",
                                 "Due and overdue work: replies, decisions, teams, plans, evaluations, measures, consents. "
                                 "Prints nothing (exit 0) when nothing is due, so cron sends no mail");
  cmd->add_option("--within", o->within, "also what falls due within DAYS days (default 0: due today or overdue)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--for", o->for_name, "only the items this coordinator (or the unit) is responsible for");
  cmd->add_flag("--print-sql", o->print_sql, "print the query remind runs, with its parameters, for sqlite3; run nothing");
  examples(cmd, {"oppteam --db k.db remind --within 14", "oppteam --db k.db remind --for \"Ane Lie\" --json",
                 "oppteam --db k.db remind --print-sql | sqlite3 k.db"});
  cmd->callback([&s, o] {
    s.authorize("remind");
    auto& ctx = s.ctx();
    ReminderQuery q;
    q.within = o->within;
    if (!o->for_name.empty()) q.for_name = o->for_name;
    if (o->print_sql) {
      s.out() << remind_sql(ctx, q);
      return;
    }
    const auto items = remind(ctx, q);
    if (s.json()) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& r : items) arr.push_back(to_json(r));
      s.emit({{"items", arr}}, "");  // nothing due: {"items": []}
      return;
    }
    if (items.empty()) return;  // nothing due: silence, so cron sends no mail
    std::map<std::string, std::string> kind_label;  // looked up once per kind, not per item
    for (auto kind : kReminderKinds) kind_label[std::string(kind)] = s.text("remind.kind." + std::string(kind));
    std::map<std::string, std::string> due_label;  // long dates, formatted once per date
    Table t({s.text("remind.col.due"), s.text("remind.col.case"), s.text("remind.col.what"), s.text("remind.col.responsible"),
             s.text("remind.col.note")});
    for (const auto& r : items) {
      std::string note;
      if (r.measure) note = s.text("remind.note.measure", *r.measure, r.measure_responsible);
      else if (!r.scope.empty()) note = s.text("remind.note.scope", r.scope);
      std::string when;
      if (r.days_overdue == 1) when = s.text("remind.note.overdue_one");
      else if (r.days_overdue > 0) when = s.text("remind.note.overdue", r.days_overdue);
      else if (r.days_overdue == 0) when = s.text("remind.note.today");
      else if (r.days_overdue == -1) when = s.text("remind.note.tomorrow");
      else when = s.text("remind.note.in_days", -r.days_overdue);
      note = note.empty() ? when : note + "; " + when;
      auto [label, fresh] = due_label.try_emplace(r.due);
      if (fresh) label->second = long_date(r.due, ctx.lang);
      t.add({label->second, r.case_number, kind_label[r.kind], r.responsible, note});
      // Overdue work is marked "!", work due today or within --within "*".
      t.mark(0, r.days_overdue > 0 ? Mark::overdue : Mark::warning);
    }
    std::string text = t.render();
    if (t.has_marks()) text += mark_legend(ctx.lang) + "\n";
    s.emit(nullptr, text);  // (text only: --json returned above)
  });
}

}  // namespace oppteam::cli
