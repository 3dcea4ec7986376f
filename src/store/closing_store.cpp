#include <oppteam/store/closing_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

namespace oppteam {

using sql::bind_text_or_null;

std::int64_t ClosingStore::add(std::int64_t case_id, const Closing& c) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO case_closing(case_id, reason, stage, note, to_municipality, closed_on, closed_by, "
                      "team_status, plan_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, c.reason);
  q.bind(3, std::string(to_stored(c.stage)));
  bind_text_or_null(q, 4, c.note);
  bind_text_or_null(q, 5, c.to_municipality);
  q.bind(6, c.closed_on);
  q.bind(7, c.closed_by);
  if (c.team_status) q.bind(8, std::string(to_stored(*c.team_status)));
  else q.bind(8);
  if (c.plan_status) q.bind(9, std::string(to_stored(*c.plan_status)));
  else q.bind(9);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

std::optional<ClosingStore::Closing> ClosingStore::current(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      "SELECT cc.id, cc.stage, cc.closed_on, cc.team_status, cc.plan_status "
                      "FROM case_closing cc JOIN case_file c ON c.id = cc.case_id "
                      "WHERE cc.case_id = ? AND cc.reopened_on IS NULL AND cc.closed_on = c.closed_on "
                      "ORDER BY cc.id DESC LIMIT 1");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  Closing c;
  c.id = q.getColumn(0).getInt64();
  c.stage = stored_enum(case_status_from, "case_closing.stage", q.getColumn(1).getString());
  c.closed_on = q.getColumn(2).getString();
  // NULL (or, as before, empty): the team or plan was not open.
  if (const std::string team = sql::text_or_empty(q, 3); !team.empty())
    c.team_status = stored_enum(team_status_from, "case_closing.team_status", team);
  if (const std::string plan = sql::text_or_empty(q, 4); !plan.empty())
    c.plan_status = stored_enum(plan_status_from, "case_closing.plan_status", plan);
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

}  // namespace oppteam
