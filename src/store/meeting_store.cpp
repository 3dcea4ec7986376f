#include <oppteam/store/meeting_store.hpp>

#include <oppteam/store/sql_values.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace oppteam {

using sql::null_if_empty;

namespace {

int next_number(Database& db, const char* table, std::int64_t case_id) {
  return sql::Query(db, fmt::format("SELECT COALESCE(MAX(number), 0) + 1 FROM {} WHERE case_id = ?", table), case_id)
      .one(&sql::Row::integer);
}

constexpr const char* kActionColumns =
    "SELECT a.number, m.number, a.text, a.responsible, a.due_on, a.status, a.done_on, a.measure "
    "FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id ";

MeetingAction read_action(sql::Row& r) {
  return {.number = r.integer(), .meeting = r.integer(), .text = r.text(), .responsible = r.text(), .due_on = r.text(),
          .status = r.stored(action_status_from, "meeting_action.status"), .done_on = r.text(),
          .measure = r.integer_or_none()};
}

}  // namespace

std::optional<std::int64_t> MeetingStore::meeting_id(std::int64_t case_id, int number) {
  return sql::Query(db_, "SELECT id FROM meeting WHERE case_id = ? AND number = ?", case_id, number).first(&sql::Row::int64);
}

std::optional<MeetingRow> MeetingStore::planned_on(std::int64_t case_id, const std::string& date) {
  return sql::Query(db_,
                    "SELECT id, number FROM meeting WHERE case_id = ? AND held_on = ? AND status = 'planned' "
                    "ORDER BY number LIMIT 1",
                    case_id, date)
      .first([](sql::Row& r) { return MeetingRow{r.int64(), r.integer()}; });
}

int MeetingStore::next_meeting_number(std::int64_t case_id) { return next_number(db_, "meeting", case_id); }

std::int64_t MeetingStore::add_meeting(std::int64_t case_id, int number, const std::string& kind, const std::string& date,
                                       const std::string& place, MeetingStatus status, const std::string& created_by) {
  return sql::insert(db_,
                     "INSERT INTO meeting (case_id, number, kind, held_on, place, status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     case_id, number, kind, date, null_if_empty(place), status, created_by);
}

void MeetingStore::record_held(std::int64_t id, const std::string& kind, const std::string& place, bool person_present,
                               const std::optional<std::string>& minutes, const std::string& minutes_on) {
  // The minutes' date only with minutes.
  const std::optional<std::string> on = minutes ? std::optional(minutes_on) : std::nullopt;
  sql::exec(db_,
            "UPDATE meeting SET status = 'held', kind = ?, place = COALESCE(?, place), person_present = ?, "
            "minutes = ?, minutes_on = ? WHERE id = ?",
            kind, null_if_empty(place), person_present, minutes, on, id);
}

void MeetingStore::add_participants(std::int64_t id, const std::vector<MeetingParticipant>& participants) {
  SQLite::Statement part(db_.sql(),
                         "INSERT INTO meeting_participant (meeting_id, name, role, service, email, phone) VALUES (?,?,?,?,?,?)");
  for (const auto& p : participants) {
    part.reset();
    sql::bind(part, id, p.name, null_if_empty(p.role), null_if_empty(p.service), null_if_empty(p.email), null_if_empty(p.phone));
    part.exec();
  }
}

void MeetingStore::set_minutes(std::int64_t id, const std::string& minutes, const std::string& on) {
  sql::exec(db_, "UPDATE meeting SET status = 'held', minutes = ?, minutes_on = ? WHERE id = ?", minutes, on, id);
}

void MeetingStore::cancel(std::int64_t id, const std::string& on, const std::string& reason) {
  sql::exec(db_, "UPDATE meeting SET status = 'cancelled', cancelled_on = ?, cancel_reason = ? WHERE id = ?", on, reason, id);
}

std::vector<Meeting> MeetingStore::meetings(std::int64_t case_id, std::optional<int> only) {
  sql::Query q(db_,
               "SELECT id, number, kind, held_on, place, status, person_present, minutes, minutes_on, created_by, cancelled_on, "
               "cancel_reason "
               "FROM meeting WHERE case_id = ? AND (? IS NULL OR number = ?) ORDER BY held_on, number",
               case_id, only, only);
  sql::Query p(db_, "SELECT name, role, service, email, phone FROM meeting_participant WHERE meeting_id = ? ORDER BY id");
  sql::Query a(db_, std::string(kActionColumns) + "WHERE a.meeting_id = ? ORDER BY a.number");
  return q.all([&](sql::Row& r) {
    const std::int64_t id = r.int64();
    Meeting m;
    r.read(m.number, m.kind, m.date, m.place);
    m.status = r.stored(meeting_status_from, "meeting.status");
    r.read(m.person_present, m.minutes, m.minutes_on, m.created_by, m.cancelled_on, m.cancel_reason);
    p.rebind(id);
    m.participants = p.all([](sql::Row& x) { return MeetingParticipant{x.text(), x.text(), x.text(), x.text(), x.text()}; });
    a.rebind(id);
    m.actions = a.all(read_action);
    return m;
  });
}

bool MeetingStore::is_participant(std::int64_t meeting_id, const std::string& name) {
  return sql::Query(db_, "SELECT 1 FROM meeting_participant WHERE meeting_id = ? AND name = ? LIMIT 1", meeting_id, name).next();
}

int MeetingStore::next_action_number(std::int64_t case_id) { return next_number(db_, "meeting_action", case_id); }

void MeetingStore::add_action(std::int64_t meeting_id, std::int64_t case_id, const MeetingAction& a) {
  sql::exec(db_,
            "INSERT INTO meeting_action (meeting_id, case_id, number, text, responsible, due_on, measure) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            meeting_id, case_id, a.number, a.text, a.responsible, a.due_on, a.measure);
}

std::optional<MeetingAction> MeetingStore::action(std::int64_t case_id, int number) {
  return sql::Query(db_, std::string(kActionColumns) + "WHERE a.case_id = ? AND a.number = ?", case_id, number).first(read_action);
}

void MeetingStore::finish_action(std::int64_t case_id, int number, const std::string& done_on) {
  sql::exec(db_, "UPDATE meeting_action SET status = 'done', done_on = ? WHERE case_id = ? AND number = ?", done_on, case_id,
            number);
}

}  // namespace oppteam
