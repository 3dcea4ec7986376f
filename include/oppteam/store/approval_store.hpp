#pragma once
// The SQL of approvals (approval). Typed in, domain values out; when an
// approval is needed and who may give it are process/approval.cpp's.

#include <oppteam/domain/approval.hpp>
#include <oppteam/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oppteam {

class ApprovalStore {
 public:
  explicit ApprovalStore(Database& db) : db_(db) {}

  // Makes `what` (ref `ref`) of the case pending, replacing an older pending
  // one of the same kind.
  void request(std::int64_t case_id, ApprovalWhat what, std::int64_t ref, const std::string& requested_on,
               const std::string& requested_by);
  // The pending `what` of the case, none when nothing of that kind is pending.
  std::optional<Approval> pending(std::int64_t case_id, ApprovalWhat what);
  // Records the decision `a` (status, decided_on, decided_by, reason) on the pending `a.what` of the case.
  void decide(std::int64_t case_id, const Approval& a);
  // The case's approvals, oldest first.
  std::vector<Approval> list(std::int64_t case_id);

 private:
  Database& db_;
};

}  // namespace oppteam
