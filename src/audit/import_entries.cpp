#include <oppteam/audit/import_entries.hpp>

#include <oppteam/audit/audit_log.hpp>

namespace oppteam {

std::vector<std::string> import_entries_of_case(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), "SELECT DISTINCT audit_id FROM (" + import_entries_sql("?1") + ") ORDER BY 1");
  q.bind(1, case_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace oppteam
