#include <oppteam/views/meeting_view.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>

namespace oppteam::views {

namespace {

std::string contact_text(const MeetingParticipant& p) {
  std::string out;
  for (const auto* v : {&p.email, &p.phone})
    if (!v->empty()) out += (out.empty() ? "" : ", ") + *v;
  return out;
}

std::string status_text(Lang L, MeetingStatus s) { return tr(L, "meeting.status." + std::string(to_stored(s))); }

}  // namespace

std::string meeting_screen(const Meeting& m, const Rammeverk& rv, Lang L, const TerminalStyle& style) {
  std::string out = tr(L, "meeting.view.title", m.number, label_of(rv.meeting_kinds, m.kind, L), long_date(m.date, L),
                       status_text(L, m.status)) + "\n";
  if (!m.place.empty()) out += tr(L, "meeting.view.place", m.place) + "\n";
  if (m.status == MeetingStatus::cancelled) out += tr(L, "meeting.view.cancelled", long_date(m.cancelled_on, L), m.cancel_reason) + "\n";
  out += tr(L, m.person_present ? "meeting.view.person_present" : "meeting.view.person_absent") + "\n";
  if (!m.participants.empty()) {
    out += "\n" + tr(L, "meeting.view.participants") + "\n";
    Table t({tr(L, "meeting.col.name"), tr(L, "meeting.col.role"), tr(L, "meeting.col.service"), tr(L, "meeting.col.contact")});
    for (const auto& p : m.participants) t.add({p.name, p.role, p.service, contact_text(p)});
    out += t.render(style);
  }
  if (!m.actions.empty()) {
    out += "\n" + tr(L, "meeting.view.actions") + "\n";
    Table t({"#", tr(L, "meeting.col.action"), tr(L, "meeting.col.responsible"), tr(L, "meeting.col.due"), tr(L, "meeting.col.status")});
    for (const auto& a : m.actions) {
      std::string status = tr(L, "meeting.action_status." + std::string(to_stored(a.status)));
      if (a.measure) status += " (" + tr(L, "meeting.view.as_measure", *a.measure) + ")";
      t.add({std::to_string(a.number), a.text, a.responsible, long_date(a.due_on, L), status});
    }
    out += t.render(style);
  }
  out += "\n" + tr(L, "meeting.view.minutes") + "\n";
  out += m.minutes ? *m.minutes : tr(L, "meeting.view.no_minutes") + "\n";
  if (m.minutes && !m.minutes->empty() && m.minutes->back() != '\n') out += "\n";
  return out;
}

std::string meeting_list(const std::vector<Meeting>& meetings, const Rammeverk& rv, Lang L, const TerminalStyle& style) {
  if (meetings.empty()) return tr(L, "meeting.none") + "\n";
  Table t({"#", tr(L, "meeting.col.date"), tr(L, "meeting.col.kind"), tr(L, "meeting.col.status"), tr(L, "meeting.col.participants"),
           tr(L, "meeting.col.actions"), tr(L, "meeting.col.minutes")});
  for (const auto& m : meetings) {
    std::size_t open = 0;
    for (const auto& a : m.actions) open += a.status == ActionStatus::open ? 1 : 0;
    t.add({std::to_string(m.number), long_date(m.date, L), label_of(rv.meeting_kinds, m.kind, L), status_text(L, m.status),
           std::to_string(m.participants.size()), tr(L, "meeting.view.actions_count", m.actions.size(), open),
           tr(L, m.minutes ? "meeting.view.yes" : "meeting.view.no")});
  }
  return t.render(style);
}

}  // namespace oppteam::views
