#include <oppteam/store/closing_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

using sql::bind_text_or_null;

std::int64_t ClosingStore::add(std::int64_t case_id, const Closing& c) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO case_closing(case_id, reason, stage, note, to_municipality, closed_on, closed_by, "
                      "team_status, plan_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, c.reason);
  q.bind(3, c.stage);
  bind_text_or_null(q, 4, c.note);
  bind_text_or_null(q, 5, c.to_municipality);
  q.bind(6, c.closed_on);
  q.bind(7, c.closed_by);
  bind_text_or_null(q, 8, c.team_status);
  bind_text_or_null(q, 9, c.plan_status);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

std::optional<ClosingStore::Closing> ClosingStore::current(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT cc.id, cc.stage, cc.closed_on, coalesce(cc.team_status, ''), coalesce(cc.plan_status, '') "
                      "FROM case_closing cc JOIN case_file c ON c.id = cc.case_id "
                      "WHERE cc.case_id = ? AND cc.reopened_on IS NULL AND cc.closed_on = c.closed_on "
                      "ORDER BY cc.id DESC LIMIT 1");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  Closing c;
  c.id = q.getColumn(0).getInt64();
  c.stage = q.getColumn(1).getString();
  c.closed_on = q.getColumn(2).getString();
  c.team_status = q.getColumn(3).getString();
  c.plan_status = q.getColumn(4).getString();
  return c;
}

void ClosingStore::mark_reopened(std::int64_t closing_id, const std::string& on, const std::string& by, const std::string& reason) {
  SQLite::Statement q(db_.sql(), "UPDATE case_closing SET reopened_on = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?");
  q.bind(1, on);
  q.bind(2, by);
  q.bind(3, reason);
  q.bind(4, closing_id);
  q.exec();
}

std::optional<std::string> ClosingStore::transferred_to(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT municipality FROM case_transfer WHERE case_id = ? AND direction = 'out' LIMIT 1");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::optional<std::string> ClosingStore::other_open_case(std::int64_t person_id, std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT number FROM case_file WHERE person_id = ? AND id <> ? AND status <> 'closed' LIMIT 1");
  q.bind(1, person_id);
  q.bind(2, case_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::optional<std::string> ClosingStore::open_plan_status(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT status FROM plan WHERE case_id = ? AND status <> 'closed'");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void ClosingStore::close_plan(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "UPDATE plan SET status = 'closed' WHERE case_id = ?");
  q.bind(1, case_id);
  q.exec();
}

bool ClosingStore::reopen_plan(std::int64_t case_id, const std::string& status) {
  SQLite::Statement q(db_.sql(), "UPDATE plan SET status = ? WHERE case_id = ?");
  q.bind(1, status);
  q.bind(2, case_id);
  return q.exec() > 0;
}

}  // namespace oppteam
