#pragma once
// The imports that stored a case's referrals, found through them (a purge
// keeps that link in its entry once the referrals are gone).

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace oppteam {

// The ids of the `refer import` entries that stored a referral of case
// `case_id`, ascending, as text.
std::vector<std::string> import_entries_of_case(Database& db, std::int64_t case_id);

}  // namespace oppteam
