#pragma once
// What `approve` tells the leader once a pending plan revision, assessment
// or closing is approved or rejected.

#include <oppteam/domain/approval.hpp>
#include <oppteam/i18n/messages.hpp>

#include <string>

namespace oppteam {

// "Case 2026/1: assessment 3 is approved." (or rejected) in `lang`, for the
// approval `a` of case `case_number` as decide_approval() returned it.
std::string render_approval_decided(const std::string& case_number, const Approval& a, bool rejected, Lang lang);

}  // namespace oppteam
