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
    bool by_person = false;
    bool escalated = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("remind",
                                 "Due and overdue work: replies, decisions, teams, plans, evaluations, measures, consents. "
                                 "Prints nothing (exit 0) when nothing is due, so cron sends no mail");
  cmd->add_option("--within", o->within, "also what falls due within DAYS days (default 0: due today or overdue)")
      ->check(CLI::NonNegativeNumber);
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
    std::map<std::string, std::string> kind_label;  // looked up once per kind, not per item
    for (auto kind : kReminderKinds) kind_label[std::string(kind)] = s.text("remind.kind." + std::string(kind));
    kind_label["measure_due"] = s.text("remind.kind.measure_due");
    std::map<std::string, std::string> due_label;  // long dates, formatted once per date
    bool marks = false;
    auto render = [&](const std::vector<Reminder>& list) {
      Table t({s.text("remind.col.due"), s.text("remind.col.case"), s.text("remind.col.what"), s.text("remind.col.responsible"),
               s.text("remind.col.note")});
      for (const auto& r : list) {
        std::string note;
        if (r.kind == "approval") note = s.text("remind.note.approval", s.text("approve.what." + r.scope), r.ref.value_or(0));
        else if (r.measure) note = s.text("remind.note.measure", *r.measure, r.measure_responsible);
        else if (!r.scope.empty()) note = s.text("remind.note.scope", r.scope);
        else if (r.action) note = s.text("remind.note.action", *r.action, r.measure_responsible);
        else if (r.meeting) note = s.text("remind.note.meeting", *r.meeting);
        std::string when;
        if (r.days_overdue == 1) when = s.text("remind.note.overdue_one");
        else if (r.days_overdue > 0) when = s.text("remind.note.overdue", r.days_overdue);
        else if (r.days_overdue == 0) when = s.text("remind.note.today");
        else if (r.days_overdue == -1) when = s.text("remind.note.tomorrow");
        else when = s.text("remind.note.in_days", -r.days_overdue);
        note = note.empty() ? when : note + "; " + when;
        if (r.escalated) note += "; " + s.text("remind.note.escalated");
        auto [label, fresh] = due_label.try_emplace(r.due);
        if (fresh) label->second = long_date(r.due, ctx.lang);
        // A measure not yet past its date has not "passed its deadline".
        const std::string kind = r.kind == "measure" && r.days_overdue <= 0 ? "measure_due" : r.kind;
        const auto kl = kind_label.find(kind);
        t.add({label->second, r.case_number, kl == kind_label.end() ? r.kind : kl->second, r.responsible, note});
        // Overdue work is marked "!", work due today or within --within "*".
        t.mark(0, r.days_overdue > 0 ? Mark::overdue : Mark::warning);
      }
      marks = marks || t.has_marks();
      return t.render(s.style());
    };
    std::string text;
    if (!o->by_person) {
      text = render(items);
    } else {
      for (const auto& p : people) {
        if (!text.empty()) text += "\n";
        text += (p.email.empty() ? p.name : p.name + " <" + p.email + ">") + "\n" + render(p.items);
      }
    }
    if (marks) text += mark_legend(ctx.lang) + "\n";
    s.emit(nullptr, text);  // (text only: --json returned above)
  });
}

}  // namespace oppteam::cli
