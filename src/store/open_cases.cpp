#include <oppteam/store/open_cases.hpp>

#include <SQLiteCpp/Statement.h>

#include <cstdint>

namespace oppteam {

std::vector<std::string> read_open_case_numbers(Database& db, std::size_t limit) {
  SQLite::Statement q(db.sql(), "SELECT number FROM case_file WHERE status <> 'closed' ORDER BY year, seq LIMIT ?");
  q.bind(1, limit == 0 ? std::int64_t(-1) : std::int64_t(limit));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace oppteam
