#include <oppteam/views/team_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/views/audit_view.hpp>

namespace oppteam {

namespace {

// True when every line of `table`, unwrapped, fits `style`'s width.
bool fits(const Table& table, const TerminalStyle& style) {
  if (style.width == 0) return true;
  const std::string natural = table.render(TerminalStyle{0, false});
  for (std::size_t start = 0; start < natural.size();) {
    std::size_t end = natural.find('\n', start);
    if (end == std::string::npos) end = natural.size();
    if (display_width(std::string_view(natural).substr(start, end - start)) > style.width) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string service_sector(const Rammeverk& rv, const std::string& service) {
  const Service* sv = rv.find_service(service);
  return sv ? sv->sector : std::string();
}

std::string render_team(const Rammeverk& rv, const Team& t, Lang lang, const TerminalStyle& style) {
  return render_team(rv, t, lang, style, [&](const AuditDetail& d) { return audit_detail_text(lang, &rv, d); });
}

std::string render_team(const Rammeverk& rv, const Team& t, Lang lang, const TerminalStyle& style,
                        const AuditDetailText& detail_text) {
  std::string out = tr(lang, "team.show_header", t.case_number, tr(lang, "team.status_" + std::string(to_stored(t.status))),
                       long_date(t.created_on, lang)) + "\n";
  if (t.status == TeamStatus::paused) out += tr(lang, "team.show_paused", long_date(t.paused_on, lang), t.pause_reason) + "\n";
  if (t.status == TeamStatus::closed) out += tr(lang, "team.show_closed", long_date(t.closed_on, lang), t.close_reason) + "\n";
  if (const TeamMember* c = t.coordinator()) out += tr(lang, "team.show_coordinator", c->name, label_of(rv.roles, c->role, lang)) + "\n";
  else out += tr(lang, "team.show_no_coordinator") + "\n";
  out += "\n";
  // The member table, without the least important columns when it would
  // not fit the terminal (sector first, then "til": the table then lists
  // the current members only, and a removal shows in the history), so that
  // names do not wrap.
  // Contact details (issue 15) in a column of their own when any member has them.
  bool with_contact = false;
  for (const auto& m : t.members) with_contact = with_contact || !m.email.empty() || !m.phone.empty();
  auto member_table = [&](bool with_sector, bool with_to) {
    std::vector<std::string> headers{tr(lang, "team.col_name"), tr(lang, "team.col_kind"), tr(lang, "team.col_role"),
                                     tr(lang, "team.col_service")};
    if (with_sector) headers.push_back(tr(lang, "team.col_sector"));
    headers.push_back(tr(lang, "team.col_from"));
    if (with_to) headers.push_back(tr(lang, "team.col_to"));
    if (with_contact) headers.push_back(tr(lang, "meeting.col.contact"));
    Table table(std::move(headers));
    for (const auto& m : t.members) {
      if (!with_to && !m.active()) continue;
      std::vector<std::string> row{m.name, tr(lang, "team.kind_" + std::string(to_stored(m.kind))), label_of(rv.roles, m.role, lang),
                                   m.service.empty() ? "" : label_of(rv.services, m.service, lang)};
      if (with_sector) row.push_back(label_of(rv.sectors, service_sector(rv, m.service), lang));
      row.push_back(long_date(m.added_on, lang));
      if (with_to) row.push_back(m.removed_on.empty() ? "" : long_date(m.removed_on, lang));
      if (with_contact) row.push_back(m.email.empty() || m.phone.empty() ? m.email + m.phone : m.email + ", " + m.phone);
      table.add(std::move(row));
    }
    return table;
  };
  Table table = member_table(true, true);
  if (!fits(table, style)) table = member_table(false, true);
  if (!fits(table, style)) table = member_table(false, false);
  out += table.render(style);
  if (!t.history.empty()) {
    out += "\n" + tr(lang, "team.history") + "\n";
    Table h({tr(lang, "team.col_date"), tr(lang, "team.col_by"), tr(lang, "team.col_event")});
    for (const auto& e : t.history) {
      std::string event_key = "team.event." + e.action.substr(e.action.find('.') + 1);
      if (e.what && e.what->key == "audit.d.team_case_closed") event_key = "team.event.close_case";
      std::string event = has_message(event_key) ? tr(lang, event_key) : e.action;
      // add, remove and coordinator name a member, shown as `audit log`
      // shows them: the kind, role and service in the reader's words.
      if (e.action == "team.add" || e.action == "team.remove" || e.action == "team.coordinator" || e.action == "team.contact") {
        event += ": " + (e.what ? detail_text(*e.what) : e.detail);
      } else if (!has_message(event_key) && !e.detail.empty()) {
        event += ": " + (e.what ? detail_text(*e.what) : e.detail);
      }
      h.add({long_date(e.on, lang), e.actor, event});
    }
    out += h.render(style);
  }
  return out;
}

}  // namespace oppteam
