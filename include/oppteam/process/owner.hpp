#pragma once
// An owner for every case (issue 14): the saksbehandler in the coordinating
// unit who is responsible for the case until its team has a koordinator,
// and after. Reminders of a case without a koordinator go to the owner
// (else to the unit); every assignment is kept.

#include <oppteam/process/context.hpp>

#include <string>

namespace oppteam {

struct CaseAssigned {
  std::string case_number;
  std::string owner;
  std::string previous;  // "" when the case had no owner
};

// Makes `user` the case's owner. Exit 64 for an empty name, 65 for a name
// with control characters or over kMaxActorChars, and under enforce for a
// user the rammeverk's [[access.user]] does not list; 1 for no such case.
CaseAssigned assign_case(const Context& ctx, std::string_view case_number, const std::string& user);

}  // namespace oppteam
