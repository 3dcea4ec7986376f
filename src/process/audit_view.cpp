#include <oppteam/process/audit_view.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>

namespace oppteam {

AuditVerifyResult verify_audit(const Context& ctx, const std::vector<AuditAnchor>& anchors) {
  authorize(ctx, "audit.verify");
  return audit_verify(ctx.db, anchors);
}

AuditAnchor anchor_audit(const Context& ctx) {
  authorize(ctx, "audit.verify");
  return audit_anchor(ctx.db);
}

AuditListing list_audit(const Context& ctx, const AuditFilter& filter) {
  authorize(ctx, "audit.log");
  // A period that ends before it begins lists nothing: say so (as report --from/--to does).
  if (filter.since && filter.until && *filter.since > *filter.until)
    throw make_error(ExitCode::data, "audit.since_after_until", long_date(*filter.since, ctx.lang), long_date(*filter.until, ctx.lang));
  AuditListing out;
  out.entries = audit_list(ctx.db, filter);
  out.total = filter.limit && out.entries.size() == filter.limit ? audit_count(ctx.db, filter) : out.entries.size();
  audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "audit.log", filter.object.value_or(""), filter.person.value_or(""),
               audit_detail("audit.log", "audit.d.entries", {std::to_string(out.entries.size())}));
  return out;
}

}  // namespace oppteam
