#include <oppteam/store/access_store.hpp>

#include <SQLiteCpp/Statement.h>

#include <string>

namespace oppteam {

bool AccessStore::coordinates(std::string_view user, std::int64_t case_id) const {
  SQLite::Statement q(db_.sql(),
                      "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id "
                      "WHERE t.case_id = ? AND m.kind = 'coordinator' AND m.removed_on IS NULL AND m.name = ? "
                      "LIMIT 1");
  q.bind(1, case_id);
  q.bind(2, std::string(user));
  return q.executeStep();
}

bool AccessStore::owns(std::string_view user, std::int64_t case_id) const {
  SQLite::Statement q(db_.sql(), "SELECT 1 FROM case_file WHERE id = ? AND owner = ?");
  q.bind(1, case_id);
  q.bind(2, std::string(user));
  return q.executeStep();
}

}  // namespace oppteam
