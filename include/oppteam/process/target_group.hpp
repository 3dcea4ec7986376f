#pragma once
// A case's target group (målgruppe, the rammeverk's [[target_group]]):
// set at referral, assessment or decision (--target-group), by the import's
// target_group column for the cases it opens, or changed later with `case
// target-group`. Every value set is kept with the step, date and user;
// case_file.target_group holds the latest, which the report counts.

#include <oppteam/process/context.hpp>

#include <string>

namespace oppteam {

// The target group named by its id or its label, in any case (find_by_word), or nullptr.
const TargetGroup* find_target_group_by_name(const Rammeverk& rv, std::string_view id_or_label);

// The id of the target group named by `id_or_label`; exit 65 naming the
// valid ones otherwise.
std::string check_target_group(const Rammeverk& rv, std::string_view id_or_label);

struct TargetGroupSet {
  std::string case_number;
  std::string target_group;
  std::string previous;  // "" when none was set
};

// Sets the case's target group at `step` (refer, assess, decide, case),
// keeping the history, audited (case.target_group). Joins the caller's
// transaction. Exit 65 for an unknown target group, 1 for no such case.
TargetGroupSet set_target_group(const Context& ctx, std::string_view case_number, std::string_view id_or_label,
                                std::string_view step);

}  // namespace oppteam
