#pragma once
// Approvals where the municipality wants them (issue 15), as stored. Plain
// values; the rules are in process/approval.cpp, the SQL in
// store/approval_store.cpp.

#include <oppteam/domain/stored_names.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppteam {

// approval.what: what may need approval.
enum class ApprovalWhat { plan, assessment, closing };
inline constexpr StoredNames<ApprovalWhat, 3> kApprovalWhatNames{
    {{{ApprovalWhat::plan, "plan"}, {ApprovalWhat::assessment, "assessment"}, {ApprovalWhat::closing, "closing"}}}};
constexpr std::string_view to_stored(ApprovalWhat w) { return kApprovalWhatNames.of(w); }
constexpr std::optional<ApprovalWhat> approval_what_from(std::string_view text) { return kApprovalWhatNames.from(text); }

inline constexpr std::string_view kApprovalPlan = to_stored(ApprovalWhat::plan);
inline constexpr std::string_view kApprovalAssessment = to_stored(ApprovalWhat::assessment);
inline constexpr std::string_view kApprovalClosing = to_stored(ApprovalWhat::closing);

// approval.status.
enum class ApprovalStatus { pending, approved, rejected };
inline constexpr StoredNames<ApprovalStatus, 3> kApprovalStatusNames{
    {{{ApprovalStatus::pending, "pending"}, {ApprovalStatus::approved, "approved"}, {ApprovalStatus::rejected, "rejected"}}}};
constexpr std::string_view to_stored(ApprovalStatus s) { return kApprovalStatusNames.of(s); }
constexpr std::optional<ApprovalStatus> approval_status_from(std::string_view text) { return kApprovalStatusNames.from(text); }

struct Approval {
  ApprovalWhat what = ApprovalWhat::plan;
  std::int64_t ref = 0;  // the plan revision, the assessment id or the closing's id
  std::string requested_on, requested_by;
  ApprovalStatus status = ApprovalStatus::pending;
  std::string decided_on, decided_by, reason;
};

}  // namespace oppteam
