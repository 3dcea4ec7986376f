#include <oppteam/store/access_store.hpp>

#include <oppteam/store/sql_values.hpp>

namespace oppteam {

bool AccessStore::coordinates(std::string_view user, std::int64_t case_id) const {
  return sql::Query(db_,
                    "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id "
                    "WHERE t.case_id = ? AND m.kind = 'coordinator' AND m.removed_on IS NULL AND m.name = ? "
                    "LIMIT 1",
                    case_id, user)
      .next();
}

bool AccessStore::owns(std::string_view user, std::int64_t case_id) const {
  return sql::Query(db_, "SELECT 1 FROM case_file WHERE id = ? AND owner = ?", case_id, user).next();
}

std::vector<std::string> AccessStore::coordinated_cases(std::string_view user) const {
  return sql::Query(db_,
                    "SELECT DISTINCT c.number FROM team_member m JOIN team t ON t.id = m.team_id JOIN case_file c ON c.id = t.case_id "
                    "WHERE m.kind = 'coordinator' AND m.removed_on IS NULL AND m.name = ?",
                    user)
      .all(&sql::Row::text);
}

std::vector<std::string> AccessStore::owned_cases(std::string_view user) const {
  return sql::Query(db_, "SELECT number FROM case_file WHERE owner = ?", user).all(&sql::Row::text);
}

}  // namespace oppteam
