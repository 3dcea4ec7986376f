#include <oppteam/process/correction.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam {

namespace {

std::string detail_of(const Corrected& c) {
  std::string out;
  for (const auto& ch : c.changes) out += (out.empty() ? "" : ", ") + ch.field;
  return c.object + " " + std::to_string(c.object_id) + ": " + out;
}

}  // namespace

std::string required_value(const std::string& text, std::string_view option, TextField field) {
  require_text(text, option, field);
  std::string value = trim(text);
  if (value.empty()) throw make_error(ExitCode::usage, "error.missing_option", option);
  return value;
}

std::string correction_reason(const std::string& reason) { return required_value(reason, "--reason"); }

void record_correction(const Context& ctx, std::optional<std::int64_t> case_id, std::int64_t person_id,
                       const std::string& object, std::int64_t object_id, const Change& change, const std::string& reason) {
  SQLite::Statement q(ctx.db.sql(),
                      "INSERT INTO correction(case_id, person_id, object, object_id, field, before, after, reason, "
                      "corrected_on, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (case_id) q.bind(1, *case_id);
  else q.bind(1);
  q.bind(2, person_id);
  q.bind(3, object);
  q.bind(4, object_id);
  q.bind(5, change.field);
  q.bind(6, change.before);
  q.bind(7, change.after);
  q.bind(8, reason);
  q.bind(9, format_date(ctx.today()));
  q.bind(10, ctx.actor);
  q.exec();
}

void apply_correction(const Context& ctx, const std::string& table, std::int64_t id, const Change& change,
                      std::optional<std::int64_t> case_id, std::int64_t person_id, const std::string& reason, bool empty_is_null) {
  SQLite::Statement u(ctx.db.sql(), "UPDATE " + table + " SET " + change.field + " = ? WHERE id = ?");
  if (empty_is_null && change.after.empty()) u.bind(1);
  else u.bind(1, change.after);
  u.bind(2, id);
  u.exec();
  record_correction(ctx, case_id, person_id, table, id, change, reason);
}

Corrected correct_name(const Context& ctx, std::string_view fnr_text, const std::string& name_in, const std::string& reason_in) {
  authorize(ctx, "person.correct");
  const std::string reason = correction_reason(reason_in);
  const std::string name = required_value(name_in, "--name");
  const std::string fnr = PersonalNumber::parse(fnr_text, ctx.pnr_options()).str();
  return ctx.db.write([&] {
    SQLite::Statement q(ctx.db.sql(), "SELECT id, coalesce(name, '') FROM person WHERE fnr = ?");
    q.bind(1, fnr);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "person.not_found", fnr);
    Corrected out{"", "person", q.getColumn(0).getInt64(), {{"name", q.getColumn(1).getString(), name}}};
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("person", out.object_id);
    apply_correction(ctx, "person", out.object_id, out.changes[0], std::nullopt, out.object_id, reason);
    audit.append("correct.name", "", fnr, detail_of(out));
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
  // The one user date parser (i dag, 2.3.2026, ISO), checked and stored alike.
  const std::optional<std::string> received =
      fix.received ? std::optional<std::string>(format_date(check_received(ctx, *fix.received))) : std::nullopt;
  if (fix.reporter_type) check_reporter_type(ctx.rv, *fix.reporter_type);
  if (fix.reporter_name) require_text(*fix.reporter_name, "--reporter-name", TextField::line);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "refer.correct", case_number);
    SQLite::Statement q(ctx.db.sql(),
                        "SELECT need, received_on, reporter_type, coalesce(reporter_name, '') FROM referral WHERE id = ? AND case_id = ?");
    q.bind(1, id);
    q.bind(2, c.id);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "correct.no_referral", c.number, id);
    Corrected out{c.number, "referral", id, {}};
    const std::pair<const std::optional<std::string>*, const char*> fields[] = {
        {&fix.need, "need"}, {&received, "received_on"}, {&fix.reporter_type, "reporter_type"}, {&fix.reporter_name, "reporter_name"}};
    for (int i = 0; i < 4; ++i) {
      const auto& [value, column] = fields[i];
      if (!*value) continue;
      const std::string after = **value;
      const std::string before = q.getColumn(i).getString();
      if (before != after) out.changes.push_back({column, before, after});
    }
    q.reset();
    if (out.changes.empty()) throw make_error(ExitCode::usage, "correct.nothing");
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("referral", id);
    for (const auto& ch : out.changes) apply_correction(ctx, "referral", id, ch, c.id, c.person_id, reason, true);
    // The case is opened on its first referral's date.
    SQLite::Statement o(ctx.db.sql(),
                        "UPDATE case_file SET opened_on = (SELECT min(received_on) FROM referral WHERE case_id = ?1) WHERE id = ?1");
    o.bind(1, c.id);
    o.exec();
    audit.append("correct.referral", c.number, c.fnr, detail_of(out));
    audit.flush();
    return out;
  });
}

Corrected void_consent(const Context& ctx, std::string_view case_number, std::int64_t id, const std::string& reason_in) {
  authorize_some(ctx, "consent.write");
  const std::string reason = correction_reason(reason_in);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "consent.write", case_number);
    SQLite::Statement q(ctx.db.sql(),
                        "SELECT k.given_on, coalesce(k.withdrawn_on, ''), k.scope, EXISTS (SELECT 1 FROM correction x WHERE "
                        "x.object = 'consent' AND x.object_id = k.id AND x.field = 'void') FROM consent k "
                        "WHERE k.id = ? AND k.case_id = ?");
    q.bind(1, id);
    q.bind(2, c.id);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "consent.none_id", c.number, id);
    if (q.getColumn(3).getInt()) throw make_error(ExitCode::refused, "correct.consent_voided_already", c.number, id);
    const std::string given_on = q.getColumn(0).getString();
    const std::string scope = q.getColumn(2).getString();
    Corrected out{c.number, "consent", id, {{"void", q.getColumn(1).getString(), given_on}}};
    q.reset();
    AuditWriter audit(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash);
    audit.before("consent", id);
    // Withdrawn on the day it was given: it never held on any day. A real
    // withdrawal keeps its who and why (the voiding's are in the correction);
    // its date is the correction's "before".
    SQLite::Statement u(ctx.db.sql(),
                        "UPDATE consent SET withdrawn_by = CASE WHEN withdrawn_on IS NULL THEN ? ELSE withdrawn_by END, "
                        "withdraw_reason = CASE WHEN withdrawn_on IS NULL THEN ? ELSE withdraw_reason END, "
                        "withdrawn_on = given_on WHERE id = ?");
    u.bind(1, ctx.actor);
    u.bind(2, reason);
    u.bind(3, id);
    u.exec();
    record_correction(ctx, c.id, c.person_id, "consent", id, out.changes[0], reason);
    audit.append("correct.void_consent", c.number, c.fnr, detail_of(out));
    // A team working on a consent that never held is paused, as at a withdrawal.
    if (scope == "team") pause_team_without_consent(ctx, c, ctx.today(), audit, "audit.d.team_consent_voided");
    audit.flush();
    return out;
  });
}

Corrected void_assessment(const Context& ctx, std::string_view case_number, std::int64_t id, const std::string& reason_in) {
  authorize_some(ctx, "assess");
  const std::string reason = correction_reason(reason_in);
  return ctx.db.write([&] {
    const CaseRef c = authorize_case(ctx, "assess", case_number);
    SQLite::Statement q(ctx.db.sql(),
                        "SELECT EXISTS (SELECT 1 FROM correction x WHERE x.object = 'assessment' AND x.object_id = a.id "
                        "AND x.field = 'void') FROM assessment a WHERE a.id = ? AND a.case_id = ?");
    q.bind(1, id);
    q.bind(2, c.id);
    if (!q.executeStep()) throw make_error(ExitCode::not_found, "correct.no_assessment", c.number, id);
    if (q.getColumn(0).getInt()) throw make_error(ExitCode::refused, "correct.voided_already", c.number, id);
    q.reset();
    Corrected out{c.number, "assessment", id, {{"void", "", "void"}}};
    record_correction(ctx, c.id, c.person_id, "assessment", id, out.changes[0], reason);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "correct.void_assessment", c.number, c.fnr, detail_of(out));
    return out;
  });
}

}  // namespace oppteam
