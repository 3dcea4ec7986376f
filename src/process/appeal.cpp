#include <oppteam/process/appeal.hpp>

#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/documents/letters.hpp>
#include <oppteam/domain/consent.hpp>
#include <oppteam/process/correction.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/decision.hpp>
#include <oppteam/store/decision_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

// Keeps the step, moves the appeal to `status` on `on`, and writes the
// audit entry `action` of case `c` with `detail`, sealing the step.
void record_step(const Context& ctx, const CaseRef& c, std::int64_t appeal_id, AppealStepKind step, AppealStepResult result,
                 const std::string& on, const std::string& grounds, AppealStatus status, const std::string& action,
                 const std::string& detail) {
  AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
  audit.after("appeal_step", AppealStore(ctx.db).add_step(appeal_id, {step, result, on, ctx.actor, grounds}, status));
  audit.append(action, c.number, c.fnr, detail);
  audit.flush();
}

// A date of a step: not after today, not before the step before it (65).
std::string step_date(const Context& ctx, Date on, const std::string& before, std::string_view option) {
  if (on > ctx.today()) throw make_error(ExitCode::data, "appeal.future_date", option, long_date(on, ctx.lang));
  const std::string day = format_date(on);
  if (day < before) throw make_error(ExitCode::data, "appeal.date_before", option, long_date(day, ctx.lang), long_date(before, ctx.lang));
  return day;
}

// The new decision of a reversal: the other outcome, through the decision
// code. `final_in_appeal` when statsforvalteren reversed it: the decision is
// made in the appeal case and cannot be appealed further (fvl § 28 third paragraph).
DecisionResult reverse_decision(const Context& ctx, const CaseRef& c, const Decision& d, std::int64_t appeal_id,
                                const std::string& grounds, const std::string& signed_by, bool final_in_appeal) {
  if (c.status != CaseStatus::granted && c.status != CaseStatus::refused)
    throw make_error(ExitCode::refused, "appeal.reverse_wrong_state", c.number, status_text(ctx, c.status));
  DecisionInput in;
  in.grant = d.outcome != DecisionOutcome::granted;
  in.grounds = grounds;
  in.signed_by = signed_by;
  in.final_in_appeal = final_in_appeal;
  return write_decision(ctx, c, in, appeal_id);
}

Appeal find_appeal(const Context& ctx, const CaseRef& c, std::int64_t id) {
  for (auto& a : read_appeals(ctx, c.id))
    if (a.id == id) return a;
  throw make_error(ExitCode::not_found, "appeal.none", c.number);
}

}  // namespace

Appeal register_appeal(const Context& ctx, std::string_view case_number, const AppealInput& in) {
  authorize_some(ctx, "appeal.write");
  const auto from = party_from(in.from);
  if (!from) throw make_error(ExitCode::usage, "appeal.bad_from", in.from);
  require_text(in.name, "--name", TextField::line);
  const std::string name = trim(in.name);
  if (name.empty() && *from != Party::person) throw make_error(ExitCode::usage, "appeal.name_required", in.from);
  const std::string received = step_date(ctx, in.received, "", "--received");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "appeal.write", case_number);
    if (c.status == CaseStatus::closed) throw make_error(ExitCode::refused, "appeal.case_closed", c.number);
    const auto d = DecisionStore(ctx.db).in_force(c.id);
    if (!d) throw make_error(ExitCode::refused, "appeal.no_decision", c.number);
    // Statsforvalteren has decided the appeal case (upheld or reversed): the
    // decision in force cannot be appealed further (forvaltningsloven § 28 third paragraph).
    for (const auto& earlier : AppealStore(ctx.db).list(c.id))
      if (earlier.status == AppealStatus::final_upheld || earlier.status == AppealStatus::final_reversed)
        throw make_error(ExitCode::refused, "appeal.final_decision", c.number, long_date(earlier.status_on, ctx.lang));
    if (received < d->decided_on)
      throw make_error(ExitCode::data, "appeal.date_before", "--received", long_date(received, ctx.lang), long_date(d->decided_on, ctx.lang));
    AppealStore store(ctx.db);
    if (const auto open = store.open(c.id))
      throw make_error(ExitCode::refused, "appeal.open_already", c.number, long_date(open->received_on, ctx.lang));
    Appeal a;
    a.received_on = received;
    a.from = in.from;
    a.name = name;
    a.deadline = d->appeal_deadline;
    a.late = received > d->appeal_deadline;
    a.decision_outcome = d->outcome;
    a.registered_by = ctx.actor;
    const bool late = a.late;
    const std::int64_t id = store.add(c.id, d->id, a, format_date(ctx.today()));
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "appeal.register", c.number, c.fnr,
                 audit_detail("appeal.register", late ? "audit.d.appeal_registered_late" : "audit.d.appeal_registered",
                              {std::to_string(id), in.from, received}));
    return find_appeal(ctx, c, id);
  });
}

void require_no_appeal_owed(const Context& ctx, const CaseRef& c) {
  const auto a = AppealStore(ctx.db).open(c.id);
  if (!a) return;
  const char* key = a->status == AppealStatus::upheld      ? "closing.appeal_forward_owed"
                    : a->status == AppealStatus::forwarded ? "closing.appeal_outcome_owed"
                                                           : "closing.appeal_review_owed";
  throw make_error(ExitCode::refused, key, c.number, long_date(a->received_on, ctx.lang));
}

AppealReviewed review_appeal(const Context& ctx, std::string_view case_number, bool reverse, const std::string& grounds_in,
                             const std::string& signed_by) {
  authorize_some(ctx, "appeal.write");
  if (reverse) authorize_some(ctx, "decide");  // a reversal is a new decision
  const std::string grounds = required_value(grounds_in, "--grounds", TextField::lines);
  return ctx.db.write([&] {
    const AuthorisedCase ac = authorize_case(ctx, "appeal.write", case_number);
    if (reverse) authorize_also(ctx, "decide", ac);
    const CaseRef c = ac;
    const auto a = AppealStore(ctx.db).open(c.id);
    if (!a || (a->status != AppealStatus::received && a->status != AppealStatus::returned))
      throw make_error(ExitCode::refused, "appeal.no_review_owed", c.number);
    const std::string today = format_date(ctx.today());
    AppealReviewed out;
    // The new decision first: its own audit entry is written and flushed before this step's.
    if (reverse) {
      const auto d = DecisionStore(ctx.db).in_force(c.id);
      const DecisionResult r = reverse_decision(ctx, c, *d, a->id, grounds, signed_by, false);
      out.new_outcome = r.outcome;
      out.letter = r.letter;
    }
    record_step(ctx, c, a->id, AppealStepKind::review, reverse ? AppealStepResult::reverse : AppealStepResult::uphold, today, grounds,
                reverse ? AppealStatus::reversed : AppealStatus::upheld, "appeal.review",
                audit_detail("appeal.review", reverse ? "audit.d.appeal_reversed" : "audit.d.appeal_upheld", {std::to_string(a->id)}));
    out.appeal = find_appeal(ctx, c, a->id);
    return out;
  });
}

Appeal forward_appeal(const Context& ctx, std::string_view case_number, Date on) {
  authorize_some(ctx, "appeal.write");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "appeal.write", case_number);
    const auto a = AppealStore(ctx.db).open(c.id);
    if (!a || a->status != AppealStatus::upheld) throw make_error(ExitCode::refused, "appeal.no_forward_owed", c.number);
    const std::string day = step_date(ctx, on, a->status_on, "--date");
    record_step(ctx, c, a->id, AppealStepKind::forward, AppealStepResult::none, day, "", AppealStatus::forwarded, "appeal.forward",
                audit_detail("appeal.forward", "audit.d.appeal_forwarded", {std::to_string(a->id), day}));
    return find_appeal(ctx, c, a->id);
  });
}

AppealReviewed appeal_outcome(const Context& ctx, std::string_view case_number, AppealStepResult outcome, Date on) {
  authorize_some(ctx, "appeal.write");
  const bool reversed = outcome == AppealStepResult::reversed;
  if (reversed) authorize_some(ctx, "decide");  // the reversal becomes the decision in force
  if (!appeal_final_outcome(outcome)) throw make_error(ExitCode::usage, "appeal.bad_outcome", to_stored(outcome));
  return ctx.db.write([&] {
    const AuthorisedCase ac = authorize_case(ctx, "appeal.write", case_number);
    if (reversed) authorize_also(ctx, "decide", ac);
    const CaseRef c = ac;
    const auto a = AppealStore(ctx.db).open(c.id);
    if (!a || a->status != AppealStatus::forwarded) throw make_error(ExitCode::refused, "appeal.no_outcome_owed", c.number);
    const std::string day = step_date(ctx, on, a->status_on, "--date");
    AppealReviewed out;
    if (reversed) {
      const auto d = DecisionStore(ctx.db).in_force(c.id);
      const DecisionResult r =
          reverse_decision(ctx, c, *d, a->id, compose_reversed_on_appeal_grounds(ctx.rv, on), {}, true);
      out.new_outcome = r.outcome;
      out.letter = r.letter;
    }
    const AppealStatus status = outcome == AppealStepResult::upheld ? AppealStatus::final_upheld
                                : reversed                          ? AppealStatus::final_reversed
                                                                    : AppealStatus::returned;
    const char* outcome_key = status == AppealStatus::final_upheld     ? "audit.d.appeal_final_upheld"
                              : status == AppealStatus::final_reversed ? "audit.d.appeal_final_reversed"
                                                                       : "audit.d.appeal_returned";
    record_step(ctx, c, a->id, AppealStepKind::outcome, outcome, day, "", status, "appeal.outcome",
                audit_detail("appeal.outcome", outcome_key, {std::to_string(a->id), day}));
    out.appeal = find_appeal(ctx, c, a->id);
    return out;
  });
}

std::vector<Appeal> read_appeals(const Context& ctx, std::int64_t case_id) {
  std::vector<Appeal> out = AppealStore(ctx.db).list(case_id);
  for (auto& a : out)
    if (appeal_open(a.status)) a.due = format_date(appeal_step_due(ctx.rv, a.status, parse_date(a.status_on, "status_on")));
  return out;
}

nlohmann::json to_json(const Appeal& a) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : a.steps) {
    nlohmann::json j = {{"step", std::string(to_stored(s.step))}, {"on", s.on}, {"by", s.by}};
    j["result"] = s.result == AppealStepResult::none ? nlohmann::json() : nlohmann::json(std::string(to_stored(s.result)));
    j["grounds"] = s.grounds.empty() ? nlohmann::json() : nlohmann::json(s.grounds);
    steps.push_back(j);
  }
  return {{"id", a.id},
          {"case", a.case_number},
          {"received_on", a.received_on},
          {"from", a.from},
          {"name", a.name.empty() ? nlohmann::json() : nlohmann::json(a.name)},
          {"deadline", a.deadline},
          {"late", a.late},
          {"decision_outcome", std::string(to_stored(a.decision_outcome))},
          {"status", std::string(to_stored(a.status))},
          {"status_on", a.status_on},
          {"open", appeal_open(a.status)},
          {"due", a.due.empty() ? nlohmann::json() : nlohmann::json(a.due)},
          {"registered_by", a.registered_by},
          {"steps", steps}};
}

}  // namespace oppteam
