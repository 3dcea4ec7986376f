#pragma once
// The SQL behind the access rules (process/access.cpp): whether a user is
// the current koordinator of a case's team, whether a user owns a case. The
// grants and roles themselves are in the rammeverk; the rules that use
// these facts are process/access.cpp's. Runs inside the caller's read or
// transaction.

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

class AccessStore {
 public:
  explicit AccessStore(Database& db) : db_(db) {}

  // `user` is the koordinator of a team of case `case_id` now (a
  // coordinator member not removed).
  bool coordinates(std::string_view user, std::int64_t case_id) const;
  // `user` is the owner of case `case_id` (case assign).
  bool owns(std::string_view user, std::int64_t case_id) const;
  // The numbers of the cases `user` coordinates now, and of those they own.
  std::vector<std::string> coordinated_cases(std::string_view user) const;
  std::vector<std::string> owned_cases(std::string_view user) const;

 private:
  Database& db_;
};

}  // namespace oppteam
