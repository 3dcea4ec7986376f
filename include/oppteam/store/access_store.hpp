#pragma once
// The SQL behind the access rules (process/access.cpp): whether a user is
// the current koordinator of a case's team, whether a user owns a case. The
// grants and roles themselves are in the rammeverk; the rules that use
// these facts are process/access.cpp's. Runs inside the caller's read or
// transaction.

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string_view>

namespace oppteam {

class AccessStore {
 public:
  explicit AccessStore(Database& db) : db_(db) {}

  // `user` is the koordinator of a team of case `case_id` now (a
  // coordinator member not removed).
  bool coordinates(std::string_view user, std::int64_t case_id) const;
  // `user` is the owner of case `case_id` (case assign).
  bool owns(std::string_view user, std::int64_t case_id) const;

 private:
  Database& db_;
};

}  // namespace oppteam
