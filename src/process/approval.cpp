#include <oppteam/process/approval.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/closing.hpp>
#include <oppteam/store/approval_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

bool required(const Rammeverk& rv, ApprovalWhat what) {
  switch (what) {
    case ApprovalWhat::plan: return rv.approvals.plan;
    case ApprovalWhat::assessment: return rv.approvals.assessment;
    case ApprovalWhat::closing: return rv.approvals.closing;
  }
  return false;
}

}  // namespace

void request_approval(const Context& ctx, const CaseRef& c, ApprovalWhat what, std::int64_t ref) {
  if (!required(ctx.rv, what)) return;
  ApprovalStore(ctx.db).request(c.id, what, ref, format_date(ctx.today()), ctx.actor);
  // No entry of its own: the caller may hold an AuditWriter across this
  // call (its entry for the change records the change that is now pending).
}

Approval decide_approval(const Context& ctx, std::string_view case_number, const std::string& what, bool reject, const std::string& reason) {
  const AuthorisedCase ac = authorize_case(ctx, "approve", case_number);
  const CaseRef& c = ac;
  const auto kind = approval_what_from(what);
  if (!kind) throw make_error(ExitCode::usage, "approve.bad_what", what);
  require_text(reason, "--reason", TextField::line);
  if (reject && reason.find_first_not_of(" \t") == std::string::npos)
    throw make_error(ExitCode::usage, "error.missing_option", "--reason");
  return ctx.db.write([&] {
    ApprovalStore store(ctx.db);
    auto pending = store.pending(c.id, *kind);
    if (!pending) throw make_error(ExitCode::not_found, "approve.nothing_pending", c.number, what);
    Approval a = std::move(*pending);
    if (a.requested_by == ctx.actor) throw make_error(ExitCode::refused, "approve.own_change", ctx.actor, what, c.number);
    a.status = reject ? ApprovalStatus::rejected : ApprovalStatus::approved;
    a.decided_on = format_date(ctx.today());
    a.decided_by = ctx.actor;
    a.reason = reason;
    store.decide(c.id, a);
    const char* action = reject ? "approval.reject" : "approval.approve";
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, action, c.number, c.fnr,
                 audit_detail(action, "audit.d.approval", {what, std::to_string(a.ref)}));
    // A rejected closing undoes itself: the case is reopened as `case
    // reopen` would (same rules), with the rejection's reason.
    if (reject && *kind == ApprovalWhat::closing) reopen_case(ctx, c.number, reason);
    return a;
  });
}

std::vector<Approval> approvals_of(Database& db, std::int64_t case_id) { return ApprovalStore(db).list(case_id); }

nlohmann::json to_json(const Approval& a) {
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  return {{"what", std::string(to_stored(a.what))}, {"ref", a.ref},
          {"requested_on", a.requested_on}, {"requested_by", a.requested_by},
          {"status", std::string(to_stored(a.status))}, {"decided_on", or_null(a.decided_on)},
          {"decided_by", or_null(a.decided_by)}, {"reason", or_null(a.reason)}};
}

}  // namespace oppteam
