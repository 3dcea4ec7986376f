#include <oppteam/store/closing_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

namespace oppteam {

using sql::null_if_empty;

std::int64_t ClosingStore::add(std::int64_t case_id, const Closing& c) {
  return sql::insert(db_,
                     "INSERT INTO case_closing(case_id, reason, stage, note, to_municipality, closed_on, closed_by, "
                     "team_status, plan_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     case_id, c.reason, c.stage, null_if_empty(c.note), null_if_empty(c.to_municipality), c.closed_on,
                     c.closed_by, c.team_status, c.plan_status);
}

std::optional<ClosingStore::Closing> ClosingStore::current(std::int64_t case_id) {
  return sql::Query(db_,
                    "SELECT cc.id, cc.stage, cc.closed_on, cc.team_status, cc.plan_status "
                    "FROM case_closing cc JOIN case_file c ON c.id = cc.case_id "
                    "WHERE cc.case_id = ? AND cc.reopened_on IS NULL AND cc.closed_on = c.closed_on "
                    "ORDER BY cc.id DESC LIMIT 1",
                    case_id)
      .first([](sql::Row& r) {
        Closing c;
        r.read(c.id);
        c.stage = r.stored(case_status_from, "case_closing.stage");
        r.read(c.closed_on);
        // NULL (or, as before, empty): the team or plan was not open.
        if (const std::string team = r.text(); !team.empty())
          c.team_status = stored_enum(team_status_from, "case_closing.team_status", team);
        if (const std::string plan = r.text(); !plan.empty())
          c.plan_status = stored_enum(plan_status_from, "case_closing.plan_status", plan);
        return c;
      });
}

void ClosingStore::mark_reopened(std::int64_t closing_id, const std::string& on, const std::string& by, const std::string& reason) {
  sql::exec(db_, "UPDATE case_closing SET reopened_on = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?", on, by, reason,
            closing_id);
}

std::optional<std::string> ClosingStore::transferred_to(std::int64_t case_id) {
  return sql::Query(db_, "SELECT municipality FROM case_transfer WHERE case_id = ? AND direction = 'out' LIMIT 1", case_id)
      .first(&sql::Row::text);
}

std::optional<std::string> ClosingStore::other_open_case(std::int64_t person_id, std::int64_t case_id) {
  return sql::Query(db_, "SELECT number FROM case_file WHERE person_id = ? AND id <> ? AND status <> 'closed' LIMIT 1", person_id,
                    case_id)
      .first(&sql::Row::text);
}

}  // namespace oppteam
