#pragma once
// Approvals where the municipality wants them (issue 15): the rammeverk's
// [approvals] can require a leader's approval of a plan revision or of an
// assessment. The change is stored as made and marked pending until
// `approve` by a user with the permission "approve" (never the one who made
// it); pending approvals are reminded to the unit's leaders. A case closing
// may need one too ([approvals] closing): the case is closed at once, and a
// rejection reopens it.

#include <oppteam/domain/approval.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/context.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

// Within the caller's write transaction, after a plan revision (`ref` its
// number) or an assessment (`ref` its id): when the rammeverk requires
// approval of `what`, the change is pending (an older pending one of the
// same kind in the case is superseded: only the newest is approved).
void request_approval(const Context& ctx, const CaseRef& c, ApprovalWhat what, std::int64_t ref);

// Approves (or with `reject`, rejects; a reason is then required, exit 64)
// the pending `what` of the case. Exit 64 for another `what`; 1 when
// nothing of that kind is pending; 2 when the acting user made the change.
Approval decide_approval(const Context& ctx, std::string_view case_number, const std::string& what, bool reject, const std::string& reason);

// The case's approvals, oldest first (no audit: the caller's read is audited).
std::vector<Approval> approvals_of(Database& db, std::int64_t case_id);

nlohmann::json to_json(const Approval& a);

}  // namespace oppteam
