#pragma once
// A person's foresatte and verge (issue 14, point 8): recorded with
// `person guardian add`, kept with their history (a row per guardian, never
// deleted but by purge), audited. A decision letter about a person under
// consent_age goes to the foresatte, about a person with a verge to the verge.

#include <oppteam/domain/person.hpp>
#include <oppteam/process/context.hpp>

#include <oppteam/util/dates.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {


struct GuardianInput {
  std::string kind = std::string(to_stored(GuardianKind::foresatt));
  std::string name;
  std::string address;  // optional, one line or several
};

// Records a guardian of the person `fnr`. Exit 64 for a bad kind or no
// name, 65 for a bad number or text, 1 for no such person, 2 when the same
// name holds as that kind already.
Guardian add_guardian(const Context& ctx, std::string_view fnr, const GuardianInput& in);

struct GuardianEnd {
  std::string name;
  std::string kind;             // empty: whichever kind holds under that name
  std::optional<Date> on;       // default: today
};

// Ends a guardianship recorded before (a child comes of age, a verge is
// replaced): the row is kept with the day it ended and who recorded it,
// audited; letters no longer go to that guardian. Exit 64 for a bad kind,
// no name, or a name that holds as both kinds without --kind; 65 for a bad
// number, a day after today or before the guardian was recorded; 1 for no
// such person or no such guardian holding.
Guardian end_guardian(const Context& ctx, std::string_view fnr, const GuardianEnd& in);

// The guardians of a person, oldest first (no audit: for views that audit).
std::vector<Guardian> read_guardians(Database& db, std::int64_t person_id);

}  // namespace oppteam
