#include <oppteam/views/plan_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/plan.hpp>

#include <fmt/format.h>

namespace oppteam::views {

namespace {

// The text of PREFIX<id>, or the id itself when the catalogue has none.
std::string label(Lang lang, const std::string& prefix, std::string_view id) {
  const std::string key = prefix + std::string(id);
  return has_message(key) ? tr(lang, key) : std::string(id);
}

// The revision in the title and the plan's state: "2 of 12, replaced by
// revision 3 on 1 December 2026" for an old revision, so that it never
// reads as the plan in force; "12, in force" for the current one.
std::pair<std::string, std::string> revision_and_state(const Plan& p, Lang L) {
  if (!p.replaced) return {std::to_string(p.revision), label(L, "plan.pstatus.", to_stored(p.status))};
  const PlanReplacement& r = *p.replaced;
  return {tr(L, "plan.revision_of", p.revision, r.latest),
          r.at.size() >= 10 ? tr(L, "plan.replaced_by", r.by, long_date(r.at.substr(0, 10), L)) : tr(L, "plan.replaced_by_undated", r.by)};
}

}  // namespace

std::string plan_screen(const Plan& p, const std::vector<Evaluation>* evaluations, const Rammeverk& rv, Date today, Lang L,
                        const TerminalStyle& style) {
  std::string out;
  const auto [revision, state] = revision_and_state(p, L);
  out += tr(L, p.kind == PlanKind::ip ? "plan.view.title_ip" : "plan.view.title_fu", p.case_number,
            p.person_name.empty() ? "-" : p.person_name, revision, state);
  out += "\n";
  const auto* co = p.coordinator();
  out += tr(L, "plan.view.coordinator", co ? co->name : tr(L, "plan.doc.no_coordinator")) + "\n";
  const std::string next = p.status == PlanStatus::closed ? p.next_evaluation : plan_next_evaluation(rv, p);
  if (!next.empty()) out += tr(L, "plan.view.next_evaluation", long_date(next, L)) + "\n";
  out += tr(L, "plan.view.participation",
            p.participated_how.empty() ? tr(L, "plan.doc.not_participated")
                                       : fmt::format("{} ({})", p.participated_how, long_date(p.participated_on, L)))
         + "\n";
  if (!p.period_to.empty())
    out += tr(L, "plan.doc.period_to", long_date(p.period_from.empty() ? p.created_on : p.period_from, L), long_date(p.period_to, L)) +
           "\n";

  Table goals({tr(L, "plan.col.number"), tr(L, "plan.col.goal"), tr(L, "plan.col.source"), tr(L, "plan.col.status")});
  for (const auto& g : p.goals) {
    std::string number = g.parent ? fmt::format("  {} ({})", g.number, *g.parent) : std::to_string(g.number);
    goals.add({number, g.text, g.source.empty() ? "" : tr(L, "plan.view.from_what_matters"),
               label(L, "case.goal_status.", to_stored(g.status)) + (g.status_note.empty() ? "" : ": " + g.status_note)});
  }
  out += "\n" + tr(L, "plan.view.goals") + "\n";
  out += goals.empty() ? tr(L, "plan.doc.none") + "\n" : goals.render(style);

  Table measures({tr(L, "plan.col.number"), tr(L, "plan.col.goal_no"), tr(L, "plan.col.measure"), tr(L, "plan.col.responsible"),
                  tr(L, "plan.col.due"), tr(L, "plan.col.status")});
  for (const auto& m : p.measures) {
    std::string due = long_date(m.due_on, L);
    if (m.every_days) due += " " + tr(L, "plan.view.every", *m.every_days);
    measures.add({std::to_string(m.number), std::to_string(m.goal), m.text, m.responsible, due,
                  label(L, "plan.mstatus.", to_stored(m.status))});
    // A measure still to do whose date has passed is overdue (in the plan as
    // it stands now; an old revision is shown as it was).
    if (evaluations && measure_overdue(to_stored(m.status), m.due_on, today)) measures.mark(4, Mark::overdue);
  }
  out += "\n" + tr(L, "plan.view.measures") + "\n";
  out += measures.empty() ? tr(L, "plan.doc.none") + "\n" : measures.render(style);
  if (measures.has_marks()) out += mark_legend(L) + "\n";

  if (evaluations && !evaluations->empty()) {
    Table ev({tr(L, "plan.col.date"), tr(L, "plan.col.goals_gas"), tr(L, "plan.col.quality"), tr(L, "plan.col.decision"),
              tr(L, "plan.col.next")});
    for (const auto& e : *evaluations) {
      std::string gas;
      for (const auto& [n, v] : e.goals) gas += fmt::format("{}{}={:+d}", gas.empty() ? "" : " ", n, v);
      ev.add({long_date(e.evaluated_on, L), gas, e.quality ? std::to_string(*e.quality) : "",
              label(L, "evaluate.decision.", to_stored(e.decision)), e.next_on.empty() ? "-" : long_date(e.next_on, L)});
    }
    out += "\n" + tr(L, "plan.view.evaluations") + "\n" + ev.render(style);
  }
  return out;
}

std::string plan_history_table(const std::vector<RevisionInfo>& revisions, Lang L, const TerminalStyle& style) {
  Table t({tr(L, "plan.col.revision"), tr(L, "plan.col.when"), tr(L, "plan.col.by"), tr(L, "plan.col.change")});
  for (const auto& r : revisions) t.add({std::to_string(r.revision), r.created_at.substr(0, 16), r.created_by, r.change});
  return t.render(style);
}

}  // namespace oppteam::views
