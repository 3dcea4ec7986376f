#include <oppteam/process/correction.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/store/decision_store.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/store/person_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

// The fields a correction changed, comma-separated.
std::string fields_of(const Corrected& c) {
  std::string out;
  for (const auto& ch : c.changes) out += (out.empty() ? "" : ", ") + ch.field;
  return out;
}

}  // namespace

std::string required_value(const std::string& text, std::string_view option, TextField field) {
  require_text(text, option, field);
  std::string value = trim(text);
  if (value.empty()) throw make_error(ExitCode::usage, "error.missing_option", option);
  return value;
}

std::string correction_reason(const std::string& reason) { return required_value(reason, "--reason"); }

void record_correction(const Context& ctx, AuditWriter& audit, std::optional<std::int64_t> case_id,
                       std::int64_t person_id, const std::string& object, std::int64_t object_id, const Change& change,
                       const std::string& reason) {
  audit.after("correction",
              CaseStore(ctx.db).add_correction(case_id, person_id, object, object_id, change.field, change.before,
                                               change.after, reason, format_date(ctx.today()), ctx.actor));
}

void apply_correction(const Context& ctx, AuditWriter& audit, const std::string& table, std::int64_t id,
                      const Change& change, std::optional<std::int64_t> case_id, std::int64_t person_id,
                      const std::string& reason, bool empty_is_null) {
  CaseStore(ctx.db).set_column(table, id, change.field,
                               empty_is_null && change.after.empty() ? std::nullopt : std::optional<std::string>(change.after));
  record_correction(ctx, audit, case_id, person_id, table, id, change, reason);
}

Corrected correct_name(const Context& ctx, std::string_view fnr_text, const std::string& name_in, const std::string& reason_in) {
  authorize(ctx, "person.correct");
  const std::string reason = correction_reason(reason_in);
  const std::string name = required_value(name_in, "--name");
  const std::string fnr = PersonalNumber::parse(fnr_text, ctx.pnr_options()).str();
  return ctx.db.write([&] {
    const auto person = PersonStore(ctx.db).find(fnr);
    if (!person) throw make_error(ExitCode::not_found, "person.not_found", fnr);
    Corrected out{"", "person", person->id, {{"name", person->name, name}}};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("person", out.object_id);
    apply_correction(ctx, audit, "person", out.object_id, out.changes[0], std::nullopt, out.object_id, reason);
    audit.append("correct.name", "", fnr, audit_detail("correct.name", "audit.d.name_corrected", {std::to_string(out.object_id)}));
    audit.flush();
    return out;
  });
}

Corrected correct_referral(const Context& ctx, std::string_view case_number, std::int64_t id, const ReferralFix& fix,
                           const std::string& reason_in) {
  authorize_some(ctx, "refer.correct");
  const std::string reason = correction_reason(reason_in);
  if (!fix.need && !fix.received && !fix.reporter_type && !fix.reporter_name)
    throw make_error(ExitCode::usage, "correct.nothing");
  if (fix.need) {
    require_text(*fix.need, "--need", TextField::lines);
    check_need(*fix.need);
  }
  // The one user date parser (i dag, 2.3.2026, ISO), checked and stored
  // alike; here first without the person, whose birth is known below.
  const std::optional<std::string> received =
      fix.received ? std::optional<std::string>(format_date(check_received(ctx, *fix.received))) : std::nullopt;
  if (fix.reporter_type) check_reporter_type(ctx.rv, *fix.reporter_type);
  if (fix.reporter_name) require_text(*fix.reporter_name, "--reporter-name", TextField::line);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "refer.correct", case_number);
    if (fix.received) check_received(ctx, *fix.received, try_parse_date(c.birth_date));
    CaseStore store(ctx.db);
    const auto stored = store.referral_fields(c.id, id);
    if (!stored) throw make_error(ExitCode::not_found, "correct.no_referral", c.number, id);
    Corrected out{c.number, "referral", id, {}};
    const std::pair<const std::optional<std::string>*, const char*> fields[] = {
        {&fix.need, "need"}, {&received, "received_on"}, {&fix.reporter_type, "reporter_type"}, {&fix.reporter_name, "reporter_name"}};
    for (std::size_t i = 0; i < 4; ++i) {
      const auto& [value, column] = fields[i];
      if (!*value) continue;
      const std::string after = **value;
      const std::string& before = (*stored)[i];
      if (before != after) out.changes.push_back({column, before, after});
    }
    if (out.changes.empty()) throw make_error(ExitCode::usage, "correct.nothing");
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("referral", id);
    for (const auto& ch : out.changes) apply_correction(ctx, audit, "referral", id, ch, c.id, c.person_id, reason, true);
    // The case is opened on its first referral's date.
    store.reopen_on_first_referral(c.id);
    // Dates in order: the referral that opens the case may not come after the
    // case's first decision (decide refuses a decision dated before it).
    if (const auto decided = DecisionStore(ctx.db).first_decided_on(c.id); decided && received)
      if (find_case(ctx.db, c.number).opened_on > *decided)
        throw make_error(ExitCode::data, "correct.received_after_decision", long_date(*received, ctx.lang), long_date(*decided, ctx.lang));
    audit.append("correct.referral", c.number, c.fnr,
                 audit_detail("correct.referral", "audit.d.referral_corrected", {std::to_string(id), fields_of(out)}));
    audit.flush();
    return out;
  });
}

Corrected void_consent(const Context& ctx, std::string_view case_number, std::int64_t id, const std::string& reason_in) {
  authorize_some(ctx, "consent.write");
  const std::string reason = correction_reason(reason_in);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    CaseStore store(ctx.db);
    const auto k = store.consent_to_void(c.id, id);
    if (!k) throw make_error(ExitCode::not_found, "consent.none_id", c.number, id);
    if (k->voided) throw make_error(ExitCode::refused, "correct.consent_voided_already", c.number, id);
    Corrected out{c.number, "consent", id, {{"void", k->withdrawn_on, k->given_on}}};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("consent", id);
    // Withdrawn on the day it was given: it never held on any day. A real
    // withdrawal keeps its who and why (the voiding's are in the correction);
    // its date is the correction's "before".
    store.void_consent(id, ctx.actor, reason);
    record_correction(ctx, audit, c.id, c.person_id, "consent", id, out.changes[0], reason);
    audit.append("correct.void_consent", c.number, c.fnr, audit_detail("correct.void_consent", "audit.d.consent_voided", {std::to_string(id)}));
    // A team working on a consent that never held is paused, as at a withdrawal.
    if (k->scope == "team") pause_team_without_consent(ctx, c, ctx.today(), audit, "audit.d.team_consent_voided");
    audit.flush();
    return out;
  });
}

Corrected void_assessment(const Context& ctx, std::string_view case_number, std::int64_t id, const std::string& reason_in) {
  authorize_some(ctx, "assess");
  const std::string reason = correction_reason(reason_in);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "assess", case_number);
    const auto voided = CaseStore(ctx.db).assessment_voided(c.id, id);
    if (!voided) throw make_error(ExitCode::not_found, "correct.no_assessment", c.number, id);
    if (*voided) throw make_error(ExitCode::refused, "correct.voided_already", c.number, id);
    Corrected out{c.number, "assessment", id, {{"void", "", "void"}}};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    record_correction(ctx, audit, c.id, c.person_id, "assessment", id, out.changes[0], reason);
    audit.append("correct.void_assessment", c.number, c.fnr,
                 audit_detail("correct.void_assessment", "audit.d.assessment_voided", {std::to_string(id)}));
    audit.flush();
    return out;
  });
}

}  // namespace oppteam
