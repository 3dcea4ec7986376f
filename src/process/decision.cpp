#include <oppteam/process/decision.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/documents/letters.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/deadlines.hpp>
#include <oppteam/process/guardian.hpp>
#include <oppteam/store/assessment_store.hpp>
#include <oppteam/store/consent_store.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/decision_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

// Whom a letter is about and whom it goes to: the verge of a person who
// has one; the foresatte of a person under consent_age on `on` (recorded
// with person guardian add, else the names of the consents they gave); else
// the person. Also the date the case's first referral was received (ISO).
struct LetterFacts {
  LetterRecipient to;
  std::string received;
};

LetterFacts letter_facts(const Context& ctx, const CaseRef& c, Date on) {
  LetterFacts f;
  if (const auto stored = DecisionStore(ctx.db).letter_facts(c.id, c.person_id)) {
    f.to.name = stored->name;
    f.received = stored->first_received.value_or(c.opened_on);
  }
  f.to.masked = c.fnr.substr(0, 6) + "*****";
  if (f.to.name.empty()) f.to.name = f.to.masked;

  const auto guardians = read_guardians(ctx.db, c.person_id);
  auto of_kind = [&](GuardianKind kind) {
    std::vector<LetterRecipient::Guardian> out;
    for (const auto& g : guardians)
      if (g.kind == kind && g.ended_on.empty()) out.push_back({g.name, g.address});
    return out;
  };
  if (auto verger = of_kind(GuardianKind::verge); !verger.empty()) {
    f.to.to = LetterRecipient::To::verge;
    f.to.guardians = std::move(verger);
    return f;
  }
  const auto birth = try_parse_date(c.birth_date);
  if (birth && years_between(*birth, on) < ctx.rv.rules.consent_age) {
    auto parents = of_kind(GuardianKind::foresatt);
    if (parents.empty())
      for (const auto& name : ConsentStore(ctx.db).foresatt_names(c.id)) parents.push_back({name, ""});
    if (!parents.empty()) {
      f.to.to = LetterRecipient::To::foresatte;
      f.to.guardians = std::move(parents);
    }
  }
  return f;
}

void check_signed_by(const std::string& signed_by) { require_text(signed_by, "--signed-by", TextField::line); }

}  // namespace

DecisionResult decide_case(const Context& ctx, std::string_view case_number, const DecisionInput& in) {
  authorize(ctx, "decide");
  require_text(in.grounds, "--grounds");
  if (!in.grant && in.grounds.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(ExitCode::usage, "decide.grounds_required");
  const Date today = ctx.today();
  const Date on = in.decided_on.value_or(today);
  if (on > today) throw make_error(ExitCode::data, "decide.future_date", long_date(on, ctx.lang));
  // The date sets the appeal deadline: under enforcement another day than today is not anyone's to choose.
  authorize_dated(ctx, on);
  check_signed_by(in.signed_by);
  const std::string day = format_date(on);

  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "decide", case_number);
    if (const auto d = DecisionStore(ctx.db).in_force(c.id))
      // In the reader's words: "innvilget, 13. mars 2026", not the stored id and ISO date.
      throw make_error(ExitCode::refused, "decide.already", c.number, status_text(ctx, d->outcome),
                       long_date(d->decided_on, ctx.lang));
    if (c.status != CaseStatus::received)
      throw make_error(ExitCode::refused, "decide.wrong_state", c.number, status_text(ctx, c.status));
    // An assessment voided as entered in error (issue 14) does not count.
    const auto assessed = AssessmentStore(ctx.db).first_not_voided_on(c.id);
    if (ctx.rv.rules.assessment_before_decision && !assessed)
      throw make_error(ExitCode::refused, "decide.needs_assessment", c.number);
    // Dates in order: not before the case's first referral came, nor before the assessment it rests on.
    if (day < c.opened_on) throw make_error(ExitCode::data, "decide.before_received", long_date(day, ctx.lang), long_date(c.opened_on, ctx.lang));
    if (ctx.rv.rules.assessment_before_decision && day < *assessed)
      throw make_error(ExitCode::data, "decide.before_assessment", long_date(day, ctx.lang), long_date(*assessed, ctx.lang));
    return write_decision(ctx, c, in, std::nullopt);
  });
}

DecisionResult write_decision(const Context& ctx, const CaseRef& c, const DecisionInput& in, std::optional<std::int64_t> appeal_id) {
  check_signed_by(in.signed_by);
  const Date on = in.decided_on.value_or(ctx.today());
  const LetterFacts f = letter_facts(ctx, c, on);
  const Date deadline = appeal_deadline(ctx.rv, on);

  DecisionResult r;
  r.case_number = c.number;
  r.outcome = in.grant ? DecisionOutcome::granted : DecisionOutcome::refused;
  r.decided_on = format_date(on);
  // A final decision has no appeal deadline: none stored, shown, reminded of or used for "late".
  if (!in.final_in_appeal) r.appeal_deadline = format_date(deadline);
  DecisionLetterInput letter;
  letter.case_number = c.number;
  letter.to = f.to;
  letter.signer = {in.signed_by, ctx.actor};
  letter.grant = in.grant;
  letter.grounds = in.grounds;
  letter.decided_on = on;
  letter.appeal_deadline = deadline;
  letter.final_in_appeal = in.final_in_appeal;
  letter.received = f.received;
  if (appeal_id) letter.appeal_received = AppealStore(ctx.db).received_on(*appeal_id);
  r.letter = compose_decision_letter(ctx.rv, letter);

  AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
  DecisionStore store(ctx.db);
  const Decision d{0, r.outcome, in.grounds, r.decided_on, ctx.actor, r.appeal_deadline, r.letter};
  if (const auto before = store.in_force(c.id)) {
    // A new decision after an appeal: the one before is kept as it was, and
    // the row becomes the decision in force (sealed before and after).
    audit.before("decision", before->id);
    store.replace(before->id, appeal_id, format_date(ctx.today()), ctx.actor, d);
  } else {
    audit.after("decision", store.add(c.id, d));
  }
  CaseStore(ctx.db).set_status(c.id, in.grant ? CaseStatus::granted : CaseStatus::refused);
  const char* action = in.grant ? "decide.grant" : "decide.refuse";
  audit.append(action, c.number, c.fnr,
               in.final_in_appeal ? audit_detail(action, "audit.d.final_after_appeal", {std::to_string(appeal_id.value_or(0))})
               : appeal_id    ? audit_detail(action, "audit.d.appeal_deadline_after_appeal", {r.appeal_deadline, std::to_string(*appeal_id)})
                              : audit_detail(action, "audit.d.appeal_deadline", {r.appeal_deadline}));
  audit.flush();
  return r;
}

DecisionLetter decision_letter(const Context& ctx, std::string_view case_number) {
  authorize_some(ctx, "case.read");
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "case.read", case_number);
    const auto d = DecisionStore(ctx.db).in_force(c.id);
    if (!d) throw make_error(ExitCode::not_found, "decide.no_decision", c.number);
    DecisionLetter out{c.number, d->outcome, d->decided_on, d->letter};
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "decide.letter.show", c.number, c.fnr,
                 audit_detail("decide.letter.show", "audit.d.letter_read", {}));
    return out;
  });
}

PreliminaryReplyResult record_preliminary_reply(const Context& ctx, std::string_view case_number, Date expected_by,
                                                const std::string& reason, const std::string& signed_by) {
  authorize(ctx, "decide");
  require_text(reason, "--reason");
  check_signed_by(signed_by);
  const Date today = ctx.today();
  if (expected_by < today) throw make_error(ExitCode::data, "prelim.expected_past", long_date(expected_by, ctx.lang));
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "decide", case_number);
    if (c.status != CaseStatus::received) throw make_error(ExitCode::refused, "prelim.decided", c.number, status_text(ctx, c.status));
    const Date opened = parse_date(c.opened_on, "opened_on");
    const Date latest = latest_promise(ctx.rv, opened, today);
    if (expected_by > latest)
      throw make_error(ExitCode::data, "prelim.expected_too_late", long_date(expected_by, ctx.lang), long_date(latest, ctx.lang),
                       long_date(promise_counted_from(ctx.rv, opened, today), ctx.lang), ctx.rv.deadlines.expected_by_within);
    const LetterFacts f = letter_facts(ctx, c, today);
    PreliminaryReplyResult r;
    r.case_number = c.number;
    r.sent_on = format_date(today);
    r.expected_by = format_date(expected_by);
    r.letter = compose_preliminary_reply(ctx.rv, {c.number, f.to, {signed_by, ctx.actor}, today, expected_by, f.received, reason});
    DecisionStore(ctx.db).add_preliminary_reply(c.id, r.sent_on, r.expected_by, r.letter, ctx.actor);
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.append("decide.preliminary_reply", c.number, c.fnr,
                 audit_detail("decide.preliminary_reply", "audit.d.expected_by", {r.expected_by}));
    audit.flush();
    return r;
  });
}

}  // namespace oppteam
