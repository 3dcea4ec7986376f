#include <oppteam/process/closing.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/process/approval.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/team.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

void bind_opt(SQLite::Statement& q, int i, const std::string& v) {
  if (v.empty()) q.bind(i);
  else q.bind(i, v);
}

}  // namespace

std::string closing_reason_list(const Rammeverk& rv) {
  std::string out;
  for (const auto& r : rv.closing_reasons) out += (out.empty() ? "" : ", ") + r.id;
  return out;
}

CaseClosed close_case(const Context& ctx, std::string_view case_number, const CloseInput& in) {
  // Closed as the last step of a transfer, under the transfer's permission.
  const std::string_view permission = in.transfer ? "case.transfer" : "case.close";
  authorize_some(ctx, permission);
  require_text(in.note, "--note", TextField::lines);
  require_text(in.to_municipality, "--to-municipality", TextField::line);
  const ClosingReason* reason = ctx.rv.find_closing_reason(in.reason);
  if (!reason) throw make_error(ExitCode::usage, "closing.unknown_reason", in.reason, closing_reason_list(ctx.rv));
  const std::string to = trim(in.to_municipality);
  if (reason->needs_municipality && to.empty())
    throw make_error(ExitCode::usage, "closing.municipality_required", reason->id);
  if (!reason->needs_municipality && !to.empty() && !in.transfer)
    throw make_error(ExitCode::usage, "closing.municipality_not_for", reason->id);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, permission, case_number);
    if (c.status == kCaseClosed) throw make_error(ExitCode::refused, "closing.already_closed", c.number);
    const std::string today = format_date(ctx.today());
    CaseClosed out{c.number, reason->id, c.status, today};
    std::string team_status, plan_status;
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT status FROM team WHERE case_id = ? AND status <> 'closed'");
      q.bind(1, c.id);
      if (q.executeStep()) team_status = q.getColumn(0).getString();
    }
    {
      SQLite::Statement q(ctx.db.sql(), "SELECT status FROM plan WHERE case_id = ? AND status <> 'closed'");
      q.bind(1, c.id);
      if (q.executeStep()) plan_status = q.getColumn(0).getString();
    }
    // The team's own close (its audit entry written and flushed before this command's writer starts).
    if (!team_status.empty()) {
      close_team(ctx, c.number, reason->id, false);
      out.team_closed = true;
    }
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    if (!plan_status.empty()) {
      SQLite::Statement p(ctx.db.sql(), "UPDATE plan SET status = 'closed' WHERE case_id = ?");
      p.bind(1, c.id);
      p.exec();
      out.plan_closed = true;
    }
    SQLite::Statement k(ctx.db.sql(), "UPDATE case_file SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?");
    k.bind(1, today);
    k.bind(2, reason->id);
    k.bind(3, c.id);
    k.exec();
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO case_closing(case_id, reason, stage, note, to_municipality, closed_on, closed_by, "
                          "team_status, plan_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, c.id);
    ins.bind(2, reason->id);
    ins.bind(3, c.status);
    bind_opt(ins, 4, in.note);
    bind_opt(ins, 5, to);
    ins.bind(6, today);
    ins.bind(7, ctx.actor);
    bind_opt(ins, 8, team_status);
    bind_opt(ins, 9, plan_status);
    ins.exec();
    // Where [approvals] closing asks for it, the closing waits for a
    // leader's approve (a rejection reopens the case). A transfer does not:
    // its data has already left with the bundle.
    if (!in.transfer) request_approval(ctx, c, kApprovalClosing, ctx.db.sql().getLastInsertRowid());
    out.pending_approval = !in.transfer && ctx.rv.approvals.closing;
    audit.append("case.close", c.number, c.fnr, reason->id + " at stage " + c.status);
    audit.flush();
    return out;
  });
}

CaseReopened reopen_case(const Context& ctx, std::string_view case_number, const std::string& reason_in) {
  authorize_some(ctx, "case.close");
  const std::string reason = required_value(reason_in, "--reason");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.close", case_number);
    if (c.status != kCaseClosed) throw make_error(ExitCode::refused, "closing.not_closed", c.number, c.status);
    SQLite::Statement q(ctx.db.sql(),
                        "SELECT cc.id, cc.stage, cc.closed_on, coalesce(cc.team_status, ''), coalesce(cc.plan_status, '') "
                        "FROM case_closing cc JOIN case_file c ON c.id = cc.case_id "
                        "WHERE cc.case_id = ? AND cc.reopened_on IS NULL AND cc.closed_on = c.closed_on "
                        "ORDER BY cc.id DESC LIMIT 1");
    q.bind(1, c.id);
    if (!q.executeStep()) throw make_error(ExitCode::refused, "closing.not_reopenable", c.number);
    const std::int64_t closing_id = q.getColumn(0).getInt64();
    CaseReopened out{c.number, q.getColumn(1).getString()};
    {
      // A case handed to another municipality lives on there: reopening it
      // here would make two open follow-ups of one person.
      SQLite::Statement t(ctx.db.sql(), "SELECT municipality FROM case_transfer WHERE case_id = ? AND direction = 'out' LIMIT 1");
      t.bind(1, c.id);
      if (t.executeStep()) throw make_error(ExitCode::refused, "closing.transferred", c.number, t.getColumn(0).getString());
    }
    const std::string closed_on = q.getColumn(2).getString();
    const std::string team_status = q.getColumn(3).getString();
    const std::string plan_status = q.getColumn(4).getString();
    const Date until = reopen_until(ctx.rv, parse_date(closed_on, "closed_on"));
    if (ctx.today() > until)
      throw make_error(ExitCode::refused, "closing.reopen_too_late", c.number, closed_on, ctx.rv.deadlines.reopen_within_days,
                       format_date(until));
    {
      // A new referral since may have opened another case: one open case per person.
      SQLite::Statement o(ctx.db.sql(), "SELECT number FROM case_file WHERE person_id = ? AND id <> ? AND status <> 'closed' LIMIT 1");
      o.bind(1, c.person_id);
      o.bind(2, c.id);
      if (o.executeStep()) throw make_error(ExitCode::refused, "closing.other_open_case", c.number, o.getColumn(0).getString());
    }
    const std::string today = format_date(ctx.today());
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    if (!team_status.empty()) {
      SQLite::Statement t(ctx.db.sql(), "UPDATE team SET status = ?, closed_on = NULL, close_reason = NULL WHERE case_id = ?");
      t.bind(1, team_status);
      t.bind(2, c.id);
      out.team_reopened = t.exec() > 0;
      if (out.team_reopened) audit.append("team.reopen", c.number, c.fnr, audit_detail("team.reopen", "audit.d.reopened_with_case", {}));
      // An active team needs its team consent, as at team resume: without
      // one it comes back paused (the case worker gets consent, then resumes).
      if (out.team_reopened && team_status == kTeamActive && ctx.rv.consent_required_for("team"))
        out.team_paused = pause_team_without_consent(ctx, c, ctx.today(), audit, "audit.d.team_reopened_without_consent");
    }
    if (!plan_status.empty()) {
      SQLite::Statement p(ctx.db.sql(), "UPDATE plan SET status = ? WHERE case_id = ?");
      p.bind(1, plan_status);
      p.bind(2, c.id);
      out.plan_reopened = p.exec() > 0;
    }
    SQLite::Statement k(ctx.db.sql(), "UPDATE case_file SET status = ?, closed_on = NULL, close_reason = NULL WHERE id = ?");
    k.bind(1, out.status);
    k.bind(2, c.id);
    k.exec();
    SQLite::Statement u(ctx.db.sql(), "UPDATE case_closing SET reopened_on = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?");
    u.bind(1, today);
    u.bind(2, ctx.actor);
    u.bind(3, reason);
    u.bind(4, closing_id);
    u.exec();
    audit.append("case.reopen", c.number, c.fnr, "to " + out.status);
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
    r.status = "closed";
    return r;
  });
}

}  // namespace oppteam
