#include <oppteam/process/closing.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/process/appeal.hpp>
#include <oppteam/process/approval.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/team.hpp>
#include <oppteam/store/closing_store.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/plan_store.hpp>
#include <oppteam/store/team_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

std::string closing_reason_list(const Rammeverk& rv) { return join(entry_ids(rv.closing_reasons)); }

namespace {

Error unknown_reason(const Rammeverk& rv, const std::string& reason) {
  const auto ids = entry_ids(rv.closing_reasons);
  return unknown_value("closing.unknown_reason", {reason, join(ids)}, reason, ids);
}

// Why `case reopen` refuses the closed case `c` today, if it does; else
// nothing, and `closing` is the closing it would undo. The one set of rules
// for reopen itself and for the hint of a second close.
std::optional<Error> reopen_refusal(const Context& ctx, const CaseRef& c, ClosingStore& store,
                                    std::optional<ClosingStore::Closing>& closing) {
  closing = store.current(c.id);
  if (!closing) return make_error(ExitCode::refused, "closing.not_reopenable", c.number);
  // A case handed to another municipality lives on there: reopening it
  // here would make two open follow-ups of one person.
  if (const auto to = store.transferred_to(c.id)) return make_error(ExitCode::refused, "closing.transferred", c.number, *to);
  if (format_date(ctx.today()) < closing->closed_on)
    return make_error(ExitCode::data, "closing.reopen_before_closed", c.number, long_date(ctx.today(), ctx.lang),
                      long_date(closing->closed_on, ctx.lang));
  const Date until = reopen_until(ctx.rv, parse_date(closing->closed_on, "closed_on"));
  if (ctx.today() > until)
    return make_error(ExitCode::refused, "closing.reopen_too_late", c.number, long_date(closing->closed_on, ctx.lang),
                      ctx.rv.deadlines.reopen_within_days, long_date(until, ctx.lang));
  // A new referral since may have opened another case: one open case per person.
  if (const auto other = store.other_open_case(c.person_id, c.id))
    return make_error(ExitCode::refused, "closing.other_open_case", c.number, *other);
  return std::nullopt;
}

}  // namespace

CaseClosed close_case(const Context& ctx, std::string_view case_number, const CloseInput& in) {
  // Closed as the last step of a transfer, under the transfer's permission.
  const std::string_view permission = in.transfer ? "case.transfer" : "case.close";
  authorize_some(ctx, permission);
  require_text(in.note, "--note", TextField::lines);
  require_text(in.to_municipality, "--to-municipality", TextField::line);
  const ClosingReason* reason = ctx.rv.find_closing_reason(in.reason);
  if (!reason) throw unknown_reason(ctx.rv, in.reason);
  const std::string to = trim(in.to_municipality);
  if (reason->needs_municipality && to.empty())
    throw make_error(ExitCode::usage, "closing.municipality_required", reason->id);
  if (!reason->needs_municipality && !to.empty() && !in.transfer)
    throw make_error(ExitCode::usage, "closing.municipality_not_for", reason->id);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, permission, case_number);
    ClosingStore store(ctx.db);
    if (c.status == CaseStatus::closed) {
      // The hint to reopen it only where case reopen would.
      std::optional<ClosingStore::Closing> closing;
      throw make_error(ExitCode::refused, reopen_refusal(ctx, c, store, closing) ? "closing.already_closed_final" : "closing.already_closed",
                       c.number);
    }
    require_no_appeal_owed(ctx, c);
    const std::string today = format_date(ctx.today());
    CaseClosed out{c.number, reason->id, c.status, today};
    PlanStore plans(ctx.db);
    std::optional<TeamStatus> team_status = TeamStore(ctx.db).status_of(c.id);
    if (team_status == TeamStatus::closed) team_status.reset();
    const std::optional<PlanStatus> plan_status = plans.open_status_of_case(c.id);
    // The team's own close (its audit entry written and flushed before this command's writer starts).
    if (team_status) {
      close_team(ctx, c.number, reason->id, false);
      out.team_closed = true;
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    if (plan_status) {
      plans.close_of_case(c.id);
      out.plan_closed = true;
    }
    CaseStore(ctx.db).close(c.id, today, reason->id);
    const std::int64_t closing_id =
        store.add(c.id, {0, reason->id, c.status, in.note, to, today, ctx.actor, team_status, plan_status});
    // Where [approvals] closing asks for it, the closing waits for a
    // leader's approve (a rejection reopens the case). A transfer does not:
    // its data has already left with the bundle.
    if (!in.transfer) request_approval(ctx, c, ApprovalWhat::closing, closing_id);
    out.pending_approval = !in.transfer && ctx.rv.approvals.closing;
    audit.append("case.close", c.number, c.fnr, audit_detail("case.close", "audit.d.closed_at_stage", {reason->id, std::string(to_stored(c.status))}));
    audit.flush();
    return out;
  });
}

CaseReopened reopen_case(const Context& ctx, std::string_view case_number, const std::string& reason_in) {
  authorize_some(ctx, "case.close");
  const std::string reason = required_value(reason_in, "--reason");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.close", case_number);
    if (c.status != CaseStatus::closed) throw make_error(ExitCode::refused, "closing.not_closed", c.number, status_text(ctx, c.status));
    ClosingStore store(ctx.db);
    std::optional<ClosingStore::Closing> closing;
    if (auto refusal = reopen_refusal(ctx, c, store, closing)) throw *refusal;
    CaseReopened out{c.number, closing->stage};
    const std::optional<TeamStatus> team_status = closing->team_status;
    const std::optional<PlanStatus> plan_status = closing->plan_status;
    const std::string today = format_date(ctx.today());
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    if (team_status) {
      out.team_reopened = TeamStore(ctx.db).reopen(c.id, *team_status);
      if (out.team_reopened) audit.append("team.reopen", c.number, c.fnr, audit_detail("team.reopen", "audit.d.reopened_with_case", {}));
      // An active team needs its team consent, as at team resume: without
      // one it comes back paused (the case worker gets consent, then resumes).
      if (out.team_reopened && team_status == TeamStatus::active && ctx.rv.consent_required_for("team"))
        out.team_paused = pause_team_without_consent(ctx, c, ctx.today(), audit, "audit.d.team_reopened_without_consent");
    }
    if (plan_status) out.plan_reopened = PlanStore(ctx.db).reopen_of_case(c.id, *plan_status);
    CaseStore(ctx.db).reopen(c.id, closing->stage);
    store.mark_reopened(closing->id, today, ctx.actor, reason);
    audit.append("case.reopen", c.number, c.fnr, audit_detail("case.reopen", "audit.d.reopened_to", {std::string(to_stored(out.status))}));
    audit.flush();
    return out;
  });
}

ReferralResult add_declined_referral(const Context& ctx, const ReferralInput& in, const std::string& form) {
  // It also records the person's no and closes the case.
  for (std::string_view permission : {"refer.add", "consent.write", "case.close"}) authorize(ctx, permission);
  return ctx.db.write([&] {
    ReferralResult r = add_referral(ctx, in);
    if (r.duplicate) return r;  // a re-send of the same screening: a no-op, as for any referral
    if (!r.new_case) throw make_error(ExitCode::refused, "decline.referral_open_case", r.case_number);
    DeclineInput d;
    d.scope = "utredning";
    d.form = form;
    d.declined_on = check_received(ctx, in.received);  // the one user date parser, as add_referral
    decline_consent(ctx, r.case_number, d);
    close_case(ctx, r.case_number, {"declines", "", ""});
    r.status = CaseStatus::closed;
    return r;
  });
}

}  // namespace oppteam
