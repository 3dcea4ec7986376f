#include <oppteam/process/approval.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/closing.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

namespace oppteam {

namespace {

bool required(const Rammeverk& rv, std::string_view what) {
  if (what == kApprovalPlan) return rv.approvals.plan;
  if (what == kApprovalAssessment) return rv.approvals.assessment;
  if (what == kApprovalClosing) return rv.approvals.closing;
  return false;
}

std::string opt_col(SQLite::Statement& q, int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); }

constexpr const char* kColumns =
    "SELECT what, ref, requested_on, requested_by, status, decided_on, decided_by, reason FROM approval ";

Approval read(SQLite::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(), q.getColumn(3).getString(),
          q.getColumn(4).getString(), opt_col(q, 5), opt_col(q, 6), opt_col(q, 7)};
}

}  // namespace

void request_approval(const Context& ctx, const CaseRef& c, std::string_view what, std::int64_t ref) {
  if (!required(ctx.rv, what)) return;
  SQLite::Statement old(ctx.db.sql(), "DELETE FROM approval WHERE case_id = ? AND what = ? AND status = 'pending'");
  old.bind(1, c.id);
  old.bind(2, std::string(what));
  old.exec();
  SQLite::Statement ins(ctx.db.sql(),
                        "INSERT INTO approval (case_id, what, ref, requested_on, requested_by) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, c.id);
  ins.bind(2, std::string(what));
  ins.bind(3, ref);
  ins.bind(4, format_date(ctx.today()));
  ins.bind(5, ctx.actor);
  ins.exec();
  // No entry of its own: the caller may hold an AuditWriter across this
  // call (its entry for the change records the change that is now pending).
}

Approval decide_approval(const Context& ctx, std::string_view case_number, const std::string& what, bool reject, const std::string& reason) {
  const AuthorisedCase ac = authorize_case(ctx, "approve", case_number);
  const CaseRef& c = ac;
  if (what != kApprovalPlan && what != kApprovalAssessment && what != kApprovalClosing)
    throw make_error(ExitCode::usage, "approve.bad_what", what);
  require_text(reason, "--reason", TextField::line);
  if (reject && reason.find_first_not_of(" \t") == std::string::npos)
    throw make_error(ExitCode::usage, "error.missing_option", "--reason");
  return ctx.db.write([&] {
    SQLite::Statement q(ctx.db.sql(), std::string(kColumns) + "WHERE case_id = ? AND what = ? AND status = 'pending'");
    q.bind(1, c.id);
    q.bind(2, what);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "approve.nothing_pending", c.number, what);
    Approval a = read(q);
    if (a.requested_by == ctx.actor) throw make_error(ExitCode::refused, "approve.own_change", ctx.actor, what, c.number);
    a.status = reject ? "rejected" : "approved";
    a.decided_on = format_date(ctx.today());
    a.decided_by = ctx.actor;
    a.reason = reason;
    SQLite::Statement up(ctx.db.sql(),
                         "UPDATE approval SET status = ?, decided_on = ?, decided_by = ?, reason = ? "
                         "WHERE case_id = ? AND what = ? AND status = 'pending'");
    up.bind(1, a.status);
    up.bind(2, a.decided_on);
    up.bind(3, a.decided_by);
    if (reason.empty()) up.bind(4);
    else up.bind(4, reason);
    up.bind(5, c.id);
    up.bind(6, what);
    up.exec();
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, reject ? "approval.reject" : "approval.approve", c.number, c.fnr,
                 fmt::format("{} {}", what, a.ref));
    // A rejected closing undoes itself: the case is reopened as `case
    // reopen` would (same rules), with the rejection's reason.
    if (reject && what == kApprovalClosing) reopen_case(ctx, c.number, reason);
    return a;
  });
}

std::vector<Approval> approvals_of(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(), std::string(kColumns) + "WHERE case_id = ? ORDER BY requested_on, id");
  q.bind(1, case_id);
  std::vector<Approval> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

nlohmann::json to_json(const Approval& a) {
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  return {{"what", a.what},           {"ref", a.ref},
          {"requested_on", a.requested_on}, {"requested_by", a.requested_by},
          {"status", a.status},       {"decided_on", or_null(a.decided_on)},
          {"decided_by", or_null(a.decided_by)}, {"reason", or_null(a.reason)}};
}

}  // namespace oppteam
