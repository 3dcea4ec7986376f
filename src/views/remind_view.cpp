#include <oppteam/views/remind_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/views/labels.hpp>

#include <map>

namespace oppteam {

namespace {

// Lays out lists of items as tables, the labels of kinds and the long
// dates looked up once for all of them (a list may be a million items).
class RemindTables {
 public:
  RemindTables(Lang lang, const TerminalStyle& style, bool to_leaders)
      : lang_(lang), style_(style), escalated_(tr(lang, to_leaders ? "remind.note.escalated" : "remind.note.escalated_unit")) {
    for (const auto& row : kReminderKindNames.rows) kind_label_[std::string(row.second)] = tr(lang, "remind.kind." + std::string(row.second));
    kind_label_["measure_due"] = tr(lang, "remind.kind.measure_due");
  }

  std::string table(const std::vector<Reminder>& list) {
    const Lang L = lang_;
    Table t({tr(L, "remind.col.due"), tr(L, "remind.col.case"), tr(L, "remind.col.what"), tr(L, "remind.col.responsible"),
             tr(L, "remind.col.note")});
    for (const auto& r : list) {
      std::string note;
      if (r.kind == ReminderKind::approval) note = tr(L, "remind.note.approval", tr(L, "approve.what." + r.scope), r.ref.value_or(0));
      else if (r.measure) note = tr(L, "remind.note.measure", *r.measure, r.measure_responsible);
      else if (!r.scope.empty()) note = tr(L, "remind.note.scope", choice_label(L, "scope", r.scope));
      else if (r.action) note = tr(L, "remind.note.action", *r.action, r.measure_responsible);
      else if (r.meeting) note = tr(L, "remind.note.meeting", *r.meeting);
      std::string when;
      if (r.days_overdue > 0) when = tr(L, "remind.note.overdue", r.days_overdue);
      else if (r.days_overdue == 0) when = tr(L, "remind.note.today");
      else if (r.days_overdue == -1) when = tr(L, "remind.note.tomorrow");
      else when = tr(L, "remind.note.in_days", -r.days_overdue);
      note = note.empty() ? when : note + "; " + when;
      if (r.escalated) note += "; " + escalated_;
      auto [label, fresh] = due_label_.try_emplace(r.due);
      if (fresh) label->second = long_date(r.due, L);
      // A measure not yet past its date has not "passed its deadline".
      const std::string kind = r.kind == ReminderKind::measure && r.days_overdue <= 0 ? "measure_due" : std::string(to_stored(r.kind));
      const auto kl = kind_label_.find(kind);
      t.add({label->second, r.case_number, kl == kind_label_.end() ? kind : kl->second, r.responsible, note});
      // Overdue work is marked "!", work due today or within --within "*".
      t.mark(0, r.days_overdue > 0 ? Mark::overdue : Mark::warning);
    }
    marks_ = marks_ || t.has_marks();
    return t.render(style_);
  }

  // The legend of the marks when any table had one.
  std::string legend() const { return marks_ ? mark_legend(lang_) + "\n" : std::string(); }

 private:
  Lang lang_;
  const TerminalStyle& style_;
  std::string escalated_;  // the note of an escalated item: to whom
  std::map<std::string, std::string> kind_label_;  // looked up once per kind, not per item
  std::map<std::string, std::string> due_label_;   // long dates, formatted once per date
  bool marks_ = false;
};

}  // namespace

std::string remind_text(const std::vector<Reminder>& items, Lang lang, const TerminalStyle& style, bool to_leaders) {
  if (items.empty()) return {};
  RemindTables tables(lang, style, to_leaders);
  std::string text = tables.table(items);
  return text + tables.legend();
}

std::string remind_text(const std::vector<PersonReminders>& people, Lang lang, const TerminalStyle& style, bool to_leaders) {
  RemindTables tables(lang, style, to_leaders);
  std::string text;
  for (const auto& p : people) {
    if (!text.empty()) text += "\n";
    text += (p.email.empty() ? p.name : p.name + " <" + p.email + ">") + "\n" + tables.table(p.items);
  }
  return text + tables.legend();
}

}  // namespace oppteam
