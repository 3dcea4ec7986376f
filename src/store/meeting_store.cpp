#include <oppteam/store/meeting_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace oppteam {

namespace {

int next_number(Database& db, const char* table, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), fmt::format("SELECT COALESCE(MAX(number), 0) + 1 FROM {} WHERE case_id = ?", table));
  q.bind(1, case_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

constexpr const char* kActionColumns =
    "SELECT a.number, m.number, a.text, a.responsible, a.due_on, a.status, a.done_on, a.measure "
    "FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id ";

MeetingAction read_action(SQLite::Statement& q) {
  MeetingAction a;
  a.number = q.getColumn(0).getInt();
  a.meeting = q.getColumn(1).getInt();
  a.text = q.getColumn(2).getString();
  a.responsible = q.getColumn(3).getString();
  a.due_on = q.getColumn(4).getString();
  a.status = stored_enum(action_status_from, "meeting_action.status", q.getColumn(5).getString());
  a.done_on = sql::text_or_empty(q, 6);
  a.measure = sql::int_or_none(q, 7);
  return a;
}

}  // namespace

std::optional<std::int64_t> MeetingStore::meeting_id(std::int64_t case_id, int number) {
  SQLite::Statement q(db_.sql(), "SELECT id FROM meeting WHERE case_id = ? AND number = ?");
  q.bind(1, case_id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<MeetingRow> MeetingStore::planned_on(std::int64_t case_id, const std::string& date) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id, number FROM meeting WHERE case_id = ? AND held_on = ? AND status = 'planned' "
                      "ORDER BY number LIMIT 1");
  q.bind(1, case_id);
  q.bind(2, date);
  if (!q.executeStep()) return std::nullopt;
  return MeetingRow{q.getColumn(0).getInt64(), q.getColumn(1).getInt()};
}

int MeetingStore::next_meeting_number(std::int64_t case_id) { return next_number(db_, "meeting", case_id); }

std::int64_t MeetingStore::add_meeting(std::int64_t case_id, int number, const std::string& kind, const std::string& date,
                                       const std::string& place, MeetingStatus status, const std::string& created_by) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO meeting (case_id, number, kind, held_on, place, status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, case_id);
  ins.bind(2, number);
  ins.bind(3, kind);
  ins.bind(4, date);
  sql::bind_text_or_null(ins, 5, place);
  ins.bind(6, std::string(to_stored(status)));
  ins.bind(7, created_by);
  ins.exec();
  return db_.sql().getLastInsertRowid();
}

void MeetingStore::record_held(std::int64_t id, const std::string& kind, const std::string& place, bool person_present,
                               const std::optional<std::string>& minutes, const std::string& minutes_on) {
  SQLite::Statement up(db_.sql(),
                       "UPDATE meeting SET status = 'held', kind = ?, place = COALESCE(?, place), person_present = ?, "
                       "minutes = ?, minutes_on = ? WHERE id = ?");
  up.bind(1, kind);
  sql::bind_text_or_null(up, 2, place);
  up.bind(3, person_present ? 1 : 0);
  if (minutes) {
    up.bind(4, *minutes);
    up.bind(5, minutes_on);
  } else {
    up.bind(4);
    up.bind(5);
  }
  up.bind(6, id);
  up.exec();
}

void MeetingStore::add_participants(std::int64_t id, const std::vector<MeetingParticipant>& participants) {
  SQLite::Statement part(db_.sql(),
                         "INSERT INTO meeting_participant (meeting_id, name, role, service, email, phone) VALUES (?,?,?,?,?,?)");
  for (const auto& p : participants) {
    part.reset();
    part.bind(1, id);
    part.bind(2, p.name);
    sql::bind_text_or_null(part, 3, p.role);
    sql::bind_text_or_null(part, 4, p.service);
    sql::bind_text_or_null(part, 5, p.email);
    sql::bind_text_or_null(part, 6, p.phone);
    part.exec();
  }
}

void MeetingStore::set_minutes(std::int64_t id, const std::string& minutes, const std::string& on) {
  SQLite::Statement up(db_.sql(), "UPDATE meeting SET status = 'held', minutes = ?, minutes_on = ? WHERE id = ?");
  up.bind(1, minutes);
  up.bind(2, on);
  up.bind(3, id);
  up.exec();
}

std::vector<Meeting> MeetingStore::meetings(std::int64_t case_id, std::optional<int> only) {
  std::vector<Meeting> out;
  SQLite::Statement q(db_.sql(),
                      "SELECT id, number, kind, held_on, place, status, person_present, minutes, minutes_on, created_by "
                      "FROM meeting WHERE case_id = ? AND (? IS NULL OR number = ?) ORDER BY held_on, number");
  q.bind(1, case_id);
  if (only) {
    q.bind(2, *only);
    q.bind(3, *only);
  } else {
    q.bind(2);
    q.bind(3);
  }
  SQLite::Statement p(db_.sql(),
                      "SELECT name, role, service, email, phone FROM meeting_participant WHERE meeting_id = ? ORDER BY id");
  SQLite::Statement a(db_.sql(), std::string(kActionColumns) + "WHERE a.meeting_id = ? ORDER BY a.number");
  while (q.executeStep()) {
    Meeting m;
    const std::int64_t id = q.getColumn(0).getInt64();
    m.number = q.getColumn(1).getInt();
    m.kind = q.getColumn(2).getString();
    m.date = q.getColumn(3).getString();
    m.place = sql::text_or_empty(q, 4);
    m.status = stored_enum(meeting_status_from, "meeting.status", q.getColumn(5).getString());
    m.person_present = q.getColumn(6).getInt() != 0;
    m.minutes = sql::text_or_none(q, 7);
    m.minutes_on = sql::text_or_empty(q, 8);
    m.created_by = q.getColumn(9).getString();
    p.reset();
    p.bind(1, id);
    while (p.executeStep())
      m.participants.push_back({p.getColumn(0).getString(), sql::text_or_empty(p, 1), sql::text_or_empty(p, 2), sql::text_or_empty(p, 3), sql::text_or_empty(p, 4)});
    a.reset();
    a.bind(1, id);
    while (a.executeStep()) m.actions.push_back(read_action(a));
    out.push_back(std::move(m));
  }
  return out;
}

bool MeetingStore::is_participant(std::int64_t meeting_id, const std::string& name) {
  SQLite::Statement who(db_.sql(), "SELECT 1 FROM meeting_participant WHERE meeting_id = ? AND name = ? LIMIT 1");
  who.bind(1, meeting_id);
  who.bind(2, name);
  return who.executeStep();
}

int MeetingStore::next_action_number(std::int64_t case_id) { return next_number(db_, "meeting_action", case_id); }

void MeetingStore::add_action(std::int64_t meeting_id, std::int64_t case_id, const MeetingAction& a) {
  SQLite::Statement ins(db_.sql(),
                        "INSERT INTO meeting_action (meeting_id, case_id, number, text, responsible, due_on, measure) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, meeting_id);
  ins.bind(2, case_id);
  ins.bind(3, a.number);
  ins.bind(4, a.text);
  ins.bind(5, a.responsible);
  ins.bind(6, a.due_on);
  if (a.measure) ins.bind(7, *a.measure);
  else ins.bind(7);
  ins.exec();
}

std::optional<MeetingAction> MeetingStore::action(std::int64_t case_id, int number) {
  SQLite::Statement q(db_.sql(), std::string(kActionColumns) + "WHERE a.case_id = ? AND a.number = ?");
  q.bind(1, case_id);
  q.bind(2, number);
  if (!q.executeStep()) return std::nullopt;
  return read_action(q);
}

void MeetingStore::finish_action(std::int64_t case_id, int number, const std::string& done_on) {
  SQLite::Statement up(db_.sql(), "UPDATE meeting_action SET status = 'done', done_on = ? WHERE case_id = ? AND number = ?");
  up.bind(1, done_on);
  up.bind(2, case_id);
  up.bind(3, number);
  up.exec();
}

}  // namespace oppteam
