#pragma once
// Values a shell may offer when completing a command line: open case numbers
// from the store. (The rammeverk's ids come from the Rammeverk itself.)
// Case numbers carry no personal data, so listing them is not an audited read;
// it still needs the case.read permission.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/store/database.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oppteam {

// The numbers of every case that is not closed, oldest first (year, then
// running number), at most `limit` of them (0: all).
std::vector<std::string> open_case_numbers(Database& db, std::size_t limit = 0);
// The same offered to `user` under `rv`: none unless the user holds
// case.read everywhere (no refusal is recorded: a completion offers nothing).
std::vector<std::string> open_case_numbers(Database& db, const Rammeverk& rv, std::string_view user);

}  // namespace oppteam
