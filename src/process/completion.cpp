#include <oppteam/process/completion.hpp>

#include <oppteam/process/access.hpp>

namespace oppteam {

std::vector<std::string> open_case_numbers(Database& db, std::size_t limit) {
  return db.read_per_statement([&] {
    SQLite::Statement q(db.sql(),
                        "SELECT number FROM case_file WHERE status <> 'closed' ORDER BY year, seq LIMIT ?");
    q.bind(1, limit == 0 ? std::int64_t(-1) : std::int64_t(limit));
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
}

std::vector<std::string> open_case_numbers(Database& db, const Rammeverk& rv, std::string_view user) {
  if (!permitted(rv, user, "case.read")) return {};
  return open_case_numbers(db);
}

}  // namespace oppteam
