#include <oppteam/store/decision_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

namespace oppteam {

using sql::bind_text_or_null;
using sql::text_or_empty;

std::optional<Decision> DecisionStore::in_force(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter FROM decision WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return Decision{q.getColumn(0).getInt64(), stored_enum(decision_outcome_from, "decision.outcome", q.getColumn(1).getString()),
                  text_or_empty(q, 2), q.getColumn(3).getString(),
                  q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString()};
}

bool DecisionStore::granted(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT 1 FROM decision WHERE case_id = ? AND outcome = 'granted'");
  q.bind(1, case_id);
  return q.executeStep();
}

std::int64_t DecisionStore::add(std::int64_t case_id, const Decision& d) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO decision(case_id, outcome, grounds, decided_on, decided_by, appeal_deadline, letter) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, std::string(to_stored(d.outcome)));
  bind_text_or_null(q, 3, d.grounds);
  q.bind(4, d.decided_on);
  q.bind(5, d.decided_by);
  q.bind(6, d.appeal_deadline);
  q.bind(7, d.letter);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

void DecisionStore::replace(std::int64_t decision_id, std::optional<std::int64_t> appeal_id, const std::string& replaced_on,
                            const std::string& replaced_by, const Decision& d) {
  SQLite::Statement h(db_.sql(),
                      "INSERT INTO decision_history(case_id, decision_id, appeal_id, outcome, grounds, decided_on, decided_by, "
                      "appeal_deadline, letter, replaced_on, replaced_by) SELECT case_id, id, ?, outcome, grounds, decided_on, "
                      "decided_by, appeal_deadline, letter, ?, ? FROM decision WHERE id = ?");
  if (appeal_id) h.bind(1, *appeal_id);
  else h.bind(1);
  h.bind(2, replaced_on);
  h.bind(3, replaced_by);
  h.bind(4, decision_id);
  h.exec();
  SQLite::Statement u(db_.sql(),
                      "UPDATE decision SET outcome = ?, grounds = ?, decided_on = ?, decided_by = ?, appeal_deadline = ?, "
                      "letter = ? WHERE id = ?");
  u.bind(1, std::string(to_stored(d.outcome)));
  bind_text_or_null(u, 2, d.grounds);
  u.bind(3, d.decided_on);
  u.bind(4, d.decided_by);
  u.bind(5, d.appeal_deadline);
  u.bind(6, d.letter);
  u.bind(7, decision_id);
  u.exec();
}

std::optional<DecisionStore::LetterFacts> DecisionStore::letter_facts(std::int64_t case_id, std::int64_t person_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT coalesce(p.name, ''), (SELECT min(received_on) FROM referral WHERE case_id = ?) "
                      "FROM person p WHERE p.id = ?");
  q.bind(1, case_id);
  q.bind(2, person_id);
  if (!q.executeStep()) return std::nullopt;
  LetterFacts f;
  f.name = q.getColumn(0).getString();
  if (!q.getColumn(1).isNull()) f.first_received = q.getColumn(1).getString();
  return f;
}

void DecisionStore::add_preliminary_reply(std::int64_t case_id, const std::string& sent_on, const std::string& expected_by,
                                          const std::string& text, const std::string& sent_by) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO preliminary_reply(case_id, sent_on, expected_by, text, sent_by) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, sent_on);
  q.bind(3, expected_by);
  q.bind(4, text);
  q.bind(5, sent_by);
  q.exec();
}

std::optional<Appeal> AppealStore::open(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT id, status, status_on, received_on FROM appeal WHERE case_id = ? AND "
                      "(status = 'received' OR status = 'upheld' OR status = 'forwarded' OR status = 'returned') "
                      "ORDER BY id DESC LIMIT 1");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  Appeal a;
  a.id = q.getColumn(0).getInt64();
  a.status = stored_enum(appeal_status_from, "appeal.status", q.getColumn(1).getString());
  a.status_on = q.getColumn(2).getString();
  a.received_on = q.getColumn(3).getString();
  return a;
}

std::string AppealStore::received_on(std::int64_t id) {
  SQLite::Statement q(db_.sql(), "SELECT received_on FROM appeal WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::int64_t AppealStore::add(std::int64_t case_id, std::int64_t decision_id, const Appeal& a, const std::string& registered_on) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO appeal(case_id, decision_id, received_on, appellant, appellant_name, deadline, late, "
                      "decision_outcome, status, status_on, registered_on, registered_by) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, decision_id);
  q.bind(3, a.received_on);
  q.bind(4, a.from);
  bind_text_or_null(q, 5, a.name);
  q.bind(6, a.deadline);
  q.bind(7, a.late ? 1 : 0);
  q.bind(8, std::string(to_stored(a.decision_outcome)));
  q.bind(9, std::string(to_stored(AppealStatus::received)));
  q.bind(10, a.received_on);
  q.bind(11, registered_on);
  q.bind(12, a.registered_by);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

void AppealStore::add_step(std::int64_t id, const AppealStep& s, AppealStatus status) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO appeal_step(appeal_id, step, result, step_on, grounds, recorded_by) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, std::string(to_stored(s.step)));
  bind_text_or_null(q, 3, std::string(to_stored(s.result)));
  q.bind(4, s.on);
  bind_text_or_null(q, 5, s.grounds);
  q.bind(6, s.by);
  q.exec();
  SQLite::Statement u(db_.sql(), "UPDATE appeal SET status = ?, status_on = ? WHERE id = ?");
  u.bind(1, std::string(to_stored(status)));
  u.bind(2, s.on);
  u.bind(3, id);
  u.exec();
}

std::vector<Appeal> AppealStore::list(std::int64_t case_id) {
  std::vector<Appeal> out;
  SQLite::Statement q(db_.sql(),
                      "SELECT a.id, c.number, a.received_on, a.appellant, coalesce(a.appellant_name, ''), a.deadline, a.late, "
                      "a.decision_outcome, a.status, a.status_on, a.registered_by FROM appeal a JOIN case_file c ON c.id = a.case_id "
                      "WHERE a.case_id = ? ORDER BY a.id");
  q.bind(1, case_id);
  while (q.executeStep()) {
    Appeal a;
    a.id = q.getColumn(0).getInt64();
    a.case_number = q.getColumn(1).getString();
    a.received_on = q.getColumn(2).getString();
    a.from = q.getColumn(3).getString();
    a.name = q.getColumn(4).getString();
    a.deadline = q.getColumn(5).getString();
    a.late = q.getColumn(6).getInt() != 0;
    a.decision_outcome = stored_enum(decision_outcome_from, "appeal.decision_outcome", q.getColumn(7).getString());
    a.status = stored_enum(appeal_status_from, "appeal.status", q.getColumn(8).getString());
    a.status_on = q.getColumn(9).getString();
    a.registered_by = q.getColumn(10).getString();
    out.push_back(std::move(a));
  }
  SQLite::Statement s(db_.sql(),
                      "SELECT s.appeal_id, s.step, coalesce(s.result, ''), s.step_on, s.recorded_by, coalesce(s.grounds, '') "
                      "FROM appeal_step s JOIN appeal a ON a.id = s.appeal_id WHERE a.case_id = ? ORDER BY s.id");
  s.bind(1, case_id);
  while (s.executeStep()) {
    const std::int64_t id = s.getColumn(0).getInt64();
    for (auto& a : out)
      if (a.id == id)
        a.steps.push_back({stored_enum(appeal_step_from, "appeal_step.step", s.getColumn(1).getString()),
                           stored_enum(appeal_step_result_from, "appeal_step.result", s.getColumn(2).getString()), s.getColumn(3).getString(),
                           s.getColumn(4).getString(), s.getColumn(5).getString()});
  }
  return out;
}

}  // namespace oppteam
