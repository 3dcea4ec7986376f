#pragma once
// The audit log's own commands, each checking its permission ([access])
// before it calls the audit area (include/oppteam/audit/audit_log.hpp).

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/context.hpp>

#include <cstddef>
#include <vector>

namespace oppteam {

// audit verify: "audit.verify", then audit_verify().
AuditVerifyResult verify_audit(const Context& ctx, const std::vector<AuditAnchor>& anchors);

// audit anchor: "audit.verify", then audit_anchor().
AuditAnchor anchor_audit(const Context& ctx);

// audit log: "audit.log". The entries `filter` selects and how many there
// are without its limit; the listing is itself audited ("audit.log"), as a
// read of what the log says about people.
struct AuditListing {
  std::vector<AuditEntry> entries;
  std::size_t total = 0;
};
AuditListing list_audit(const Context& ctx, const AuditFilter& filter);

}  // namespace oppteam
