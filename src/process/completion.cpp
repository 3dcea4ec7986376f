#include <oppteam/process/completion.hpp>

#include <oppteam/process/access.hpp>
#include <oppteam/store/open_cases.hpp>

namespace oppteam {

std::vector<std::string> open_case_numbers(Database& db, std::size_t limit) {
  return db.read_per_statement([&] { return read_open_case_numbers(db, limit); });
}

std::vector<std::string> open_case_numbers(Database& db, const Rammeverk& rv, std::string_view user) {
  if (!permitted(rv, user, "case.read")) return {};
  return open_case_numbers(db);
}

}  // namespace oppteam
